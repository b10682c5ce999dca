"""The output contract: the pydantic models a report is made of (:mod:`.report`), the opt-in
enrichment facts attached to it (:mod:`.enrichment`), and the pipeline's plain records of the
same shapes (:mod:`.records`, generated from the models) with their conversion
(:mod:`.convert`).

Names are imported when first looked up, so that importing :mod:`.records` or :mod:`.vocab`
builds no pydantic model.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .enrichment import (
        DateMention,
        DocumentNumber,
        DocumentRef,
        Enrichment,
        Entity,
        Keyword,
        MeetingRef,
        Quantity,
        References,
        ReportEnrichment,
    )
    from .report import (
        SCHEMA_NAME,
        SCHEMA_VERSION,
        BlockRef,
        Box,
        CategoryCount,
        CategoryTotals,
        Measure,
        Metadata,
        MetadataOrigin,
        PathItem,
        Problem,
        Provenance,
        RemovedText,
        Report,
        ReportWarning,
        Section,
        Source,
        StatedTotals,
        Summary,
    )
    from .vocab import InspectionKind, Status

_ENRICHMENT = (
    "DateMention",
    "DocumentNumber",
    "DocumentRef",
    "Enrichment",
    "Entity",
    "Keyword",
    "MeetingRef",
    "Quantity",
    "References",
    "ReportEnrichment",
)
_REPORT = (
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "BlockRef",
    "Box",
    "CategoryCount",
    "CategoryTotals",
    "Measure",
    "Metadata",
    "MetadataOrigin",
    "PathItem",
    "Problem",
    "Provenance",
    "RemovedText",
    "Report",
    "ReportWarning",
    "Section",
    "Source",
    "StatedTotals",
    "Summary",
)
_HOMES = {
    **dict.fromkeys(_ENRICHMENT, ".enrichment"),
    **dict.fromkeys(_REPORT, ".report"),
    **dict.fromkeys(("InspectionKind", "Status"), ".vocab"),
}

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "BlockRef",
    "Box",
    "CategoryCount",
    "CategoryTotals",
    "DateMention",
    "DocumentNumber",
    "DocumentRef",
    "Enrichment",
    "Entity",
    "InspectionKind",
    "Keyword",
    "Measure",
    "MeetingRef",
    "Metadata",
    "MetadataOrigin",
    "PathItem",
    "Problem",
    "Provenance",
    "Quantity",
    "References",
    "RemovedText",
    "Report",
    "ReportEnrichment",
    "ReportWarning",
    "Section",
    "Source",
    "StatedTotals",
    "Status",
    "Summary",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
