"""Measures enumerated inside a narrative: 一是…二是…三是… (also 三加强… with 是 lost)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..numbering import cn_to_int

_CN = "一二三四五六七八九十"
# A measure marker opens the text or follows a sentence end / clause break.
_MARK = regex.compile(rf"(?:(?<=^|[。；;！？!?\n]\s*)|(?<=：|:))(?P<num>[{_CN}]{{1,3}})(?P<shi>是)?")
_ORDINAL = regex.compile(rf"(?:(?<=^|[。；;！？!?\n]\s*))第(?P<num>[{_CN}]{{1,3}})[，,、：:]")
# After a bare numeral these characters make a word (三个月, 五年), not a measure marker.
_NOT_AFTER_BARE = set("个项年月日号家名次件大类方面十百千万亿者级等批期轮季天周位人条种点分成倍元层栋所座块亩线区处只台是")


@dataclass(frozen=True, slots=True)
class FoundMeasure:
    ordinal: int
    marker: str
    start: int  # of the measure's text (after the marker)
    end: int
    marker_start: int
    missing_shi: bool


def find_measures(text: str) -> list[FoundMeasure]:
    """Enumerated measures in ``text``, in order, numbered 1, 2, 3… without gaps.

    ``一是`` must come first; a numeral without 是 counts only where the next ordinal is due
    and it is not the start of a counted word (三个月). ``第一，第二，`` is read the same way when
    no 一是 list is present.
    """
    found = _scan(text, _MARK, allow_bare=True)
    if len(found) < 2:
        found = _scan(text, _ORDINAL, allow_bare=False)
    return found if len(found) >= 2 else []


def _scan(text: str, pattern: regex.Pattern[str], *, allow_bare: bool) -> list[FoundMeasure]:
    marks: list[tuple[int, int, int, str, bool]] = []
    expected = 1
    for match in pattern.finditer(text):
        value = cn_to_int(match.group("num"))
        if value != expected:
            continue
        missing = False
        if allow_bare and match.group("shi") is None:
            after = text[match.end() : match.end() + 1]
            if expected == 1 or not after or after in _NOT_AFTER_BARE or not _is_han(after):
                continue
            missing = True
        marks.append((match.start(), match.end(), value, match.group(0), missing))
        expected += 1
    result: list[FoundMeasure] = []
    for i, (m_start, m_end, value, raw, missing) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        while end > m_end and text[end - 1] in " \n\t\u3000":
            end -= 1
        result.append(FoundMeasure(value, raw, m_end, end, m_start, missing))
    return result


def _is_han(ch: str) -> bool:
    return bool(regex.match(r"\p{Han}", ch))
