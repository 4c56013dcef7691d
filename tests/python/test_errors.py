"""Bad input raises ValueError / TypeError with the library's message, never a crash."""

import numpy as np
import pytest

import robens


@pytest.fixture
def data(small_data):
    return small_data


@pytest.mark.parametrize(
    "X, error, message",
    [
        (np.array([["+1", "-1"]]), TypeError, "numeric array"),
        (np.ones((4, 5), dtype=complex), TypeError, "numeric array"),
        (np.array([[object()]]), TypeError, "numeric array"),
        (np.ones(5), ValueError, "2-d array"),
        (np.ones((2, 3, 4)), ValueError, "2-d array"),
        (np.ones((0, 5)), ValueError, "no patterns"),
    ],
)
def test_bad_arrays(X, error, message):
    with pytest.raises(error, match=message):
        robens.train(X, np.ones(len(X)))


def test_nan_inputs():
    X = np.ones((3, 5))
    X[1, 2] = np.nan
    with pytest.raises(ValueError, match=r"NaN at \[1, 2\]"):
        robens.train(X, np.ones(3))


@pytest.mark.parametrize("labels, message", [([1, 0, 1], r"y\[1\] = 0"), ([1, 1], "3 labels"),
                                              ([1.0, np.nan, -1.0], "labels must be")])
def test_bad_labels(labels, message):
    with pytest.raises(ValueError, match=message):
        robens.train(np.ones((3, 5)), np.array(labels))


def test_missing_labels(data):
    with pytest.raises(TypeError, match="labels are missing"):
        robens.train(data[0])


def test_even_inputs_for_sign_units():
    X, y = np.ones((4, 10), dtype=np.int8), np.ones(4, dtype=np.int8)
    with pytest.raises(ValueError, match="must be odd"):
        robens.train(X, y)
    with pytest.raises(robens.InputError, match="must be odd"):
        robens.train(N=10)


@pytest.mark.parametrize(
    "params, error, message",
    [
        ({"foo": 1}, ValueError, "unknown parameter 'foo'"),
        ({"y": 0}, ValueError, r"y must be in \[1, 1000\]"),
        ({"y": 2.5}, ValueError, "expected a whole number"),
        ({"y": "7"}, TypeError, "y: expected a number, got a string"),
        ({"init_equal": 1}, TypeError, "expected true or false"),
        ({"formula": "fancy"}, ValueError, "unknown value 'fancy'"),
        ({"formula": 3}, TypeError, "formula: expected one of"),
        ({"eta": float("nan")}, ValueError, "finite"),
        ({"model": "mlp"}, ValueError, "model: unknown value 'mlp'"),
        ({"K": 0}, ValueError, "K must be"),
        ({"alpha": 0.5}, ValueError, "alpha: not with X"),
        ({"N": 49}, ValueError, "N = 49 does not match the 51 inputs"),
        ({"max_epochs": [1]}, TypeError, "expected a number, got a list"),
        ({"gamma": object()}, TypeError, "unsupported value"),
    ],
)
def test_bad_parameters(data, params, error, message):
    with pytest.raises(error, match=message):
        robens.train(*data, **params)


def test_parameters_of_another_algorithm(data):
    with pytest.raises(ValueError, match="unknown parameter 'beta'"):
        robens.train(*data, algo="rsgd", beta=1.0)
    with pytest.raises(ValueError, match="fixed by this algorithm"):
        robens.train(*data, algo="sgd", y=3)
    with pytest.raises(ValueError, match="unknown algorithm 'adam'"):
        robens.train(*data, algo="adam")


def test_unsupported_problem(data):
    X = np.ones((4, 20), dtype=np.int8)
    with pytest.raises(ValueError, match="ReLU units are not supported"):
        robens.train(X, np.ones(4), algo="rsgd", activation="relu", K=4, arch="tree")


def test_files(tmp_path):
    with pytest.raises(ValueError, match="cannot open|no such file"):
        robens.read_patterns(tmp_path / "missing.txt")
    (tmp_path / "bad.txt").write_text("+1 +1 -1\n+1 -1\n")
    with pytest.raises(ValueError):
        robens.read_patterns(tmp_path / "bad.txt")
    with pytest.raises(ValueError):
        robens.load(tmp_path / "bad.txt")


def test_network_errors(data):
    with pytest.raises(ValueError, match="must be odd"):
        robens.Network(np.ones((3, 10)))
    net = robens.Network(np.ones((3, 51), dtype=np.int8))
    with pytest.raises(ValueError, match="expects 51"):
        net.predict(np.ones((2, 7)))
    with pytest.raises(ValueError, match="different shapes"):
        net.overlap(robens.Network(np.ones((1, 51))))
    with pytest.raises(ValueError):
        robens.Network.from_dict({"architecture": "fc"})


def test_front_end_arguments(data):
    with pytest.raises(ValueError, match="seed must be"):
        robens.train(*data, seed=-1)
    with pytest.raises(TypeError, match="seed: expected a whole number"):
        robens.train(*data, seed="1")
    with pytest.raises(TypeError, match="algo"):
        robens.train(*data, algo=5)
    with pytest.raises(TypeError, match="init"):
        robens.train(*data, init=3)
    with pytest.raises(TypeError, match="given twice"):
        robens.train(*data, lambda_=0.5, **{"lambda": 0.5})
    with pytest.raises(ValueError, match="patterns: generate makes patterns"):
        robens.generate(patterns="x.txt")


def test_outputs_onto_inputs_are_refused_before_training(tmp_path):
    """The output policy (docs/reliability.md): no output onto an input or another output."""
    X = np.where(np.random.default_rng(0).random((6, 21)) < 0.5, -1, 1)
    patterns = tmp_path / "p.txt"
    robens.write_patterns(patterns, X, np.ones(6))
    before = patterns.read_bytes()
    with pytest.raises(ValueError, match="save .*: same file as the input patterns"):
        robens.train(model="perceptron", patterns=str(patterns), save=str(patterns))
    assert patterns.read_bytes() == before
    trace = str(tmp_path / "t.jsonl")
    with pytest.raises(ValueError, match="save .*: same file as the output trace"):
        robens.train(X, np.ones(6), model="perceptron", trace=trace, save=trace)
    with pytest.raises(ValueError, match="folder .* does not exist"):
        robens.train(X, np.ones(6), model="perceptron", save=str(tmp_path / "no" / "n.json"))
    assert not (tmp_path / "t.jsonl").exists()
