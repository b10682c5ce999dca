"""Internal: the type size of recognised lines, told by their em rather than by their boxes.

The engine's box of a line is taller than its characters when the line is short or holds
brackets or quotes, and relatively taller for small type, so box heights mislead the layout's
size comparisons (a paragraph's last line or a heading would seem set in larger type). A
line's *em*, the advance from one Han character to the next, does not: a line whose em is the
body's is body text whatever its box; one whose em is clearly smaller is set in smaller type (a
running header); a larger one keeps its box height (a title).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...runtime.record import record
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings

if TYPE_CHECKING:
    from .chars import PlacedLine

__all__ = ["BodyType", "body_type", "han_widths", "is_han", "line_size"]


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (CJK unified ideographs, extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def han_widths(
    text: Sequence[str], x0s: Sequence[float], x1s: Sequence[float], spaced: Sequence[bool]
) -> tuple[float | None, float | None]:
    """How wide the Han characters of a line are: the median advance from one to the next one
    beside it (the em; not across a space the engine read; ``None`` from a single advance, as
    in a paragraph's last line ``任务。``, where the engine's box spacing is too rough to tell
    a smaller type), and the median width of their boxes (narrower than the em: a box covers
    the ink); ``None`` where there is none."""
    steps = [
        x0s[k + 1] - x0s[k]
        for k in range(len(text) - 1)
        if is_han(text[k]) and is_han(text[k + 1]) and not spaced[k + 1]
    ]
    widths = [b - a for a, b, c in zip(x0s, x1s, text, strict=True) if is_han(c)]
    return (
        statistics.median(steps) if len(steps) >= 2 else None,
        statistics.median(widths) if widths else None,
    )


@record
class BodyType:
    """The body text's type in a recognised document: its usual box height and em (points)."""

    height: float
    em: float | None


def _weighted_median(values: Sequence[tuple[float, int]]) -> float | None:
    """The median of ``(value, weight)`` pairs, ``None`` when the weights add up to nothing."""
    ordered = sorted(values)
    total = sum(n for _, n in ordered)
    if not total:
        return None
    running = 0
    for value, n in ordered:
        running += n
        if 2 * running >= total:
            return value
    return ordered[-1][0]  # pragma: no cover - reached only through rounding


def body_type(pages: Sequence[Sequence[PlacedLine]]) -> BodyType | None:
    """The usual line height and em of the document (weighted by characters), ``None`` if no
    line."""
    lines = [ln for page in pages for ln in page]
    height = _weighted_median([(ln.height, len(ln.text)) for ln in lines])
    if height is None:
        return None
    em = _weighted_median([(ln.em, len(ln.text)) for ln in lines if ln.em is not None])
    return BodyType(height, em)


def line_size(
    line: PlacedLine, body: BodyType | None, settings: OcrSettings = DEFAULT_OCR_SETTINGS
) -> float:
    """The type size of ``line``: the body's height when its em is within ``size_tolerance``
    of the body's (or, with no em, its box height is, or its box is taller but its Han no
    wider than the body's em); scaled down from the body's by its em when that is clearly
    smaller; else its box height, rounded to half a point."""
    height = line.height
    if body is None:
        return round(height * 2) / 2
    tolerance = settings.size_tolerance
    if line.em is not None and body.em:
        ratio = line.em / body.em
        if abs(ratio - 1) <= tolerance:
            return body.height
        if ratio < 1:
            return round(body.height * ratio * 2) / 2
    elif (
        line.ink is not None
        and body.em
        and height > body.height
        and line.ink <= (1 + tolerance) * body.em
    ):
        return body.height
    if abs(height - body.height) <= tolerance * body.height:
        return body.height
    return round(height * 2) / 2
