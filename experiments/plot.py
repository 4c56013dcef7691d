#!/usr/bin/python3
"""Plots of robens results (matplotlib; writes FILE.png and FILE.svg).

  plot.py success    RESULTS.jsonl... --out F.png [--x alpha] [--series KEY] [--where K=V ...]
      success rate vs x per series, Wilson 95% error bars (sweep results).
  plot.py errors     RESULTS.jsonl... --out F.png [--x alpha] ...
      minimum training error rate (min_errors / M) vs x, mean ± sd over seeds.
  plot.py steps      RESULTS.jsonl... --out F.png [--x alpha] [--stat median|logmean]
      epochs/iterations of the solved runs vs x (log y): median and quartiles, or (logmean)
      the geometric mean with ±1 sd of log10 as in PNAS Fig. 2.
  plot.py scaling    RESULTS.jsonl... --out F.png [--x N] ...
      the same on log-log axes with a fitted power law a*x^b per series (fit of the mean of
      ln(steps) of solved runs against ln x, over the x where every run solved).
  plot.py entropy    TRACE.jsonl... --out F.png [--series alpha]
      fBP traces (robens train --algo fbp --trace): local entropy vs distance (left) and
      training error fraction vs tanh(gamma) (right), mean over the trace files of each series;
      the left panel keeps only the steps where BP converged in every run (--all-steps: all).
  plot.py robustness MEASURE.json... --out F.png [--network center]
      robens measure input-noise curves: error probability vs eta, mean over files per
      (activation, K), error bars = standard error over files.

--series defaults to "variant" when the records have one, else "algo". --where K=V keeps the
records whose option K equals V (repeatable). The sweep results format: docs/experiments.md.

success, steps and scaling draw the statistics of `robens report` (Wilson intervals, quartiles,
mean and sd of log10 steps), read from its summary CSV: --summary FILE (what `robens report
--csv FILE` wrote for the same results; run.py and `robens report --plot` pass it), else plot.py
runs `robens report RESULTS... --csv` itself (the binary: --robens, $ROBENS, or build/robens).
Each (series, x) must be one row of the summary: pick one with --where when other options vary.
"""
import argparse
import csv
import json
import math
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def read_records(files, where):
    """Sweep records, one per job id (duplicates across files counted once)."""
    seen, records = set(), []
    for f in files:
        for line in pathlib.Path(f).read_text().splitlines():
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn last line
            if not isinstance(r, dict) or "job" not in r or r["job"] in seen:
                continue
            if all(str(r["point"].get(k)) == v for k, v in where):
                seen.add(r["job"])
                records.append(r)
    if not records:
        sys.exit(f"plot.py: no records in {', '.join(files)}")
    return records


def series_of(record, key):
    if key == "variant":
        return record.get("variant", record["point"].get("algo", ""))
    return str(record["point"].get(key, ""))


def group(records, x_key, series_key):
    """series -> x -> list of results."""
    out = defaultdict(lambda: defaultdict(list))
    for r in records:
        if x_key not in r["point"]:
            sys.exit(f"plot.py: option '{x_key}' is not in the records (use --x)")
        out[series_of(r, series_key)][float(r["point"][x_key])].append(r["result"])
    return out


def robens_binary(args):
    for candidate in (args.robens, os.environ.get("ROBENS"), ROOT / "build" / "robens"):
        if candidate and pathlib.Path(candidate).exists():
            return str(candidate)
    found = shutil.which("robens")
    if not found:
        sys.exit("plot.py: cannot find robens for the summary (pass --summary FILE or --robens BIN)")
    return found


def summary_text(args):
    """The CSV of `robens report`: --summary FILE, else made from the results files."""
    if args.summary:
        return pathlib.Path(args.summary).read_text()
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "summary.csv"
        subprocess.run([robens_binary(args), "report", *args.files, "--no-table", "--csv", str(out)],
                       check=True)
        return out.read_text()


def cell_value(text):
    """A CSV cell as the option value it came from (numbers and booleans are JSON)."""
    try:
        return json.loads(text)
    except ValueError:
        return text


class Summary:
    """The rows of robens report's summary CSV, with the options it lists above the table (equal
    in every record, or set by a variant alone) filled in from the records."""

    def __init__(self, args, records):
        reader = csv.DictReader(summary_text(args).splitlines())
        self.columns = reader.fieldnames or []
        self.rows = list(reader)
        self.constants = defaultdict(dict)  # variant -> option -> its one value
        values = defaultdict(lambda: defaultdict(set))
        for r in records:
            for k, v in r["point"].items():
                values[r.get("variant", "")][k].add(json.dumps(v))
        for variant, options in values.items():
            for k, vs in options.items():
                if len(vs) == 1:
                    self.constants[variant][k] = json.loads(next(iter(vs)))
        self.rows = [row for row in self.rows
                     if all(str(self.value(row, k)) == v for k, v in args.where)]

    def value(self, row, key):
        if key in self.columns:
            return cell_value(row[key])
        return self.constants[row.get("variant", "")].get(key)

    def series(self, row, key):
        if key == "variant":
            return row["variant"] if "variant" in self.columns else self.value(row, "algo") or ""
        value = self.value(row, key)
        return "" if value is None else str(value)

    def number(self, row, key):
        if key not in self.columns:
            sys.exit(f"plot.py: the summary has no column {key} (made by an older robens report?)")
        return float(row[key]) if row[key] != "" else None

    def groups(self, x_key, series_key):
        """series -> x -> its one summary row."""
        out = defaultdict(dict)
        for row in self.rows:
            x = self.value(row, x_key)
            if x is None:
                sys.exit(f"plot.py: option '{x_key}' is not in the records (use --x)")
            name, x = self.series(row, series_key), float(x)
            if x in out[name]:
                keys = self.columns[:self.columns.index("runs")] if "runs" in self.columns else []
                other = [c for c in keys if out[name][x].get(c) != row.get(c)]
                sys.exit(f"plot.py: several grid points at {series_key}={name}, {x_key}={x:g} "
                         f"(they differ in {', '.join(other)}): pick one with --where KEY=VALUE")
            out[name][x] = row
        return out


def save(fig, out):
    out = pathlib.Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out.with_suffix(".png"), dpi=150)
    fig.savefig(out.with_suffix(".svg"))
    print(f"wrote {out.with_suffix('.png')} and {out.with_suffix('.svg')}")


def plot_success(args):
    summary = Summary(args, read_records(args.files, args.where))
    x_key = args.x or "alpha"
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for name, by_x in sorted(summary.groups(x_key, args.series).items()):
        xs = sorted(by_x)
        rates, lo, hi = [], [], []
        for x in xs:
            rate = summary.number(by_x[x], "success_rate")
            rates.append(rate)
            lo.append(max(0.0, rate - summary.number(by_x[x], "success_low")))  # rounding: -1e-17
            hi.append(max(0.0, summary.number(by_x[x], "success_high") - rate))
        ax.errorbar(xs, rates, yerr=[lo, hi], marker="o", capsize=3, label=name)
    ax.set_xlabel(x_key)
    ax.set_ylabel("success rate")
    ax.set_ylim(-0.05, 1.05)
    ax.legend()
    ax.set_title(args.title or "success rate (Wilson 95% intervals)")
    save(fig, args.out)


def plot_errors(args):
    records = read_records(args.files, args.where)
    x_key = args.x or "alpha"
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for name, by_x in sorted(group(records, x_key, args.series).items()):
        xs, mu, sd = [], [], []
        for x in sorted(by_x):
            v = [r["min_errors"] / r["params"]["M"] for r in by_x[x] if r.get("params", {}).get("M")]
            if not v:
                continue
            m = sum(v) / len(v)
            xs.append(x)
            mu.append(m)
            sd.append(math.sqrt(sum((t - m) ** 2 for t in v) / (len(v) - 1)) if len(v) > 1 else 0.0)
        ax.errorbar(xs, mu, yerr=sd, marker="o", capsize=3, label=name)
    ax.set_xlabel(x_key)
    ax.set_ylabel("minimum training error rate (mean ± sd)")
    ax.legend()
    ax.set_title(args.title or "minimum training error rate")
    save(fig, args.out)


def steps_curves(summary, x_key, series_key, stat):
    """Per series: x, centre, error bars down and up, (x, mean ln steps) where every run solved,
    the step unit and (solved, runs) per x; all from the summary rows."""
    curves = {}
    for name, by_x in sorted(summary.groups(x_key, series_key).items()):
        xs, med, lo, hi, all_solved, unit, counts = [], [], [], [], [], None, []
        for x in sorted(by_x):
            row = by_x[x]
            solved, runs = int(row["solved"]), int(row["runs"])
            unit = unit or row["step_unit"] or None
            if solved == 0 or unit is None:
                continue
            if stat == "logmean":  # mean and standard deviation of log10, as PNAS Fig. 2
                mu, sd = summary.number(row, "steps_log10_mean"), summary.number(row, "steps_log10_sd")
                m, low, high = 10 ** mu, 10 ** (mu - sd), 10 ** (mu + sd)
            else:
                m, low, high = (summary.number(row, f"steps_{q}") for q in ("median", "q1", "q3"))
            xs.append(x)
            med.append(m)
            lo.append(m - low)
            hi.append(high - m)
            if solved == runs:
                all_solved.append((x, summary.number(row, "steps_log10_mean") * math.log(10)))
            counts.append((solved, runs))
        curves[name] = (xs, med, lo, hi, all_solved, unit or "steps", counts)
    return curves


def plot_steps(args, loglog):
    summary = Summary(args, read_records(args.files, args.where))
    x_key = args.x or ("N" if loglog else "alpha")
    fig, ax = plt.subplots(figsize=(5.5, 4))
    unit = "steps"
    for name, (xs, med, lo, hi, full, unit, counts) in steps_curves(summary, x_key, args.series,
                                                                     args.stat).items():
        line = ax.errorbar(xs, med, yerr=[lo, hi], marker="o", capsize=3, linestyle="" if loglog else "-",
                           label=name)
        for x, m, (solved, total) in zip(xs, med, counts):
            if solved < total:  # partly solved: the statistic covers the solved runs only; say so
                ax.annotate(f"{solved}/{total} solved", (x, m), textcoords="offset points", xytext=(-8, 8),
                            ha="right", fontsize=7, color=line[0].get_color())
        if loglog and len(full) >= 2:
            lx = [math.log(x) for x, _ in full]
            ly = [mean_ln for _, mean_ln in full]
            n = len(lx)
            mx, my = sum(lx) / n, sum(ly) / n
            b = sum((a - mx) * (c - my) for a, c in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)
            a = math.exp(my - b * mx)
            grid = [min(lx) + i * (max(lx) - min(lx)) / 50 for i in range(51)]
            ax.plot([math.exp(g) for g in grid], [a * math.exp(g) ** b for g in grid], "--",
                    color=line[0].get_color(), label=f"{name} fit {a:.3g}·{x_key}^{b:.2f}")
            print(f"{name}: {unit} ~ {a:.4g} * {x_key}^{b:.3f} (over {x_key} = {[x for x, _ in full]})")
    if loglog:
        ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(x_key)
    what = "geometric mean, ±1 sd of log" if args.stat == "logmean" else "median, quartiles"
    ax.set_ylabel(f"{unit} to solution\n({what}; solved runs)")
    ax.legend(fontsize=8)
    ax.set_title(args.title or ("scaling" if loglog else f"{unit} vs {x_key}"))
    save(fig, args.out)


def plot_entropy(args):
    key = args.series or "alpha"
    series = defaultdict(list)  # name -> list of step lists
    for f in args.files:
        header, steps = None, []
        for line in pathlib.Path(f).read_text().splitlines():
            try:
                j = json.loads(line)
            except json.JSONDecodeError:
                continue
            if j.get("type") == "header":
                header = j
            elif j.get("type") == "step" and "local_entropy" in j:
                steps.append(j)
        if header is None or not steps:
            continue
        m = header["params"].get("M", 1)
        for s in steps:
            s["error_fraction"] = s["errors"] / m
        series[str(header["params"].get(key, ""))].append(steps)
    if not series:
        sys.exit("plot.py: no fBP trace steps with local_entropy in the files")
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))

    def mean_err(values):
        n = len(values)
        mu = sum(values) / n
        se = math.sqrt(sum((v - mu) ** 2 for v in values) / (n - 1) / n) if n > 1 else 0.0
        return mu, se

    for name, runs in sorted(series.items()):
        length = min(len(r) for r in runs)
        # The BP estimates mean something only at a fixed point. Each step is drawn as the mean
        # over the runs; filled markers flag the steps at which at least half of the runs had
        # converged, open ones the others (use the filled ones for quantitative reading).
        quorum = (len(runs) + 1) // 2
        converged = [sum(1 for r in runs if r[i].get("converged", True)) >= quorum for i in range(length)]
        if not any(converged):
            print(f"plot.py: {key}={name}: BP converged at no step; all points are unconverged estimates",
                  file=sys.stderr)
        cols = {k: [mean_err([r[i][k] for r in runs]) for i in range(length)]
                for k in ("distance", "local_entropy")}
        xs, ys = [c[0] for c in cols["distance"]], [c[0] for c in cols["local_entropy"]]
        line = left.plot(xs, ys, "-", linewidth=1, label=f"{key}={name} ({len(runs)} runs)")[0]
        left.scatter([x for x, c in zip(xs, converged) if c], [y for y, c in zip(ys, converged) if c],
                     s=14, color=line.get_color())
        left.scatter([x for x, c in zip(xs, converged) if not c], [y for y, c in zip(ys, converged) if not c],
                     s=14, facecolors="none", edgecolors=line.get_color())
        every = {k: [mean_err([r[i][k] for r in runs]) for i in range(length)]
                 for k in ("pol", "error_fraction")}
        cols = every
        right.errorbar([c[0] for c in cols["pol"]], [c[0] for c in cols["error_fraction"]],
                       yerr=[c[1] for c in cols["error_fraction"]], marker=".", capsize=2,
                       label=f"{key}={name}")
    bound = [i / 1000 for i in range(1, 500)]
    left.plot(bound, [-d * math.log(d) - (1 - d) * math.log(1 - d) for d in bound], color="grey",
              linewidth=1, label="alpha=0 bound H(d)")
    left.set_xlabel("distance d")
    left.set_ylabel("local entropy (BP estimate)")
    # After fBP fails (alpha >= 0.6) its estimates leave the physical range; keep the axis on it.
    left.set_ylim(-0.3, 0.75)
    left.set_title("filled: at least half of the runs converged at that step", fontsize=8)
    left.legend(fontsize=8)
    right.set_xlabel("tanh(gamma)")
    right.set_ylabel("training error fraction of the centre")
    right.legend(fontsize=8)
    fig.suptitle(args.title or "fBP scoping: local entropy and errors")
    save(fig, args.out)


def plot_robustness(args):
    groups = defaultdict(list)
    for f in args.files:
        m = json.loads(pathlib.Path(f).read_text())
        curve = m["input_noise"].get(args.network)
        if curve is None:
            sys.exit(f"plot.py: {f}: no input-noise curve for network '{args.network}'")
        shape = m.get("shape", {})
        groups[f"{shape.get('activation', '?')} K={shape.get('units', '?')}"].append(curve)
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for name, curves in sorted(groups.items()):
        etas = [p["eta"] for p in curves[0]]
        mu, se = [], []
        for i in range(len(etas)):
            v = [c[i]["error_probability"] for c in curves]
            n = len(v)
            mu.append(sum(v) / n)
            se.append(math.sqrt(sum((x - mu[-1]) ** 2 for x in v) / (n - 1) / n) if n > 1 else 0.0)
        ax.errorbar(etas, mu, yerr=se, marker="o", capsize=3, label=f"{name} ({len(curves)} samples)")
    ax.set_xlabel("input noise eta")
    ax.set_ylabel(f"error probability ({args.network})")
    ax.legend()
    ax.set_title(args.title or "robustness to input noise")
    save(fig, args.out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["success", "errors", "steps", "scaling", "entropy", "robustness"])
    p.add_argument("files", nargs="+")
    p.add_argument("--out", required=True, help="output file (.png; an .svg is written next to it)")
    p.add_argument("--x", help="option on the x axis")
    p.add_argument("--series", help="option separating the curves (default: variant, or algo)")
    p.add_argument("--where", action="append", default=[], help="K=V: keep records with option K = V")
    p.add_argument("--network", default="center", help="robustness: which network's curve")
    p.add_argument("--all-steps", action="store_true",
                   help="entropy: also plot the steps where BP did not converge")
    p.add_argument("--stat", choices=["median", "logmean"], default="median",
                   help="steps/scaling: median and quartiles, or mean and sd of log10")
    p.add_argument("--summary", help="success/steps/scaling: the robens report --csv of the results")
    p.add_argument("--robens", help="robens binary that makes the summary when --summary is not given")
    p.add_argument("--title")
    args = p.parse_args()
    args.where = [tuple(w.split("=", 1)) for w in args.where]
    if args.kind in ("success", "errors", "steps", "scaling"):
        args.series = args.series or "variant"
    {"success": plot_success, "errors": plot_errors, "steps": lambda a: plot_steps(a, False), "scaling": lambda a: plot_steps(a, True),
     "entropy": plot_entropy, "robustness": plot_robustness}[args.kind](args)


if __name__ == "__main__":
    main()
