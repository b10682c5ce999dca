"""Internal: the body text's geometry, and body lines grouped into paragraphs.

Margins, font size and line pitch are measured over the whole document (furniture removed);
a line then continues the paragraph above it or starts a new one by its size, pitch, indent and
whether the line before it reached the right margin. A line is *full* when it reaches the
body's right margin (less than one character short).
"""

from __future__ import annotations

import itertools
import operator
import statistics
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ...runtime.patterns import compile_re
from ...runtime.record import field, record
from ..blocks import Geometry
from .lines import Line, _spaceable_start
from .settings import DEFAULT_SETTINGS, LayoutSettings

__all__ = [
    "BodyMetrics",
    "Paragraph",
    "ends_sentence",
    "iter_paragraphs",
    "join_fragments",
    "measure_body",
    "split_paragraphs",
]

# --------------------------------------------------------------------------------------------
# body metrics


@record
class BodyMetrics:
    """The body text's geometry: margins, font size and line pitch (baseline to baseline / size)."""

    left: float
    right: float
    size: float
    pitch_ratio: float
    #: where a paragraph set apart by spacing starts, in em of line pitch: halfway between the
    #: pitch inside a paragraph and the pitch between paragraphs; ``None`` when the document
    #: sets none apart so (see ``LayoutSettings.paragraph_spacing_ratio``)
    spacing_ratio: float | None = None


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


def measure_body(
    pages: Sequence[Sequence[Line]],
    page_width: float,
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> BodyMetrics:
    """Body geometry from the lines of all pages (page furniture already removed).

    The body size is the most common line size (by glyph count). Among body-size lines, the left
    margin is the leftmost x0 cluster (of two lines at least, when there are 20 or more); the right
    margin is where most lines end among those ending within 2.5 em of the largest x1 (its 98th
    percentile): the biggest x1 cluster there, so lines with punctuation hanging into the margin
    do not move it; when hardly any line supports it (short documents of short lines), the
    margins are taken as even (``page_width - left``). With no lines the page edges are returned.
    The numbers are the defaults of ``settings`` (its body-metrics fields).
    """
    s = settings
    all_lines = [ln for lines in pages for ln in lines]
    if not all_lines:
        return BodyMetrics(0.0, page_width, s.empty_body_size, s.empty_body_pitch_ratio)
    weight: Counter[float] = Counter()
    for ln in all_lines:
        weight[ln.size] += ln.glyphs
    size = max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0]
    same = s.size_tolerance_ratio * size
    body = [ln for ln in all_lines if abs(ln.size - size) <= same] or all_lines
    clusters = _cluster_mode([ln.x0 for ln in body], s.left_margin_tolerance)
    need = s.left_margin_support if len(body) >= s.left_margin_support_lines else 1
    left = next((c for c, n in clusters if n >= need), min(ln.x0 for ln in body))
    ends = sorted(ln.x1 for ln in body)
    top_end = ends[min(len(ends) - 1, int(s.right_margin_percentile * len(ends)))]
    window = top_end - s.right_margin_window * size
    near_end = _cluster_groups([x for x in ends if x >= window], s.right_margin_tolerance)
    fullest = max(near_end, key=lambda g: (len(g), g[-1]))
    right = fullest[int(s.right_margin_quantile * (len(fullest) - 1))]
    supported = len(fullest) >= s.right_margin_min_lines
    if not supported or len(fullest) < s.right_margin_min_share * len(body):
        right = max(right, page_width - left)  # no full lines to go by: assume even margins
    ratios = []
    longest = s.max_pitch_ratio * size
    for lines in pages:
        for a, b in itertools.pairwise(lines):
            if a.size == b.size == size and 0 < b.bottom - a.bottom < longest:
                ratios.append((b.bottom - a.bottom) / size)
    pitch = statistics.median(ratios) if ratios else s.fallback_pitch_ratio
    right = max(right, left + size)
    return BodyMetrics(
        left=left,
        right=right,
        size=size,
        pitch_ratio=pitch,
        spacing_ratio=_spacing_ratio(pages, left, right, size, s),
    )


def _spacing_ratio(
    pages: Sequence[Sequence[Line]], left: float, right: float, size: float, s: LayoutSettings
) -> float | None:
    """Halfway between the pitch inside a paragraph (after a full body line broken mid-sentence,
    the next at the margin) and the pitch between paragraphs (after a short body line at a
    sentence's end), in em, when the second is ``s.paragraph_spacing_ratio`` times the first or
    more; else ``None``."""
    inner: list[float] = []
    between: list[float] = []
    full_from = right - s.full_line_tolerance * size
    longest = s.max_pitch_ratio * size * s.paragraph_gap_ratio
    same = s.size_tolerance_ratio * size
    for lines in pages:
        for a, b in itertools.pairwise(lines):
            pitch = b.bottom - a.bottom
            if abs(a.size - size) > same or abs(b.size - size) > same or not 0 < pitch < longest:
                continue
            if a.x1 >= full_from:
                if b.x0 - left <= s.indent_ratio * size and not ends_sentence(a.text):
                    inner.append(pitch / size)
            elif ends_sentence(a.text):
                between.append(pitch / size)
    if len(inner) < s.paragraph_spacing_pairs or len(between) < s.paragraph_spacing_pairs:
        return None
    inside, apart = statistics.median(inner), statistics.median(between)
    if apart < s.paragraph_spacing_ratio * inside:
        return None
    return (inside + apart) / 2


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


@record(frozen=False)
class Paragraph:
    """Lines making one paragraph; ``lines[0]`` is its first line (page, indent, bbox)."""

    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_fragments([ln.text for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page

    def geometry(self) -> Geometry:
        """Where each character of :attr:`text` lies: one row per line, joined as
        :func:`join_fragments` joins them (a space put between two lines belongs to the row
        before it and spans nothing)."""
        text = ""
        starts: list[int] = []
        pages: list[int] = []
        tops: list[float] = []
        bottoms: list[float] = []
        x0s = array("d")
        x1s = array("d")
        for line in self.lines:
            raw = line.text
            part = raw.strip()
            if not part:
                continue
            if (
                text
                and _spaceable_start(text[-1])
                and _spaceable_start(part[0])
                and text[-1] not in _JOINERS
                and part[0] not in _JOINERS
            ):
                text += " "
                x0s.append(x1s[-1])
                x1s.append(x1s[-1])
            edges0, edges1 = line.edges()
            starts.append(len(text))
            pages.append(line.page)
            tops.append(line.top)
            bottoms.append(line.bottom)
            text += part
            if part is raw:  # nothing stripped (nearly every line): all of its edges
                x0s.extend(edges0)
                x1s.extend(edges1)
                continue
            lead = len(raw) - len(raw.lstrip())
            x0s.extend(edges0[lead : lead + len(part)])
            x1s.extend(edges1[lead : lead + len(part)])
        starts.append(len(text))
        return Geometry(text, starts, pages, tops, bottoms, x0s, x1s)

    def confidence(self) -> float | None:
        """The lowest OCR score of the paragraph's lines (``None``: none was recognised)."""
        scores = [ln.score for ln in self.lines if ln.score is not None]
        return round(min(scores), 3) if scores else None

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

    def __init__(self, metrics: BodyMetrics, settings: LayoutSettings) -> None:
        self.m = metrics
        self.s = settings

    def full(self, line: Line) -> bool:
        return line.x1 >= self.m.right - self.s.full_line_tolerance * line.size

    def indented(self, line: Line) -> bool:
        return line.x0 - self.m.left > self.s.indent_ratio * line.size

    def flush_right(self, line: Line) -> bool:
        """A short line set flush right or far right (a signature, its date)."""
        width = self.m.right - self.m.left
        return line.x0 - self.m.left > self.s.right_aligned_ratio * width

    def wrapped_short(self, prev: Line, line: Line) -> bool:
        """A line that ended short only because what follows did not fit: a Latin word (or
        number) wrapped whole, or a CJK line pushed back by line-breaking rules (< 2.2 em)."""
        if ends_sentence(prev.text):
            return False
        room = self.m.right - prev.x1
        fits = line.lead + self.s.wrap_word_slack * line.size
        if _spaceable_start(prev.text[-1]) and _spaceable_start(line.text[0]):
            return room < fits
        if _spaceable_start(line.text[0]) and line.lead > 0 and room < fits:
            return True  # 涉及资金 / 136520.45万元: a number after CJK did not fit, unbroken
        return room < self.s.cjk_wrap_ratio * prev.size

    def centred(self, line: Line) -> bool:
        gap_left, gap_right = line.x0 - self.m.left, self.m.right - line.x1
        return (
            gap_left > self.s.indent_ratio * line.size
            and abs(gap_left - gap_right) <= self.s.centred_tolerance * line.size
        )

    def continues(self, para: Paragraph, prev: Line, line: Line, after: Line | None) -> bool:
        """Whether ``line`` continues ``para`` (whose last line is ``prev``)."""
        m, s = self.m, self.s
        size = max(prev.size, line.size)
        if abs(prev.size - line.size) > s.size_tolerance_ratio * size:
            return False
        if self.flush_right(prev) and not self.flush_right(line):
            return False  # 苍濑县统计局 / 2025年5月8日 above a page's 附件
        if _DATE_ALONE.fullmatch(line.text.strip()):
            return False  # a signature's date under a full line (…@qinghe.cn / 2024年6月12日)
        if _ANNEX_LABEL.fullmatch(line.text.strip()):
            return False  # 附件 alone atop the next page, under a line that runs to the margin
        if line.page == prev.page:
            pitch = line.bottom - prev.bottom
            if pitch <= 0 or pitch > s.paragraph_gap_ratio * m.pitch_ratio * size:
                return False
        if (
            m.spacing_ratio is not None
            and line.page == prev.page
            and ends_sentence(prev.text)
            and line.bottom - prev.bottom > m.spacing_ratio * size
        ):
            return False  # a full line at a sentence's end, then a paragraph's spacing
        if not self.indented(line) and (self.full(prev) or self.wrapped_short(prev, line)):
            return True
        if not self.full(prev):
            return False
        # ``line`` starts right of the margin after a full line: a new indented paragraph,
        # unless it continues a block-indented / hanging paragraph or a wrapped centred title.
        if len(para.lines) >= 2 and abs(line.x0 - para.lines[1].x0) <= s.align_tolerance:
            return True
        if len(para.lines) == 1 and line.page == prev.page:
            hanging = (
                after is not None
                and after.page == line.page
                and abs(after.x0 - line.x0) <= s.align_tolerance
                and self.full(line)
                and line.x0 > prev.x0 + s.indent_ratio * line.size
            )
            if hanging:
                return True
        # a wrapped centred title, its last line centred under one full line or more (a title
        # in title type over three lines: 20 + 20 + the rest)
        titled = len(para.lines) == 1 or all(
            other.size > s.title_size_ratio * m.size for other in para.lines
        )
        if titled and line.page == prev.page:
            wrapped_title = (
                self.centred(line)
                and not ends_sentence(prev.text)
                and (
                    prev.x0 - m.left > s.align_tolerance or line.size > s.title_size_ratio * m.size
                )
            )
            if wrapped_title:
                return True
        return False


# A date alone on a line, as a signature writes it (2024年6月12日, 二〇二四年六月十二日): a line of
# its own, never the end of a wrapped sentence.
_DATE_ALONE = compile_re(
    r"[（(]?\s*(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
    r"\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*[）)]?"
)
# An annex's label alone on its line (附件, 附件2：): it opens the annex, whatever ends above it.
_ANNEX_LABEL = compile_re(r"附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?")


def split_paragraphs(
    lines: Sequence[Line],
    metrics: BodyMetrics,
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> list[Paragraph]:
    """``lines`` (body lines in reading order, across pages) grouped into paragraphs.

    A line continues the current paragraph when it has the same size, follows at the usual line
    pitch (any pitch across a page break), the previous line is full, and it is not indented —
    or it lines up with the paragraph's second line (block indents, hanging indents), or it
    continues a wrapped centred title. Otherwise it starts a new paragraph: after a line that
    ended short of the right margin, at an indented line, after a larger vertical gap, or at a
    size change. What a line begins with (``(一期)``, ``3.5万元``, ``（二）``) is never looked at.
    The thresholds are those of ``settings`` (its paragraph fields).
    """
    return list(iter_paragraphs(lines, metrics, settings=settings))


def iter_paragraphs(
    lines: Iterable[Line],
    metrics: BodyMetrics,
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> Iterator[Paragraph]:
    """The paragraphs of :func:`split_paragraphs`, each given as soon as the line after it is
    known (a line is judged with the one after it), so that a reader can let go of the lines
    of a paragraph it has built while later ones are still to come."""
    splitter = _Splitter(metrics, settings)
    current: Paragraph | None = None
    following = iter(lines)
    line = next(following, None)
    while line is not None:
        after = next(following, None)
        if current is not None and splitter.continues(current, current.lines[-1], line, after):
            current.lines.append(line)
        else:
            if current is not None:
                yield current
            current = Paragraph([line])
        line = after
    if current is not None:
        yield current
