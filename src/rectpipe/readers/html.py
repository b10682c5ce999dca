"""Read a government web page (HTML) into :class:`~rectpipe.blocks.Document` blocks.

Portal pages wrap the report in chrome: top navigation, a breadcrumb (``当前位置：首页 > …``), an
information header box (``索引号 / 发布机构 / 成文日期 …``), a ``日期：… 来源：… 浏览量：`` line,
share / print / font-size widgets, related links and a site footer whose ``联系电话`` and address
are the site's, not the report's. :func:`read_html` finds the article among all that, returns its
paragraphs, headings and tables as blocks, and moves the page facts into ``Document.hints``.

The steps, each a small function below:

1. decode the bytes (BOM, then ``<meta charset>`` / ``http-equiv``, else detection; GB2312 and
   GBK are decoded as their superset GB18030);
2. parse with lxml's HTML parser (no network, comments and processing instructions dropped; the
   HTML parser never loads external entities and a DOCTYPE internal subset is cut beforehand);
3. drop scripts, styles, form controls and hidden elements;
4. find the header box, the date/source line and the chrome (by tag, by id/class and by text);
5. pick the article container by the density of Chinese text outside links, with common
   container names (``TRS_Editor``, ``zoom``, ``content`` …) as a bonus;
6. find the article title just before the container, then walk the container in reading order.
"""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

import charset_normalizer
from lxml import etree
from lxml import html as lxml_html

from ..errors import CorruptFileError, RectpipeError
from .blocks import Block, BlockKind, Document, RemovedText

__all__ = ["read_html"]

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
_TITLE_NAMED_TAGS = frozenset({"div", "p", "td", "span", "strong", "b", "font", "h4", "h5", "h6"})
# In the header box a label and its value are often separate inline elements.
_BOX_BOUNDARIES = _BLOCK_TAGS | {"span", "label", "b", "strong", "em", "i"}
_JUNK_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "applet",
        "svg", "math", "canvas", "video", "audio", "select", "option", "button", "input",
        "textarea", "map", "link", "meta", "base",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_ROW_LEVEL_TAGS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption"})

# id/class words that name page chrome; matched against whole tokens and their pieces
# (``bdshare_t`` → ``bdshare``, ``t``; ``mainNav`` → ``main``, ``nav``).
_CHROME_NAME_PARTS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb",
        "crumbs", "mbx", "dqwz", "share", "bdshare", "fontsize", "zihao", "print", "footer",
        "copyright", "banquan", "sidebar", "aside", "related", "xglj", "prev", "next", "pager",
        "pagination", "qrcode", "ewm", "gotop", "backtop", "toolbar", "header", "banner", "logo",
        "search", "login", "langdu", "tts",
    }
)  # fmt: skip
_CHROME_NAME_PREFIXES = (
    "bdshare", "share", "nav", "menu", "breadcrumb", "crumb", "footer", "copyright", "fontsize",
    "zihao", "sidebar", "pagination", "gotop", "backtop", "qrcode",
)  # fmt: skip
# Names that usually hold the article body (a bonus in the density score, never a requirement).
_CONTENT_NAME_HINTS = (
    "trs_editor", "custom_unionstyle", "zoom", "pages_content", "article", "artical", "content",
    "detail", "view", "zwnr", "wzzw", "textbox", "main",
)  # fmt: skip

# Text that only page chrome carries. Checked on text with all whitespace removed, and only on
# short stretches without a full stop (report prose always has one).
_CHROME_TEXT = re.compile(
    r"当前位置|您现在的位置|您的位置|现在位置|所在位置|分享到|分享至|打印本页|打印此页|打印文章"
    r"|【打印】|\[打印\]|关闭窗口|关闭本页|【关闭】|\[关闭\]|(?<![文编])字号[:：∶]|字体[:：∶]|大中小"
    r"|朗读|浏览量|浏览次数|访问量|访问次数|阅读量|阅读次数|点击数|点击量|点击次数|点击率"
    r"|相关链接|相关文章|相关阅读|相关新闻|相关文件|上一篇|下一篇|主办单位|承办单位|主办[:：∶]"
    r"|承办[:：∶]|ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|技术支持|网站地图"
    r"|联系我们|无障碍|适老化|扫一扫|收藏本页|加入收藏|设为首页",
    re.IGNORECASE,
)
# Markers that only chrome carries even inside a grid (a short data table that says 主办单位
# may be a ledger; one that says ICP备 is a footer).
_STRONG_CHROME_TEXT = re.compile(
    r"当前位置|您现在的位置|分享到|打印本页|关闭窗口|ICP备|ICP证|公网安备|网站标识码|版权所有"
    r"|Copyright|上一篇|下一篇|浏览量|浏览次数|访问量|点击数",
    re.IGNORECASE,
)
_CHROME_MAX_CHARS = 300
_LINE_CHROME_MAX_CHARS = 120
_DATE_LINE_MAX_CHARS = 200

_DATE_LINE = re.compile(
    r"(?<!成文)(?<!生成)(?<!签发)(?:发布|更新|公开|上传)?(?:日期|时间)\s*[:：∶]\s*"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_SOURCE = re.compile(
    r"(?:信息)?来源\s*[:：∶]\s*(.*?)(?=\s+[^\s:：∶]{1,6}\s*[:：∶]|\s{2,}|[【\[|｜]|$)"
)
_ANY_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")

# Header box ("信息公开" metadata) labels. Longer labels first so 信息索引号 wins over 索引号.
_BOX_LABELS = (
    "信息索引号", "索引号", "文件名称", "信息名称", "名称", "标题", "发布机构", "发文机构",
    "发文机关", "发文单位", "成文日期", "生成日期", "发文字号", "发文编号", "文号", "发布日期",
    "公开方式", "公开范围", "公开时限", "公开形式", "主题分类", "主题词", "体裁分类", "组配分类",
    "服务对象分类", "信息分类", "关键词", "有效性", "生效日期", "失效日期", "废止日期",
    "信息来源", "内容概述", "所属机构", "统一编号", "文件编号",
)  # fmt: skip
_STRONG_BOX_LABELS = frozenset(
    {
        "信息索引号", "索引号", "文件名称", "发布机构", "发文机构", "发文机关", "发文单位",
        "成文日期", "生成日期", "发文字号", "公开方式", "公开范围", "主题分类",
    }
)  # fmt: skip
_BOX_MAX_CHARS = 2000


def _spaced(label: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in label)


_LABEL_ALT = "|".join(_spaced(label) for label in sorted(_BOX_LABELS, key=len, reverse=True))
_COLON = r"[:：∶]"
_LABEL_WITH_COLON = re.compile(rf"({_LABEL_ALT})\s*{_COLON}")
_LABEL_ALONE = re.compile(rf"^\s*({_LABEL_ALT})\s*{_COLON}?\s*$")
_GENERIC_LABEL = re.compile(rf"^\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){{1,7}})\s*{_COLON}")
_SEP = "\x01"  # joins text pieces when counting labels; never in parsed text
_LABEL_PIECE = re.compile(rf"(?:^|{_SEP})\s*({_LABEL_ALT})\s*(?={_SEP}|$)")

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_WS = re.compile(r"\s+")
_CJK_CLASS = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_NEWLINE_BETWEEN_CJK = re.compile(rf"(?<={_CJK_CLASS})[ \t]*[\r\n][ \t\r\n]*(?={_CJK_CLASS})")
_HTML_WS_RUN = re.compile(r"[ \t\r\n\f\v]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(
    r"<\s*(?:!doctype|html|head|body|meta|title|div|p|table|span|br|h[1-6]|ul|li|a|font"
    r"|center|section|article|main)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PRESCAN_BYTES = 16384
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz"})
_GB_EXTRA_NAMES = frozenset({"x-gbk", "gb_2312-80", "csgb2312", "iso-ir-58", "chinese", "x-gb2312"})
_BIG5_NAMES = frozenset({"big5", "big5hkscs", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"})
_WESTERN_SINGLE_BYTE = frozenset({"ascii", "iso8859-1", "cp1252", "latin-1"})
_WIDE_UNICODE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_CJK_CODECS = frozenset(
    {"gb18030", "big5hkscs", "utf-8", "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
)


def _codec_for(label: str) -> str | None:
    """Map a declared or detected charset name to the Python codec a browser would use.

    GB2312 / GBK (and their aliases) become ``gb18030``, Big5 becomes ``big5hkscs``; a UTF-16/32
    declaration inside ASCII-compatible bytes is treated as UTF-8 (as browsers do). Returns
    ``None`` for a name Python does not know.
    """
    name = label.strip().strip("\"'").lower().replace("_", "-")
    if name in _GB_EXTRA_NAMES:
        return "gb18030"
    if name in _BIG5_NAMES:
        return "big5hkscs"
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    if canonical in _GB_FAMILY:
        return "gb18030"
    if canonical in _BIG5_NAMES:
        return "big5hkscs"
    if canonical in _WIDE_UNICODE:
        return "utf-8"
    return canonical


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<?xml encoding>``, then ``<meta>``)."""
    head = data[:_PRESCAN_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def _looks_chinese(text: str) -> bool:
    """Whether most non-ASCII characters of ``text`` are CJK (a sanity check for a guess)."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    cjk = sum(1 for ch in non_ascii if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return cjk >= 0.6 * len(non_ascii)


def _detect(data: bytes) -> str | None:
    """Guess the codec of undeclared bytes: UTF-8 if valid, else charset-normalizer's best
    guess, with GB18030 preferred over a single-byte guess when it decodes to Chinese."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    guess = _codec_for(best.encoding) if best is not None else None
    if guess in _CJK_CODECS:
        return guess
    try:
        as_gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return guess
    return "gb18030" if _looks_chinese(as_gb) else guess


def _decode(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Decode page bytes to text, returning the text and reader notes.

    Order: a byte-order mark; the charset the page declares (if its bytes really are in it);
    detection. A declaration the bytes contradict gives a note ``encoding_mismatch``; bytes no
    codec decodes cleanly are decoded with replacement characters and a note
    ``encoding_replaced``. Raises :class:`CorruptFileError` when nothing fits or the result is
    binary rather than text.
    """
    notes: list[tuple[str, str]] = []
    if not data.strip():
        raise CorruptFileError("empty file, not a web page")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise CorruptFileError(f"bytes are not valid {codec} despite its BOM") from exc
            return _check_text(text), notes

    fallback: str | None = None
    declared = _declared_charset(data)
    if declared is not None:
        declared_codec = _codec_for(declared)
        if declared_codec is None:
            notes.append(("encoding_unknown", f"declared charset {declared!r} is unknown"))
        elif declared_codec in _WESTERN_SINGLE_BYTE and not data.isascii():
            notes.append(
                ("encoding_mismatch", f"declared {declared!r} for non-ASCII text; detected instead")
            )
        else:
            try:
                return _check_text(data.decode(declared_codec)), notes
            except UnicodeDecodeError:
                fallback = declared_codec
                notes.append(
                    ("encoding_mismatch", f"bytes are not valid {declared!r}; detected instead")
                )

    detected = _detect(data)
    if fallback is not None and detected not in _CJK_CODECS:
        detected = None  # trust a CJK declaration with a few bad bytes over a Western guess
    if detected is not None:
        try:
            return _check_text(data.decode(detected)), notes
        except UnicodeDecodeError:
            fallback = fallback or detected
    if fallback is None:
        raise CorruptFileError("cannot determine the text encoding")
    notes.append(("encoding_replaced", f"undecodable bytes replaced while decoding as {fallback}"))
    return _check_text(data.decode(fallback, errors="replace")), notes


def _check_text(text: str) -> str:
    """Reject decoded text that is really binary (NULs, many control characters)."""
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise CorruptFileError("binary data, not a web page")
    return text


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
    """Text with all whitespace removed, for matching labels and chrome words."""
    return _WS.sub("", _INVISIBLE.sub("", text))


def _text(el: _El, *, links: bool = True) -> str:
    """All text inside ``el`` (not its tail); without ``<a>`` text when ``links`` is false."""
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


def _is_data_table(table: _El) -> bool:
    """A grid of data (ledger) rather than a layout wrapper: some row has two or more cells,
    no table is nested inside and no cell holds three or more paragraphs."""
    if any(_tag(el) == "table" for el in table.iterdescendants()):
        return False
    rows = _own_rows(table)
    if not rows:
        return False
    widest = max(len([c for c in _children(tr) if _tag(c) in _CELL_TAGS]) for tr in rows)
    if widest < 2:
        return False
    for cell in table.iter("td", "th"):
        paragraphs = [el for el in cell.iter("p", "div") if el is not cell and _squash(_text(el))]
        if len(paragraphs) >= 3:
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


# --------------------------------------------------------------------------------------------
# Flow: elements → lines (and tables) in reading order
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    heading: str | None  # "h1".."h3" when the line is inside such a heading


@dataclass(frozen=True, slots=True)
class _TableRef:
    element: _El


def _flow(
    root: _El,
    *,
    boundaries: frozenset[str] = _BLOCK_TAGS,
    skip: Collection[_El] = (),
    tables: bool = False,
    on_skip: Callable[[_El], None] | None = None,
) -> list[_Line | _TableRef]:
    """Lines of text under ``root`` in reading order.

    A line ends at ``<br>`` and at the start and end of any element whose tag is in
    ``boundaries``. Elements in ``skip`` are left out (their tail text is kept) and reported to
    ``on_skip``. With ``tables`` true, data tables come out as :class:`_TableRef` items instead
    of lines. Empty lines are dropped; ``<pre>`` keeps its own line breaks.
    """
    out: list[_Line | _TableRef] = []
    buf: list[str] = []
    heading_stack: list[str] = []
    pre_depth = 0

    def flush() -> None:
        text = _clean_line("".join(buf))
        buf.clear()
        if text:
            out.append(_Line(text, heading_stack[-1] if heading_stack else None))

    def add(text: str | None) -> None:
        if not text:
            return
        if pre_depth and "\n" in text:
            first, *rest = text.split("\n")
            buf.append(first)
            for piece in rest:
                flush()
                buf.append(piece)
        else:
            buf.append(text)

    stack: list[tuple[_El, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = _tag(node)
        if closing:
            if tag in boundaries:
                flush()
            if tag in _HEADING_TAGS and heading_stack:
                heading_stack.pop()
            if tag == "pre":
                pre_depth -= 1
            if node is not root:
                add(node.tail)
            continue
        if not tag or (node is not root and node in skip):
            if tag and on_skip is not None:
                on_skip(node)
            if node is not root:
                add(node.tail)
            continue
        if tag == "br":
            flush()
            add(node.tail)
            continue
        if tables and tag == "table" and _is_data_table(node):
            flush()
            out.append(_TableRef(node))
            if node is not root:
                add(node.tail)
            continue
        if tag in boundaries:
            flush()
        if tag in _HEADING_TAGS:
            heading_stack.append(tag)
        if tag == "pre":
            pre_depth += 1
        add(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return out


def _lines(root: _El, *, boundaries: frozenset[str] = _BLOCK_TAGS) -> list[str]:
    return [item.text for item in _flow(root, boundaries=boundaries) if isinstance(item, _Line)]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _span(value: object, limit: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return 1
    return max(0, min(number, limit))


def _table_rows(table: _El) -> tuple[tuple[str, ...], ...]:
    """Rows of cell texts; a colspan cell appears once, a rowspan cell's text is repeated in
    every row it spans (so each row stands alone). Rows with no text are dropped."""
    trs = _own_rows(table)
    active: dict[int, tuple[str, int, int]] = {}  # start column -> (text, rows left, width)
    rows: list[tuple[str, ...]] = []
    for index, tr in enumerate(trs):
        remaining = len(trs) - index
        placed: list[tuple[int, str]] = []
        occupied: set[int] = set()
        for start, (text, _left, width) in active.items():
            placed.append((start, text))
            occupied.update(range(start, start + width))
        carried: dict[int, tuple[str, int, int]] = {}
        column = 0
        for cell in (c for c in _children(tr) if _tag(c) in _CELL_TAGS):
            while column in occupied:
                column += 1
            text = "\n".join(_lines(cell))
            width = _span(cell.get("colspan", "1"), 1000) or 1
            height = _span(cell.get("rowspan", "1"), 65534)
            height = remaining if height == 0 else min(height, remaining)
            placed.append((column, text))
            if height > 1:
                carried[column] = (text, height - 1, width)
            column += width
        for start, (text, left, width) in active.items():
            if left > 1:
                carried[start] = (text, left - 1, width)
        active = carried
        row = tuple(text for _col, text in sorted(placed, key=lambda item: item[0]))
        if any(row):
            rows.append(row)
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Header box, date line, chrome
# --------------------------------------------------------------------------------------------


def _norm_label(label: str) -> str:
    return _squash(label).rstrip(":：∶")


def _box_labels(el: _El, cache: dict[_El, frozenset[str]]) -> frozenset[str]:
    """Distinct header-box labels inside ``el`` (followed by a colon, or alone in a piece)."""
    found = cache.get(el)
    if found is None:
        joined = _SEP.join(piece.strip() for piece in el.itertext())
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
    """Split a box line into leading text and ``(label, value)`` pairs."""
    alone = _LABEL_ALONE.match(line)
    if alone:
        return "", [(_norm_label(alone.group(1)), "")]
    spans = [(m.start(), m.end(), m.group(1)) for m in _LABEL_WITH_COLON.finditer(line)]
    generic = _GENERIC_LABEL.match(line)
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
    values split over inline elements (joined without spaces). Empty values are left out; the
    first value of a repeated label wins.
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
    return {label: "".join(parts) for label, parts in values.items() if "".join(parts)}


def _iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
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
    if not _DATE_LINE.search(_WS.sub(" ", _text(el))):
        return
    matching = [c for c in _children(el) if _DATE_LINE.search(_WS.sub(" ", _text(c)))]
    if matching:
        for child in matching:
            _collect_dated(child, boxes, found)
    else:
        found.append(el)


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
        date_match = _DATE_LINE.search(text)
        date = _iso_date(*date_match.groups()) if date_match else None
        source_match = _SOURCE.search(text)
        source = source_match.group(1).strip() if source_match else None
        return _DateLine(line, date, source or None, text)

    described = [describe(line) for line in lines]
    for item in described:
        if item.source:
            return item
    for item in described:
        labelled = re.match(r"\s*(?:发布|更新|公开)?(?:日期|时间)", item.text)
        if (labelled or "发布" in item.text) and not _inside(item.element, chrome):
            return item
    return None


def _is_chrome_text(text: str) -> bool:
    """Short text without a full stop that carries a chrome marker (分享到, ICP备, 浏览量 …)."""
    squashed = _squash(text)
    return (
        0 < len(squashed) <= _CHROME_MAX_CHARS
        and "。" not in squashed
        and bool(_CHROME_TEXT.search(squashed))
    )


def _is_chrome_line(text: str) -> bool:
    """A single body line that is page chrome: a short chrome-marked line, or a
    ``日期：… 来源：…`` line."""
    squashed = _squash(text)
    if len(squashed) > _LINE_CHROME_MAX_CHARS or "。" in squashed:
        return False
    if _CHROME_TEXT.search(squashed):
        return True
    return bool(_DATE_LINE.search(text)) and "来源" in squashed


def _chrome_by_markup(body: _El, total_weight: float) -> list[_El]:
    """Chrome found by tag (nav, aside, header/footer outside an article) or id/class name.

    An element holding more than half the page's non-link text (and at least 200 characters
    of it) is never chrome, whatever its name, so a misnamed wrapper cannot swallow the page.
    """
    roots: list[_El] = []
    stack = list(reversed(_children(body)))
    while stack:
        el = stack.pop()
        if _is_markup_chrome(el) and not _holds_most(el, total_weight):
            roots.append(el)
            continue
        stack.extend(reversed(_children(el)))
    return roots


def _is_markup_chrome(el: _El) -> bool:
    tag = _tag(el)
    if tag in {"nav", "aside"}:
        return True
    if tag in {"header", "footer"} and not any(
        _tag(anc) in {"article", "main"} for anc in _ancestors(el)
    ):
        return True
    tokens, parts = _name_parts(el)
    if parts & _CHROME_NAME_PARTS:
        return True
    return any(token.startswith(_CHROME_NAME_PREFIXES) for token in tokens)


def _holds_most(el: _El, total_weight: float) -> bool:
    weight = _weight(_text(el, links=False))
    return weight >= 200 and weight > 0.5 * total_weight


def _chrome_by_text(body: _El, protected: Collection[_El]) -> list[_El]:
    """Chrome found by its words: the largest short elements without a full stop that carry
    a chrome marker. Never a table cell or row (a whole short table instead; a data table, or
    an element holding one, only with a marker such as ICP备 that no ledger carries), never
    inside a data table, never an element holding a heading or one of ``protected``."""
    roots: list[_El] = []
    stack = list(reversed(_children(body)))
    while stack:
        el = stack.pop()
        if el in protected:
            continue
        tag = _tag(el)
        data_table = tag == "table" and _is_data_table(el)
        holds_grid = data_table or any(_is_data_table(t) for t in el.iterdescendants("table"))
        marked = _text(el, links=False) + " " + _link_markers(el)
        if (
            tag not in _ROW_LEVEL_TAGS
            and _is_chrome_text(marked)
            and (not holds_grid or _STRONG_CHROME_TEXT.search(_squash(marked)))
            and not any(_tag(d) in _HEADING_TAGS or d in protected for d in el.iterdescendants())
        ):
            roots.append(el)
            continue
        if data_table:
            continue
        stack.extend(reversed(_children(el)))
    return roots


def _link_markers(el: _El) -> str:
    """Chrome markers that sit inside links (``<a>打印本页</a>``, ``<a>上一篇</a>``)."""
    found: list[str] = []
    for a in el.iter("a"):
        match = _CHROME_TEXT.search(_squash(_text(a)))
        if match:
            found.append(match.group(0))
    return " ".join(found)


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


def _pick_container(body: _El, skip: Collection[_El]) -> _El | None:
    """The element that holds the article, or ``None`` when the page has no text.

    Every element's own text (links excluded; a data table counted as a whole) adds its weight
    to itself, its parent and, at half, its grandparent; container names such as
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
            stack.extend(reversed(_children(el)))
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


def _find_title(
    body: _El, container: _El, page_title: str, excluded: Collection[_El]
) -> _El | None:
    """The article title placed before the container (``<h1>`` or a ``title``-named element).

    Among candidates before the container, the nearest one whose text overlaps the page
    ``<title>`` wins; else the nearest ``<h1>``–``<h3>`` that shares one of the container's
    four nearest ancestors. Returns ``None`` when neither exists.
    """
    page = _squash(page_title)
    candidates: list[_El] = []
    container_ancestors = set(_ancestors(container))
    stack = [body]
    while stack:
        el = stack.pop()
        if el is container:
            break
        if el in excluded:
            continue
        if el not in container_ancestors and _is_title_candidate(el):
            text = _squash(_text(el))
            if 4 <= len(text) <= 200 and not _is_chrome_text(text):
                candidates.append(el)
                continue
        stack.extend(reversed(_children(el)))
    for el in reversed(candidates):
        text = _squash(_text(el))
        if page and (text in page or page in text):
            return el
    near = list(_ancestors(container))[:4]
    for el in reversed(candidates):
        if _tag(el) in _HEADING_TAGS and any(anc in near for anc in _ancestors(el)):
            return el
    return None


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _parse(text: str, notes: list[tuple[str, str]]) -> _El:
    """Parse decoded text with lxml's HTML parser; :class:`CorruptFileError` if not HTML.

    libxml2 stops descending below 256 nested elements and drops what is deeper; that adds
    a note ``parse_truncated`` rather than failing.
    """
    if not _MARKUP.search(text):
        raise CorruptFileError("no HTML markup found, not a web page")
    cleaned = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", _CONTROL.sub(" ", text), count=1)
    parser = lxml_html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )
    try:
        root = lxml_html.document_fromstring(
            cleaned.encode("utf-8", errors="replace"), parser=parser
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise CorruptFileError(f"cannot parse HTML: {exc}") from exc
    if any("Excessive depth" in str(error.message) for error in parser.error_log):
        notes.append(("parse_truncated", "elements nested deeper than 256 levels were dropped"))
    return root


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


def read_html(data: bytes) -> Document:
    """Read a web page's bytes into a :class:`Document` of the article's blocks.

    Returns ``Document(format="html")`` whose ``blocks`` are, in reading order: the article
    title (``HEADING``, found just before the content container), then the container's
    paragraphs (``PARAGRAPH``, ``path="html:p:<i>"``; each ``<br>``-separated line is its own
    block), ``<h1>``–``<h3>`` inside it (``HEADING``, same path counter) and data tables
    (``TABLE``, ``path="html:t:<i>"``, colspans once, rowspans repeated in each spanned row).
    Text is trimmed of whitespace, ``&nbsp;`` and U+3000 at both ends; empty blocks are skipped.

    ``hints`` holds the header box (labels as written, without spaces or colon, e.g.
    ``"发布机构"``), ``"页面标题"`` (the ``<title>``), and ``"页面日期"`` (ISO date) / ``"来源"``
    from the ``日期：… 来源：…`` line (falling back to the PubDate / ContentSource meta tags).
    Chrome, the header box and the date line never become blocks; what was dropped from inside
    the article is listed in ``removed``.

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
    if "来源" not in hints and metas.get("contentsource"):
        hints["来源"] = metas["contentsource"]

    line_el = [date_line.element] if date_line is not None else []
    text_chrome = _chrome_by_text(body, protected=[*boxes, *line_el])
    excluded = {*boxes, *line_el, *markup_chrome, *text_chrome}
    container = _pick_container(body, excluded)
    if container is None:
        notes.append(("no_article_text", "no article text found on the page"))
        return Document(blocks=[], format="html", hints=hints, removed=removed, notes=notes)

    title = _find_title(body, container, page_title, {*boxes, *markup_chrome, *text_chrome})
    reasons: dict[_El, str] = {box: "header_box" for box in boxes}
    for el in line_el:
        reasons[el] = "date_line"
    skip: dict[_El, str] = {**{el: "page_chrome" for el in excluded}, **reasons}

    def note_skip(el: _El) -> None:
        dropped = _clean_line(" ".join(_lines(el)))
        if dropped:
            removed.append(RemovedText(dropped, skip.get(el, "page_chrome")))

    items: list[_Line | _TableRef] = []
    if title is not None:
        title_text = _clean_line(" ".join(_lines(title)))
        if title_text:
            tag = _tag(title)
            items.append(_Line(title_text, tag if tag in _HEADING_TAGS else "title"))
    items.extend(_flow(container, skip=skip, tables=True, on_skip=note_skip))

    blocks: list[Block] = []
    n_text = n_table = 0
    for item in items:
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
        if item.heading is None and _is_chrome_line(item.text):
            date_match = _DATE_LINE.search(item.text)
            if date_match and "来源" in item.text:
                removed.append(RemovedText(item.text, "date_line"))
                _add_date_hints(hints, item.text)
            else:
                removed.append(RemovedText(item.text, "page_chrome"))
            continue
        kind = BlockKind.HEADING if item.heading else BlockKind.PARAGRAPH
        blocks.append(Block(text=item.text, kind=kind, path=f"html:p:{n_text}", style=item.heading))
        n_text += 1
    if not blocks:
        notes.append(("no_article_text", "no article text found on the page"))
    return Document(blocks=blocks, format="html", hints=hints, removed=removed, notes=notes)


def _add_date_hints(hints: dict[str, str], text: str) -> None:
    """Set ``页面日期`` / ``来源`` from a ``日期：… 来源：…`` text unless already known."""
    date_match = _DATE_LINE.search(text)
    iso = _iso_date(*date_match.groups()) if date_match else None
    if iso:
        hints.setdefault("页面日期", iso)
    source_match = _SOURCE.search(text)
    if source_match and source_match.group(1).strip():
        hints.setdefault("来源", source_match.group(1).strip())


def _caption_blocks(table: _El, start: int) -> list[Block]:
    """A data table's ``<caption>`` as paragraph blocks placed before the table block."""
    blocks: list[Block] = []
    for caption in (c for c in table if _tag(c) == "caption"):
        text = _clean_line(" ".join(_lines(caption)))
        if text:
            blocks.append(Block(text=text, path=f"html:p:{start + len(blocks)}"))
    return blocks
