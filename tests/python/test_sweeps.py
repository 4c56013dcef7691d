"""Sweeps from Python: run like `robens sweep`, resume, and read back as lists of dicts."""

import json

import pytest

import robens
from conftest import without_seconds

EXPERIMENT = {
    "name": "tiny",
    "fixed": {"model": "perceptron", "N": 51, "alpha": 0.3, "max_epochs": 200},
    "grid": {"y": [1, 3]},
    "seeds": 2,
}


def test_sweep_runs_resumes_and_reports(tmp_path):
    jobs = robens.sweep_jobs(EXPERIMENT, directory=tmp_path)
    assert len(jobs) == 4 and not any(j["done"] for j in jobs)
    assert jobs[0]["args"][0] == "train" and "--json" in jobs[0]["args"]
    records = robens.sweep(EXPERIMENT, directory=tmp_path, jobs=2)
    assert len(records) == 4
    assert {r["job"] for r in records} == {j["id"] for j in jobs}
    row = records[0]
    for key in ("point.y", "seed", "result.solved", "result.epochs", "result.params.N", "wall_seconds"):
        assert key in row
    # Each job's record is the CLI's summary, and Python's train gives it too.
    for r in records:
        mine = robens.train(model="perceptron", N=51, alpha=0.3, max_epochs=200, y=r["point.y"],
                            seed=r["seed"])
        nested = next(x for x in robens.read_results(tmp_path / "tiny.results.jsonl", flat=False)
                      if x["job"] == r["job"])
        assert without_seconds(nested["result"]) == without_seconds(mine.summary)
    # Rerunning runs nothing new: the results file keeps its four lines.
    again = robens.sweep(EXPERIMENT, directory=tmp_path)
    assert again == records
    assert len((tmp_path / "tiny.results.jsonl").read_text().splitlines()) == 4
    assert all(j["done"] for j in robens.sweep_jobs(EXPERIMENT, directory=tmp_path))
    rows = robens.report(tmp_path / "tiny.results.jsonl")
    assert [r["y"] for r in rows] == [1, 3] and all(r["runs"] == 2 for r in rows)
    assert "y" in robens.report(tmp_path / "tiny.results.jsonl", format="markdown")
    assert robens.report(tmp_path / "tiny.results.jsonl", format="csv").count("\n") >= 3


def test_sweep_from_a_file(tmp_path):
    path = tmp_path / "exp.json"
    path.write_text(json.dumps(dict(EXPERIMENT, name="file", seeds=1)))
    records = robens.sweep(str(path), flat=False)
    assert len(records) == 2 and records[0]["experiment"] == "file"
    assert (tmp_path / "file.results.jsonl").exists()


def test_sweep_errors(tmp_path):
    with pytest.raises(ValueError, match="'gama' is not an option of train"):
        robens.sweep_jobs(dict(EXPERIMENT, grid={"gama": [1]}), directory=tmp_path)
    with pytest.raises(ValueError, match="y must be in"):
        robens.sweep(dict(EXPERIMENT, grid={"y": [0]}), directory=tmp_path)
    with pytest.raises(FileNotFoundError, match="robens binary"):
        robens.sweep(EXPERIMENT, directory=tmp_path, executable=str(tmp_path / "none"))
    assert not (tmp_path / "tiny.results.jsonl").exists() or \
        (tmp_path / "tiny.results.jsonl").read_text() == ""
