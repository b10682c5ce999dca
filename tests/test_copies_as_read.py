"""Copies as they reach a reader: an item's number alone on its line, the finding on the next;
a forum's repost tag on the headline; a repost's reaction bar after the signature
(extract/fields_of_node.py, extract/title_lines.py, text/furniture.py)."""

from __future__ import annotations

import rectpipe

_TITLE = "中共澄江市自然资源和规划局党组关于市委第三巡察组巡察反馈意见整改进展情况的通报"
_BODY = (
    "2024年3月18日至5月24日，市委第三巡察组对市自然资源和规划局党组开展了常规巡察，"
    "并于2024年7月12日反馈了巡察意见。现将整改进展情况予以通报。\n"
    "1.耕地保护责任落实不到位。\n整改情况：一是开展复核；二是约谈4个乡镇。该问题已完成整改。\n"
    "2.不动产登记办理时限偏长。\n整改情况：一是推行一窗受理。目前正在整改。\n"
    "中共澄江市自然资源和规划局党组\n2024年10月15日\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="copy.txt")


def test_an_item_s_number_alone_on_its_line() -> None:
    text = _TITLE + "\n" + _BODY.replace("1.耕地", "1.\n耕地").replace("2.不动产", "2．\n不动产")
    report = _parse(text)
    assert [(p.number, p.title, p.status.value) for p in report.iter_problems()] == [
        ("1", "耕地保护责任落实不到位", "completed"),
        ("2", "不动产登记办理时限偏长", "in_progress"),
    ]


def test_a_forum_s_repost_tag_and_reaction_bar() -> None:
    text = (
        "青禾论坛 › 时政民生\n"
        f"[转帖] {_TITLE}\n"
        "楼主：湖畔老周　　发表于 2024-10-17 09:42\n"
        f"{_TITLE}\n{_BODY}"
        "（本帖转载仅供交流学习，如有侵权请联系删除）\n"
        "👍 点赞(48)　⭐ 收藏(17)　💬 评论(9)　↗ 分享\n"
    )
    report = _parse(text)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共澄江市自然资源和规划局党组"
    assert "truncated" not in {w.code for w in report.warnings}


def test_readers_comments_under_a_report_are_no_part_of_it() -> None:
    text = (
        _TITLE
        + "\n"
        + _BODY.replace("2024年10月15日", "二〇二四年十月十五日")
        + "网友评论（共26条）　　最新 | 最热\n"
        "澄江网友 学府路老王　2024-10-29 11:37\n我提几点建议：\n"
        "1.实训楼建设要加快，学生等了三年了。\n2.食堂价格要公开，每学期公示一次。\n"
        "回复　赞(31)\n"
    )
    report = _parse(text)
    assert [p.number for p in report.iter_problems()] == ["1", "2"]
    assert report.metadata.date == "2024-10-15"
    assert report.summary.stated is None
    assert "truncated" not in {w.code for w in report.warnings}


def test_a_dash_read_for_one_in_a_marker_s_place() -> None:
    """OCR's — for 一 where only 一 stands: —、 at a line's start, （—）, —是; a range's dash and
    a subtitle's —— stay."""
    from rectpipe.text.repair_text import dash_numerals

    assert dash_numerals("—、学校党委履行整改主体责任情况") == "一、学校党委履行整改主体责任情况"
    assert dash_numerals("（—）在“立德树人”方面") == "（一）在“立德树人”方面"
    assert (
        dash_numerals("主要措施：—是开展排查；二是建立台账。")
        == "主要措施：一是开展排查；二是建立台账。"
    )
    assert dash_numerals("2024年5月—6月开展巡视") == "2024年5月—6月开展巡视"
    assert dash_numerals("——2025年6月26日在会议上") == "——2025年6月26日在会议上"
    text = _TITLE + "\n" + _BODY.replace("一是开展复核", "—是开展复核")
    assert len(_parse(text).iter_problems()[0].measures) == 2


def test_a_hard_wrapped_copy_keeps_an_item_s_number_alone_on_its_line() -> None:
    """A copy wrapped at one width: its lines are joined, but never a lone 1. onto the line
    above (text/rewrap.py)."""
    wrapped = (
        _TITLE + "\n"
        "2024年3月18日至5月24日，市委第三巡察组对市自然资源和规划局党组开展了常规巡察\n"
        "，并于2024年7月12日反馈了巡察意见。现将整改进展情况予以通报，具体情况如下：\n"
        "1.\n耕地保护责任落实不到位。\n整改情况：一是开展复核；二是约谈乡镇。该问题已完成整改。\n"
        "2.\n不动产登记办理时限偏长。\n整改情况：一是推行一窗受理。目前正在整改。\n"
    )
    report = _parse(wrapped)
    assert [(p.number, p.title) for p in report.iter_problems()] == [
        ("1", "耕地保护责任落实不到位"),
        ("2", "不动产登记办理时限偏长"),
    ]


def test_states_given_in_a_table_after_the_text() -> None:
    """附：问题整改进展情况表 after the text, its rows naming the findings: each finding the text
    tells without a state takes its row's (the rows are no problems of their own)."""
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        f"<h1>{_TITLE}</h1>"
        "<p>2024年3月18日至5月24日，市委第三巡察组对市自然资源和规划局党组开展了常规巡察，"
        "并于2024年7月12日反馈了巡察意见。</p>"
        "<p>1.耕地保护责任落实不到位，部分乡镇耕地“非粮化”整治偏慢。一是开展复核；二是约谈。</p>"
        "<p>2.不动产登记办理不规范，群众多次往返。一是推行一窗受理；二是压缩时限。</p>"
        "<p>附：问题整改进展情况表</p>"
        '<table border="1"><tr><td>序号</td><td>问题</td><td>整改进展</td></tr>'
        "<tr><td>1</td><td>耕地保护责任落实不到位</td><td>已完成</td></tr>"
        "<tr><td>2</td><td>不动产登记办理不规范</td><td>正在推进</td></tr></table>"
        "<p>中共澄江市自然资源和规划局党组</p><p>2024年10月15日</p></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert [(p.number, p.status.value) for p in report.iter_problems()] == [
        ("1", "completed"),
        ("2", "in_progress"),
    ]
