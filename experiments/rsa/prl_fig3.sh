#!/bin/bash
# PRL 2019 Fig. 3 (right) with robens, reduced size: tree committees with N = K^2, alpha = 0.4,
# y = 20, overlap-controlled at q1 = 0.85 +- 0.01; then robustness curves of the saved networks.
# Usage: [SWEEPS_PER_BLOCK=40] [BETA_FACTOR=1.03] [MAX_ITERATIONS=4e8] prl_fig3.sh OUTDIR relu|sign K SEEDS...
set -e
B=${ROBENS:-build/robens}
out=$1; act=$2; K=$3; shift 3
mkdir -p "$out"
N=$((K * K)); block=$((${SWEEPS_PER_BLOCK:-40} * 20 * N))
for s in "$@"; do
  tag=$act-K$K-s$s
  nice -n 10 $B generate --N $N --alpha 0.4 --model committee --arch tree --K $K --activation $act --seed $s --out "$out/$tag.patterns.txt" > /dev/null
  nice -n 10 $B train --patterns "$out/$tag.patterns.txt" --model committee --arch tree --K $K --N $N --activation $act \
    --algo rsa --y 20 --energy errors --target-overlap 0.85 --overlap-tolerance 0.01 --gamma 0.5 --beta 0.5 \
    --beta-factor ${BETA_FACTOR:-1.03} --beta-max 8 --block-iterations $block --max-iterations ${MAX_ITERATIONS:-400000000} --seed $s \
    --save "$out/$tag.net.json" --json --quiet > "$out/$tag.train.json"
  nice -n 10 $B measure "$out/$tag.net.json" "$out/$tag.patterns.txt" --what input-noise,overlaps,stabilities \
    --networks center,majority,replicas --eta-max 0.3 --eta-steps 7 --perturbations 50 --seed $s \
    --out "$out/$tag.measure.json"
done
