"""整改台账 tables: one problem per row with status, responsible unit and deadline, the same
records from the Word, web and PDF versions of one ledger."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.models import Status

from .conftest import SAMPLES

EXPECTED = [
    ("1", Status.COMPLETED, "局办公室", "2024年3月底"),
    ("2", Status.PARTIALLY_COMPLETED, "建设管理科", "2024年6月底"),
    ("3", Status.COMPLETED, "机关服务中心", "2024年2月底"),
    ("4", Status.IN_PROGRESS, "机关服务中心", "2024年8月底"),
    ("5", Status.COMPLETED, "综合执法大队", "2024年4月底"),
    ("6", Status.COMPLETED, "财务审计科", "2024年3月底"),
    ("7", Status.COMPLETED, "机关党委", "2024年4月底"),
    ("8", Status.PARTIALLY_COMPLETED, "人事科", "2024年12月底"),
]


def _rows(suffix: str) -> list[tuple[object, ...]]:
    report = rectpipe.parse_file(SAMPLES / f"ledger-taizhang.{suffix}")
    return [(p.number, p.status, p.responsible, p.deadline) for p in report.iter_problems()]


@pytest.mark.parametrize("suffix", ["docx", "html", "pdf"])
def test_one_problem_per_row(suffix: str) -> None:
    # In the PDF, row 4's 责任单位 is a cell merged down across the page break.
    assert _rows(suffix) == EXPECTED


def test_continued_cells_fill_only_data_rows() -> None:
    from rectpipe.readers.pdf.table_pages import continue_merged_cells as _continue_merged_cells

    above = ("3", "问题", "措施", "机关服务中心", "2024年2月底")
    assert _continue_merged_cells(above, ("4", "问题", "措施", "", "2024年8月底"))[3] == (
        "机关服务中心"
    )
    assert _continue_merged_cells(above, ("", "", "", "", "备注")) == ("", "", "", "", "备注")
    assert _continue_merged_cells(above, ("4", "问题")) == ("4", "问题")


def test_status_and_progress_are_split() -> None:
    problem = rectpipe.parse_file(SAMPLES / "ledger-taizhang.docx").iter_problems()[0]
    assert problem.status_raw == "已完成"
    assert problem.actions.endswith("一季度开展专题研讨2次。")
    assert problem.title == "党组理论学习中心组学习流于形式，专题研讨次数不足"
