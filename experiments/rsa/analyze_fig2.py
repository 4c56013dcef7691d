#!/usr/bin/env python3
"""Summarise PNAS Fig. 2 runs (CSV from pnas_fig2.py): per N and variant, solved fraction and the
mean/std of log10(iterations) over solved runs; least-squares fit log it = log a + b log N of the
interacting runs (all solved), and of the standard SA on the N where all runs solved."""
import csv, math, sys
from collections import defaultdict

rows = [r for f in sys.argv[1:] for r in csv.DictReader(open(f))]
by = defaultdict(list)
for r in rows:
    by[(r["algo"], int(r["N"]), r.get("stage", ""))].append(r)
print("| variant | N | solved | median iterations | mean log10 it ± std | median seconds |")
print("|---|---|---|---|---|---|")
fits = defaultdict(list)
for (algo, N, stage), rs in sorted(by.items()):
    ok = [int(r["iterations"]) for r in rs if r["solved"] == "1"]
    secs = sorted(float(r["seconds"]) for r in rs)
    if ok:
        logs = [math.log10(x) for x in ok]
        m = sum(logs) / len(logs)
        sd = math.sqrt(sum((l - m) ** 2 for l in logs) / max(1, len(logs) - 1))
        med = sorted(ok)[len(ok) // 2]
    name = ({"rsa": "interacting (rsa)", "rsa-eq9": "interacting, Eq. 9 rule"}.get(algo, "standard SA")) + (f", stage {stage}" if stage else "")
    print(f"| {name} | {N} | {len(ok)}/{len(rs)} | {med if ok else '-'} | "
          f"{f'{m:.2f} ± {sd:.2f}' if ok else '-'} | {secs[len(secs)//2]:.2f} |")
    if len(ok) == len(rs):
        fits[(algo, stage)].append((math.log(N), sum(math.log(x) for x in ok) / len(ok)))
for key, pts in fits.items():
    if len(pts) < 2:
        continue
    n = len(pts)
    mx = sum(p[0] for p in pts) / n
    my = sum(p[1] for p in pts) / n
    b = sum((p[0] - mx) * (p[1] - my) for p in pts) / sum((p[0] - mx) ** 2 for p in pts)
    a = math.exp(my - b * mx)
    print(f"\nfit {key[0]} {key[1]} over N = {[round(math.exp(p[0])) for p in pts]}: iterations ~ {a:.3g} * N^{b:.2f}")
