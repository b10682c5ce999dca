"""Spreadsheet input (.xlsx, .xlsm, .xls, .ods, WPS .et): one table block per sheet with cell
provenance, merged cells filled, two-row headers, category and spacer rows, several sheets in one
report; sniffing, limits and hostile workbooks. Fixtures: scripts/fixtures/make_ledgers.py."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

import rectpipe
from rectpipe.errors import CorruptFileError, StructureNotFoundError, TooLargeError
from rectpipe.limits import Limits
from rectpipe.readers.sniff import sniff_format

from .test_ledger_cells import CELLS, PROGRESS, _rows

LEDGERS = Path(__file__).parent / "fixtures" / "ledgers"
BOOK_FORMATS = ["xlsx", "xlsm", "ods", "xls", "et"]


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls", "et"])
def test_ledger_sheet_equals_the_word_ledger(suffix: str) -> None:
    path = LEDGERS / f"ledger-cells.{suffix}"
    assert _rows(path) == CELLS

    def records(p: Path) -> list[tuple[object, ...]]:
        return [
            (x.title, x.description, x.actions, [m.text for m in x.measures])
            for x in rectpipe.parse_file(p).iter_problems()
        ]

    assert records(path) == records(LEDGERS / "ledger-cells.docx")


def test_progress_sheet() -> None:
    assert _rows(LEDGERS / "ledger-progress.xlsx") == PROGRESS


def _book(suffix: str) -> list[tuple[object, ...]]:
    report = rectpipe.parse_file(LEDGERS / f"ledger-book.{suffix}")
    return [
        (
            [item.title for item in p.path],
            p.number,
            p.title,
            p.status.value,
            p.responsible,
            p.deadline,
            p.actions.split("\n"),
            [m.marker for m in p.measures],
        )
        for p in report.iter_problems()
    ]


BOOK = [
    (
        ["党的建设", "理论学习方面"],
        "1",
        "理论学习中心组学习不深入",
        "completed",
        "办公室",
        "2024年6月30日",  # a real date in the cell
        ["1.修订中心组学习制度。", "2.每季度开展专题研讨。", "持续跟踪学习效果。"],
        ["1.", "2."],
    ),
    (
        ["党的建设", "理论学习方面"],
        "2",
        "意识形态工作责任制落实不到位",
        "in_progress",
        "机关党委",
        "2024年9月底",
        ["（1）制定责任清单；（2）开展专项检查。"],
        ["（1）", "（2）"],
    ),
    (
        ["党的建设", "基层组织方面"],
        "3",
        "支部“三会一课”记录不规范",
        "completed",
        "组织科",
        "2024年8月底",
        ["①统一记录本；②开展交叉检查。", "纳入年度考核。", "已统一记录本12本。"],
        ["①", "②"],
    ),
    (
        ["业务工作"],
        "1",
        "项目资金拨付不及时",
        "partially_completed",
        "财务科",
        "2024年10月底",
        ["一是建立拨付台账；二是实行周调度。"],
        ["一是", "二是"],
    ),
    (["业务工作"], "2", "合同管理不规范", "ongoing", "财务科", "长期坚持", ["清理历年合同。"], []),
]


@pytest.mark.parametrize("suffix", BOOK_FORMATS)
def test_workbook_of_category_sheets(suffix: str) -> None:
    # Sheets per category, a two-row header (整改措施 over 已采取措施 | 下一步措施), category
    # rows, a spacer row, 责任单位 merged down, a notes sheet; the hidden sheet is not read.
    assert _book(suffix) == BOOK


def test_cell_provenance() -> None:
    report = rectpipe.parse_file(LEDGERS / "ledger-book.xlsx")
    third = report.iter_problems()[2]
    assert third.sources["title"].path == "sheet:党的建设/r:9/c:2"
    assert third.sources["actions.2"].path == "sheet:党的建设/r:9/c:4"
    assert third.sources["responsible"].path == "sheet:党的建设/r:9/c:5"
    assert third.measures[1].provenance.path == "sheet:党的建设/r:9/c:3"
    # A title row merged across and a sheet of notes are lines of the sheet, not table rows.
    assert [b.path for b in report.blocks] == [
        "sheet:党的建设/r:1",
        "sheet:党的建设",
        "sheet:业务工作/r:1",
        "sheet:业务工作",
        "sheet:填表说明/r:1",
    ]
    assert report.source.format == "xlsx"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("ledger-book.xlsx", "xlsx"),
        ("ledger-book.xlsm", "xlsx"),
        ("ledger-book.ods", "ods"),
        ("ledger-book.xls", "xls"),
        ("ledger-book.et", "xls"),
    ],
)
def test_sniffing(name: str, fmt: str) -> None:
    data = (LEDGERS / name).read_bytes()
    assert sniff_format(data) == fmt  # from the content, whatever the name
    assert sniff_format(data, "renamed.doc") == fmt


# --- hostile workbooks -------------------------------------------------------------------

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _xlsx(rows_xml: str, *, sheets: int = 1, pad: int = 0) -> bytes:
    """A minimal workbook written by hand: ``sheets`` sheets holding ``rows_xml``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, sheets + 1)
        )
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        listed = "".join(
            f'<sheet name="表{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, sheets + 1)
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{listed}</sheets></workbook>',
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, sheets + 1)
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_PKG}">{links}</Relationships>'
        )
        for i in range(1, sheets + 1):
            z.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f'<worksheet xmlns="{_NS}"><sheetData>{rows_xml}</sheetData></worksheet>',
            )
        if pad:
            z.writestr("xl/media/padding.bin", b"\0" * pad)
    return out.getvalue()


def _c(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


_LEDGER = (
    '<row r="1">' + _c("A1", "序号") + _c("B1", "问题") + _c("C1", "整改措施")
    + _c("D1", "整改进展") + '</row><row r="2">' + _c("A2", "1") + _c("B2", "台账问题一。")
    + _c("C2", "1.甲。2.乙。") + _c("D2", "已完成") + "</row>"
)  # fmt: skip


def test_a_million_empty_rows() -> None:
    # Styled empty cells and formulas with no cached value on 1,000,000 rows: read and dropped.
    empty = "".join(
        f'<row r="{n}"><c r="A{n}" s="0"/><c r="D{n}" t="str"><f>1+1</f></c></row>'
        for n in range(3, 1_000_003)
    )
    started = time.perf_counter()
    report = rectpipe.parse_bytes(_xlsx(_LEDGER + empty), name="big.xlsx")
    assert time.perf_counter() - started < 30
    assert [(p.title, len(p.measures)) for p in report.iter_problems()] == [("台账问题一", 2)]
    with pytest.raises(TooLargeError):
        rectpipe.parse_bytes(
            _xlsx(_LEDGER + empty), name="big.xlsx", limits=Limits(max_cells=100_000)
        )


def test_a_far_cell_is_refused_before_it_is_laid_out() -> None:
    # One value at XFD1048576 would make calamine allocate the whole grid (and abort).
    far = '<row r="1048576">' + _c("XFD1048576", "x") + "</row>"
    with pytest.raises(TooLargeError, match="cells limit"):
        rectpipe.parse_bytes(_xlsx(_LEDGER + far), name="far.xlsx")


def test_formulas_without_cached_values() -> None:
    # Every cell a formula that was never calculated: nothing to read, no crash.
    formulas = "".join(
        f'<row r="{n}"><c r="A{n}"><f>B{n}&amp;"x"</f></c><c r="B{n}"><f>A{n}</f></c></row>'
        for n in range(1, 50)
    )
    with pytest.raises(StructureNotFoundError):
        rectpipe.parse_bytes(_xlsx(formulas), name="formulas.xlsx")
    # Status cells that are formulas without values: the rows are read, the status unknown.
    row = '<row r="3">' + _c("A3", "2") + _c("B3", "台账问题二。") + '<c r="D3"><f>D2</f></c></row>'
    problems = rectpipe.parse_bytes(_xlsx(_LEDGER + row), name="f.xlsx").iter_problems()
    assert [p.status.value for p in problems] == ["completed", "unknown"]


def test_zip_bomb_and_sheet_limits() -> None:
    with pytest.raises(TooLargeError, match="uncompressed"):
        rectpipe.parse_bytes(
            _xlsx(_LEDGER, pad=50_000_000),
            name="bomb.xlsx",
            limits=Limits(max_unzipped_bytes=10_000_000),
        )
    with pytest.raises(TooLargeError, match="sheets"):
        rectpipe.parse_bytes(
            _xlsx(_LEDGER, sheets=5), name="many.xlsx", limits=Limits(max_sheets=4)
        )
    assert len(rectpipe.parse_bytes(_xlsx(_LEDGER, sheets=3), name="x.xlsx").iter_problems()) == 3


def test_damaged_workbook_is_corrupt() -> None:
    data = (LEDGERS / "ledger-book.xls").read_bytes()
    with pytest.raises(CorruptFileError):
        rectpipe.parse_bytes(data[: len(data) // 3], name="cut.xls")


def test_a_sheet_that_does_not_start_at_a1_keeps_the_sheets_rows_and_columns(
    tmp_path: Path,
) -> None:
    """A ledger under a blank first row and column: cell paths count from A1, the merged
    title is filled over its range, and a date shown as a month through the workbook's own
    format reads as that month (calamine yields such a sheet's rows from row 1 or from the
    first used one, as its versions differ)."""
    import datetime as dt

    from openpyxl import Workbook

    from rectpipe.readers.sheet import read_sheet

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    sheet["C2"] = "整改台账"
    sheet.merge_cells("C2:E2")
    for column, name in zip("CDE", ("序号", "问题", "整改时限"), strict=True):
        sheet[f"{column}3"] = name
    sheet["C4"], sheet["D4"], sheet["E4"] = 1, "资金监管不到位。", dt.date(2024, 9, 30)
    sheet["E4"].number_format = "yyyy.m"
    sheet["C5"], sheet["D5"], sheet["E5"] = 2, "制度执行不严。", dt.date(2024, 12, 31)
    path = tmp_path / "offset.xlsx"
    book.save(path)

    document = read_sheet(path.read_bytes(), "xlsx")
    table = next(block for block in document.blocks if block.cells)
    assert table.cells == (
        ("序号", "问题", "整改时限"),
        ("1", "资金监管不到位。", "2024.9"),
        ("2", "制度执行不严。", "2024年12月31日"),
    )
    assert table.cell_paths is not None
    assert table.cell_paths[0][0] == "sheet:台账/r:3/c:3"
    assert table.cell_paths[2][2] == "sheet:台账/r:5/c:5"
    title = [block for block in document.blocks if block.text.startswith("整改台账")]
    assert [block.path for block in title] == ["sheet:台账/r:2"]
