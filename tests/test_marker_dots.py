"""Item numbers a copy lost their marks after (rectpipe.text.marker_dots, repair kind
``marker_dots``), and every text sample so damaged, scored against its facts."""

from __future__ import annotations

from pathlib import Path

import regex

import rectpipe
from rectpipe.text.counting import nested_runs
from rectpipe.text.marker_dots import dotted_runs

from .sweeps import score_copies


def test_items_that_count_on_get_their_marks_back() -> None:
    texts = ["1 林区防火巡查记录不全。", "整改情况：已完成。", "2 “三重一大”执行不严。", None]
    assert dotted_runs(texts) == {0: "1.林区防火巡查记录不全。", 2: "2.“三重一大”执行不严。"}


def test_figures_that_are_no_item_numbers_stay() -> None:
    assert dotted_runs(["1 林区防火巡查记录不全。"]) == {}  # one is no run
    assert dotted_runs(["3 家单位已整改。", "1 名干部受到处分。"]) == {}  # no count from 1
    far = ["1 林区防火巡查记录不全。", *["正文。"] * 31, "2 护林员补助发放不及时。"]
    assert dotted_runs(far) == {}  # too far apart to be one list
    assert dotted_runs(["1 月5日完成。", "2 月8日完成。"]) == {}  # a quantity before a figure
    assert dotted_runs(["1 月 份 完 成", "2 月 份 完 成"]) == {}  # letter-spaced lines
    assert dotted_runs(["1\t林区防火", "2\t护林员补助"]) == {}  # a table's cells


def test_lists_numbered_alike_nest() -> None:
    """``1 关于…方面`` over ``1 …``, ``2 …``, then ``2 关于…方面``: both lists are items; a
    group's single item counts once the text has a longer run."""
    numbers = [1, 1, None, 2, 2, 1, 3, None]  # 1 方面: 1, 2; 2 方面: 1; 3 方面
    assert nested_runs(numbers, least=2, most_apart=30) == [[0, 4, 6], [1, 3]]
    assert nested_runs(numbers, least=1, most_apart=30) == [[0, 4, 6], [1, 3], [5]]


_REPORT = "\n".join(
    [
        "中共青禾县林业局党组关于县委第一巡察组巡察反馈意见整改进展情况的通报",
        "县委第一巡察组对县林业局党组开展了巡察，并反馈了意见。现将整改进展情况通报如下。",
        "一、反馈问题整改情况",
        "（一）党的建设方面",
        "1 林区防火巡查记录不全。",
        "整改情况：一是补齐巡查台账；二是开展专项检查。该问题已完成整改。",
        "2 护林员补助发放不及时。",
        "整改情况：一是规范发放流程；二是按月公示发放名单。该问题正在整改中。",
        "（二）作风建设方面",
        "1 公务用车使用登记不规范。",
        "整改情况：一是修订用车制度；二是逐车核对登记。该问题已完成整改。",
    ]
)


def test_a_copy_that_lost_its_item_marks_reads_its_problems() -> None:
    report = rectpipe.parse_text(_REPORT)
    problems = report.iter_problems()
    assert [(p.number, p.title, p.status.value) for p in problems] == [
        ("1", "林区防火巡查记录不全", "completed"),
        ("2", "护林员补助发放不及时", "in_progress"),
        ("1", "公务用车使用登记不规范", "completed"),
    ]
    assert [len(p.measures) for p in problems] == [2, 2, 2]
    assert [p.path[-1].title for p in problems] == ["党的建设方面"] * 2 + ["作风建设方面"]
    assert "text_repaired_marker_dots" in [w.code for w in report.warnings]


def test_a_copy_with_its_marks_is_not_repaired() -> None:
    report = rectpipe.parse_text(_REPORT.replace("1 ", "1.").replace("2 ", "2."))
    assert "text_repaired_marker_dots" not in [w.code for w in report.warnings]
    assert len(report.iter_problems()) == 3


_MARK = regex.compile(r"(?m)^([ \t\u3000]*)([1-9][0-9]?)[.．、](?=[\p{Han}“])")

# Copies the damage leaves ambiguous: a ledger copied one cell a line whose cells run their
# measures together (``1.对…；2.在…``: only the first loses its mark), and a list whose first
# item stays ``1.3处…`` (read as item 1, three places) while its second loses its mark.
# Also a finding whose measures are numbered like it after their label (1.X / 整改措施： /
# 1.… 2.… 3.…: all made ``1 ``, which list is whose is lost) and a copy whose middle was left out
# (its numbers jump 3 → 8: ``8 干部…`` after the gap reads as no item once its mark is gone).
# And a list whose items mix their marks and skip numbers (1. 2、 4) 5．: the damage leaves
# ``4)`` among ``1 ``, ``2 ``, ``5 ``, items no longer of one list). And a list whose second
# item opens with a count (``2.2个乡镇卫生院…``, which the damage leaves whole: ``2.2个`` may be
# a decimal) among items that lost their marks.
_AMBIGUOUS = {
    "shape-t31-county-wjw-shenji-category-counts-negations.txt",
    "shape-k23-skipped-repeated-mixed-delims.txt",
    "shape-s04-county-hospital-shenji-taizhang-cells.txt",
    "shape-y06-yunshan-ducha.txt",
    "shape-k16-district-same-kind-measures.txt",
    "shape-v18-middle-omitted.txt",
}


def test_every_text_sample_that_lost_its_item_marks_keeps_its_facts(tmp_path: Path) -> None:
    """Every ``1.`` / ``1、`` opening a line before a word made ``1 ``. Before the repair, 59
    of 86 such copies were exact (problems lost, or their groups read as problems)."""

    def stripped(document: Path, _: Path) -> bytes | None:
        text = document.read_text("utf-8-sig")
        damaged = _MARK.sub(lambda m: f"{m.group(1)}{m.group(2)} ", text)
        if damaged == text or document.name in _AMBIGUOUS:
            return None
        return damaged.encode("utf-8")

    totals, misses = score_copies(".txt", stripped, tmp_path)
    assert totals.documents >= 80
    assert misses == []
