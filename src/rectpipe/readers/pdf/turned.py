"""Internal: a page that is shown turned (its ``/Rotate``), its glyphs and rules as shown.

PDFium gives a page's glyph boxes and path bounds in the page's own space. A page whose
``/Rotate`` is 90, 180 or 270 (degrees clockwise) is shown turned: a landscape ledger set on a
portrait sheet, or a page a PostScript printer laid sideways, its content drawn turned the
other way so that it reads upright when shown. Its lines then run down the page's own space,
and without turning them back it has no upright glyph at all (``no text found``). The
source reads such a page with a top-left origin at the top of its own space, and the boxes
are then turned as the page is shown (:func:`turned_columns`, :func:`turned_edges`); the
glyphs are upright as shown (:func:`~.pdfium_text._is_upright`'s ``turn``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .glyphs import CharColumns
from .sources import Edge

__all__ = ["QUARTER", "turned_columns", "turned_edges"]

QUARTER = 1.5707963267948966
"""A quarter turn, in radians."""

_Box = tuple[Sequence[float], Sequence[float], Sequence[float], Sequence[float]]


def _turn(box: _Box, quarters: int, width: float, height: float) -> _Box:
    """Boxes ``(lefts, rights, tops, bottoms)`` in the page's own space (top-left origin,
    ``width`` by ``height``) as shown turned ``quarters`` quarter turns clockwise."""
    lefts, rights, tops, bottoms = box
    if quarters == 1:  # its own left edge shown at the top
        return (
            [height - b for b in bottoms],
            [height - t for t in tops],
            list(lefts),
            list(rights),
        )
    if quarters == 2:
        return (
            [width - r for r in rights],
            [width - left for left in lefts],
            [height - b for b in bottoms],
            [height - t for t in tops],
        )
    if quarters == 3:  # its own right edge shown at the top
        return (
            list(tops),
            list(bottoms),
            [width - r for r in rights],
            [width - left for left in lefts],
        )
    return box


def turned_columns(columns: CharColumns, quarters: int, width: float, height: float) -> CharColumns:
    """``columns`` (glyph boxes in the page's own space, ``width`` by ``height`` points) as
    shown on a page turned ``quarters`` quarter turns clockwise."""
    lefts, rights, tops, bottoms = _turn(
        (columns.x0s, columns.x1s, columns.tops, columns.bottoms), quarters, width, height
    )
    return columns.with_boxes(lefts, rights, tops, bottoms)


def turned_edges(edges: Sequence[Edge], quarters: int, width: float, height: float) -> list[Edge]:
    """Ruling segments in the page's own space as shown turned (see :func:`turned_columns`)."""
    lefts, rights, tops, bottoms = _turn(
        (
            [e.x0 for e in edges],
            [e.x1 for e in edges],
            [e.top for e in edges],
            [e.bottom for e in edges],
        ),
        quarters,
        width,
        height,
    )
    return [Edge(*box) for box in zip(lefts, tops, rights, bottoms, strict=True)]
