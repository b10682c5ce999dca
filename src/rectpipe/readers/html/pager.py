"""Internal: a paged article's page links (``上一页 1 2 3 下一页``, ``第1页 共3页``).

A portal splits a long article over several pages and links them below the text. The links
are chrome and never become blocks, but they say whether the page holds the whole article:
:func:`find_pager` gives their text as a hint (``分页``), and the completeness check decides
from it whether the copy was cut.
"""

from __future__ import annotations

from lxml import etree

from ...runtime.patterns import compile_re

__all__ = ["find_pager"]

_TAGS = frozenset({"div", "p", "span", "td", "ul", "nav", "center", "section"})
_TOKENS = compile_re(
    r"(?:\s*(?:首页|上一页|下一页|尾页|末页|第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|\d{1,4}"
    r"|[|｜/／,，<>«»‹›]|跳转|转到|GO|go))+\s*"
)
_WORD = compile_re(r"上一页|下一页|第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页")
MAX_PAGER = 80
"""Characters a pager's text may hold."""


def find_pager(body: etree._Element) -> str | None:
    """The text of the first element of ``body`` that is nothing but page links, else
    ``None``."""
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag.lower() not in _TAGS:
            continue
        text = " ".join("".join(element.itertext()).split())
        if len(text) <= MAX_PAGER and _WORD.search(text) and _TOKENS.fullmatch(text):
            return text
    return None
