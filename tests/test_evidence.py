"""What a numbered item's first sentence says about it (rectpipe.extract.evidence): headings
written for the test, of findings and of what is not one."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.extract.evidence import heading_evidence
from rectpipe.profiles.profile import default_profile


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # a topic's name: 问题 as a compound's first word, a topic noun at the end
        ("问题发现机制", "action"),
        ("主要做法", "action"),
        ("问题一：台账管理不规范", "finding"),
        ("问题：会议记录缺失", "finding"),
        ("反馈问题", "group"),
        ("问题线索处置不及时", "finding"),
        ("考核评价机制不健全", "finding"),
        ("干部队伍结构老化，后备力量不足的工作机制", "finding"),
        # a shortfall named as what a measure remedies: organising work
        ("提高政治站位，着力解决思想认识不到位的问题", "action"),
        ("着力纠正公务接待不规范现象", "action"),
        ("坚持标本兼治，切实防止整改不彻底的倾向", "action"),
        # a shortfall outside what is remedied: a finding
        ("未能有效解决群众反映强烈的问题", "finding"),
        ("解决历史遗留问题不力", "finding"),
        ("群众反映的问题解决不及时", "finding"),
        ("防止返贫动态监测不到位", "finding"),
        # 偏 words of a finding (监管偏松偏软, 办理时限偏长); a shortfall told remedied after it
        ("不动产登记办理时限偏长", "finding"),
        ("对下属单位监管偏松偏软", "finding"),
        ("民生短板加快补齐", "action"),
        ("管理漏洞有效堵塞", "action"),
    ],
)
def test_heading_evidence(heading: str, kind: str) -> None:
    assert heading_evidence(heading, default_profile()).value == kind


def test_intro_headings_that_name_what_they_remedy_are_no_problems() -> None:
    """（一）提高政治站位，着力解决思想认识不到位的问题 under 整改工作开展情况: how the work was
    organised. Before, each such heading was read as a problem of unknown status."""
    text = "\n".join(
        [
            "中共某县林业局党组关于巡察整改进展情况的通报",
            "一、整改工作开展情况",
            "（一）提高政治站位，着力解决思想认识不到位的问题。局党组召开专题会议研究部署。",
            "（二）压实整改责任，着力解决责任落实不力的问题。成立整改工作领导小组。",
            "二、巡察反馈问题整改情况",
            "（一）落实林长制不到位。整改情况：已完成。",
            "（二）森林防火基础设施薄弱。整改情况：正在整改。",
            "中共某县林业局党组",
            "2024年10月15日",
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["落实林长制不到位", "森林防火基础设施薄弱"]
