"""Internal: the ruling lines of a scanned page (a table's borders), found in its pixels.

A scanned ledger (整改台账, 问题清单) is a ruled table on paper. Its borders are long, thin runs
of dark pixels: horizontal runs along pixel rows, vertical runs along pixel columns. Each run
at least :attr:`~.settings.OcrSettings.rule_min_pt` long is kept (no stroke of a character is
that long), runs in neighbouring pixel rows (or columns) that cover the same span are one
segment, and a segment thicker than :attr:`~.settings.OcrSettings.rule_max_thickness_pt` is a
filled shape, not a rule. Gaps of a pixel or two (a faint scan) are closed first.

The borders of a short row (a header row of one line) are shorter than that. A shorter
segment, down to :attr:`~.settings.OcrSettings.rule_short_pt`, is kept when it continues a long
rule (the same column of pixels, give or take a point or two) and both its ends meet long rules
across it: a character's stroke is neither in line with a border nor reaches both sides of
its cell.

The engine reads a piece of a rule now and then as a character (``|``, ``丨``, ``「``);
:func:`without_rule_marks` drops such characters where they sit on a rule.

The segments come back as the PDF reader's :class:`~rectpipe.readers.pdf.sources.Edge`, in
page points and turned by the same angle as the page's recognised lines, so the PDF reader's
table finder (pdfplumber's lattice algorithm) reads them as it reads a text PDF's borders.
"""

from __future__ import annotations

import math
from typing import Any

from ...runtime.record import record
from ..pdf.glyphs import Char
from ..pdf.sources import Edge
from .settings import DEFAULT_OCR_SETTINGS, OcrSettings

__all__ = ["RULE_MARKS", "find_rules", "without_rule_marks"]

RULE_MARKS = frozenset("|丨｜「」｢｣[]")
"""Characters the engine reads a piece of a rule as."""

_ON_RULE_PT = 5.0
"""How near (points) a character's middle must be to a rule to be taken for a piece of it
(the engine's boxes of single characters are estimates, a few points off)."""

_GAP_PX = 2
"""Pixels of a broken rule bridged before runs are measured."""


def _dark(image: Any, settings: OcrSettings) -> Any:
    """Where ``image`` (H×W×3 BGR, or H×W grey) is dark ink."""
    grey = image.min(axis=2) if image.ndim == 3 else image
    return grey < settings.rule_darkness


def _runs(mask: Any, min_px: int) -> list[tuple[int, int, int]]:
    """``(row, start, end)`` of every run of set pixels along ``mask``'s rows at least
    ``min_px`` long (``end`` exclusive)."""
    import numpy as np

    if mask.shape[1] < min_px:
        return []
    closed = mask.copy()
    # A rule a little askew steps from one pixel row to the next, and around each step its
    # pixels alternate between the two rows: each row is joined with the next one.
    closed[:-1] |= mask[1:]
    thick = closed.copy()
    for shift in range(1, _GAP_PX + 1):  # bridge short gaps: set where set on both sides
        closed[:, shift:-shift] |= thick[:, : -2 * shift] & thick[:, 2 * shift :]
    padded = np.zeros((closed.shape[0], closed.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = closed
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    long = (ends - starts) >= min_px
    return list(zip(rows[long].tolist(), starts[long].tolist(), ends[long].tolist(), strict=True))


@record(frozen=False)
class _Group:
    """Runs joined into one segment: its extent, its first and last row, the ink it holds
    and the weighted sum of its rows (for its middle), and the runs of its last two rows."""

    start: int
    end: int
    first: int
    last: int
    ink: int
    rows: int
    edge: list[tuple[int, int, int]]
    long: bool

    def takes(self, row: int, start: int, end: int, long: bool, tolerance: int) -> bool:
        """Whether the run joins this group: a long run one that it touches (made of long
        runs), a short run one of short runs over about the same span in the row before."""
        if long != self.long:
            return False
        if long:
            return any(
                r >= row - 1 and start <= e + _GAP_PX and end >= s - _GAP_PX
                for r, s, e in self.edge
            )
        return any(
            r == row - 1 and abs(start - s) <= tolerance and abs(end - e) <= tolerance
            for r, s, e in self.edge
        )

    def add(self, row: int, start: int, end: int) -> None:
        self.start, self.end = min(self.start, start), max(self.end, end)
        self.last = row
        self.ink += end - start
        self.rows += (end - start) * row
        self.edge = [run for run in self.edge if run[0] >= row - 1] + [(row, start, end)]


def _segments(
    runs: list[tuple[int, int, int]], max_thickness: int, long_px: int, tolerance: int
) -> list[tuple[int, int, int, int]]:
    """Runs joined from row to row into segments ``(start, end, middle row, thickness)``.

    Long runs (``long_px`` and more) that touch are joined: a rule scanned a little askew is
    a staircase of long runs, one segment. Short runs join only short runs over the same span
    (± ``tolerance``) in the row before, so that a character's strokes never bridge two
    pieces of rule. A segment whose ink, spread over its length, is thicker than
    ``max_thickness`` rows is a filled shape and is dropped."""
    open_: list[_Group] = []
    done: list[_Group] = []
    for row, start, end in sorted(runs):
        long = end - start >= long_px
        for group in open_:
            if group.takes(row, start, end, long, tolerance):
                group.add(row, start, end)
                break
        else:
            ink = end - start
            open_.append(_Group(start, end, row, row, ink, ink * row, [(row, start, end)], long))
        done.extend(g for g in open_ if g.last < row - 1)
        open_ = [g for g in open_ if g.last >= row - 1]
    done.extend(open_)
    out: list[tuple[int, int, int, int]] = []
    for g in done:
        thickness = g.ink / (g.end - g.start)
        if thickness <= max_thickness:
            middle = round(g.rows / g.ink)
            out.append((g.start, g.end, middle, max(1, round(thickness))))
    return out


def _anchored(
    short: tuple[int, int, int, int],
    across: list[tuple[int, int, int, int]],
    reach: int,
    both: bool = True,
) -> bool:
    """Whether both ends of ``short`` meet a segment of ``across`` (the other orientation)
    that passes over ``short``'s position."""
    start, end, middle, _ = short

    def meets(at: int) -> bool:
        return any(
            abs(a_middle - at) <= reach + a_thick and a_start - reach <= middle <= a_end + reach
            for a_start, a_end, a_middle, a_thick in across
        )

    return meets(start) and meets(end) if both else meets(start) or meets(end)


def _in_line(
    short: tuple[int, int, int, int], rules: list[tuple[int, int, int, int]], reach: int
) -> bool:
    """Whether ``short`` lies in line with one of ``rules`` (same orientation)."""
    return any(abs(middle - short[2]) <= reach for _, _, middle, _ in rules)


def _kept(
    segments: list[tuple[int, int, int, int]],
    long: list[tuple[int, int, int, int]],
    across: list[tuple[int, int, int, int]],
    long_px: int,
    reach: int,
) -> list[tuple[int, int, int, int]]:
    """The long ``segments`` with an end on a rule of ``across`` (a run of bold text can be
    long, but it ends on no rule; a rule can run on into a stroke of the text beyond the rule
    it ends on), and the short ones in line with a long one with both ends on ``across``."""
    return [
        g
        for g in segments
        if (g[1] - g[0] >= long_px and _anchored(g, across, reach, both=False))
        or (_in_line(g, long, reach) and _anchored(g, across, reach))
    ]


def find_rules(
    image: Any, px_per_pt: float, angle: float = 0.0, settings: OcrSettings = DEFAULT_OCR_SETTINGS
) -> list[Edge]:
    """The ruling segments of one page image, in page points (top-left origin), turned by
    ``angle`` (radians, as the page's lines are straightened) about the image's centre."""
    import numpy as np

    dark = _dark(image, settings)
    if angle:
        from PIL import Image

        picture = Image.fromarray(dark.astype(np.uint8) * 255)
        turned = picture.rotate(math.degrees(angle), resample=Image.Resampling.NEAREST)
        dark = np.asarray(turned) > 127
    long_px = max(1, round(settings.rule_min_pt * px_per_pt))
    short_px = max(1, round(settings.rule_short_pt * px_per_pt))
    thick = max(1, round(settings.rule_max_thickness_pt * px_per_pt))
    tolerance = max(1, round(px_per_pt * 2))
    flat = _segments(_runs(dark, short_px), thick, long_px, tolerance)
    upright = _segments(_runs(dark.T, short_px), thick, long_px, tolerance)
    flat_long = [g for g in flat if g[1] - g[0] >= long_px]
    upright_long = [g for g in upright if g[1] - g[0] >= long_px]
    # A horizontal segment's ends are columns: they meet vertical rules (first..last columns).
    if not flat_long or not upright_long:
        return []  # no table without long rules both ways
    flat_kept = _kept(flat, flat_long, upright_long, long_px, tolerance)
    upright_kept = _kept(upright, upright_long, flat_long, long_px, tolerance)
    edges: list[Edge] = []
    for start, end, middle, _ in flat_kept:
        y = (middle + 0.5) / px_per_pt
        edges.append(Edge(start / px_per_pt, y, end / px_per_pt, y))
    for start, end, middle, _ in upright_kept:
        x = (middle + 0.5) / px_per_pt
        edges.append(Edge(x, start / px_per_pt, x, end / px_per_pt))
    return edges


def without_rule_marks(chars: list[Char], edges: list[Edge]) -> list[Char]:
    """``chars`` without the :data:`RULE_MARKS` whose middle lies on one of ``edges``."""

    def on_rule(c: Char) -> bool:
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        for e in edges:
            if e.x0 == e.x1:  # vertical
                if (
                    abs(x - e.x0) <= _ON_RULE_PT
                    and e.top - _ON_RULE_PT <= y <= e.bottom + _ON_RULE_PT
                ):
                    return True
            elif abs(y - e.top) <= _ON_RULE_PT and e.x0 - _ON_RULE_PT <= x <= e.x1 + _ON_RULE_PT:
                return True
        return False

    if not edges:
        return chars
    return [c for c in chars if c.text not in RULE_MARKS or not on_rule(c)]
