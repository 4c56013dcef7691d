#!/usr/bin/python3
"""PNAS 2016 Fig. 3 in 20 lines: replicated SGD (y = 7) vs SGD on the fully connected committee
N = 321, K = 5: minimum training error and epochs to solution vs alpha. Quick by default (3 seeds,
2000 epochs); the paper: --seeds 10 --max-epochs 10000 --alphas 0.3 0.4 0.5 0.55 0.6."""
import argparse, statistics
import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
import robens
p = argparse.ArgumentParser(); p.add_argument("--seeds", type=int, default=3)
p.add_argument("--max-epochs", type=int, default=2000); p.add_argument("--out", default="pnas_fig3.png")
p.add_argument("--alphas", type=float, nargs="+", default=[0.3, 0.45, 0.6]); a = p.parse_args()
fig, (top, bottom) = plt.subplots(2, 1, sharex=True)
for algo in ("rsgd", "sgd"):
    runs = {al: [robens.train(algo=algo, alpha=al, seed=s, max_epochs=a.max_epochs) for s in range(1, a.seeds + 1)]
            for al in a.alphas}
    top.plot(a.alphas, [statistics.mean(r.min_errors / r.params["M"] for r in runs[al]) for al in a.alphas], "o-", label=algo)
    ok = [al for al in a.alphas if all(r.solved for r in runs[al])]  # 100 % success only, as the paper
    bottom.plot(ok, [statistics.mean(r.steps for r in runs[al]) for al in ok], "o-", label=algo)
    print(algo, {al: f"{sum(r.solved for r in runs[al])}/{a.seeds} solved" for al in a.alphas})
top.set_ylabel("min training error rate"); bottom.set_ylabel("epochs to solution"); bottom.set_yscale("log")
bottom.set_xlabel("alpha"); top.legend(); fig.savefig(a.out, dpi=120); print("wrote", a.out)
