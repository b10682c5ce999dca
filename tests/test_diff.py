"""``rectpipe diff``: a later version of the seed, with known edits, gives exactly those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rectpipe
from rectpipe.cli import main
from rectpipe.models import Metadata, Report, Status
from rectpipe.tools.diff import METADATA_FIELDS, ReportDiff, diff_reports
from rectpipe.tools.diff_format import format_diff, inline_diff

from .conftest import SEED

SEED_TEXT = SEED.read_text("utf-8")


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (fails loudly when not one)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def drop_problem(text: str, number: int) -> str:
    """``text`` without problem ``number`` (from its line to the next problem's)."""
    start = text.index(f"\n{number}.") + 1
    end = text.index(f"\n{number + 1}.", start) + 1
    return text[:start] + text[end:]


def complete(text: str, title_line: str) -> str:
    """Problem ``title_line`` moved from 阶段性完成 to 完成."""
    return edit(
        text, f"{title_line}\n\n整改结果：阶段性完成。", f"{title_line}\n\n整改结果：完成。"
    )


@pytest.fixture(scope="module")
def later() -> Report:
    """The seed with two problems completed, problem 14 dropped and category (十一)
    renumbered from 25, 26 to 1, 2."""
    text = complete(SEED_TEXT, "2.亩均税收与全省亩均税收差距较大。")
    text = complete(text, "3.在全省国家级园区中排位靠后。")
    text = drop_problem(text, 14)
    text = edit(text, "\n25.往来资金", "\n1.往来资金")
    text = edit(text, "\n26.资金损失", "\n2.资金损失")
    return rectpipe.parse_text(text)


@pytest.fixture(scope="module")
def diff(seed_report: Report, later: Report) -> ReportDiff:
    return diff_reports(seed_report, later)


def summary_of(diff: ReportDiff) -> set[tuple[str | None, str | None, str, tuple[str, ...]]]:
    return {
        (pair.old.number, pair.new.number, pair.match, tuple(c.field for c in pair.changes))
        for pair in diff.changed
    }


def test_exactly_the_edits_are_listed(diff: ReportDiff) -> None:
    assert [ref.number for ref in diff.dropped] == ["14"]
    assert diff.dropped[0].title == "投资即亏损"
    assert diff.added == []
    assert diff.report_changes == []
    assert summary_of(diff) == {
        ("2", "2", "number", ("status",)),
        ("3", "3", "number", ("status",)),
        ("25", "1", "title", ("number",)),
        ("26", "2", "title", ("number",)),
    }
    assert len(diff.matched) == 25 and diff.has_differences


def test_status_changes_carry_both_values(diff: ReportDiff) -> None:
    statuses = [c for pair in diff.changed for c in pair.changes if c.field == "status"]
    assert [(c.old, c.new) for c in statuses] == [("partially_completed", "completed")] * 2
    pair = diff.changed[0]
    assert (pair.old.status_raw, pair.new.status_raw) == ("阶段性完成", "完成")
    counts = {c.status: (c.old, c.new) for c in diff.status_counts}
    assert counts == {
        Status.COMPLETED: (10, 12),
        Status.PARTIALLY_COMPLETED: (16, 13),
    }


def test_text_output(diff: ReportDiff) -> None:
    text = format_diff(diff)
    assert "dropped (1):\n  - 14. 投资即亏损" in text
    assert "status: 阶段性完成 (partially_completed) → 完成 (completed)" in text
    assert "~ 25 → 1. 往来资金未及时结算 [反馈问题：处理历史遗留问题力度不够]" in text
    assert "matched by title (1.00)" in text
    assert text.endswith(
        "1 dropped, 0 added, 4 changed, 21 unchanged (25 matched: 23 by number, 2 by title)\n"
    )


def test_renumbering_within_a_category_is_followed_by_title(seed_report: Report) -> None:
    text = drop_problem(SEED_TEXT, 20)
    text = edit(text, "\n21.日常监督", "\n20.日常监督")
    text = edit(text, "\n22.查办案件", "\n21.查办案件")
    diff = diff_reports(seed_report, rectpipe.parse_text(text))
    assert [ref.title for ref in diff.dropped] == ["对关键少数监督不到位"]
    assert summary_of(diff) == {
        ("21", "20", "title", ("number",)),
        ("22", "21", "title", ("number",)),
    }


def test_rewritten_title_in_place_is_matched_by_number(seed_report: Report) -> None:
    text = edit(SEED_TEXT, "\n8.“放管服”改革不到位。", "\n8.政务服务事项入驻不全。")
    diff = diff_reports(seed_report, rectpipe.parse_text(text))
    assert not diff.added and not diff.dropped
    (pair,) = diff.changed
    assert pair.match == "number" and pair.similarity < 0.6
    assert [(c.field, c.old, c.new) for c in pair.changes] == [
        ("title", "“放管服”改革不到位", "政务服务事项入驻不全")
    ]


def test_actions_measures_and_metadata_changes(seed_report: Report) -> None:
    text = edit(
        SEED_TEXT,
        "三是加强监督考核。完善政务大厅窗口工作人员管理办法并严格监督考核。",
        "三是加强监督考核。完善政务大厅窗口工作人员管理办法并按月通报考核结果。",
    )
    text = edit(text, "2023年12月22日", "2024年3月28日")
    diff = diff_reports(seed_report, rectpipe.parse_text(text))
    assert [(c.field, c.old, c.new) for c in diff.report_changes] == [
        ("metadata.date", "2023-12-22", "2024-03-28")
    ]
    (pair,) = diff.changed
    assert pair.new.number == "9"
    assert [c.field for c in pair.changes] == ["actions", "measures"]
    shown = format_diff(diff)
    assert "员管理办法并[-严格监督-]{+按月通报+}考核{+结果+}。\n" in shown
    assert "measures: 3 → 3\n" in shown and "~ measure 3: " in shown


def test_added_problem() -> None:
    fewer = rectpipe.parse_text(drop_problem(SEED_TEXT, 14))
    diff = diff_reports(fewer, rectpipe.parse_text(SEED_TEXT))
    assert [ref.title for ref in diff.added] == ["投资即亏损"] and not diff.dropped
    assert not diff.changed


def test_inline_diff_shows_context() -> None:
    assert inline_diff("甲乙丙丁戊", "甲乙X丁戊", context=1) == "…乙[-丙-]{+X+}丁…"
    assert (
        inline_diff("甲乙丙丁戊己庚", "X乙丙丁戊己Y", context=1) == "[-甲-]{+X+}乙 … 己[-庚-]{+Y+}"
    )
    assert inline_diff("甲乙丙", "X乙Y", context=1, max_hunks=1) == "[-甲-]{+X+}乙 … and 1 more"
    assert inline_diff("same", "same") == ""


def test_document_against_its_saved_output_has_no_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(saved)]) == 0
    capsys.readouterr()
    assert main(["diff", str(SEED), str(saved)]) == 0
    assert capsys.readouterr().out.endswith("no differences (26 problems matched: 26 by number)\n")
    assert main(["diff", str(saved), str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["has_differences"] is False
    assert data["added"] == data["dropped"] == data["report_changes"] == []
    assert len(data["matched"]) == 26


def test_cli_exit_status_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = tmp_path / "later.txt"
    later.write_text(drop_problem(SEED_TEXT, 14), "utf-8")
    assert main(["diff", str(SEED), str(later), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["has_differences"] is True
    assert [ref["number"] for ref in data["dropped"]] == ["14"]
    assert main(["diff", str(SEED), str(tmp_path / "missing.txt")]) == 3
    assert main(["diff", str(SEED), str(later), "--threshold", "0"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{}", "utf-8")
    assert main(["diff", str(bad), str(SEED)]) == 19


def test_every_metadata_field_is_compared() -> None:
    assert set(METADATA_FIELDS) == set(Metadata.model_fields) - {"sources", "origins"}
