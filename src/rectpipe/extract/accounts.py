"""Findings given their accounts from a second list of the same numbers.

A report may list its findings, then their accounts as a second list numbered again from 1:
announced in the text (存在以下问题：1、X 2、Y / 现将整改情况报告如下：1、已… 2、正在…) or as a part
of its own (一、检查中发现的问题 1、… 3、 / 二、整改措施 1、… 3、). Each finding takes the item of
its number as its account, and the status that account states.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..models.records import Problem, Provenance, Section, Status
from ..runtime.patterns import compile_pattern
from .about_all import ALL_FINDINGS
from .builder import Builder, measure_models, measures_in
from .spans import Spans
from .status import UNDER_WAY, StatusMatch, normalise_status, status_sentence
from .tally_lines import tallies_findings

__all__ = ["ACCOUNTS_PART", "pair_parts", "take_account"]

_CLAUSE_OF = compile_pattern(r"[^，,；;。]+")


def _under_way(text: str) -> tuple[int, int, StatusMatch] | None:
    """The clause of an account that tells work under way (围墙修缮工程正在施工): in progress."""
    for clause in _CLAUSE_OF.finditer(text):
        if UNDER_WAY.search(clause.group(0)):
            return clause.start(), clause.end(), StatusMatch(Status.IN_PROGRESS, False)
    return None


def take_account(finding: Problem, start: int, end: int, marker: str, builder: Builder) -> None:
    """``finding`` takes the text ``[start, end)`` (an item of the second list, its
    ``marker`` left out) as its actions, and the status it states."""
    text = builder.textmap.text
    told = text[start:end]
    for cut in (i for i, ch in enumerate(told) if ch == "\n"):
        if tallies_findings(told[cut + 1 :].split("\n", 1)[0], 2, builder.profile):
            told = told[:cut]  # the report's tally after the last account, no part of it
            break
    lead = told.find(marker) + len(marker) if marker and marker in told else 0
    body = told[lead:].strip().rstrip("；;。")
    at = start + told.find(body, lead)
    finding.actions = body
    finding.sources["actions"] = Provenance(**builder.prov_data(at, at + len(body)))
    if not finding.measures:
        # 1.针对第1个问题。一是…；二是…。: the account's own list of measures
        finding.measures = measure_models(measures_in(Spans([(at, body)]), builder))
    said = status_sentence(body, builder.profile) or _under_way(body)
    if said is not None:
        s, e, match = said
        finding.status, finding.long_term = match.status, match.long_term
        finding.status_raw = body[s:e]
        finding.sources["status"] = Provenance(**builder.prov_data(at + s, at + e))


# A part that gives the accounts of the findings listed in the part before it.
ACCOUNTS_PART = compile_pattern(
    r"^(?:问题)?(?:的)?(?:整改|落实)(?:措施|情况|结果|进展|落实情况)(?:落实情况|落实|执行情况)?"
    r"(?:及(?:成效|结果|情况))?$"
)


# A sentence about all the findings, run on after the last account (…已联系交警修复。某中学对于
# 检查中出现的问题已整改，请复查指导！).
_ABOUT_ALL = compile_pattern(rf"{ALL_FINDINGS}(?P<said>[^，,；;。！!\n]*)")


def _share_said_of_all(findings: Sequence[Problem], last: Section, builder: Builder) -> None:
    """The status a sentence about all the findings states, after the last account, given to
    each finding whose own account states none."""
    start, end = last.provenance.start, last.provenance.end
    said = _ABOUT_ALL.search(builder.textmap.text, start, end)
    if said is None:
        return
    match = normalise_status(said.group("said"), builder.profile)
    if match is None:
        return
    s, e = said.start("said"), said.end("said")
    for finding in findings:
        if finding.status is Status.UNKNOWN:
            finding.status, finding.long_term = match.status, match.long_term
            finding.status_raw = builder.textmap.text[s:e].strip()
            finding.sources["status"] = Provenance(**builder.prov_data(s, e))


def pair_parts(sections: Sequence[Section], builder: Builder) -> None:
    """A part of findings (1、… n、, no status stated, no account) and after it a part titled by
    their accounts (二、整改措施) whose items are numbered 1 to at most n: each finding takes the
    item of its number. The parts stay as read; so do the parts within each part."""
    for first, second in pairwise(sections):
        findings, items = first.problems, second.sections
        if (
            first.sections
            or second.problems
            or len(items) < 2
            or len(items) > len(findings)
            or not ACCOUNTS_PART.match(second.title.strip().rstrip("：:"))
        ):
            continue
        if [p.number for p in findings] != [str(n) for n in range(1, len(findings) + 1)]:
            continue
        if [s.number for s in items] != [str(n) for n in range(1, len(items) + 1)]:
            continue
        if any(s.sections or s.problems for s in items):
            continue
        if any(p.status is not Status.UNKNOWN or p.actions for p in findings):
            continue
        for finding, item in zip(findings, items, strict=False):
            take_account(
                finding, item.provenance.start, item.provenance.end, item.marker or "", builder
            )
        _share_said_of_all(findings, items[-1], builder)
    for section in sections:
        pair_parts(section.sections, builder)
