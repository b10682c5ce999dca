"""The workbook output (-f xlsx), read back with openpyxl as a spreadsheet user's tools would."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import rectpipe
from rectpipe.cli import main
from rectpipe.writers import render
from rectpipe.writers.csv_rows import CSV_COLUMNS
from rectpipe.writers.xlsx import DOCUMENT_COLUMNS, MEASURE_COLUMNS, WARNING_COLUMNS

from .conftest import ROOT, SAMPLES, SEED

LEDGER = ROOT / "tests" / "fixtures" / "ledgers" / "ledger-progress.xlsx"


@pytest.fixture(scope="module")
def reports() -> list[rectpipe.Report]:
    return [rectpipe.parse_file(SEED), rectpipe.parse_file(SAMPLES / "family-d-shenji.txt")]


@pytest.fixture(scope="module")
def book(reports: list[rectpipe.Report]) -> openpyxl.Workbook:
    data = render(reports, "xlsx")
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def test_four_sheets_with_their_columns(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["problems", "measures", "documents", "warnings"]
    for name, columns in (
        ("problems", CSV_COLUMNS),
        ("measures", MEASURE_COLUMNS),
        ("documents", DOCUMENT_COLUMNS),
        ("warnings", WARNING_COLUMNS),
    ):
        assert tuple(c.value for c in book[name][1]) == columns


def test_one_row_per_problem_measure_document_and_warning(
    book: openpyxl.Workbook, reports: list[rectpipe.Report]
) -> None:
    problems = [p for r in reports for p in r.iter_problems()]
    assert book["problems"].max_row - 1 == len(problems)
    assert book["measures"].max_row - 1 == sum(len(p.measures) for p in problems)
    assert book["documents"].max_row - 1 == 2
    assert book["warnings"].max_row - 1 == sum(len(r.warnings) for r in reports)
    titles = [
        row[CSV_COLUMNS.index("title")]
        for row in book["problems"].iter_rows(2, None, values_only=True)
    ]
    assert titles == [p.title for p in problems]


def test_every_sheet_freezes_its_header_and_filters_every_column(
    book: openpyxl.Workbook,
) -> None:
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{max(2, sheet.max_row)}"


def test_every_sheet_prints_landscape_with_its_header_on_every_page(
    book: openpyxl.Workbook,
) -> None:
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.print_title_rows == "$1:$1"


def test_status_is_a_drop_down_of_the_closed_vocabulary(book: openpyxl.Workbook) -> None:
    sheet = book["problems"]
    (validation,) = sheet.data_validations.dataValidation
    column = openpyxl.utils.get_column_letter(CSV_COLUMNS.index("status") + 1)
    assert str(validation.sqref) == f"{column}2:{column}{sheet.max_row}"
    assert validation.type == "list"
    assert validation.formula1.strip('"').split(",") == [s.value for s in rectpipe.Status]


def test_dates_are_dates_and_widths_fit_chinese(book: openpyxl.Workbook) -> None:
    date = book["documents"].cell(2, DOCUMENT_COLUMNS.index("date") + 1).value
    assert date == datetime.datetime(2023, 12, 22)
    report_date = book["problems"].cell(2, CSV_COLUMNS.index("report_date") + 1).value
    assert report_date == datetime.datetime(2023, 12, 22)
    title = openpyxl.utils.get_column_letter(CSV_COLUMNS.index("title") + 1)
    # a Chinese title is wider than its character count: each character takes two columns
    assert book["problems"].column_dimensions[title].width > 30


def test_a_ledger_workbook_round_trips() -> None:
    report = rectpipe.parse_file(LEDGER)
    data = render(report, "xlsx")
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["problems"]
    assert sheet.max_row - 1 == len(report.iter_problems())


def test_cli_writes_one_workbook_for_several_inputs(tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    assert (
        main(
            [
                "extract",
                str(SEED),
                str(SAMPLES / "family-d-shenji.txt"),
                "-f",
                "xlsx",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert openpyxl.load_workbook(out)["documents"].max_row == 3
    folder = tmp_path / "each"
    assert main(["extract", str(SEED), "-f", "xlsx", "-o", f"{folder}/"]) == 0
    assert [p.name for p in folder.iterdir()] == ["seed-yongzhou.txt.xlsx"]


def test_cli_writes_the_workbook_to_stdout_as_bytes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rectpipe", "extract", str(SEED), "-f", "xlsx"],
        capture_output=True,
        check=True,
    )
    assert result.stdout[:2] == b"PK"  # a zip package
    assert openpyxl.load_workbook(io.BytesIO(result.stdout))["problems"].max_row == 27


def test_cli_extract_writes_csv_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "-f", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].lstrip("\ufeff").split(",")[:3] == ["source", "report_title", "issuer"]
    assert len(lines) > 26


def test_batch_writes_a_workbook_per_document(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(SEED), "--out", str(out), "-f", "xlsx", "-q"]) == 0
    assert openpyxl.load_workbook(out / "seed-yongzhou.txt.xlsx")["problems"].max_row == 27


def test_batch_writes_one_workbook_for_the_whole_batch(tmp_path: Path) -> None:
    book = tmp_path / "all.xlsx"
    inputs = [str(SEED), str(SAMPLES / "family-d-shenji.txt"), str(LEDGER)]
    assert main(["batch", *inputs, "--workbook", str(book), "--workers", "1", "-q"]) == 0
    workbook = openpyxl.load_workbook(book)
    sources = [row[0] for row in workbook["documents"].iter_rows(2, None, values_only=True)]
    assert sorted(sources) == sorted(Path(p).name for p in inputs)
    expected = sum(len(rectpipe.parse_file(p).iter_problems()) for p in inputs)
    problems = workbook["problems"]
    assert problems.max_row - 1 == expected
    (validation,) = problems.data_validations.dataValidation
    assert validation.type == "list"
    assert problems.freeze_panes == "A2"
    records = (tmp_path / "all.xlsx.manifest.jsonl").read_text("utf-8").splitlines()
    assert len(records) == 3 and all('"output": "all.xlsx"' in line for line in records)


def test_a_workbook_batch_cannot_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "all.xlsx"
    assert main(["batch", str(SEED), "--workbook", str(book), "--resume", "-q"]) == 2
    assert "--resume goes with --out or --db" in capsys.readouterr().err
    assert not book.exists()


def test_true_and_false_are_booleans_shown_as_words(book: openpyxl.Workbook) -> None:
    cell = book["problems"].cell(2, CSV_COLUMNS.index("long_term") + 1)
    assert cell.value is False
    assert cell.number_format == '"TRUE";"TRUE";"FALSE"'  # LibreOffice would show 0 otherwise
