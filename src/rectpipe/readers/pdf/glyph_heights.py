"""Internal: glyph boxes of odd heights brought to a glyph's height before lines are formed.

PDFium's loose box of a glyph spans its font's ascent and descent, and lines are formed by the
glyphs' vertical centres, so a box of the wrong height sets its glyph on a line of its own:

- when a font's descriptor gives no ascent or no descent (a CJK font embedded by some Word and
  LibreOffice exports), the box of a comma, a full stop or ``一`` is cut to a sliver at the
  line's foot or at its head;
- when a few glyphs come from another font (a fallback font for characters the first one
  lacks, figures in a Latin font) whose descent or ascent is much larger, their boxes reach far
  below or above the line.

Such a box (shorter than ``short_glyph_ratio`` or taller than ``tall_glyph_ratio`` of its font
size) is fitted to a neighbouring glyph of ordinary height and the same size, in the order
glyphs are drawn (mostly reading order): the glyph before it, or else the one after it. The
edge the two share (their tops, or else their bottoms, within ``edge_tolerance_ratio`` of the
size) is kept, and the other is set at the neighbour's height from it; a fitted glyph serves as
the neighbour of the next, so a run of them is fitted glyph by glyph. A short box with no such
neighbour keeps its bottom and gets a top ``full_glyph_ratio`` of its size above it; a tall one
keeps its box.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence

from .glyphs import _Glyphs
from .native import native_loops
from .settings import LayoutSettings

__all__ = ["fit_glyph_heights"]


def fit_glyph_heights(glyphs: _Glyphs, settings: LayoutSettings) -> _Glyphs:
    """``glyphs`` with their boxes of odd heights fitted (see the module). The check runs
    column-wise; glyphs are only copied when one is odd."""
    tops, bottoms, sizes = glyphs.tops, glyphs.bottoms, glyphs.sizes
    low, high = settings.short_glyph_ratio, settings.tall_glyph_ratio
    odd = _odd_heights(tops, bottoms, sizes, low, high)
    if not odd:
        return glyphs
    heights = list(map(operator.sub, bottoms, tops))
    lows = list(map(operator.mul, sizes, itertools.repeat(low)))
    highs = list(map(operator.mul, sizes, itertools.repeat(high)))
    new_tops, new_bottoms = list(tops), list(bottoms)
    edge = settings.edge_tolerance_ratio
    left = set(odd)
    for order, step in ((odd, -1), (odd[::-1], 1)):
        for k in order:
            ref = k + step
            if k not in left or not 0 <= ref < len(heights) or ref in left:
                continue
            height = new_bottoms[ref] - new_tops[ref]
            if (
                not lows[ref] <= height <= highs[ref]
                or abs(sizes[ref] - sizes[k]) > edge * sizes[k]
            ):
                continue
            if abs(tops[k] - new_tops[ref]) <= edge * sizes[k]:
                new_bottoms[k] = tops[k] + height
            elif abs(bottoms[k] - new_bottoms[ref]) <= edge * sizes[k]:
                new_tops[k] = bottoms[k] - height
            else:
                continue
            left.discard(k)
    full = settings.full_glyph_ratio
    for k in left:
        if heights[k] < lows[k]:
            new_tops[k] = bottoms[k] - full * sizes[k]
    chars = [
        char if top == char.top and bottom == char.bottom else char._replace(top=top, bottom=bottom)
        for char, top, bottom in zip(glyphs.chars(), new_tops, new_bottoms, strict=True)
    ]
    return _Glyphs(
        chars,
        range(len(chars)),
        glyphs.texts,
        glyphs.x0s,
        glyphs.x1s,
        new_tops,
        new_bottoms,
        sizes,
        glyphs.text,
    )


def _odd_heights(
    tops: Sequence[float], bottoms: Sequence[float], sizes: Sequence[float], low: float, high: float
) -> list[int]:
    """The glyphs (by index, in order) whose boxes are of positive height, shorter than
    ``low`` or taller than ``high`` times their size: in native code when it is built."""
    loops = native_loops()
    if loops is not None:
        return loops.odd_heights(tops, bottoms, sizes, low, high)
    heights = list(map(operator.sub, bottoms, tops))
    short = map(operator.lt, heights, map(operator.mul, sizes, itertools.repeat(low)))
    tall = map(operator.gt, heights, map(operator.mul, sizes, itertools.repeat(high)))
    odd_or_empty = itertools.compress(range(len(heights)), map(operator.or_, short, tall))
    return [k for k in odd_or_empty if heights[k] > 0.0]  # empty or inverted: never on a line
