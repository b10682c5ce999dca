"""Internal: WordprocessingML names and the XML helpers every part of the Word reader uses.

One home for the namespaces (as python-docx's ``oxml/ns.py``) and for the Clark names
(``{namespace}local``) of the elements and attributes read from more than one part; the
hardened XML parser every part goes through; ``ST_OnOff`` and integer attribute values; and
the first-line indent of a ``w:ind`` element (paragraphs, styles and list levels all carry one).
"""

from __future__ import annotations

import threading

from lxml import etree

from ...runtime.record import record

__all__ = [
    "MATH_NS",
    "MC_ALTERNATE",
    "MC_CHOICE",
    "MC_FALLBACK",
    "MC_NS",
    "M_OMATH",
    "M_OMATHPARA",
    "M_T",
    "REL_NS",
    "R_ID",
    "R_NS",
    "STRICT_W_NS",
    "W_ALTCHUNK",
    "W_BASEDON",
    "W_BODY",
    "W_BR",
    "W_CHAR",
    "W_CR",
    "W_CUSTOMXML",
    "W_DEFAULT",
    "W_DEL",
    "W_DOCDEFAULTS",
    "W_DOCUMENT",
    "W_DRAWING",
    "W_FLDCHAR",
    "W_FLDCHARTYPE",
    "W_GRIDBEFORE",
    "W_GRIDSPAN",
    "W_HMERGE",
    "W_ILVL",
    "W_IND",
    "W_INS",
    "W_MOVEFROM",
    "W_NAME",
    "W_NOBREAKHYPHEN",
    "W_NS",
    "W_NUMID",
    "W_NUMPR",
    "W_OBJECT",
    "W_OUTLINELVL",
    "W_P",
    "W_PICT",
    "W_PPR",
    "W_PPRDEFAULT",
    "W_PSTYLE",
    "W_PTAB",
    "W_R",
    "W_RPR",
    "W_RPRDEFAULT",
    "W_RSTYLE",
    "W_RUBY",
    "W_RUBYBASE",
    "W_SDT",
    "W_SDTCONTENT",
    "W_SDTPR",
    "W_SHOWING_PLC_HDR",
    "W_STYLE",
    "W_STYLEID",
    "W_SYM",
    "W_SZ",
    "W_T",
    "W_TAB",
    "W_TBL",
    "W_TBLPR",
    "W_TBLSTYLE",
    "W_TC",
    "W_TCPR",
    "W_TR",
    "W_TRPR",
    "W_TXBXCONTENT",
    "W_TYPE",
    "W_VAL",
    "W_VANISH",
    "W_VMERGE",
    "Indent",
    "UnsafeXMLError",
    "on_off",
    "parse_int",
    "safe_fromstring",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
"""Strict OOXML's WordprocessingML namespace, mapped to :data:`W_NS` before parsing."""
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_ID = f"{{{R_NS}}}id"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_VAL = _w("val")
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
W_B = _w("b")
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
W_RSTYLE = _w("rStyle")
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
M_T = f"{{{MATH_NS}}}t"
M_OMATH = f"{{{MATH_NS}}}oMath"
M_OMATHPARA = f"{{{MATH_NS}}}oMathPara"

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


@record
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
