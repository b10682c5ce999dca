"""Status phrases → :class:`Status`, through the profile's vocabulary.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

from ..models.records import Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, escape
from ..runtime.record import record
from ..text.sentences import sentences

__all__ = [
    "NEGATIONS",
    "STATUS_FORMS",
    "UNDER_WAY",
    "StatusMatch",
    "all_of_group",
    "by_deadline",
    "group_status",
    "negated",
    "normalise_status",
    "status_phrase",
    "status_sentence",
]

_TRIM = " \t。；;，,.：:！!"


@record
class StatusMatch:
    """The status a raw value states, and whether it says the work goes on long-term."""

    status: Status
    long_term: bool


#: A line that gives the problems after it their status (以下2个问题尚未整改：, 下列问题正在整改：):
#: no part of the problem above it.
STATUS_LEAD = compile_pattern(
    r"^\s*(?:以下|下列)(?:[0-9一二三四五六七八九十两]+[个项条])?(?:问题|事项)?"
    r"(?P<status>[^：:，,。；;]{2,12})[：:]\s*$"
)


def lead_status(text: str, profile: Profile) -> StatusMatch | None:
    """The status a :data:`STATUS_LEAD` line gives the problems after it, or ``None``."""
    lead = STATUS_LEAD.match(text)
    return normalise_status(lead.group("status"), profile) if lead is not None else None


def normalise_status(raw: str, profile: Profile) -> StatusMatch | None:
    """The status a raw value states, or ``None`` when it names none.

    Phrases are found longest first without overlap (so 未完成 is not read as 完成). A value
    that names a completion and a long-term phrase (已经完成，长期坚持) is completed with
    ``long_term``; a long-term phrase alone is ``ongoing``.
    """
    return _normalised(ticked_options(raw).strip(_TRIM), profile)


_CHECKED = "☑☒✔✓■"
_UNCHECKED = "□☐"
_BOXED = compile_pattern(rf"([{_CHECKED}{_UNCHECKED}])\s*([^{_CHECKED}{_UNCHECKED}]*)")


def ticked_options(value: str) -> str:
    """A form's options with boxes before them (``□已完成 ☑正在整改``, a Word checkbox's
    ☒/☐) reduced to the ticked ones (``正在整改``); any other value as it is."""
    if not any(c in value for c in _UNCHECKED) or not any(c in value for c in _CHECKED):
        return value
    ticked = [m.group(2).strip() for m in _BOXED.finditer(value) if m.group(1) in _CHECKED]
    return " ".join(t for t in ticked if t)


@lru_cache(maxsize=4096)
def _normalised(text: str, profile: Profile) -> StatusMatch | None:
    """:func:`normalise_status` of a trimmed value, remembered: reports repeat the same few
    values (完成, 阶段性完成) for every problem. Profiles are immutable and hash by identity."""
    if not text:
        return None
    progress = _PROGRESS_ALONE.match(text)  # 整改进度100% / 完成进度：60% / 100%
    if progress is not None:
        done = float(progress.group("n"))
        if done >= 100:
            return StatusMatch(Status.COMPLETED, False)
        return StatusMatch(Status.IN_PROGRESS if done > 0 else Status.NOT_COMPLETED, False)
    taken = [False] * len(text)
    found: list[tuple[int, Status]] = []
    # the genre's forms first: 计划于年底前完成 holds 完成, and is no completion
    for form, form_status in STATUS_FORMS:
        for told in form.finditer(text):
            if not any(taken[told.start() : told.end()]):
                taken[told.start() : told.end()] = [True] * (told.end() - told.start())
                found.append((told.start(), form_status))
    for phrase, status in profile.status_phrases:
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if not any(taken[start:end]):
                for k in range(start, end):
                    taken[k] = True
                if status in _DONE and negated(text, start):
                    status = Status.NOT_COMPLETED  # 未整改到位, 未办结, 没有完成: not done
                found.append((start, status))
            start = text.find(phrase, end)
    if not found:
        return None
    found.sort()
    statuses = [status for _, status in found]
    long_term = _says_long_term(text, profile) or any(
        status is Status.ONGOING and not _not_yet_long(text, start, profile)
        for start, status in found
    )
    share = _share_done(text)
    if share is not None and share < 100 and statuses[0] is Status.COMPLETED:
        return StatusMatch(Status.IN_PROGRESS, long_term)  # 已完成80%: a share, not the whole
    firm = [s for s in statuses if s is not Status.ONGOING]
    if not firm or _opens_long_term(text, found) or _closes_long_term(text, found):
        return StatusMatch(Status.ONGOING, True)
    return StatusMatch(firm[0], long_term)


# What puts a word that also names the unfinished (持续推进, ``dated_long_term:``) in the future
# (将持续推进, 仍将持续推进) or under way (正在持续推进): no long-term state then.
_NOT_YET_LONG = ("将", "正在", "正")


def _not_yet_long(text: str, start: int, profile: Profile) -> bool:
    """Whether the phrase at ``start`` is one that also names the unfinished (持续推进) and is
    put in the future or under way (将持续推进, 正在持续推进)."""
    return text[:start].endswith(_NOT_YET_LONG) and text.startswith(profile.dated_long_term, start)


def _says_long_term(text: str, profile: Profile) -> bool:
    """Whether ``text`` holds a long-term phrase (长期坚持, 持续整改); 持续推进 only where nothing
    puts it in the future or under way (已取得阶段性成效，将持续推进 is an intention)."""
    for phrase in profile.long_term:
        start = text.find(phrase)
        while start != -1:
            if not _not_yet_long(text, start, profile):
                return True
            start = text.find(phrase, start + 1)
    return False


# Work told finished by its own verb (已清理完毕, 已全部拆除完毕, 已经办理完毕): done, as 整改完毕
# is. Without 已 (尚未清理完毕, 清理完毕后) it tells no state.
_FINISHED = compile_pattern(r"已(?:经)?(?:全部|全面|均)?\p{Han}{2,4}?完毕")
# Work told under way with how it goes (正按计划有序推进, 正在稳步推进, 正抓紧整改, 正在持续推进;
# 正在持续整改 names the long-term work in so many words):
# in progress, however many of the manners are written.
_GOING_ON = compile_pattern(
    r"正(?:在)?(?:按计划|按照计划|按序时|按时序|有序|积极|加快|加紧|稳步|逐步|全力|扎实|抓紧|持续(?=推进)){1,3}"
    r"(?:推进|整改|实施|落实|办理)中?"
)
# The words that put work in the future (计划于…, 确保…, 将在…; not 将 alone, which also marks an
# object: 已将资金缴库): one list for a value's state and for a sentence's completion.
_INTENT = r"计划|预计|拟于?|力争|确保|争取|将于|将在|要在|需在"
# Work to be finished by a time (将在规定时限内整改到位, 计划于2025年底前完成, 预计年底前完成): not
# done yet, under way.
_TO_BE_DONE = compile_pattern(
    rf"(?:{_INTENT})[^，,。；;]{{0,14}}?(?:完成整改|整改到位|整改完成|完成|办结|销号)"
)
# Headway told (取得明显进展, 取得积极进展): under way. (取得阶段性进展 is a stage reached, as
# 取得阶段性成效 is: the profile's partly done.)
_HEADWAY = compile_pattern(r"取得(?:了)?(?:明显|积极|重要|较大)?进展")
# All of them, with the status each states: the genre's grammar of states, beside the
# profile's words.
STATUS_FORMS: tuple[tuple[regex.Pattern[str], Status], ...] = (
    (_FINISHED, Status.COMPLETED),
    (_GOING_ON, Status.IN_PROGRESS),
    (_TO_BE_DONE, Status.IN_PROGRESS),
    (_HEADWAY, Status.IN_PROGRESS),
)
# The forms that make a clause a status phrase of its own (:func:`status_phrase`); a plan with
# its date (计划2025年10月底前完成) states a status as a value, but beside a sentence's own
# status (目前正在整改，计划…) it is the deadline, not the status.
_COVERING_FORMS = (_FINISHED, _GOING_ON, _HEADWAY)


# A word of completion written after a negation (未整改到位, 未办结, 未销号, 没有完成, 未能按期
# 完成, 不能按时完成) says it is not done.
_DONE = frozenset({Status.COMPLETED, Status.PARTIALLY_COMPLETED})
NEGATIONS = ("未", "没有", "没", "尚未", "仍未", "还未", "并未", "均未", "暂未", "未能", "不")
"""Words that, written straight before a word of completion, say it is not done."""
_NEGATED = compile_pattern(
    rf"(?:{'|'.join(sorted(NEGATIONS, key=len, reverse=True))})"
    r"(?:能|按期|按时|全部|完全|彻底|及时)?(?:按期|按时|全部|完全|彻底|及时)?$"
)


def negated(text: str, start: int) -> bool:
    """Whether a negation is written straight before ``text[start:]`` (未|没能|不能按期…), so
    that a word of completion there says the work is not done. One rule for a problem's
    status and for the counts of states a report states."""
    return _NEGATED.search(text, 0, start) is not None


# The share of the work done, as a value states it after a word of completion or progress
# (整改已完成80%, 完成进度：60%, 整改进度100%), within a clause.
_SHARE = compile_pattern(r"(?:完成|进度)[^0-9，,；;。]{0,6}?(?P<n>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]")
# A value that is a progress figure and nothing else (a ledger's 整改进度 cell: 100%).
_PROGRESS_ALONE = compile_pattern(
    r"^(?:(?:整改|完成|工作)?(?:进度|完成率|完成比例)\s*[:：]?\s*(?:已?达到?)?\s*)?"
    r"(?P<n>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]$"
)


def _share_done(text: str) -> float | None:
    """The share of the work a value says is done (:data:`_SHARE`), in per cent."""
    found = _SHARE.search(text)
    return None if found is None else float(found.group("n"))


def _closes_long_term(text: str, found: list[tuple[int, Status]]) -> bool:
    """Work under way that the value closes by calling long-term in a clause of its own
    (正在持续推进中，需长期坚持): long-term work, not a step that will end."""
    cut = max(text.rfind(mark) for mark in "，,；;。")
    if cut == -1:
        return False
    before = [status for at, status in found if at < cut]
    after = [status for at, status in found if at > cut]
    return (
        bool(before)
        and all(status is Status.IN_PROGRESS for status in before)
        and bool(after)
        and all(status is Status.ONGOING for status in after)
    )


_FIRST_CLAUSE = compile_pattern(r"[^，,；;。]+")
_OPENING_CLAUSE_MAX = 8


def _opens_long_term(text: str, found: list[tuple[int, Status]]) -> bool:
    """A value whose short first clause is a long-term phrase alone, the firm status coming
    only in a later clause (长期坚持，本年度清理任务已完成): long-term work whose part so far is
    done, not a completed problem (已完成，长期坚持 is the completed one)."""
    first = _FIRST_CLAUSE.match(text)
    if first is None or first.end() == len(text) or len(first.group(0)) > _OPENING_CLAUSE_MAX:
        return False
    inside = [status for at, status in found if at < first.end()]
    return bool(inside) and all(status is Status.ONGOING for status in inside)


# A date to finish by: a deadline naming a year or a month (2026年12月底前, 12月底), or a plan
# in the item's own words (计划于2025年12月底前完成, 预计2025年8月完成, 力争2026年底前).
_DATED_DEADLINE = compile_pattern(r"\d{4}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月")
_PLANNED = compile_pattern(r"(?:计划|预计|力争|拟|确保|争取)(?:于|在|到)?\s*\d{4}\s*年")


def by_deadline(
    match: StatusMatch, raw: str | None, deadline: str | None, text: str, profile: Profile
) -> StatusMatch:
    """A long-term reading that its item's deadline decides (``dated_long_term:``, 持续推进).

    Reports use 持续推进 both for the long-term group (beside 长期坚持, or with no date at all)
    and for the unfinished group of a split (整改完成 / 基本完成 / 持续推进) whose items have a
    date to finish by. The word is read in_progress, not long-term, when the status it was read
    from holds no other long-term phrase and the item has such a date: a deadline naming a year
    or month that is not itself long-term, or a plan with a year in its text (计划于…年…).
    """
    if match.status is not Status.ONGOING or not raw or not profile.dated_long_term:
        return match
    if not any(phrase in raw for phrase in profile.dated_long_term):
        return match
    rest = raw
    for phrase in profile.dated_long_term:
        rest = rest.replace(phrase, "")
    if any(phrase in rest for phrase in profile.long_term) or any(
        phrase in rest for phrase, status in profile.status_phrases if status is Status.ONGOING
    ):
        return match  # 持续推进，长期坚持: long-term in so many words
    dated = bool(
        deadline
        and _DATED_DEADLINE.search(deadline)
        and not any(phrase in deadline for phrase in profile.long_term)
    )
    if dated or _PLANNED.search(text) or _PLANNED.search(raw):
        return StatusMatch(Status.IN_PROGRESS, False)
    return match


_CLAUSE_MARKS = "，,；;"


def status_sentence(text: str, profile: Profile) -> tuple[int, int, StatusMatch] | None:
    """:func:`_status_sentence`, unless it reads a completion that its sentence puts in the
    future (确保2018年9月底前安装到位，投入使用，完成整改): work to be done is no state."""
    found = _status_sentence(text, profile)
    if (
        found is None
        or found[2].status is not Status.COMPLETED
        or "已" in text[found[0] : found[1]]
    ):
        return found
    opened = max(text.rfind(mark, 0, found[0]) for mark in "。；;\n")
    before = text[opened + 1 : found[0]]
    return None if _FUTURE.search(before) and "已" not in before else found


# What puts a completion in the future, in its sentence before it: a word of intent or plan,
# or a deadline (2018年10月底，完成整改任务).
_FUTURE = compile_pattern(
    rf"{_INTENT}|[0-9一二三四五六七八九十]\s*月\s*[底低末]|[年月]底前|[0-9]\s*日前"
)


def _status_sentence(text: str, profile: Profile) -> tuple[int, int, StatusMatch] | None:
    """A short sentence or clause that states a status on its own, at the start or near the
    end of ``text``.

    ``该问题已完成整改。`` / ``目前正在整改。`` opening or closing the narrative, an opening
    clause before a comma (``已完成，新建管网12公里。``), or a closing clause after a comma
    (``…，该问题已整改到位。``), or else any clause that is one on its own
    (``目前，该问题正在整改中，剩余…``); the last two sentences are looked at, the later one
    first. Returns ``(start, end, match)`` of that sentence or clause (end without
    the final mark), or ``None``.
    """
    # a sentence that names items by their ordinal (以上2个问题中，第1项已完成整改，第2项正在推进)
    # gives those items their statuses, not the one it stands in
    spans = [span for span in sentences(text) if not _ORDINAL_NAMED.search(text, *span)]
    if not spans:
        return None
    found = _status_span(text, *spans[0], profile) or _leading_clause(text, *spans[0], profile)
    if found is not None:
        return _kept_up(text, spans, found, profile) if len(spans) >= 2 else found
    for start, end in reversed(spans[-2:]):
        found = _sentence_status(text, start, end, profile)
        if found is not None:
            if found[2].status is Status.ONGOING and len(spans) >= 2 and start == spans[-1][0]:
                # 已完成整改。该问题需长期坚持。: done, and kept up
                done = _sentence_status(text, *spans[-2], profile)
                if done is not None and done[2].status in _KEPT_UP:
                    return done[0], done[1], StatusMatch(done[2].status, True)
            return found
    return _ending_clause(text, *spans[-1], profile) or _opening_under_way(text, spans)


def _kept_up(
    text: str,
    spans: list[tuple[int, int]],
    found: tuple[int, int, StatusMatch],
    profile: Profile,
) -> tuple[int, int, StatusMatch]:
    """A completion told first, and a last sentence that says the work is to be kept up (已完成
    整改。…。该问题需长期坚持。): completed and long-term."""
    start, end, match = found
    if match.status is not Status.COMPLETED or match.long_term:
        return found
    last = _sentence_status(text, *spans[-1], profile)
    if last is None or last[2].status is not Status.ONGOING:
        return found
    return start, end, StatusMatch(Status.COMPLETED, True)


# States that a closing word of long-term work does not replace (已完成整改。该问题需长期坚持。,
# 已取得阶段性成效，该项工作需长期坚持): the state stands, and the work goes on for the long term.
_KEPT_UP = frozenset({Status.COMPLETED, Status.PARTIALLY_COMPLETED})


def _sentence_status(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    """The status one sentence of :func:`_status_sentence`'s last two states: as a whole, in
    its last clause, in its first (unless the rest tells work under way), or in one between."""
    found = _status_span(text, start, end, profile) or _status_clause(text, start, end, profile)
    if found is not None and found[2].status is Status.ONGOING:
        # 目前已取得阶段性成效，该项工作需长期坚持: the state the first clause tells, kept up
        lead = _leading_clause(text, start, end, profile)
        if lead is not None and lead[2].status in _KEPT_UP and lead[1] < found[0]:
            return lead[0], found[1], StatusMatch(lead[2].status, True)
    if found is None:
        found = _leading_clause(text, start, end, profile)
        if found is not None:
            found = _under_way_after(text, end, found, profile)
    return found or _inner_clause(text, start, end, profile)


# A sentence that opens by telling the work under way (正在对照办法修订目标，预计年底前完成;
# 目前正在组织验收): the problem is in progress when nothing else states its status.
_OPENS_UNDER_WAY = compile_pattern(
    r"^(?:目前|当前|现阶段|截[至止]目前)?\s*[，,]?\s*(?:正在|仍在|尚在)\p{Han}"
)


def _opening_under_way(
    text: str, spans: list[tuple[int, int]]
) -> tuple[int, int, StatusMatch] | None:
    """The first clause of the last sentence, else of the first, when it opens by telling
    work under way (:data:`_OPENS_UNDER_WAY`), not the aftercare of finished work
    (正在巩固整改成果)."""
    for start, end in dict.fromkeys([spans[-1], spans[0]]):
        sentence = text[start:end]
        lead = len(sentence) - len(sentence.lstrip(_TRIM))
        cut = min(
            (i for mark in _CLAUSE_MARKS if (i := sentence.find(mark, lead)) > lead),
            default=len(sentence),
        )
        clause = sentence[lead:cut].rstrip(_TRIM)
        if _OPENS_UNDER_WAY.match(clause) and not _AFTERCARE.search(clause):
            return start + lead, start + lead + len(clause), StatusMatch(Status.IN_PROGRESS, False)
    return None


# A closing sentence that reports progress as of now: 目前，… / 截至目前，… / 截至2025年6月底，…
_AS_OF_NOW = compile_pattern(
    r"^(?:目前|当前|现阶段|截[至止]目前|截[至止][^，,；;。]{2,14}?(?:日|底|末))\s*[，,]?"
)
#: A clause that states a plan, not a state: 计划2025年12月底前完成.
PLAN_CLAUSE = compile_pattern(r"^(?:计划|预计|力争|争取|拟|确保|将)")
_ENDING_CLAUSE_MAX = 20
# A closing clause telling that the rest of the work is under way: a short subject, 正在 or 仍在,
# a short verb phrase (设置规划修订正在征求意见, 其余款项仍在核对).
# (its count too: 剩余1家正在履行挂牌转让程序)
_UNDER_WAY_CLAUSE = compile_pattern(r"[\p{Han}0-9]{2,12}?(?:正在|仍在)\p{Han}{1,10}(?:中)?")
# A clause that names items by their ordinal (第一项、第二项问题已经整改完成) speaks of other
# items, which the statuses by ordinal read, not of the one it closes.
_ORDINAL_NAMED = compile_pattern(r"第[0-9一二三四五六七八九十]{1,3}(?:项|个|条|件|类)")


def _ending_clause(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    """In a closing sentence that reports progress as of now (目前，…), the last clause that ENDS
    with a status phrase after a short subject: 目前，已完成结算11个项目，剩余3个项目正在推进，
    计划…完成 → 剩余3个项目正在推进 (in progress); 目前，已收回欠款1260万元，清收工作需长期坚持
    → ongoing. Clauses that state a plan are passed over; a clause ending in anything else (已
    完成结算11个项目) states a deed, not the problem's status."""
    sentence = text[start:end]
    opening = _AS_OF_NOW.match(sentence.lstrip(_TRIM))
    if opening is None and _REMAINDER_LAST.search(sentence.rstrip(_TRIM)) is None:
        return None  # (…已退出6户，剩余3户正在推进: the rest told last, as of now too)
    cuts = [start - 1] + [i for i in range(start, end) if text[i] in _CLAUSE_MARKS] + [end]
    for left, right in reversed(list(itertools.pairwise(cuts))):
        clause = text[left + 1 : right].strip(_TRIM)
        if (
            not clause
            or len(clause) > _ENDING_CLAUSE_MAX
            or PLAN_CLAUSE.match(clause)
            or _ORDINAL_NAMED.search(clause)
        ):
            continue
        tails = [phrase for phrase, _ in profile.status_phrases if clause.endswith(phrase)]
        match = normalise_status(max(tails, key=len), profile) if tails else None
        if (
            match is None
            and _UNDER_WAY_CLAUSE.fullmatch(clause)
            and not _partly_done_before(text, start, left, profile)
        ):
            # 设置规划修订正在征求意见: the rest of the work is still under way (not after 该问题
            # 已基本完成整改, which the rest under way only bears out)
            match = StatusMatch(Status.IN_PROGRESS, False)
        if match is None:
            continue
        at = text.find(clause, left + 1, right)
        lead = start + len(sentence) - len(sentence.lstrip(_TRIM))
        # 目前，招聘工作正在推进中: the opening belongs to the status
        opened = opening is not None and at - lead <= opening.end()
        return (lead if opened else at), at + len(clause), match
    return None


def _partly_done_before(text: str, start: int, end: int, profile: Profile) -> bool:
    """Whether a clause of ``text[start:end]`` states the problem partly done or under way in
    so many words (该问题已基本完成整改, 该问题正在整改中): the rest under way after it only
    bears that out."""
    for clause in _CLAUSE_SPLIT.split(text[start:end]):
        clause = clause.strip(_TRIM)
        found = _sentence_match(clause, profile) if clause else None
        if found is not None and found.status in _PART_WAY:
            return True
    return False


_PART_WAY = (Status.PARTIALLY_COMPLETED, Status.IN_PROGRESS)


_CLAUSE_SPLIT = compile_pattern(r"[，,；;。]")


# The last clause of a sentence that tells the rest of the work (…，剩余3户正在推进, …，其余2宗
# 正在推进): how the finding stands, as a sentence opened by 目前 tells it.
_REMAINDER_LAST = compile_pattern(r"(?:^|[，,；;])\s*(?:剩余|其余|余下)[^，,；;。]{1,14}$")


# Work under way (…，监管平台正在建设，…): a step in progress, whatever the verb; not the work
# that keeps a finished rectification in place (正在巩固整改成果, 正在开展“回头看”).
#: Work under way, told by its verb (正在推进, 尚在整改, 还在办理).
UNDER_WAY = compile_pattern(r"(?:正在|尚在|仍在|还在)\p{Han}")
_AFTERCARE = compile_pattern(r"巩固|深化|回头看|长效")


def _under_way_after(
    text: str, end: int, found: tuple[int, int, StatusMatch], profile: Profile
) -> tuple[int, int, StatusMatch]:
    """A leading clause that completes a step (目前已完成复查) rather than the problem, followed
    in its sentence by a clause telling work under way (平台正在建设): in progress, from that
    clause. A leading clause that completes the problem in so many words (已完成整改) stands."""
    start, stop, match = found
    if match.status is not Status.COMPLETED or _covered(text[start:stop], profile) >= 1.0:
        return found
    cuts = [i for i in range(stop, end) if text[i] in _CLAUSE_MARKS] + [end]
    for left, right in itertools.pairwise(cuts):
        clause = text[left + 1 : right].strip(_TRIM)
        if (
            clause
            and not PLAN_CLAUSE.match(clause)
            and UNDER_WAY.search(clause)
            and not _AFTERCARE.search(clause)
        ):
            at = text.find(clause, left + 1, right)
            return at, at + len(clause), StatusMatch(Status.IN_PROGRESS, False)
    return found


def _status_clause(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    """The last clause of a sentence, when it states a status (…，该问题已整改到位)."""
    cut = max(text.rfind(mark, start, end) for mark in _CLAUSE_MARKS)
    if cut <= start:
        return None
    found = _status_span(text, cut + 1, end, profile)
    if found is None:
        clause = text[cut + 1 : end].strip(_TRIM)
        if (
            clause.startswith(_THE_REST)
            and _UNDER_WAY_CLAUSE.fullmatch(clause)
            and not _AFTERCARE.search(clause)
            and not _partly_done_before(text, start, cut, profile)
        ):
            # 已完成4个小区的意见征集，其余小区正在推进: the rest of the work still under way
            at = text.find(clause, cut + 1, end)
            return at, at + len(clause), StatusMatch(Status.IN_PROGRESS, False)
    return found


# What a clause about the rest of the work opens with (其余小区正在推进, 剩余款项仍在追缴中).
_THE_REST = ("其余", "剩余", "余下", "其他")


def _inner_clause(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    """A clause between others that states a status on its own (目前，该问题正在整改中，剩余
    队伍计划于6月底前完成。), the first such."""
    cuts = [start - 1] + [i for i in range(start, end) if text[i] in _CLAUSE_MARKS] + [end]
    for left, right in itertools.pairwise(cuts):
        found = _status_span(text, left + 1, right, profile)
        if found is not None:
            return found
    return None


def _leading_clause(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    """The first clause of a sentence, when it states a status (已完成，新建…)."""
    cut = min(
        (i for mark in _CLAUSE_MARKS if (i := text.find(mark, start, end)) > start), default=-1
    )
    if cut < 0:
        return None
    return _status_span(text, start, cut, profile)


def _status_span(
    text: str, start: int, end: int, profile: Profile
) -> tuple[int, int, StatusMatch] | None:
    match = _sentence_match(text[start:end].strip(_TRIM), profile)
    if match is None:
        return None
    lead = len(text[start:end]) - len(text[start:end].lstrip(_TRIM))
    stop = end
    while stop > start and text[stop - 1] in _TRIM:
        stop -= 1
    return start + lead, stop, match


@lru_cache(maxsize=4096)
def _sentence_match(sentence: str, profile: Profile) -> StatusMatch | None:
    """The status a trimmed sentence or clause states on its own (:func:`_status_span`),
    remembered: the rules ask again of the same clauses (a narrative's last sentences, whole
    and clause by clause). Profiles hash by identity."""
    core = sentence
    label = _status_label(profile).match(core)
    if label is not None and label.end() < len(core):
        # …。【整改进展】已完成。: a status label inside a paragraph, its value the sentence's rest
        core = core[label.end() :]
        if label.group("open"):
            core = core.rstrip().removesuffix(_CLOSING[label.group("open")]).rstrip()
    for _ in range(2):  # 目前，该问题已取得阶段性成效: a time, then the subject
        prefix = next(
            (
                p
                for p in profile.status_sentence_prefixes
                if core.startswith(p) and len(core) > len(p)
            ),
            None,
        )
        if prefix is None:
            break
        core = core[len(prefix) :].lstrip("，,")
        if prefix not in _TIME_PREFIXES:
            break
    match = status_phrase(core, profile) or _kept_up_after_subject(core, profile)
    if core != sentence and (match is None or match.status is Status.ONGOING):
        # 已整改: the prefix 已 is part of the phrase (已整改，长期坚持 is completed and
        # long-term, not only long-term).
        whole = status_phrase(sentence, profile)
        if whole is not None and (match is None or whole.status is not Status.ONGOING):
            match = whole
    if match is None and "并" in core:
        # 已完成整改并建立长效机制, 已完成整改并通过验收: the state, then what else was done in
        # the same clause (not …，并建立长效机制长期坚持: clause by clause, with its long term)
        head, rest = core.split("并", 1)
        if not any(mark in head for mark in _CLAUSE_MARKS) and not any(
            phrase in rest for phrase in profile.long_term
        ):
            match = status_phrase(head, profile)
    return match


# Prefixes that date a status sentence (目前，…): the subject's prefix may follow them.
_TIME_PREFIXES = frozenset({"目前", "截至目前", "现"})


_CLOSING = {"【": "】", "[": "]", "［": "］"}
_HAN_ONLY = compile_pattern(r"\p{Han}+")
#: The longest subject before a long-term phrase (债务风险防控需长期坚持).
_SUBJECT_MAX_CHARS = 12
_LONG_TERM_WORD = "长期"
_JOINING = ("并", "且", "同时", "和", "及", "还")


def _kept_up_after_subject(core: str, profile: Profile) -> StatusMatch | None:
    """A clause that names the work, then says it is kept up for the long term (债务风险防控
    需长期坚持, 干部队伍建设长期坚持): ongoing, as 此项工作需长期坚持 is."""
    if _LONG_TERM_WORD not in core:
        return None
    for phrase, _ in profile.status_phrases:
        if _LONG_TERM_WORD in phrase and core.endswith(phrase):
            subject = core[: -len(phrase)]
            if (
                2 <= len(subject) <= _SUBJECT_MAX_CHARS
                and _HAN_ONLY.fullmatch(subject)
                and not subject.endswith(_NOT_YET_LONG)  # (…将长期坚持: a plan)
                and not subject.startswith(_JOINING)  # (…，并建立长效机制长期坚持: more work)
            ):
                found = normalise_status(phrase, profile)
                if found is not None and found.status is Status.ONGOING:
                    return found
    return None


@lru_cache(maxsize=16)
def _status_label(profile: Profile) -> regex.Pattern[str]:
    """A status label opening a sentence, in brackets (【整改进展】) or before a colon
    (完成情况：); the profile's labels longest first, then in order."""
    labels = sorted(profile.labels.get("status", ()), key=lambda s: (-len(s), s))
    names = "|".join(escape(label) for label in labels) or "(?!)"
    return compile_pattern(
        rf"(?:[【\[［]\s*(?:{names})\s*[】\]］]\s*[：:∶]?|(?:{names})\s*[：:∶]"
        # 【整改状态：已完成】: the label and its value in one bracket
        rf"|(?P<open>[【\[［])\s*(?:{names})\s*[：:∶])\s*"
    )


# A unit named as the subject of a status (县财政局已整改到位, 县国资中心持续整改).
_UNIT_SUBJECT = compile_pattern(
    r"^\p{Han}{1,10}?(?:局|委|办|中心|公司|集团|政府|医院|学校|学院|街道|镇|乡|所|站|院|厅|处)"
    r"(?=已|正|仍|尚|持续|基本|全面|未)"
)


def status_phrase(core: str, profile: Profile) -> StatusMatch | None:
    """The status ``core`` states when it is little more than a status phrase (已整改完成,
    持续整改跟踪中), not a longer statement that happens to hold one."""
    if not core or len(core) > profile.status_sentence_max_chars:
        return None
    return _phrase_status(core, profile)


@lru_cache(maxsize=4096)
def _phrase_status(core: str, profile: Profile) -> StatusMatch | None:
    """:func:`status_phrase` of a short value, remembered (status phrases recur)."""
    subject = _UNIT_SUBJECT.match(core)
    if subject is not None:
        core = core[subject.end() :]  # 县财政局已整改到位: the unit that did it, then the status
    match = normalise_status(core, profile)
    # The sentence must be mostly the status phrase itself, not a longer statement.
    if match is None or (_covered(core, profile) < 0.6 and not _PROGRESS_ALONE.match(core)):
        return None
    return match


# When or how finished work was done (已于2024年5月完成整改, 已按时限要求完成整改): part of
# its status.
_DONE_ON = compile_pattern(
    r"已(?:经)?(?:于\s*(?:[0-9]{4}\s*年)?\s*(?:[0-9]{1,2}\s*月)?\s*(?:[0-9]{1,2}\s*日)?"
    r"(?:[底末]|上旬|中旬|下旬)?(?:前)?|按(?:照)?\p{Han}{0,6}?要求)"
)


def _covered(text: str, profile: Profile) -> float:
    taken = [False] * len(text)
    for phrase, _ in profile.status_phrases:
        start = text.find(phrase)
        while start != -1:
            for k in range(start, start + len(phrase)):
                taken[k] = True
            start = text.find(phrase, start + len(phrase))
    for form in (*_COVERING_FORMS, _DONE_ON):
        for told in form.finditer(text):
            taken[told.start() : told.end()] = [True] * (told.end() - told.start())
    for filler in ("已", "经", "问题", "整改", "中", "目前", "均", "全部", "了", "的", "该"):
        start = text.find(filler)
        while start != -1:
            for k in range(start, start + len(filler)):
                taken[k] = True
            start = text.find(filler, start + len(filler))
    return sum(taken) / len(text)


_GROUP_TAIL = compile_pattern(r"(?:的)?(?:整改)?(?:问题|事项|任务)(?:清单)?$")
# A group's own count after its title: 已完成整改的问题（6个）, 正在整改的事项（共2项）.
_GROUP_COUNT = compile_pattern(
    r"[（(]\s*共?\s*[0-9０-９一二三四五六七八九十]{1,4}\s*[个项条]\s*[)）]$"
)


_ALL = compile_pattern(r"全部|均|都|悉数|一律")
_HEADING_CLAUSE = compile_pattern(r"[^，,；;（）()：:。]+")


def all_of_group(heading: str, profile: Profile) -> tuple[int, int, StatusMatch] | None:
    """A clause of a group's heading that gives every problem under it one status:
    ``关于…方面的问题（共3个，已全部完成整改）`` → ``已全部完成整改``. Returns the clause's span
    in ``heading`` and its status, or ``None``."""
    for clause in _HEADING_CLAUSE.finditer(heading):
        text = clause.group(0).strip()
        if not _ALL.search(text) or len(text) > profile.status_sentence_max_chars:
            continue
        match = status_phrase(text, profile)
        if match is not None:
            start = clause.start() + clause.group(0).find(text)
            return start, start + len(text), match
    return None


def group_status(title: str, profile: Profile) -> StatusMatch | None:
    """The status a part's title gives the problems under it: 已整改完成的问题, 正在整改的问题,
    需持续整改的问题 — a title that is little more than a status phrase."""
    bare = _GROUP_COUNT.sub("", title.strip(_TRIM)).strip(_TRIM)
    core = _GROUP_TAIL.sub("", bare)
    if core == bare:
        return None  # no 问题/事项 ending: a theme, not a status group
    return status_phrase(core, profile)
