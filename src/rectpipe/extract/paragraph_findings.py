"""Findings told as the first sentence of a paragraph, the rest of the paragraph their account.

``一、关于作风纪律方面`` then ``考勤管理制度执行不严，个别职工迟到早退。所党支部一是启用电子考勤…；
二是…。`` and ``公务用车使用登记不规范。所里重新制定…。``: no number, no label, and no bold
that sets the finding apart (or bold the reader keeps inside the paragraph). Under a part that
names a group of findings (…方面, …问题整改情况), the paragraphs that open its body each open
with a finding and go on with what was done about it: a first sentence that reads as a finding
(a word of shortfall), or one that reads as nothing else (化整为零，规避政府采购程序) beside
such a one or when the paragraph states its status (``该问题已整改完成。``). Each is a
problem: its first sentence the title, the rest its account, whose measures are counted and
whose status sentence is read. The run ends at the first paragraph that is no such finding (a
closing sentence, a signature); up to :data:`MOST_LEADS` paragraphs may come before it (a
lead, a tally of the findings); a lead that counts them all in one state (``问题4项，目前均已
部分整改``) gives each that state.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models.records import PathItem, Problem, Status
from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..structure.unmarked import ASPECT, BULLETS
from ..text.numbering import match_marker
from ..text.wrappers import unwrap
from .builder import Builder, measures_in, problem_of
from .evidence import Evidence, heading_evidence, names_a_group, opens_a_measure
from .spans import Spans
from .status import status_sentence
from .status_tail import long_term_after
from .totals import is_tally, one_state_of_all

__all__ = ["paragraph_findings", "wrapped_paragraph_findings"]

#: The most paragraphs before the first finding (a lead, a tally of the findings).
MOST_LEADS = 2
#: The longest first sentence read as a finding.
FINDING_MAX_CHARS = 80
_FIRST_SENTENCE = compile_pattern(r"[^。！？!?\n]+[。！？!?]")
# A label before a colon opening the line (整改情况：, 【问题】).
_LABELLED = compile_pattern(r"^[^，,。；;]{1,10}[：:∶]|^[【\[［]")
_ASPECT_END = compile_pattern(rf"{ASPECT}\s*[。：:；;]?\s*$")
# A finding named, unquoted, in a paragraph's opening clause (针对仓储物资账实不符的问题，…); the
# quoted form is a wrapper (text/wrappers.py).
_NAMED_FINDING = compile_pattern(
    r"^(?:针对|关于)(?:“(?P<q>[^“”]{4,80})”|(?P<x>[^。；;“”\"「」]{4,60}?))的?问题[，,]\s*"
)
# What names the findings as a whole, not one of them (针对巡察反馈的问题，…; 针对上述问题，…).
_NAMES_THE_FEEDBACK = compile_pattern(
    r"^(?:上述|以上|前述|此类|这些|该|存在的)|(?:巡视|巡察|审计|督察)组?(?:反馈|指出|发现|提出)"
    r"|(?:反馈|指出|发现|提出)的?$"
)


def paragraph_findings(
    ident: str,
    path: list[PathItem],
    builder: Builder,
    heading: str,
    body: Sequence[int],
    *,
    quoted: bool = False,
) -> list[Problem] | None:
    """The problems of a part titled ``heading`` (a group of findings) whose ``body`` blocks
    open with paragraphs that each tell a finding then its account; ``None`` when they do not.
    With ``quoted`` (no finding listed before them), a finding named in quotes in a paragraph's
    opening clause (针对“X”的问题，厅党组…) is one too."""
    profile = builder.profile
    if not names_a_group(heading, profile):
        return None
    if "问题" not in heading and not _ASPECT_END.search(heading):
        return None  # 二、整改落实情况: a part of the work done, no group of findings
    textmap = builder.textmap
    found: list[tuple[int, str, str, int]] = []  # (start, finding, account, account start)
    plain = False
    leads: list[str] = []
    for index in body:
        if textmap.blocks[index].kind is BlockKind.TABLE:
            break
        text = textmap.block_text(index)
        if not text.strip():
            continue
        # (a paragraph naming several findings was cut at each by the text's repair,
        # text/line_breaks.py)
        read = _finding_paragraph(text, builder, quoted=quoted)
        if read is None:
            if found or len(leads) == MOST_LEADS:
                break
            leads.append(text)  # a lead before the findings (反馈问题5个，已完成整改4个…)
            continue
        finding, account_at, told = read
        plain = plain or told
        start = textmap.starts[index]
        found.append((start, finding, text[account_at:].strip(), start + account_at))
    if not plain:  # (a finding worded neutrally is one beside one told plainly)
        return None
    problems = [
        _problem(f"p{ident}-{number}", path, builder, *item) for number, item in enumerate(found, 1)
    ]
    for lead in leads:
        every = one_state_of_all(lead, len(problems), builder.profile)
        if every is not None:  # the lead's count of them all decides (as _lead_states does)
            for problem in (p for p in problems if p.status is not every):
                problem.status, problem.status_raw = every, lead.strip()
                problem.long_term = every is Status.ONGOING or (
                    problem.long_term and every is Status.COMPLETED
                )
            break
    return problems


_WRAPPER_OPENINGS = ("关于", "针对")


def wrapped_paragraph_findings(body: Sequence[int], builder: Builder) -> list[Problem] | None:
    """A text with no numbered item whose paragraphs open with a finding wrapped
    (``关于“湾区保护统筹不够”问题的整改。一是…；二是…。该问题已完成整改。``): each such
    paragraph a problem, the wrapped finding its title, the rest its account. ``None`` unless
    two or more do; other paragraphs (the lead, the close) are no part of them."""
    textmap = builder.textmap
    found: list[tuple[int, str, str, int]] = []
    for index in body:
        if textmap.blocks[index].kind is BlockKind.TABLE:
            continue
        text = textmap.block_text(index)
        first = _FIRST_SENTENCE.match(text.strip())
        if first is None or match_marker(text) is not None:
            continue
        lead = len(text) - len(text.lstrip())
        sentence = first.group(0).rstrip("。！？!?").strip()
        # (关于“X”问题的整改, 针对“X”的问题: the formula, not a quote that opens a news item)
        wrapped = unwrap(sentence) if sentence.startswith(_WRAPPER_OPENINGS) else None
        if wrapped is None:
            continue
        inner = _FIRST_SENTENCE.match(
            sentence[wrapped.inner_start : wrapped.inner_end].strip() + "。"
        )
        title = inner.group(0).rstrip("。") if inner is not None else ""
        account_at = lead + first.end()
        account = text[account_at:].strip()
        if len(title) < 4 or not account:
            continue
        if (
            heading_evidence(title, builder.profile) is not Evidence.FINDING
            and status_sentence(account, builder.profile) is None
        ):
            continue  # neither a finding in so many words nor a finding's account
        start = textmap.starts[index]
        found.append((start, title, account, start + account_at + text[account_at:].find(account)))
    if len(found) < 2:
        return None
    return [_problem(f"p0-{n}", [], builder, *item) for n, item in enumerate(found, 1)]


_FIELD_BEFORE = compile_pattern(r"^在[^，,。；;]{2,20}方面[，,]\s*(?=针对|关于)")


def _field_before(text: str) -> str:
    """The field a paragraph names before the finding it names (在就业服务方面，针对…)."""
    found = _FIELD_BEFORE.match(text)
    return found.group(0) if found is not None else ""


def _finding_paragraph(
    text: str, builder: Builder, *, quoted: bool = False
) -> tuple[str, int, bool] | None:
    """The finding (the first sentence, its stop dropped) of a paragraph that may tell one,
    where its account starts, and whether it is told plainly (a word of shortfall in the
    finding, or a status in the account); ``None`` for a paragraph that reads as anything
    else (a measure, organising work, a group's name) or has no account. A finding named in
    the opening clause (针对X的问题，…) is that finding; named in quotes, only when ``quoted``."""
    first = _FIRST_SENTENCE.match(text.strip())
    lead = len(text) - len(text.lstrip())
    if first is None or match_marker(text) is not None:
        return None
    finding = first.group(0).rstrip("。！？!?").strip().lstrip(BULLETS).strip()
    if _LABELLED.match(finding):
        return None  # 整改情况：…, 存在问题：一是…: a labelled line, an account or a list
    account_at = lead + first.end()
    named = _NAMED_FINDING.match(finding.removeprefix(_field_before(finding)))
    if named is not None and named.group("q") and not quoted:
        named = None  # 针对“X”问题，…已整改。 after the findings were listed: an account of one
    if named is not None and not _NAMES_THE_FEEDBACK.search(named.group("x") or ""):
        # 针对仓储物资账实不符的问题，集团党委…: the finding the clause names, the rest the account
        finding = named.group("q") or named.group("x")
        account_at = lead + text.lstrip().find(named.group(0)) + len(named.group(0))
    account = text[account_at:].strip()
    if not account or not 4 <= len(finding) <= FINDING_MAX_CHARS:
        return None
    profile = builder.profile
    if opens_a_measure(finding, profile) or is_tally(finding, profile):
        return None  # (审计工作报告反映…问题58个，涉及金额…: a tally, no finding)
    evidence = heading_evidence(finding, profile)
    if evidence is Evidence.FINDING:
        return finding, account_at, True
    if evidence is Evidence.NEUTRAL:
        return finding, account_at, status_sentence(account, profile) is not None
    return None


def _problem(
    ident: str,
    path: list[PathItem],
    builder: Builder,
    start: int,
    finding: str,
    account: str,
    account_start: int,
) -> Problem:
    profile = builder.profile
    stated = status_sentence(account, profile)
    status, status_raw, long_term = Status.UNKNOWN, None, False
    if stated is not None:
        low, high, match = stated
        status, long_term = match.status, long_term_after(account, high, match, profile)
        status_raw = account[low:high].strip()
    actions = Spans([(account_start, account)])
    title_at = builder.textmap.text.index(finding, start, account_start)
    sources: dict[str, dict[str, Any]] = {
        "title": builder.prov_data(title_at, title_at + len(finding)),
        "actions": builder.prov_data(account_start, account_start + len(account)),
    }
    return problem_of(
        # no marker, so no number (samples/FACTS.md)
        id=builder.unique(ident),
        number=None,
        marker=None,
        path=path,
        title=finding,
        description="",
        status=status,
        status_raw=status_raw,
        long_term=long_term,
        actions=account,
        measures=measures_in(actions, builder),
        responsible=None,
        deadline=None,
        heading=None,
        provenance=builder.prov_data(title_at, account_start + len(account)),
        sources=sources,
    )
