#!/usr/bin/python3
"""Replica-theory curves with robens.theory (docs/theory.md), the left panels of PRL 2019 Figs. 1
and 2 for binary weights: the Franz-Parisi entropy around a typical solution (negative at small
distances: typical solutions are isolated) with the alpha = 0 bound H2(d) of PNAS 2016 Fig. 6, and
the large-deviation entropy around the densest references (flat near q1 = 1: dense regions).

    /usr/bin/python3 examples/theory_curves.py            # 10 points per curve, a few seconds
    /usr/bin/python3 examples/theory_curves.py --points 30 --out theory.png
"""
import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from robens import theory

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--points", type=int, default=10)
parser.add_argument("--alpha", type=float, default=0.6)
parser.add_argument("--out", default="theory_curves.png")
args = parser.parse_args()

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
d = np.linspace(0, 0.3, 100)
left.plot(d, theory.local_entropy_bound(d), "k:", label="alpha = 0 bound H2(d)")
for activation in ("sign", "relu"):
    fp = theory.franz_parisi(alpha=args.alpha, points=args.points, activation=activation)
    left.plot(fp["d"], fp["F_FP"], "o-", label=f"Franz-Parisi, {activation}, alpha={args.alpha}")
    print(activation, "d* =", fp.info["d_star"],
          "alpha_c(RS) =", theory.capacity(activation=activation))
left.axhline(0, color="grey", lw=0.5)
left.set_xlabel("distance d")
left.set_ylabel("entropy")
left.legend(fontsize=8)

for activation in ("sign", "relu"):
    ld = theory.large_deviation(alpha=args.alpha, q1_min=0.6, q1_max=0.99, points=args.points,
                                activation=activation)
    right.plot(ld["q1"], ld["F_LD_normalised"], "o-", label=f"large deviation, {activation}")
right.axhline(0, color="grey", lw=0.5)
right.set_xlabel("q1 (overlap inside the dense region)")
right.set_ylabel("entropy - its alpha = 0 value")
right.legend(fontsize=8)
fig.tight_layout()
fig.savefig(args.out, dpi=120)
print("wrote", args.out)
