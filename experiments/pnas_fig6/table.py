#!/usr/bin/python3
"""Markdown summary of a pnas_fig6 run from its fBP trace files: per alpha, how many runs reached
zero training errors (at the last step, and at any step), at which tanh(gamma) they first did, the
local entropy near the reference (d <= 0.02), and whether negative local entropies appeared, at
steps where BP had converged.
Usage: experiments/pnas_fig6/table.py RESULTS_DIR   (e.g. experiments/results/pnas_fig6/full)"""
import collections
import glob
import json
import statistics
import sys


def main(folder):
    runs = collections.defaultdict(list)
    for path in sorted(glob.glob(f"{folder}/traces/*.jsonl")):
        header, steps, finished = None, [], False
        for line in open(path):
            j = json.loads(line)
            if j.get("type") == "header":
                header = j
            elif j.get("type") == "step":
                steps.append(j)
            finished = finished or j.get("type") == "summary"
        if header and steps and finished:
            runs[header["params"]["alpha"]].append(steps)
    if not runs:
        sys.exit(f"no finished traces in {folder}/traces")
    print("| α | runs | zero errors at the end | zero errors at some step | tanh γ of the first zero (median) "
          "| converged steps | local entropy at d ≤ 0.02 (converged; median) | runs with negative local entropy (converged) |")
    print("|---|---|---|---|---|---|---|---|")
    for alpha in sorted(runs):
        rs = runs[alpha]
        end = sum(1 for s in rs if s[-1]["errors"] == 0)
        first = [next((t["pol"] for t in s if t["errors"] == 0), None) for s in rs]
        some = [p for p in first if p is not None]
        conv = [t for s in rs for t in s if t.get("converged")]
        near = [t["local_entropy"] for t in conv if t["distance"] <= 0.02]
        negative = sum(1 for s in rs if any(t.get("converged") and t["local_entropy"] < 0 for t in s))
        fmt = lambda v: f"{statistics.median(v):.4f} ({len(v)} steps)" if v else "—"
        print(f"| {alpha} | {len(rs)} | {end}/{len(rs)} | {len(some)}/{len(rs)} | "
              f"{statistics.median(some):.3f} | {len(conv)}/{sum(len(s) for s in rs)} | " if some else
              f"| {alpha} | {len(rs)} | {end}/{len(rs)} | 0/{len(rs)} | — | {len(conv)}/{sum(len(s) for s in rs)} | ",
              end="")
        print(f"{fmt(near)} | {negative}/{len(rs)} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "experiments/results/pnas_fig6/full")
