"""Files read where they lie rather than loaded whole: which ones, and their fingerprint.

A PDF given by its path is read by the PDF reader from the file itself, as it needs the
file's parts (see :mod:`rectpipe.readers.pdf.pdf_input`): a long PDF's bytes are then never
all in memory at once (a parse under a timeout or a memory cap reads it so in its child
process). Every other format is read from its bytes.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["fingerprint", "reads_in_place"]

_CHUNK = 1 << 20


def reads_in_place(path: Path, size: int, format: str | None) -> bool:
    """Whether the file at ``path`` (``size`` bytes) is read from the file itself: a PDF
    (``format``, else its first KiB, as :func:`~.sniff.sniff_format` tells a PDF). Raises
    :class:`OSError` when the file cannot be read."""
    if size == 0:
        return False
    if format is not None:
        return format == "pdf"
    with path.open("rb") as stream:
        return b"%PDF-" in stream.read(1024)


def fingerprint(data: bytes | Path) -> tuple[str, int]:
    """The SHA-256 (hex) and the size of ``data``: bytes, or a file read in chunks."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest(), len(data)
    digest = hashlib.sha256()
    size = 0
    with data.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
