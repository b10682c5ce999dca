"""Reports → CSV: one row per problem, the JSONL keys flattened, for spreadsheets.

The text starts with a UTF-8 byte-order mark so that Excel opens Chinese text correctly.
Lists are joined into one cell: ``path`` as ``marker+title`` items joined with `` > ``,
``measures`` as ``marker+text`` items one per line. ``provenance`` becomes five columns.
Empty values (``None``) are empty cells; booleans are ``true``/``false``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ..models.report import Report
from .formats import JSONL_KEYS, problem_rows

__all__ = [
    "BOM",
    "CSV_COLUMNS",
    "MEASURE_SEPARATOR",
    "PATH_SEPARATOR",
    "csv_rows",
    "dumps_csv",
    "flatten_row",
]

BOM = "\ufeff"
PATH_SEPARATOR = " > "
MEASURE_SEPARATOR = "\n"
_PROVENANCE_KEYS = ("start", "end", "block", "path", "page")
CSV_COLUMNS: tuple[str, ...] = tuple(
    column
    for key in JSONL_KEYS
    for column in ([f"provenance_{k}" for k in _PROVENANCE_KEYS] if key == "provenance" else [key])
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flatten_row(row: dict[str, Any]) -> dict[str, str]:
    """One JSONL row (see :func:`rectpipe.writers.problem_rows`) as CSV cells keyed by
    :data:`CSV_COLUMNS`; every value is a string."""
    flat: dict[str, str] = {}
    for key in JSONL_KEYS:
        value = row.get(key)
        if key == "path":
            flat[key] = PATH_SEPARATOR.join(
                f"{item.get('marker') or ''}{item['title']}" for item in value or []
            )
        elif key == "measures":
            flat[key] = MEASURE_SEPARATOR.join(
                f"{item['marker']}{item['text']}" for item in value or []
            )
        elif key == "provenance":
            for sub in _PROVENANCE_KEYS:
                flat[f"provenance_{sub}"] = _cell((value or {}).get(sub))
        else:
            flat[key] = _cell(value)
    return flat


def csv_rows(report: Report) -> list[dict[str, str]]:
    """The report's problems as flat CSV rows, in document order (empty for no problems)."""
    return [flatten_row(row) for row in problem_rows(report)]


def dumps_csv(reports: Report | Iterable[Report], *, header: bool = True) -> str:
    """``reports`` as CSV text: a BOM, a header line (unless ``header`` is false), then one
    row per problem of each report in turn. Lines end in CRLF, cells are quoted when needed.
    A report without problems adds no rows; the header is still written."""
    items = [reports] if isinstance(reports, Report) else list(reports)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for report in items:
        writer.writerows(csv_rows(report))
    return BOM + buffer.getvalue()
