"""Web pages saved as one MHTML file (``.mht``, ``.mhtml``), as browsers save a page and Word
saves a document as a "single file web page"; portals publish such files under ``.doc`` too.

An MHTML file is a MIME message: the page is its first ``text/html`` part (quoted-printable
or base64, in the charset its headers give), and images and style sheets are parts beside
it. The page is decoded with the part's charset and read by the web-page reader; the other
parts are ignored.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import codecs
import email
import email.policy
from email.message import Message

from ..errors import CorruptFileError, RectpipeError
from .blocks import Document

__all__ = ["read_mht"]


def read_mht(data: bytes) -> Document:
    """The blocks of the web page inside an MHTML archive (``Document(format="mht")``).

    Raises :class:`CorruptFileError` when the archive holds no web page or cannot be decoded.
    """
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        page = _first_page(message)
        if page is None:
            raise CorruptFileError("MHTML archive without a web page (no text/html part)")
        payload = page.get_payload(decode=True)
    except RectpipeError:
        raise
    except Exception as exc:  # a damaged archive must not crash a batch
        raise CorruptFileError(f"cannot read MHTML archive: {type(exc).__name__}: {exc}") from exc
    if not isinstance(payload, bytes) or not payload.strip():
        raise CorruptFileError("MHTML archive whose web page is empty")
    notes: list[tuple[str, str]] = []
    charset = page.get_content_charset()
    if charset:
        html = _as_utf8(payload, charset, notes)
        if html is not None:
            payload = html
    from .html import read_html

    document = read_html(payload)
    document.format = "mht"
    document.notes[:0] = notes
    location = str(message.get("Snapshot-Content-Location") or page.get("Content-Location") or "")
    if location.strip().lower().startswith(("http://", "https://")):
        document.hints.setdefault("页面地址", location.strip())  # a saved page's address
    return document


def _first_page(message: Message) -> Message | None:
    """The archive's first ``text/html`` part (the message itself for a single-part file)."""
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


def _as_utf8(payload: bytes, charset: str, notes: list[tuple[str, str]]) -> bytes | None:
    """``payload`` decoded with the charset the part declares and re-encoded as UTF-8 with a
    byte-order mark, so that the page's own ``<meta charset>`` (often left as Word wrote it)
    does not decide; ``None`` when the charset is unknown (the web-page reader detects it)."""
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        notes.append(("encoding_unknown", f"MHTML part declares unknown charset {charset!r}"))
        return None
    if codec in ("gb2312", "gbk"):
        codec = "gb18030"  # a superset: pages labelled GB2312 hold GBK characters
    try:
        text = payload.decode(codec)
    except UnicodeDecodeError:
        text = payload.decode(codec, errors="replace")
        notes.append(("encoding_replaced", f"undecodable bytes replaced while decoding as {codec}"))
    return codecs.BOM_UTF8 + text.encode("utf-8")
