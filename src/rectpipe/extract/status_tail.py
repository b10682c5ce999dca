"""Where a status sits at the end of what a problem says.

Two shapes of the genre that the opening of a status value or sentence does not tell:

* a status label whose value tells what was done and ends with the status in a clause of its
  own (``整改进展：扩建工程已完成主体施工，正在调试。达到序时进度。``, ``整改成效：已完成资产
  清查，报废审批正在办理中，部分整改。``): the closing clause is the status, not the first
  phrase met (已完成 of a step);
* a completed problem whose sentence goes on to say that the work must be kept up
  (``该问题已完成整改，纠治“四风”需长期坚持。``): completed, and long-term.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..models.records import Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from .status import PLAN_CLAUSE, StatusMatch, status_phrase

__all__ = ["closing_status", "long_term_after"]

_PIECE = compile_pattern(r"[^。；;，,！!]+")
_SENTENCE_END = "。；;！!"


def closing_status(value: str, profile: Profile) -> StatusMatch | None:
    """The status of a status label's ``value`` told by its closing clause, when the value
    opens with what was done (its first clause states no status on its own) and closes with
    a clause that is little more than a status phrase; else ``None``."""
    pieces = [m.group(0).strip() for m in _PIECE.finditer(value)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2 or status_phrase(pieces[0], profile) is not None:
        return None
    last = pieces[-1]
    if PLAN_CLAUSE.match(last):
        return None
    return status_phrase(last, profile)


def long_term_after(text: str, end: int, match: StatusMatch, profile: Profile) -> bool:
    """Whether the sentence holding a completed status (ending at ``end`` in ``text``) goes on
    to name long-term work (…，纠治“四风”需长期坚持)."""
    if match.status is not Status.COMPLETED or match.long_term:
        return match.long_term
    stop = min((i for mark in _SENTENCE_END if (i := text.find(mark, end)) != -1), default=-1)
    rest = text[end : stop if stop != -1 else len(text)]
    return any(phrase in rest for phrase in profile.long_term)
