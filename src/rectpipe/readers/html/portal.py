"""Internal: the page facts a government portal states around the report.

The information header box (``索引号 / 发布机构 / 成文日期 …``) read into label → value hints,
the ``日期：… 来源：…`` line above the article, the ``<title>`` and the portal's meta tags. The
page chrome (navigation, breadcrumb, share / print widgets, related links, site footer) is
found in :mod:`.chrome`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ...runtime.box_labels import BOX_LABELS, STRONG_BOX_LABELS
from ...runtime.hanzi import fold_traditional
from ...runtime.isodate import iso
from ...runtime.page_dates import DATE_ALONE, may_hold_meta_line, meta_line_date
from ...runtime.patterns import compile_pattern, compile_re
from ...runtime.record import record
from .chrome import _CHROME_TEXT, _LINE_CHROME_MAX_CHARS, _is_chrome_text
from .dom import (
    _BLOCK_TAGS,
    _HEADING_TAGS,
    _WS,
    _children,
    _clean_line,
    _El,
    _inside,
    _is_data_table,
    _squash,
    _tag,
    _text,
)
from .flow import _lines

# In the header box a label and its value are often separate inline elements.
_BOX_BOUNDARIES = _BLOCK_TAGS | {"span", "label", "b", "strong", "em", "i"}

_DATE_LINE_MAX_CHARS = 200
# A page's info line that gives only its source: 来源：本站, 信息来源：县水务局.
_SOURCE_LINE = compile_pattern(r"(?:信息)?来源[:：∶]")
_SOURCE_LINE_MAX_CHARS = 40
# The pipes around a value of a box copied as text, and a value that says there is none.
_BOX_CELL_EDGE = compile_pattern(r"^[\s|｜]+|[\s|｜]+$")
_NO_VALUE = compile_pattern(r"无|暂无|空|[-—－/／]+")

_DATE_LINE = compile_re(
    # (not a sharing site's 上传时间: when a copy was uploaded dates no report)
    r"(?<!成文)(?<!生成)(?<!签发)(?<!上传)(?:发布|更新|公开)?(?:日期|时间)\s*[:：∶]\s*"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_SOURCE = compile_re(
    r"(?:信息)?来源\s*[:：∶]\s*(?![^\s:：∶]{1,6}\s*[:：∶])(.*?)"
    r"(?=\s+[^\s:：∶]{1,6}\s*[:：∶]|\s*\d{4}\s*[-年/.]\s*\d{1,2}|\s{2,}|[【\[|｜]|$)"
)
# How a page's date line opens: its date label, maybe inside the bracket of a tool line
# (【信息时间：2026-02-13 阅读次数：】【字号 大 中 小】【打印】).
_LINE_LABEL = compile_re(r"\s*[【\[]?\s*(?:发布|更新|公开|信息)?(?:日期|时间)")
_ANY_DATE = compile_re(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# A meta line without a date label: a source and a bare date-time side by side, in either order
# (来源: 区水务局 2023-11-06 10:30 as the items of one list).
_SOURCE_AND_TIME = compile_re(
    r"来源\s*[:：∶].{0,60}?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+\d{1,2}:\d{2}"
    r"|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+\d{1,2}:\d{2}.{0,60}?来源\s*[:：∶]"
)


def _dated(text: str) -> bool:
    text = fold_traditional(text)
    return bool(
        _DATE_LINE.search(text) or _SOURCE_AND_TIME.search(text) or meta_line_date(text.strip())
    )


def _date_of(text: str) -> str | None:
    """The ISO date a meta line states: after its date label, else beside its source, else
    as one piece of the line (作者：某某 | 2024年10月18日: runtime/page_dates)."""
    text = fold_traditional(text)
    labelled = _DATE_LINE.search(text)
    if labelled:
        return _iso_date(*labelled.groups())
    paired = _SOURCE_AND_TIME.search(text)
    if paired is not None:
        groups = [g for g in paired.groups() if g is not None]
        return _iso_date(*groups[:3])
    piece = meta_line_date(text.strip())
    return None if piece is None else _iso_date(*piece.group("y", "m", "d"))


# Header box ("信息公开" metadata) labels (one list with the text copies' boxes).
_BOX_LABELS = BOX_LABELS
_STRONG_BOX_LABELS = STRONG_BOX_LABELS
_BOX_MAX_CHARS = 2000


def _spaced(label: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in label)


_LABEL_ALT = "|".join(_spaced(label) for label in sorted(_BOX_LABELS, key=len, reverse=True))
_COLON = r"[:：∶]"
_LABEL_WITH_COLON = compile_re(rf"({_LABEL_ALT})\s*{_COLON}")
_LABEL_ALONE = compile_re(rf"^\s*({_LABEL_ALT})\s*{_COLON}?\s*$")
_GENERIC_LABEL = compile_re(rf"^\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){{1,7}})\s*{_COLON}")
_SEP = "\x01"  # joins text pieces when counting labels; never in parsed text
_LABEL_PIECE = compile_re(rf"(?:^|{_SEP})\s*({_LABEL_ALT})\s*(?={_SEP}|$)")


# --------------------------------------------------------------------------------------------
# Header box, date line
# --------------------------------------------------------------------------------------------


def _norm_label(label: str) -> str:
    return _squash(label).rstrip(":：∶")


def _box_labels(el: _El, cache: dict[_El, frozenset[str]]) -> frozenset[str]:
    """Distinct header-box labels inside ``el`` (followed by a colon, or alone in a piece)."""
    found = cache.get(el)
    if found is None:
        joined = fold_traditional(_SEP.join(piece.strip() for piece in el.itertext()))
        labels = {_norm_label(m.group(1)) for m in _LABEL_WITH_COLON.finditer(joined)}
        labels.update(_norm_label(m.group(1)) for m in _LABEL_PIECE.finditer(joined))
        found = frozenset(labels)
        cache[el] = found
    return found


def _find_boxes(body: _El) -> list[_El]:
    """Header boxes: the smallest elements holding two or more box labels (one of them a
    strong one such as 索引号 or 发布机构) and no prose (no label-free child with a full stop
    or over 100 characters); where labels sit in separate boxes, each box is found alone."""
    boxes: list[_El] = []
    _collect_boxes(body, {}, boxes)
    return boxes


def _collect_boxes(el: _El, cache: dict[_El, frozenset[str]], boxes: list[_El]) -> None:
    """:func:`_find_boxes` from ``el`` down. (Tree walks here are module functions: a closure
    calling itself is a reference cycle that keeps the page alive until the collector runs.)"""
    labels = _box_labels(el, cache)
    if len(labels) < 2 or not labels & _STRONG_BOX_LABELS:
        return
    for child in _children(el):
        if _box_labels(child, cache) == labels:
            _collect_boxes(child, cache, boxes)
            return
    text = _squash(_text(el))
    prose = any(
        not _box_labels(child, cache)
        and ("。" in (squashed := _squash(_text(child))) or len(squashed) > 100)
        for child in _children(el)
    )
    if (
        _tag(el) not in {"body", "html"}
        and not prose
        and len(text) <= _BOX_MAX_CHARS
        and text.count("。") <= 2
    ):
        boxes.append(el)
        return
    for child in _children(el):
        _collect_boxes(child, cache, boxes)


def _split_labelled(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a box line into leading text and ``(label, value)`` pairs: labels as the
    simplified script writes them, values as the line does."""
    folded = fold_traditional(line)  # the same length: its spans are the line's
    alone = _LABEL_ALONE.match(folded)
    if alone:
        return "", [(_norm_label(alone.group(1)), "")]
    spans = [(m.start(), m.end(), m.group(1)) for m in _LABEL_WITH_COLON.finditer(folded)]
    generic = _GENERIC_LABEL.match(folded)
    if generic and (not spans or spans[0][0] > generic.start(1)):
        spans.insert(0, (generic.start(1), generic.end(), generic.group(1)))
    if not spans:
        return line, []
    pairs: list[tuple[str, str]] = []
    for i, (_start, end, label) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else len(line)
        pairs.append((_norm_label(label), line[end:stop].strip()))
    return line[: spans[0][0]].strip(), pairs


def _parse_box(box: _El) -> dict[str, str]:
    """Label → value pairs of a header box, labels without spaces or colon, as written.

    Handles label/value table cells, ``label：value`` list items, several pairs on one line and
    values split over inline elements (joined without spaces). A box copied as text, its cells
    set apart by pipes (``| 文　号： | 无 |``), gives its values without the pipes. Empty values
    and values that say there is none (无, 暂无, /, —) are left out; the first value of a
    repeated label wins.
    """
    values: dict[str, list[str]] = {}
    current: str | None = None
    for line in _lines(box, boundaries=_BOX_BOUNDARIES):
        if _is_chrome_text(line):
            continue
        lead, pairs = _split_labelled(line)
        lead = lead.lstrip(":：∶ \u3000\xa0")  # colon after a label set apart (<b>名称</b>：…)
        if lead and current is not None:
            values[current].append(lead)
        for label, value in pairs:
            if label in values:
                current = None
                continue
            values[label] = [value] if value else []
            current = label
    out: dict[str, str] = {}
    for label, parts in values.items():
        value = _BOX_CELL_EDGE.sub("", "".join(parts))
        if value and not _NO_VALUE.fullmatch(fold_traditional(value)):
            out[label] = value
    return out


def _iso_date(year: str, month: str, day: str) -> str | None:
    return iso(int(year), int(month), int(day))


@record
class _DateLine:
    element: _El
    date: str | None
    source: str | None
    text: str


def _collect_dated(el: _El, boxes: list[_El], found: list[_El]) -> None:
    """The smallest elements from ``el`` down that hold a date line, outside ``boxes`` and
    data tables."""
    if el in boxes or (_tag(el) == "table" and _is_data_table(el)):
        return
    text = _WS.sub(" ", _text(el))
    if not _may_be_dated(text):
        return
    matching = [c for c in _children(el) if _may_be_dated(_WS.sub(" ", _text(c)))]
    if matching:
        for child in matching:
            _collect_dated(child, boxes, found)
    elif _dated(text):
        found.append(el)


def _may_be_dated(text: str) -> bool:
    """Whether an element may hold a date line: it holds one, or a meta line may be inside
    it (a piece of chrome and a date somewhere: runtime/page_dates)."""
    return _dated(text) or may_hold_meta_line(fold_traditional(text))


def _find_date_line(body: _El, boxes: list[_El], chrome: Collection[_El]) -> _DateLine | None:
    """The ``日期：… 来源：…`` line above the article.

    Prefers the first such line that also names a source; else the first line outside page
    chrome (footers carry 更新时间 too) that opens with the date label or says 发布. Dates in
    data tables (a ledger's 完成时间) are never the page date. The line is the largest short
    element (no full stop, no heading inside) around the smallest element holding the date.
    """
    found: list[_El] = []
    _collect_dated(body, boxes, found)
    lines: list[_El] = []
    for el in found:
        line = el
        parent = line.getparent()
        while parent is not None and _tag(parent) not in {"body", "html"}:
            text = _squash(_text(parent))
            if (
                len(text) > _DATE_LINE_MAX_CHARS
                or "。" in text
                or any(_tag(d) in _HEADING_TAGS for d in parent.iterdescendants())
                or any(box in boxes for box in parent.iterdescendants())
            ):
                break
            line, parent = parent, parent.getparent()
        squashed = _squash(_text(line))
        if len(squashed) <= _DATE_LINE_MAX_CHARS and "。" not in squashed and line not in lines:
            lines.append(line)

    def describe(line: _El) -> _DateLine:
        text = " ".join(_lines(line, boundaries=_BOX_BOUNDARIES))
        # The date as the line reads: an editor's runs may cut it (<span>2025-02-1</span><span>
        # 4</span>), which the pieces, split at every inline element, would read as 2025-02-01.
        date = _date_of(" ".join(_lines(line))) or _date_of(text)
        source = _source_of(text)
        return _DateLine(line, date, source or None, text)

    # (a sharing site's 上传时间 line: when a copy was uploaded dates no report)
    described = [d for d in map(describe, lines) if not _UPLOADED.search(d.text)]
    for item in described:
        if item.source:
            return item
    for item in described:
        folded = fold_traditional(item.text)
        labelled = _LINE_LABEL.match(folded)
        if (labelled or "发布" in folded) and not _inside(item.element, chrome):
            return item
    for item in described:  # a date that is a piece of the meta line (作者：… | 2024年…)
        if meta_line_date(item.text.strip()) and not _inside(item.element, chrome):
            return item
    return None


_UPLOADED = compile_re(r"上传(?:时间|日期|于)")


# A page's date alone on its line above the text, as news apps and some portals print it
# under the title (2025-08-21, 2025-08-21 09:30, 2025年08月21日, [ 2025-08-21 ], 2025年8月21日
# 星期四): runtime/page_dates.DATE_ALONE.


def _leaf_blocks(body: _El) -> list[_El]:
    """The block elements of ``body`` that hold no other block, in document order."""
    return [
        el
        for el in body.iter()
        if _tag(el) in _BLOCK_TAGS and not any(_tag(c) in _BLOCK_TAGS for c in _children(el))
    ]


def _date_alone(body: _El, boxes: Collection[_El], chrome: Collection[_El]) -> str | None:
    """The page's date when a block above the text's first sentence is that date and nothing
    else (a share page's ``<div>2025-08-21</div>`` between the title and its repeat); blocks
    after the first sentence (a signature's date) and page chrome never count."""
    for el in _leaf_blocks(body):
        text = _WS.sub(" ", _text(el)).strip()
        if "。" in text:
            return None
        match = DATE_ALONE.match(text)
        if match and not _inside(el, boxes) and not _inside(el, chrome):
            return _iso_date(*match.group("y", "m", "d"))
    return None


# A repost's line naming the report it copies, under the site's own headline.
_ORIGINAL_TITLE = compile_re(r"^原标题\s*[:：∶]\s*(\S.{3,118})$")


def _original_title(body: _El) -> str | None:
    """The report's title on a repost's ``原标题：…`` line (the article under it may leave the
    title out, the page's ``<h1>`` being the site's headline), or ``None``."""
    if "原标题" not in fold_traditional(_text(body)):
        return None
    for el in _leaf_blocks(body):
        line = _clean_line(_text(el))
        match = _ORIGINAL_TITLE.match(fold_traditional(line))
        if match:
            return line[match.start(1) : match.end(1)].strip()  # as written
    return None


def _is_chrome_line(text: str) -> bool:
    """A single body line that is page chrome: a short chrome-marked line, a
    ``日期：… 来源：…`` line, or a short line that opens with the source label alone
    (``来源：本站``, the page's info line without a date)."""
    squashed = _squash(text)
    if len(squashed) > _LINE_CHROME_MAX_CHARS or "。" in squashed:
        return False
    if _CHROME_TEXT.search(squashed):
        return True
    if len(squashed) <= _SOURCE_LINE_MAX_CHARS and _SOURCE_LINE.match(squashed):
        return True
    return bool(_DATE_LINE.search(fold_traditional(text))) and "来源" in squashed


def _head_hints(root: _El) -> tuple[str, dict[str, str]]:
    """The page ``<title>`` and the portal meta tags (PubDate, ContentSource) if present."""
    title_el = root.find(".//title")
    title = _clean_line(_text(title_el)) if title_el is not None else ""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = str(meta.get("name") or "").strip().lower()
        content = _clean_line(str(meta.get("content") or ""))
        if name and content:
            metas.setdefault(name, content)
    return title, metas


def _add_date_hints(hints: dict[str, str], text: str) -> None:
    """Set ``页面日期`` / ``来源`` from a ``日期：… 来源：…`` text (or a bare date-time beside
    its source: ``2025-03-18 09:12　来源：…``) unless already known."""
    iso = _date_of(text)
    if iso:
        hints.setdefault("页面日期", iso)
    source = _source_of(text)
    if source:
        hints.setdefault("来源", source)


def _source_of(text: str) -> str | None:
    """The source a meta line names after its label (``来源：…``, ``來源：…``), as written."""
    match = _SOURCE.search(fold_traditional(text))
    if match is None:
        return None
    return text[match.start(1) : match.end(1)].strip() or None
