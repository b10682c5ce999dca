"""Internal: numbers written in Word's list number formats (``ST_NumberFormat`` values).

Chinese, Taiwanese and Japanese counting and legal forms, positional ideographic and
full-width digits, enclosed numbers, the heavenly stems and earthly branches, letters, roman
numerals and a few more; a format :func:`format_number` does not know falls back to decimal.
"""

from __future__ import annotations

from collections.abc import Callable

from ...runtime.patterns import compile_re
from ...runtime.record import record

__all__ = ["SUPPORTED_FORMATS", "format_number"]

_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_TAIWANESE_DIGITS = "○一二三四五六七八九"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


@record
class _Myriad:
    digits: str  # index 0 is the zero used to fill gaps
    units: tuple[str, str, str]  # 十 百 千
    myriads: tuple[str, str]  # 万 亿
    fill_zero: bool  # 一百零一 (Chinese) vs 百一 (Japanese)
    elide_one: bool  # 十 / 百 / 千 without a leading 一 (Japanese)
    bare_ten: bool  # 10-19 written 十, 十一 … (Chinese counting, not legal)


_CN_THOUSAND = _Myriad("零一二三四五六七八九", ("十", "百", "千"), ("万", "亿"), True, False, True)
_TW_THOUSAND = _Myriad("零一二三四五六七八九", ("十", "百", "千"), ("萬", "億"), True, False, True)
_CN_LEGAL = _Myriad("零壹贰叁肆伍陆柒捌玖", ("拾", "佰", "仟"), ("万", "亿"), True, False, False)
_TW_LEGAL = _Myriad("零壹貳參肆伍陸柒捌玖", ("拾", "佰", "仟"), ("萬", "億"), True, False, False)
_JA_COUNTING = _Myriad("〇一二三四五六七八九", ("十", "百", "千"), ("万", "億"), False, True, True)
_JA_LEGAL = _Myriad("〇壱弐参四伍六七八九", ("拾", "百", "阡"), ("萬", "億"), False, False, False)


def _myriad_group(group: int, table: _Myriad) -> str:
    """One group of up to four digits (1-9999) in counting form, no leading zero."""
    out: list[str] = []
    pending_zero = False
    started = False
    for position, unit in ((3, table.units[2]), (2, table.units[1]), (1, table.units[0]), (0, "")):
        digit = group // 10**position % 10
        if digit == 0:
            pending_zero = pending_zero or started
            continue
        if pending_zero and table.fill_zero:
            out.append(table.digits[0])
        pending_zero = False
        if unit and digit == 1 and table.elide_one:
            out.append(unit)
        else:
            out.append(table.digits[digit] + unit)
        started = True
    return "".join(out)


def _myriad(n: int, table: _Myriad) -> str:
    if n == 0:
        return table.digits[0]
    if table.bare_ten and 10 <= n < 20:
        return table.units[0] + (table.digits[n - 10] if n > 10 else "")
    parts: list[str] = []
    groups: list[int] = []
    rest = n
    while rest:
        rest, group = divmod(rest, 10000)
        groups.append(group)
    suffixes = ("", table.myriads[0], table.myriads[1], table.myriads[0] + table.myriads[1])
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or group < 1000) and table.fill_zero:
            parts.append(table.digits[0])
        need_zero = False
        suffix = suffixes[index] if index < len(suffixes) else ""
        parts.append(_myriad_group(group, table) + suffix)
    return "".join(parts)


def _positional(n: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(n))


def _chinese_counting(n: int, digits: str) -> str:
    """Word's ``chineseCounting``: 一 … 十 十一 … 九十九, then digit by digit (一〇〇)."""
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "十" if tens == 1 else digits[tens] + "十"
        return head + (digits[ones] if ones else "")
    return _positional(n, digits)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out: list[str] = []
    for value, glyph in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letter sequence: A … Z, AA … ZZ, AAA … (the letter repeats, it is not base 26)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _from_set(n: int, glyphs: str) -> str:
    return glyphs[n - 1] if 1 <= n <= len(glyphs) else str(n)


def _sexagenary(n: int) -> str:
    if not 1 <= n <= 60:
        return str(n)
    return _TRADITIONAL[(n - 1) % 10] + _ZODIAC[(n - 1) % 12]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_CUSTOM_ZERO_PAD = compile_re(r"^\s*(0+[1-9])\s*,")


def format_number(n: int, num_fmt: str, custom: str | None = None) -> str:
    """``n`` written in the Word number format ``num_fmt`` (an ``ST_NumberFormat`` value).

    Returns ``""`` for ``bullet`` and ``none`` (they show no number). Formats with a bounded set
    of glyphs (①…⑳, 甲…癸, 子…亥) fall back to decimal past the set, as Word does; formats this
    module does not know (Hebrew, Thai, spelled-out English…) fall back to decimal. ``custom``
    is the ``w:format`` picture of ``numFmt="custom"``: only zero-padded decimals (``"001, 002,
    003, ..."``) are understood; any other picture gives decimal.
    """
    if num_fmt in ("bullet", "none"):
        return ""
    if n < 0:
        return str(n)
    if num_fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    formatter = _FORMATS.get(num_fmt)
    if formatter is not None:
        return formatter(n)
    if num_fmt == "custom" and custom:
        match = _CUSTOM_ZERO_PAD.match(custom)
        if match:
            return str(n).zfill(len(match.group(1)))
    return str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: _positional(n, _FULLWIDTH_DIGITS),
    "decimalFullWidth2": lambda n: _positional(n, _FULLWIDTH_DIGITS),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "ideographParenthesized": lambda n: _enclosed(n, 0x3220, 10),
    "ideographDigital": lambda n: _positional(n, _IDEOGRAPH_DIGITS),
    "japaneseDigitalTenThousand": lambda n: _positional(n, _IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda n: _positional(n, _TAIWANESE_DIGITS),
    "koreanDigital2": lambda n: _positional(n, "零一二三四五六七八九"),
    "chineseCounting": lambda n: _chinese_counting(n, _IDEOGRAPH_DIGITS),
    "taiwaneseCounting": lambda n: _chinese_counting(n, _TAIWANESE_DIGITS),
    "chineseCountingThousand": lambda n: _myriad(n, _CN_THOUSAND),
    "taiwaneseCountingThousand": lambda n: _myriad(n, _TW_THOUSAND),
    "chineseLegalSimplified": lambda n: _myriad(n, _CN_LEGAL),
    "ideographLegalTraditional": lambda n: _myriad(n, _TW_LEGAL),
    "japaneseCounting": lambda n: _myriad(n, _JA_COUNTING),
    "japaneseLegal": lambda n: _myriad(n, _JA_LEGAL),
    "ideographTraditional": lambda n: _from_set(n, _TRADITIONAL),
    "ideographZodiac": lambda n: _from_set(n, _ZODIAC),
    "ideographZodiacTraditional": _sexagenary,
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "ordinal": _ordinal,
    "numberInDash": lambda n: f"- {n} -",
    "hex": lambda n: f"{n:X}",
}

SUPPORTED_FORMATS: frozenset[str] = frozenset(
    {*_FORMATS, "decimal", "decimalHalfWidth", "bullet", "none", "custom"}
)
"""Every ``numFmt`` value :func:`format_number` renders other than by the decimal fallback."""
