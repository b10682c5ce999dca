"""Report → text in each output format.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from ..models.report import Report
from .kinds import FORMATS
from .rows import JSONL_KEYS, problem_rows

__all__ = ["FORMATS", "JSONL_KEYS", "dumps", "fast_json_ok", "problem_rows"]


def _fast_json(report: Report) -> str | None:
    """``report`` as :func:`json.dumps` with ``indent=2`` would write it, by pydantic's
    compiled serialiser (several times faster than the pure-Python indenting encoder), or
    ``None`` (use the slow path) when the two might not agree byte for byte
    (:func:`fast_json_ok`)."""
    if not _plain_floats(report):
        return None
    try:
        return report.model_dump_json(indent=2) + "\n"
    except Exception:  # the slow path then raises what it always raised
        return None


def fast_json_ok(report: Report) -> bool:
    """Whether pydantic's serialiser writes ``report`` as :func:`json.dumps` would, known
    before writing any of it: the two differ only in how they write some floats (``1e-05`` /
    ``0.00001``, ``1e+16`` / ``1e16``, ``NaN`` / ``null``), and on text Python would write but
    pydantic refuses (lone surrogates, looked for in the report's text, which every value is
    read from)."""
    if not _plain_floats(report):
        return False
    try:
        report.text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain(value: float) -> bool:
    """Whether both serialisers write ``value`` the same way (no exponent in either)."""
    return math.isfinite(value) and (value == 0 or 1e-4 <= abs(value) < 1e16)


def _plain_floats(report: Report) -> bool:
    """Whether every float in ``report`` is :func:`_plain`: its stated completion rate and
    block boxes are checked; an enriched report (more floats) counts as not known to be."""
    if report.enrichment is not None or any(p.enrichment for p in report.iter_problems()):
        return False
    stated = report.summary.stated
    rate = stated.completion_rate if stated is not None else None
    if rate is not None and not _plain(rate):
        return False
    return all(_plain(v) for b in report.blocks if b.bbox is not None for v in b.bbox)


def dumps(reports: Report | Iterable[Report], fmt: str) -> str:
    """``reports`` as text in ``fmt``. Several reports: a JSON array, YAML documents, or
    JSONL lines one after the other. Non-ASCII characters are written as themselves."""
    items = [reports] if isinstance(reports, Report) else list(reports)
    if fmt == "json" and len(items) == 1:  # one report, given alone or as a list of one
        fast = _fast_json(items[0])
        if fast is not None:
            return fast
    if fmt == "jsonl":
        return "".join(
            json.dumps(row, ensure_ascii=False) + "\n" for r in items for row in problem_rows(r)
        )
    data = [r.model_dump(mode="json") for r in items]
    if fmt == "json":
        body = data[0] if len(data) == 1 else data
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml  # only for this format

        return "".join(
            ("---\n" if i else "")
            + yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=1000)
            for i, d in enumerate(data)
        )
    raise ValueError(f"unknown output format {fmt!r}")
