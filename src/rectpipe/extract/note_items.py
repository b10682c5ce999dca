"""Internal: numbered notes under a note's label are no findings.

A ledger or a table closes with its notes: a line that is only their label (填表说明：, 注：,
说明：, 备注：) and numbered lines under it (1.整改时限为方案确定的完成时间。 2.本表每月5日前
报送。).
The numbered lines read as items like any other; they say how to read the table, not what
was found. :func:`mark_note_items` makes them narrative: the item right after the label and
the items of its kind that follow it.
"""

from __future__ import annotations

from ..runtime.patterns import compile_pattern
from ..structure.tree import Node
from ..text.textmap import TextMap
from .roles import Role, mark

__all__ = ["mark_note_items"]

# A line that is a note's label alone (填表说明：, 注：, 备注, 说明：).
_NOTE_LABEL = compile_pattern(r"^\s*(?:填表说明|填报说明|注|注释|说明|备注)\s*[：:]?\s*$")


def mark_note_items(root: Node, roles: dict[int, Role], textmap: TextMap) -> None:
    """Mark narrative, in place, the numbered items that follow a note's label alone on its
    line, and the later items of the same kind under the same parent."""
    for parent in [root, *root.walk()]:
        kind = None
        for child in parent.children:
            if kind is not None and child.marker is not None and child.marker.kind is kind:
                mark(child, Role.NARRATIVE, roles)
                continue
            kind = None
            before = child.block - 1
            if child.marker is None or before < 0:
                continue
            if _NOTE_LABEL.match(textmap.block_text(before)):
                kind = child.marker.kind
                mark(child, Role.NARRATIVE, roles)
