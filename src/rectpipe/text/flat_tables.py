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
then rows of exactly as many cells, each opening with the next row number (1, 2, 3…). A cell
that held an enumeration (1.… 2.… 3.…, （1）…, ①…, 一是…二是…) gives one line per item, or a
marker alone and its text on the next line; an item that continues the sequence of the line
before it (2. after 1.) stays in that line's cell.
The table ends where the pattern does. A row whose cells wrapped in any other way ends it too,
so its lines stay paragraphs: the next row number turns up a line late, or (the last row) its
cells change kind (number, date, sentence, short text) from the first row's in several columns.
Nothing else is touched.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import Block, BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .repair import Repaired
from .textmap import display_text

__all__ = ["MIN_COLUMNS", "join_flat_tables", "table_block", "table_of"]

#: Header lines a flattened table needs.
MIN_COLUMNS = 3
#: Cells of a row whose kind (:func:`_kind`) differs from the first row's that make the row no
#: row of the table (a wrapped cell shifts every cell after it).
MAX_SHAPE_CHANGES = 2

_DATE = compile_pattern(r"[0-9]{4}\s*(?:年|[-./][0-9])|年底|月底|年内|长期")
#: An enumeration item opening a line, by style: ``1.`` ``（1）`` ``①`` ``一是``.
_ITEM = compile_pattern(
    r"(?P<dot>[0-9]{1,2})[.、．](?![0-9])|[（(](?P<paren>[0-9]{1,2})[）)]|(?P<circle>[①-⑳])"
    r"|(?P<shi>[一二三四五六七八九十]{1,3})是"
)
_ITEM_ALONE = compile_pattern(r"(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)]|[①-⑳])")
"""An enumeration marker alone on its line, its item's text on the next."""
_CHINESE = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _item(text: str) -> tuple[str, int] | None:
    """``(style, number)`` of the enumeration item opening ``text``, else ``None``."""
    m = _ITEM.match(text.strip())
    if m is None:
        return None
    style = m.lastgroup or ""
    value = m.group(style)
    if style == "circle":
        return style, ord(value) - ord("①") + 1
    if style == "shi":
        if len(value) == 1:
            return style, _CHINESE[value]
        return (style, 10 + _CHINESE.get(value[-1], 0)) if value[0] == "十" else None
    return style, int(value)


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
        width, cells, spans = found
        end = cells[-1][1]
        texts = [
            "\n".join(display_text(item.block).strip() for item in repaired[a:b]) for a, b in cells
        ]
        header = tuple(item.block.text.strip() for item in repaired[i : i + width])
        rows = (header, *(tuple(texts[a : a + n]) for a, n in spans))
        out.append(table_of(repaired[i:end], rows, "flat_table"))
        i = end
    return out


def table_block(first: Block, rows: Sequence[tuple[str, ...]]) -> Block:
    """A table block of ``rows`` in the place of the paragraph block ``first``."""
    return replace(
        first,
        text="\n".join("\t".join(row) for row in rows),
        kind=BlockKind.TABLE,
        cells=tuple(rows),
        cell_paths=None,
        list_label=None,
        geometry=None,
    )


def table_of(items: Sequence[Repaired], rows: Sequence[tuple[str, ...]], kind: str) -> Repaired:
    """One table block of ``rows`` made of the paragraph blocks ``items`` (its place and path
    are the first's), their text kept as its ``original``, repaired by ``kind``."""
    block = table_block(items[0].block, rows)
    original = "\n".join(item.original or display_text(item.block) for item in items)
    return Repaired(block, original, (kind,))


def _cells(repaired: Sequence[Repaired], start: int) -> list[tuple[int, int]]:
    """The paragraph lines from ``start`` on as cells ``(first, end)``: a line opening an
    enumeration item that continues the item before it (2. after 1., 二是 after 一是) joins the
    cell of that line."""
    cells: list[tuple[int, int]] = []
    last: tuple[str, int] | None = None
    bare = False  # the line before was a marker alone (1.): this line is its item's text
    k = start
    while k < len(repaired) and repaired[k].block.kind is BlockKind.PARAGRAPH:
        text = display_text(repaired[k].block)
        item = _item(text)
        continues = item is not None and last is not None and item == (last[0], last[1] + 1)
        if cells and (bare or continues):
            cells[-1] = (cells[-1][0], k + 1)
        else:
            cells.append((k, k + 1))
        if item is not None:
            last = item
        elif cells[-1][0] == k:
            last = None
        bare = item is not None and _ITEM_ALONE.fullmatch(text.strip()) is not None
        k += 1
    return cells


# A row that spans the table between two numbered rows: a category (一、党的建设方面).
_CATEGORY_ROW = compile_pattern(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]\s*\S.{0,38}|\S.{0,28}(?:方面|类)(?:问题)?)$"
)


def _table_at(
    repaired: Sequence[Repaired], start: int, headers: Collection[str], numbers: Collection[str]
) -> tuple[int, list[tuple[int, int]], list[tuple[int, int]]] | None:
    """``(columns, cells, rows)`` of a flattened table starting at ``start``: its body's cells
    as ``(first, end)`` line ranges, and its rows as ``(first cell, cells)``, a category that
    spans the table (一、党的建设方面) one cell; else ``None``."""
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
    cells = _cells(repaired, start + width)
    texts = ["\n".join(display_text(r.block).strip() for r in repaired[a:b]) for a, b in cells]
    end = 0
    row = 1
    shape: list[str] = []
    spans: list[tuple[int, int]] = []
    while end + width <= len(cells):
        if (
            texts[end] != str(row)
            and _CATEGORY_ROW.match(texts[end])
            and texts[end + 1 : end + 2] == [str(row)]
        ):
            spans.append((end, 1))  # a category's row, the next numbered row after it
            end += 1
            continue
        row_texts = texts[end : end + width]
        if row_texts[0] != str(row) or any(not t for t in row_texts):
            break
        kinds = [_kind(t) for t in row_texts]
        if not shape:
            shape = kinds
        elif sum(a != b for a, b in zip(shape, kinds, strict=True)) >= MAX_SHAPE_CHANGES:
            break  # cells that slid by a line: one of them wrapped
        # The next row's number where this row's cells end, or no next row at all: a next
        # number a little further on means this row's cells wrapped, and the table ends.
        after = end + width
        following = texts[after : after + width + 1]
        wrapped = following[:1] != [str(row + 1)] and str(row + 1) in following
        if wrapped and not (following[:1] and _CATEGORY_ROW.match(following[0])):
            break
        spans.append((end, width))
        end, row = after, row + 1
    if row == 1:
        return None
    while spans and spans[-1][1] == 1:  # a category with no row after it is no part of it
        end = spans.pop()[0]
    return width, cells[:end], spans
