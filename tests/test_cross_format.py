"""The same report as .txt, .docx (typed and automatic numbering), .pdf and web page gives the
same records: problems, their text and status, and the report's metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rectpipe
from rectpipe.models import Report

from .conftest import SAMPLES

VARIANTS = ("-autonum.docx", ".docx", ".pdf", ".html")
STEMS = ("seed-yongzhou", "family-b-xuncha", "family-c-ducha", "family-d-shenji", "family-e-themed")
META = (
    "title", "issuer", "date", "attachment", "inspection_kind", "inspecting_body",
    "period_start", "period_end", "feedback_date", "phone", "email", "address",
)  # fmt: skip


def _squash(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", "", text)


def _records(report: Report) -> list[tuple[object, ...]]:
    return [
        (
            p.number,
            [_squash(i.title) for i in p.path],
            _squash(p.title),
            _squash(p.description),
            p.status,
            p.status_raw,
            p.long_term,
            _squash(p.actions),
            [_squash(m.text) for m in p.measures],
            _squash(p.responsible),
            _squash(p.deadline),
        )
        for p in report.iter_problems()
    ]


def _cases() -> list[Path]:
    return [
        SAMPLES / f"{stem}{variant}"
        for stem in STEMS
        for variant in VARIANTS
        if (SAMPLES / f"{stem}{variant}").exists()
    ]


@pytest.mark.parametrize("document", _cases(), ids=lambda p: p.name)
def test_same_records_as_text(document: Path) -> None:
    stem = document.name.split(".")[0].removesuffix("-autonum")
    reference = rectpipe.parse_file(SAMPLES / f"{stem}.txt")
    report = rectpipe.parse_file(document)
    assert _records(report) == _records(reference)
    for name in META:
        got, want = getattr(report.metadata, name), getattr(reference.metadata, name)
        assert _squash(str(got)) == _squash(str(want)), name


def test_pdf_problems_carry_pages() -> None:
    pdf = SAMPLES / "seed-yongzhou.pdf"
    if not pdf.exists():
        pytest.skip("no PDF sample")
    problems = rectpipe.parse_file(pdf).iter_problems()
    pages = [p.provenance.page for p in problems]
    assert all(isinstance(page, int) for page in pages)
    assert pages == sorted(pages) and pages[0] >= 1 and pages[-1] > pages[0]
