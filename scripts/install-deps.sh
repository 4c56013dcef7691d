#!/usr/bin/env bash
# Installs the Debian packages robens needs, only when some are missing.
# Usage: scripts/install-deps.sh [--without-mpi]
# Open MPI (for `mpirun -n P robens sweep`) is installed by default; skip it with --without-mpi
# or ROBENS_WITH_MPI=0 (robens then builds without MPI support).
set -euo pipefail
# What cmake/Dependencies.cmake finds (REQUIRED: CLI11, nlohmann_json, fmt, pcg, zlib, Boost.Math,
# GTest, whose CMake package also needs libgmock-dev; OpenMP comes with g++; quietly: benchmark,
# toml++, MPI, for which FindMPI falls back on pkg-config), the Ninja generator of
# CMakePresets.json, git (the version's commit), clang-format (scripts/check-format.sh), the
# plots' Python modules, pybind11 + Python headers, pytest, tqdm for the Python package, and clang
# with its runtimes for the sanitizer build and the fuzzers.
packages=(build-essential cmake ninja-build pkg-config git libcli11-dev nlohmann-json3-dev
          libfmt-dev libpcg-cpp-dev zlib1g-dev libboost-math-dev libgtest-dev libgmock-dev
          libbenchmark-dev libtomlplusplus-dev clang-format python3-matplotlib python3-numpy
          # the Python package (src/robens/python): bindings, its tests, progress bars
          pybind11-dev python3-dev python3-pytest python3-tqdm
          # the `sanitize` preset and the fuzz/ harnesses (scripts/fuzz.sh): clang, its sanitizer
          # and libFuzzer runtimes (libclang_rt.*; not pulled in without recommends), its OpenMP
          clang libclang-rt-dev libomp-dev
          # the Fashion-MNIST dataset of `robens train --data fashion-mnist` (docs/data.md)
          dataset-fashion-mnist)
if [[ "${1:-}" != "--without-mpi" && "${ROBENS_WITH_MPI:-1}" != "0" ]]; then
  packages+=(libopenmpi-dev openmpi-bin)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "robens: installing missing packages: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "robens: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
