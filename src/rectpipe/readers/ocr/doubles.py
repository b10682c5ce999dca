"""Internal: a cell's last characters read a second time by the line of the cell beside it.

In a ruled table the detector now and then boxes a cell's line together with the end of the
line in the cell to its left (or the start of the one to its right): the recogniser then reads
those characters twice, once in their own line and once, often wrongly (``治`` as ``台``), at
the start (end) of the other, across the ruling line between the cells. No line of text runs
across a cell's border, so at most :data:`MAX_DOUBLED` characters of a line that stand across
a vertical rule from the rest of it, where another line's characters stand, are dropped.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...runtime.record import replace
from ..pdf.sources import Edge
from .chars import PlacedLine

__all__ = ["MAX_DOUBLED", "without_doubles"]

MAX_DOUBLED = 2
"""Characters across a rule from the rest of their line that may be another line's."""

_OVERLAP = 0.5
"""The share of a character's width another line's characters must cover."""


def _covered(x0: float, x1: float, line: PlacedLine, others: Sequence[PlacedLine]) -> bool:
    """Whether another of ``others`` has characters over ``x0``–``x1`` on ``line``'s rows."""
    for other in others:
        if other is line or other.bottom <= line.top or other.top >= line.bottom:
            continue
        cover = sum(
            max(0.0, min(x1, b) - max(x0, a)) for a, b in zip(other.x0s, other.x1s, strict=True)
        )
        if cover >= _OVERLAP * (x1 - x0):
            return True
    return False


def _cut(line: PlacedLine, edges: Sequence[Edge]) -> int:
    """Where ``line`` is cut by a vertical rule between its characters: the index of the
    first character past it, 0 when no rule crosses it."""
    middle = (line.top + line.bottom) / 2
    for edge in edges:
        if edge.x0 != edge.x1 or not edge.top <= middle <= edge.bottom:
            continue
        for k in range(1, len(line.text)):
            if line.x1s[k - 1] <= edge.x0 + 1.0 and line.x0s[k] >= edge.x0 - 1.0:
                return k
    return 0


def without_doubles(placed: Sequence[PlacedLine], edges: Sequence[Edge]) -> list[PlacedLine]:
    """``placed`` without characters another line read too (see the module)."""
    out: list[PlacedLine] = []
    for line in placed:
        cut = _cut(line, edges)
        if 0 < cut <= MAX_DOUBLED:
            keep = range(cut, len(line.text))
        elif 0 < len(line.text) - cut <= MAX_DOUBLED and cut:
            keep = range(cut)
        else:
            out.append(line)
            continue
        drop = [k for k in range(len(line.text)) if k not in keep]
        if all(_covered(line.x0s[k], line.x1s[k], line, placed) for k in drop):
            line = replace(
                line,
                text="".join(line.text[k] for k in keep),
                x0s=[line.x0s[k] for k in keep],
                x1s=[line.x1s[k] for k in keep],
            )
        out.append(line)
    return out
