"""Internal: a container that holds one paragraph of the article widened to the article.

The density score (:func:`.article._pick_container`) gives an element its own text, its
children's and half its grandchildren's. An editor that wraps every paragraph in its own
boxes (WeChat's ``<section><p><span>…</span></p></section>``, each paragraph two or three
levels below the article) leaves the article's element with little of that, and a paragraph
longer than all the others together wins alone. A container that reads as a single line is
a paragraph, not an article: the nearest ancestor that holds other text beside it (outside
the page chrome; wrappers that hold nothing else passed through) is taken instead.
"""

from __future__ import annotations

from collections.abc import Collection

from .dom import _children, _El, _tag, _text, _weight
from .flow import _flow, _Line

__all__ = ["widen_single_paragraph"]

_MIN_SIBLING_WEIGHT = 10  # a sibling holding this much text is more of the article
_MAX_STEPS = 4


def widen_single_paragraph(container: _El, skip: Collection[_El]) -> _El:
    """``container``, or, when it holds a single line, the nearest ancestor (within four
    levels, single-child wrappers passed through) that holds other text beside it."""
    lines = [item for item in _flow(container, skip=skip) if isinstance(item, _Line)]
    if len(lines) > 1:
        return container
    node = container
    for _step in range(_MAX_STEPS):
        parent = node.getparent()
        if parent is None or _tag(parent) in {"body", "html"}:
            break
        beside = [
            child
            for child in _children(parent)
            if child is not node
            and child not in skip
            and _weight(_text(child, links=False)) >= _MIN_SIBLING_WEIGHT
        ]
        if beside:
            return parent
        node = parent
    return container
