#!/usr/bin/python3
"""Reproduces one figure: runs its sweep, the summary table and the plots.

Usage:  experiments/run.py FIGURE VARIANT [--robens BIN] [--results DIR] [--jobs J]
        FIGURE: pnas_fig2 | pnas_fig3 | pnas_fig6 | prl_fig3;  VARIANT: quick | full (| reduced | paper)
Example: experiments/run.py pnas_fig2 quick

The description experiments/FIGURE/VARIANT.json is copied to DIR (default
experiments/results/FIGURE/VARIANT) and run there with `robens sweep`, so every output (results
file, per-job traces, saved networks) lands in DIR; rerunning resumes. Then: summary.md and
summary.csv (`robens report`) and the figure's plots (experiments/plot.py, PNG + SVG). For
prl_fig3 the pattern files are generated before the sweep and the saved networks are measured
(`robens measure`) after it. If FIGURE/VARIANT_phase1.json exists, it is swept first in the same
folder (prl_fig3 paper: phase 1 finds the solutions that phase 2 starts from).
"""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
PLOT = HERE / "plot.py"
PYTHON = "/usr/bin/python3" if pathlib.Path("/usr/bin/python3").exists() else sys.executable


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def plot(kind, files, out, *extra):
    run([PYTHON, PLOT, kind, *files, "--out", out, *extra])


def records(path):
    out = []
    for line in pathlib.Path(path).read_text().splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return out


PRL_ALPHA = 0.4  # PRL Fig. 3; train reads it from the pattern file, so it is not in the description
# robens measure per variant: the eta grid ("a wide range" in the PRL; the paper-size runs go
# further) and what is measured (the paper-size runs add robustness to weight flips).
PRL_MEASURE = {
    "default": {"what": "input-noise,overlaps,stabilities", "eta-max": 0.3, "eta-steps": 7},
    "paper": {"what": "input-noise,weight-noise,overlaps,stabilities", "eta-max": 0.4, "eta-steps": 9},
}


def prl_generate_patterns(robens, desc, results):
    """The pattern file of each (variant, seed), as experiments/rsa/prl_fig3.sh makes them."""
    seeds = desc["seeds"]
    seeds = range(1, seeds + 1) if isinstance(seeds, int) else seeds
    for v in desc["variants"]:
        o = {**desc["fixed"], **v["options"]}
        for s in seeds:
            out = results / o["patterns"].replace("{variant}", v["name"]).replace("{seed}", str(s))
            if out.exists():
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            run([robens, "generate", "--N", o["N"], "--alpha", PRL_ALPHA, "--model", o["model"],
                 "--arch", o["arch"], "--K", o["K"], "--activation", o["activation"], "--seed", s,
                 "--out", out], stdout=subprocess.DEVNULL)


def prl_measure(robens, results, results_file, grid):
    measured = []
    for r in records(results_file):
        if not r["result"].get("solved"):
            continue  # the figure is about solutions
        args = r["argv"]
        net = results / args[args.index("--save") + 1]
        patterns = results / args[args.index("--patterns") + 1]
        out = results / "measure" / f"{r['variant']}-{r['job']}.measure.json"
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            run([robens, "measure", net, patterns, "--what", grid["what"],
                 "--networks", "center,majority,replicas", "--eta-max", grid["eta-max"],
                 "--eta-steps", grid["eta-steps"],
                 "--perturbations", "50", "--seed", r["seed"], "--out", out])
        measured.append(out)
    return measured


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("figure", choices=["pnas_fig2", "pnas_fig3", "pnas_fig6", "prl_fig3"])
    p.add_argument("variant")
    p.add_argument("--robens", default=str(ROOT / "build" / "robens"), help="the robens binary")
    p.add_argument("--results", help="output folder (default experiments/results/FIGURE/VARIANT)")
    p.add_argument("--jobs", help="robens sweep --jobs")
    a = p.parse_args()

    source = HERE / a.figure / f"{a.variant}.json"
    if not source.exists():
        sys.exit(f"run.py: no {source}")
    results = pathlib.Path(a.results) if a.results else HERE / "results" / a.figure / a.variant
    results.mkdir(parents=True, exist_ok=True)
    desc = json.loads(source.read_text())
    copy = results / "experiment.json"
    if not copy.exists() or copy.read_text() != source.read_text():
        copy.write_text(source.read_text())
    results_file = results / f"{desc['name']}.results.jsonl"

    jobs = ["--jobs", a.jobs] if a.jobs else []
    if a.figure == "prl_fig3":
        prl_generate_patterns(a.robens, desc, results)
    # A two-phase protocol (prl_fig3 paper): VARIANT_phase1.json runs first, in the same folder.
    first = HERE / a.figure / f"{a.variant}_phase1.json"
    if first.exists():
        first_copy = results / "experiment_phase1.json"
        if not first_copy.exists() or first_copy.read_text() != first.read_text():
            first_copy.write_text(first.read_text())
        run([a.robens, "sweep", first_copy] + jobs)
    run([a.robens, "sweep", copy] + jobs)
    with open(results / "summary.md", "w") as md:
        run([a.robens, "report", results_file, "--csv", results / "summary.csv"], stdout=md)
    print((results / "summary.md").read_text())

    if a.figure == "pnas_fig2":
        plot("scaling", [results_file], results / "fig2_iterations_vs_N.png", "--x", "N", "--stat",
             "logmean", "--title", "PNAS Fig. 2: perceptron alpha=0.3, y=3")
        plot("success", [results_file], results / "fig2_success_vs_N.png", "--x", "N")
    elif a.figure == "pnas_fig3":
        plot("success", [results_file], results / "fig3_success_vs_alpha.png", "--x", "alpha",
             "--title", "PNAS Fig. 3: committee N=321 K=5")
        plot("errors", [results_file], results / "fig3_min_error_rate_vs_alpha.png", "--x", "alpha")
        plot("steps", [results_file], results / "fig3_epochs_vs_alpha.png", "--x", "alpha")
    elif a.figure == "pnas_fig6":
        traces = sorted((results / "traces").glob("*.jsonl"))
        plot("entropy", traces, results / "fig6_entropy_vs_distance.png", "--series", "alpha")
    elif a.figure == "prl_fig3":
        grid = PRL_MEASURE.get(a.variant, PRL_MEASURE["default"])
        measured = prl_measure(a.robens, results, results_file, grid)
        if measured:
            plot("robustness", measured, results / "fig3_robustness_center.png", "--network", "center")
            plot("robustness", measured, results / "fig3_robustness_replicas.png", "--network",
                 "replica_mean")
        else:
            print("run.py: no solved run to measure", file=sys.stderr)


if __name__ == "__main__":
    main()
