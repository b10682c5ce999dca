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


def text_pages(stem: str, pages: Sequence[int] | None, out: Path) -> Path:
    """``samples/<stem>.pdf`` itself, or a PDF of its ``pages`` (1-based, text layer kept)
    written into ``out``: the reference a scan of the same pages is read against."""
    source = ROOT / "samples" / f"{stem}.pdf"
    if not pages:
        return source
    import pypdfium2 as pdfium

    path = out / f"{stem}.pages-{'-'.join(map(str, pages))}.pdf"
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(source), [n - 1 for n in pages])
    document.save(path)
    return path


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


METADATA = ("title", "issuer", "date", "inspection_kind", "inspecting_body")
"""The metadata fields :func:`compare` checks unless told others."""


def every_metadata_field() -> tuple[str, ...]:
    """Every value field of a report's metadata (not its sources and origins)."""
    from rectpipe.models.report import Metadata

    return tuple(name for name in Metadata.model_fields if name not in ("sources", "origins"))


@dataclass
class Comparison:
    """A scanned reading against the text layer's: problems, numbers, statuses, metadata,
    and the character error rates of the problem statements (title + description) and of the
    titles alone."""

    expected: int
    found: int
    wrong_numbers: list[str]
    wrong_statuses: list[str]
    wrong_metadata: list[str]
    errors: int
    characters: int
    title_errors: int = 0
    title_characters: int = 0

    @property
    def cer(self) -> float:
        return self.errors / max(1, self.characters)

    @property
    def title_cer(self) -> float:
        return self.title_errors / max(1, self.title_characters)


def _stated(report: Report) -> dict[str, object] | None:
    stated = report.summary.stated
    return stated.model_dump(exclude={"provenance", "raw"}) if stated else None


def compare(
    reference: Report, scanned: Report, fields: Sequence[str] = METADATA, totals: bool = False
) -> Comparison:
    """How ``scanned`` differs from ``reference`` (the same document read from its text):
    the metadata ``fields``, and with ``totals`` the stated totals too."""
    want, got = reference.iter_problems(), scanned.iter_problems()
    numbers, statuses = [], []
    errors = characters = title_errors = title_characters = 0
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
        title_errors += edit_distance(problem.title, other.title if other else "")
        title_characters += len(problem.title)
    metadata = [
        f"{name}: {getattr(reference.metadata, name)!r} → {getattr(scanned.metadata, name)!r}"
        for name in fields
        if getattr(reference.metadata, name) != getattr(scanned.metadata, name)
    ]
    if totals and _stated(reference) != _stated(scanned):
        metadata.append(f"stated totals: {_stated(reference)} → {_stated(scanned)}")
    return Comparison(
        len(want),
        len(got),
        numbers,
        statuses,
        metadata,
        errors,
        characters,
        title_errors,
        title_characters,
    )
