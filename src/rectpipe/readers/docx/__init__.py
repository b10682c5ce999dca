"""Word (.docx) reader: body paragraphs and tables in reading order, with automatic numbering.

:func:`read_docx` opens the package itself (zip + lxml, no python-docx): python-docx loads every
part, repeats merged cells, hides content controls and omits list numbers. What the reader does:

- Reads ``word/document.xml`` (the part named by the package relationships), ``styles.xml`` and
  ``numbering.xml`` (:mod:`.package`). Headers, footers, footnotes, endnotes and comments are
  never body text. The styles part is parsed whole (:mod:`.styles_part`); a style's chain and
  a numbering definition are resolved when a paragraph first uses them (:mod:`.styles`,
  :mod:`.numbering`).
- Walks the body's children in order: paragraphs and tables, unwrapping block-level content
  controls (``w:sdt``) and ``w:customXml``. Paragraphs inside text boxes (``w:txbxContent``)
  become blocks of their own right after the paragraph that anchors them. An ``w:altChunk``
  (a file imported whole) gives the blocks of its web page, MHTML archive, plain text or Word
  package in its place (``path="chunk:0/…"``); one in another format is reported in
  ``Document.notes`` (:mod:`.body`).
- Paragraph text (:mod:`.paragraph`): ``w:t`` runs, ``w:tab``/``w:ptab`` → ``"\\t"``,
  ``w:br``/``w:cr`` (line, page and column breaks) → ``"\\n"`` (breaks at either end of a
  paragraph are dropped), non-breaking hyphen → ``"-"``. Inserted text (``w:ins``,
  ``w:moveTo``) is kept, deleted text (``w:del``, ``w:moveFrom``) dropped; run-level content
  controls, hyperlinks, smart tags and simple fields are unwrapped; a complex field keeps its
  result and drops its instruction (``w:instrText`` and anything else between ``begin`` and
  ``separate``). Hidden runs (``w:vanish`` set on the run, or by its character style or its
  paragraph style), ruby annotations (pinyin over
  characters; the base text stays), placeholder text of empty content controls and symbol-font
  glyphs (``w:sym`` in the private-use area) are dropped.
- Automatic numbering is rendered into ``Block.list_label`` (never into ``text``) by
  :mod:`.counters` and :mod:`.numformats`, for every numbered paragraph in reading order.
- A paragraph whose text holds line breaks gives one block a line (``path="p:7/l:1"``; the
  list label on the first): a title set on two lines, a signature over its date, text pasted
  from a web page (:mod:`.breaks`). Table cells keep their breaks as ``"\n"``.
- A table whose rows all have a single cell is a layout box, not data: its paragraphs are read
  as blocks (``path="t:3/r:0/c:0/p:1"``). Other tables give one ``TABLE`` block.

The public entry is :func:`read_docx`; the numbering resolver (:class:`Numbering`,
:class:`ListCounter`, :func:`format_number`) is public too. The submodules are internal; the
namespaces and XML helpers they share live in :mod:`.ooxml`.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from lxml import etree

from ...errors import CorruptFileError, RectpipeError, TooLargeError, UnsupportedFormatError
from ..blocks import Block, Document
from ..doc_number import header_hints
from .body import _Reader
from .breaks import mark_paragraph_starts
from .counters import ListCounter
from .numbering import Numbering
from .numformats import SUPPORTED_FORMATS, format_number
from .ooxml import W_BODY, W_DOCUMENT, W_T, UnsafeXMLError
from .package import _core_hints, _Package
from .styles import _Styles
from .styles_part import _load_styles

__all__ = [
    "MAX_UNCOMPRESSED_BYTES",
    "SUPPORTED_FORMATS",
    "ListCounter",
    "Numbering",
    "UnsafeXMLError",
    "format_number",
    "read_docx",
]

# Here rather than in .package: read_docx reads it at call time, so that setting
# ``rectpipe.readers.docx.MAX_UNCOMPRESSED_BYTES`` changes the default limit.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Default limit on the sum of the uncompressed sizes the zip directory declares (zip bombs)."""


def _read(data: bytes, max_bytes: int, depth: int = 0) -> Document:
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
    reader = _Reader(styles, numbering, _chunk_reader(package, main, max_bytes, depth))
    body = root.find(W_BODY)
    if body is not None:
        reader.read_body(body)
    else:
        reader.note("docx_no_body", "document part has no w:body")
    return Document(
        blocks=mark_paragraph_starts(reader.blocks),
        format="docx",
        hints={
            **header_hints(_header_texts(package, part_rels)),
            **_core_hints(package, package_rels.get("core-properties")),
        },
        notes=reader.notes,
    )


#: How deep Word packages imported as altChunks may import packages themselves.
_CHUNK_DEPTH = 2


def _chunk_reader(
    package: _Package, main: str, max_bytes: int, depth: int
) -> Callable[[str], list[Block] | None]:
    """What reads the file an altChunk of ``main`` names by its relationship id: its blocks, or
    ``None`` when it is missing or not a format read here."""
    targets = package.targets(main)

    def read(rid: str) -> list[Block] | None:
        name = targets.get(rid)
        data = package.read(name) if name is not None else None
        return _chunk_blocks(data, max_bytes, depth) if data else None

    return read


def _chunk_blocks(data: bytes, max_bytes: int, depth: int) -> list[Block] | None:
    """The blocks of an altChunk's file: a web page, an MHTML archive, plain text, or a Word
    package (to :data:`_CHUNK_DEPTH`); ``None`` for any other format (RTF and the rest, which
    need LibreOffice) and for a file its reader refuses."""
    from ..sniff import sniff_format

    try:
        fmt = sniff_format(data)
        if fmt == "html":
            from ..html import read_html

            return list(read_html(data).blocks)
        if fmt == "mht":
            from ..mht import read_mht

            return list(read_mht(data).blocks)
        if fmt == "txt":
            from ..txt import read_txt

            return list(read_txt(data).blocks)
        if fmt == "docx" and depth < _CHUNK_DEPTH:
            return list(_read(data, max_bytes, depth + 1).blocks)
    except RectpipeError:
        return None
    return None


def _header_texts(package: _Package, part_rels: dict[str, str]) -> list[str]:
    """The text of the document's (first) running header part, when it has one; a header
    part that cannot be read only loses its hint."""
    part = part_rels.get("header")
    if part is None or part.lower() not in package.members:
        return []
    try:
        root = package.xml(part)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    return ["".join(node.text or "" for node in root.iter(W_T))]


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
    ``max_bytes`` (default :data:`MAX_UNCOMPRESSED_BYTES`, read at call time) uncompressed, or
    a part goes beyond the XML parser's limits (elements nested deeper than 256, a text node
    over 10 MB).
    No other exception escapes.
    """
    limit = MAX_UNCOMPRESSED_BYTES if max_bytes is None else max_bytes
    try:
        return _read(data, limit)
    except RectpipeError:
        raise
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in str(exc):
            # libxml2's own limits, kept on purpose (no huge_tree): elements nested deeper than
            # 256 (tables in tables in tables…) or one text node over 10 MB.
            raise TooLargeError(f"beyond the XML parser's limits: {_xml_limit(str(exc))}") from None
        raise CorruptFileError(f"malformed XML in the Word package: {exc}") from None
    except UnsafeXMLError as exc:
        raise CorruptFileError(str(exc)) from None
    except Exception as exc:
        raise CorruptFileError(f"unreadable Word package: {type(exc).__name__}: {exc}") from None


def _xml_limit(message: str) -> str:
    """Which of libxml2's limits a part went past, in words."""
    depth = re.search(r"Excessive depth in document: (\d+)", message)
    if depth is not None:
        return f"elements nested deeper than {depth.group(1)} levels (tables inside tables)"
    return "a text node or attribute over 10 MB"
