"""Internal: the page chrome a government portal draws around the report, found by tag (nav,
aside, a header or footer outside the article), by id/class name (``bdshare``, ``mainNav``,
``footer``) and by its words (当前位置, 分享到, ICP备, 浏览量 …): the navigation, breadcrumb,
share / print / font-size widgets, related links and the site footer.

The header box and the ``日期：… 来源：…`` line are found in :mod:`.portal`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ...runtime.patterns import compile_re
from .dom import (
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

# Table parts never taken as chrome on their own (a whole short table may be).
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

# Text that only page chrome carries. Checked on text with all whitespace removed, and only on
# short stretches without a full stop (report prose always has one).
_CHROME_TEXT = compile_re(
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
_STRONG_CHROME_TEXT = compile_re(
    r"当前位置|您现在的位置|分享到|打印本页|关闭窗口|ICP备|ICP证|公网安备|网站标识码|版权所有"
    r"|Copyright|上一篇|下一篇|浏览量|浏览次数|访问量|点击数",
    re.IGNORECASE,
)
_CHROME_MAX_CHARS = 300
_LINE_CHROME_MAX_CHARS = 120


def _is_chrome_text(text: str) -> bool:
    """Short text without a full stop that carries a chrome marker (分享到, ICP备, 浏览量 …)."""
    squashed = _squash(text)
    return (
        0 < len(squashed) <= _CHROME_MAX_CHARS
        and "。" not in squashed
        and bool(_CHROME_TEXT.search(squashed))
    )


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
