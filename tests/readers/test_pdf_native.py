"""The native loop reads every glyph, box and text object as the ctypes calls do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rectpipe.readers.pdf import PdfiumCharSource, native

from ..conftest import SAMPLES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PDFS = sorted({*SAMPLES.glob("*.pdf"), *FIXTURES.rglob("*.pdf")})


def _pages(data: bytes) -> list[tuple[object, ...]]:
    source = PdfiumCharSource(data)
    try:
        return [
            (
                page.number,
                page.error,
                [tuple(char) for char in page.chars],
                [(e.x0, e.top, e.x1, e.bottom) for e in page.edges],
                page.image_count,
            )
            for page in source.pages()
        ]
    finally:
        source.close()


@pytest.fixture
def without_native() -> Iterator[None]:
    loaded = list(native._LOADED)
    native._LOADED[:] = [None]
    yield
    native._LOADED[:] = loaded


def test_the_library_is_built() -> None:
    """The install built it where a C compiler is present; elsewhere the ctypes path is used."""
    if not any(path.is_file() for path in native.library_paths()):
        pytest.skip("native loop not built (make native)")
    assert native.native_loops() is not None


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_native_and_ctypes_read_the_same(pdf: Path, without_native: None) -> None:
    data = pdf.read_bytes()
    through_ctypes = _pages(data)
    native._LOADED[:] = []  # load it again, as a fresh process would
    if native.native_loops() is None:
        pytest.skip("native loop not built (make native)")
    assert _pages(data) == through_ctypes
