"""Internal: the tree's text in reading order: the flow of lines and data tables under an
element, data tables as rows of cell texts, and a table's caption as blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ...runtime.record import record
from ..blocks import Block
from .dom import (
    _BLOCK_TAGS,
    _CELL_TAGS,
    _HEADING_TAGS,
    _children,
    _clean_line,
    _El,
    _is_data_table,
    _own_rows,
    _tag,
)
from .lists import item_label

# --------------------------------------------------------------------------------------------
# Flow: elements → lines (and tables) in reading order
# --------------------------------------------------------------------------------------------


@record
class _Line:
    text: str
    heading: str | None  # "h1".."h3" when the line is inside such a heading
    emphasis: bool = False  # every character of the line inside <strong> or <b>
    after_br: bool = False  # it goes on from a line a <br> ended, in the same element


@record
class _TableRef:
    element: _El


_BOLD_TAGS = frozenset({"strong", "b"})


def _flow(
    root: _El,
    *,
    boundaries: frozenset[str] = _BLOCK_TAGS,
    skip: Collection[_El] = (),
    tables: bool = False,
    on_skip: Callable[[_El, int], None] | None = None,
) -> list[_Line | _TableRef]:
    """Lines of text under ``root`` in reading order.

    A line ends at ``<br>`` and at the start and end of any element whose tag is in
    ``boundaries``. Elements in ``skip`` are left out (their tail text is kept) and reported to
    ``on_skip`` with the number of items out so far (where the element stood in the flow).
    With ``tables`` true, data tables come out as :class:`_TableRef` items instead of lines.
    Empty lines are dropped; ``<pre>`` keeps its own line breaks. An ``<ol>`` item's first
    line opens with the number the browser draws for it (:mod:`.lists`). A line that goes on from
    one a ``<br>`` ended, inside the same element and without an empty line between, is
    marked ``after_br``.
    """
    out: list[_Line | _TableRef] = []
    buf: list[str] = []
    plain = [0, 0]  # characters of the line in bold, and out of it
    heading_stack: list[str] = []
    pre_depth = 0
    bold_depth = 0
    opened_by_br = False  # the line being read began right after a <br> that ended a line
    label: str | None = None  # an <ol> item's number, waiting for the item's first text
    numbers: dict[_El, dict[_El, int]] = {}  # each <ol>'s item numbers, counted once

    def flush() -> bool:
        nonlocal opened_by_br
        text = _clean_line("".join(buf))
        buf.clear()
        emphasis = plain[0] > 0 and plain[1] == 0
        plain[0] = plain[1] = 0
        if text:
            heading = heading_stack[-1] if heading_stack else None
            out.append(_Line(text, heading, emphasis, opened_by_br))
        opened_by_br = False
        return bool(text)

    def keep(text: str) -> None:
        buf.append(text)
        plain[0 if bold_depth else 1] += len(text.strip())

    def add(text: str | None) -> None:
        nonlocal label
        if not text:
            return
        if label is not None and text.strip():
            buf.append(label)
            label = None
        if pre_depth and "\n" in text:
            first, *rest = text.split("\n")
            keep(first)
            for piece in rest:
                flush()
                keep(piece)
        else:
            keep(text)

    stack: list[tuple[_El, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = _tag(node)
        if closing:
            if tag in boundaries:
                flush()
            if tag in _HEADING_TAGS and heading_stack:
                heading_stack.pop()
            if tag == "li":
                label = None  # an item without text draws its number alone
            if tag == "pre":
                pre_depth -= 1
            if tag in _BOLD_TAGS:
                bold_depth -= 1
            if node is not root:
                add(node.tail)
            continue
        if not tag or (node is not root and node in skip):
            if tag and on_skip is not None:
                on_skip(node, len(out))
            if node is not root:
                add(node.tail)
            continue
        if tag == "br":
            opened_by_br = flush()  # after an empty line (<br><br>) a paragraph starts
            add(node.tail)
            continue
        if tables and tag == "table" and _is_data_table(node):
            flush()
            out.append(_TableRef(node))
            if node is not root:
                add(node.tail)
            continue
        if tag in boundaries:
            flush()
        if tag == "li":
            label = item_label(node, numbers)
        if tag in _HEADING_TAGS:
            heading_stack.append(tag)
        if tag == "pre":
            pre_depth += 1
        if tag in _BOLD_TAGS:
            bold_depth += 1
        add(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return out


def _lines(root: _El, *, boundaries: frozenset[str] = _BLOCK_TAGS) -> list[str]:
    return [item.text for item in _flow(root, boundaries=boundaries) if isinstance(item, _Line)]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _span(value: object, limit: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return 1
    return max(0, min(number, limit))


def _table_rows(table: _El) -> tuple[tuple[str, ...], ...]:
    """Rows of cell texts; a colspan cell appears once, a rowspan cell's text is repeated in
    every row it spans (so each row stands alone). Rows with no text are dropped."""
    trs = _own_rows(table)
    active: dict[int, tuple[str, int, int]] = {}  # start column -> (text, rows left, width)
    rows: list[tuple[str, ...]] = []
    for index, tr in enumerate(trs):
        remaining = len(trs) - index
        placed: list[tuple[int, str]] = []
        occupied: set[int] = set()
        for start, (text, _left, width) in active.items():
            placed.append((start, text))
            occupied.update(range(start, start + width))
        carried: dict[int, tuple[str, int, int]] = {}
        column = 0
        for cell in (c for c in _children(tr) if _tag(c) in _CELL_TAGS):
            while column in occupied:
                column += 1
            text = "\n".join(_lines(cell))
            width = _span(cell.get("colspan", "1"), 1000) or 1
            height = _span(cell.get("rowspan", "1"), 65534)
            height = remaining if height == 0 else min(height, remaining)
            placed.append((column, text))
            if height > 1:
                carried[column] = (text, height - 1, width)
            column += width
        for start, (text, left, width) in active.items():
            if left > 1:
                carried[start] = (text, left - 1, width)
        active = carried
        row = tuple(text for _col, text in sorted(placed, key=lambda item: item[0]))
        if any(row):
            rows.append(row)
    return tuple(rows)


def _caption_blocks(table: _El, start: int) -> list[Block]:
    """A data table's ``<caption>`` as paragraph blocks placed before the table block."""
    blocks: list[Block] = []
    for caption in (c for c in table if _tag(c) == "caption"):
        text = _clean_line(" ".join(_lines(caption)))
        if text:
            blocks.append(Block(text=text, path=f"html:p:{start + len(blocks)}"))
    return blocks
