"""Internal: one ``w:p`` read into its visible text, list label, outline level and indent.

The text comes from the runs (tabs, breaks, symbols, math, ruby base text), looking through
revisions, content controls, hyperlinks and fields and leaving out hidden and deleted text and
field instructions; the label from the paragraph's numbering, counted in reading order; outline
level and indent from its properties and style chain. Text boxes anchored in the paragraph are
collected for the body walk to read after it.
"""

from __future__ import annotations

from lxml import etree

from ...runtime.record import record
from .counters import ListCounter, ListLabel
from .numbering import Numbering
from .ooxml import (
    M_OMATH,
    M_OMATHPARA,
    M_T,
    MC_ALTERNATE,
    MC_CHOICE,
    MC_FALLBACK,
    W_B,
    W_BR,
    W_CHAR,
    W_CR,
    W_DEL,
    W_DRAWING,
    W_FLDCHAR,
    W_FLDCHARTYPE,
    W_ILVL,
    W_IND,
    W_MOVEFROM,
    W_NOBREAKHYPHEN,
    W_NUMID,
    W_NUMPR,
    W_OBJECT,
    W_OUTLINELVL,
    W_PICT,
    W_PPR,
    W_PSTYLE,
    W_PTAB,
    W_R,
    W_RPR,
    W_RSTYLE,
    W_RUBY,
    W_RUBYBASE,
    W_SDT,
    W_SDTCONTENT,
    W_SDTPR,
    W_SHOWING_PLC_HDR,
    W_SYM,
    W_T,
    W_TAB,
    W_TXBXCONTENT,
    W_VAL,
    W_VANISH,
    Indent,
    _w,
    on_off,
    parse_int,
)
from .styles import _size_of, _Style, _Styles

_DEFAULT_FONT_SIZE = 10.0  # points, when no style or default says otherwise

# Elements whose whole subtree never contributes body text.
_SKIP = frozenset(
    {
        W_PPR,
        W_RPR,
        W_DEL,
        W_MOVEFROM,
        W_SDTPR,
        _w("sdtEndPr"),
        _w("proofErr"),
        _w("bookmarkStart"),
        _w("bookmarkEnd"),
        _w("commentRangeStart"),
        _w("commentRangeEnd"),
        _w("permStart"),
        _w("permEnd"),
        _w("customXmlPr"),
        _w("smartTagPr"),
    }
)


@record(frozen=False)
class _Para:
    """What one ``w:p`` yields before it becomes a block or a line of a cell."""

    text: str
    label: ListLabel | None
    style: _Style
    outline: int | None
    indent: float | None
    boxes: list[etree._Element]
    bold: bool = False  # every visible character is in a run set bold


def _choose_alternate(element: etree._Element) -> etree._Element | None:
    """The branch of ``mc:AlternateContent`` to read: its first ``mc:Choice``, else the fallback.

    Both branches hold the same content (a DrawingML text box and its VML copy), so exactly one
    is read, never both.
    """
    fallback = None
    for branch in element:
        if branch.tag == MC_CHOICE:
            return branch
        if branch.tag == MC_FALLBACK and fallback is None:
            fallback = branch
    return fallback


def _is_placeholder(sdt: etree._Element) -> bool:
    sdt_pr = sdt.find(W_SDTPR)
    return sdt_pr is not None and on_off(sdt_pr.find(W_SHOWING_PLC_HDR))


class _ParagraphReader:
    """The paragraph side of one pass over a document body: styles, numbering counters, field
    state and notes (the body walk, :class:`~.body._Reader`, adds the blocks)."""

    def __init__(self, styles: _Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counter = ListCounter(numbering)
        self.notes: list[tuple[str, str]] = []
        self._noted: set[str] = set()
        self._fields: list[bool] = []  # one entry per open complex field: in its instruction?
        self._instr_depth = 0
        self._bold_chars = 0  # visible characters of the paragraph being read, in bold runs
        self._plain_chars = 0  # and in other runs
        self._paragraph_hidden = False  # the paragraph's style hides its runs' text

    def note(self, code: str, message: str) -> None:
        if code not in self._noted:
            self._noted.add(code)
            self.notes.append((code, message))

    # -- paragraphs -----------------------------------------------------------------------

    def paragraph(self, p: etree._Element) -> _Para:
        """Text, label and properties of ``p``; counts its number even when it shows no text."""
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == W_PPR else None
        style_id: str | None = None
        num_id: str | None = None
        ilvl: int | None = None
        outline: int | None = None
        direct_indent: Indent | None = None
        mark_size: float | None = None
        mark_deleted = False
        if ppr is not None:
            for child in ppr:
                tag = child.tag
                if tag == W_PSTYLE:
                    style_id = child.get(W_VAL)
                elif tag == W_NUMPR:
                    num_el = child.find(W_NUMID)
                    ilvl_el = child.find(W_ILVL)
                    if num_el is not None:
                        num_id = num_el.get(W_VAL)
                    if ilvl_el is not None:
                        ilvl = parse_int(ilvl_el.get(W_VAL))
                elif tag == W_OUTLINELVL:
                    outline = parse_int(child.get(W_VAL))
                elif tag == W_IND:
                    direct_indent = Indent.parse(child)
                elif tag == W_RPR:
                    mark_size = _size_of(child)
                    mark_deleted = child.find(W_DEL) is not None
        style = self.styles.paragraph(style_id)
        self._paragraph_hidden = style.hidden

        out: list[str] = []
        boxes: list[etree._Element] = []
        self._bold_chars = self._plain_chars = 0
        self.collect(p, out, boxes)
        bold = self._bold_chars > 0 and self._plain_chars == 0
        if self._instr_depth:
            # A field instruction never runs past its paragraph: treat what follows as result.
            self._fields = [False] * len(self._fields)
            self._instr_depth = 0
        text = "".join(out).strip("\n")

        label: ListLabel | None = None
        level_indent: Indent | None = None
        # numId and ilvl inherit from the style chain independently of each other.
        if ilvl is None:
            ilvl = style.ilvl
        if num_id is None and style.num_id is not None:
            num_id = style.num_id
            if ilvl is None and style.num_style_id is not None:
                ilvl = self.numbering.level_for_style(num_id, style.style_id or "")
                if ilvl is None:
                    ilvl = self.numbering.level_for_style(num_id, style.num_style_id)
        gone = (mark_deleted or style.hidden) and not text  # a deleted or hidden paragraph
        if num_id is not None and num_id.strip() != "0" and not gone:
            num_id = num_id.strip()
            level_index = ilvl if ilvl is not None else 0
            label = self.counter.next_label(num_id, level_index)
            resolved = self.numbering.resolve(num_id)
            if resolved is None:
                self.note("docx_unknown_numid", f"numbering {num_id!r} is not defined")
            else:
                level = resolved.levels.get(level_index)
                level_indent = level.indent if level is not None else None

        if outline is None:
            outline = style.outline
        if outline is not None and not 0 <= outline <= 8:
            outline = None
        indent_spec = direct_indent or level_indent or style.indent
        size = mark_size or style.size or _DEFAULT_FONT_SIZE
        indent = indent_spec.points(size) if indent_spec is not None else None
        return _Para(text, label, style, outline, indent, boxes, bold)

    def collect(self, element: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        """Append the visible text under ``element`` to ``out`` and its text boxes to ``boxes``."""
        for child in element:
            tag = child.tag
            if tag == W_R:
                self.run(child, out, boxes)
            elif tag in _SKIP:
                continue
            elif tag == W_SDT:
                if not _is_placeholder(child):
                    content = child.find(W_SDTCONTENT)
                    if content is not None:
                        self.collect(content, out, boxes)
            elif tag == MC_ALTERNATE:
                branch = _choose_alternate(child)
                if branch is not None:
                    self.collect(branch, out, boxes)
            elif tag in (M_OMATH, M_OMATHPARA):
                if not self._instr_depth:
                    out.extend(t.text or "" for t in child.iter(M_T))
            elif isinstance(tag, str):
                # hyperlink, ins, moveTo, smartTag, customXml, fldSimple, dir, bdo, …
                self.collect(child, out, boxes)

    def run(self, r: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        if self._hidden(r.find(W_RPR)):
            return
        bold = False
        for child in r:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if text and not self._instr_depth:
                    out.append(text)
                    seen = len(text) - text.count(" ") - text.count("\u3000")
                    if bold:
                        self._bold_chars += seen
                    else:
                        self._plain_chars += seen
            elif tag == W_RPR:
                bold = on_off(child.find(W_B))
            elif tag in (W_TAB, W_PTAB):
                if not self._instr_depth:
                    out.append("\t")
            elif tag in (W_BR, W_CR):
                if not self._instr_depth:
                    out.append("\n")
            elif tag == W_FLDCHAR:
                self.field_char(child.get(W_FLDCHARTYPE))
            elif tag == W_NOBREAKHYPHEN:
                if not self._instr_depth:
                    out.append("-")
            elif tag == W_SYM:
                code = child.get(W_CHAR)
                if code and not self._instr_depth:
                    try:
                        value = int(code, 16)
                    except ValueError:
                        continue
                    if value < 0xF000 or value > 0xF0FF:
                        out.append(chr(value) if 0 < value < 0x110000 else "")
            elif tag in (W_DRAWING, W_PICT, MC_ALTERNATE, W_OBJECT):
                self.find_boxes(child, boxes)
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self.collect(base, out, boxes)

    def _hidden(self, rpr: etree._Element | None) -> bool:
        """Whether a run with properties ``rpr`` is hidden: by ``w:vanish`` on the run, else
        by its character style, else by its paragraph's style (Word's order)."""
        if rpr is not None:
            vanish = rpr.find(W_VANISH)
            if vanish is not None:
                return on_off(vanish)
            char_style = rpr.find(W_RSTYLE)
            if char_style is not None and (name := char_style.get(W_VAL)):
                hidden = self.styles.character_hidden(name)
                if hidden is not None:
                    return hidden
        return self._paragraph_hidden

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(True)
            self._instr_depth += 1
        elif kind == "separate":
            if self._fields and self._fields[-1]:
                self._fields[-1] = False
                self._instr_depth -= 1
        elif kind == "end" and self._fields and self._fields.pop():
            self._instr_depth -= 1

    def find_boxes(self, element: etree._Element, boxes: list[etree._Element]) -> None:
        """Append the ``w:txbxContent`` under ``element`` (one branch of each alternate)."""
        if element.tag == MC_ALTERNATE:
            branch = _choose_alternate(element)
            if branch is None:
                return
            element = branch
        for child in element:
            tag = child.tag
            if tag == W_TXBXCONTENT:
                boxes.append(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_alternate(child)
                if branch is not None:
                    self.find_boxes(branch, boxes)
            elif isinstance(tag, str):
                self.find_boxes(child, boxes)
