"""Reports as rows, one per problem: the JSONL shape (and CSV's, flattened), for a report's
models or its records alike.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import records
from .record_json import record_data

if TYPE_CHECKING:
    from ..models.report import Problem, Report

__all__ = ["JSONL_KEYS", "problem_rows"]

JSONL_KEYS = (
    "source",
    "report_title",
    "issuer",
    "report_date",
    "part",
    "category",
    "path",
    "number",
    "heading",
    "title",
    "description",
    "status",
    "status_raw",
    "long_term",
    "actions",
    "measures",
    "responsible",
    "deadline",
    "provenance",
)


def problem_rows(report: Report | records.Report) -> list[dict[str, Any]]:
    """One flat record per problem, in document order, with its context — the JSONL shape.

    ``part`` is the outermost ancestor's title when the problem has two or more ancestors,
    ``category`` the nearest ancestor's title; ``source`` is the file name (or its sha256);
    ``report_date`` the document's date; ``heading`` the problem's line as written when a
    wrapper (关于“X”问题的整改, 问题1：) was taken off its title.
    """
    rows: list[dict[str, Any]] = []
    for problem in report.iter_problems():
        data = _data(problem)
        path = problem.path
        rows.append(
            {
                "source": report.source.file_name or report.source.sha256,
                "report_title": report.metadata.title,
                "issuer": report.metadata.issuer,
                "report_date": report.metadata.date,
                "part": path[0].title if len(path) >= 2 else None,
                "category": path[-1].title if path else None,
                "path": data["path"],
                "number": problem.number,
                "heading": problem.heading,
                "title": problem.title,
                "description": problem.description,
                "status": problem.status.value,
                "status_raw": problem.status_raw,
                "long_term": problem.long_term,
                "actions": problem.actions,
                "measures": data["measures"],
                "responsible": problem.responsible,
                "deadline": problem.deadline,
                "provenance": data["provenance"],
            }
        )
    return rows


def _data(problem: Problem | records.Problem) -> dict[str, Any]:
    if isinstance(problem, records.Problem):
        return record_data(problem)  # type: ignore[no-any-return]
    return problem.model_dump(mode="json")
