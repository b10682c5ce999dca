"""A page that carries its report twice in a row gives each problem once."""

from __future__ import annotations

import rectpipe

REPORT = (
    "关于巡察整改进展情况的通报\n现将整改情况通报如下。\n一、党的建设方面\n"
    "1.理论学习不深入。\n整改情况：已完成整改。\n2.会议记录不规范。\n整改情况：正在整改。\n"
)


def test_a_report_repeated_after_itself_is_read_once() -> None:
    report = rectpipe.parse_text("某县人民政府网\n" + REPORT + REPORT)
    assert [p.number for p in report.iter_problems()] == ["1", "2"]
    assert "text_repeated" in [w.code for w in report.warnings]
    assert [r.reason for r in report.removed].count("repeated") == 7


def test_a_report_whose_items_look_alike_is_not_cut() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、党的建设方面\n1.理论学习不深入。\n整改情况：已完成整改。\n"
        "二、全面从严治党方面\n1.理论学习不深入。\n整改情况：已完成整改。\n"
    )
    report = rectpipe.parse_text(text)
    assert len(report.iter_problems()) == 2
    assert "text_repeated" not in [w.code for w in report.warnings]


def test_a_text_of_one_or_two_blocks_is_left_alone() -> None:
    from rectpipe.text.repeats import drop_repeat

    assert drop_repeat([]) == ([], [])


def test_a_run_repeated_inside_a_longer_text_is_not_a_copy_of_it() -> None:
    from rectpipe.readers.blocks import Block
    from rectpipe.text.repair import Repaired
    from rectpipe.text.repeats import drop_repeat

    lines = [f"第{n}段。" for n in range(5)]
    blocks = [Repaired(Block(text)) for text in [*lines, *lines, *(f"另{n}。" for n in range(20))]]
    kept, dropped = drop_repeat(blocks)
    assert dropped == [] and len(kept) == len(blocks)


def test_many_equal_lines_are_no_report_said_twice() -> None:
    """100,000 equal lines: a few places near the middle are tried (trying every place would
    take minutes), and a run of one line said over and over is no copy of a report."""
    from rectpipe.readers.blocks import Block
    from rectpipe.text.repair import Repaired
    from rectpipe.text.repeats import drop_repeat

    blocks = [Repaired(Block("一、")) for _ in range(100_000)] + [Repaired(Block("末。"))]
    kept, dropped = drop_repeat(blocks)
    assert (len(kept), len(dropped)) == (100_001, 0)


def test_a_stretch_pasted_twice_at_once_gives_its_problem_once() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、党的建设方面\n1.理论学习不深入。\n整改情况：已完成整改。\n"
        "2.会议记录不规范。\n整改情况：正在整改。\n2.会议记录不规范。\n整改情况：正在整改。\n"
        "3.党费收缴不规范。\n整改情况：已完成整改。\n"
    )
    report = rectpipe.parse_text(text)
    assert [p.number for p in report.iter_problems()] == ["1", "2", "3"]
    assert "text_repeated" in [w.code for w in report.warnings]
    assert [r.reason for r in report.removed].count("repeated") == 2


def test_equal_items_apart_or_a_line_said_over_and_over_are_no_stretch() -> None:
    from rectpipe.readers.blocks import Block
    from rectpipe.text.repair import Repaired
    from rectpipe.text.repeats import drop_stretch_repeats

    apart = ["1.甲。", "已完成。", "2.乙。", "1.甲。", "已完成。"]
    blocks = [Repaired(Block(text)) for text in apart]
    assert drop_stretch_repeats(blocks) == (blocks, [])
    same = [Repaired(Block("一、")) for _ in range(1000)]
    assert drop_stretch_repeats(same) == (same, [])
