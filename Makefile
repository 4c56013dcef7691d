# Front door: `make run` trains the default problem, `make test` runs the whole suite.
# Both install missing Debian packages first (scripts/install-deps.sh) and build in build/.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

.PHONY: deps configure build run test bench format clean

deps:
	@bash scripts/install-deps.sh

configure: deps
	@test -f build/CMakeCache.txt || cmake --preset release

build: configure
	@cmake --build --preset release -j $(JOBS)

run: build
	./build/robens train $(ARGS)

test: build
	ctest --preset release

bench: build
	./build/robens_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

format:
	find src tests bench -name '*.[ch]pp' | xargs clang-format -i

clean:
	rm -rf build build-debug
