"""Rules added for the third round of blind batches (docs/blind-third-round.md): portal
reports, narrative-heavy notices and the statuses and totals recent reports state. Every text
here is invented; each test fails without its rule."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.extract.status import normalise_status
from rectpipe.profiles import default_profile

_HEAD = (
    "中共青禾县交通运输局党组关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，2025年3月3日至4月30日，县委第三巡察组对县交通运输局党组开展了常规巡察，"
    "2025年6月9日反馈了巡察意见。现将整改进展情况予以公布。\n"
)
_TAIL = "中共青禾县交通运输局党组\n2025年10月20日\n"


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def _report(*lines: str) -> rectpipe.Report:
    return _parse(_HEAD + "\n".join(lines) + "\n" + _TAIL)


def test_continued_push_under_way_or_to_come_is_no_long_term_state() -> None:
    """持续推进 names the long-term group when it stands alone; 正在持续推进 is work under way and
    将持续推进 after a partial completion an intention. 持续整改 stays long-term."""
    profile = default_profile()
    read = {
        text: (match.status.value, match.long_term)
        for text in (
            "目前正在持续推进",
            "已取得阶段性成效，将持续推进",
            "持续推进",
            "该问题正在持续整改中",
            "已完成整改，将长期坚持",
        )
        if (match := normalise_status(text, profile)) is not None
    }
    assert read == {
        "目前正在持续推进": ("in_progress", False),
        "已取得阶段性成效，将持续推进": ("partially_completed", False),
        "持续推进": ("ongoing", True),
        "该问题正在持续整改中": ("ongoing", True),
        "已完成整改，将长期坚持": ("completed", True),
    }


def test_a_kind_inside_the_issuer_s_name_is_not_the_inspection_s() -> None:
    """中共某市审计局党组关于市委巡察整改…: the report answers a 巡察, whatever the body is."""
    text = (
        "中共柏川市审计局党组关于市委巡察整改进展情况的通报\n"
        "根据市委统一部署，市委第五巡察组对市审计局党组进行了巡察，并反馈了巡察意见。\n"
        "1.审计项目计划执行不严格，部分项目延期。\n整改情况：已完成整改。\n"
        "2.内部审计质量控制不到位。\n整改情况：正在整改。\n"
        "中共柏川市审计局党组\n2025年3月2日\n"
    )
    assert _parse(text).metadata.inspection_kind.value == "巡察"


def test_a_site_s_maker_line_after_an_undated_signature_is_furniture() -> None:
    """…办公室主办　联系电话：… under the article is the site's, not the report's last line."""
    text = (
        "青禾县关于生态环境保护督察反馈问题整改进展情况的公示\n"
        "2024年5月7日至6月7日，省第二生态环境保护督察组对我县开展了督察。现将有关情况公示如下。\n"
        "1.园区雨污管网混接，部分雨水排口旱天有水。\n整改进展：已完成\n"
        "2.乡镇垃圾中转站渗滤液收集不规范。\n整改进展：正在推进\n"
        "青禾县生态环境保护督察整改工作领导小组办公室\n"
        "【打印本页】【关闭窗口】\n"
        "青禾县人民政府办公室主办　联系电话：0593-6000000\n"
    )
    assert _parse(text).metadata.issuer == "青禾县生态环境保护督察整改工作领导小组办公室"


def test_a_copy_cut_inside_its_first_yi_shi_measure_still_tells_it() -> None:
    report = _report(
        "1.农村公路养护资金拨付滞后。",
        "整改情况：已完成整改。一是清理拨付台账；二是建立按季拨付制度。",
        "2.超限运输治理不到位，夜间检查缺位。",
        "整改情况：正在整改。一是组织执法人员对全县主要道口开展",
    )
    assert [len(p.measures) for p in report.iter_problems()] == [2, 1]


def test_a_lone_bare_numeral_is_no_list_of_measures() -> None:
    report = _report(
        "1.农村公路养护资金拨付滞后。",
        "整改情况：已完成整改。三个月内完成全部拨付。",
    )
    assert [len(p.measures) for p in report.iter_problems()] == [0]


def test_status_after_measures_run_on_one_line() -> None:
    """（1）A；（2）B。目前已基本完成整改。: the sentence after the items is the finding's status,
    not part of the last measure; a single such line under a 关于“X”的问题 heading is its
    measures, not a finding of its own."""
    report = _report(
        "一、巡察反馈问题整改落实情况",
        "1.关于“工程招标代理机构管理不严”的问题",
        "（1）编制代理机构考评细则；（2）开展代理机构履约检查。目前已基本完成整改。",
        "2.关于“路政许可审批时限过长”的问题",
        "（1）压缩审批环节；（2）推行网上办理。目前正在整改。",
    )
    assert [
        (p.title, p.status.value, [m.text for m in p.measures]) for p in report.iter_problems()
    ] == [
        (
            "工程招标代理机构管理不严",
            "partially_completed",
            ["编制代理机构考评细则；", "开展代理机构履约检查。"],
        ),
        ("路政许可审批时限过长", "in_progress", ["压缩审批环节；", "推行网上办理。"]),
    ]


def test_all_done_said_of_other_matters_gives_the_findings_no_status() -> None:
    """立行立改事项14项，目前已全部完成整改 and 已全部完成整改回访 speak of other things; 反馈的2个
    问题已全部完成整改 speaks of the findings."""
    findings = [
        "二、巡察反馈问题整改落实情况",
        "1.关于“养护资金拨付滞后”的问题",
        "局党组清理拨付台账，建立按季拨付制度。",
        "2.关于“超限治理不到位”的问题",
        "局党组组织夜间联合执法，设立固定检测站。",
    ]
    for lead in (
        "（一）坚持立行立改。巡察期间移交的立行立改事项14项，目前已全部完成整改。",
        "（一）做好回访。对群众来信反映事项已全部完成整改回访。",
    ):
        report = _report("一、整改工作开展情况", lead, *findings)
        assert [p.status.value for p in report.iter_problems()] == ["unknown", "unknown"]
    report = _report(
        "一、整改工作开展情况", "（一）截至目前，反馈的2个问题已全部完成整改。", *findings
    )
    assert [p.status.value for p in report.iter_problems()] == ["completed", "completed"]


def test_results_after_the_findings_that_name_problems_are_no_findings() -> None:
    report = _report(
        "一、巡察反馈问题整改落实情况",
        "1.违规发放津贴补贴问题仍有发生。一是全面清查发放情况；二是责令退回违规资金。目前已完成整改。",
        "2.工程变更审批不规范。一是修订变更管理办法；二是开展变更复核。目前正在整改。",
        "3.农村客运站闲置问题突出。一是盘活闲置站点；二是引入物流企业。目前已完成整改。",
        "二、整改成效",
        "1.违规发放津贴补贴问题全部整改到位，清退资金6.2万元。",
        "2.工程变更管理不规范问题得到有效遏制，复核项目18个。",
        "3.闲置站点问题基本解决，盘活站点9个。",
    )
    assert [p.number for p in report.iter_problems()] == ["1", "2", "3"]


def test_discipline_cases_a_line_leads_are_no_findings() -> None:
    report = _report(
        "一、整改工作开展情况",
        "（一）强化警示教育。结合巡察整改，在全系统通报典型案例2起：",
        "1.某站原站长违规收受服务对象礼品，受到党内警告处分。",
        "2.某科室工作人员在验收中弄虚作假，受到政务记过处分。",
        "二、巡察反馈问题整改落实情况",
        "1.违规发放津贴补贴问题仍有发生。一是全面清查发放情况；二是责令退回违规资金。目前已完成整改。",
        "2.工程变更审批不规范。一是修订变更管理办法；二是开展变更复核。目前正在整改。",
    )
    assert [p.title for p in report.iter_problems()] == [
        "违规发放津贴补贴问题仍有发生",
        "工程变更审批不规范",
    ]


def test_problems_the_unit_found_itself_are_no_totals_of_the_findings() -> None:
    report = _report(
        "一、整改工作开展情况",
        "（一）坚持举一反三。在全系统开展自查自纠，主动查找同类问题23个，已完成整改21个。",
        "二、巡察反馈问题整改落实情况",
        "1.违规发放津贴补贴问题仍有发生。",
        "整改情况：已完成整改。",
        "2.工程变更审批不规范。",
        "整改情况：正在整改。",
    )
    assert report.summary.stated is None


def test_findings_under_a_long_field_heading_and_their_measures() -> None:
    """（一）…方面存在的问题 / 一是X。/ 整改情况：（1）…；（2）…。该问题已完成整改。: the
    heading names the findings told, however long; each 一是 finding counts its account's
    measures, the status sentence not part of the last."""
    report = _report(
        "一、巡察反馈问题整改落实情况",
        "（一）贯彻落实上级重大决策部署方面存在的问题",
        "一是农村公路建设项目储备不足。",
        "整改情况：（1）编制三年项目规划；（2）新增储备项目6个。该问题已完成整改。",
        "二是公路安全隐患排查不彻底。",
        "整改情况：（1）开展全覆盖排查；（2）建立隐患销号台账。目前正在推进。",
    )
    problems = report.iter_problems()
    assert [(p.title, p.status.value, len(p.measures)) for p in problems] == [
        ("农村公路建设项目储备不足", "completed", 2),
        ("公路安全隐患排查不彻底", "in_progress", 2),
    ]
    assert problems[0].measures[-1].text == "新增储备项目6个。"


def test_findings_named_in_the_opening_clause_of_paragraphs() -> None:
    """针对X的问题，局党组…: unquoted, each paragraph under a group of findings tells X; a
    clause that names the findings as a whole (针对巡察反馈的问题) tells none."""
    report = _report(
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组。",
        "二、巡察反馈问题整改情况",
        "针对巡察反馈的问题，局党组逐项制定整改措施。",
        "针对养护资金拨付滞后的问题，局党组高度重视。一是清理拨付台账。二是建立按季拨付制度。目前已完成整改。",
        "针对超限运输治理不到位，夜间检查缺位的问题，局党组专题研究。一是组织夜间联合执法。二是设立固定检测站。目前正在推进。",
    )
    assert [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("养护资金拨付滞后", "completed", 2),
        ("超限运输治理不到位，夜间检查缺位", "in_progress", 2),
    ]


def test_several_quoted_findings_in_one_paragraph_each_count() -> None:
    """在…方面，针对“X”的问题，…。针对“Y”的问题，…: with no finding listed before, each named
    finding is one, cut where the next is named."""
    report = _report(
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组。",
        "二、反馈问题整改落实情况",
        "在行业监管方面，针对“养护资金拨付滞后”的问题，局党组专题研究，一是清理拨付台账；"
        "二是建立按季拨付制度。该问题已完成整改。针对“超限治理不到位”的问题，局党组压实责任，"
        "一是组织夜间联合执法；二是设立固定检测站。目前正在推进。",
    )
    assert [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("养护资金拨付滞后", "completed", 2),
        ("超限治理不到位", "in_progress", 2),
    ]


def test_a_quoted_finding_alone_on_its_line_under_a_part() -> None:
    report = _report(
        "一、整改工作总体情况",
        "局党组成立整改专班，逐项落实整改。",
        "二、具体问题整改情况",
        "关于“养护资金拨付滞后”的问题",
        "整改情况：一是清理拨付台账；二是建立按季拨付制度。该问题已整改到位。",
        "关于“超限治理不到位”的问题",
        "整改情况：一是组织夜间联合执法；二是设立固定检测站。目前正在推进。",
    )
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("养护资金拨付滞后", "completed"),
        ("超限治理不到位", "in_progress"),
    ]


_LEDGER = (
    "<table><tr><td>序号</td><td>问题表现</td><td>整改措施</td><td>整改成效</td></tr>{rows}</table>"
)


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _page(*body: str) -> rectpipe.Report:
    html = (
        "<html><body><p>中共青禾县交通运输局党组关于县委巡察整改进展情况的通报</p>"
        "<p>2025年3月3日至4月30日，县委第三巡察组对县交通运输局党组开展了巡察，"
        "6月9日反馈了巡察意见。</p>"
        + "".join(body)
        + "<p>中共青禾县交通运输局党组</p><p>2025年10月20日</p></body></html>"
    )
    return rectpipe.parse_bytes(html.encode("utf-8"), name="report.html")


def test_a_heading_worded_as_a_finding_over_its_own_ledger_is_a_group() -> None:
    """（一）落实上级决策部署有差距 then a table of its findings: the table's rows are the
    problems, under the heading; a status column headed 整改成效 gives their statuses."""
    report = _page(
        "<p>一、巡察反馈问题整改情况</p>",
        "<p>（一）落实上级决策部署有差距</p>",
        _LEDGER.format(
            rows=_row("1", "养护资金拨付滞后。", "一是清理台账；二是按季拨付。", "已完成整改。")
            + _row("2", "超限治理不到位。", "一是夜间执法；二是设检测站。", "正在推进。")
        ),
        "<p>（二）基层党组织建设存在薄弱环节</p>",
        _LEDGER.format(
            rows=_row("1", "党员积分管理流于形式。", "一是修订细则；二是每月公示。", "已完成整改。")
        ),
    )
    assert [
        (p.number, p.title, p.status.value, [i.title for i in p.path])
        for p in report.iter_problems()
    ] == [
        ("1", "养护资金拨付滞后", "completed", ["巡察反馈问题整改情况", "落实上级决策部署有差距"]),
        ("2", "超限治理不到位", "in_progress", ["巡察反馈问题整改情况", "落实上级决策部署有差距"]),
        (
            "1",
            "党员积分管理流于形式",
            "completed",
            ["巡察反馈问题整改情况", "基层党组织建设存在薄弱环节"],
        ),
    ]


def test_a_category_row_with_its_numeral_in_the_number_cell() -> None:
    """一 | 党的政治建设方面 (one cell spanning the rest): a category row, not a problem."""
    report = _page(
        "<p>一、整改工作的组织推进</p><p>局党组成立整改工作领导小组。</p>",
        "<p>二、反馈问题整改进展</p>",
        _LEDGER.format(
            rows='<tr><td>一</td><td colspan="3">党的政治建设方面</td></tr>'
            + _row("1", "专题学习研讨不深入。", "一是制定计划；二是开展研讨。", "已完成整改。")
            + '<tr><td>二</td><td colspan="3">组织建设方面</td></tr>'
            + _row("2", "党费收缴不规范。", "一是全面核查；二是补缴党费。", "正在推进。")
        ),
    )
    assert [(p.number, [i.title for i in p.path][-1]) for p in report.iter_problems()] == [
        ("1", "党的政治建设方面"),
        ("2", "组织建设方面"),
    ]
    assert [(s.title, s.kind) for s in report.sections] == [
        ("整改工作的组织推进", "narrative"),
        ("反馈问题整改进展", "group"),
    ]


def test_dates_in_a_table_s_cells_are_no_inspection_period() -> None:
    """经查，该工地于6月9日至11日夜间施工 in a cell tells the complaint, not the inspection: the
    lead's 交办 day is the feedback."""
    html = (
        "<html><body><p>省第二生态环境保护督察组交办青禾市第六批信访件办理情况公示</p>"
        "<p>2025年6月12日，省第二生态环境保护督察组向我市交办第六批群众信访举报件2件，已全部办结。</p>"
        "<table><tr><td>编号</td><td>交办问题</td><td>调查核实情况</td><td>处理和整改情况</td></tr>"
        + _row(
            "1",
            "城东工地夜间施工噪声扰民。",
            "经查，该工地于6月9日至11日夜间违规施工。",
            "已立案处罚。该件已办结。",
        )
        + _row("2", "城西饭店油烟直排。", "经查，油烟净化器未清洗。", "已督促清洗。该件已办结。")
        + "</table><p>青禾市生态环境保护督察整改工作领导小组办公室</p><p>2025年6月20日</p>"
        "</body></html>"
    )
    meta = rectpipe.parse_bytes(html.encode("utf-8"), name="report.html").metadata
    assert (meta.period_start, meta.period_end, meta.feedback_date) == (None, None, "2025-06-12")


def test_the_feedback_is_the_handing_over_not_an_earlier_mention() -> None:
    text = (
        "关于青禾街道督察反馈问题整改完成情况的公示\n"
        "根据县督察整改办关于做好督察反馈问题整改销号工作的要求，现对省第四生态环境保护督察组"
        "2025年1月反馈的、由我街道牵头的2项整改任务完成情况进行公示。\n"
        "一、辖区餐饮油烟扰民。\n整改状态：已完成\n"
        "二、河道漂浮物清理不及时。\n整改状态：已完成\n"
        "青禾县青禾街道办事处\n2025年12月2日\n"
    )
    meta = _parse(text).metadata
    assert (meta.feedback_date, meta.issuer) == ("2025-01", "青禾县青禾街道办事处")


def test_a_province_s_inspectorate_is_the_inspecting_body() -> None:
    text = (
        "青禾县自然资源局关于土地例行督察发现问题整改情况的公示\n"
        "2024年9月2日至10月11日，省自然资源督察局对我县开展了土地例行督察，"
        "2024年11月20日反馈问题2个，均已完成整改。\n"
        "一、违法占用耕地建设厂房，涉及面积12.5亩。\n整改情况：已拆除复耕。\n"
        "二、临时用地到期未复垦。\n整改情况：已完成复垦。\n"
        "青禾县自然资源局\n2025年3月4日\n"
    )
    assert _parse(text).metadata.inspecting_body == "省自然资源督察局"


def test_a_task_label_is_no_part_of_the_title() -> None:
    report = _report(
        "一、巡察反馈问题整改情况",
        "1.整改任务：养护资金拨付滞后。",
        "整改情况：已完成整改。",
        "2.整改任务：超限治理不到位。",
        "整改情况：正在推进。",
    )
    assert [p.title for p in report.iter_problems()] == ["养护资金拨付滞后", "超限治理不到位"]


def test_a_seal_s_pale_rim_is_taken_off_a_scan_with_its_red() -> None:
    """A seal's rim and lettering, pale or smeared by JPEG (pink: red well above green and
    blue), is whitened with the seal, so the engine does not read it as ink over the date;
    black text, and black text under the seal (dark red), stay."""
    np = pytest.importorskip("numpy")
    from rectpipe.readers.ocr import _without_red

    rgb = [(235, 185, 185), (200, 60, 60), (40, 40, 40), (100, 30, 30), (250, 250, 250)]
    image = np.array([[pixel[::-1] for pixel in rgb]], dtype=np.uint8)  # BGR
    cleaned = [tuple(int(v) for v in px[::-1]) for px in _without_red(image)[0]]
    assert cleaned == [
        (255, 255, 255),
        (255, 255, 255),
        (40, 40, 40),
        (100, 30, 30),
        (250, 250, 250),
    ]


def test_an_annex_list_after_the_signature_is_no_item_and_ends_the_text_whole() -> None:
    text = (
        _HEAD + "一、巡察反馈问题整改情况\n"
        "（一）养护资金拨付滞后。整改情况：一是清理台账；二是按季拨付。已完成整改。\n"
        "（二）超限治理不到位。整改情况：一是夜间执法；二是设检测站。已完成整改。\n"
        + _TAIL
        + "附件：1.巡察反馈问题整改任务清单\n2.巡察整改建立健全制度清单\n"
    )
    report = _parse(text)
    assert [p.title for p in report.iter_problems()] == ["养护资金拨付滞后", "超限治理不到位"]
    assert not {w.code for w in report.warnings} & {"truncated", "numbering_gap"}


def test_a_month_in_brackets_under_the_title_dates_the_report() -> None:
    """（2024年12月） under the title, and no signature: the report's month. (Eight findings, so
    that the line is not among the last lines a signature is looked for in.)"""
    lines = _HEAD.split("\n")
    items = "".join(
        f"{n}.第{n}项养护工作落实不到位。\n整改情况：已完成整改。\n" for n in range(1, 9)
    )
    text = "\n".join([lines[0], "（2024年12月）", *lines[1:]]) + items
    assert _parse(text).metadata.date == "2024-12"


def test_a_title_s_last_word_wrapped_onto_its_own_line() -> None:
    text = (
        "中共青禾县交通运输局党组关于县委巡察整改进展情况\n的通报\n"
        + _HEAD.split("\n", 1)[1]
        + "1.养护资金拨付滞后。\n整改情况：已完成整改。\n2.超限治理不到位。\n整改情况：正在推进。\n"
        + _TAIL
    )
    assert _parse(text).metadata.title == "中共青禾县交通运输局党组关于县委巡察整改进展情况的通报"


def test_a_finding_s_cell_numbers_it_and_labels_its_unit_and_time_limit() -> None:
    """No 序号 column: 问题1：X。 / 责任单位：… / 整改时限：… in the finding's cell number it and
    give its unit and time limit, also run together as a PDF's cell gives them."""
    report = _page(
        "<p>一、巡察反馈问题整改情况</p>",
        "<table><tr><td>反馈问题</td><td>整改措施</td><td>整改进展</td></tr>"
        + _row(
            "问题1：养护资金拨付滞后。<br>责任单位：县公路中心<br>整改时限：2025年6月底前",
            "一是清理台账；二是按季拨付。",
            "已完成",
        )
        + _row(
            "问题2：超限治理不到位。责任单位：县交警大队整改时限：长期坚持",
            "一是夜间执法；二是设检测站。",
            "正在推进",
        )
        + "</table>",
    )
    assert [(p.number, p.title, p.responsible, p.deadline) for p in report.iter_problems()] == [
        ("1", "养护资金拨付滞后", "县公路中心", "2025年6月底前"),
        ("2", "超限治理不到位", "县交警大队", "长期坚持"),
    ]


def test_a_category_heading_alone_in_a_two_column_table_spans_it() -> None:
    from rectpipe.extract.tables import _is_spanning

    assert _is_spanning(("一、水污染防治方面", ""), 2)
    assert not _is_spanning(("城区污水管网雨污混接。", ""), 2)  # a finding, its account empty


def test_a_measure_opening_with_a_preposition_among_measures_is_one() -> None:
    report = _report(
        "一、关于“全面从严治党不力”方面的问题",
        "1.物资采购管理不规范，部分采购未执行比价程序。",
        "（1）上线集中采购平台。",
        "（2）修订物资采购管理办法。",
        "（3）对违规采购责任人进行诫勉。",
        "已完成整改。",
    )
    assert [(p.title, len(p.measures)) for p in report.iter_problems()] == [
        ("物资采购管理不规范，部分采购未执行比价程序", 3)
    ]


def test_office_2003_xml_files_are_read_or_refused_in_one_line() -> None:
    from rectpipe.errors import UnsupportedFormatError
    from rectpipe.readers.sniff import sniff_format

    word = b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>'
    excel = b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook>'
    assert sniff_format(word, "report.doc") == "doc"
    with pytest.raises(UnsupportedFormatError):
        sniff_format(excel, "ledger.xls")


def test_tasks_the_findings_were_worked_out_into_are_no_total_of_them() -> None:
    report = _report(
        "局党组制定整改方案，细化整改任务20项，实行挂图作战。",
        "1.养护资金拨付滞后。",
        "整改情况：已完成整改。",
        "2.超限治理不到位。",
        "整改情况：正在推进。",
    )
    assert report.summary.stated is None


def test_a_ledger_s_closing_row_is_no_finding_and_dates_it() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import io

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["青禾镇人民政府关于县审计局审计发现问题整改情况台账"])
    sheet.append(["序号", "审计发现问题", "整改措施", "完成时限", "完成情况"])
    sheet.append(["1", "专项资金拨付滞后", "①加快拨付；②建立台账", "2025年1月", "已完成"])
    sheet.append(["2", "固定资产账实不符", "①全面清查；②调整账目", "2025年6月", "正在整改"])
    sheet.append(["填报单位（盖章）：青禾镇人民政府", "", "", "2025年2月18日", ""])
    sheet.merge_cells("A5:C5")
    data = io.BytesIO()
    book.save(data)
    report = rectpipe.parse_bytes(data.getvalue(), name="ledger.xlsx")
    assert [p.title for p in report.iter_problems()] == ["专项资金拨付滞后", "固定资产账实不符"]
    assert report.metadata.date == "2025-02-18"


def test_no_report_date_a_decade_after_its_inspection() -> None:
    """二〇三五年 read for 二〇二五年 (a seal over a scan's date): null rather than wrong."""
    text = (
        _HEAD
        + "1.养护资金拨付滞后。\n整改情况：已完成整改。\n"
        + "中共青禾县交通运输局党组\n2035年10月20日\n"
    )
    assert _parse(text).metadata.date is None


def test_a_ledger_dated_in_its_table_s_last_row() -> None:
    report = _page(
        "<p>一、巡察反馈问题整改情况</p>",
        "<table><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>完成情况</td></tr>"
        + _row("1", "养护资金拨付滞后。", "1.清理台账。2.按季拨付。", "已完成")
        + _row("2", "超限治理不到位。", "1.夜间执法。2.设检测站。", "正在推进")
        + '<tr><td colspan="4">2025年7月8日</td></tr></table>',
    )
    html_tail_dated = report.metadata.date
    assert html_tail_dated == "2025-10-20"  # the signature under the table dates the page
    bare = (
        "<html><body><p>中共青禾县委关于省委巡视反馈意见整改落实情况台账</p>"
        "<table><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>完成情况</td></tr>"
        + _row("1", "养护资金拨付滞后。", "1.清理台账。2.按季拨付。", "已完成")
        + _row("2", "超限治理不到位。", "1.夜间执法。2.设检测站。", "正在推进")
        + '<tr><td colspan="4">2025年7月8日</td></tr></table></body></html>'
    )
    dated = rectpipe.parse_bytes(bare.encode("utf-8"), name="ledger.html")
    assert dated.metadata.date == "2025-07-08"
    assert len(dated.iter_problems()) == 2


def test_work_going_on_counts_the_long_term_findings_when_none_are_counted_apart() -> None:
    """正在推进2个 beside one finding in progress and one needing 长期坚持: the figures agree."""
    report = _report(
        "截至目前，反馈的3个问题已完成整改1个，正在推进2个。",
        "1.养护资金拨付滞后。",
        "整改情况：已完成整改。",
        "2.超限治理不到位。",
        "整改情况：正在推进。",
        "3.行业作风建设有待加强。",
        "整改情况：需长期坚持。",
    )
    assert report.summary.consistent is True
    assert "totals_mismatch" not in {w.code for w in report.warnings}


def test_findings_each_named_in_turn_in_one_paragraph_are_each_one() -> None:
    """针对“X”的问题，…。针对“Y”的问题，…: a paragraph that opens with a finding it names and
    goes on to the next is cut there, so that each is a finding of its own."""
    report = _report(
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组。",
        "二、反馈问题整改落实情况",
        "针对“养护资金拨付滞后”的问题，局党组专题研究，一是清理拨付台账；二是建立按季拨付制度。"
        "该问题已完成整改。针对“超限治理不到位”的问题，局党组压实责任，一是组织夜间联合执法；"
        "二是设立固定检测站。目前正在推进。",
        "针对“工程变更审批不规范”的问题，局党组深入剖析，一是修订变更管理办法；二是开展变更复核。"
        "该问题已完成整改。",
    )
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("养护资金拨付滞后", "completed"),
        ("超限治理不到位", "in_progress"),
        ("工程变更审批不规范", "completed"),
    ]


def test_an_emoji_before_a_marker_leaves_it_a_marker() -> None:
    from rectpipe.text.numbering import match_marker

    marker = match_marker("📌一、巡察反馈问题整改情况")
    assert marker is not None and (marker.raw, marker.end) == ("一、", 3)
    assert match_marker("📌 重要通知") is None


def test_findings_set_in_bold_with_their_detail_are_unmarked_items() -> None:
    """教学督导制度执行不严。部分督导听课记录填写不完整。 in bold, then 整改情况：…: a finding."""
    body = "".join(
        f"<p><strong>{finding}。{detail}。</strong></p><p>整改情况：一是{a}；二是{b}。已完成整改。</p>"
        for finding, detail, a, b in (
            ("教学督导制度执行不严", "部分督导听课记录填写不完整", "修订督导办法", "通报督导结果"),
            ("实验室安全管理存在隐患", "消防器材过期未更换", "更换消防器材", "建立检查台账"),
            ("学生资助资金发放不规范", "个别认定材料缺少签字", "逐份复核材料", "完善审核制度"),
        )
    )
    report = _page("<p>一、反馈问题整改情况</p>", body)
    assert [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("教学督导制度执行不严", "completed", 2),
        ("实验室安全管理存在隐患", "completed", 2),
        ("学生资助资金发放不规范", "completed", 2),
    ]


def test_an_account_s_column_before_the_title_is_no_part_of_it() -> None:
    text = "巡察整改｜" + _HEAD + "1.养护资金拨付滞后。\n整改情况：已完成整改。\n" + _TAIL
    meta = _parse(text).metadata
    assert (meta.title, meta.issuer) == (
        "中共青禾县交通运输局党组关于县委巡察整改进展情况的通报",
        "中共青禾县交通运输局党组",
    )


def test_a_sharing_site_s_upload_time_dates_no_report() -> None:
    html = (
        "<html><body><h1>中共青禾县交通运输局党组关于县委巡察整改进展情况的通报</h1>"
        "<div>上传时间：2025-06-03　大小：36KB　浏览：128</div>"
        "<p>2025年3月3日至4月30日，县委第三巡察组对县交通运输局党组开展了巡察。</p>"
        "<p>1.养护资金拨付滞后。</p><p>整改情况：已完成整改。</p>"
        "<p>2.超限治理不到位。</p><p>整改情况：正在推进。</p></body></html>"
    )
    report = rectpipe.parse_bytes(html.encode("utf-8"), name="report.html")
    assert report.metadata.date is None


def test_counts_before_a_long_term_phrase_and_findings_counted_with_other_matters() -> None:
    """1个需持续整改 counts the long-term ones; 反馈问题和专项整治事项共4个 counts all."""
    report = _report(
        "反馈问题和专项整治事项共4个，已完成2个，1个正在推进，1个需持续整改。",
        "1.养护资金拨付滞后。\n整改情况：已完成整改。",
        "2.超限治理不到位。\n整改情况：已完成整改。",
        "3.工程变更审批不规范。\n整改情况：正在推进。",
        "4.行业作风建设有待加强。\n整改情况：持续整改。",
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress, stated.ongoing) == (4, 2, 1, 1)


def test_an_item_numbered_with_a_closing_bracket_among_numbered_items() -> None:
    """1.… / 2)… / 3.…, and 2、… / 4)… with a number skipped: items of one list."""
    report = _report(
        "一、在作风建设方面",
        "1.公务接待无公函。",
        "整改情况：已完成整改。",
        "2)档案库房温湿度记录不全。",
        "整改情况：已完成整改。",
        "3.办公用房超标准使用。",
        "整改情况：正在推进。",
    )
    assert [(p.number, p.title) for p in report.iter_problems()] == [
        ("1", "公务接待无公函"),
        ("2", "档案库房温湿度记录不全"),
        ("3", "办公用房超标准使用"),
    ]


def test_a_ladder_set_the_other_way_round() -> None:
    """1.关于“X”问题 / （一）… / （二）…: the （一） items are X's findings, under it."""
    report = _report(
        "一、在“党的政治建设”方面",
        "1.关于“学习贯彻不深入”问题",
        "（一）中心组学习计划执行不严格。",
        "整改情况：已完成整改。一是修订学习计划。二是建立督查机制。",
        "（二）专题研讨流于形式。",
        "整改情况：正在整改。一是改进研讨方式。二是实行提纲审核。",
        "2.关于“财务管理不规范”问题",
        "（一）公务接待无公函。",
        "整改情况：已完成整改。一是修订接待办法。二是开展专项检查。",
    )
    assert [
        (p.title, [i.title for i in p.path][-1], p.status.value) for p in report.iter_problems()
    ] == [
        ("中心组学习计划执行不严格", "关于“学习贯彻不深入”问题", "completed"),
        ("专题研讨流于形式", "关于“学习贯彻不深入”问题", "in_progress"),
        ("公务接待无公函", "关于“财务管理不规范”问题", "completed"),
    ]
