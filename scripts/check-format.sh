#!/usr/bin/env bash
# Checks that every .cpp/.hpp under src/ tests/ bench/ fuzz/ is formatted as .clang-format says; lists
# the files that are not and exits 1. With --fix, reformats them in place instead (`make format`).
# Usage: scripts/check-format.sh [--fix]   (CLANG_FORMAT=clang-format-14 picks another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format}
command -v "$clang_format" >/dev/null ||
  { echo "check-format: $clang_format not found (Debian package clang-format)" >&2; exit 2; }

mapfile -t files < <(find src tests bench fuzz -type f \( -name '*.cpp' -o -name '*.hpp' \) |
                     LC_ALL=C sort)
if [[ "${1:-}" == "--fix" ]]; then
  printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" -i
  exit 0
fi
failing=()
for f in "${files[@]}"; do
  "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1 || failing+=("$f")
done
if [[ ${#failing[@]} -gt 0 ]]; then
  echo "check-format: ${#failing[@]} of ${#files[@]} files are not clang-formatted" \
       "(run \`make format\`):" >&2
  printf '  %s\n' "${failing[@]}" >&2
  exit 1
fi
echo "check-format: all ${#files[@]} files are clang-formatted"
