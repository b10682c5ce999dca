"""Is a text a rectification report at all?

A text with no problem list and no stated totals may still be a report (a narrative-only
report, an introduction cut short: ``no_problems``). It is not one when it never speaks of
rectification, or when it is a scholarly article about rectification: two different article
labels (摘要, 关键词, 参考文献… from the profile's ``article_markers``) open its lines.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, compile_re, escape

if TYPE_CHECKING:
    import regex

__all__ = [
    "ARTICLE_MARKERS_MIN",
    "RulesSign",
    "announces_inspection",
    "announces_work",
    "article_markers",
    "reads_as_article",
    "reports_a_meeting",
    "sets_rules",
    "speaks_of_rectification",
    "tells_discipline_cases",
    "titled_as_article",
]

#: Different article labels that make a text an article.
ARTICLE_MARKERS_MIN = 2


@lru_cache(maxsize=16)
def _line_opening(markers: tuple[str, ...]) -> regex.Pattern[str]:
    """A line that opens (after spaces and 【 [ 〔) with one of ``markers``, the longest
    first, followed by a letter or not: the search skips every other line at once."""
    words = "|".join(escape(m) for m in sorted(set(markers), key=lambda m: (-len(m), m)))
    return compile_pattern(rf"(?m)^[\s\p{{Z}}【\[〔]*(?P<marker>{words})")


@lru_cache(maxsize=16)
def _anywhere(markers: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``markers`` anywhere (stdlib ``re``: plain words, which it finds in a long text
    several times faster than the line pattern looks at every line)."""
    return compile_re("|".join(re.escape(m) for m in sorted(set(markers))))


def article_markers(text: str, profile: Profile) -> list[str]:
    """The profile's article labels that open a line of ``text`` (``摘要：``, ``【关键词】``,
    ``参考文献``), each once, in the order they first appear; the longest label that fits
    wins (内容摘要 over 摘要)."""
    if not profile.article_markers or _anywhere(profile.article_markers).search(text) is None:
        return []  # a report: none of the labels anywhere
    found: list[str] = []
    for match in _line_opening(tuple(profile.article_markers)).finditer(text):
        marker = match.group("marker")
        if marker not in found:
            found.append(marker)
    return found


def reads_as_article(text: str, profile: Profile) -> bool:
    """Do at least :data:`ARTICLE_MARKERS_MIN` different article labels open lines?"""
    return len(article_markers(text, profile)) >= ARTICLE_MARKERS_MIN


# A notice that sets work to do (关于开展巡察整改“回头看”评估工作的通知): its points are tasks.
_WORK_NOTICE = compile_pattern(
    # the sender's name may come first (中共某县委巡察工作领导小组办公室关于开展…的通知)
    r"^(?:[^。；，,：:“”]{2,40}?)?关于(?:组织)?(?:开展|做好|进一步做好|启动|部署)[^。；]{2,60}的通知$"
)


def announces_work(title: str | None) -> bool:
    """Whether ``title`` is a notice's that sets work to do, not a report's."""
    return title is not None and _WORK_NOTICE.match(title.strip()) is not None


# An inspection announced before it starts (县委第二巡察组关于巡察县林业局党组的公告): its points
# are what the group will hear of (受理…来信来电来访), nothing found yet.
_INSPECTION_ANNOUNCED = compile_pattern(r"(?:巡视|巡察)[^。；，,]{0,30}的?公告$")
_HEARS_OF = compile_pattern(r"受理|来信来电来访|来信、来电、来访|值班电话|意见箱")


def announces_inspection(title: str | None, text: str) -> bool:
    """Whether ``title`` announces an inspection to come (…关于巡察…的公告, no 整改 in it)
    and ``text`` says what the group will hear of (受理…, 值班电话): not a report."""
    if title is None or "整改" in title or _INSPECTION_ANNOUNCED.search(title.strip()) is None:
        return False
    return "整改" not in text and _HEARS_OF.search(text) is not None


# A meeting's report (关于巡察整改专题民主生活会召开情况的报告): the points it numbers are what
# the leaders set out about themselves (查摆出的问题) and mean to do, not findings handed over.
_MEETING_REPORTED = compile_pattern(
    r"(?:民主生活会|组织生活会)(?:召开)?(?:情况)?的?(?:报告|通报)$"
    # or the material a leader or a team brings to one (…民主生活会对照检查材料, 个人检视剖析材料)
    r"|(?:对照检查|检视剖析|个人剖析|对照剖析)材料(?:[（(][^（）()]{1,8}[）)])?$"
)


def reports_a_meeting(title: str | None, text: str = "") -> bool:
    """Whether ``title`` reports a 民主生活会 or 组织生活会 held (…专题民主生活会召开情况的报告), or
    is the material brought to one (…民主生活会对照检查材料); without a title, whether the
    text's first lines, joined, end so (a title wrapped mid-word: …对照检 / 查材料)."""
    if title is not None:
        return _MEETING_REPORTED.search(title.strip()) is not None
    for lines in (1, 2, 3):
        head = "".join("".join(text.split("\n", 3)[:lines]).split())
        if len(head) <= _HEAD_MAX and _MEETING_REPORTED.search(head):
            return True
    return False


_HEAD_MAX = 80  # the longest run of first lines read as a wrapped title


# A discipline notice's title: cases counted (通报4起巡察整改不力典型问题, 关于3起…典型案例的通报).
_CASES_TOLD = compile_pattern(r"[0-9一二三四五六七八九十两]+起[^。；]{0,30}?典型(?:问题|案例)")


def tells_discipline_cases(title: str | None) -> bool:
    """Whether ``title`` counts discipline cases it makes known (通报N起…典型问题): each item
    a person and a sanction, not a finding and its rectification."""
    return title is not None and _CASES_TOLD.search(title) is not None


# What a document that sets rules or a plan says of itself (为规范…，制定本规程; 特制定本整改方案),
# and how its title ends (…巡察工作规程, …整改工作要点, …整改实施方案).
_SETS_ITSELF = compile_pattern(
    r"制定本(?:整改)?(?:工作|实施)?(?:规程|办法|细则|规定|方案|意见|制度|要点|计划)"
)


class RulesSign(NamedTuple):
    """What shows that a text sets rules or a plan: the words, and whether the text says it
    makes itself (制定本规程) rather than only showing it by its title's last words or a
    site's sample texts (范文)."""

    words: str
    declared: bool


def sets_rules(title: str | None, text: str, profile: Profile) -> RulesSign | None:
    """What shows that ``text`` sets rules or a plan (a 规程, 办法, 整改方案, 工作要点), or is a
    site's sample texts (范文), rather than reporting on rectification: the words in which its
    opening says it makes itself (制定本规程) or offers samples (the profile's
    ``sample_text_words``), or its title's last words (``rules_title_ends``); ``None`` when
    nothing does. Its points are rules and tasks: the caller refuses it when they were read as
    problems and none of them states a status."""
    opening = text[:_OPENING_CHARS]
    said = _SETS_ITSELF.search(opening)
    if said is not None:
        return RulesSign(said.group(0), declared=True)
    if profile.sample_text_words:
        samples = _anywhere(profile.sample_text_words).search(opening)
        if samples is not None:
            # a site of sample texts also reposts real reports: a sign only with problems
            return RulesSign(samples.group(0), declared=False)
    stripped = _title_or_first_line(title, text)
    ending = next((end for end in profile.rules_title_ends if stripped.endswith(end)), None)
    return RulesSign(ending, declared=False) if ending is not None else None


_OPENING_CHARS = 400


def titled_as_article(title: str | None, text: str, profile: Profile) -> str | None:
    """The article word that ends ``title`` (巡察中常见问题及其成因浅析: 浅析), or ``None``;
    without a title (an article's reads as no report's), the first line of ``text``."""
    stripped = _title_or_first_line(title, text)
    return next((end for end in profile.article_title_ends if stripped.endswith(end)), None)


def _title_or_first_line(title: str | None, text: str) -> str:
    """``title`` without a closing 。; without a title (a non-report's reads as no report's),
    the first line of ``text``."""
    if not title:
        title = next((line for line in text[:200].splitlines() if line.strip()), "")
    return _PAGE_OF.sub("", title.strip()).rstrip("。")


# A paged article's counter after its title (…的思考(第2/2页)).
_PAGE_OF = compile_pattern(r"\s*[（(]\s*第\s*[0-9]+\s*/\s*[0-9]+\s*页\s*[)）]\s*$")


# The inspection's findings handed over (反馈意见, 反馈会, 反馈了巡察情况).
_FEEDBACK_TOLD = compile_pattern(r"反馈(?:了)?(?:巡视|巡察|督察|审计)?(?:意见|会|情况|问题)")


def speaks_of_rectification(text: str, title: str | None, profile: Profile) -> bool:
    """A text with no problem list and no totals is still a report when it names an
    inspection (巡察, 审计…) and either speaks of rectification (整改), has a report's title
    (关于巡察反馈意见落实情况的通报 need not say 整改) or tells the inspection's feedback
    (a news item on the feedback meeting, where rectification starts: 反馈意见, 反馈会); a
    titled text that does none of these (a notice of a sports meeting) is not one."""
    if not any(kind in text for kind in profile.inspection_kinds):
        return title is not None and "整改" in text
    return "整改" in text or title is not None or _FEEDBACK_TOLD.search(text) is not None
