#!/usr/bin/env bash
# Issue 4 measurements: success rates of reinforced BP and focusing BP (10 seeds per point, all
# defaults otherwise) on the perceptron N = 1001 and the fc committee N = 321, K = 5, plus the
# PNAS Fig. 6 (top) scoping runs: local entropy vs distance, y = 7, gamma 0..2.5.
# Resumable: runs already in OUT (matched by their "job" tag) are skipped.
# Usage: bench/fbp_success.sh [ROBENS_BINARY] [OUT_DIR] [JOBS]
set -euo pipefail
bin=${1:-build/robens}
out=${2:-bench/data/fbp}
jobs=${3:-2}
mkdir -p "$out"
runs="$out/success.jsonl"
touch "$runs"
list=$(mktemp)
add() {  # add TAG COMMAND...: queue the command unless TAG already has a line in $runs
  local tag=$1; shift
  grep -q "\"job\":\"$tag\"" "$runs" || printf '%s\t%s\n' "$tag" "$*" >> "$list"
}
for seed in 1 2 3 4 5 6 7 8 9 10; do
  for alpha in 0.6 0.65 0.7 0.75; do
    for algo in rbp fbp; do
      add "perceptron-$algo-$alpha-$seed" "$bin train --model perceptron --N 1001 --alpha $alpha --algo $algo --seed $seed --json --quiet"
    done
  done
  for alpha in 0.3 0.4 0.5 0.6 0.7; do
    add "committee-fbp-$alpha-$seed" "$bin train --model committee --arch fc --N 321 --K 5 --alpha $alpha --algo fbp --seed $seed --json --quiet"
  done
done
# Fig. 6 top: scoping at y = 7, 20 sweeps per step, thermodynamics at every converged step.
for seed in 1 2 3 4 5 6 7 8 9 10; do
  for alpha in 0.3 0.4 0.5 0.6 0.7; do
    f="$out/fig6-alpha$alpha-seed$seed"
    add "fig6-$alpha-$seed" "$bin train --model committee --arch fc --N 321 --K 5 --alpha $alpha --algo fbp --protocol scoping --gamma 0:0.1:2.5 --y 7 --no-outatzero --max-iters 20 --seed $seed --trace $f.jsonl --json --quiet"
  done
done
# One line per finished run: {"job": TAG, ...the --json summary...}; short appends do not interleave.
export runs
run_one() {
  local tag=${1%%$'\t'*} cmd=${1#*$'\t'}
  local line
  line=$($cmd | tail -n 1) || return 0
  printf '{"job":"%s",%s\n' "$tag" "${line#\{}" >> "$runs"
}
export -f run_one
tr '\n' '\0' < "$list" | xargs -0 -P "$jobs" -I{} bash -c 'run_one "$1"' _ {}
rm -f "$list"
