"""Spreadsheets (.xlsx, .xlsm, .xls, .ods, WPS .et) → one table block per sheet.

Internal. Cells are read with python-calamine (Rust calamine): one reader for the OOXML, BIFF
(Excel 97-2003 and WPS .et) and OpenDocument formats, fast, and never evaluating formulas — a
formula cell gives its cached value, or nothing when the file stores none.

Each sheet with text becomes one table block with path ``sheet:NAME`` (a cell is
``sheet:NAME/r:5/c:3``, 1-based as a spreadsheet program numbers them). Merged cells are filled
with the value of their top-left cell, blank spacer rows and empty columns are dropped, and
numbers and dates are written as a reader sees them (``12``, ``2024年6月30日``; an .xlsx date
shown as a month as the sheet shows it, ``2024.6``: see :mod:`.sheet_formats`). The ledger
extractor then reads header rows (also two-row headers) and category rows spanning the table.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from typing import TYPE_CHECKING

from ..errors import CorruptFileError, EncryptedUnsupportedError, TooLargeError
from ..limits import DEFAULT_LIMITS, Limits
from .blocks import Block, BlockKind, Document
from .sheet_formats import render_date, xlsx_date_formats

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

__all__ = ["cell_path", "read_sheet"]

Cell = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta


def cell_path(sheet: str, row: int, column: int) -> str:
    """The place of one cell, 1-based: ``sheet:问题清单/r:5/c:3``."""
    return f"sheet:{sheet}/r:{row}/c:{column}"


def read_sheet(data: bytes, fmt: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The sheets of a workbook as table blocks (``fmt``: ``xlsx``, ``xls`` or ``ods``)."""
    import python_calamine as calamine

    if not data:
        raise CorruptFileError("empty file")
    if data.startswith(b"PK"):
        _check_zip(data, limits)
        if fmt == "xlsx":
            _check_xlsx_extent(data, limits)
    elif "EncryptionInfo".encode("utf-16-le") in data[:65536] or b"E\x00n\x00c\x00r" in data:
        raise EncryptedUnsupportedError("password-protected workbook")
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise EncryptedUnsupportedError("password-protected workbook") from None
    except Exception as exc:  # calamine raises its own and plain errors for damaged files
        raise CorruptFileError(f"damaged {fmt} workbook: {exc}") from None
    visible = [
        meta.name
        for meta in book.sheets_metadata
        if meta.visible == calamine.SheetVisibleEnum.Visible
        and meta.typ == calamine.SheetTypeEnum.WorkSheet
    ]
    if len(book.sheet_names) > limits.max_sheets:
        raise TooLargeError(f"{len(book.sheet_names)} sheets, over the {limits.max_sheets} limit")
    blocks: list[Block] = []
    notes: list[tuple[str, str]] = []
    budget = limits.max_cells
    ods_merges = _ods_merges(data, limits) if fmt == "ods" else {}
    date_formats = xlsx_date_formats(data) if fmt == "xlsx" else {}
    for name in visible:
        try:
            sheet = book.get_sheet_by_name(name)
        except Exception as exc:
            raise CorruptFileError(f"damaged sheet {name!r}: {exc}") from None
        size = sheet.total_height * sheet.total_width
        if size > limits.max_cells:
            raise TooLargeError(
                f"sheet {name!r} spans {sheet.total_height} rows × {sheet.total_width} columns, "
                f"over the {limits.max_cells} cells limit"
            )
        rows, budget = _rows(sheet, budget, limits, date_formats.get(name, {}))
        _fill_merged(rows, sheet.merged_cell_ranges or ods_merges.get(name, []))
        table = _compact(rows)
        if not table:
            continue
        first, last = _table_rows(table)
        blocks.extend(_line_blocks(name, table[:first]))
        if first < last:
            body = table[first:last]
            cells = tuple(tuple(text for _, text in row) for _, row in body)
            blocks.append(
                Block(
                    text="\n".join("\t".join(row) for row in cells),
                    kind=BlockKind.TABLE,
                    path=f"sheet:{name}",
                    cells=cells,
                    cell_paths=tuple(
                        tuple(cell_path(name, r + 1, c + 1) for c, _ in row) for r, row in body
                    ),
                )
            )
        blocks.extend(_line_blocks(name, table[max(first, last) :]))
    if len(visible) < len(book.sheet_names):
        notes.append(("hidden_sheets", f"{len(book.sheet_names) - len(visible)} hidden sheets"))
    book.close()
    return Document(blocks=blocks, format=fmt, notes=notes)


def _check_zip(data: bytes, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            declared = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise CorruptFileError(f"not a zip package: {exc}") from None
    if declared > limits.max_unzipped_bytes:
        raise TooLargeError(
            f"zip members declare {declared} bytes uncompressed, over the "
            f"{limits.max_unzipped_bytes} limit"
        )


# A cell that holds something: <c r="XFD1048576" …> not closed on itself.
_XLSX_CELL = re.compile(rb'<c\s+r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>')


def _check_xlsx_extent(data: bytes, limits: Limits) -> None:
    """Refuse a sheet whose cells span more than ``max_cells``, before calamine lays the
    sheet out densely (one stray cell at XFD1048576 would ask it for hundreds of gigabytes).
    The sheet XML is scanned as it is decompressed, never held whole. A member that cannot
    be read back (a bad header, CRC or deflate stream) is ``corrupt``."""
    try:
        _scan_xlsx_extent(data, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
        raise CorruptFileError(f"damaged xlsx package: {exc}") from None


def _scan_xlsx_extent(data: bytes, limits: Limits) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            if not info.filename.startswith("xl/worksheets/") or info.filename.endswith(".rels"):
                continue
            rows = columns = 0
            tail = b""
            with package.open(info) as member:
                while chunk := member.read(1 << 20):
                    text = tail + chunk
                    last = 0
                    for found in _XLSX_CELL.finditer(text):
                        last = found.end()
                        if found.group(3):
                            continue
                        column = 0
                        for letter in found.group(1):
                            column = column * 26 + letter - 64
                        rows = max(rows, int(found.group(2)))
                        columns = max(columns, column)
                    tail = text[max(last, len(text) - 256) :]
            if rows * columns > limits.max_cells:
                raise TooLargeError(
                    f"{info.filename} spans {rows} rows × {columns} columns, over the "
                    f"{limits.max_cells} cells limit"
                )


def _rows(
    sheet: CalamineSheet, budget: int, limits: Limits, dates: dict[tuple[int, int], str]
) -> tuple[list[list[str]], int]:
    """The sheet's cells as text, from A1 (so row and column numbers are the sheet's, as
    merged ranges and cell paths count them); a date cell with a month format of the
    workbook's own (``dates``, 0-based from A1) as it shows it.

    calamine yields the used area of a sheet that does not start at A1 with its columns from
    the first used one and its rows from the first used one or from row 1, as its versions
    differ: the rows and columns it yielded, against the area's extent, tell which.

    Every row read costs at least one cell of the budget, so a sheet of a million empty rows
    is read (and dropped) but cannot run on without end."""
    rows: list[list[str]] = []
    shown: list[tuple[int, int, dt.date]] = []  # date cells a month format may show
    blank_run = 0
    yielded = width = 0
    for values in sheet.iter_rows():
        texts = [_text(v) for v in values]
        if dates:
            shown += [(yielded, c, v) for c, v in enumerate(values) if isinstance(v, dt.date)]
        yielded += 1
        width = max(width, len(values))
        filled = sum(1 for t in texts if t)
        budget -= max(1, filled)
        if budget < 0:
            raise TooLargeError(f"more than {limits.max_cells} cells in the workbook")
        if filled:
            rows.extend([] for _ in range(blank_run))
            blank_run = 0
            rows.append(texts)
        else:
            blank_run += 1
    top, left = _offsets(sheet, yielded, width)
    for r, c, value in shown:
        code = dates.get((r + top, c + left))
        month = render_date(value, code) if code and not isinstance(value, dt.datetime) else None
        if month and r < len(rows):
            rows[r][c] = month
    if left:
        rows = [[""] * left + row for row in rows]
    rows[:0] = [[] for _ in range(top)]
    return rows, budget


def _offsets(sheet: CalamineSheet, yielded: int, width: int) -> tuple[int, int]:
    """How many rows and columns lie before the ones calamine yielded: none when it yielded
    them from A1, the used area's start when it yielded them from there."""
    start, end = sheet.start, sheet.end
    if start is None or end is None:
        return 0, 0
    top = 0 if yielded > end[0] - start[0] + 1 else start[0]
    left = 0 if width > end[1] - start[1] + 1 else start[1]
    return top, left


def _text(value: Cell) -> str:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            value = value.date()
        else:
            return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _fill_merged(
    rows: list[list[str]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    """Every cell of a merged range holds the value of its top-left cell."""
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value


def _compact(rows: list[list[str]]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Rows with text, each as ``(row index, [(column index, text)…])`` over the columns that
    hold text anywhere in the sheet."""
    used = sorted({c for row in rows for c, text in enumerate(row) if text})
    table: list[tuple[int, list[tuple[int, str]]]] = []
    for r, row in enumerate(rows):
        if not any(row):
            continue  # spacer row
        table.append((r, [(c, row[c] if c < len(row) else "") for c in used]))
    return table


def _line_text(row: list[tuple[int, str]]) -> str | None:
    """The text of a row that is one line of the sheet (a title merged across, a 填报单位 row,
    a signature): one text, in one cell or repeated over merged cells; ``None`` otherwise."""
    texts = {text.strip() for _, text in row if text.strip()}
    return next(iter(texts)) if len(texts) == 1 else None


def _table_rows(table: list[tuple[int, list[tuple[int, str]]]]) -> tuple[int, int]:
    """Where the table proper starts and ends: the lines above its first row of several cells
    (title, 填报单位…) and below its last (填报日期, signature, 公示时间) are lines of the sheet,
    not rows. A sheet of lines only has no table."""
    grid = [k for k, (_, row) in enumerate(table) if _line_text(row) is None]
    if not grid:
        return len(table), len(table)
    return grid[0], grid[-1] + 1


def _line_blocks(name: str, rows: list[tuple[int, list[tuple[int, str]]]]) -> list[Block]:
    """The lines of a sheet around its table, one paragraph each (path ``sheet:NAME/r:N``)."""
    return [
        Block(text=text, path=f"sheet:{name}/r:{r + 1}")
        for r, row in rows
        if (text := _line_text(row)) is not None
    ]


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
Range = tuple[tuple[int, int], tuple[int, int]]


def _ods_merges(data: bytes, limits: Limits) -> dict[str, list[Range]]:
    """Merged ranges of each sheet of an OpenDocument spreadsheet (calamine gives them for
    Excel formats only), from the spans in content.xml; repeated rows and cells are counted,
    never expanded. A sheet whose cells with content span more than ``max_cells`` is refused
    here, before calamine lays it out."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            content = package.open("content.xml")
            merges: dict[str, list[Range]] = {}
            sheet, row, column = "", 0, 0
            events = etree.iterparse(
                content, events=("start", "end"), resolve_entities=False, no_network=True
            )
            for event, element in events:
                tag = element.tag
                if event == "start":
                    if tag == f"{{{_TABLE}}}table":
                        sheet, row = element.get(f"{{{_TABLE}}}name", ""), 0
                        merges[sheet] = []
                    elif tag == f"{{{_TABLE}}}table-row":
                        column = 0
                    elif tag == f"{{{_TABLE}}}table-cell":
                        rows = int(element.get(f"{{{_TABLE}}}number-rows-spanned", "1"))
                        columns = int(element.get(f"{{{_TABLE}}}number-columns-spanned", "1"))
                        if rows > 1 or columns > 1:
                            merges[sheet].append(
                                ((row, column), (row + rows - 1, column + columns - 1))
                            )
                    continue
                if tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                    column += int(element.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                    if len(element) or element.get(f"{{{_TABLE}}}value-type"):
                        extent = (row + 1) * column
                        if extent > limits.max_cells:
                            raise TooLargeError(
                                f"sheet {sheet!r} spans over {limits.max_cells} cells"
                            )
                elif tag == f"{{{_TABLE}}}table-row":
                    row += int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                element.clear()
            return merges
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError):
        return {}
