"""Rules added for the third round of blind batches (docs/blind-third-round.md): portal
reports, narrative-heavy notices and the statuses and totals recent reports state. Every text
here is invented; each test fails without its rule."""

from __future__ import annotations

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
