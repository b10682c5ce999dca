"""The content budget's bound from the bytes alone (``readers/pdf/budget_bound.py``): it may
only say a file is within the budget when the page-by-page count agrees, and it must say so
for ordinary files (or it spares nothing)."""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from rectpipe.errors import TooLargeError
from rectpipe.readers.pdf.budget import check_content_budget
from rectpipe.readers.pdf.budget_bound import within_budget

from . import hostile
from .conftest import SAMPLES

MB = 1024 * 1024
FIXTURES = Path(__file__).parent / "fixtures"
TEXT = b"BT /F1 12 Tf 10 10 Td (x) Tj ET "


def _counted_within(data: bytes, budget: int) -> bool:
    try:
        check_content_budget(data, budget)
    except TooLargeError:
        return False
    return True


def _one_page(contents: bytes, *streams: bytes, extra: list[bytes] | None = None) -> bytes:
    """A page whose ``/Contents`` is ``contents``; ``streams`` are objects 4, 5… (each a
    stream's dictionary and data), then ``extra`` objects."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents "
        + contents
        + b" >>",
        *streams,
        *(extra or []),
    ]
    return hostile._pdf(objects)


def _flate(data: bytes, dictionary: bytes = b"/Filter /FlateDecode") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d %s >>\nstream\n" % (len(packed), dictionary) + packed + b"\nendstream"


def _pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf")) + sorted(FIXTURES.rglob("*.pdf"))


def test_the_bound_never_passes_a_page_the_count_refuses() -> None:
    checked = 0
    for path in _pdfs():
        data = path.read_bytes()
        for budget in (2 * 1024, 16 * 1024, 128 * 1024, 64 * MB):
            if within_budget(data, budget):
                checked += 1
                assert _counted_within(data, budget), (path.name, budget)
    assert checked > 100


def test_ordinary_files_are_within_the_bound() -> None:
    """Word, LibreOffice and WPS exports, scans and the seed: the bound spares the walk for
    all but a few (the ones with forms)."""
    paths = _pdfs()
    within = [path for path in paths if within_budget(path.read_bytes(), 64 * MB)]
    assert len(within) >= 0.9 * len(paths), [p.name for p in paths if p not in within]


def test_a_file_read_through_the_bound_never_imports_pdfminer(tmp_path: Path) -> None:
    code = (
        "import sys, rectpipe\n"
        f"rectpipe.parse_file({str(SAMPLES / 'seed-yongzhou.pdf')!r})\n"
        "assert 'pdfminer' not in sys.modules, 'pdfminer imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


BOMB = b" " * (2 * MB)


@pytest.mark.parametrize(
    "name, data",
    [
        ("a flate bomb", hostile.flate_bomb_pdf(8)),
        ("forms drawn twice", hostile.form_xobject_pdf("twice")),
        ("forms fanning out", hostile.form_xobject_pdf("fanout")),
        ("a Type 3 glyph", hostile.type3_glyph_pdf()),
        ("one stream named often", _one_page(b"[" + b"4 0 R " * 8 + b"]", _flate(BOMB))),
        (
            "a filter twice",
            _one_page(
                b"4 0 R",
                _flate(zlib.compress(BOMB), b"/Filter [/FlateDecode /FlateDecode]"),
            ),
        ),
        (
            "an indirect filter",
            _one_page(b"4 0 R", _flate(BOMB, b"/Filter 5 0 R"), b"/FlateDecode"),
        ),
        (
            "an escaped name",
            _one_page(b"[" + b"4 0 R " * 8 + b"]", _flate(BOMB)).replace(
                b"/Contents", b"/Cont#65nts"
            ),
        ),
        (
            "contents that are an array object",
            _one_page(b"5 0 R", _flate(BOMB), b"[" + b"4 0 R " * 8 + b"]"),
        ),
        (
            "contents redefined by an update",
            _one_page(b"4 0 R", _flate(BOMB)) + b"4 0 obj\n[" + b"5 0 R " * 8 + b"]\nendobj\n",
        ),
        ("a damaged stream", _one_page(b"4 0 R", _flate(BOMB).replace(b"\x00", b"\x01"))),
        (
            "a stream cut off with the file",
            _one_page(b"4 0 R", _flate(BOMB)).split(b"stream\n")[0]
            + b"stream\n"
            + zlib.compress(BOMB)[:1000],
        ),
        (
            "a stream keyword with a space before its end of line",
            _one_page(b"4 0 R", _flate(BOMB).replace(b"stream\n", b"stream \n", 1)),
        ),
    ],
)
def test_what_the_bytes_leave_in_doubt_goes_to_the_count(name: str, data: bytes) -> None:
    assert not within_budget(data, 4 * MB), name


def test_contents_hidden_in_an_object_stream_are_read() -> None:
    """A page's dictionary packed in an object stream: its ``/Contents`` is found there."""
    stream = _flate(BOMB)
    packed = b"3 0 << /Type /Page /Contents [" + b"4 0 R " * 8 + b"] >>"
    objstm = _flate(packed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode")
    data = hostile._pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    )
    data += b"4 0 obj\n" + stream + b"\nendobj\n5 0 obj\n" + objstm + b"\nendobj\n"
    assert not within_budget(data, 4 * MB)
    assert within_budget(data, 32 * MB)  # eight times two megabytes, counted


def test_contents_defined_again_in_an_object_stream_go_to_the_count() -> None:
    """Which definition PDFium takes is the cross-reference's to say, not the bytes'."""

    def packing(number: int) -> bytes:
        packed = b"%d 0 [" % number + b"5 0 R " * 8 + b"]"
        objstm = _flate(packed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode")
        return _one_page(b"4 0 R", _flate(TEXT), _flate(BOMB), objstm)

    assert not within_budget(packing(4), 4 * MB)
    assert within_budget(packing(9), 4 * MB)


def test_a_stream_named_once_within_the_budget_is_within() -> None:
    data = _one_page(b"[4 0 R 5 0 R]", _flate(BOMB), _flate(TEXT))
    assert within_budget(data, 4 * MB)
    assert _counted_within(data, 4 * MB)
    assert not within_budget(data, 2 * MB)
    assert not _counted_within(data, 2 * MB)
