"""Internal: a group's findings run into its heading's paragraph as circled items.

``二、关于政策落实不到位方面。①针对危房改造不彻底的问题，…。②针对搬迁项目不规范的问题，…。``:
a printed copy (a newspaper's page, a bulletin) sets a part's findings in its heading's
paragraph, each opened by a circled number. Circled numbers inside a paragraph are most often
an inline list of measures, and line-break repair leaves them alone; here the paragraph opens
with a part's marker (一、 or （一）) and its first sentence names a group (…方面, …的问题), so
the circled items are the group's members. The paragraph is cut before each item when they
run ①, ②… in order, ② and later after a sentence's end, ① after a sentence's or a clause's.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .numbering import MarkerKind, match_marker
from .repair import Repaired

__all__ = ["split_circled_items"]

_KIND = "line_breaks"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# A heading's first sentence that names a group of findings (关于…方面, …等方面的问题).
_GROUP_HEADING = compile_pattern(r"(?:方面|方面的?问题|的问题)\s*[。：:]")
_SENTENCE_END = "。；;！!"
_CLAUSE_END = "，,：:"
_OPEN, _CLOSE = "“「『（(【", "”」』）)】"


def split_circled_items(items: Sequence[Repaired]) -> list[Repaired]:
    """``items`` with each group heading's paragraph cut before its circled items (see the
    module)."""
    out: list[Repaired] = []
    for item in items:
        block = item.block
        cuts = _cuts(block.text) if block.kind is not BlockKind.TABLE else []
        if not cuts:
            out.append(item)
            continue
        original = item.original if item.original is not None else block.text
        kinds = item.kinds if _KIND in item.kinds else (*item.kinds, _KIND)
        for start, end in zip([0, *cuts], [*cuts, len(block.text)], strict=True):
            piece = block.text[start:end].strip()
            if piece:
                out.append(Repaired(replace(block, text=piece), original, kinds))
    return out


def _cuts(text: str) -> list[int]:
    """Where a group heading's paragraph is cut before its circled items; ``[]`` when it is
    none or they do not run ①, ②… in order."""
    if "①" not in text or "②" not in text:
        return []
    opening = match_marker(text)
    if opening is None or opening.kind not in (MarkerKind.CN, MarkerKind.CN_PAREN):
        return []
    heading = _GROUP_HEADING.search(text, opening.end)
    first = text.find("①")
    if heading is None or heading.end() > first:
        return []
    cuts: list[int] = []
    depth = 0
    for i in range(first, len(text)):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _CIRCLED and depth == 0:
            if _CIRCLED.index(ch) != len(cuts):
                return []  # out of order: no list of the group's items
            before = text[:i].rstrip(" \u3000")
            ends = _SENTENCE_END + (_CLAUSE_END if not cuts else "")
            if not before or before[-1] not in ends:
                return []
            cuts.append(i)
    return cuts if len(cuts) >= 2 else []
