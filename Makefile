# sitrep: `make run` builds the bundled example corpus and its report, `make test` runs the suite.
# Both create .venv and install the pinned dependencies (requirements.lock) first, and the charting
# library the report inlines (package-lock.json, from the npm registry); tests also need Debian's chromium.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE_DB := build/example.db
CHART_JS := src/sitrep/output/vendor/chart.umd.min.js
CHROMIUM := /usr/bin/chromium
SEEDS := ../shared/seeds

.PHONY: run test lint bench lock lock-train js screenshot clean fuzz

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The report inlines this file; it is installed with its integrity hash checked, never committed.
$(CHART_JS): package.json package-lock.json
	npm ci --no-audit --no-fund
	mkdir -p $(dir $@)
	cp node_modules/chart.js/dist/chart.umd.min.js $@

js: $(CHART_JS)

# Browser tests drive Debian's chromium (Playwright never downloads a browser of its own). Needs root.
$(CHROMIUM):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

run: $(STAMP) $(CHART_JS)
	mkdir -p build
	rm -f $(EXAMPLE_DB)
	$(BIN)/sitrep build examples/corpus --db $(EXAMPLE_DB)
	$(BIN)/sitrep show --db $(EXAMPLE_DB)
	$(BIN)/sitrep export --db $(EXAMPLE_DB) --format json --output build/example.json
	$(BIN)/sitrep report --db $(EXAMPLE_DB) --output build/report

# The layer contracts (pyproject.toml, import-linter) and ruff, before the tests.
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/lint-imports --no-cache

test: lint $(CHART_JS) $(CHROMIUM)
	$(BIN)/python -m pytest

# Thousands of hostile files (tests/fuzz/hostile.py), one build a class; prints the figures (crashes, hangs,
# files not named once, good documents lost, peak memory). `make test` runs a few hundred of them.
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/hostile.py --cases-per-class $(or $(CASES),250)

# A picture of the top of the seeds' report, to check by eye: build/seeds-report/report.png.
screenshot: $(STAMP) $(CHART_JS) $(CHROMIUM)
	rm -f build/seeds.db
	$(BIN)/sitrep build $(SEEDS) --db build/seeds.db
	$(BIN)/sitrep report --db build/seeds.db --output build/seeds-report
	$(BIN)/python -m sitrep.output.browser build/seeds-report/index.html build/seeds-report/report.png

bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python bench_build.py && ../$(BIN)/python bench_attribution.py && ../$(BIN)/python bench_reuse.py && ../$(BIN)/python bench_story.py && ../$(BIN)/python bench_events.py && ../$(BIN)/python bench_firehose.py

# Recompile the pinned lock file after editing requirements.in.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" requirements.in -o requirements.lock

# The train extra's lock (requirements-train.in). torch's CPU wheel comes from PyTorch's own index (or a local
# copy of it: TORCH_WHEELS=/opt/wheels); install it with
# pip install --require-hashes -r requirements-train.lock --extra-index-url https://download.pytorch.org/whl/cpu
TORCH_WHEELS ?= https://download.pytorch.org/whl/cpu
lock-train:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes --find-links $(TORCH_WHEELS) -c requirements.lock \
		--custom-compile-command "make lock-train" requirements-train.in -o requirements-train.lock

clean:
	rm -rf $(VENV) build node_modules $(dir $(CHART_JS))
