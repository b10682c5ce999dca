"""The provenance invariant: every value's source holds that value, or the value is derived.

For every field source of a report, ``report.text[start:end]`` equals the value, except the
values documented as derived, which are checked against the words they come from:

- ``status`` (a problem): the normalised meaning of ``status_raw``; its source covers
  ``status_raw`` as written.
- a value gathered from several places (a ledger row's ``actions`` from several cells; a
  problem's ``description`` or ``actions`` from paragraphs with labelled lines between them):
  the pieces joined line by line; ``sources["actions"]`` covers the first stretch,
  ``sources["actions.2"]``, ``sources["actions.3"]``… the others.
- a title or signature wrapped over lines: the lines joined as one (no break between them);
  ``sources["title"]`` covers the first line, ``sources["title.2"]``… the others.
- a joint title's issuers (中共X局党组 中共Y会党组关于…): the names with the one blank between
  them that the copy may have lost; title and issuer as written but for that blank.
- metadata dates (``date``, ``period_start``, ``period_end``, ``feedback_date``): the ISO form
  of the date as written (2023年12月22日 → 2023-12-22, 2024-10-11 09:32 → 2024-10-11, 6月 or
  5月下旬 → 2024-05 at month precision; a year left out is the report's).
- a measure: its source is the marker and the text as written; ``text`` is what follows the
  marker, and when the problem's closing status clause was cut from it, it may keep the
  sentence's final 。.

``check_sources(report)`` lists every value that breaks this; ``[]`` when it holds.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..models.report import Report
from ..runtime.patterns import compile_pattern
from ..text.dates import find_dates, iso

__all__ = ["DERIVED_METADATA", "check_sources"]

DERIVED_METADATA = frozenset({"date", "period_start", "period_end", "feedback_date"})
_JOINT = frozenset({"title", "issuer"})  # a blank between joint issuers may be added


def check_sources(report: Report) -> list[str]:
    """Every field source of ``report`` whose text is not its value (nor derived from it)."""
    text = report.text
    misses: list[str] = []
    sources = report.metadata.sources
    for name, where in sources.items():
        if "." in name:
            continue  # a further line of a wrapped value: checked with the first
        value = getattr(report.metadata, name, None)
        written = text[where.start : where.end]
        for n in range(2, len(sources) + 2):
            if (more := sources.get(f"{name}.{n}")) is None:
                break
            written += text[more.start : more.end]
        if name in DERIVED_METADATA and isinstance(value, str):
            if not _same_date(written, value):
                misses.append(f"metadata.{name}: {written!r} does not say {value!r}")
        elif written != _as_text(value) and not (
            name in _JOINT and isinstance(value, str) and written == value.replace(" ", "")
        ):
            misses.append(f"metadata.{name}: {written!r} != {value!r}")
    for problem in report.iter_problems():
        label = f"problem {problem.id}"
        for name, where in problem.sources.items():
            written = text[where.start : where.end]
            if "." in name:
                continue  # a further stretch: checked with the first
            for n in range(2, len(problem.sources) + 2):
                if (more := problem.sources.get(f"{name}.{n}")) is None:
                    break
                written += "\n" + text[more.start : more.end]
            value = problem.status_raw if name == "status" else getattr(problem, name, None)
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
    if any(found.iso == value for found in find_dates(written, year=year)):
        return True
    dashed = _DASHED.fullmatch(written.strip())
    if dashed:
        return iso(*(int(g) for g in dashed.groups())) == value
    # A day alone, the end of a range within its month (2025年4月22日至23日).
    day = _DAY.fullmatch(written.strip())
    if day is not None and len(value) == len("YYYY-MM-DD"):
        return int(day.group(1)) == int(value[8:])
    # A month, or part of one (6月, 5月下旬), in the report's year.
    month = _MONTH.match(written.strip())
    if month is None or len(value) != 7:
        return False
    return iso(year, int(month.group(1)), None) == value


_DASHED = compile_pattern(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_MONTH = compile_pattern(r"(?:[0-9]{4}\s*年\s*)?([0-9]{1,2})\s*月")
_DAY = compile_pattern(r"([0-9]{1,2})\s*日")
