"""A report's title and issuer lines as a front page sets them: what reads as a title, a
title written over two lines (cut after 关于, inside it, inside the issuer's name, or where
neither half reads as one), a news item's headline, and an issuer's name.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..profiles.profile import Profile
from ..runtime.box_labels import BOX_LABELS, NAMING_BOX_LABELS
from ..runtime.patterns import compile_pattern, escape
from ..text.annex import ATTACHMENT
from ..text.dates import DATE
from ..text.furniture import is_furniture
from .collector import Collector
from .date_lines import DOC_NUMBER
from .masthead import is_masthead

__all__ = [
    "BOX_LINE",
    "HEADLINE_SUBJECT",
    "SENTENCE_PUNCT",
    "TITLE_END",
    "TITLE_PREFIX",
    "head_span",
    "headline",
    "is_issuer",
    "looks_like_title",
    "split_title",
    "table_caption",
    "title_head",
    "title_prefix",
    "wrapped_head",
]

TITLE_END = compile_pattern(
    r"(通报|报告|汇报|情况|公告|说明|函|公示|通知|台账|清单|方案"
    # a table's own title: 整改情况汇总表, 问题整改一览表, 整改情况公示表
    r"|(?:情况|汇总|一览|公示|统计|销号)表)$"
)
SENTENCE_PUNCT = compile_pattern(r"[。；;！？!?]")
# What a title may carry after its last word, in brackets: its day or its issue
# (…的通报（2025年6月12日）, …的通报（第一期）).
_BRACKET_TAIL = compile_pattern(r"\s*[（(][^（）()]{1,24}[）)]\s*$")


def ends_as_title(line: str) -> bool:
    """Whether ``line`` ends as a title does (:data:`TITLE_END`), a bracketed day or issue
    after its last word aside."""
    return bool(TITLE_END.search(line) or TITLE_END.search(_BRACKET_TAIL.sub("", line)))


# What a page puts before its title on the title's own line: a label (标题：, 文章标题：, 原标题：,
# an index box's 文件名称：, the labels .hints reads a header box's title by), a column's name
# in brackets (【巡察整改】), after an index box's bullet (• 标 题:), or a document-sharing
# site's banner (本文格式为Word版，下载可任意编辑).
TITLE_PREFIX = compile_pattern(
    r"^(?:[•·▪◆■●\-–—*]\s*)?(?:(?:(?:文章|原)?标\s*题|文件名称)\s*[:：∶]\s*|【[^】]{1,16}】\s*"
    # a forum's or a blog's repost tag ([转帖] …, [转载]…, 转：…)
    r"|\[(?:转帖|转载|转|原创|分享|置顶|精华)\]\s*|(?:转帖|转载|转)\s*[:：]\s*"
    r"|本文格式为\s*\w{1,8}\s*版\s*[，,]?\s*下载(?:后)?可(?:任意|自由)?编辑\s*[。，,]?\s*)+"
)

# (also a self-check's or a check's list and report: …自查问题清单, …落实安全生产责任制情况报告,
# …检查情况汇报)
_TITLE_WORDS = compile_pattern(r"整改|巡视|巡察|审计|督察|督查|督导|检查|自查|问题|落实|反馈意见")
# A bulletin's title with its day (第三督导组工作简报（2023年5月16日）): a headline too.
_BULLETIN = compile_pattern(r"(?:简报|快报|专报|工作动态)\s*[（(][^（）()]{6,16}[）)]$")


_COMMA_OR_COLON = compile_pattern(r"[，,：:]")
# A news headline that names its subject before a colon (某某集团：巡视整改任务过半已完成): one
# colon after a name of a few characters, no label (来源：, 时间：) and no comma.
_SUBJECT_COLON = compile_pattern(
    r"^(?!(?:来源|信息来源|时间|发布|作者|编辑|标题|文章标题|原标题|关键词|摘要|栏目|当前位置"
    r"|温馨提示|提示|注意|说明|声明|备注|附件|联系方式|联系电话|地址|邮箱))"
    r"\p{Han}{2,16}[：:]\s*[^，,：:]{4,}$"
)
# A line of a page's information box, written one label and value a line, whose value is no
# title (组配分类：审计工作报告, 公开方式：主动公开); 文件名称：, 标题： name the document.
BOX_LINE = compile_pattern(
    r"^\s*(?:"
    + "|".join(
        sorted((escape(k) for k in BOX_LABELS if k not in NAMING_BOX_LABELS), key=len, reverse=True)
    )
    + r")\s*[:：∶]"
)
# The subject of such a headline, before its colon.
HEADLINE_SUBJECT = compile_pattern(r"\p{Han}{2,16}(?=[：:])")
# A short line over a page's headline (党委办公室, 学校动态: a column's or office's name)
# that is no headline itself; a few are passed over on the way to it.
_SHORT_LINE = 10
_SHORT_LINES_PASSED = 4
# Or a site's navigation: a trail after the column's name (医院新闻 首页 > 新闻中心 > …), a
# row of short links between bars (公众版|医院版|英文版).
_NAVIGATION = compile_pattern(
    r"^[^，。；]{0,20}首页\s*[>＞»›]|^(?:[^|｜\s]{1,8}\s*[|｜]\s*){2,}[^|｜\s]{1,8}$"
)
# A picture's file name a copy leaves where the picture was (微信截图_20250101120000.jpg).
_IMAGE_FILE = compile_pattern(r"(?i)^\S{1,80}\.(?:jpe?g|png|gif|bmp|webp)$")
# A speaker's line over a report read to a congress (某县审计局局长 李某某): an office, a
# post in it and a name, no headline.
_SPEAKER = compile_pattern(
    r"^\p{Han}{1,20}?(?:局|厅|署|委员会|委|政府|公司|集团|大学|学院)副?"
    r"(?:局长|厅长|署长|审计长|主任|书记|县长|市长|区长|省长|州长|主席|院长|校长|总经理|董事长)"
    r"(?:[\s\u3000]*\p{Han}(?:[\s\u3000]*\p{Han}){1,3})?$"
)


# A news headline's exclamation inside it (处罚312人！某局通报巡视整改进展): no sentence.
_EXCLAIMED = compile_pattern(r"[！!](?=.)")
# A site's name over its menu (某某廉政网, 某某在线): no headline ends so.
_SITE_NAME = compile_pattern(r"^\p{Han}{2,12}(?:网|网站|门户|在线)$")


def headline(found: Collector, front: Sequence[int]) -> int | None:
    """A news item's headline when no line reads as a report's title: the first line that is
    neither furniture nor a sentence, short, and about the inspection's work
    (学院召开巡察整改情况通报会). Its position in ``front``, or ``None``."""
    passed = 0
    for position, index in enumerate(front[:8]):
        line = found.line(index).strip()
        if is_furniture(line) or DOC_NUMBER.search(line) or ATTACHMENT.match(line):
            continue
        if BOX_LINE.match(line):
            continue  # 公开方式：主动公开, a box's line
        if is_masthead(line):  # a bulletin's name, issue and editor lines over its headline
            continue
        if _SPEAKER.match(line) or _IMAGE_FILE.search(line) or _SITE_NAME.match(line):
            continue  # a speaker's line; an image's file name left by the copy; the site's name
        if (
            len(line) <= 50
            and not SENTENCE_PUNCT.search(_EXCLAIMED.sub("", line))  # 处罚312人！某局通报…
            and (not _COMMA_OR_COLON.search(line) or _SUBJECT_COLON.match(line))
            and (_TITLE_WORDS.search(line) or _BULLETIN.search(line))
            and position + 1 < len(front)
        ):
            found.put("title", line, *found.span(index), "title")
            found.headline_title = True
            return position
        if passed < _SHORT_LINES_PASSED and (
            _NAVIGATION.search(line)
            or (
                len(line) <= _SHORT_LINE
                and not SENTENCE_PUNCT.search(line)
                and not _COMMA_OR_COLON.search(line)
            )
        ):
            passed += 1  # 党委办公室 / 学校动态 over the headline: a column's name
            continue
        return None  # the first line of content is no headline: no title at all
    return None


def table_caption(found: Collector, front: Sequence[int]) -> int | None:
    """A table whose first row is one text that reads as a title (the table's caption merged
    across it, 中共X委员会巡察反馈问题整改情况公示表), among the first blocks of a document with
    no title line: that text is the title. Its position in ``front``, or ``None``."""
    for position, index in enumerate(front[:6]):
        cells = found.textmap.blocks[index].cells
        if not cells:
            continue
        first = {cell.strip() for cell in cells[0] if cell.strip()}
        if len(first) == 1 and looks_like_title(caption := first.pop()):
            start = found.span(index)[0] + found.line(index).index(caption)
            found.put("title", caption, start, start + len(caption), "title")
            return position
        return None  # the first table opens with its header: no caption
    return None


def head_span(found: Collector, index: int) -> tuple[int, int]:
    """The span of block ``index`` as a title's first line: without its blanks and without
    what a page puts before a title (:data:`TITLE_PREFIX`: ``标题：``, ``【巡察整改】``)."""
    start, end = found.stripped_span(index)
    prefix = TITLE_PREFIX.match(found.textmap.text[start:end])
    return (start + prefix.end(), end) if prefix and start + prefix.end() < end else (start, end)


def _head_line(found: Collector, index: int) -> str:
    start, end = head_span(found, index)
    return found.textmap.text[start:end]


def title_head(found: Collector, index: int) -> bool:
    """Whether block ``index`` is the first line of a title wrapped after it: short, no
    sentence, and it holds the title's 关于 (中共XX委员会关于第三轮巡察 / 整改进展情况的通报;
    a label before it, 标题：, is not the title's)."""
    line = _head_line(found, index)
    return (
        len(line) <= 40
        and "关于" in line
        and not SENTENCE_PUNCT.search(line)
        and not _COMMA_OR_COLON.search(line)
        and not is_furniture(line)
    )


# A sample-text site's words for its columns (…大全, …文库; beside the profile's words for
# its texts, sample_text_words: 范文): no title's.
_SITE_WORDS = compile_pattern(r"大全|文库|精选")
_HEAD_CHARS = compile_pattern(r"[\p{Han}0-9０-９“”（）〔〕]+")
# A place or a body named in a title's first line (槐荫镇青石村…, 汐阳市第三轮…).
_PLACE_OR_BODY = compile_pattern(r"[省市县区镇乡村局委厅]|街道|公司|集团|医院|学校|大学|学院")
# A name that stands whole: it opens with 中共 or names its place (县纪委监委, 中共XX委员会); the
# rest of a name cut on the line above does not (委员会, 育局党组, 局党组).
_WHOLE_NAME = compile_pattern(r"^中共|[省市县区州旗盟镇乡]|街道")


def split_title(found: Collector, front: Sequence[int], position: int, line: str) -> bool:
    """Whether ``line`` and the next line are a title cut where neither half reads as one
    (``中共XX集团有限公司委员会关于巡视整`` / ``改进展情况的通报``): both short, of characters
    only, the second ends as a title does, and joined they read as a title."""
    if position + 1 >= len(front) or looks_like_title(line):
        return False
    head, more = line.strip(), found.line(front[position + 1]).strip()
    if not (2 <= len(head) <= 40 and 2 <= len(more) <= 40):
        return False
    bare = _BRACKET_TAIL.sub("", more)  # (…的通报（2025年6月12日）: its day aside)
    if _HEAD_CHARS.fullmatch(head) is None or _HEAD_CHARS.fullmatch(bare) is None:
        return False
    if is_furniture(head) or looks_like_title(more) or not ends_as_title(more):
        return False
    return looks_like_title(head + more)


def title_prefix(found: Collector, length: int) -> list[tuple[int, int]]:
    """The spans of the title's first ``length`` characters, over the lines it was found on
    (an issuer's name may run from one line of a wrapped title into the next)."""
    spans: list[tuple[int, int]] = []
    n = 1
    while length > 0 and (source := found.sources.get("title" if n == 1 else f"title.{n}")):
        take = min(length, source.end - source.start)
        spans.append((source.start, source.start + take))
        length -= take
        n += 1
    return spans


def wrapped_head(found: Collector, index: int, line: str) -> bool:
    """Whether block ``index`` is a title's first line cut anywhere, before ``line`` (a PDF or
    a copy of one wraps a long title where the width runs out): ``中共XX县教育局党组关`` /
    ``于巡察整改…的通报``, ``中共XX投资集团有限公司委`` / ``员会关于…``, ``XX村经济责任审计发``
    / ``现问题整改情况公示``. The head is short, of characters and figures only (no sentence,
    colon, comma or breadcrumb; a label before it, 标题：, is not the title's), no date and no
    furniture. Joined, the name before ``关于`` is an issuer's and the cut falls inside it or
    inside ``关于`` (a whole issuer's name above ``关于…`` signs the title instead, as
    ``中共XX委员会`` does, and a line that opens with a whole name of its own, 中共XX委员会关于…,
    takes nothing from the line above it); without ``关于``, the head names a place or a body
    or the inspection's work, is no issuer's name on its own and does not end the title."""
    head = _head_line(found, index)
    if not 2 <= len(head) <= 40 or is_furniture(head) or DATE.search(head):
        return False
    if _HEAD_CHARS.fullmatch(head) is None:  # a breadcrumb (A > B), a menu, a code
        return False
    if _SITE_WORDS.search(head) or any(word in head for word in found.profile.sample_text_words):
        return False  # 自查报道范文大全: a sample site's column over the title
    joined = head + line.strip()
    at = joined.find("关于")
    if at > 0:
        rest = joined[len(head) : at]
        if at > len(head) and is_issuer(rest, found.profile) and _WHOLE_NAME.search(rest):
            return False  # the line names its issuer whole (a site's menu above 中共XX委员会关于…)
        return at != len(head) and at >= len(head) - 1 and is_issuer(joined[:at], found.profile)
    if is_issuer(head, found.profile) or TITLE_END.search(head):
        return False
    return _TITLE_WORDS.search(head) is not None or _PLACE_OR_BODY.search(head) is not None


def looks_like_title(line: str) -> bool:
    if len(line) > 80 or SENTENCE_PUNCT.search(line) or is_furniture(line):
        return False
    if "关于" in line and (TITLE_END.search(line) or "整改" in line):
        return True
    return bool(_TITLE_WORDS.search(line) and TITLE_END.search(line))


def is_issuer(line: str, profile: Profile) -> bool:
    line = line.strip()
    if not 2 <= len(line) <= 40 or SENTENCE_PUNCT.search(line) or "：" in line:
        return False
    if DATE.search(line) or _NOT_A_NAME.search(line) or _TWO_PARTIES.search(line):
        return False
    if line.startswith("第"):
        return False  # 第十九轮省委…: a round, not a name
    if _NO_NAME.search(line):
        return False  # a clause, a verb, a column or a title, not a body's name (_NO_NAME)
    return any(line.endswith(suffix) for suffix in profile.issuer_suffixes)


# What a body's name never holds (is_issuer):
_NO_NAME = compile_pattern(
    # a preposition or a pronoun opening a clause (在某集团巡视整改推进会上的讲话, 我们召开…;
    # not 对, 于, 向, 从: 对外经济贸易大学, 于都县, 向阳街道, 从化区 open with them)
    r"^(?:在|我们|我)"
    # 办 closing a verb of handling a case (联合交办, 挂牌督办), not an office (文明办, 安委办)
    r"|(?:交|督|承|协|主|举|代|经|包|转|领|查|速|快|马上|一次|限时)办$"
    # a verb of the work: a unit and what it does (青石镇创建文明村镇)
    r"|创建|开展|推进|召开"
    # a site's column named as a centre, with no place or body before it (新闻中心)
    r"|^(?:新闻|资讯|信息|媒体|视频|图片|文化|数据|服务|帮助)中心$"
    # a web site or a place, not a station or an office (…人民政府网站, 本站, 办公场所)
    r"|(?:网站|本站|场所|住所|处所)$"
    # a place or a count, not an office (不足之处, 此处, 问题3处; 资产管理处 is one)
    r"|(?:之|此|好|长|短|难|益|用|到|各|多|[0-9一二三四五六七八九十两几])处$"
    # a title's words (关于…的报告 / 某县人民政府 read as one line)
    r"|关于|的(?:通报|报告|公示|公告|说明)|情况报告|情况通报"
)
# A menu item (• yl34511线路中心) or a code, never a body's name: Latin letters, digits, bullets.
# X stands in for a name in templates (中共XX县XX局党组) and is allowed.
_NOT_A_NAME = compile_pattern(r"[A-WYZa-wyz0-9•·▪►◆■□●○※]")
# A headline's first line naming two parties (县委第四巡察组向县文旅局党组 / 反馈…): no name.
_TWO_PARTIES = compile_pattern(r"(?:巡视|巡察|督察|督查)\p{Han}{0,4}组(?:向|对|到|赴|进驻)")
