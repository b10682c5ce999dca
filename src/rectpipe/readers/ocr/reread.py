"""Internal: table cells the engine's line detector passed over, read again on their own.

On a scanned table the detector now and then misses a short line standing alone in its cell:
a row number (``20``) beside a long finding. The cell then looks empty, and the row loses its
number. Every cell of a ruled table (:mod:`.rules`) that holds ink but no recognised
character is cropped to its ink and read as one line, without detection; a reading that
scores well enough becomes a recognised line like any other. Cells whose ink is taller than a
line and a half are left alone (a cell of several lines the detector missed entirely is not
what this is for), and at most :data:`MAX_CELLS` cells a page are read.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from ..pdf.sources import Edge
from ..pdf.tables import lattice_cells
from .chars import PlacedLine, spread_line
from .engine import read_crop
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings

__all__ = ["MAX_CELLS", "reread_empty_cells"]

MAX_CELLS = 40
"""Cells read again on one page, at most."""
_MIN_INK = 12
"""Dark pixels a cell needs to be read again (a speck or a stray dot is not text)."""
_SPECK = 3
"""Dark pixels a row or column of a cell needs to count as holding ink, not grain."""
_MARGIN_PX = 6
"""White around the ink of a cropped cell (the recogniser wants a little)."""
_TALLEST = 1.5
"""A cell's ink taller than this many lines is not read again."""


def _holds_text(cell: tuple[float, float, float, float], placed: Sequence[PlacedLine]) -> bool:
    x0, top, x1, bottom = cell
    for line in placed:
        if not top <= (line.top + line.bottom) / 2 <= bottom:
            continue
        if any(x0 <= (a + b) / 2 <= x1 for a, b in zip(line.x0s, line.x1s, strict=True)):
            return True
    return False


def _turned(image: Any, angle: float) -> Any:
    """``image`` turned as the page's lines are (see :func:`.rules.find_rules`)."""
    if not angle:
        return image
    import numpy as np
    from PIL import Image

    picture = Image.fromarray(np.ascontiguousarray(image[..., ::-1]))
    turned = picture.rotate(
        math.degrees(angle), resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255)
    )
    return np.ascontiguousarray(np.asarray(turned)[..., ::-1])


def reread_empty_cells(
    image: Any,
    edges: list[Edge],
    placed: Sequence[PlacedLine],
    px_per_pt: float,
    angle: float = 0.0,
    settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> list[PlacedLine]:
    """Lines read from the cells of the tables ``edges`` draw that hold ink but none of
    ``placed``'s characters (page points, turned by ``angle`` as ``placed`` are)."""
    import numpy as np

    empty = [cell for cell in lattice_cells(edges) if not _holds_text(cell, placed)]
    if not empty or not placed:
        return []
    line_px = statistics.median(line.bottom - line.top for line in placed) * px_per_pt
    turned = _turned(image, angle)
    dark = turned.min(axis=2) < settings.rule_darkness
    inset = math.ceil(settings.rule_max_thickness_pt * px_per_pt)
    height, width = dark.shape
    found: list[PlacedLine] = []
    for x0, top, x1, bottom in empty[:MAX_CELLS]:
        a, b = max(0, round(x0 * px_per_pt) + inset), max(0, round(top * px_per_pt) + inset)
        c = min(width, round(x1 * px_per_pt) - inset)
        d = min(height, round(bottom * px_per_pt) - inset)
        if c - a < 4 or d - b < 4:
            continue
        ink = dark[b:d, a:c]
        if int(ink.sum()) < _MIN_INK:
            continue
        # Where the ink is: rows and columns with more than a speck of it (scans are grainy).
        ys = np.nonzero(ink.sum(axis=1) >= _SPECK)[0]
        xs = np.nonzero(ink.sum(axis=0) >= _SPECK)[0]
        if not len(ys) or not len(xs):
            continue
        y0, y1, xa, xb = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        if y1 - y0 > _TALLEST * line_px:
            continue
        crop = turned[
            max(0, b + y0 - _MARGIN_PX) : min(height, b + y1 + _MARGIN_PX),
            max(0, a + xa - _MARGIN_PX) : min(width, a + xb + _MARGIN_PX),
        ]
        text, score = read_crop(
            np.ascontiguousarray(crop), text_score=settings.text_score, threads=settings.threads
        )
        if score < settings.text_score:
            continue
        box = (
            (a + xa) / px_per_pt,
            (b + y0) / px_per_pt,
            (a + xb) / px_per_pt,
            (b + y1) / px_per_pt,
        )
        line = spread_line(text, box, score)
        if line is not None:
            found.append(line)
    return found
