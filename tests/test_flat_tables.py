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


def test_a_category_row_between_numbered_rows_spans_the_table() -> None:
    text = "\n".join(
        [
            "柳岸镇党委关于巡察整改情况的通报",
            "序号", "问题", "整改措施", "责任人", "完成时限", "整改情况",
            "一、党的建设方面",
            "1", "村级财务报销票据不规范", "规范票据审核流程", "王某某", "2024年5月", "已完成",
            "2", "党员发展程序不严格", "重新核查发展档案", "李某某", "2024年8月", "正在整改",
            "二、作风建设方面",
            "3", "人居环境整治不彻底", "开展专项整治行动", "张某某", "长期坚持", "持续推进",
        ]
    )  # fmt: skip
    report = rectpipe.parse_text(text)
    problems = report.iter_problems()
    assert [(p.number, p.title, p.status.value) for p in problems] == [
        ("1", "村级财务报销票据不规范", "completed"),
        ("2", "党员发展程序不严格", "in_progress"),
        ("3", "人居环境整治不彻底", "ongoing"),
    ]
    assert [p.path[-1].title for p in problems] == ["党的建设方面", "党的建设方面", "作风建设方面"]
    assert "text_repaired_flat_table" in _codes(report)


def test_a_category_line_after_the_last_row_is_no_part_of_the_table() -> None:
    text = "\n".join(
        [
            "序号", "问题", "整改措施", "完成时限",
            "1", "村级财务报销票据不规范", "规范票据审核流程", "2024年5月",
            "2", "党员发展程序不严格", "重新核查发展档案", "2024年8月",
            "三、下一步工作打算",
            "镇党委将持续巩固整改成果。",
        ]
    )  # fmt: skip
    report = rectpipe.parse_text(text)
    assert [p.number for p in report.iter_problems()] == ["1", "2"]
    assert "三、下一步工作打算" in report.text.splitlines()
