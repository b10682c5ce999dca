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

from ..models.report import Report
from .formats import FORMATS, fast_json_ok, problem_rows
from .render import render

__all__ = ["json_chunks", "jsonl_chunks", "render_chunks"]

#: Top-level fields of a report written item by item (the ones that grow with the document).
_LISTS = ("sections", "problems", "warnings", "removed", "blocks")


def render_chunks(reports: Report | Iterable[Report], fmt: str) -> Iterable[str | bytes]:
    """``render(reports, fmt)`` as pieces to be written one after the other."""
    items = [reports] if isinstance(reports, Report) else list(reports)
    if fmt == "json" and len(items) == 1 and fast_json_ok(items[0]):
        return json_chunks(items[0])
    if fmt == "jsonl":
        return (row for report in items for row in jsonl_chunks(report))
    if fmt not in FORMATS and fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown output format {fmt!r}")
    return [render(items, fmt)]


def jsonl_chunks(report: Report) -> Iterator[str]:
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
