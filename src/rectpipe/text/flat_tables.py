"""A table copied one cell per line, put back together.

A text copy of a web or PDF table often keeps each cell as a line of its own::

    序号
    反馈问题
    整改措施
    责任单位
    1
    部分河段垃圾清理不及时。
    建立河道保洁长效机制。
    县水利局
    2
    …

Such a run becomes one table block: a header of at least :data:`MIN_COLUMNS` lines, each a
column name the profile knows (``table_columns``), the first of them a number column (序号),
then rows of exactly as many lines, each opening with the next row number (1, 2, 3…). The table
ends where that pattern does. A row whose cells wrapped over more lines ends it too, so its
lines stay paragraphs: the next row number turns up a line late, or (the last row) its cells
change kind (number, date, sentence, short text) from the first row's in several columns.
Nothing else is touched.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

import regex

from ..readers.blocks import BlockKind
from .repair import Repaired

__all__ = ["MIN_COLUMNS", "join_flat_tables"]

#: Header lines a flattened table needs.
MIN_COLUMNS = 3
#: Cells of a row whose kind (:func:`_kind`) differs from the first row's that make the row no
#: row of the table (a wrapped cell shifts every cell after it).
MAX_SHAPE_CHANGES = 2

_DATE = regex.compile(r"[0-9]{4}\s*(?:年|[-./][0-9])|年底|月底|年内|长期")


def _kind(text: str) -> str:
    """A cell's kind, coarsely: a number, a date or time limit, a sentence, or a short text."""
    text = text.strip()
    if text.isdigit():
        return "number"
    if _DATE.search(text) and len(text) <= 16:
        return "date"
    if text.endswith(("。", "；", ";")) or len(text) > 20:
        return "sentence"
    return "short"


def _name(text: str) -> str:
    return text.strip().rstrip("：:").replace(" ", "").replace("\u3000", "")


def join_flat_tables(
    repaired: Sequence[Repaired], headers: Collection[str], numbers: Collection[str]
) -> list[Repaired]:
    """``repaired`` with every flattened table (see the module) made one table block.
    ``headers`` are the column names the profile knows, ``numbers`` those of a number column
    (序号). The table block keeps its lines' text as its ``original``; its kind of repair is
    ``flat_table``."""
    out: list[Repaired] = []
    i = 0
    while i < len(repaired):
        found = _table_at(repaired, i, headers, numbers)
        if found is None:
            out.append(repaired[i])
            i += 1
            continue
        width, end = found
        lines = [item.block.text.strip() for item in repaired[i:end]]
        rows = tuple(tuple(lines[r : r + width]) for r in range(0, len(lines), width))
        first = repaired[i].block
        block = replace(
            first,
            text="\n".join("\t".join(row) for row in rows),
            kind=BlockKind.TABLE,
            cells=rows,
            cell_paths=None,
            list_label=None,
            geometry=None,
        )
        original = "\n".join(item.original or item.block.text for item in repaired[i:end])
        out.append(Repaired(block, original, ("flat_table",)))
        i = end
    return out


def _table_at(
    repaired: Sequence[Repaired], start: int, headers: Collection[str], numbers: Collection[str]
) -> tuple[int, int] | None:
    """``(columns, end)`` of a flattened table starting at ``start``, else ``None``."""
    first = repaired[start].block
    if first.kind is not BlockKind.PARAGRAPH or _name(first.text) not in numbers:
        return None
    width = 0
    while (
        start + width < len(repaired)
        and repaired[start + width].block.kind is BlockKind.PARAGRAPH
        and _name(repaired[start + width].block.text) in headers
    ):
        width += 1
    if width < MIN_COLUMNS:
        return None
    end = start + width
    row = 1
    shape: list[str] = []
    while end + width <= len(repaired):
        cells = [repaired[k].block for k in range(end, end + width)]
        if cells[0].text.strip() != str(row) or any(
            c.kind is not BlockKind.PARAGRAPH or not c.text.strip() for c in cells
        ):
            break
        kinds = [_kind(c.text) for c in cells]
        if not shape:
            shape = kinds
        elif sum(a != b for a, b in zip(shape, kinds, strict=True)) >= MAX_SHAPE_CHANGES:
            break  # cells that slid by a line: one of them wrapped
        # The next row's number where this row's lines end, or no next row at all: a next
        # number a little further on means this row's cells wrapped, and the table ends.
        after = end + width
        following = [item.block.text.strip() for item in repaired[after : after + width + 1]]
        if following[:1] != [str(row + 1)] and str(row + 1) in following:
            break
        end, row = after, row + 1
    return (width, end) if row > 1 else None
