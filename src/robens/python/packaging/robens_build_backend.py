"""The PEP 517 build backend of pyproject.toml: setuptools, running setup_cmake.py (next to this
file) instead of a setup.py at the repository root. setup_cmake.py builds the extension and the
robens binary with the project's CMake build for the interpreter running pip."""

import os

from setuptools import build_meta as _orig

_SETUP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "setup_cmake.py")


class _Backend(_orig._BuildMetaBackend):
    def run_setup(self, setup_script="setup.py"):
        super().run_setup(setup_script=_SETUP)


_backend = _Backend()
get_requires_for_build_wheel = _backend.get_requires_for_build_wheel
get_requires_for_build_sdist = _backend.get_requires_for_build_sdist
prepare_metadata_for_build_wheel = _backend.prepare_metadata_for_build_wheel
build_wheel = _backend.build_wheel
build_sdist = _backend.build_sdist
