"""The enrichment output contract: what a problem (and a report) says besides its structure.

Every item has ``text`` (the characters as written), its normalised value(s), ``start`` and
``end`` offsets into :attr:`rectpipe.models.Report.text` (end exclusive, so
``report.text[item.start:item.end] == item.text``) and ``part``: which field of the problem it
sits in (``title``, ``description``, ``status``, ``actions``, ``responsible``, ``deadline``),
``None`` when it is elsewhere (a label, or text outside any problem).

This module imports nothing from :mod:`rectpipe.models` but its base class (:mod:`.lean`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .lean import LeanModel
from .vocab import Part

__all__ = [
    "DateMention",
    "DocumentNumber",
    "DocumentRef",
    "Enrichment",
    "Entity",
    "Keyword",
    "MeetingRef",
    "Part",
    "Quantity",
    "References",
    "ReportEnrichment",
]


class _Model(LeanModel):
    model_config = ConfigDict(extra="forbid")


class _Item(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    part: Part | None = None


class DateMention(_Item):
    """A date, a date range, or a deadline.

    ``value`` is ISO at the precision written: ``2023-12-22`` (day), ``2023-08`` (month),
    ``2023`` (year); for a season the first month (秋季 → ``2023-09``). ``value_end`` is the last
    day/month/year of a range or season (``2023-06-10``, ``2023-11``). For a ``deadline``,
    ``value`` is the last day it allows (年底前 → ``2023-12-31``) or ``None`` for a term without a
    date (长期坚持, 立行立改), and ``term`` says which. ``inferred`` is true when the year is not
    written in the mention (8月, 今年秋季, 年底前) and was taken from the text before it or
    from the report's date; ``value`` is ``None`` when no year could be inferred.
    """

    kind: Literal["date", "range", "deadline"]
    value: str | None
    value_end: str | None = None
    precision: Literal["day", "month", "season", "year"] | None = None
    inferred: bool = False
    term: Literal["by_date", "long_term", "immediate"] | None = None


class Quantity(_Item):
    """An amount of money, a count, or a percentage.

    ``value`` is the number as written (7.132 in 7.132万元), ``unit`` the unit as written
    (``万元``, ``次``, ``%``); ``yuan`` is a money amount in yuan (71320.0), ``None`` for the
    other kinds. ``approximate`` marks 余/多 (20余家, 200余万元).
    """

    kind: Literal["money", "count", "percent"]
    value: float
    unit: str
    yuan: float | None = None
    approximate: bool = False


class DocumentRef(_Item):
    """A document cited in 《…》. ``title`` is without the brackets; ``role`` what the text
    says was done with it: ``issued`` (出台/制定/印发…), ``revised`` (修改/修订/完善),
    ``studied`` (学习/传达), else ``cited``; ``number`` the document number written right after
    it (《…》（湘编发〔2023〕4号）), if any."""

    title: str
    role: Literal["issued", "revised", "studied", "cited"]
    number: str | None = None


class DocumentNumber(_Item):
    """A document number: 湘编发〔2023〕4号 → ``code`` 湘编发, ``year`` 2023, ``serial`` 4."""

    code: str
    year: int
    serial: int


class MeetingRef(_Item):
    """A named meeting (党工委会议, 专题会议, 书记办公会…). ``times`` is the count written
    right after a single meeting (召开党工委会议16次 → 16), else ``None``."""

    name: str
    times: int | None = None


class References(_Model):
    """Documents, document numbers and meetings, each in text order."""

    documents: list[DocumentRef] = Field(default_factory=list)
    numbers: list[DocumentNumber] = Field(default_factory=list)
    meetings: list[MeetingRef] = Field(default_factory=list)


class Entity(_Item):
    """An organisation (区纪工委, 省委第九巡视组, 永州市人民政府), a person named with a title
    (书记施创太 → 施创太) or a place (永州经开区, 冷水滩区)."""

    kind: Literal["organization", "person", "place"]


class Keyword(_Item):
    """A keyword of the problem by TF-IDF; ``start``/``end`` locate its first occurrence."""

    weight: float


class Enrichment(_Model):
    """Facts about one problem. ``topic`` is the best-scoring topic of the profile's taxonomy
    (``None`` when no topic keyword occurs), ``topic_scores`` every topic that scored."""

    dates: list[DateMention] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    references: References = Field(default_factory=References)
    entities: list[Entity] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)
    topic: str | None = None
    topic_scores: dict[str, float] = Field(default_factory=dict)


class ReportEnrichment(_Model):
    """Dates, quantities, references and entities in the text outside every problem
    (introduction, narrative parts, signature)."""

    dates: list[DateMention] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    references: References = Field(default_factory=References)
    entities: list[Entity] = Field(default_factory=list)
