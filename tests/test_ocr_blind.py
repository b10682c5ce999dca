"""Scans of Word-made samples from the blind batches, read by OCR and scored against the
samples' own facts: tables with merged cells and a running header (o01, o07), a paragraph whose
last line is two characters (p03), a ledger with a status column (r02), joint issuers and a
Chinese-numeral date (q01). Each is rendered at 200 dpi into an image-only PDF
(scripts/fixtures/make_scans.py) and must come out exact, as its text PDF does."""

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
]


@pytest.mark.skipif(not OCR_INSTALLED, reason="the OCR extra is not installed")
@pytest.mark.parametrize("stem", STEMS)
def test_a_scanned_sample_reads_as_its_facts(stem: str, tmp_path: Path) -> None:
    scanned = variant(stem, "scan200", tmp_path)
    document = tmp_path / f"{stem}.pdf"  # the scan under the sample's own name
    shutil.move(scanned, document)
    score = evaluate_document(document, SAMPLES / f"{stem}.facts.yaml")
    assert score.ok, score.misses
