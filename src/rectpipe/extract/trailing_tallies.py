"""A tally written after the last finding of a list, taken out of that finding.

A paragraph with no number after a list's last item belongs to that item in the tree (its
account, its status). A paragraph that opens by counting the findings, as many as the list
holds or more (``截至目前，9个问题已完成整改6个，正在整改2个，长期坚持1个。``), is the report's
(or the list's) tally, no word of the last finding: it would give that finding the tally's
status and keep the report's totals from being read. :func:`detach_trailing_tallies` moves it
to the document's own blocks, where totals are looked for.

Left with the finding: a sentence that speaks of all the findings above (``目前上述问题均已整改
完成``, which lends its status to the items that state none, :mod:`.problems`), a label's line,
a line that opens a list (``以下2个问题尚未整改：``) and measures (``一是…7项问题…``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import insort

from ..profiles.profile import Profile
from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..structure.tree import Node
from ..text.numbering import match_marker
from ..text.textmap import TextMap
from .accounts import ALL_FINDINGS
from .fields import leading_label
from .roles import Role
from .totals import is_tally, read_counts

__all__ = ["detach_trailing_tallies"]

_ABOUT_ALL_ABOVE = compile_pattern(ALL_FINDINGS)
_FIRST_SENTENCE = compile_pattern(r"[^。！？!?]*[。！？!?]?")
# What a finding's own account opens with: its measures (一是…, 首先…), the finding itself.
_OWN_ACCOUNT = compile_pattern(
    r"^(?:[一二三四五六七八九十]是|首先|第一[，,]|[该此本这]\S{0,2}问题)"
)


def detach_trailing_tallies(
    root: Node, roles: dict[int, Role], textmap: TextMap, profile: Profile
) -> list[Node]:
    """Move the tallies after each list's last finding out of that finding's body into
    ``root``'s (in place); the findings whose bodies changed."""
    changed: list[Node] = []
    for parent in [root, *root.walk()]:
        if not parent.children:
            continue
        last = parent.children[-1]
        if roles.get(id(last)) is not Role.PROBLEM or last.children:
            continue
        items = len(parent.children)
        moved = False
        while last.body and _tallies_list(last.body[-1], items, textmap, profile):
            insort(root.body, last.body.pop())
            moved = True
        if moved:
            changed.append(last)
    return changed


def _tallies_list(index: int, items: int, textmap: TextMap, profile: Profile) -> bool:
    """Whether block ``index`` opens with a sentence that tallies at least ``items`` findings
    (and is none of what stays with the finding)."""
    if textmap.blocks[index].kind is BlockKind.TABLE:
        return False
    text = textmap.block_text(index).strip()
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
