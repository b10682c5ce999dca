"""One door to every output format: text formats as ``str``, the workbook as ``bytes``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models.report import Report
from .formats import FORMATS, dumps

__all__ = ["OUTPUT_FORMATS", "SUFFIXES", "render"]

#: Every format a report can be written in: :data:`rectpipe.writers.FORMATS` (json, yaml,
#: jsonl), CSV (one row per problem) and XLSX (one workbook: problems, measures, documents,
#: warnings).
OUTPUT_FORMATS = (*FORMATS, "csv", "xlsx")
#: The file suffix of each format.
SUFFIXES = {fmt: f".{fmt}" for fmt in OUTPUT_FORMATS}


def render(reports: Report | Iterable[Report], fmt: str) -> str | bytes:
    """``reports`` in ``fmt`` (one of :data:`OUTPUT_FORMATS`): several reports make one JSON
    array, YAML stream, JSONL or CSV text, or one workbook."""
    if fmt == "csv":
        from .csv_rows import dumps_csv

        return dumps_csv(reports)
    if fmt == "xlsx":
        from .xlsx import dumps_xlsx

        return dumps_xlsx(reports)
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}")
    return dumps(reports, fmt)
