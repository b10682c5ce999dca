"""A table copied one cell per line (a text copy of a web or PDF table) is put back together.

Texts written for the test, in the shape such copies take.
"""

from __future__ import annotations

import rectpipe
from rectpipe.tools.provenance import check_sources

HEAD = "关于生态环境保护督察反馈问题整改情况的公示\n现将整改情况公示如下。\n"
COLUMNS = "序号\n反馈问题\n整改措施\n责任单位\n整改时限\n整改进展\n"
ROW_1 = "1\n部分河段垃圾清理不及时。\n建立河道保洁长效机制。\n县水利局\n2024年6月\n已完成\n"
ROW_2 = "2\n工业园区污水管网不完善。\n新建污水管网3公里。\n县住建局\n2024年12月\n正在整改\n"


def _codes(report: rectpipe.Report) -> list[str]:
    return [w.code for w in report.warnings]


def test_a_table_copied_one_cell_per_line_gives_its_rows() -> None:
    report = rectpipe.parse_text(HEAD + COLUMNS + ROW_1 + ROW_2 + "特此公示。\n")
    rows = [
        (p.number, p.title, p.status.value, p.actions, p.responsible, p.deadline)
        for p in report.iter_problems()
    ]
    assert rows == [
        (
            "1",
            "部分河段垃圾清理不及时",
            "completed",
            "建立河道保洁长效机制。",
            "县水利局",
            "2024年6月",
        ),
        (
            "2",
            "工业园区污水管网不完善",
            "in_progress",
            "新建污水管网3公里。",
            "县住建局",
            "2024年12月",
        ),
    ]
    assert "text_repaired_flat_table" in _codes(report)
    (table,) = [b for b in report.blocks if b.original and "序号" in b.original]
    assert table.original.startswith("序号\n反馈问题")  # the lines as read


def test_a_row_whose_cells_wrapped_ends_the_table_before_it() -> None:
    wrapped = ROW_2.replace("新建污水管网3公里。\n", "新建污水管网\n3公里。\n")
    report = rectpipe.parse_text(HEAD + COLUMNS + ROW_1 + wrapped)
    numbers = [p.number for p in report.iter_problems()]
    assert numbers[:1] == ["1"]
    assert all(p.responsible != "3公里。" for p in report.iter_problems())


def test_lines_that_only_look_like_a_header_stay_paragraphs() -> None:
    text = HEAD + "序号\n反馈问题\n一、党的建设方面\n1.理论学习不深入。\n整改情况：已完成整改。\n"
    report = rectpipe.parse_text(text)
    assert "text_repaired_flat_table" not in _codes(report)
    assert [p.title for p in report.iter_problems()] == ["理论学习不深入"]


def test_a_cell_holding_numbered_measures_stays_one_cell() -> None:
    """Each measure of an enumerated cell is a line of its own in the copy; the items that
    continue a sequence (2. after 1.) stay in the cell their first item opened."""
    measures = "1.建立河道保洁长效机制。\n2.每周巡查一次。\n3.纳入年度考核。\n"
    row_1 = ROW_1.replace("建立河道保洁长效机制。\n", measures)
    row_2 = ROW_2.replace(
        "新建污水管网3公里。\n", "（1）新建污水管网3公里。\n（2）完成雨污分流改造。\n"
    )
    report = rectpipe.parse_text(HEAD + COLUMNS + row_1 + row_2 + "特此公示。\n")
    rows = [
        (p.number, p.title, len(p.measures), p.responsible, p.deadline, p.status.value)
        for p in report.iter_problems()
    ]
    assert rows == [
        ("1", "部分河段垃圾清理不及时", 3, "县水利局", "2024年6月", "completed"),
        ("2", "工业园区污水管网不完善", 2, "县住建局", "2024年12月", "in_progress"),
    ]
    assert "text_repaired_flat_table" in _codes(report)
    assert check_sources(report) == []


def test_an_item_that_does_not_continue_a_sequence_is_a_cell_of_its_own() -> None:
    """A 2. with no 1. before it opens a cell: here the row then has a line too many, and the
    table ends before it as for any other wrap."""
    wrapped = ROW_2.replace("新建污水管网3公里。\n", "新建污水管网3公里。\n2.完成雨污分流改造。\n")
    report = rectpipe.parse_text(HEAD + COLUMNS + ROW_1 + wrapped)
    assert all(p.responsible != "2.完成雨污分流改造。" for p in report.iter_problems())
