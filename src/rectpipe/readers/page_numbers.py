"""Internal: what a printed page's number looks like, for every reader and stage that meets one.

The PDF reader drops a page's number among its running furniture (:mod:`.pdf.furniture`); a
text copied out of printed pages keeps it inside its body (:mod:`rectpipe.text.page_lines`).
Both ask :func:`page_number_shape`.
"""

from __future__ import annotations

import re

from ..runtime.patterns import compile_re

__all__ = ["page_number_shape"]

_DASHES = "-‐‑‒–—―－~～·•*"
_PAGE_NUMBER = compile_re(
    rf"""^(?:
        [{_DASHES}]*\d{{1,4}}[{_DASHES}]*                      # 3, — 3 —, - 3 -
      | 第\d{{1,4}}[页頁](?:[,，/／]?共\d{{1,4}}[页頁])?      # 第3页, 第3页 共10页
      | 共\d{{1,4}}[页頁][,，/／]?第\d{{1,4}}[页頁]            # 共10页 第3页
      | \d{{1,4}}[/／]\d{{1,4}}                              # 3/10
      | (?:page|p\.)\d{{1,4}}(?:of\d{{1,4}})?                 # Page 3 of 10
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
_SPACES = compile_re(r"\s+")


def page_number_shape(text: str) -> bool:
    """True when ``text`` (whitespace ignored) is shaped like a page number.

    Accepted: ``— 3 —``, ``- 3 -``, ``·3·``, ``第3页`` (or 頁), ``第 3 页 共 10 页``,
    ``共10页 第3页``, ``3/10``, ``Page 3 of 10`` and bare digits (up to four).
    """
    return bool(_PAGE_NUMBER.match(_SPACES.sub("", text)))
