"""Each sample's hand-written facts (samples/*.facts.yaml) hold for every format it exists in.

The facts are written by reading the document, not by running rectpipe, so they are an
independent check of the golden files. Scoring is :mod:`rectpipe.tools.evaluate` (what
``rectpipe eval`` prints). Samples not yet exact are listed in ``KNOWN_MISSES`` with what they
miss; they run as strict xfails, so a fix announces itself and the entry must go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rectpipe.tools.evaluate import (
    Totals,
    documents_with_facts,
    evaluate_document,
    evaluate_folder,
)

from .conftest import SAMPLES

# document name → what it still misses (shapes rectpipe does not handle yet).
KNOWN_MISSES: dict[str, str] = {}


def _cases() -> list[object]:
    cases: list[object] = []
    for facts, document in documents_with_facts(SAMPLES):
        reason = KNOWN_MISSES.get(document.name)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        cases.append(pytest.param(facts, document, id=document.name, marks=marks))
    return cases


@pytest.mark.parametrize(("facts", "document"), _cases())
def test_facts(facts: Path, document: Path) -> None:
    score = evaluate_document(document, facts)
    assert score.ok, "\n".join(score.misses)


def test_known_misses_name_real_documents() -> None:
    names = {document.name for _, document in documents_with_facts(SAMPLES)}
    assert set(KNOWN_MISSES) <= names


def test_confusion_matrix_on_all_samples(capsys: pytest.CaptureFixture[str]) -> None:
    """The problem/not-a-problem decision over every numbered item the facts name.

    Printed for the record (``pytest -s``); the floors are what the samples reach today."""
    _, totals = evaluate_folder(SAMPLES)
    matrix = totals.confusion
    with capsys.disabled():
        print(f"\nconfusion on {totals.documents} sample documents: {matrix}")
    assert isinstance(totals, Totals)
    precision = matrix["tp"] / (matrix["tp"] + matrix["fp"])
    recall = matrix["tp"] / (matrix["tp"] + matrix["fn"])
    assert precision >= 0.99, matrix
    # the known misses p07 (6 findings) and q03 (4) hold recall at 99.3 %
    assert recall >= 0.99, matrix
    assert matrix["tn"] >= 70, matrix


def test_an_unreadable_facts_file_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("关于巡察整改情况的通报\n", encoding="utf-8")
    (tmp_path / "x.facts.yaml").write_text("stated_totals: {problems: [\n", encoding="utf-8")
    scores, _ = evaluate_folder(tmp_path)
    assert [s.ok for s in scores] == [False]
    assert scores[0].error is not None and "unreadable facts" in scores[0].error
