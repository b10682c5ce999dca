"""The text ``rectpipe eval`` prints from the scores of :mod:`.evaluate`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evaluate import DocumentScore, Totals

__all__ = ["format_scores"]


def format_scores(scores: list[DocumentScore], totals: Totals, *, misses: int = 10) -> str:
    """The text ``rectpipe eval`` prints: a line per document, its misses, the sums. Topic
    figures are added only where the facts give topics."""
    lines: list[str] = []
    for s in scores:
        state = "ok  " if s.ok else "FAIL"
        topic = f"; topic {s.topic_right}/{s.topic_total}" if s.topic_total else ""
        if s.org_labelled:
            topic += (
                f"; organizations {s.org_right}/{s.org_found} right, "
                f"{s.org_right}/{s.org_expected} found"
            )
        lines.append(
            f"{state} {s.document.name}: problems {s.matched}/{s.expected} found, "
            f"{s.found - s.matched} extra, {s.exact} exact; metadata "
            f"{s.metadata_right}/{s.metadata_total}; totals {s.totals_right}/{s.totals_total}"
            f"{topic}"
        )
        lines.extend(_limited(s.misses, misses))
        lines.extend(_limited(s.topic_misses, misses))
        lines.extend(_limited(s.org_misses, misses))
    t = totals
    precision = t.matched / t.found if t.found else 1.0
    recall = t.matched / t.expected if t.expected else 1.0
    m = t.confusion
    lines.append(
        f"documents {t.exact_documents}/{t.documents} exact; problems precision {precision:.1%}, "
        f"recall {recall:.1%}, exact {t.exact}/{t.expected}; metadata "
        f"{t.metadata_right}/{t.metadata_total}; totals {t.totals_right}/{t.totals_total}"
    )
    lines.append(
        f"confusion (numbered items): problem→problem {m['tp']}, problem missed {m['fn']}, "
        f"not a problem→problem {m['fp']}, narrative kept out {m['tn']}"
    )
    if t.topic_total:
        lines.append(
            f"topic (enrichment, not part of exact): {t.topic_right}/{t.topic_total} right "
            f"({t.topic_right / t.topic_total:.1%}) in {t.topic_documents} documents"
        )
    if t.org_documents:
        precision = t.org_right / t.org_found if t.org_found else 1.0
        recall = t.org_right / t.org_expected if t.org_expected else 1.0
        lines.append(
            f"organizations (enrichment, not part of exact): precision {t.org_right}/"
            f"{t.org_found} ({precision:.1%}), recall {t.org_right}/{t.org_expected} "
            f"({recall:.1%}) in {t.org_documents} documents"
        )
    return "\n".join(lines) + "\n"


def _limited(misses: list[str], limit: int) -> list[str]:
    """The first ``limit`` misses, indented, and how many more there are."""
    lines = [f"     {miss}" for miss in misses[:limit]]
    if len(misses) > limit:
        lines.append(f"     … {len(misses) - limit} more")
    return lines
