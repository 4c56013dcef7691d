#!/bin/bash
# PRL 2019 Fig. 3 (right) at the paper's size, in two phases per sample (docs/rsa.md, "PRL Fig. 3"):
#  1. find a solution with the default scoping rSA (y = 20, no overlap control);
#  2. start all 20 replicas from it and run the overlap-controlled rSA (q1 = 0.85 +- 0.01, error
#     energy, RRR on the coupling) while beta anneals 3 -> 8, until every replica is a solution;
# then measure the robustness curves of the centre and of every replica.
# The paper anneals overlap-controlled from random starts; at K = 32/33 that did not reach
# all-replicas-solutions within 1.2e9 iterations with robens (bench/results/rsa.md), hence phase 1.
# Usage: [MIN_ITERATIONS=2e8] prl_fig3_seeded.sh OUTDIR relu|sign K SEEDS...
set -e
B=${ROBENS:-build/robens}
out=$1; act=$2; K=$3; shift 3
mkdir -p "$out"
N=$((K * K)); block=$((20 * 20 * N))  # 20 sweeps of the 20 replicas per control block
shape="--model committee --arch tree --K $K --N $N --activation $act"
for s in "$@"; do
  tag=$act-K$K-s$s
  [ -s "$out/$tag.measure.json" ] && continue  # resume: samples already measured are kept
  nice -n 5 $B generate --alpha 0.4 $shape --seed $s --out "$out/$tag.patterns.txt" > /dev/null
  nice -n 5 $B train --patterns "$out/$tag.patterns.txt" $shape --algo rsa --y 20 --energy errors \
    --seed $s --save "$out/$tag.phase1.net.json" --json --quiet > "$out/$tag.phase1.train.json"
  nice -n 5 $B train --patterns "$out/$tag.patterns.txt" $shape --algo rsa --y 20 --energy errors \
    --init-from "$out/$tag.phase1.net.json" --init-which center \
    --target-overlap 0.85 --overlap-tolerance 0.01 --gamma 2 --beta 3 --beta-factor 1.03 --beta-max 8 \
    --block-iterations $block --min-iterations ${MIN_ITERATIONS:-2e8} --max-iterations 1e9 --seed $s \
    --save "$out/$tag.net.json" --json --quiet > "$out/$tag.train.json"
  nice -n 5 $B measure "$out/$tag.net.json" "$out/$tag.patterns.txt" --what input-noise,overlaps,stabilities \
    --networks center,replicas --eta-max 0.4 --eta-steps 9 --perturbations 50 --seed $s \
    --out "$out/$tag.measure.json.part" && mv "$out/$tag.measure.json.part" "$out/$tag.measure.json"
done
