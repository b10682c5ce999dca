"""A document number (文号: ``X发〔2025〕3号``) and the one a running header prints.

A unit's template may print the 文号 in the running header of every page beside the unit's
name (``青岚水务集团有限公司　　青水司〔2025〕8号``). The header is page furniture and never
body text, so a reader hands the number on as the ``文号`` hint, which fills the document
number when the body does not state one. A year between two brackets of different kinds
(``〔2025]``, ``［2025〕``: a scanned header, one of them misread) is put between 〔〕, the
brackets the opening one stands for; a matched pair is kept as printed.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..runtime.hanzi import fold_traditional
from ..runtime.patterns import compile_pattern

if TYPE_CHECKING:
    import regex

__all__ = ["DOC_NUMBER", "header_hints"]

# (not opening with a label whose blanks cleaning closed: 文  号 青水党〔2025〕7号)
DOC_NUMBER = compile_pattern(
    r"(?!(?:发文字|文件编|文|字|编)?号)"
    r"[\p{Han}]{1,10}[〔\[［(（][0-9]{4}[〕\]］)）]\s*第?[0-9]{1,4}\s*号"
)
_YEAR = compile_pattern(r"(?P<open>[〔\[［(（])(?P<year>[0-9]{4})(?P<close>[〕\]］)）])")
_PAIRS = frozenset({("〔", "〕"), ("[", "]"), ("［", "］"), ("(", ")"), ("（", "）")})


def _year(match: regex.Match[str]) -> str:
    if (match.group("open"), match.group("close")) in _PAIRS:
        return match.group(0)
    return f"〔{match.group('year')}〕"


def header_hints(headers: Iterable[str]) -> dict[str, str]:
    """``{"文号": …}`` from the first running header that holds a document number (in either
    script: the text stage makes a traditional one simplified), else ``{}``."""
    for text in headers:
        match = DOC_NUMBER.search(fold_traditional(text))  # 號 too: the same length
        if match:
            return {"文号": _YEAR.sub(_year, text[match.start() : match.end()])}
    return {}
