"""Legacy Word/WPS (.doc, .wps) and OpenDocument text (.odt) read for real through LibreOffice:
the ledger written by scripts/fixtures/make_ledgers.py gives the same records as its .docx.

Skipped without LibreOffice, except under ``CI`` (``.ci/run`` installs Debian's headless
packages), where a missing ``soffice`` fails. The three files are converted in one test so
LibreOffice starts a few times only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import rectpipe
from rectpipe.readers.legacy import soffice

LEDGERS = Path(__file__).parent / "fixtures" / "ledgers"


def _records(path: Path) -> list[tuple[object, ...]]:
    report = rectpipe.parse_file(path)
    return [
        (
            p.number,
            p.title,
            p.description,
            p.status,
            p.status_raw,
            p.actions,
            [(m.marker, m.text) for m in p.measures],
            p.responsible,
            p.deadline,
        )
        for p in report.iter_problems()
    ]


def test_legacy_files_through_libreoffice() -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice (.ci/run): soffice is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    expected = _records(LEDGERS / "ledger-cells.docx")
    assert len(expected) == 6
    for suffix in ("doc", "wps", "odt"):
        path = LEDGERS / f"ledger-cells.{suffix}"
        assert rectpipe.parse_file(path).source.format in ("doc", "odt")
        assert _records(path) == expected, suffix
