#!/usr/bin/env python3
"""Summarise `robens train --json` lines (one run per line) as a Markdown table per
(algorithm, alpha): success rate, median and quartiles of epochs/iterations over solved runs,
median minimum error count, median seconds."""
import json
import statistics
import sys
from collections import defaultdict


def quartiles(xs):
    xs = sorted(xs)
    if not xs:
        return "-"
    if len(xs) == 1:
        return f"{xs[0]:g}"
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return f"{statistics.median(xs):g} [{q[0]:g}, {q[2]:g}]"


def main(path):
    groups = defaultdict(list)
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            p = r["params"]
            label = r["algorithm"] + (f" y={p['y']}" if "y" in p else "")
            groups[(label, p.get("alpha"))].append(r)
    print("| algorithm | alpha | M | solved | epochs (median [q1, q3], solved runs) | min errors (median; max) | min error rate (median) | seconds (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for (algo, alpha), runs in sorted(groups.items()):
        unit = "epochs" if "epochs" in runs[0] else "iterations"
        solved = [r for r in runs if r["solved"]]
        m = runs[0]["params"]["M"]
        mins = [r["min_errors"] for r in runs]
        print(f"| {algo} | {alpha} | {m} | {len(solved)}/{len(runs)} | {quartiles([r[unit] for r in solved])} | "
              f"{statistics.median(mins):g}; {max(mins)} | {100 * statistics.median(mins) / m:.3g}% | "
              f"{statistics.median(r['seconds'] for r in runs):.3g} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/data/rsgd_alpha_sweep.jsonl")
