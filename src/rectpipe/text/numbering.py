"""The numbering grammar of official documents: 一、 > （一） > 1. > （1） > ①.

:func:`match_marker` recognises a marker at the start of a paragraph; :func:`cn_to_int`
reads Chinese numerals (十一, 二十六, 一百零五, 一千零一, 一万, 〇, 两).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from enum import IntEnum

from ..runtime.patterns import compile_pattern
from ..runtime.record import record, replace

__all__ = [
    "CN_NUMERAL_CHARS",
    "WHOLE_COUNT",
    "Marker",
    "MarkerKind",
    "cn_to_int",
    "decimal_depth",
    "emoji_lead",
    "is_decimal_marker",
    "is_part_marker",
    "marker_number",
    "match_marker",
    "ordinal_value",
]

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10_000}
CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
_SINGLE = {**_DIGITS, **_UNITS}  # a numeral of one character: its value (十 → 10)


_MAX_DIGITS = 18  # an Arabic number longer than this is no ordinal (and int() has limits)
_MAX_ITEM_DIGITS = 5  # no list runs past item 99999: a longer figure is a date, a file, a code


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral up to 99,999 (``"二十六"`` → 26, ``"一千零一"`` → 1001,
    ``"一万"`` → 10,000), or ``None`` if it is not one.

    Accepts positional forms of up to four digits too (``"二〇二三"`` → 2023) and Arabic
    digits (``"12"`` → 12, up to 18 of them).
    """
    if not text:
        return None
    if text.isdigit():
        return int(text) if len(text) <= _MAX_DIGITS else None
    if len(text) == 1:  # the usual case (一, 二…十): a lookup
        return _SINGLE.get(text)
    if any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if not any(ch in _UNITS for ch in text):
        # Positional: 二〇二三 → 2023.
        if len(text) > 4:
            return None
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    total = 0
    digit: int | None = None
    last_unit = 100_000_000
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None  # two digits in a row: 二三十
            digit = _DIGITS[ch] if _DIGITS[ch] != 0 else None
        else:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None  # 十百, 百百
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
    if digit is not None:
        total += digit
    return total


class MarkerKind(IntEnum):
    """Marker shapes, in ladder order: a smaller value is a higher level."""

    CN = 0  # 一、
    CN_PAREN = 1  # （一） (一)
    LABEL = 2  # 问题1： 问题一： 反馈问题一： 第1项： (a numbered label, between （一） and 1.)
    ARABIC = 3  # 1. 1． 1、 ⒈
    ARABIC_PAREN = 4  # （1） (1) 1） ⑴
    CIRCLED = 5  # ①


@record
class Marker:
    """A numbering marker found at the start of a paragraph.

    ``raw`` is the marker as written (``"（十一）"``), ``end`` the offset just after it (and any
    separator spaces) in the paragraph text, ``ordinal`` its value (11).
    """

    kind: MarkerKind
    ordinal: int
    raw: str
    end: int


# 一千九百九十九 is seven characters, 一万零九百九十九 eight.
_CN = f"[{CN_NUMERAL_CHARS}]{{1,8}}"
# 1.3处违规建设…: digits after the dot that count things no decimal counts (places, firms,
# people, items), or a year, make ``1.`` a marker and ``3处`` its text; 1.3亿元 and 1.3个百分点
# stay numbers.
_WHOLE_COUNT = (
    r"(?:[0-9０-９]{1,4}(?:处|家|所|名|人|条|项|座|起|件|宗|户|辆|台|栋|批|块|棵|套|份|篇|场)"
    r"|(?:19|20)[0-9]{2}年)"  # 3.2024年1—9月…: a year after the dot
)
#: What, after ``1.``, is the item's text and no decimal's digits (3处违规建设, 2020年完成…).
WHOLE_COUNT = compile_pattern(_WHOLE_COUNT)
# 1.3亿元, 2.5倍, 3.2公里: a decimal number before a unit, not a 1.1 item number.
# The words a count takes (1.3处违规建设: item 1., three places) are refused the same way.
_UNIT_AFTER = (
    "(?:[亿万元角分倍%％米吨亩人户家项件次期年月日天周余多岁条座所名辆台套份块克升度"
    "处起宗栋批棵篇场]"
    # 个 counts (1.5个百分点), not as the first character of a word (2.3.1个别党支部…, 个人)
    "|个(?![别人性体案])"
    # units whose first character also opens common words (公务, 平台, 立行立改, 千方百计…)
    "|千[米克瓦元亩万]|百[分万亿元米]|十[万亿]|公[里斤顷分]|平方|立方)"
)
# 1.1 理论学习… / 1.1理论学习… / 2.1.1 …: a blank or a word that is no unit after a decimal
# item number (an outline's numbers, two to four deep; a dot may close them: 2.1.1.), or an
# opening quote (1.2“三重一大”…, as Word's list numbers come with no blank).
_DECIMAL_AFTER = rf"[\s\u3000“‘\"「『《【]|(?!{_UNIT_AFTER})\p{{Han}}"
# What closes a numbered label written without a colon (问题一、, 问题1.).
_STOP = r"(?:、|[．.](?![\d０-９]))"
_MARKER = compile_pattern(
    rf"""(?x)
    [\s\u3000]*
    (?:
        (?P<cn>{_CN})[、]
      | (?P<cn_dot>{_CN})[．.](?![\d０-９])
      | [（(](?P<cn_paren>{_CN})[)）][、.．]?
      | (?P<decimal>[0-9０-９]{{1,2}}(?:[.．][0-9０-９]{{1,2}}){{1,3}})[.．]?(?={_DECIMAL_AFTER})
      | (?P<arabic>[0-9０-９]+)(?:[.．](?![\d０-９%％])|[.．](?={_WHOLE_COUNT})|[、])
      | (?P<arabic_stop>[\u2488-\u249b])
      | [（(](?P<arabic_paren>[0-9０-９]+)[)）][、.．]?
      | (?P<arabic_half>[0-9０-９]{{1,3}})[)）](?![)）0-9０-９])
      | (?P<paren_digit>[\u2474-\u2487])
      | (?P<circled>[\u2460-\u2473\u3251-\u325f])
      | (?:反馈)?问题\s*(?P<label>[0-9０-９]{{1,3}}|{_CN})\s*[：:∶]
      # 问题一、 / 问题1. opening a line (not …方面的问题1.X, a heading run into its item)
      | (?<!\p{{Han}})(?:反馈)?问题\s*(?P<label_stop>[0-9０-９]{{1,3}}|{_CN})\s*{_STOP}
      | [【\[［](?:反馈)?问题\s*(?P<label_tag>[0-9０-９]{{1,3}}|{_CN})\s*[】\]］][：:∶]?
      | 第\s*(?P<item_label>[0-9０-９]{{1,3}}|{_CN})\s*(?:项|个问题)\s*[：:∶]
      | (?<!\p{{Han}})第\s*(?P<item_stop>[0-9０-９]{{1,3}}|{_CN})\s*(?:项|个问题)\s*{_STOP}
      | 第\s*(?P<part>[0-9０-９]{{1,2}}|{_CN})\s*部分[、：:∶．.]?
    )
    [\s\u3000]*
    """
)
# The kind of marker each named group of _MARKER reads.
_KIND_OF_GROUP = {
    "cn": MarkerKind.CN,
    "cn_dot": MarkerKind.CN,
    "cn_paren": MarkerKind.CN_PAREN,
    "decimal": MarkerKind.ARABIC,
    "arabic": MarkerKind.ARABIC,
    "arabic_stop": MarkerKind.ARABIC,  # ⒈
    "arabic_paren": MarkerKind.ARABIC_PAREN,
    "arabic_half": MarkerKind.ARABIC_PAREN,  # 1） with no opening parenthesis
    "paren_digit": MarkerKind.ARABIC_PAREN,  # ⑴
    "circled": MarkerKind.CIRCLED,
    "label": MarkerKind.LABEL,
    "label_tag": MarkerKind.LABEL,  # 【问题一】 a numbered finding tag, as 问题一：
    "item_label": MarkerKind.LABEL,  # 第1项： a numbered item label, as 问题1：
    "label_stop": MarkerKind.LABEL,  # 问题一、 / 问题1. as 问题一：
    "item_stop": MarkerKind.LABEL,  # 第1项、 as 第1项：
    "part": MarkerKind.CN,  # 第二部分
}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# The characters a marker can start with (after blanks): a numeral, a digit, a parenthesis or a
# circled number.
_MARKER_FIRST = frozenset(
    CN_NUMERAL_CHARS
    + "0123456789０１２３４５６７８９（(问反第【[［"
    + "".join(map(chr, range(0x2460, 0x249C)))  # ①…⑳, ⑴…⒇, ⒈…⒛
    + "".join(map(chr, range(0x3251, 0x3260)))
)


_DECIMAL_RAW = compile_pattern(r"^[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3}[.．]?$")
_DECIMAL_PART = compile_pattern(r"[0-9０-９]{1,2}")


def decimal_depth(marker: Marker) -> int:
    """How many numbers an outline's decimal number has (``1.2`` → 2, ``2.1.3`` → 3); 0 for
    any other marker."""
    if _DECIMAL_RAW.match(marker.raw) is None:
        return 0
    return len(_DECIMAL_PART.findall(marker.raw))


def is_decimal_marker(marker: Marker) -> bool:
    """A ``1.1`` / ``2.3`` / ``2.1.1`` number: an item under ``1.`` / ``2.`` / ``2.1`` (read
    with the kind of ``1.``, each depth a step further below it on the ladder)."""
    return decimal_depth(marker) > 0


def marker_number(marker: Marker) -> str:
    """An item's number as a record gives it: its ordinal (``（三）`` → ``"3"``), or every part
    of a decimal number (``1.2`` → ``"1.2"``, ``２.1.３`` → ``"2.1.3"``)."""
    if _DECIMAL_RAW.match(marker.raw) is None:
        return str(marker.ordinal)
    return ".".join(str(ordinal_value(n)) for n in _DECIMAL_PART.findall(marker.raw))


_PART_HEADING_MAX = 40
_PART_RAW = compile_pattern(r"^第\s*(?:[0-9０-９]{1,2}|[" + CN_NUMERAL_CHARS + r"]{1,3})\s*部分")


def is_part_marker(marker: Marker) -> bool:
    """A ``第一部分`` / ``第二部分`` heading: a part that holds its own ``一、`` ladder (read with
    the kind of ``一、``, one step above it on the ladder)."""
    return _PART_RAW.match(marker.raw) is not None


def _circled_value(ch: str) -> int:
    code = ord(ch)
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    return code - 0x3251 + 21


def ordinal_value(number: str) -> int | None:
    """The value of an item's number as written: Arabic, full-width or Chinese (``"３"``,
    ``"十二"``)."""
    return cn_to_int(number.translate(_FULLWIDTH_DIGITS))


# Emoji a paragraph opens with before its marker (📌, 🔶, ❤️ with its variation selector).
_EMOJI = compile_pattern(
    r"^[\s\u3000]*(?:\p{Extended_Pictographic}[\uFE0F\u200D\p{Extended_Pictographic}]*[\s\u3000]*)+"
)


def emoji_lead(text: str) -> int:
    """Where ``text`` goes on after the emoji it opens with (📌, 👉 ▶, ✔ and blanks), or 0
    when it opens with none: a copy from a WeChat article sets them before markers and labels."""
    found = _EMOJI.match(text)
    return found.end() if found is not None else 0


def match_marker(text: str) -> Marker | None:
    """The numbering marker at the start of ``text``, or ``None``.

    Leading spaces (also U+3000) are allowed. Shapes that only look like markers are refused:
    ``(一期)``, ``3.5万元``, ``1.2亿``, ``2023.12``, a marker with nothing after it that could
    not be a heading (``一、`` alone is accepted: Word sometimes splits the label off).
    """
    if text.lstrip()[:1] not in _MARKER_FIRST:
        if text.lstrip()[:1] < "\u2000":
            return None  # most paragraphs: no need to try the pattern
        emoji = _EMOJI.match(text)
        if emoji is None:
            return None
        # 📌一、… / 🔶（一）…: a copy from a WeChat article sets an emoji before the marker
        after = match_marker(text[emoji.end() :])
        return replace(after, end=after.end + emoji.end()) if after is not None else None
    found = _MARKER.match(text)
    if found is None:
        return None
    group = found.lastgroup  # each shape has one named group, none nested: the one matched
    assert group is not None
    kind, number = _KIND_OF_GROUP[group], found.group(group)
    if group == "decimal":  # 1.1 an item under 1., 2.1.1 under 2.1 (is_decimal_marker)
        number = number.replace("．", ".").split(".")[-1]
    elif group == "arabic_stop":  # ⒈ (one character for 1.)
        number = str(ord(number) - 0x2488 + 1)
    elif group == "paren_digit":  # ⑴ (one character for （1）)
        number = str(ord(number) - 0x2474 + 1)
    elif group == "part":  # 第二部分 a part above the 一、 ladder (is_part_marker)
        rest = text[found.end() :].strip().rstrip("。")
        if len(rest) > _PART_HEADING_MAX or any(mark in rest for mark in "，。；,;"):
            return None  # 第一部分资金已…，…: a sentence, not a part's heading
    if kind is MarkerKind.CIRCLED:
        ordinal: int | None = _circled_value(number)
    else:
        ordinal = ordinal_value(number)
    if ordinal is None or ordinal == 0:
        return None
    if (
        kind is MarkerKind.ARABIC
        and len(number) >= 4
        and text[found.end() - 1 : found.end()] == "、"
        and text[found.end() : found.end() + 1].isdigit()
    ):
        return None  # 2023、2024年: a list of years, not item 2023
    if kind is MarkerKind.ARABIC and len(number) > _MAX_ITEM_DIGITS:
        return None  # 20240912101530.jpg: a file's name, not item 20240912101530
    raw = text[: found.end()].strip(" \t\u3000")
    return Marker(kind=kind, ordinal=ordinal, raw=raw, end=found.end())
