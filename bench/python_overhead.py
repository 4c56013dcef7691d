#!/usr/bin/python3
"""Overhead of training from Python (issue 13: at most 5 % over the CLI) on the default problem of
`robens train` (fc committee N = 321, K = 5, alpha = 0.5, rSGD y = 7), over several seeds.

For every seed, interleaved and repeated: `robens train --seed S --json --quiet` as a process, and
`robens.train(seed=S)` in this interpreter; also `robens.train(X, y, seed=S)` from numpy arrays
(generated beforehand, the same patterns) and the default problem with a per-step callback. Times:
the training itself (the summary's `seconds`, measured by the library around the algorithm) and the
whole call (process start to exit for the CLI; the function call for Python). Medians per seed, then
the median over seeds. Each run's result is checked to be the CLI's.

    /usr/bin/python3 bench/python_overhead.py [--seeds 7] [--repeats 3] [--robens build/robens]

Uses the package of build/python when it exists (the build that made build/robens), else the
installed one.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD_PACKAGE = os.path.join(HERE, "..", "build", "python")
if os.path.isdir(os.path.join(BUILD_PACKAGE, "robens")):
    sys.path.insert(0, BUILD_PACKAGE)
import robens  # noqa: E402


def cli_run(binary, seed):
    t0 = time.perf_counter()
    out = subprocess.run([binary, "train", "--seed", str(seed), "--json", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    return json.loads(out.strip().splitlines()[-1]), wall


def python_run(seed, data=None, callback=None):
    t0 = time.perf_counter()
    result = robens.train(*(data or ()), seed=seed, callback=callback)
    return result.summary, time.perf_counter() - t0


def same(a, b):
    """The same run: equal summaries but the wall time and how the data is named (arrays record
    "patterns": "<numpy>" and the alpha M / weights instead of the generated data's options)."""
    data_keys = ("patterns", "teacher", "alpha")

    def core(summary):
        params = {k: v for k, v in summary["params"].items() if k not in data_keys}
        return {**{k: v for k, v in summary.items() if k != "seconds"}, "params": params}

    return core(a) == core(b)


def measure(binary, seeds, repeats):
    kinds = ("cli", "python", "numpy", "callback")
    times = {k: {"train": {}, "call": {}} for k in kinds}
    for seed in seeds:
        data = robens.generate(seed=seed)
        steps = []
        for _ in range(repeats):
            runs = {"cli": cli_run(binary, seed), "python": python_run(seed),
                    "numpy": python_run(seed, data), "callback": python_run(seed, None, steps.append)}
            reference = runs["cli"][0]
            for kind, (summary, wall) in runs.items():
                assert same(reference, summary), f"{kind} differs from the CLI at seed {seed}"
                times[kind]["train"].setdefault(seed, []).append(summary["seconds"])
                times[kind]["call"].setdefault(seed, []).append(wall)
    return times


def median_of_medians(per_seed):
    return statistics.median(statistics.median(v) for v in per_seed.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--robens", default=robens._robens._build_executable)
    args = parser.parse_args()
    seeds = list(range(1, args.seeds + 1))
    times = measure(args.robens, seeds, args.repeats)
    cli_train = median_of_medians(times["cli"]["train"])
    cli_call = median_of_medians(times["cli"]["call"])
    print(f"robens {robens.__version__}; seeds {seeds[0]}..{seeds[-1]}, {args.repeats} runs each; "
          "medians over seeds of the per-seed medians")
    print("| how | training (s) | vs CLI | whole call (s) | vs CLI |")
    print("|---|---|---|---|---|")
    labels = {"cli": "`robens train --seed S` (process)", "python": "`robens.train(seed=S)`",
              "numpy": "`robens.train(X, y, seed=S)` (numpy arrays)",
              "callback": "`robens.train(seed=S, callback=f)` (a Python call per epoch)"}
    for kind, label in labels.items():
        train = median_of_medians(times[kind]["train"])
        call = median_of_medians(times[kind]["call"])
        print(f"| {label} | {train:.4f} | {100 * (train / cli_train - 1):+.1f} % | {call:.4f} | "
              f"{100 * (call / cli_call - 1):+.1f} % |")


if __name__ == "__main__":
    main()
