"""A table copied as lines of cells set apart by wide gaps, put back together.

A text copy of a web table often keeps each row as one line, its cells two blanks or more
(or a tab) apart::

    序号  问题  整改措施  责任单位  整改时限  整改进展
    1  村级财务报账不及时  建立月度报账制度  镇财政所  2024年8月  已完成

Cleaning closes the gaps between Han characters, so the row would read as one run of words.
Read from the lines as copied, before any cleaning, such a run becomes one table block when
its first line is a header as a bar table's is (:func:`.pipe_tables.header_row`: enough
cells, enough of them column names the profile knows), and the rows after it have as many
cells, the first of them a row number. The run ends at the first line
that does not. Nothing else is touched.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import Block, BlockKind
from ..runtime.patterns import compile_pattern
from .flat_tables import table_block
from .pipe_tables import header_row

__all__ = ["join_gap_tables"]

_GAP = compile_pattern(r"[ \u3000]{2,}|\t")
_ROW_NUMBER = compile_pattern(r"^[0-9]{1,4}$")


def _cells(block: Block) -> list[str]:
    line = block.text.strip()
    if block.kind is not BlockKind.PARAGRAPH or "\n" in line or _GAP.search(line) is None:
        return []
    return [cell for cell in _GAP.split(line) if cell]


def join_gap_tables(blocks: Sequence[Block], headers: Collection[str]) -> list[Block]:
    """``blocks`` (as read, before cleaning closes the gaps) with every table whose cells are
    set apart by gaps (see the module) made one table block. ``headers`` are the column names
    the profile knows."""
    if not headers or not any("  " in b.text or "\t" in b.text for b in blocks):
        return list(blocks)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        header = header_row(_cells(blocks[i]), headers)
        end = i + 1
        rows: list[tuple[str, ...]] = []
        if header is not None:
            rows.append(tuple(header))
            while end < len(blocks):
                cells = _cells(blocks[end])
                if len(cells) != len(header) or not _ROW_NUMBER.match(cells[0]):
                    break
                rows.append(tuple(cells))
                end += 1
        if len(rows) < 2:
            out.append(blocks[i])
            i += 1
            continue
        out.append(table_block(blocks[i], rows))
        i = end
    return out
