"""Internal: the Word package as a zip container.

Refuses what is no package (empty data, OLE files: legacy ``.doc`` or an encrypted package) and
zip bombs (by the uncompressed sizes the zip directory declares, against the caller's limit);
finds parts case-insensitively, maps Strict OOXML to Transitional, follows a part's
relationships, and reads the core properties (title, creator, dates) into hints.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from ...errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    TooLargeError,
    UnsupportedFormatError,
)
from .ooxml import REL_NS, STRICT_W_NS, W_NS, safe_fromstring

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
        if blob is not None and STRICT_W_NS in blob:
            blob = blob.replace(STRICT_W_NS, W_NS.encode("ascii"))
        return blob

    def xml(self, name: str) -> etree._Element | None:
        """Member ``name`` parsed safely (Strict OOXML mapped to Transitional), or ``None``."""
        blob = self.xml_bytes(name)
        return safe_fromstring(blob) if blob is not None else None

    def relationships(self, part: str) -> dict[str, str]:
        """``{type suffix: target part name}`` of ``part``'s internal relationships (first wins)."""
        found: dict[str, str] = {}
        for _, kind, target in self._internal(part):
            if kind and kind not in found:
                found[kind] = target
        return found

    def targets(self, part: str) -> dict[str, str]:
        """``{relationship id: target part name}`` of ``part``'s internal relationships."""
        return {rid: target for rid, _, target in self._internal(part) if rid}

    def _internal(self, part: str) -> Iterator[tuple[str, str, str]]:
        """``(id, type suffix, target part name)`` of ``part``'s internal relationships that
        name a target, in order."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        if rels is None:
            return
        for rel in rels.iterchildren(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            yield rel.get("Id") or "", (rel.get("Type") or "").rsplit("/", 1)[-1], resolved


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
