"""Internal: footnote marks dropped before lines are formed.

A printed report sets a footnote's mark as a small raised figure after the word it notes
(``进行了审计¹，并于…``, ``…达18.7%²``) and again before the note at the page's foot. The mark's
box is too small and too high to join its line by its centre, so it would stand on a line of
its own and cut the sentence (and its paragraph) in two; kept on the line, it would be read as a
digit of the text (``审计1``, ``18.7%2``). A mark is not text, so it is dropped: a figure or a
circled number (or ``*``) whose size is at most ``note_mark_size_ratio`` of a neighbouring
glyph's on the same line (the one drawn before it, or else the one after it, less than an em
away) and whose centre is raised above that glyph's by more than ``note_mark_raise_ratio`` of
its size. A figure right after a Latin letter or a figure (``m²``, ``10³``) is an exponent and
is kept.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .glyphs import _Glyphs
from .settings import LayoutSettings

__all__ = ["drop_note_marks"]

_MARKS = frozenset("0123456789*＊†‡①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


def drop_note_marks(
    glyphs: _Glyphs, upright: Sequence[bool], settings: LayoutSettings
) -> tuple[_Glyphs, Sequence[bool]]:
    """``glyphs`` without their footnote marks (see the module), with their ``upright``
    flags; the same objects when there is none, or when fewer than two glyphs would be
    left."""
    texts = glyphs.texts
    candidates = itertools.compress(range(len(texts)), map(_MARKS.__contains__, texts))
    marks = [k for k in candidates if _is_mark(glyphs, k, settings)]
    if not marks or len(texts) - len(marks) < 2:
        return glyphs, upright
    dropped = set(marks)
    kept = [k for k in range(len(texts)) if k not in dropped]
    return glyphs.take(kept), [upright[k] for k in kept]


def _is_mark(glyphs: _Glyphs, k: int, settings: LayoutSettings) -> bool:
    """Whether glyph ``k`` is small and raised against a neighbour on its line, and does not
    follow a Latin letter or a figure of ordinary size."""
    before = _neighbour(glyphs, k, -1)
    if before is not None:
        previous = glyphs.texts[before]
        if previous.isascii() and previous.isalnum():
            return False
        return _small_and_raised(glyphs, k, before, settings)
    after = _neighbour(glyphs, k, 1)
    return after is not None and _small_and_raised(glyphs, k, after, settings)


def _neighbour(glyphs: _Glyphs, k: int, step: int) -> int | None:
    """The nearest glyph drawn before (``step`` -1) or after (1) ``k`` that is not a mark
    candidate of the same size, when it stands on ``k``'s side less than an em away."""
    texts, sizes = glyphs.texts, glyphs.sizes
    ref = k + step
    while 0 <= ref < len(texts) and texts[ref] in _MARKS and _same(sizes[ref], sizes[k]):
        ref += step
    if not 0 <= ref < len(texts):
        return None
    em = max(sizes[ref], 1.0)
    gap = glyphs.x0s[k] - glyphs.x1s[ref] if step < 0 else glyphs.x0s[ref] - glyphs.x1s[k]
    return ref if -0.2 * em <= gap < em else None


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.05 * max(a, b)


def _small_and_raised(glyphs: _Glyphs, k: int, ref: int, settings: LayoutSettings) -> bool:
    sizes: Sequence[float] = glyphs.sizes
    if sizes[k] > settings.note_mark_size_ratio * sizes[ref]:
        return False
    centre = (glyphs.tops[k] + glyphs.bottoms[k]) / 2
    ref_centre = (glyphs.tops[ref] + glyphs.bottoms[ref]) / 2
    raised = ref_centre - centre
    return settings.note_mark_raise_ratio * sizes[ref] < raised < 0.6 * sizes[ref]
