"""A table copied as lines of cells between vertical bars, put back together.

A text copy of a web page made by some tools draws each table row as one line, its cells
between ``|`` (a row that spans the table has one cell)::

    序号 | 反馈问题 | 整改措施 | 责任单位 | 整改时限 |
    一、水污染防治方面 |
    1 | 部分河段垃圾清理不及时。 | 建立河道保洁长效机制。 | 县水利局 | 2025年6月底前 |

Such a run becomes one table block when its first line is a header: at least
:data:`MIN_COLUMNS` cells, :data:`MIN_KNOWN` of them column names the profile knows
(``table_columns``). The run ends at the first line without a bar. A portal's metadata box
copied the same way (``文号 | X发〔2025〕5号 | 成文日期： | …``) has no such header: each of
its lines becomes one line per label and value (``文号：X发〔2025〕5号`` / ``成文日期：…``), as
the box is written elsewhere, so that the metadata reads it (:func:`split_box_rows`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import BlockKind
from ..runtime.box_labels import BOX_LABELS
from ..runtime.record import replace
from .bars import bar_cells
from .flat_tables import table_of
from .repair import Repaired

__all__ = ["MIN_COLUMNS", "MIN_KNOWN", "header_row", "join_pipe_tables", "split_box_rows"]

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


_BOX_LABEL_SET = frozenset(BOX_LABELS)


def _box_pairs(cells: list[str]) -> list[tuple[str, str]] | None:
    """``(label, value)`` of a portal box's line between bars (``文号 | X | 成文日期: | Y |``),
    or ``None`` when its first cell is no box label."""
    names = [_name(cell) for cell in cells]
    if not names or names[0] not in _BOX_LABEL_SET:
        return None
    pairs: list[tuple[str, str]] = []
    label: str | None = None
    for cell, name in zip(cells, names, strict=True):
        if name in _BOX_LABEL_SET and label is None:
            label = name
        elif label is not None and cell.strip():
            pairs.append((label, cell.strip()))
            label = None
    return pairs or None


def split_box_rows(repaired: Sequence[Repaired]) -> list[Repaired]:
    """``repaired`` with each line of a portal's information box drawn between bars
    (``文件名称 | X | ||``, ``文号 | Y | 成文日期: | Z |``) made one line per label and value
    (``文件名称：X``): the form the box takes in other copies, which the metadata reads. Its
    kind of repair is ``box_rows``."""
    if not any(bar in item.block.text for item in repaired for bar in _BARS):
        return list(repaired)
    out: list[Repaired] = []
    for item in repaired:
        cells = bar_cells(item.block.text) if item.block.kind is BlockKind.PARAGRAPH else None
        pairs = _box_pairs(cells) if cells is not None else None
        if pairs is None:
            out.append(item)
            continue
        original = item.original or item.block.text
        kinds = (*item.kinds, "box_rows") if "box_rows" not in item.kinds else item.kinds
        out.extend(
            Repaired(replace(item.block, text=f"{label}：{value}"), original, kinds)
            for label, value in pairs
        )
    return out
