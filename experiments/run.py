#!/usr/bin/python3
"""Reproduces one figure: runs its sweep, the summary table and the plots.

Usage:  experiments/run.py FIGURE VARIANT [--resume] [--robens BIN] [--results DIR] [--jobs J]
        FIGURE: pnas_fig2 | pnas_fig3 | pnas_fig6 | prl_fig3;  VARIANT: quick | full (| reduced | paper)
Example: experiments/run.py pnas_fig2 quick

A fresh run by default: every job is computed, into DIR = --results, else
experiments/results/FIGURE/VARIANT, or, when that folder already holds results (the committed ones,
or an earlier run), the first free experiments/results/FIGURE/VARIANT-2, -3, ... A fresh run never
reuses results: an explicit --results DIR that holds some is refused. --resume continues the
results in DIR (default experiments/results/FIGURE/VARIANT): jobs already there are skipped. Either
way run.py first says what it does ("fresh run into DIR" or "resuming: N of M jobs already in
FILE").

The description experiments/FIGURE/VARIANT.json is copied to DIR and run there with `robens
sweep`, so every output (results file, per-job traces, saved networks) lands in DIR. Then:
summary.md and summary.csv (`robens report`) and the figure's plots (experiments/plot.py, PNG +
SVG, drawn from summary.csv). For prl_fig3 the pattern files are generated before the sweep and
the saved networks are measured (`robens measure`) after it. If FIGURE/VARIANT_phase1.json exists,
it is swept first in the same folder (prl_fig3 paper: phase 1 finds the solutions that phase 2
starts from).
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


def plot(kind, files, out, *extra, summary=None):
    # success/steps/scaling draw the statistics of robens report (summary.csv), not their own.
    run([PYTHON, PLOT, kind, *files, "--out", out, *extra, *(["--summary", summary] if summary else [])])


def held_results(folder):
    """The results files in `folder` that hold at least one line."""
    return sorted(f for f in pathlib.Path(folder).glob("*.results.jsonl") if f.stat().st_size > 0)


def results_folder(a):
    """Where this run writes, and why: a fresh folder unless --resume."""
    default = HERE / "results" / a.figure / a.variant
    if a.resume or a.results:
        return pathlib.Path(a.results) if a.results else default, ""
    if not held_results(default):
        return default, ""
    n = 2
    while held_results(default.parent / f"{a.variant}-{n}"):
        n += 1
    return default.parent / f"{a.variant}-{n}", f"{default} holds earlier results; --resume continues those"


def job_counts(robens, description, output):
    """(jobs already in `output`, jobs of the description), from `robens sweep --list`."""
    listed = subprocess.run([robens, "sweep", description, "--list", "--output", output], check=True,
                            capture_output=True, text=True).stdout.splitlines()
    return sum(1 for line in listed if line.split()[1:2] == ["done"]), len(listed)


def say_what_runs(robens, descriptions, results, resume, note):
    """One line per sweep: a fresh run, or how many jobs are resumed from which file."""
    if not resume:
        total = sum(job_counts(robens, d, o)[1] for d, o in descriptions)
        print(f"run.py: fresh run into {results} ({total} jobs{'; ' + note if note else ''})", flush=True)
        return
    for description, output in descriptions:
        done, total = job_counts(robens, description, output)
        print(f"run.py: resuming: {done} of {total} jobs already in {output}; running the other "
              f"{total - done}", flush=True)


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


def copy_description(source, copy):
    if not copy.exists() or copy.read_text() != source.read_text():
        copy.write_text(source.read_text())
    return copy


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("figure", choices=["pnas_fig2", "pnas_fig3", "pnas_fig6", "prl_fig3"])
    p.add_argument("variant")
    p.add_argument("--robens", default=str(ROOT / "build" / "robens"), help="the robens binary")
    p.add_argument("--results", help="output folder (default experiments/results/FIGURE/VARIANT, or a "
                   "new VARIANT-N next to it when that holds results and --resume is not given)")
    p.add_argument("--resume", action="store_true",
                   help="continue the results in the folder (default: a fresh run that computes every job)")
    p.add_argument("--jobs", help="robens sweep --jobs")
    a = p.parse_args()

    source = HERE / a.figure / f"{a.variant}.json"
    if not source.exists():
        sys.exit(f"run.py: no {source}")
    results, note = results_folder(a)
    if not a.resume and held_results(results):  # checked before anything in the folder changes
        sys.exit(f"run.py: {held_results(results)[0]} already holds results; pass --resume to "
                 f"complete them, or --results NEW_DIR for a fresh run")
    results.mkdir(parents=True, exist_ok=True)
    desc = json.loads(source.read_text())
    copy = copy_description(source, results / "experiment.json")
    results_file = results / f"{desc.get('name', copy.stem)}.results.jsonl"
    # A two-phase protocol (prl_fig3 paper): VARIANT_phase1.json runs first, in the same folder.
    sweeps = []
    first = HERE / a.figure / f"{a.variant}_phase1.json"
    if first.exists():
        first_copy = copy_description(first, results / "experiment_phase1.json")
        first_name = json.loads(first.read_text()).get("name", first_copy.stem)
        sweeps.append((first_copy, results / f"{first_name}.results.jsonl"))
    sweeps.append((copy, results_file))
    say_what_runs(a.robens, sweeps, results, a.resume, note)

    jobs = ["--jobs", a.jobs] if a.jobs else []
    if a.figure == "prl_fig3":
        prl_generate_patterns(a.robens, desc, results)
    for description, _ in sweeps:
        run([a.robens, "sweep", description] + jobs)
    summary = results / "summary.csv"
    with open(results / "summary.md", "w") as md:
        run([a.robens, "report", results_file, "--csv", summary], stdout=md)
    print((results / "summary.md").read_text())

    if a.figure == "pnas_fig2":
        plot("scaling", [results_file], results / "fig2_iterations_vs_N.png", "--x", "N", "--stat",
             "logmean", "--title", "PNAS Fig. 2: perceptron alpha=0.3, y=3", summary=summary)
        plot("success", [results_file], results / "fig2_success_vs_N.png", "--x", "N", summary=summary)
    elif a.figure == "pnas_fig3":
        plot("success", [results_file], results / "fig3_success_vs_alpha.png", "--x", "alpha",
             "--title", "PNAS Fig. 3: committee N=321 K=5", summary=summary)
        plot("errors", [results_file], results / "fig3_min_error_rate_vs_alpha.png", "--x", "alpha")
        plot("steps", [results_file], results / "fig3_epochs_vs_alpha.png", "--x", "alpha",
             summary=summary)
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
    print(f"run.py: {'resumed' if a.resume else 'fresh run'}: results, summary.md/.csv and plots in {results}")


if __name__ == "__main__":
    main()
