"""The output contract: what rectpipe promises to databases, reviewers and CI jobs.

Every model forbids unknown fields, every document carries ``schema_name`` and
``schema_version``, and every extracted value has its provenance beside it. Changing a field
name or a status value is a contract change: bump :data:`SCHEMA_VERSION`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .enrichment import Enrichment, ReportEnrichment
from .lean import LeanModel
from .vocab import InspectionKind, MetadataOrigin, Status

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "BlockRef",
    "Box",
    "CategoryCount",
    "CategoryTotals",
    "InspectionKind",
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
    "Status",
    "Summary",
]

SCHEMA_NAME = "rectpipe.report"
SCHEMA_VERSION = "1.3"


class _Model(LeanModel):
    model_config = ConfigDict(extra="forbid")


def _absent(value: object) -> bool:
    return value is None


class Box(_Model):
    """Where some characters lie on a page: ``page`` (1-based) and their bounding box in PDF
    points, origin at the page's top-left corner (for an image, 72 points per inch of its
    resolution)."""

    # frozen: one box is shared by every provenance that lies on it (a long PDF's report
    # refers to a few boxes hundreds of thousands of times): a change in one place would be a
    # change in all
    model_config = ConfigDict(extra="forbid", frozen=True)

    page: int = Field(ge=1)
    x0: float
    top: float
    x1: float
    bottom: float


class Provenance(_Model):
    """Where a value came from.

    ``start``/``end`` are character offsets into :attr:`Report.text` (end exclusive);
    ``block`` is the index into :attr:`Report.blocks` of the block holding ``start``;
    ``path`` and ``page`` repeat that block's location in the source file. ``boxes`` (PDF and
    image inputs only; absent otherwise) are the boxes of the characters the value spans, one
    per piece of a line, in reading order.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    block: int = Field(ge=0)
    path: str
    page: int | None = None
    boxes: list[Box] | None = Field(
        default=None,
        exclude_if=_absent,
        description="Page boxes of the characters spanned, one per line piece (PDF, images).",
    )


class BlockRef(_Model):
    """One paragraph or table of the source, as laid into :attr:`Report.text`."""

    index: int = Field(ge=0)
    kind: Literal["paragraph", "heading", "table"]
    path: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    style: str | None = None
    list_label: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    original: str | None = Field(
        default=None, description="The block's text as read, when text repair changed it."
    )
    confidence: float | None = Field(
        default=None,
        exclude_if=_absent,
        description="Recognised by OCR: the lowest confidence (0–1) of its lines; absent "
        "for text read from a text layer.",
    )


class Source(_Model):
    """The file a report was read from."""

    file_name: str | None = None
    format: Literal[
        "txt", "docx", "pdf", "html", "mht", "doc", "odt", "rtf", "xlsx", "xls", "ods", "image"
    ]
    sha256: str
    size: int = Field(ge=0)
    page_count: int | None = None
    ocr_pages: list[int] | None = Field(
        default=None,
        exclude_if=_absent,
        description="Pages read by OCR (1-based); absent when none was.",
    )


class Metadata(_Model):
    """Facts about the report as a whole; each ``None`` when the document does not say.

    Dates are ISO (``2023-12-22``), or ``YYYY-MM`` when the document gives no day.
    ``sources`` maps a field name to where its value was read.
    """

    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    attachment: str | None = None
    document_number: str | None = None
    inspection_kind: InspectionKind | None = None
    inspecting_body: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    feedback_date: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    inspecting_bodies: list[str] = Field(
        default_factory=list,
        description="Every inspecting body the introduction names, the first one first.",
    )
    period_precision: Literal["day", "ten_days", "month"] | None = Field(
        default=None,
        description="How precisely the inspection period is written (8月下旬: ten_days).",
    )
    sources: dict[str, Provenance] = Field(
        default_factory=dict,
        description="Where each value is written; a value wrapped over lines (a title, a "
        "signature) has its first line under its name and the others under name.2, name.3….",
    )
    origins: dict[str, MetadataOrigin] = Field(
        default_factory=dict,
        description="How each value was found: its place in the document, or inferred.",
    )


class PathItem(_Model):
    """One ancestor of a problem: its marker as written and its title."""

    marker: str | None
    title: str


class Measure(_Model):
    """One enumerated measure of a problem's narrative (一是… / 1. …)."""

    ordinal: int = Field(ge=1)
    marker: str
    text: str
    provenance: Provenance


class Problem(_Model):
    """One finding and what was done about it.

    ``title`` is the first sentence of the problem statement (trailing 。 dropped),
    ``description`` the rest of the statement; ``actions`` the narrative of what was done;
    ``status_raw`` the words the document used, ``status`` their normalised meaning.
    ``sources`` maps each field name (title, description, status, actions, responsible,
    deadline) to where it was read.
    """

    id: str
    number: str | None
    marker: str | None
    path: list[PathItem]
    title: str
    description: str
    status: Status
    status_raw: str | None
    long_term: bool
    actions: str
    measures: list[Measure]
    responsible: str | None = None
    deadline: str | None = None
    heading: str | None = Field(
        default=None,
        description="The statement's first sentence as written, wrapper included "
        "(关于“…”问题的整改, 问题1：…); the title is the finding inside it.",
    )
    provenance: Provenance
    sources: dict[str, Provenance] = Field(default_factory=dict)
    enrichment: Enrichment | None = Field(
        default=None, description="Dates, quantities, references, entities, topic (opt-in)."
    )


class Section(_Model):
    """A numbered item that is not a problem: a part, a category, or a narrative section.

    ``kind`` is ``"narrative"`` for parts that tell rather than list (组织整改落实情况,
    下一步工作安排) and for everything inside them; ``"group"`` for parts and categories that
    hold problems. ``text`` is the section's own body text (without its children's).
    """

    id: str
    kind: Literal["group", "narrative"]
    depth: int = Field(ge=0)
    number: str | None
    marker: str | None
    title: str
    text: str
    sections: list[Section] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    provenance: Provenance


class CategoryTotals(_Model):
    """Totals one part of the report states about its own problems."""

    category: str
    problems: int | None = None
    completed: int | None = None
    partially_completed: int | None = None
    in_progress: int | None = None
    not_completed: int | None = None
    raw: str
    provenance: Provenance


class StatedTotals(_Model):
    """Totals the report states about itself (反馈N个问题，已完成N个…)."""

    problems: int | None = None
    completed: int | None = None
    partially_completed: int | None = None
    in_progress: int | None = None
    completion_rate: float | None = None
    not_completed: int | None = None
    ongoing: int | None = Field(default=None, description="持续整改N个 / 长期坚持N个.")
    raw: str = Field(
        description="The sentence that states the totals, as written; empty when the report "
        "states none of its own and only its groups do (see categories)."
    )
    provenance: Provenance
    categories: list[CategoryTotals] = Field(
        default_factory=list,
        description="Totals a part or category heading states for itself (6项…已整改4项).",
    )


class CategoryCount(_Model):
    """How many problems one category holds, by status."""

    category: str | None
    problems: int
    by_status: dict[Status, int]


class Summary(_Model):
    """Counts of what was found, and whether they agree with what the report states."""

    problems: int
    by_status: dict[Status, int]
    by_category: list[CategoryCount]
    measures: int
    stated: StatedTotals | None = None
    consistent: bool | None = None


class ReportWarning(_Model):
    """Something odd that did not stop extraction. ``code`` is stable."""

    code: str
    message: str
    provenance: Provenance | None = None


class RemovedText(_Model):
    """Text the reader dropped on purpose (page numbers, running headers)."""

    text: str
    reason: str
    page: int | None = None


class Report(_Model):
    """One rectification report, read from one file."""

    schema_name: Literal["rectpipe.report"] = "rectpipe.report"
    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata
    sections: list[Section]
    problems: list[Problem] = Field(
        default_factory=list, description="Problems that have no numbered ancestor."
    )
    summary: Summary
    warnings: list[ReportWarning] = Field(default_factory=list)
    removed: list[RemovedText] = Field(default_factory=list)
    hints: dict[str, str] = Field(default_factory=dict)
    text: str
    blocks: list[BlockRef]
    enrichment: ReportEnrichment | None = Field(
        default=None, description="Dates, quantities, references outside problems (opt-in)."
    )

    def iter_problems(self) -> list[Problem]:
        """All problems in document order, wherever they sit in the tree."""
        found: list[Problem] = list(self.problems)
        for section in self.iter_sections():
            found.extend(section.problems)
        return sorted(found, key=lambda p: p.provenance.start)

    def iter_sections(self) -> list[Section]:
        """All sections, depth first in document order."""
        found: list[Section] = []
        stack = self.sections[::-1]
        while stack:
            section = stack.pop()
            found.append(section)
            stack.extend(section.sections[::-1])
        return found
