"""A PDF parsed from its path is read from the file as needed, never loaded whole."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rectpipe.limits import Limits
from rectpipe.pipeline import parse_bytes_record, parse_file_record
from rectpipe.readers.in_place import fingerprint, reads_in_place
from rectpipe.readers.pdf import PdfInput, PdfiumCharSource, PdfplumberCharSource, read_pdf
from rectpipe.readers.pdf.budget import check_content_budget

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_PDF = SAMPLES / "seed-yongzhou.pdf"


def _forbid_read_bytes(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make reading ``path`` whole through ``Path.read_bytes`` fail."""
    read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self.resolve() == path.resolve():
            raise AssertionError(f"{path.name} read whole")
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)


def test_parse_file_reads_a_pdf_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = parse_bytes_record(SEED_PDF.read_bytes(), name=SEED_PDF.name)
    _forbid_read_bytes(monkeypatch, SEED_PDF)
    assert parse_file_record(SEED_PDF) == expected


def test_a_pdf_named_otherwise_is_read_in_place(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy = tmp_path / "~report.bin"  # sniffed as a PDF; a leading ~ is no home directory
    shutil.copyfile(SEED_PDF, copy)
    expected = parse_bytes_record(SEED_PDF.read_bytes(), name=copy.name)
    _forbid_read_bytes(monkeypatch, copy)
    assert parse_file_record(copy) == expected


def test_which_files_are_read_in_place(tmp_path: Path) -> None:
    size = SEED_PDF.stat().st_size
    assert reads_in_place(SEED_PDF, size, None)
    assert reads_in_place(SEED_PDF, size, "pdf")
    assert not reads_in_place(SEED_PDF, size, "txt")
    assert not reads_in_place(SEED_PDF, 0, None)
    text = tmp_path / "a.txt"
    text.write_text("整改进展情况", "utf-8")
    assert not reads_in_place(text, text.stat().st_size, None)


def test_a_capped_parse_reads_the_pdf_in_its_child(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = parse_bytes_record(SEED_PDF.read_bytes(), name=SEED_PDF.name)
    _forbid_read_bytes(monkeypatch, SEED_PDF)
    capped = Limits(timeout=120.0, max_memory_bytes=4096 * 1024 * 1024)
    assert parse_file_record(SEED_PDF, limits=capped) == expected


def test_fingerprint_of_a_file_is_that_of_its_bytes() -> None:
    data = SEED_PDF.read_bytes()
    assert (
        fingerprint(SEED_PDF) == fingerprint(data) == (hashlib.sha256(data).hexdigest(), len(data))
    )


@pytest.mark.parametrize("source", [PdfiumCharSource, PdfplumberCharSource])
def test_a_source_opened_on_a_path_holds_no_bytes(source: type) -> None:
    with source(PdfInput.of(SEED_PDF)) as opened:
        held = [value for value in vars(opened).values() if isinstance(value, (bytes, bytearray))]
        assert held == []
        assert opened.page_count > 0


def test_read_pdf_from_a_path_equals_from_bytes() -> None:
    data = SEED_PDF.read_bytes()
    assert read_pdf(SEED_PDF, engine="pdfium") == read_pdf(data, engine="pdfium")


def test_pdf_input_parts(tmp_path: Path) -> None:
    data = SEED_PDF.read_bytes()
    on_disk, in_memory = PdfInput.of(SEED_PDF), PdfInput.of(data)
    for pdf in (on_disk, in_memory):
        assert pdf.size == len(data)
        assert pdf.head(1024) == data[:1024]
        assert pdf.tail(2048) == data[-2048:]
        with pdf.view() as view:
            assert view.find(b"%%EOF") == data.find(b"%%EOF")
    assert on_disk.data is None
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with PdfInput.of(empty).view() as view:
        assert view == b""


def test_content_budget_from_a_path() -> None:
    check_content_budget(PdfInput.of(SEED_PDF), 256 * 1024)  # no page over, nothing raised


def test_a_map_refused_for_want_of_memory_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import mmap

    import rectpipe

    def refused(*args: object, **kwargs: object) -> mmap.mmap:
        raise OSError(errno.ENOMEM, "Cannot allocate memory")

    monkeypatch.setattr(mmap, "mmap", refused)
    with pytest.raises(rectpipe.TooLargeError, match="memory"):
        parse_file_record(SEED_PDF)


def test_a_small_file_is_hashed_without_loading_openssl() -> None:
    """In a process that has not loaded hashlib, a small file's SHA-256 comes from the
    interpreter's built-in module, and is the same digest."""
    probe = (
        "import sys\n"
        "from rectpipe.readers.in_place import fingerprint\n"
        "print(fingerprint(b'abc')[0], 'hashlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [hashlib.sha256(b"abc").hexdigest(), "False"]
