# Front door: `make run` trains the default problem, `make test` runs the whole suite.
# Both install missing Debian packages first (scripts/install-deps.sh) and build in build/.
# WERROR=ON (what CI uses) makes warnings errors; changing it reconfigures build/.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=
WERROR ?= OFF

.PHONY: deps configure build run test bench format format-check clean

deps:
	@bash scripts/install-deps.sh

# Configures when build/ is new or was configured with another WERROR (one grep otherwise).
configure: deps
	@grep -qx 'ROBENS_WERROR:BOOL=$(WERROR)' build/CMakeCache.txt 2>/dev/null || \
	  cmake --preset release -DROBENS_WERROR=$(WERROR)

# Also installs the Python package (issue 13) for /usr/bin/python3: `import robens` works without
# PYTHONPATH (root: /usr/local/lib/python3.X/dist-packages, else the user site; README
# "Quick start in Python").
build: configure
	@cmake --build --preset release -j $(JOBS)
	@out=$$(cmake --install build --component python) || { echo "$$out"; exit 1; }; \
	  echo "$$out" | grep -e '-- Installing' || true

run: build
	./build/robens train $(ARGS)

test: build
	ctest --preset release

bench: build
	./build/robens_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

# Both use the file list of scripts/check-format.sh (every .cpp/.hpp under src/ tests/ bench/ fuzz/).
format:
	@bash scripts/check-format.sh --fix

format-check:
	@bash scripts/check-format.sh

clean:
	rm -rf build build-dev build-debug
