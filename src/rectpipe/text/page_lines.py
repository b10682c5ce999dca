"""Internal: a printed page's number and running header left in a copy of its text.

A text copied out of a PDF or a scan keeps what each page printed around the text: its number
(``— 2 —``, ``- 3 -``, ``第2页 共8页``) and the running header or footer beside it (the
report's short title on every page). Between two pages they stand inside a paragraph, often
inside a sentence cut at the page's end (``…部分社区服务中心开`` / ``- 1 -`` / ``示例街道巡察
整改进展情况通报`` / ``放时间不固定。``). :func:`drop_page_lines` takes them out, so that the
sentence is joined again as any line broken at the page's width is: a page-number line
alone on its line (not the text's last line, which may be a portal's pager), and a short line
written again beside two or more of them.

The block after what was taken out keeps the empty line before it only when the text before
the page break ended a sentence (a page break in mid-paragraph is no paragraph's start).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..readers.blocks import Block, BlockKind
from ..readers.page_numbers import page_number_shape
from ..runtime.patterns import compile_pattern
from ..runtime.record import replace
from .numbering import match_marker
from .rewrap import WIDTH_TOLERANCE, em_width, wrap_width

__all__ = ["drop_page_lines", "is_page_number"]

#: The longest running header or footer taken out beside page numbers.
HEADER_MAX_CHARS = 40
#: How many blocks from a page number a running header stands.
HEADER_REACH = 2
_SENTENCE_END = "。！？!?；;：:"


def is_page_number(text: str) -> bool:
    """Whether ``text`` is a printed page's number alone (``— 2 —``, ``第2页 共8页``): the
    readers' page-number shape, but for bare figures, which a text's own lines may be."""
    return page_number_shape(text) and not text.strip().isdigit()


def drop_page_lines(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[Block, str]]]:
    """``blocks`` without the page numbers and running headers a copy left in them (see the
    module), and what was taken out with its reason (``page_number``, ``running_header``)."""
    numbers = [
        k
        for k, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH and is_page_number(block.text)
    ]
    if numbers and numbers[-1] == len(blocks) - 1:
        # the last line: a portal's pager (第1页 共3页 says more pages follow) as much as a
        # printed page's number; the end of the text reads it (text/furniture.py)
        numbers.pop()
    if not numbers:
        return list(blocks), []
    dropped = set(numbers)
    near: set[int] = set()  # the blocks beside a page number
    for k in numbers:
        near.update(range(max(0, k - HEADER_REACH), min(len(blocks), k + HEADER_REACH + 1)))
    written = Counter(
        text
        for j in near - dropped
        if blocks[j].kind is BlockKind.PARAGRAPH and _header_like(text := blocks[j].text.strip())
    )
    headers = {text for text, count in written.items() if count >= 2}
    # a number beside a short line written once (a running header the copy kept only one
    # of, or the text's own heading) stays: with it gone the line would join the sentence
    numbers = [k for k in numbers if not _beside_unknown(blocks, k, headers)]
    if not numbers:
        return list(blocks), []
    dropped = set(numbers)
    for k in numbers:
        for j in range(max(0, k - HEADER_REACH), min(len(blocks), k + HEADER_REACH + 1)):
            if blocks[j].text.strip() in headers:
                dropped.add(j)
    width = wrap_width([block for k, block in enumerate(blocks) if k not in dropped])
    kept: list[Block] = []
    broke = False  # whether something was taken out right before the next block kept
    for k, block in enumerate(blocks):
        if k in dropped:
            broke = True
            continue
        beside = k in near and _header_like(block.text.strip())  # a running header once
        if broke and kept and not beside and _cut_at_page_end(kept[-1], block, width):
            # …3家单位未安装称重 / — 3 — / 设备。: one sentence, cut by the page's end
            before = kept[-1]
            kept[-1] = replace(before, text=before.text.rstrip() + block.text.lstrip())
            broke = False
            continue
        if (
            broke
            and block.after_blank
            and kept
            and not kept[-1].text.rstrip().endswith(tuple(_SENTENCE_END))
        ):
            block = replace(block, after_blank=False)
        broke = False
        kept.append(block)
    taken = [
        (block, "page_number" if k in numbers else "running_header")
        for k, block in enumerate(blocks)
        if k in dropped
    ]
    return kept, taken


def _cut_at_page_end(before: Block, after: Block, width: float | None) -> bool:
    """Whether ``after`` goes on with the sentence ``before`` broke off at a page's end: the
    line before ends with no mark at all (a character of a word), the one after opens with no
    number nor label, and neither is a table, a table's row copied with gaps between its
    cells, or placed on a page (a PDF's lines are joined by its own layout). In a
    hard-wrapped copy a line at the wrap width is left to the joining of wrapped lines
    (``text/rewrap.py``), which knows the width."""
    if BlockKind.PARAGRAPH not in (before.kind, after.kind) or before.kind is not after.kind:
        return False
    if before.geometry is not None or after.geometry is not None:
        return False
    text, following = before.text.rstrip(), after.text.strip()
    if _CELL_GAP.search(text.strip()) or _CELL_GAP.search(following):
        return False  # a table's rows copied with gaps between their cells
    if width is not None and em_width(text) >= width - WIDTH_TOLERANCE - 1:
        return False
    if not text or not following or not _WORD_END.search(text):
        return False
    return match_marker(following) is None and not _OPENS_LABEL.match(following)


_CELL_GAP = compile_pattern(r"[ \u3000]{2,}|\t")
# A line that ends inside a word (a Chinese character, a letter or a figure).
_WORD_END = compile_pattern(r"[\p{Han}A-Za-z0-9０-９]$")
# A line that opens with a field's label (整改措施：, 责任单位：).
_OPENS_LABEL = compile_pattern(r"^[^，,。；;：:]{2,8}[：:]")


def _beside_unknown(blocks: Sequence[Block], k: int, headers: set[str]) -> bool:
    for j in (k - 1, k + 1):
        if 0 <= j < len(blocks) and blocks[j].kind is BlockKind.PARAGRAPH:
            text = blocks[j].text.strip()
            if (
                text not in headers
                and _header_like(text)
                and not any(mark in text for mark in "，,、：:")  # (a sentence's line)
                and match_marker(text) is None
                and not _CELL_GAP.search(text)  # (a table's header written again)
            ):
                return True
    return False


def _header_like(text: str) -> bool:
    return 2 <= len(text) <= HEADER_MAX_CHARS and not any(ch in text for ch in "。；;！？!?")
