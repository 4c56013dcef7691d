"""Measurements and theory give the numbers of `robens measure` and `robens theory`."""

import numpy as np
import pytest

import robens


@pytest.fixture(scope="module")
def saved(small_data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("measure")
    X, y = small_data
    robens.write_patterns(folder / "d.txt", X, y)
    result = robens.train(*small_data, K=3, seed=6, save=folder / "net.json")
    return result, folder


def test_robustness_curves_match_robens_measure(saved, small_data, run_cli):
    result, folder = saved
    cli = run_cli("measure", folder / "net.json", folder / "d.txt", "--perturbations", 20,
                  "--eta-steps", 4, "--seed", 3, parse_json=True)
    for name, fn in (("input_noise", robens.input_noise), ("weight_noise", robens.weight_noise)):
        curve = fn(result, *small_data, eta_steps=4, perturbations=20, seed=3)
        assert set(curve) == {"eta", "error_probability", "standard_error"}
        expected = cli[name]["center"]
        np.testing.assert_array_equal(curve["eta"], [p["eta"] for p in expected])
        np.testing.assert_array_equal(curve["error_probability"],
                                      [p["error_probability"] for p in expected])
        # Replica curves too, and the explicit eta list of --etas.
        replica = fn(result.replicas[2], *small_data, etas=[0.0, 0.1], perturbations=20, seed=3)
        assert replica["eta"].tolist() == [0.0, 0.1]
    assert curve["error_probability"][0] == 0.0  # no noise, solved: no errors


def test_overlaps_and_majority_match_robens_measure(saved, run_cli):
    result, folder = saved
    cli = run_cli("measure", folder / "net.json", folder / "d.txt", "--what", "overlaps", parse_json=True)
    mine = robens.overlaps(result)
    for key in ("replica_overlap", "center_overlap", "replica_distance", "center_distance"):
        assert mine[key] == cli["overlaps_center"][key]
    assert mine["unit_replica_overlap"].tolist() == cli["overlaps_center"]["unit_replica_overlap"]
    by_majority = robens.overlaps(result.replicas)
    assert by_majority["center_overlap"] == cli["overlaps_majority"]["center_overlap"]
    assert robens.majority(result).weights.shape == (3, 51)


def test_normalised_stabilities_match_robens_measure(saved, small_data, run_cli):
    result, folder = saved
    cli = run_cli("measure", folder / "net.json", folder / "d.txt", "--what", "stabilities",
                  "--networks", "center", parse_json=True)
    s = result.stabilities(*small_data, normalized=True)
    assert s.min() == cli["stabilities"]["center"]["min"] and s.max() == cli["stabilities"]["center"]["max"]
    assert s.mean() == pytest.approx(cli["stabilities"]["center"]["mean"], rel=1e-12)


def test_measure_errors(saved, small_data):
    result, _ = saved
    with pytest.raises(ValueError, match="perturbations"):
        robens.input_noise(result, *small_data, perturbations=0)
    with pytest.raises(ValueError, match="eta must be in"):
        robens.weight_noise(result, *small_data, etas=[1.5])
    with pytest.raises(ValueError, match="noise"):
        robens.input_noise(result, *small_data, noise="gaussian")


@pytest.mark.parametrize(
    "args, fn",
    [
        ((), lambda: robens.theory.capacity()),
        (("--model", "perceptron", "--weights", "spherical"),
         lambda: robens.theory.capacity(model="perceptron", weights="spherical")),
        (("--activation", "relu"), lambda: robens.theory.capacity(activation="relu")),
    ],
)
def test_capacity_matches_robens_theory(args, fn, run_cli):
    assert fn() == run_cli("theory", "capacity", *args, "--json")["alpha_c"]


def test_spherical_sign_capacity_is_infinite():
    assert robens.theory.capacity(weights="spherical") == float("inf")


def test_theory_quantities_match_robens_theory(run_cli):
    cli = run_cli("theory", "saddle", "--alpha", 0.3, "--alpha", 0.5, "--json")
    curve = robens.theory.saddle([0.3, 0.5])
    for key in ("q", "q_hat", "free_entropy", "replicon"):
        assert curve[key].tolist() == [p[key] for p in cli["points"]]
    assert robens.theory.saddle(0.3)["q"][0] == cli["points"][0]["q"]
    assert robens.theory.at_line() == run_cli("theory", "at", "--json")["alpha_at"]
    rsb = run_cli("theory", "1rsb", "--json")
    assert robens.theory.one_rsb_capacity() == rsb["alpha_c_1rsb"]
    assert robens.theory.one_rsb_capacity(full_output=True)["q0"] == rsb["q0"]
    ld = run_cli("theory", "large-deviation", "--points", 3, "--json")
    mine = robens.theory.large_deviation(points=3)
    assert mine["F_LD_normalised"].tolist() == [p["F_LD_normalised"] for p in ld["curve"]]
    assert mine["flat"].dtype == bool
    bound = run_cli("theory", "local-entropy-bound", "--points", 3, "--json")["curve"]
    assert robens.theory.local_entropy_bound([p["d"] for p in bound]).tolist() == [p["S"] for p in bound]
    assert isinstance(robens.theory.local_entropy_bound(0.25), float)


def test_franz_parisi_matches_robens_theory(run_cli):
    cli = run_cli("theory", "franz-parisi", "--points", 2, "--d-min", 0.05, "--d-max", 0.2, "--json")
    mine = robens.theory.franz_parisi(points=2, d_min=0.05, d_max=0.2)
    assert mine["F_FP"].tolist() == [p["F_FP"] for p in cli["curve"]]
    assert mine.info["d_star"] == cli["d_star"]
    assert mine.info["reference"]["q"] == cli["reference"]["q"]


def test_theory_errors():
    with pytest.raises(ValueError, match="model"):
        robens.theory.capacity(model="mlp")
    with pytest.raises(ValueError, match="spherical"):
        robens.theory.one_rsb_capacity(weights="binary")
    with pytest.raises(ValueError, match="alpha must be"):
        robens.theory.saddle(-1.0)
