"""Consistency checks: stated totals, statuses their narrative contradicts, deadlines past."""

from __future__ import annotations

import rectpipe

from .conftest import SAMPLES, SEED


def _warnings(report: rectpipe.Report, code: str) -> list[tuple[str, str]]:
    found = []
    for warning in report.warnings:
        if warning.code == code:
            assert warning.provenance is not None
            where = warning.provenance
            found.append((warning.message, report.text[where.start : where.end]))
    return found


def test_inconsistent_sample_gets_every_warning() -> None:
    report = rectpipe.parse_file(SAMPLES / "inconsistent.txt")
    assert [(p.number, p.status.value) for p in report.iter_problems()] == [
        ("1", "completed"),
        ("2", "completed"),
        ("3", "partially_completed"),
        ("4", "in_progress"),
        ("5", "in_progress"),
    ]
    totals = _warnings(report, "totals_mismatch")
    assert totals == [("states 4 completed, found 2; states 1 in progress, found 2", totals[0][1])]
    assert "已完成整改4个" in totals[0][1]

    contradictions = _warnings(report, "status_contradicts_narrative")
    assert contradictions == [
        ("problem 1 is marked '完成' but its narrative says '正在推进'", "正在推进")
    ]

    late = _warnings(report, "deadline_passed")
    assert [text for _, text in late] == ["2023年9月底前", "2023年10月底前"]
    assert late[0][0].startswith("problem 3 is partially_completed")
    assert "(2023-09-30) is before the report's date 2023-12-20" in late[0][0]
    assert late[1][0].startswith("problem 4 is in_progress")


def test_checks_run_without_enrichment_and_find_the_seeds_real_cases() -> None:
    report = rectpipe.parse_file(SEED)
    found = _warnings(report, "status_contradicts_narrative")
    assert [text for _, text in found] == ["正按全省要求统筹推进", "现计划"]
    assert found[0][0].startswith("problem 6 ") and found[1][0].startswith("problem 12 ")
    assert _warnings(report, "deadline_passed") == []


def test_next_step_boilerplate_is_not_a_contradiction() -> None:
    text = (
        "关于巡察整改进展情况的通报\n"
        "一、整改情况\n"
        "1.制度不健全。\n"
        "整改结果：完成。\n"
        "整改情况：修订制度3项。对正在整改的问题紧盯时间节点，对尚未完成整改的问题挂牌督办。\n"
        "2.台账不完整。\n"
        "整改结果：完成。\n"
        "整改情况：补录台账。其余台账正在整改，下一步将全部补齐。\n"
    )
    report = rectpipe.parse_text(text)
    found = _warnings(report, "status_contradicts_narrative")
    assert [message.split(" is ")[0] for message, _ in found] == ["problem 2"]
    assert found[0][1] == "正在整改"
