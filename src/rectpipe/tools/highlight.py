"""Text with highlighted spans as HTML, nesting correct whatever the spans do.

Spans may nest, coincide or cross. The text is cut at every span boundary; at each cut the
open elements that end there are closed, and any element opened after one of them (above it
on the stack) that goes on is closed too and reopened as a continuation fragment. Every
fragment of a span carries the same ``data-span`` index, so the concatenated text of a span's
fragments is exactly ``text[start:end]``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence

from ..runtime.record import field, record

__all__ = ["Highlighted", "Span", "escape_text", "highlight"]


@record(slots=False)
class Span:
    """A range of the text to wrap: ``start``/``end`` (end exclusive) into the text.

    ``classes`` are added to ``hl``; ``data`` become ``data-<name>`` attributes; ``anchor``
    is the ``id`` of the span's first fragment. Among spans with the same range, lower
    ``rank`` is opened first (it becomes the outer element).
    """

    start: int
    end: int
    classes: str = ""
    data: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    anchor: str | None = None
    rank: int = 0


@record(slots=False)
class Highlighted:
    """The HTML, and the indexes of spans left out because they fall outside the text or
    end before they start."""

    html: str
    skipped: tuple[int, ...]


def escape_text(text: str) -> str:
    """``text`` as HTML character data whose DOM text is ``text`` again: ``& < > " '``
    escaped and carriage returns written as ``&#13;`` (the parser would turn a raw one into
    a line feed). NUL has no HTML form; it reads back as U+FFFD."""
    return html.escape(text).replace("\r", "&#13;")


def _open_tag(index: int, span: Span, start: int, end: int, *, first: bool) -> str:
    classes = " ".join(c for c in ("hl", span.classes, "" if first else "cont") if c)
    attrs = [f'class="{html.escape(classes)}"']
    if first and span.anchor:
        attrs.append(f'id="{html.escape(span.anchor)}"')
    attrs.append(f'data-span="{index}" data-start="{start}" data-end="{end}"')
    attrs.extend(f'data-{name}="{html.escape(value)}"' for name, value in span.data)
    return f"<span {' '.join(attrs)}>"


def highlight(text: str, spans: Sequence[Span]) -> Highlighted:
    """``text`` escaped, with each span wrapped in ``<span class="hl …" data-span=i>``
    elements (``i`` its index in ``spans``). Spans reaching past the text are clipped to it;
    spans with ``end < start`` after clipping are skipped; empty spans become empty elements
    (anchors) at their position."""
    length = len(text)
    bounds: dict[int, tuple[int, int]] = {}
    skipped: list[int] = []
    starting: dict[int, list[int]] = defaultdict(list)
    points: dict[int, list[int]] = defaultdict(list)
    for index, span in enumerate(spans):
        start, end = max(0, min(span.start, length)), max(0, min(span.end, length))
        if end < start or span.start > length:
            skipped.append(index)
            continue
        bounds[index] = (start, end)
        (points if start == end else starting)[start].append(index)
    cuts = sorted({0, length} | {b for pair in bounds.values() for b in pair})

    def order(index: int) -> tuple[int, int, int]:
        return (-bounds[index][1], spans[index].rank, index)

    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    for position, cut in enumerate(cuts):
        ending = [depth for depth, index in enumerate(stack) if bounds[index][1] == cut]
        reopen: list[int] = []
        if ending:
            lowest = ending[0]
            reopen = [index for index in stack[lowest:] if bounds[index][1] > cut]
            out.append("</span>" * (len(stack) - lowest))
            del stack[lowest:]
        for index in points.get(cut, []):
            out.append(_open_tag(index, spans[index], cut, cut, first=True) + "</span>")
        for index in sorted(reopen + starting.get(cut, []), key=order):
            start, end = bounds[index]
            out.append(_open_tag(index, spans[index], start, end, first=index not in opened))
            opened.add(index)
            stack.append(index)
        if position + 1 < len(cuts):
            out.append(escape_text(text[cut : cuts[position + 1]]))
    out.append("</span>" * len(stack))
    return Highlighted(html="".join(out), skipped=tuple(skipped))
