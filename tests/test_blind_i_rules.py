"""Rules added for the ledger shapes of blind batch i (docs/blind-i.md, docs/shapes.md §26)."""

from __future__ import annotations

import io

import openpyxl

import rectpipe
from rectpipe.extract.table_header import column_map
from rectpipe.extract.totals import read_counts
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile


def _book(sheets: dict[str, list[list[object]]]) -> rectpipe.Report:
    """A workbook with one sheet per entry (rows as given), parsed."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    raw = io.BytesIO()
    book.save(raw)
    return rectpipe.parse_bytes(raw.getvalue(), name="ledger.xlsx")


def test_the_units_column_is_the_responsible_one_beside_a_posts_column() -> None:
    profile = default_profile()
    header = ("序号", "存在问题", "整改措施", "责任领导", "责任科室", "整改时限")
    assert column_map(header, profile)["responsible"] == 4
    # 整改责任人 alone stays the responsible column; a unit column named otherwise wins.
    assert column_map(("序号", "反馈问题", "整改责任人", "整改时限"), profile)["responsible"] == 2
    assert column_map(("序号", "具体问题", "分管领导", "牵头股室"), profile)["responsible"] == 3
    assert column_map(("序号", "责任主体", "存在问题", "整改情况"), profile)["responsible"] == 1
    # A task list: the 整改任务 is the problem, the 牵头单位 (not the 配合单位) the responsible.
    tasks = ("序号", "整改任务", "整改目标", "整改措施", "牵头单位", "配合单位", "完成时限")
    mapping = column_map(tasks, profile)
    assert (mapping["title"], mapping["responsible"]) == (1, 4)


def test_sheets_named_by_status_give_their_rows_status() -> None:
    header = ["序号", "反馈问题", "整改措施", "责任单位"]
    report = _book(
        {
            "说明": [["中共某街道工作委员会巡察反馈问题整改清单"]],
            "已完成整改": [header, [1, "食堂采购未执行询价制度。", "建立询价制度。", "财政所"]],
            "正在整改": [
                [*header, "目前进展"],
                [1, "加装电梯推进缓慢。", "包联推进。", "城建办", "已完成9部，剩余9部正在协调。"],
            ],
        }
    )
    problems = list(report.iter_problems())
    assert [(p.status, [i.title for i in p.path]) for p in problems] == [
        (Status.COMPLETED, ["已完成整改"]),
        (Status.IN_PROGRESS, ["正在整改"]),
    ]
    # The progress cell is no status there: it joins the actions.
    assert "已完成9部" in problems[1].actions
    # Sheets named by category keep reading the status column.
    status = [*header, "整改情况"]
    report = _book(
        {
            "党建方面": [status, [1, "学习不深入。", "制定计划。", "办公室", "正在整改"]],
            "财务方面": [status, [1, "白条入账。", "补齐票据。", "财政所", "已完成"]],
        }
    )
    assert [p.status for p in report.iter_problems()] == [Status.IN_PROGRESS, Status.COMPLETED]


def test_subtotal_rows_are_no_totals_and_new_status_words_count() -> None:
    profile = default_profile()
    assert read_counts("已解决5个，正在办理中2个", profile).values == {
        "completed": 5,
        "in_progress": 2,
    }
    assert read_counts("已销号4个，尚在整改期内1个", profile).values == {
        "completed": 4,
        "in_progress": 1,
    }
    header = ["序号", "具体问题", "整改措施", "牵头股室", "整改情况"]
    report = _book(
        {
            "台账": [
                ["某局巡察反馈问题整改落实台账"],
                header,
                ["（一）党建方面"],
                [1, "学习不深入。", "制定计划。", "办公室", "已解决"],
                [2, "组织生活不规范。", "规范记录。", "机关党委", "正在办理中"],
                ["小计", None, "2个问题", None, "已解决1个，正在办理中1个"],
                ["（二）财务方面"],
                [3, "白条入账。", "补齐票据。", "财政所", "已解决"],
                ["小计", None, "1个问题", None, "已解决1个"],
                ["合计", None, "3个问题", None, "已解决2个，正在办理中1个"],
            ]
        }
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (3, 2, 1)
    assert [p.status for p in report.iter_problems()] == [
        Status.COMPLETED,
        Status.IN_PROGRESS,
        Status.COMPLETED,
    ]


def _page(lead: str, rows: list[list[str]], *, title: str = "") -> rectpipe.Report:
    """A web page: an optional <h1>, a lead paragraph and one table of plain rows."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = f"<h1>{title}</h1>" if title else ""
    html = f"<html><body>{head}<p>{lead}</p><table>{body}</table></body></html>"
    return rectpipe.parse_bytes(html.encode("utf-8"), name="report.html")


def test_a_tables_caption_row_is_the_title_of_a_document_without_one() -> None:
    caption = "中共某镇委员会巡察反馈问题整改情况公示表"
    rows = [
        [caption, caption, caption, caption],
        ["序号", "反馈问题", "整改措施", "整改情况"],
        ["1", "惠农补贴发放审核不严。", "开展专项清理。", "已完成整改"],
    ]
    lead = "县委第二巡察组于2024年7月18日反馈了巡察意见，现将整改情况公示如下。"
    assert _page(lead, rows).metadata.title == caption
    # A title line above wins over the caption.
    titled = _page(lead, rows, title="中共某镇委员会关于巡察整改进展情况的通报")
    assert titled.metadata.title == "中共某镇委员会关于巡察整改进展情况的通报"
    # A table opening with its header gives no title.
    assert _page(lead, rows[1:]).metadata.title is None


def test_a_summary_sheets_title_and_an_updated_to_date() -> None:
    report = _book(
        {
            "汇总": [
                ["中共某镇委员会巡察反馈问题整改情况汇总表"],
                ["（县委第三巡察组反馈，更新至2025年4月30日）"],
                ["被巡察党组织", "反馈问题数", "已整改", "正在整改"],
                ["镇党委", 1, 1, 0],
                ["合计", 1, 1, 0],
            ],
            "镇党委": [
                ["镇党委反馈问题整改台账"],
                ["序号", "存在问题", "整改措施", "整改情况"],
                [1, "考勤管理松散。", "启用电子考勤。", "已整改"],
            ],
        }
    )
    assert report.metadata.title == "中共某镇委员会巡察反馈问题整改情况汇总表"
    # The day a list is updated to is no feedback date.
    assert report.metadata.feedback_date is None


def test_the_header_repeated_on_a_later_page_is_no_problem() -> None:
    header = ["序号", "反馈问题", "整改措施", "责任单位", "整改情况"]
    rows = [
        header,
        ["1", "学习研讨流于形式。", "制定学习计划。", "党政办", "已完成整改"],
        header,
        ["2", "白条入账5笔。", "补齐票据。", "财政所", "已完成整改"],
    ]
    report = _page("现将整改情况公示如下。", rows, title="某镇巡察反馈问题整改情况公示")
    assert [p.title for p in report.iter_problems()] == ["学习研讨流于形式", "白条入账5笔"]


def test_a_date_shown_as_a_month_is_read_as_that_month() -> None:
    import datetime as dt

    from rectpipe.readers.sheet_formats import render_date

    day = dt.date(2024, 9, 30)
    assert render_date(day, "yyyy.m") == "2024.9"
    assert render_date(day, 'yyyy"年"m"月"') == "2024年9月"
    assert render_date(day, "[$-804]yyyy-mm") == "2024-09"
    assert render_date(day, 'yyyy"年"m"月";@') == "2024年9月"
    # With its day, a time, a colour or sections the reader's own writing stays.
    for code in ("yyyy.m.d", "yyyy-mm-dd hh:mm", "[Red]yyyy.m", "yyyy.m;yyyy", "General"):
        assert render_date(day, code) is None
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "存在问题", "整改措施", "整改时限", "整改进度"])
    sheet.append([1, "补贴审核把关不严。", "追回补贴。", day, "已完成"])
    sheet.append([2, "预算执行偏慢。", "按月分析。", day, "推进中"])
    sheet["D2"].number_format = "yyyy.m"
    sheet["D3"].number_format = 'yyyy"年"m"月"d"日"'
    raw = io.BytesIO()
    book.save(raw)
    report = rectpipe.parse_bytes(raw.getvalue(), name="ledger.xlsx")
    assert [p.deadline for p in report.iter_problems()] == ["2024.9", "2024年9月30日"]


def test_two_tables_a_reader_joined_are_read_each_with_its_own_header() -> None:
    from rectpipe.extract.tables import _header_words, _sections

    profile = default_profile()
    rows = (
        ("序号", "反馈问题", "整改措施", "责任单位", "", ""),
        ("1", "食堂采购未执行询价制度。", "建立询价制度。", "财政所", "", ""),
        ("序号", "", "反馈问题", "整改措施", "责任单位", "目前进展"),
        ("1", "", "加装电梯推进缓慢。", "包联推进。", "城建办", "正在协调"),
        ("序号", "", "反馈问题", "整改措施", "责任单位", "目前进展"),
        ("2", "", "网格员配备不足。", "公开招聘。", "治理中心", "正在招聘"),
    )
    first = column_map(rows[0], profile)
    # The second header starts a table of its own; the same header again (a new page) does not.
    assert [at for at, _ in _sections(rows, 0, first, profile)] == [0, 2]
    # A header line whose blanks the copy lost, cut into the profile's column names.
    assert _header_words("序号反馈问题整改措施责任单位完成时限目前进展", profile) == (
        "序号",
        "反馈问题",
        "整改措施",
        "责任单位",
        "完成时限",
        "目前进展",
    )
    assert _header_words("序号反馈问题配合单位", profile) == ()
