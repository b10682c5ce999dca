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

from .dom import _BLOCK_TAGS, _children, _El, _tag, _text, _weight
from .flow import _flow, _Line

__all__ = ["widen_single_paragraph"]

_MIN_SIBLING_WEIGHT = 10  # a sibling holding this much text is more of the article
_MAX_STEPS = 4
_MAX_STRUCTURE = 6  # block elements and <br> under a container that may still be one line


def widen_single_paragraph(container: _El, skip: Collection[_El]) -> _El:
    """``container``, or, when it holds a single line, the nearest ancestor (within four
    levels, single-child wrappers passed through) that holds other text beside it."""
    if not _single_line(container, skip):
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


def _single_line(container: _El, skip: Collection[_El]) -> bool:
    """Whether ``container`` reads as one line of text (no table; a glance at its structure
    first, so that a large container is not walked twice)."""
    breaks = 0
    for el in container.iterdescendants():
        if isinstance(el.tag, str) and (_tag(el) == "br" or _tag(el) in _BLOCK_TAGS):
            breaks += 1
            if breaks > _MAX_STRUCTURE:
                return False
    items = _flow(container, skip=skip, tables=True)
    return len(items) == 1 and isinstance(items[0], _Line)
