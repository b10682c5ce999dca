"""Internal: glyph boxes cut to their ink, raised to a glyph's height.

PDFium's loose box of a glyph spans its font's ascent and descent; when the font's descriptor
gives no ascent (a CJK font embedded by some Word exports), the box of a comma, a full stop or
``一`` rises only a few points above the line's foot, and grouping glyphs by their vertical
centre would set them on lines of their own. Their bottoms are right; their tops are raised.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import itertools
import operator

from .glyphs import _Glyphs
from .settings import LayoutSettings

__all__ = ["raise_short_glyphs"]


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
