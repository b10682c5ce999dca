"""Dates whose 年 and 月 a web copy lost (rectpipe.text.glued_dates): read when the figures
allow one date only, left unreadable (with a warning) when they allow two."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rectpipe
from rectpipe.text.glued_dates import month_day, readings, unglue_dates

from .render_docx import word_paragraphs


@pytest.mark.parametrize(
    ("glued", "whole"),
    [
        ("并于2023415日反馈", "并于2023年4月15日反馈"),  # 41月 is none
        ("截至20221130日，", "截至2022年11月30日，"),  # eight figures: always one cut
        ("于2023年826日召开", "于2023年8月26日召开"),  # 年 kept, 月 lost
        ("2023104日", "2023年10月4日"),  # 1月04日 is not how a date is written
        ("20230105日", "2023年1月5日"),  # both in two figures
        ("2024229日", "2024年2月29日"),  # a leap year
        ("2022年68日至830日", "2022年6月8日至8月30日"),  # a range's end without its year
        ("2022年9月20日至125日", "2022年9月20日至12月5日"),  # 1月25日 would end before it starts
        ("2022年1128日至2023128日", "2022年11月28日至2023年1月28日"),  # as near its start
        ("。314日，工作组反馈", "。3月14日，工作组反馈"),  # a sentence's opening date
    ],
)
def test_a_glued_date_with_one_reading_is_written_out(glued: str, whole: str) -> None:
    assert unglue_dates(glued) == whole


@pytest.mark.parametrize(
    "text",
    [
        "2023115日",  # 1月15日 or 11月5日
        "2023229日",  # no 29 February in 2023, and 22月 is none
        "期限延长至120日，",  # a number of days, not a date
        "整改期限为180日内",
        "共计2000日",  # not a year the calendar check takes with figures after it
        "2023年10月8日",  # a whole date stays as it is
    ],
)
def test_figures_without_one_reading_stay(text: str) -> None:
    assert unglue_dates(text) == text


def test_readings_lists_every_calendar_cut() -> None:
    assert readings("115") == [(1, 15), (11, 5)]
    assert month_day("115") is None
    assert month_day("1230") == (12, 30)
    assert readings("0230") == []


def _report(intro: str) -> rectpipe.Report:
    text = "\n".join(
        [
            "中共青禾县林业局党组关于县委巡察反馈意见整改进展情况的通报",
            intro,
            "一、关于政治建设方面",
            "（一）学习贯彻上级决策部署不够深入。",
            "整改情况：已完成。修订学习制度。",
        ]
    )
    return rectpipe.parse_text(text)


def test_metadata_reads_glued_dates_in_the_introduction() -> None:
    report = _report(
        "根据县委统一部署，20230911日至2023117日，县委第三巡察组对县林业局党组开展了常规巡察。"
        "20231220日，巡察组反馈了巡察意见。"
    )
    meta = report.metadata
    assert (meta.period_start, meta.period_end) == ("2023-09-11", "2023-11-07")
    assert meta.feedback_date == "2023-12-20"
    codes = [w.code for w in report.warnings]
    assert "text_repaired_glued_dates" in codes
    assert "date_unreadable" not in codes
    assert report.text.count("2023年9月11日至2023年11月7日") == 1


def test_an_ambiguous_date_gives_no_value_and_a_warning() -> None:
    report = _report("2023115日，县委第三巡察组向县林业局党组反馈了巡察意见。")
    assert report.metadata.feedback_date is None
    assert "date_unreadable" in [w.code for w in report.warnings]


def test_figures_that_lost_their_day_too_are_warned_of() -> None:
    report = _report("根据县委统一部署，2023年9月11日至1107县委第三巡察组开展了巡察。")
    assert report.metadata.period_end is None
    assert "date_unreadable" in [w.code for w in report.warnings]


def test_a_subtitle_after_a_dash_dates_the_report_without_its_last_character() -> None:
    text = "\n".join(
        [
            "关于2022年度县本级预算执行审计查出问题整改情况的报告",
            "——2023年12月20日在县第十八届人大常委会第九次会议",
            "主任、各位副主任、各位委员：",
            "一、预算执行审计查出问题的整改情况",
            "（一）部分非税收入未及时缴库。该问题已整改到位。",
        ]
    )
    assert rectpipe.parse_text(text).metadata.date == "2023-12-20"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_a_date_glued_is_read_back_as_itself_or_left(day: dt.date) -> None:
    """Every date whose 年 and 月 are lost: written out again as the same date when its
    figures allow one reading, else left as it is; and repair is idempotent."""
    glued = f"截至{day.year}{day.month}{day.day}日，"
    read = unglue_dates(glued)
    if len(readings(f"{day.month}{day.day}", day.year)) == 1:
        assert read == f"截至{day.year}年{day.month}月{day.day}日，"
    else:
        assert read == glued
    assert unglue_dates(read) == read


def test_glued_dates_in_a_word_file() -> None:
    """The same damage in a Word file made from a web copy (tests/render_docx.py)."""
    text = "\n".join(
        [
            "中共青禾县林业局党组关于县委巡察反馈意见整改进展情况的通报",
            "根据县委统一部署，20230911日至2023117日，县委第三巡察组对县林业局党组开展了常规巡察。"
            "20231220日，巡察组反馈了巡察意见。",
            "一、关于政治建设方面",
            "（一）学习贯彻上级决策部署不够深入。",
            "整改情况：已完成。修订学习制度。",
        ]
    )
    meta = rectpipe.parse_bytes(word_paragraphs(text), name="report.docx").metadata
    assert (meta.period_start, meta.period_end) == ("2023-09-11", "2023-11-07")
    assert meta.feedback_date == "2023-12-20"
