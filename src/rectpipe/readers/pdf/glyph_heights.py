"""Internal: glyph boxes of odd heights brought to a glyph's height before lines are formed.

PDFium's loose box of a glyph spans its font's ascent and descent, and lines are formed by the
glyphs' vertical centres, so a box of the wrong height sets its glyph on a line of its own:

- when the font's descriptor gives no ascent (a CJK font embedded by some Word exports), the
  box of a comma, a full stop or ``一`` rises only a few points above the line's foot. Their
  bottoms are right; their tops are raised (:func:`raise_short_glyphs`);
- when a few glyphs come from another font (a fallback font for characters the first one
  lacks, figures in a Latin font) whose descent or ascent is much larger, their boxes reach
  far below or above the line. The edge they share with a neighbouring glyph of ordinary
  height is right; the other is set at that neighbour's height (:func:`fit_tall_glyphs`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import itertools
import operator

from .glyphs import _Glyphs
from .settings import LayoutSettings

__all__ = ["fit_tall_glyphs", "raise_short_glyphs"]


def raise_short_glyphs(glyphs: _Glyphs, settings: LayoutSettings) -> _Glyphs:
    """``glyphs`` with the boxes cut to their ink raised to a glyph's height: a box shorter
    than ``short_glyph_ratio`` of its font size gets its top ``full_glyph_ratio`` of the size
    above its bottom, so that the commas, full stops and ``一`` of a font without ascent stay
    on their line. The check runs column-wise; glyphs are only copied when one is short."""
    tops, bottoms, sizes = glyphs.tops, glyphs.bottoms, glyphs.sizes
    heights = list(map(operator.sub, bottoms, tops))
    limits = list(map(operator.mul, sizes, itertools.repeat(settings.short_glyph_ratio)))
    if not any(map(operator.lt, heights, limits)):
        return glyphs
    full = settings.full_glyph_ratio
    raised = [
        bottom - full * size if 0.0 < height < limit else top
        for top, bottom, size, height, limit in zip(
            tops, bottoms, sizes, heights, limits, strict=True
        )
    ]
    # the glyphs themselves too, so every path that reads them (a line's own top, the closer
    # look at overlapping or spaced glyphs) sees the raised box
    chars = [
        char if top == char.top else char._replace(top=top)
        for char, top in zip(glyphs.chars(), raised, strict=True)
    ]
    return _Glyphs(
        chars,
        range(len(chars)),
        glyphs.texts,
        glyphs.x0s,
        glyphs.x1s,
        raised,
        bottoms,
        sizes,
        glyphs.text,
    )


def fit_tall_glyphs(glyphs: _Glyphs, settings: LayoutSettings) -> _Glyphs:
    """``glyphs`` with each box taller than ``tall_glyph_ratio`` of its font size fitted to a
    neighbour (in the order glyphs are drawn, which is mostly reading order) of ordinary height
    and the same size: the glyph before it, or else the one after it. When the two share their
    top (within ``edge_tolerance_ratio`` of the size), the tall box gets the neighbour's height
    below that top; when they share their bottom, above it. A fitted glyph serves as the
    neighbour of the next, so a run of them is fitted glyph by glyph; a glyph with no such
    neighbour keeps its box."""
    tops, bottoms, sizes = glyphs.tops, glyphs.bottoms, glyphs.sizes
    heights = list(map(operator.sub, bottoms, tops))
    limits = list(map(operator.mul, sizes, itertools.repeat(settings.tall_glyph_ratio)))
    tall = list(itertools.compress(range(len(heights)), map(operator.gt, heights, limits)))
    if not tall:
        return glyphs
    new_tops, new_bottoms = list(tops), list(bottoms)
    edge = settings.edge_tolerance_ratio
    left = set(tall)
    # forward, then backward: a run of tall glyphs is fitted from the ordinary one before it
    # (or, at a line's start, after it), each fitted glyph serving the next
    for order, step in ((tall, -1), (tall[::-1], 1)):
        for k in order:
            ref = k + step
            if k not in left or not 0 <= ref < len(heights) or ref in left:
                continue
            height = new_bottoms[ref] - new_tops[ref]
            if not 0.0 < height <= limits[ref] or abs(sizes[ref] - sizes[k]) > edge * sizes[k]:
                continue
            if abs(tops[k] - new_tops[ref]) <= edge * sizes[k]:
                new_bottoms[k] = tops[k] + height
            elif abs(bottoms[k] - new_bottoms[ref]) <= edge * sizes[k]:
                new_tops[k] = bottoms[k] - height
            else:
                continue
            left.discard(k)
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
