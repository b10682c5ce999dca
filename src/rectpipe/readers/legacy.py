"""Legacy Word/WPS binaries (.doc, .wps), OpenDocument text (.odt) and RTF, through LibreOffice.

rectpipe does not parse these formats itself: when LibreOffice's ``soffice`` is on the PATH
the file is converted to .docx in a private temporary folder and read by the Word reader;
otherwise the error says what to install.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import CorruptFileError, MissingDependencyError, ParseTimeoutError
from .blocks import Document

__all__ = ["INSTALL_HINT", "SUFFIX", "convert_to_docx", "read_legacy", "soffice"]

INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) so that "
    "`soffice` is on the PATH, or save the file as .docx"
)
SUFFIX = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}


def soffice() -> str | None:
    """The LibreOffice executable, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, fmt: str, *, timeout: float = 120.0) -> bytes:
    """``data`` (a .doc/.wps, .odt or .rtf file) converted to .docx bytes by LibreOffice.

    Raises :class:`MissingDependencyError` without LibreOffice, :class:`CorruptFileError`
    when LibreOffice cannot convert the file, :class:`ParseTimeoutError` past ``timeout``.
    """
    program = soffice()
    if program is None:
        raise MissingDependencyError(f"{fmt} files need LibreOffice: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="rectpipe-lo-") as folder:
        source = Path(folder) / f"input{SUFFIX[fmt]}"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        command = [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": folder},
            )
        except subprocess.TimeoutExpired:
            raise ParseTimeoutError(f"LibreOffice took more than {timeout:g} s") from None
        target = source.with_suffix(".docx")
        if not target.exists() or target.stat().st_size == 0:
            raise CorruptFileError(f"LibreOffice could not convert this {fmt} file")
        return target.read_bytes()


def read_legacy(data: bytes, fmt: str, *, max_bytes: int | None = None) -> Document:
    """The blocks of a .doc/.wps/.odt/.rtf file, read through a LibreOffice conversion."""
    from .docx import read_docx

    document = read_docx(convert_to_docx(data, fmt), max_bytes=max_bytes)
    document.format = fmt
    document.notes.append(("converted", f"{fmt} converted to .docx by LibreOffice"))
    return document
