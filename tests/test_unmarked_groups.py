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
