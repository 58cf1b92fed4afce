# Two commands do all set-up on a fresh machine with nothing but Python 3.10+:
#   make demo   - creates .venv if missing, installs, runs the extractor on a bundled example
#   make test   - same set-up, runs the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint schema benchmark evaluate clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml requirements-base.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-base.txt
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/conflictner extract docs/examples/somalia_base_attack.txt --published 2024-03-06 --outlet "conflictner example"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check conflictner tests

schema: $(STAMP)
	$(BIN)/conflictner schema --out docs/schema/extraction.schema.json

benchmark: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks -s -p no:cacheprovider

evaluate: $(STAMP)
	$(BIN)/python -m conflictner.evaluation.public --out docs/benchmarks.md

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
