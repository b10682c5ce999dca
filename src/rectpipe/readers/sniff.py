"""Which format a file is, from its content (the name is only a tie-breaker).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import io

from ..errors import UnsupportedFormatError

__all__ = ["sniff_format"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes, name: str | None = None) -> str:
    """``"pdf"``, ``"docx"``, ``"html"``, ``"mht"`` (a web page saved as one MHTML file, as
    browsers and Word save them), ``"txt"``, ``"xlsx"`` / ``"xls"`` / ``"ods"`` (workbooks),
    ``"doc"`` / ``"odt"`` / ``"rtf"`` (read through LibreOffice) or ``"image"`` (PNG, JPEG,
    TIFF: read by OCR) for ``data``. The name never overrules the content: portals publish web
    pages, MHTML archives and RTF files under ``.doc``.

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
        return _ole_kind(data, name)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if _is_mhtml(head):
        return "mht"
    if head.startswith(b"GIF8"):
        raise UnsupportedFormatError("GIF image: rectpipe reads PNG, JPEG and TIFF scans")
    lowered = stripped[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return "html"
    if lowered.startswith(b"<?xml"):
        kind = _office_xml(head.lower())
        if kind is not None:
            return kind
    if lowered.startswith(b"<") and any(
        tag in head.lower() for tag in (b"<body", b"<head", b"<p", b"<div")
    ):
        return "html"
    if name and name.lower().endswith((".htm", ".html", ".shtml")) and b"<" in head:
        return "html"
    return "txt"


def _office_xml(head: bytes) -> str | None:
    """An office document saved as one XML file, read through LibreOffice as its binary kin
    is: Word 2003 XML (``<w:wordDocument``) as ``"doc"``, a flat OpenDocument text
    (``<office:document``) as ``"odt"``. Excel 2003 XML is refused: no reader of rectpipe's
    takes it."""
    if b"word.document" in head or b"<w:worddocument" in head:
        return "doc"
    if b"<office:document" in head and b"opendocument.text" in head:
        return "odt"
    if b"excel.sheet" in head or b"office:spreadsheet" in head:
        raise UnsupportedFormatError(
            "Excel 2003 XML workbook: save it as .xlsx or .xls to read its ledger"
        )
    return None


def _is_mhtml(head: bytes) -> bool:
    """A MIME message holding a web page: a ``MIME-Version`` header and a ``multipart/related``
    (or ``text/html``) content type among the headers before the first blank line."""
    headers = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].lower()
    return b"mime-version:" in headers and (
        b"multipart/related" in headers or b"content-type: text/html" in headers
    )


# Stream names in an OLE compound file's directory (UTF-16LE): a workbook (Excel 97-2003 and
# WPS .et hold a Workbook or Book stream) or a Word/WPS text document.
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
_WORD_STREAMS = ("WordDocument".encode("utf-16-le"), "WpsDocument".encode("utf-16-le"))


def _ole_kind(data: bytes, name: str | None) -> str:
    """``"xls"`` for a legacy workbook (.xls, WPS .et), else ``"doc"`` (legacy Word or WPS
    text, read through LibreOffice)."""
    if any(stream in data for stream in _WORD_STREAMS):
        return "doc"
    if any(stream in data for stream in _WORKBOOK_STREAMS):
        return "xls"
    if name and name.lower().endswith((".xls", ".et")):
        return "xls"
    return "doc"


def _zip_kind(data: bytes) -> str:
    import zipfile  # only for packages: a text file's run never loads it

    from ..errors import CorruptFileError

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        mimetype = package.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise CorruptFileError("damaged zip package") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsx"  # also .xlsm and WPS .et saved as OOXML
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
        return "ods"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError("OpenDocument file that is neither text nor a spreadsheet")
    raise UnsupportedFormatError("zip archive that is neither a Word document nor a workbook")
