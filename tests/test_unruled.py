"""Tables without ruling lines in PDFs: columns from the alignment of the text, rows from the
first column, continued across pages. The seed laid out as a table without borders gives the
text seed's 26 problems, and the ruled ledger PDFs read with their lines ignored give the same
records as with them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import rectpipe
from rectpipe.readers.pdf import LayoutSettings, Line, read_pdf
from rectpipe.readers.pdf import document as pdf_document
from rectpipe.readers.pdf.unruled import line_stretches

from .conftest import ROOT, SAMPLES, SEED, problem_record

LEDGERS = ROOT / "tests" / "fixtures" / "ledgers"
NO_RULES = dataclasses.replace(LayoutSettings(), max_table_edges=0)


def test_the_seed_as_a_table_without_lines_gives_the_seed_problems() -> None:
    seed = [problem_record(p) for p in rectpipe.parse_file(SEED).iter_problems()]
    report = rectpipe.parse_file(LEDGERS / "seed-table-unruled.pdf")
    assert [problem_record(p) for p in report.iter_problems()] == seed


def test_the_table_without_lines_is_one_block_over_its_pages() -> None:
    document = read_pdf((LEDGERS / "seed-table-unruled.pdf").read_bytes())
    (table,) = [block for block in document.blocks if block.cells]
    rows = table.cells or ()
    assert rows[0] == ("序号", "反馈问题", "整改结果", "整改情况")
    data = [row for row in rows[1:] if row[1]]
    assert [row[0] for row in data] == [str(n) for n in range(1, 27)]
    categories = [row[0] for row in rows[1:] if not row[1]]
    assert len(categories) == 11 and all(c.startswith("（") for c in categories)


@pytest.mark.parametrize(
    "path",
    [
        LEDGERS / "ledger-cells.pdf",
        LEDGERS / "ledger-progress.pdf",
        LEDGERS / "seed-table.pdf",
    ],
    ids=lambda p: p.name,
)
def test_a_ruled_ledger_reads_the_same_without_its_lines(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruled = [problem_record(p) for p in rectpipe.parse_file(path).iter_problems()]
    monkeypatch.setattr(pdf_document, "find_tables", lambda edges, chars, settings: ([], chars))
    assert [problem_record(p) for p in rectpipe.parse_file(path).iter_problems()] == ruled


def test_a_cell_merged_down_is_only_in_its_first_row_without_lines() -> None:
    # Without lines a cell merged over two rows cannot be told from a cell of the first row:
    # the second row's 责任单位 stays empty (with lines it is filled).
    document = read_pdf((SAMPLES / "ledger-taizhang.pdf").read_bytes(), settings=NO_RULES)
    (table,) = [block for block in document.blocks if block.cells]
    rows = table.cells or ()
    assert rows[0][:3] == ("序号", "问题描述", "整改措施")
    assert [row[0] for row in rows[1:9]] == [str(n) for n in range(1, 9)]
    assert (rows[3][3], rows[4][3]) == ("机关服务中心", "")


def _line(text: str, positions: list[float], size: float = 10.0) -> Line:
    x0s = positions
    x1s = [x + size for x in positions]
    return Line(1, text, x0s[0], x1s[-1], 0, size, size, len(text), 0.0, x0s, x1s)


def test_a_line_is_cut_at_holes_of_more_than_half_an_em() -> None:
    # 阶段性完 | 一是: cell padding (11 pt at 10 pt) between the columns
    line = _line("完成一是", [0, 10, 31, 41])
    assert line_stretches(line, 0.6) == [(0, 20), (31, 51)]
    assert line_stretches(_line("完成一是", [0, 10, 22, 32]), 0.6) == [(0, 42)]


def test_running_text_has_no_table() -> None:
    for name in ("seed-yongzhou.pdf", "family-b-xuncha.pdf", "family-d-shenji.pdf"):
        document = read_pdf((SAMPLES / name).read_bytes())
        assert not any(block.cells for block in document.blocks), name
