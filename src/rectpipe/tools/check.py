"""Regression checks: documents against their expected outputs, field by field.

A document ``X`` in a folder is checked against ``X.expected.json`` beside it. Differences
are reported by problem id and field (``problem 2-1-3 .status: 'completed' → 'unknown'``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import RectpipeError
from ..pipeline import parse_file
from ..profiles.profile import Profile
from ..readers.inputs import documents_in
from ..runtime.record import field, record
from ..writers import dumps, write_atomic

__all__ = [
    "EXPECTED_SUFFIX",
    "VOLATILE",
    "CheckResult",
    "Difference",
    "check_dir",
    "check_document",
    "diff_values",
    "documents",
]

EXPECTED_SUFFIX = ".expected.json"
# Fields that may differ between runs or machines and are never compared.
VOLATILE = frozenset({"generated_at", "elapsed", "absolute_path"})


@record(slots=False)
class Difference:
    """One field that differs: where (a readable path), what was expected, what came out."""

    where: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.where}: {_short(self.expected)} → {_short(self.got)}"


@record(frozen=False, slots=False)
class CheckResult:
    """The outcome for one document: its differences, or the error that stopped it."""

    document: Path
    differences: list[Difference] = field(default_factory=list)
    error: str | None = None
    updated: bool = False
    missing_expected: bool = False

    @property
    def ok(self) -> bool:
        return not self.differences and self.error is None and not self.missing_expected


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(where: str, item: Any, index: int) -> str:
    """Where a list item is: a problem by its id alone (ids are unique), the rest by position."""
    if isinstance(item, dict) and isinstance(item.get("id"), str) and "status" in item:
        return f"problem {item['id'].removeprefix('p')}"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"{where}[{item['id']}]"
    return f"{where}[{index}]"


def diff_values(expected: Any, got: Any, where: str = "") -> Iterator[Difference]:
    """Differences between two JSON values, walking dicts and lists; volatile keys skipped."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in sorted(set(expected) | set(got), key=str):
            if key in VOLATILE:
                continue
            if key not in got:
                yield Difference(f"{where}.{key}", expected[key], "(missing)")
            elif key not in expected:
                yield Difference(f"{where}.{key}", "(absent)", got[key])
            else:
                yield from diff_values(expected[key], got[key], f"{where}.{key}")
        return
    if isinstance(expected, list) and isinstance(got, list):
        for index in range(max(len(expected), len(got))):
            if index >= len(got):
                yield Difference(
                    _label(where, expected[index], index), expected[index], "(missing)"
                )
            elif index >= len(expected):
                yield Difference(_label(where, got[index], index), "(absent)", got[index])
            else:
                label = _label(where, expected[index], index)
                yield from diff_values(expected[index], got[index], label)
        return
    if expected != got:
        yield Difference(where.lstrip(".") or "(document)", expected, got)


def documents(folder: Path) -> list[Path]:
    """Documents in ``folder`` (not recursive), sorted by name."""
    return documents_in(folder, recursive=False)


def check_document(
    document: Path, *, update: bool = False, profile: Profile | None = None
) -> CheckResult:
    """Parse ``document`` and compare it with its expected output (or rewrite it)."""
    result = CheckResult(document)
    expected_path = document.with_name(document.name + EXPECTED_SUFFIX)
    try:
        report = parse_file(document, profile=profile)
    except RectpipeError as exc:
        result.error = str(exc)
        return result
    text = dumps(report, "json")
    if update:
        old = expected_path.read_text("utf-8") if expected_path.exists() else None
        if old != text:
            write_atomic(expected_path, text)
            result.updated = True
        return result
    if not expected_path.exists():
        result.missing_expected = True
        return result
    expected = json.loads(expected_path.read_text("utf-8"))
    result.differences = list(diff_values(expected, json.loads(text)))
    return result


def check_dir(
    folder: str | Path, *, update: bool = False, profile: Profile | None = None
) -> list[CheckResult]:
    """:func:`check_document` for every document in ``folder``."""
    return [check_document(d, update=update, profile=profile) for d in documents(Path(folder))]
