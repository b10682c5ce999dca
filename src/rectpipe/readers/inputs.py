"""The one list of document suffixes, and the one way a folder is searched for documents.

A folder given as input contributes the files whose suffix says they are documents rectpipe
reads (:data:`DOCUMENT_SUFFIXES`); hidden files and folders (``.x``) and Office lock files
(``~$x``) are skipped. A file named directly is always taken, whatever its suffix: its
content decides its format (:func:`rectpipe.readers.sniff.sniff_format`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DOCUMENT_SUFFIXES", "documents_in", "is_hidden", "iter_documents"]

#: Suffixes of the documents a folder contributes: text, Word (and legacy Word / WPS / ODT /
#: RTF through LibreOffice), PDF, web pages (and MHTML archives), workbooks, and scans (read
#: by OCR).
DOCUMENT_SUFFIXES = (
    ".txt",
    ".docx",
    ".doc",
    ".wps",
    ".odt",
    ".rtf",
    ".pdf",
    ".html",
    ".htm",
    ".shtml",
    ".mht",
    ".mhtml",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".ods",
    ".et",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
)


def is_hidden(name: str) -> bool:
    """A hidden file or folder (``.x``) or an Office lock file (``~$x``)."""
    return name.startswith((".", "~$"))


def documents_in(
    folder: Path, *, recursive: bool = True, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
) -> list[Path]:
    """The documents in ``folder`` (and, with ``recursive``, in its subfolders), by suffix, in
    sorted path order."""
    if not recursive:
        return sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and not is_hidden(p.name) and p.suffix.lower() in suffixes
        )
    return list(iter_documents(folder, suffixes=suffixes))


def iter_documents(
    folder: Path, *, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
) -> Iterator[Path]:
    """:func:`documents_in` (recursive) one at a time, each folder listed as the walk
    reaches it: the first documents come before a big tree has been walked."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_hidden(d))
        for name in sorted(files):
            if not is_hidden(name) and Path(name).suffix.lower() in suffixes:
                yield Path(root, name)
