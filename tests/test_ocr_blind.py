"""Scans of Word-made samples from the blind batches, read by OCR and scored against the
samples' own facts: tables with merged cells and a running header (o01, o07), a paragraph whose
last line is two characters (p03), a ledger with a status column (r02), joint issuers and a
Chinese-numeral date (q01); and shapes the sweep over every sample PDF (scripts/ocr_sweep.py,
docs/ocr-sweep.md) made exact: a bulletin printed as a spread (g05), footnote marks and a
document number in the running header (g06), square bullets the engine left out (k05), a rare
character dropped from a red-header title (l01), bare （一） markers read as ``(-)`` (v01).
Each is rendered at 200 dpi into an image-only PDF (scripts/fixtures/make_scans.py) and must
come out exact, as its text PDF does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rectpipe.tools.evaluate import evaluate_document

from .conftest import SAMPLES
from .ocr_helpers import OCR_INSTALLED, variant

STEMS = [
    "shape-o01-county-zrzyj-xuncha-ledger-merged-cells",
    "shape-o07-county-ducha-attachment-xiaohao-column",
    "shape-p03-univ-shengwei-xunshi-autonum-two-signers",
    "shape-r02-soe-jingze-shenji-ledger-status-column",
    "shape-q01-county-wjj-joint-issuer-paren-findings-cn-date",
    "shape-g05-county-jianbao-spread-masthead-qihao",
    "shape-g06-water-group-audit-footnotes-running-header",
    "shape-k05-county-gov-ducha-square-bullets-under-categories",
    "shape-l01-county-slj-red-header-qianfaren-banji",
    "shape-v01-county-lyj-gongshi-bare-markers",
]


@pytest.mark.skipif(not OCR_INSTALLED, reason="the OCR extra is not installed")
@pytest.mark.parametrize("stem", STEMS)
def test_a_scanned_sample_reads_as_its_facts(stem: str, tmp_path: Path) -> None:
    scanned = variant(stem, "scan200", tmp_path)
    document = tmp_path / f"{stem}.pdf"  # the scan under the sample's own name
    shutil.move(scanned, document)
    score = evaluate_document(document, SAMPLES / f"{stem}.facts.yaml")
    assert score.ok, score.misses
