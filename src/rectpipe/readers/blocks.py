"""Internal, format-neutral units that readers produce and the rest of the pipeline consumes.

Readers turn a file into a :class:`Document` (a list of :class:`Block`). Nothing after the
readers knows which file format a block came from, so the public output never depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..runtime.record import record


class BlockKind(str, Enum):
    """What a block is, as far as the reader can tell."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    TABLE = "table"


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


@record
class RemovedText:
    """Text a reader dropped on purpose (running header, page number), kept for audit."""

    text: str
    reason: str
    page: int | None = None


@dataclass(slots=True)
class Document:
    """What a reader returns: blocks in order plus facts about the file itself.

    ``hints`` carries metadata the container states outside the body text (a web page's header
    box: ``{"发布机构": "...", "成文日期": "..."}``), keyed by the label as written.
    ``notes`` are reader warnings as ``(code, message)`` pairs.
    """

    blocks: list[Block]
    format: str
    page_count: int | None = None
    hints: dict[str, str] = field(default_factory=dict)
    removed: list[RemovedText] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
