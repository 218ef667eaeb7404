# sitrep: `make run` builds the bundled example corpus, `make test` runs the suite.
# Both create .venv and install the pinned dependencies (requirements.lock) first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE_DB := build/example.db

.PHONY: run test bench lock clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	mkdir -p build
	rm -f $(EXAMPLE_DB)
	$(BIN)/sitrep build examples/corpus --db $(EXAMPLE_DB)
	$(BIN)/sitrep show --db $(EXAMPLE_DB)
	$(BIN)/sitrep export --db $(EXAMPLE_DB) --format json --output build/example.json

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python bench_build.py && ../$(BIN)/python bench_attribution.py && ../$(BIN)/python bench_reuse.py && ../$(BIN)/python bench_story.py

# Recompile the pinned lock file after editing requirements.in.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" requirements.in -o requirements.lock

clean:
	rm -rf $(VENV) build
