"""Provenance boxes: every value read from a PDF says where its characters lie on the page.

The boxes of text-PDF problems are checked against the page itself: the page is rasterised with
pypdfium2 and each box must hold the ink of its characters (dark pixels inside, the line's ink
rows inside its top and bottom, the ink starting and ending near its left and right edges).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

import rectpipe
from rectpipe.models import Box, Provenance
from rectpipe.writers import dumps

from .conftest import SAMPLES

SCALE = 2.0  # pixels per point
PDFS = ["seed-yongzhou.pdf", "family-b-xuncha.pdf", "family-d-shenji.pdf"]


@cache
def _page_pixels(name: str, number: int) -> Any:
    import numpy as np
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(SAMPLES / name))
    page = document[number - 1]
    image = page.render(scale=SCALE, grayscale=True).to_numpy()
    page.close()
    document.close()
    return np.asarray(image).reshape(image.shape[0], image.shape[1], -1)[..., 0]


def _ink(name: str, box: Box, pad: float = 0.0) -> Any:
    pixels = _page_pixels(name, box.page)
    top, bottom = int((box.top - pad) * SCALE), int((box.bottom + pad) * SCALE) + 1
    left, right = int((box.x0 - pad) * SCALE), int((box.x1 + pad) * SCALE) + 1
    return pixels[max(0, top) : bottom, max(0, left) : right] < 128


def _check_on_glyphs(name: str, box: Box) -> None:
    import numpy as np

    inside = _ink(name, box)
    assert inside.mean() > 0.04, f"{name} {box}: no ink inside"
    # vertically: the ink near the box lies within its top and bottom
    pad = 6.0
    around = _ink(name, box, pad)
    rows = np.nonzero(around.any(axis=1))[0] / SCALE - pad
    height = box.bottom - box.top
    assert rows.min() >= -1.5 and rows.max() <= height + 1.5, f"{name} {box}: ink above/below"
    # horizontally: the ink starts near the left edge and ends near the right one
    columns = np.nonzero(inside.any(axis=0))[0] / SCALE
    em = height
    assert columns.min() <= 0.6 * em, f"{name} {box}: ink starts late"
    assert columns.max() >= (box.x1 - box.x0) - 1.2 * em, f"{name} {box}: ink ends early"


@pytest.mark.parametrize("name", PDFS)
def test_text_pdf_problem_boxes_lie_on_the_glyphs(name: str) -> None:
    pytest.importorskip("numpy")
    report = rectpipe.parse_file(SAMPLES / name)
    checked = 0
    for problem in report.iter_problems():
        for field in ("title", "status"):
            where = problem.sources.get(field)
            if where is None:
                continue
            assert where.boxes, f"{name}: problem {problem.number} {field} has no box"
            for box in where.boxes:
                _check_on_glyphs(name, box)
                checked += 1
    assert checked >= 10


def test_one_box_per_line_piece_in_reading_order() -> None:
    report = rectpipe.parse_file(SAMPLES / "seed-yongzhou.pdf")
    for problem in report.iter_problems():
        where = problem.sources["actions"]
        assert where.boxes is not None
        block = report.blocks[where.block]
        assert where.boxes[0].page == block.page
        keys = [(b.page, b.top) for b in where.boxes]
        assert keys == sorted(keys), "boxes in reading order"
        assert len(set(keys)) == len(keys), "one box per line"
        for box in where.boxes:
            assert box.x0 < box.x1 and box.top < box.bottom


def test_boxes_span_exactly_the_value() -> None:
    """A title is one line piece: its box starts at its first character, not at the margin."""
    report = rectpipe.parse_file(SAMPLES / "seed-yongzhou.pdf")
    problem = report.iter_problems()[0]
    whole = problem.provenance.boxes
    title = problem.sources["title"].boxes
    assert whole is not None and title is not None and len(title) == 1
    assert title[0].x0 > whole[0].x0  # after the marker 1.
    assert title[0].x1 < whole[0].x1  # before the closing 。


def test_text_formats_have_no_boxes_and_no_new_keys() -> None:
    report = rectpipe.parse_file(SAMPLES / "seed-yongzhou.txt")
    assert all(p.provenance.boxes is None for p in report.iter_problems())
    data = json.loads(dumps(report, "json"))
    assert "boxes" not in json.dumps(data)
    assert all("confidence" not in block for block in data["blocks"])
    assert "ocr_pages" not in data["source"]


def test_boxes_survive_a_json_round_trip() -> None:
    report = rectpipe.parse_file(SAMPLES / "family-d-shenji.pdf")
    again = rectpipe.models.Report.model_validate_json(dumps(report, "json"))
    first = again.iter_problems()[0].provenance
    assert isinstance(first, Provenance) and first.boxes
    assert first.boxes == report.iter_problems()[0].provenance.boxes


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_every_provenance_has_the_boxes_of_its_pieces(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Placement takes a value's whole rows as one slice of its block's row boxes: the boxes
    are still those of its line pieces, one by one (:meth:`TextMap.boxes`), and a value with
    no piece has ``[]``."""
    from rectpipe import pipeline
    from rectpipe.extract.placement import place, provenances

    placed: list[Any] = []
    monkeypatch.setattr(pipeline, "place", lambda *args: (placed.append(args), place(*args)))
    rectpipe.parse_file(SAMPLES / name)
    report, textmap = placed[0]
    checked = 0
    for provenance in provenances(report):
        expected = textmap.boxes(provenance.start, provenance.end)
        got = provenance.boxes
        if expected is None:
            assert got is None
            continue
        assert got is not None
        assert [(b.page, b.x0, b.top, b.x1, b.bottom) for b in got] == expected
        checked += 1
    assert checked


def test_pieces_are_told_apart_by_their_keys() -> None:
    from rectpipe.extract.placement import _piece_key

    keys = {_piece_key(b, lo, hi) for b in (0, 1, 7) for lo in (0, 1, 5) for hi in (2, 6, 9)}
    assert len(keys) == 27
    assert isinstance(_piece_key(12_000, 2_000, 2_100), int)
    long = _piece_key(3, 5, 1 << 21)  # a block longer than an int's field holds: a tuple
    assert long == (3, 5, 1 << 21) and long != _piece_key(3, 5, (1 << 21) - 1)
