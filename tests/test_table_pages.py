"""Tables across PDF pages: the seed laid out as a table (scripts/fixtures/make_seed_table.py),
its rows cut by page breaks and its header repeated on every page, gives the text seed's 26
problems; and the pieces that put such a table back together."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.readers.pdf import LayoutSettings, Line, read_pdf
from rectpipe.readers.pdf.cells import closes_paragraph, unbreakable_lead
from rectpipe.readers.pdf.table_pages import Ends, OpenTable, continues_row, join_row
from rectpipe.readers.pdf.tables import TableGrid

from .conftest import ROOT, SEED, problem_record

LEDGERS = ROOT / "tests" / "fixtures" / "ledgers"
SETTINGS = LayoutSettings()


@pytest.fixture(scope="module")
def seed_records() -> list[tuple[object, ...]]:
    return [problem_record(p) for p in rectpipe.parse_file(SEED).iter_problems()]


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_the_table_layout_seed_gives_the_seed_problems(
    suffix: str, seed_records: list[tuple[object, ...]]
) -> None:
    report = rectpipe.parse_file(LEDGERS / f"seed-table.{suffix}")
    records = [problem_record(p) for p in report.iter_problems()]
    assert len(records) == 26
    assert records == seed_records


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_a_ledger_with_a_row_per_measure_and_merged_cells_gives_the_seed_problems(
    suffix: str, seed_records: list[tuple[object, ...]]
) -> None:
    """One row per measure, 序号 / 反馈问题 / 整改结果 merged down the problem's rows and
    centred, merged cells cut by page breaks: the seed's 26 problems, each measure a line of
    its actions."""
    report = rectpipe.parse_file(LEDGERS / f"seed-table-merged.{suffix}")
    problems = report.iter_problems()
    records = [problem_record(p) for p in problems]
    assert len(records) == 26
    for got, want in zip(records, seed_records, strict=True):
        actions = 6  # problem_record's actions: the rows' pieces, a line each
        assert str(got[actions]).replace("\n", "") == want[actions]
        assert got[:actions] + got[actions + 1 :] == want[:actions] + want[actions + 1 :]
    for problem in problems:
        for measure in problem.measures:
            where = measure.provenance
            assert report.text[where.start : where.end] == measure.marker + measure.text


def test_the_pdf_table_is_one_block_with_one_header_and_whole_rows() -> None:
    document = read_pdf((LEDGERS / "seed-table.pdf").read_bytes())
    (table,) = [block for block in document.blocks if block.cells]
    rows = table.cells or ()
    assert rows[0] == ("序号", "反馈问题", "整改结果", "整改情况")
    assert rows.count(rows[0]) == 1  # repeated on every page, kept once
    after = document.blocks[document.blocks.index(table) + 1]
    assert (table.page, after.page) == (1, 7)  # the table runs over six pages
    data = [row for row in rows[1:] if row[1]]
    assert [row[0] for row in data] == [str(n) for n in range(1, 27)]
    assert not any("\n" in cell for row in data for cell in row)  # no stray breaks


def _line(text: str, size: float = 10.0, x0: float = 0.0) -> Line:
    """A line of ``text``, CJK characters one em wide, others half an em."""
    x0s, x1s, x = [], [], x0
    for ch in text:
        width = size if ord(ch) > 0x2E80 or ch in "“”" else size / 2
        x0s.append(x)
        x1s.append(x + width)
        x += width
    return Line(page=1, text=text, x0=x0, x1=x, top=0, bottom=size, size=size, x0s=x0s, x1s=x1s)


def test_what_a_line_starts_with_that_could_not_end_the_line_before() -> None:
    assert unbreakable_lead(_line("制度健全")) == 1.0
    assert unbreakable_lead(_line("制。2023年")) == 4.0  # 。 stays with 制, 2023 with 。
    assert unbreakable_lead(_line("“三重一大”")) == 2.0  # an opening quote with what follows
    assert unbreakable_lead(_line("2023年")) == 2.0


def test_a_short_line_is_a_wrap_when_what_follows_did_not_fit() -> None:
    # 3.5 em short of the cell's edge, in mid-sentence: 制。2023 (4 em) did not fit
    assert not closes_paragraph("四是进一步理顺体制机", 3.5, 4.0, SETTINGS)
    assert closes_paragraph("四是进一步理顺体制机", 3.5, 1.0, SETTINGS)
    assert closes_paragraph("已完成。", 1.5, 1.0, SETTINGS)  # a sentence ends short
    assert not closes_paragraph("已完成。", 0.4, 1.0, SETTINGS)  # …or on a full line


def _ends(rooms: tuple[float, ...], leads: tuple[float, ...] | None = None) -> Ends:
    return Ends(rooms, leads or (1.0,) * len(rooms))


def test_a_row_cut_by_the_page_break_is_its_rest() -> None:
    above = (
        "15",
        "投资民营企业的资金难以收回。投资某民营企业，导致投资难以",
        "阶段性完成",
        "研究制定出最优处置方",
    )
    rest = ("", "收回。", "", "案。目前，我区已收回部分债券。")
    full = _ends((4.0, 0.0, 6.0, 0.0))
    assert continues_row(above, full, rest, _ends((0, 0, 0, 0)), SETTINGS)
    joined = join_row(above, full, rest, _ends((0, 0, 0, 0)), SETTINGS)
    assert joined == (
        "15",
        "投资民营企业的资金难以收回。投资某民营企业，导致投资难以收回。",
        "阶段性完成",
        "研究制定出最优处置方案。目前，我区已收回部分债券。",
    )
    # a paragraph that had ended goes on on a new line
    ended = ("3", "问题", "完成", "1.修订计划。")
    assert (
        join_row(
            ended, _ends((4, 4, 4, 6)), ("", "", "", "2.建立制度。"), _ends((0,) * 4), SETTINGS
        )[3]
        == "1.修订计划。\n2.建立制度。"
    )


def test_a_new_row_is_not_a_rest() -> None:
    above = ("3", "公务用车使用登记不完整。", "机关服务中心", "2024年2月底")
    new = ("4", "办公用房超标准配备问题未整改到位。", "", "2024年8月底")
    assert not continues_row(above, _ends((4, 3, 3, 5)), new, _ends((0,) * 4), SETTINGS)
    # without a number column: a rest only when every cell it fills goes on mid-sentence
    cut = ("问题描述写到一半", "措施")
    assert continues_row(cut, _ends((0.0, 8.0)), ("没写完。", ""), _ends((1.0, 0.0)), SETTINGS)
    assert not continues_row(
        cut, _ends((0.0, 8.0)), ("新问题。", "新措施"), _ends((1.0, 1.0)), SETTINGS
    )


def _grid(rows: tuple[tuple[str, ...], ...]) -> TableGrid:
    width = len(rows[0])
    return TableGrid(
        bbox=(0, 0, 100, 100),
        xs=tuple(float(x) for x in range(width + 1)),
        rows=rows,
        rooms=tuple((0.0,) * width for _ in rows),
        leads=tuple((1.0,) * width for _ in rows),
    )


def test_a_header_of_two_rows_repeated_on_the_next_page_is_dropped() -> None:
    header = (("序号", "问题", "整改措施", "整改措施"), ("", "", "已采取措施", "下一步措施"))
    table = OpenTable.start(1, _grid((*header, ("1", "问题一。", "措施。", "计划。"))))
    table.extend(_grid((*header, ("2", "问题二。", "措施。", "计划。"))), SETTINGS)
    assert [row[0] for row in table.rows] == ["序号", "", "1", "2"]


def test_a_row_spanning_the_table_is_a_heading_not_a_rest() -> None:
    above = ("19", "拆迁安置不力", "阶段性完成", "一是对未安置人员进行摸")
    heading = ("（九）反馈问题：全面从严治党责任落实不到位。", "", "", "")
    cells, spanning = (0, 1, 2, 3), (0, 0, 0, 0)
    assert not continues_row(
        above,
        Ends((1.3, 0, 0, 0), (1, 1, 1, 1), cells),
        heading,
        Ends((0,) * 4, (3, 0, 0, 0), spanning),
        SETTINGS,
    )
    cut_heading = ("（九）反馈问题：全面从严治党责任", "", "", "")
    assert continues_row(
        cut_heading,
        Ends((0, 0, 0, 0), (1, 1, 1, 1), spanning),
        ("落实不到位。", "", "", ""),
        Ends((0,) * 4, (1, 0, 0, 0), spanning),
        SETTINGS,
    )
