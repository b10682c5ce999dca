"""The rules the damaged copies of every text sample called for when they were measured again
over all the samples with facts (tests/test_copies.py): a title cut over two lines where the
page puts a label or a column's name before it, or where the cut leaves the rest of the
issuer's name on the second line; a breadcrumb that ends with the title, wrapped, above the
whole title; a document-sharing site's preview with many page lines before the text; and a
letter-spaced line whose words are a wider gap apart. Each input is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.text.repair_text import gapped_letter_spaced

_TITLE = "中共青禾县住房和城乡建设局党组关于县委巡察整改进展情况的通报"
_BODY = (
    "根据县委统一部署，县委第二巡察组对县住房和城乡建设局党组开展了常规巡察，"
    "并于2025年3月4日反馈了巡察意见。现将整改进展情况通报如下。\n"
    "一、党的建设方面\n"
    "1.党组会议议事规则执行不严格。整改情况：已完成。修订议事规则，建立会议纪要审核制度。\n"
    "2.干部教育培训针对性不强。整改情况：正在推进。已制定年度培训计划。\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="copy.txt")


def _cut(head: str, at: int) -> str:
    """``_TITLE`` cut after its ``at``-th character, ``head`` before its first line."""
    return f"{head}{_TITLE[:at]}\n{_TITLE[at:]}\n"


def test_a_labelled_title_cut_inside_its_issuer_keeps_its_first_line() -> None:
    cut = _TITLE.index("关于") + 1  # 关 / 于…
    for label in ("标题：", "【巡察整改】", "  • 标  题:"):
        report = _parse("青禾县人民政府\n首页 > 政务公开\n" + _cut(label, cut) + _BODY)
        assert report.metadata.title == _TITLE, label
        assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组", label


def test_a_labelled_title_cut_after_its_guanyu_keeps_its_first_line() -> None:
    cut = _TITLE.index("关于") + 4  # 中共…关于县委 / 巡察整改进展情况的通报
    report = _parse("  • 发文时间:2025年04月02日\n" + _cut("  • 标  题:", cut) + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"


def test_the_rest_of_an_issuers_name_opening_the_next_line_joins_the_line_above() -> None:
    # 中共…建设局 / 党组关于…: 党组 alone names no body, so the line above is the name's head.
    cut = _TITLE.index("党组")
    report = _parse(_cut("", cut) + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"
    # A line that opens with a whole name of its own takes nothing from a menu word above it.
    menu = _parse("党建动态\n" + _TITLE + "\n" + _BODY)
    assert menu.metadata.title == _TITLE


def test_a_wrapped_breadcrumb_ending_with_the_title_gives_way_to_the_whole_title() -> None:
    cut = _TITLE.index("党组") + 1
    crumb = f"首页 > 国企动态 > {_TITLE[:cut]}\n{_TITLE[cut:]}\n"
    report = _parse("青禾在线\n" + crumb + _TITLE + "\n发布时间：2025-04-02\n" + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"


def test_a_sharing_sites_preview_is_read_further_for_the_title() -> None:
    pages = "".join(f"{_TITLE}_第{n}页\n第{n}页 / 共9页\n" for n in range(1, 6))
    head = f"{_TITLE}\n上传人：qh****2 文档编号：1234567 上传时间：2025-04-08\n返回下载\n"
    title = "县住房和城乡建设局巡察整改进展情况报告"
    report = _parse(head + pages + "资源描述\n" + title + "\n" + _BODY)
    # the document's own title, below a dozen lines of the site's
    assert report.metadata.title == title


def test_letter_spaced_words_a_wider_gap_apart_stay_apart() -> None:
    line = "发 布 时 间 ： 2 0 2 5 - 0 4 - 0 2   0 9 : 1 5 \u3000 来 源 ： 县 住 建 局"
    assert gapped_letter_spaced(line) == "发布时间：2025-04-02   09:15\u3000来源：县住建局"
    report = _parse(_TITLE + "\n" + line + "\n" + _BODY)
    assert report.metadata.date == "2025-04-02"
    assert any(w.code == "text_repaired_letter_spacing" for w in report.warnings)
    # Text without two spaced runs a wide gap apart is returned as it is.
    for plain in ("  • 索 引 号:1234/2025-01", "[字体:大 中 小]  [打印]", "一、总体情况"):
        assert gapped_letter_spaced(plain) is plain
