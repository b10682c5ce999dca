"""Rules added for the shapes of blind batch j (docs/blind-j.md, docs/shapes.md §25): page date
lines in a tool bracket or before an editor, a news-account post's interface after the
signature, and blanks round quotes in the comparison of facts."""

from __future__ import annotations

import rectpipe
from rectpipe.text.furniture import article_end
from rectpipe.tools.fold import fold

_TITLE = "中共白石县水务局党组关于县委巡察整改情况的通报"
_BODY = (
    "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县水务局党组进行了巡察，"
    "并于2025年6月5日反馈了巡察意见。现将整改情况通报如下：\n"
    "一、巡察反馈问题整改情况\n"
    "1.河道保洁责任落实不到位。\n整改情况：一是建立日巡查制度；二是增配保洁员。已完成整改。\n"
    "2.农村供水工程管护薄弱。\n整改情况：落实管护人员12名。正在整改。\n"
)


def _parse(text: str, name: str = "report.txt") -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _page(meta: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in _BODY.splitlines())
    return (
        '<html><head><meta charset="utf-8"><title>水务局</title></head><body>'
        '<div class="crumbs">您的位置：首页 &gt; 通知公告</div>'
        f'<div class="article"><h2>{_TITLE}</h2><div class="meta">{meta}</div>'
        f'<div class="content">{paragraphs}</div></div>'
        '<div class="footer">主办：白石县水务局</div></body></html>'
    ).encode()


def test_a_tool_line_opening_with_a_bracketed_date_label_dates_the_page() -> None:
    meta = "【信息时间：2026-02-13　阅读次数：】【字号 大 中 小】【我要打印】【关闭】"
    report = rectpipe.parse_bytes(_page(meta), name="report.html")
    assert report.metadata.date == "2026-02-13"
    # A date that is a piece of the tool line dates the page too (runtime/page_dates); a
    # sentence beside the tools is no meta line.
    tools = rectpipe.parse_bytes(_page("【字号 大 中 小】【打印】 2026-02-13"), name="report.html")
    assert tools.metadata.date == "2026-02-13"
    sentence = "【打印】本页内容于2026年2月13日更新，请以正式文件为准。"
    other = rectpipe.parse_bytes(_page(sentence), name="report.html")
    assert other.metadata.date is None


def test_a_bare_date_time_before_an_editor_is_a_date_line() -> None:
    dated = _parse(_TITLE + "\n2025-04-16 09:20　编辑：周岚\n" + _BODY)
    assert dated.metadata.date == "2025-04-16"
    responsible = _parse(_TITLE + "\n2025-04-16 09:20　责任编辑：周岚\n" + _BODY)
    assert responsible.metadata.date == "2025-04-16"
    # A date before another label is not the page's date line.
    undated = _parse(_TITLE + "\n2025-04-16 09:20　审稿：周岚\n" + _BODY)
    assert undated.metadata.date is None


def test_a_post_interface_ends_the_article_and_leaves_the_signature_last() -> None:
    tail = (
        "中共白石县水务局党组\n2025年7月7日\n阅读原文\n预览时标签不可点\n微信扫一扫\n关注该公众号\n"
        "继续滑动看下一个\n轻触阅读原文\n白石水务\n向上滑动看下一个\n知道了\n微信扫一扫\n"
        "使用小程序\n取消　允许\n分享　留言　收藏　听过\n"
    )
    byline = "原创　白石水务　白石水务发布　2025年07月08日 10:21　江南\n"
    report = _parse(_TITLE + "\n" + byline + _BODY + tail)
    assert report.metadata.date == "2025-07-07"
    assert report.metadata.issuer == "中共白石县水务局党组"
    removed = [item.text for item in report.removed]
    assert removed[:2] == ["阅读原文", "预览时标签不可点"]


def test_post_interface_is_looked_for_among_the_closing_lines_only() -> None:
    lines = ["标题", "阅读原文", "正文一。", "署名", "2025年7月7日", "阅读原文", "微信扫一扫"]
    assert article_end(lines) == 5
    # An interface line that a sentence follows does not close the text.
    assert article_end(["标题", "正文。", "阅读原文", "正文又一段。"]) == 4
    # A sentence that mentions reading the original is not the interface.
    assert article_end(["标题", "正文。", "请点击阅读原文查看全文。"]) == 3


def test_facts_compare_with_the_blanks_round_quotes_closed() -> None:
    assert fold("关于 “服务大局不够有力” 的问题") == fold("关于“服务大局不够有力”的问题")
    # Blanks between Latin letters or figures stay.
    assert fold("PM 2.5 浓度") == "PM 2.5 浓度"
