"""What changed between two reports of the same inspection.

:func:`diff_reports` pairs the problems of an older and a newer report and lists what was
added, dropped and changed (status, title, description, actions, measures, …), plus changes
to the report's metadata and stated totals. :func:`format_diff` renders the result as text.

Problems are paired in three passes, each over the problems still unpaired:

1. ``number``: same category path (ancestor titles) and same number, titles similar;
2. ``title``: title similarity anywhere in the report (``difflib`` ratio ≥ ``threshold``),
   best pairs first — this follows renumbered and moved problems;
3. ``number``: same category path and same number whatever the titles — a rewritten title
   in the same place.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..models.report import Problem, Report, StatedTotals, Status
from . import DEFAULT_THRESHOLD

__all__ = [
    "METADATA_FIELDS",
    "PROBLEM_FIELDS",
    "STATED_FIELDS",
    "FieldChange",
    "FieldValue",
    "MatchMethod",
    "Pair",
    "ProblemDiff",
    "ProblemRef",
    "ReportDiff",
    "ReportRef",
    "StatusCount",
    "diff_reports",
    "match_problems",
    "problem_changes",
    "report_changes",
    "similarity",
]

MatchMethod = Literal["number", "title"]
FieldValue = str | int | float | bool | list[str] | None

# Problem fields compared, in the order changes are listed.
PROBLEM_FIELDS = (
    "number",
    "path",
    "title",
    "description",
    "status",
    "status_raw",
    "long_term",
    "actions",
    "measures",
    "responsible",
    "deadline",
)
# Metadata fields compared (named, so a new metadata field is a deliberate addition here).
METADATA_FIELDS = (
    "title",
    "issuer",
    "date",
    "attachment",
    "document_number",
    "inspection_kind",
    "inspecting_body",
    "period_start",
    "period_end",
    "feedback_date",
    "phone",
    "email",
    "address",
    "inspecting_bodies",
    "period_precision",
)
STATED_FIELDS = (
    "problems",
    "completed",
    "partially_completed",
    "in_progress",
    "not_completed",
    "ongoing",
    "completion_rate",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProblemRef(_Model):
    """Enough of a problem to recognise it: id, number, category path, title and status."""

    id: str
    number: str | None
    path: list[str]
    title: str
    status: Status
    status_raw: str | None


class FieldChange(_Model):
    """One field whose value differs: ``old`` → ``new`` (JSON values; measures as texts)."""

    field: str
    old: FieldValue
    new: FieldValue


class ProblemDiff(_Model):
    """One pair of matched problems, how they were matched, and what differs (maybe nothing).

    ``similarity`` is the ``difflib`` ratio of the two titles (1.0 when equal).
    """

    old: ProblemRef
    new: ProblemRef
    match: MatchMethod
    similarity: float
    changes: list[FieldChange]


class ReportRef(_Model):
    """Which report a side of the diff is."""

    file_name: str | None
    sha256: str
    title: str | None
    date: str | None
    problems: int


class StatusCount(_Model):
    """How many problems have ``status`` in the old and in the new report."""

    status: Status
    old: int
    new: int


class ReportDiff(_Model):
    """Everything that differs between two reports.

    ``report_changes`` covers metadata (``metadata.date``) and stated totals
    (``stated.completed``); ``matched`` holds every matched pair in the new report's order,
    changed or not; ``status_counts`` lists each status present on either side.
    """

    old: ReportRef
    new: ReportRef
    threshold: float
    report_changes: list[FieldChange]
    added: list[ProblemRef]
    dropped: list[ProblemRef]
    matched: list[ProblemDiff]
    status_counts: list[StatusCount]

    @property
    def changed(self) -> list[ProblemDiff]:
        """The matched pairs that differ in at least one field."""
        return [pair for pair in self.matched if pair.changes]

    @property
    def has_differences(self) -> bool:
        """True when anything was added, dropped or changed (status counts follow from that)."""
        return bool(self.report_changes or self.added or self.dropped or self.changed)


def similarity(a: str, b: str) -> float:
    """``difflib`` ratio of two titles, ignoring whitespace and trailing punctuation; 1.0 when
    both are empty."""
    a, b = _squeeze(a), _squeeze(b)
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _squeeze(text: str) -> str:
    return "".join(text.split()).rstrip("。.；;，,")


def _path(problem: Problem) -> list[str]:
    return [item.title for item in problem.path]


def _ref(problem: Problem) -> ProblemRef:
    return ProblemRef(
        id=problem.id,
        number=problem.number,
        path=_path(problem),
        title=problem.title,
        status=problem.status,
        status_raw=problem.status_raw,
    )


def _report_ref(report: Report) -> ReportRef:
    return ReportRef(
        file_name=report.source.file_name,
        sha256=report.source.sha256,
        title=report.metadata.title,
        date=report.metadata.date,
        problems=len(report.iter_problems()),
    )


def _value(problem: Problem, name: str) -> FieldValue:
    if name == "path":
        return _path(problem)
    if name == "status":
        return problem.status.value
    if name == "measures":
        return [measure.text for measure in problem.measures]
    value = getattr(problem, name)
    assert value is None or isinstance(value, str | bool)
    return value


def problem_changes(old: Problem, new: Problem) -> list[FieldChange]:
    """The fields of :data:`PROBLEM_FIELDS` that differ, in that order. ``status_raw`` is
    listed only when the normalised ``status`` is the same (otherwise it is implied)."""
    changes: list[FieldChange] = []
    for name in PROBLEM_FIELDS:
        before, after = _value(old, name), _value(new, name)
        if before == after:
            continue
        if name == "status_raw" and old.status is not new.status:
            continue
        changes.append(FieldChange(field=name, old=before, new=after))
    return changes


def _stated_value(stated: StatedTotals | None, name: str) -> FieldValue:
    if stated is None:
        return None
    value = getattr(stated, name)
    assert value is None or isinstance(value, int | float)
    return value


def _plain(value: object) -> FieldValue:
    """An enum as its value, a list of names joined with 、; strings and ``None`` as they are."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list):
        value = "、".join(str(v) for v in value) or None
    assert value is None or isinstance(value, str)
    return value


def report_changes(old: Report, new: Report) -> list[FieldChange]:
    """Metadata fields (``metadata.<name>``) and stated totals (``stated.<name>``) that
    differ. Provenance is not compared: the same value found elsewhere is no change."""
    changes: list[FieldChange] = []
    for name in METADATA_FIELDS:
        before = _plain(getattr(old.metadata, name))
        after = _plain(getattr(new.metadata, name))
        if before != after:
            changes.append(FieldChange(field=f"metadata.{name}", old=before, new=after))
    for name in STATED_FIELDS:
        before = _stated_value(old.summary.stated, name)
        after = _stated_value(new.summary.stated, name)
        if before != after:
            changes.append(FieldChange(field=f"stated.{name}", old=before, new=after))
    return changes


Pair = tuple[int, int, MatchMethod, float]


def match_problems(
    old: Sequence[Problem], new: Sequence[Problem], *, threshold: float = DEFAULT_THRESHOLD
) -> list[Pair]:
    """Pairs ``(old index, new index, method, title similarity)`` by the three passes of the
    module docstring. Each problem is in at most one pair; problems without a number are
    matched by title only. Ties in similarity go to the pair earlier in the new document."""
    pairs: list[Pair] = []
    free_old = set(range(len(old)))
    free_new = set(range(len(new)))

    def take(i: int, j: int, method: MatchMethod, ratio: float) -> None:
        pairs.append((i, j, method, ratio))
        free_old.discard(i)
        free_new.discard(j)

    def by_number(accept: Callable[[float], bool]) -> None:
        slots: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
        for j in sorted(free_new):
            if new[j].number is not None:
                slots[(tuple(_path(new[j])), new[j].number or "")].append(j)
        for i in sorted(free_old):
            if old[i].number is None:
                continue
            candidates = slots.get((tuple(_path(old[i])), old[i].number or ""), [])
            for j in candidates:
                ratio = similarity(old[i].title, new[j].title)
                if j in free_new and accept(ratio):
                    take(i, j, "number", ratio)
                    break

    by_number(lambda ratio: ratio >= threshold)
    scored: list[tuple[float, int, int]] = []
    for i in sorted(free_old):
        a = _squeeze(old[i].title)
        for j in sorted(free_new):
            b = _squeeze(new[j].title)
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = 1.0 if a == b else matcher.ratio()
            if ratio >= threshold:
                scored.append((ratio, i, j))
    scored.sort(key=lambda item: (-item[0], item[2], item[1]))
    for ratio, i, j in scored:
        if i in free_old and j in free_new:
            take(i, j, "title", ratio)
    by_number(lambda ratio: True)
    return sorted(pairs, key=lambda pair: pair[1])


def diff_reports(old: Report, new: Report, *, threshold: float = DEFAULT_THRESHOLD) -> ReportDiff:
    """Compare two reports; see the module docstring for how problems are paired.

    Added and dropped problems are listed in their own report's order. Two identical
    reports give a diff whose :attr:`ReportDiff.has_differences` is False; reports with no
    problems give empty lists, not an error.
    """
    old_problems, new_problems = old.iter_problems(), new.iter_problems()
    pairs = match_problems(old_problems, new_problems, threshold=threshold)
    matched = [
        ProblemDiff(
            old=_ref(old_problems[i]),
            new=_ref(new_problems[j]),
            match=method,
            similarity=round(ratio, 3),
            changes=problem_changes(old_problems[i], new_problems[j]),
        )
        for i, j, method, ratio in pairs
    ]
    paired_old = {i for i, _, _, _ in pairs}
    paired_new = {j for _, j, _, _ in pairs}
    before = Counter(p.status for p in old_problems)
    after = Counter(p.status for p in new_problems)
    return ReportDiff(
        old=_report_ref(old),
        new=_report_ref(new),
        threshold=threshold,
        report_changes=report_changes(old, new),
        added=[_ref(p) for j, p in enumerate(new_problems) if j not in paired_new],
        dropped=[_ref(p) for i, p in enumerate(old_problems) if i not in paired_old],
        matched=matched,
        status_counts=[
            StatusCount(status=status, old=before[status], new=after[status])
            for status in Status
            if before[status] or after[status]
        ],
    )
