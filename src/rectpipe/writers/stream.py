"""Reports written piece by piece, so that a long report's text never exists whole in memory.

:func:`render_chunks` gives what :func:`~.render.render` gives, as a sequence of pieces whose
concatenation is that text (byte for byte): a JSON report one top-level field at a time, its
long lists (sections, problems, warnings, removed text, blocks) one item at a time; JSONL one
problem row at a time. :func:`~.files.write_output` writes such a sequence as it is made. A
2000-page PDF's report is about 60 MB of JSON, which as one Python string (its Chinese
characters make every character two bytes) and then its UTF-8 bytes weighed three times that.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..models import records
from .kinds import FORMATS
from .record_json import dumps_record, dumps_records, dumps_value
from .rows import problem_rows

if TYPE_CHECKING:
    from ..models.report import Report

__all__ = ["json_chunks", "jsonl_chunks", "record_json_chunks", "render_chunks"]

#: Top-level fields of a report written item by item (the ones that grow with the document).
_LISTS = ("sections", "problems", "warnings", "removed", "blocks")


AnyReport = Any  # a report's models (rectpipe.Report) or its records


def render_chunks(reports: AnyReport | Iterable[AnyReport], fmt: str) -> Iterable[str | bytes]:
    """``render(reports, fmt)`` as pieces to be written one after the other. Reports may be
    given as models or as records (:mod:`rectpipe.models.records`): records are written as
    JSON and JSONL without ever being made models."""
    items: list[Any] = [reports] if hasattr(reports, "schema_version") else list(reports)
    if fmt not in FORMATS and fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown output format {fmt!r}")
    if fmt == "jsonl":
        return (row for report in items for row in jsonl_chunks(report))
    if items and all(isinstance(r, records.Report) for r in items):
        if fmt == "json":
            return (
                record_json_chunks(items[0]) if len(items) == 1 else [dumps_records(items) + "\n"]
            )
        from ..models.convert import to_model

        items = [to_model(r) for r in items]
    from .formats import fast_json_ok
    from .render import render

    if fmt == "json" and len(items) == 1 and fast_json_ok(items[0]):
        return json_chunks(items[0])
    return [render(items, fmt)]


def jsonl_chunks(report: Report | records.Report) -> Iterator[str]:
    """The JSONL lines of ``report``, one problem row each."""
    for row in problem_rows(report):
        yield json.dumps(row, ensure_ascii=False) + "\n"


def json_chunks(report: Report) -> Iterator[str]:
    """``report.model_dump_json(indent=2) + "\\n"`` in pieces: each top-level field dumped
    alone (a field left out of the output, such as an absent ``enrichment``, gives nothing),
    each item of the long lists dumped alone and indented to its depth. JSON strings hold no
    raw line break, so indenting a piece is putting spaces after each of its line breaks."""
    first = True
    yield "{"
    for name in type(report).model_fields:
        items = getattr(report, name) if name in _LISTS else None
        if items:
            yield ("" if first else ",") + f'\n  "{name}": [\n    '
            first = False
            for position, item in enumerate(items):
                if position:
                    yield ",\n    "
                yield item.model_dump_json(indent=2).replace("\n", "\n    ")
            yield "\n  ]"
            continue
        alone = report.model_dump_json(indent=2, include={name})
        if alone == "{}":
            continue
        yield ("" if first else ",") + alone[1:-2]  # "{\n  "name": …\n}" less the braces
        first = False
    yield "\n}\n"


def record_json_chunks(report: records.Report) -> Iterator[str]:
    """:func:`json_chunks` of a report's records: the same pieces, written from the records."""
    first = True
    yield "{"
    for name, kind, omitted in records.SPECS[records.Report]:
        value = getattr(report, name)
        if value is None and omitted:
            continue
        yield ("" if first else ",") + f'\n  "{name}": '
        first = False
        if name in _LISTS and value:
            yield "[\n    "
            for position, item in enumerate(value):
                if position:
                    yield ",\n    "
                yield dumps_record(item, "\n    ")
            yield "\n  ]"
            continue
        yield dumps_value(value, kind, "\n  ")
    yield "\n}\n"
