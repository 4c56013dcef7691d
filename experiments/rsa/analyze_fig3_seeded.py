#!/usr/bin/env python3
"""Summarise PRL Fig. 3 (right) runs made by prl_fig3_seeded.sh: per activation, the input-noise
error probability of the centre (majority of the 20 replicas) and of the mean replica, averaged
over samples with the standard error across samples; the per-sample paired differences (centre
minus replicas, ReLU minus sign); and how far the final replicas moved from the phase-1 solution
they started from (a replica indistinguishable from the others would sit at overlap q1 = 0.85).
Usage: analyze_fig3_seeded.py DIR   (a prl_fig3_seeded.sh OUTDIR, or experiments/results/prl_fig3/paper)"""
import glob, json, math, os, sys
from collections import defaultdict


def signs(net):
    return [c == "+" for unit in net["weights"] for c in unit]


def overlap(a, b):
    return sum(1 if x == y else -1 for x, y in zip(a, b)) / len(a)


def mean_se(v):
    m = sum(v) / len(v)
    if len(v) < 2:
        return m, float("nan")
    return m, math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1) / len(v))


def record(m, t, p1, start_net, final):
    start = signs(start_net["center"])
    return {
        "curve_c": {p["eta"]: p["error_probability"] for p in m["input_noise"]["center"]},
        "curve_r": {p["eta"]: p["error_probability"] for p in m["input_noise"]["replica_mean"]},
        "wcurve_c": {p["eta"]: p["error_probability"] for p in m.get("weight_noise", {}).get("center", [])},
        "wcurve_r": {p["eta"]: p["error_probability"] for p in m.get("weight_noise", {}).get("replica_mean", [])},
        "solved": t["solved"] and t["solved_by"] == "all replicas",
        "p1_solved": p1["solved"], "p1_it": p1["iterations"], "it": t["iterations"],
        "seconds": p1["seconds"] + t["seconds"], "center_errors": t["center_errors"],
        "q": m["overlaps_center"]["replica_overlap"], "qc": m["overlaps_center"]["center_overlap"],
        "q_start": sum(overlap(signs(r), start) for r in final["replicas"]) / len(final["replicas"]),
        "stab_c": m["stabilities"]["center"]["mean"],
        "stab_r": sum(v["mean"] for k, v in m["stabilities"].items()
                      if k.startswith("replica") and k != "replica_mean") / len(final["replicas"]),
    }


def jsonl(path):
    out = []
    for line in open(path):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return out


d = sys.argv[1]
samples = defaultdict(dict)  # activation -> seed -> record (runs that ended with all replicas solutions)
attempts = defaultdict(dict)  # activation -> seed -> (phase-2 criterion met, replica errors)
sweep = os.path.join(d, "prl_fig3_paper.results.jsonl")
if os.path.exists(sweep):  # experiments/run.py prl_fig3 paper
    phase1 = {(r["variant"], r["seed"]): r["result"]
              for r in jsonl(os.path.join(d, "prl_fig3_paper_phase1.results.jsonl"))}
    for r in jsonl(sweep):
        attempts[r["variant"]][r["seed"]] = (r["result"]["solved"], r["result"]["replica_errors"])
        args = r["argv"]
        mfile = os.path.join(d, "measure", f"{r['variant']}-{r['job']}.measure.json")
        if not os.path.exists(mfile):
            continue
        start = json.load(open(os.path.join(d, args[args.index("--init-from") + 1])))
        final = json.load(open(os.path.join(d, args[args.index("--save") + 1])))
        samples[r["variant"]][r["seed"]] = record(json.load(open(mfile)), r["result"],
                                                  phase1[(r["variant"], r["seed"])], start, final)
else:  # experiments/rsa/prl_fig3_seeded.sh
    for f in sorted(glob.glob(os.path.join(d, "*.measure.json"))):
        act, _, seed = os.path.basename(f)[: -len(".measure.json")].split("-")
        base = f[: -len(".measure.json")]
        t = json.load(open(base + ".train.json"))
        attempts[act][int(seed[1:])] = (t["solved"], t["replica_errors"])
        if not t["solved"]:
            continue
        samples[act][int(seed[1:])] = record(
            json.load(open(f)), json.load(open(base + ".train.json")),
            json.load(open(base + ".phase1.train.json")), json.load(open(base + ".phase1.net.json")),
            json.load(open(base + ".net.json")))

for act, runs in sorted(samples.items()):
    seeds = sorted(runs)
    r = [runs[s] for s in seeds]
    tried = attempts[act]
    failed = {sd: max(e) for sd, (ok, e) in sorted(tried.items()) if not ok}
    print(f"\n### {act}: {len(r)} of {len(tried)} samples ended with all 20 replicas solutions "
          f"(the others, seed: worst replica's errors at the budget: {failed}); the tables use those {len(r)}\n")
    print(f"* these samples: phase-1 iterations median {sorted(x['p1_it'] for x in r)[len(r) // 2]:.3g}, "
          f"phase-2 iterations median {sorted(x['it'] for x in r)[len(r) // 2]:.3g}; wall time per sample "
          f"(both phases) median {sorted(x['seconds'] for x in r)[len(r) // 2]:.0f} s")
    print(f"* final mean replica overlap {mean_se([x['q'] for x in r])[0]:.3f}, replica-centre "
          f"{mean_se([x['qc'] for x in r])[0]:.3f}, replica-start {mean_se([x['q_start'] for x in r])[0]:.3f}; "
          f"centre training errors {[x['center_errors'] for x in r]} of P")
    print(f"* mean stability: centre {mean_se([x['stab_c'] for x in r])[0]:.3f}, replicas {mean_se([x['stab_r'] for x in r])[0]:.3f}")
    for kc, kr, what in (("curve_c", "curve_r", "input noise: P(a training pattern with a fraction eta of its entries flipped is misclassified)"),
                         ("wcurve_c", "wcurve_r", "weight noise: training error rate after flipping a fraction eta of the weights")):
        if not r[0][kc]:
            continue
        print(f"\n{what}\n")
        print("| eta | centre ± se | replicas ± se | centre − replicas ± se (paired) | samples with centre < replicas |")
        print("|---|---|---|---|---|")
        for eta in sorted(r[0][kc]):
            c = [x[kc][eta] for x in r]
            rep = [x[kr][eta] for x in r]
            diff = [a - b for a, b in zip(c, rep)]
            mc, sc = mean_se(c); mr, sr = mean_se(rep); md, sd = mean_se(diff)
            print(f"| {eta:.2f} | {mc:.4f} ± {sc:.4f} | {mr:.4f} ± {sr:.4f} | {md:+.4f} ± {sd:.4f} | "
                  f"{sum(x < 0 for x in diff)}/{len(diff)} |")

if "relu" in samples and "sign" in samples:
    print("\n### ReLU (K = 32) minus sign (K = 33), mean over samples ± se (independent samples)\n")
    rl, sg = list(samples["relu"].values()), list(samples["sign"].values())
    keys = ["curve_c", "curve_r"] + (["wcurve_c", "wcurve_r"] if rl[0]["wcurve_c"] and sg[0]["wcurve_c"] else [])
    names = {"curve_c": "input noise, centre", "curve_r": "input noise, replicas",
             "wcurve_c": "weight noise, centre", "wcurve_r": "weight noise, replicas"}
    print("| eta | " + " | ".join(names[k] for k in keys) + " |\n|---" + "|---" * len(keys) + "|")
    for eta in sorted(rl[0]["curve_c"]):
        out = []
        for key in keys:
            a, sa = mean_se([x[key][eta] for x in rl]); b, sb = mean_se([x[key][eta] for x in sg])
            out.append(f"{a - b:+.4f} ± {math.hypot(sa, sb):.4f}")
        print(f"| {eta:.2f} | " + " | ".join(out) + " |")
