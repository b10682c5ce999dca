"""一是… findings under a heading that names the findings told (审计发现的主要问题, …方面存在的
问题): the clauses are the problems, whether each opens its own line with its own account or
they run on in one paragraph; 一是 clauses elsewhere stay measures and steps."""

from __future__ import annotations

import pytest

import rectpipe

from .test_probe_pages import _parse

_AUDIT = (
    "柏溪县审计局关于柳岸镇2024年度财政收支情况的审计结果公告\n"
    "柏溪县审计局于2025年3月对柳岸镇2024年度财政收支情况进行了审计。\n"
    "一、基本情况\n柳岸镇下辖9个行政村，在编人员38人。\n"
    "二、审计发现的主要问题\n"
    "一是非税收入未及时上缴。2笔罚没收入滞留镇财政所账户。\n"
    "二是公务接待管理不规范。部分接待无公函。\n"
    "三是农村公路养护资金拨付滞后。\n"
    "三、整改情况\n柳岸镇已制定整改方案，逐项推进整改。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_findings_told_as_clauses_under_a_heading_that_names_them(form: str) -> None:
    problems = _parse(_AUDIT, form).iter_problems()
    assert [(p.number, p.marker, p.title, p.description) for p in problems] == [
        ("1", "一是", "非税收入未及时上缴", "2笔罚没收入滞留镇财政所账户"),
        ("2", "二是", "公务接待管理不规范", "部分接待无公函"),
        ("3", "三是", "农村公路养护资金拨付滞后", ""),
    ]
    assert {p.path[-1].title for p in problems} == {"审计发现的主要问题"}
    assert {p.status for p in problems} == {rectpipe.Status.UNKNOWN}


_OWN_ACCOUNTS = (
    "中共柳岸镇委员会关于巡察整改进展情况的通报\n"
    "县委第二巡察组于2025年4月对柳岸镇党委开展了巡察。现将整改进展情况通报如下。\n"
    "一、巡察反馈问题整改情况\n"
    "（一）党的建设方面存在的问题\n"
    "一是“三会一课”记录不全。整改情况：补齐会议记录，该问题已整改完成。\n"
    "二是发展党员程序不严。整改情况：开展专项检查，目前正在整改。\n"
    "（二）资金管理方面存在的问题\n"
    "一是惠农补贴发放不及时。整改情况：补贴已全部发放到位，该问题已整改完成。\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_each_clause_under_such_a_heading_holds_its_own_account(form: str) -> None:
    problems = _parse(_OWN_ACCOUNTS, form).iter_problems()
    assert [(p.title, p.status.value, p.path[-1].title) for p in problems] == [
        ("“三会一课”记录不全", "completed", "党的建设方面存在的问题"),
        ("发展党员程序不严", "in_progress", "党的建设方面存在的问题"),
        ("惠农补贴发放不及时", "completed", "资金管理方面存在的问题"),
    ]
    assert problems[0].actions == "补齐会议记录，该问题已整改完成"
    assert problems[0].status_raw == "该问题已整改完成"


def test_clauses_run_on_in_one_paragraph_under_such_a_heading() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "（一）存在的主要问题\n一是村务公开不及时。二是集体资产台账不全。三是议事程序不规范。\n"
        "（二）整改措施\n镇党委逐项制定整改措施。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.title for p in problems] == ["村务公开不及时", "集体资产台账不全", "议事程序不规范"]


@pytest.mark.parametrize(
    "text",
    [
        # 一是 clauses in an account under the heading: its measures
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n（一）存在的主要问题\n"
        "村务公开不及时。整改情况：一是建立公开台账；二是每月公开一次。\n",
        # 一是 clauses under a heading that names no findings: steps of the work
        "关于巡察整改进展情况的通报\n一、整改工作开展情况\n（一）加强组织领导\n"
        "一是成立整改领导小组。二是召开专题会议。\n二、巡察反馈问题整改情况\n"
        "（一）村务公开不及时。整改情况：已完成。\n",
    ],
)
def test_clauses_elsewhere_stay_measures_and_steps(text: str) -> None:
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert not any(t.startswith(("建立", "每月", "成立", "召开")) for t in titles)


@pytest.mark.parametrize("closing", ["下步打算", "下一步工作打算"])
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_closing_item_among_labelled_findings_is_no_problem(closing: str, form: str) -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "（一）村务公开不及时。\n整改情况：已完成。\n"
        "（二）集体资产台账不全。\n整改情况：正在整改。\n"
        f"（三）{closing}\n镇党委将持续巩固整改成果。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [p.title for p in problems] == ["村务公开不及时", "集体资产台账不全"]


def test_an_article_outline_under_captions_lists_no_problems() -> None:
    """An article's outline (parts that name neither problems nor their rectification, under
    captions with no number) holds no problems when nothing in it reads as a finding."""
    text = (
        "柳岸县委巡察柳岸镇纪实\n巡察背景\n一、巡察对象\n本次巡察的对象为柳岸镇党委。\n"
        "二、巡察目的\n推动问题解决。\n巡察过程\n一、巡察准备\n巡察组进驻前查阅了资料。\n"
        "二、巡察实施\n巡察组开展个别谈话52人次。\n三、巡察发现的问题\n巡察组发现，柳岸镇在党的建设"
        "等方面存在问题。\n巡察整改\n一、整改要求\n巡察组要求柳岸镇认真落实整改责任。\n"
    )
    assert [p.title for p in rectpipe.parse_text(text).iter_problems()] == []


def test_items_under_a_part_that_names_problems_are_still_taken_when_none_reads_as_one() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、整改工作开展情况\n镇党委召开专题会议研究部署。\n"
        "二、巡察反馈问题整改情况\n（一）关于村务公开\n（二）关于集体资产管理\n"
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["关于村务公开", "关于集体资产管理"]


def test_a_heading_that_names_findings_with_an_account_and_no_clauses_is_read_whole() -> None:
    text = (
        "关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n（一）存在的主要问题\n"
        "村务公开不及时。整改情况：已完成。\n"
    )
    rectpipe.parse_text(text)  # no clause to list: read as before, no internal error
