"""OCR for real: scanned and photographed versions of the samples, read by the pinned engine.

The scanned seed (17 pages at 200 dpi, an image-only PDF) is read once per test run; the other
variants only a page or two, since recognition costs seconds a page. Nothing is cached between
runs: the images are made by ``scripts/fixtures/make_scans.py`` into a temporary folder.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

import pytest

import rectpipe
from rectpipe.errors import MissingDependencyError, NoTextLayerError, UnsupportedFormatError
from rectpipe.limits import Limits
from rectpipe.models import Report

from . import hostile
from .conftest import SAMPLES
from .ocr_helpers import (
    OCR_INSTALLED,
    compare,
    edit_distance,
    every_metadata_field,
    make_scans,
    text_pages,
    variant,
)

needs_ocr = pytest.mark.skipif(not OCR_INSTALLED, reason="the OCR extra is not installed")
SEED_PAGE = 3  # the seed's page 3 holds the first part heading and problems 1 and 2


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="module")
def seed_text() -> Report:
    return rectpipe.parse_file(SAMPLES / "seed-yongzhou.pdf")


@pytest.fixture(scope="module")
def scanned_seed(scans: Path) -> Report:
    return rectpipe.parse_file(variant("seed-yongzhou", "scan200", scans))


@pytest.fixture(scope="module")
def photo_page(scans: Path) -> Path:
    return variant("seed-yongzhou", "photo", scans, [SEED_PAGE])


def _first_two(report: Report, seed_text: Report) -> None:
    """Problems 1 and 2 of the seed, read from its page 3: numbers, statuses, statements."""
    want = seed_text.iter_problems()[:2]
    got = {p.number: p for p in report.iter_problems()}
    for problem in want:
        assert problem.number in got, sorted(got)
        other = got[problem.number]
        assert other.status == problem.status
        assert edit_distance(problem.title, other.title) <= 1, (problem.title, other.title)


# -- the scanned seed --------------------------------------------------------------------------


@needs_ocr
def test_scanned_seed_gives_every_problem_as_the_text_pdf(
    scanned_seed: Report, seed_text: Report
) -> None:
    result = compare(seed_text, scanned_seed)
    assert result.found == result.expected == 26
    assert not result.wrong_numbers
    assert not result.wrong_statuses
    assert not result.wrong_metadata
    assert result.cer <= 0.005, f"statement CER {result.cer:.4f}"
    assert scanned_seed.source.ocr_pages == list(range(1, 18))


@needs_ocr
def test_scanned_seed_blocks_carry_confidence_and_boxes(scanned_seed: Report) -> None:
    assert all(b.confidence is not None and 0 < b.confidence <= 1 for b in scanned_seed.blocks)
    removed = {r.reason for r in scanned_seed.removed}
    assert {"page_number", "running_header"} <= removed
    for problem in scanned_seed.iter_problems():
        boxes = problem.sources["title"].boxes
        assert boxes, problem.number
        for box in boxes:
            assert 0 <= box.x0 < box.x1 <= 596 and 0 <= box.top < box.bottom <= 842


@needs_ocr
def test_scanned_seed_boxes_match_the_text_pdf_boxes(
    scanned_seed: Report, seed_text: Report
) -> None:
    """The same title lies at the same place, whether read from glyphs or from pixels."""
    for want, got in zip(seed_text.iter_problems(), scanned_seed.iter_problems(), strict=True):
        a, b = want.sources["title"].boxes, got.sources["title"].boxes
        assert a and b
        assert a[0].page == b[0].page
        assert abs(a[0].x0 - b[0].x0) < 8 and abs(a[0].top - b[0].top) < 8, (a[0], b[0])


# -- the scanned B–F samples ---------------------------------------------------------------------

FAMILY_PAGES: dict[str, list[int] | None] = {
    "family-b-xuncha": [1, 2, 8],
    "family-c-ducha": [1, 7, 8],
    "family-d-shenji": [1, 3, 7],
    "family-e-themed": [1, 4, 7],
    "family-f-summary": None,
}
"""The pages of each sample read here: the first (title, issuer, inspection, stated totals),
one with problems whose lines OCR used to break (a short last line, a heading in brackets and
quotes, nested quotes, a document number), and the last (signature date, contact); all pages
with ``RECTPIPE_OCR_ALL_PAGES=1``. The same pages of the text PDF are the reference."""


@pytest.fixture(scope="module")
def family_scans(scans: Path) -> dict[str, tuple[Path, Path]]:
    """``(text PDF, scan)`` of the pages of each B–F sample read here, the scans made now."""
    every = os.environ.get("RECTPIPE_OCR_ALL_PAGES") == "1"
    pairs = {}
    for stem, pages in FAMILY_PAGES.items():
        chosen = None if every else pages
        pairs[stem] = (text_pages(stem, chosen, scans), variant(stem, "scan200", scans, chosen))
    return pairs


@needs_ocr
@pytest.mark.parametrize("stem", list(FAMILY_PAGES))
def test_scanned_family_gives_the_problems_and_metadata_of_the_text_pdf(
    stem: str, family_scans: dict[str, tuple[Path, Path]]
) -> None:
    text, scan = family_scans[stem]
    reference = rectpipe.parse_file(text)
    started = time.perf_counter()
    scanned = rectpipe.parse_file(scan)
    seconds = time.perf_counter() - started
    result = compare(reference, scanned, every_metadata_field(), totals=True)
    pages = scanned.source.page_count
    print(
        f"{stem}: {pages} pages in {seconds:.1f} s ({pages / seconds:.2f} pages/s), "
        f"{result.found}/{result.expected} problems, title CER {result.title_cer:.4f} "
        f"({result.title_errors}/{result.title_characters}), statement CER {result.cer:.4f}"
    )
    assert scanned.source.ocr_pages == list(range(1, pages + 1))
    assert result.found == result.expected
    assert reference.iter_problems() or stem == "family-f-summary"
    assert not result.wrong_numbers
    assert not result.wrong_statuses
    assert not result.wrong_metadata
    assert result.title_cer <= 0.005, f"title CER {result.title_cer:.4f}"


# -- other variants, a page each ---------------------------------------------------------------


@needs_ocr
@pytest.mark.parametrize("kind", ["skew", "noise", "scan150"])
def test_degraded_scans_still_give_their_problems(
    kind: str, scans: Path, seed_text: Report
) -> None:
    report = rectpipe.parse_file(variant("seed-yongzhou", kind, scans, [SEED_PAGE]))
    _first_two(report, seed_text)


@needs_ocr
def test_photographed_page_still_gives_its_problems(photo_page: Path, seed_text: Report) -> None:
    report = rectpipe.parse_file(photo_page)
    assert report.source.format == "image"
    assert report.source.ocr_pages == [1]
    _first_two(report, seed_text)


@needs_ocr
def test_multi_page_tiff(scans: Path, seed_text: Report) -> None:
    from PIL import Image

    tool = make_scans()
    pages = tool.render_pages(SAMPLES / "seed-yongzhou.pdf", 200, [SEED_PAGE, SEED_PAGE + 1])
    path = scans / "seed-3-4.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(200, 200))
    assert Image.open(path).n_frames == 2
    report = rectpipe.parse_file(path)
    assert report.source.page_count == 2 and report.source.ocr_pages == [1, 2]
    assert [p.number for p in report.iter_problems()][:4] == ["1", "2", "3", "4"]
    _first_two(report, seed_text)


@needs_ocr
def test_mixed_pdf_is_read_page_by_page(scans: Path, seed_text: Report) -> None:
    """Pages 1–2 with their text layer, page 3 scanned: only page 3 is recognised."""
    import pypdfium2 as pdfium

    scanned = pdfium.PdfDocument(variant("seed-yongzhou", "scan200", scans, [SEED_PAGE]))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(SAMPLES / "seed-yongzhou.pdf"), [0, 1])
    mixed.import_pages(scanned, [0])
    buffer = io.BytesIO()
    mixed.save(buffer)
    report = rectpipe.parse_bytes(buffer.getvalue(), name="mixed.pdf")
    assert report.source.ocr_pages == [3]
    assert report.metadata.issuer == seed_text.metadata.issuer
    _first_two(report, seed_text)
    text_blocks = [b for b in report.blocks if b.page == 1]  # (a page-2 paragraph runs onto 3)
    assert text_blocks and all(b.confidence is None for b in text_blocks)
    assert all(b.confidence is not None for b in report.blocks if b.page == 3)


@needs_ocr
def test_low_confidence_titles_and_statuses_are_warned(
    photo_page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rectpipe.extract import placement

    monkeypatch.setattr(placement, "LOW_CONFIDENCE", 1.01)  # every OCR line is doubtful now
    report = rectpipe.parse_file(photo_page)
    low = [w for w in report.warnings if w.code == "low_ocr_confidence"]
    assert len(low) >= 4  # title and status of problems 1 and 2
    assert all(w.provenance is not None and w.provenance.boxes for w in low)


@needs_ocr
def test_ocr_always_reads_a_text_pdf_from_its_pixels(scans: Path) -> None:
    one = variant("seed-yongzhou", "scan200", scans, [1])  # any one-page PDF
    text_page = scans / "text-page.pdf"
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.import_pages(pdfium.PdfDocument(SAMPLES / "seed-yongzhou.pdf"), [SEED_PAGE - 1])
    document.save(text_page)
    report = rectpipe.parse_file(text_page, limits=Limits(ocr="always"))
    assert report.source.ocr_pages == [1]
    never = Limits(ocr="never")
    with pytest.raises(NoTextLayerError):
        rectpipe.parse_file(one, limits=never)


@needs_ocr
def test_ocr_page_limit(scans: Path) -> None:
    from rectpipe.errors import TooLargeError

    path = variant("seed-yongzhou", "scan200", scans, [1, 2])
    with pytest.raises(TooLargeError):
        rectpipe.parse_file(path, limits=Limits(max_ocr_pages=1))


def test_ocr_repairs_of_brackets_dashes_and_quotes() -> None:
    from rectpipe.text.repair_ocr import nested_quotes, ocr_punctuation

    assert ocr_punctuation("澄财函〔2024]15号") == "澄财函〔2024〕15号"
    assert ocr_punctuation("（江办发【2024】21号）") == "（江办发〔2024〕21号）"
    assert ocr_punctuation("（澄审报【2024）8号）") == "（澄审报〔2024〕8号）"
    assert ocr_punctuation("（云职院党发（2024〕3号）") == "（云职院党发〔2024〕3号）"
    assert ocr_punctuation("某某（2024）5号") == "某某（2024）5号"  # a matched pair as written
    assert ocr_punctuation("共（2024]项") == "共（2024]项"  # no document number
    assert ocr_punctuation("(四）坚持") == "（四）坚持"
    assert ocr_punctuation("（一)在") == "（一）在"
    assert ocr_punctuation("计划（2024一2026年）") == "计划（2024—2026年）"
    assert ocr_punctuation("一是统一思想") == "一是统一思想"
    assert ocr_punctuation("存在“重复绿、“轻治理”现象”") == "存在“重复绿、‘轻治理’现象”"
    assert ocr_punctuation("电子邮箱：ab_cd@163.como") == "电子邮箱：ab_cd@163.com。"
    assert ocr_punctuation("邮箱：x@mail.gov.cn0欢迎") == "邮箱：x@mail.gov.cn。欢迎"
    assert ocr_punctuation("邮箱：x@163.com") == "邮箱：x@163.com"
    assert ocr_punctuation("邮箱：comodo@163.com，电话") == "邮箱：comodo@163.com，电话"
    assert ocr_punctuation("见 www.example.como") == "见 www.example.como"  # no address
    assert ocr_punctuation("鹤川I市岳麓西路88号鹤川l大学") == "鹤川市岳麓西路88号鹤川大学"
    assert ocr_punctuation("启动I级响应，列入I类") == "启动I级响应，列入I类"  # Roman numerals
    assert ocr_punctuation("A股和B超") == "A股和B超"
    assert nested_quotes("“甲”与“乙”") == "“甲”与“乙”"
    assert nested_quotes("“甲“乙”") == "“甲“乙”"  # unbalanced: left as read
    assert nested_quotes("甲”“乙") == "甲”“乙"


def _placed(text: str, step: float, height: float, top: float = 100.0) -> Any:
    from rectpipe.readers.ocr.chars import PlacedLine
    from rectpipe.readers.ocr.sizes import han_widths

    x0s = [72.0 + k * step for k in range(len(text))]
    x1s = [x + 0.9 * step for x in x0s]
    em, ink = han_widths(text, x0s, x1s, [False] * len(text))
    return PlacedLine(text, x0s, x1s, top, top + height, 0.99, em, ink)


def test_ocr_line_sizes_follow_the_em_not_the_box() -> None:
    from rectpipe.readers.ocr.sizes import body_type, line_size

    body_lines = [_placed("根据工作部署开展专项整治工作" * 2, 16.0, 15.0) for _ in range(20)]
    body = body_type([body_lines])
    assert body is not None and body.height == 15.0 and body.em == 16.0
    assert line_size(body_lines[0], body) == 15.0
    # a heading in brackets and quotes, and a paragraph's last line: taller boxes, body type
    assert line_size(_placed("（一）关于“整改”问题的情况说明", 16.0, 19.0), body) == 15.0
    assert line_size(_placed("持。", 16.0, 19.5), body) == 15.0
    # a title in larger type keeps its height; a running header in smaller type is smaller
    assert line_size(_placed("关于整改进展情况的通报", 22.0, 21.0), body) == 21.0
    assert line_size(_placed("中共某某县委办公室", 10.5, 13.0), body) < 0.8 * 15.0
    # no Han: the box height decides, as before
    assert line_size(_placed("—12—", 8.0, 14.0), body) == 15.0


def test_ocr_digits_read_together_get_no_space() -> None:
    """The engine's boxes of 1 and 8 stand apart; its text has no space between them."""
    from rectpipe.readers.ocr.chars import place_lines, to_chars
    from rectpipe.readers.ocr.engine import Recognised
    from rectpipe.readers.pdf.lines import line_text

    def box(x0: float, x1: float) -> list[list[float]]:
        return [[x0, 100.0], [x1, 100.0], [x1, 130.0], [x0, 130.0]]

    text = "长18.6公里"
    edges = [(0, 30), (38, 50), (60, 72), (74, 80), (82, 94), (100, 130), (132, 162)]
    line = Recognised(text, 0.99, box(0, 164), [box(a, b) for a, b in edges])
    (placed,) = place_lines([line], 2.0, 1000, 1000)
    assert line_text(to_chars([placed], None)) == "长18.6公里"


# -- without the extra ---------------------------------------------------------------------------


def _without_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from rectpipe.readers import ocr
    from rectpipe.readers.ocr import engine

    monkeypatch.setattr(ocr, "available", lambda: False)
    monkeypatch.setattr(engine, "available", lambda: False)


def test_without_the_extra_a_scan_stays_no_text_layer_with_the_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_engine(monkeypatch)
    with pytest.raises(NoTextLayerError, match=r"rectpipe\[ocr\]"):
        rectpipe.parse_bytes(hostile.image_only_pdf(), name="scan.pdf")
    with pytest.raises(MissingDependencyError, match=r"rectpipe\[ocr\]"):
        rectpipe.parse_bytes(hostile.image_only_pdf(), limits=Limits(ocr="always"))


def test_without_the_extra_an_image_is_unsupported_with_the_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_engine(monkeypatch)
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    with pytest.raises(UnsupportedFormatError, match=r"rectpipe\[ocr\]"):
        rectpipe.parse_bytes(png, name="page.png")


def test_ocr_never_refuses_images() -> None:
    with pytest.raises(UnsupportedFormatError):
        rectpipe.parse_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), limits=Limits(ocr="never"))


def test_importing_rectpipe_does_not_load_the_engine() -> None:
    import subprocess
    import sys

    code = (
        "import sys, rectpipe; rectpipe.parse_file(sys.argv[1]);"
        "print(any(m.startswith(('rapidocr', 'onnxruntime', 'cv2')) for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "seed-yongzhou.pdf")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_ocr_repairs_keep_the_original_and_warn() -> None:
    from rectpipe.pipeline import parse_document
    from rectpipe.readers.blocks import Block, Document
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation("加强丶落实·") == "加强、落实。"
    assert ocr_punctuation("一12一") == "—12—"
    assert ocr_punctuation("２０２３年,完成(一期)") == "2023年，完成（一期）"
    blocks = [
        Block("关于整改落实情况的报告", confidence=0.99),
        Block("一、存在问题", confidence=0.99),
        Block("1.制度执行不严丶落实不到位·", confidence=0.95),
        Block("整改结果：已完成·", confidence=0.97),
    ]
    source: Any = rectpipe.models.Source(format="pdf", sha256="0" * 64, size=1)
    report = parse_document(Document(blocks, "pdf"), source=source)
    (problem,) = report.iter_problems()
    assert problem.title == "制度执行不严、落实不到位"
    changed = [b for b in report.blocks if b.original is not None]
    assert any(b.original == "1.制度执行不严丶落实不到位·" for b in changed)
    assert "text_repaired_ocr" in {w.code for w in report.warnings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在“贯彻落实决策部署’方面", "在“贯彻落实决策部署”方面"),  # ” read as ’
        ("“甲”和“乙’", "“甲”和“乙”"),
        ("‘乙”", "‘乙’"),  # ’ read as ”
        ("关于“落实‘管发展’要求”问题", "关于“落实‘管发展’要求”问题"),  # right as it is
        ("关于“落实‘管发展”要求。”", "关于“落实‘管发展’要求。”"),  # a ” still to come closes “
        ("“甲‘乙”", "“甲‘乙”"),  # none to come: the ” may close the “
        ("问题’", "问题’"),  # nothing open: left alone
    ],
)
def test_a_closing_quote_of_the_wrong_kind_closes_what_is_open(text: str, expected: str) -> None:
    from rectpipe.text.repair_ocr import closing_quotes

    assert closing_quotes(text) == expected
