"""Word (.docx) reader: body paragraphs and tables in reading order, with automatic numbering.

:func:`read_docx` opens the package itself (zip + lxml, no python-docx): python-docx loads every
part, repeats merged cells, hides content controls and omits list numbers. What the reader does:

- Reads ``word/document.xml`` (the part named by the package relationships), ``styles.xml`` and
  ``numbering.xml``. Headers, footers, footnotes, endnotes and comments are never body text.
  Styles and numbering definitions are parsed when a paragraph first uses them: most of what
  those parts define is never used (a style nobody uses is therefore never checked either).
- Walks the body's children in order: paragraphs and tables, unwrapping block-level content
  controls (``w:sdt``) and ``w:customXml``. Paragraphs inside text boxes (``w:txbxContent``)
  become blocks of their own right after the paragraph that anchors them. An ``w:altChunk``
  (embedded foreign file) cannot be read and is reported in ``Document.notes``.
- Paragraph text: ``w:t`` runs, ``w:tab``/``w:ptab`` → ``"\\t"``, ``w:br``/``w:cr`` (line, page
  and column breaks) → ``"\\n"`` (breaks at either end of a paragraph are dropped), non-breaking
  hyphen → ``"-"``. Inserted text (``w:ins``, ``w:moveTo``) is kept, deleted text (``w:del``,
  ``w:moveFrom``) dropped; run-level content controls, hyperlinks, smart tags and simple fields
  are unwrapped; a complex field keeps its result and drops its instruction (``w:instrText`` and
  anything else between ``begin`` and ``separate``). Hidden runs (``w:vanish`` set on the run),
  ruby annotations (pinyin over characters; the base text stays), placeholder text of empty
  content controls and symbol-font glyphs (``w:sym`` in the private-use area) are dropped.
- Automatic numbering is rendered into ``Block.list_label`` (never into ``text``) by
  :mod:`rectpipe.readers.docx_numbering`, for every numbered paragraph in reading order.
- A table whose rows all have a single cell is a layout box, not data: its paragraphs are read
  as blocks (``path="t:3/r:0/c:0/p:1"``). Other tables give one ``TABLE`` block.

The public entry is :func:`read_docx`; everything else here is a helper.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    RectpipeError,
    TooLargeError,
    UnsupportedFormatError,
)
from .blocks import Block, BlockKind, Document
from .docx_numbering import (
    MC_NS,
    W_NS,
    W_VAL,
    Indent,
    ListCounter,
    ListLabel,
    Numbering,
    UnsafeXMLError,
    on_off,
    parse_int,
    safe_fromstring,
)

__all__ = ["MAX_UNCOMPRESSED_BYTES", "read_docx"]

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Default limit on the sum of the uncompressed sizes the zip directory declares (zip bombs)."""

_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DEFAULT_FONT_SIZE = 10.0  # points, when no style or default says otherwise


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_BODY = _w("body")
W_DOCUMENT = _w("document")
W_P = _w("p")
W_R = _w("r")
W_T = _w("t")
W_TBL = _w("tbl")
W_TR = _w("tr")
W_TC = _w("tc")
W_PPR = _w("pPr")
W_RPR = _w("rPr")
W_TCPR = _w("tcPr")
W_TRPR = _w("trPr")
W_TBLPR = _w("tblPr")
W_SDT = _w("sdt")
W_SDTPR = _w("sdtPr")
W_SDTCONTENT = _w("sdtContent")
W_SHOWING_PLC_HDR = _w("showingPlcHdr")
W_CUSTOMXML = _w("customXml")
W_ALTCHUNK = _w("altChunk")
W_TAB = _w("tab")
W_PTAB = _w("ptab")
W_BR = _w("br")
W_CR = _w("cr")
W_NOBREAKHYPHEN = _w("noBreakHyphen")
W_SYM = _w("sym")
W_DEL = _w("del")
W_INS = _w("ins")
W_MOVEFROM = _w("moveFrom")
W_FLDCHAR = _w("fldChar")
W_FLDCHARTYPE = _w("fldCharType")
W_VANISH = _w("vanish")
W_RUBY = _w("ruby")
W_RUBYBASE = _w("rubyBase")
W_TXBXCONTENT = _w("txbxContent")
W_DRAWING = _w("drawing")
W_PICT = _w("pict")
W_OBJECT = _w("object")
W_PSTYLE = _w("pStyle")
W_NUMPR = _w("numPr")
W_NUMID = _w("numId")
W_ILVL = _w("ilvl")
W_OUTLINELVL = _w("outlineLvl")
W_IND = _w("ind")
W_SZ = _w("sz")
W_GRIDSPAN = _w("gridSpan")
W_GRIDBEFORE = _w("gridBefore")
W_VMERGE = _w("vMerge")
W_HMERGE = _w("hMerge")
W_TBLSTYLE = _w("tblStyle")
W_STYLE = _w("style")
W_STYLEID = _w("styleId")
W_TYPE = _w("type")
W_DEFAULT = _w("default")
W_NAME = _w("name")
W_BASEDON = _w("basedOn")
W_DOCDEFAULTS = _w("docDefaults")
W_RPRDEFAULT = _w("rPrDefault")
W_PPRDEFAULT = _w("pPrDefault")
W_CHAR = _w("char")
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
M_T = f"{{{_MATH_NS}}}t"
M_OMATH = f"{{{_MATH_NS}}}oMath"
M_OMATHPARA = f"{{{_MATH_NS}}}oMathPara"

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


# --------------------------------------------------------------------------------------------
# Package
# --------------------------------------------------------------------------------------------


class _Package:
    """The zip members of a Word package, looked up case-insensitively, with a size check."""

    def __init__(self, data: bytes, max_bytes: int) -> None:
        if not data:
            raise CorruptFileError("empty file")
        if data.startswith(_OLE_MAGIC):
            if "EncryptionInfo".encode("utf-16-le") in data:
                raise EncryptedUnsupportedError(
                    "password-protected Word document (encrypted OLE container)"
                )
            raise UnsupportedFormatError(
                "OLE compound file (legacy Word 97-2003 .doc?), not a .docx package"
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise CorruptFileError(f"not a zip package: {exc}") from None
        infos = self.zip.infolist()
        declared = sum(info.file_size for info in infos)
        if declared > max_bytes:
            raise TooLargeError(
                f"zip members declare {declared} bytes uncompressed, over the {max_bytes} limit"
            )
        self.members = {info.filename.lstrip("/").lower(): info for info in infos}
        if len(self.members) != len(infos):
            # The package format forbids two parts with one name (compared without case):
            # which of them a reader takes is arbitrary, so the file is refused.
            seen: set[str] = set()
            for info in infos:
                key = info.filename.lstrip("/").lower()
                if key in seen:
                    raise CorruptFileError(f"the package holds {info.filename!r} twice")
                seen.add(key)

    def read(self, name: str) -> bytes | None:
        """The bytes of member ``name`` (case-insensitive), or ``None`` when it is absent."""
        info = self.members.get(name.lstrip("/").lower())
        if info is None:
            return None
        return self.zip.read(info)

    def xml_bytes(self, name: str) -> bytes | None:
        """Member ``name`` with Strict OOXML's namespace mapped to Transitional, or ``None``."""
        blob = self.read(name)
        if blob is not None and _STRICT_W_NS in blob:
            blob = blob.replace(_STRICT_W_NS, W_NS.encode("ascii"))
        return blob

    def xml(self, name: str) -> etree._Element | None:
        """Member ``name`` parsed safely (Strict OOXML mapped to Transitional), or ``None``."""
        blob = self.xml_bytes(name)
        return safe_fromstring(blob) if blob is not None else None

    def relationships(self, part: str) -> dict[str, str]:
        """``{type suffix: target part name}`` of ``part``'s internal relationships (first wins)."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels.iterchildren(f"{{{_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target")
            if not kind or not target or kind in found:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found[kind] = resolved
        return found


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


# styles.xml is mostly definitions no paragraph uses (python-docx's template declares 176 styles
# in 355 KB; Word's own files carry 30-70 KB), and parsing it whole used to cost more than the
# rest of a short document. So the part is cut at its top-level ``w:style`` elements without
# parsing them, and one style is parsed the first time a paragraph reaches it. The cut relies on
# every ``<`` starting a tag; anything that could break that (a DOCTYPE, comment, CDATA section,
# processing instruction, an encoding other than UTF-8, content between the styles) sends the
# part to the whole-part parse instead, which is also what refuses DTDs.

_XML_WS = b" \t\r\n"
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml([ \t\r\n][^?]*)\?>)?[ \t\r\n]*")
_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']""")
_ATTRIBUTES = rb"""(?:[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*'))*"""
_START_TAG = re.compile(rb"<([^ \t\r\n/>]+)" + _ATTRIBUTES + rb"[ \t\r\n]*(/?)>")


@dataclass(frozen=True, slots=True)
class _StylesXml:
    """``styles.xml`` as its root and its top-level ``w:style`` elements in document order.

    Each stub carries its style's attributes (id, type, default). When ``spans`` is ``None`` the
    stubs are the complete elements of a whole-part parse; otherwise a stub is only the start
    tag and :meth:`element` parses ``blob[start:end]`` on demand, inside ``wrap`` (the root's
    start and end tags, which hold the namespace declarations).
    """

    root: etree._Element
    stubs: list[etree._Element]
    spans: list[tuple[int, int]] | None = None
    blob: bytes = b""
    wrap: tuple[bytes, bytes] = (b"", b"")

    def element(self, index: int) -> etree._Element:
        """The complete ``w:style`` element of ``stubs[index]``."""
        if self.spans is None:
            return self.stubs[index]
        start, end = self.spans[index]
        try:
            return safe_fromstring(self.wrap[0] + self.blob[start:end] + self.wrap[1])[0]
        except etree.XMLSyntaxError:
            safe_fromstring(self.blob)  # raises the error a whole-part parse reports
            raise


def _load_styles(blob: bytes | None) -> _StylesXml | None:
    """``styles.xml`` cut at its styles when that is safe, else parsed whole (``None``: absent)."""
    if blob is None:
        return None
    split = _split_styles(blob)
    if split is not None:
        return split
    root = safe_fromstring(blob)
    return _StylesXml(root, list(root.iterchildren(W_STYLE)))


@functools.lru_cache(maxsize=8)
def _style_tags(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Patterns of a ``<prefix:style …>`` start tag and a ``</prefix:style>`` end tag."""
    name = re.escape(prefix + b"style")
    start = re.compile(b"<" + name + _ATTRIBUTES + rb"[ \t\r\n]*(/?)>")
    end = re.compile(b"</" + name + rb"[ \t\r\n]*>")
    return start, end


def _is_plain_utf8(blob: bytes) -> bool:
    """Whether every ``<`` in ``blob`` starts an element tag and the text is UTF-8.

    Single-byte searches first: ``!`` and ``?`` are rare outside ``<!`` and ``<?``, and a NUL
    byte means UTF-16 or UTF-32.
    """
    if b"\x00" in blob:
        return False
    if b"!" in blob and b"<!" in blob:
        return False
    prolog = _PROLOG.match(blob)
    assert prolog is not None  # every part of the pattern is optional
    declaration = prolog.group(1)
    if declaration is not None:
        encoding = _ENCODING.search(declaration)
        if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return False
    end = prolog.end()
    return blob.find(b"?", end) == -1 or blob.find(b"<?", end) == -1


def _w_prefix(root_tag: bytes) -> bytes | None:
    """The one prefix (``b"w:"``, or ``b""`` for a default namespace) ``root_tag`` binds to W_NS."""
    try:
        root = safe_fromstring(root_tag[:-1] + b"/>")
    except (etree.XMLSyntaxError, UnsafeXMLError):
        return None
    prefixes = [prefix for prefix, uri in root.nsmap.items() if uri == W_NS]
    if len(prefixes) != 1:
        return None
    prefix = prefixes[0]
    return f"{prefix}:".encode() if prefix else b""


def _style_spans(blob: bytes, start: int, prefix: bytes) -> list[tuple[int, int, int]] | None:
    """``(start, start tag end, end)`` of each ``<prefix:style>`` element after ``start``.

    An element ends at the first ``</prefix:style>`` after its start tag. Were that the end of a
    nested style, the outer element's own end tag would be left over, and it could only sit
    between two spans or after the last: both must be whitespace (and the root's end tag), so a
    nesting gives ``None`` as do a tag that does not look well-formed and non-blank text or
    elements between the styles.
    """
    start_tag, end_tag = _style_tags(prefix)
    spans: list[tuple[int, int, int]] = []
    tag = start_tag.search(blob, start)
    while tag is not None:
        begin, tag_end = tag.span()
        end = tag_end
        if not tag.group(1):
            close = end_tag.search(blob, tag_end)
            if close is None:
                return None
            end = close.end()
        spans.append((begin, tag_end, end))
        tag = start_tag.search(blob, end)
        if tag is not None and tag.start() > end and blob[end : tag.start()].strip(_XML_WS):
            return None
    return spans


def _split_styles(blob: bytes) -> _StylesXml | None:
    """``blob`` cut at its top-level ``w:style`` elements, or ``None`` to parse it whole.

    What is parsed here is the part up to the first style, then every style's start tag (made
    self-closing), then the root's end tag: that gives ``w:docDefaults`` and each style's
    attributes, and proves the styles are children of the root. Whatever lies between and after
    the styles must be whitespace and the root's end tag.
    """
    if not _is_plain_utf8(blob):
        return None
    prolog = _PROLOG.match(blob)
    assert prolog is not None
    root_tag = _START_TAG.match(blob, prolog.end())
    if root_tag is None or root_tag.group(2):
        return None
    prefix = _w_prefix(root_tag.group(0))
    if prefix is None:
        return None
    spans = _style_spans(blob, root_tag.end(), prefix)
    if not spans:
        return None
    root_end = b"</" + root_tag.group(1) + b">"
    tail = blob[spans[-1][2] :].strip(_XML_WS)
    if not tail.endswith(b">") or tail[:-1].rstrip(_XML_WS) != root_end[:-1]:
        return None
    stubs = [
        blob[begin:tag_end] if tag_end == end else blob[begin : tag_end - 1] + b"/>"
        for begin, tag_end, end in spans
    ]
    try:
        root = safe_fromstring(blob[: spans[0][0]] + b"".join(stubs) + root_end)
    except (etree.XMLSyntaxError, UnsafeXMLError):
        return None
    children = list(root)
    head = len(children) - len(spans)
    if head < 0 or any(child.tag == W_STYLE for child in children[:head]):
        return None
    pairs = zip(children[head:], spans, strict=True)
    kept = [(child, span) for child, span in pairs if child.tag == W_STYLE]
    return _StylesXml(
        root=root,
        stubs=[child for child, _ in kept],
        spans=[(begin, end) for _, (begin, _, end) in kept],
        blob=blob,
        wrap=(root_tag.group(0), root_end),
    )


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
    )


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
        )
        self._cache[style_id] = style
        return style


# --------------------------------------------------------------------------------------------
# Body
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    """What one ``w:p`` yields before it becomes a block or a line of a cell."""

    text: str
    label: ListLabel | None
    style: _Style
    outline: int | None
    indent: float | None
    boxes: list[etree._Element]


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


class _Reader:
    """One pass over a document body: text, numbering counters, field state, output blocks."""

    def __init__(self, styles: _Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counter = ListCounter(numbering)
        self.blocks: list[Block] = []
        self.notes: list[tuple[str, str]] = []
        self._noted: set[str] = set()
        self._fields: list[bool] = []  # one entry per open complex field: in its instruction?
        self._instr_depth = 0

    def note(self, code: str, message: str) -> None:
        if code not in self._noted:
            self._noted.add(code)
            self.notes.append((code, message))

    # -- block-level ---------------------------------------------------------------------

    def iter_blocks(self, container: etree._Element) -> Iterator[etree._Element]:
        """``w:p`` and ``w:tbl`` children of ``container`` in order, through wrappers."""
        for child in container:
            tag = child.tag
            if tag in (W_P, W_TBL):
                yield child
            elif tag == W_SDT:
                if _is_placeholder(child):
                    continue
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from self.iter_blocks(content)
            elif tag in (W_CUSTOMXML, W_INS) or tag == _w("moveTo"):
                yield from self.iter_blocks(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_alternate(child)
                if branch is not None:
                    yield from self.iter_blocks(branch)
            elif tag == W_ALTCHUNK:
                self.note("docx_altchunk", "embedded altChunk content (a foreign file) not read")

    def read_body(self, body: etree._Element) -> None:
        paragraph_index = 0
        table_index = 0
        for element in self.iter_blocks(body):
            if element.tag == W_P:
                self.emit_paragraph(element, f"p:{paragraph_index}")
                paragraph_index += 1
            else:
                self.emit_table(element, f"t:{table_index}")
                table_index += 1

    def read_container(self, container: etree._Element, prefix: str) -> None:
        """Blocks for the content of a text box or a layout cell, paths under ``prefix``."""
        paragraph_index = 0
        table_index = 0
        for element in self.iter_blocks(container):
            if element.tag == W_P:
                self.emit_paragraph(element, f"{prefix}/p:{paragraph_index}")
                paragraph_index += 1
            else:
                self.emit_table(element, f"{prefix}/t:{table_index}")
                table_index += 1

    def emit_paragraph(self, p: etree._Element, path: str) -> None:
        para = self.paragraph(p)
        if para.text and not para.text.isspace():  # not blank, without copying like strip()
            self.blocks.append(
                Block(
                    text=para.text,
                    kind=BlockKind.HEADING
                    if para.outline is not None and 0 <= para.outline <= 8
                    else BlockKind.PARAGRAPH,
                    path=path,
                    style=para.style.name,
                    outline_level=para.outline,
                    list_label=para.label.text if para.label is not None else None,
                    indent=para.indent,
                )
            )
        for index, box in enumerate(para.boxes):
            self.read_container(box, f"{path}/txbx:{index}")

    def emit_table(self, tbl: etree._Element, path: str) -> None:
        rows = list(self.iter_rows(tbl))
        if rows and all(len(self.iter_cells_list(tr)) <= 1 for tr in rows):
            for row_index, tr in enumerate(rows):
                for tc in self.iter_cells_list(tr):
                    self.read_container(tc, f"{path}/r:{row_index}/c:0")
            return
        cells = self.table_cells(rows)
        if not any(text for row in cells for text in row):
            return
        style_name = None
        tbl_pr = tbl.find(W_TBLPR)
        if tbl_pr is not None:
            style_el = tbl_pr.find(W_TBLSTYLE)
            if style_el is not None:
                style_id = style_el.get(W_VAL)
                style_name = self.styles.table_name(style_id)
        self.blocks.append(
            Block(
                text="\n".join("\t".join(row) for row in cells),
                kind=BlockKind.TABLE,
                path=path,
                style=style_name,
                cells=tuple(cells),
            )
        )

    # -- tables ----------------------------------------------------------------------------

    def iter_rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        """``w:tr`` of ``tbl`` (through content controls), without rows deleted in revisions."""
        for child in tbl:
            tag = child.tag
            if tag == W_TR:
                tr_pr = child.find(W_TRPR)
                if tr_pr is not None and tr_pr.find(W_DEL) is not None:
                    continue
                yield child
            elif tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if tag == W_SDT else child
                if content is not None:
                    yield from self.iter_rows(content)

    def iter_cells_list(self, tr: etree._Element) -> list[etree._Element]:
        cells: list[etree._Element] = []
        for child in tr:
            tag = child.tag
            if tag == W_TC:
                cells.append(child)
            elif tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if tag == W_SDT else child
                if content is not None:
                    cells.extend(self.iter_cells_list(content))
        return cells

    def table_cells(self, rows: list[etree._Element]) -> list[tuple[str, ...]]:
        """Rows of cell texts: a spanned cell once, a vertical continuation as the cell above."""
        result: list[tuple[str, ...]] = []
        above: dict[int, str] = {}
        for tr in rows:
            column = 0
            tr_pr = tr.find(W_TRPR)
            if tr_pr is not None:
                before = tr_pr.find(W_GRIDBEFORE)
                if before is not None:
                    column = max(0, parse_int(before.get(W_VAL)) or 0)
            texts: list[str] = []
            current: dict[int, str] = {}
            last_text = ""
            for tc in self.iter_cells_list(tr):
                span = 1
                vmerge: str | None = None
                hmerge: str | None = None
                tc_pr = tc.find(W_TCPR)
                if tc_pr is not None:
                    span_el = tc_pr.find(W_GRIDSPAN)
                    if span_el is not None:
                        span = max(1, parse_int(span_el.get(W_VAL)) or 1)
                    vmerge_el = tc_pr.find(W_VMERGE)
                    if vmerge_el is not None:
                        vmerge = vmerge_el.get(W_VAL) or "continue"
                    hmerge_el = tc_pr.find(W_HMERGE)
                    if hmerge_el is not None:
                        hmerge = hmerge_el.get(W_VAL) or "continue"
                if hmerge == "continue" and texts:
                    for offset in range(span):
                        current[column + offset] = last_text
                    column += span
                    continue
                text = above.get(column, "") if vmerge == "continue" else self.cell_text(tc)
                texts.append(text)
                for offset in range(span):
                    current[column + offset] = text
                last_text = text
                column += span
            above = current
            result.append(tuple(texts))
        return result

    def cell_text(self, container: etree._Element) -> str:
        """A cell's paragraphs as lines (labels in front), nested tables flattened, boxes after."""
        lines: list[str] = []
        for element in self.iter_blocks(container):
            if element.tag == W_P:
                para = self.paragraph(element)
                text = para.text.strip()
                if para.label is not None:
                    gap = " " if text and para.label.suffix in ("tab", "space") else ""
                    text = para.label.text + gap + text
                if text:
                    lines.append(text)
                for box in para.boxes:
                    box_text = self.cell_text(box)
                    if box_text:
                        lines.append(box_text)
            else:
                for row in self.table_cells(list(self.iter_rows(element))):
                    lines.extend(text for text in row if text)
        return "\n".join(lines)

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

        out: list[str] = []
        boxes: list[etree._Element] = []
        self.collect(p, out, boxes)
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
        if num_id is not None and num_id.strip() != "0" and not (mark_deleted and not text):
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
        return _Para(text, label, style, outline, indent, boxes)

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
        for child in r:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if text and not self._instr_depth:
                    out.append(text)
            elif tag == W_RPR:
                if on_off(child.find(W_VANISH)):
                    return
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


# --------------------------------------------------------------------------------------------
# Entry
# --------------------------------------------------------------------------------------------

_CORE_FIELDS = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}subject": "subject",
    "{http://purl.org/dc/elements/1.1/}creator": "creator",
    "{http://purl.org/dc/terms/}created": "created",
    "{http://purl.org/dc/terms/}modified": "modified",
}


def _core_hints(package: _Package, part: str | None) -> dict[str, str]:
    if part is None:
        return {}
    try:
        root = package.xml(part)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        return {}  # UnsafeXMLError is a ValueError: a hostile core part only loses its hints
    hints: dict[str, str] = {}
    if root is None:
        return hints
    for child in root:
        key = _CORE_FIELDS.get(child.tag) if isinstance(child.tag, str) else None
        value = (child.text or "").strip()
        if key and value:
            hints[f"docx:{key}"] = value
    return hints


def _read(data: bytes, max_bytes: int) -> Document:
    package = _Package(data, max_bytes)
    package_rels = package.relationships("")
    main = package_rels.get("officeDocument")
    if main is None or main.lower() not in package.members:
        main = "word/document.xml"
    if main.lower() not in package.members:
        raise UnsupportedFormatError("zip package without word/document.xml: not a Word document")
    root = package.xml(main)
    if root is None or root.tag != W_DOCUMENT:
        raise UnsupportedFormatError(f"{main} is not a WordprocessingML document")
    part_rels = package.relationships(main)
    folder = posixpath.dirname(main)
    styles_part = part_rels.get("styles", posixpath.join(folder, "styles.xml"))
    numbering_part = part_rels.get("numbering", posixpath.join(folder, "numbering.xml"))
    styles = _Styles(_load_styles(package.xml_bytes(styles_part)))
    numbering = Numbering.from_element(package.xml(numbering_part), styles.numbering_style_num_ids)
    reader = _Reader(styles, numbering)
    body = root.find(W_BODY)
    if body is not None:
        reader.read_body(body)
    else:
        reader.note("docx_no_body", "document part has no w:body")
    return Document(
        blocks=reader.blocks,
        format="docx",
        hints=_core_hints(package, package_rels.get("core-properties")),
        notes=reader.notes,
    )


def read_docx(data: bytes, *, max_bytes: int | None = None) -> Document:
    """The body of a Word package as blocks in reading order (see the module docstring).

    Returns a :class:`~rectpipe.blocks.Document` with ``format="docx"``, ``page_count=None``
    (a .docx has no pages until it is laid out), ``hints`` from the core properties
    (``"docx:title"``, ``"docx:creator"``, ``"docx:created"``, …) and reader ``notes``.
    Empty paragraphs give no block, but numbered ones still advance their list's counter.

    Raises :class:`~rectpipe.errors.CorruptFileError` for empty data, data that is not a zip, a
    damaged zip member or malformed XML; :class:`~rectpipe.errors.UnsupportedFormatError` for a
    zip without a WordprocessingML main part, or a legacy OLE ``.doc``;
    :class:`~rectpipe.errors.EncryptedUnsupportedError` for a password-protected (OLE-wrapped)
    package; :class:`~rectpipe.errors.TooLargeError` when the zip directory declares more than
    ``max_bytes`` (default :data:`MAX_UNCOMPRESSED_BYTES`, read at call time) uncompressed.
    No other exception escapes.
    """
    limit = MAX_UNCOMPRESSED_BYTES if max_bytes is None else max_bytes
    try:
        return _read(data, limit)
    except RectpipeError:
        raise
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(f"malformed XML in the Word package: {exc}") from None
    except UnsafeXMLError as exc:
        raise CorruptFileError(str(exc)) from None
    except Exception as exc:
        raise CorruptFileError(f"unreadable Word package: {type(exc).__name__}: {exc}") from None
