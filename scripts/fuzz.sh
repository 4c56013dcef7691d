#!/usr/bin/env bash
# Builds the `sanitize` preset with the fuzz/ harnesses, makes the seed corpora
# (scripts/fuzz-corpus.sh) and runs every harness for S seconds, P at a time. Exit 1, with the
# crashing inputs' paths, when a harness finds anything (crash, sanitizer report, leak, timeout,
# out-of-memory). See docs/reliability.md, "Fuzzing and sanitizers".
# Usage: scripts/fuzz.sh [--seconds S] [--parallel P] [--no-build] [HARNESS...]
#   (defaults: 60 s, P = nproc, every harness; HARNESS as in fuzz/, e.g. fuzz_network_file)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
parallel=$(nproc 2>/dev/null || echo 2)
build=1
only=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) only+=("$1"); shift ;;
  esac
done
dir=build-sanitize
if [[ $build -eq 1 ]]; then
  [[ -f $dir/CMakeCache.txt ]] || cmake --preset sanitize >/dev/null
  nice -n 10 ninja -C "$dir" -j "$parallel" robens fuzzers
fi
bash scripts/fuzz-corpus.sh --robens "$dir/robens" "$dir/fuzz-corpus" >"$dir/fuzz-corpus.log" 2>&1 ||
  { cat "$dir/fuzz-corpus.log" >&2; echo "fuzz: making the seed corpora failed" >&2; exit 1; }
[[ ${#only[@]} -gt 0 ]] || only=($(cd "$dir/fuzz" && ls fuzz_*))
rm -rf "$dir/fuzz-findings" "$dir/fuzz-logs"
mkdir -p "$dir/fuzz-findings" "$dir/fuzz-logs"

# One harness: its own growing corpus (seeded from the robens-made one and fuzz/corpus/), findings
# in fuzz-findings/NAME/. rss and malloc limits make a huge allocation a finding, not a hang.
run_one() {
  local name=$1 seeds=$dir/fuzz-corpus/${1#fuzz_} work=$dir/fuzz-work/$1
  mkdir -p "$work" "$dir/fuzz-findings/$name"
  local extra=()
  [[ -d fuzz/corpus/${name#fuzz_} ]] && extra+=("fuzz/corpus/${name#fuzz_}")
  case $name in  # token dictionaries (fuzz/dict/) for the structured formats
    fuzz_network_file|fuzz_experiment_json|fuzz_results_file|fuzz_warm_start)
      extra+=(-dict=fuzz/dict/json.dict) ;;
    fuzz_experiment_toml) extra+=(-dict=fuzz/dict/toml.dict) ;;
  esac
  "$dir/fuzz/$name" "$work" "$seeds" "${extra[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$dir/fuzz-findings/$name/" >"$dir/fuzz-logs/$name.log" 2>&1
}
export -f run_one
export dir seconds
status=0
printf '%s\n' "${only[@]}" | xargs -P "$parallel" -I{} bash -c 'run_one {}' || status=$?

found=$(find "$dir/fuzz-findings" -type f | sort)
for name in "${only[@]}"; do
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/fuzz-logs/$name.log" |
          grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $name: $execs runs in ${seconds} s (log: $dir/fuzz-logs/$name.log)"
done
if [[ -n $found || $status -ne 0 ]]; then
  echo "fuzz: FINDINGS (reproduce: $dir/fuzz/HARNESS FILE):" >&2
  [[ -n $found ]] && printf '  %s\n' $found >&2
  [[ -z $found ]] && echo "  a harness failed without an artifact; see the logs above" >&2
  exit 1
fi
echo "fuzz: no findings"
