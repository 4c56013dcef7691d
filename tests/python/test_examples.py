"""The scripts of examples/ run (with small sizes) and write their figures."""

import os
import subprocess
import sys

import pytest

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")


@pytest.mark.parametrize(
    "script, args",
    [
        ("train_curve.py", ["--N", "51", "--K", "3", "--alpha", "0.3", "--max-epochs", "50"]),
        ("pnas_fig3.py", ["--seeds", "1", "--max-epochs", "30", "--alphas", "0.3", "0.5"]),
        ("theory_curves.py", ["--points", "3"]),
    ],
)
def test_example_runs(script, args, tmp_path):
    out = tmp_path / "figure.png"
    proc = subprocess.run([sys.executable, os.path.join(EXAMPLES, script), *args, "--out", str(out)],
                          capture_output=True, text=True, cwd=tmp_path, env=os.environ)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000
