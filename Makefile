# Two commands do everything on a fresh Debian 12 machine:
#   make book   build the HTML site and the PDF edition (installs what is missing first)
#   make test   run the whole test suite (builds first if needed)
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# cffconvert pins jsonschema<4, which clashes with frictionless: it gets a small venv of its own.
CFF := .venv-cff/bin/cffconvert

.PHONY: book html pdf test lint system venv workbench bench clean distclean

book: system venv
	$(BIN)/python scripts/build_book.py all

html: system venv
	$(BIN)/python scripts/build_book.py html

pdf: system venv
	$(BIN)/python scripts/build_book.py pdf

test: book $(CFF)
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check mjbook tests scripts _ext

$(CFF):
	$(PYTHON) -m venv .venv-cff
	.venv-cff/bin/python -m pip install --quiet cffconvert==2.0.0

system:
	bash scripts/install_system_deps.sh

venv: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Regenerate the base-map extracts and derived features (needs the large source packages).
workbench: venv
	$(BIN)/python -m pip install --quiet -r requirements-workbench.txt
	mkdir -p .cache/world-atlas
	cd .cache/world-atlas && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz
	$(BIN)/python scripts/run_workbench.py notebooks/basemap_extracts.ipynb notebooks/khalkhin_gol_features.ipynb \
		notebooks/historical_maps.ipynb

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV) .venv-cff .cache

# Benchmark the build (medians of repeated runs); writes benchmarks/report.{md,json}.
bench: system venv
	$(BIN)/python scripts/bench.py --runs $(or $(RUNS),3)
