#!/usr/bin/python3
"""Markdown table of the input-noise curves of a prl_fig3 run: error probability vs eta of the
centre and of the mean replica, per activation, averaged over the samples.
Usage: experiments/prl_fig3/table.py RESULTS_DIR   (e.g. experiments/results/prl_fig3/reduced)"""
import collections
import glob
import json
import sys


def main(folder):
    curves = collections.defaultdict(lambda: collections.defaultdict(list))  # (act, net) -> eta -> [p]
    samples = collections.Counter()
    for path in sorted(glob.glob(f"{folder}/measure/*.measure.json")):
        m = json.load(open(path))
        act = f"{m['shape']['activation']} K={m['shape']['units']}"
        samples[act] += 1
        replicas = [k for k in m["input_noise"] if k.startswith("replica")]
        for point in m["input_noise"]["center"]:
            curves[(act, "centre")][round(point["eta"], 4)].append(point["error_probability"])
        for i, point in enumerate(m["input_noise"][replicas[0]]):
            mean = sum(m["input_noise"][r][i]["error_probability"] for r in replicas) / len(replicas)
            curves[(act, "replicas (mean)")][round(point["eta"], 4)].append(mean)
    if not curves:
        sys.exit(f"no measure files in {folder}/measure")
    columns = sorted(curves)
    print("| η | " + " | ".join(f"{a}: {n} ({samples[a]} samples)" for a, n in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for eta in sorted(curves[columns[0]]):
        row = [sum(curves[c][eta]) / len(curves[c][eta]) for c in columns]
        print(f"| {eta:.2f} | " + " | ".join(f"{p:.4f}" for p in row) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "experiments/results/prl_fig3/reduced")
