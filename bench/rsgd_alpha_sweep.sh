#!/usr/bin/env bash
# PNAS Fig. 3 check: success rate and epochs of rSGD (y = 7) and plain SGD on the fully connected
# committee N = 321, K = 5, batch 80, lambda 0.75, gamma 0.05 + 0.001/epoch, formula simple,
# at most 10^4 epochs, 10 seeds per alpha. Resumable: finished runs in OUT are skipped.
# Usage: bench/rsgd_alpha_sweep.sh [ROBENS_BINARY] [OUT.jsonl] [JOBS]
set -euo pipefail
bin=${1:-build/robens}
out=${2:-bench/data/rsgd_alpha_sweep.jsonl}
jobs=${3:-2}
mkdir -p "$(dirname "$out")"
touch "$out"
common="--model committee --arch fc --N 321 --K 5 --batch 80 --eta 2 --max-epochs 10000 --json --quiet"
list=$(mktemp)
for algo in rsgd sgd; do
  for alpha in 0.3 0.4 0.5 0.55 0.6; do
    for seed in 1 2 3 4 5 6 7 8 9 10; do
      if ! grep -q "\"algo\":\"$algo\",\"alpha\":$alpha,.*\"seed\":$seed," "$out"; then
        extra=""
        [[ $algo == rsgd ]] && extra="--y 7 --lambda 0.75 --gamma 0.05 --gamma-step 0.001 --formula simple"
        echo "$bin train --algo $algo --alpha $alpha --seed $seed $common $extra" >> "$list"
      fi
    done
  done
done
# Each run prints one JSON line; append it whole (lines are shorter than PIPE_BUF, so appends
# from parallel jobs do not interleave).
xargs -P "$jobs" -I{} sh -c '{} | tail -n 1 >> '"$out" < "$list"
rm -f "$list"
python3 "$(dirname "$0")/summarize_runs.py" "$out"
