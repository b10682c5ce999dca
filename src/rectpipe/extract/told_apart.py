"""Statuses told apart from their problems, in a later part that names each by its title.

An audit result notice (审计结果公告) lists its findings under 三、审计发现的主要问题 and tells
what became of them in a part of its own, one paragraph a finding:
``针对“超预算列支培训费”问题，学校已补办预算调整手续，已整改。`` Such a paragraph, outside
every problem, that quotes a problem's title exactly gives that problem its status when the
problem states none itself: the sentence or clause of the paragraph that states one
(:func:`~rectpipe.extract.status.status_sentence`).

A short notice may instead refer to its findings by their place in the list:
``目前第一项、第二项、第四项问题已经整改完成，第三项问题持续整改跟踪中。`` Each clause of such a
paragraph that opens with ``第N项`` references and goes on with a status phrase gives that status
to the problems numbered N, when the problems' numbers are unique (one flat list). Such a
paragraph after the last item, naming several items, is read even where it was taken into the
last problem's body.

Or it gives them by exception: ``除第三个问题正在补办用地手续外，其余4个问题已全部整改到位``. The
problems named after 除 take the status of their own clause (a phrase of the vocabulary, or
正在/仍在 + a verb: in progress), every other problem the status of the remainder, when the
remainder's count, if given, is the number of the other problems.

Or it says all are done: ``截至目前，已全部完成整改``, ``反馈的21个问题已全部整改到位``. A clause
outside every problem that says so in the past (已全部, 均已) of all of them (no count, or the
count of the problems found; not 其中…) gives the problems without a status of their own the
completed status, when none of the others states another.

Or a sentence outside every problem says one state of all the findings (对审计发现的问题，被
审计单位已采取措施并正在整改中; 上述问题正在整改中), no problem stating one itself: each takes it.

Or its stated totals count them all done: ``问题2项…已完成整改合计2项`` (the completed count the
number of problems found, the problem count, if stated, too, and no other state counted): the
problems without a status take the completed one, from the sentence of the totals.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection

from ..models.records import Problem, StatedTotals, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..text.numbering import ordinal_value
from ..text.textmap import TextMap
from .about_all import ALL_FINDINGS
from .status import (
    PLAN_CLAUSE,
    StatusMatch,
    lead_status,
    normalise_status,
    status_phrase,
    status_sentence,
)

__all__ = [
    "statuses_by_exception",
    "statuses_by_lead",
    "statuses_by_ordinal",
    "statuses_of_all",
    "statuses_of_tally",
    "statuses_said_of_all",
    "statuses_told_apart",
]

_CLAUSE = compile_pattern(r"[^，,；;。]+")
_ORD = r"[0-9０-９一二三四五六七八九十]{1,3}"
# 第一项、第二项问题 (第 before each number), 第1、2、4、5个问题 (one 第 before a list), or
# 第1、3项 (a list of 项 without the word for them).
_ORDINAL_REFS = compile_pattern(
    r"^\s*(?:目前|截至目前|其中|现)?[，,]?\s*(?P<refs>"
    rf"(?:第{_ORD}项[、和及与]?)+|第{_ORD}(?:[、和及与]{_ORD})+项"
    rf"|第{_ORD}(?:[、和及与]{_ORD})*[个项条](?=问题|事项)"
    r")(?:问题|事项)?"
)
_ONE_REF = compile_pattern(r"第(?P<n>[0-9０-９一二三四五六七八九十]{1,3})项")
_REF_NUMBER = compile_pattern(_ORD)
_NAMED = compile_pattern(r"^\s*(?:针对|关于|对于|对)“(?P<title>[^“”]{4,120})”(?:的)?问题")


def _inside(problems: list[Problem], offset: int) -> bool:
    spans = sorted((p.provenance.start, p.provenance.end) for p in problems)
    k = bisect_right([s for s, _ in spans], offset) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def statuses_told_apart(problems: list[Problem], textmap: TextMap, profile: Profile) -> None:
    """Give each problem without a status the one a later paragraph naming it states."""
    waiting = {p.title.rstrip("。；;"): p for p in problems if p.status is Status.UNKNOWN}
    if not waiting:
        return
    for index in range(len(textmap.blocks)):
        text = textmap.block_text(index)
        named = _NAMED.match(text)
        if named is None:
            continue
        problem = waiting.get(named.group("title").rstrip("。；;"))
        start = textmap.starts[index]
        if problem is None or _inside(problems, start):
            continue
        rest = named.end()
        found = status_sentence(text[rest:], profile)
        if found is None:
            continue
        s, e, match = found
        problem.status, problem.long_term = match.status, match.long_term
        problem.status_raw = text[rest + s : rest + e]
        problem.sources["status"] = textmap.provenance(start + rest + s, start + rest + e)
        del waiting[named.group("title").rstrip("。；;")]


def _group_before(ordered: list[Problem], offset: int) -> list[Problem]:
    """The problems of the group (the same path) of the last problem that starts before
    ``offset``; none when no problem does."""
    before = [p for p in ordered if p.provenance.start < offset]
    if not before:
        return []
    path = [item.title for item in before[-1].path]
    return [p for p in ordered if [item.title for item in p.path] == path]


def statuses_by_ordinal(problems: list[Problem], textmap: TextMap, profile: Profile) -> None:
    """Give problems without a status the one a paragraph outside them states for ``第N项``
    (the N-th in the text when no problem has a number)."""
    if not any(p.status is Status.UNKNOWN for p in problems):
        return
    ordered = sorted(problems, key=lambda p: p.provenance.start)
    if all(p.number is None for p in problems):
        # records with no number (存在问题：… 整改情况：… ×3, then 第一个问题已整改到位，…): 第N个
        # names the N-th in the text
        named_by_place = {id(p): str(n) for n, p in enumerate(ordered, 1)}
    else:
        named_by_place = {}

    def number_of(problem: Problem) -> str | None:
        return named_by_place.get(id(problem), problem.number)

    numbers = [number_of(p) for p in problems]
    restarts = len(set(numbers)) != len(numbers)
    for index in range(len(textmap.blocks)):
        text = textmap.block_text(index)
        if "第" not in text or not any(unit in text for unit in "项个条"):
            continue
        start = textmap.starts[index]
        # numbering that restarts in each group: 第N项 names the group's N-th, the group of
        # the problem the paragraph closes
        group = _group_before(ordered, start) if restarts else problems
        numbered = [number_of(p) for p in group]
        if not group or len(set(numbered)) != len(numbered):
            continue
        waiting = {number_of(p): p for p in group if p.status is Status.UNKNOWN}
        if not waiting:
            continue
        named = {
            n.group(0)
            for clause in _CLAUSE.finditer(text)
            if (refs := _ORDINAL_REFS.match(clause.group(0))) is not None
            for n in _REF_NUMBER.finditer(refs.group("refs"))
        } | {m.group("n") for m in _ONE_REF.finditer(text)}
        if len(named) < 2 and _inside(problems, start):
            continue  # one item named from inside a problem: that problem's own business
        if restarts and not {str(ordinal_value(n)) for n in named} <= set(numbered):
            continue  # items the group has not: the sentence speaks of another list
        for clause in _CLAUSE.finditer(text):
            refs = _ORDINAL_REFS.match(clause.group(0))
            if refs is None:
                continue
            rest_at = clause.start() + refs.end()
            rest = text[rest_at : clause.end()]
            match = status_phrase(rest.strip(), profile)
            if match is None and PLAN_CLAUSE.match(rest.strip()):
                # 第3、4项计划2025年12月底前完成: to be done, so under way
                match = normalise_status(rest.strip(), profile)
            if match is None:
                continue
            lead = len(rest) - len(rest.lstrip())
            s, e = rest_at + lead, rest_at + len(rest.rstrip())
            for ref in _REF_NUMBER.finditer(refs.group("refs")):
                ordinal = ordinal_value(ref.group(0))
                problem = waiting.pop(str(ordinal), None)
                if problem is None:
                    continue
                problem.status, problem.long_term = match.status, match.long_term
                problem.status_raw = text[s:e]
                problem.sources["status"] = textmap.provenance(start + s, start + e)


_N = r"[0-9０-９一二三四五六七八九十]{1,3}"
_EXCEPT = compile_pattern(
    rf"除(?:了)?\s*(?P<refs>(?:第{_N}[个项条][、和及与]?)+)(?:问题)?(?P<own>[^，,；;。]*?)外\s*[，,]?"
    rf"\s*其余(?:(?P<count>{_N})[个项条])?(?:问题)?(?P<rest>[^，,；;。]+)"
)
_EXCEPT_REF = compile_pattern(rf"第(?P<n>{_N})[个项条]")
_UNDER_WAY = ("正在", "仍在")


def statuses_by_exception(problems: list[Problem], textmap: TextMap, profile: Profile) -> None:
    """Give problems without a status the ones a paragraph outside them states by exception
    (除第三个问题正在…外，其余4个问题已全部整改到位), when the problems that state a status of
    their own state the one the paragraph gives them."""
    numbers = [p.number for p in problems]
    if not problems or len(set(numbers)) != len(numbers):
        return
    if all(p.status is not Status.UNKNOWN for p in problems):
        return
    for index in range(len(textmap.blocks)):
        text = textmap.block_text(index)
        start = textmap.starts[index]
        if "除" not in text or "其余" not in text or _inside(problems, start):
            continue
        found = _EXCEPT.search(text)
        if found is None:
            continue
        named = {str(ordinal_value(r.group("n"))) for r in _EXCEPT_REF.finditer(found["refs"])}
        others = [p for p in problems if p.number not in named]
        count = found["count"]
        if not named <= set(numbers) or (count and ordinal_value(count) != len(others)):
            continue
        rest = status_phrase(found["rest"].strip(), profile)
        own_text = found["own"].strip()
        own = normalise_status(own_text, profile) if own_text else None
        if own is None and own_text.startswith(_UNDER_WAY):
            own = StatusMatch(Status.IN_PROGRESS, False)
        if rest is None or own is None:
            continue
        given = {p.number: own if p.number in named else rest for p in problems}
        if any(
            p.status is not Status.UNKNOWN and p.status is not given[p.number].status
            for p in problems
        ):
            continue  # an item says otherwise: the paragraph is not read over it
        for problem in problems:
            if problem.status is not Status.UNKNOWN:
                continue
            match, span = (own, "own") if problem.number in named else (rest, "rest")
            s, e = found.span(span)
            s += len(text[s:e]) - len(text[s:e].lstrip())  # the source holds the raw value
            e -= len(text[s:e]) - len(text[s:e].rstrip())
            problem.status, problem.long_term = match.status, match.long_term
            problem.status_raw = text[s:e]
            problem.sources["status"] = textmap.provenance(start + s, start + e)
        return


# A clause saying every problem is done: 已全部完成整改, 均已整改到位, 全部已销号.
_ALL_DONE = compile_pattern(
    r"(?:已全部|全部已|均已|都已)\s*(?:完成整改|整改完成|整改到位|整改落实到位|销号)"
    r"(?!回访|方案|计划)"  # 已全部完成整改回访: a visit after the work, not the work
)
# A clause about some of them, or a plan (其中…, 确保…全部整改到位).
_SOME_OR_PLANNED = compile_pattern(r"其中|部分|个别|立行立改|确保|力争|推动|推进|计划|拟")
_COUNTED = compile_pattern(r"(?P<n>[0-9]{1,4}|[一二三四五六七八九十百]{1,5})\s*[个项条]")


def statuses_of_all(
    problems: list[Problem],
    textmap: TextMap,
    profile: Profile,
    group_tallies: Collection[int] = (),
) -> None:
    """Give problems without a status the completed one a clause outside them states of all
    (截至目前，已全部完成整改), when no problem states another; a block that tallies one
    group's findings (``group_tallies``, a part's lead) speaks of that group only."""
    waiting = [p for p in problems if p.status is Status.UNKNOWN]
    if not waiting or any(
        p.status is not Status.UNKNOWN and p.status is not Status.COMPLETED for p in problems
    ):
        return
    for index in range(len(textmap.blocks)):
        text = textmap.block_text(index)
        start = textmap.starts[index]
        if (
            ("全部" not in text and "均已" not in text and "都已" not in text)
            or index in group_tallies
            or _inside(problems, start)
        ):
            continue
        for clause in _CLAUSE.finditer(text):
            said = _ALL_DONE.search(clause.group(0))
            if said is None:
                continue
            # what the sentence says before it, up to the phrase: 立行立改事项14项，目前已全部…
            # speaks of some matters, not of the findings
            lead = text[text.rfind("。", 0, clause.start()) + 1 : clause.start() + said.start()]
            if _SOME_OR_PLANNED.search(lead) or _SOME_OR_PLANNED.search(clause.group(0)):
                continue
            counts = list(_COUNTED.finditer(lead))
            if counts and ordinal_value(counts[-1].group("n")) != len(problems):
                continue
            s, e = clause.start() + said.start(), clause.start() + said.end()
            for problem in waiting:
                problem.status, problem.long_term = Status.COMPLETED, False
                problem.status_raw = text[s:e]
                problem.sources["status"] = textmap.provenance(start + s, start + e)
            return


def statuses_by_lead(problems: list[Problem], textmap: TextMap, profile: Profile) -> None:
    """Give the problems after a line that states their status (以下2个问题尚未整改：) that
    status, up to the next such line or the end of their group, unless a problem states its
    own: the line overrides the status of the group's heading (二、正在整改和未整改的问题)."""
    if not problems:
        return
    leads = [
        (textmap.starts[index], textmap.block_end(index), match)
        for index in range(len(textmap.blocks))
        if "以下" in (text := textmap.block_text(index)) or "下列" in text
        if (match := lead_status(text, profile)) is not None
    ]
    for k, (start, end, match) in enumerate(leads):
        stop = leads[k + 1][0] if k + 1 < len(leads) else len(textmap.text)
        after = [p for p in problems if end <= p.provenance.start < stop]
        if not after:
            continue
        group = [x.title for x in after[0].path]
        for problem in after:
            if [x.title for x in problem.path] != group:
                break
            told = problem.sources.get("status")
            if told is not None and told.start >= problem.provenance.start:
                continue  # the problem's own status
            problem.status, problem.long_term = match.status, match.long_term
            problem.status_raw = textmap.text[start:end].strip()
            problem.sources["status"] = textmap.provenance(start, end)


def statuses_of_tally(problems: list[Problem], stated: StatedTotals | None) -> bool:
    """Give problems without a status the completed one when ``stated`` counts every problem
    found as done and no other state, and no problem states another; whether any was given."""
    waiting = [p for p in problems if p.status is Status.UNKNOWN]
    if (
        stated is None
        or not waiting
        or stated.completed != len(problems)
        or stated.problems not in (None, len(problems))
        or any(
            stated_count
            for stated_count in (
                stated.partially_completed,
                stated.in_progress,
                stated.not_completed,
                stated.ongoing,
            )
        )
        or any(p.status not in (Status.UNKNOWN, Status.COMPLETED) for p in problems)
    ):
        return False
    for problem in waiting:
        problem.status, problem.long_term = Status.COMPLETED, False
        problem.status_raw = stated.raw
        problem.sources["status"] = stated.provenance
    return True


# A sentence that opens on all the findings (对上述问题，…; 审计发现的问题已…), what it says after.
_OF_ALL = compile_pattern(
    rf"^\s*(?:(?:对|针对|对于)\s*)?{ALL_FINDINGS}[，,]?(?P<said>[^。；;！!]*)"
)
_SENTENCE = compile_pattern(r"[^。；;！!\n]+")
_SOME = compile_pattern(r"其中|部分|个别|少数|大部分|多数|其余|剩余|其他|另有")


def statuses_said_of_all(
    problems: list[Problem],
    textmap: TextMap,
    profile: Profile,
    group_tallies: Collection[int] = (),
) -> None:
    """Give every problem the status a sentence outside them says of all the findings, when
    none states one itself and the sentence counts no other number of them."""
    if not problems or any(p.status is not Status.UNKNOWN for p in problems):
        return
    for index in range(len(textmap.blocks)):
        text = textmap.block_text(index)
        start = textmap.starts[index]
        if index in group_tallies or _inside(problems, start) or "问题" not in text:
            continue
        for sentence in _SENTENCE.finditer(text):
            said = _OF_ALL.match(sentence.group(0))
            if said is None:
                continue
            counts = list(_COUNTED.finditer(sentence.group(0), 0, said.start("said")))
            if counts and ordinal_value(counts[-1].group("n")) != len(problems):
                continue
            rest = said.group("said").strip()
            if not rest or _SOME.search(rest) or _COUNTED.search(rest):
                continue  # (其中部分已整改完成, 已整改2个，其余问题正在整改中: some of them)
            match = normalise_status(rest, profile)
            if match is None:
                continue
            s = sentence.start() + said.start("said")
            e = sentence.start() + said.end("said")
            for problem in problems:
                problem.status, problem.long_term = match.status, match.long_term
                problem.status_raw = text[s:e].strip()
                problem.sources["status"] = textmap.provenance(start + s, start + e)
            return
