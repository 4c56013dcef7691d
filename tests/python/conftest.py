"""Shared fixtures of the Python tests (run by ctest as python_tests, with the build's package on
PYTHONPATH and ROBENS_CLI naming the robens binary of the same build)."""

import json
import os
import subprocess

import pytest

import robens


@pytest.fixture(scope="session")
def cli():
    """The robens binary: $ROBENS_CLI (ctest), else the one this package was built with."""
    path = os.environ.get("ROBENS_CLI") or robens._robens._build_executable
    assert os.path.isfile(path), f"robens binary not found at {path}"
    return path


@pytest.fixture(scope="session")
def run_cli(cli):
    """Runs `robens ARGS...`; returns the parsed last stdout line with --json (or parse_json),
    else the completed process."""

    def run(*args, cwd=None, check=True, parse_json=None):
        proc = subprocess.run([cli, *map(str, args)], capture_output=True, text=True, cwd=cwd)
        if check:
            assert proc.returncode == 0, f"robens {' '.join(map(str, args))}: {proc.stderr}"
        if parse_json is None:
            parse_json = "--json" in args
        if parse_json and proc.returncode == 0:
            return json.loads(proc.stdout.strip().splitlines()[-1])
        return proc

    return run


@pytest.fixture(scope="session")
def small_data():
    """A small committee problem (N = 51 inputs, K = 3, alpha = 0.3: M = 46) as numpy arrays."""
    return robens.generate(N=51, K=3, alpha=0.3, seed=11)


def without_seconds(summary):
    """A --json summary without its wall time (the only field two runs may not share)."""
    return {k: v for k, v in summary.items() if k != "seconds"}
