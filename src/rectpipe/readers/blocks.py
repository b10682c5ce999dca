"""Internal, format-neutral units that readers produce and the rest of the pipeline consumes.

Readers turn a file into a :class:`Document` (a list of :class:`Block`). Nothing after the
readers knows which file format a block came from, so the public output never depends on it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from enum import Enum

from ..runtime.record import field, record

__all__ = ["Block", "BlockKind", "Document", "Geometry", "RemovedText", "packed"]


def packed(values: Sequence[float]) -> array[float]:
    """``values`` as an array of single-precision floats when every one of them is exactly
    one (it then reads back as the same doubles, in half the memory), else of doubles."""
    doubles = values.tolist() if isinstance(values, array) else list(values)
    single = array("f", doubles)
    return single if single.tolist() == doubles else array("d", doubles)


class BlockKind(str, Enum):
    """What a block is, as far as the reader can tell."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    TABLE = "table"


class Geometry:
    """Where each character of a block's text (as laid out, :attr:`text`) lies on its pages.

    The text is cut into rows, one per line piece: row ``r`` holds characters
    ``starts[r]`` to ``starts[r + 1]`` and lies on page ``pages[r]`` between ``tops[r]`` and
    ``bottoms[r]``; ``x0s[k]`` / ``x1s[k]`` are character ``k``'s left and right edges, kept as
    arrays (not a float object each: a long PDF's blocks hold a million of them until the
    report is placed) of single-precision floats when that holds them exactly (PDFium gives
    glyph boxes as such: 4 bytes a value), else of doubles (:func:`packed`). PDF points,
    top-left origin. Compared by identity: blocks that differ only in geometry (two glyph
    sources of one PDF) are equal.
    """

    __slots__ = ("bottoms", "pages", "starts", "text", "tops", "x0s", "x1s")

    def __init__(
        self,
        text: str,
        starts: Sequence[int],
        pages: Sequence[int],
        tops: Sequence[float],
        bottoms: Sequence[float],
        x0s: Sequence[float],
        x1s: Sequence[float],
    ) -> None:
        if not len(text) == len(x0s) == len(x1s) or len(starts) != len(pages) + 1:
            raise ValueError("Geometry: columns of different lengths")
        self.text, self.starts, self.pages = text, starts, pages
        self.tops, self.bottoms = tops, bottoms
        self.x0s: Sequence[float] = packed(x0s)
        self.x1s: Sequence[float] = packed(x1s)

    def boxes(self, start: int, end: int) -> list[tuple[int, float, float, float, float]]:
        """``(page, x0, top, x1, bottom)`` of characters ``start`` to ``end`` (excluded), one
        per row they reach, in order."""
        return [self.row_box(row, lo, hi) for row, lo, hi in self.rows(start, end)]

    def rows(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(row, lo, hi)``: each row that characters ``start`` to ``end`` (excluded) reach,
        with the characters of it they cover (``lo`` to ``hi``), in order."""
        out: list[tuple[int, int, int]] = []
        if end <= start:
            return out
        starts = self.starts
        row = max(0, bisect_right(starts, start) - 1)
        last = len(self.pages)
        while row < last and starts[row] < end:
            lo, hi = max(start, starts[row]), min(end, starts[row + 1])
            if lo < hi:
                out.append((row, lo, hi))
            row += 1
        return out

    def row_box(self, row: int, lo: int, hi: int) -> tuple[int, float, float, float, float]:
        """``(page, x0, top, x1, bottom)`` of characters ``lo`` to ``hi`` of ``row``."""
        return (
            self.pages[row],
            min(self.x0s[lo:hi]),
            self.tops[row],
            max(self.x1s[lo:hi]),
            self.bottoms[row],
        )


@record
class Block:
    """One paragraph (or table) of a document, in reading order.

    ``text`` is the visible text without any automatic list label; ``list_label`` is the label a
    reader of the original would see in front of it (``"（一）"``, ``"1."``) when the format draws
    it (Word automatic numbering) rather than storing it in the text. ``path`` names the block in
    its source: ``"line:12"`` (text), ``"p:7"`` / ``"t:0/r:2/c:1"`` (Word), ``"page:3/p:4"`` (PDF),
    ``"html:p:5"`` (web page). ``cells`` holds a table's rows of cell texts (first row = header
    when the table has one); ``text`` of a table block is its cells joined by tabs and newlines.
    ``cell_paths``, when the reader names each cell (spreadsheets: ``sheet:NAME/r:5/c:3``), is
    the path of every cell of ``cells``, and a value read in a cell points at that cell.
    ``geometry`` places the characters of the text as read on the page (PDF and OCR
    paragraphs); it stays with the block through cleaning and repair, which change the text, and
    is matched to the final text when provenance boxes are made. ``confidence`` is the lowest
    OCR confidence of the block's lines (``None``: not recognised by OCR). ``after_blank``: an
    empty line stood before it in a text file (a paragraph's start in a hard-wrapped copy).
    """

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    path: str = ""
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    style: str | None = None
    outline_level: int | None = None
    list_label: str | None = None
    indent: float | None = None
    cells: tuple[tuple[str, ...], ...] | None = None
    cell_paths: tuple[tuple[str, ...], ...] | None = None
    geometry: Geometry | None = field(default=None, compare=False, hash=False, repr=False)
    confidence: float | None = None
    after_blank: bool = False
    emphasis: bool = False


@record
class RemovedText:
    """Text a reader dropped on purpose (running header, page number), kept for audit."""

    text: str
    reason: str
    page: int | None = None


@record(frozen=False)
class Document:
    """What a reader returns: blocks in order plus facts about the file itself.

    ``hints`` carries metadata the container states outside the body text (a web page's header
    box: ``{"发布机构": "...", "成文日期": "..."}``), keyed by the label as written.
    ``notes`` are reader warnings as ``(code, message)`` pairs. ``ocr_pages`` are the pages
    (1-based) whose text was recognised by OCR.
    """

    blocks: list[Block]
    format: str
    page_count: int | None = None
    hints: dict[str, str] = field(default_factory=dict)
    removed: list[RemovedText] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
