"""Rules added for the shapes of blind batch m (docs/blind-m.md, docs/shapes.md §22): how each
problem's status, responsible unit and the totals are told."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.signer_line import split_signer_line
from rectpipe.extract.status import StatusMatch, normalise_status, status_sentence
from rectpipe.extract.totals import read_counts
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile

_INTRO = (
    "根据市委统一部署，2024年3月4日至4月30日，市委第一巡察组对市档案馆党组进行了巡察，"
    "并于2024年6月12日反馈了巡察意见。现将巡察整改情况公布如下：\n"
)
_TITLE = "中共栖川市档案馆党组关于市委巡察整改情况的通报\n"
_SIGNED = "中共栖川市档案馆党组\n2024年9月20日\n"


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def _status(text: str) -> StatusMatch | None:
    found = status_sentence(text, default_profile())
    return None if found is None else found[2]


def _statuses(report: rectpipe.Report) -> list[str]:
    return [p.status.value for p in report.iter_problems()]


def test_a_bracketed_status_label_inside_a_paragraph_gives_the_status() -> None:
    assert _status("一是清理台账；二是补录档案。【整改进展】已完成。") == StatusMatch(
        Status.COMPLETED, False
    )
    assert _status("修订借阅制度。完成情况：已办结。") == StatusMatch(Status.COMPLETED, False)
    # A label before a long statement that names no status is no status sentence.
    assert _status("修订借阅制度。【整改进展】组织全馆人员学习新修订的借阅制度。") is None


def test_a_value_opening_with_a_long_term_clause_is_ongoing() -> None:
    profile = default_profile()
    assert normalise_status("持续整改，本季度排查任务已完成", profile) == StatusMatch(
        Status.ONGOING, True
    )
    # The completed one names the completion first.
    assert normalise_status("已完成，长期坚持", profile) == StatusMatch(Status.COMPLETED, True)
    # A long first clause is a statement of its own, not the value's status.
    assert normalise_status("对老旧设备实行长期坚持巡检制度，更换工作已完成", profile) == (
        StatusMatch(Status.COMPLETED, True)
    )


def test_a_closing_clause_of_work_still_under_way_gives_in_progress() -> None:
    assert _status("建立台账。目前，清查工作已完成，制度修订正在审议。") == StatusMatch(
        Status.IN_PROGRESS, False
    )
    assert _status("补录档案。截至目前，已补录120卷，其余档案仍在整理中。") == StatusMatch(
        Status.IN_PROGRESS, False
    )


def test_a_responsible_unit_wins_over_a_responsible_post() -> None:
    report = _parse(
        _TITLE + _INTRO + "一、巡察反馈问题整改情况\n"
        "1.档案数字化进度滞后。\n"
        "责任领导：分管副馆长；责任单位：信息技术科；完成时限：2024年12月。\n"
        "整改进展：已完成。\n"
        "2.库房温湿度监测不到位。\n"
        "责任人：保管科科长；完成时限：2024年10月。\n"
        "整改进展：已完成。\n" + _SIGNED
    )
    assert [p.responsible for p in report.iter_problems()] == ["信息技术科", "保管科科长"]


def test_statuses_by_ordinal_with_one_di_before_a_list() -> None:
    report = _parse(
        _TITLE + _INTRO + "一、巡察反馈问题整改情况\n"
        "1.档案数字化进度滞后。\n采购扫描设备2台，完成扫描3万页。\n"
        "2.库房温湿度监测不到位。\n更换监测探头12个。\n"
        "3.档案利用服务不便捷。\n开通网上预约查档。\n"
        "二、整改总体情况\n"
        "截至2024年9月15日，第1、3个问题已整改完成，第2个问题正在整改。\n" + _SIGNED
    )
    assert _statuses(report) == ["completed", "in_progress", "completed"]


def test_the_last_number_of_an_ordinal_list_is_no_count() -> None:
    counts = read_counts("反馈的4个问题中，第1、2、4个问题已整改完成。", default_profile())
    assert counts.values == {"problems": 4}
    counts = read_counts("反馈的4个问题中，第1和4个问题已整改完成。", default_profile())
    assert counts.values == {"problems": 4}


def test_a_neutral_item_in_a_list_of_findings_is_a_finding() -> None:
    report = _parse(
        _TITLE + _INTRO + "一、巡察反馈问题整改情况\n"
        "（一）关于“业务建设”方面的问题\n"
        "1.档案征集工作不够主动。\n制定年度征集计划。\n"
        "2.馆藏结构单一。\n征集地方特色档案300件。\n"
        "（二）关于“内部管理”方面的问题\n"
        "3.固定资产登记不规范。\n开展资产清查。\n"
        "4.公务接待审批不严。\n修订接待办法。\n"
        "二、下一步工作打算\n持续巩固整改成果。\n" + _SIGNED
    )
    titles = [p.title for p in report.iter_problems()]
    assert titles == [
        "档案征集工作不够主动",
        "馆藏结构单一",
        "固定资产登记不规范",
        "公务接待审批不严",
    ]


def test_a_run_in_item_with_its_status_on_the_heading_line_is_a_finding() -> None:
    report = _parse(
        _TITLE + _INTRO + "一、审计发现问题的整改情况\n"
        "（一）部分经费超范围列支。已调整账目。该问题已整改到位。\n"
        "（二）下属单位往来款挂账。已清理部分款项，其余款项正在核对。该问题已部分整改。\n"
        "（三）资产账实不符。已补登资产。该问题已整改到位。\n"
        "二、下一步工作\n继续跟踪检查。\n" + _SIGNED
    )
    assert _statuses(report) == ["completed", "partially_completed", "completed"]


def test_statuses_by_exception_when_the_excepted_item_states_its_own() -> None:
    report = _parse(
        _TITLE
        + _INTRO.replace(
            "现将", "截至2024年9月15日，除第2个问题正在推进外，其余2个问题均已完成整改。现将"
        )
        + "一、巡察反馈问题整改情况\n"
        "1.档案数字化进度滞后。\n采购扫描设备2台。\n"
        "2.库房温湿度监测不到位。\n更换监测探头12个。目前，探头更换已完成，监测平台正在调试。\n"
        "3.档案利用服务不便捷。\n开通网上预约查档。\n" + _SIGNED
    )
    assert _statuses(report) == ["completed", "in_progress", "completed"]
    # An item that says otherwise keeps the paragraph from being read over it.
    clash = _parse(
        _TITLE
        + _INTRO.replace(
            "现将", "截至2024年9月15日，除第2个问题正在推进外，其余2个问题均已完成整改。现将"
        )
        + "一、巡察反馈问题整改情况\n"
        "1.档案数字化进度滞后。\n采购扫描设备2台。该问题正在整改。\n"
        "2.库房温湿度监测不到位。\n更换监测探头12个。\n"
        "3.档案利用服务不便捷。\n开通网上预约查档。\n" + _SIGNED
    )
    assert _statuses(clash) == ["in_progress", "unknown", "unknown"]


def test_chixu_tuijin_beside_a_counted_long_term_group_is_in_progress() -> None:
    counts = read_counts(
        "反馈的8个问题已完成整改5个，持续推进2个，长期坚持1个。", default_profile()
    )
    assert counts.values == {"problems": 8, "completed": 5, "in_progress": 2, "ongoing": 1}
    # Alone, 持续推进 stays the long-term count (its items' deadlines decide later).
    alone = read_counts("反馈的8个问题已完成整改6个，持续推进2个。", default_profile())
    assert alone.values == {"problems": 8, "completed": 6, "ongoing": 2}


def test_a_signer_and_a_date_on_one_line() -> None:
    line = "栖川市生态环境保护督察整改工作领导小组办公室\u3000\u30002024年9月20日"
    found = split_signer_line(line)
    assert found is not None
    (ws, we), (ds, de) = found
    assert line[ws:we] == "栖川市生态环境保护督察整改工作领导小组办公室"
    assert line[ds:de] == "2024年9月20日"
    assert split_signer_line("公示时间：2024年9月20日至9月27日") is None
    report = _parse(
        "栖川市关于省督察反馈问题整改情况的报告\n"
        "省第一生态环境保护督察组反馈问题3个，现将整改情况报告如下：\n"
        "一、反馈问题整改情况\n"
        "1.部分河段垃圾清理不及时。\n整改进展：已完成。\n"
        "2.污水管网建设滞后。\n整改进展：正在推进。\n"
        "3.扬尘管控不到位。\n整改进展：已完成。\n"
        "栖川市生态环境保护督察整改工作领导小组办公室\u3000\u30002024年9月20日\n"
    )
    assert report.metadata.date == "2024-09-20"
    assert report.metadata.issuer == "栖川市生态环境保护督察整改工作领导小组办公室"
