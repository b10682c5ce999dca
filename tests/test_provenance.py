"""The provenance invariant on every sample and ledger fixture: each field source's text is its
value, or the value is one documented as derived (:mod:`rectpipe.tools.provenance`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe
from rectpipe.tools.check import documents
from rectpipe.tools.provenance import check_sources

from .conftest import SAMPLES

LEDGERS = Path(__file__).parent / "fixtures" / "ledgers"
# The legacy .doc/.wps/.odt fixtures go through LibreOffice: tests/test_legacy_real.py.
FILES = [
    *documents(SAMPLES),
    *sorted(p for p in LEDGERS.iterdir() if p.suffix not in (".doc", ".wps", ".odt")),
]


@pytest.mark.parametrize("document", FILES, ids=lambda p: p.name)
def test_every_source_holds_its_value(document: Path) -> None:
    report = rectpipe.parse_file(document)
    assert report.iter_problems() or report.metadata.sources
    assert check_sources(report) == []


def test_the_check_sees_a_wrong_source() -> None:
    report = rectpipe.parse_file(SAMPLES / "ledger-taizhang.docx")
    problem = report.iter_problems()[0]
    problem.sources["title"] = problem.sources["responsible"]
    del problem.sources["actions.2"]
    misses = check_sources(report)
    assert sorted(m.split(":")[0] for m in misses) == [
        f"problem {problem.id}.actions",
        f"problem {problem.id}.title",
    ]
