"""Which reader reads which format: the one dispatch from a format name to a reader.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnsupportedFormatError
from ..limits import DEFAULT_LIMITS, Limits
from .blocks import Document

__all__ = ["FORMATS", "read_document"]

#: The formats rectpipe reads, as ``source.format`` names them.
FORMATS = (
    "txt",
    "docx",
    "pdf",
    "html",
    "mht",
    "doc",
    "odt",
    "rtf",
    "xlsx",
    "xls",
    "ods",
    "image",
)


def read_document(data: bytes | Path, fmt: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The blocks of ``data`` read as ``fmt`` (one of :data:`FORMATS`) by its reader, imported
    on first use: a text file never loads the PDF or Word readers. ``data`` may be the path
    of a file: the PDF reader reads it in place, the others are given its bytes."""
    if fmt == "pdf":
        from .ocr.settings import OcrSettings
        from .pdf import read_pdf

        return read_pdf(
            data,
            engine="pdfium",
            max_pages=limits.max_pages,
            max_content_bytes=limits.max_content_bytes,
            ocr=limits.ocr,
            max_ocr_pages=limits.max_ocr_pages,
            ocr_settings=OcrSettings(
                max_pixels=limits.max_image_pixels, threads=limits.ocr_threads
            ),
        )
    if isinstance(data, Path):
        data = data.read_bytes()
    if fmt == "txt":
        from .txt import read_txt

        return read_txt(data)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, max_bytes=limits.max_unzipped_bytes)
    if fmt == "image":
        if limits.ocr == "never":
            raise UnsupportedFormatError("an image is read only by OCR, and OCR is off")
        from .ocr import OcrSettings as _OcrSettings
        from .ocr import read_image

        return read_image(
            data,
            max_pages=min(limits.max_pages, limits.max_ocr_pages),
            ocr_settings=_OcrSettings(
                max_pixels=limits.max_image_pixels, threads=limits.ocr_threads
            ),
        )
    if fmt == "html":
        from .html import read_html

        return read_html(data)
    if fmt == "mht":
        from .mht import read_mht

        return read_mht(data)
    if fmt in ("xlsx", "xls", "ods"):
        from .sheet import read_sheet

        return read_sheet(data, fmt, limits)
    if fmt in ("doc", "odt", "rtf"):
        from .legacy import read_legacy

        return read_legacy(data, fmt, max_bytes=limits.max_unzipped_bytes)
    raise UnsupportedFormatError(f"unknown format {fmt!r}")
