"""The rows of a report, as plain values, for the database tables (:mod:`.schema`).

Made apart from storing them, without SQLAlchemy: a batch worker makes a document's rows and
the database writer only inserts them (:mod:`rectpipe.batch.dbwriter`), and the workers never
load SQLAlchemy.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..models.records import Problem, Provenance, Report, Section
from ..runtime.names import escape_name
from ..runtime.record import record

__all__ = ["DocumentRows", "Forget", "child_rows", "document_row", "document_rows"]


def _span(provenance: Provenance | None) -> dict[str, Any]:
    if provenance is None:
        return {"span_start": None, "span_end": None}
    return {"span_start": provenance.start, "span_end": provenance.end}


def document_row(report: Report, path: str) -> dict[str, Any]:
    """The ``documents`` row for ``report`` read from ``path``."""
    meta, summary, stated = report.metadata, report.summary, report.summary.stated
    return {
        "sha256": report.source.sha256,
        "path": path,
        "file_name": report.source.file_name,
        "format": report.source.format,
        "size": report.source.size,
        "page_count": report.source.page_count,
        "schema_version": report.schema_version,
        "title": meta.title,
        "issuer": meta.issuer,
        "date": meta.date,
        "attachment": meta.attachment,
        "document_number": meta.document_number,
        "inspection_kind": meta.inspection_kind.value if meta.inspection_kind else None,
        "inspecting_body": meta.inspecting_body,
        "period_start": meta.period_start,
        "period_end": meta.period_end,
        "feedback_date": meta.feedback_date,
        "phone": meta.phone,
        "email": meta.email,
        "address": meta.address,
        "problem_count": summary.problems,
        "measure_count": summary.measures,
        "warning_count": len(report.warnings),
        "stated_problems": stated.problems if stated else None,
        "stated_completed": stated.completed if stated else None,
        "stated_completion_rate": stated.completion_rate if stated else None,
        "consistent": summary.consistent,
        "stored_at": dt.datetime.now(dt.timezone.utc),
    }


def _walk(
    sections: list[Section], parent: str | None, owner: dict[str, str | None]
) -> Iterable[tuple[Section, str | None]]:
    for section in sections:
        yield section, parent
        for problem in section.problems:
            owner[problem.id] = section.id
        yield from _walk(section.sections, section.id, owner)


def child_rows(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``sections``, ``problems``, ``measures`` and ``warnings`` for ``report``,
    keyed by table name, in document order. ``ordinal`` (sections, problems, warnings) and a
    measure's ``position`` count from 0; a measure's ``ordinal`` is the one it was given."""
    sha = report.source.sha256
    owner: dict[str, str | None] = {}
    section_rows = [
        {
            "document_sha256": sha,
            "id": section.id,
            "parent_id": parent,
            "ordinal": ordinal,
            "kind": section.kind,
            "depth": section.depth,
            "number": section.number,
            "marker": section.marker,
            "title": section.title,
            "text": section.text,
            "page": section.provenance.page,
            **_span(section.provenance),
        }
        for ordinal, (section, parent) in enumerate(_walk(report.sections, None, owner))
    ]
    problems = report.iter_problems()
    return {
        "sections": section_rows,
        "problems": [_problem_row(sha, p, i, owner.get(p.id)) for i, p in enumerate(problems)],
        "measures": [
            {
                "document_sha256": sha,
                "problem_id": p.id,
                "position": position,
                "ordinal": m.ordinal,
                "marker": m.marker,
                "text": m.text,
                "page": m.provenance.page,
                **_span(m.provenance),
            }
            for p in problems
            for position, m in enumerate(p.measures)
        ],
        "warnings": [
            {
                "document_sha256": sha,
                "ordinal": i,
                "code": w.code,
                "message": w.message,
                **_span(w.provenance),
            }
            for i, w in enumerate(report.warnings)
        ],
    }


def _problem_row(sha: str, problem: Problem, ordinal: int, section: str | None) -> dict[str, Any]:
    path = problem.path
    return {
        "document_sha256": sha,
        "id": problem.id,
        "section_id": section,
        "ordinal": ordinal,
        "number": problem.number,
        "marker": problem.marker,
        "part": path[0].title if len(path) >= 2 else None,
        "category": path[-1].title if path else None,
        "path": " > ".join(f"{item.marker or ''}{item.title}" for item in path),
        "title": problem.title,
        "heading": problem.heading,
        "description": problem.description,
        "status": problem.status.value,
        "status_raw": problem.status_raw,
        "long_term": problem.long_term,
        "actions": problem.actions,
        "responsible": problem.responsible,
        "deadline": problem.deadline,
        "block": problem.provenance.block,
        "page": problem.provenance.page,
        **_span(problem.provenance),
    }


@record(slots=False)
class DocumentRows:
    """Every row of one report read from ``path`` (escaped), made ahead of storing: a batch
    worker makes them and the database writer only inserts them."""

    sha256: str
    path: str
    document: dict[str, Any]
    children: dict[str, list[dict[str, Any]]]


@record(slots=False)
class Forget:
    """Forget the documents stored from ``path`` except ``keep_sha256`` (a file that no
    longer converts; see :func:`forget_path`)."""

    path: str
    keep_sha256: str | None = None


def document_rows(report: Report, path: str) -> DocumentRows:
    """The rows :func:`store_report` stores for ``report`` read from ``path``."""
    path = escape_name(path)
    return DocumentRows(report.source.sha256, path, document_row(report, path), child_rows(report))
