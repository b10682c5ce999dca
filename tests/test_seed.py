"""The seed report, checked against its own text read independently with plain regexes."""

from __future__ import annotations

import re

from rectpipe.models import Report, Status

from .conftest import SEED


def _independent() -> list[dict[str, str]]:
    problems: list[dict[str, str]] = []
    lines = [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    for line in lines:
        numbered = re.match(r"^(\d+)\.(.*)$", line)
        if numbered:
            problems.append({"number": numbered.group(1), "statement": numbered.group(2)})
        elif line.startswith("整改情况："):
            problems[-1]["actions"] = line.removeprefix("整改情况：")
    return problems


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_26_problems_in_11_categories_under_part_two(seed_report: Report) -> None:
    problems = seed_report.iter_problems()
    assert [p.number for p in problems] == [str(n) for n in range(1, 27)]
    assert {p.path[0].marker for p in problems} == {"二、"}
    assert len({p.path[1].title for p in problems}) == 11
    counts = seed_report.summary.by_status
    assert counts[Status.COMPLETED] == 10 and counts[Status.PARTIALLY_COMPLETED] == 16


def test_statement_and_actions_equal_the_text(seed_report: Report) -> None:
    for problem, want in zip(seed_report.iter_problems(), _independent(), strict=True):
        statement = problem.title + "。" + problem.description
        assert _squash(statement).rstrip("。") == _squash(want["statement"]).rstrip("。")
        assert _squash(problem.actions) == _squash(want["actions"])


def test_every_source_points_at_its_value(seed_report: Report) -> None:
    text = seed_report.text
    for problem in seed_report.iter_problems():
        for name in ("title", "actions"):
            where = problem.sources[name]
            assert text[where.start : where.end] == getattr(problem, name)
        for measure in problem.measures:
            assert measure.text in text[measure.provenance.start : measure.provenance.end]
        assert seed_report.blocks[problem.provenance.block].path.startswith("line:")
    for name, where in seed_report.metadata.sources.items():
        value = getattr(seed_report.metadata, name)
        if name not in ("date", "period_start", "period_end", "feedback_date"):
            assert text[where.start : where.end] == value, name


def test_problem_15_has_three_measures_with_a_warning(seed_report: Report) -> None:
    problem = next(p for p in seed_report.iter_problems() if p.number == "15")
    assert [m.marker for m in problem.measures] == ["一是", "二是", "三"]
    assert problem.measures[2].text.startswith("加强教育管理")
    assert any(w.code == "measure_marker_irregular" for w in seed_report.warnings)


def test_narrative_parts_are_not_problems(seed_report: Report) -> None:
    kinds = [(s.marker, s.kind) for s in seed_report.sections]
    assert kinds == [("一、", "narrative"), ("二、", "group"), ("三、", "narrative")]
    closing = seed_report.sections[2]
    assert next(s.title for s in closing.sections) == "进一步强化使命担当，盯紧盯实后续整改"
    assert closing.sections[0].text.startswith("深入开展学习贯彻")
