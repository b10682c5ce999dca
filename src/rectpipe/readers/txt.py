"""Plain-text reader: one block per non-empty line, and one table block per run of
tab-separated lines.

A table copied out of a web page, a Word file or a spreadsheet into a text file keeps its
cells apart with tabs and its rows on lines of their own, and a row that spans the table (a
category's name, 一、大气污染防治方面) on a line without tabs::

    序号<TAB>反馈问题<TAB>整改措施<TAB>责任单位
    一、水污染防治方面
    1<TAB>部分河段垃圾清理不及时。<TAB>建立河道保洁长效机制。<TAB>县水利局

A spreadsheet's copy quotes a cell that holds line breaks (``"1.…<newline>2.…"``, a quote
inside it doubled); such a cell is read whole. A web page's or Word file's copy does not: the
cell's line break cuts its row in two, and the line after the cut holds the rest of the cell
and the cells after it. A row with fewer cells than the table has is joined to the lines
after it that make up exactly the cells it lacks::

    1<TAB>部分河段垃圾清理不及时。<TAB>1.建立河道保洁长效机制；
    2.落实河长巡河制度。<TAB>县水利局<TAB>已完成

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .blocks import Block, BlockKind, Document
from .decode import decode_text, mixed_encodings

__all__ = [
    "MAX_QUOTED_LINES",
    "MAX_SPANNING_ROW",
    "MAX_SPANNING_RUN",
    "MAX_TABLE_COLUMNS",
    "MIN_CUT_ROW_CELLS",
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
MAX_SPANNING_RUN = 3
"""The most rows spanning the table one after another (a category and its subcategories,
一、预算管理方面 then （一）预算编制) before the rows they head."""
MIN_CUT_ROW_CELLS = 2
"""Cells the first line of a row that a cell's line break cut in two holds at least."""

_BLANKS = " \t\u3000\xa0\ufeff"
_SENTENCE_END = ("。", "；", ";")


def read_txt(data: bytes) -> Document:
    """Blocks for each non-empty line of a text file, with ``path="line:N"`` (1-based).

    Line ends may be LF, CRLF or CR. ``indent`` is the number of leading blank characters;
    ``after_blank`` says an empty line came before (not before the first block). Two or more
    lines in a row of at least :data:`MIN_TABLE_COLUMNS` tab-separated cells are one table
    block: the first line its header, each cell's path ``line:N/c:K``. A row keeps the cells
    it has (no more than the header's, or its second row's when that has more); a short line
    without tabs between two rows is a row of one cell (a category spanning the table), as a
    web page's spanning cell is, and so are up to :data:`MAX_SPANNING_RUN` such lines in a
    row; a row a cell's line break cut in two is one row again, and in a table whose first
    rows no category heads, a short line between two rows is the rest of the last cell.
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
    """Where the table whose header is line ``start`` ends (``start`` itself: no table).

    Rows a cell's line break cut in two are joined in ``lines`` on the way."""
    header = _cells(lines[start][1])
    if header is None:
        return start
    width = _width(lines, start)
    k = start + 1
    rows = 0  # rows read so far, the header's own second row aside
    categories = False  # whether a category's row headed the first rows
    while k < len(lines):
        _, line, after = lines[k]
        if after:
            break  # an empty line ends a table
        cut = _cut_row_end(lines, k, width)
        if cut is not None:
            lines[k : cut + 1] = [(lines[k][0], _joined(lines[k : cut + 1]), after)]
            line = lines[k][1]
        row = _cells(line)
        if row is not None and k > start + 1 and _same_cell(row[0], header[0]):
            break  # the next table's header, right under this one's last row
        if row is not None:
            rows += not _same_cell(row[0], header[0])
            k += 1
            continue
        run = k
        while run < len(lines) and run - k < MAX_SPANNING_RUN and _spanning(lines[run]):
            run += 1
        after_run = _cells(lines[run][1]) if k < run < len(lines) and not lines[run][2] else None
        if (
            after_run
            and (run - k == 1 or len(after_run) == width)
            and not _same_cell(after_run[0], header[0])
        ):
            if rows and not categories and run - k == 1 and '"' not in lines[k - 1][1]:
                # no category headed the first rows: a short line between two rows is the
                # rest of the last cell, cut by its line break (已完成 / 长期坚持)
                lines[k - 1 : k + 1] = [(lines[k - 1][0], _joined(lines[k - 1 : k + 1]), False)]
                continue
            categories = categories or not rows
            k = run  # a category's row (and its subcategories'), with rows after it
            continue
        break  # text, or a signature and the next table's title above its header
    return k


def _same_cell(a: str, b: str) -> bool:
    """Whether two cells hold the same text (a header's 序号 repeated by the next table's)."""
    return a.strip(_BLANKS) == b.strip(_BLANKS)


def _spanning(line: tuple[int, str, bool]) -> bool:
    """Whether a line reads as a row spanning the table: short, no tabs, no sentence's end,
    no empty line before it."""
    text = line[1].strip(_BLANKS)
    return (
        not line[2]
        and "\t" not in text
        and len(text) <= MAX_SPANNING_ROW
        and not text.endswith(_SENTENCE_END)
    )


def _width(lines: list[tuple[int, str, bool]], start: int) -> int:
    """The cells of a table's rows: those of its header, or of the header's second line when
    it has more (a header over two rows, a merged group's name above its columns')."""
    width = len(_cells(lines[start][1]) or ())
    if start + 1 < len(lines) and not lines[start + 1][2]:
        width = max(width, len(_cells(lines[start + 1][1]) or ()))
    return width


def _cut_row_end(lines: list[tuple[int, str, bool]], k: int, width: int) -> int | None:
    """The last line of the row whose first line is ``k`` when a cell's line break cut it:
    line ``k`` has fewer than ``width`` cells, and the lines after it (no empty line between)
    add exactly the cells it lacks, or fewer (its last cells empty) up to a line that opens
    the next row with its number, past a line of cells. ``None`` otherwise."""
    first = lines[k][1].strip(_BLANKS)
    count = len(first.split("\t"))
    if '"' in first or not MIN_CUT_ROW_CELLS <= count < width:
        return None
    tabbed = False
    for end in range(k + 1, min(len(lines), k + MAX_QUOTED_LINES)):
        _, line, after = lines[end]
        cells = line.strip(_BLANKS).split("\t")
        if len(cells) > 1 and cells[0].strip(_BLANKS).isdigit():
            return end - 1 if tabbed and not after else None  # the next row
        if after or '"' in line:
            return None
        tabbed = tabbed or len(cells) > 1
        count += len(cells) - 1
        if count >= width:
            return end if count == width else None
    return None


def _joined(rows: list[tuple[int, str, bool]]) -> str:
    """The lines of a row a cell's line breaks cut, one line again (the breaks kept in it)."""
    return "\n".join(line.strip(_BLANKS) for _, line, _ in rows)


def _table(rows: list[tuple[int, str, bool]]) -> Block:
    width = _width(rows, 0)
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
