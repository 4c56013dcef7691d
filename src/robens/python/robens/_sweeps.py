"""Sweeps (``robens sweep``; docs/experiments.md) from Python, and their results as lists of
dicts: ``pandas.DataFrame(robens.sweep("exp.json"))`` is the table of runs."""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
from typing import Any, Dict, List, Optional, Union

from . import _robens
from ._executable import robens_executable
from ._progress import JobProgress

Experiment = Union[str, os.PathLike, Dict[str, Any]]


def _spec(experiment: Experiment):
    return experiment if isinstance(experiment, dict) else os.fspath(experiment)


def flatten(record: Dict[str, Any], prefix: str = "") -> Dict[str, Any]:
    """Nested dicts as one level with dotted keys (``result.epochs``, ``point.alpha``), as
    ``pandas.json_normalize``; lists are kept as values."""
    out: Dict[str, Any] = {}
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def read_results(path: Union[str, os.PathLike], flat: bool = True) -> List[Dict[str, Any]]:
    """The records of a sweep results file (JSON lines: job, experiment, variant, point, seed,
    argv, result — the ``train --json`` summary —, wall_seconds, version), in file order; lines
    that are not records (a torn last line) are skipped. ``flat``: dotted keys (see
    :func:`flatten`), else the nested records."""
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and "job" in record:
                records.append(flatten(record) if flat else record)
    return records


def sweep_jobs(
    experiment: Experiment, *, output: Optional[str] = None, directory: Optional[str] = None
) -> List[Dict[str, Any]]:
    """Every job of an experiment (``robens sweep --list``): id, variant, point, seed, args (the
    ``robens`` command line) and done (already in the results file). ``experiment``: a
    description file (.json, or .toml) or the description as a dict (its jobs then run in
    ``directory``, default the current one)."""
    return _robens._sweep_jobs(_spec(experiment), directory or os.getcwd(), output or "")["jobs"]


def sweep(
    experiment: Experiment,
    *,
    jobs: Optional[int] = None,
    output: Optional[str] = None,
    directory: Optional[str] = None,
    executable: Optional[str] = None,
    progress: bool = False,
    flat: bool = True,
) -> List[Dict[str, Any]]:
    """Runs an experiment's pending jobs like ``robens sweep`` and returns the records of all of
    its jobs (those run now and those already in the results file), as :func:`read_results`.

    Each job is a ``robens train ... --json --quiet`` process of the robens binary
    (:func:`robens_executable`, or ``executable``), ``jobs`` at once (default: the number of
    cores), with OMP_NUM_THREADS=1 unless set; one record per finished job is appended to the
    results file (``output``, default the description's), so rerunning resumes. Ctrl-C stops
    launching, interrupts the jobs in flight and returns what is recorded (with a warning; rerun
    to resume). Jobs that crashed are reported with a warning and retried by the next run; a
    job's bad input raises ValueError. One sweep at a time per process (signal handling)."""
    bar = JobProgress(experiment if isinstance(experiment, str) else "sweep") if progress else None
    try:
        outcome = _robens._sweep_run(_spec(experiment), directory or os.getcwd(), output or "",
                                     robens_executable(executable), jobs or 0, bar)
    finally:
        if bar is not None:
            bar.close()
    for f in outcome["failed"]:
        warnings.warn(f"robens sweep: job {f['job']} ({f['command_line']}) failed "
                      f"({f['reason']}): {f['message']}", RuntimeWarning, stacklevel=2)
    if outcome["interrupted"]:
        warnings.warn("robens sweep: interrupted; rerun to resume", RuntimeWarning, stacklevel=2)
    ids = set(outcome["job_ids"])
    records = [r for r in read_results(outcome["output"], flat=False)
               if _robens._record_job_id(r) in ids]
    return [flatten(r) for r in records] if flat else records


def _number(text: str) -> Any:
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def report(*paths: Union[str, os.PathLike], format: str = "rows") -> Union[List[Dict[str, Any]], str]:
    """The summary table of ``robens report`` over results files: one row per grid point (and
    variant) with runs, solved, success and its Wilson 95 % interval, median and quartiles of
    the steps of solved runs and of the seconds, minimum errors. ``format``: 'rows' (a list of
    dicts with numbers, pandas-ready), 'csv' or 'markdown' (the CLI's text)."""
    markdown, table = _robens._report([os.fspath(p) for p in paths])
    if format == "markdown":
        return markdown
    if format == "csv":
        return table
    if format != "rows":
        raise ValueError(f"format: expected rows, csv or markdown, got {format!r}")
    lines = [line for line in table.splitlines() if line and not line.startswith("#")]
    return [{k: _number(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]
