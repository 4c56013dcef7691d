#!/usr/bin/env python3
"""Extra PNAS Fig. 2 runs: a slower standard-SA schedule (is the SA baseline just too fast?) and
N = 6401 for the interacting version. Same CSV columns as pnas_fig2.py plus the stage moves."""
import json, subprocess, sys

ROBENS = sys.argv[2] if len(sys.argv) > 2 else "build/robens"
out = sys.argv[1]
runs = []
for N in (1601, 3201):
    runs += [(N, s, "sa", N // 4, 100_000_000) for s in range(1, 11)]
runs += [(6401, s, "rsa", 6401 // 20, 20_000_000) for s in range(1, 11)]
with open(out, "a") as f:
    for N, s, algo, stage, budget in runs:
        cmd = [ROBENS, "train", "--model", "perceptron", "--N", str(N), "--alpha", "0.3", "--y", "3", "--algo", algo,
               "--seed", str(s), "--stage-moves", str(stage), "--beta", "0.5", "--beta-factor", "1.01",
               "--max-iterations", str(budget), "--json", "--quiet"]
        if algo == "rsa":
            cmd += ["--gamma", "1.0", "--gamma-factor", "1.01"]
        r = subprocess.run(["nice", "-n", "10"] + cmd, capture_output=True, text=True)
        d = json.loads(r.stdout.strip().splitlines()[-1])
        f.write(f"{N},{s},{algo},{int(d['solved'])},{d['iterations']},{d['seconds']:.3f},{d['solved_by']},{stage}\n")
        f.flush()
