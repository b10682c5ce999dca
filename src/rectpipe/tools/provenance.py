"""The provenance invariant: every value's source holds that value, or the value is derived.

For every field source of a report, ``report.text[start:end]`` equals the value, except the
values documented as derived, which are checked against the words they come from:

- ``status`` (a problem): the normalised meaning of ``status_raw``; its source covers
  ``status_raw`` as written.
- ``actions`` of a ledger row read from several cells (the 整改措施 cell, further sub-columns
  of a two-row 整改措施 header, the progress a status cell goes on with after its status:
  已完成。修订…): the pieces joined line by line; ``sources["actions"]`` covers the first,
  ``sources["actions.2"]``, ``sources["actions.3"]``… the others.
- metadata dates (``date``, ``period_start``, ``period_end``, ``feedback_date``): the ISO form
  of the date as written (2023年12月22日 → 2023-12-22; a year left out is the report's).
- a measure: its source is the marker and the text as written; ``text`` is what follows the
  marker, and when the problem's closing status clause was cut from it, it may keep the
  sentence's final 。.

``check_sources(report)`` lists every value that breaks this; ``[]`` when it holds.
"""

from __future__ import annotations

from ..models.report import Report
from ..text.dates import find_dates

__all__ = ["DERIVED_METADATA", "check_sources"]

DERIVED_METADATA = frozenset({"date", "period_start", "period_end", "feedback_date"})


def check_sources(report: Report) -> list[str]:
    """Every field source of ``report`` whose text is not its value (nor derived from it)."""
    text = report.text
    misses: list[str] = []
    for name, where in report.metadata.sources.items():
        value = getattr(report.metadata, name, None)
        written = text[where.start : where.end]
        if name in DERIVED_METADATA and isinstance(value, str):
            if not _same_date(written, value):
                misses.append(f"metadata.{name}: {written!r} does not say {value!r}")
        elif written != _as_text(value):
            misses.append(f"metadata.{name}: {written!r} != {value!r}")
    for problem in report.iter_problems():
        label = f"problem {problem.id}"
        for name, where in problem.sources.items():
            written = text[where.start : where.end]
            if name.startswith("actions."):
                continue  # checked with actions
            if name == "status":
                value = problem.status_raw
            elif name == "actions":
                for n in range(2, len(problem.sources) + 2):
                    if (more := problem.sources.get(f"actions.{n}")) is None:
                        break
                    written += "\n" + text[more.start : more.end]
                value = problem.actions
            else:
                value = getattr(problem, name, None)
            if written != _as_text(value):
                misses.append(f"{label}.{name}: {written!r} != {value!r}")
        for measure in problem.measures:
            where = measure.provenance
            written = text[where.start : where.end]
            body = (
                written[len(measure.marker) :].strip()
                if written.startswith(measure.marker)
                else None
            )
            if body is None or body not in (measure.text, measure.text.removesuffix("。")):
                misses.append(f"{label}.measure {measure.ordinal}: {written!r} != {measure.text!r}")
    return misses


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def _same_date(written: str, value: str) -> bool:
    """``written`` (2023年12月22日, 二〇二四年九月十二日, 6月10日) names the day ``value`` names."""
    try:
        year = int(value[:4])
    except ValueError:
        return False
    return any(found.iso == value for found in find_dates(written, year=year))
