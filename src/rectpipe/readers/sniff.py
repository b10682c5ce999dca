"""Which format a file is, from its content (the name is only a tie-breaker)."""

from __future__ import annotations

import io
import zipfile

from ..errors import UnsupportedFormatError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes, name: str | None = None) -> str:
    """``"pdf"``, ``"docx"``, ``"html"``, ``"txt"``, ``"doc"`` / ``"odt"`` (read through
    LibreOffice) or ``"image"`` (PNG, JPEG, TIFF: read by OCR) for ``data``.

    Raises :class:`UnsupportedFormatError` for formats rectpipe does not read (other zip
    packages, GIF).
    """
    head = data[:2048]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(_OLE):
        return "doc"  # legacy Word or WPS binary: read through LibreOffice
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"GIF8"):
        raise UnsupportedFormatError("GIF image: rectpipe reads PNG, JPEG and TIFF scans")
    lowered = stripped[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return "html"
    if lowered.startswith(b"<") and any(
        tag in head.lower() for tag in (b"<body", b"<head", b"<p", b"<div")
    ):
        return "html"
    if name and name.lower().endswith((".htm", ".html", ".shtml")) and b"<" in head:
        return "html"
    return "txt"


def _zip_kind(data: bytes) -> str:
    from ..errors import CorruptFileError

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        mimetype = package.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise CorruptFileError("damaged zip package") from None
    if "word/document.xml" in names:
        return "docx"
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError("OpenDocument file that is not a text document")
    raise UnsupportedFormatError("zip archive that is not a Word document")
