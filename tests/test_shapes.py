"""Problem lists laid out as published reports lay them out (facts in docs/shapes.md)."""

from __future__ import annotations

import rectpipe
from rectpipe.tools.provenance import check_sources

_LABELLED_UNDER_BARE_MARKERS = (
    "关于区委第三巡察组反馈问题整改情况的公示\n"
    "区委第三巡察组于2023年9月4日至11月10日对区图书馆党支部开展了巡察。现将整改情况公示如下：\n"
    "（一）\n存在问题：借阅登记制度执行不严，登记簿填写不全。\n"
    "整改措施：修订借阅管理办法，每月抽查登记簿。\n完成情况：已完成。\n"
    "（二）\n问题描述：馆藏资产账实不符。\n整改措施：开展资产清查。\n完成情况：正在整改。\n"
    "公示期间，如有意见建议，请联系区图书馆办公室，电话：0739-7654321。\n"
)


def test_a_finding_label_under_a_bare_marker_is_the_statement() -> None:
    report = rectpipe.parse_text(_LABELLED_UNDER_BARE_MARKERS)
    problems = report.iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("借阅登记制度执行不严，登记簿填写不全", "completed"),
        ("馆藏资产账实不符", "in_progress"),
    ]
    assert problems[0].heading == "存在问题：借阅登记制度执行不严，登记簿填写不全"
    assert problems[0].actions == "修订借阅管理办法，每月抽查登记簿。"
    assert check_sources(report) == []


def test_a_closing_contact_paragraph_is_no_part_of_the_last_problem() -> None:
    report = rectpipe.parse_text(_LABELLED_UNDER_BARE_MARKERS)
    last = report.iter_problems()[-1]
    assert "电话" not in last.actions
    assert report.metadata.phone == "0739-7654321"
