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
from ..structure.tree import Node
from ..text.textmap import TextMap
from .roles import Role
from .tally_lines import tallies_findings

__all__ = ["detach_trailing_tallies"]


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
    return tallies_findings(textmap.block_text(index), items, profile)
