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


def test_a_portals_date_line_with_its_count_of_views() -> None:
    for line in ("2024-05-12 862", "2024-05-12 09:30 1531", "2024年5月12日 862"):
        text = (
            "新闻中心\n\n白沙县人民医院关于门诊楼改造项目审计整改结果的公告\n\n"
            f"{line}\n分享到：\n\n"
            "根据白沙县审计局的审计报告，我院对照审计发现问题认真整改，现将整改情况公告如下：\n\n"
            "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n\n"
            "2.监理服务采购未公开招标问题。\n\n整改情况：已修订采购管理办法。\n"
        )
        assert _read(text).metadata.date == "2024-05-12", line


def test_a_date_run_into_figures_is_no_date_line() -> None:
    text = (
        "白沙县人民医院关于审计整改结果的公告\n\n2024-05-1286\n\n"
        "根据白沙县审计局的审计报告，我院认真整改，现将整改情况公告如下：\n\n"
        "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n"
    )
    assert _read(text).metadata.date is None


_TALLIED = (
    "白沙县人民医院关于门诊楼改造项目审计整改结果的公告\n\n"
    "根据白沙县审计局的审计报告，我院认真整改，现将整改情况公告如下：\n\n"
    "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n\n"
    "2.监理服务采购未公开招标问题。\n\n整改情况：已修订采购管理办法，今后严格执行招标程序。\n\n"
)


def test_a_closing_tally_that_counts_every_finding_done() -> None:
    text = _TALLIED + "审计发现问题2项，截至2024年4月底，已完成整改合计2项。\n"
    report = _read(text)
    stated = report.summary.stated
    assert stated is not None and (stated.problems, stated.completed) == (2, 2)
    assert [p.status.value for p in report.iter_problems()] == ["completed", "completed"]


def test_a_tally_that_counts_fewer_done_gives_no_status() -> None:
    text = _TALLIED + "审计发现问题2项，截至2024年4月底，已完成整改1项，正在整改1项。\n"
    report = _read(text)
    assert [p.status.value for p in report.iter_problems()] == ["unknown", "unknown"]
