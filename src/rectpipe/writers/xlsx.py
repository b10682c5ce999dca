"""Reports → one Excel workbook, for the people who live in spreadsheets.

Sheets:

- ``problems``: one row per problem, the CSV columns (:data:`rectpipe.writers.csv_rows.CSV_COLUMNS`,
  the JSONL keys flattened); ``status`` offers the closed vocabulary as a drop-down list, and
  ``report_date`` is a real date;
- ``measures``: one row per measure, with its problem's source, number and title;
- ``documents``: one row per report: metadata (dates as real dates where the day is known),
  counts and stated totals;
- ``warnings``: one row per warning, with the problem it concerns when it names one.

Every sheet has its header row frozen, a filter on every column and column widths that fit
Chinese text (a CJK character counts as two), and prints landscape with its header on every
page. Written with xlsxwriter: :class:`WorkbookWriter` writes rows as reports come (to a file
in constant memory), :class:`WorkbookRows` holds one report's rows as plain values.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from ..models.report import Report, Status
from ..runtime.record import field, record
from .csv_rows import CSV_COLUMNS, csv_rows

__all__ = [
    "DOCUMENT_COLUMNS",
    "MEASURE_COLUMNS",
    "WARNING_COLUMNS",
    "WorkbookRows",
    "WorkbookWriter",
    "dumps_xlsx",
]

MEASURE_COLUMNS = ("source", "problem_id", "number", "title", "ordinal", "marker", "text")
DOCUMENT_COLUMNS = (
    "source",
    "sha256",
    "format",
    "title",
    "issuer",
    "date",
    "document_number",
    "inspection_kind",
    "inspecting_body",
    "period_start",
    "period_end",
    "feedback_date",
    "problems",
    "measures",
    "stated_problems",
    "stated_completed",
    "stated_in_progress",
    "stated_completion_rate",
    "consistent",
    "warnings",
    "schema_version",
)
WARNING_COLUMNS = ("source", "code", "message", "problem_id", "start", "end", "page")
_DATE_COLUMNS = frozenset({"report_date", "date", "period_start", "period_end", "feedback_date"})
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_STATUSES = [status.value for status in Status]


def _source(report: Report) -> str:
    return report.source.file_name or report.source.sha256


def _as_date(value: Any) -> Any:
    """An ISO day (2024-07-18) as a date; anything else (2024-07, free text) as it is."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _display_width(value: Any) -> int:
    text = value.isoformat() if isinstance(value, datetime.date) else str(value or "")
    longest = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)


_NUMBER_COLUMNS = frozenset(
    {"provenance_start", "provenance_end", "provenance_block", "provenance_page"}
)


def _typed(column: str, cell: str) -> Any:
    """A CSV cell as the spreadsheet's type: dates, numbers and true/false as such."""
    if not cell:
        return None
    if column in _DATE_COLUMNS:
        return _as_date(cell)
    if column in _NUMBER_COLUMNS and cell.isdigit():
        return int(cell)
    if column == "long_term":
        return cell == "true"
    return cell


def _problem_rows(report: Report) -> list[list[Any]]:
    return [[_typed(c, row[c]) for c in CSV_COLUMNS] for row in csv_rows(report)]


def _measure_rows(report: Report) -> list[list[Any]]:
    return [
        [_source(report), p.id, p.number, p.title, m.ordinal, m.marker, m.text]
        for p in report.iter_problems()
        for m in p.measures
    ]


def _document_row(report: Report) -> list[Any]:
    meta, summary = report.metadata, report.summary
    stated = summary.stated
    return [
        _source(report),
        report.source.sha256,
        report.source.format,
        meta.title,
        meta.issuer,
        _as_date(meta.date),
        meta.document_number,
        meta.inspection_kind.value if meta.inspection_kind else None,
        meta.inspecting_body,
        _as_date(meta.period_start),
        _as_date(meta.period_end),
        _as_date(meta.feedback_date),
        summary.problems,
        summary.measures,
        stated.problems if stated else None,
        stated.completed if stated else None,
        stated.in_progress if stated else None,
        stated.completion_rate if stated else None,
        summary.consistent,
        len(report.warnings),
        report.schema_version,
    ]


def _warning_rows(report: Report) -> list[list[Any]]:
    owner: dict[tuple[int, int], str] = {}
    for problem in report.iter_problems():
        owner[(problem.provenance.start, problem.provenance.end)] = problem.id
    rows = []
    for warning in report.warnings:
        where = warning.provenance
        problem_id = None
        if where is not None:
            problem_id = next((pid for (s, e), pid in owner.items() if s <= where.start <= e), None)
        rows.append(
            [
                _source(report),
                warning.code,
                warning.message,
                problem_id,
                where.start if where else None,
                where.end if where else None,
                where.page if where else None,
            ]
        )
    return rows


class _Sheet:
    """One sheet written row by row (its header first); :meth:`finish` sets what needs every
    row seen: column widths, the filter's range, the status drop-down."""

    def __init__(
        self, book: Any, name: str, columns: Sequence[str], formats: dict[str, Any]
    ) -> None:
        self.sheet = book.add_worksheet(name)
        self.columns = columns
        self.formats = formats
        self.widths = [max(_MIN_WIDTH, _display_width(c)) for c in columns]
        self.rows = 0
        for c, column in enumerate(columns):
            self.sheet.write_string(0, c, column, formats["header"])

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        sheet, formats, widths = self.sheet, self.formats, self.widths
        for row in rows:
            self.rows += 1
            r = self.rows
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, datetime.date):
                    sheet.write_datetime(
                        r, c, datetime.datetime.combine(value, datetime.time()), formats["date"]
                    )
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value, formats["bool"])
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    text = str(value)
                    sheet.write_string(r, c, text, formats["wrap"] if "\n" in text else None)
                widths[c] = max(widths[c], _display_width(value))

    def finish(self) -> None:
        sheet = self.sheet
        for c, width in enumerate(self.widths):
            sheet.set_column(c, c, min(_MAX_WIDTH, width + 2))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, self.rows), len(self.columns) - 1)
        # Printed: landscape A4, the header row on every page.
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.repeat_rows(0)
        if "status" in self.columns:
            status = self.columns.index("status")
            last = max(1, self.rows)
            sheet.data_validation(
                1, status, last, status, {"validate": "list", "source": _STATUSES}
            )


class WorkbookWriter:
    """A workbook written as rows come, report by report, to ``target`` (a file name, or an
    in-memory buffer when ``None``: :meth:`close` then gives its bytes).

    To a file it runs in xlsxwriter's constant-memory mode: each row goes to a temporary file
    once written (in ``tmpdir``, else the system's temporary folder), so a batch of any size
    holds one report's rows at a time.
    """

    def __init__(self, target: str | None = None, *, tmpdir: str | None = None) -> None:
        import xlsxwriter

        self._buffer = io.BytesIO() if target is None else None
        options: dict[str, object] = {"strings_to_numbers": False}
        options.update({"in_memory": True} if target is None else {"constant_memory": True})
        if tmpdir is not None:
            options["tmpdir"] = tmpdir
        self._book = xlsxwriter.Workbook(self._buffer or target, options)
        book = self._book
        formats = {
            "header": book.add_format({"bold": True, "bg_color": "#EEEEEE"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
            "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
            # shown as TRUE/FALSE by every program (LibreOffice shows a bare boolean as 1/0)
            "bool": book.add_format({"num_format": '"TRUE";"TRUE";"FALSE"'}),
        }
        self._sheets = (
            _Sheet(book, "problems", CSV_COLUMNS, formats),
            _Sheet(book, "measures", MEASURE_COLUMNS, formats),
            _Sheet(book, "documents", DOCUMENT_COLUMNS, formats),
            _Sheet(book, "warnings", WARNING_COLUMNS, formats),
        )

    def add(self, report: Report) -> None:
        """Write ``report``'s rows to every sheet."""
        self.add_rows(WorkbookRows.of(report))

    def add_rows(self, rows: WorkbookRows) -> None:
        """Write rows gathered earlier (:class:`WorkbookRows`) to every sheet."""
        problems, measures, documents, warnings = self._sheets
        problems.write(rows.problems)
        measures.write(rows.measures)
        documents.write(rows.documents)
        warnings.write(rows.warnings)

    def close(self) -> bytes:
        """Finish the workbook: its bytes when written in memory, else ``b""``."""
        for sheet in self._sheets:
            sheet.finish()
        self._book.close()
        return self._buffer.getvalue() if self._buffer is not None else b""


@record(frozen=False, slots=False)
class WorkbookRows:
    """The rows of the four sheets for one report or more, as plain values (so a long batch
    can keep a report's rows and not the report); :meth:`to_bytes` writes the workbook."""

    problems: list[list[Any]] = field(default_factory=list)
    measures: list[list[Any]] = field(default_factory=list)
    documents: list[list[Any]] = field(default_factory=list)
    warnings: list[list[Any]] = field(default_factory=list)

    @classmethod
    def of(cls, report: Report) -> WorkbookRows:
        rows = cls()
        rows.add(report)
        return rows

    def add(self, report: Report) -> None:
        """Append ``report``'s rows to every sheet."""
        self.problems += _problem_rows(report)
        self.measures += _measure_rows(report)
        self.documents.append(_document_row(report))
        self.warnings += _warning_rows(report)

    def extend(self, other: WorkbookRows) -> None:
        """Append ``other``'s rows (another report's or batch's) to every sheet."""
        self.problems += other.problems
        self.measures += other.measures
        self.documents += other.documents
        self.warnings += other.warnings

    def to_bytes(self) -> bytes:
        """The workbook, as the bytes of an ``.xlsx`` file."""
        writer = WorkbookWriter()
        writer.add_rows(self)
        return writer.close()


def dumps_xlsx(reports: Report | Iterable[Report]) -> bytes:
    """``reports`` as the bytes of one ``.xlsx`` workbook (see the module's description)."""
    rows = WorkbookRows()
    for report in [reports] if isinstance(reports, Report) else reports:
        rows.add(report)
    return rows.to_bytes()
