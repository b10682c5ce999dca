"""Plain-text reader: one block per non-empty line, and one table block per run of
tab-separated lines.

A table copied out of a web page, a Word file or a spreadsheet into a text file keeps its
cells apart with tabs and its rows on lines of their own, and a row that spans the table (a
category's name, 一、大气污染防治方面) on a line without tabs::

    序号<TAB>反馈问题<TAB>整改措施<TAB>责任单位
    一、水污染防治方面
    1<TAB>部分河段垃圾清理不及时。<TAB>建立河道保洁长效机制。<TAB>县水利局

A spreadsheet's copy quotes a cell that holds line breaks (``"1.…<newline>2.…"``, a quote
inside it doubled); such a cell is read whole.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .blocks import Block, BlockKind, Document
from .decode import decode_text, mixed_encodings

__all__ = [
    "MAX_QUOTED_LINES",
    "MAX_SPANNING_ROW",
    "MAX_TABLE_COLUMNS",
    "MIN_TABLE_COLUMNS",
    "read_txt",
]

MIN_TABLE_COLUMNS = 3
"""Cells a tab-separated line needs to be a table's row (two tabs between text)."""
MAX_TABLE_COLUMNS = 64
"""Cells a table's row has at most (a ledger has a dozen or two); a line of more tabs is text."""
MAX_QUOTED_LINES = 50
"""The most lines a quoted cell runs over (a spreadsheet's copy quotes a cell that holds line
breaks: ``1<TAB>"1.…<newline>2.…"<TAB>县水利局``)."""
MAX_SPANNING_ROW = 40
"""The longest line without tabs that is taken for a row spanning the table (a category's
name) when rows go on after it."""

_BLANKS = " \t\u3000\xa0\ufeff"
_SENTENCE_END = ("。", "；", ";")


def read_txt(data: bytes) -> Document:
    """Blocks for each non-empty line of a text file, with ``path="line:N"`` (1-based).

    Line ends may be LF, CRLF or CR. ``indent`` is the number of leading blank characters;
    ``after_blank`` says an empty line came before (not before the first block). Two or more
    lines in a row of at least :data:`MIN_TABLE_COLUMNS` tab-separated cells are one table
    block: the first line its header, each cell's path ``line:N/c:K``. A row keeps the cells
    it has (no more than the header's); a short line without tabs between two rows is a row
    of one cell (a category spanning the table), as a web page's spanning cell is.
    """
    text = decode_text(data)
    notes = [("mixed_encoding", "lines in different encodings")] if mixed_encodings(data) else []
    lines: list[tuple[int, str, bool]] = []  # (number, line, after a blank line)
    blank = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip(_BLANKS):
            blank = bool(lines)
            continue
        lines.append((number, line, blank))
        blank = False
    return Document(blocks=_blocks(_quoted_cells_joined(lines)), format="txt", notes=notes)


def _quoted_cells_joined(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """``lines`` with each tab-separated line whose cell opens a quote it does not close joined
    to the lines after it, up to the line that closes it (a spreadsheet's copy of a cell that
    holds line breaks), for no more than :data:`MAX_QUOTED_LINES` lines."""
    if not any('"' in line for _, line, _ in lines):
        return lines
    out: list[tuple[int, str, bool]] = []
    k = 0
    while k < len(lines):
        number, line, after = lines[k]
        end = k + 1
        if (
            "\t" in line
            and line.count('"') % 2
            and any(cell.startswith('"') for cell in line.strip(_BLANKS).split("\t"))
        ):
            joined = line
            while end < len(lines) and end - k < MAX_QUOTED_LINES and joined.count('"') % 2:
                joined += "\n" + lines[end][1]
                end += 1
            if joined.count('"') % 2 == 0:
                out.append((number, joined, after))
                k = end
                continue
            end = k + 1
        out.append((number, line, after))
        k = end
    return out


def _cells(line: str) -> list[str] | None:
    """The cells of a table's row, or ``None`` for a line that is none (a quoted cell, as a
    spreadsheet's copy gives it, is read without its quotes)."""
    body = line.strip(_BLANKS)
    if '"' in body and "\t" in body and body.count('"') % 2 == 0:
        import csv  # only for a spreadsheet's quoted cells: not at import time

        cells = next(csv.reader([body], delimiter="\t"), [])
    else:
        cells = body.split("\t")
    return cells if MIN_TABLE_COLUMNS <= len(cells) <= MAX_TABLE_COLUMNS else None


def _blocks(lines: list[tuple[int, str, bool]]) -> list[Block]:
    blocks: list[Block] = []
    k = 0
    while k < len(lines):
        end = _table_end(lines, k)
        if end - k >= 2:
            blocks.append(_table(lines[k:end]))
            k = end
            continue
        number, line, after = lines[k]
        indent = float(len(line) - len(line.lstrip(" \t\u3000\xa0")))
        blocks.append(Block(text=line, path=f"line:{number}", indent=indent, after_blank=after))
        k += 1
    return blocks


def _table_end(lines: list[tuple[int, str, bool]], start: int) -> int:
    """Where the table whose header is line ``start`` ends (``start`` itself: no table)."""
    if _cells(lines[start][1]) is None:
        return start
    k = start + 1
    while k < len(lines):
        _, line, after = lines[k]
        if after:
            break  # an empty line ends a table
        if _cells(line) is not None:
            k += 1
            continue
        text = line.strip(_BLANKS)
        spanning = len(text) <= MAX_SPANNING_ROW and not text.endswith(_SENTENCE_END)
        following = k + 1 < len(lines) and not lines[k + 1][2]
        if spanning and following and _cells(lines[k + 1][1]) is not None:
            k += 1  # a category's row, with rows after it
            continue
        break
    return k


def _table(rows: list[tuple[int, str, bool]]) -> Block:
    width = len(_cells(rows[0][1]) or ())
    cells: list[tuple[str, ...]] = []
    paths: list[tuple[str, ...]] = []
    for number, line, _after in rows:
        found = _cells(line)
        if found is None:  # a row spanning the table
            cells.append((line.strip(_BLANKS),))
            paths.append((f"line:{number}/c:1",))
            continue
        row = tuple(cell.strip(_BLANKS) for cell in found[:width])
        cells.append(row)
        paths.append(tuple(f"line:{number}/c:{k}" for k in range(1, len(row) + 1)))
    return Block(
        text="\n".join("\t".join(row) for row in cells),
        kind=BlockKind.TABLE,
        path=f"line:{rows[0][0]}",
        cells=tuple(cells),
        cell_paths=tuple(paths),
        after_blank=rows[0][2],
    )
