"""Internal: a printed spread, two pages side by side on one landscape sheet, read page by page.

A bulletin or a booklet exported or scanned as spreads puts two pages on one sheet wider than
it is tall, a blank gutter between them, each with its own page number under it. Read across,
the lines of the two pages at one height would be joined into one line and the pages
interleaved. A sheet is a spread when it is wider than tall and a band at least
``spread_gutter_ems`` of the glyphs' median size wide, around its middle (between
``spread_middle`` and ``1 - spread_middle`` of its width), is free of glyphs and crossed by
no rule between its first and last lines while both sides hold glyphs; its glyphs are then
cut at the band into a left and a right page, read in that order, under the sheet's number.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import statistics

from .glyphs import Char
from .settings import LayoutSettings
from .sources import PageChars

__all__ = ["spread_halves"]


def spread_halves(page: PageChars, settings: LayoutSettings) -> tuple[PageChars, PageChars] | None:
    """The left and the right page of a spread, under the sheet's number, or ``None`` when
    the sheet is no spread (see the module)."""
    chars, width, height = page.chars, page.width, page.height
    if width <= height or len(chars) < 20:
        return None
    size = statistics.median(char.size for char in chars)
    low, high = width * settings.spread_middle, width * (1 - settings.spread_middle)
    spans = sorted((char.x0, char.x1) for char in chars if char.x1 > low and char.x0 < high)
    reach = low
    best = (0.0, 0.0)
    for x0, x1 in spans:
        if x0 > reach and x0 - reach > best[1] - best[0]:
            best = (reach, x0)
        reach = max(reach, x1)
    if high > reach and high - reach > best[1] - best[0]:
        best = (reach, high)
    if best[1] - best[0] < settings.spread_gutter_ems * size:
        return None
    cut = (best[0] + best[1]) / 2
    top = min(char.top for char in chars)
    bottom = max(char.bottom for char in chars)
    if any(edge.x0 < cut < edge.x1 and top < edge.top < bottom for edge in page.edges):
        return None  # a rule or a table runs across the text (a header's rule above it may)
    left = [char for char in chars if char.x1 <= cut]
    right = [char for char in chars if char.x0 >= cut]
    if len(left) < 10 or len(right) < 10:
        return None
    return _half(page, left, cut, before=True), _half(page, right, cut, before=False)


def _half(page: PageChars, chars: list[Char], cut: float, *, before: bool) -> PageChars:
    edges = [edge for edge in page.edges if (edge.x1 <= cut) == before]
    return PageChars(page.number, page.width, page.height, chars, edges, page.image_count)
