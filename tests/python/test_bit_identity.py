"""Every algorithm trains from numpy arrays to the same result, bit for bit, as `robens train`
with the same seed and parameters: same --json summary (but the wall time) and the same saved
network file."""

import pytest

import robens
from conftest import without_seconds

ALGORITHMS = list(robens.algorithms())
# Budgets that keep every run short; the same values go to the CLI and to Python.
QUICK = {
    "rsgd": {"max_epochs": 300},
    "sgd": {"max_epochs": 300},
    "fbp": {"max_iters": 100},
    "rbp": {"max_iters": 100},
    "rsa": {"max_iterations": 200000},
    "sa": {"max_iterations": 200000},
    "greedy": {"restarts": 3},
}


def cli_args(params):
    args = []
    for key, value in params.items():
        flag = key.replace("_", "-")
        if isinstance(value, bool):
            args.append(f"--{flag}" if value else f"--no-{flag}")
        else:
            args += [f"--{flag}", value]
    return args


def test_every_algorithm_is_covered():
    assert set(ALGORITHMS) == set(QUICK)


@pytest.mark.parametrize("algo", ALGORITHMS)
def test_numpy_arrays_train_like_the_cli(algo, small_data, run_cli, tmp_path):
    X, y = small_data
    data = tmp_path / "data.txt"
    robens.write_patterns(data, X, y)
    params = QUICK[algo]
    cli = run_cli("train", "--patterns", data, "--algo", algo, "--seed", 5, *cli_args(params),
                  "--json", "--quiet", "--save", tmp_path / "cli.json")
    # From the arrays: the summary names the data "<numpy>" instead of the file; nothing else differs.
    from_arrays = robens.train(X, y, algo=algo, seed=5, **params)
    expected = without_seconds(cli)
    expected["params"] = dict(expected["params"], patterns="<numpy>")
    assert without_seconds(from_arrays.summary) == expected
    # From the same file through Patterns: the saved network files are identical, byte for byte.
    from_file = robens.train(robens.Patterns.read(str(data)), algo=algo, seed=5,
                             save=tmp_path / "py.json", **params)
    assert without_seconds(from_file.summary) == without_seconds(cli)
    assert (tmp_path / "py.json").read_bytes() == (tmp_path / "cli.json").read_bytes()
    saved = robens.load(tmp_path / "cli.json")
    assert saved.center == from_arrays.center
    assert saved.replicas == from_arrays.replicas


@pytest.mark.parametrize(
    "algo, params",
    [
        ("rsgd", {"model": "perceptron", "N": 101, "alpha": 0.4, "y": 3, "max_epochs": 200}),
        ("rsgd", {"arch": "tree", "N": 75, "K": 3, "alpha": 0.5, "lambda": 0.5}),
        ("rsa", {"activation": "relu", "arch": "tree", "N": 40, "K": 4, "alpha": 0.3,
                 "max_iterations": 100000}),
        ("fbp", {"N": 31, "K": 3, "alpha": 0.3, "teacher": True, "max_iters": 50}),
    ],
)
def test_generated_problems_train_like_the_cli(algo, params, run_cli):
    cli = run_cli("train", "--algo", algo, "--seed", 2, *cli_args(params), "--json", "--quiet")
    python_params = {("lambda_" if k == "lambda" else k): v for k, v in params.items()}
    result = robens.train(algo=algo, seed=2, **python_params)
    assert without_seconds(result.summary) == without_seconds(cli)
