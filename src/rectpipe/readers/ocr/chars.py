"""Internal: recognised lines → positioned glyphs, so OCR goes through the PDF layout stage.

Each recognised line becomes one :class:`~rectpipe.readers.pdf.glyphs.Char` per character,
in PDF points (pixels divided by the render scale), all sharing the line's top and bottom, so
the layout groups them into that line again and sorts lines into paragraphs by geometry, as it
does with a text layer's glyphs. A page whose lines lean is straightened first (the median
slope of its long lines), and lines set in the body's type are given one body size.

A line's type size is told by its em rather than by its box (:mod:`.sizes`).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from ...runtime.patterns import compile_re
from ...runtime.record import record
from ..pdf.glyphs import Char
from ..pdf.lines import is_cjk
from .engine import Recognised
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings
from .sizes import BodyType, han_widths, line_size

__all__ = [
    "FONTNAME",
    "PlacedLine",
    "fix_page_number",
    "page_angle",
    "place_lines",
    "spread_line",
    "to_chars",
]

FONTNAME = "ocr"

_OPENING = frozenset("“‘（《〈【〔「『")
_CLOSING = frozenset("、，。；：！？”’）》〉】〕」』")
_DASH_PAGE_NUMBER = compile_re(r"[—一\-－–~～]{1,2}\s*\d{1,4}\s*[—一\-－–~～]{1,2}")


@record(frozen=False)
class PlacedLine:
    """A recognised line in page points: text without spaces, each character's edges, the
    line's top and bottom, its score, its em and the usual width of its Han boxes (``None``
    when it has no two Han characters side by side, no Han: :func:`.sizes.han_widths`)."""

    text: str
    x0s: list[float]
    x1s: list[float]
    top: float
    bottom: float
    score: float
    em: float | None = None
    ink: float | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _slope(lines: Sequence[Recognised]) -> float:
    """The median angle (radians) of the top edges of the page's longer lines."""
    angles = []
    for line in lines:
        (x0, y0), (x1, y1) = line.quad[0], line.quad[1]
        height = abs(line.quad[3][1] - line.quad[0][1]) or 1.0
        if x1 - x0 > 3 * height:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(angles) if angles else 0.0


def spread_line(
    text: str, box: tuple[float, float, float, float], score: float
) -> PlacedLine | None:
    """A line read without boxes for its characters (``box``: its ink, in points), its
    characters spread evenly over it; ``None`` when ``text`` has no character."""
    text = "".join(text.split())
    if not text:
        return None
    x0, top, x1, bottom = box
    step = (x1 - x0) / len(text)
    x0s = [x0 + k * step for k in range(len(text))]
    x1s = [x + step for x in x0s]
    em, ink = han_widths(list(text), x0s, x1s, [False] * len(text))
    return PlacedLine(text, x0s, x1s, top, bottom, score, em, ink)


def page_angle(lines: Sequence[Recognised], settings: OcrSettings = DEFAULT_OCR_SETTINGS) -> float:
    """The angle (radians) a page's lines are turned by to straighten them: their lean, or 0
    under :attr:`~.settings.OcrSettings.deskew_min_degrees`."""
    angle = _slope(lines)
    return 0.0 if abs(math.degrees(angle)) < settings.deskew_min_degrees else angle


def fix_page_number(text: str) -> str:
    """``一1一`` / ``-2一`` (a page number whose dashes OCR read as 一) → ``—1—``."""
    if _DASH_PAGE_NUMBER.fullmatch(text):
        return text.replace("一", "—")
    return text


def place_lines(
    lines: Sequence[Recognised],
    px_per_pt: float,
    width_px: float,
    height_px: float,
    settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> list[PlacedLine]:
    """The recognised ``lines`` of one page in points, straightened and cleaned."""
    angle = page_angle(lines, settings)
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = width_px / 2, height_px / 2

    def turn(point: Sequence[float]) -> tuple[float, float]:
        x, y = point[0] - cx, point[1] - cy
        return (cx + x * cos + y * sin) / px_per_pt, (cy - x * sin + y * cos) / px_per_pt

    placed: list[PlacedLine] = []
    for line in lines:
        corners = [turn(p) for p in line.quad]
        top = (corners[0][1] + corners[1][1]) / 2
        bottom = (corners[2][1] + corners[3][1]) / 2
        if bottom <= top:
            top, bottom = min(c[1] for c in corners), max(c[1] for c in corners)
        left, right = min(c[0] for c in corners), max(c[0] for c in corners)
        text = fix_page_number(line.text.strip())
        if len(line.chars) == len(line.text):
            offset = len(line.text) - len(line.text.lstrip())
            boxes = [[turn(p) for p in quad] for quad in line.chars[offset : offset + len(text)]]
            x0s = [min(p[0] for p in box) for box in boxes]
            x1s = [max(p[0] for p in box) for box in boxes]
        else:  # no boxes per character: spread them over the line
            step = (right - left) / max(1, len(text))
            x0s = [left + k * step for k in range(len(text))]
            x1s = [x + step for x in x0s]
        kept = [
            (c, a, b, k > 0 and text[k - 1].isspace())
            for k, (c, a, b) in enumerate(zip(text, x0s, x1s, strict=True))
            if not c.isspace()
        ]
        if not kept:
            continue
        chars, x0s, x1s, spaced = (list(column) for column in zip(*kept, strict=True))
        em, ink = han_widths(chars, x0s, x1s, spaced)
        _full_width_punctuation(chars, x0s, x1s, bottom - top)
        for k in range(1, len(chars)):  # left to right, no overlap (the layout splits overlaps)
            x0s[k] = max(x0s[k], x1s[k - 1])
            x1s[k] = max(x1s[k], x0s[k] + 0.01)
        _close_word_gaps(chars, x0s, x1s, spaced)
        placed.append(PlacedLine("".join(chars), x0s, x1s, top, bottom, line.score, em, ink))
    return placed


def _close_word_gaps(
    chars: Sequence[str], x0s: list[float], x1s: Sequence[float], spaced: Sequence[bool]
) -> None:
    """Move the left edge of each Latin letter, digit or sign the engine read right after
    another one (no space between them in its text) onto that one's right edge: the layout
    puts a space wherever two such glyphs stand a little apart, and the engine's character
    boxes do (``18.6`` would become ``1 8.6``, ``94.3%`` ``94.3 %``)."""
    for k in range(1, len(chars)):
        if not spaced[k] and not is_cjk(chars[k]) and not is_cjk(chars[k - 1]):
            x0s[k] = x1s[k - 1]


def _full_width_punctuation(
    chars: Sequence[str], x0s: list[float], x1s: list[float], height: float
) -> None:
    """Widen the ink boxes of CJK punctuation to the em a text layer gives them: the ink of
    ，。、 sits in the left of its em, that of “（《 in the right. A line ending in 、 or
    starting with “ then reaches the margins the layout measures lines against."""
    steps = [
        b - a
        for a, b, c, d in zip(x0s, x0s[1:], chars, chars[1:], strict=False)
        if c not in _OPENING and c not in _CLOSING and d not in _OPENING and d not in _CLOSING
    ]
    em = statistics.median(steps) if len(steps) >= 3 else 1.05 * height
    if not 0.5 * height <= em <= 1.6 * height:
        em = 1.05 * height
    for k, char in enumerate(chars):
        if char in _CLOSING:
            x1s[k] = max(x1s[k], x0s[k] + 0.95 * em)
        elif char in _OPENING:
            x0s[k] = min(x0s[k], x1s[k] - 0.95 * em)


def to_chars(
    lines: Sequence[PlacedLine],
    body: BodyType | None,
    settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> list[Char]:
    """One glyph per character of ``lines``, each line's glyphs at its :func:`line_size`."""
    chars: list[Char] = []
    for line in lines:
        size = line_size(line, body, settings)
        chars.extend(
            Char(c, x0, x1, line.top, line.bottom, size, FONTNAME, True)
            for c, x0, x1 in zip(line.text, line.x0s, line.x1s, strict=True)
        )
    return chars
