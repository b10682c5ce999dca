"""A table copied as lines of cells between vertical bars, put back together.

A text copy of a web page made by some tools draws each table row as one line, its cells
between ``|`` (a row that spans the table has one cell)::

    序号 | 反馈问题 | 整改措施 | 责任单位 | 整改时限 |
    一、水污染防治方面 |
    1 | 部分河段垃圾清理不及时。 | 建立河道保洁长效机制。 | 县水利局 | 2025年6月底前 |

Such a run becomes one table block when its first line is a header: at least
:data:`MIN_COLUMNS` cells, :data:`MIN_KNOWN` of them column names the profile knows
(``table_columns``). The run ends at the first line without a bar. A portal's metadata box
copied the same way (``文号 | X发〔2025〕5号 | 成文日期： | …``) has no such header and stays
as it is (the metadata reads it).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import BlockKind
from .bars import bar_cells
from .flat_tables import table_of
from .repair import Repaired

__all__ = ["MIN_COLUMNS", "MIN_KNOWN", "header_row", "join_pipe_tables"]

#: Cells a header line needs.
MIN_COLUMNS = 3
#: Of them, column names the profile knows.
MIN_KNOWN = 2

_BARS = ("|", "｜")


def _name(text: str) -> str:
    return text.strip().rstrip("：:").replace(" ", "").replace("\u3000", "")


def header_row(cells: list[str] | None, headers: Collection[str]) -> list[str] | None:
    """``cells`` when they read as a copied table's header: at least :data:`MIN_COLUMNS`
    cells, :data:`MIN_KNOWN` of them column names in ``headers``; else ``None``."""
    if cells is None or len(cells) < MIN_COLUMNS:
        return None
    known = sum(1 for cell in cells if _name(cell) in headers)
    return cells if known >= MIN_KNOWN else None


def join_pipe_tables(repaired: Sequence[Repaired], headers: Collection[str]) -> list[Repaired]:
    """``repaired`` with every table drawn between bars (see the module) made one table
    block. ``headers`` are the column names the profile knows. The block keeps its lines' text
    as its ``original``; its kind of repair is ``pipe_table``."""
    if not any(bar in item.block.text for item in repaired for bar in _BARS):
        return list(repaired)
    out: list[Repaired] = []
    i = 0
    while i < len(repaired):
        first = repaired[i].block
        header = (
            header_row(bar_cells(first.text), headers)
            if first.kind is BlockKind.PARAGRAPH
            else None
        )
        end = i + 1
        rows: list[tuple[str, ...]] = []
        if header is not None:
            rows.append(tuple(header))
            while end < len(repaired) and repaired[end].block.kind is BlockKind.PARAGRAPH:
                cells = bar_cells(repaired[end].block.text)
                if cells is None:
                    break
                rows.append(tuple(cells[: len(header)]))
                end += 1
        if len(rows) < 2:
            out.append(repaired[i])
            i += 1
            continue
        out.append(table_of(repaired[i:end], rows, "pipe_table"))
        i = end
    return out
