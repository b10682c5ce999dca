"""Internal: a page's glyphs grouped into visual lines, each with its text and geometry.

Everything here works on plain data (:class:`~.glyphs.Char` and :class:`Line`) and knows nothing
of the PDF library that produced it. Coordinates grow rightwards and downwards from the page's
top-left corner, in points; ``size`` is the font size of a line's most common glyph size.

The module runs over 400 lines on purpose: the column-wise fast path and the glyph-by-glyph
path for lines that need a closer look (overlaps, spaces, mixed sizes) build the same lines,
and a differential test holds them equal; kept side by side, a change to one is seen beside
the other.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import statistics
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

from ...runtime.record import field, record
from .glyph_heights import fit_glyph_heights
from .glyphs import Char, _Glyphs
from .line_flags import row_facts
from .native import native_loops
from .note_marks import drop_note_marks
from .settings import DEFAULT_SETTINGS, LayoutSettings

__all__ = ["Line", "build_lines", "is_cjk", "line_text"]

# --------------------------------------------------------------------------------------------
# character classes


def is_cjk(ch: str) -> bool:
    """True for Han ideographs, CJK punctuation, kana, hangul and full-width forms.

    Between two such characters (or one of them and anything else) a line break or a gap never
    means a space in the text.
    """
    code = ord(ch[0]) if ch else 0
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, bopomofo, unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # half- and full-width forms
        or 0x20000 <= code <= 0x3FFFF  # extension ideographs
        or ch in "“”‘’—…·"  # typographic marks a CJK font draws full-width
    )


def _spaceable(ch: str) -> bool:
    """Characters between which a visible gap is a real space (Latin letters, digits, signs)."""
    return bool(ch) and not is_cjk(ch)


@functools.lru_cache(maxsize=4096)
def _spaceable_start(text: str) -> bool:
    """``_spaceable(text[0])``, remembered: asked of every line's first glyph and at every line
    break of a paragraph, always of the same few characters."""
    return _spaceable(text[0])


# --------------------------------------------------------------------------------------------
# lines


@record(frozen=False)
class Line:
    """One visual line of text on a page: its joined text and geometry.

    ``glyphs`` is the number of glyphs, ``lead`` the width of the run of non-CJK glyphs the line
    starts with (its first Latin word or number; 0 when it starts with CJK). The glyphs
    themselves are not kept, so that a long document's lines stay small; only the left and
    right edges of each character of ``text`` are (``x0s``, ``x1s``: a space put between two
    glyphs spans the gap; arrays of doubles, which hold no float object per glyph), which
    provenance boxes are made from. ``score`` is the OCR
    confidence of a recognised line (``None`` for a text layer). ``widest`` is the widest gap
    between neighbouring characters (``x0s[k] - x1s[k - 1]``, NaN ones left out; NaN when
    there is none) when the line building measured it, else ``None``.
    """

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    glyphs: int = 0
    lead: float = 0.0
    x0s: Sequence[float] = field(default=(), compare=False, repr=False)
    x1s: Sequence[float] = field(default=(), compare=False, repr=False)
    score: float | None = field(default=None, compare=False)
    widest: float | None = field(default=None, compare=False, repr=False)

    def edges(self) -> tuple[Sequence[float], Sequence[float]]:
        """``x0s`` and ``x1s``, one per character of ``text``; spread evenly over the line
        when they are not known character by character."""
        n = len(self.text)
        if len(self.x0s) == n and len(self.x1s) == n:
            return self.x0s, self.x1s
        step = (self.x1 - self.x0) / n if n else 0.0
        x0s = [self.x0 + k * step for k in range(n)]
        return x0s, [x + step for x in x0s]

    @property
    def height(self) -> float:
        return self.bottom - self.top


def line_text(chars: Sequence[Char], settings: LayoutSettings = DEFAULT_SETTINGS) -> str:
    """The text of one line's glyphs (sorted left to right), with spaces only where they belong.

    A space is put between two glyphs only when neither is CJK and the gap is wider than a
    quarter of the font size (a word space: ``settings.x_tolerance_ratio``), or when the gap is
    a column-like outlier: wider than 1.5 em and far wider than the line's usual letter spacing
    (so that letter-spaced and justified lines, whose gaps are all wide, get none;
    ``settings.column_gap_*``).
    """
    if not chars:
        return ""
    space, min_em, column = settings.x_tolerance_ratio, settings.min_em, settings.column_gap_ratio
    parts = [chars[0].text]
    wide: list[tuple[int, float, float]] = []  # where a column-like gap might be
    prev = chars[0]
    for k in range(1, len(chars)):
        cur = chars[k]
        gap = cur.x0 - prev.x1
        if gap > space * prev.size or gap > space * cur.size:
            em = max(min(prev.size, cur.size), min_em)
            if gap > space * em and _spaceable_start(prev.text[-1]) and _spaceable_start(cur.text):
                parts.append(" ")
            elif gap > column * em:
                wide.append((len(parts), gap, em))
        parts.append(cur.text)
        prev = cur
    if wide:
        gaps = [max(0.0, b.x0 - a.x1) for a, b in itertools.pairwise(chars)]
        usual = statistics.median(gaps)
        for position, gap, em in reversed(wide):
            if gap > settings.column_gap_factor * usual + settings.column_gap_margin * em:
                parts.insert(position, " ")
    return "".join(parts)


def _dominant_size(sizes: Sequence[float], digits: int) -> float:
    """The most common of ``sizes`` (rounded to ``digits`` decimals; the larger one on a tie)."""
    first = sizes[0]
    if all(size == first for size in sizes):
        return round(first, digits)
    counts = Counter(round(size, digits) for size in sizes)
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


_BY_POSITION = operator.attrgetter("top", "x0")
_INF = math.inf


def build_lines(
    chars: Sequence[Char],
    page: int,
    dedupe: float | None = None,
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> list[Line]:
    """Visual lines of upright ``chars``, top to bottom; rotated glyphs are ignored.

    Glyphs are grouped by their vertical centre: a glyph joins a line when its centre lies within
    40% (``settings.y_tolerance_ratio``) of the smaller of the two heights from the line's
    centre, so glyphs of different fonts on one baseline (whose boxes differ by a point or two)
    stay together, and superscripts mostly do. A glyph repeating its left neighbour's text within
    ``dedupe`` points (default ``settings.dedupe_tolerance``) horizontally and vertically is a
    duplicate (simulated bold draws glyphs two or three times) and is dropped.
    """
    if not chars:
        return []
    if dedupe is None:
        dedupe = settings.dedupe_tolerance
    glyphs, upright = _Glyphs.of(chars)
    glyphs = fit_glyph_heights(glyphs, settings)
    glyphs, upright = drop_note_marks(glyphs, upright, settings)
    cut = _line_order(glyphs, upright, settings.y_tolerance_ratio)
    if not cut[0]:
        return []
    order, starts = cut
    lines = _lines(_in_order(glyphs, order), starts, page, dedupe, settings)
    lines.sort(key=_BY_POSITION)
    return lines


def _line_order(
    glyphs: _Glyphs, upright: Sequence[bool], tolerance: float
) -> tuple[list[int], list[int]]:
    """The upright glyphs of positive height cut into lines (:func:`_vertical_groups`) and
    each line sorted by x0: the glyphs by index, line after line, and where each line starts
    among them (``[0, …, len(order)]``). In native code when it is built (:mod:`.native`)."""
    loops = native_loops()
    if loops is not None and glyphs.tops:
        every = None if all(upright) else upright
        found = loops.lines(glyphs.tops, glyphs.bottoms, glyphs.x0s, every, 2 * tolerance)
        if found is not None:
            return found
    order = []
    starts = [0]
    for group in _vertical_groups(glyphs.tops, glyphs.bottoms, upright, tolerance):
        group.sort(key=glyphs.x0s.__getitem__)
        order += group
        starts.append(len(order))
    return order, starts


def _in_order(glyphs: _Glyphs, order: list[int]) -> _Glyphs:
    """The glyphs at ``order`` (at least one): every line's glyphs, left to right, one line
    after another. Usually that is the order they came in (text drawn line by line, left to
    right), and the columns are then used as they are."""
    if len(order) == len(glyphs.texts) and order == list(range(len(order))):
        return glyphs
    if len(order) == 1:
        return glyphs.slice(order[0], order[0] + 1)
    return glyphs.take(order)


def _vertical_groups(
    tops: Sequence[float], bottoms: Sequence[float], upright: Sequence[bool], tolerance: float
) -> list[list[int]]:
    """Indices of the upright glyphs of positive height, sorted by vertical centre and cut into
    lines (see :func:`build_lines`; ``tolerance`` is ``y_tolerance_ratio``).

    Centres and heights are computed column-wise and the glyphs sorted as indices, so the one
    Python loop left per glyph is the grouping decision itself.
    """
    wanted: Iterable[bool] = map(operator.gt, bottoms, tops)
    if not all(upright):
        wanted = map(operator.and_, map(bool, upright), wanted)
    centres = list(map(operator.add, tops, bottoms))  # twice the centre: no division
    heights = list(map(operator.sub, bottoms, tops))
    order = sorted(itertools.compress(range(len(tops)), wanted), key=centres.__getitem__)
    reach = 2 * tolerance  # centres are doubled, so is the distance they may lie apart
    starts: list[int] = []
    centre2 = height = 0.0
    for position, i in enumerate(order):
        mid2, h = centres[i], heights[i]
        if starts and abs(mid2 - centre2) <= reach * (h if h < height else height):
            continue
        starts.append(position)
        centre2, height = mid2, h
    starts.append(len(order))
    return [order[a:b] for a, b in itertools.pairwise(starts)]


def _lines(
    glyphs: _Glyphs, starts: list[int], page: int, dedupe: float, settings: LayoutSettings
) -> list[Line]:
    """The lines of a page's ``glyphs``, grouped: line ``g`` is ``glyphs[starts[g]:starts[g+1]]``,
    sorted by x0.

    What :func:`_split_overlaps` would do glyph by glyph is decided for the whole page at once,
    by comparing every glyph with its left neighbour (:func:`~.line_flags.row_facts`, which
    also gives each line's extent): lines with no overlap, no wide gap and one font size
    (nearly all) are made straight from their columns; only the others take the slower paths.
    A line with repeated text (``常常``, ``……``) is looked at closer (:func:`_one_clean_row`)
    and, when none of it is a duplicate, made from its columns too. Columns that are arrays of
    doubles (the native source's) are sliced into the lines as they are.
    """
    texts, x0s, x1s, sizes, text = glyphs.texts, glyphs.x0s, glyphs.x1s, glyphs.sizes, glyphs.text
    space, overlap = settings.x_tolerance_ratio, settings.overlap_ratio
    latin = settings.latin_overlap_ratio
    digits = settings.size_decimals
    suspect, spaced, mixed, rights, highest, lowest, widest = row_facts(glyphs, starts, space)
    general = spaced | mixed  # spaces to place or sizes to count: :func:`_line`
    doubles = _are_doubles(x0s, x1s)
    rounded: dict[float, float] = {}  # the page's few sizes, rounded once each
    lines: list[Line] = []
    for g, (a, b) in enumerate(itertools.pairwise(starts)):
        if g in suspect and not _one_clean_row(glyphs.slice(a, b), dedupe, overlap, latin):
            lines.extend(_split_overlaps(glyphs.slice(a, b), page, dedupe, settings))
            continue
        if g in general:
            lines.append(_line(glyphs.slice(a, b), page, settings))
            continue
        lead = _lead_width(glyphs, space, a, b) if _spaceable_start(texts[a]) else 0.0
        row_x0s, row_x1s = x0s[a:b], x1s[a:b]
        size = sizes[a]
        if size > 0.0:  # (not 0.0, -0.0 or NaN, which a dict would take for others)
            size = rounded.get(size) or rounded.setdefault(size, round(size, digits))
        else:
            size = round(size, digits)
        lines.append(
            Line(
                page,
                "".join(texts[a:b]) if text is None else text[a:b],
                x0s[a],
                rights[g],
                highest[g],
                lowest[g],
                size,
                b - a,
                lead,
                row_x0s if doubles else array("d", row_x0s),
                row_x1s if doubles else array("d", row_x1s),
                widest=widest[g],
            )
        )
    return lines


def _are_doubles(*columns: Sequence[float]) -> bool:
    """Whether every one of ``columns`` is an array of doubles (whose slices are too)."""
    return all(isinstance(column, array) and column.typecode == "d" for column in columns)


def _split_overlaps(
    group: _Glyphs, page: int, dedupe: float, settings: LayoutSettings
) -> list[Line]:
    """One or more lines from a vertical group sorted by x0, duplicates dropped: glyphs that
    overlap horizontally (text laid over text) are separated into further lines."""
    overlap, latin = settings.overlap_ratio, settings.latin_overlap_ratio
    chars = group.chars()
    rows: list[list[Char]] = [[chars[0]]]
    for k in range(1, len(chars)):
        char = chars[k]
        for row in rows:
            last = row[-1]
            if (
                char.text == last.text
                and abs(char.x0 - last.x0) <= dedupe
                and abs(char.top - last.top) <= dedupe
            ):
                break  # a duplicate: drop it
            width = char.x1 - char.x0
            last_width = last.x1 - last.x0
            ratio = latin if _latin(char.text) and _latin(last.text) else overlap
            if char.x0 >= last.x1 - ratio * (width if width < last_width else last_width):
                row.append(char)
                break
        else:
            rows.append([char])
    return [_line(_Glyphs.of(row)[0], page, settings) for row in rows]


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _one_clean_row(group: _Glyphs, dedupe: float, overlap: float, latin: float) -> bool:
    """Whether the glyph loop of :func:`_split_overlaps` would put every glyph of ``group``
    (sorted by x0) into one row and drop none.

    A glyph joins the row when it starts no more than ``overlap`` (30%) of the narrower width
    before its left neighbour ends (``latin`` between two Latin letters or digits); it is a
    duplicate when it repeats its neighbour's text within ``dedupe``.
    """
    texts, x0s, x1s, tops = group.texts, group.x0s, group.x1s, group.tops
    widths = list(map(operator.sub, x1s, x0s))
    narrower = map(min, widths, widths[1:])  # min(last_width, width), NaN as the loop does
    ratios = [
        latin if _latin(left) and _latin(right) else overlap
        for left, right in itertools.pairwise(texts)
    ]
    limits = map(operator.sub, x1s, map(operator.mul, ratios, narrower))
    if not all(map(operator.ge, x0s[1:], limits)):
        return False
    for k in itertools.compress(range(1, len(texts)), map(operator.eq, texts[1:], texts)):
        if abs(x0s[k] - x0s[k - 1]) <= dedupe and abs(tops[k] - tops[k - 1]) <= dedupe:
            return False
    return True


def _line(row: _Glyphs, page: int, settings: LayoutSettings) -> Line:
    """The :class:`Line` of one row of glyphs sorted left to right (any row)."""
    text = line_text(row.chars(), settings)
    x0s, x1s = _char_edges(text, row.texts, row.x0s, row.x1s)
    return Line(
        page,
        text,
        row.x0s[0],
        max(row.x1s),
        min(row.tops),
        max(row.bottoms),
        _dominant_size(row.sizes, settings.size_decimals),
        len(row.texts),
        _lead_width(row, settings.x_tolerance_ratio),
        array("d", x0s),
        array("d", x1s),
    )


def _char_edges(
    text: str, texts: Sequence[str], x0s: Sequence[float], x1s: Sequence[float]
) -> tuple[list[float], list[float]]:
    """Left and right edges of each character of ``text``, the glyphs ``texts`` joined with
    spaces put between some of them: a glyph of several characters is divided evenly, a space
    spans the gap between its neighbours."""
    if len(text) == len(texts) and all(texts) and text == "".join(texts):
        # one character a glyph and no space put between (most lines): each glyph's edges,
        # the right one worked out as the loop below works it out
        widths = [x1 - x0 for x0, x1 in zip(x0s, x1s, strict=True)]
        return [x0 + 0 * w for x0, w in zip(x0s, widths, strict=True)], list(
            map(operator.add, x0s, widths)
        )
    out0: list[float] = []
    out1: list[float] = []
    k = 0  # the next glyph
    position = 0
    while position < len(text):
        if k < len(texts) and text.startswith(texts[k], position) and texts[k]:
            width = (x1s[k] - x0s[k]) / len(texts[k])
            for n in range(len(texts[k])):
                out0.append(x0s[k] + n * width)
                out1.append(x0s[k] + (n + 1) * width)
            position += len(texts[k])
            k += 1
            continue
        left = x1s[k - 1] if k else (x0s[0] if x0s else 0.0)
        right = x0s[k] if k < len(x0s) else left
        out0.append(left)
        out1.append(max(left, right))
        position += 1
    return out0, out1


def _lead_width(row: _Glyphs, space: float, start: int = 0, end: int | None = None) -> float:
    """Width of the run of non-CJK glyphs ``row`` starts with (up to the first word gap, wider
    than ``space`` times the font size); of its glyphs ``start`` to ``end`` (a line of a
    page's glyphs, without slicing every column for it)."""
    texts, x0s, x1s, sizes = row.texts, row.x0s, row.x1s, row.sizes
    if not _spaceable_start(texts[start]):
        return 0.0
    right = x1s[start]
    for k in range(start + 1, len(texts) if end is None else end):
        if not _spaceable_start(texts[k]) or x0s[k] - x1s[k - 1] > space * sizes[k]:
            break
        right = x1s[k]
    return right - x0s[start]
