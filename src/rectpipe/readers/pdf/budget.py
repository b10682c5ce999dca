"""Internal: how many bytes of drawing instructions each PDF page expands to, counted before
PDFium parses the page.

PDFium parses a page's whole content when the page is loaded, in native code that cannot be
interrupted: its content streams, inflated, and every Form XObject again each time it is
drawn (forms nest up to 41 levels; a form that draws itself is cut there, not before). A
page of a few kilobytes can so ask for gigabytes: a content stream that inflates a
thousandfold (a Flate bomb), or forms that each draw the next twice, thirty deep (2³⁰
copies). :func:`check_content_budget` walks the page tree with pdfminer's object parser
(nothing is drawn or interpreted), inflates each content stream once with a bounded
decompressor, finds the forms it draws (``/Name Do``), and adds up, page by page, the bytes
PDFium would parse: each form counted every time it is drawn, to PDFium's depth. A page over
the budget is :class:`~rectpipe.errors.TooLargeError` before PDFium sees it; counting stops
as soon as the budget is passed, so the check itself costs at most the budget in inflated
bytes per stream, and each stream is inflated once. Most files never get this far: when their
bytes alone show every page within the budget (no forms, no Type 3 fonts, Flate alone:
:mod:`.budget_bound`), pdfminer is not even imported.

The Type 3 glyph programs of the fonts a page uses are counted too (once per font: PDFium
keeps each glyph it has parsed). A file pdfminer cannot read is left to PDFium (which says
what is wrong with it); the memory cap of an isolated parse remains the backstop.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Generator, Iterator
from typing import Any, BinaryIO

from ...errors import TooLargeError
from ...runtime.record import field, record
from .budget_bound import within_budget
from .pdf_input import PdfInput

__all__ = ["MAX_FORM_DEPTH", "check_content_budget"]

MAX_FORM_DEPTH = 41
"""Form XObjects nested deeper than this are not drawn by PDFium (nor counted here)."""

_MB = 1024 * 1024
_CHUNK = 1 << 16
_WS = rb"\x00\t\n\x0c\r "
_REGULAR = rb"[^" + _WS + rb"()<>\[\]{}/%]"  # a character that continues a name or keyword
_DO = re.compile(rb"/(" + _REGULAR + rb"+)[" + _WS + rb"]*Do(?!" + _REGULAR + rb")")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


class _Over(Exception):
    """The page being counted passed the budget."""


@record(frozen=False, slots=False)
class _Stream:
    """What counting needs of one content stream: its inflated size and the XObjects it
    draws, by name."""

    size: int
    draws: list[str]


@record(frozen=False, slots=False)
class _Counter:
    """Counts one document, page by page (:meth:`page`). Streams are inflated once for the
    whole document; forms are counted once per depth and page."""

    budget: int
    glyph_programs: bool
    """Whether the file may hold Type 3 fonts (the word is in its bytes, or object streams
    hide what it holds): reading every font of every page to find none costs more than
    the rest of the count."""
    streams: dict[int, _Stream] = field(default_factory=dict)
    costs: dict[tuple[int, int, int], int] = field(default_factory=dict)
    fonts: set[int] = field(default_factory=set)

    def page(self, page: Any) -> None:
        """Raise :class:`_Over` when ``page`` (a pdfminer ``PDFPage``) is over the budget."""
        self.costs.clear()
        self.fonts.clear()
        self.content(list(page.contents), page.resources, 0, 0)

    def stream(self, stream: Any) -> _Stream:
        """``stream`` inflated once (within the budget) and scanned for ``Do``."""
        key = id(stream) if stream.objid is None else stream.objid
        known = self.streams.get(key)
        if known is None:
            data = _decoded(stream, self.budget)
            if len(data) > self.budget:
                raise _Over
            known = _Stream(len(data), [_name(m.group(1)) for m in _DO.finditer(data)])
            self.streams[key] = known
        return known

    def content(self, streams: list[Any], resources: Any, depth: int, spent: int) -> int:
        """Bytes PDFium parses for ``streams`` drawn with ``resources`` at form ``depth``."""
        from pdfminer.pdftypes import PDFStream, resolve1

        total = 0
        xobjects: dict[Any, Any] | None = None
        for stream in streams:
            stream = resolve1(stream)
            if not isinstance(stream, PDFStream):
                continue
            scanned = self.stream(stream)
            total += scanned.size
            if spent + total > self.budget:
                raise _Over
            if scanned.draws and xobjects is None:
                xobjects = _mapping(resolve1(_mapping(resources).get("XObject")))
            for name in scanned.draws:
                form = resolve1(xobjects.get(name)) if xobjects else None
                if _is_form(form) and depth < MAX_FORM_DEPTH:
                    total += self.form(form, resources, depth + 1, spent + total)
                    if spent + total > self.budget:
                        raise _Over
        if self.glyph_programs:
            total += self.type3(resources, spent + total)
        return total

    def form(self, form: Any, inherited: Any, depth: int, spent: int) -> int:
        """Bytes PDFium parses each time ``form`` is drawn at ``depth`` (memoised: a form
        drawn again and again costs one count per depth, not one per drawing)."""
        from pdfminer.pdftypes import resolve1

        own = _mapping(resolve1(form.attrs.get("Resources")))
        resources = own or inherited
        key = (form.objid or id(form), depth, 0 if own else id(inherited))
        cost = self.costs.get(key)
        if cost is None:
            cost = self.content([form], resources, depth, spent)
            self.costs[key] = cost
        return cost

    def type3(self, resources: Any, spent: int) -> int:
        """Bytes of the Type 3 glyph programs of ``resources``' fonts not yet counted on
        this page (each font once: PDFium keeps the glyphs it has parsed)."""
        from pdfminer.pdftypes import resolve1

        fonts = _mapping(resolve1(_mapping(resources).get("Font")))
        total = 0
        for font in fonts.values():
            font = _mapping(resolve1(font))
            if _literal(font.get("Subtype")) != "Type3" or id(font) in self.fonts:
                continue
            self.fonts.add(id(font))
            procs = list(_mapping(resolve1(font.get("CharProcs"))).values())
            glyph_resources = _mapping(resolve1(font.get("Resources"))) or resources
            total += self.content(procs, glyph_resources, 1, spent + total)
        return total


def check_content_budget(data: bytes | PdfInput, max_bytes: int) -> None:
    """Raise :class:`TooLargeError` when a page of the PDF in ``data`` (its bytes, or a
    :class:`PdfInput`) expands to more than ``max_bytes`` of content (see the module
    docstring); do nothing when pdfminer cannot read the file."""
    pdf = PdfInput.of(data)
    with pdf.view() as view:
        if within_budget(view, max_bytes):
            return  # the file's bytes alone show every page within: nothing to walk
        hinted = view.find(b"/Type3") != -1 or view.find(b"/ObjStm") != -1
    counter = _Counter(max_bytes, glyph_programs=hinted)
    with contextlib.closing(_pages(pdf)) as pages:  # the file is closed when counting stops
        for number, page in pages:
            try:
                counter.page(page)
            except _Over:
                raise TooLargeError(
                    f"page {number} expands to more than {max_bytes / _MB:g} MB of drawing "
                    "instructions (inflated content, forms drawn again and again): over the "
                    "limit"
                ) from None
            except Exception:  # a page pdfminer cannot follow is left to PDFium
                continue


# A catalog object, for a file whose trailer is lost (PDFium finds the catalog by scanning).
_CATALOG = re.compile(
    rb"(\d{1,10})\s+(\d{1,5})\s+obj\s*<<(?:(?!endobj).){0,2000}?/Type\s*/Catalog\b", re.S
)


def _open(pdf: PdfInput, stream: BinaryIO) -> tuple[Any, Any]:
    """pdfminer's parser and document for ``pdf``, read from ``stream``. A file without a
    trailer (its cross-reference table and trailer cut off or damaged) is opened with one
    naming the catalog found in its bytes, as PDFium repairs it: else its pages would go
    uncounted while PDFium still draws them."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(stream)
        return parser, PDFDocument(parser)
    except Exception:
        data = pdf.read()
        found = _CATALOG.search(data)
        if found is None:
            raise
        trailer = b"\ntrailer\n<< /Root %s %s R >>\n" % (found.group(1), found.group(2))
        parser = PDFParser(io.BytesIO(data + trailer))
        return parser, PDFDocument(parser)


def _pages(pdf: PdfInput) -> Generator[tuple[int, Any], None, None]:
    with pdf.open() as stream:
        yield from _pages_of(pdf, stream)


def _pages_of(pdf: PdfInput, stream: BinaryIO) -> Iterator[tuple[int, Any]]:
    try:
        from pdfminer.pdfpage import PDFPage

        parser, document = _open(pdf, stream)
    except Exception:  # pdfminer cannot read it: PDFium will say why, or read it anyway
        return
    try:
        pages = PDFPage.create_pages(document)
        number = 0
        while True:
            try:
                page = next(pages)
            except StopIteration:
                return
            number += 1
            yield number, page
    except Exception:  # a page tree pdfminer cannot walk: PDFium will say why
        return
    finally:
        # pdfminer's document, parser and resolved objects point at each other; cut the
        # cycles here, since the parse runs with the cyclic collector paused.
        document._cached_objs.clear()
        document._parsed_objs.clear()
        document._parser = None
        parser.doc = None


def _decoded(stream: Any, limit: int) -> bytes | bytearray:
    """The stream's bytes with its filters undone, cut a byte past ``limit``: a longer
    result means over the budget, without ever holding more than that."""
    data: bytes | bytearray = stream.rawdata if stream.rawdata is not None else stream.data
    if stream.decipher and stream.rawdata is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name in (_literal(f) for f, _ in stream.get_filters()):
        if name in ("FlateDecode", "Fl"):
            data = _inflate(data, limit)
        elif name in ("LZWDecode", "LZW"):
            data = _unlzw(data, limit)
        elif name in ("ASCIIHexDecode", "AHx"):
            from pdfminer.ascii85 import asciihexdecode

            data = asciihexdecode(bytes(data))
        elif name in ("ASCII85Decode", "A85"):
            from pdfminer.ascii85 import ascii85decode

            data = ascii85decode(bytes(data))
        elif name in ("RunLengthDecode", "RL"):
            data = _unrun(data, limit)
        else:  # an image codec in a content stream: PDFium does not inflate it either
            return data
        if len(data) > limit:
            return data
    return data


def _inflate(data: bytes | bytearray, limit: int) -> bytearray:
    """zlib data inflated to at most ``limit + 1`` bytes; a damaged stream gives what came
    before the damage (as PDFium reads it)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), _CHUNK):
        try:
            out += inflater.decompress(data[start : start + _CHUNK], limit + 1 - len(out))
            while inflater.unconsumed_tail and len(out) <= limit:
                out += inflater.decompress(inflater.unconsumed_tail, limit + 1 - len(out))
        except zlib.error:
            break
        if len(out) > limit or inflater.eof:
            break
    return out


def _unlzw(data: bytes | bytearray, limit: int) -> bytearray:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    try:
        for piece in LZWDecoder(io.BytesIO(data)).run():
            out += piece
            if len(out) > limit:
                break
    except Exception:  # damaged: what came before
        pass
    return out


def _unrun(data: bytes | bytearray, limit: int) -> bytearray:
    out = bytearray()
    i = 0
    while i < len(data) and len(out) <= limit:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
    return out


def _name(raw: bytes) -> str:
    """A PDF name as pdfminer keys it (``#20`` escapes undone)."""
    unescaped = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return unescaped.decode("latin-1")


def _literal(value: Any) -> str | None:
    name = getattr(value, "name", None)
    if isinstance(name, bytes):
        return name.decode("latin-1")
    return name if isinstance(name, str) else None


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _is_form(value: Any) -> bool:
    from pdfminer.pdftypes import PDFStream

    return isinstance(value, PDFStream) and _literal(value.attrs.get("Subtype")) == "Form"
