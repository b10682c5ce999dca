"""Internal: paragraph styles with their ``basedOn`` chains folded in, parsed on first use.

A paragraph's style gives its numbering (``numId`` / ``ilvl``), outline level, first-line indent
and font size, each through the ``basedOn`` chain and the document defaults; table styles give
their names. Only the styles a document uses are ever resolved.
"""

from __future__ import annotations

from lxml import etree

from ...runtime.record import record
from .ooxml import (
    W_BASEDON,
    W_DEFAULT,
    W_DOCDEFAULTS,
    W_ILVL,
    W_IND,
    W_NAME,
    W_NUMID,
    W_NUMPR,
    W_OUTLINELVL,
    W_PPR,
    W_PPRDEFAULT,
    W_RPR,
    W_RPRDEFAULT,
    W_STYLEID,
    W_SZ,
    W_TYPE,
    W_VAL,
    W_VANISH,
    Indent,
    on_off,
    parse_int,
)
from .styles_part import _StylesXml


@record
class _RawStyle:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None
    indent: Indent | None
    size: float | None
    hidden: bool | None  # its run properties hide text (w:vanish); None: they do not say


@record
class _Style:
    """A paragraph style with its ``basedOn`` chain folded in."""

    style_id: str | None
    name: str | None
    num_id: str | None  # None: no numbering in the chain; "0": numbering switched off
    ilvl: int | None
    num_style_id: str | None  # the style in the chain that holds the numId
    outline: int | None
    indent: Indent | None
    size: float | None
    hidden: bool  # the text of its paragraphs is hidden (w:vanish in the chain's run properties)


def _heading_outline(name: str) -> int | None:
    lowered = name.strip().lower()
    for prefix in ("heading ", "标题 "):
        if lowered.startswith(prefix):
            number = parse_int(lowered[len(prefix) :])
            if number is not None and 1 <= number <= 9:
                return number - 1
    return None


def _size_of(rpr: etree._Element | None) -> float | None:
    if rpr is None:
        return None
    sz = rpr.find(W_SZ)
    if sz is None:
        return None
    half_points = parse_int(sz.get(W_VAL))
    return half_points / 2 if half_points and half_points > 0 else None


def _parse_raw(style_id: str, element: etree._Element) -> _RawStyle:
    """The properties of one ``w:style`` element, its ``basedOn`` chain not folded in."""
    kind = element.get(W_TYPE, "paragraph")
    name_el = element.find(W_NAME)
    name = name_el.get(W_VAL, style_id) if name_el is not None else style_id
    based_el = element.find(W_BASEDON)
    ppr = element.find(W_PPR)
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    indent: Indent | None = None
    if ppr is not None:
        num_pr = ppr.find(W_NUMPR)
        if num_pr is not None:
            num_id_el = num_pr.find(W_NUMID)
            ilvl_el = num_pr.find(W_ILVL)
            num_id = num_id_el.get(W_VAL) if num_id_el is not None else None
            ilvl = parse_int(ilvl_el.get(W_VAL)) if ilvl_el is not None else None
        outline_el = ppr.find(W_OUTLINELVL)
        if outline_el is not None:
            outline = parse_int(outline_el.get(W_VAL))
        indent = Indent.parse(ppr.find(W_IND))
    return _RawStyle(
        style_id=style_id,
        name=name,
        kind=kind,
        based_on=based_el.get(W_VAL) if based_el is not None else None,
        num_id=num_id,
        ilvl=ilvl,
        outline=outline,
        indent=indent,
        size=_size_of(element.find(W_RPR)),
        hidden=_hidden_in(element.find(W_RPR)),
    )


def _hidden_in(rpr: etree._Element | None) -> bool | None:
    """Whether run properties ``rpr`` hide text: ``None`` when they do not say."""
    vanish = rpr.find(W_VANISH) if rpr is not None else None
    return None if vanish is None else on_off(vanish)


class _Styles:
    """``styles.xml``: paragraph-style chains (numbering, outline level, indent, font size).

    Styles are indexed by id up front (the first definition of an id wins) and parsed into
    :class:`_RawStyle` only when a paragraph, a table or a numbering style needs them.
    """

    def __init__(self, part: _StylesXml | None) -> None:
        self.default_id: str | None = None
        self.default_indent: Indent | None = None
        self.default_size: float | None = None
        self.numbering_style_num_ids: dict[str, str] = {}
        self._part = part
        self._index: dict[str, int] = {}  # style id -> position in part.stubs
        self._kinds: dict[str, str] = {}
        self._raw: dict[str, _RawStyle] = {}
        self._cache: dict[str | None, _Style] = {}
        if part is None:
            return
        self._read_defaults(part.root.find(W_DOCDEFAULTS))
        for index, stub in enumerate(part.stubs):
            self._index_style(index, stub)

    def _read_defaults(self, defaults: etree._Element | None) -> None:
        if defaults is None:
            return
        rpr_default = defaults.find(W_RPRDEFAULT)
        if rpr_default is not None:
            self.default_size = _size_of(rpr_default.find(W_RPR))
        ppr_default = defaults.find(W_PPRDEFAULT)
        if ppr_default is not None:
            ppr = ppr_default.find(W_PPR)
            if ppr is not None:
                self.default_indent = Indent.parse(ppr.find(W_IND))

    def _index_style(self, index: int, stub: etree._Element) -> None:
        """Record one ``w:style`` from its attributes; numbering styles are parsed right away.

        ``Numbering`` needs every numbering style's ``numId`` before the body is read (to follow
        ``w:numStyleLink``); there are few of them.
        """
        style_id = stub.get(W_STYLEID)
        if style_id is None or style_id in self._index:
            return
        self._index[style_id] = index
        kind = stub.get(W_TYPE, "paragraph")
        self._kinds[style_id] = kind
        if kind == "paragraph" and stub.get(W_DEFAULT) in ("1", "true", "on"):
            self.default_id = self.default_id or style_id
        elif kind == "numbering":
            raw = self.raw(style_id)
            if raw is not None and raw.num_id is not None:
                self.numbering_style_num_ids[style_id] = raw.num_id

    def raw(self, style_id: str) -> _RawStyle | None:
        """Style ``style_id`` as defined (``None`` when there is no such style), parsed once."""
        raw = self._raw.get(style_id)
        if raw is None:
            index = self._index.get(style_id)
            if index is None or self._part is None:
                return None
            raw = _parse_raw(style_id, self._part.element(index))
            self._raw[style_id] = raw
        return raw

    def table_name(self, style_id: str | None) -> str | None:
        """The name of table style ``style_id``; the id itself when it is no table style."""
        key = style_id or ""
        if self._kinds.get(key) == "table":
            raw = self.raw(key)
            if raw is not None:
                return raw.name
        return style_id

    def paragraph(self, style_id: str | None) -> _Style:
        """The folded chain of paragraph style ``style_id`` (the default style when ``None``)."""
        cached = self._cache.get(style_id)
        if cached is not None:
            return cached
        start = style_id if style_id in self._index else self.default_id
        name: str | None = None
        num_id: str | None = None
        ilvl: int | None = None
        num_style_id: str | None = None
        outline: int | None = None
        indent: Indent | None = None
        size: float | None = None
        hidden: bool | None = None
        seen: set[str] = set()
        current = start
        while current is not None and current not in seen:
            raw = self.raw(current)
            if raw is None:
                break
            seen.add(current)
            if name is None:
                name = raw.name
            if num_id is None and raw.num_id is not None:
                num_id, num_style_id = raw.num_id, raw.style_id
            if ilvl is None and raw.ilvl is not None:
                ilvl = raw.ilvl
            if outline is None and raw.outline is not None:
                outline = raw.outline
            if indent is None:
                indent = raw.indent
            if size is None:
                size = raw.size
            if hidden is None:
                hidden = raw.hidden
            current = raw.based_on
        if outline is None and name is not None:
            outline = _heading_outline(name)
        style = _Style(
            style_id=start,
            name=name if name is not None else style_id,
            num_id=num_id,
            ilvl=ilvl,
            num_style_id=num_style_id,
            outline=outline,
            indent=indent or self.default_indent,
            size=size or self.default_size,
            hidden=bool(hidden),
        )
        self._cache[style_id] = style
        return style

    def character_hidden(self, style_id: str) -> bool | None:
        """Whether character style ``style_id`` (its ``basedOn`` chain folded in) hides text;
        ``None`` when it does not say."""
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            raw = self.raw(current)
            if raw is None:
                return None
            if raw.hidden is not None:
                return raw.hidden
            seen.add(current)
            current = raw.based_on
        return None
