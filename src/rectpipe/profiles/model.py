"""The shape of a profile file, as pydantic models: what a user profile may say.

Every key of ``default.yaml`` is here; any other key is an error (``extra="forbid"``), so a
misspelt key is reported rather than ignored. Every field is optional, because a user file
only says what it adds to the default. ``schemas/profile.schema.json`` is generated from
:class:`ProfileFile` (``make schema``) so that editors can complete a user profile.

Imported only when a user file is read or the schema is written: the default profile is
trusted (a test validates it) and loads without building these models.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Annotated

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..models.vocab import Status

__all__ = [
    "SCHEMA_ID",
    "DocumentRoles",
    "Enrichment",
    "Findings",
    "Labels",
    "NoticeSections",
    "Patterns",
    "Phrases",
    "ProfileFile",
    "TableColumns",
    "TopicWeights",
    "profile_schema",
]

SCHEMA_ID = "https://rectpipe.invalid/schemas/rectpipe.profile.json"

Phrases = list[str]


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
    return patterns


Patterns = Annotated[list[str], AfterValidator(_compiles)]


class _Strict(BaseModel):
    # Numbers in a phrase list are read as text (年份 such as 2023), as the loader always did.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Labels(_Strict):
    """Labels that introduce a field, on their own line or inline. Longest match wins."""

    status: Phrases = Field(default_factory=list, description="整改结果, 完成情况…")
    actions: Phrases = Field(default_factory=list, description="整改情况, 整改措施…")
    responsible: Phrases = Field(default_factory=list, description="责任单位, 牵头单位…")
    deadline: Phrases = Field(default_factory=list, description="整改时限, 完成时限…")


class NoticeSections(_Strict):
    """Part titles of a notice about one finding (一、反馈问题 二、整改目标 三、整改措施…)."""

    finding: Phrases = Field(default_factory=list, description="the finding: 反馈问题…")
    target: Phrases = Field(default_factory=list, description="the target: 整改目标…")
    measures: Phrases = Field(default_factory=list, description="the measures: 整改措施…")
    result: Phrases = Field(default_factory=list, description="the result: 整改完成情况…")
    term: Phrases = Field(default_factory=list, description="the notice period: 公示期限…")
    responsible: Phrases = Field(
        default_factory=list, description="the unit that rectifies: 整改实施主体…"
    )
    deadline: Phrases = Field(default_factory=list, description="the date to finish by: 完成时限…")


class Findings(_Strict):
    """What makes a numbered item a finding (a problem) rather than a measure or a heading."""

    wrappers: Phrases = Field(default_factory=list, description="关于“…”, 针对…, 问题1：…")
    shortfall: Phrases = Field(default_factory=list, description="words of shortfall: 不到位…")
    action_openers: Phrases = Field(
        default_factory=list, description="verbs that open a measure or a heading: 加强…"
    )
    measure_openers: Phrases = Field(
        default_factory=list,
        description="how a measure opens even when it names what it mends: 对其中…, 追回…",
    )
    group_headings: Phrases = Field(
        default_factory=list, description="headings that name a group of findings: 方面…"
    )
    organising: Phrases = Field(
        default_factory=list,
        description="phrases that mark a sentence about organising the work: 高度重视…",
    )
    topic_heads: Phrases = Field(
        default_factory=list,
        description="last words of a short heading that names a topic, not a finding: 机制…",
    )


class TableColumns(_Strict):
    """Ledger (整改台账) column headers → problem fields."""

    number: Phrases = Field(default_factory=list)
    title: Phrases = Field(default_factory=list)
    category: Phrases = Field(default_factory=list)
    actions: Phrases = Field(default_factory=list)
    responsible: Phrases = Field(default_factory=list)
    deadline: Phrases = Field(default_factory=list)
    status: Phrases = Field(default_factory=list)
    done_on: Phrases = Field(
        default_factory=list,
        description="a column of the day each problem was put right or signed off (销号时间): "
        "a date there is a completion, where no status column is",
    )


class TopicWeights(_Strict):
    """The weight of a topic keyword's hit in each part of a problem."""

    title: float = Field(default_factory=lambda: 1.0)
    description: float = Field(default_factory=lambda: 1.0)
    actions: float = Field(default_factory=lambda: 1.0)


class DocumentRoles(_Strict):
    """Verbs before (or after) a 《document》 that say what was done with it."""

    revised: Phrases = Field(default_factory=list)
    issued: Phrases = Field(default_factory=list)
    studied: Phrases = Field(default_factory=list)


class Enrichment(_Strict):
    """The ``enrichment:`` section: read by ``--enrich`` and by the consistency checks."""

    topic_weights: TopicWeights = Field(default_factory=TopicWeights)
    topics: dict[str, Phrases] = Field(
        default_factory=dict, description="topic → keywords; the first listed wins a tie"
    )
    keyword_count: int = Field(default_factory=lambda: 8, ge=0, description="keywords per problem")
    keyword_stopwords: Phrases = Field(default_factory=list)
    document_roles: DocumentRoles = Field(default_factory=DocumentRoles)
    meeting_suffixes: Phrases = Field(default_factory=list)
    org_patterns: Patterns = Field(
        default_factory=list, description="regular expressions matching organisation names"
    )
    org_suffixes: Phrases = Field(default_factory=list)
    org_part_suffixes: Phrases = Field(
        default_factory=list,
        description="endings of a unit's part after its name (区水务局 + 人事科), or of a short "
        "name after a bare 省/市/县/区 (区 + 防汛办)",
    )
    org_unit_words: Phrases = Field(
        default_factory=list,
        description="one-character unit words naming the reporting unit before a body (局 + 党组)",
    )
    org_bodies: Phrases = Field(
        default_factory=list, description="bodies of a unit named after its unit word (局 + 党组)"
    )
    org_short_names: Phrases = Field(
        default_factory=list,
        description="words that alone name the reporting unit or one of its bodies (集团, 局机关)",
    )
    org_class_words: Phrases = Field(
        default_factory=list,
        description="first words that make a name a kind of unit, not one unit (全市, 乡镇)",
    )
    org_generic_names: Phrases = Field(
        default_factory=list, description="names of a kind of unit, never of one (会计师事务所)"
    )
    place_suffixes: Phrases = Field(default_factory=list)
    person_titles: Phrases = Field(default_factory=list)
    dictionary: Phrases = Field(
        default_factory=list,
        description="words jieba keeps whole, each `word tag` (tag: nt, ns, n…; n when left out)",
    )
    completed_contradictions: Patterns = Field(
        default_factory=list,
        description="regular expressions that, in a completed problem's narrative, say it is not",
    )


class ProfileFile(_Strict):
    """A profile file. A user file is merged over the default profile: its lists are put in
    front of the default lists (so its entries win), its mappings update the default ones."""

    model_config = ConfigDict(title="rectpipe profile")

    name: str = Field(default_factory=lambda: "custom")
    labels: Labels = Field(default_factory=Labels)
    status: dict[Status, Phrases] = Field(
        default_factory=dict, description="status → the phrases that state it"
    )
    long_term: Phrases = Field(
        default_factory=list, description="phrases that make a status long_term: true"
    )
    dated_long_term: Phrases = Field(
        default_factory=list,
        description="long-term phrases that name the unfinished group (in_progress) when the item "
        "has a date to finish by (a dated 整改时限, 计划…年…完成), long-term when it has none",
    )
    status_sentence_prefixes: Phrases = Field(default_factory=list)
    status_sentence_max_chars: int = Field(default_factory=lambda: 16, gt=0)
    narrative_sections: Phrases = Field(
        default_factory=list, description="titles of parts that tell rather than list"
    )
    closing_sections: Phrases = Field(
        default_factory=list,
        description="titles of closing parts (下一步…): narrative whatever findings they mention",
    )
    closing_titles: Phrases = Field(
        default_factory=list,
        description="whole titles that close a report (工作要求), matched whole because the "
        "words also sit inside problem parts' titles",
    )
    findings_labels: Phrases = Field(
        default_factory=list,
        description="labels that open a list of findings inside a category item "
        "(存在问题：一是…；二是…): the 一是 clauses after one are the category's problems",
    )
    findings: Findings = Field(default_factory=Findings)
    notice_sections: NoticeSections = Field(default_factory=NoticeSections)
    issuer_suffixes: Phrases = Field(default_factory=list)
    inspection_kinds: Phrases = Field(default_factory=list)
    article_markers: Phrases = Field(
        default_factory=list,
        description="line-opening labels of a scholarly article (摘要, 关键词): a text with two "
        "of them is an article about rectification, not a report",
    )
    article_title_ends: Phrases = Field(
        default_factory=list,
        description="last words of an article's title (浅析, 探析, 初探): a text so titled is "
        "an article about rectification, not a report",
    )
    rules_title_ends: Phrases = Field(
        default_factory=list,
        description="last words of the title of rules or a plan (规程, 实施方案, 工作要点): its "
        "points are rules and tasks, so it is refused when they were read as problems and none "
        "states a status",
    )
    sample_text_words: Phrases = Field(
        default_factory=list,
        description="words that show a site's sample texts in a text's opening (范文, 范本): "
        "refused as rules are",
    )
    table_columns: TableColumns = Field(default_factory=TableColumns)
    enrichment: Enrichment = Field(default_factory=Enrichment)


def profile_schema() -> dict[str, object]:
    """JSON Schema (draft 2020-12) of a profile file."""
    schema = ProfileFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
