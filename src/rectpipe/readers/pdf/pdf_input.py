"""Internal: the PDF to read, as bytes in memory or as a file read from as it is needed.

A parse of a file hands the reader its path rather than its bytes: PDFium and pdfminer then
read the parts of the file they need when they need them, and the file's bytes are never all
held in memory at once (a 2000-page PDF is tens of megabytes). What looks at the whole file
(the ``/Encrypt`` search, the ``/Type3`` hint) scans it through a read-only memory map.
"""

from __future__ import annotations

import io
import mmap
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ...runtime.record import record

__all__ = ["PdfInput"]


@record
class PdfInput:
    """A PDF's bytes (``data``) or the file holding them (``path``): exactly one is set."""

    data: bytes | None = None
    path: Path | None = None

    @classmethod
    def of(cls, source: bytes | PdfInput | os.PathLike[str]) -> PdfInput:
        """``source`` as a :class:`PdfInput` (bytes, or the path of a file)."""
        if isinstance(source, PdfInput):
            return source
        if isinstance(source, (bytes, bytearray, memoryview)):
            return cls(data=bytes(source))
        return cls(path=Path(source))

    @property
    def size(self) -> int:
        """The number of bytes."""
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def head(self, count: int) -> bytes:
        """The first ``count`` bytes (fewer in a shorter file)."""
        if self.data is not None:
            return self.data[:count]
        with self.open() as stream:
            return stream.read(count)

    def tail(self, count: int) -> bytes:
        """The last ``count`` bytes (all of a shorter file)."""
        if self.data is not None:
            return self.data[-count:]
        with self.open() as stream:
            stream.seek(max(self.size - count, 0))
            return stream.read()

    def open(self) -> BinaryIO:
        """The bytes as a binary stream, to be closed by the caller."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    @contextmanager
    def view(self) -> Iterator[bytes | mmap.mmap]:
        """The whole of the bytes to search: the bytes themselves, or the file mapped
        read-only (its pages are read in as the search reaches them; nothing is copied)."""
        if self.data is not None:
            yield self.data
            return
        with self.open() as stream:
            if os.fstat(stream.fileno()).st_size == 0:
                yield b""
                return
            with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                yield mapped

    def read(self) -> bytes:
        """All the bytes (read from the file when they are not held)."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def for_pdfium(self) -> bytes | str:
        """What ``pypdfium2.PdfDocument`` opens: the bytes, or the file's name (PDFium then
        reads the file itself, as it needs it; made absolute, so that a name starting with
        ``~`` is not taken for a home directory)."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        return str(self.path.absolute())
