# The single source of truth for setting up, checking and running rectpipe.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FUZZ_EXAMPLES ?=

.PHONY: all run test lint typecheck unit fuzz schema fixtures bench bench-tools bench-startup bench-scale scans native clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## The PDF reader's native loop, built in place (optional: without a C compiler the reader
## makes the same PDFium calls through ctypes).
NATIVE := src/rectpipe/readers/pdf/_glyphloop.so
native: $(NATIVE)
$(NATIVE): src/rectpipe/readers/pdf/glyphloop.c
	@$(or $(CC),cc) -O2 -shared -fPIC -o $@ $< 2>/dev/null \
	  || echo "no C compiler: PDF glyphs are read through ctypes (same results, slower)"

## Convert every bundled sample into out/ (JSON per document, plus one JSONL of all problems).
run: $(STAMP) native
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

unit: $(STAMP) native
	$(BIN)/python -m pytest

## The structural fuzzer at length (make test runs a small fixed set of its examples): mutated
## and generated documents for every reader, random each run, against the library's and the
## command line's contract (tests/test_fuzz.py; FUZZ_EXAMPLES sets the count per test); and
## batches killed with SIGKILL 20 times per target, then resumed (tests/test_hostile_crash.py).
fuzz: $(STAMP) native
	RECTPIPE_FUZZ=1 RECTPIPE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest \
	  tests/test_fuzz.py tests/test_hostile_crash.py -p no:cacheprovider \
	  --hypothesis-show-statistics

## Regenerate schemas/ and the pipeline's records from the models, the SQLite statements from
## the database tables, and the default profile's JSON copy from its YAML.
schema: $(STAMP)
	$(BIN)/rectpipe schema > schemas/report.schema.json
	$(BIN)/rectpipe schema profile > schemas/profile.schema.json
	$(BIN)/python scripts/make_records.py
	$(BIN)/python scripts/make_sqlite_schema.py
	$(BIN)/python scripts/make_profile_data.py

## Regenerate the sample documents (needs LibreOffice for the PDFs).
fixtures: $(STAMP)
	$(BIN)/python scripts/fixtures/make_docx.py
	$(BIN)/python scripts/fixtures/make_pdf.py
	$(BIN)/python scripts/fixtures/make_html.py
	$(BIN)/python scripts/fixtures/make_seed_table.py
	$(BIN)/python scripts/fixtures/make_r_series.py
	$(BIN)/python scripts/fixtures/make_f_series.py
	$(BIN)/python scripts/fixtures/make_spaced_pdf.py
	$(BIN)/python scripts/fixtures/make_landscape_pdf.py
	$(BIN)/python scripts/fixtures/make_mht_rtf.py

## Throughput, peak memory and start-up against bare-library and bare-interpreter baselines
## (not part of test): first the speed and memory table of issue 15 in one run
## (out/bench-table.json; pdftotext, from poppler-utils, is a baseline: installed here when
## this machine's apt-get may, else skipped), then out/bench.json.
bench: $(STAMP) native bench-tools
	$(BIN)/python scripts/bench_table.py
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_ocr.py
	$(BIN)/python scripts/bench_ray.py

bench-tools:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends poppler-utils; } >/dev/null 2>&1; } || true

## Archive scale (not part of test or bench): 10,000 generated reports into SQLite, 2 workers.
bench-scale: $(STAMP) native
	$(BIN)/python scripts/bench_scale.py

## Start-up only: the whole `rectpipe extract` on small text files against `python -c pass`
## (median over rounds taken in turn, the ratio against the target of 6): out/startup.json.
bench-startup: $(STAMP)
	$(BIN)/python scripts/bench.py --startup --out out/startup.json

## Scanned, skewed, noisy, 150-dpi and photographed variants of the sample PDFs (OCR tests).
scans: $(STAMP)
	$(BIN)/python scripts/fixtures/make_scans.py out/scans

clean:
	rm -rf out .mypy_cache .ruff_cache .pytest_cache
