#!/usr/bin/env python3
"""Average robens-measure robustness curves over samples: per activation, the input-noise error
probability of the centre (majority of the 20 replicas), and the mean over individual replicas.
Usage: analyze_fig3.py DIR"""
import glob, json, os, sys
from collections import defaultdict

d = sys.argv[1]
groups = defaultdict(list)
for f in sorted(glob.glob(os.path.join(d, "*.measure.json"))):
    groups[os.path.basename(f).split("-s")[0]].append(f)
for g, files in sorted(groups.items()):
    curves = defaultdict(lambda: defaultdict(list))
    trains = []
    for f in files:
        m = json.load(open(f))
        for name in ("center", "replica_mean"):
            for p in m["input_noise"][name]:
                curves[name][p["eta"]].append(p["error_probability"])
        t = json.load(open(f.replace(".measure.json", ".train.json")))
        trains.append(t)
        curves["q_replicas"][0].append(m["overlaps_center"]["replica_overlap"])
    print(f"\n### {g}: {len(files)} samples; solved (all replicas) {sum(t['solved'] for t in trains)}/{len(trains)}; "
          f"centre training errors {[t['center_errors'] for t in trains]}; final replica overlap "
          f"{sum(curves['q_replicas'][0]) / len(files):.3f}; iterations {[t['iterations'] for t in trains]}")
    print("\n| eta | centre P(error) | replicas P(error) (mean of 20) |\n|---|---|---|")
    for eta in sorted(curves["center"]):
        c, r = curves["center"][eta], curves["replica_mean"][eta]
        print(f"| {eta:.2f} | {sum(c)/len(c):.4f} | {sum(r)/len(r):.4f} |")
