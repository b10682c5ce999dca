"""Internal: a field's label as a pattern, written as the profile writes it or longer.

A report may name a field with more words before the profile's label (整改任务完成情况 for
完成情况, 主要存在问题 for 存在问题): the label is one of the profile's words, or up to
:data:`MORE` characters before one, and the longest word is tried first.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..runtime.patterns import escape

__all__ = ["MORE", "label_words"]

MORE = 4
"""Characters a label may hold before the profile's word it ends with."""


def label_words(words: Iterable[str], group: str | None = None) -> str:
    """A pattern of a label among ``words``, or a longer one that ends as one of them does
    (the word in ``group`` when it is named)."""
    alternation = "|".join(escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    named = f"?P<{group}>" if group else "?:"
    return rf"\p{{Han}}{{0,{MORE}}}?({named}{alternation})"
