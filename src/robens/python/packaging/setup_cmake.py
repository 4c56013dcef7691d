"""setuptools script of `pip install .` (run by robens_build_backend.py from the repository root):
the package files come from src/robens/python/robens/, the extension robens._robens and the
robens binary (robens/bin/robens, which sweeps run) from the project's CMake build, configured for
the running interpreter (sys.executable). Needs cmake >= 3.25, a C++20 compiler and the C++
libraries of scripts/install-deps.sh; pybind11 from pip when installed, else Debian's."""

import os
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.getcwd()  # pip runs the backend in the project's folder


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Builds the targets robens_python and robens and copies their outputs into the wheel."""

    def build_extension(self, ext):
        build = os.path.abspath(os.path.join(self.build_temp, "cmake"))
        configure = ["cmake", "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                     f"-DPython3_EXECUTABLE={sys.executable}", "-DROBENS_BUILD_TESTS=OFF",
                     "-DROBENS_BUILD_BENCH=OFF", "-DROBENS_BUILD_PYTHON=ON"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        try:
            import pybind11

            configure.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except ImportError:
            pass
        subprocess.check_call(configure)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 2))
        subprocess.check_call(["cmake", "--build", build, "--target", "robens_python", "robens",
                               "-j", jobs])
        package = os.path.join(build, "python", "robens")
        built = [f for f in os.listdir(package) if f.startswith("_robens") and f.endswith(".so")]
        if not built:
            raise RuntimeError(f"robens: the CMake build made no extension in {package}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(package, built[0]), target)
        binary = os.path.join(os.path.dirname(target), "bin")
        os.makedirs(binary, exist_ok=True)
        shutil.copy2(os.path.join(build, "robens"), os.path.join(binary, "robens"))


setup(
    packages=["robens"],
    package_dir={"robens": "src/robens/python/robens"},
    package_data={"robens": ["*.pyi", "py.typed"]},
    ext_modules=[CMakeExtension("robens._robens")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
    # Keep robens.egg-info out of the source tree, and setuptools' build folders out of build/ (the
    # CMake build of `make`).
    options={"egg_info": {"egg_base": tempfile.mkdtemp(prefix="robens-egg-info-")},
             "build": {"build_base": os.path.join("build", "pip")}},
)
