"""Internal: page furniture, the running headers, footers and page numbers across pages.

Candidates are the lines nearest the top and bottom edge of each page; page numbers are told by
their shape, running text by recurring near the same height on many pages, and both must be set
apart from the body by a gap.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import defaultdict
from collections.abc import Sequence

from ...runtime.patterns import compile_re
from ...runtime.record import record
from ..page_numbers import page_number_shape
from .lines import Line
from .settings import DEFAULT_SETTINGS, LayoutSettings

__all__ = ["RemovedLine", "find_page_furniture", "page_number_shape"]

# --------------------------------------------------------------------------------------------
# running headers, footers and page numbers

_SPACES, _DIGITS = compile_re(r"\s+"), compile_re(r"\d+")


def _bare_digits(text: str) -> bool:
    return _SPACES.sub("", text).isdigit()


def _usual_pitch(pages: Sequence[Sequence[Line]], fallback: float) -> float:
    """Median baseline-to-baseline distance of consecutive lines of one type size (``fallback``,
    24 pt by default, if none). Sizes within 5% are one size (OCR measures each line's own), and
    a step over three times the size is no pitch: it crosses a table, a figure or the rest of
    the page (on a page of tables, the two lines left around them)."""
    pitches = [
        b.bottom - a.bottom
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if abs(a.size - b.size) <= 0.05 * max(a.size, b.size)
        and 0 < b.bottom - a.bottom <= 3 * max(a.size, b.size)
    ]
    return statistics.median(pitches) if pitches else fallback


_ALIKE_MIN_CHARS = 8
"""Running text this long (spaces left out) or longer may be read differently on two pages."""
_ALIKE_CHARS_PER_MISS = 8
"""One character in this many may differ between two readings of the same running text."""


def _alike(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one running text read twice by OCR: as long, at least
    :data:`_ALIKE_MIN_CHARS`, differing in at most one character in
    :data:`_ALIKE_CHARS_PER_MISS` (a bracket read ``]`` on one page and ``】`` on another)."""
    if len(a) != len(b) or len(a) < _ALIKE_MIN_CHARS:
        return False
    misses = sum(x != y for x, y in zip(a, b, strict=True))
    return misses <= len(a) // _ALIKE_CHARS_PER_MISS


def _misread_alike(
    groups: dict[tuple[str, str], list[tuple[int, int, float]]],
) -> dict[tuple[str, str], list[tuple[int, int, float]]]:
    """``groups`` (candidate lines by band and text) with the groups of texts
    :func:`_alike` an earlier group's joined into it. A text layer repeats its running text
    exactly, so only a scan's misreadings are joined."""
    joined: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    for (where, key), members in groups.items():
        into = next((k for k in joined if k[0] == where and _alike(k[1], key)), (where, key))
        joined.setdefault(into, []).extend(members)
    return joined


@record
class RemovedLine:
    """A line found to be page furniture.

    ``reason`` is ``page_number``, ``running_header`` or ``running_footer``; ``index`` is the
    line's position in its page's list of lines.
    """

    page: int
    index: int
    text: str
    reason: str


def find_page_furniture(
    pages: Sequence[Sequence[Line]],
    heights: Sequence[float],
    band: float | None = None,
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> list[RemovedLine]:
    """Lines of ``pages`` that are running headers, footers or page numbers.

    Only the three lines nearest the top and the bottom edge, inside the top / bottom ``band``
    (a fraction of the page height; default ``settings.furniture_band``, 0.2), are candidates.
    A candidate is a page number when shaped like one (:func:`page_number_shape`); bare digits
    must in addition be the outermost line and recur as bare digits in the same band on at least
    half the pages (or the document is one page long). A candidate is a running header / footer
    when the same text, digits ignored (or, for text read by OCR, one :func:`_alike` it),
    recurs near the same height (within 6 pt) on at least
    half the pages, and on at least two of them, and is set apart from the body: it belongs to
    the run of furniture lines at the page edge, which must end in a gap wider than 1.3 times
    the usual line pitch (so body text that happens to repeat at the top of every page stays).
    In a one-page document, where nothing can repeat, the outermost line counts as running text
    when its type is clearly smaller than the body's (under 80% of the median line size). The
    numbers are the defaults of the ``furniture_*`` fields of ``settings``. ``lines`` of each
    page must be in top-to-bottom order, as :func:`~.lines.build_lines` gives them. Returned in
    page order; an empty list when nothing qualifies.
    """
    if band is None:
        band = settings.furniture_band
    nearest = settings.furniture_lines
    n_pages = len(pages)
    candidates: list[tuple[int, int, str, float]] = []  # page index, line index, band, offset
    for p, lines in enumerate(pages):
        height = heights[p]
        top_ids = [i for i in range(min(nearest, len(lines))) if lines[i].bottom <= band * height]
        bottom_ids = [
            i
            for i in range(len(lines) - 1, max(-1, len(lines) - 1 - nearest), -1)
            if lines[i].top >= (1 - band) * height and i not in top_ids
        ]
        candidates += [(p, i, "top", lines[i].top) for i in top_ids]
        candidates += [(p, i, "bottom", height - lines[i].bottom) for i in bottom_ids]

    quorum = max(settings.furniture_min_pages, math.ceil(n_pages * settings.furniture_page_share))
    bare_pages: dict[str, set[int]] = defaultdict(set)
    for p, i, where, _ in candidates:
        lines = pages[p]
        outermost = i == 0 if where == "top" else i == len(lines) - 1
        if outermost and _bare_digits(lines[i].text):
            bare_pages[where].add(p)

    removed: dict[tuple[int, int], str] = {}
    for p, i, where, _ in candidates:
        text = pages[p][i].text
        if not page_number_shape(text):
            continue
        if _bare_digits(text) and not (n_pages == 1 or len(bare_pages[where]) >= quorum):
            continue
        removed[(p, i)] = "page_number"

    groups: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for p, i, where, offset in candidates:
        if (p, i) in removed:
            continue
        key = _DIGITS.sub("#", _SPACES.sub("", pages[p][i].text))
        groups[(where, key)].append((p, i, offset))
    groups = _misread_alike(groups)
    running: dict[tuple[int, int], str] = {}
    tolerance = settings.furniture_y_tolerance
    for (where, _key), members in groups.items():
        middle = statistics.median(offset for _, _, offset in members)
        near = [(p, i) for p, i, offset in members if abs(offset - middle) <= tolerance]
        if len({p for p, _ in near}) >= quorum:
            reason = "running_header" if where == "top" else "running_footer"
            for p, i in near:
                running[(p, i)] = reason
    if n_pages == 1 and pages[0]:
        # Nothing can repeat on a single page: take the outermost line when it is set in a
        # clearly smaller type than the body (a Word header or footer); the walk below still
        # requires the gap that separates furniture from the body.
        lines = pages[0]
        body_size = statistics.median(ln.size for ln in lines)
        small = settings.furniture_small_type_ratio * body_size
        for p, i, where, _ in candidates:
            outermost = i == 0 if where == "top" else i == len(lines) - 1
            if outermost and (p, i) not in removed and lines[i].size < small:
                running[(p, i)] = "running_header" if where == "top" else "running_footer"

    # Repeated text is furniture only when set apart from the body: walking from the page edge
    # inwards, the furniture block is the run of repeated / page-number lines up to the first
    # gap wider than the usual line pitch, and the body must begin after such a gap.
    pitch = _usual_pitch(pages, settings.furniture_fallback_pitch)
    gap = settings.furniture_gap_ratio * pitch
    for p, lines in enumerate(pages):
        for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
            block: list[int] = []
            separated = True
            for i in order:
                if block and abs(lines[i].bottom - lines[block[-1]].bottom) > gap:
                    break  # the gap after the furniture block
                if (p, i) not in running and (p, i) not in removed:
                    separated = not block  # body glued to the block: not furniture
                    break
                block.append(i)
            if separated:
                for i in block:
                    if (p, i) in running and (p, i) not in removed:
                        removed[(p, i)] = running[(p, i)]

    return [
        RemovedLine(page=p + 1, index=i, text=pages[p][i].text, reason=reason)
        for (p, i), reason in sorted(removed.items())
    ]
