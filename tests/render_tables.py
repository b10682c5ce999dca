"""A ledger sample's tables written again as publishers write them (tests/test_table_renderings.py).

The sample is read by rectpipe's own reader; its blocks (paragraphs, and tables as rows of cell
texts) become a :class:`Ledger`, which is written as a workbook (a merged title row, a sheet a
table, a two-row header and category cells merged), a portal's web page (``rowspan`` /
``colspan``, navigation and footer around the article), a Word file (cells merged with python-docx,
East Asian fonts) and that Word file's LibreOffice PDF. Merges are found by generic rules: a row
of one text spans the table, a header row shorter than the row under it spans its groups, equal
header texts one above the other are one cell, and a category column (类别 / 类型) is merged down
over equal texts. Everything but zip times is deterministic.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectpipe.extract.table_header import align_header
from rectpipe.readers.blocks import BlockKind
from rectpipe.readers.dispatch import read_document

__all__ = [
    "CONVERSIONS",
    "RENDERINGS",
    "Ledger",
    "converted",
    "ledger_of",
    "to_docx",
    "to_html",
    "to_pdfs",
    "to_xlsx",
]

_CATEGORY_WORDS = ("类别", "类型")


@dataclass
class Table:
    """A grid of ``width`` columns; ``spans`` maps a top-left (row, col) to (rows, cols);
    cells covered by a span are ``None``."""

    grid: list[list[str | None]]
    spans: dict[tuple[int, int], tuple[int, int]]
    header_rows: int
    name: str
    before: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    """A document: paragraphs before each table go with it, ``after`` closes the document."""

    title: str
    tables: list[Table]
    after: list[str]
    lead: list[str] = field(default_factory=list)
    page_date: str | None = None


def _table(rows: tuple[tuple[str, ...], ...], name: str, *, merge_all: bool = False) -> Table:
    width = max(len(r) for r in rows)
    values: list[list[str]] = []
    for i, row in enumerate(rows):
        if len(row) == 1 and width > 1:
            values.append([row[0]] * width)
        elif len(row) < width and i + 1 < len(rows) and len(rows[i + 1]) == width:
            aligned = align_header(row, rows[i + 1])  # the reader's own alignment
            values.append((list(aligned) + [""] * width)[:width])
        else:
            values.append(list(row) + [""] * (width - len(row)))
    header = 1
    if (
        len(values) > 2
        and not values[1][0].strip().isdigit()
        and any(a == b and a for a, b in zip(values[0], values[1], strict=True))
        and values[0] != values[1][:width]
    ):
        header = 2
    grid: list[list[str | None]] = [list(r) for r in values]
    spans: dict[tuple[int, int], tuple[int, int]] = {}

    def cover(r0: int, c0: int, rows_: int, cols: int) -> None:
        spans[(r0, c0)] = (rows_, cols)
        for r in range(r0, r0 + rows_):
            for c in range(c0, c0 + cols):
                if (r, c) != (r0, c0):
                    grid[r][c] = None

    # Rows whose every cell says the same: one cell across (category rows, notes).
    for r, row in enumerate(values):
        if width > 1 and row[0] and all(v == row[0] for v in row):
            cover(r, 0, 1, width)
    # The header: equal texts side by side in the top row, equal texts one above the other.
    if header == 2:
        c = 0
        while c < width:
            n = 1
            while (
                c + n < width
                and values[0][c + n] == values[0][c]
                and values[1][c + n] != values[0][c]
            ):
                n += 1
            if values[1][c] == values[0][c]:
                cover(0, c, 2, 1)
            elif n > 1:
                cover(0, c, 1, n)
            c += n
    # A category column merged down over equal texts.
    for c, head in enumerate(values[header - 1]):
        if not merge_all and not any(w in head for w in _CATEGORY_WORDS):
            continue
        r = header
        while r < len(values):
            n = 1
            while (
                r + n < len(values)
                and values[r + n][c] == values[r][c]
                and values[r][c]
                and grid[r + n][c] is not None
                and (r + n, 0) not in spans
            ):
                n += 1
            if n > 1 and grid[r][c] is not None and (r, 0) not in spans:
                cover(r, c, n, 1)
            r += n
    return Table(grid, spans, header, name)


def ledger_of(path: Path, *, merge_all: bool = False) -> Ledger:
    """The sample's blocks as a :class:`Ledger`, read by rectpipe's reader for its format;
    ``merge_all``: equal texts one above the other merged down in every column, not only in a
    category column (one 责任单位 or 整改时限 cell over several problems)."""
    document = read_document(path.read_bytes(), path.suffix.lstrip("."))
    title = ""
    lead: list[str] = []
    tables: list[Table] = []
    pending: list[str] = []
    for block in document.blocks:
        if block.kind is BlockKind.TABLE and block.cells:
            name = block.path.removeprefix("sheet:") if block.path.startswith("sheet:") else ""
            table = _table(block.cells, name or f"Sheet{len(tables) + 1}", merge_all=merge_all)
            table.before, pending = pending, []
            tables.append(table)
        elif not title and re.fullmatch(r"附件\s*\d*[:：]?", block.text.strip()):
            lead.append(block.text)
        elif not title:
            title = block.text
        else:
            pending.append(block.text)
    return Ledger(title, tables, pending, lead, document.hints.get("页面日期"))


def _closing_date(ledger: Ledger) -> list[str]:
    """A web page's date, which stood outside its article, as the date line a Word file or a
    workbook closes with."""
    dated = r".*\d{4}年\d{1,2}月\d{1,2}日[）)]?"
    if not ledger.page_date or any(re.fullmatch(dated, line.strip()) for line in ledger.after):
        return []
    year, month, day = (int(p) for p in ledger.page_date.split("-"))
    return [f"{year}年{month}月{day}日"]


# --- workbook --------------------------------------------------------------------------------


def _lines(text: str, width: float) -> int:
    """How many printed lines ``text`` takes in a column ``width`` units wide (a CJK
    character two units)."""
    return sum(max(1, -(-2 * len(part) // max(1, int(width) - 1))) for part in text.split("\n"))


def _lay_out(sheet: Any, table: Table, first: int) -> None:
    """Column widths from the cells' texts (a CJK character two units, 6 to 40), every cell
    wrapped, the table's cells ruled, rows merged across given the height their text needs
    (LibreOffice fits no row's height on opening a workbook), landscape and one page wide, as a
    publisher sets a sheet to print."""
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")

    widths = []
    for c in range(len(table.grid[0])):
        texts = [
            row[c] or ""
            for r, row in enumerate(table.grid)
            if table.spans.get((r, c), (1, 1))[1] == 1 and row[c] is not None
        ]
        longest = max((max(map(len, t.split("\n")), default=0) for t in texts), default=0)
        widths.append(min(40, max(6, 2 * longest + 2)))
        sheet.column_dimensions[get_column_letter(c + 1)].width = widths[-1]
    total = sum(widths)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if first <= cell.row < first + len(table.grid):
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number in range(1, sheet.max_row + 1):
        r = number - first
        if 0 <= r < len(table.grid):
            needs = [
                _lines(value, sum(widths[c : c + table.spans.get((r, c), (1, 1))[1]]))
                for c, value in enumerate(table.grid[r])
                if value is not None and table.spans.get((r, c), (1, 1))[0] == 1
            ]
            sheet.row_dimensions[number].height = 15 * max(needs, default=1)
            continue
        text = str(sheet.cell(number, 1).value or "")
        sheet.row_dimensions[number].height = 18 * _lines(text, total)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def to_xlsx(ledger: Ledger) -> bytes:
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for t, table in enumerate(ledger.tables):
        sheet = book.create_sheet(table.name[:31])
        width = len(table.grid[0])
        lines = ([*ledger.lead, ledger.title] if t == 0 else []) + table.before
        for line in lines:
            sheet.append([line])
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
            )
        if t == 0 and ledger.title:
            sheet.cell(1 + len(ledger.lead), 1).font = Font(
                name="方正小标宋简体", size=16, bold=True
            )
        first = sheet.max_row + 1
        for row in table.grid:
            sheet.append(["" if v is None else v for v in row])
        for (r, c), (rows, cols) in sorted(table.spans.items()):
            sheet.merge_cells(
                start_row=first + r,
                start_column=1 + c,
                end_row=first + r + rows - 1,
                end_column=c + cols,
            )
        if t == len(ledger.tables) - 1:
            for line in ledger.after + _closing_date(ledger):
                sheet.append([line])
                sheet.merge_cells(
                    start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
                )
        _lay_out(sheet, table, first)
    when = dt.datetime(2025, 1, 1)
    book.properties.created = book.properties.modified = when
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- web page --------------------------------------------------------------------------------


def _html_table(table: Table) -> str:
    rows = []
    for r, row in enumerate(table.grid):
        cells = []
        tag = "th" if r < table.header_rows else "td"
        for c, value in enumerate(row):
            if value is None:
                continue
            rs, cs = table.spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            text = html.escape(value).replace("\n", "<br>")
            cells.append(f"<{tag}{attrs}>{text}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="4" class="MsoTableGrid">'
        + "".join(rows)
        + "</table>"
    )


def to_html(ledger: Ledger) -> bytes:
    date = f"<span>发布时间：{ledger.page_date}</span> " if ledger.page_date else ""
    body = [f'<h1 class="article-title">{html.escape(ledger.title)}</h1>']
    body.append(
        f'<div class="info">{date}<span>来源：本站</span> <span>字号：大 中 小</span></div>'
    )
    body.append('<div class="article-content" id="zoom">')
    body.extend(f"<p>{html.escape(line)}</p>" for line in ledger.lead)
    for table in ledger.tables:
        body.extend(f"<p>{html.escape(line)}</p>" for line in table.before)
        body.append(_html_table(table))
    body.extend(f"<p>{html.escape(line)}</p>" for line in ledger.after)
    body.append("</div>")
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(ledger.title)}_门户网站</title></head><body>"
        '<div class="header"><ul class="nav"><li><a href="/">首页</a></li>'
        '<li><a href="/xxgk/">信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>'
        + "".join(body)
        + '<div class="footer"><p>主办单位：门户网站管理中心</p><p>网站标识码：0000000000</p>'
        "</div></body></html>"
    )
    return page.encode("utf-8")


# --- Word ------------------------------------------------------------------------------------


def _east_asian(run: object, font: str) -> None:
    from docx.oxml.ns import qn

    run.font.name = "Times New Roman"  # type: ignore[attr-defined]
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.set(qn("w:eastAsia"), font)


def to_docx(ledger: Ledger) -> bytes:
    import datetime as dt

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = dt.datetime(2025, 1, 1)
    document.core_properties.title = ""

    def para(text: str, font: str = "仿宋_GB2312", size: int = 16, center: bool = False) -> None:
        paragraph = document.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        _east_asian(run, font)

    for line in ledger.lead:
        para(line, "黑体")
    para(ledger.title, "方正小标宋简体", 22, center=True)
    for table in ledger.tables:
        for line in table.before:
            para(line)
        grid = table.grid
        out = document.add_table(rows=len(grid), cols=len(grid[0]))
        out.style = "Table Grid"
        for (r, c), (rows, cols) in sorted(table.spans.items()):
            out.cell(r, c).merge(out.cell(r + rows - 1, c + cols - 1))
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is None:
                    continue
                cell = out.cell(r, c)
                lines = value.split("\n")
                cell.paragraphs[0].text = ""
                for k, line in enumerate(lines):
                    paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    run = paragraph.add_run(line)
                    run.font.size = Pt(10.5)
                    run.bold = r < table.header_rows
                    _east_asian(run, "黑体" if r < table.header_rows else "仿宋_GB2312")
    for line in ledger.after + _closing_date(ledger):
        para(line)
    out_bytes = io.BytesIO()
    document.save(out_bytes)
    return out_bytes.getvalue()


def converted(ledgers: list[Ledger], soffice: str, source: str, target: str) -> list[bytes]:
    """The ledgers written as ``source`` (``docx`` or ``xlsx``) and converted to ``target``
    (``pdf``, ``ods``, ``xls``, ``html``) by LibreOffice, in one run for all."""
    write = to_docx if source == "docx" else to_xlsx
    with tempfile.TemporaryDirectory() as folder:
        sources = [Path(folder) / f"ledger{k:03d}.{source}" for k in range(len(ledgers))]
        for path, ledger in zip(sources, ledgers, strict=True):
            path.write_bytes(write(ledger))
        out = Path(folder) / "out"
        subprocess.run(
            [soffice, "--headless", "--convert-to", target, "--outdir", str(out)]
            + [str(s) for s in sources],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [(out / path.name).with_suffix(f".{target}").read_bytes() for path in sources]


def to_pdfs(ledgers: list[Ledger], soffice: str) -> list[bytes]:
    """The Word files as LibreOffice prints them."""
    return converted(ledgers, soffice, "docx", "pdf")


#: name → (source written, LibreOffice's target): copies LibreOffice makes.
CONVERSIONS: dict[str, tuple[str, str]] = {
    "pdf": ("docx", "pdf"),
    "xlsx-pdf": ("xlsx", "pdf"),
    "ods": ("xlsx", "ods"),
    "xls": ("xlsx", "xls"),
    "docx-html": ("docx", "html"),
}


RENDERINGS: dict[str, tuple[str, Callable[[Ledger], bytes], bool]] = {
    "xlsx": (".xlsx", to_xlsx, False),
    "html": (".html", to_html, False),
    "docx": (".docx", to_docx, False),
    "xlsx-merged": (".xlsx", to_xlsx, True),
    "html-merged": (".html", to_html, True),
    "docx-merged": (".docx", to_docx, True),
}
"""name → (file suffix, renderer, equal texts merged down in every column); the PDF needs
LibreOffice and is run apart."""
