"""A table copied as lines of cells set apart by wide gaps, put back together.

A text copy of a web table often keeps each row as one line, its cells two blanks or more
(or a tab) apart::

    序号  问题  整改措施  责任单位  整改时限  整改进展
    1  村级财务报账不及时  建立月度报账制度  镇财政所  2024年8月  已完成

Cleaning closes the gaps between Han characters, so the row would read as one run of words.
Read from the lines as copied, before any cleaning, such a run becomes one table block when
its first line is a header as a bar table's is (:func:`.pipe_tables.header_row`: enough
cells, enough of them column names the profile knows), and the rows after it have as many
cells, the first of them a row number. Between the rows a category's heading alone on its
line (一、党的建设方面) is a row spanning the table, the header written again atop a new page
is dropped, and a line of fewer cells and no row number holds the row above's wrapped cells
(a copy of a scan breaks long cells over two lines), from its first text column on. The run
ends at the first line that is none of these. Nothing else is touched.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import Block, BlockKind
from ..runtime.patterns import compile_pattern
from .flat_tables import table_block
from .pipe_tables import header_row
from .repair_text import is_traditional, to_simplified

__all__ = ["join_gap_tables"]

_GAP = compile_pattern(r"[ \u3000]{2,}|\t")
_ROW_NUMBER = compile_pattern(r"^[0-9]{1,4}$")
# A category's heading alone on its line between a table's rows (一、党的建设方面, （二）…).
_CATEGORY = compile_pattern(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\S{2,30}$"
)


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
    traditional = is_traditional([b.text for b in blocks[:40]])
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        header = header_row(_cells(blocks[i]), headers)
        if header is None and traditional:
            # 序號  反饋問題  整改措施…: a header in traditional characters names the columns
            # as the simplified one does (repair converts the cells later)
            header = header_row([to_simplified(c) for c in _cells(blocks[i])], headers)
            header = _cells(blocks[i]) if header is not None else None
        end = i + 1
        rows: list[tuple[str, ...]] = []
        if header is not None:
            rows.append(tuple(header))
            width = len(header)
            wrapped = 0  # the last column a wrapped line went on with
            while end < len(blocks):
                cells = _cells(blocks[end])
                text = blocks[end].text.strip()
                spanning = len(rows) > 1 and rows[-1][0] == rows[-1][1]
                if len(cells) == width and _ROW_NUMBER.match(cells[0]):
                    rows.append(tuple(cells))
                    wrapped = 0
                elif cells == header:
                    pass  # the header again, atop a new page
                elif not cells and _CATEGORY.match(text):
                    rows.append((text,) * width)  # 一、党的建设方面: a row spanning the table
                elif (
                    0 < len(cells) < width - 1
                    and len(rows) > 1
                    and not spanning
                    and not _ROW_NUMBER.match(cells[0])  # (a row cut short: 2  党风…)
                ):
                    # 裁量说理不充分  法人员培训: the row above's wrapped cells, from its first
                    # text column on
                    above = list(rows[-1])
                    for k, more in enumerate(cells, start=1):
                        above[k] += more
                    rows[-1], wrapped = tuple(above), len(cells)
                elif not cells and text and wrapped and not _ROW_NUMBER.match(text[:1]):
                    # 经费专项检查: one more line of the last cell that wrapped
                    above = list(rows[-1])
                    above[wrapped] += text
                    rows[-1] = tuple(above)
                else:
                    break
                end += 1
        if len(rows) < 2:
            out.append(blocks[i])
            i += 1
            continue
        out.append(table_block(blocks[i], rows))
        i = end
    return out
