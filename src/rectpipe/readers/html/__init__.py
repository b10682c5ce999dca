"""Read a government web page (HTML) into :class:`~rectpipe.blocks.Document` blocks.

Portal pages wrap the report in chrome: top navigation, a breadcrumb (``当前位置：首页 > …``), an
information header box (``索引号 / 发布机构 / 成文日期 …``), a ``日期：… 来源：… 浏览量：`` line,
share / print / font-size widgets, related links and a site footer whose ``联系电话`` and address
are the site's, not the report's. :func:`read_html` finds the article among all that, returns its
paragraphs, headings and tables as blocks, and moves the page facts into ``Document.hints``.

The steps, each a small function in the module named:

1. decode the bytes (BOM, then ``<meta charset>`` / ``http-equiv``, else detection; GB2312 and
   GBK are decoded as their superset GB18030) — :mod:`.decode`;
2. parse with lxml's HTML parser (no network, comments and processing instructions dropped; the
   HTML parser never loads external entities and a DOCTYPE internal subset is cut beforehand)
   — :mod:`.dom`;
3. drop scripts, styles, form controls and hidden elements — :mod:`.dom`;
4. find the header box and the date/source line (:mod:`.portal`), and the chrome (by tag, by
   id/class and by text; :mod:`.chrome`);
5. pick the article container by the density of Chinese text outside links, with common
   container names (``TRS_Editor``, ``zoom``, ``content`` …) as a bonus — :mod:`.article`;
6. find the article title just before the container (:mod:`.article`), then walk the container
   in reading order (:mod:`.flow`); :func:`read_html` below puts the blocks together.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ...errors import CorruptFileError, RectpipeError
from ..blocks import Block, BlockKind, Document, RemovedText
from .article import _dateline_after, _find_title, _pick_container
from .chrome import _chrome_by_markup, _chrome_by_text
from .decode import _decode
from .dom import _HEADING_TAGS, _clean_line, _drop_junk, _El, _parse, _tag, _text, _weight
from .flow import _caption_blocks, _flow, _Line, _lines, _table_rows, _TableRef
from .footer import footer_between
from .masthead import masthead_before
from .pager import find_pager
from .portal import (
    _ANY_DATE,
    _add_date_hints,
    _date_alone,
    _dated,
    _find_boxes,
    _find_date_line,
    _head_hints,
    _is_chrome_line,
    _iso_date,
    _original_title,
    _parse_box,
)
from .widen import widen_single_paragraph

__all__ = ["read_html"]


def read_html(data: bytes) -> Document:
    """Read a web page's bytes into a :class:`Document` of the article's blocks.

    Returns ``Document(format="html")`` whose ``blocks`` are, in reading order: the article
    title (``HEADING``, found just before the content container), then the container's
    paragraphs (``PARAGRAPH``, ``path="html:p:<i>"``; each ``<br>``-separated line is its own
    block), ``<h1>``–``<h3>`` inside it (``HEADING``, same path counter) and data tables
    (``TABLE``, ``path="html:t:<i>"``, colspans once, rowspans repeated in each spanned row).
    Text is trimmed of whitespace, ``&nbsp;`` and U+3000 at both ends; empty blocks are skipped.

    ``hints`` holds the header box (labels as written, without spaces or colon, e.g.
    ``"发布机构"``), ``"页面标题"`` (the ``<title>``), ``"分页"`` (a paged article's page links,
    as text: :mod:`.pager`), and ``"页面日期"`` (ISO date) / ``"来源"``
    from the ``日期：… 来源：…`` line (falling back to the PubDate / ContentSource meta tags).
    Chrome, the header box and the date line never become blocks; what was dropped from inside
    the article is listed in ``removed`` (an article that opens with its headline again loses
    that line, reason ``repeated_title``).

    A page without article text gives an empty block list (with a note ``no_article_text``).
    Bytes that are not text, not decodable or not HTML raise :class:`CorruptFileError`; no other
    exception escapes.
    """
    try:
        return _read(data)
    except RectpipeError:
        raise
    except Exception as exc:  # a damaged page must not crash a batch
        raise CorruptFileError(f"cannot read web page: {type(exc).__name__}: {exc}") from exc


def _repeats(headline: _Line | _TableRef, line: _Line) -> bool:
    """Whether ``line`` says what the headline says, blanks aside."""
    if not isinstance(headline, _Line) or line.heading:
        return False
    return "".join(headline.text.split()) == "".join(line.text.split())


def _read(data: bytes) -> Document:
    text, notes = _decode(data)
    root = _parse(text, notes)
    page_title, metas = _head_hints(root)
    body = root.find("body")
    if body is None:
        body = root
    _drop_junk(body)

    hints: dict[str, str] = {}
    removed: list[RemovedText] = []
    boxes = _find_boxes(body)
    for box in boxes:
        for label, value in _parse_box(box).items():
            hints.setdefault(label, value)
    if page_title:
        hints["页面标题"] = page_title

    pager = find_pager(body)
    if pager:
        hints["分页"] = pager

    total_weight = _weight(_text(body, links=False))
    markup_chrome = _chrome_by_markup(body, total_weight)
    date_line = _find_date_line(body, boxes, markup_chrome)
    if date_line is not None:
        if date_line.date:
            hints.setdefault("页面日期", date_line.date)
        if date_line.source:
            hints.setdefault("来源", date_line.source)
    pub_date = metas.get("pubdate") or metas.get("publishdate")
    if "页面日期" not in hints and pub_date:
        match = _ANY_DATE.search(pub_date)
        iso = _iso_date(*match.groups()) if match else None
        if iso:
            hints["页面日期"] = iso
    if "页面日期" not in hints and (alone := _date_alone(body, boxes, markup_chrome)):
        hints["页面日期"] = alone
    if original := _original_title(body):
        hints["原标题"] = original
    if "来源" not in hints and metas.get("contentsource"):
        hints["来源"] = metas["contentsource"]

    line_el = [date_line.element] if date_line is not None else []
    text_chrome = _chrome_by_text(body, protected=[*boxes, *line_el])
    excluded = {*boxes, *line_el, *markup_chrome, *text_chrome}
    container = _pick_container(body, excluded)
    if container is not None:
        container = widen_single_paragraph(container, excluded)
    if container is None:
        notes.append(("no_article_text", "no article text found on the page"))
        return Document(blocks=[], format="html", hints=hints, removed=removed, notes=notes)

    title = _find_title(body, container, page_title, {*boxes, *markup_chrome, *text_chrome})
    reasons: dict[_El, str] = {box: "header_box" for box in boxes}
    for el in line_el:
        reasons[el] = "date_line"
    skip: dict[_El, str] = {**{el: "page_chrome" for el in excluded}, **reasons}

    skipped: list[tuple[int, str]] = []  # a dropped element's text, where in ``items`` it stood

    def note_skip(el: _El, position: int) -> None:
        dropped = _clean_line(" ".join(_lines(el)))
        if dropped:
            removed.append(RemovedText(dropped, skip.get(el, "page_chrome")))
            skipped.append((start + position, dropped))

    items: list[_Line | _TableRef] = []
    if title is not None:
        title_text = _clean_line(" ".join(_lines(title)))
        if title_text:
            tag = _tag(title)
            items.append(_Line(title_text, tag if tag in _HEADING_TAGS else "title"))
        dateline = _dateline_after(title, container, excluded)
        if dateline is not None:  # （二〇二五年二月二十八日） under the headline
            items.append(_Line(_clean_line(" ".join(_lines(dateline))), None))
    start = len(items)
    items.extend(_flow(container, skip=skip, tables=True, on_skip=note_skip))
    opening = items[start] if start and len(items) > start else None
    if isinstance(opening, _Line) and _repeats(items[0], opening):
        # The article opens with the headline again (the Word file pasted whole under the
        # page's headline): one title, not two.
        del items[start]
        removed.append(RemovedText(opening.text, "repeated_title"))
        skipped[:] = [(at - (at > start), text) for at, text in skipped]

    texts = [
        item.text if isinstance(item, _Line) and item.heading is None else None for item in items
    ]
    chrome_lines = [text is not None and _is_chrome_line(text) for text in texts]
    footer = footer_between(texts, chrome_lines, [at for at, _text in skipped])
    marked = [(at, text) for at, text in enumerate(texts) if text is not None and chrome_lines[at]]
    footer |= masthead_before(texts, start, [*marked, *skipped])
    # A page that ends lines with <br> inside its paragraphs tells a paragraph's start from a
    # line's: the start is marked as a text file's line after a blank one is (``after_blank``),
    # so that a copy cut into printed lines is joined back into its paragraphs.
    marks_starts = sum(isinstance(item, _Line) and item.after_br for item in items) >= 3
    blocks: list[Block] = []
    n_text = n_table = 0
    for position, item in enumerate(items):
        if isinstance(item, _TableRef):
            captions = _caption_blocks(item.element, n_text)
            blocks.extend(captions)
            n_text += len(captions)
            rows = _table_rows(item.element)
            if rows:
                blocks.append(
                    Block(
                        text="\n".join("\t".join(row) for row in rows),
                        kind=BlockKind.TABLE,
                        path=f"html:t:{n_table}",
                        cells=rows,
                    )
                )
                n_table += 1
            continue
        if chrome_lines[position] or position in footer:
            if _dated(item.text) and "来源" in item.text:
                removed.append(RemovedText(item.text, "date_line"))
                _add_date_hints(hints, item.text)
            else:
                removed.append(RemovedText(item.text, "page_chrome"))
            continue
        kind = BlockKind.HEADING if item.heading else BlockKind.PARAGRAPH
        starts = marks_starts and bool(blocks) and not item.after_br
        blocks.append(
            Block(
                text=item.text,
                kind=kind,
                path=f"html:p:{n_text}",
                style=item.heading,
                emphasis=item.emphasis,
                after_blank=starts,
            )
        )
        n_text += 1
    if not blocks:
        notes.append(("no_article_text", "no article text found on the page"))
    return Document(blocks=blocks, format="html", hints=hints, removed=removed, notes=notes)
