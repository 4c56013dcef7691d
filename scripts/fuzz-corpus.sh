#!/usr/bin/env bash
# Seed corpora for the fuzz/ harnesses, made by robens itself: small pattern files (text and
# .rbp), network files of several algorithms, fBP message files, experiment descriptions (JSON,
# TOML) and the results file of a small sweep. Each harness gets DIR/<harness>/.
# Usage: scripts/fuzz-corpus.sh [--robens BINARY] [DIR]   (default: build-sanitize/robens,
#        build-sanitize/fuzz-corpus). Takes a few seconds (a few tiny training runs).
set -euo pipefail
cd "$(dirname "$0")/.."
robens=build-sanitize/robens
if [[ "${1:-}" == "--robens" ]]; then robens=$2; shift 2; fi
out=${1:-build-sanitize/fuzz-corpus}
robens=$(realpath "$robens")
rm -rf "$out"
mkdir -p "$out"/{pattern_text,pattern_binary,network_file,message_file,warm_start}
mkdir -p "$out"/{experiment_json,experiment_toml,results_file} "$out/work"
out=$(realpath "$out")
work=$out/work

# Patterns: a perceptron and a committee problem, a teacher's, each in both formats.
patterns() {  # NAME ARGS...: NAME.txt and NAME.rbp (the same patterns)
  local name=$1
  shift
  "$robens" generate "$@" --out "$work/$name.txt"
  "$robens" generate "$@" --out "$out/pattern_binary/$name.rbp"
  cp "$work/$name.txt" "$out/pattern_text/"
}
patterns p1 --model perceptron --N 7 --alpha 0.6 --seed 1
patterns p2 --N 9 --K 3 --alpha 0.4 --seed 2
patterns p3 --N 15 --K 3 --arch tree --alpha 0.4 --teacher --seed 3
"$robens" generate --N 15 --K 3 --arch tree --alpha 0.4 --teacher --seed 3 --out "$work/p3.txt" \
  --save-teacher "$work/teacher.json"

# Network files: what `train --save` writes for several algorithms (rsa records final beta and
# gamma), a bare teacher network, and fBP's message files (gzip, and the same unpacked).
train() { "$robens" train --quiet "$@" >/dev/null; }
train --algo rsgd --patterns "$work/p2.txt" --K 3 --seed 1 --save "$work/rsgd.json"
train --algo rsa --model perceptron --patterns "$work/p1.txt" --y 3 --seed 1 --save "$work/rsa.json"
train --algo sa --model perceptron --patterns "$work/p1.txt" --seed 1 --save "$work/sa.json"
train --algo fbp --patterns "$work/p2.txt" --K 3 --seed 1 --save "$work/fbp.json"
train --algo fbp --patterns "$work/p1.txt" --model perceptron --seed 1 --save-messages "$work/messages.gz"
gzip -dc "$work/messages.gz" > "$work/messages.txt"
cp "$work"/{rsgd,rsa,sa,fbp,teacher}.json "$out/network_file/"
cp "$work"/{rsgd,rsa,fbp,teacher}.json "$work"/messages.{gz,txt} "$out/warm_start/"
cp "$work"/messages.{gz,txt} "$out/message_file/"

# Experiments: the repository's descriptions, and a small one (every kind of key) in both
# formats; its sweep gives the results file (and a copy with a torn last line).
for f in experiments/*/quick.json; do cp "$f" "$out/experiment_json/$(basename "$(dirname "$f")").json"; done
cat > "$work/small.json" <<'JSON'
{"name": "small", "description": "fuzz seed", "command": "train",
 "fixed": {"algo": "rsa", "model": "perceptron", "patterns": "p1.txt", "max-iterations": 2000},
 "grid": {"beta-factor": [1.01, 1.02], "size": [{"y": 3, "gamma": 0.5}, {"y": 5, "gamma": 1}]},
 "variants": [{"name": "a", "options": {"beta": 0.5}}, {"name": "b"}],
 "seeds": {"first": 3, "count": 2}, "output": "small.results.jsonl"}
JSON
cat > "$out/experiment_toml/small.toml" <<'TOML'
name = "small"
description = "fuzz seed"
seeds = [1, 4, 9]
output = "small.results.jsonl"
[fixed]
model = "perceptron"
alpha = 0.3
no-outatzero = true
[grid]
size = [{ N = 21, stage-moves = 10 }, { N = 41, stage-moves = 20 }]
beta-factor = [1.01, 1.02]
[[variants]]
name = "rsa"
options = { algo = "rsa", gamma = 1.0 }
[[variants]]
name = "sa"
options = { algo = "sa" }
TOML
cp "$work/small.json" "$out/experiment_json/"
(cd "$work" && "$robens" sweep small.json --jobs 2 --quiet)
# Few records each: a whole file of 16 makes every run 10 times slower for no new code.
head -n 2 "$work/small.results.jsonl" > "$out/results_file/two.results.jsonl"
head -n 3 "$work/small.results.jsonl" | head -c -40 > "$out/results_file/torn.results.jsonl"
rm -rf "$work"
echo "fuzz-corpus: $(find "$out" -type f | wc -l) files in $out"
