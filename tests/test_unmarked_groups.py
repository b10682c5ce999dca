"""Headings with no number that name a group (<h3>就业服务方面</h3>, a bold line) over numbered
findings with their accounts: the headings are groups in the findings' paths, the numbered
items the problems (extract/roles.py, ``_unmarked_group``)."""

from __future__ import annotations

import io

import pytest

import rectpipe

_INTRO = (
    "<h1>中共南屏县人社局党组关于县委巡察整改进展情况的通报</h1>"
    "<p>2024年3月4日至4月26日，县委第一巡察组对县人社局党组开展了常规巡察，"
    "2024年6月3日反馈了巡察意见。</p><h2>一、巡察反馈问题整改情况</h2>"
)
_ITEMS = [
    ("就业服务方面", "1.就业补助资金审核不严，个别企业套取岗位补贴。",
     "整改情况：已完成。一是追回违规补贴；二是建立交叉核验机制。"),
    ("社会保险方面", "2.窗口服务效率不高，群众等候时间长。",
     "整改情况：正在整改。一是推行一窗通办；二是增设自助终端。"),
]  # fmt: skip
_CLOSE = "<p>中共南屏县人社局党组</p><p>2024年9月2日</p>"
_EXPECTED = [
    ("1", "就业补助资金审核不严，个别企业套取岗位补贴", "completed", 2, "就业服务方面"),
    ("2", "窗口服务效率不高，群众等候时间长", "in_progress", 2, "社会保险方面"),
]


def _found(report: rectpipe.Report) -> list[tuple[str | None, str, str, int, str]]:
    return [
        (p.number, p.title, p.status.value, len(p.measures), p.path[-1].title)
        for p in report.iter_problems()
    ]


@pytest.mark.parametrize("heading", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
def test_unnumbered_group_headings_on_a_page(heading: str) -> None:
    body = "".join(
        heading.format(group) + f"<p>{finding}</p><p>{account}</p>"
        for group, finding, account in _ITEMS
    )
    page = f'<html><head><meta charset="utf-8"></head><body>{_INTRO}{body}{_CLOSE}</body></html>'
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert _found(report) == _EXPECTED
    assert [p.title for p in report.iter_problems()[0].path] == [
        "巡察反馈问题整改情况",
        "就业服务方面",
    ]


def test_unnumbered_group_headings_in_bold_in_a_word_file() -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("中共南屏县人社局党组关于县委巡察整改进展情况的通报")
    document.add_paragraph(
        "2024年3月4日至4月26日，县委第一巡察组对县人社局党组开展了常规巡察，"
        "2024年6月3日反馈了巡察意见。"
    )
    document.add_paragraph("一、巡察反馈问题整改情况")
    for group, finding, account in _ITEMS:
        document.add_paragraph().add_run(group).bold = True
        document.add_paragraph(finding)
        document.add_paragraph(account)
    document.add_paragraph("中共南屏县人社局党组")
    document.add_paragraph("2024年9月2日")
    out = io.BytesIO()
    document.save(out)
    report = rectpipe.parse_bytes(out.getvalue(), name="report.docx")
    assert _found(report) == _EXPECTED


def test_units_named_in_bold_each_over_a_list_begun_again() -> None:
    """A notice on several inspected units: each unit's name in bold over its own list (①…),
    no part above them: the names are groups in the findings' paths."""
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>溪口县委巡察办关于县委第二轮巡察整改情况的公告</h1>"
        "<p>2024年3月1日至4月10日，县委第一巡察组对县民政局党组和县档案馆党支部开展了巡察，"
        "2024年5月8日反馈了巡察意见。</p>"
        "<p><strong>县民政局党组</strong></p>"
        "<p>①救助资金发放审核不严，存在重复发放情况。已追回资金。（已完成）</p>"
        "<p>②养老机构消防隐患排查不彻底。（正在整改）</p>"
        "<p><strong>县档案馆党支部</strong></p>"
        "<p>①档案数字化推进缓慢。已完成数字化5万卷。（已完成）</p>"
        "<p>中共溪口县委巡察工作领导小组办公室</p><p>2024年9月10日</p></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert [
        (p.number, p.status.value, [i.title for i in p.path]) for p in report.iter_problems()
    ] == [
        ("1", "completed", ["县民政局党组"]),
        ("2", "in_progress", ["县民政局党组"]),
        ("1", "completed", ["县档案馆党支部"]),
    ]
