"""The inspection period as introductions write it beyond ``X至Y``: 自…起至…止, 从…开始，至…
结束, the day a group arrived (进驻) and the day it left (撤离) in two sentences, the arrival
alone, and the period of the inspection the report answers when two are dated
(extract/inspection.py, text/dates.py)."""

from __future__ import annotations

import pytest

import rectpipe

_TAIL = (
    "\n一、反馈问题整改情况\n1.固定资产管理混乱。已完成整改。\n2.公务接待超标准。已完成整改。\n"
    "中共青禾县农业农村局党组\n2025年1月8日\n"
)


def _meta(title: str, intro: str) -> rectpipe.Metadata:
    text = title + "\n" + intro + _TAIL
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt").metadata


_TITLE = "中共青禾县农业农村局党组关于县委巡察反馈意见整改进展情况的通报"


@pytest.mark.parametrize(
    ("intro", "start", "end", "feedback"),
    [
        (
            "县委第四巡察组自2024年9月2日起至10月18日止，对局党组开展了巡察。"
            "2024年11月20日，巡察组反馈了意见。",
            "2024-09-02",
            "2024-10-18",
            "2024-11-20",
        ),
        (
            "县委机动巡察组从2024年10月21日开始，至11月29日结束，对局党组开展了机动巡察。"
            "2025年1月9日，巡察组反馈了问题。",
            "2024-10-21",
            "2024-11-29",
            "2025-01-09",
        ),
    ],
)
def test_a_period_opened_by_qi_or_kaishi(intro: str, start: str, end: str, feedback: str) -> None:
    meta = _meta(_TITLE, intro)
    assert (meta.period_start, meta.period_end, meta.feedback_date) == (start, end, feedback)


def test_arrival_and_leaving_in_two_sentences() -> None:
    meta = _meta(
        "青禾县关于省生态环境保护督察反馈意见整改进展情况的报告",
        "2024年4月12日，省第三生态环境保护督察组进驻青禾县开展督察。5月12日，督察组完成督察"
        "任务撤离。7月19日，督察组向县委、县政府反馈督察意见。",
    )
    assert (meta.period_start, meta.period_end, meta.feedback_date) == (
        "2024-04-12",
        "2024-05-12",
        "2024-07-19",
    )


def test_an_arrival_alone_starts_the_period_and_dates_a_yearless_feedback() -> None:
    meta = _meta(
        "青禾县关于省生态环境保护督察反馈问题整改进展情况的公示",
        "省第二生态环境保护督察组于2024年4月8日进驻青禾县，开展为期两个月的督察。"
        "7月16日，督察组向县委、县政府反馈了督察意见。",
    )
    assert (meta.period_start, meta.period_end, meta.feedback_date) == (
        "2024-04-08",
        None,
        "2024-07-16",
    )


def test_the_period_of_the_inspection_the_report_answers() -> None:
    """A 巡察 dated first, then the audit the report answers: the audit's period."""
    meta = _meta(
        "青禾县农业农村局关于省审计厅专项审计调查发现问题整改情况的报告",
        "2024年，我局先后接受了县委第二巡察组常规巡察（2024年3月4日至4月26日）和省审计厅专项"
        "审计调查。省审计厅审计调查组于2024年5月13日至7月5日进行了专项审计调查，"
        "2024年9月10日印发了审计调查报告。",
    )
    assert meta.inspection_kind is not None
    assert meta.inspection_kind.value == "审计"
    assert (meta.period_start, meta.period_end) == ("2024-05-13", "2024-07-05")


def test_two_periods_of_one_kind_keep_the_first() -> None:
    meta = _meta(
        _TITLE,
        "2024年3月4日至4月26日，县委第二巡察组对局党组开展了常规巡察，2024年5月20日反馈了"
        "巡察意见。2024年9月2日至9月6日，县委巡察办开展了整改督查。",
    )
    assert (meta.period_start, meta.period_end) == ("2024-03-04", "2024-04-26")


def test_a_visit_within_the_stay_is_not_the_period() -> None:
    """进驻 on one day, a visit to a county (下沉) dated as a range, 撤离 later: the stay."""
    meta = _meta(
        "青禾县关于中央生态环境保护督察反馈意见整改进展情况的报告",
        "2024年4月12日，中央第三生态环境保护督察组进驻某省开展督察。4月20日至23日，督察组"
        "下沉青禾县开展督察。5月12日，督察组完成督察任务撤离。2024年7月19日，督察组向省委、"
        "省政府反馈督察意见。",
    )
    assert (meta.period_start, meta.period_end) == ("2024-04-12", "2024-05-12")
