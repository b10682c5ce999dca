"""Web-page furniture that text copies of reports carry: breadcrumbs, tags, date and source
lines, view counters, font-size, print, share and close widgets, previous/next links.

A line of furniture is never a title, an issuer or part of a problem's narrative. The words
are those of portal pages in general, not of one site.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..runtime.patterns import compile_pattern

__all__ = [
    "COUNTER_LABEL",
    "article_end",
    "is_furniture",
    "is_menu",
    "is_quiet",
    "is_trailing_furniture",
    "menu_items",
    "pager_has_more",
]

_BREADCRUMB = compile_pattern(
    r"(?:首页|您?(?:当前|现在|所在)?的?位置)\s*[:：]?.*(?:>|＞|»|›|→|/)"
    # a trail of two or more short steps: -> 要闻 -> 审计公告, >> 政务公开 >> 通知公告
    r"|^\s*(?:(?:->|>>|>|＞|»|›|→)\s*[^\s>＞»›→，。；]{1,16}\s*){2,}$"
    # or a site's name, then the page (某某资讯网 >> 标题)
    r"|^\s*[^\s>＞»，。；]{1,16}(?:网|网站|在线|门户|频道)\s*(?:>>|＞＞|»)"
)
#: A page's view counter's label (浏览次数：, 阅读量:), its count after it.
COUNTER_LABEL = r"(?:浏览|点击|阅读|访问)(?:次数|量)?\s*[:：∶]"

_LEADING = compile_pattern(
    r"^(?:【[^】]{1,16}】\s*$"
    r"|(?:发布|更新|公开|成文|发文)?(?:日期|时间)\s*[:：∶]"
    r"|(?:信息)?来源\s*[:：∶]|作者\s*[:：∶]|(?:责任)?编辑\s*[:：∶]"
    rf"|{COUNTER_LABEL}"
    r"|字号\s*[:：∶]?|【?\s*(?:打印|关闭|分享|收藏)|索引号\s*[:：∶]"
    # a site's greeting (欢迎访问某某网站！ 加入收藏 联系我们)
    r"|欢迎您?(?:访问|来到|光临|进入))"
)
_TRAILING = compile_pattern(
    r"^(?:分享到|分享|【?\s*(?:打印|关闭|收藏|返回|顶部)|上一篇|下一篇|相关链接|相关阅读|扫一扫"
    r"|(?:责任)?编辑\s*[:：∶]|审核\s*[:：∶]|(?:信息)?来源\s*[:：∶]|(?:网站|主办|承办)(?:单位)?\s*[:：∶]"
    r"|版权所有|Copyright|ICP备|.{0,20}ICP备|.{0,20}公网安备"
    # a site's maker named before its word (某某县人民政府办公室主办　联系电话：…)
    r"|[^，,。；;：:\s]{2,30}(?:主办|承办)(?:单位)?(?:\s|$|[|｜]|联系|地址|电话|承办|网站)"
    # a page's link to its source and its maker's line (原文链接：http…, 技术支持：…)
    r"|原文(?:链接|地址|网址)\s*[:：∶]|技术支持(?:单位)?\s*[:：∶]"
    r"|(?:点击)?(?:阅读|查看|展开|显示)全文|全文阅读|(?:点击)?查看更多|[(（]?未完待续[)）]?$"
    # a copy's source, repost and editor lines in brackets ((来源：X), 【编辑：X】, (转载自X),
    # (X办/责任编辑 X)), a news page's keywords and more-links, a repost site's disclaimer
    r"|[(（【\[]\s*(?:(?:信息|稿件|新闻)?来源\s*[:：∶]|转载自|(?:责任)?编辑\s*[:：∶]|审核\s*[:：∶])"
    r"|[(（][^()（）]{1,24}[/／]\s*责任编辑|转载自|关键词\s*[:：∶]|更多$|(?:免责)?声明\s*[:：∶])"
    # a repost site's notice (本站部分内容转自网络，如有侵权请联系删除)
    r"|.{0,30}如有侵权"
)


_PAGER = compile_pattern(
    r"^(?:\s*(?:首页|上一页|下一页|尾页|末页|第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|\d{1,4}|[|｜/／,，]|跳转|转到))+\s*$"
)
_PAGER_WORD = compile_pattern(r"上一页|下一页|第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页")
_PAGE_OF = compile_pattern(
    r"第\s*(\d{1,4})\s*页\s*[|｜/／,，]?\s*共\s*(\d{1,4})\s*页|共\s*(\d{1,4})\s*页\s*[|｜/／,，]?\s*第\s*(\d{1,4})\s*页"
)


def _pager(line: str) -> bool:
    """A paged article's page links: ``上一页 1 2 3 下一页``, ``第1页 共3页``, ``首页 … 尾页``."""
    return len(line) <= 80 and bool(_PAGER.match(line)) and bool(_PAGER_WORD.search(line))


def pager_has_more(line: str) -> bool:
    """Whether ``line`` is a paged article's page links saying that pages follow: a page
    number below the count (``第1页 共3页``), or a 下一页 link where no count says it is the
    last page."""
    line = line.strip()
    if not _pager(line):
        return False
    numbers = _PAGE_OF.search(line)
    if numbers is not None:
        page, count = (
            (numbers.group(1), numbers.group(2))
            if numbers.group(1)
            else (
                numbers.group(4),
                numbers.group(3),
            )
        )
        return int(page) < int(count)
    return "下一页" in line


_LINKS = compile_pattern(
    r"^(?:上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关文章|相关新闻|相关信息|推荐阅读"
    r"|延伸阅读|热点推荐|热门文章|猜你喜欢|更多阅读|往期推荐|往期回顾|一周热门|热点新闻|热门新闻)"
    r"(?:\s*[:：∶]|\s*$)"
)


# The heading of a page's readers' comments (网友评论（共26条）, 全部评论, 共12条评论).
_COMMENTS = compile_pattern(
    r"^(?:网友评论|全部评论|最新评论|热门评论|精彩评论|网友留言|读者评论|评论区|发表评论|我要评论)"
    r"\s*(?:[（(]\s*(?:共\s*)?[0-9]{1,6}\s*条?\s*[)）])?\s*[:：∶]?"
    # (its sort widgets: 最新 | 最热)
    r"(?:[\s\u3000|｜]*(?:最新|最热|热门|按时间|按热度))*\s*$"
    r"|^(?:共\s*)?[0-9]{1,6}\s*条(?:评论|留言)\s*$"
)


# The interface a news-account post (a WeChat article) ends with when copied as text: its
# read-the-original link, the preview note, the scan-to-follow prompt, the swipe-to-next hint.
_POST_INTERFACE = compile_pattern(
    r"^(?:轻触)?阅读原文$|^预览时标签不可点$|^微信扫一扫(?:\s*关注该公众号|\s*可打开此内容.*)?$"
    r"|^关注该公众号$|^(?:继续|向上)滑动看下一个$|^喜欢此内容的人还喜欢$"
)


def article_end(lines: list[str]) -> int:
    """Where a page's article ends in its text (``len(lines)`` when it runs to the end):

    - before the first line of its second half that opens the page's links to other articles
      (上一篇：…, 下一篇：…, 相关链接, 推荐阅读…), whose titles and dates are another article's,
      or its readers' comments (网友评论（共26条）, 全部评论), whose numbered points are theirs;
    - before a news-account post's interface (阅读原文, 预览时标签不可点, 微信扫一扫…): its first
      line among the short lines without a full stop that close the text, whose lines would
      otherwise hide the signature above them.
    """
    end = len(lines)
    for index in range(len(lines) // 2, len(lines)):
        if _LINKS.match(lines[index].strip()) or _COMMENTS.match(lines[index].strip()):
            end = index
            break
    quiet = len(lines)
    while quiet > 0 and is_quiet(lines[quiet - 1]):
        quiet -= 1
    for index in range(quiet, end):
        if _POST_INTERFACE.match(lines[index].strip()):
            return index
    return end


def is_quiet(line: str) -> bool:
    """A line of a text's close that states nothing: short, no full stop (a signature, a
    date, a post's or an app's interface line)."""
    return len(line) <= _QUIET_MAX_CHARS and "。" not in line


_QUIET_MAX_CHARS = 40


# A site's menu row: short Han names set apart by spaces (首页 要闻动态 工作动态 巡察工作…).
_MENU_ITEM = compile_pattern(r"\p{Han}{2,8}")
_MENU_HOME = compile_pattern(r"首[\s\u3000]*页")
_MENU_ITEMS = 4  # with 首页 among them; without it, twice as many
_NO_MENU_MARKS = "，。：:；;、"


def menu_items(line: str) -> list[str] | None:
    """The items of a site's menu row copied with the page (four or more short Han names set
    apart by blanks, 首页 among them, written 首  页 as menus space it; eight or more without
    it), or ``None`` when ``line`` is none."""
    if any(mark in line for mark in _NO_MENU_MARKS):
        return None  # a sentence's marks: no menu (and most lines end here, at no cost)
    items = _MENU_HOME.sub("首页", line).split()
    if not all(_MENU_ITEM.fullmatch(item) for item in items):
        return None
    return items if len(items) >= (_MENU_ITEMS if "首页" in items else 2 * _MENU_ITEMS) else None


def is_menu(line: str) -> bool:
    """Whether ``line`` is a site's menu row (:func:`menu_items`)."""
    return menu_items(line) is not None


def is_furniture(line: str) -> bool:
    """A page line above or around the title: breadcrumb, tag, date/source line, widget,
    the site's menu."""
    line = line.strip()
    return bool(_LEADING.match(line) or _BREADCRUMB.match(line)) or is_menu(line)


# A repost's or an app's reaction bar: two or more of its widgets, each with its count or
# none, between symbols and blanks (👍 点赞(48)　⭐ 收藏(17)　💬 评论(9)　↗ 分享).
_REACTIONS = compile_pattern(
    r"^(?:[^\p{Han}\p{N}]{0,3}\s*(?:点赞|赞|收藏|评论|分享|转发|在看|喜欢|阅读|浏览|举报)"
    r"\s*(?:[(（]\s*[0-9]{1,7}\s*[)）]|[0-9]{1,7})?\s*[|｜·　 ]*){2,8}$"
)


def is_trailing_furniture(line: str) -> bool:
    """A page line after the article: share and print widgets, a reaction bar, editor,
    previous/next links, a paged article's page links, site footer."""
    line = line.strip()
    return bool(_TRAILING.match(line) or _LEADING.match(line) or _REACTIONS.match(line)) or _pager(
        line
    )
