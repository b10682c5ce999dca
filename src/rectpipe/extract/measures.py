"""Measures enumerated inside a narrative: 一是…二是…三是… (also 三加强… with 是 lost).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..runtime.patterns import compile_pattern
from ..runtime.record import record
from ..text.numbering import Marker, MarkerKind, cn_to_int, match_marker

if TYPE_CHECKING:
    import regex

__all__ = ["FoundMeasure", "find_cell_measures", "find_measures", "find_numbered_measures"]

_CN = "一二三四五六七八九十"
# A measure marker opens the text or follows a sentence end / clause break; 一是… also a comma.
_MARK = compile_pattern(
    rf"(?:(?<=^|[。；;！？!?\n]\s*)|(?<=：|:)|(?<=[，,])(?=[{_CN}]{{1,3}}是))"
    rf"(?P<num>[{_CN}]{{1,3}})(?P<shi>是)?"
)
# The same, with 一是 also allowed straight after a subject (市财政局一是…).
_MARK_AFTER_SUBJECT = compile_pattern(
    rf"(?:(?<=^|[。；;！？!?\n]\s*)|(?<=：|:)|(?<=[\p{{Han}}])(?=一是))(?P<num>[{_CN}]{{1,3}})(?P<shi>是)?"
)
# 第一，第二， / 第一项，第二项， / 其一，其二，: ordinals leading the steps, each opening a
# sentence or a clause after ；, or after a label's colon.
_ORDINAL = compile_pattern(
    rf"(?:(?<=^|[。；;！？!?\n]\s*)|(?<=：|:))(?:第(?P<num>[{_CN}]{{1,3}})项?|其(?P<num>[{_CN}]))[，,、：:]"
)
# After a bare numeral these characters make a word (三个月, 五年), not a measure marker.
_NOT_AFTER_BARE = set(
    "个项年月日号家名次件大类方面十百千万亿者级等批期轮季天周位人条种点分成倍元层栋所座块亩线区处只台是"
)


@record
class FoundMeasure:
    """A numbered measure (一是…, 1.…) found in a problem's text, and where it stands."""

    ordinal: int
    marker: str
    start: int  # of the measure's text (after the marker)
    end: int
    marker_start: int
    missing_shi: bool


def find_measures(text: str) -> list[FoundMeasure]:
    """Enumerated measures in ``text``, in order, numbered 1, 2, 3… without gaps.

    ``一是…二是…`` markers come first. A numeral without 是 (``三加强…``) fills a gap only where
    that ordinal's 是-marker is missing, between its neighbours, and not as the start of a
    counted word (三个月, 二楼). ``第一，第二，`` is read the same way when no 一是 list exists,
    and steps in sequence (``首先，…其次，…最后，…``) when neither does. A list needs two
    markers, but for ``一是…`` alone: a copy cut inside the first measure still tells it.
    """
    found = _scan(text, _MARK, allow_bare=True)
    if (not found or found[0].missing_shi) and "一是" in text and "二是" in text:
        # 市财政局一是…；二是…: the first marker may follow its subject.
        found = _scan(text, _MARK_AFTER_SUBJECT, allow_bare=True) or found
    if len(found) < 2 and ("第" in text or "其" in text):  # 第一，第二，… / 其一，其二，…
        found = _scan(text, _ORDINAL, allow_bare=False)
    if len(found) < 2 and "首先" in text:  # 首先，…其次，…最后，…
        found = _in_sequence(text)
    if len(found) == 1 and not (found[0].ordinal == 1 and found[0].marker.endswith("是")):
        return []  # one bare numeral or 第一 is no list; a lone 一是 (a copy cut after it) is
    return found


# The words that lead steps in sequence (首先，… 其次，… 再次，… 最后，…; 首先是…, 首先要…),
# each opening a sentence, a clause or a label's value.
_SEQUENCE = compile_pattern(
    r"(?:^|(?<=[。；;！？!?\n，,：:]\s*))(?P<w>首先|其次|再次|然后|最后)(?:[，,]|是|要)"
)
_FIRST_STEP, _LAST_STEP = "首先", "最后"


def _in_sequence(text: str) -> list[FoundMeasure]:
    """Steps led by 首先, then 其次/再次/然后, and 最后 closing them: each a measure, when the
    first is 首先 and nothing follows 最后."""
    marks = list(_SEQUENCE.finditer(text))
    if not marks or marks[0].group("w") != _FIRST_STEP:
        return []
    words = [m.group("w") for m in marks]
    if _FIRST_STEP in words[1:] or (
        _LAST_STEP in words and words.index(_LAST_STEP) != len(words) - 1
    ):
        return []
    result: list[FoundMeasure] = []
    for i, match in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        while end > match.end() and text[end - 1] in " \n\t\u3000":
            end -= 1
        result.append(FoundMeasure(i + 1, match.group(0), match.end(), end, match.start(), False))
    return result


def _scan(text: str, pattern: regex.Pattern[str], *, allow_bare: bool) -> list[FoundMeasure]:
    explicit: dict[int, regex.Match[str]] = {}
    bare: list[tuple[int, regex.Match[str]]] = []
    for match in pattern.finditer(text):
        value = cn_to_int(match.group("num"))
        if value is None:
            continue
        if not allow_bare or match.group("shi") is not None:
            explicit.setdefault(value, match)
        else:
            after = text[match.end() : match.end() + 1]
            if value > 1 and after and after not in _NOT_AFTER_BARE and _is_han(after):
                bare.append((value, match))
    marks: list[tuple[regex.Match[str], bool]] = []
    expected, position = 1, 0
    while True:
        current = explicit.get(expected)
        missing = False
        if current is None or current.start() < position:
            limit = explicit[expected + 1].start() if expected + 1 in explicit else len(text)
            candidates = (m for v, m in bare if v == expected and position <= m.start() < limit)
            current = next(candidates, None)
            missing = True
        if current is None:
            break
        marks.append((current, missing))
        position = current.end()
        expected += 1
    result: list[FoundMeasure] = []
    for i, (match, missing) in enumerate(marks):
        end = marks[i + 1][0].start() if i + 1 < len(marks) else len(text)
        while end > match.end() and text[end - 1] in " \n\t\u3000":
            end -= 1
        result.append(FoundMeasure(i + 1, match.group(0), match.end(), end, match.start(), missing))
    return result


_HAN = compile_pattern(r"\p{Han}")


def _is_han(ch: str) -> bool:
    return _HAN.match(ch) is not None


# Where a numbered measure may begin inside a block of running text (a table cell): at the
# start, after a line break or a sentence end, or after blanks. （1）, ①, ⑴ also right after
# any character: a cell often runs them on (……；（2）……).
_NUMBERED_AT = compile_pattern(
    r"(?:^|(?<=[\n。；;！？!?：:\s\u3000]))[\s\u3000]*(?=[0-9０-９（(⒈-⒛])|[（(①-⒇㉑-㉟]"
)
_LIST_KINDS = (MarkerKind.ARABIC, MarkerKind.ARABIC_PAREN, MarkerKind.CIRCLED)
# What the marker of a list's second item holds: a figure 2 (2. （2） 2） 02.), ②, ⑵ or ⒉.
_TWOS = "2２②⑵⒉"


def find_numbered_measures(text: str) -> list[FoundMeasure]:
    """Measures numbered ``1.… 2.…``, ``（1）…（2）…`` or ``①…②…`` inside ``text`` (one cell),
    read with the marker grammar of headings (:func:`match_marker`), in order 1, 2, 3…

    The first marker of ordinal 1 sets the kind; later markers of that kind continue the list
    only with the next ordinal (a ``（1）`` inside a ``1.`` measure stays in its text). Fewer
    than two markers are no list, but for a lone first item that opens the text or follows a
    label's colon (``整改措施：1.…``): a list of one measure.
    """
    if not any(two in text for two in _TWOS):
        return _lone_first(text)  # no list without its second item, but a list of one
    found: list[tuple[int, Marker]] = []
    seen: set[int] = set()
    for match in _NUMBERED_AT.finditer(text):
        at = match.start()
        while at < len(text) and text[at] in " \t\n\u3000":
            at += 1
        if at in seen:
            continue
        seen.add(at)
        marker = match_marker(text[at:])
        if marker is None and (at == 0 or text[at - 1] in "\n。；;"):
            marker = _line_marker(text, at)
        if marker is not None and marker.kind in _LIST_KINDS:
            found.append((at, marker))
    for kind in _LIST_KINDS:
        marks: list[tuple[int, Marker]] = []
        for at, marker in found:
            if marker.kind is kind and marker.ordinal == len(marks) + 1:
                marks.append((at, marker))
        if len(marks) < 2:
            continue
        if any(at < marks[0][0] and m.kind in _LIST_KINDS and m.ordinal == 1 for at, m in found):
            continue  # another kind's list starts first: that one is the list
        result: list[FoundMeasure] = []
        for i, (at, marker) in enumerate(marks):
            end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
            while end > at and text[end - 1] in " \n\t\u3000":
                end -= 1
            result.append(FoundMeasure(i + 1, marker.raw, at + marker.end, end, at, False))
        return result
    return _lone_first(text)


# A list of one: 1. or （1） opening the text or after a label's colon (整改措施：1.…).
_LONE_FIRST = compile_pattern(r"^(?:[^。；;！？!?\n：:]{0,12}[：:])?[ \u3000]*(?=[1１（(①⑴⒈])")


def _lone_first(text: str) -> list[FoundMeasure]:
    """A single numbered measure (``1.`` / ``（1）`` / ``①`` with ordinal 1) that opens
    ``text`` or follows its first label's colon, when no other list marker comes after it."""
    opening = _LONE_FIRST.match(text)
    if opening is None:
        return []
    at = opening.end()
    marker = match_marker(text[at:])
    if marker is None or marker.kind not in _LIST_KINDS or marker.ordinal != 1:
        return []
    rest = text[at + marker.end :]
    if any(
        (m := match_marker(rest[found.start() :].lstrip())) is not None and m.kind in _LIST_KINDS
        for found in _NUMBERED_AT.finditer(rest)
    ):
        return []  # more markers: no list of one
    end = len(text)
    while end > at and text[end - 1] in " \n\t\u3000":
        end -= 1
    return [FoundMeasure(1, marker.raw, at + marker.end, end, at, False)]


# After a line or sentence end, 2.2024年… is item 2 (the heading grammar refuses it, for
# 3.5万元); it only counts when it is the next item of a list.
_LINE_ARABIC = compile_pattern(r"(?P<num>[0-9]{1,3})[.．](?=[0-9])")


def _line_marker(text: str, at: int) -> Marker | None:
    found = _LINE_ARABIC.match(text, at)
    if found is None:
        return None
    raw = found.group(0)
    return Marker(kind=MarkerKind.ARABIC, ordinal=int(found.group("num")), raw=raw, end=len(raw))


def find_cell_measures(text: str) -> list[FoundMeasure]:
    """The measures a table cell or a narrative paragraph enumerates: a numbered list (``1.`` /
    ``（1）`` / ``①``, also run on in one line: 整改措施：（1）…；（2）…) or a ``一是…二是…``
    list (:func:`find_measures`), whichever begins first."""
    numbered = find_numbered_measures(text)
    spoken = find_measures(text)
    if numbered and spoken:
        return numbered if numbered[0].marker_start <= spoken[0].marker_start else spoken
    return numbered or spoken
