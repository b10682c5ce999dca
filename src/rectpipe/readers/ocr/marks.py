"""Internal: footnote marks on a scanned page, told by their ink and dropped.

A printed footnote mark is a small raised figure after the word it notes (``进行了审计¹，``,
``达18.7%²``). A text layer says how small and how high it is, and the PDF reader drops it
(:mod:`rectpipe.readers.pdf.note_marks`); the engine reads it as a digit of the line like any
other (``审计1，``, ``18.7%2``), and every character of a recognised line gets the line's box. So
the mark is told here by its pixels: a figure (``2`` or ``²``), ``*`` or circled number whose
ink is at most :data:`SIZE_RATIO` as tall as the ink of the character before it (after it, at
the start of a line) and whose ink ends above that character's by more than :data:`RAISE_RATIO`
of its height is dropped, when that character is a Han character or ``%``. A figure right after
a Latin letter or a figure (``m²``, ``10³``) is an exponent and is kept, as in a text PDF; one
after a bracket or a quote (``（1）``) is measured against nothing (their ink reaches above and
below the line's), and kept.

The same ink tells a full stop the engine read as a zero or the letter o after a figure or a
letter (``0571-8892614。`` read ``0571-88926140``): a ``0``, ``o`` or ``O`` after one, not
followed by another, whose ink is at most :data:`STOP_RATIO` as tall as the character before it
and sits in its lower half, is a 。.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .engine import Recognised
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings
from .sizes import is_han

__all__ = [
    "RAISE_RATIO",
    "SIZE_RATIO",
    "STOP_RATIO",
    "drop_raised_marks",
    "low_stops",
    "raised_marks",
]

_MARKS = frozenset("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹*＊†‡①②③④⑤⑥⑦⑧⑨⑩")
SIZE_RATIO = 0.75
"""A mark's ink is at most this share of its neighbour's ink height."""
RAISE_RATIO = 0.25
"""A mark's ink ends above its neighbour's by more than this share of the neighbour's."""
STOP_RATIO = 0.6
"""A full stop's ink is at most this share of the ink height of the figure before it."""
_STOP_READINGS = frozenset("0oO")
_SPECK = 3
"""Pixels a piece of ink needs to be part of a character, not grain."""


def _ink_rows(dark: Any, line: Recognised, k: int, other: int) -> tuple[int, int] | None:
    """The first and last pixel rows of the ink of character ``k`` on ``line``: the strokes
    (connected pieces of ink) whose middle lies in its box (the boxes of neighbours overlap,
    a stroke is never shared), within the rows of its box and of character ``other``'s (on a
    page turned askew a long line's box spans the rows of its neighbours too)."""
    import cv2
    import numpy as np

    box = line.chars[k]
    x0, x1 = min(p[0] for p in box), max(p[0] for p in box)
    ys = [p[1] for p in box] + [p[1] for p in line.chars[other]]
    top, bottom = max(0, round(min(ys)) - 2), min(dark.shape[0], round(max(ys)) + 2)
    reach = x1 - x0
    a, b = max(0, round(x0 - reach)), min(dark.shape[1], round(x1 + reach))
    if b <= a or bottom <= top:
        return None
    crop = np.ascontiguousarray(dark[top:bottom, a:b], dtype=np.uint8)
    count, _, stats, centres = cv2.connectedComponentsWithStats(crop, connectivity=8)
    rows = [
        (int(stats[n, cv2.CC_STAT_TOP]), int(stats[n, cv2.CC_STAT_HEIGHT]))
        for n in range(1, count)
        if x0 <= a + centres[n][0] <= x1 and stats[n, cv2.CC_STAT_AREA] >= _SPECK
    ]
    if not rows:
        return None
    return top + min(r for r, _ in rows), top + max(r + h for r, h in rows)


def _is_reference(char: str) -> bool:
    """Whether ``char``'s ink measures a mark's: a Han character or ``%`` (brackets and quotes
    reach above and below the line's other characters; after a letter or a figure a raised
    figure is an exponent)."""
    return is_han(char) or char in "%％"


def _small_and_raised(mark: tuple[int, int], ref: tuple[int, int]) -> bool:
    height = ref[1] - ref[0]
    if height <= 0:
        return False
    return mark[1] - mark[0] <= SIZE_RATIO * height and ref[1] - mark[1] > RAISE_RATIO * height


def raised_marks(dark: Any, line: Recognised) -> list[int]:
    """The indexes of ``line``'s characters that are footnote marks (see the module)."""
    text = line.text
    if len(line.chars) != len(text) or len(text) < 3:
        return []
    found = []
    for k, char in enumerate(text):
        if char not in _MARKS:
            continue
        ref = k - 1
        while ref >= 0 and text[ref] in _MARKS and ref in found:
            ref -= 1
        if ref < 0:
            ref = k + 1  # a mark opening the line: against the character after it
        if ref >= len(text) or not _is_reference(text[ref]):
            continue
        mark, other = _ink_rows(dark, line, k, ref), _ink_rows(dark, line, ref, k)
        if mark is not None and other is not None and _small_and_raised(mark, other):
            found.append(k)
    return found


def low_stops(dark: Any, line: Recognised) -> list[int]:
    """The indexes of ``line``'s characters that are a 。 read as 0 or o (see the module)."""
    text = line.text
    if len(line.chars) != len(text):
        return []
    found = []
    for k in range(1, len(text)):
        if text[k] not in _STOP_READINGS or not (text[k - 1].isascii() and text[k - 1].isalnum()):
            continue
        if k + 1 < len(text) and text[k + 1].isascii() and text[k + 1].isalnum():
            continue
        stop, before = _ink_rows(dark, line, k, k - 1), _ink_rows(dark, line, k - 1, k)
        if stop is None or before is None:
            continue
        height = before[1] - before[0]
        low = stop[0] >= before[0] + height / 2
        if height > 0 and stop[1] - stop[0] <= STOP_RATIO * height and low:
            found.append(k)
    return found


def drop_raised_marks(
    image: Any, lines: Sequence[Recognised], settings: OcrSettings = DEFAULT_OCR_SETTINGS
) -> list[Recognised]:
    """``lines`` (read from ``image``, H×W×3 BGR) without their footnote marks, and with the
    full stops read as 0 or o put right."""
    if not lines:
        return []
    dark = image.min(axis=2) < settings.rule_darkness
    out = []
    for line in lines:
        stops = low_stops(dark, line)
        if stops:
            text = list(line.text)
            for k in stops:
                text[k] = "。"
            line = Recognised("".join(text), line.score, line.quad, line.chars)
        marks = set(raised_marks(dark, line))
        if marks:
            keep = [k for k in range(len(line.text)) if k not in marks]
            line = Recognised(
                "".join(line.text[k] for k in keep),
                line.score,
                line.quad,
                [line.chars[k] for k in keep],
            )
        out.append(line)
    return out
