"""Rules added for the seventh round (docs/blind-seventh-round.md: published reports read as
they were published, their misses reproduced on invented text): each test fails without its
rule. Every text here is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.models import Report


def _read(text: str, name: str = "report.txt") -> Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _problems(report: Report) -> list[tuple[str, str, int]]:
    return [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


_BODY = (
    "一、反馈问题整改情况\n"
    "1.理论学习不深入。已完成整改。组织专题学习4次。\n"
    "2.项目资金拨付滞后。已完成整改。拨付资金300万元。\n"
    "\n中共青禾县水务局党组\n2024年10月8日\n"
)


def test_arrival_and_leaving_dated_in_one_sentence() -> None:
    text = (
        "中共青禾县水务局党组关于县委巡察整改进展情况的通报\n\n"
        "根据县委统一部署，2024年3月11日进驻、5月20日撤离，县委第三巡察组对县水务局党组"
        "开展了常规巡察。2024年7月2日，县委第三巡察组反馈了巡察意见。\n\n" + _BODY
    )
    meta = _read(text).metadata
    assert (meta.period_start, meta.period_end) == ("2024-03-11", "2024-05-20")
    assert meta.feedback_date == "2024-07-02"


def test_leaving_before_arrival_in_one_sentence_is_no_period() -> None:
    text = (
        "中共青禾县水务局党组关于县委巡察整改进展情况的通报\n\n"
        "上一轮巡察组于2023年5月20日撤离，2024年3月11日再次进驻县水务局党组开展巡察。\n\n" + _BODY
    )
    meta = _read(text).metadata
    assert meta.period_end is None
