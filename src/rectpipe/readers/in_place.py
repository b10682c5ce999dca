"""Files read where they lie rather than loaded whole: which ones, and their fingerprint.

A PDF given by its path is read by the PDF reader from the file itself, as it needs the
file's parts (see :mod:`rectpipe.readers.pdf.pdf_input`): a long PDF's bytes are then never
all in memory at once (a parse under a timeout or a memory cap reads it so in its child
process). Every other format is read from its bytes.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

__all__ = ["fingerprint", "reads_in_place"]

_CHUNK = 1 << 20
# Below this many bytes, a process that has not loaded hashlib hashes with the interpreter's
# own SHA-256 module: hashlib loads OpenSSL (about 2.5 ms of a short command's start-up), and
# the built-in module hashes at a few hundred MB/s, so a file under 1 MiB costs it less than
# that; above, or once hashlib is loaded (a batch worker), OpenSSL's is the faster.
_SMALL = 1 << 20


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
        return _sha256(len(data))(data).hexdigest(), len(data)
    digest = _sha256(data.stat().st_size)()
    size = 0
    with data.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _sha256(size: int) -> Any:
    """The SHA-256 constructor to hash ``size`` bytes with (both give the same digest)."""
    if size < _SMALL and "hashlib" not in sys.modules:
        for name in ("_sha256", "_sha2"):  # the built-in module's name before / from 3.12
            try:
                return importlib.import_module(name).sha256
            except ImportError:
                continue
    import hashlib

    return hashlib.sha256
