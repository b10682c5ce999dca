"""Internal: characters the engine dropped from a line it read, read again from their pixels.

The recogniser now and then leaves a character of a line out although the detector boxed it
with the rest: a rare character in a title (``中共云岫大学`` read ``中共云大学``), a bullet before a
finding (``■``), a closing quote or a full stop at the end of a line (``…部署”``, ``…61%。``).
The characters it did read have boxes, so the dropped one leaves a hole: a stretch of the line
between two read characters at least :data:`HOLE_EMS` of the line's em wide, or between the
first (last) one and the line's end at least :data:`END_EMS` wide, that holds ink
(:data:`INK_EMS` of an em of inked columns, rules and specks left out). Ink that runs on just
past either end of the line's box (a closing quote at the right margin) counts too, when no
other line was read there.

Each hole is read again on its own, with up to :data:`CONTEXT` read characters on either side
(the recogniser reads a character better among its neighbours than alone), as one line without
detection. The reading is taken when it scores at least :data:`MIN_SCORE`, starts and ends with
the context characters as first read, and puts at most one character per half em of the hole
between them: those characters are put into the line, spread over the hole's own ink (a run of
ink going on past the hole's side into a read character is that character's). Any other
reading leaves the line as it was. A block of ink as tall as half a character that fills the
hole and runs past it (a ■ bullet) is ink, not a rule along the line.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from ...runtime.record import record
from .engine import Recognised, read_crop
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings
from .sizes import is_han

__all__ = [
    "CONTEXT",
    "HOLE_EMS",
    "INK_EMS",
    "MIN_SCORE",
    "RULE_ROWS_SHARE",
    "fill_holes",
    "find_holes",
]

HOLE_EMS = 0.5
"""A stretch of a line this many ems wide (or wider) without a read character is a hole."""
END_EMS = 0.25
"""The same at either end of a line: a closing quote or a full stop holds ink in the near
side of its em only, the rest of which is the margin."""
INK_EMS = 0.2
"""The inked columns a hole needs (in ems) to be read again."""
REACH_EMS = 1.5
"""How far past the ends of a line's box (in ems) ink is looked for."""
CONTEXT = 2
"""Read characters taken on either side of a hole when it is read again."""
MIN_SCORE = 0.8
"""The lowest score of a hole's reading that is taken."""
_MARGIN_PX = 4
"""Pixels of white kept round a crop, above and below the line's box."""
RULE_ROWS_SHARE = 0.25
"""Rows dark right across a stretch are a rule when they are at most this share of the line's
height together: a rule is thin, a filled bullet is as tall as half a character or more."""
_RULE_SHARE = 0.9
"""A pixel row (column) dark over this share of a hole's width and past it (of the line's
height) is a rule."""


@record(frozen=False)
class Hole:
    """Where a line lacks characters: they go in before character ``at`` of its text, between
    pixel columns ``x0`` and ``x1``."""

    at: int
    x0: float
    x1: float


def _xs(line: Recognised) -> tuple[list[float], list[float]]:
    return (
        [min(p[0] for p in box) for box in line.chars],
        [max(p[0] for p in box) for box in line.chars],
    )


def _em(line: Recognised, x0s: Sequence[float], height: float) -> float:
    """The advance from one Han character to the next on ``line`` (its height without two)."""
    steps = [
        x0s[k + 1] - x0s[k]
        for k in range(len(x0s) - 1)
        if is_han(line.text[k]) and is_han(line.text[k + 1])
    ]
    return statistics.median(steps) if len(steps) >= 2 else height


def _band(line: Recognised, near: Sequence[int]) -> tuple[int, int]:
    """The pixel rows of ``line`` about its characters ``near`` (their boxes' rows: on a page
    turned askew a long line's box spans the rows of its neighbours too)."""
    ks = [k for k in near if 0 <= k < len(line.chars)]
    ys = [p[1] for k in ks for p in line.chars[k]] or [p[1] for p in line.quad]
    return round(min(ys)), round(max(ys))


def _inked(dark: Any, top: int, bottom: int, x0: int, x1: int) -> Any:
    """Which columns of ``dark[top:bottom, x0:x1]`` hold ink: rows dark right across and on
    past both sides (a rule along the line) and columns dark from top to bottom (a rule down
    it) left out, and specks."""
    import numpy as np

    x0, x1 = max(0, x0), min(dark.shape[1], x1)
    block = dark[top:bottom, x0:x1]
    if block.size == 0:
        return np.zeros(0, dtype=bool)
    wider = dark[top:bottom, max(0, x0 - 2) : x1 + 2]
    block = block[~_rule_rows(wider.mean(axis=1) > _RULE_SHARE)]
    counts = block.sum(axis=0)
    upright = counts > _RULE_SHARE * max(1, bottom - top)
    return (counts >= 2) & ~upright


def _rule_rows(across: Any) -> Any:
    """Which of the rows dark right ``across`` a stretch are a rule's: those in a run of such
    rows no taller than :data:`RULE_ROWS_SHARE` of the rows; a taller run is a block of ink
    (a ■ bullet wider than the stretch it fills), which is a character."""
    import numpy as np

    rules = across.copy()
    limit = RULE_ROWS_SHARE * len(across)
    start: int | None = None
    for k, inked in enumerate([*across.tolist(), False]):
        if inked and start is None:
            start = k
        elif not inked and start is not None:
            if k - start > limit:
                rules[start:k] = False
            start = None
    return np.asarray(rules, dtype=bool)


Quad = Sequence[Sequence[float]]
"""A line's box: four corners, clockwise from the top left (pixels)."""


def _inside(quad: Quad, x: float, y: float) -> bool:
    """Whether ``(x, y)`` lies inside the convex ``quad`` (or on its edge)."""
    sides = [
        (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0])
        for a, b in zip(quad, [*quad[1:], quad[0]], strict=True)
    ]
    return all(side >= 0 for side in sides) or all(side <= 0 for side in sides)


def _covered(others: Sequence[Quad], x: float, y: float) -> bool:
    return any(_inside(quad, x, y) for quad in others)


def _reach(
    dark: Any,
    top: int,
    bottom: int,
    start: float,
    step: int,
    em: float,
    others: Sequence[Quad],
) -> float:
    """How far past ``start`` (a box end, ``step`` -1 left or 1 right) the line's ink runs
    on, gaps under half an em bridged, no further than :data:`REACH_EMS` and not into another
    line's box; ``start`` when there is none."""
    width = dark.shape[1]
    limit = round(start + step * REACH_EMS * em)
    lo, hi = (max(0, limit), round(start)) if step < 0 else (round(start), min(width, limit))
    if hi - lo < 2:
        return start
    columns = _inked(dark, top, bottom, lo, hi)
    middle = (top + bottom) / 2
    end, gap = start, 0.0
    order = range(len(columns) - 1, -1, -1) if step < 0 else range(len(columns))
    for k in order:
        x = lo + k
        if _covered(others, x, middle):
            break
        if columns[k]:
            end, gap = float(x + (0 if step < 0 else 1)), 0.0
        else:
            gap += 1
            if gap > em / 2:
                break
    return end


def find_holes(
    line: Recognised,
    dark: Any,
    others: Sequence[Quad] = (),
) -> list[Hole]:
    """The holes of ``line`` (see the module) in the ink mask ``dark``; ``others``: the boxes
    of the page's other lines (a stretch inside one of them is that line's, not a hole: the
    end of a neighbouring cell's line, a page turned askew)."""
    if not line.chars or len(line.chars) != len(line.text) or not line.text.strip():
        return []
    x0s, x1s = _xs(line)
    top, bottom = _band(line, [0])
    em = _em(line, x0s, bottom - top)
    if em <= 0:
        return []
    left = min(p[0] for p in line.quad)
    right = max(p[0] for p in line.quad)
    left = min(left, _reach(dark, top + 2, bottom - 2, left, -1, em, others))
    top, bottom = _band(line, [len(x0s) - 1])
    right = max(right, _reach(dark, top + 2, bottom - 2, right, 1, em, others))
    spots = [(0, left, x0s[0])]
    spots += [(k + 1, x1s[k], x0s[k + 1]) for k in range(len(x0s) - 1)]
    spots.append((len(x0s), x1s[-1], right))
    holes = []
    for at, a, b in spots:
        if b - a < (END_EMS if at in (0, len(x0s)) else HOLE_EMS) * em:
            continue
        if 0 < at < len(line.text) and (line.text[at].isspace() or line.text[at - 1].isspace()):
            continue
        top, bottom = _band(line, [at - 1, at])
        middle = (top + bottom) / 2
        mine = [x for x in range(round(a) + 1, round(b) - 1) if not _covered(others, x, middle)]
        if len(mine) < round(b) - round(a) - 2:  # part of it is another line's
            if not mine or 0 < at < len(x0s):
                continue
            a, b = mine[0] - 1, mine[-1] + 2
            if b - a < (END_EMS if at in (0, len(x0s)) else HOLE_EMS) * em:
                continue
        columns = _inked(dark, top + 2, bottom - 2, round(a) + 1, round(b) - 1)
        if columns.sum() >= INK_EMS * em:
            holes.append(Hole(at, a, b))
    return holes


def _read_hole(
    image: Any, line: Recognised, hole: Hole, settings: OcrSettings
) -> tuple[str, float] | None:
    """The characters the hole holds and the reading's score, ``None`` when the reading does
    not fit (see the module)."""
    x0s, x1s = _xs(line)
    first = max(0, hole.at - CONTEXT)
    last = min(len(x0s), hole.at + CONTEXT)
    before, after = line.text[first : hole.at], line.text[hole.at : last]
    if before != before.strip() or after != after.strip():
        return None
    a = x0s[first] if first < hole.at else hole.x0
    b = x1s[last - 1] if last > hole.at else hole.x1
    top, bottom = _band(line, range(first - 1, last + 1))
    height, width = image.shape[:2]
    crop = image[
        max(0, top - _MARGIN_PX) : min(height, bottom + _MARGIN_PX),
        max(0, round(a) - _MARGIN_PX) : min(width, round(b) + _MARGIN_PX),
    ]
    if crop.size == 0:
        return None
    import numpy as np

    text, score = read_crop(
        np.ascontiguousarray(crop), text_score=settings.text_score, threads=settings.threads
    )
    text = "".join(text.split())
    if score < MIN_SCORE or not text.startswith(before) or not text.endswith(after):
        return None
    middle = text[len(before) : len(text) - len(after)]
    em = _em(line, x0s, bottom - top)
    if not middle or len(middle) > max(1, round(2 * (hole.x1 - hole.x0) / em)):
        return None
    return middle, score


def _own_ink(dark: Any, line: Recognised, hole: Hole) -> tuple[float, float]:
    """The columns of ``hole`` its own characters' ink spans: a run of inked columns that
    goes on past the hole's side into a read character is that character's (the engine's
    boxes are estimates: the ink of a ``%`` runs on past its box); the hole as it is when
    nothing else is inked."""
    top, bottom = _band(line, [hole.at - 1, hole.at])
    a, b = round(hole.x0), round(hole.x1)
    columns = _inked(dark, top + 2, bottom - 2, a - 1, b + 1).tolist()
    if len(columns) != b - a + 2:  # at the image's edge
        return hole.x0, hole.x1
    inked = [k for k in range(1, len(columns) - 1) if columns[k]]
    if not inked:
        return hole.x0, hole.x1
    first, last = inked[0], inked[-1]
    if hole.at > 0 and columns[0] and first == 1:
        while first <= last and columns[first]:
            first += 1
        while first <= last and not columns[first]:
            first += 1
    if hole.at < len(line.text) and columns[-1] and last == len(columns) - 2:
        while last >= first and columns[last]:
            last -= 1
        while last >= first and not columns[last]:
            last -= 1
    if first > last:
        return hole.x0, hole.x1
    return float(a - 1 + first), float(a + last)


def _filled(line: Recognised, hole: Hole, middle: str, dark: Any) -> Recognised:
    """``line`` with ``middle`` put in at the hole, its boxes spread over the ink of its own
    (:func:`_own_ink`)."""
    top, bottom = _band(line, [hole.at - 1, hole.at])
    x0, x1 = _own_ink(dark, line, hole)
    step = (x1 - x0) / len(middle)
    boxes = []
    for k in range(len(middle)):
        a, b = x0 + k * step, x0 + (k + 1) * step
        boxes.append([[a, top], [b, top], [b, bottom], [a, bottom]])
    text = line.text[: hole.at] + middle + line.text[hole.at :]
    chars = [*line.chars[: hole.at], *boxes, *line.chars[hole.at :]]
    quad = [list(p) for p in line.quad]
    if hole.x0 < min(p[0] for p in quad):
        quad[0][0] = quad[3][0] = hole.x0
    if hole.x1 > max(p[0] for p in quad):
        quad[1][0] = quad[2][0] = hole.x1
    return Recognised(text, line.score, quad, chars)


def fill_holes(
    image: Any, lines: Sequence[Recognised], settings: OcrSettings = DEFAULT_OCR_SETTINGS
) -> list[Recognised]:
    """``lines`` (read from ``image``, H×W×3 BGR) with the characters their holes hold read
    again and put in (see the module)."""
    if not lines:
        return []
    dark = image.min(axis=2) < settings.rule_darkness
    boxes = [line.quad for line in lines]
    out: list[Recognised] = []
    for k, line in enumerate(lines):
        others = boxes[:k] + boxes[k + 1 :]
        for hole in reversed(find_holes(line, dark, others)):  # right to left: indexes hold
            found = _read_hole(image, line, hole, settings)
            if found is not None:
                line = _filled(line, hole, found[0], dark)
        out.append(line)
    return out
