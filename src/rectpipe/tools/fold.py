"""How facts and extractions are compared: half-width punctuation and traditional characters
folded to what rectpipe's repairs give, names without blanks.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any

from ..text.repair_text import to_simplified

__all__ = ["fold", "name_key"]

_FOLD = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})


def fold(value: Any) -> Any:
    """Half-width punctuation as the full-width forms repaired web copies give, and
    traditional characters as the simplified ones rectpipe's repair gives (facts keep a
    traditional copy's text as written)."""
    if isinstance(value, str):
        return to_simplified(value.translate(_FOLD))
    if isinstance(value, list):
        return [fold(v) for v in value]
    return value


def name_key(value: Any) -> str:
    """A name compared: folded like titles, blanks removed."""
    return "".join(str(fold(str(value))).split())
