"""Page geometry → text: glyphs to lines, running headers and page numbers, lines to paragraphs.

Everything here works on plain data (:class:`~rectpipe.readers.pdf_chars.Char` and
:class:`Line`) and knows nothing of the PDF library that produced it.

Conventions: coordinates grow rightwards and downwards from the page's top-left corner, in
points; ``size`` is the font size of a line's most common glyph size; a line is *full* when it
reaches the body's right margin (less than one character short).
"""

from __future__ import annotations

import itertools
import math
import operator
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .pdf_chars import Char

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
            if gap > 0.25 * em and _spaceable(prev.text[-1]) and _spaceable(cur.text[0]):
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


def _dominant_size(chars: Sequence[Char]) -> float:
    first = chars[0].size
    if all(c.size == first for c in chars):
        return round(first, 1)
    sizes = Counter(round(c.size, 1) for c in chars)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]


_X1, _TOP, _BOTTOM = operator.itemgetter(2), operator.itemgetter(3), operator.itemgetter(4)


def _centre2(char: Char) -> float:
    return char.top + char.bottom


def _left(char: Char) -> float:
    return char.x0


def build_lines(chars: Sequence[Char], page: int, dedupe: float = 1.0) -> list[Line]:
    """Visual lines of upright ``chars``, top to bottom; rotated glyphs are ignored.

    Glyphs are grouped by their vertical centre: a glyph joins a line when its centre lies within
    40% of the smaller of the two heights from the line's centre, so glyphs of different fonts on
    one baseline (whose boxes differ by a point or two) stay together, and superscripts mostly do.
    A glyph repeating its left neighbour's text within ``dedupe`` points horizontally and
    vertically is a duplicate (simulated bold draws glyphs two or three times) and is dropped.
    """
    upright = [c for c in chars if c.upright and c.bottom > c.top]
    upright.sort(key=_centre2)
    groups: list[list[Char]] = []
    centre2 = height = 0.0
    for char in upright:
        mid2, h = char.top + char.bottom, char.bottom - char.top
        if groups and abs(mid2 - centre2) <= 0.8 * (h if h < height else height):
            groups[-1].append(char)
            continue
        groups.append([char])
        centre2, height = mid2, h
    lines: list[Line] = []
    for group in groups:
        group.sort(key=_left)
        lines.extend(_split_overlaps(group, page, dedupe))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _split_overlaps(group: list[Char], page: int, dedupe: float) -> list[Line]:
    """One or more lines from a vertical group sorted by x0, duplicates dropped: glyphs that
    overlap horizontally (text laid over text) are separated into further lines."""
    rows: list[list[Char]] = [[group[0]]]
    for k in range(1, len(group)):
        char = group[k]
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
    return [
        Line(
            page=page,
            text=line_text(row),
            x0=row[0].x0,
            x1=max(map(_X1, row)),
            top=min(map(_TOP, row)),
            bottom=max(map(_BOTTOM, row)),
            size=_dominant_size(row),
            glyphs=len(row),
            lead=_lead_width(row),
        )
        for row in rows
    ]


def _lead_width(chars: Sequence[Char]) -> float:
    """Width of the run of non-CJK glyphs ``chars`` start with (up to the first word gap)."""
    if not _spaceable(chars[0].text[0]):
        return 0.0
    end = chars[0].x1
    for a, b in itertools.pairwise(chars):
        if not _spaceable(b.text[0]) or b.x0 - a.x1 > 0.25 * b.size:
            break
        end = b.x1
    return end - chars[0].x0


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


def page_number_shape(text: str) -> bool:
    """True when ``text`` (whitespace ignored) is shaped like a page number.

    Accepted: ``— 3 —``, ``- 3 -``, ``·3·``, ``第3页``, ``第 3 页 共 10 页``, ``共10页 第3页``,
    ``3/10``, ``Page 3 of 10`` and bare digits (up to four).
    """
    return bool(_PAGE_NUMBER.match(re.sub(r"\s+", "", text)))


def _bare_digits(text: str) -> bool:
    return re.sub(r"\s+", "", text).isdigit()


def _usual_pitch(pages: Sequence[Sequence[Line]]) -> float:
    """Median baseline-to-baseline distance of consecutive same-size lines (24 pt if none)."""
    pitches = [
        b.bottom - a.bottom
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if a.size == b.size and b.bottom > a.bottom
    ]
    return statistics.median(pitches) if pitches else 24.0


@dataclass(frozen=True, slots=True)
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
        key = re.sub(r"\d+", "#", re.sub(r"\s+", "", pages[p][i].text))
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
            and _spaceable(out[-1])
            and _spaceable(part[0])
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
        first = [ln for ln in self.lines if ln.page == self.page]
        return (
            min(ln.x0 for ln in first),
            min(ln.top for ln in first),
            max(ln.x1 for ln in first),
            max(ln.bottom for ln in first),
        )


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
        if _spaceable(prev.text[-1]) and _spaceable(line.text[0]):
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
