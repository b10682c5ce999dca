"""Format-blind text repair applied to every block before structure is read.

The normalised text is what offsets point into. Punctuation width is *not* changed (the
grammar accepts both widths, and users want the words as written); what is repaired is what no
reader of the original would see: Kangxi radicals standing in for ideographs, zero-width
characters, control characters, and spaces that a PDF or web copy put between Han characters.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..readers.blocks import Block, BlockKind
from ..runtime.patterns import compile_pattern, compile_re
from ..runtime.record import replace
from .furniture import menu_items

__all__ = ["CJK_CHARS", "STATUS_OPENING", "clean_blocks", "clean_text"]


def _radical_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EFF)):
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and len(folded) == 1:
            table[code] = folded
    # CJK radicals supplement forms NFKC leaves alone but that stand for common ideographs.
    table.update({0x2E8C: "小", 0x2E8D: "小", 0x2EA7: "牛", 0x2ECF: "阝", 0x2ED6: "阝"})
    return table


_TRANSLATE: dict[int, str | None] = {
    **_radical_table(),
    0x200B: None,  # zero width space
    0x200C: None,
    0x200D: None,
    0x2060: None,
    0xFEFF: None,  # BOM inside text
    0x00AD: None,  # soft hyphen
    0x00A0: " ",  # no-break space
    0x2002: " ",
    0x2003: " ",
    0x2009: " ",
    0x200A: " ",
    0x202F: " ",
}
_TRANSLATE.update({code: None for code in range(0x00, 0x20) if code not in (0x09, 0x0A)})
_TRANSLATE[0x7F] = None
# Most texts hold none of those characters: one scan of a character class (stdlib ``re``, a
# table lookup per character) is far cheaper than ``str.translate``'s dict lookup per character.
_TRANSLATED = compile_re("[" + "".join(re.escape(chr(code)) for code in sorted(_TRANSLATE)) + "]")

_HAN = r"\p{Han}"
_CJK_PUNCT = r"，。、；：？！“”‘’（）《》【】—…·「」『』〔〕"
# A run of blanks (not newlines) between two Han characters or CJK punctuation disappears.
CJK_CHARS = rf"{_HAN}{_CJK_PUNCT}"
"""Han characters and CJK punctuation, as the body of a character class: between two of them a
blank is no word space."""
_CJK_GAP = compile_pattern(rf"(?<=[{CJK_CHARS}])[ \t\u3000]+(?=[{CJK_CHARS}])")
_SPACES = compile_pattern(r"[ \t]{2,}")
# A line's last column set off by a wide gap when it is a status (1.会议记录不规范        已完成,
# a list copied from a table): a colon stands for the gap, as the finding's status follows one.
STATUS_OPENING = r"(?:已|正在|尚未|尚在|仍在|持续|长期|基本|部分|未)"
"""How a status written bare after its finding opens (…：已完成, …——正在整改, a last column
持续推进): one pattern for the text's repair, the structure and the fields."""
_COLUMN_STATUS = compile_pattern(
    rf"(?m)(?<=\p{{Han}})(?:[ ]{{3,}}|\u3000{{2,}}|\t+)"
    rf"(?={STATUS_OPENING}\p{{Han}}{{1,6}}[ \t\u3000]*$)"
)
_MENU_MAX = 120  # longer: no menu row (:func:`~.furniture.menu_items`), not looked at


def clean_text(text: str) -> str:
    """``text`` with radicals folded, invisible characters dropped and CJK gaps closed.

    Leading and trailing blanks (also U+3000) are removed. Newlines inside a block are kept
    (tables use them between rows). Idempotent: ``clean_text(clean_text(x)) == clean_text(x)``.
    """
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    if " " in text or "\t" in text or "\u3000" in text:  # both patterns need a blank
        items = menu_items(text) if len(text) <= _MENU_MAX and "\n" not in text else None
        if items is not None:  # a site's menu keeps its items apart (then it is told as one)
            return " ".join(items)
        text = _CJK_GAP.sub("", _COLUMN_STATUS.sub("：", text))
        text = _SPACES.sub(" ", text)
    if "\n" not in text:
        return text.strip(" \t\u3000")
    return "\n".join(line.strip(" \t\u3000") for line in text.split("\n")).strip("\n")


def clean_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Blocks with cleaned text (and cells); blocks left empty are dropped."""
    cleaned: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE and block.cells is not None:
            cells = tuple(tuple(clean_text(cell) for cell in row) for row in block.cells)
            text = "\n".join("\t".join(row) for row in cells)
            if not text.strip():
                continue
            cleaned.append(replace(block, text=text, cells=cells))
            continue
        text = clean_text(block.text)
        label = clean_text(block.list_label) if block.list_label else None
        if not text and not label:
            continue
        cleaned.append(replace(block, text=text, list_label=label or None))
    return cleaned
