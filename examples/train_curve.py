#!/usr/bin/python3
"""Train from numpy arrays and plot the training curve: errors of the centre and of the best
replica per epoch, replicated SGD (y = 7) vs plain SGD, and the coupling gamma (PNAS 2016 Eq. 10).

    /usr/bin/python3 examples/train_curve.py              # N = 321, K = 5, alpha = 0.5: seconds
    /usr/bin/python3 examples/train_curve.py --alpha 0.55 --out curve.png
"""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import robens

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--N", type=int, default=321)
parser.add_argument("--K", type=int, default=5)
parser.add_argument("--alpha", type=float, default=0.5)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--max-epochs", type=int, default=1000)
parser.add_argument("--out", default="train_curve.png")
args = parser.parse_args()

X, y = robens.generate(N=args.N, K=args.K, alpha=args.alpha, seed=args.seed)
fig, (ax, ax_gamma) = plt.subplots(2, 1, sharex=True, figsize=(6, 6), height_ratios=[3, 1])
for algo in ("rsgd", "sgd"):
    result = robens.train(X, y, algo=algo, K=args.K, seed=args.seed, max_epochs=args.max_epochs,
                          history=True, progress=True)
    steps = [r["step"] for r in result.history]
    ax.plot(steps, [r["errors"] / len(y) for r in result.history], label=f"{algo}: centre")
    ax.plot(steps, [min(r["replica_errors"]) / len(y) for r in result.history], ":",
            label=f"{algo}: best replica")
    ax_gamma.plot(steps, [r["gamma"] for r in result.history], label=algo)
    print(result)
ax.set_ylabel("training error rate")
ax.set_yscale("symlog", linthresh=1e-3)
ax.set_title(f"committee N={args.N}, K={args.K}, alpha={args.alpha}, seed {args.seed}")
ax.legend()
ax_gamma.set_xlabel("epoch")
ax_gamma.set_ylabel("gamma")
fig.tight_layout()
fig.savefig(args.out, dpi=120)
print("wrote", args.out)
