#!/usr/bin/env python3
"""PNAS 2016 Fig. 2 with robens: perceptron, alpha = 0.3, y = 3, interacting (rsa) vs standard SA
(gamma = 0), same samples (data seed) for both. Writes one CSV row per run.
Usage: [ALGOS=rsa,sa] [MOVE_RULE=rrr|eq9] [ROBENS=path] pnas_fig2.py OUT.csv [N ...]"""
import json, os, subprocess, sys, time

ROBENS = os.environ.get("ROBENS", "build/robens")
ALGOS = os.environ.get("ALGOS", "rsa,sa").split(",")
MOVE_RULE = os.environ.get("MOVE_RULE", "rrr")
out = sys.argv[1]
Ns = [int(x) for x in sys.argv[2:]] or [201, 401, 801, 1601, 3201]
SAMPLES = 10
BUDGET = 20_000_000
with open(out, "a") as f:
    for N in Ns:
        stage = max(10, N // 20)
        for s in range(1, SAMPLES + 1):
            for algo in ALGOS:
                cmd = [ROBENS, "train", "--model", "perceptron", "--N", str(N), "--alpha", "0.3", "--y", "3",
                       "--algo", algo, "--seed", str(s), "--stage-moves", str(stage), "--beta", "0.5",
                       "--beta-factor", "1.01", "--max-iterations", str(BUDGET), "--json", "--quiet"]
                if algo == "rsa":
                    cmd += ["--gamma", "1.0", "--gamma-factor", "1.01", "--move-rule", MOVE_RULE]
                t = time.time()
                r = subprocess.run(["nice", "-n", "10"] + cmd, capture_output=True, text=True)
                d = json.loads(r.stdout.strip().splitlines()[-1])
                label = algo if algo == "sa" or MOVE_RULE == "rrr" else f"{algo}-{MOVE_RULE}"
                f.write(f"{N},{s},{label},{int(d['solved'])},{d['iterations']},{d['seconds']:.3f},{d['solved_by']}\n")
                f.flush()
