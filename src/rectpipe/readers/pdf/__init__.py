"""PDF reader: glyph positions → paragraphs and ruled tables, page furniture set aside.

:func:`read_pdf` is the door. It classifies the bytes first (not a PDF, truncated, needs a
password), reads every page's glyphs through a :class:`CharSource` (:mod:`.sources`,
:mod:`.pdfium`), repairs them (duplicated bold glyphs, radicals, unmapped glyphs:
:mod:`.glyphs`), finds ruled tables (:mod:`.tables`), builds lines (:mod:`.lines`), removes
running headers, footers and page numbers (:mod:`.furniture`; kept in :attr:`Document.removed`),
and groups the remaining lines into paragraphs (:mod:`.paragraphs`); :mod:`.document` puts the
pages together. Every threshold and tolerance of the layout is a field of
:class:`LayoutSettings` (:mod:`.settings`). The other submodules are internal; what they offer
for use is exported here.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import Literal

from ...errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    MissingDependencyError,
    NoTextLayerError,
    PasswordRequiredError,
    RectpipeError,
    TooLargeError,
    UsageError,
)
from ..blocks import Document
from .budget import check_content_budget
from .document import _document, _Page, _read_pages
from .furniture import RemovedLine, find_page_furniture, page_number_shape
from .glyphs import RADICALS, REPLACEMENT, Char, CharColumns, fold_radicals, repair_chars
from .lines import Line, build_lines, is_cjk, line_text
from .paragraphs import (
    BodyMetrics,
    Paragraph,
    ends_sentence,
    join_fragments,
    measure_body,
    split_paragraphs,
)
from .pdf_input import PdfInput
from .pdfium import PdfiumCharSource
from .settings import DEFAULT_SETTINGS, LayoutSettings
from .sources import CharSource, CharSourceFactory, Edge, PageChars, PdfplumberCharSource
from .tables import TableGrid, find_tables

__all__ = [
    "ENGINES",
    "RADICALS",
    "REPLACEMENT",
    "BodyMetrics",
    "Char",
    "CharColumns",
    "CharSource",
    "CharSourceFactory",
    "Edge",
    "LayoutSettings",
    "Line",
    "PageChars",
    "Paragraph",
    "PdfInput",
    "PdfiumCharSource",
    "PdfplumberCharSource",
    "RemovedLine",
    "TableGrid",
    "build_lines",
    "ends_sentence",
    "find_page_furniture",
    "find_tables",
    "fold_radicals",
    "is_cjk",
    "join_fragments",
    "line_text",
    "measure_body",
    "page_number_shape",
    "read_pdf",
    "repair_chars",
    "split_paragraphs",
]

Engine = Literal["pdfplumber", "pdfium"]
ENGINES: dict[str, CharSourceFactory] = {
    "pdfplumber": PdfplumberCharSource,
    "pdfium": PdfiumCharSource,
}
"""Character sources by name; both give the same blocks on ordinary documents."""

_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5  # PDFium: unsupported security scheme


# --------------------------------------------------------------------------------------------
# classification


def _inspect(pdf: PdfInput) -> bool:
    """Whether ``pdf`` is an encrypted PDF; raises for what is no readable PDF at all.

    Looks at the bytes, not at a parser's exception: a ``%PDF-`` header in the first KiB, an
    ``%%EOF`` marker in the last 2 KiB (else truncated), and an ``/Encrypt`` entry.
    """
    if not pdf.size:
        raise CorruptFileError("empty file")
    if b"%PDF-" not in pdf.head(1024):
        raise CorruptFileError("not a PDF (no %PDF- header)")
    if b"%%EOF" not in pdf.tail(2048):
        raise CorruptFileError("truncated PDF (no %%EOF at the end of the file)")
    with pdf.view() as data:
        return re.search(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)", data) is not None


def _probe_encryption(pdf: PdfInput) -> None:
    """Raise when an encrypted PDF cannot be opened without a password.

    Owner-password (edit-restricted) files open with the empty user password and pass.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of pdfplumber
        return
    try:
        pdfium.PdfDocument(pdf.for_pdfium()).close()
    except Exception as exc:
        code = getattr(exc, "err_code", None)
        if code == _FPDF_ERR_PASSWORD:
            raise PasswordRequiredError("the PDF needs a password to be opened") from None
        if code == _FPDF_ERR_SECURITY:
            raise EncryptedUnsupportedError("unsupported PDF security handler") from None
        raise CorruptFileError(f"unreadable encrypted PDF ({exc})") from None


def _open(pdf: PdfInput, engine: str, encrypted: bool, settings: LayoutSettings) -> CharSource:
    factory = ENGINES.get(engine)
    if factory is None:
        raise UsageError(f"unknown PDF engine {engine!r}; expected one of {sorted(ENGINES)}")
    try:
        return factory(pdf, settings=settings)
    except Exception as exc:
        if encrypted:
            raise EncryptedUnsupportedError(f"cannot decrypt the PDF ({exc})") from None
        raise CorruptFileError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None


# --------------------------------------------------------------------------------------------
# OCR


def _recognise(
    pdf: PdfInput,
    pages: list[_Page],
    mode: str,
    max_ocr_pages: int | None,
    settings: LayoutSettings,
    ocr_settings: object | None,
) -> dict[int, list[_Page]]:
    """The pages to be read by OCR (``mode``), recognised and laid out, by page number (a
    spread as its two pages)."""
    if mode not in ("auto", "always", "never"):
        raise UsageError(f"unknown OCR mode {mode!r}; expected auto, always or never")
    if mode == "never":
        return {}
    wanted = [
        page.number
        for page in pages
        if not page.error and (mode == "always" or (page.glyphs == 0 and page.images))
    ]
    if not wanted:
        return {}
    from ..ocr import DEFAULT_OCR_SETTINGS, INSTALL_HINT, OcrSettings, available, ocr_pdf_pages

    if not available():
        if mode == "always":
            raise MissingDependencyError(f"OCR asked for but no engine; {INSTALL_HINT}")
        return {}
    if max_ocr_pages is not None and len(wanted) > max_ocr_pages:
        raise TooLargeError(f"{len(wanted)} pages to recognise, over the {max_ocr_pages} limit")
    chosen = ocr_settings if isinstance(ocr_settings, OcrSettings) else DEFAULT_OCR_SETTINGS
    return ocr_pdf_pages(pdf.read(), wanted, settings=settings, ocr_settings=chosen)


# --------------------------------------------------------------------------------------------
# the door


def read_pdf(
    data: bytes | PdfInput | os.PathLike[str],
    *,
    engine: Engine | str = "pdfplumber",
    max_pages: int | None = None,
    max_content_bytes: int | None = None,
    settings: LayoutSettings = DEFAULT_SETTINGS,
    ocr: str = "never",
    max_ocr_pages: int | None = None,
    ocr_settings: object | None = None,
) -> Document:
    """The paragraphs and tables of a PDF, in reading order, as a :class:`Document`.

    Paragraph blocks have ``path="page:<n>/p:<i>"`` (``i`` counts paragraphs starting on page
    ``n`` from 0), the page where they start, their bounding box on that page and ``indent``
    (first-line x0 minus the body's left margin, in points). Ruled tables are ``TABLE`` blocks
    (``path="page:<n>/t:<i>"``) with ``cells``; a table continued on the next page is one block
    and a header row repeated there is dropped. Running headers, footers and page numbers are
    left out and listed in ``removed``. ``notes`` report pages that could not be read or carry
    no text. ``engine`` picks the glyph source (:data:`ENGINES`); ``settings`` holds the
    layout's thresholds and tolerances (the defaults read every document as always).

    ``data`` is the PDF's bytes, or the path of a PDF file (or a :class:`PdfInput`): a file is
    read from as the reading needs it, and its bytes are not all held at once.

    ``ocr`` (``auto``, ``always``, ``never``; see :mod:`rectpipe.readers.ocr`) recognises pages
    without a text layer (``auto``) or every page (``always``) when the OCR extra is installed,
    page by page, at most ``max_ocr_pages`` of them (else ``too_large``); the pages read so are
    listed in ``ocr_pages``. Without the extra, ``auto`` leaves such pages as before (and the
    ``no_text_layer`` error says how to install it) and ``always`` raises
    :class:`MissingDependencyError`.

    Raises :class:`CorruptFileError` (not a PDF, truncated, unparseable),
    :class:`PasswordRequiredError` (a user password is set; owner-only passwords are fine),
    :class:`EncryptedUnsupportedError`, :class:`NoTextLayerError` (no glyph on any page:
    scanned images or text drawn as paths) and :class:`LowTextYieldError` (mostly unmapped
    glyphs); :class:`TooLargeError` when there are more than ``max_pages`` pages (checked
    before any page is read), and when a page expands to more than ``max_content_bytes`` of
    drawing instructions (Flate bombs, Form XObjects drawn again and again: see
    :mod:`.budget`; checked before the page is parsed); :class:`UsageError` for an unknown
    ``engine``; a bare
    :class:`RectpipeError` if the layout itself fails. No other exception escapes.
    """
    pdf = PdfInput.of(data)
    encrypted = _inspect(pdf)
    if encrypted:
        _probe_encryption(pdf)
    source = _open(pdf, engine, encrypted, settings)
    try:
        try:
            page_count = source.page_count
        except Exception as exc:
            raise CorruptFileError(f"cannot read the page tree ({exc})") from None
        if page_count == 0:
            raise CorruptFileError("the PDF has no pages")
        if max_pages is not None and page_count > max_pages:
            raise TooLargeError(f"{page_count} pages, over the {max_pages} page limit")
        if max_content_bytes is not None:
            check_content_budget(pdf, max_content_bytes)
        pages = _read_pages(source, page_count, settings)
    finally:
        with contextlib.suppress(Exception):  # closing must not mask the result
            source.close()
    recognised = _recognise(pdf, pages, ocr, max_ocr_pages, settings, ocr_settings)
    if recognised:
        pages = [laid for page in pages for laid in recognised.get(page.number, [page])]
    try:
        document = _document(pages, page_count, settings)
        document.ocr_pages = sorted(recognised)
        return document
    except NoTextLayerError as exc:
        if ocr != "never" and not recognised:
            from ..ocr import INSTALL_HINT, available

            if not available():
                raise NoTextLayerError(f"{exc.message}; {INSTALL_HINT}") from None
        raise
    except RectpipeError:
        raise
    except Exception as exc:  # a bug of ours must still reach the caller as a typed error
        raise RectpipeError(f"PDF layout failed ({type(exc).__name__}: {exc})") from exc
