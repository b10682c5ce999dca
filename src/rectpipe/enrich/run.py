"""Fill in :class:`~rectpipe.models.enrichment.Enrichment` for every problem of a report.

This is the only enrichment module that knows the report model; the finders it calls work on
plain text and return items with offsets shifted to :attr:`Report.text`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..extract.consistency import report_year
from ..models.records import Enrichment, Part, Problem, Provenance, Report, ReportEnrichment
from ..text.date_mentions import find_dates
from .config import PARTS, EnrichConfig, default_config
from .entities import find_entities
from .keywords import best_topic, find_keywords, topic_scores
from .quantities import find_quantities
from .references import find_references
from .segment import segment

__all__ = ["enrich_outside", "enrich_problem", "enrich_report"]

# When spans overlap, the more specific field names an item's part.
_PART_ORDER: tuple[Part, ...] = (
    "title",
    "status",
    "responsible",
    "deadline",
    "description",
    "actions",
)


def _part_of(offset: int, sources: Mapping[str, Provenance]) -> Part | None:
    for part in _PART_ORDER:
        where = sources.get(part)
        if where is not None and where.start <= offset < where.end:
            return part
    return None


def _with_parts(items: Iterable[object], sources: Mapping[str, Provenance]) -> None:
    for item in items:
        item.part = _part_of(item.start, sources)  # type: ignore[attr-defined]


def enrich_problem(
    text: str, problem: Problem, config: EnrichConfig, year: int | None
) -> Enrichment:
    """The enrichment of ``problem``; ``text`` is the report's text, ``year`` its year."""
    start, end = problem.provenance.start, problem.provenance.end
    own = text[start:end]
    tokens = segment(own, config.org_patterns, config.dictionary)
    references = find_references(
        own, config.document_roles, tokens, config.meeting_suffixes, base=start
    )
    parts = {
        name: text[problem.sources[name].start : problem.sources[name].end]
        for name in PARTS
        if name in problem.sources
    }
    scores = topic_scores(parts, config)
    enrichment = Enrichment(
        dates=find_dates(own, base=start, report_year=year),
        quantities=find_quantities(own, base=start),
        references=references,
        entities=find_entities(own, tokens, config, base=start),
        keywords=find_keywords(tokens, config, base=start),
        topic=best_topic(scores, list(config.topics)),
        topic_scores=scores,
    )
    for group in (
        enrichment.dates,
        enrichment.quantities,
        references.documents,
        references.numbers,
        references.meetings,
        enrichment.entities,
        enrichment.keywords,
    ):
        _with_parts(group, problem.sources)
    return enrichment


def _gaps(report: Report) -> list[tuple[int, int]]:
    """Spans of the text that lie in no problem."""
    spans = sorted((p.provenance.start, p.provenance.end) for p in report.iter_problems())
    gaps: list[tuple[int, int]] = []
    position = 0
    for start, end in spans:
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < len(report.text):
        gaps.append((position, len(report.text)))
    return gaps


def enrich_outside(report: Report, config: EnrichConfig, year: int | None) -> ReportEnrichment:
    """Dates, quantities, references and entities of the text outside every problem."""
    result = ReportEnrichment()
    for start, end in _gaps(report):
        own = report.text[start:end]
        if not own.strip():
            continue
        tokens = segment(own, config.org_patterns, config.dictionary)
        refs = find_references(
            own, config.document_roles, tokens, config.meeting_suffixes, base=start
        )
        result.dates.extend(find_dates(own, base=start, report_year=year))
        result.quantities.extend(find_quantities(own, base=start))
        result.references.documents.extend(refs.documents)
        result.references.numbers.extend(refs.numbers)
        result.references.meetings.extend(refs.meetings)
        result.entities.extend(find_entities(own, tokens, config, base=start))
    return result


def enrich_report(report: Report, config: EnrichConfig | None = None) -> Report:
    """``report`` with ``enrichment`` set on every problem and on the report itself.

    Changes ``report`` in place and returns it. The first call in a process loads jieba's
    dictionaries (about two seconds); a report without problems gets only the report-level part.
    """
    config = config or default_config()
    year = report_year(report)
    for problem in report.iter_problems():
        problem.enrichment = enrich_problem(report.text, problem, config, year)
    report.enrichment = enrich_outside(report, config, year)
    return report
