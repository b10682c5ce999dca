"""Organisation entities of the enrichment measured on samples that did not build it.

The ``shape-w*`` samples were written after the enrichment dictionaries existed and were NOT
used to build them. Each of their problems carries ``organizations`` in its facts file: the
organisations the problem's text names, written by reading, before anything was scored. The
measured precision and recall are printed (``pytest -s``) and held to floors equal to the
first measurement, rounded down, so a change that loses organisations shows up here.

Measured before any change: precision 7/21 (33.3%), recall 7/35 (20.0%) over 12 documents.
The organisation rules were then widened on the shapes these misses showed (a unit's own body
after its unit word, short names of a definite unit, a unit's parts, short names after a bare
省/市/县/区, kinds of unit): precision 34/36, recall 34/35. From then on these samples are no
longer blind to the rules; the floors hold the gain, and blind figures come from newer samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe
from rectpipe.cli import main
from rectpipe.tools.evaluate import (
    DocumentScore,
    Totals,
    documents_with_facts,
    evaluate_document,
    evaluate_folder,
    format_scores,
)

from .conftest import SAMPLES

UNSEEN = "shape-w"
FLOOR_PRECISION = 0.90
FLOOR_RECALL = 0.90

REPORT = "关于巡察整改情况的通报\n一、巡察反馈问题整改情况\n"
FINDING = "1.预算执行不严格。\n整改情况：县财政局收回资金，县教育局修订制度。\n"


def _unseen_scores() -> list[DocumentScore]:
    return [
        evaluate_document(document, facts)
        for facts, document in documents_with_facts(SAMPLES)
        if document.name.startswith(UNSEEN) and document.suffix in {".txt", ".html"}
    ]  # each as written; its Word and PDF copies say the same


def test_organisations_on_unseen_samples(capsys: pytest.CaptureFixture[str]) -> None:
    scores = _unseen_scores()
    assert len(scores) == 12 and all(s.error is None and s.org_labelled for s in scores)
    right = sum(s.org_right for s in scores)
    found = sum(s.org_found for s in scores)
    expected = sum(s.org_expected for s in scores)
    with capsys.disabled():
        print()
        for s in scores:
            print(
                f"organizations right {s.org_right}/{s.org_found} found, "
                f"{s.org_right}/{s.org_expected} labels {s.document.name}"
            )
        print(f"organisation precision: {right}/{found} = {right / found:.1%}")
        print(f"organisation recall: {right}/{expected} = {right / expected:.1%}")
    assert expected == 35
    assert right / found >= FLOOR_PRECISION
    assert right / expected >= FLOOR_RECALL


def _write(folder: Path, labels: list[str] | None) -> Path:
    """A one-problem report and its facts, with ``labels`` as its organisations (``None``: no
    ``organizations`` key)."""
    document = folder / "x.txt"
    document.write_text(REPORT + FINDING, encoding="utf-8")
    lines = ["problems:", '  - number: "1"', '    title: "预算执行不严格"', "    status: unknown"]
    if labels is not None:
        lines.append("    organizations: [" + ", ".join(f'"{x}"' for x in labels) + "]")
    (folder / "x.facts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return document


def _found(folder: Path) -> list[str]:
    """The organisation names enrichment gives the problem (the facts then say right or
    wrong on purpose, whatever the dictionaries are)."""
    _write(folder, None)
    report = rectpipe.parse_file(folder / "x.txt", enrich=True)
    (problem,) = report.iter_problems()
    assert problem.enrichment is not None
    names = {e.text for e in problem.enrichment.entities if e.kind == "organization"}
    assert names, "the example's 县财政局 and 县教育局 are plain organisation names"
    return sorted(names)


def test_organisations_are_scored_apart_from_exact(tmp_path: Path) -> None:
    found = _found(tmp_path)
    document = _write(tmp_path, [*found[:1], "某某委员会"])
    score = evaluate_document(document, tmp_path / "x.facts.yaml")
    assert score.ok and score.exact == 1
    right = min(len(found), 1)
    assert (score.org_right, score.org_found, score.org_expected) == (right, len(found), 2)
    assert "missed ['某某委员会']" in score.org_misses[0]


def test_blanks_do_not_count(tmp_path: Path) -> None:
    found = _found(tmp_path)
    document = _write(tmp_path, [" ".join(name) for name in found])
    score = evaluate_document(document, tmp_path / "x.facts.yaml")
    assert score.org_right == score.org_found == score.org_expected == len(found)
    assert not score.org_misses


def test_no_organizations_key_no_figure(tmp_path: Path) -> None:
    _write(tmp_path, None)
    scores, totals = evaluate_folder(tmp_path)
    assert scores[0].ok and totals.org_documents == 0 and totals.org_expected == 0
    assert "organizations" not in format_scores(scores, totals)


def test_eval_prints_organisations_and_keeps_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _found(tmp_path)
    _write(tmp_path, [*found, "某某委员会"])
    assert main(["eval", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    n = len(found)
    assert f"; organizations {n}/{n} right, {n}/{n + 1} found" in out
    assert f"organizations (enrichment, not part of exact): precision {n}/{n}" in out


def test_totals_count_organisation_documents() -> None:
    totals = Totals()
    totals.add(
        DocumentScore(
            document=Path("a"), facts=Path("a"), org_right=1, org_found=2, org_expected=3,
            org_labelled=1,
        )
    )  # fmt: skip
    totals.add(DocumentScore(document=Path("b"), facts=Path("b")))
    assert (totals.org_right, totals.org_found, totals.org_expected) == (1, 2, 3)
    assert totals.org_documents == 1
