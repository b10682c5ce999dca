"""Internal: how a web page prints its own date outside the report's sentences, shared by the
web reader (which takes the page's meta line out of the text) and the text stage (which reads
it in a copy of the page).

- A date alone on its line, maybe in brackets, with its weekday or its time, or with the
  page's count of views (``[ 2024-10-18 ]``, ``2024年10月18日 星期五``, ``2024-10-18 09:30``,
  ``2024-10-18 862``): :data:`DATE_ALONE`.
- A date that is one piece of a short meta line naming a piece of chrome — the page's source,
  author, editor, counter or tools (``作者：某某 | 2024年10月18日``,
  ``【字体：大 中 小】 2024-10-18 09:30:12``, ``来源：某某 2024年10月18日 浏览：12``):
  :func:`meta_line_date`. So is a news item's byline: the paper or site, then the day
  (``某某日报 2024-03-11``). A line with a full stop is a sentence, never a meta line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .patterns import compile_pattern

if TYPE_CHECKING:
    import regex

__all__ = ["DATE_ALONE", "META_LINE_MAX", "NEWS_SOURCE_END", "may_hold_meta_line", "meta_line_date"]

_YMD = r"(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<dd>(?P<d>[0-9]{1,2})日?)"
_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"

DATE_ALONE = compile_pattern(
    rf"^\s*(?P<open>[\[【〔（(]\s*)?{_YMD}(?:\s*{_WEEKDAY})?(?:\s*{_TIME})?"
    # (or with the page's count of views after it, unlabelled: 2024-05-12 862)
    r"\s*(?(open)[\]】〕）)]|(?:(?<=\s)[0-9]{1,7})?)\s*$"
)
"""A page's date alone on its line (groups ``y``, ``m``, ``d``; ``dd`` the day as written),
maybe with the page's count of views after it."""

_CHROME_WORD = r"来源|作者|编辑|浏览|点击|阅读|访问|字体|字号|打印|分享|发布者|发布人"
_CHROME = compile_pattern(_CHROME_WORD)
_PIECE = compile_pattern(
    rf"(?<![0-9]){_YMD}(?:\s*{_WEEKDAY})?(?:\s*{_TIME})?"
    rf"(?=\s|[|｜丨【\[]|$|责任|{_CHROME_WORD})"
)
_ANY_DATE = compile_pattern(rf"(?<![0-9]){_YMD}")

# A news item's byline: the paper, site or station that printed it, then the day (某某日报
# 2024-03-11, 某某新闻网 2024年3月11日 08:30; a PDF's text drops the blank: 某某日报2024-03-11);
# not a report's own 通报, 简报 or 报告.
NEWS_SOURCE_END = (
    r"(?:(?<![通公简汇情])报|新闻网|网站|网|新闻|频道|电视台|通讯社|客户端"
    r"|融媒体中心|融媒|在线|发布)"
)
"""How the name of a paper, site, station or account ends (某某日报, 某某网, 某某发布): one list
for a byline before its date and a date line before its source; not 通报, 简报, 汇报."""
_BYLINE = compile_pattern(rf"^\s*\p{{Han}}{{1,12}}?{NEWS_SOURCE_END}\s*{_YMD}(?:\s*{_TIME})?\s*$")

#: The longest line read as a page's meta line.
META_LINE_MAX = 100


def meta_line_date(line: str) -> regex.Match[str] | None:
    """The date that is one piece of a page's meta line (see the module), or ``None``."""
    if len(line) > META_LINE_MAX or "。" in line:
        return None
    if _CHROME.search(line) is None and _BYLINE.match(line) is None:
        return None
    return _PIECE.search(line)


def may_hold_meta_line(text: str) -> bool:
    """Whether a longer ``text`` (a page's element holding others) may hold a meta line with
    a date: it names a piece of chrome and holds a date somewhere."""
    return _CHROME.search(text) is not None and _ANY_DATE.search(text) is not None
