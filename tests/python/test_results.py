"""Results: networks as numpy arrays, predictions, errors, stabilities, and network files that
round-trip between Python and the CLI."""

import csv

import numpy as np
import pytest

import robens
from conftest import without_seconds


@pytest.fixture(scope="module")
def trained(small_data):
    return robens.train(*small_data, K=3, seed=4)


def test_result_attributes(trained, small_data):
    r = trained
    assert r.solved and not r.interrupted and r.errors == 0 and r.step_unit == "epochs"
    assert r.steps == r.summary["epochs"] and r.seed == 4 and r.algorithm == "rsgd"
    assert r.params["y"] == 7 and r.seconds > 0 and r.summary["seconds"] == r.seconds
    assert r.solved_by == r.summary["solved_by"] and r.extra["solved_by"] == r.solved_by
    w = r.center.weights
    assert w.dtype == np.int8 and w.shape == (3, 51) and set(np.unique(w)) <= {-1, 1}
    assert len(r.replicas) == 7 and all(n.weights.shape == (3, 51) for n in r.replicas)
    assert r.best_errors == 0 and r.best.errors(*small_data) == 0
    assert "solved" in repr(r)


def test_predictions_and_errors(trained, small_data):
    X, y = small_data
    np.testing.assert_array_equal(trained.predict(X), y)  # solved: every label reproduced
    assert trained.errors(X, y) == 0 and trained.errors(X, -y) == len(y)
    fields = trained.center.fields(X)
    np.testing.assert_array_equal(np.sign(fields), trained.predict(X))
    np.testing.assert_array_equal(trained.stabilities(X, y), y * fields)
    assert trained.center.min_flip_energy(X, y) == 0
    assert trained.center.errors(robens.Patterns(X, y)) == 0


def test_network_from_weights_and_dicts(trained, small_data):
    net = trained.center
    again = robens.Network(net.weights)
    assert again == net and robens.Network.from_dict(net.to_dict()) == net
    assert net.to_dict()["weights"][0][:3] in ("+++", "++-", "+-+", "+--", "-++", "-+-", "--+", "---")
    assert net.overlap(net) == 1.0 and net.hamming(net) == 0
    import pickle

    assert pickle.loads(pickle.dumps(net)) == net
    tree = robens.Network(np.ones((3, 5)), architecture="tree")
    assert tree.inputs == 15 and tree.unit_inputs == 5


def test_python_saves_what_the_cli_reads(trained, small_data, run_cli, tmp_path):
    X, y = small_data
    robens.write_patterns(tmp_path / "d.txt", X, y)
    trained.save(tmp_path / "net.json")  # K = 3: the file says so, eval needs no option
    report = run_cli("eval", tmp_path / "net.json", tmp_path / "d.txt", "--json", "--replicas",
                     "--stabilities", tmp_path / "stab.csv")
    assert report["center"]["errors"] == trained.errors
    assert [rep["errors"] for rep in report["replicas"]] == [n.errors(X, y) for n in trained.replicas]
    with open(tmp_path / "stab.csv") as f:
        cli_stabilities = [int(row["stability"]) for row in csv.DictReader(f)]
    assert cli_stabilities == trained.stabilities(X, y).tolist()
    # A warm start of the CLI from the Python file.
    summary = run_cli("train", "--patterns", tmp_path / "d.txt", "--K", 3, "--init-from",
                      tmp_path / "net.json", "--json", "--quiet")
    assert summary["solved"] and summary["params"]["init_from"]["source"].endswith("net.json")


def test_cli_saves_what_python_loads(small_data, run_cli, tmp_path):
    X, y = small_data
    robens.write_patterns(tmp_path / "d.txt", X, y)
    cli = run_cli("train", "--patterns", tmp_path / "d.txt", "--seed", 8, "--save", tmp_path / "c.json",
                  "--json", "--quiet")
    loaded = robens.load(tmp_path / "c.json")
    assert loaded.seconds is None
    assert without_seconds(cli) == loaded.summary
    trained = robens.train(*small_data, seed=8)
    assert loaded.center == trained.center and loaded.replicas == trained.replicas
    # Loaded then saved again: the same file.
    loaded.save(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "c.json").read_bytes()


def test_warm_starts(small_data, tmp_path):
    first = robens.train(*small_data, seed=1, max_epochs=5)
    again = robens.train(*small_data, seed=1, init=first)
    first.save(tmp_path / "first.json")
    from_file = robens.train(*small_data, seed=1, init_from=tmp_path / "first.json")
    assert again.center == from_file.center and again.steps == from_file.steps
    assert again.params["init_from"]["source"] == "<python>"
    with pytest.raises(ValueError, match="either init"):
        robens.train(*small_data, init=first, init_from=str(tmp_path / "first.json"))


def test_bare_network_files(trained, tmp_path):
    trained.center.save(tmp_path / "bare.json")
    loaded = robens.load(tmp_path / "bare.json")
    assert loaded.center == trained.center and loaded.replicas == []


def test_trace_file(small_data, tmp_path):
    r = robens.train(*small_data, seed=2, trace=tmp_path / "t.jsonl", history=True)
    lines = (tmp_path / "t.jsonl").read_text().splitlines()
    assert len(lines) == r.steps + 2  # header, one line per epoch, summary
