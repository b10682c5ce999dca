"""What a PDF's blocks hold until the report is placed: character edges as single-precision
floats only when that holds them exactly, and the text once."""

from __future__ import annotations

import math
from array import array
from pathlib import Path

from rectpipe.readers.blocks import Geometry, packed
from rectpipe.readers.pdf import read_pdf

SEED_PDF = Path(__file__).resolve().parents[2] / "samples" / "seed-yongzhou.pdf"


def test_exact_floats_are_packed_in_half_the_memory() -> None:
    values = [79.5, 120.25, 0.0, -0.0, 2.0**100, math.inf]
    made = packed(values)
    assert made.typecode == "f"
    assert made.tolist() == values
    assert math.copysign(1.0, made[3]) < 0.0


def test_other_values_stay_doubles() -> None:
    for values in ([79.5, 0.1], [1.0e300], [math.nan], [1.0e-45 / 3]):
        made = packed(array("d", values))
        assert made.typecode == "d"
        assert made.tobytes() == array("d", values).tobytes()


def test_geometry_reads_back_what_it_was_given() -> None:
    x0s, x1s = [10.0, 20.1], [20.0, 30.5]
    geometry = Geometry("整改", [0, 2], [1], [100.0], [112.0], x0s, x1s)
    assert (geometry.x0s.typecode, geometry.x1s.typecode) == ("d", "f")
    assert list(geometry.x0s) == x0s and list(geometry.x1s) == x1s
    assert geometry.row_box(0, 0, 2) == (1, 10.0, 100.0, 30.5, 112.0)


def test_a_pdf_from_pdfium_packs_its_edges() -> None:
    blocks = read_pdf(SEED_PDF.read_bytes(), engine="pdfium").blocks
    kinds = {b.geometry.x0s.typecode for b in blocks if b.geometry is not None}
    assert kinds == {"f"}


def test_a_paragraph_holds_its_text_once() -> None:
    blocks = read_pdf(SEED_PDF.read_bytes(), engine="pdfium").blocks
    placed = [b for b in blocks if b.geometry is not None]
    assert placed
    assert all(b.text is b.geometry.text for b in placed if b.geometry is not None)
