"""Scores of the opt-in enrichment against facts, apart from "exact": topics, and organisation
entities (precision and recall). See :mod:`.evaluate`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.report import Problem
from .fold import name_key

if TYPE_CHECKING:
    from .evaluate import DocumentScore

__all__ = ["score_organizations", "score_topics"]


def score_topics(
    found: list[Problem],
    wanted: list[dict[str, Any]],
    pairs: list[tuple[int, int]],
    score: DocumentScore,
) -> None:
    """Topic right or wrong for every facts problem that gives one; a problem not found
    counts as wrong."""
    got_by_wanted = {j: _topic(found[i]) for i, j in pairs}
    for j, want in enumerate(wanted):
        if "topic" not in want:
            continue
        score.topic_total += 1
        if j not in got_by_wanted:
            score.topic_misses.append(f"topic {want.get('number')}: problem not found")
        elif got_by_wanted[j] == want["topic"]:
            score.topic_right += 1
        else:
            score.topic_misses.append(
                f"topic {want.get('number')} {str(want.get('title'))[:20]}: "
                f"want {want['topic']!r} got {got_by_wanted[j]!r}"
            )


def score_organizations(
    found: list[Problem],
    wanted: list[dict[str, Any]],
    pairs: list[tuple[int, int]],
    score: DocumentScore,
) -> None:
    """Organisation entities against the ``organizations`` of every facts problem that gives
    them (each name counted once per problem); a problem not found finds none."""
    got_by_wanted = {j: _organizations(found[i]) for i, j in pairs}
    for j, want in enumerate(wanted):
        if "organizations" not in want:
            continue
        score.org_labelled += 1
        labels = {name_key(label) for label in want["organizations"] or []}
        got = got_by_wanted.get(j, set())
        right = got & labels
        score.org_expected += len(labels)
        score.org_found += len(got)
        score.org_right += len(right)
        if got != labels:
            where = f"organizations {want.get('number')} {str(want.get('title'))[:20]}"
            if j not in got_by_wanted:
                where += " (problem not found)"
            details = [f"missed {sorted(labels - got)}"] if labels - got else []
            details += [f"not a label {sorted(got - labels)}"] if got - labels else []
            score.org_misses.append(f"{where}: {', '.join(details)}")


def _organizations(problem: Problem) -> set[str]:
    if problem.enrichment is None:
        return set()
    return {name_key(e.text) for e in problem.enrichment.entities if e.kind == "organization"}


def _topic(problem: Problem) -> str | None:
    return problem.enrichment.topic if problem.enrichment is not None else None
