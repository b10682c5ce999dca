"""Rules from the thirteenth to the nineteenth probes of published pages (docs/shapes.md §35, §36):
texts written for the test in the shapes that were misread. Each test fails without its rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe

from .render_docx import word_paragraphs
from .render_tables import ledger_of, to_docx, to_html

Status = rectpipe.Status


def _parse(text: str, form: str) -> rectpipe.Report:
    """``text`` read as typed, or as a government-style Word file (仿宋 body, 黑体 headings)."""
    if form == "word":
        return rectpipe.parse_bytes(word_paragraphs(text), name="report.docx")
    return rectpipe.parse_text(text)


# ------------------------------------------------------------------ a flat list of parts

_FLAT = (
    "柳岸街道党工委关于区委巡察反馈问题整改情况的通报\n"
    "根据区委统一部署，区委第二巡察组对柳岸街道党工委开展了巡察，并反馈了以下问题：\n"
    "一、老旧小区消防通道长期被占用，未开展专项清理。\n"
    "二、社区党群服务中心夜间未开放。\n"
    "三、河道沿线杂物堆放，影响周边饮水安全。\n"
    "四、部分社区台账资料不全。\n"
    "截至目前，上述问题均已整改完成。\n"
    "中共柳岸街道工作委员会\n"
    "2024年8月20日\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_parts_of_one_line_each_are_one_list_of_findings(form: str) -> None:
    """一、… 四、 one line each, most worded as findings: the one worded without a shortfall
    (杂物堆放) is a finding too, and the closing sentence about all of them, after the time it
    opens with, gives each its status."""
    problems = _parse(_FLAT, form).iter_problems()
    assert [p.marker for p in problems] == ["一、", "二、", "三、", "四、"]
    assert problems[2].title == "河道沿线杂物堆放，影响周边饮水安全"
    assert {p.status for p in problems} == {Status.COMPLETED}


def test_parts_with_paragraphs_are_a_reports_parts() -> None:
    """The same parts, each with paragraphs of its own, are a report's parts: the neutral one
    is not taken for its siblings' sake."""
    text = _FLAT.replace(
        "未开展专项清理。\n", "未开展专项清理。\n已组织专项清理三次，建立长效机制。\n"
    )
    text = text.replace("夜间未开放。\n", "夜间未开放。\n已调整开放时间。\n")
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert "河道沿线杂物堆放，影响周边饮水安全" not in titles


# ------------------------------------------------------------------ news copies' metadata

_NEWS_BODY = (
    "本报讯 记者近日从柏川集团获悉，自省委第四巡视组反馈意见以来，集团党委把整改作为头等大事"
    "来抓。截至目前，反馈的40个问题中已完成整改25个，其余15个正在推进。\n"
)


def test_a_headline_naming_its_subject_before_a_colon_is_the_title() -> None:
    report = rectpipe.parse_text(
        f"柏川集团：巡视整改任务过半已完成\n2024-03-12 09:30 来源：云岭日报\n{_NEWS_BODY}"
    )
    assert report.metadata.title == "柏川集团：巡视整改任务过半已完成"
    assert report.metadata.issuer == "柏川集团"
    assert report.metadata.date == "2024-03-12"


@pytest.mark.parametrize(
    "line",
    [
        "来源：柏川集团巡视整改办公室",
        "时间：巡视整改推进情况",
        "温馨提示：如发现整改问题请及时反映",
    ],
)
def test_a_label_before_a_colon_is_no_headline(line: str) -> None:
    report = rectpipe.parse_text(f"{line}\n{_NEWS_BODY}")
    assert report.metadata.title is None


@pytest.mark.parametrize(
    "navigation",
    [
        "党委办公室\n学校官网\n\n学校动态\n",
        "公众版|医院版|英文版|返回引导页\n医院新闻 首页 > 新闻中心 > 医院新闻\n",
    ],
)
def test_a_sites_navigation_over_the_headline_is_passed_over(navigation: str) -> None:
    report = rectpipe.parse_text(
        f"{navigation}\n青禾大学党委召开巡视整改工作推进会\n\n"
        "本站消息 5月8日，学校党委召开会议，专题研究省委第三巡视组的反馈意见，部署整改工作。\n"
    )
    assert report.metadata.title == "青禾大学党委召开巡视整改工作推进会"
    # the verb before the body's name is no part of it
    assert report.metadata.inspecting_body == "省委第三巡视组"


def test_a_sentence_first_is_still_no_headline() -> None:
    report = rectpipe.parse_text(
        "学校动态\n本站消息 5月8日，学校党委召开会议，研究巡视整改工作。\n青禾大学巡视整改推进会\n"
    )
    assert report.metadata.title is None


# ------------------------------------------------------------------ an information box's lines


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_box_line_whose_value_names_no_document_is_no_title(wrapped: bool) -> None:
    """A box copied between bars, its category (组配分类) a report's kind: the title is the
    report's own, wrapped or not; the box's publisher signs it when nothing else does."""
    title = (
        "关于2023年度县本级预算执行\n和其他财政收支审计查出问题整改情况的报告"
        if wrapped
        else "关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告"
    )
    report = rectpipe.parse_text(
        "索引号: | 1133000000/2024-0001 | 成文日期: | 2024-06-12 |\n"
        "公开方式: | 主动公开 | 组配分类: | 审计查出问题整改情况报告 |\n"
        "发布机构: | 柏溪县审计局 | ||\n"
        f"{title}\n"
        "主任、各位副主任、各位委员：\n"
        "一、财政管理方面\n"
        "1.部分非税收入未及时缴库。已整改，已缴库资金320万元。\n"
        "2.预算调整程序不规范。正在整改，已修订预算调整办法。\n"
    )
    meta = report.metadata
    assert meta.title == "关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告"
    assert (meta.issuer, meta.date) == ("柏溪县审计局", "2024-06-12")
    assert meta.origins["issuer"] == "header_box"
    assert len(report.iter_problems()) == 2


# ------------------------------------------------------------------ a speech's points run on


def test_a_speechs_points_run_into_a_news_item_are_no_parts() -> None:
    """…抓紧抓实。 二、形成合力…三、严格问责…: 二、 after a sentence, with no 一、 anywhere in the
    text, is a speech's point run on, not a part of a report; no problem is made of it."""
    report = rectpipe.parse_text(
        "柏溪县召开专项巡察反馈问题整改推进会\n"
        "会上，县委办公室通报了县委第二巡察组专项巡察发现问题的整改情况。县委第二巡察组反馈"
        "三个方面的40项问题，目前已整改31项。\n"
        "林某最后讲话。她强调，必须把整改作为政治任务抓紧抓实。 二、形成合力，各乡镇各部门协同"
        "推进，压茬整改三、严格问责，每周汇总进度，整改不力的严肃追责。\n"
    )
    assert report.iter_problems() == []
    assert report.summary.stated is not None and report.summary.stated.problems == 40


def test_parts_run_on_after_their_first_are_still_cut() -> None:
    """With 一、 written, the 二、 run on after a sentence is a part and is cut there."""
    from rectpipe.text.line_breaks import part_ordinals, split_glued

    text = "一、学习不深入。已完成整改。二、制度不健全。正在整改。"
    assert split_glued(text, parts=part_ordinals([text])) == [
        "一、学习不深入。已完成整改。",
        "二、制度不健全。正在整改。",
    ]
    run_on = "她强调，必须抓紧抓实。 二、形成合力，协同推进。"
    assert split_glued(run_on, parts=part_ordinals([run_on])) == [run_on]


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("在柏川集团巡视整改推进会上的讲话", None),
        ("对外经济贸易大学党委关于巡视整改进展情况的通报", "对外经济贸易大学党委"),
    ],
)
def test_a_speechs_place_is_no_issuer(title: str, issuer: str | None) -> None:
    report = rectpipe.parse_text(
        f"{title}\n同志们：\n今天，我们召开会议，部署巡视整改工作。\n"
        "一、统一思想认识\n各级党组织要把整改作为重要任务。\n"
    )
    assert report.metadata.issuer == issuer


# ------------------------------------------------------------------ findings, then their accounts

_PARTS = (
    "云岭中学关于县教育督导室安全检查问题整改情况的报告\n"
    "5月10日，县教育督导室对我校安全工作进行了检查，现将整改情况报告如下：\n"
    "一、检查中发现的问题\n"
    "1、实验室危化品台账不全；\n"
    "2、宿舍楼灭火器过期；\n"
    "3、校门口减速带损坏。\n"
    "二、整改措施\n"
    "1、重新建立危化品台账，已整改完成；\n"
    "2、更换过期灭火器，已整改完成；\n"
    "3、已联系交警部门修复减速带，正在施工。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_part_of_accounts_gives_each_finding_of_the_part_before_its_account(form: str) -> None:
    """一、检查中发现的问题 1、… 3、 / 二、整改措施 1、… 3、: each finding takes the measure of its
    number as its actions, and the status it states; the measures are no problems."""
    problems = _parse(_PARTS, form).iter_problems()
    assert [p.title for p in problems] == [
        "实验室危化品台账不全",
        "宿舍楼灭火器过期",
        "校门口减速带损坏",
    ]
    assert problems[0].actions == "重新建立危化品台账，已整改完成"
    assert [p.status for p in problems] == [
        Status.COMPLETED,
        Status.COMPLETED,
        Status.IN_PROGRESS,
    ]


def test_a_second_part_of_other_things_gives_no_accounts() -> None:
    """二、下一步工作打算 1、… is no part of accounts: the findings keep none."""
    text = _PARTS.replace("二、整改措施", "二、下一步工作打算")
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.actions for p in problems] == ["", "", ""]


# ------------------------------------------------------------------ a ledger's status column

_LEDGER = [
    ("序号", "问题类型", "具体问题描述", "整改措施", "整改完成情况"),
    ("1", "票据管理", "部分报销单据缺少经办人签字", "补签并加强审核", "已整改完成"),
    ("2", "资产管理", "固定资产未按年度盘点", "建立年度盘点制度", "正在实施中"),
    ("3", "合同管理", "两份租赁合同未归档", "补充归档", "未整改"),
]


def _xlsx(rows: list[tuple[str, ...]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["柏川镇财务互查问题整改台账"])
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("form", ["pipes", "xlsx"])
def test_a_status_column_headed_by_the_completion(form: str) -> None:
    """整改完成情况 heads a ledger's status column, as 完成情况 does."""
    if form == "xlsx":
        report = rectpipe.parse_bytes(_xlsx(_LEDGER), name="ledger.xlsx")
    else:
        lines = [" | ".join(row) + " |" for row in _LEDGER]
        lines.insert(1, "---|---|---|---|---|")
        report = rectpipe.parse_text("柏川镇财务互查问题整改情况\n" + "\n".join(lines) + "\n")
    assert [p.status for p in report.iter_problems()] == [
        Status.COMPLETED,
        Status.IN_PROGRESS,
        Status.NOT_COMPLETED,
    ]


# ------------------------------------------------------------------ titles of checks and lists


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("青禾县林业局落实安全生产责任制情况报告", "青禾县林业局"),
        ("开展作风建设“回头看”自查问题清单", None),
        ("青禾县人民医院医疗质量检查情况汇报", None),
    ],
)
def test_a_checks_report_or_list_is_titled_without_关于(title: str, issuer: str | None) -> None:
    report = rectpipe.parse_text(
        f"{title}\n"
        "根据县应急管理局检查安排，现将有关情况报告如下：\n"
        "一、存在的问题\n1.部分仓库消防设施老化。\n2.安全台账记录不全。\n"
    )
    assert report.metadata.title == title
    if issuer is not None:
        assert report.metadata.issuer == issuer


def test_a_footers_link_after_the_text_is_no_title() -> None:
    """政府网站检查通报, a portal's footer link after the text, is no title of the page."""
    report = rectpipe.parse_text(
        "市林业局开展督察点位销号工作\n发布时间：2021-12-22\n"
        "为加快推进自然保护区问题整改销号工作，根据省督察整改要求，我局组织开展了点位核查，"
        "目前已完成并上报销号材料171处。\n"
        "政府网站年度报表 政府网站检查通报\n版权所有：某市人民政府\n"
    )
    assert report.metadata.title == "市林业局开展督察点位销号工作"


@pytest.mark.parametrize("form", ["text", "word"])
def test_items_under_a_heading_of_the_problems_found_are_findings(form: str) -> None:
    """一、存在问题 / 1.楼道内堆放杂物。: the heading says its items are problems, worded with a
    shortfall or not; a measure among them stays a measure."""
    text = (
        "石桥社区环境卫生检查情况\n"
        "根据县卫生城市复评工作安排，街道检查组对石桥社区开展了检查。\n"
        "一、存在问题\n"
        "1.小区门口电动车乱停乱放。\n2.楼道内堆放杂物。\n3.垃圾分类亭破损未修。\n"
        "4.绿化带内有人种菜。\n"
        "二、下一步工作\n1.加强日常巡查。\n2.建立长效机制。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [p.title for p in problems] == [
        "小区门口电动车乱停乱放",
        "楼道内堆放杂物",
        "垃圾分类亭破损未修",
        "绿化带内有人种菜",
    ]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_finding_then_its_account_after_a_colon(form: str) -> None:
    """1.药品采购台账不全：已补齐…，已完成整改。: the finding is the title, what follows the
    colon its account and status; a colon before a description stays in the title."""
    text = (
        "青禾县卫健局关于巡察整改情况的报告\n"
        "一、巡察反馈问题整改情况\n"
        "1.药品采购台账不全：已补齐2024年采购台账，已完成整改。\n"
        "2.公务接待超标准：已追回超标准费用0.3万元，已完成整改。\n"
        "3.职工食堂账目混乱：已聘请第三方清理账目，正在整改。\n"
        "4.财务审批不规范：部分报销单据缺少签字。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [p.title for p in problems[:3]] == [
        "药品采购台账不全",
        "公务接待超标准",
        "职工食堂账目混乱",
    ]
    assert problems[0].actions == "已补齐2024年采购台账，已完成整改"
    assert [p.status for p in problems[:3]] == [
        Status.COMPLETED,
        Status.COMPLETED,
        Status.IN_PROGRESS,
    ]
    assert problems[3].title == "财务审批不规范：部分报销单据缺少签字"


# ------------------------------------------------------------------ findings listed without numbers

_FOUND_LINES = (
    "青禾县文明办关于文明城市模拟测评问题整改情况的通报\n"
    "一、测评总体情况\n本次测评共抽取点位40个，总体情况较好。\n"
    "二、存在主要问题\n"
    "在环境卫生方面，柏川镇集贸市场垃圾清运不及时；\n"
    "在秩序管理方面，云岭路沿线车辆乱停放现象较多；\n"
    "在公益广告方面，部分社区公益广告破损褪色。\n"
    "青禾县文明办 2024年6月3日\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_findings_one_a_line_under_a_heading_of_the_problems_found(form: str) -> None:
    """二、存在主要问题 then a finding a line, each closed by ；or 。: the heading is their group,
    not a problem; the closing line signs and dates the notice (文明办: an office's short name)."""
    report = _parse(_FOUND_LINES, form)
    titles = [p.title for p in report.iter_problems()]
    assert titles == [
        "在环境卫生方面，柏川镇集贸市场垃圾清运不及时",
        "在秩序管理方面，云岭路沿线车辆乱停放现象较多",
        "在公益广告方面，部分社区公益广告破损褪色",
    ]
    assert (report.metadata.issuer, report.metadata.date) == ("青禾县文明办", "2024-06-03")


def test_findings_between_semicolons_under_a_heading_of_the_problems_found() -> None:
    report = rectpipe.parse_text(
        "柏川镇农业服务中心关于人居环境督查自查情况的报告\n"
        "一、自查工作情况\n中心组织挂村干部对垃圾收运、沟渠清理等进行了检查。\n"
        "二、存在问题\n部分村民乱堆柴草现象仍有发生；沟渠清淤不够及时；保洁员考核机制有待完善。\n"
        "三、工作建议\n加强入户宣传；建立保洁员月度考核制度。\n"
    )
    assert [p.title for p in report.iter_problems()] == [
        "部分村民乱堆柴草现象仍有发生",
        "沟渠清淤不够及时",
        "保洁员考核机制有待完善",
    ]


def test_an_articles_lead_and_captions_are_no_list_of_findings() -> None:
    """巡察组发现，…存在问题： and a caption (巡察整改) under 二、巡察发现的问题: lines that do
    not close as findings do; no list is read (an article about an inspection)."""
    report = rectpipe.parse_text(
        "柏溪县委巡察青石镇纪实\n一、巡察准备\n巡察组进驻前查阅了资料。\n"
        "二、巡察发现的问题\n巡察组发现，青石镇在以下方面存在问题：\n"
        "- 党的建设方面：党内政治生活不够严肃。\n- 资金管理方面：惠民资金发放不及时。\n"
        "巡察整改\n"
    )
    assert all("巡察组发现" not in p.title for p in report.iter_problems())
    assert all(p.title != "巡察整改" for p in report.iter_problems())


@pytest.mark.parametrize("name", ["通州联合交办", "市级挂牌督办", "青石镇创建文明村镇"])
def test_a_verb_of_handling_is_no_office(name: str) -> None:
    report = rectpipe.parse_text(
        f"{name}审计查出问题清单\n一、关于财政管理的问题\n（一）预算编制不细。已整改完成。\n"
    )
    assert report.metadata.issuer is None


_LEAD_LINES = (
    "青禾县市场监管局关于省食品安全督查组反馈问题整改情况的报告\n"
    "省食品安全第二督查组于2024年5月对我县开展了督查，督查发现，我县食品安全工作仍然存在"
    "一些问题，主要表现在：\n"
    "一是柏川镇农贸市场快检室长期未开展检测；\n"
    "二是云岭中学食堂留样记录填写不完整；\n"
    "三是部分餐饮门店从业人员健康证过期。\n"
    "青禾县市场监督管理局\n2024年7月8日\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_一是_lines_after_a_line_announcing_the_findings(form: str) -> None:
    problems = _parse(_LEAD_LINES, form).iter_problems()
    assert [p.marker for p in problems] == ["一是", "二是", "三是"]
    assert problems[1].title == "云岭中学食堂留样记录填写不完整"


def test_一是_lines_after_a_line_announcing_measures_are_no_findings() -> None:
    text = _LEAD_LINES.replace(
        "仍然存在一些问题，主要表现在：", "仍然存在一些问题。针对上述问题，我局采取以下措施："
    )
    assert rectpipe.parse_text(text).iter_problems() == []


def test_a_ledgers_planned_completion_is_no_completion() -> None:
    """计划2025年底前完成 in a status column: under way, not done."""
    report = rectpipe.parse_text(
        "柏川镇问题整改台账\n序号 | 问题 | 整改措施 | 整改进展 |\n---|---|---|---|\n"
        "1 | 台账不规范 | 补建台账 | 计划2025年底前完成 |\n2 | 档案缺失 | 补齐档案 | 已完成 |\n"
    )
    assert [p.status for p in report.iter_problems()] == [Status.IN_PROGRESS, Status.COMPLETED]


def test_a_report_run_into_one_line_after_报告于后() -> None:
    """…现将自查情况报告于后：一、…（一）存在的问题1、…: the announcement's colon ends the lead,
    as 如下： does, and the parts are cut off it."""
    report = rectpipe.parse_text(
        "县政府督查室：根据贵室通知要求，经认真自查，现将自查情况报告于后：一、行政效率方面存在的"
        "问题及整改措施（一）存在的问题1、业务学习不够，政策掌握不深。干部职工自学相对较少。"
        "2、办事流程繁琐，群众反复跑腿。部分事项材料清单与实际不符。\n"
    )
    assert [p.title for p in report.iter_problems()] == [
        "业务学习不够，政策掌握不深",
        "办事流程繁琐，群众反复跑腿",
    ]


def test_a_checks_findings_keep_their_evidence_as_description() -> None:
    """A report of what a check found (no 整改 in its title): the paragraphs under a finding
    that tell no work are its evidence, not its measures; in a rectification report the same
    paragraphs are its account."""
    text = (
        "云岭中学关于师德师风专项检查情况的报告\n"
        "根据县教育局统一安排，县教育局检查组对我校开展了专项检查。现将检查发现的问题报告如下：\n"
        "一、主要问题\n"
        "1.师德考核流于形式\n"
        "一是考核指标笼统，没有具体扣分细则。二是考核结果未与评优评先挂钩。\n"
        "2.家访制度执行不到位\n"
        "如初二年级组本学期家访记录仅有3份，部分班主任全学期未开展家访。\n"
    )
    first, second = rectpipe.parse_text(text).iter_problems()
    assert second.description.startswith("如初二年级组")
    assert (second.actions, first.actions, first.measures) == ("", "", [])
    rectified = rectpipe.parse_text(
        text.replace("专项检查情况的报告", "专项检查问题整改情况的报告")
    )
    assert rectified.iter_problems()[1].actions.startswith("如初二年级组")


# ------------------------------------------------------------------ a PDF's line short of a number


def test_a_pdf_line_short_of_an_unbroken_number_continues() -> None:
    """涉及资金 / 136520.45万元: the line ended short because the number that follows did not
    fit, not because the paragraph ended; with room for the number it is a paragraph's end."""
    from rectpipe.readers.pdf import BodyMetrics, Line, split_paragraphs

    metrics = BodyMetrics(left=90.0, right=506.0, size=16.0, pitch_ratio=1.75)

    def line(text: str, x1: float, bottom: float, lead: float = 0.0) -> Line:
        return Line(1, text, 90.0, x1, bottom - 16.0, bottom, 16.0, glyphs=len(text), lead=lead)

    short = [
        line("1.柏川镇财政所资金管理不规范，涉及资金", 442.0, 400.0),  # 64 pt of room
        line("136520.45万元。整改情况：已完成整改。", 390.0, 428.0, lead=72.0),
    ]
    assert len(split_paragraphs(short, metrics)) == 1
    roomy = [short[0], line("12万元。整改情况：已完成整改。", 300.0, 428.0, lead=16.0)]
    assert len(split_paragraphs(roomy, metrics)) == 2


def test_a_title_over_its_signer_and_date_is_no_part_of_the_signer() -> None:
    """关于…的报告 / 某县人民政府 / 2024年5月10日 at the top: the government signs, the title is
    no first line of its name; 经县审计局审计核实: the verb is no part of the body's name."""
    report = rectpipe.parse_text(
        "关于青禾县审计查出问题整改情况的报告\n青禾县人民政府\n2024年5月10日\n"
        "经县审计局审计核实，现将整改情况报告如下：\n"
        "一、审计查出问题整改情况\n1.资金管理不规范。整改情况：已完成整改。\n"
    )
    meta = report.metadata
    assert (meta.issuer, meta.date, meta.inspecting_body) == (
        "青禾县人民政府",
        "2024-05-10",
        "县审计局",
    )


def test_a_pdf_date_alone_under_a_full_line_is_a_line_of_its_own() -> None:
    """…bcz2024@qinghe.cn (filling the width) / 2024年6月12日: the signature's date, not the
    end of the e-mail line."""
    from rectpipe.readers.pdf import BodyMetrics, Line, split_paragraphs

    metrics = BodyMetrics(left=90.0, right=506.0, size=16.0, pitch_ratio=1.75)
    lines = [
        Line(1, "电子邮箱（柏川镇人民政府）：bcz2024@qinghe.cn", 90.0, 504.0, 384.0, 400.0, 16.0),
        Line(1, "2024年6月12日", 90.0, 200.0, 412.0, 428.0, 16.0, lead=32.0),
    ]
    assert len(split_paragraphs(lines, metrics)) == 2


def test_a_files_name_over_its_title_written_again_is_no_head_of_it() -> None:
    report = rectpipe.parse_text(
        "开展作风建设“回头看”自查问题清单1\n开展作风建设“回头看”自查问题清单\n"
        "一、学习研讨方面\n1.学习深度不足，流于表面。\n2.研讨质量不高，缺乏交流。\n"
    )
    assert report.metadata.title == "开展作风建设“回头看”自查问题清单"


@pytest.mark.parametrize("line", ["完成一个销号一个", "整改一个、销号一个"])
def test_a_pledge_to_sign_off_each_as_done_counts_nothing(line: str) -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    assert read_counts(f"建立销号制度，对照计划节点梳理，{line}；", default_profile()).values == {}


def test_a_sites_column_named_a_centre_signs_nothing() -> None:
    report = rectpipe.parse_text(
        "新闻中心\n柏川县人大常委会听取审计查出问题整改情况的报告\n"
        "会议听取了县审计局关于审计查出问题整改情况的报告。\n"
    )
    assert report.metadata.issuer != "新闻中心"


def test_a_sample_sites_column_over_the_title_is_no_head_of_it() -> None:
    report = rectpipe.parse_text(
        "自查报告精选大全\n\n全面改薄底线要求达标情况专项督导自查报告\n\n"
        "根据上级通知要求，现将自查情况报告如下：\n一、存在问题\n1.部分学校厕所改造滞后。\n"
        "2.部分教室照明不达标。\n"
    )
    assert report.metadata.title == "全面改薄底线要求达标情况专项督导自查报告"


def test_a_list_without_numbers_ends_before_a_signature_and_a_source_line() -> None:
    """A finding may run long (a list of defects in one line); the short lines after the list
    (the signer and date, the page's source) are no findings and end no list."""
    text = _FOUND_LINES.replace(
        "云岭路沿线车辆乱停放现象较多；",
        "云岭路沿线车辆乱停放、电动自行车未上牌、占道经营、交通秩序混乱等现象较多，"
        "居民小区楼道乱堆杂物、飞线充电、墙面污秽破损、小广告乱张贴乱画，路面坑洼积水较为普遍；",
    ).replace("青禾县文明办 2024年6月3日\n", "青禾县文明办 2024年6月3日\n来源：青禾县文明办\n")
    assert len(rectpipe.parse_text(text).iter_problems()) == 3


def test_a_sentence_about_all_the_findings_after_the_last_account_gives_their_status() -> None:
    """…3、已联系交警部门修复减速带。柏川中学对于检查中出现的问题已整改，请复查指导！: each
    finding whose account states no status takes the one said of them all."""
    text = _PARTS.replace("，已整改完成；", "；").replace(
        "3、已联系交警部门修复减速带，正在施工。",
        "3、已联系交警部门修复减速带。柏川中学对于检查中出现的问题已整改，请县教育局复查指导！",
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status for p in problems] == [Status.COMPLETED] * 3


@pytest.mark.parametrize(
    "account",
    [
        "学校督促施工单位加快进度，确保2018年9月底装配到位，投入使用，完成整改",
        "学校要求总务处做好旧厕改造，达到卫生标准2018年10月底，完成整改任务",
    ],
)
def test_a_completion_put_in_the_future_is_no_state(account: str) -> None:
    from rectpipe.extract.status import status_sentence
    from rectpipe.profiles import default_profile

    assert status_sentence(account + "。", default_profile()) is None
    assert status_sentence("已购置器材，完成整改。", default_profile()) is not None


def test_a_total_then_the_tallies_of_its_rounds_are_summed() -> None:
    """累计…30项。2019年…12项问题，完成整改10项…；2021年…6项问题…；2020年…12项问题…: the total,
    and the rounds' states summed when their totals add up to it (not the first round's)."""
    report = rectpipe.parse_text(
        "省督察组检查云岭县督察反馈问题整改情况\n"
        "2019年以来，督察组累计反馈并列入整改的问题有30项。截至目前，2019年，中央督察反馈的12项"
        "问题，完成整改10项、需长期持续整改2项；2021年，中央督察回头看反馈6项问题，完成整改5项、"
        "正在整改1项；2020年，省级督察反馈12项问题，完成整改8项、需长期持续整改4项。\n"
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress, stated.ongoing) == (30, 23, 1, 6)
    uneven = rectpipe.parse_text(
        report.text.replace("问题有30项", "问题有31项").replace("2021年", "另，2021年")
    ).summary.stated
    assert uneven is not None and uneven.completed != 23  # parts that do not add up: no sum


def test_a_finding_opening_with_its_fields_label_keeps_its_fields_findings_as_description() -> None:
    """1、市容方面：A。B。 in a rectification notice: B, which tells no work, is more of the
    finding (its description), not its measures."""
    report = rectpipe.parse_text(
        "青禾县文明办关于文明城市模拟测评问题整改情况的通报\n主要问题表现有：\n"
        "1、市容方面：柏川路人行道砖块破损。云岭小区楼道堆放杂物，占用消防通道。\n"
        "2、服务方面：县政务大厅无障碍设施缺失。部分公交站台无线路图。\n"
    )
    first, second = report.iter_problems()
    assert (first.description, first.actions) == ("云岭小区楼道堆放杂物，占用消防通道。", "")
    assert second.description == "部分公交站台无线路图。"


def test_a_title_opening_with_关于_wrapped_before_its_title_word() -> None:
    """关于印发《某市…测评情况 / 通报》的通知: the first line names no title word yet; the line
    below ends the title."""
    report = rectpipe.parse_text(
        "关于印发《柏川市创建全国文明城市2024年\n第一次模拟测评情况通报》的通知\n"
        "各县区：现将测评情况通报如下。\n一、主要问题\n1、部分人行道砖块破损；\n"
        "2、部分小区楼道堆放杂物。\n"
    )
    assert (
        report.metadata.title
        == "关于印发《柏川市创建全国文明城市2024年第一次模拟测评情况通报》的通知"
    )


def test_a_signer_glued_to_the_date_signs_and_dates() -> None:
    """青禾县文明办2025年7月3日: a PDF's text drops the blank between the signer and the date."""
    glued = _FOUND_LINES.replace("青禾县文明办 2024年6月3日", "青禾县文明办2024年6月3日")
    assert glued != _FOUND_LINES
    report = rectpipe.parse_text(glued)
    assert (report.metadata.issuer, report.metadata.date) == ("青禾县文明办", "2024-06-03")


def test_a_paged_articles_counter_hides_no_article_title() -> None:
    """关于…工作的思考(第2/2页): the page counter after an article's title does not hide that it
    is an article's; its 存在问题 are its author's analysis, no report's findings."""
    with pytest.raises(rectpipe.RectpipeError, match="an article"):
        rectpipe.parse_text(
            "关于对柏川县村级巡察工作的思考(第2/2页)\n（二）存在问题\n"
            "一是宣传方式效果不好，群众知晓率低。二是整改公开不到位。\n（三）对策建议\n"
            "一是创新宣传方式。二是强化整改公开。\n"
        )


# ---------------------------------------------------------- the eighteenth and nineteenth probes

_INSPECTED = (
    "根据县委统一部署，2024年3月4日至4月26日，县委第二巡察组对柏川镇党委开展了巡察。"
    "2024年6月12日，县委第二巡察组向柏川镇党委反馈了巡察意见。按照党务公开原则和巡察工作有关要求，"
    "现将巡察整改进展情况予以公布。\n"
    "一、关于落实主体责任方面\n"
    "（一）关于班子成员履行“一岗双责”不到位的问题。整改情况：已制定责任清单，已完成整改。\n"
    "（二）关于村级财务监管不严的问题。整改情况：正在推进。\n"
)


def test_the_inspected_body_issues_its_rectification_report() -> None:
    """No title and no signature: the body the inspection visited and handed its findings to
    (对柏川镇党委开展了巡察) is the issuer of the report that tells its rectification."""
    meta = rectpipe.parse_text(_INSPECTED).metadata
    assert meta.issuer == "柏川镇党委"
    assert meta.origins["issuer"] == "inferred"


def test_a_news_item_on_the_feedback_meeting_is_not_the_inspected_bodys() -> None:
    text = (
        "2024年6月12日，县委第二巡察组向柏川镇党委反馈了巡察意见。会上，巡察组组长通报了巡察"
        "发现的主要问题，并就做好巡察整改提出要求。\n"
        "一、提高政治站位。\n二、压实整改责任。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer is None


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        ("青禾县委高度重视巡察整改工作，", "青禾县委"),
        # the short name by the full name the introduction writes
        ("县委高度重视巡察整改工作，", "青禾县委"),
    ],
)
def test_a_place_s_party_committee_by_its_short_name_is_the_subject(
    opening: str, issuer: str
) -> None:
    text = (
        "2023年3月1日至4月30日，市委第一巡察组对青禾县进行了巡察。2023年6月10日，市委巡察组"
        "向青禾县委反馈了巡察意见。\n"
        f"{opening}认真履行整改主体责任。\n"
        "一、关于理论学习方面\n"
        "（一）关于中心组学习不深入的问题。整改情况：已修订学习制度，已完成。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.issuer == issuer


@pytest.mark.parametrize(
    ("sentence", "feedback"),
    [
        ("并于2022年11月20日通报巡察工作情况，提出整改意见。", "2022-11-20"),
        ("并于2022年11月20日通报了巡察情况。", "2022-11-20"),
        # the report's own words, not the handing over
        ("2022年11月20日起，局党组定期通报巡察整改情况。", None),
    ],
)
def test_the_feedback_told_by_通报(sentence: str, feedback: str | None) -> None:
    text = (
        f"2022年9月5日至10月8日，市委第三巡察组对青禾县林业局开展了专项巡察，{sentence}\n"
        "一、关于理论学习方面\n"
        "（一）关于中心组学习不深入的问题。整改情况：已修订学习制度，已完成。\n"
    )
    assert rectpipe.parse_text(text).metadata.feedback_date == feedback


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2023年2月6日至2月10日、4月3日至5月26日", "2023-05-26"),
        ("2023年11月6日至11月30日和2024年1月3日至1月19日", "2024-01-19"),
        # a stretch after a comma is another clause's
        ("2023年2月6日至2月10日，4月3日至5月26日", "2023-02-10"),
    ],
)
def test_an_inspection_in_two_stretches_ends_with_the_second(period: str, end: str) -> None:
    text = (
        f"{period}，市委第一巡察组对青禾县林业局党组开展了巡察。\n"
        "一、关于理论学习方面\n"
        "（一）关于中心组学习不深入的问题。整改情况：已修订学习制度，已完成。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.period_start == period[:4] + "-" + period[5:].split("月")[0].zfill(2) + "-06"
    assert meta.period_end == end


def test_a_count_of_special_problems_and_the_work_s_headway() -> None:
    """11个专项问题 counts problems; that the work on them 取得阶段性成效 says how the work as a
    whole goes, not that each of them is partly done."""
    text = (
        "2022年9月5日至10月8日，市委第三巡察组对青禾县林业局开展了专项巡察。通过努力，"
        "巡察组所反馈的3个方面11个专项问题的整改工作已取得阶段性成效。\n"
        "一是成立整改工作领导小组。二是建立整改台账。\n"
    )
    stated = rectpipe.parse_text(text).summary.stated
    assert stated is not None
    assert stated.problems == 11
    assert stated.partially_completed is None


def test_a_performance_review_is_an_inspection_of_another_kind() -> None:
    text = (
        "青禾县农业农村局关于年度绩效考评反馈问题整改情况的报告\n"
        "根据县绩效考评反馈意见，现将整改情况报告如下：\n"
        "1.农田灌溉渠道年久失修。整改情况：已完成渠道清淤，已完成整改。\n"
        "2.农机补贴公示不及时。整改情况：已补充公示，已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.inspection_kind == "other"


@pytest.mark.parametrize(
    "account",
    [
        "已完成4个小区的意见征集，其余小区正在推进。",
        "已追回资金30万元，剩余款项仍在追缴中。",
    ],
)
def test_a_step_done_and_the_rest_under_way_is_in_progress(account: str) -> None:
    text = (
        f"（一）关于老旧小区改造推进缓慢的问题。整改情况：{account}\n"
        "（二）关于台账不全的问题。整改情况：已补齐台账，已完成整改。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert problems[0].status is Status.IN_PROGRESS
    assert problems[1].status is Status.COMPLETED


_RUN_IN = (
    "青禾县市场监管局关于省食品安全督查组反馈问题整改情况的报告\n"
    "省食品安全第二督查组于2024年5月对我县开展了督查，督查发现以下问题：一是冷库温度记录缺失；"
    "二是消毒柜未正常使用；三是部分从业人员健康证过期。针对上述问题，我局采取以下措施：一是约谈"
    "负责人；二是开展复查。目前，上述问题已全部整改到位。\n"
    "青禾县市场监督管理局\n"
    "2024年7月8日\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_findings_run_on_after_a_sentence_announcing_them(form: str) -> None:
    """No numbered item: the 一是 clauses after 督查发现以下问题： are the findings, to the end of
    the sentence of the last; the measures' 一是 after them are not, and the sentence about all
    of them gives their status."""
    problems = _parse(_RUN_IN, form).iter_problems()
    assert [p.title for p in problems] == [
        "冷库温度记录缺失",
        "消毒柜未正常使用",
        "部分从业人员健康证过期",
    ]
    assert {p.status for p in problems} == {Status.COMPLETED}


@pytest.mark.parametrize(
    "lead",
    [
        "针对督查发现的问题，我局采取以下措施：",  # measures
        "督查组对下一步整改提出三点要求：",  # requirements
    ],
)
def test_一是_run_on_after_another_sentence_are_no_findings(lead: str) -> None:
    text = (
        "青禾县市场监管局关于省食品安全督查组反馈问题整改情况的报告\n"
        f"省食品安全第二督查组于2024年5月对我县开展了督查。{lead}一是约谈负责人；二是开展复查。\n"
    )
    assert rectpipe.parse_text(text).iter_problems() == []


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_closure_notices_measures_are_its_problems_not_sections(form: str) -> None:
    """A 销号 notice in labelled lines: the list its measures label opens on the label's own
    line (整改措施：1、…) runs on as 2、 3、 — the problem's, no sections of their own; a notice
    of the 销号情况 signs its problem off as done."""
    text = (
        "按照督察整改工作要求，现对县督察整改办交办我局的整改任务（序号七）销号情况进行公示。\n"
        "整改问题：柏川河沿岸存在非法堆放建筑垃圾问题。\n"
        "整改目标：清除堆放物，恢复河岸原貌。\n"
        "整改措施：1、组织执法人员对堆放点位开展清理；\n"
        "2、设置警示标牌，落实河道巡查；\n"
        "3、建立举报受理渠道。\n"
    )
    report = _parse(text, form)
    [problem] = report.iter_problems()
    assert problem.status is Status.COMPLETED
    assert "建立举报受理渠道" in problem.actions
    assert report.sections == []


_OPENED = (
    "青禾县林业局党组关于巡察整改进展情况的通报\n"
    "一、关于党的建设方面\n"
    "（一）关于理论学习不深入的问题。\n"
    "整改措施：1.建立中心组学习制度；\n"
    "2.开展专题培训两次。\n"
    "整改情况：已完成。\n"
    "（二）关于基层组织建设薄弱的问题。\n"
    "整改措施：1.调整支部设置；\n"
    "2.选优配强支部书记。\n"
    "整改情况：正在推进。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_list_opened_on_its_labels_line_is_whole(form: str) -> None:
    """整改措施：1.… / 2.…: the first measure after the label's colon and the second on a line
    of its own are one list, with no numbering gap."""
    report = _parse(_OPENED, form)
    problems = report.iter_problems()
    assert [[m.text for m in p.measures] for p in problems] == [
        ["建立中心组学习制度；", "开展专题培训两次。"],
        ["调整支部设置；", "选优配强支部书记。"],
    ]
    assert [p.status for p in problems] == [Status.COMPLETED, Status.IN_PROGRESS]
    assert not {w.code for w in report.warnings} & {"numbering_gap", "numbering_repeat"}


def test_a_label_s_one_item_under_a_finding_numbered_alike_is_not_cut() -> None:
    """Under 1.X, a 2. after the label's line may be the next finding: nothing is cut."""
    text = (
        "青禾县林业局党组关于巡察整改进展情况的通报\n"
        "1.城市管理不力。\n整改措施：1.建立制度。\n"
        "2.违法建设治理慢。\n整改措施：1.建立台账。\n"
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["城市管理不力", "违法建设治理慢"]


def test_a_notice_s_done_work_under_a_longer_label_is_its_result() -> None:
    """整改任务完成情况： ends as 完成情况 does: the notice's result, its items what was done
    (in the actions, not the measures)."""
    text = (
        "按照督察整改工作要求，现对整改任务（序号七）销号情况进行公示。\n"
        "整改问题：柏川河沿岸存在非法堆放建筑垃圾问题。\n"
        "整改措施：1、组织执法人员开展清理；\n2、设置警示标牌。\n"
        "整改任务完成情况：1、已清运全部建筑垃圾；\n2、已设置警示标牌。\n"
    )
    report = rectpipe.parse_text(text)
    [problem] = report.iter_problems()
    assert [m.text for m in problem.measures] == ["组织执法人员开展清理；", "设置警示标牌。"]
    assert "已清运全部建筑垃圾" in problem.actions
    assert not {w.code for w in report.warnings} & {"numbering_gap", "numbering_repeat"}


def test_a_short_name_defined_between_a_name_and_its_kind() -> None:
    """对柏川旅游集团有限公司（以下简称集团）党委进行了巡察 … 向集团党委反馈: the issuer is the
    name and the kind written apart, each piece with its place."""
    text = (
        "根据省委统一部署，2023年3月1日至4月30日，省委第二巡视组对柏川旅游集团有限公司（以下简称"
        "集团）党委进行了巡视。2023年6月10日，省委巡视组向集团党委反馈了巡视意见。现将巡视整改"
        "进展情况予以公布。\n"
        "一、关于党的建设方面\n"
        "（一）关于理论学习不深入的问题。整改情况：已修订学习制度，已完成整改。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.issuer == "柏川旅游集团有限公司党委"
    assert {"issuer", "issuer.2"} <= set(meta.sources)


# ------------------------------------------------------------------ circled findings run in

_CIRCLED = (
    "中共青禾县委关于巡视整改进展情况的通报\n"
    "2023年4月10日至6月10日，省委第二巡视组对青禾县开展了专项巡视，并于2023年8月15日反馈了"
    "巡视意见。现将巡视整改进展情况予以公布。\n"
    "一、关于落实惠民政策不到位方面。围绕补齐短板，①针对农村危房改造不彻底的问题，逐户鉴定"
    "疑似危房，鉴定出的危房全部改造。②针对搬迁项目建设不规范的问题，约谈乡镇党委书记5名，"
    "目前已整改到位。③针对医疗保障有短板的问题，为乡镇卫生院招聘医护人员38名。\n"
    "二、关于基层组织建设薄弱方面。①针对村级班子软弱涣散的问题，调整村党组织书记12名，已完成"
    "整改。②针对党员教育管理不严的问题，开展党员轮训，正在整改。\n"
    "三、下一步工作打算\n"
    "我们将持续巩固整改成果。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_groups_circled_findings_run_into_its_heading_are_its_problems(form: str) -> None:
    report = _parse(_CIRCLED, form)
    problems = report.iter_problems()
    assert [(p.number, p.path[0].title, p.status.value) for p in problems] == [
        ("1", "关于落实惠民政策不到位方面", "unknown"),
        ("2", "关于落实惠民政策不到位方面", "completed"),
        ("3", "关于落实惠民政策不到位方面", "unknown"),
        ("1", "关于基层组织建设薄弱方面", "completed"),
        ("2", "关于基层组织建设薄弱方面", "in_progress"),
    ]
    assert problems[0].title.startswith("针对农村危房改造不彻底的问题")


@pytest.mark.parametrize(
    "paragraph",
    [
        # a finding's own paragraph: its circled items are measures, left in it
        "（一）村级班子软弱涣散。整改措施：①调整村党组织书记12名。②开展轮训。",
        # out of order: no list of the group's members
        "一、关于基层组织建设薄弱方面。②调整村党组织书记。①开展轮训。",
        # inside a clause, not after a sentence's end
        "一、关于基层组织建设薄弱方面。开展①号和②号文件的学习。",
    ],
)
def test_circled_items_that_are_no_groups_members_are_not_cut(paragraph: str) -> None:
    from rectpipe.text.circled_items import _cuts

    assert _cuts(paragraph) == []


@pytest.mark.parametrize("form", ["text", "word"])
def test_measures_opened_on_the_findings_line_and_run_on_below(form: str) -> None:
    """1.X。一是A。 / 二是B。 / 三是C。: the list of measures opens on the finding's own line
    (a copy that lost one paragraph break) and goes on below."""
    text = (
        "关于巡视整改进展情况的通报\n一、巡视反馈问题整改落实情况\n"
        "1.课程思政建设推进不平衡。一是修订人才培养方案。\n二是评选示范课程60门。\n"
        "三是纳入教学质量评价。\n该问题已完成整改。\n"
        # a finding described on its line, its measures below: the description stays
        "2.心理健康教育力量薄弱，专职教师仅2名。\n一是新招聘专职教师6名。\n二是设立心理辅导站。\n"
        "该问题正在推进。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(len(p.measures), p.status.value) for p in problems] == [
        (3, "completed"),
        (2, "in_progress"),
    ]
    assert problems[0].measures[0].text == "修订人才培养方案。"
    assert problems[0].description == ""


# ------------------------------------------------------------------ a status after the measures


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_status_sentence_after_the_last_measure_closes_the_finding(form: str) -> None:
    """1.X / （1）… / （2）… / 目前，该问题正在整改。: the status is the finding's, and its last
    measure (修订…, 调整…: however it opens) no finding of its own."""
    text = (
        "关于县委巡察反馈意见整改情况的通报\n一、反馈问题整改落实情况\n（一）关于党的建设方面\n"
        "1.理论学习中心组学习联系实际不够。\n（1）修订中心组学习规则。\n（2）建立学习成果转化清单。\n"
        "目前，该问题已完成整改。\n"
        "2.农机购置补贴审核不严。\n（1）开展补贴专项检查。\n（2）修订补贴发放办法。\n"
        "目前，该问题正在整改。\n"
        "3.学科建设经费执行率偏低。\n（1）开展经费执行情况分析。\n（2）调整经费分配办法。\n"
        "目前，该问题已完成整改。\n"
        "二、下一步工作安排\n持续压实整改责任。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.status.value, len(p.measures)) for p in problems] == [
        ("1", "completed", 2),
        ("2", "in_progress", 2),
        ("3", "completed", 2),
    ]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_status_on_the_findings_line_then_its_account_below(form: str) -> None:
    """1.X。（已完成） / 一是…；二是…: the status told on the finding's line, the paragraph
    below is what was done (its measures), not the finding's description."""
    text = (
        "关于县委巡察整改进展情况的通报\n一、反馈问题整改落实情况\n"
        "1.林长巡林不到位。（已完成）\n一是修订林长制考核办法；二是建立巡林电子台账。\n"
        "2.造林成活率不达标。（正在整改）\n一是开展成活率核查；二是制定补植计划。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.status.value, len(p.measures), p.description) for p in problems] == [
        ("completed", 2, ""),
        ("in_progress", 2, ""),
    ]
    assert problems[0].actions.startswith("一是修订林长制考核办法")


# ------------------------------------------------------------------ an annex after the text

_ANNEXED = """<html><body><div class="article">
<h1>青禾县远航公司党委关于巡察整改进展情况的通报</h1>
<p>2025年3月3日至4月30日，县委第一巡察组对公司党委开展了巡察，并于2025年5月20日反馈了巡察意见。</p>
<p>一、压实整改责任</p><p>公司党委召开专题会议研究整改工作。具体整改情况见附件。</p>
<p>二、下一步工作打算</p><p>持续巩固整改成果。</p>
<p>中共青禾县远航公司委员会</p><p>2025年8月1日</p>
{annex}
<table><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>整改进展</td></tr>
<tr><td>1</td><td>投资决策程序不规范</td><td>一是修订投资管理办法；二是补办决策程序。</td><td>已完成</td></tr>
<tr><td>2</td><td>招标采购管理薄弱</td><td>一是上线电子采购平台；二是复核5个项目。</td><td>正在整改</td></tr>
</table></div></body></html>"""


@pytest.mark.parametrize(
    "annex", ["<p>附件</p><p>巡察反馈问题整改进展情况表</p>", "<p>附件：整改进展情况表</p>", ""]
)
def test_a_table_after_the_signature_or_an_annex_label_is_no_part_of_the_last_item(
    annex: str,
) -> None:
    page = _ANNEXED.replace("{annex}", annex).encode("utf-8")
    report = rectpipe.parse_bytes(page, name="report.html")
    assert [
        (p.number, [x.title for x in p.path], p.status.value) for p in report.iter_problems()
    ] == [
        ("1", [], "completed"),
        ("2", [], "in_progress"),
    ]


def test_an_annex_label_with_its_list_of_annexes_opens_no_items() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n1.党费收缴台账登记不全。已完成整改。\n"
        "2.公务用车管理不规范。正在整改。\n二、下一步工作打算\n持续巩固整改成果。\n"
        "附件：1.巡察反馈问题整改台账\n2.整改佐证材料目录\n"
    )
    report = rectpipe.parse_text(text)
    assert [s.title for s in report.sections] == ["巡察反馈问题整改情况", "下一步工作打算"]
    assert report.sections[1].sections == []
    assert "numbering_gap" not in {w.code for w in report.warnings}


@pytest.mark.parametrize(
    "part", ["二、整改工作中存在的问题", "二、存在的不足", "二、整改过程中存在的问题和不足"]
)
def test_a_part_weighing_the_rectification_work_lists_no_findings(part: str) -> None:
    text = (
        "中共柏川县水利局党组关于县委巡察整改进展情况的通报\n"
        "县委第一巡察组对县水利局党组开展了巡察。巡察反馈的2个问题，已完成整改2个。\n"
        "一、巡察反馈问题整改情况\n（一）河道采砂监管不到位。\n整改情况：开展专项整治。已完成整改。\n"
        "（二）小型水库安全管理责任落实不到位。\n整改情况：落实责任人。已完成整改。\n"
        f"{part}\n（一）个别股室对整改工作重视程度不够。\n（二）部分制度执行刚性不足。\n"
        "三、下一步工作打算\n（一）持续巩固整改成果，防止问题反弹。\n"
    )
    report = rectpipe.parse_text(text)
    assert [p.title for p in report.iter_problems()] == [
        "河道采砂监管不到位",
        "小型水库安全管理责任落实不到位",
    ]
    assert "totals_mismatch" not in {w.code for w in report.warnings}


@pytest.mark.parametrize(
    ("place", "signer"),
    [
        ("石门乡", "中共石门乡委员会"),
        ("柏川镇", "中共柏川镇委员会"),
        ("城关街道", "中共城关街道工作委员会"),
    ],
)
def test_a_title_opening_with_a_bare_township_leaves_the_issuer_to_the_signature(
    place: str, signer: str
) -> None:
    body = (
        "县委第三巡察组对我乡开展了常规巡察，并于2024年6月18日反馈了巡察意见。\n"
        "一、反馈问题整改情况\n（一）项目资金拨付不及时。整改进展：已完成整改。\n"
        "（二）公务用车登记不规范。整改进展：已完成整改。\n"
    )
    title = f"{place}关于县委第三巡察组反馈问题整改情况的公示\n"
    signed = rectpipe.parse_text(title + body + f"{signer}\n2024年9月20日\n").metadata
    assert (signed.issuer, signed.date) == (signer, "2024-09-20")
    # with no signature the place the title names stands
    assert rectpipe.parse_text(title + body).metadata.issuer == place


def test_a_signature_with_no_date_under_it_signs() -> None:
    """The report dated under its title, its signature alone at the end: the signer is the
    issuer, not the body a sentence names; a page's last link is no signer."""
    text = (
        "柏川市关于省委第三巡视组巡视反馈意见整改进展情况的通报\n（2025年3月8日）\n"
        "2024年4月8日至6月6日，省委第三巡视组对柏川市开展了常规巡视。2024年9月2日，省委第三巡视组"
        "向柏川市委反馈了巡视意见。\n"
        "一、巡视反馈问题整改情况\n1.重大项目推进迟缓，部分项目未按期开工。\n整改情况：已完成整改。\n"
    )
    signed = rectpipe.parse_text(text + "中共柏川市委员会\n").metadata
    assert (signed.issuer, signed.date) == ("中共柏川市委员会", "2025-03-08")
    assert signed.origins["issuer"] == "signature"
    assert rectpipe.parse_text(text + "电脑版回到顶部\n").metadata.issuer != "电脑版回到顶部"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            ["柏川市关于省第二生态环境保护", "督察组督察反馈问题", "整改情况的公示"],
            "柏川市关于省第二生态环境保护督察组督察反馈问题整改情况的公示",
        ),
        (
            ["中共柏川市林业局党组关于县委第二巡察组", "巡察反馈意见整改", "进展情况的通报"],
            "中共柏川市林业局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报",
        ),
    ],
)
def test_a_title_wrapped_over_three_lines_is_whole(lines: list[str], title: str) -> None:
    text = "\n".join(lines) + (
        "\n县委第二巡察组对我单位开展了巡察。\n一、反馈问题整改情况\n"
        "1.项目资金拨付不及时。整改情况：已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.title == title


@pytest.mark.parametrize("number", ["2025年第2号", "（2025年第2号）", "柏审公告〔2025〕2号"])
def test_a_series_name_over_its_number_is_no_title(number: str) -> None:
    text = (
        f"柏川县审计局审计结果公告\n{number}\n"
        "柏川县审计局关于县交通运输局2023年度预算执行情况审计整改结果的公告\n2025年2月20日\n"
        "2024年7月至9月，县审计局对县交通运输局2023年度预算执行情况进行了审计。\n"
        "一、审计发现问题的整改情况\n1.部分专项资金未按规定用途使用。已完成整改。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.issuer) == (
        "柏川县审计局关于县交通运输局2023年度预算执行情况审计整改结果的公告",
        "柏川县审计局",
    )


@pytest.mark.parametrize("number", ["2025年第2号", "（2025年第2号）", "2025年第2号（总第15号）"])
def test_a_notices_number_under_its_name_is_its_document_number(number: str) -> None:
    text = (
        f"柏川县审计局审计结果公告\n{number}\n"
        "柏川县审计局关于县交通运输局审计整改结果的公告\n2025年2月20日\n"
        "县审计局对县交通运输局进行了审计。\n一、审计发现问题的整改情况\n"
        "1.部分专项资金未按规定用途使用。已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.document_number == "2025年第2号"


@pytest.mark.parametrize("form", ["text", "word"])
def test_measures_beside_a_status_label_line_are_counted(form: str) -> None:
    """整改进展：已完成。 then 一是…二是…, or 一是… lines then the label: the 一是 paragraphs
    are the account, their measures counted, not the finding's description."""
    text = (
        "关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n"
        "1.河道采砂监管不到位，下游存在非法采砂现象。\n整改进展：已完成。\n"
        "一是开展联合执法检查。二是建立河长巡河台账。三是设立举报电话。\n"
        "2.水利工程质量监督不严。\n一是开展工程质量抽检。\n二是约谈施工单位。\n整改进展：正在推进。\n"
        "3.小型水库管护责任落实不到位，部分水库无专人看管。\n落实管护人员12名。\n整改进展：已完成。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.status.value, len(p.measures)) for p in problems] == [
        ("completed", 3),
        ("in_progress", 2),
        ("completed", 0),
    ]
    assert problems[0].description == ""
    assert problems[2].description == "落实管护人员12名。"


_LISTED_ALIKE = (
    "远航集团关于生态环境保护督察反馈问题整改情况的公示\n一、固体废物方面\n"
    "1.危险废物贮存管理不规范。\n整改状态：已完成\n整改措施：\n1.清运超期贮存废物。\n2.修订贮存管理制度。\n"
    "2.一般固废台账记录不全。\n整改状态：部分完成\n整改措施：\n1.补建台账。\n2.开展去向核查。\n"
)


@pytest.mark.parametrize("form", ["text", "word", "html"])
def test_a_labels_list_numbered_as_its_findings_is_their_measures(form: str) -> None:
    """1.X / 整改措施： / 1.… / 2.… / 2.Y: the list under the label is X's measures, numbered
    alike; (in a web page the lines are one paragraph cut by <br>)."""
    if form == "html":
        paragraphs = _LISTED_ALIKE.replace("：\n1.", "：<br>1.").replace(
            "。\n2.修订", "。<br>2.修订"
        )
        paragraphs = paragraphs.replace("。\n2.开展", "。<br>2.开展")
        body = "".join(f"<p>{line}</p>" for line in paragraphs.splitlines())
        report = rectpipe.parse_bytes(f"<html><body>{body}</body></html>".encode(), name="x.html")
    else:
        report = _parse(_LISTED_ALIKE, form)
    problems = report.iter_problems()
    assert [(p.number, p.status.value, len(p.measures)) for p in problems] == [
        ("1", "completed", 2),
        ("2", "partially_completed", 2),
    ]
    assert not {w.code for w in report.warnings} & {"numbering_gap", "numbering_repeat"}


def test_a_sentence_announcing_the_accounts_opens_no_list_of_measures() -> None:
    """经自查，存在以下问题： 1、2、3、 then 现将整改情况报告如下： 1、2、3、: the second list is
    the findings' accounts, paired with them, not the last finding's measures."""
    text = (
        "柳岸镇中心小学关于办学条件检查问题整改报告\n经自查，我校存在以下问题：\n"
        "1、图书室藏书不足；\n2、围墙部分破损；\n3、多媒体设备维修不及时。\n现将整改情况报告如下：\n"
        "1、已采购图书2000册，已整改完成；\n2、围墙修缮工程正在施工；\n3、已完成设备维修12台，整改到位。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.title for p in problems] == ["图书室藏书不足", "围墙部分破损", "多媒体设备维修不及时"]


@pytest.mark.parametrize(
    "closing",
    [
        "以上3个问题中，第1、3项已完成整改，第2项正在推进。",
        "第2项正在推进，第1、3项已完成整改。",
    ],
)
def test_statuses_by_a_list_of_items_without_the_word_problems(closing: str) -> None:
    text = (
        "关于巡察整改情况的报告\n二、巡察反馈问题整改情况\n（一）关于“基层治理存在短板”的问题\n"
        "1.村庄垃圾清运不及时。\n整改措施：一是增设垃圾收集点。二是落实保洁员考核。\n"
        "2.信访积案化解率偏低。\n整改措施：一是开展积案清理。二是落实包案责任。\n"
        "3.饮水安全保障不到位。\n整改措施：一是新建蓄水池。二是更换老旧管网。\n" + closing + "\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "in_progress", "completed"]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_line_stating_the_status_of_the_problems_after_it(form: str) -> None:
    """二、正在整改和未整改的问题 / 以下1个问题正在整改： / 1.… / 以下1个问题尚未整改： / 2.…:
    each line gives the problems after it their status, not the problem above it."""
    text = (
        "云岭市农业农村局关于审计发现问题整改情况的报告\n一、已整改到位的问题（1个）\n"
        "1.会议费超预算列支。\n整改措施：①退回超支资金；②修订会议费管理办法。\n"
        "二、正在整改和未整改的问题（2个）\n以下1个问题正在整改：\n1.动物防疫经费结余较大。\n"
        "整改措施：①统筹结余资金；②调整预算。\n以下1个问题尚未整改：\n2.农机购置补贴档案资料缺失。\n"
        "整改措施：①补建档案；②开展核查。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "in_progress", "not_completed"]
    assert problems[1].status_raw == "以下1个问题正在整改："


def _ledger(rows: str) -> rectpipe.Report:
    page = (
        "<html><body><h1>青禾县水务公司审计发现问题整改台账</h1>"
        f"<table>{rows}</table><p>青禾县水务公司</p><p>2025年9月12日</p></body></html>"
    )
    return rectpipe.parse_bytes(page.encode("utf-8"), name="ledger.html")


def test_a_problem_over_rows_of_unnumbered_measures_counts_one_a_row() -> None:
    report = _ledger(
        "<tr><td>序号</td><td>问题描述</td><td>整改措施</td><td>整改进展</td></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>往来款项长期挂账</td><td>逐笔核对往来款项</td>"
        "<td rowspan='2'>已完成</td></tr><tr><td>按程序核销坏账</td></tr>"
        "<tr><td>2</td><td>差旅费报销超标准</td><td>1.追回超标款；2.修订办法。</td><td>已完成</td></tr>"
    )
    problems = report.iter_problems()
    assert [len(p.measures) for p in problems] == [2, 2]
    assert [m.text for m in problems[0].measures] == ["逐笔核对往来款项", "按程序核销坏账"]


@pytest.mark.parametrize(
    "header", ["<td>整改时限</td><td>完成时间</td>", "<td>整改时限</td><td>销号时间</td>"]
)
def test_a_column_of_the_day_put_right_gives_the_status(header: str) -> None:
    report = _ledger(
        f"<tr><td>序号</td><td>问题描述</td><td>整改措施</td>{header}</tr>"
        "<tr><td>1</td><td>往来款项长期挂账</td><td>逐笔核对</td><td>2024年9月30日</td>"
        "<td>2024年9月20日</td></tr>"
        "<tr><td>2</td><td>差旅费报销超标准</td><td>追回超标款</td><td>2025年6月30日</td><td></td></tr>"
        "<tr><td>3</td><td>固定资产账实不符</td><td>开展清查</td><td>2025年6月30日</td>"
        "<td>正在整改</td></tr>"
    )
    problems = report.iter_problems()
    assert [(p.status.value, p.deadline) for p in problems] == [
        ("completed", "2024年9月30日"),
        ("unknown", "2025年6月30日"),
        ("in_progress", "2025年6月30日"),
    ]


def test_statuses_by_ordinal_in_each_group_of_a_numbering_that_restarts() -> None:
    """1. 2. 3. under each （一）（二）, and after each group a sentence naming its items by
    第N项: each sentence speaks of its own group; a plan for an item puts it under way."""
    text = (
        "关于巡察整改情况的报告\n二、巡察反馈问题整改情况\n（一）关于党建工作的问题\n"
        "1.村级集体经济发展思路不宽。\n整改措施：一是开展排查。二是修订办法。\n"
        "2.驻村工作队管理不严。\n整改措施：一是提醒谈话。二是建立调度机制。\n"
        "以上2个问题中，第1项已完成整改，第2项正在推进。\n"
        "（二）关于民生保障的问题\n1.垃圾清运不及时。\n整改措施：一是引入第三方。二是开展自查。\n"
        "2.信访积案化解率偏低。\n整改措施：一是召开专题会议。二是加强监督。\n"
        "上述问题中，第1项已完成；第2项计划2025年12月底前完成。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, p.status.value) for p in problems] == [
        ("1", "completed"),
        ("2", "in_progress"),
        ("1", "completed"),
        ("2", "in_progress"),
    ]


@pytest.mark.parametrize("form", ["text", "word"])
def test_wrapped_findings_under_a_numbered_heading_worded_as_one(form: str) -> None:
    """1.关于落实新发展理念不到位的问题 / 针对“X”的问题，… / 针对“Y”的问题，…: the heading names
    their group; under the next heading alike, one such paragraph is enough."""
    text = (
        "中共青禾县委关于省委巡视整改进展情况的通报\n"
        "2023年3月1日至4月30日，省委第二巡视组对青禾县进行了巡视。\n一、巡视反馈问题整改情况\n"
        "1.关于落实新发展理念不到位的问题\n"
        "针对“园区同质化竞争明显”的问题，一是修订产业规划；二是清理低效项目。该问题已完成整改。\n"
        "针对“研发投入强度偏低”的问题，设立科技创新基金。目前正在推进。\n"
        "2.关于全面从严治党责任落实不到位的问题\n"
        "针对“问责失之于宽”的问题，一是修订问责办法；二是开展案件复查。该问题已完成整改。\n"
        "二、下一步工作打算\n持续巩固整改成果。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.title, p.path[-1].title, p.status.value) for p in problems] == [
        (None, "园区同质化竞争明显", "关于落实新发展理念不到位的问题", "completed"),
        (None, "研发投入强度偏低", "关于落实新发展理念不到位的问题", "in_progress"),
        (None, "问责失之于宽", "关于全面从严治党责任落实不到位的问题", "completed"),
    ]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_plain_finding_line_of_two_clauses_over_its_account(form: str) -> None:
    text = (
        "中共青禾县委关于省委巡视整改进展情况的通报\n"
        "2023年3月1日至4月30日，省委第二巡视组对青禾县进行了巡视。\n一、巡视反馈问题整改情况\n"
        "（一）关于金融服务实体经济方面\n服务实体经济质效不高，小微企业贷款增速偏低\n"
        "整改情况：一是单列小微信贷计划；二是下调小微贷款利率。该问题已完成整改。\n"
        "绿色金融发展滞后，产品创新不足\n整改情况：设立绿色金融事业部。目前正在推进。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value, len(p.measures)) for p in problems] == [
        ("服务实体经济质效不高，小微企业贷款增速偏低", "completed", 2),
        ("绿色金融发展滞后，产品创新不足", "in_progress", 0),
    ]


def test_a_reposts_headline_ending_as_titles_do_yields_to_the_original_title() -> None:
    page = (
        "<html><body><h1>县林业局公布巡察整改进展情况</h1>"
        "<p>原标题：中共青禾县林业局党组关于县委第一巡察组巡察反馈意见整改进展情况的通报</p>"
        "<p>来源：县林业局</p><p>县委第一巡察组对县林业局党组开展了巡察。</p>"
        "<p>一、反馈问题整改情况</p><p>1.林区防火巡查记录不全。整改情况：已完成整改。</p>"
        "<p>中共青禾县林业局党组</p><p>2025年8月1日</p></body></html>"
    )
    meta = rectpipe.parse_bytes(page.encode("utf-8"), name="repost.html").metadata
    assert (meta.title, meta.issuer) == (
        "中共青禾县林业局党组关于县委第一巡察组巡察反馈意见整改进展情况的通报",
        "中共青禾县林业局党组",
    )


@pytest.mark.parametrize("signed", [True, False])
def test_a_reposts_original_title_names_the_issuer_over_the_bodys_subject(signed: bool) -> None:
    """A repost without the report's title line, its body naming the unit by a short name
    (县林业局党组坚持…): the issuer is the one the 原标题 names, signed or not."""
    signature = "<p>中共青禾县林业局党组</p><p>2025年8月1日</p>" if signed else ""
    page = (
        "<html><body><h1>县林业局公布巡察整改进展情况</h1>"
        "<p>原标题：中共青禾县林业局党组关于县委第一巡察组巡察反馈意见整改进展情况的通报</p>"
        "<p>县委第一巡察组对县林业局党组开展了巡察。县林业局党组坚持立行立改。</p>"
        "<p>一、反馈问题整改情况</p><p>1.林区防火巡查记录不全。整改情况：已完成整改。</p>"
        f"{signature}</body></html>"
    )
    meta = rectpipe.parse_bytes(page.encode("utf-8"), name="repost.html").metadata
    assert meta.issuer == "中共青禾县林业局党组"


@pytest.mark.parametrize(
    "finding", ["““三重一大”决策制度执行不严格”", "“执行“三重一大”决策制度不严格”"]
)
def test_a_quote_inside_the_findings_quote_written_with_the_same_marks(finding: str) -> None:
    text = (
        "关于巡视整改进展情况的通报\n一、巡视反馈问题整改情况\n（一）关于“党的领导弱化”方面\n"
        "关于“主业投资占比偏低”的问题。一是调整投资计划；二是退出非主业项目。该问题已完成整改。\n"
        f"关于{finding}的问题。修订决策实施办法。目前正在推进。\n"
        "关于“子企业管控不到位”的问题。清理子企业14户。该问题已完成整改。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(len(p.measures), p.status.value) for p in problems] == [
        (2, "completed"),
        (0, "in_progress"),
        (0, "completed"),
    ]
    assert "三重一大" in problems[1].title


# ------------------------------------------------------------------ a table under a numbered part

_TABLE_UNDER_PART = (
    "青禾县审计局关于县林业局预算执行审计发现问题整改结果的公告\n"
    "一、审计发现问题及整改结果\n"
    "序号\t审计发现的问题\t整改情况\t整改结果\n"
    "1\t专项资金未专款专用，挪用12.50万元。\t已归还原资金渠道。\t已整改\n"
    "2\t往来款项长期挂账未清理。\t已清理部分款项。\t部分整改\n"
    "青禾县审计局\n"
    "2025年9月30日\n"
)


@pytest.mark.parametrize("form", ["text", "html", "word"])
def test_a_table_of_findings_under_a_part_of_findings_and_results(
    form: str, tmp_path: Path
) -> None:
    """一、审计发现问题及整改结果 over a table of findings names the group the rows are: it is no
    finding of its own (审计发现 opens findings), and its table's rows are the problems."""
    source = tmp_path / "notice.txt"
    source.write_text(_TABLE_UNDER_PART, "utf-8")
    if form == "text":
        report = rectpipe.parse_file(source)
    else:
        ledger = ledger_of(source)
        data, name = (
            (to_html(ledger), "notice.html")
            if form == "html"
            else (
                to_docx(ledger),
                "notice.docx",
            )
        )
        report = rectpipe.parse_bytes(data, name=name)
    problems = report.iter_problems()
    assert [(p.number, p.status) for p in problems] == [
        ("1", Status.COMPLETED),
        ("2", Status.PARTIALLY_COMPLETED),
    ]
    assert [p.path[-1].title for p in problems] == ["审计发现问题及整改结果"] * 2


# ------------------------------------------------------------------ a count of tasks alone

_TASKS_REPORT = (
    "柏川区关于省生态环境保护督察反馈问题整改情况的报告\n"
    "省第二生态环境保护督察组对我区开展了督察。对照反馈意见，{tasks}{tally}\n"
    "一、整改{named}情况\n"
    "1．城区扬尘防治不到位。\n"
    "已完成整改。\n"
    "2．垃圾分类体系不健全。\n"
    "正在整改。\n"
)


@pytest.mark.parametrize(
    ("tasks", "tally", "named", "want"),
    [
        # the tasks counted in a sentence of their own, the states in the next
        ("明确整改任务2项。", "截至目前，已完成整改1项，正在整改1项。", "", (2, 1, 1)),
        # the tasks counted alone, nothing counting their states
        ("梳理形成整改任务2项，逐项明确责任单位。", "", "", (2, None, None)),
        ("现将2项整改任务整改及销号情况公示如下：", "", "及销号", (2, None, None)),
    ],
)
def test_a_count_of_tasks_in_a_sentence_of_its_own_is_the_total(
    tasks: str, tally: str, named: str, want: tuple[int, int | None, int | None]
) -> None:
    report = rectpipe.parse_text(_TASKS_REPORT.format(tasks=tasks, tally=tally, named=named))
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == want


@pytest.mark.parametrize(
    "sentence",
    [
        "督查组对治理等任务的1711个具体点位进行了现场核实。",  # points of the tasks, no tasks
        "其余5项列入长期整改任务。",
    ],
)
def test_a_figure_beside_the_word_for_tasks_is_no_count_of_them(sentence: str) -> None:
    report = rectpipe.parse_text(_TASKS_REPORT.format(tasks=sentence, tally="", named=""))
    assert report.summary.stated is None or report.summary.stated.problems is None


# ------------------------------------------------------------------ findings opening paragraphs

_PARAGRAPHS = (
    "中共青禾县第三中学支部委员会关于县委巡察整改进展情况的通报\n"
    "县委第一巡察组对学校党支部开展了巡察，并反馈了意见。现将整改进展情况通报如下。\n"
    "一、整改工作开展情况\n"
    "学校党支部成立整改工作领导小组，制定整改方案。\n"
    "二、巡察反馈问题整改情况\n"
    "{lead}"
    "食堂食材采购索证索票不全。学校一是建立进货查验台账；二是每周抽查。{first}\n"
    "校舍维修项目化整为零，规避政府采购程序。学校修订采购管理办法。{second}\n"
    "三、下一步工作打算\n"
    "学校党支部将继续抓好整改。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_findings_opening_paragraphs_under_a_part_of_findings(form: str) -> None:
    """Each paragraph under 二、巡察反馈问题整改情况 opens with its finding and goes on with
    its account and status: no number, no label, no bold that sets the finding apart."""
    text = _PARAGRAPHS.format(lead="", first="该问题已整改完成。", second="该问题正在整改中。")
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.title, p.status, len(p.measures)) for p in problems] == [
        (None, "食堂食材采购索证索票不全", Status.COMPLETED, 2),
        (None, "校舍维修项目化整为零，规避政府采购程序", Status.IN_PROGRESS, 0),
    ]
    assert [p.path[-1].title for p in problems] == ["巡察反馈问题整改情况"] * 2


def test_a_lead_counting_every_finding_in_one_state_gives_each_that_state() -> None:
    text = _PARAGRAPHS.format(lead="反馈问题2个，目前均已部分整改。\n", first="", second="")
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status for p in problems] == [Status.PARTIALLY_COMPLETED] * 2
    mixed = _PARAGRAPHS.format(lead="反馈问题2个，已完成1个。\n", first="已完成整改。", second="")
    assert [p.status for p in rectpipe.parse_text(mixed).iter_problems()] == [
        Status.COMPLETED,
        Status.UNKNOWN,
    ]


def test_findings_opening_paragraphs_under_aspects_take_a_closing_status_for_all() -> None:
    text = (
        "中共青禾县某所支部委员会关于巡察反馈意见整改情况的报告\n"
        "局党组巡察组对我所党支部开展了巡察，指出2个方面3个问题。现将整改情况报告如下。\n"
        "一、关于政治建设方面\n"
        "理论学习不够深入，集中学习以读文件为主。所党支部调整学习方式，每月安排交流发言。\n"
        "二、关于作风纪律方面\n"
        "考勤管理制度执行不严。所党支部一是启用电子考勤；二是每月公布考勤结果。\n"
        "公务用车使用登记不规范。所里重新制定公务用车使用登记表。\n"
        "截至2025年7月31日，以上3个问题均已整改到位。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.title, p.status, len(p.measures)) for p in problems] == [
        ("理论学习不够深入，集中学习以读文件为主", Status.COMPLETED, 0),
        ("考勤管理制度执行不严", Status.COMPLETED, 2),
        ("公务用车使用登记不规范", Status.COMPLETED, 0),
    ]


def test_paragraphs_of_a_part_of_the_work_done_are_no_findings() -> None:
    text = (
        "中共青禾县林业局党组关于巡察整改进展情况的通报\n"
        "县委巡察组对局党组开展了巡察。现将整改进展情况通报如下。\n"
        "一、整改落实情况\n"
        "党组会议议事规则执行不严格的问题已经整改。局党组修订议事规则。该问题已整改完成。\n"
        "干部教育培训针对性不强。局党组制定年度培训计划。目前正在推进。\n"
    )
    assert rectpipe.parse_text(text).iter_problems() == []
    alone = _PARAGRAPHS.format(lead="", first="", second="").replace(
        "食堂食材采购索证索票不全。学校一是建立进货查验台账；二是每周抽查。\n", ""
    )
    assert rectpipe.parse_text(alone).iter_problems() == []  # one, told by nothing


# ------------------------------------------------------------------ small units' notices

_NOTICE_HEAD = (
    "柏川镇{unit}关于县卫生健康局党组巡察反馈问题整改情况的公示\n"
    "县卫生健康局党组第一巡察组对我{short}开展了巡察，并反馈了巡察意见。现将整改情况公示如下：\n"
)


@pytest.mark.parametrize(("unit", "short"), [("畜牧兽医站", "站"), ("财政所", "所")])
def test_a_station_or_an_office_named_所_issues_and_a_公示期_line_closes(
    unit: str, short: str
) -> None:
    text = (
        _NOTICE_HEAD.format(unit=unit, short=short)
        + "问题一：防疫物资台账登记不全。\n整改进度：已整改到位。\n"
        "问题二：值班制度执行不严。\n整改进度：整改中。\n"
        "以上2个问题，已整改到位1个，整改中1个。\n"
        "公示期：2025年10月9日至10月15日。如有异议，请拨打监督电话0736-5836120。\n"
        f"柏川镇{unit}\n2025年10月9日\n"
    )
    report = rectpipe.parse_text(text)
    assert report.metadata.issuer == f"柏川镇{unit}"
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (2, 1, 1)
    assert [p.status for p in report.iter_problems()] == [Status.COMPLETED, Status.IN_PROGRESS]


@pytest.mark.parametrize("name", ["青禾县人民政府网站", "本站", "办公场所"])
def test_a_site_or_a_place_is_no_issuer(name: str) -> None:
    from rectpipe.extract.title_lines import is_issuer
    from rectpipe.profiles.profile import default_profile

    assert not is_issuer(name, default_profile())


def test_numbered_finding_tags_give_their_numbers() -> None:
    text = (
        "中共青石社区委员会关于区委巡察反馈问题整改情况的公示\n"
        "区委第二巡察组对青石社区党委开展了巡察。现将整改情况公示如下：\n"
        "【问题一】社区“三会一课”制度落实不严格。\n整改结果：已整改到位。\n"
        "【问题二】社区办公经费使用不规范。\n整改结果：整改中。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, p.title, p.status) for p in problems] == [
        ("1", "社区“三会一课”制度落实不严格", Status.COMPLETED),
        ("2", "社区办公经费使用不规范", Status.IN_PROGRESS),
    ]


def test_statuses_by_place_for_records_without_numbers() -> None:
    text = (
        "石滩村巡察整改情况公示\n"
        "县委第五巡察组向我村反馈了巡察发现的3个问题。现将整改情况公示如下。\n"
        "存在问题：村集体收入账外存放。\n整改情况：已将鱼塘租金全部缴入村集体账户。\n"
        "存在问题：低保评议程序不规范。\n整改情况：重新召开低保评议会议。\n"
        "存在问题：村内主干道路灯损坏较多。\n整改情况：已完成路灯采购，正在安装。\n"
        "第一个问题已整改到位，第二个问题已整改到位，第三个问题正在整改中。\n"
        "石滩村党支部\n2025年9月1日\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, p.status) for p in problems] == [
        (None, Status.COMPLETED),
        (None, Status.COMPLETED),
        (None, Status.IN_PROGRESS),
    ]


def test_records_answered_by_their_status_label_only() -> None:
    text = (
        "柏川镇中心卫生院关于县审计局审计发现问题整改情况的公示\n"
        "县审计局对我院进行了审计，指出问题2个。现将整改情况公示如下：\n"
        "审计发现问题：防疫补助资金拨付不及时。\n整改状态：已整改\n"
        "审计发现问题：公务接待无公函。\n整改状态：整改中\n"
        "柏川镇中心卫生院\n2025年5月19日\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.title, p.status) for p in problems] == [
        ("防疫补助资金拨付不及时", Status.COMPLETED),
        ("公务接待无公函", Status.IN_PROGRESS),
    ]


def test_a_long_signature_without_its_date_ends_the_text_whole() -> None:
    text = (
        "中共青禾县疾病预防控制中心支部委员会关于巡察整改情况的公示\n（2025年9月22日）\n"
        "一、反馈问题整改情况\n1.党员发展对象培养考察不规范。整改结果：已整改到位。\n"
        "中共青禾县疾病预防控制中心支部委员会\n"
    )
    codes = [w.code for w in rectpipe.parse_text(text).warnings]
    assert "truncated" not in codes
    cut = text.rstrip("\n") + "\n县委第一巡察组对县疾病预防控制中心支部委员会"
    assert "truncated" in [w.code for w in rectpipe.parse_text(cut).warnings]


# ------------------------------------------------------------------ audit reports to the congress

_CONGRESS_HEAD = "关于青禾县2024年度审计查出问题整改情况的报告\n"


def test_an_areas_lead_gives_its_numbered_findings_one_state_and_no_other_area() -> None:
    text = (
        _CONGRESS_HEAD + "一、财政管理审计查出问题的整改情况\n"
        "该方面问题2个，已整改1个，正在整改1个。\n"
        "1.部分非税收入未及时缴库。市财政局督促缴库。\n2.暂付款清理不到位。逐笔核实。\n"
        "二、部门预算执行审计查出问题的整改情况\n"
        "该方面问题2个，已全部整改到位。\n"
        "1.甲单位超标准列支差旅费。已调账。\n2.乙单位固定资产账实不符。已清查。\n"
        "三、重点民生资金审计查出问题的整改情况\n"
        "该方面问题2个，均已部分整改。\n"
        "1.医保补助重复享受。正在追回。\n2.饮水工程管护不到位。已委托检测。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status for p in problems] == [
        Status.UNKNOWN,
        Status.UNKNOWN,  # the mixed tally names no one's state, nor does another area's lead
        Status.COMPLETED,
        Status.COMPLETED,
        Status.PARTIALLY_COMPLETED,  # the area's count of all decides (正在追回 is partly done)
        Status.PARTIALLY_COMPLETED,
    ]


def test_a_tally_after_organising_items_is_the_reports_and_no_items_status() -> None:
    text = (
        _CONGRESS_HEAD + "一、整改工作总体部署和推进情况\n"
        "（一）县政府统筹部署整改工作。县政府常务会议专题研究审计整改。\n"
        "（二）审计机关加强跟踪检查。县审计局对整改情况逐项审核认定。\n"
        "截至2024年11月30日，审计工作报告反映的2个方面3个问题，已整改2个，正在整改1个。\n"
        "二、审计查出问题的整改情况\n"
        "1.部分专项债券资金闲置。该问题已整改。\n2.项目未批先建。该问题已整改。\n"
        "3.资产出租未经审批。该问题正在整改。\n"
    )
    report = rectpipe.parse_text(text)
    assert [p.number for p in report.iter_problems()] == ["1", "2", "3"]
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (3, 2, 1)


def test_an_area_told_only_in_counts_holds_no_finding() -> None:
    text = (
        _CONGRESS_HEAD + "一、县级财政管理审计查出问题的整改情况\n"
        "（一）关于部分资金下达不及时的问题。县财政局已将资金全部下达。该问题已整改到位。\n"
        "二、乡镇财政收支审计查出问题的整改情况\n"
        "审计工作报告反映6个乡镇财政收支方面问题58个，涉及金额3.17亿元。截至2024年10月31日，"
        "已整改52个，其余6个问题正在整改。\n"
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["关于部分资金下达不及时的问题"]


def test_a_speakers_entrusted_clause_names_no_issuer() -> None:
    text = (
        _CONGRESS_HEAD
        + "我受县人民政府委托，向县人大常委会报告审计查出问题的整改情况，请予审议。\n"
        "会后，县人民政府将审计查出的问题逐项交办。\n"
        "一、审计查出问题的整改情况\n1.部分专项资金闲置。该问题已整改。\n"
        "2.项目未批先建。该问题已整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer is None


@pytest.mark.parametrize("finding", ["县园林绿化中心超合同支付养护费用", "县文旅局多付工程款"])
def test_an_overpayment_is_a_finding(finding: str) -> None:
    text = (
        _CONGRESS_HEAD + "一、政府投资项目审计查出问题的整改情况\n"
        "（一）部分项目竣工决算不及时。县住建局已督促办理。该问题已整改。\n"
        f"（二）{finding}。已追回多付款项。\n"
    )
    assert len(rectpipe.parse_text(text).iter_problems()) == 2


def test_a_measure_entrusting_a_third_party_with_what_lags_is_a_measure() -> None:
    text = (
        "中共云岭学院委员会关于巡视整改进展情况的通报\n一、巡视反馈问题整改情况\n"
        "（一）基建项目管理不规范，部分项目结算审核滞后。\n"
        "1.委托第三方机构对6个滞后项目进行结算审核。\n2.修订基建项目管理办法，明确审核时限。\n"
        "整改进展：已完成。\n"
        "（二）实验室安全管理存在隐患。\n1.开展安全隐患排查。\n2.建成管理平台。\n整改进展：已完成。\n"
        "二、下一步工作安排\n持续巩固整改成果。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, len(p.measures), p.status) for p in problems] == [
        ("1", 2, Status.COMPLETED),
        ("2", 2, Status.COMPLETED),
    ]


def test_measures_that_name_the_shortfall_they_mend_stay_measures() -> None:
    """Items under a finding that open with a verb of a measure (开展, 委托…) are its measures,
    though they name its shortfall (开展安全隐患排查, 对6个滞后项目进行结算审核); the status
    sentence after the last closes the finding."""
    text = (
        "中共云岭学院委员会关于巡视整改进展情况的通报\n一、巡视反馈问题整改情况\n"
        "（一）实验室安全管理存在隐患。\n1.开展安全隐患排查。\n2.更新消防设施。\n"
        "该问题已完成整改。\n"
        "（二）基建项目管理不规范，部分项目结算审核滞后。\n"
        "1.委托第三方机构对6个滞后项目进行结算审核。\n2.修订基建项目结算管理办法。\n"
        "该问题已完成整改。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, len(p.measures), p.status) for p in problems] == [
        ("1", 2, Status.COMPLETED),
        ("2", 2, Status.COMPLETED),
    ]
