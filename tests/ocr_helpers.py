"""Helpers for the OCR tests: scanned variants of the samples and how close their reading is.

The variants are made by ``scripts/fixtures/make_scans.py`` into a temporary folder (they are
too large to commit); OCR runs for real on them, nothing is cached between test runs.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rectpipe.models import Report

from .conftest import ROOT

OCR_INSTALLED = importlib.util.find_spec("rapidocr_onnxruntime") is not None


def make_scans():  # type: ignore[no-untyped-def]
    """The fixture script as a module."""
    path = ROOT / "scripts" / "fixtures" / "make_scans.py"
    spec = importlib.util.spec_from_file_location("make_scans", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_scans", module)
    spec.loader.exec_module(module)
    return module


def variant(stem: str, kind: str, out: Path, pages: Sequence[int] | None = None) -> Path:
    """``kind`` of ``samples/<stem>.pdf`` written into ``out`` (its first file)."""
    return make_scans().make_variant(ROOT / "samples" / f"{stem}.pdf", kind, out, pages)[0]  # type: ignore[no-any-return]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between ``a`` and ``b``."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def statement(problem) -> str:  # type: ignore[no-untyped-def]
    return problem.title + problem.description


@dataclass
class Comparison:
    """A scanned reading against the text layer's: problems, numbers, statuses, metadata,
    and the character error rate of the problem statements (title + description)."""

    expected: int
    found: int
    wrong_numbers: list[str]
    wrong_statuses: list[str]
    wrong_metadata: list[str]
    errors: int
    characters: int

    @property
    def cer(self) -> float:
        return self.errors / max(1, self.characters)


def compare(reference: Report, scanned: Report) -> Comparison:
    """How ``scanned`` differs from ``reference`` (the same document read from its text)."""
    want, got = reference.iter_problems(), scanned.iter_problems()
    numbers, statuses = [], []
    errors = characters = 0
    for k, problem in enumerate(want):
        other = got[k] if k < len(got) else None
        if other is None or other.number != problem.number:
            numbers.append(f"{k}: {problem.number} → {other.number if other else None}")
        if other is None or other.status != problem.status:
            statuses.append(f"{problem.number}: {problem.status.value} → "
                            f"{other.status.value if other else None}")  # fmt: skip
        text = statement(problem)
        errors += edit_distance(text, statement(other) if other else "")
        characters += len(text)
    metadata = [
        f"{name}: {getattr(reference.metadata, name)!r} → {getattr(scanned.metadata, name)!r}"
        for name in ("title", "issuer", "date", "inspection_kind", "inspecting_body")
        if getattr(reference.metadata, name) != getattr(scanned.metadata, name)
    ]
    return Comparison(len(want), len(got), numbers, statuses, metadata, errors, characters)
