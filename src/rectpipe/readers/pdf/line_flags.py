"""Internal: what the line building works out for a whole page's lines at once, from each
glyph and its left neighbour: which lines need a closer look (overlapping or repeated glyphs,
gaps that may be spaces, several font sizes) and how far each line reaches (its right edge,
top and bottom).

:func:`row_facts` asks the native loop (:mod:`.native`) when it is built, which makes one pass
over the page's columns; else, and on a page whose font sizes add up to NaN, the column-wise
passes below give the same facts.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .glyphs import _Glyphs
from .native import native_loops

__all__ = ["RowFacts", "row_facts"]


class RowFacts(NamedTuple):
    """Lines by number (line ``g`` is glyphs ``starts[g]`` to ``starts[g + 1]``): ``suspect``
    may hold overlapping or duplicated glyphs (:func:`~.lines._one_clean_row` decides),
    ``spaced`` has a gap where :func:`~.lines.line_text` may put a space, ``mixed`` has
    several font sizes (or a NaN one); ``rights[g]``, ``tops[g]`` and ``bottoms[g]`` are line
    ``g``'s largest x1, smallest top and largest bottom (as ``max`` and ``min`` find them);
    ``widest[g]`` its widest gap between neighbours that is not NaN (NaN: none), or ``None``
    when not measured (see :attr:`~.lines.Line.widest`)."""

    suspect: set[int]
    spaced: set[int]
    mixed: set[int]
    rights: Sequence[float]
    tops: Sequence[float]
    bottoms: Sequence[float]
    widest: Sequence[float | None]


def row_facts(glyphs: _Glyphs, starts: list[int], space: float) -> RowFacts:
    """The :class:`RowFacts` of ``glyphs`` cut into lines at ``starts`` (``[0, …, n]``, each
    line sorted by x0); ``space`` is the ``x_tolerance_ratio``."""
    loops = native_loops()
    if loops is not None:
        columns = (glyphs.x0s, glyphs.x1s, glyphs.tops, glyphs.bottoms, glyphs.sizes)
        found = loops.rows(columns, glyphs.text, starts, space)
        if found is not None:
            flags, rights, tops, bottoms, widest = found
            flagged = [(g, flags[g]) for g in itertools.compress(itertools.count(), flags)]
            suspect = {g for g, flag in flagged if flag & 1}
            if glyphs.text is None:  # repeated glyphs: the native loop compared no texts
                suspect |= _repeats(glyphs.texts, starts)
            spaced = {g for g, flag in flagged if flag & 2}
            mixed = {g for g, flag in flagged if flag & 4}
            return RowFacts(suspect, spaced, mixed, rights, tops, bottoms, widest)
    suspect, spaced, mixed = _line_flags(glyphs, starts, space)
    rows = list(map(slice, starts[:-1], starts[1:]))
    return RowFacts(
        suspect,
        spaced,
        mixed,
        list(map(max, map(glyphs.x1s.__getitem__, rows))),
        list(map(min, map(glyphs.tops.__getitem__, rows))),
        list(map(max, map(glyphs.bottoms.__getitem__, rows))),
        [None] * len(rows),
    )


def _repeats(texts: Sequence[str], starts: list[int]) -> set[int]:
    """Lines in which a glyph repeats its left neighbour's text."""
    pairs = range(1, len(texts))
    return _inner(itertools.compress(pairs, map(operator.eq, texts[1:], texts)), starts)


def _line_flags(
    glyphs: _Glyphs, starts: list[int], space: float
) -> tuple[set[int], set[int], set[int]]:
    """Lines (by number) that need a closer look, from page-wide neighbour comparisons:
    ``suspect`` may hold overlapping or duplicated glyphs (:func:`~.lines._one_clean_row` decides),
    ``spaced`` has a gap where :func:`line_text` may put a space (wider than ``space``, the
    ``x_tolerance_ratio``, times a size), ``mixed`` has several font sizes (or a NaN one).
    Pairs of glyphs across a line boundary are ignored."""
    texts, x0s, x1s, sizes = glyphs.texts, glyphs.x0s, glyphs.x1s, glyphs.sizes
    pairs = range(1, len(texts))  # k: glyph k and its left neighbour k - 1
    gaps = list(map(operator.sub, x0s[1:], x1s))
    for k in starts[1:-1]:
        gaps[k - 1] = 0.0  # across a line boundary: neither an overlap nor (mostly) a space
    finite = math.isfinite(sum(x0s)) and math.isfinite(sum(x1s))  # no inf, no NaN
    if finite and all(map(operator.le, x0s, x1s)):
        # then a glyph that starts where its left neighbour ends or further right is in the
        # row, and gap < 0 exactly when it starts before
        suspect = set()
        if gaps and min(gaps) < 0.0:  # finite gaps: none below 0 is the usual case
            overlaps = itertools.compress(pairs, map(operator.lt, gaps, itertools.repeat(0.0)))
            suspect = _inner(overlaps, starts)
    else:
        suspect = set(range(len(starts) - 1))
    suspect |= _repeats(texts, starts)
    if math.isnan(sum(sizes)):
        return suspect, *_size_flags_nan(gaps, sizes, starts, space)
    # A gap wider than ``space`` times either size is wider than ``space`` times the smallest
    # size: the few such gaps are then checked one by one.
    low = itertools.repeat(space * min(sizes))
    candidates = itertools.compress(pairs, map(operator.gt, gaps, low))
    spaced = _inner(
        (
            k
            for k in candidates
            if gaps[k - 1] > space * sizes[k - 1] or gaps[k - 1] > space * sizes[k]
        ),
        starts,
    )
    if sizes.count(sizes[0]) == len(sizes):
        return suspect, spaced, set()
    return suspect, spaced, _mixed_sizes(sizes, starts)


def _mixed_sizes(sizes: Sequence[float], starts: list[int]) -> set[int]:
    """Lines (by number) whose glyphs' sizes (none NaN) are not all their first glyph's.

    Counted line by line: the sizes of a page change mostly from one line to the next, so
    comparing every glyph with its neighbour would mostly find changes across lines."""
    heads, ends = starts[:-1], starts[1:]
    rows = map(sizes.__getitem__, map(slice, heads, ends))
    alike = map(operator.countOf, rows, map(sizes.__getitem__, heads))  # sized as the first
    differing = map(operator.ne, alike, map(operator.sub, ends, heads))
    return set(itertools.compress(itertools.count(), differing))


def _size_flags_nan(
    gaps: list[float], sizes: Sequence[float], starts: list[int], space: float
) -> tuple[set[int], set[int]]:
    """``spaced`` and ``mixed`` of :func:`_line_flags` on a page with NaN font sizes, where
    nothing can be told from the smallest size: every pair is compared as the loop would."""
    pairs = range(1, len(sizes))
    limits = list(map(operator.mul, itertools.repeat(space), sizes))
    wide = map(operator.or_, map(operator.gt, gaps, limits), map(operator.gt, gaps, limits[1:]))
    changes = map(operator.ne, sizes[1:], sizes)  # NaN differs even from itself
    mixed = _inner(itertools.compress(pairs, changes), starts)
    mixed |= {g for g in range(len(starts) - 1) if sizes[starts[g]] != sizes[starts[g]]}
    return _inner(itertools.compress(pairs, wide), starts), mixed


def _inner(positions: Iterable[int], starts: list[int]) -> set[int]:
    """Numbers of the lines in which glyph pairs ``positions`` (glyph k and k - 1) both lie."""
    found: set[int] = set()
    for k in positions:
        g = bisect.bisect_right(starts, k) - 1
        if starts[g] != k:
            found.add(g)
    return found
