"""PDF content placed on the page other than as drawn: pages shown turned, and pages whose
content sits in a Form XObject placed by a matrix.

- Pages shown turned (``/Rotate`` 90, 180, 270), their content drawn turned the other way so
  that it reads upright, as a PostScript printer's auto-rotation or a landscape ledger set on
  a portrait sheet makes them (rectpipe.readers.pdf.turned): read as shown, as if upright.
  Before, such a page had no upright glyph in its own space and the PDF no text at all
  (``structure_not_found``): every sample PDF turned so gave nothing, 0 of 50 exact.
- A page's content drawn as a form placed by a matrix (printed to fit at 90 %, a stamp or
  watermark tool that wraps the page): the form's rules are placed on the page as its glyphs
  are. Before, its rules stayed where the form's own space put them and its tables broke:
  39 of 50 sample PDFs exact so, 48 after (the two left read their smaller print otherwise:
  a heading's and a list's sizes and indents, not the rules)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfWriter, Transformation
from pypdf.generic import RectangleObject

from rectpipe.readers.dispatch import read_document
from rectpipe.readers.pdf.turned import _turn
from rectpipe.tools.evaluate import Totals, documents_with_facts, evaluate_document

from ..conftest import SAMPLES


def turned_pdf(source: Path, target: Path, quarters: int) -> Path:
    """``source`` with every page shown turned ``quarters`` quarter turns clockwise, its content
    turned as far the other way: it looks the same, its own space does not."""
    writer = PdfWriter(clone_from=str(source))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if quarters == 1:
            turn, box = Transformation().rotate(90).translate(height, 0), (0, 0, height, width)
        elif quarters == 2:
            turn, box = Transformation().rotate(180).translate(width, height), (0, 0, width, height)
        else:
            turn, box = Transformation().rotate(-90).translate(0, width), (0, 0, height, width)
        page.add_transformation(turn)
        page.mediabox = RectangleObject(box)
        page.cropbox = RectangleObject(box)
        page.rotation = 90 * quarters
    with target.open("wb") as out:
        writer.write(out)
    return target


def test_boxes_turn_as_the_page_is_shown() -> None:
    box = ([10.0], [20.0], [100.0], [110.0])  # left, right, top, bottom in a 300 x 200 space
    assert _turn(box, 1, 300.0, 200.0) == ([90.0], [100.0], [10.0], [20.0])
    assert _turn(box, 2, 300.0, 200.0) == ([280.0], [290.0], [90.0], [100.0])
    assert _turn(box, 3, 300.0, 200.0) == ([100.0], [110.0], [280.0], [290.0])
    assert _turn(box, 0, 300.0, 200.0) == box


@pytest.mark.parametrize("quarters", [1, 2, 3])
def test_a_turned_pdf_reads_as_it_is_shown(quarters: int, tmp_path: Path) -> None:
    source = SAMPLES / "shape-o02-univ-college-table-in-narrative-two-row-header.pdf"
    upright = read_document(source, "pdf")
    turned = read_document(turned_pdf(source, tmp_path / "turned.pdf", quarters), "pdf")
    assert [b.text for b in turned.blocks] == [b.text for b in upright.blocks]
    for a, b in zip(upright.blocks, turned.blocks, strict=True):
        assert b.bbox == pytest.approx(a.bbox, abs=0.02)  # as shown: the same place
    assert [r.text for r in turned.removed] == [r.text for r in upright.removed]


def test_every_sample_pdf_turned_keeps_its_facts(tmp_path: Path) -> None:
    totals = Totals()
    for facts, document in documents_with_facts(SAMPLES):
        if document.suffix == ".pdf":
            copy = turned_pdf(document, tmp_path / document.name, 1)
            totals.add(evaluate_document(copy, facts))
    assert totals.documents >= 50
    assert totals.exact_documents == totals.documents


def test_a_page_turned_only_for_showing_reads_as_its_content_stands(tmp_path: Path) -> None:
    """A viewer's rotation saved (``/Rotate`` 90, the content upright in the page's own
    space): shown sideways, read as the content stands, as before pages were turned."""
    source = SAMPLES / "seed-yongzhou.pdf"
    writer = PdfWriter(clone_from=str(source))
    for page in writer.pages:
        page.rotation = 90
    target = tmp_path / "sideways.pdf"
    with target.open("wb") as out:
        writer.write(out)
    upright = read_document(source, "pdf")
    sideways = read_document(target, "pdf")
    assert [b.text for b in sideways.blocks] == [b.text for b in upright.blocks]


def fitted_pdf(source: Path, target: Path, scale: float = 0.9) -> Path:
    """``source`` with each page's content drawn as a form, scaled to ``scale`` and centred."""
    pdf = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    for index in range(len(pdf)):
        width, height = pdf[index].get_size()
        form = pdf.page_as_xobject(index, out).as_pageobject()
        form.transform(
            pdfium.PdfMatrix()
            .scale(scale, scale)
            .translate(width * (1 - scale) / 2, height * (1 - scale) / 2)
        )
        page = out.new_page(width, height)
        page.insert_obj(form)
        page.gen_content()
    out.save(str(target))
    return target


def test_a_table_in_a_placed_form_keeps_its_rows(tmp_path: Path) -> None:
    source = SAMPLES / "shape-o01-county-zrzyj-xuncha-ledger-merged-cells.pdf"
    upright = read_document(source, "pdf")
    fitted = read_document(fitted_pdf(source, tmp_path / "fitted.pdf"), "pdf")
    tables = [b.cells for b in upright.blocks if b.cells]
    assert tables
    assert [b.cells for b in fitted.blocks if b.cells] == tables


def test_sample_pdfs_fitted_to_the_page_keep_their_facts(tmp_path: Path) -> None:
    totals = Totals()
    for facts, document in documents_with_facts(SAMPLES):
        if document.suffix == ".pdf":
            totals.add(evaluate_document(fitted_pdf(document, tmp_path / document.name), facts))
    assert totals.documents >= 50
    assert totals.exact_documents >= 48
