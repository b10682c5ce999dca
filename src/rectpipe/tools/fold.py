"""How facts and extractions are compared: half-width punctuation, traditional characters and
blanks between Han characters folded to what rectpipe's cleaning and repairs give, names
without blanks.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any

from ..text.normalize import clean_text
from ..text.repair_text import to_simplified

__all__ = ["fold", "name_key"]

_FOLD = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})


def fold(value: Any) -> Any:
    """Half-width punctuation as the full-width forms repaired web copies give, traditional
    characters as the simplified ones rectpipe's repair gives, and the blanks between Han
    characters and CJK punctuation closed as the cleaning of every copy closes them (facts
    keep a copy's text as written: ``关于 “X” 的问题``)."""
    if isinstance(value, str):
        return to_simplified(clean_text(value.translate(_FOLD)))
    if isinstance(value, list):
        return [fold(v) for v in value]
    return value


def name_key(value: Any) -> str:
    """A name compared: folded like titles, blanks removed."""
    return "".join(str(fold(str(value))).split())
