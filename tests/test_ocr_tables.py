"""Ruled tables on scanned pages: a scanned ledger is read cell by cell, as its text PDF is.

The rules are found in the page's pixels (:mod:`rectpipe.readers.ocr.rules`): unit tests on
drawn images say what is and is not a rule; the OCR tests read scans of the ledger fixtures
(made by ``scripts/fixtures/make_scans.py`` into a temporary folder, nothing cached) and
compare every problem with the text PDF's.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import rectpipe
from rectpipe.readers.ocr.rules import find_rules, without_rule_marks
from rectpipe.readers.pdf.glyphs import Char
from rectpipe.readers.pdf.sources import Edge
from rectpipe.text.repair_ocr import ocr_punctuation, straight_quotes

from .ocr_helpers import OCR_INSTALLED, make_scans

needs_ocr = pytest.mark.skipif(not OCR_INSTALLED, reason="the OCR extra is not installed")
np = pytest.importorskip("numpy")
LEDGERS = Path(__file__).parent / "fixtures" / "ledgers"
SCALE = 2.0  # pixels per point, as pages are rendered for the engine


def _page(width: int = 1200, height: int = 800) -> Any:
    return np.full((height, width, 3), 255, dtype=np.uint8)


def _grid(image: Any, xs: list[int], ys: list[int], *, header_only: tuple[int, ...] = ()) -> None:
    """Rules at ``ys`` across and ``xs`` down; the inner columns in ``header_only`` are drawn
    in the first row only (a title row spanning the rest)."""
    for y in ys:
        image[y : y + 2, xs[0] : xs[-1] + 2] = 0
    for k, x in enumerate(xs):
        bottom = ys[1] if k in header_only else ys[-1]
        image[ys[0] : bottom + 2, x : x + 2] = 0


def _rules(edges: list[Edge]) -> tuple[list[int], list[int]]:
    """Rounded positions (pixels) of the horizontal and the vertical rules."""
    flat = sorted({round(e.top * SCALE) for e in edges if e.top == e.bottom})
    upright = sorted({round(e.x0 * SCALE) for e in edges if e.x0 == e.x1})
    return flat, upright


def _near(found: list[int], drawn: list[int]) -> bool:
    """One rule found for each drawn, each within 2 pixels of it."""
    return len(found) == len(drawn) and all(
        abs(f - d) <= 2 for f, d in zip(found, drawn, strict=True)
    )


def test_a_ruled_table_with_a_one_line_header_gives_every_rule() -> None:
    """The header row is 26 pixels (13 pt) high: its inner rules are too short to be rules on
    their own, but each continues a long rule and ends on rules at both ends."""
    image = _page()
    xs, ys = [100, 170, 420, 560, 1000], [100, 126, 300, 500, 700]
    _grid(image, xs, ys)
    flat, upright = _rules(find_rules(image, SCALE))
    assert _near(flat, ys), flat
    assert _near(upright, xs), upright


def test_text_and_filled_shapes_are_not_rules() -> None:
    """A long bar of bold text ending on no rule, a short stroke inside a cell, and a filled
    block are not rules; the table's own rules are."""
    image = _page()
    xs, ys = [100, 400, 1000], [100, 300, 500]
    _grid(image, xs, ys)
    image[200:202, 150:300] = 0  # a 75 pt stroke-like bar inside a cell, touching no rule
    image[350:370, 450:470] = 0  # a stroke, short
    image[550:650, 450:900] = 0  # a filled block below the table
    flat, upright = _rules(find_rules(image, SCALE))
    assert _near(flat, ys), flat
    assert _near(upright, xs), upright


def test_a_page_without_a_table_has_no_rules() -> None:
    image = _page()
    image[400:402, 100:1100] = 0  # one line across the page (a signature line, a separator)
    assert find_rules(image, SCALE) == []


def test_a_table_scanned_askew_gives_straight_rules_turned_as_its_lines() -> None:
    """A grid turned by 1.2°, found with the page's angle: its rules come back straight, in
    the coordinates the page's recognised lines are turned to."""
    from PIL import Image

    image = _page()
    xs, ys = [100, 400, 1000], [100, 300, 500, 700]
    _grid(image, xs, ys)
    turned = np.asarray(
        Image.fromarray(image).rotate(-1.2, resample=Image.Resampling.BICUBIC, fillcolor=(255,) * 3)
    )
    edges = find_rules(turned, SCALE, math.radians(1.2))
    flat, upright = _rules(edges)
    assert _near(flat, ys), flat
    assert _near(upright, xs), upright


def test_a_piece_of_rule_read_as_a_character_is_dropped() -> None:
    rule = Edge(100.0, 50.0, 100.0, 300.0)
    chars = [
        Char("|", 99.0, 101.5, 60.0, 70.0, 10.0),  # on the rule
        Char("「", 101.0, 104.0, 80.0, 90.0, 10.0),  # beside it, a few points off
        Char("「", 150.0, 160.0, 80.0, 90.0, 10.0),  # a real bracket inside the cell
        Char("序", 110.0, 120.0, 60.0, 70.0, 10.0),
    ]
    kept = without_rule_marks(chars, [rule])
    assert [c.text for c in kept] == ["「", "序"]
    assert without_rule_marks(chars, []) == chars


def test_ocr_quotes_and_dots_between_sentences() -> None:
    assert straight_quotes('“十四五"园区') == "“十四五”园区"
    assert straight_quotes('落实”三重一大"事项') == "落实“三重一大”事项"
    assert straight_quotes('一个"落单') == '一个"落单'  # odd: left as read
    assert ocr_punctuation("管理机制不顺·按照“一区两园”架构") == "管理机制不顺。按照“一区两园”架构"
    assert ocr_punctuation("择期开庭·四是吸取教训") == "择期开庭。四是吸取教训"


# -- scans of the ledger fixtures, read for real -------------------------------------------------


def _fields(report: rectpipe.Report) -> list[tuple[Any, ...]]:
    return [
        (p.number, p.title, p.status, len(p.measures), p.responsible, p.deadline)
        for p in report.iter_problems()
    ]


def _scan(stem: str, kind: str, out: Path, pages: list[int] | None = None) -> Path:
    made: list[Path] = make_scans().make_variant(LEDGERS / f"{stem}.pdf", kind, out, pages)
    return made[0]


@needs_ocr
@pytest.mark.parametrize("kind", ["scan200", "skew", "scan150", "noise"])
def test_a_scanned_ledger_gives_the_problems_of_its_text_pdf(kind: str, tmp_path: Path) -> None:
    """One page, six columns, measures numbered inside cells: every problem with the text
    PDF's number, title, status, measures, responsible unit and deadline."""
    want = _fields(rectpipe.parse_file(LEDGERS / "ledger-cells.pdf"))
    report = rectpipe.parse_file(_scan("ledger-cells", kind, tmp_path))
    assert _fields(report) == want
    assert any(b.kind == "table" for b in report.blocks)


@needs_ocr
def test_a_scanned_ledger_across_pages_is_one_table(tmp_path: Path) -> None:
    """The merged-cell seed ledger's first three pages: the header repeated on each page is no
    row, merged cells cut by a page break are joined, and each problem is the text PDF's."""
    import pypdfium2 as pdfium

    pages = [1, 2, 3]
    text = tmp_path / "text.pdf"
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(LEDGERS / "seed-table-merged.pdf"), [0, 1, 2])
    document.save(text)
    want = _fields(rectpipe.parse_file(text))
    assert len(want) >= 4
    report = rectpipe.parse_file(_scan("seed-table-merged", "scan200", tmp_path, pages))
    assert _fields(report) == want
    assert sum(b.kind == "table" for b in report.blocks) == 1


@needs_ocr
def test_a_scanned_unruled_ledger_gives_its_rows(tmp_path: Path) -> None:
    """The seed ledger laid out without rules, pages 2 and 3 scanned: columns come from the
    alignment of the recognised lines, as for a text PDF, and every problem's number and
    title are the text PDF's. (Statuses are not yet: a status cell wrapped over two lines,
    阶段性完 / 成, is cut between rows.)"""
    import pypdfium2 as pdfium

    text = tmp_path / "text.pdf"
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(LEDGERS / "seed-table-unruled.pdf"), [1, 2])
    document.save(text)
    want = [(p.number, p.title) for p in rectpipe.parse_file(text).iter_problems()]
    assert len(want) == 8
    report = rectpipe.parse_file(_scan("seed-table-unruled", "scan200", tmp_path, [2, 3]))
    assert [(p.number, p.title) for p in report.iter_problems()] == want


@needs_ocr
def test_a_row_number_the_detector_passed_over_is_read_from_its_cell(tmp_path: Path) -> None:
    """On the seed ledger's page 5 the engine's detector finds no line around the number 20,
    alone in its cell beside a category row: the cell holds ink but no character, so it is
    read again on its own, and problem 20 keeps its number."""
    import pypdfium2 as pdfium

    text = tmp_path / "text.pdf"
    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(LEDGERS / "seed-table.pdf"), [4])
    document.save(text)
    want = _fields(rectpipe.parse_file(text))
    assert "20" in [number for number, *_ in want]
    report = rectpipe.parse_file(_scan("seed-table", "scan200", tmp_path, [5]))
    assert _fields(report) == want
