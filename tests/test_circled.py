"""Circled numbers a copy's Unicode normalisation made bare figures (rectpipe.text.circled),
and every text and web sample so normalised, scored against its facts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import rectpipe
from rectpipe.text.circled import circled_inline, circled_runs
from rectpipe.tools.evaluate import Totals

from .sweeps import score_copies


def test_paragraphs_that_count_on_get_their_circles_back() -> None:
    texts = ["1对干部档案开展专项审核。", "整改情况:已完成。", "2“三会一课”执行不严。", None]
    assert circled_runs(texts) == {0: "①对干部档案开展专项审核。", 2: "②“三会一课”执行不严。"}


def test_a_figure_that_does_not_count_on_stays() -> None:
    assert circled_runs(["3家单位已完成整改。", "1名干部受到处分。"]) == {}
    assert circled_runs(["1对干部档案开展专项审核。"]) == {}  # one is no run
    far = ["1对干部档案开展专项审核。", *["正文。"] * 13, "2对信息不一致的逐人核实。"]
    assert circled_runs(far) == {}  # too far apart to be one list


def test_runs_start_again_under_each_heading() -> None:
    texts = ["1甲问题。", "2乙问题。", "2.第二类问题", "1丙问题。", "2丁问题。"]
    assert sorted(circled_runs(texts)) == [0, 1, 3, 4]


def test_a_list_run_into_a_paragraph() -> None:
    assert circled_inline("整改措施:1修订议事规则;2复查决策程序;3补办程序2项。") == (
        "整改措施:①修订议事规则;②复查决策程序;③补办程序2项。"
    )
    assert circled_inline("完成情况:2个问题已整改;1个问题正在整改。") == (
        "完成情况:2个问题已整改;1个问题正在整改。"
    )


_REPORT = "\n".join(
    [
        "中共青禾县林业局党组关于巡察整改进展情况的通报",
        "根据县委统一部署,县委第三巡察组对县林业局党组开展了常规巡察,并反馈了意见,"
        "局党组高度重视,逐项抓好整改。",
        "一、关于干部队伍建设方面",
        "(一)干部监督管理不到位。",
        "1对干部档案审核不及时。",
        "整改情况:已完成。整改措施:1开展专项审核;2逐人核实信息。",
        "2轮岗交流制度执行不到位。",
        "整改情况:正在整改。",
    ]
)


def test_a_normalised_copy_reads_its_sub_findings_and_measures() -> None:
    report = rectpipe.parse_text(_REPORT)
    titles = [p.title for p in report.iter_problems()]
    assert titles == ["对干部档案审核不及时", "轮岗交流制度执行不到位"]
    assert len(report.iter_problems()[0].measures) == 2
    assert "text_repaired_circled_numbers" in [w.code for w in report.warnings]


def test_full_width_copies_keep_a_figure_glued_to_a_word() -> None:
    """Footnotes under a page (``1审计范围为…``) are no list: only a copy that lost its
    full-width punctuation lost its circles."""
    report = rectpipe.parse_text(_REPORT.replace(",", "，").replace(":", "：").replace(";", "；"))
    assert "text_repaired_circled_numbers" not in [w.code for w in report.warnings]


def test_every_text_and_web_sample_normalised_keeps_its_facts(tmp_path: Path) -> None:
    """NFKC, as scrapers apply it: ，：；（） become ASCII and ①② bare figures. Before circled
    numbers were given back, 101 of 103 text samples were exact (the sub-findings and
    measures numbered ①② were lost), and 153 of 154 text and web samples; after, all."""

    def normalised(document: Path, _: Path) -> bytes | None:
        try:
            text = document.read_text("utf-8-sig")
        except UnicodeDecodeError:
            return None  # a page in a legacy encoding
        return unicodedata.normalize("NFKC", text).encode("utf-8")

    totals, misses = Totals(), []
    for suffix in (".txt", ".html"):
        found, missed = score_copies(suffix, normalised, tmp_path)
        totals.documents += found.documents
        totals.exact_documents += found.exact_documents
        misses += missed
    assert totals.documents >= 154
    # A copy hard-wrapped at a width that its full-width commas set: normalised, the commas
    # are half as wide and the lines no longer share a width, so its wrapped sentences stay
    # cut (a date across a line break) — docs/blind-sixth-round.md, left as it is.
    assert misses == ["shape-o25-street-xuncha-wenti-label-fullstop-dot.txt"]
