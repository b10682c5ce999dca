"""Rules added for the table shapes of blind batch o (docs/blind-o.md, docs/shapes.md §20)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.table_header import align_header, column_map, tick_columns, ticked
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile
from rectpipe.readers.pdf import LayoutSettings
from rectpipe.readers.pdf.table_pages import Ends, continues_row


def _page(lead: str, rows: list[list[str]], tail: str = "") -> rectpipe.Report:
    """A web page with a lead paragraph and one table (first row as header cells)."""
    head = "".join(f"<th>{c}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows[1:])
    html = (
        "<html><head><title>整改情况</title></head><body><div class='article'>"
        f"<h1>关于审计发现问题整改情况的报告</h1><p>{lead}</p>"
        f"<table><tr>{head}</tr>{body}</table>{tail}</div></body></html>"
    )
    return rectpipe.parse_bytes(html.encode("utf-8"), name="report.html")


_LEAD = "2024年6月，县审计局对我单位开展了审计，现将整改情况报告如下。"


def test_a_category_column_is_the_path_not_the_title() -> None:
    profile = default_profile()
    # 问题类别 names the category exactly; 问题… only starts so: the problem is 审计发现问题.
    header = ("问题类别", "序号", "审计发现问题", "整改措施", "整改责任科室", "整改结果")
    assert column_map(header, profile) == {
        "category": 0,
        "number": 1,
        "title": 2,
        "actions": 3,
        "responsible": 4,
        "status": 5,
    }
    # A count column (问题数) and a …情况 column naming no one are no field.
    assert column_map(("问题类别", "问题数", "已完成"), profile) == {"category": 0}
    assert "responsible" not in column_map(
        ("序号", "交办问题基本情况", "责任人被处理情况"), profile
    )
    report = _page(
        _LEAD,
        [
            ["问题类别", "序号", "审计发现问题", "整改措施", "责任部门", "整改状态"],
            ["一、财务管理", "1", "往来款项长期未清理。", "逐笔核对往来款项。", "财务科", "已整改"],
            [
                "一、财务管理",
                "2",
                "部分支出未经审批即支付。",
                "补办审批手续。",
                "财务科",
                "部分整改",
            ],
            [
                "工程建设管理",
                "3",
                "管网改造工程变更签证手续不全。",
                "补充签证资料。",
                "工程部",
                "整改中",
            ],
            ["合计", "合计", "3个问题", "", "", "已整改1个，部分整改1个，整改中1个"],
        ],
    )
    problems = list(report.iter_problems())
    assert [p.title for p in problems] == [
        "往来款项长期未清理",
        "部分支出未经审批即支付",
        "管网改造工程变更签证手续不全",
    ]
    assert [[i.title for i in p.path] for p in problems] == [
        ["财务管理"],
        ["财务管理"],
        ["工程建设管理"],
    ]
    assert problems[0].path[0].marker == "一、"
    assert [p.status for p in problems] == [
        Status.COMPLETED,
        Status.PARTIALLY_COMPLETED,
        Status.IN_PROGRESS,
    ]


def test_a_header_cell_merged_across_is_laid_over_its_sub_columns() -> None:
    below = ("序号", "反馈问题", "整改措施", "完成情况", "责任部门")
    # Word and web pages give the merged cell once; a PDF leaves the cells it covers empty.
    once = ("序号", "反馈问题", "整改情况", "责任部门")
    pdf = ("序号", "反馈问题", "整改情况", "", "责任部门")
    wanted = ("序号", "反馈问题", "整改情况", "整改情况", "责任部门")
    assert align_header(once, below) == wanted
    assert align_header(pdf, below) == wanted
    assert align_header(wanted, below) == wanted


def test_a_long_progress_cell_gives_its_status_from_its_closing_sentence() -> None:
    report = _page(
        _LEAD,
        [
            ["序号", "反馈问题", "整改目标", "责任单位", "整改进展情况"],
            [
                "1",
                "畜禽养殖污染治理不到位。",
                "配套率100%。",
                "县农业农村局",
                "已完成23家规模养殖场设施配套，剩余4家正在建设。达到序时进度。",
            ],
            [
                "2",
                "矿山开采破坏生态问题整治滞后。",
                "完成修复。",
                "县自然资源局",
                "2座矿山已完成修复，1座正在开展边坡治理。正在推进。",
            ],
            [
                "3",
                "燃煤锅炉未全部淘汰。",
                "淘汰11台。",
                "县工信局",
                "11台燃煤锅炉已全部拆除，园区实现集中供热。已完成。",
            ],
        ],
    )
    statuses = [p.status for p in report.iter_problems()]
    assert statuses == [Status.IN_PROGRESS, Status.IN_PROGRESS, Status.COMPLETED]


def test_a_tick_under_one_of_several_status_columns_is_the_status() -> None:
    profile = default_profile()
    header = ("序号", "问题描述", "牵头部门", "整改状态", "整改状态", "整改状态")
    below = ("序号", "问题描述", "牵头部门", "已完成", "正在推进", "长期坚持")
    ticks = tick_columns(header, below, 3, profile)
    assert {c: (m.status, name) for c, (m, name) in ticks.items()} == {
        3: (Status.COMPLETED, "已完成"),
        4: (Status.IN_PROGRESS, "正在推进"),
        5: (Status.ONGOING, "长期坚持"),
    }
    assert ticked(" √ ") and ticked("✓") and not ticked("") and not ticked("已完成")
    assert column_map(header, profile)["responsible"] == 2


def test_a_complaint_list_of_a_ducha_is_a_problem_list() -> None:
    report = _page(
        "2024年9月5日，省第三生态环境保护督察组向我市转办第五批群众信访举报件2件。",
        [
            [
                "序号",
                "受理编号",
                "交办问题基本情况",
                "行政区域",
                "是否属实",
                "处理和整改情况",
                "是否办结",
                "责任人被处理情况",
            ],
            [
                "1",
                "X3QY202409050012",
                "某小区附近餐饮店油烟直排，影响居民生活。",
                "云溪区",
                "部分属实",
                "责令该店清洗油烟净化设施。",
                "已办结",
                "无",
            ],
            [
                "2",
                "X3QY202409050027",
                "某石材加工厂粉尘污染严重。",
                "枫林县",
                "属实",
                "责令停产整治；沉淀池扩容正在施工。",
                "阶段性办结",
                "对属地镇分管负责人进行约谈",
            ],
        ],
    )
    problems = list(report.iter_problems())
    assert [(p.number, p.title, p.status, p.responsible) for p in problems] == [
        ("1", "某小区附近餐饮店油烟直排，影响居民生活", Status.COMPLETED, None),
        ("2", "某石材加工厂粉尘污染严重", Status.PARTIALLY_COMPLETED, None),
    ]


def test_a_row_with_its_own_number_under_a_cell_merged_across_a_page_break_is_new() -> None:
    # 财务管理 merged down across the break: empty on the next page, but 5 is a row of its own.
    above = ("财务管理", "4", "水费回收率偏低。", "营销部", "整改中")
    row = ("", "5", "部分费用报销附件不全。", "财务部", "已销号")
    ends = Ends((1.0,) * 5, (1.0,) * 5, (0, 1, 2, 3, 4))
    assert not continues_row(above, ends, row, ends, LayoutSettings())
    # Without a 序号 of its own, the row is still the rest of the one above.
    rest = ("", "", "（续）报销附件", "", "")
    assert continues_row(above, ends, rest, ends, LayoutSettings())


def test_the_lines_around_a_sheets_table_are_paragraphs() -> None:
    from rectpipe.readers.sheet import read_sheet

    from .conftest import ROOT

    data = (
        ROOT / "samples" / "shape-o08-town-xuncha-gongshi-workbook-dates-heji.xlsx"
    ).read_bytes()
    blocks = read_sheet(data, "xlsx").blocks
    assert [b.text for b in blocks if not b.cells] == [
        "中共石门镇委员会关于县委第五巡察组反馈问题整改情况公示表",
        "公示时间：2025年1月6日至1月12日。监督电话：0719-4512208。",
        "中共石门镇委员会    2025年1月6日",
    ]
    table = next(b for b in blocks if b.cells)
    assert table.cells is not None and table.cells[0][:3] == ("序号", "问题类型", "存在问题")
    assert table.cells[-1][0] == "合计"


def test_a_fill_line_gives_issuer_and_date() -> None:
    report = _parse_text(
        "澄溪县人民医院2023年度财务收支审计发现问题整改情况\n"
        "填报单位：澄溪县人民医院（盖章）        填报日期：2024年10月15日\n"
        "根据澄溪县审计局《关于澄溪县人民医院2023年度财务收支情况的审计报告》，医院逐项整改。\n"
        "一、往来款项长期未清理。\n整改结果：已完成。\n"
    )
    meta = report.metadata
    assert (meta.issuer, meta.date) == ("澄溪县人民医院", "2024-10-15")
    # An audit office named right after 根据 keeps its place name.
    assert meta.inspecting_body == "澄溪县审计局"
    attachment = _parse_text(
        "附件2\n枫林县督察反馈意见整改落实情况表\n"
        "填报单位：枫林县生态环境保护督察整改工作领导小组办公室\n"
        "一、县城污水处理厂进水浓度偏低。\n整改结果：已完成。\n"
    )
    assert attachment.metadata.issuer == "枫林县生态环境保护督察整改工作领导小组办公室"


def _parse_text(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def test_a_complaint_batch_lead_gives_totals_in_jian_and_the_handover_date() -> None:
    from rectpipe.extract.totals import read_counts

    profile = default_profile()
    counts = read_counts(
        "截至2025年6月23日，中央第四生态环境保护督察组交办我县第十四批群众信访举报件5件，"
        "已全部完成调查处理，其中已办结3件，阶段性办结1件，正在办理1件。",
        profile,
    )
    assert counts.values == {
        "problems": 5,
        "completed": 3,
        "partially_completed": 1,
        "in_progress": 1,
    }
    report = _page(
        "2024年9月5日，省第三生态环境保护督察组向我市转办第五批群众信访举报件2件。"
        "截至9月11日，已办结1件，阶段性办结1件。现将办理情况公开如下：",
        [
            ["序号", "受理编号", "交办问题基本情况", "处理和整改情况", "是否办结"],
            ["1", "X3QY202409050012", "某餐饮店油烟直排。", "责令整改。", "已办结"],
            ["2", "X3QY202409050027", "某石材加工厂粉尘污染严重。", "停产整治。", "阶段性办结"],
        ],
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.partially_completed) == (2, 1, 1)
    # The day the batch was handed over; a 截至 date is not one.
    assert report.metadata.feedback_date == "2024-09-05"


def test_a_count_tables_sum_row_and_a_ledgers_sum_row_give_the_totals() -> None:
    from rectpipe.extract.table_totals import count_table_totals
    from rectpipe.extract.totals import read_counts

    profile = default_profile()
    summary = (
        ("问题类别", "问题数", "已完成", "正在推进", "长期坚持"),
        ("加强党的领导方面", "2", "1", "0", "1"),
        ("经营管理方面", "3", "1", "2", "0"),
        ("合计", "5", "2", "2", "1"),
    )
    assert count_table_totals(summary, profile) == (
        {"problems": 5, "completed": 2, "in_progress": 2, "ongoing": 1},
        3,
        None,  # no rate column
    )
    # A ledger (no 问题数 column) is no count table.
    assert (
        count_table_totals((("序号", "存在问题", "整改结果"), ("合计", "7个问题", "")), profile)
        is None
    )
    # A ledger's 合计 row read on its own line, not with the status of the row above it.
    row = "合计\t合计\t7个问题\t\t\t\t完成5个，正在整改2个\t"
    assert read_counts(row, profile).values == {"problems": 7, "completed": 5, "in_progress": 2}


def test_a_display_period_is_no_inspection_period_and_a_title_names_its_issuer() -> None:
    report = _parse_text(
        "中共鹭岛港湾建设有限公司委员会巡察反馈问题整改台账\n"
        "集团党委第一巡察组反馈问题6个，已完成整改6个。\n"
        "公示时间：2025年1月6日至1月12日。监督电话：0719-4512208。\n"
        "一、党委前置研究讨论重大经营管理事项清单不完善。\n整改结果：已完成。\n"
    )
    meta = report.metadata
    assert (meta.period_start, meta.period_end) == (None, None)
    # Without 关于 the issuer's name ends where the inspection is named.
    assert meta.issuer == "中共鹭岛港湾建设有限公司委员会"
