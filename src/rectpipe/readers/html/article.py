"""Internal: which element holds the article, and the article title placed just before it.

The container is the element with the densest Chinese text outside links (common container
names such as ``TRS_Editor`` score a bonus); the title is an ``<h1>``–``<h3>`` or a
``title``-named element before it.
"""

from __future__ import annotations

from collections.abc import Collection

from ...runtime.patterns import compile_pattern
from .chrome import _is_chrome_text
from .dom import (
    _BLOCK_TAGS,
    _HEADING_TAGS,
    _ancestors,
    _children,
    _El,
    _is_data_table,
    _name_parts,
    _squash,
    _tag,
    _text,
    _weight,
)

# The document's own dateline under its headline, alone in its element: （二〇二五年二月二十八日）,
# 2025年2月28日, （2024年11月8日公告）.
_DATELINE = compile_pattern(
    r"[（(]?\s*[0-9〇○零一二三四五六七八九]{4}\s*年\s*[0-9〇○零一二三四五六七八九十]{1,2}\s*月"
    r"\s*[0-9〇○零一二三四五六七八九十]{1,3}\s*日\s*(?:公告|印发|发布|通过)?\s*[）)]?"
)
_MIN_HEADLINE_CHARS = 8  # a headline known only by the page <title> it repeats
_TITLE_NAMED_TAGS = frozenset({"div", "p", "td", "span", "strong", "b", "font", "h4", "h5", "h6"})
# Names that usually hold the article body (a bonus in the density score, never a requirement).
_CONTENT_NAME_HINTS = (
    "trs_editor", "custom_unionstyle", "zoom", "pages_content", "article", "artical", "content",
    "detail", "view", "zwnr", "wzzw", "textbox", "main",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Article container and title
# --------------------------------------------------------------------------------------------


def _direct_text(el: _El, skip: Collection[_El]) -> str:
    """Text that belongs to ``el`` itself: its text, inline children (not links) and tails."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child not in skip:
            tag = _tag(child)
            if tag not in _BLOCK_TAGS and tag != "a":
                parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _has_content_name(el: _El) -> bool:
    tokens, _parts = _name_parts(el)
    return any(hint in token for token in tokens for hint in _CONTENT_NAME_HINTS)


def _counts_apart(el: _El) -> bool:
    """Whether ``el``'s text is weighed on its own, not as part of its parent's own text (a
    block, or a link, which :func:`_direct_text` leaves out)."""
    tag = _tag(el)
    return tag in _BLOCK_TAGS or tag == "a"


def _pick_container(body: _El, skip: Collection[_El]) -> _El | None:
    """The element that holds the article, or ``None`` when the page has no text.

    Every element's own text (links excluded; a data table counted as a whole; inline
    elements counted in their parent's text, not again on their own: a paragraph whose runs sit
    in three nested ``<font>`` does not outweigh the page) adds its weight to itself, its parent
    and, at half, its grandparent; container names such as
    ``TRS_Editor`` multiply the score by 1.25. The highest score wins; on a tie the outer
    element wins.
    """
    scores: dict[_El, float] = {}
    order: dict[_El, int] = {}
    stack = [body]
    while stack:
        el = stack.pop()
        if el in skip:
            continue
        order[el] = len(order)
        if _tag(el) == "table" and _is_data_table(el):
            weight = _weight(_text(el))
        else:
            weight = _weight(_direct_text(el, skip))
            # An inline child's text is its parent's own text already: counted once, there.
            stack.extend(c for c in reversed(_children(el)) if _counts_apart(c))
        if not weight:
            continue
        target: _El | None = el
        for factor in (1.0, 1.0, 0.5):
            if target is None or _tag(target) == "html":
                break
            scores[target] = scores.get(target, 0.0) + weight * factor
            if target is body:
                break
            target = target.getparent()
    best: _El | None = None
    best_score = 0.0
    for el, score in scores.items():
        if el not in order:
            continue
        if _has_content_name(el):
            score *= 1.25
        if score > best_score or (
            best is not None and score == best_score and order[el] < order[best]
        ):
            best, best_score = el, score
    return best


def _is_title_candidate(el: _El) -> bool:
    """An ``<h1>``–``<h3>``, or a leaf element named like a title (``class="title"``)."""
    tag = _tag(el)
    if tag in _HEADING_TAGS:
        return True
    if tag not in _TITLE_NAMED_TAGS:
        return False
    _tokens, parts = _name_parts(el)
    if not parts & {"title", "biaoti", "bt", "tit", "headline", "arttitle", "articletitle"}:
        return False
    return not any(_tag(d) in _BLOCK_TAGS - {"br"} for d in el.iterdescendants())


def _repeats_page_title(el: _El, page: str) -> bool:
    """A leaf element (no block inside) whose text the page ``<title>`` holds: an old portal's
    headline cell (``<td><font><b>…</b></font></td>``), named and tagged as nothing. The caller
    takes it only near the container (sharing one of its four nearest ancestors), so a site
    name cell at the top of a page whose ``<title>`` is the site's name is not taken."""
    if not page or _tag(el) not in _TITLE_NAMED_TAGS:
        return False
    text = _squash(_text(el))
    if len(text) < _MIN_HEADLINE_CHARS or text not in page:
        return False
    return not any(_tag(d) in _BLOCK_TAGS - {"br"} for d in el.iterdescendants())


# A report's own title, whole (中共…关于…的通报): a headline however its element is named.
# (in simplified or traditional characters; a 标题： label before it, as an index box writes it)
_REPORT_TITLE = compile_pattern(
    r"^(?:[标標]\s*[题題]\s*[:：∶]\s*)?[^，,。；;！？!?\s:：]{2,60}[关關][于於][^，,。；;！？!?\s]{4,80}"
    r"(?:的|情况|情況)(?:通报|通報|报告|報告|公告|公示)$"
)


def _reads_as_report_title(el: _El) -> bool:
    """A leaf element (no block inside) whose text is a report's whole title
    (``<div class="tt">中共…关于…的通报</div>``)."""
    if _tag(el) not in _TITLE_NAMED_TAGS:
        return False
    if _REPORT_TITLE.match(_squash(_text(el))) is None:
        return False
    return not any(_tag(d) in _BLOCK_TAGS - {"br"} for d in el.iterdescendants())


def _find_title(
    body: _El, container: _El, page_title: str, excluded: Collection[_El]
) -> _El | None:
    """The article title placed before the container (``<h1>``, a ``title``-named element, or
    a leaf element near the container that repeats the page ``<title>``).

    Among candidates before the container, the nearest one whose text overlaps the page
    ``<title>`` wins; else the nearest ``<h1>``–``<h3>`` that shares one of the container's
    four nearest ancestors; else the nearest ``title``-named element that does, as long as a
    headline. Returns ``None`` when none exists.
    """
    page = _squash(page_title)
    candidates: list[_El] = []
    container_ancestors = set(_ancestors(container))
    near = list(_ancestors(container))[:4]
    stack = [body]
    while stack:
        el = stack.pop()
        if el is container:
            break
        if el in excluded:
            continue
        if el not in container_ancestors and (
            _is_title_candidate(el)
            or (
                (_repeats_page_title(el, page) or _reads_as_report_title(el))
                and any(a in near for a in _ancestors(el))
            )
        ):
            text = _squash(_text(el))
            if 4 <= len(text) <= 200 and not _is_chrome_text(text):
                candidates.append(el)
                continue
        stack.extend(reversed(_children(el)))
    for el in reversed(candidates):
        text = _squash(_text(el))
        if page and (text in page or page in text):
            return el
    for el in reversed(candidates):
        if _tag(el) in _HEADING_TAGS and any(anc in near for anc in _ancestors(el)):
            return el
    for el in reversed(candidates):
        # <div class="title"> beside the content: a headline as long as one (a column's name
        # in a block named so, 通知公告, is shorter); a report's whole title however named
        if (
            (_is_title_candidate(el) or _reads_as_report_title(el))
            and len(_squash(_text(el))) >= _MIN_HEADLINE_CHARS
            and any(anc in near for anc in _ancestors(el))
        ):
            return el
    return None


def _dateline_after(title: _El, container: _El, excluded: Collection[_El]) -> _El | None:
    """The element right after the headline (or after another such line) that holds only a
    date, the document's own dateline (``<p>（二〇二五年二月二十八日）</p>`` between the ``<h1>``
    and the page's date line), when it lies outside the article container; else ``None``."""
    inside = set(_ancestors(container))
    for sibling in list(title.itersiblings())[:3]:
        if not isinstance(sibling.tag, str) or sibling is container or sibling in inside:
            return None
        text = _squash(_text(sibling))
        if _DATELINE.fullmatch(text):
            return sibling
        if sibling not in excluded:
            return None
    return None
