"""Internal: Word automatic numbering, the ``numbering.xml`` definitions and their resolver.

A paragraph that carries ``w:numPr`` (directly or through its style) shows a label that is not in
its text: ``numId`` → ``w:num`` → ``w:abstractNum`` → ``w:lvl`` gives the level's ``lvlText``
(``"（%1）"``) and ``numFmt`` (``chineseCounting``). This module holds the parsed definitions
(:class:`Numbering`) and resolves a ``numId`` to its effective levels, following
``w:numStyleLink`` and level overrides; the counters are in :mod:`.counters`, the number formats
in :mod:`.numformats`. It does no file I/O: the Word reader hands it parsed XML elements.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from lxml import etree

from ...runtime.record import field, record, replace
from .numformats import _CUSTOM_ZERO_PAD, format_number
from .ooxml import (
    MC_ALTERNATE,
    MC_CHOICE,
    MC_FALLBACK,
    W_IND,
    W_PPR,
    W_PSTYLE,
    W_VAL,
    Indent,
    _w,
    on_off,
    parse_int,
    safe_fromstring,
)

__all__ = [
    "MAX_LEVELS",
    "MAX_LEVEL_TEXT",
    "AbstractNum",
    "Level",
    "Num",
    "Numbering",
    "ResolvedNum",
    "parse_level",
]

MAX_LEVELS = 9
_MAX_LINK_DEPTH = 8

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
#: Characters of a level's text kept: Word's own are under 20; the rest is amplification.
MAX_LEVEL_TEXT = 64
_W_LVL_RESTART = _w("lvlRestart")
_W_IS_LGL = _w("isLgl")
_W_SUFF = _w("suff")
_W_LVL_OVERRIDE = _w("lvlOverride")
_W_START_OVERRIDE = _w("startOverride")
_W_NUM_STYLE_LINK = _w("numStyleLink")
_W_STYLE_LINK = _w("styleLink")


# --------------------------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------------------------


@record
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
        for alternate in lvl.iterchildren(MC_ALTERNATE):
            for branch in alternate:
                if branch.tag not in (MC_CHOICE, MC_FALLBACK):
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
    if lvl_text is not None and len(lvl_text) > MAX_LEVEL_TEXT:
        # Word writes a few characters (%1. / 第%1条 / （%2）); a longer one would be copied
        # into every numbered paragraph (a 1 MB level text used 300 times is 300 MB of labels).
        lvl_text = lvl_text[:MAX_LEVEL_TEXT]
    restart_el = lvl.find(_W_LVL_RESTART)
    restart = parse_int(restart_el.get(W_VAL)) if restart_el is not None else None
    suff_el = lvl.find(_W_SUFF)
    pstyle_el = lvl.find(W_PSTYLE)
    ppr = lvl.find(W_PPR)
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
        indent=Indent.parse(ppr.find(W_IND)) if ppr is not None else None,
    )


@record
class AbstractNum:
    """One ``w:abstractNum``: its levels and its links to numbering styles."""

    abstract_id: str
    levels: Mapping[int, Level]
    num_style_link: str | None = None
    style_link: str | None = None


@record
class Num:
    """One ``w:num`` instance: the abstract definition it uses plus its level overrides."""

    num_id: str
    abstract_id: str | None
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)


@record
class ResolvedNum:
    """What a ``numId`` means once links are followed: a counter key and effective levels."""

    counter_key: str
    levels: Mapping[int, Level]
    start_overrides: Mapping[int, int]


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
