"""Measures inside ledger cells (1. / （1） / ① / 一是) and the status a progress cell states
when there is no status column: the same records from the Word, web and PDF versions of the
ledgers ``scripts/fixtures/make_ledgers.py`` writes into ``tests/fixtures/ledgers/``."""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe
from rectpipe.extract.measures import find_cell_measures
from rectpipe.models import Status

LEDGERS = Path(__file__).parent / "fixtures" / "ledgers"

# number, status, status_raw, measure markers, responsible, deadline
CELLS = [
    ("1", Status.COMPLETED, "已完成", ["1.", "2.", "3."], "人事科", "2024年9月底"),
    ("2", Status.COMPLETED, "已完成", ["（1）", "（2）"], "办公室", "2024年8月底"),
    ("3", Status.PARTIALLY_COMPLETED, "阶段性完成", ["①", "②", "③"], "财务科", "2024年12月底"),
    (
        "4",
        Status.IN_PROGRESS,
        "正在推进",
        ["一是", "二是", "三是", "四是"],
        "利用服务科",
        "2024年10月底",
    ),
    ("5", Status.IN_PROGRESS, "正在推进", ["1.", "2."], "保管保护科", "2024年12月底"),
    ("6", Status.ONGOING, "持续整改", [], "机关党委", "长期坚持"),
]
PROGRESS = [
    ("1", Status.COMPLETED, "目前已完成整改", ["1.", "2."], "食品安全科", "2024年8月底"),
    ("2", Status.IN_PROGRESS, "正在推进", ["（1）", "（2）"], "特种设备科", "2024年12月底"),
    ("3", Status.COMPLETED, "已完成", ["一是", "二是"], "法规科", "2024年7月底"),
    ("4", Status.COMPLETED, "已完成", [], "执法大队", "2024年6月底"),
]


def _rows(path: Path) -> list[tuple[object, ...]]:
    return [
        (
            p.number,
            p.status,
            p.status_raw,
            [m.marker for m in p.measures],
            p.responsible,
            p.deadline,
        )
        for p in rectpipe.parse_file(path).iter_problems()
    ]


@pytest.mark.parametrize("suffix", ["docx", "html", "pdf"])
@pytest.mark.parametrize(
    ("stem", "expected"), [("ledger-cells", CELLS), ("ledger-progress", PROGRESS)]
)
def test_measures_and_status_in_cells(stem: str, expected: list[object], suffix: str) -> None:
    assert _rows(LEDGERS / f"{stem}.{suffix}") == expected


@pytest.mark.parametrize("suffix", ["html", "pdf"])
@pytest.mark.parametrize("stem", ["ledger-cells", "ledger-progress"])
def test_same_measures_in_every_format(stem: str, suffix: str) -> None:
    def measures(path: Path) -> list[list[str]]:
        return [[m.text for m in p.measures] for p in rectpipe.parse_file(path).iter_problems()]

    assert measures(LEDGERS / f"{stem}.{suffix}") == measures(LEDGERS / f"{stem}.docx")


def test_measure_text_and_provenance() -> None:
    report = rectpipe.parse_file(LEDGERS / "ledger-progress.docx")
    first = report.iter_problems()[0]
    # The closing status sentence is the status, not part of the last measure.
    assert [m.text for m in first.measures] == [
        "调整年度抽检计划，农村地区抽检批次提高到40%。",
        "对乡镇集贸市场开展专项抽检。",
    ]
    for problem in report.iter_problems():
        for measure in problem.measures:
            where = measure.provenance
            assert report.text[where.start : where.end].startswith(measure.marker)
            assert report.text[where.start : where.end].endswith(measure.text)
        status = problem.sources["status"]
        assert report.text[status.start : status.end] == problem.status_raw


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("1.新购置洗扫车。\n2.实行制度。", ["1.", "2."]),
        ("1.更换设施。\n2.2024年底前完成验收。", ["1.", "2."]),
        ("（1）建立台账；（2）完善制度。（3）开展检查", ["（1）", "（2）", "（3）"]),
        ("①查摆；②整改", ["①", "②"]),
        ("一是加强学习；二是建立制度", ["一是", "二是"]),
        ("1.建立（1）台账（2）制度；2.检查", ["1.", "2."]),  # （1） inside a 1. measure
        ("投入3.5万元，完成1.2亿元", []),
        ("2024.12完成", []),
        # a list of one: 1. opening the cell or after the label's colon (measures.py)
        ("1.只有一项措施。", ["1."]),
        ("整改措施：1.对全局档案进行专项审核。", ["1."]),
        ("整改措施：（1）建立台账。", ["（1）"]),
        ("整改措施：2.从二开始。", []),
        ("完成1.2亿元投资。", []),
        ("截至目前，1.整改中。", []),  # not opening the text, nor after a label's colon
        ("（2）从二开始；（3）不成列表", []),
    ],
)
def test_find_cell_measures(text: str, markers: list[str]) -> None:
    assert [m.marker for m in find_cell_measures(text)] == markers


def test_a_web_ledger_with_a_row_per_measure_under_merged_cells(tmp_path: Path) -> None:
    """序号, 问题 and 完成情况 merged down (rowspan) over one row per measure: one problem,
    its measures from every row."""
    page = tmp_path / "ledger.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>关于巡察反馈问题整改情况的通报</h1><p>现将整改情况通报如下。</p>"
        '<table border="1">'
        "<tr><th>序号</th><th>问题描述</th><th>整改措施</th><th>完成情况</th></tr>"
        '<tr><td rowspan="2">1</td><td rowspan="2">资产台账不健全。</td>'
        '<td>一是全面清查资产。</td><td rowspan="2">已完成</td></tr>'
        "<tr><td>二是建立动态台账。</td></tr>"
        "<tr><td>2</td><td>会议记录不规范。</td><td>制定记录模板。</td><td>正在整改</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    report = rectpipe.parse_file(page)
    first, second = report.iter_problems()
    assert (first.number, first.title, first.status) == ("1", "资产台账不健全", "completed")
    assert first.actions == "一是全面清查资产。\n二是建立动态台账。"
    assert [m.text for m in first.measures] == ["全面清查资产。", "建立动态台账。"]
    assert (second.number, second.actions, second.status) == ("2", "制定记录模板。", "in_progress")


def test_a_header_naming_who_found_the_problem_is_the_problem_column(tmp_path: Path) -> None:
    page = tmp_path / "ducha.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>关于督察反馈问题整改情况的公示</h1><p>现将整改情况公示如下。</p>"
        '<table border="1"><tr><th>序号</th><th>督察反馈问题</th><th>整改目标</th>'
        "<th>整改措施</th><th>整改进展</th></tr>"
        "<tr><td>1</td><td>河道垃圾清理不及时。</td><td>河面无垃圾。</td>"
        "<td>建立保洁机制。</td><td>已完成</td></tr></table></body></html>",
        encoding="utf-8",
    )
    (problem,) = rectpipe.parse_file(page).iter_problems()
    assert (problem.number, problem.title, problem.status) == (
        "1",
        "河道垃圾清理不及时",
        "completed",
    )
