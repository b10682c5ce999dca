"""A paragraph that tallies the findings (截至目前，6个问题已完成整改4个，正在整改1个…): the
report's or the list's count, no word of the finding it follows. Read by
:mod:`.trailing_tallies` (a tally after a list's last finding) and :mod:`.accounts` (after the
last account of a part of accounts).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..text.numbering import match_marker
from .about_all import ALL_FINDINGS
from .fields import leading_label
from .totals import is_tally, read_counts

__all__ = ["tallies_findings"]

_ABOUT_ALL_ABOVE = compile_pattern(ALL_FINDINGS)
_FIRST_SENTENCE = compile_pattern(r"[^。！？!?]*[。！？!?]?")
# What a finding's own account opens with: its measures (一是…, 首先…), the finding itself.
_OWN_ACCOUNT = compile_pattern(
    r"^(?:[一二三四五六七八九十]是|首先|第一[，,]|[该此本这]\S{0,2}问题)"
)


def tallies_findings(paragraph: str, items: int, profile: Profile) -> bool:
    """Whether ``paragraph`` opens with a sentence that tallies at least ``items`` findings
    (截至目前，6个问题已完成整改4个…), and is no label's line, no numbered item, no account of
    one finding and no sentence about all the findings above."""
    text = paragraph.strip()
    if not text or match_marker(text) is not None or leading_label(text, profile) is not None:
        return False
    first = _FIRST_SENTENCE.match(text)
    sentence = first.group(0) if first is not None else text
    if (
        _OWN_ACCOUNT.match(sentence)
        or sentence.rstrip().endswith(("：", ":"))
        or _ABOUT_ALL_ABOVE.search(sentence[:12]) is not None
        or not is_tally(sentence, profile)
    ):
        return False
    values = read_counts(sentence, profile).values
    counted = values.get("problems")
    if counted is None:
        counted = sum(n for name, n in values.items() if name != "problems")
    return counted >= max(items, 2)
