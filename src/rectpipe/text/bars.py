"""Internal: a line of cells between vertical bars (``序号 | 反馈问题 | 整改措施 |``), as some
tools copy a table's row into text. One idea, shared by repair (which leaves such a line
whole) and :mod:`.pipe_tables` (which makes a run of them a table)."""

from __future__ import annotations

__all__ = ["MAX_CELL_CHARS", "MIN_ROW_CELLS", "bar_cells", "is_bar_row"]

MIN_ROW_CELLS = 3
"""Cells a line between bars needs to be taken for a table's row as it is repaired."""
MAX_CELL_CHARS = 600
"""The longest cell of a table's row: a longer one is a text that ran together (a copy that
lost its line breaks, a site's menu drawn with bars before it), not a cell."""


def bar_cells(text: str) -> list[str] | None:
    """The cells of a line drawn between bars (a bar before the first cell and after the last
    is optional; ``｜`` counts as ``|``), or ``None`` for a line without a bar."""
    body = text.strip().replace("｜", "|")
    if "|" not in body:
        return None
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [cell.strip(" \t\u3000") for cell in body.split("|")]


def is_bar_row(text: str) -> bool:
    """Whether ``text`` is a line of at least :data:`MIN_ROW_CELLS` cells between bars, none
    longer than :data:`MAX_CELL_CHARS`."""
    if "|" not in text and "｜" not in text:
        return False
    cells = bar_cells(text)
    return (
        cells is not None
        and len(cells) >= MIN_ROW_CELLS
        and all(len(cell) <= MAX_CELL_CHARS for cell in cells)
    )
