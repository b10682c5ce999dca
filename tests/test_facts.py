"""Each sample's hand-written facts (samples/*.facts.yaml) hold for every format it exists in.

The facts are written by reading the document, not by running rectpipe, so they are an
independent check of the golden files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import rectpipe
from rectpipe.models import Report

from .conftest import SAMPLES

FACTS = sorted(SAMPLES.glob("*.facts.yaml"))
FORMATS = (".txt", ".docx", ".pdf", ".html")


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for facts in FACTS:
        stem = facts.name.removesuffix(".facts.yaml")
        for suffix in FORMATS:
            for document in sorted(SAMPLES.glob(f"{stem}*{suffix}")):
                if document.name.removesuffix(suffix) in (stem, f"{stem}-autonum"):
                    cases.append((facts, document))
    return cases


@pytest.fixture(scope="module")
def parsed() -> dict[Path, Report]:
    return {}


@pytest.mark.parametrize(("facts", "document"), _cases(), ids=lambda p: p.name)
def test_facts(facts: Path, document: Path) -> None:
    expected: dict[str, Any] = yaml.safe_load(facts.read_text("utf-8"))
    report = rectpipe.parse_file(document)
    meta = report.metadata.model_dump(mode="json")
    for key, value in (expected.get("metadata") or {}).items():
        assert meta[key] == value, f"metadata.{key}"
    problems = report.iter_problems()
    wanted = expected["problems"]
    assert [p.number for p in problems] == [str(w["number"]) for w in wanted]
    for problem, want in zip(problems, wanted, strict=True):
        where = f"problem {want['number']} ({want['title'][:12]})"
        assert problem.title == want["title"], where
        assert problem.status.value == want["status"], where
        assert problem.long_term == want.get("long_term", False), where
        assert len(problem.measures) == want.get("measures", 0), where
        assert problem.responsible == want.get("responsible"), where
        assert problem.deadline == want.get("deadline"), where
        if "path" in want:
            assert [p.title for p in problem.path] == want["path"], where
    stated = expected.get("stated_totals") or {}
    if stated:
        assert report.summary.stated is not None
        for key, value in stated.items():
            assert getattr(report.summary.stated, key) == value, f"stated.{key}"
        assert report.summary.consistent is expected.get("consistent", True)
