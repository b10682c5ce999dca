"""Blocks + numbering markers → a tree of numbered nodes.

The tree knows nothing of problems or statuses: it only says which paragraph is numbered, at
which level of the ladder, and which paragraphs and tables belong to it. Sequence oddities
(a gap, a repeat) become warnings, never exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import BlockKind
from .models import ReportWarning
from .numbering import Marker, MarkerKind, match_marker
from .textmap import TextMap


@dataclass(eq=False)
class Node:
    """A numbered paragraph and what belongs to it.

    ``block`` is the heading paragraph's index (``-1`` for the root), ``head_start`` the offset
    in the text just after the marker, ``head_end`` the end of that paragraph. ``body`` lists
    the indices of the unnumbered blocks that follow it before the next numbered one.
    """

    marker: Marker | None
    block: int
    head_start: int
    head_end: int
    body: list[int] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def rank(self) -> int:
        return -1 if self.marker is None else int(self.marker.kind)

    def ancestors(self) -> list[Node]:
        """Numbered ancestors, outermost first (the root excluded)."""
        chain: list[Node] = []
        node = self.parent
        while node is not None and node.marker is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def walk(self) -> list[Node]:
        """This node's numbered descendants, depth first, in document order."""
        found: list[Node] = []
        for child in self.children:
            found.append(child)
            found.extend(child.walk())
        return found


@dataclass
class Tree:
    root: Node
    warnings: list[ReportWarning]


def build_tree(textmap: TextMap) -> Tree:
    """The numbered-item tree of a document.

    A paragraph opening with a marker becomes a node under the nearest open node of a higher
    ladder level (levels may be skipped; the first level used may be any). Tables and
    unnumbered paragraphs attach to the node open before them.
    """
    root = Node(marker=None, block=-1, head_start=0, head_end=0)
    stack: list[Node] = [root]
    for index, block in enumerate(textmap.blocks):
        marker = None if block.kind is BlockKind.TABLE else match_marker(textmap.block_text(index))
        if marker is None:
            stack[-1].body.append(index)
            continue
        start = textmap.starts[index]
        node = Node(
            marker=marker,
            block=index,
            head_start=start + marker.end,
            head_end=start + len(textmap.block_text(index)),
        )
        while stack[-1].rank >= int(marker.kind):
            stack.pop()
        node.parent = stack[-1]
        stack[-1].children.append(node)
        stack.append(node)
    return Tree(root=root, warnings=_sequence_warnings(root, textmap))


def _sequence_warnings(root: Node, textmap: TextMap) -> list[ReportWarning]:
    warnings: list[ReportWarning] = []
    last_seen: dict[MarkerKind, int] = {}

    def check(parent: Node) -> None:
        previous: dict[MarkerKind, int] = {}
        for child in parent.children:
            assert child.marker is not None
            kind, ordinal = child.marker.kind, child.marker.ordinal
            expected = previous.get(kind)
            if expected is None:
                # First of its kind under this parent: 1, or running on from the last one.
                ok = ordinal == 1 or ordinal == last_seen.get(kind, 0) + 1
            else:
                ok = ordinal == expected + 1
            if not ok:
                code = (
                    "numbering_repeat"
                    if expected is not None and ordinal <= expected
                    else ("numbering_gap")
                )
                wanted = 1 if expected is None else expected + 1
                warnings.append(
                    ReportWarning(
                        code=code,
                        message=f"{child.marker.raw} where {wanted} was expected",
                        provenance=textmap.provenance(
                            textmap.starts[child.block], child.head_start
                        ),
                    )
                )
            previous[kind] = ordinal
            last_seen[kind] = ordinal
            check(child)

    check(root)
    return warnings
