"""Word automatic numbering: ``numbering.xml`` definitions, counters and label rendering.

A paragraph that carries ``w:numPr`` (directly or through its style) shows a label that is not in
its text: ``numId`` → ``w:num`` → ``w:abstractNum`` → ``w:lvl`` gives the level's ``lvlText``
(``"（%1）"``) and ``numFmt`` (``chineseCounting``), and a running counter gives the numbers.
This module holds the parsed definitions (:class:`Numbering`), the counters
(:class:`ListCounter`) and the number formats (:func:`format_number`). It does no file I/O: the
Word reader hands it parsed XML elements.

Counting follows what Word does, not only what ECMA-376 says:

- counters live on the abstract definition (after ``numStyleLink`` indirection), so every
  ``w:num`` that points to the same ``w:abstractNum`` continues one sequence;
- a ``w:num`` whose ``w:lvlOverride`` carries ``w:startOverride`` sets the shared counter of that
  level to the override value the first time a paragraph of that ``numId`` uses the level;
- using a level restarts the deeper levels unless their ``w:lvlRestart`` says otherwise
  (``0``: never; ``n``: only when a level shallower than ``n`` (1-based) is used);
- a level referenced by ``%N`` that has not been used since its last restart shows ``start - 1``
  (Word's well-known ``0.1``), a bullet or ``none`` level shows nothing;
- ``w:isLgl`` shows every number of the label in decimal.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

MAX_LEVELS = 9
_MAX_LINK_DEPTH = 8


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = _w("val")
_W_ABSTRACT_NUM = _w("abstractNum")
_W_ABSTRACT_NUM_ID_ATTR = _w("abstractNumId")
_W_ABSTRACT_NUM_ID = _w("abstractNumId")
_W_NUM = _w("num")
_W_NUM_ID_ATTR = _w("numId")
_W_LVL = _w("lvl")
_W_ILVL_ATTR = _w("ilvl")
_W_START = _w("start")
_W_NUM_FMT = _w("numFmt")
_W_FORMAT_ATTR = _w("format")
_W_LVL_TEXT = _w("lvlText")
_W_LVL_RESTART = _w("lvlRestart")
_W_IS_LGL = _w("isLgl")
_W_SUFF = _w("suff")
_W_PSTYLE = _w("pStyle")
_W_LVL_OVERRIDE = _w("lvlOverride")
_W_START_OVERRIDE = _w("startOverride")
_W_NUM_STYLE_LINK = _w("numStyleLink")
_W_STYLE_LINK = _w("styleLink")
_W_PPR = _w("pPr")
_W_IND = _w("ind")
_MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_MC_CHOICE = f"{{{MC_NS}}}Choice"
_MC_FALLBACK = f"{{{MC_NS}}}Fallback"

_OFF_VALUES = frozenset({"0", "false", "off"})


def parse_int(value: str | None) -> int | None:
    """``value`` as an integer, or ``None`` when absent or not a plain (signed) integer."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def on_off(element: etree._Element | None) -> bool:
    """An ``ST_OnOff`` toggle: present without ``w:val``, or with a true value, means on."""
    if element is None:
        return False
    value = element.get(W_VAL)
    return value is None or value.strip().lower() not in _OFF_VALUES


# --------------------------------------------------------------------------------------------
# Number formats
# --------------------------------------------------------------------------------------------

_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_TAIWANESE_DIGITS = "○一二三四五六七八九"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


@dataclass(frozen=True, slots=True)
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


_CUSTOM_ZERO_PAD = re.compile(r"^\s*(0+[1-9])\s*,")


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

_PLACEHOLDER = re.compile(r"%([1-9])")


# --------------------------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indent:
    """The first-line part of a ``w:ind`` element, raw (twips and hundredths of a character)."""

    first_line: int | None = None
    hanging: int | None = None
    first_line_chars: int | None = None
    hanging_chars: int | None = None

    @classmethod
    def parse(cls, ind: etree._Element | None) -> Indent | None:
        """The first-line attributes of ``ind``, or ``None`` when it has none of them."""
        if ind is None:
            return None
        values = (
            parse_int(ind.get(_w("firstLine"))),
            parse_int(ind.get(_w("hanging"))),
            parse_int(ind.get(_w("firstLineChars"))),
            parse_int(ind.get(_w("hangingChars"))),
        )
        if all(value is None for value in values):
            return None
        return cls(*values)

    def points(self, font_size: float) -> float:
        """The first-line indent in points (negative for a hanging indent).

        Character units (``firstLineChars="200"`` = two characters) are converted with
        ``font_size``; they win over twips, and a hanging indent wins over a first-line one.
        """
        if self.hanging_chars:
            return -self.hanging_chars / 100 * font_size
        if self.hanging:
            return -self.hanging / 20
        if self.first_line_chars:
            return self.first_line_chars / 100 * font_size
        if self.first_line is not None:
            return self.first_line / 20
        return 0.0


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: how a level counts and what its label looks like."""

    ilvl: int
    start: int = 0
    num_fmt: str = "decimal"
    custom_format: str | None = None
    lvl_text: str | None = None
    restart: int | None = None
    is_lgl: bool = False
    suffix: str = "tab"
    pstyle: str | None = None
    indent: Indent | None = None

    def number(self, value: int, *, legal: bool = False) -> str:
        """``value`` in this level's format (decimal when ``legal`` and the level counts)."""
        if legal and self.num_fmt not in ("bullet", "none"):
            return str(value)
        return format_number(value, self.num_fmt, self.custom_format)


def _num_fmt(lvl: etree._Element) -> tuple[str, str | None]:
    """``(numFmt, custom picture)`` of a level, looking into ``mc:AlternateContent`` too."""
    fmt = lvl.find(_W_NUM_FMT)
    if fmt is None:
        for alternate in lvl.iterchildren(_MC_ALTERNATE):
            for branch in alternate:
                if branch.tag not in (_MC_CHOICE, _MC_FALLBACK):
                    continue
                candidate = branch.find(_W_NUM_FMT)
                if candidate is None:
                    continue
                value = candidate.get(W_VAL, "decimal")
                picture = candidate.get(_W_FORMAT_ATTR)
                if value != "custom" or (picture and _CUSTOM_ZERO_PAD.match(picture)):
                    return value, picture
                if fmt is None:
                    fmt = candidate
            if fmt is not None:
                break
    if fmt is None:
        return "decimal", None
    return fmt.get(W_VAL, "decimal"), fmt.get(_W_FORMAT_ATTR)


def parse_level(lvl: etree._Element) -> Level | None:
    """A :class:`Level` from a ``w:lvl`` element, or ``None`` when its ``w:ilvl`` is unusable."""
    ilvl = parse_int(lvl.get(_W_ILVL_ATTR))
    if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
        return None
    start_el = lvl.find(_W_START)
    start = parse_int(start_el.get(W_VAL)) if start_el is not None else None
    num_fmt, custom = _num_fmt(lvl)
    text_el = lvl.find(_W_LVL_TEXT)
    lvl_text = text_el.get(W_VAL, "") if text_el is not None else None
    restart_el = lvl.find(_W_LVL_RESTART)
    restart = parse_int(restart_el.get(W_VAL)) if restart_el is not None else None
    suff_el = lvl.find(_W_SUFF)
    pstyle_el = lvl.find(_W_PSTYLE)
    ppr = lvl.find(_W_PPR)
    return Level(
        ilvl=ilvl,
        start=start if start is not None else 0,
        num_fmt=num_fmt,
        custom_format=custom,
        lvl_text=lvl_text,
        restart=restart,
        is_lgl=on_off(lvl.find(_W_IS_LGL)),
        suffix=(suff_el.get(W_VAL) or "tab") if suff_el is not None else "tab",
        pstyle=pstyle_el.get(W_VAL) if pstyle_el is not None else None,
        indent=Indent.parse(ppr.find(_W_IND)) if ppr is not None else None,
    )


@dataclass(frozen=True, slots=True)
class AbstractNum:
    """One ``w:abstractNum``: its levels and its links to numbering styles."""

    abstract_id: str
    levels: Mapping[int, Level]
    num_style_link: str | None = None
    style_link: str | None = None


@dataclass(frozen=True, slots=True)
class Num:
    """One ``w:num`` instance: the abstract definition it uses plus its level overrides."""

    num_id: str
    abstract_id: str | None
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ResolvedNum:
    """What a ``numId`` means once links are followed: a counter key and effective levels."""

    counter_key: str
    levels: Mapping[int, Level]
    start_overrides: Mapping[int, int]


@dataclass(frozen=True, slots=True)
class ListLabel:
    """A rendered label: ``text`` (``"（三）"``) and the ``suffix`` Word puts after it.

    ``suffix`` is ``"tab"``, ``"space"`` or ``"nothing"`` and is never part of ``text``.
    """

    text: str
    suffix: str
    num_id: str
    ilvl: int


_Parsed = TypeVar("_Parsed")


def _parsed_once(
    index: dict[str, _Parsed | etree._Element],
    key: str,
    parse: Callable[[etree._Element], _Parsed | None],
) -> _Parsed | None:
    """``index[key]``, parsed from its element on first use and kept parsed."""
    found = index.get(key)
    if isinstance(found, etree._Element):
        parsed = parse(found)
        if parsed is None:  # not reached: only elements with an id are indexed
            del index[key]
            return None
        index[key] = parsed
        return parsed
    return found


class Numbering:
    """The parsed ``numbering.xml`` of one document.

    ``style_num_ids`` maps numbering-style ids to the ``numId`` in their ``w:numPr``; it is
    needed to follow ``w:numStyleLink`` (an abstract definition that borrows its levels from a
    numbering style). Unknown ids and broken links resolve to ``None``, never raise.

    :meth:`from_element` only indexes the definitions by id; one is parsed the first time a
    paragraph's ``numId`` leads to it. Word files carry dozens of abstract definitions of nine
    levels each, and a document uses a few.
    """

    def __init__(
        self,
        abstracts: Mapping[str, AbstractNum],
        nums: Mapping[str, Num],
        style_num_ids: Mapping[str, str] | None = None,
    ) -> None:
        # Values are parsed definitions, or the element still to parse (first of each id).
        self._abstracts: dict[str, AbstractNum | etree._Element] = dict(abstracts)
        self._nums: dict[str, Num | etree._Element] = dict(nums)
        self.style_num_ids = dict(style_num_ids or {})
        self._resolved: dict[str, ResolvedNum | None] = {}

    @classmethod
    def from_element(
        cls, root: etree._Element | None, style_num_ids: Mapping[str, str] | None = None
    ) -> Numbering:
        """Definitions from a parsed ``w:numbering`` element (``None``: a document without one)."""
        numbering = cls({}, {}, style_num_ids)
        if root is not None:
            for element in root.iterchildren(_W_ABSTRACT_NUM, _W_NUM):
                if element.tag == _W_ABSTRACT_NUM:
                    key, index = element.get(_W_ABSTRACT_NUM_ID_ATTR), numbering._abstracts
                else:
                    key, index = element.get(_W_NUM_ID_ATTR), numbering._nums
                if key is not None:
                    index.setdefault(key.strip(), element)
        return numbering

    @classmethod
    def from_xml(
        cls, xml: bytes | str, style_num_ids: Mapping[str, str] | None = None
    ) -> Numbering:
        """Definitions from ``numbering.xml`` text, parsed without entities or network."""
        if isinstance(xml, str):
            xml = xml.encode("utf-8")
        return cls.from_element(safe_fromstring(xml), style_num_ids)

    @property
    def abstracts(self) -> dict[str, AbstractNum]:
        """Every ``w:abstractNum`` by id (all of them parsed)."""
        found = {key: self.abstract(key) for key in list(self._abstracts)}
        return {key: value for key, value in found.items() if value is not None}

    @property
    def nums(self) -> dict[str, Num]:
        """Every ``w:num`` by id (all of them parsed)."""
        found = {key: self.num(key) for key in list(self._nums)}
        return {key: value for key, value in found.items() if value is not None}

    def abstract(self, abstract_id: str) -> AbstractNum | None:
        """The ``w:abstractNum`` with id ``abstract_id``, parsed on first use."""
        return _parsed_once(self._abstracts, abstract_id, _parse_abstract)

    def num(self, num_id: str) -> Num | None:
        """The ``w:num`` with id ``num_id``, parsed on first use."""
        return _parsed_once(self._nums, num_id, _parse_num)

    def resolve(self, num_id: str) -> ResolvedNum | None:
        """The counter key and effective levels of ``num_id``; ``None`` for ``"0"`` or unknown."""
        if num_id in self._resolved:
            return self._resolved[num_id]
        resolved = self._resolve(num_id)
        self._resolved[num_id] = resolved
        return resolved

    def _resolve(self, num_id: str) -> ResolvedNum | None:
        num = self.num(num_id)
        if num is None or num.abstract_id is None:
            return None
        abstract = self.abstract(num.abstract_id)
        seen: set[str] = set()
        while abstract is not None and abstract.num_style_link and len(seen) < _MAX_LINK_DEPTH:
            seen.add(abstract.abstract_id)
            linked_num = self.num(self.style_num_ids.get(abstract.num_style_link, ""))
            if linked_num is None or linked_num.abstract_id is None:
                break
            target = self.abstract(linked_num.abstract_id)
            if target is None or target.abstract_id in seen:
                break
            abstract = target
        if abstract is None:
            return None
        levels = dict(abstract.levels)
        levels.update(num.level_overrides)
        return ResolvedNum(abstract.abstract_id, levels, num.start_overrides)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The ``ilvl`` whose ``w:pStyle`` names ``style_id`` in ``num_id``'s levels, if any."""
        resolved = self.resolve(num_id)
        if resolved is None:
            return None
        for ilvl in sorted(resolved.levels):
            if resolved.levels[ilvl].pstyle == style_id:
                return ilvl
        return None


def _parse_abstract(element: etree._Element) -> AbstractNum | None:
    abstract_id = element.get(_W_ABSTRACT_NUM_ID_ATTR)
    if abstract_id is None:
        return None
    levels: dict[int, Level] = {}
    for lvl in element.iterchildren(_W_LVL):
        level = parse_level(lvl)
        if level is not None and level.ilvl not in levels:
            levels[level.ilvl] = level
    link = element.find(_W_NUM_STYLE_LINK)
    back = element.find(_W_STYLE_LINK)
    return AbstractNum(
        abstract_id=abstract_id.strip(),
        levels=levels,
        num_style_link=link.get(W_VAL) if link is not None else None,
        style_link=back.get(W_VAL) if back is not None else None,
    )


def _parse_num(element: etree._Element) -> Num | None:
    num_id = element.get(_W_NUM_ID_ATTR)
    if num_id is None:
        return None
    abstract_el = element.find(_W_ABSTRACT_NUM_ID)
    abstract_id = abstract_el.get(W_VAL) if abstract_el is not None else None
    starts: dict[int, int] = {}
    overrides: dict[int, Level] = {}
    for override in element.iterchildren(_W_LVL_OVERRIDE):
        ilvl = parse_int(override.get(_W_ILVL_ATTR))
        if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
            continue
        start_el = override.find(_W_START_OVERRIDE)
        if start_el is not None:
            start = parse_int(start_el.get(W_VAL))
            starts[ilvl] = start if start is not None else 0
        lvl = override.find(_W_LVL)
        if lvl is not None:
            level = parse_level(lvl)
            if level is not None:
                overrides[ilvl] = replace(level, ilvl=ilvl)
    return Num(
        num_id=num_id.strip(),
        abstract_id=abstract_id.strip() if abstract_id is not None else None,
        start_overrides=starts,
        level_overrides=overrides,
    )


class UnsafeXMLError(ValueError):
    """An XML part declares a document type (DTD). OPC forbids DTDs in package parts."""


_PARSERS = threading.local()


def _safe_parser() -> etree.XMLParser:
    """This thread's hardened parser, made once and reused for every part.

    Building an ``XMLParser`` (and the libxml2 parser context behind it) for each of a package's
    parts is measurable on small documents. A parser must not be used by two threads at once,
    hence one per thread.
    """
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            dtd_validation=False,
            remove_comments=True,
            remove_pis=True,
        )
        _PARSERS.parser = parser
    return parser


def safe_fromstring(xml: bytes) -> etree._Element:
    """Parse XML without resolving entities, loading DTDs or touching the network (no XXE).

    Raises ``lxml.etree.XMLSyntaxError`` for malformed input (nesting deeper than libxml2's
    default limit, ``huge_tree=False``, and entity loops count as malformed) and
    :class:`UnsafeXMLError` for a part with a ``<!DOCTYPE``: OPC forbids them, and libxml2
    still expands internal entities inside attribute values.
    """
    root = etree.fromstring(xml, _safe_parser())
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnsafeXMLError("XML part declares a DTD (<!DOCTYPE>), which OPC forbids")
    return root


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


def render_level_text(
    lvl_text: str, values: Iterable[int | None], levels: Mapping[int, Level], *, legal: bool
) -> str:
    """``lvl_text`` with each ``%N`` replaced by level ``N-1``'s value in that level's format.

    ``values`` holds one counter per level (``None``: unused since its last restart, shown as
    ``start - 1``). A placeholder naming a level that is not defined renders as nothing.
    """
    counters = list(values)

    def substitute(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        level = levels.get(index)
        if level is None:
            return ""
        value = counters[index] if index < len(counters) else None
        if value is None:
            value = level.start - 1
        return level.number(value, legal=legal)

    return _PLACEHOLDER.sub(substitute, lvl_text)


class ListCounter:
    """Running counters for one pass over a document, in reading order.

    Call :meth:`next_label` once for every numbered paragraph in the order Word lays them out
    (body, table cells and text boxes alike), including paragraphs that show no text: they
    advance the counters in Word too.
    """

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[tuple[str, int]] = set()

    def next_label(self, num_id: str, ilvl: int) -> ListLabel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label.

        Returns ``None`` — without touching any counter — for ``numId`` ``"0"``, an unknown
        ``numId`` or level, and a level out of range. Bullet and ``none`` levels, and levels whose
        label would be blank, count (so deeper levels restart) but return ``None``.
        """
        if num_id == "0" or not 0 <= ilvl < MAX_LEVELS:
            return None
        resolved = self.numbering.resolve(num_id)
        if resolved is None:
            return None
        levels = resolved.levels
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.get(resolved.counter_key)
        if counters is None:
            counters = [None] * MAX_LEVELS
            self._counters[resolved.counter_key] = counters
        override = resolved.start_overrides.get(ilvl)
        key = (num_id, ilvl)
        current = counters[ilvl]
        if override is not None and key not in self._used:
            counters[ilvl] = override
        elif current is None:
            counters[ilvl] = level.start
        else:
            counters[ilvl] = current + 1
        self._used.add(key)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            if counters[deeper] is None:
                continue
            deeper_level = levels.get(deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or restart > deeper or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.num_fmt == "bullet" or not level.lvl_text:
            return None
        text = render_level_text(level.lvl_text, counters, levels, legal=level.is_lgl)
        if not text.strip():
            return None
        return ListLabel(text=text, suffix=level.suffix, num_id=num_id, ilvl=ilvl)
