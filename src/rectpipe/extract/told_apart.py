"""Statuses told apart from their problems, in a later part that names each by its title.

An audit result notice (审计结果公告) lists its findings under 三、审计发现的主要问题 and tells
what became of them in a part of its own, one paragraph a finding:
``针对“超预算列支培训费”问题，学校已补办预算调整手续，已整改。`` Such a paragraph, outside
every problem, that quotes a problem's title exactly gives that problem its status when the
problem states none itself: the sentence or clause of the paragraph that states one
(:func:`~rectpipe.extract.status.status_sentence`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..models.records import Problem, Status
from ..profiles.profile import Profile
from ..text.textmap import TextMap
from .status import status_sentence

__all__ = ["statuses_told_apart"]

_NAMED = regex.compile(r"^\s*(?:针对|关于|对于|对)“(?P<title>[^“”]{4,120})”(?:的)?问题")


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
