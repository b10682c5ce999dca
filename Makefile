# The single source of truth for setting up, checking and running rectpipe.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: all run test lint typecheck unit schema fixtures bench scans clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Convert every bundled sample into out/ (JSON per document, plus one JSONL of all problems).
run: $(STAMP)
	@mkdir -p out
	$(BIN)/rectpipe extract samples -o out/
	$(BIN)/rectpipe extract samples -f jsonl -o out/problems.jsonl
	@echo "wrote $$(ls out/*.json | wc -l) reports and $$(wc -l < out/problems.jsonl) problem rows to out/"

## Lint, type-check and run the whole suite.
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest

## Regenerate schemas/ from the models, and the default profile's JSON copy from its YAML.
schema: $(STAMP)
	$(BIN)/rectpipe schema > schemas/report.schema.json
	$(BIN)/rectpipe schema profile > schemas/profile.schema.json
	$(BIN)/python scripts/make_profile_data.py

## Regenerate the sample documents (needs LibreOffice for the PDFs).
fixtures: $(STAMP)
	$(BIN)/python scripts/fixtures/make_docx.py
	$(BIN)/python scripts/fixtures/make_pdf.py
	$(BIN)/python scripts/fixtures/make_html.py
	$(BIN)/python scripts/fixtures/make_seed_table.py

## Throughput and peak memory against bare-library baselines (not part of test): out/bench.json.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_ocr.py

## Scanned, skewed, noisy, 150-dpi and photographed variants of the sample PDFs (OCR tests).
scans: $(STAMP)
	$(BIN)/python scripts/fixtures/make_scans.py out/scans

clean:
	rm -rf out .mypy_cache .ruff_cache .pytest_cache
