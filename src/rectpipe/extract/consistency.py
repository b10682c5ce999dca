"""Consistency checks that become warnings: a status its own narrative contradicts, and a
deadline already past for a problem that is not finished.

They are cheap (regular expressions, no jieba), so the pipeline runs them on every report,
enriched or not, without importing the enrichment package. The contradiction patterns are the
profile's ``enrichment: completed_contradictions``. Stated totals against the problems found are
checked in the pipeline itself (``totals_mismatch``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..models.records import (
    BlockRef,
    DateMention,
    Problem,
    Provenance,
    Report,
    ReportWarning,
    Status,
)
from ..profiles.profile import Profile, _default_raw
from ..runtime.isodate import last_day
from ..runtime.patterns import compile_pattern
from ..text.date_mentions import find_dated_deadlines, find_dates

if TYPE_CHECKING:
    import regex

__all__ = [
    "UNFINISHED",
    "Patterns",
    "consistency_warnings",
    "contradiction_patterns",
    "provenance",
    "report_year",
]

Patterns = Sequence["regex.Pattern[str]"]

UNFINISHED = frozenset({Status.PARTIALLY_COMPLETED, Status.IN_PROGRESS, Status.NOT_COMPLETED})
# A dated deadline in the narrative counts only when it is about finishing, not done already.
# 对正在整改的问题紧盯时间节点 speaks of problems in general (next-step boilerplate).
_GENERIC = compile_pattern(r"[^，。；]{0,8}的(?:问题|事项|任务)")
_FINISH_AFTER = compile_pattern(r"\s*(?:完成|整改到位|办结|销号|全部|基本)")


def report_year(report: Report) -> int | None:
    """The year of the report's date, else of its feedback date or period end; ``None`` when
    the report states none of them."""
    meta = report.metadata
    for value in (meta.date, meta.feedback_date, meta.period_end):
        if value and value[:4].isdigit():
            return int(value[:4])
    return None


@cache
def contradiction_patterns(profile: Profile) -> tuple[regex.Pattern[str], ...]:
    """The profile's ``completed_contradictions``, compiled (cached per profile)."""
    section = profile.enrichment
    if section is None:
        section = _default_raw()["enrichment"]
    return tuple(compile_pattern(str(p)) for p in section.get("completed_contradictions", []))


def _block_start(block: BlockRef) -> int:
    return block.start


def provenance(report: Report, start: int, end: int) -> Provenance:
    """Provenance of ``report.text[start:end]`` from the report's blocks."""
    index = max(0, bisect_right(report.blocks, start, key=_block_start) - 1)
    block = report.blocks[index] if report.blocks else None
    return Provenance(
        start=start,
        end=max(start, end),
        block=block.index if block else 0,
        path=block.path if block else "",
        page=block.page if block else None,
    )


def _contradiction(report: Report, problem: Problem, patterns: Patterns) -> ReportWarning | None:
    where = problem.sources.get("actions")
    if problem.status is not Status.COMPLETED or where is None:
        return None
    text = report.text[where.start : where.end]
    hits = [
        m
        for pattern in patterns
        for m in pattern.finditer(text)
        if not _GENERIC.match(text, m.end())
    ]
    if not hits:
        return None
    first = min(hits, key=lambda m: (m.start(), -len(m.group(0))))
    start = where.start + first.start()
    marked = problem.status_raw or "completed"
    return ReportWarning(
        code="status_contradicts_narrative",
        message=(
            f"problem {problem.number or problem.id} is marked {marked!r}"
            f" but its narrative says {first.group(0)!r}"
        ),
        provenance=provenance(report, start, start + len(first.group(0))),
    )


def _last_day(value: str) -> str:
    """The last day a partial ISO date stands for: ``2023`` → ``2023-12-31``."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        return last_day(int(value[:4]), int(value[5:7]))
    return value


def _deadlines(report: Report, problem: Problem, year: int | None) -> list[DateMention]:
    found: list[DateMention] = []
    where = problem.sources.get("deadline")
    if where is not None:
        text = report.text[where.start : where.end]
        found += find_dates(text, base=where.start, report_year=year)
    start, end = problem.provenance.start, problem.provenance.end
    own = report.text[start:end]
    for mention in find_dated_deadlines(own, base=start, report_year=year):
        if where is not None and where.start <= mention.start < where.end:
            continue
        before = report.text[max(start, mention.start - 3) : mention.start]
        if "已" in before or not _FINISH_AFTER.match(report.text, mention.end):
            continue
        found.append(mention)
    return found


def _past_deadline(report: Report, problem: Problem, year: int | None) -> ReportWarning | None:
    today = report.metadata.date
    if problem.status not in UNFINISHED or not today:
        return None
    dated = [m for m in _deadlines(report, problem, year) if m.value]
    if not dated:
        return None
    latest = max(dated, key=lambda m: _last_day(m.value_end or m.value or ""))
    due = _last_day(latest.value_end or latest.value or "")
    if due >= today:
        return None
    return ReportWarning(
        code="deadline_passed",
        message=(
            f"problem {problem.number or problem.id} is {problem.status.value} but its deadline "
            f"{latest.text!r} ({due}) is before the report's date {today}"
        ),
        provenance=provenance(report, latest.start, latest.end),
    )


def consistency_warnings(report: Report, contradictions: Patterns) -> list[ReportWarning]:
    """Warnings for every problem whose status its narrative contradicts (marked completed, yet
    one of the ``contradictions`` patterns: 正在推进/尚未/下一步将…) or whose deadline lies
    before the report's date while it is not finished. A report without a date gets no
    deadline warnings."""
    warnings: list[ReportWarning] = []
    year = report_year(report)
    for problem in report.iter_problems():
        for warning in (
            _contradiction(report, problem, contradictions),
            _past_deadline(report, problem, year),
        ):
            if warning is not None:
                warnings.append(warning)
    return warnings
