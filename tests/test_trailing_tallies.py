"""A tally after the last finding of a list (截至目前，N个问题已完成整改…) is the report's totals,
no word of that finding (extract/trailing_tallies.py); what a finding's own account says after
it, and a sentence about all the findings above, stay with the finding."""

from __future__ import annotations

import io

import rectpipe

_HEAD = (
    "中共澄江市水务局党组关于市委巡察反馈意见整改进展情况的通报\n"
    "根据市委统一部署，2024年4月8日至6月7日，市委第二巡察组对市水务局党组开展了巡察，"
    "2024年7月16日反馈了巡察意见。现将整改进展情况通报如下。\n"
    "一、整改工作开展情况\n"
    "局党组成立整改工作领导小组，逐项明确责任领导和完成时限。\n"
    "二、反馈问题整改情况\n"
    "1.党组理论学习中心组学习不深入。整改措施：一是制定年度学习计划；二是开展专题研讨。（已完成）\n"
    "2.水利工程招投标监管存在漏洞。整改措施：一是建立全过程监督机制；二是引入电子评标。（正在整改）\n"
    "3.违规发放加班补助。整改措施：一是清退违规发放的补助；二是修订加班管理规定。【已销号】\n"
)
_TAIL = (
    "三、下一步工作打算\n持续巩固整改成果，健全长效机制。\n中共澄江市水务局党组\n2024年11月28日\n"
)
_TALLY = "截至目前，3个问题已完成整改2个，正在整改1个。"


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def _statuses(report: rectpipe.Report) -> list[str]:
    return [p.status.value for p in report.iter_problems()]


def test_a_tally_after_the_last_finding_is_the_report_s_totals() -> None:
    report = _parse(_HEAD + _TALLY + "\n" + _TAIL)
    assert _statuses(report) == ["completed", "in_progress", "completed"]
    last = report.iter_problems()[-1]
    assert "截至目前" not in (last.actions or "")
    assert last.status_raw == "【已销号】"
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (3, 2, 1)
    assert report.summary.consistent is True


def test_the_same_in_a_word_file() -> None:
    import docx as python_docx

    document = python_docx.Document()
    for line in (_HEAD + _TALLY + "\n" + _TAIL).splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    report = rectpipe.parse_bytes(out.getvalue(), name="report.docx")
    assert _statuses(report) == ["completed", "in_progress", "completed"]
    assert report.summary.stated is not None
    assert report.summary.stated.problems == 3
    assert report.summary.consistent is True


def test_a_count_of_fewer_findings_than_the_list_holds_stays_with_the_last_one() -> None:
    """A count below the list's length speaks of the finding's own matters (其中2个问题…)."""
    report = _parse(_HEAD + "其中涉及的2个问题已整改完成1个，正在整改1个。\n" + _TAIL)
    last = report.iter_problems()[-1]
    assert "涉及的2个问题" in (last.actions or "")


def test_a_finding_s_own_account_and_a_list_s_opening_line_stay() -> None:
    own = _parse(_HEAD + "该问题涉及的3个问题已整改完成2个，正在整改1个。\n" + _TAIL)
    assert "该问题涉及" in (own.iter_problems()[-1].actions or "")
    opening = _parse(_HEAD + "以下3个问题已完成整改2个，正在整改1个：\n" + _TAIL)
    assert "以下3个问题" in (opening.iter_problems()[-1].actions or "")


def test_a_sentence_about_all_findings_above_still_lends_its_status() -> None:
    head = _HEAD.replace("（已完成）", "").replace("（正在整改）", "").replace("【已销号】", "")
    report = _parse(head + "目前，上述3个问题均已整改完成。\n" + _TAIL)
    assert _statuses(report) == ["completed", "completed", "completed"]


def test_findings_listed_first_take_the_accounts_keyed_to_them() -> None:
    """一、巡察反馈问题 1.… 2.… / 二、整改措施落实情况 1.针对第1个问题。一是…；二是…。已完成整改。
    and the report's tally after the last account: each finding takes its account, measures and
    status; the tally is the report's."""
    text = (
        "中共石岭乡委员会关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月10日，县委第一巡察组对石岭乡党委开展了巡察，2024年5月8日反馈了"
        "巡察意见。\n"
        "一、巡察反馈问题\n1.村级财务报账不规范。\n2.集镇垃圾清运不及时。\n"
        "二、整改措施落实情况\n"
        "1.针对第1个问题。一是开展专项清理；二是约谈报账员。已完成整改。\n"
        "2.针对第2个问题。一是增加清运车辆；二是落实包片责任。正在整改。\n"
        "截至目前，2个反馈问题已完成整改1个，正在整改1个。\n"
        "中共石岭乡委员会\n2025年1月15日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [
        (p.title, p.status.value, p.long_term, len(p.measures)) for p in report.iter_problems()
    ] == [
        ("村级财务报账不规范", "completed", False, 2),
        ("集镇垃圾清运不及时", "in_progress", False, 2),
    ]
    assert "截至目前" not in (report.iter_problems()[1].actions or "")
    assert report.summary.consistent is True


def test_unnumbered_paragraphs_that_open_with_a_wrapped_finding() -> None:
    """No numbered item at all: paragraphs opening 关于“X”问题的整改。 are the problems; a news
    item's paragraphs that open with a quote are none."""
    text = (
        "中共国家澄湾管理局党组关于巡视整改进展情况的通报\n"
        "2024年3月11日至5月10日，中央第九巡视组对局党组开展了常规巡视，2024年7月16日反馈了"
        "巡视意见。现将巡视整改进展情况予以公布。\n"
        "局党组坚决扛起巡视整改主体责任，细化整改措施20项。\n"
        "关于“湾区保护统筹不够”问题的整改。一是编制保护规划；二是建立调度机制。该问题已完成整改。\n"
        "关于“监管失之于宽”问题的整改。一是修订考核办法；二是开展专项检查。目前正在推进。\n"
        "欢迎广大干部群众对巡视整改落实情况进行监督。\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [
        (p.number, p.title, p.status.value, len(p.measures)) for p in report.iter_problems()
    ] == [
        (None, "湾区保护统筹不够", "completed", 2),
        (None, "监管失之于宽", "in_progress", 2),
    ]
    news = (
        "巡察整改让村民出行更方便\n"
        "“多亏了县委巡察，村里的路终于修好了。”村民老李说。\n"
        "“巡察组来了以后，问题很快得到解决。”另一位村民说。\n"
    )
    assert rectpipe.parse_bytes(news.encode("utf-8"), name="news.txt").iter_problems() == []
