"""Internal: the page parsed into a tree, and helpers to look at the tree.

Parsing (lxml's HTML parser, no network), tree helpers (tag names, text with or without links,
id/class name pieces, hidden elements, data tables) and dropping junk elements. The tree's
text in reading order, and data tables as rows of cell texts, are in :mod:`.flow`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from itertools import islice
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ...errors import CorruptFileError, TooLargeError
from ...runtime.hanzi import fold_traditional
from ...runtime.patterns import compile_re
from .decode import _CONTROL

# lxml ships no type information; elements are handled as ``Any`` behind this alias.
_El = Any

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})
_JUNK_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "applet",
        "svg", "math", "canvas", "video", "audio", "select", "option", "button", "input",
        "textarea", "map", "link", "meta", "base",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})

_HAN = compile_re(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALNUM = compile_re(r"[A-Za-z0-9]")
_WS = compile_re(r"\s+")
_CJK_CLASS = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_NEWLINE_BETWEEN_CJK = compile_re(rf"(?<={_CJK_CLASS})[ \t]*[\r\n][ \t\r\n]*(?={_CJK_CLASS})")
_HTML_WS_RUN = compile_re(r"[ \t\r\n\f\v]+")
_INVISIBLE = compile_re("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_DOCTYPE_SUBSET = compile_re(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_MARKUP = compile_re(
    r"<\s*(?:!doctype|html|head|body|meta|title|div|p|table|span|br|h[1-6]|ul|li|a|font"
    r"|center|section|article|main)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _parse(text: str, notes: list[tuple[str, str]]) -> _El:
    """Parse decoded text with lxml's HTML parser; :class:`CorruptFileError` if not HTML.

    libxml2 stops parsing, with no exception, at a text node or attribute value over 10 MB
    (an inline ``data:`` image, a bundled script) and at elements nested deeper than 256:
    everything after is dropped. A page that meets the first is parsed again with
    ``huge_tree`` (libxml2's ``XML_PARSE_HUGE``: text of any size, nesting to 2048), so it is
    read whole; ``huge_tree`` is not the default because it also lets nesting run eight times
    deeper, which the tree walks here pay for quadratically. A page nested deeper than the
    parser goes is read up to there, with a note ``parse_truncated`` that says the rest was
    dropped. Nothing HTML entities can expand to is affected: the HTML parser reads no DTD.
    """
    if not _MARKUP.search(text):
        raise CorruptFileError("no HTML markup found, not a web page")
    cleaned = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", _CONTROL.sub(" ", text), count=1)
    data = cleaned.encode("utf-8", errors="replace")
    root, errors = _parse_html(data, huge=False)
    if any(_over_buffer(message) for message in errors):
        root, errors = _parse_html(data, huge=True)
    depth = next((m for m in map(_EXCESSIVE_DEPTH.search, errors) if m), None)
    if depth is not None:
        notes.append(
            (
                "parse_truncated",
                f"elements nested deeper than {depth.group(1)} levels: the page was read up to "
                "the first of them and the rest was dropped",
            )
        )
    if any(_over_buffer(message) for message in errors):
        raise TooLargeError("a text node or attribute beyond the HTML parser's limits")
    return root


_EXCESSIVE_DEPTH = compile_re(r"Excessive depth in document: (\d+)")


def _over_buffer(message: str) -> bool:
    """Whether a parser error is libxml2 giving up on a text node or value too long for it."""
    return "Resource limit exceeded" in message or "huge text node" in message


def _parse_html(data: bytes, *, huge: bool) -> tuple[_El, list[str]]:
    """The parsed page and the parser's error messages."""
    parser = lxml_html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=huge,
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise CorruptFileError(f"cannot parse HTML: {exc}") from exc
    return root, [str(error.message) for error in parser.error_log]


# --------------------------------------------------------------------------------------------
# Tree helpers
# --------------------------------------------------------------------------------------------


def _tag(el: _El) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _children(el: _El) -> list[_El]:
    return [child for child in el if isinstance(child.tag, str)]


def _clean_line(raw: str) -> str:
    """Collapse HTML whitespace and trim the ends (incl. ``&nbsp;`` and U+3000 indentation).

    A source line break between two CJK characters disappears, as browsers render it; other
    runs of ASCII whitespace become one space. Non-breaking and ideographic spaces inside the
    line are kept as written.
    """
    text = _INVISIBLE.sub("", raw)
    text = _NEWLINE_BETWEEN_CJK.sub("", text)
    text = _HTML_WS_RUN.sub(" ", text)
    return text.strip()


def _squash(text: str) -> str:
    """Text with all whitespace removed, for matching labels and chrome words; traditional
    characters folded to simplified, so that a traditional page's labels match too
    (:func:`~rectpipe.runtime.hanzi.fold_traditional`)."""
    return fold_traditional(_WS.sub("", _INVISIBLE.sub("", text)))


def _text(el: _El, *, links: bool = True) -> str:
    """All text inside ``el`` (not its tail); without ``<a>`` text when ``links`` is false."""
    if links:  # lxml's own walk, in C: the same text, comments and instructions left out
        return "".join(el.itertext()) if isinstance(el.tag, str) else ""
    parts: list[str] = []
    stack: list[tuple[_El, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if not isinstance(node.tag, str) or (not links and _tag(node) == "a"):
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def _weight(text: str) -> float:
    """Text mass for density scoring: Han characters, Latin letters and digits count a fifth."""
    return len(_HAN.findall(text)) + 0.2 * len(_ALNUM.findall(text))


def _ancestors(el: _El) -> Iterator[_El]:
    node = el.getparent()
    while node is not None:
        yield node
        node = node.getparent()


def _inside(el: _El, roots: Collection[_El]) -> bool:
    if el in roots:
        return True
    return any(anc in roots for anc in _ancestors(el))


def _name_parts(el: _El) -> tuple[list[str], set[str]]:
    """Lower-case id/class tokens of ``el`` and their pieces split at ``-_:.`` and camelCase."""
    raw = f"{el.get('id') or ''} {el.get('class') or ''}"
    tokens = [token.lower() for token in raw.split()]
    parts: set[str] = set(tokens)
    for token in raw.split():
        for piece in re.split(r"[-_:.]+", token):
            parts.add(piece.lower())
            parts.update(m.lower() for m in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", piece))
    return tokens, parts


def _is_hidden(el: _El) -> bool:
    if el.get("hidden") is not None:
        return True
    style = _squash(str(el.get("style") or "")).lower()
    return "display:none" in style or "visibility:hidden" in style


def _own_rows(table: _El) -> list[_El]:
    """The ``<tr>`` rows of ``table`` itself, not of tables nested in its cells."""
    return [tr for tr in table.iter("tr") if _nearest_table(tr) is table]


def _nearest_table(el: _El) -> _El | None:
    for anc in _ancestors(el):
        if _tag(anc) == "table":
            return anc
    return None


# A cell this long, over this many lines and with most of its table's text, holds an article
# (a layout table's content cell whose lines are set apart by <br> only), not a value: a
# ledger's cells hold a few lines each, none most of the table.
_ARTICLE_CELL_WEIGHT = 200
_ARTICLE_CELL_BREAKS = 5
_ARTICLE_CELL_SHARE = 0.6


def _holds_article(cell: _El, table: _El) -> bool:
    """Whether a table cell holds an article: long text over many ``<br>`` lines, most of
    the table's text (measured only for a cell that passes the cheaper tests first)."""
    if next(islice(cell.iter("br"), _ARTICLE_CELL_BREAKS - 1, None), None) is None:
        return False  # fewer breaks than an article has
    weight = _weight(_text(cell))
    if weight < _ARTICLE_CELL_WEIGHT:
        return False
    return weight >= _ARTICLE_CELL_SHARE * _weight(_text(table))


def _is_data_table(table: _El) -> bool:
    """A grid of data (ledger) rather than a layout wrapper: some row has two or more cells,
    no table is nested inside, no cell holds three or more paragraphs (unless three rows or
    more have three cells or more: a ledger's measures, one paragraph each, as Word and
    LibreOffice save a table as HTML) and none holds an article written as ``<br>`` lines
    (:func:`_holds_article`)."""
    if any(_tag(el) == "table" for el in table.iterdescendants()):
        return False
    rows = _own_rows(table)
    if not rows:
        return False
    widths = [len([c for c in _children(tr) if _tag(c) in _CELL_TAGS]) for tr in rows]
    if max(widths) < 2:
        return False
    grid = sum(width >= 3 for width in widths) >= 3
    for cell in table.iter("td", "th"):
        paragraphs = [el for el in cell.iter("p", "div") if el is not cell and _squash(_text(el))]
        if (len(paragraphs) >= 3 and not grid) or _holds_article(cell, table):
            return False
    return True


def _drop_junk(body: _El) -> None:
    """Remove scripts, styles, form controls and hidden elements (keeping their tail text)."""
    doomed = {
        el
        for el in body.iterdescendants()
        if isinstance(el.tag, str) and (_tag(el) in _JUNK_TAGS or _is_hidden(el))
    }
    for el in list(doomed):
        if el.getparent() is not None and not any(anc in doomed for anc in _ancestors(el)):
            el.drop_tree()
