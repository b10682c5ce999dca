"""Internal: a field's label whose list opens on the label's own line.

``整改措施：1.建立制度；`` / ``2.开展培训。`` / ``3.…``: the first item sits after the label's
colon and the others open lines of their own, as a copy made from a Word file whose label and
first item shared a paragraph gives them. Read as they stand, the first item is part of the
label's line and the second opens the list (a numbering gap, and a measure lost). The label's
line is cut before its first item when the next line opens with the second item of the same
kind and the label's line holds no second item itself (1.…；2.…；3.… on one line, and a
next finding 2. below it), and the item the label's line sits under is numbered in another
kind (under 1.X, a 2. below may be X's sibling), so that the list is whole; the label stays a
line of its own.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .labels import label_words
from .numbering import Marker, MarkerKind, match_marker
from .repair import Repaired

__all__ = ["split_opened_lists"]

_KIND = "line_breaks"


def split_opened_lists(items: Sequence[Repaired], labels: Sequence[str]) -> list[Repaired]:
    """``items`` with each label's line (one of ``labels``, the profile's field labels, at
    its start, or a label of up to four more characters that ends as one does) cut before the
    first item of the list it opens (see the module)."""
    if not labels or not items:
        return list(items)
    label = compile_pattern(rf"^\s*{label_words(labels)}\s*[：:∶]\s*")
    # the label's lines whose list opens after the colon with its first item: (where the items
    # start, the first item's marker), by position; most documents have none
    opened: dict[int, tuple[int, Marker]] = {}
    for k, item in enumerate(items[:-1]):
        found = label.match(item.block.text) if item.block.kind is not BlockKind.TABLE else None
        first = match_marker(item.block.text[found.end() :]) if found is not None else None
        if found is not None and first is not None and first.ordinal == 1:
            opened[k] = (found.end(), first)
    if not opened:
        return list(items)
    out: list[Repaired] = []
    above: MarkerKind | None = None  # the kind of the last item a line opened, not in a list
    listed: tuple[MarkerKind, int] | None = None  # the next item of a list cut from its label
    for k, item in enumerate(items):
        block = item.block
        opening = match_marker(block.text) if block.kind is not BlockKind.TABLE else None
        if opening is not None and listed == (opening.kind, opening.ordinal):
            listed = (opening.kind, opening.ordinal + 1)  # 2. 3. of a list cut from its label
        elif opening is not None:
            above, listed = opening.kind, None
        if k not in opened:
            out.append(item)
            continue
        at, first = opened[k]
        second = match_marker(items[k + 1].block.text)
        if (
            second is None
            or (second.kind, second.ordinal) != (first.kind, 2)
            or _holds_second(block.text[at:], first.kind)
            # under a 1. item, a 2. below may be its sibling (1.X。/ 整改措施：1.… / 2.Y。)
            or above is first.kind
        ):
            out.append(item)
            continue
        original = item.original if item.original is not None else block.text
        kinds = item.kinds if _KIND in item.kinds else (*item.kinds, _KIND)
        head, rest = block.text[:at].rstrip(), block.text[at:]
        out.append(Repaired(replace(block, text=head), original, kinds))
        out.append(Repaired(replace(block, text=rest, list_label=None), original, kinds))
        listed = (first.kind, 2)
    return out


_ITEM_END = compile_pattern(r"[；;。]\s*")


def _holds_second(listed: str, kind: MarkerKind) -> bool:
    """Whether the list a label's line holds (``listed``, from its first item on) holds its
    second item of ``kind`` itself (1.…；2.…；3.…): the line after it, opening with 2., is
    another list's (the next finding)."""
    return any(
        (marker := match_marker(listed[end.end() :])) is not None
        and (marker.kind, marker.ordinal) == (kind, 2)
        for end in _ITEM_END.finditer(listed)
    )
