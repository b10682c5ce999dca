"""Findings listed as ``一是…；二是…`` after a findings label inside a category item.

``（一）党建工作方面`` then ``存在问题：一是<finding>；二是<finding>。`` (inline, or one
``一是`` per line), then ``整改情况：…`` and a sentence giving the status of the category's findings
(``目前，以上2个问题已整改完成。`` or ``第一个问题正在整改，第二个问题已整改完成。``). The
``一是`` clauses are the problems and the item is their category: without the label, ``一是``
items are measures or organisational steps and stay out (docs/shapes.md §10 rule 7).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..models.records import PathItem, Problem, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, compile_re, escape
from ..structure.unmarked import names_findings_told
from ..text.numbering import cn_to_int
from .builder import Builder, drop_status_from, measures_in, problem_of
from .spans import Spans
from .status import StatusMatch, normalise_status, status_sentence

if TYPE_CHECKING:
    import regex

__all__ = ["clause_findings"]


@lru_cache(maxsize=8)
def _labels(profile: Profile) -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    """The profile's findings labels (存在问题：, 巡察反馈：…), and the actions and status labels
    that end their list (整改情况：, 整改结果：…), each at the start of a line or after a sentence;
    ``None`` when the profile has no findings labels."""
    if not profile.findings_labels:
        return None
    ending = sorted(
        {*profile.labels.get("actions", ()), *profile.labels.get("status", ())},
        key=lambda s: (-len(s), s),
    )

    def at_line_start(words: Sequence[str]) -> regex.Pattern[str]:
        alternation = "|".join(escape(w) for w in words)
        return compile_pattern(rf"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:{alternation})[ \t]*[：:]")

    return at_line_start(profile.findings_labels), at_line_start(ending)


_CLAUSE = compile_pattern(
    r"(?:^|(?<=[\n：:；;。]))[ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,2})是"
)
_ORDINAL = compile_pattern(r"第(?P<num>[一二三四五六七八九十]{1,2})个问题(?P<said>[^，,；;。\n]*)")
_ALL = compile_pattern(r"(?:以上|上述)(?:[0-9一二三四五六七八九十]+个)?问题(?P<said>[^；;。\n]*)")
_TRIM = " \t\u3000\n；;。，,"


def clause_findings(
    ident: str,
    path: list[PathItem],
    builder: Builder,
    start: int,
    end: int,
    head_end: int | None = None,
    *,
    inline: bool = False,
) -> list[Problem] | None:
    """The problems of a category item whose text (``start``–``end``) lists its findings as
    ``一是…二是…`` after a findings label, or under a heading (ending at ``head_end``) that
    names the findings told (审计发现的主要问题, 党的建设方面存在的问题); ``None`` when it does
    not. ``ident`` is the item's place in the tree (``2-1``), which the problems' ids extend.
    With ``inline``, a paragraph that announces the findings and runs them on after its colon
    (…存在以下问题：一是X。二是Y。) lists them too (a text with no numbered item)."""
    text = builder.textmap.text
    segment = text[start:end]
    listed = _after_label(segment, builder.profile)
    if listed is None and head_end is not None:
        listed = _under_heading(segment, head_end - start, builder.profile)
    if listed is None:
        listed = _after_lead(segment)
    if listed is None and inline:
        listed = _inline_after_lead(segment)
    if listed is None:
        return None
    clauses, stop, own = listed
    ends = [m.start() for m in clauses[1:]] + [stop]
    titles = [_first_sentence(segment[m.end() : e]) for m, e in zip(clauses, ends, strict=True)]
    if not all(titles):
        return None
    accounts = (
        [_account(segment, m.end(), e, builder.profile) for m, e in zip(clauses, ends, strict=True)]
        if own
        else None
    )
    statuses = _own_statuses(segment, clauses, ends, builder) if own else None
    if statuses is None:
        statuses = _statuses(segment[stop:], len(clauses), builder)
        statuses = [(m, stop + s, stop + e) for m, s, e in statuses]
    problems: list[Problem] = []
    for index, clause in enumerate(clauses):
        body_start, body_end, title = clause.end(), ends[index], titles[index]
        lead = segment[body_start:body_end].find(title)
        t_start = start + body_start + lead
        match, s_start, s_end = statuses[index]
        sources: dict[str, dict[str, Any]] = {
            "title": builder.prov_data(t_start, t_start + len(title))
        }
        status, status_raw, long_term = Status.UNKNOWN, None, False
        if match is not None:
            status, long_term = match.status, match.long_term
            status_raw = text[start + s_start : start + s_end]
            sources["status"] = builder.prov_data(start + s_start, start + s_end)
        number = str(index + 1)
        description, actions, at = accounts[index] if accounts is not None else ("", "", 0)
        measures: list[dict[str, Any]] = []
        if actions:
            # 整改情况：（1）…；（2）…。该问题已完成整改。: the account's measures, its closing
            # status sentence not part of the last
            measures = measures_in(Spans([(start + at, actions)]), builder)
            if measures and status_raw is not None and "status" in sources:
                drop_status_from(measures[-1], status_raw, sources["status"]["start"], builder)
        problems.append(
            problem_of(
                id=builder.unique(f"p{ident}-{number}"),
                number=number,
                marker=clause.group("num") + "是",
                path=path,
                title=title,
                description=description,
                status=status,
                status_raw=status_raw,
                long_term=long_term,
                actions=actions,
                measures=measures,
                responsible=None,
                deadline=None,
                heading=None,
                provenance=builder.prov_data(start + clause.start(), start + body_end),
                sources=sources,
            )
        )
    return problems


_Listed = tuple[list["regex.Match[str]"], int, bool]
"""The clauses, where their list stops in the segment, and whether each clause holds its own
account (its status is read inside it)."""


def _numbered_run(clauses: list[regex.Match[str]], least: int = 2) -> bool:
    numbers = [cn_to_int(m.group("num")) for m in clauses]
    return len(clauses) >= least and numbers == list(range(1, len(clauses) + 1))


def _after_label(segment: str, profile: Profile) -> _Listed | None:
    """存在问题：一是…；二是… up to the actions or status label that ends the list."""
    labels = _labels(profile)
    if labels is None:
        return None
    findings_label, next_label = labels
    label = findings_label.search(segment)
    if label is None:
        return None
    nxt = next_label.search(segment, label.end())
    stop = nxt.start() if nxt is not None else len(segment)
    clauses = list(_CLAUSE.finditer(segment, label.end(), stop))
    return (clauses, stop, False) if _numbered_run(clauses) else None


def _under_heading(segment: str, head_end: int, profile: Profile) -> _Listed | None:
    """一是… paragraphs under a heading that names the findings told, to the item's end: each
    clause opening its own line (and holding its own account, 整改情况：…), or, when no label
    follows, run in one paragraph (一是X。二是Y。)."""
    if not names_findings_told(segment[:head_end].strip()):
        return None
    clauses = list(_CLAUSE.finditer(segment, head_end))
    own_lines = [m for m in clauses if m.start() == 0 or segment[m.start() - 1] == "\n"]
    if _numbered_run(own_lines):
        return own_lines, len(segment), True
    labels = _labels(profile)
    if labels is None or not labels[1].search(segment, head_end):
        # no account beside them: run on in one paragraph (一是X。二是Y。), or a lone 一是;
        # after a sentence of its own (老旧小区改造推进缓慢。成立专班。一是…) they are that
        # finding's measures
        if _SENTENCE_BEFORE.search(segment, head_end, clauses[0].start() if clauses else head_end):
            return None
        return (clauses, len(segment), True) if _numbered_run(clauses, least=1) else None
    # a lone 一是 line with its own account (一是X。整改情况：…); 一是 clauses inside an account
    # are its measures, not findings
    lone = len(clauses) == 1 and own_lines == clauses and _numbered_run(clauses, least=1)
    return (own_lines, len(segment), True) if lone else None


# A sentence's end between a heading and its first 一是.
_SENTENCE_BEFORE = compile_re(r"[。！？!?]")

# 一是 opening a line: what a list of findings after a lead needs (stdlib ``re``, scanned in C).
_FIRST_OWN_LINE = compile_re(r"(?:^|\n)[ \t\u3000]*一是")
# A line that announces the findings listed after it (…仍然存在一些问题，主要表现在：, 发现以下
# 问题：): it ends with a colon, and speaks of problems or of how they show (not 针对上述问题，
# 采取以下措施：, which announces measures).
_NOT_FINDINGS = r"措施|举措|针对|做法|整改如下|整改情况"  # words of a lead that announces measures
_FINDINGS_SAID = (
    r"(?:存在|发现|指出|反馈|查出|梳理出)[^。\n]{0,10}(?:问题|不足)[^。\n，,]{0,8}[：:]"
)
_FINDINGS_LEAD = compile_pattern(
    rf"^(?!.*(?:{_NOT_FINDINGS})).*(?:{_FINDINGS_SAID}|(?:主要)?表现(?:在|为)[：:])\s*$"
)


def _after_lead(segment: str) -> _Listed | None:
    """一是… lines right after a line that announces the findings (主要表现在：): each line a
    finding, holding its own account if it has one. 一是 lines after anything else are
    measures or steps and stay out."""
    if _FIRST_OWN_LINE.search(segment) is None:
        return None  # (most items: no 一是 opening a line of their own)
    clauses = list(_CLAUSE.finditer(segment))
    own_lines = [m for m in clauses if m.start() == 0 or segment[m.start() - 1] == "\n"]
    if not own_lines or not _numbered_run(own_lines):
        return None
    before = segment[: own_lines[0].start()].rstrip("\n")
    lead = before[before.rfind("\n") + 1 :]
    return (own_lines, len(segment), True) if _FINDINGS_LEAD.search(lead) else None


# A sentence that announces the findings and runs them on after its colon (督查发现以下问题：
# 一是…, 巡察指出存在如下不足：一是…): not one that announces measures.
_INLINE_LEAD = compile_pattern(
    rf"(?:^|(?<=[\n。；;]))(?P<lead>(?:(?!{_NOT_FINDINGS})[^。\n；;])*?{_FINDINGS_SAID})"
    r"[ \t\u3000]*(?=一是)"
)


def _inline_after_lead(segment: str) -> _Listed | None:
    """一是… clauses run on in the paragraph of a sentence that announces the findings (存在
    以下问题：一是X；二是Y。), to the paragraph's end: each a finding, holding its own account."""
    if "一是" not in segment:
        return None
    for lead in _INLINE_LEAD.finditer(segment):
        end = segment.find("\n", lead.end())
        end = len(segment) if end == -1 else end
        clauses = list(_CLAUSE.finditer(segment, lead.end(), end))
        run = 0  # the clauses numbered from 一 on (a list of measures may follow: 一是… again)
        while run < len(clauses) and cn_to_int(clauses[run].group("num")) == run + 1:
            run += 1
        if run < 2:
            continue
        # the list ends with the sentence of its last clause
        stop = segment.find("。", clauses[run - 1].end(), end)
        return clauses[:run], end if stop == -1 else stop + 1, True
    return None


def _account(segment: str, start: int, end: int, profile: Profile) -> tuple[str, str, int]:
    """A clause's own text after its finding (``segment[start:end]``): what it says of the
    finding, its account after an actions or status label (整改情况：…), and where that
    account starts in ``segment``."""
    at = _after_finding(segment, start, end)
    rest = segment[at:end]
    labels = _labels(profile)
    label = labels[1].search(rest) if labels is not None else None
    if label is None:
        return rest.strip(_TRIM), "", end
    account = rest[label.end() :]
    lead = len(account) - len(account.lstrip(_TRIM))
    return rest[: label.start()].strip(_TRIM), account.strip(_TRIM), at + label.end() + lead


def _after_finding(segment: str, start: int, end: int) -> int:
    """Where a clause's own text after its finding's sentence starts (``segment[start:end]``
    is the clause after its 一是)."""
    cut = min(
        (at for at in map(segment.find, "。；;\n", [start] * 4, [end] * 4) if at != -1), default=end
    )
    return min(cut + 1, end)


def _own_statuses(
    segment: str, clauses: list[regex.Match[str]], ends: list[int], builder: Builder
) -> list[tuple[StatusMatch | None, int, int]] | None:
    """Each clause's status as its own text after the finding states it (一是X。整改情况：…已整改
    完成。), with offsets in the segment; ``None`` when none of them states one."""
    found: list[tuple[StatusMatch | None, int, int]] = []
    for clause, end in zip(clauses, ends, strict=True):
        after = _after_finding(segment, clause.end(), end)
        rest = segment[after:end]
        said = status_sentence(rest.strip(), builder.profile) if rest.strip() else None
        if said is None:
            found.append((None, 0, 0))
            continue
        s, e, match = said
        lead = after + len(rest) - len(rest.lstrip())
        found.append((match, lead + s, lead + e))
    return found if any(m is not None for m, _, _ in found) else None


def _first_sentence(body: str) -> str:
    cut = len(body)
    for mark in "；;。\n":
        at = body.find(mark)
        if at != -1:
            cut = min(cut, at)
    return body[:cut].strip(_TRIM)


def _statuses(
    after: str, count: int, builder: Builder
) -> list[tuple[StatusMatch | None, int, int]]:
    """Each finding's status in the text after the list: by ordinal (第一个问题正在整改), else
    one for all (以上2个问题已整改完成, or a closing status sentence)."""
    profile = builder.profile
    found: list[tuple[StatusMatch | None, int, int]] = [(None, 0, 0)] * count
    for m in _ORDINAL.finditer(after):
        number = cn_to_int(m.group("num"))
        match = normalise_status(m.group("said"), profile)
        if number is not None and 1 <= number <= count and match is not None:
            found[number - 1] = (match, m.start(), m.end())
    if any(match is not None for match, _, _ in found):
        return found
    every = _ALL.search(after)
    if every is not None and (match := normalise_status(every.group("said"), profile)):
        return [(match, every.start(), every.end())] * count
    closing = status_sentence(after.strip(), profile)
    if closing is not None:
        lead = len(after) - len(after.lstrip())
        s, e, match = closing
        return [(match, lead + s, lead + e)] * count
    return found
