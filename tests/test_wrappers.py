"""Finding wrappers (关于“X”问题的整改…) and the finding inside them."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.text.wrappers import unwrap


@pytest.mark.parametrize(
    ("statement", "inner"),
    [
        ("关于“学习贯彻不够到位”问题的整改", "学习贯彻不够到位"),
        ("关于“党建与业务“两张皮”问题依然存在”", "党建与业务“两张皮”问题依然存在"),
        ("在“落实全面从严治党责任”方面", "落实全面从严治党责任"),
        ("问题3：食堂管理不规范", "食堂管理不规范"),
        ("【问题】发展党员程序不严格", "发展党员程序不严格"),
        ("[问题描述]：台账不全", "台账不全"),
        ("问题表现：台账不全", "台账不全"),
        # a web copy cut off inside the quote: the finding runs to the end
        ("关于“学思践悟不深不透。局党组未组织学习", "学思践悟不深不透。局党组未组织学习"),
    ],
)
def test_the_finding_inside_its_wrapper(statement: str, inner: str) -> None:
    found = unwrap(statement)
    assert found is not None
    assert statement[found.inner_start : found.inner_end] == inner


@pytest.mark.parametrize(
    "statement",
    ["“十四五”园区发展规划未完成审批", "关于“三重一大”决策制度执行不严格", "【问题】"],
)
def test_a_quoted_term_is_no_wrapper(statement: str) -> None:
    assert unwrap(statement) is None


def test_a_body_named_loosely_again_is_one_body() -> None:
    report = rectpipe.parse_text(
        "中共某县文旅局党组关于巡察整改情况的通报\n"
        "2022年9月16日至10月18日，区委第二巡察组对局党组进行了巡察。2023年1月17日，"
        "区委巡察组向局党组反馈了巡察意见。现将巡察整改情况予以公布。\n"
        "一、反馈问题整改情况\n（一）学习贯彻不够到位。\n整改情况：已完成整改。\n"
    )
    assert report.metadata.inspecting_bodies == ["区委第二巡察组"]


def test_an_arrow_breadcrumb_is_no_title() -> None:
    report = rectpipe.parse_text(
        "首页\n-> 要闻 -> 审计通告 -> 审计公告\n"
        "某市审计局关于2023年度审计工作报告反映问题整改情况的报告\n"
        "发布日期:2024-01-06 11:16信息来源:某市审计局\n"
        "主任、副主任、各位委员:\n"
        "一、整改工作总体部署和推进情况\n"
        "(一)市政府高度重视审计整改工作。市政府专题研究部署整改。\n"
        "(二)责任单位积极落实整改措施。各单位制定整改方案。\n"
    )
    assert report.metadata.title == "某市审计局关于2023年度审计工作报告反映问题整改情况的报告"
    assert report.metadata.issuer == "某市审计局"
    # subsections that tell how the work was organised are not problems
    assert report.iter_problems() == []
    assert "no_problems" in {w.code for w in report.warnings}


def test_a_quoted_finding_of_two_sentences_keeps_both_and_its_status_after_it() -> None:
    report = rectpipe.parse_text(
        "柏溪县文旅局党组关于巡察整改情况的通报\n"
        "（一）在“落实上级决策部署不够有力”方面\n"
        "1.关于“理论学习不够深入”问题的整改\n"
        "（1）关于“专题学习流于形式。局党组全年仅组织专题学习2次，未结合工作实际研讨”的问题。"
        "已完成整改。制定年度学习计划，每季度开展专题研讨。\n"
        "（2）关于“读书班覆盖面窄。基层党员未纳入”的问题。正在整改。已制定轮训计划。\n"
    )
    first, second = report.iter_problems()
    assert first.title == "专题学习流于形式"
    assert first.description == "局党组全年仅组织专题学习2次，未结合工作实际研讨"
    assert first.status is rectpipe.Status.COMPLETED
    assert first.actions == "已完成整改。制定年度学习计划，每季度开展专题研讨。"
    assert second.description == "基层党员未纳入"
    assert second.status is rectpipe.Status.IN_PROGRESS
