"""Paragraphs that swallowed their line breaks, cut where the breaks were.

A web copy that lost its line breaks runs headings, labels and their text into one paragraph
(``…。二、下一步工作安排（一）…``, ``…薄弱环节 3.不良贷款…``, ``关于“…”整改情况：…``);
:func:`split_glued` gives the pieces, :func:`split_points` the offsets. :mod:`.repair` applies
it (kind ``line_breaks``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from ..runtime.patterns import compile_pattern, compile_re
from .furniture import COUNTER_LABEL
from .normalize import CJK_CHARS
from .numbering import WHOLE_COUNT, Marker, MarkerKind, cn_to_int, match_marker

__all__ = [
    "LOST_BREAKS_BRACKET_REACH",
    "LOST_BREAKS_MIN_CHARS",
    "LOST_BREAKS_MIN_GAPS",
    "WHOLE_TITLE",
    "lost_breaks",
    "part_ordinals",
    "split_glued",
    "split_points",
]

_ENDS = "。！？!?"
_OPEN = "“‘《「『（(【〔"
_CLOSE = "”’》」』）)】〕"
_MARKER_START = frozenset("（(0123456789０１２３４５６７８９〇零一二三四五六七八九十问第")
_CN = "〇零一二三四五六七八九十"
# Cheap tests that tell whether split_points needs to look at a paragraph at all (stdlib
# ``re``: plain character classes, which it scans faster than ``regex``).
_MARKERS = (
    rf"(?:[{_CN}]{{1,3}}[、．.]|[（(][{_CN}0-9０-９]{{1,3}}[)）]"
    r"|[0-9０-９]{1,3}[.．、]"  # (1.3处违规… too: split_points reads the figure after the dot)
    rf"|问题[{_CN}0-9０-９]{{1,3}}[：:]|第[{_CN}0-9０-９]{{1,3}}(?:项|个问题)[：:])"
)
# (an announcement's colon: 报告如下：, 报告于后：, 汇报如后：)
_ANNOUNCED = ("如下", "于后", "如后")
_AFTER_END = compile_re(rf"(?:[。！？!?][”’」』]?|(?:如下|于后|如后)[：:])[ \u3000]*{_MARKERS}")
# A marker after a blank that stands where a line break was lost (…薄弱环节 3.不良贷款…).
_AFTER_BLANK = compile_re(rf"\S[ \u3000]+{_MARKERS}")
# （一） or 1. / 1、 (not 1.5): one character class first, which ``re`` scans for quickly.
_FIRST_CHILD = compile_re(
    r"[（(1１](?:(?<=[（(])[一1１][)）]|(?<=[1１])(?:[.．](?![0-9０-９])|、))"
    # a first numbered finding label glued to its group's heading (2.1组织设置类问题1：…)
    r"|问题\s*[1１一]\s*[：:]"
)


def _label_at(text: str, i: int, labels: Sequence[str]) -> bool:
    """Whether a label (the longest of ``labels`` that ``text`` has at ``i``) with its colon
    starts at ``i``."""
    if not labels:
        return False
    found = _label_prefix(tuple(labels)).match(text, i)
    if found is None:
        return False
    rest = text[found.end() : found.end() + 3].lstrip(" \u3000")
    return rest[:1] in ("：", ":", "∶")


@lru_cache(maxsize=16)
def _label_prefix(labels: tuple[str, ...]) -> re.Pattern[str]:
    """``labels`` as one pattern, the longest first (stdlib ``re``: plain text, no classes)."""
    return compile_re("|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True)))


def _has_blank(text: str) -> bool:
    """Whether ``text`` holds a blank (`` `` or U+3000), which a cut after a blank needs."""
    return " " in text or "\u3000" in text


def _heading_follows(text: str, end: int) -> bool:
    """Whether text that can follow a marker comes at ``end``: no figure's rest (3.5万元, 1、2
    项), but a count or a year the marker's dot stands before (1.3处违规建设…, 2.2020年…)."""
    nxt = text[end : end + 1]
    if nxt.isdigit() and text[end - 1 : end] in ".．":
        return WHOLE_COUNT.match(text, end) is not None
    return bool(nxt) and not nxt.isdigit() and nxt not in "%％.．、，,)）"


@lru_cache(maxsize=16)
def _interesting(starts: frozenset[str]) -> re.Pattern[str]:
    """Brackets and ``starts``, as one character class."""
    return compile_re("[" + re.escape("".join(sorted(starts | set(_OPEN + _CLOSE)))) + "]")


def _quoted_before(text: str, i: int) -> bool:
    """Whether a closing quote (” 」 』) comes just before ``text[i]``, blanks aside."""
    k = i - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    return k >= 0 and text[k] in "”」』"


def _ended_before(text: str, i: int) -> bool:
    """Whether a sentence ends just before ``text[i]`` (at bracket depth 0): the last character
    before it that is not a blank is 。！？, or a closing quote or bracket right after one
    (“…完成。”), or the colon of an announcement (现将整改情况报告如下：（一）…)."""
    k = i - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    if k < 0:
        return False
    if text[k] in _CLOSE:
        return k > 0 and text[k - 1] in _ENDS
    return text[k] in _ENDS or (text[k] in "：:" and text[max(0, k - 2) : k] in _ANNOUNCED)


def _after_colon(text: str, i: int) -> bool:
    """Whether a label's colon (not an announcement's, 报告如下：) comes right before
    ``text[i]``: a list starts inline there (整改措施：1.…). A blank between them stands where
    a line break was lost (存在以下问题： 1、…)."""
    k = i - 1
    return k > 0 and text[k] in "：:" and text[max(0, k - 2) : k] not in _ANNOUNCED


def _first_child_from(text: str, start: int) -> bool:
    """Whether a first sub-marker (``_FIRST_CHILD``) starts at or after ``start`` (at least 1)
    on the same line as the character before it."""
    found = _FIRST_CHILD.search(text, max(start, 1))
    while found is not None:
        if text[found.start() - 1] != "\n":
            return True
        found = _FIRST_CHILD.search(text, found.start() + 1)
    return False


# A category heading's last words, an item's number run on after them (…方面3.厅属单位…): the
# items are numbered on across the categories.
_HEADING_ENDS = ("方面", "问题")
_LABEL_CLOSES = ("：", ":", "∶", "】", "]", "］")


def _bare_label(marker: Marker) -> bool:
    """A numbered label closed by no colon or bracket (问题1., 问题一、, 第1项、)."""
    return marker.kind is MarkerKind.LABEL and not marker.raw.rstrip().endswith(_LABEL_CLOSES)


_CONTINUED_CHILD = compile_re(r"(?:方面|问题)[0-9０-９]{1,3}[.．、](?![0-9０-９])")


# How a time limit's value ends (2025年3月底前, 6月前, 年底前), a part's marker run on after it.
_LIMIT_ENDS = frozenset({"底前", "月前", "日前", "年前", "旬前"})
_LIMIT_THEN_PART = compile_re(rf"[底月日年旬]前[{_CN}]{{1,3}}、")


def _first_child_glued(text: str) -> bool:
    """A first sub-marker after the paragraph's own marker (the marker is read only when the
    text holds such a sub-marker at all)."""
    if not _first_child_from(text, 1):
        return False
    first = match_marker(text)
    return first is not None and _first_child_from(text, first.end + 1)


@lru_cache(maxsize=16)
def _labels_inside(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all ``labels`` (``None`` for none), to ask whether any occurs."""
    words = sorted((label for label in labels if label), key=len, reverse=True)
    return compile_re("|".join(map(re.escape, words))) if words else None


# A part's marker anywhere in a text (一、, 十二、), its numeral not the tail of a longer one.
_PART_ANYWHERE = compile_pattern(rf"(?<![{_CN}])(?P<n>[{_CN}]{{1,3}})、")


def part_ordinals(texts: Sequence[str]) -> frozenset[int]:
    """The ordinals of the parts' markers (一、 二、) written anywhere in a document's texts,
    at a line's start or run into one: :func:`split_points` cuts before 二、 only where 一、 is
    written somewhere."""
    found: set[int] = set()
    for text in texts:
        if "、" in text:
            numbers = (cn_to_int(m.group("n")) for m in _PART_ANYWHERE.finditer(text))
            found.update(n for n in numbers if n is not None)
    return frozenset(found)


def split_points(
    text: str, labels: Sequence[str] = (), parts: frozenset[int] | None = None
) -> list[int]:
    """Offsets where a paragraph that swallowed line breaks should be cut.

    A cut goes before a numbering marker (一、 （一） 1. （1）) that follows a sentence end
    (。！？) or a blank (where the lost line break left one: …薄弱环节 3.不良贷款…), before a
    field label with a colon (整改结果：) that follows a sentence end or a closing quote
    (关于“…”整改情况：…), and before a first sub-marker (（一） or 1. with ordinal 1) glued to a
    heading that has no sentence end (二、下一步工作安排（一）…), or before an item numbered on
    across categories run into its category's heading (（二）…方面3.…). Nothing inside quotes or
    brackets is cut, nor markers that are not headings: （一期）, 3.5万元, ①; nor a part's
    marker whose part before it is written nowhere in the document (``parts``, from
    :func:`part_ordinals`): a speech's points run into a news item (…抓紧抓实。 二、形成合力…)
    are no parts of a report.
    """
    inside = _labels_inside(tuple(labels))
    if not (
        _AFTER_END.search(text)
        or (inside is not None and inside.search(text, 1) is not None)
        or _first_child_glued(text)
        or _CONTINUED_CHILD.search(text) is not None
        or _LIMIT_THEN_PART.search(text) is not None
        or (_has_blank(text) and _AFTER_BLANK.search(text))
    ):
        return []
    labels = sorted(labels, key=len, reverse=True)
    first = match_marker(text)
    points: list[int] = []
    depth = 0
    kind: MarkerKind | None = first.kind if first else None
    piece_start = 0
    # a list run inline after a label's colon (整改措施：1.…。2.…。): its kind and the ordinal
    # its next item takes; those items stay in the paragraph, cut only where the run breaks
    inline: tuple[MarkerKind, int] | None = None
    starts = _MARKER_START | {label[0] for label in labels if label}
    # Only brackets (depth) and characters that can start a marker or a label (a cut) matter:
    # jump from one to the next. Whether a sentence ended just before ``i`` is read back from
    # the last character that is not a blank.
    for found in _interesting(starts).finditer(text):
        i = found.start()
        ch = text[i]
        if depth == 0 and i > piece_start and ch in starts:
            ended = _ended_before(text, i)
            marker = match_marker(text[i:]) if ch in _MARKER_START else None
            if marker is not None and (
                marker.kind is MarkerKind.CIRCLED
                # 问题1. / 问题一、 with no colon opens a line only (…方面的问题1.X: the
                # heading's 问题, then its item)
                or (_bare_label(marker) and i > 0 and _HAN_CHAR.match(text[i - 1]) is not None)
                or not _heading_follows(text, i + marker.end)
                or (
                    parts is not None
                    and marker.kind is MarkerKind.CN
                    and marker.ordinal > 1
                    and marker.ordinal - 1 not in parts
                )
            ):
                marker = None
            if marker is not None and marker.ordinal == 1 and _after_colon(text, i):
                inline = (marker.kind, 2)
                continue
            if (
                marker is not None
                and inline == (marker.kind, marker.ordinal)
                and text[i - 1] not in " \u3000"
            ):
                inline = (marker.kind, marker.ordinal + 1)
                continue
            label = marker is None and _label_at(text, i, labels)
            # a label right after a quoted finding (关于“…”整改情况：…) starts a block too
            after_end = (ended and (marker is not None or label)) or (
                label and _quoted_before(text, i)
            )
            first_child = (
                marker is not None
                and kind is not None
                and not ended
                and (marker.kind > kind or marker.kind is MarkerKind.LABEL)
                # (or an item numbered on across categories, run into its category's heading:
                # （二）全面从严治党方面3.厅属单位…)
                and (marker.ordinal == 1 or text[piece_start:i].endswith(_HEADING_ENDS))
                and i - piece_start >= 3
            )
            # a blank where the line break was: …薄弱环节 3.不良贷款…, …后备干部库 8.员工…
            after_blank = (
                (marker is not None or label) and text[i - 1] in " \u3000" and i - piece_start >= 3
            )
            # a part's heading run into a time limit's value (整改时限：2025年3月底前三、下一步…)
            after_limit = (
                marker is not None
                and marker.kind is MarkerKind.CN
                and text[max(0, i - 2) : i] in _LIMIT_ENDS
            )
            if after_end or first_child or after_blank or after_limit:
                points.append(i)
                piece_start = i
                kind = marker.kind if marker is not None else None
                inline = None
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return points


# A document's title with its first part glued on (a preview that lost the line break):
# …整改进展清单一、关于“…”.
_GLUED_TITLE = compile_pattern(
    r"^(?P<title>[^。！？；：:，,\n]{6,80}?(?:通报|报告|情况|清单|公示|方案|通知))(?=一、)"
)


# A title that a lost line break left glued, by a blank, to the text after it (关于…的通报
# 根据县委统一部署…): it ends in a title's word and holds 关于 or names the inspection.
_TITLE_THEN_BLANK = compile_pattern(
    r"^(?P<title>(?=[^。！？；：:，,\n]*(?:关于|巡视|巡察|审计|督察))"
    r"[^。！？；：:，,\n\s]{6,80}?(?:通报|报告|情况|清单|公示|公告))[ \u3000]+"
    r"(?=\p{Han}[^\n]{9})"  # text runs on after it (not a date or a short tag)
)


# A title that a lost line break left glued straight to the text after it (…情况的通报2025年3月
# 3日至…，…): it holds 关于, ends in a report's word, and a sentence runs on after it (a
# title quoted in a sentence, 根据《关于…的通报》…, or in brackets, 【…的通报】…, is none).
_TITLE_THEN_TEXT = compile_pattern(
    r"^(?P<title>[^。！？；：:，,\n\s《》【】]{2,40}?关于[^。！？；：:，,\n\s《》【】]{4,80}?"
    r"(?:的通报|的报告|的公告|的公示|情况通报|情况报告))"
    r"(?![的和及与])(?=[^。！？；：:，,\n]{2,60}[，,])"
)


# A page copied as one line: the site's column name before the title (信息公开中共…), and the
# page's date line after it (…的通报发布时间2024年5月9日): each a line of its own.
_COLUMNS = (
    "信息公开",
    "党务公开",
    "政务公开",
    "通知公告",
    "工作动态",
    "新闻动态",
    "要闻动态",
    "巡察工作",
    "巡视工作",
)
_COLUMN_THEN_TITLE = compile_pattern(rf"^(?P<column>{'|'.join(_COLUMNS)})(?=中共|关于)")
_TITLE_THEN_META = compile_pattern(
    r"^(?P<title>(?=[^。！？；：:，,\n]*(?:关于|巡视|巡察|审计|督察))"
    r"[^。！？；：:，,\n\s]{6,80}?(?:通报|报告|情况|清单|公示|公告))"
    r"(?=发布时间|发布日期|来源\s*[:：]|时间\s*[:：])"
)


# A text copied as one line that ends with its signature: a name and a date after the last
# sentence (…已全部整改完成。 柳岸镇中心小学 2023.05.20), the date glued to a body's name
# (…请及时反映。中共青禾县某镇委员会2025年9月20日).
_SIGNER_END = "委员会|党委|党组|政府|局|办公室|办事处|公司|集团|大学|学院|学校|中心|医院|支部|厅|院"
_SIGNED_AT_END = compile_pattern(
    r"(?<=[。！？])[ \u3000]*"
    rf"(?P<signer>\p{{Han}}{{2,30}})(?:(?<={_SIGNER_END})|[ \u3000]+)"
    r"(?P<date>[0-9]{4}\s*(?:[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}|年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日))"
    r"[ \u3000]*$"
)


def split_glued(
    text: str, labels: Sequence[str] = (), parts: frozenset[int] | None = None
) -> list[str]:
    """``text`` cut at :func:`split_points`, each piece stripped; ``[text]`` when none. A
    title glued to its first part (``…整改进展清单一、关于…``), by a blank or by nothing to the
    text after it (``关于…的通报 根据…``, ``关于…的通报2025年3月…，``), or on a page copied as
    one line to the site's column name before it and the page's date line after it, is cut off
    first; so is a signature, a name and a date, after the last sentence (``…整改完成。
    柳岸镇中心小学 2023.05.20``, ``…。中共某镇委员会2025年9月20日``)."""
    signed = _SIGNED_AT_END.search(text) if text[-1:].isdigit() or text.endswith("日") else None
    if signed is not None:
        head = split_glued(text[: signed.start()], labels)
        return [*head, signed.group("signer"), signed.group("date")]
    column = _COLUMN_THEN_TITLE.match(text) if text.startswith(_COLUMNS) else None
    if column is not None:
        return [column.group("column"), *split_glued(text[column.end() :], labels)]
    title = (
        _TITLE_THEN_META.match(text) if "时间" in text or "日期" in text or "来源" in text else None
    )
    if title is not None:
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    # (each title pattern is tried only on a text that holds what it needs: 一、, a blank)
    title = _GLUED_TITLE.match(text) if "一、" in text else None
    if title is not None and match_marker(text[title.end() :]) is not None:
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    title = _TITLE_THEN_BLANK.match(text) if _has_blank(text) else None
    if title is not None and len(text) > title.end():
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    title = _TITLE_THEN_TEXT.match(text) if "关于" in text[:40] else None
    if title is not None:
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    points = split_points(text, labels, parts)
    if not points and "针对“" in text:
        points = _next_named_findings(text)
    if not points:
        return [text]
    bounds = [0, *points, len(text)]
    pieces = [text[a:b].strip(" \u3000") for a, b in pairwise(bounds)]
    return [p for p in pieces if p]


# A paragraph that names the finding it answers (针对“X”的问题，…), after the field it falls
# in or not (在就业服务方面，…), and goes on to the next it answers after a sentence's end.
_NAMED_LEAD = compile_pattern(
    r"^(?:在[^，,。；;“”]{2,20}方面[，,]\s*)?针对“[^“”]{2,80}”的?问题[，,]"
)
_NEXT_NAMED = compile_pattern(r"(?<=[。！？])\s*(?=针对“[^“”]{2,80}”的?问题[，,])")


def _next_named_findings(text: str) -> list[int]:
    """Where a paragraph that opens with a finding it names goes on to the next it names
    (…该问题已完成整改。针对“Y”的问题，…): each its own paragraph, as printed copies set them."""
    if not _NAMED_LEAD.match(text):
        return []
    return [found.end() for found in _NEXT_NAMED.finditer(text)]


LOST_BREAKS_MIN_CHARS = 150
"""A paragraph as read is taken for lines run together only when it is at least this long."""
LOST_BREAKS_MIN_GAPS = 3
"""…and holds at least this many blanks between Chinese characters."""

_BULLETS = "•▪◆■●★☆◇"
_PART = "[一二三四五六七八九十]{1,3}、"
_SECTION = "[(（][一二三四五六七八九十]{1,3}[)）]"
# A quoted phrase set off by a blank on each side (关于 “药品监管不严” 的问题).
_SET_OFF_QUOTE = compile_pattern(r"(?<=\S)[ \u3000]+(“)[^“”\n]{1,60}(”)[ \u3000]+(?=\S)")
# A label set with a blank after each character (标  题：, 索 引 号:): its blanks are no breaks.
_SPACED_LABEL = compile_pattern(r"(?:[ \u3000]+\p{Han}){1,4}[ \u3000]*[:：∶]")
# A title's line that a bar box's last row (内容概述 | … |) or a page line's label (浏览次数:)
# ran onto, at the end of a piece.
_AFTER_BOX = compile_pattern(
    r"[|:：∶][ \u3000]+(?P<title>[^|，,、。！？!?；;：:\s]{8,80}(?:通报|报告|公告|公示))$"
)
#: A report's title, whole: its end (…情况的通报, …整改情况报告), no punctuation before it.
WHOLE_TITLE = compile_pattern(r"^[^，,、。！？!?；;：:“”\s]{8,}(?:的|情况)(?:通报|报告|公告|公示)$")
# The addressees a report greets under its title (县人民政府：, 各镇人民政府、街道办事处，区直
# 有关单位：), glued by a blank to the first sentence.
_ADDRESSEE = r"[^：:，,。；;！？!?\s]{2,40}"
_SALUTATION = compile_pattern(rf"^{_ADDRESSEE}(?:[、，,]{_ADDRESSEE}){{0,8}}[：:](?=[ \u3000]+\S)")
# A whole date (2025年2月18日, 2025-05-30) and a time of day (08:21, 15:06:41).
_FULL_DATE = r"[0-9]{4}(?:年[0-9]{1,2}月[0-9]{1,2}日|-[0-9]{1,2}-[0-9]{1,2}(?![0-9]))"
_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
# A blank between two Chinese characters (or CJK punctuation): Chinese prose has none, so in a
# long paragraph as read it stands where a line break was lost (…的通报 根据…, …。 一、…).
_HAN_GAP = compile_pattern(
    rf"(?<=[{CJK_CHARS}])[ \u3000]+(?=[{CJK_CHARS}])"
    # a title's end before the page's date (…的通报 2025-03-18 09:12) or a subtitle's dash and
    # date (…的报告 --2024年12月26日在…会议上), an attachment's number
    # before the title it heads (附件1 中共…)
    r"|(?<=(?:通报|报告|情况|公示|公告|清单|说明))[ \u3000]+"
    r"(?=[0-9]{4}[-./年][0-9]{1,2}|(?:-{1,2}|—{1,2})[0-9]{4})"
    r"|(?<=^附件[0-9]{1,2})[ \u3000]+(?=\p{Han})"
    # a page widget's words in ASCII brackets before the text (字体：[大 中 小] 中共…)
    r"|(?<=\])[ \u3000]+(?=\p{Han})"
    # a part's heading, whatever follows it (一、整改工作组织情况 2025年1月10日，…), and a
    # half-width colon before a part's or section's marker (…报告如下: 一、…), as a copy with
    # half-width punctuation has them
    rf"|(?<=(?:^|[ \u3000]){_PART}[^，。；：,;:!?！？\s]{{2,30}})[ \u3000]+(?=\S)"
    rf"|(?<=\p{{Han}}[:;!?])[ \u3000]+(?={_PART}|{_SECTION})"
    # …and a section's marker in half-width brackets ((二)关于…) after a sentence or a status
    rf"|(?<=[{CJK_CHARS}.)])[ \u3000]+(?={_SECTION})"
    # a view counter without its count before the text (浏览次数： 根据…)
    rf"|(?<={COUNTER_LABEL})[ \u3000]+(?=\p{{Han}})"
    # an index box's bullet, which opens each of its lines (• 发布机构:… • 标  题:…), or its
    # dash before a label (- 发布时间:…, - 文 号:无); a circled number (①网格…)
    rf"|(?<=\S)[ \u3000]+(?=[{_BULLETS}][ \u3000]*\p{{Han}}|[①-⑳][{CJK_CHARS}]"
    r"|-[ \u3000]+\p{Han}{1,8}(?:[ \u3000]+\p{Han}){0,3}[ \u3000]*[:：∶])"
    # a whole date after a name, a page line or a heading (XX医院 2025年2月18日, …发展
    # 2025-05-30 08:21), and the text after such a date and its time (发布时间:2025-09-02
    # 根据…), as a signature's or a page's line holds it
    rf"|(?<=[{CJK_CHARS}])[ \u3000]+(?={_FULL_DATE})"
    rf"|(?<={_FULL_DATE}(?:[ \u3000]+{_TIME})?)[ \u3000]+(?=\p{{Han}})"
    # the text after a contact line's telephone number or e-mail address (联系电话：0745-6321580
    # XX医院, 电子邮箱：xx@163.com 中共…)
    r"|(?<=(?<![0-9])[0-9]{3,4}-[0-9]{7,8}|@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)[ \u3000]+(?=\p{Han})"
)
_HAN_CHAR = compile_pattern(r"\p{Han}")
LOST_BREAKS_BRACKET_REACH = 24
"""How far (characters) a bracket around a blank may open before it and close after it for the
blank to be inside it, and no lost break (``【字号 大 中 小】``, ``[作者 X]``)."""
# A bracket around a page widget's words opened before a blank: the blank is inside it.
_OPEN_BEFORE = compile_pattern(r"[【\[〔(（][^】\]〕)）【\[〔(（]*$")
_CLOSE_AFTER = compile_pattern(r"^[^】\]〕)）【\[〔(（]*[】\]〕)）]")


def lost_breaks(text: str) -> list[str] | None:
    """The lines of a paragraph as read (before cleaning closes its blanks) whose line breaks
    were lost and left blanks (a web copy whose paragraphs ran together: ``…的通报 根据…。
    一、整改工作开展情况 医院党委…``), cut at each blank between two Chinese characters;
    ``None`` for any other paragraph: a short one, one with fewer such blanks than
    :data:`LOST_BREAKS_MIN_GAPS`, or a letter-spaced one (a blank after most characters)."""
    if len(text) < LOST_BREAKS_MIN_CHARS or (" " not in text and "\u3000" not in text):
        return None
    body = text.strip(" \t\u3000")
    # the blanks that set a quoted phrase off on both sides (关于 “…” 的问题) are no breaks
    quoted = {edge for m in _SET_OFF_QUOTE.finditer(body) for edge in (m.start(1), m.end(2))}
    gaps = [
        m.span()
        for m in _HAN_GAP.finditer(body)
        if m.end() not in quoted
        and m.start() not in quoted
        and not _bracketed(body, *m.span())
        and not _in_spaced_label(body, *m.span())
    ]
    if sum(1 for a, b in gaps if " " in body[a:b]) >= LOST_BREAKS_MIN_GAPS:
        # the breaks were lost as blanks: a lone ideographic space is the line's own
        # (第一部分　巡察整改工作开展情况, 中共X县委　X县人民政府关于…)
        gaps = [(a, b) for a, b in gaps if body[a:b] != "\u3000"]
    if len(gaps) < LOST_BREAKS_MIN_GAPS:
        return None
    if len(gaps) * 4 > len(_HAN_CHAR.findall(text)):
        return None  # letter-spaced, or a list of short words: no paragraph run together
    bounds = [0, *(edge for span in gaps for edge in span), len(body)]
    pieces = [body[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    out: list[str] = []
    for piece in pieces:
        greeting = _SALUTATION.match(piece) if out and WHOLE_TITLE.match(out[-1]) else None
        if greeting is not None:  # 关于…的报告 / 县人民政府： 2024年8月，…
            out.append(greeting.group())
            piece = piece[greeting.end() :].lstrip(" \u3000")
        box = _AFTER_BOX.search(piece)
        if box is not None:  # … | 内容概述 | … | 中共XX委员会关于…的通报: the title's own line
            head = piece[: box.start("title")].rstrip(" \u3000")
            out += [head, box.group("title")] if head.strip("|:：∶ ") else [piece]
        elif piece.strip(" \t\u3000"):
            out.append(piece)
    return out


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether the blank ``text[start:end]`` stands inside brackets that open and close within
    :data:`LOST_BREAKS_BRACKET_REACH` characters of it (a line break is never lost there)."""
    reach = LOST_BREAKS_BRACKET_REACH
    return (
        _OPEN_BEFORE.search(text, max(0, start - reach), start) is not None
        and _CLOSE_AFTER.search(text[end : end + reach]) is not None
    )


def _in_spaced_label(text: str, start: int, end: int) -> bool:
    """Whether the blank ``text[start:end]`` follows a lone character of a label set with a
    blank after each character (``• 标  题:``, ``索 引 号：``)."""
    lone = start >= 1 and (start == 1 or text[start - 2] in " \u3000" + _BULLETS)
    return lone and _SPACED_LABEL.match(text, start) is not None
