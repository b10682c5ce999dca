"""Internal: an item's number left at the end of the line before the item.

A copy whose line breaks fell one place early leaves each item's number at the end of the
line above it: ``…二是开展专项检查。2.`` / ``项目资金拨付滞后。…`` (also after a heading,
``一、…方面1.`` / ``X。``). Read as they stand, the number is part of the last measure of the
item before, and the item below opens with no marker: the findings are lost. The number is
moved to the start of the next line when

* it stands after a sentence's end (``。；！？``), or after a heading that opens with a marker
  of another kind (``一、…方面1.``), and nothing follows it on its line;
* the next line holds text and opens with no marker of its own;
* it is the next number of its kind: one (a list that starts, or starts again under the next
  part), or one more than the last item of its kind that opened a line (``1.`` alone on its
  line, or moved there).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .numbering import MarkerKind, match_marker
from .repair import Repaired

if TYPE_CHECKING:
    import regex

__all__ = ["move_trailing_numbers"]

_KIND = "line_breaks"
# The number at the end of a line, after a sentence's end or after Han text (a heading's).
_TRAILING = compile_pattern(
    r"(?P<before>[。；;！？!?”’]|\p{Han})[ \u3000]*(?P<number>[0-9０-９]{1,2}[.．、])[ \u3000]*$"
)
_SENTENCE_END = frozenset("。；;！？!?”’")


def move_trailing_numbers(items: Sequence[Repaired]) -> list[Repaired]:
    """``items`` with every item number left at the end of the line before its item moved to
    that item's line (see the module)."""
    if not any(_trailing(item.block.text) for item in items[:-1]):
        return list(items)  # most documents: nothing to look at
    out = list(items)
    last: dict[MarkerKind, int] = {}  # the last ordinal of each kind that opened a line
    for k, item in enumerate(out):
        block = item.block
        if block.kind is BlockKind.TABLE:
            continue
        opening = match_marker(block.text)
        if opening is not None:
            last[opening.kind] = opening.ordinal
        found = _trailing(block.text) if k + 1 < len(out) else None
        if found is None:
            continue
        number = match_marker(found.group("number"))
        following = out[k + 1].block
        if (
            number is None
            or number.ordinal not in (1, last.get(number.kind, 0) + 1)
            or following.kind is BlockKind.TABLE
            or not following.text.strip()
            or match_marker(following.text) is not None
            or not (
                found.group("before") in _SENTENCE_END
                or (opening is not None and opening.kind is not number.kind)
            )
        ):
            continue
        out[k] = _repaired(item, block.text[: found.start("number")].rstrip(" \u3000"))
        moved = found.group("number") + following.text.lstrip(" \u3000")
        out[k + 1] = _repaired(out[k + 1], moved)
    return out


def _trailing(text: str) -> regex.Match[str] | None:
    """The number at the end of ``text`` (:data:`_TRAILING`), with text before it; looked for
    in the line's last characters only, and only when it ends as a number's mark does."""
    if text.rstrip(" \u3000")[-1:] not in _NUMBER_MARKS:
        return None
    tail = len(text) - _TAIL_CHARS if len(text) > _TAIL_CHARS else 0
    found = _TRAILING.search(text, tail)
    return found if found is not None and found.start("number") > 0 else None


_NUMBER_MARKS = frozenset(".．、")
_TAIL_CHARS = 12  # the number, its mark, blanks and the character before them


def _repaired(item: Repaired, text: str) -> Repaired:
    original = item.original if item.original is not None else item.block.text
    kinds = item.kinds if _KIND in item.kinds else (*item.kinds, _KIND)
    return Repaired(replace(item.block, text=text), original, kinds)
