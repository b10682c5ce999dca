"""Page geometry → text: glyphs to lines, running headers and page numbers, lines to paragraphs.

Everything here works on plain data (:class:`~rectpipe.readers.pdf_chars.Char` and
:class:`Line`) and knows nothing of the PDF library that produced it.

Conventions: coordinates grow rightwards and downwards from the page's top-left corner, in
points; ``size`` is the font size of a line's most common glyph size; a line is *full* when it
reaches the body's right margin (less than one character short).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..runtime.record import record
from .pdf_chars import Char, CharColumns

__all__ = [
    "BodyMetrics",
    "Line",
    "Paragraph",
    "RemovedLine",
    "build_lines",
    "ends_sentence",
    "find_page_furniture",
    "is_cjk",
    "join_fragments",
    "line_text",
    "measure_body",
    "page_number_shape",
    "split_paragraphs",
]

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


@dataclass(slots=True)
class Line:
    """One visual line of text on a page: its joined text and geometry.

    ``glyphs`` is the number of glyphs, ``lead`` the width of the run of non-CJK glyphs the line
    starts with (its first Latin word or number; 0 when it starts with CJK). The glyphs
    themselves are not kept, so that a long document's lines stay small.
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

    @property
    def height(self) -> float:
        return self.bottom - self.top


def line_text(chars: Sequence[Char]) -> str:
    """The text of one line's glyphs (sorted left to right), with spaces only where they belong.

    A space is put between two glyphs only when neither is CJK and the gap is wider than a
    quarter of the font size (a word space), or when the gap is a column-like outlier: wider
    than 1.5 em and far wider than the line's usual letter spacing (so that letter-spaced and
    justified lines, whose gaps are all wide, get none).
    """
    if not chars:
        return ""
    parts = [chars[0].text]
    wide: list[tuple[int, float, float]] = []  # where a column-like gap might be
    prev = chars[0]
    for k in range(1, len(chars)):
        cur = chars[k]
        gap = cur.x0 - prev.x1
        if gap > 0.25 * prev.size or gap > 0.25 * cur.size:
            em = max(min(prev.size, cur.size), 1.0)
            if gap > 0.25 * em and _spaceable_start(prev.text[-1]) and _spaceable_start(cur.text):
                parts.append(" ")
            elif gap > 1.5 * em:
                wide.append((len(parts), gap, em))
        parts.append(cur.text)
        prev = cur
    if wide:
        gaps = [max(0.0, b.x0 - a.x1) for a, b in itertools.pairwise(chars)]
        usual = statistics.median(gaps)
        for position, gap, em in reversed(wide):
            if gap > 3 * usual + 0.5 * em:
                parts.insert(position, " ")
    return "".join(parts)


def _dominant_size(sizes: Sequence[float]) -> float:
    """The most common of ``sizes`` (rounded to 0.1 pt; the larger one on a tie)."""
    first = sizes[0]
    if all(size == first for size in sizes):
        return round(first, 1)
    counts = Counter(round(size, 1) for size in sizes)
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


@record
class _Glyphs:
    """Glyphs of ``source`` (those at ``index``) with their fields column by column:
    ``texts[k]`` is ``source[index[k]].text``.

    The line building works on columns: one C-level pass (``map``, ``all``, ``max``, a
    ``str.join``) per field over a whole page, or per field and line, instead of a Python loop
    reading every field of every glyph, which is several times slower. :class:`Char` values
    are only looked at where a line needs the glyph-by-glyph treatment. ``text`` is ``texts``
    joined when every glyph's text is one character (so that ``text[a:b]`` is the text of
    glyphs ``a`` to ``b``, without a join), else ``None``.
    """

    source: Sequence[Char]
    index: Sequence[int]
    texts: Sequence[str]
    x0s: Sequence[float]
    x1s: Sequence[float]
    tops: Sequence[float]
    bottoms: Sequence[float]
    sizes: Sequence[float]
    text: str | None = None

    @classmethod
    def of(cls, chars: Sequence[Char]) -> tuple[_Glyphs, Sequence[bool]]:
        """All of ``chars`` (at least one), and their ``upright`` flags.

        :class:`CharColumns` give their columns as they are; other glyphs are transposed in
        one ``zip``.
        """
        if isinstance(chars, CharColumns):
            columns = (chars.texts, chars.x0s, chars.x1s, chars.tops, chars.bottoms)
            glyphs = cls(chars, range(len(chars)), *columns, chars.sizes(), chars.characters)
            return glyphs, chars.uprights()
        texts, x0s, x1s, tops, bottoms, sizes, _, upright = zip(*chars, strict=True)
        return cls(chars, range(len(texts)), texts, x0s, x1s, tops, bottoms, sizes), upright

    def take(self, positions: Sequence[int]) -> _Glyphs:
        """The glyphs at ``positions`` (at least two), in that order."""
        get = operator.itemgetter(*positions)
        identity = self.index == range(len(self.index))  # as :meth:`of` gives: no lookup
        return _Glyphs(
            self.source,
            positions if identity else get(self.index),
            get(self.texts),
            get(self.x0s),
            get(self.x1s),
            get(self.tops),
            get(self.bottoms),
            get(self.sizes),
        )

    def slice(self, start: int, end: int) -> _Glyphs:
        """The glyphs ``start`` to ``end`` (excluded)."""
        return _Glyphs(
            self.source,
            self.index[start:end],
            self.texts[start:end],
            self.x0s[start:end],
            self.x1s[start:end],
            self.tops[start:end],
            self.bottoms[start:end],
            self.sizes[start:end],
            None if self.text is None else self.text[start:end],
        )

    def chars(self) -> list[Char]:
        """The glyphs as :class:`Char` values."""
        return list(map(self.source.__getitem__, self.index))


_BY_POSITION = operator.attrgetter("top", "x0")
_INF = math.inf


def build_lines(chars: Sequence[Char], page: int, dedupe: float = 1.0) -> list[Line]:
    """Visual lines of upright ``chars``, top to bottom; rotated glyphs are ignored.

    Glyphs are grouped by their vertical centre: a glyph joins a line when its centre lies within
    40% of the smaller of the two heights from the line's centre, so glyphs of different fonts on
    one baseline (whose boxes differ by a point or two) stay together, and superscripts mostly do.
    A glyph repeating its left neighbour's text within ``dedupe`` points horizontally and
    vertically is a duplicate (simulated bold draws glyphs two or three times) and is dropped.
    """
    if not chars:
        return []
    glyphs, upright = _Glyphs.of(chars)
    groups = _vertical_groups(glyphs.tops, glyphs.bottoms, upright)
    if not groups:
        return []
    order: list[int] = []
    starts = [0]
    for group in groups:
        group.sort(key=glyphs.x0s.__getitem__)
        order += group
        starts.append(len(order))
    lines = _lines(_in_order(glyphs, order), starts, page, dedupe)
    lines.sort(key=_BY_POSITION)
    return lines


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
    tops: Sequence[float], bottoms: Sequence[float], upright: Sequence[bool]
) -> list[list[int]]:
    """Indices of the upright glyphs of positive height, sorted by vertical centre and cut into
    lines (see :func:`build_lines`).

    Centres and heights are computed column-wise and the glyphs sorted as indices, so the one
    Python loop left per glyph is the grouping decision itself.
    """
    wanted: Iterable[bool] = map(operator.gt, bottoms, tops)
    if not all(upright):
        wanted = map(operator.and_, map(bool, upright), wanted)
    centres = list(map(operator.add, tops, bottoms))  # twice the centre: no division
    heights = list(map(operator.sub, bottoms, tops))
    order = sorted(itertools.compress(range(len(tops)), wanted), key=centres.__getitem__)
    starts: list[int] = []
    centre2 = height = 0.0
    for position, i in enumerate(order):
        mid2, h = centres[i], heights[i]
        if starts and abs(mid2 - centre2) <= 0.8 * (h if h < height else height):
            continue
        starts.append(position)
        centre2, height = mid2, h
    starts.append(len(order))
    return [order[a:b] for a, b in itertools.pairwise(starts)]


def _lines(glyphs: _Glyphs, starts: list[int], page: int, dedupe: float) -> list[Line]:
    """The lines of a page's ``glyphs``, grouped: line ``g`` is ``glyphs[starts[g]:starts[g+1]]``,
    sorted by x0.

    What :func:`_split_overlaps` would do glyph by glyph is decided for the whole page at once,
    by comparing every glyph with its left neighbour in a few column-wise passes: lines with no
    overlap, no wide gap and one font size (nearly all) are made straight from their columns;
    only the others take the slower paths. A line with repeated text (``常常``, ``……``) is
    looked at closer (:func:`_one_clean_row`) and, when none of it is a duplicate, made from
    its columns too.
    """
    texts, x0s, x1s, sizes = glyphs.texts, glyphs.x0s, glyphs.x1s, glyphs.sizes
    tops, bottoms, text = glyphs.tops, glyphs.bottoms, glyphs.text
    suspect, spaced, mixed = _line_flags(glyphs, starts)
    general = spaced | mixed  # spaces to place or sizes to count: :func:`_line`
    lines: list[Line] = []
    for g, (a, b) in enumerate(itertools.pairwise(starts)):
        if g in suspect and not _one_clean_row(glyphs.slice(a, b), dedupe):
            lines.extend(_split_overlaps(glyphs.slice(a, b), page, dedupe))
            continue
        if g in general:
            lines.append(_line(glyphs.slice(a, b), page))
            continue
        lead = _lead_width(glyphs.slice(a, b)) if _spaceable_start(texts[a]) else 0.0
        lines.append(
            Line(
                page,
                "".join(texts[a:b]) if text is None else text[a:b],
                x0s[a],
                max(x1s[a:b]),
                min(tops[a:b]),
                max(bottoms[a:b]),
                round(sizes[a], 1),
                b - a,
                lead,
            )
        )
    return lines


def _line_flags(glyphs: _Glyphs, starts: list[int]) -> tuple[set[int], set[int], set[int]]:
    """Lines (by number) that need a closer look, from page-wide neighbour comparisons:
    ``suspect`` may hold overlapping or duplicated glyphs (:func:`_one_clean_row` decides),
    ``spaced`` has a gap where :func:`line_text` may put a space, ``mixed`` has several font
    sizes (or a NaN one). Pairs of glyphs across a line boundary are ignored."""
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
    suspect |= _inner(itertools.compress(pairs, map(operator.eq, texts[1:], texts)), starts)
    if math.isnan(sum(sizes)):
        return suspect, *_size_flags_nan(gaps, sizes, starts)
    # A gap wider than a quarter of either size is wider than a quarter of the smallest size:
    # the few such gaps are then checked one by one.
    low = itertools.repeat(0.25 * min(sizes))
    candidates = itertools.compress(pairs, map(operator.gt, gaps, low))
    spaced = _inner(
        (
            k
            for k in candidates
            if gaps[k - 1] > 0.25 * sizes[k - 1] or gaps[k - 1] > 0.25 * sizes[k]
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
    gaps: list[float], sizes: Sequence[float], starts: list[int]
) -> tuple[set[int], set[int]]:
    """``spaced`` and ``mixed`` of :func:`_line_flags` on a page with NaN font sizes, where
    nothing can be told from the smallest size: every pair is compared as the loop would."""
    pairs = range(1, len(sizes))
    quarters = list(map(operator.mul, itertools.repeat(0.25), sizes))
    wide = map(operator.or_, map(operator.gt, gaps, quarters), map(operator.gt, gaps, quarters[1:]))
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


def _split_overlaps(group: _Glyphs, page: int, dedupe: float) -> list[Line]:
    """One or more lines from a vertical group sorted by x0, duplicates dropped: glyphs that
    overlap horizontally (text laid over text) are separated into further lines."""
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
            if char.x0 >= last.x1 - 0.3 * (width if width < last_width else last_width):
                row.append(char)
                break
        else:
            rows.append([char])
    return [_line(_Glyphs.of(row)[0], page) for row in rows]


def _one_clean_row(group: _Glyphs, dedupe: float) -> bool:
    """Whether the glyph loop of :func:`_split_overlaps` would put every glyph of ``group``
    (sorted by x0) into one row and drop none.

    A glyph joins the row when it starts no more than 30% of the narrower width before its left
    neighbour ends; it is a duplicate when it repeats its neighbour's text within ``dedupe``.
    """
    texts, x0s, x1s, tops = group.texts, group.x0s, group.x1s, group.tops
    widths = list(map(operator.sub, x1s, x0s))
    narrower = map(min, widths, widths[1:])  # min(last_width, width), NaN as the loop does
    limits = map(operator.sub, x1s, map(operator.mul, itertools.repeat(0.3), narrower))
    if not all(map(operator.ge, x0s[1:], limits)):
        return False
    for k in itertools.compress(range(1, len(texts)), map(operator.eq, texts[1:], texts)):
        if abs(x0s[k] - x0s[k - 1]) <= dedupe and abs(tops[k] - tops[k - 1]) <= dedupe:
            return False
    return True


def _line(row: _Glyphs, page: int) -> Line:
    """The :class:`Line` of one row of glyphs sorted left to right (any row)."""
    return Line(
        page,
        line_text(row.chars()),
        row.x0s[0],
        max(row.x1s),
        min(row.tops),
        max(row.bottoms),
        _dominant_size(row.sizes),
        len(row.texts),
        _lead_width(row),
    )


def _lead_width(row: _Glyphs) -> float:
    """Width of the run of non-CJK glyphs ``row`` starts with (up to the first word gap)."""
    texts, x0s, x1s, sizes = row.texts, row.x0s, row.x1s, row.sizes
    if not _spaceable_start(texts[0]):
        return 0.0
    end = x1s[0]
    for k in range(1, len(texts)):
        if not _spaceable_start(texts[k]) or x0s[k] - x1s[k - 1] > 0.25 * sizes[k]:
            break
        end = x1s[k]
    return end - x0s[0]


# --------------------------------------------------------------------------------------------
# running headers, footers and page numbers

_DASHES = "-‐‑‒–—―－~～·•*"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        [{_DASHES}]*\d{{1,4}}[{_DASHES}]*                      # 3, — 3 —, - 3 -
      | 第\d{{1,4}}页(?:[,，/／]?共\d{{1,4}}页)?             # 第3页, 第3页 共10页
      | 共\d{{1,4}}页[,，/／]?第\d{{1,4}}页                  # 共10页 第3页
      | \d{{1,4}}[/／]\d{{1,4}}                              # 3/10
      | (?:page|p\.)\d{{1,4}}(?:of\d{{1,4}})?                 # Page 3 of 10
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


_SPACES, _DIGITS = re.compile(r"\s+"), re.compile(r"\d+")


def page_number_shape(text: str) -> bool:
    """True when ``text`` (whitespace ignored) is shaped like a page number.

    Accepted: ``— 3 —``, ``- 3 -``, ``·3·``, ``第3页``, ``第 3 页 共 10 页``, ``共10页 第3页``,
    ``3/10``, ``Page 3 of 10`` and bare digits (up to four).
    """
    return bool(_PAGE_NUMBER.match(_SPACES.sub("", text)))


def _bare_digits(text: str) -> bool:
    return _SPACES.sub("", text).isdigit()


def _usual_pitch(pages: Sequence[Sequence[Line]]) -> float:
    """Median baseline-to-baseline distance of consecutive same-size lines (24 pt if none)."""
    pitches = [
        b.bottom - a.bottom
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if a.size == b.size and b.bottom > a.bottom
    ]
    return statistics.median(pitches) if pitches else 24.0


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
    band: float = 0.2,
) -> list[RemovedLine]:
    """Lines of ``pages`` that are running headers, footers or page numbers.

    Only the three lines nearest the top and the bottom edge, inside the top / bottom ``band``
    (a fraction of the page height), are candidates. A candidate is a page number when shaped
    like one (:func:`page_number_shape`); bare digits must in addition be the outermost line and
    recur as bare digits in the same band on at least half the pages (or the document is one
    page long). A candidate is a running header / footer when the same text, digits ignored,
    recurs near the same height (within 6 pt) on at least half the pages, and on at least two
    of them, and is set apart from the body: it belongs to the run of furniture lines at the
    page edge, which must end in a gap wider than 1.3 times the usual line pitch (so body text
    that happens to repeat at the top of every page stays). In a one-page document, where nothing
    can repeat, the outermost line counts as running text when its type is clearly smaller than
    the body's (under 80% of the median line size). ``lines`` of each page must be in
    top-to-bottom order, as :func:`build_lines` gives them. Returned in page order; an empty
    list when nothing qualifies.
    """
    n_pages = len(pages)
    candidates: list[tuple[int, int, str, float]] = []  # page index, line index, band, offset
    for p, lines in enumerate(pages):
        height = heights[p]
        top_ids = [i for i in range(min(3, len(lines))) if lines[i].bottom <= band * height]
        bottom_ids = [
            i
            for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1)
            if lines[i].top >= (1 - band) * height and i not in top_ids
        ]
        candidates += [(p, i, "top", lines[i].top) for i in top_ids]
        candidates += [(p, i, "bottom", height - lines[i].bottom) for i in bottom_ids]

    quorum = max(2, math.ceil(n_pages / 2))
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
    running: dict[tuple[int, int], str] = {}
    for (where, _key), members in groups.items():
        middle = statistics.median(offset for _, _, offset in members)
        near = [(p, i) for p, i, offset in members if abs(offset - middle) <= 6.0]
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
        for p, i, where, _ in candidates:
            outermost = i == 0 if where == "top" else i == len(lines) - 1
            if outermost and (p, i) not in removed and lines[i].size < 0.8 * body_size:
                running[(p, i)] = "running_header" if where == "top" else "running_footer"

    # Repeated text is furniture only when set apart from the body: walking from the page edge
    # inwards, the furniture block is the run of repeated / page-number lines up to the first
    # gap wider than the usual line pitch, and the body must begin after such a gap.
    pitch = _usual_pitch(pages)
    for p, lines in enumerate(pages):
        for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
            block: list[int] = []
            separated = True
            for i in order:
                if block and abs(lines[i].bottom - lines[block[-1]].bottom) > 1.3 * pitch:
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


# --------------------------------------------------------------------------------------------
# body metrics


@dataclass(frozen=True, slots=True)
class BodyMetrics:
    """The body text's geometry: margins, font size and line pitch (baseline to baseline / size)."""

    left: float
    right: float
    size: float
    pitch_ratio: float


def _cluster_groups(values: Sequence[float], tolerance: float) -> list[list[float]]:
    """Sorted ``values`` cut into runs whose neighbours lie within ``tolerance``."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def _cluster_mode(values: Sequence[float], tolerance: float) -> list[tuple[float, int]]:
    """``(centre, count)`` of 1-D clusters of ``values`` (neighbours within ``tolerance``)."""
    return [(statistics.median(g), len(g)) for g in _cluster_groups(values, tolerance)]


def measure_body(pages: Sequence[Sequence[Line]], page_width: float) -> BodyMetrics:
    """Body geometry from the lines of all pages (page furniture already removed).

    The body size is the most common line size (by glyph count). Among body-size lines, the left
    margin is the leftmost x0 cluster (of two lines at least, when there are 20 or more); the right
    margin is where most lines end among those ending within 2.5 em of the largest x1 (its 98th
    percentile): the biggest x1 cluster there, so lines with punctuation hanging into the margin
    do not move it; when hardly any line supports it (short documents of short lines), the
    margins are taken as even (``page_width - left``). With no lines the page edges are returned.
    """
    all_lines = [ln for lines in pages for ln in lines]
    if not all_lines:
        return BodyMetrics(0.0, page_width, 12.0, 1.2)
    weight: Counter[float] = Counter()
    for ln in all_lines:
        weight[ln.size] += ln.glyphs
    size = max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0]
    body = [ln for ln in all_lines if abs(ln.size - size) <= 0.15 * size] or all_lines
    clusters = _cluster_mode([ln.x0 for ln in body], 1.5)
    need = 2 if len(body) >= 20 else 1
    left = next((c for c, n in clusters if n >= need), min(ln.x0 for ln in body))
    ends = sorted(ln.x1 for ln in body)
    top_end = ends[min(len(ends) - 1, int(0.98 * len(ends)))]
    near_end = _cluster_groups([x for x in ends if x >= top_end - 2.5 * size], 1.0)
    fullest = max(near_end, key=lambda g: (len(g), g[-1]))
    right = fullest[int(0.9 * (len(fullest) - 1))]
    if len(fullest) < 2 or len(fullest) < 0.05 * len(body):
        right = max(right, page_width - left)  # no full lines to go by: assume even margins
    ratios = []
    for lines in pages:
        for a, b in itertools.pairwise(lines):
            if a.size == b.size == size and 0 < b.bottom - a.bottom < 3 * size:
                ratios.append((b.bottom - a.bottom) / size)
    pitch = statistics.median(ratios) if ratios else 1.5
    return BodyMetrics(left=left, right=max(right, left + size), size=size, pitch_ratio=pitch)


# --------------------------------------------------------------------------------------------
# paragraphs

_SENTENCE_END = "。！？；：!?;:"
_CLOSERS = "”’」』）)】》\"'"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with 。！？；： (or their ASCII forms), closing quotes aside."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def join_fragments(parts: Sequence[str]) -> str:
    """Wrapped line texts joined into one: no space unless both sides are Latin letters/digits.

    A space is kept between two non-CJK characters (``of`` / ``the``), dropped when either side
    is CJK (Han, CJK punctuation, full-width forms), and never doubled. No space either after a
    line ending in a joiner (``0766-`` / ``2813069``, ``http://`` / ``www``, ``163.`` / ``com``)
    or before a line starting with one: such breaks fall inside numbers, addresses and URLs.
    """
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if (
            out
            and _spaceable_start(out[-1])
            and _spaceable_start(part[0])
            and out[-1] not in _JOINERS
            and part[0] not in _JOINERS
        ):
            out += " "
        out += part
    return out


_JOINERS = frozenset("-‐‑–/\\_@.:=&?#~%+")


@dataclass(slots=True)
class Paragraph:
    """Lines making one paragraph; ``lines[0]`` is its first line (page, indent, bbox)."""

    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_fragments([ln.text for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page

    def bbox(self) -> tuple[float, float, float, float]:
        """Bounding box of the paragraph's lines on its first page."""
        page = self.lines[0].page
        first = [ln for ln in self.lines if ln.page == page]
        return (
            min(map(_LINE_X0, first)),
            min(map(_LINE_TOP, first)),
            max(map(_LINE_X1, first)),
            max(map(_LINE_BOTTOM, first)),
        )


_LINE_X0, _LINE_X1 = operator.attrgetter("x0"), operator.attrgetter("x1")
_LINE_TOP, _LINE_BOTTOM = operator.attrgetter("top"), operator.attrgetter("bottom")


class _Splitter:
    """The line-by-line decision of :func:`split_paragraphs` (kept as a class for its state)."""

    def __init__(self, metrics: BodyMetrics) -> None:
        self.m = metrics

    def full(self, line: Line) -> bool:
        return line.x1 >= self.m.right - 1.0 * line.size

    def indented(self, line: Line) -> bool:
        return line.x0 - self.m.left > 0.5 * line.size

    def wrapped_short(self, prev: Line, line: Line) -> bool:
        """A line that ended short only because what follows did not fit: a Latin word (or
        number) wrapped whole, or a CJK line pushed back by line-breaking rules (< 2.2 em)."""
        if ends_sentence(prev.text):
            return False
        room = self.m.right - prev.x1
        if _spaceable_start(prev.text[-1]) and _spaceable_start(line.text[0]):
            return room < line.lead + 0.5 * line.size
        return room < 2.2 * prev.size

    def centred(self, line: Line) -> bool:
        gap_left, gap_right = line.x0 - self.m.left, self.m.right - line.x1
        return gap_left > 0.5 * line.size and abs(gap_left - gap_right) <= line.size

    def continues(self, para: Paragraph, prev: Line, line: Line, after: Line | None) -> bool:
        """Whether ``line`` continues ``para`` (whose last line is ``prev``)."""
        m = self.m
        size = max(prev.size, line.size)
        if abs(prev.size - line.size) > 0.15 * size:
            return False
        if line.page == prev.page:
            pitch = line.bottom - prev.bottom
            if pitch <= 0 or pitch > 1.4 * m.pitch_ratio * size:
                return False
        if not self.indented(line) and (self.full(prev) or self.wrapped_short(prev, line)):
            return True
        if not self.full(prev):
            return False
        # ``line`` starts right of the margin after a full line: a new indented paragraph,
        # unless it continues a block-indented / hanging paragraph or a wrapped centred title.
        if len(para.lines) >= 2 and abs(line.x0 - para.lines[1].x0) <= 1.0:
            return True
        if len(para.lines) == 1 and line.page == prev.page:
            hanging = (
                after is not None
                and after.page == line.page
                and abs(after.x0 - line.x0) <= 1.0
                and self.full(line)
                and line.x0 > prev.x0 + 0.5 * line.size
            )
            if hanging:
                return True
            wrapped_title = (
                self.centred(line)
                and not ends_sentence(prev.text)
                and (prev.x0 - m.left > 1.0 or line.size > 1.1 * m.size)
            )
            if wrapped_title:
                return True
        return False


def split_paragraphs(lines: Sequence[Line], metrics: BodyMetrics) -> list[Paragraph]:
    """``lines`` (body lines in reading order, across pages) grouped into paragraphs.

    A line continues the current paragraph when it has the same size, follows at the usual line
    pitch (any pitch across a page break), the previous line is full, and it is not indented —
    or it lines up with the paragraph's second line (block indents, hanging indents), or it
    continues a wrapped centred title. Otherwise it starts a new paragraph: after a line that
    ended short of the right margin, at an indented line, after a larger vertical gap, or at a
    size change. What a line begins with (``(一期)``, ``3.5万元``, ``（二）``) is never looked at.
    """
    splitter = _Splitter(metrics)
    paragraphs: list[Paragraph] = []
    for k, line in enumerate(lines):
        after = lines[k + 1] if k + 1 < len(lines) else None
        if paragraphs and splitter.continues(paragraphs[-1], paragraphs[-1].lines[-1], line, after):
            paragraphs[-1].lines.append(line)
        else:
            paragraphs.append(Paragraph([line]))
    return paragraphs
