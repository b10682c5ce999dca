"""Internal: the text of one table cell, and how its ends sit against the cell's right side.

A cell's glyphs are built into lines and the lines joined into paragraphs. Text in cells is
often set ragged (left-aligned, not justified), and CJK line breaking pushes whole chunks to the
next line (a character with the closing punctuation that may not start a line, a number that
may not be split), so a short line alone does not close a paragraph: it does when the next
line's first chunk would have fitted into the room it left. The room after the last line and
the width of the first line's chunk are kept, in em, so that a cell cut by a page break can be
joined to its rest on the next page without a stray break (:mod:`.table_pages`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...runtime.patterns import compile_pattern
from ...runtime.record import record
from .glyphs import Char
from .lines import Line, build_lines, is_cjk
from .paragraphs import ends_sentence, join_fragments
from .settings import LayoutSettings

__all__ = [
    "EMPTY_CELL",
    "CellText",
    "cell_text",
    "closes_paragraph",
    "is_row_mark",
    "lines_text",
    "unbreakable_lead",
]

_ROW_MARK = compile_pattern(
    r"^\s*[（(]?(?:\d{1,4}|[一二三四五六七八九十百]{1,4})[)）]?[、.．]?\s*$"
)


def is_row_mark(text: str) -> bool:
    """Whether ``text`` is a row's mark (序号): a number, 1 / 1. / （1） / 一、."""
    return bool(_ROW_MARK.match(text))


# What may not start a line (closing punctuation) and what may not end one (opening marks).
_NO_LINE_START = frozenset("、，。．；：！？）》」』】〕〉”’)]},.;:!?%")
_NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


@record
class CellText:
    """A cell's text; ``room``: the em left after its last line, up to the cell's text edge;
    ``lead``: the em width of its first line's first unbreakable chunk."""

    text: str
    room: float
    lead: float


EMPTY_CELL = CellText("", 0.0, 0.0)


def _latin(ch: str) -> bool:
    return not is_cjk(ch) and not ch.isspace()


def unbreakable_lead(line: Line) -> float:
    """The width, in em, of what ``line`` starts with that could not have been left at the end
    of the line before: opening marks with the character after them, a Latin word or number
    whole, then the closing punctuation that follows (and a number right after it: LibreOffice
    and Word keep ``。2023`` together)."""
    text = line.text
    n = len(text)
    if not n or line.size <= 0:
        return 0.0
    i = 0
    while i < n - 1 and text[i] in _NO_LINE_END:
        i += 1
    if _latin(text[i]):
        while i < n and _latin(text[i]):
            i += 1
    else:
        i += 1
    while i < n and text[i] in _NO_LINE_START:
        i += 1
        if i < n and _latin(text[i]) and text[i - 1] not in ")]},.;:!?%":
            while i < n and _latin(text[i]):
                i += 1
    _, x1s = line.edges()
    return max(0.0, x1s[i - 1] - line.x0) / line.size


def closes_paragraph(before: str, room: float, lead: float, settings: LayoutSettings) -> bool:
    """Whether a line ending with ``before``, ``room`` em short of the cell's text edge, closes
    its paragraph, when the next line starts with a chunk ``lead`` em wide.

    It does when it ends more than ``settings.cell_break_ratio`` em short, or more than
    ``cell_sentence_break_ratio`` em short at the end of a sentence (。！？；：) — unless,
    in the middle of a sentence, the next line's first chunk would not have fitted there.
    """
    sentence = ends_sentence(before)
    if not sentence and room < lead + settings.wrap_word_slack:
        return False  # what the next line starts with did not fit: a wrap, however short
    return room > settings.cell_break_ratio or (
        sentence and room > settings.cell_sentence_break_ratio
    )


def cell_text(
    chars: Sequence[Char], box: tuple[float, float], settings: LayoutSettings
) -> CellText:
    """The text of the cell holding ``chars`` (``box``: its left and right sides).

    Wrapped lines are joined without spaces between CJK characters; paragraphs are separated
    by ``"\\n"`` (:func:`closes_paragraph`, lines measured against the cell's longest line).
    A line alone in its cell is measured against the cell's right side less the padding it has
    on its left.
    """
    return lines_text(build_lines(chars, 0, settings=settings), box, settings)


def lines_text(
    lines: Sequence[Line], box: tuple[float, float], settings: LayoutSettings
) -> CellText:
    """:func:`cell_text` of a cell whose lines are built already (top down)."""
    if not lines:
        return EMPTY_CELL
    last = lines[-1]
    # the text's right edge: a lone line's cell side less its padding, else the longest line
    alone = len(lines) == 1
    edge = box[1] - max(0.0, last.x0 - box[0]) if alone else max(ln.x1 for ln in lines)
    paragraphs: list[list[str]] = [[]]
    for k, ln in enumerate(lines):
        if k:
            prev = lines[k - 1]
            room = (edge - prev.x1) / prev.size if prev.size > 0 else 0.0
            if closes_paragraph(prev.text, room, unbreakable_lead(ln), settings):
                paragraphs.append([])
        paragraphs[-1].append(ln.text)
    text = "\n".join(join_fragments(p) for p in paragraphs)
    room = max(0.0, edge - last.x1) / last.size if last.size > 0 else 0.0
    return CellText(text, room, unbreakable_lead(lines[0]))
