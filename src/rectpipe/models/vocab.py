"""The closed vocabularies of the output contract: a problem's normalised status, the kind
of inspection a report answers, where a metadata value was read and which part of a problem
an enrichment item was found in. Plain enums, shared by the pydantic models (:mod:`.report`) and
the pipeline's records (:mod:`.records`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

__all__ = ["InspectionKind", "MetadataOrigin", "Part", "Status"]


class Status(str, Enum):
    """Normalised rectification status of one problem."""

    COMPLETED = "completed"
    PARTIALLY_COMPLETED = "partially_completed"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    NOT_COMPLETED = "not_completed"
    UNKNOWN = "unknown"


class InspectionKind(str, Enum):
    """Which kind of inspection the report answers."""

    XUNSHI = "巡视"
    XUNCHA = "巡察"
    SHENJI = "审计"
    DUCHA = "督察"
    OTHER = "other"


MetadataOrigin = Literal[
    "title", "signature", "front", "body", "date_line", "header_box", "page", "inferred"
]
"""Where a metadata value was read: the title line, the signature block, the lines before the
title (``front``), the body text, a 发布日期/成文日期 line in the text (``date_line``), the web
page's information box (``header_box``) or its date line (``page``); ``inferred`` when it is
derived rather than stated (an issuer from the body's subject)."""

Part = Literal["title", "description", "status", "actions", "responsible", "deadline"]
"""Which field of a problem an enrichment item was found in."""
