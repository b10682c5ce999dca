"""One door to every output format: text formats as ``str``, the workbook as ``bytes``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .kinds import FORMATS, OUTPUT_FORMATS, SUFFIXES

if TYPE_CHECKING:
    from ..models.report import Report

__all__ = ["OUTPUT_FORMATS", "SUFFIXES", "render"]


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
    from .formats import dumps

    return dumps(reports, fmt)
