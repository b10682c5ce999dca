"""Paragraphs of a hard-wrapped copy put back together.

A report's text copied out of a PDF (a viewer's copy, ``pdftotext``, a portal that pasted
either) keeps every printed line as a line of its own: paragraphs are cut every so many
characters, a heading's title runs on to the next line, and a wrapped line may even open
with what looks like a marker (``2.5万元``). Read line by line, such a copy loses titles,
statuses and measures.

A copy is taken as hard-wrapped when its lines were cut at one width ``W`` (at least
:data:`MIN_WRAP_WIDTH`): at least :data:`MIN_FULL_LINES` lines, and :data:`MIN_FULL_SHARE` of
the lines at least :data:`MIN_WIDTH` wide, are within :data:`WIDTH_TOLERANCE` of ``W``; almost
no line (:data:`MAX_OVER_SHARE`) is wider; and most of those full lines
(:data:`MIN_CUT_SHARE`) stop inside a sentence (a line that ends with ， or 、 was cut: no
paragraph ends so), where a copy whose lines are its paragraphs ends nearly every long line
with 。 or ；. Widths count a full-width character as one em and a
half-width one as half (:func:`em_width`), as the page set them.

Then a line joins the one before it when that one is full (within :data:`FULL_SLACK` of
``W``), unless the line opens a paragraph:

- a blank line stands before it, or it is indented deeper than the copy's full lines;
- it opens with a field label (``整改措施：``, ``责任单位：``: the profile's, when given),
  outside any open bracket;
- it opens with a marker after a finished sentence (。！？), or after a heading line of its own
  (``（三）…方面的问题（共2个）`` then ``7.…``); after ``；`` or ``：`` it runs on, as an
  enumeration inside a paragraph does;
- it is short and without closing punctuation after a finished sentence (a heading);
- it opens with a tag in square brackets (``【整改情况】``) after a finished sentence of a
  paragraph that opened with one (``【问题】…。``): a tag inside a paragraph's text
  (``…活动6次。【整改进展】已完成。``) still runs on when the paragraph had none;
- it follows a title: a paragraph so far without punctuation that ends as a report's title
  does (``…整改进展情况的通报``, ``…情况报告``), so a page line, a salutation
  (``县人民政府：``) or the first sentence under a title as wide as the copy's lines is no
  wrapped part of it;
- it is a signature's date, alone or after a name and blanks (``XX局　　2025年3月5日``), after
  a line that ends no clause (a contact line's phone number).

Lines join without a blank, so an e-mail address or a figure cut at a line's end is whole
again. Nothing else is touched: a copy whose lines are its paragraphs, a table, a block that
carries page geometry (a PDF's own paragraphs) stay as they are.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..readers.blocks import Block, BlockKind
from ..runtime.patterns import compile_pattern, compile_re
from ..runtime.record import replace
from .bars import is_bar_row
from .dates import DATE
from .furniture import is_furniture
from .line_breaks import WHOLE_TITLE
from .numbering import match_marker

__all__ = [
    "FULL_SLACK",
    "MAX_OVER_SHARE",
    "MIN_BLANK_SHARE",
    "MIN_CUT_SHARE",
    "MIN_FULL_LINES",
    "MIN_FULL_SHARE",
    "MIN_WIDTH",
    "MIN_WRAP_WIDTH",
    "WIDTH_TOLERANCE",
    "em_width",
    "join_hard_wraps",
    "wrap_width",
]

#: Lines narrower than this (in em) are never counted when the width is looked for (a title,
#: a date line, a table's cell copied on its line).
MIN_WIDTH = 14.0
#: The narrowest width a copy is taken to be cut at (a page's text column is wider).
MIN_WRAP_WIDTH = 20.0
#: How far (em) a full line may be from the copy's width: a line takes one more closing mark
#: or gives one character to the next (line-breaking rules), and half-width figures round.
WIDTH_TOLERANCE = 1.0
#: Full lines a hard-wrapped copy has at least (three are too few: a short report's title,
#: subtitle and first item can be as wide as one another).
MIN_FULL_LINES = 4
#: Share of the lines at least :data:`MIN_WIDTH` wide that are full (0.25 before a short copy
#: at 40 em, whose paragraphs leave many lines between 30 and 39 em, had 23 % of them full).
MIN_FULL_SHARE = 0.2
#: Share of the full lines cut inside a sentence (not ending as a paragraph may: a line that
#: ends with ， or 、 was cut, as a closing mark hangs at a printed line's end): a copy whose
#: lines are its paragraphs ends nearly every long line with 。 or ；.
MIN_CUT_SHARE = 0.5
#: Share of the lines after a blank line in a copy whose paragraphs stand apart by blank
#: lines (each paragraph's first line, of two or three).
MIN_BLANK_SHARE = 0.3
#: Share of the lines that may be wider than the width (a URL, a table row copied whole).
MAX_OVER_SHARE = 0.05
#: How far below the width (em) a line still counts as full when joining: a line may end
#: early where a word or figure did not fit.
FULL_SLACK = 2.0

_SENTENCE_END = frozenset("。！？!?")
_CLAUSE_END = frozenset("。！？!?；;：:，,、")
#: What a paragraph may end with: never a comma or an enumeration comma.
_PARAGRAPH_END = frozenset("。！？!?；;：:")
_CLOSERS = frozenset("”’」』）)》〕】")
_OPENING, _CLOSING = "（(【〔", "）)】〕"
#: A label opening a line: 整改措施： 责任单位: (two to eight Han characters and a colon).
_LABEL = compile_pattern(r"\p{Han}{2,8}[：:]")
_BLANKS = " \t\u3000\xa0\ufeff"
#: A tag in square brackets opening a paragraph (【问题】, 【整改情况】).
_TAG = compile_pattern(r"【\p{Han}{2,8}】")
#: A bullet opening a line (an index box's • 效力状态：…, - 文号：…): no wrapped line opens so.
_BULLET = compile_pattern(r"[•▪◆■●►]|-[ \t]")
#: A signature's date line: a full date alone, or after a name and blanks.
_SIGNED = compile_pattern(rf"(?:\p{{Han}}{{2,40}}[{_BLANKS}]+)?(?:{DATE.pattern})(?<=[日号])")
_NARROW = compile_re("[\u0000-\u1fff]")  # half-width: stdlib re, one scan in C


def em_width(text: str) -> float:
    """``text``'s width in em as printed: one for a full-width character (Han, full-width
    forms, CJK and general punctuation), half for the rest."""
    if text.isascii():
        return len(text) / 2
    narrow = len(text) - len(_NARROW.sub("", text))
    return len(text) - narrow / 2


def _last_mark(text: str) -> str:
    """The last character of ``text`` before closing quotes and brackets ("" when none)."""
    stripped = text.rstrip(_BLANKS)
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return stripped[-1:]


def _ends_sentence(text: str) -> bool:
    return _last_mark(text) in _SENTENCE_END and bool(_last_mark(text))


def _ends_clause(text: str) -> bool:
    return _last_mark(text) in _CLAUSE_END and bool(_last_mark(text))


def _may_end_paragraph(text: str) -> bool:
    return _last_mark(text) in _PARAGRAPH_END and bool(_last_mark(text))


def _depth(text: str) -> int:
    """Brackets opened in ``text`` and not closed."""
    return sum(1 for c in text if c in _OPENING) - sum(1 for c in text if c in _CLOSING)


def _eligible(block: Block) -> bool:
    return block.kind is not BlockKind.TABLE and block.geometry is None and not block.cells


def wrap_width(blocks: Sequence[Block]) -> float | None:
    """The width (em) the copy's lines were cut at, or ``None`` when it is no hard-wrapped copy
    (see the module)."""
    # a row between bars (1 | SJ-01 | … |) is a table's row however long: it sets no width
    eligible = [b for b in blocks if _eligible(b) and not is_bar_row(b.text)]
    lines = [b.text.rstrip(_BLANKS) for b in eligible]
    widths = [em_width(line) for line in lines]
    wide = [w for w in widths if w >= MIN_WIDTH]
    if len(wide) < MIN_FULL_LINES:
        return None
    counts = Counter(round(w * 2) / 2 for w in wide)
    best, best_count = 0.0, 0
    for width in sorted(counts):
        near = sum(n for w, n in counts.items() if abs(w - width) <= WIDTH_TOLERANCE)
        if near > best_count or (near == best_count and width > best):
            best, best_count = width, near
    if best < MIN_WRAP_WIDTH or best_count < MIN_FULL_LINES:
        return None
    if best_count < MIN_FULL_SHARE * len(wide):
        return None
    over = sum(1 for w in widths if w > best + WIDTH_TOLERANCE + 0.5)
    if over > MAX_OVER_SHARE * len(widths):
        return None
    full = [k for k, w in enumerate(widths) if abs(w - best) <= WIDTH_TOLERANCE]
    # in a copy whose paragraphs stand apart by blank lines, a full line that the next one
    # follows without a blank line was cut too, however it ends (…整改状态： / 已完成。)
    apart = sum(b.after_blank for b in eligible) >= MIN_BLANK_SHARE * len(eligible)
    cut = sum(
        1
        for k in full
        if not _may_end_paragraph(lines[k])
        or (apart and k + 1 < len(eligible) and not eligible[k + 1].after_blank)
    )
    if cut < MIN_CUT_SHARE * len(full):
        return None
    return best


def _indent(block: Block) -> float:
    return em_width(block.text[: len(block.text) - len(block.text.lstrip(_BLANKS))])


def _opens_with_label(text: str, labels: Sequence[str]) -> bool:
    """Whether ``text`` opens with a field label and its colon: one of ``labels`` when given
    (so ``改进展情况：``, the rest of a 整改进展情况 cut at a line's end, is none), else any
    two to eight characters before a colon."""
    if not labels:
        return _LABEL.match(text) is not None
    for label in labels:
        if text.startswith(label) and text[len(label) : len(label) + 1] in ("：", ":"):
            return True
    return False


# A step of a list opening a line (一是…, 三是…).
_STEP = compile_pattern(r"[一二三四五六七八九十]{1,3}是")
# How a heading ends: a wrapped finding (关于“X”的问题, …”问题的整改) or a short note in
# brackets (（已完成）, （正在推进）).
_HEADING_END = compile_pattern(
    r"[”\"」』]\s*的?问题(?:的整改(?:情况)?)?$|[（(][^（()）。，,；;：:]{2,8}[)）]$"
)
# An item's number alone on its line (1. / 2．/ 3、 / （4）).
_NUMBER_ALONE = compile_pattern(
    r"\s*(?:[0-9]{1,3}\s*[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）])\s*"
)


def _opens_paragraph(
    run: Sequence[Block], line: Block, base_indent: float, width: float, labels: Sequence[str]
) -> bool:
    """Whether ``line`` opens a paragraph of its own after ``run``, a paragraph so far whose
    last line is full."""
    if line.after_blank or _indent(line) > base_indent + 0.5:
        return True
    joined = "".join(b.text for b in run)
    if _depth(joined) > 0:
        return False  # inside brackets: （整改时限：…；责任单位：…） runs on
    text = line.text.strip(_BLANKS)
    if _opens_with_label(text, labels):
        return True  # 整改措施：… / 责任单位：… open their own paragraph
    if _BULLET.match(text) or is_furniture(text) or is_furniture(run[-1].text.strip(_BLANKS)):
        return True  # a page's line (发布时间：… 来源：…) is never a wrapped paragraph's
    if WHOLE_TITLE.match(joined.strip(_BLANKS)):
        return True  # …整改进展情况的通报 ends the title: a page line or a salutation follows
    if _TAG.match(text) and _TAG.match(run[0].text.lstrip(_BLANKS)) and _ends_sentence(joined):
        return True  # 【问题】…。 / 【整改情况】…: a tag after a tagged paragraph's sentence
    finished = _ends_sentence(run[-1].text)
    if not _ends_clause(run[-1].text) and _SIGNED.fullmatch(text):
        return True  # 联系电话：…6223018 / XX局　　2025年3月5日: a signature, not a wrapped line
    if match_marker(text) is not None:
        return finished or (len(run) == 1 and match_marker(run[0].text) is not None)
    if _STEP.match(text) and (finished or _HEADING_END.search(joined.rstrip(_BLANKS))):
        # …长期坚持。 / 三是境外资产风险管控不够有力。, and 4.关于“X”问题的整改（已完成） /
        # 一是…: a step opens its line after a sentence or a heading that ends as one does
        return True
    if _NUMBER_ALONE.fullmatch(text):
        return True  # 1. alone on its line, its finding on the next: an item opens
    # a short line without closing punctuation after a finished sentence: a heading
    return finished and em_width(text) < width - FULL_SLACK and not _ends_clause(text)


def _join(texts: Sequence[str]) -> str:
    return texts[0].rstrip(_BLANKS) + "".join(t.strip(_BLANKS) for t in texts[1:])


def join_hard_wraps(
    blocks: Sequence[Block], labels: Sequence[str] = ()
) -> tuple[list[Block], dict[int, str]]:
    """``blocks`` with the lines of a hard-wrapped copy joined into paragraphs, and for each
    joined block (by its index in the list returned) the lines it was made of, as read,
    joined by line breaks. A copy that is not hard-wrapped comes back as it was. ``labels``
    are the field labels (整改措施, 责任单位, 整改进展…) whose line opens a paragraph; without
    them, any two to eight characters before a colon do."""
    width = wrap_width(blocks)
    if width is None:
        return list(blocks), {}
    full = [
        b for b in blocks if _eligible(b) and em_width(b.text.rstrip(_BLANKS)) >= width - FULL_SLACK
    ]
    base_indent = sorted(_indent(b) for b in full)[len(full) // 2]
    out: list[Block] = []
    joined: dict[int, str] = {}
    run: list[Block] = []

    def flush() -> None:
        if not run:
            return
        if len(run) == 1:
            out.append(run[0])
        else:
            joined[len(out)] = "\n".join(b.text for b in run)
            out.append(replace(run[0], text=_join([b.text for b in run])))
        run.clear()

    for block in blocks:
        if not _eligible(block):
            flush()
            out.append(block)
            continue
        if run:
            prev = run[-1]
            prev_full = em_width(prev.text.rstrip(_BLANKS)) >= width - FULL_SLACK
            if not prev_full or _opens_paragraph(run, block, base_indent, width, labels):
                flush()
        run.append(block)
    flush()
    return out, joined
