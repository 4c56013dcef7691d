"""Pattern data: generated like the CLI, both file formats round-trip between Python and the
CLI, the documented binarisation, the packed layout."""

import numpy as np
import pytest

import robens


def test_generate_gives_the_patterns_of_robens_generate(run_cli, tmp_path):
    run_cli("generate", "--N", 21, "--K", 3, "--alpha", 0.6, "--seed", 4, "--out", tmp_path / "g.rbp")
    X, y = robens.generate(N=21, K=3, alpha=0.6, seed=4)
    X_cli, y_cli = robens.read_patterns(tmp_path / "g.rbp")
    assert X.dtype == np.int8 and y.dtype == np.int8
    assert X.shape == (38, 21) and y.shape == (38,)
    np.testing.assert_array_equal(X, X_cli)
    np.testing.assert_array_equal(y, y_cli)
    assert set(np.unique(X)) == {-1, 1}


def test_data_seed_fixes_the_data_alone():
    a = robens.generate(N=21, K=3, seed=1, data_seed=9)
    b = robens.generate(N=21, K=3, seed=2, data_seed=9)
    np.testing.assert_array_equal(a[0], b[0])


@pytest.mark.parametrize("name", ["p.txt", "p.rbp"])
def test_pattern_files_round_trip_with_the_cli(name, small_data, run_cli, tmp_path):
    X, y = small_data
    path = tmp_path / name
    robens.write_patterns(path, X, y, metadata={"note": "test"})
    X2, y2 = robens.read_patterns(path)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    # The CLI reads what Python wrote: the same problem, M and N.
    summary = run_cli("train", "--patterns", path, "--max-epochs", 1, "--json", "--quiet")
    assert summary["params"]["M"] == X.shape[0] and summary["params"]["N"] == X.shape[1]


def test_text_format_is_the_documented_one(tmp_path):
    X = np.array([[1, -1, 1], [-1, -1, 1]], dtype=np.int8)
    robens.write_patterns(tmp_path / "t.txt", X, np.array([1, -1]))
    lines = [l for l in (tmp_path / "t.txt").read_text().splitlines() if not l.startswith("#")]
    assert lines == ["+1 +1 -1 +1", "-1 -1 -1 +1"]
    assert "robens" in (tmp_path / "t.txt").read_text().splitlines()[0]


def test_binarisation_of_other_dtypes(small_data):
    X, y = small_data
    reference = robens.Patterns(X, y)
    assert robens.Patterns(X.astype(np.float64) * 0.5, y) == reference
    assert robens.Patterns(X > 0, y) == reference  # booleans: True = +1
    assert robens.Patterns((X > 0).astype(np.uint8), y.astype(np.float32)) == reference  # {0, 1}
    assert robens.Patterns(np.asfortranarray(X.astype(np.int32)), y.tolist()) == reference
    assert robens.Patterns(X.tolist(), y > 0) == reference
    # Strided views are read in place.
    wide = np.repeat(X, 2, axis=1)
    assert robens.Patterns(wide[:, ::2], y) == reference


def test_zero_entries_are_minus_one():
    p = robens.Patterns(np.array([[0.0, 2.0, -0.5]]), np.array([1]))
    np.testing.assert_array_equal(p.X, [[-1, 1, -1]])


def test_packed_view_is_the_library_layout_without_copy(small_data):
    X, y = small_data
    p = robens.Patterns(X, y)
    words = p.packed
    assert words.dtype == np.uint64 and words.shape == (X.shape[0], (X.shape[1] + 63) // 64)
    assert not words.flags.writeable and words.base is not None
    assert words is not p.packed and np.shares_memory(words, p.packed)  # the same buffer
    bits = (words[:, :, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    signs = np.where(bits.reshape(X.shape[0], -1)[:, : X.shape[1]] == 1, 1, -1)
    np.testing.assert_array_equal(signs, X)  # bit 1 = +1, bit i = input i
    assert (p.M, p.N, len(p)) == (X.shape[0], X.shape[1], X.shape[0])
    np.testing.assert_array_equal(p.y, y)


def test_teacher_student_labels_come_from_the_teacher():
    X, y, teacher = robens.teacher_student(N=31, K=3, alpha=0.5, seed=3)
    assert isinstance(teacher, robens.Network) and teacher.weights.shape == (3, 31)
    np.testing.assert_array_equal(teacher.predict(X), y)
    assert teacher.errors(X, y) == 0
    X2, y2 = robens.generate(N=31, K=3, alpha=0.5, seed=3, teacher=True)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
