"""Internal: a part's heading set in brackets, as a WeChat article sets it (【一、整改工作开展
情况】).

Read as it stands, the line opens with no marker (the bracket comes first) and the part is
lost: its findings fall under the part before, its narrative is read as theirs. A line that is
a numbered heading in lenticular brackets, and nothing else, loses the brackets (repair kind
``punctuation``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .numbering import match_marker
from .repair import Repaired

__all__ = ["unbracket_headings"]

_KIND = "punctuation"
_BRACKETED = compile_pattern(
    r"^[ \u3000]*【[ \u3000]*(?P<inner>[^【】\n]{2,60}?)[ \u3000]*】[ \u3000]*$"
)


def unbracket_headings(items: Sequence[Repaired]) -> list[Repaired]:
    """``items`` with every numbered heading set alone in 【】 freed of its brackets."""
    out: list[Repaired] = []
    for item in items:
        block = item.block
        found = _BRACKETED.match(block.text) if block.kind is not BlockKind.TABLE else None
        marker = match_marker(found.group("inner")) if found is not None else None
        if found is None or marker is None or not found.group("inner")[marker.end :].strip():
            out.append(item)
            continue
        original = item.original if item.original is not None else block.text
        kinds = item.kinds if _KIND in item.kinds else (*item.kinds, _KIND)
        out.append(Repaired(replace(block, text=found.group("inner")), original, kinds))
    return out
