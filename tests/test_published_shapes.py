"""Rules from the thirteenth and fourteenth probes of published pages (docs/shapes.md §35):
texts written for the test in the shapes that were misread. Each test fails without its rule."""

from __future__ import annotations

import pytest

import rectpipe

from .render_docx import word_paragraphs

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
