"""The outcome of converting one file, as the batch engines hand it back.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..errors import RectpipeError
from ..models import records
from ..runtime.names import escape_name
from ..runtime.record import record, replace

if TYPE_CHECKING:
    from ..models.report import Report

__all__ = ["DONE_STATUSES", "STATUSES", "FileResult", "ResultStatus"]

ResultStatus = Literal["success", "partial", "failure"]
STATUSES: tuple[ResultStatus, ...] = ("success", "partial", "failure")
DONE_STATUSES: frozenset[str] = frozenset({"success", "partial"})


@record(slots=False)
class FileResult:
    """One file's outcome.

    ``status`` is ``success`` (parsed, no warnings), ``partial`` (parsed, with warnings) or
    ``failure`` (``error_code`` and ``error_message`` say why; ``error_code`` is a
    :class:`~rectpipe.errors.RectpipeError` code such as ``timeout``). ``sha256`` is the hash
    of the bytes read, ``None`` when the file could not be read at all. ``problems`` and
    ``warnings`` count what the report holds (0 on failure); ``seconds`` is wall-clock time
    spent on the file. ``report`` is the parsed :class:`Report` (inside a batch engine, its
    records: :meth:`with_model` makes the models users get) unless the status is
    ``failure`` or the worker already stored it: then ``stored`` says where (the output file,
    relative to the output folder; ``""`` for a database) and ``report`` is ``None``, so the
    report never travels between processes. ``skipped``: a file resuming found done already
    (same path and hash in the manifest), neither converted nor stored.
    """

    path: str
    sha256: str | None
    status: ResultStatus
    error_code: str | None = None
    error_message: str | None = None
    problems: int = 0
    warnings: int = 0
    seconds: float = 0.0
    report: Report | records.Report | None = None
    stored: str | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        """True for ``success`` and ``partial``."""
        return self.status in DONE_STATUSES

    @classmethod
    def parsed(cls, path: str, report: Report | records.Report, seconds: float) -> FileResult:
        """The result for a report that was parsed: ``partial`` when it has warnings."""
        return cls(
            path=path,
            sha256=report.source.sha256,
            status="partial" if report.warnings else "success",
            problems=len(report.iter_problems()),
            warnings=len(report.warnings),
            seconds=seconds,
            report=report,
        )

    @classmethod
    def already_done(cls, path: str, sha256: str) -> FileResult:
        """The result for a file a resumed run finds done already (see ``skipped``)."""
        return cls(path=path, sha256=sha256, status="success", skipped=True)

    @classmethod
    def failed(
        cls, path: str, error: RectpipeError, *, sha256: str | None = None, seconds: float = 0.0
    ) -> FileResult:
        """The result for a file that raised ``error``."""
        return cls(
            path=path,
            sha256=sha256,
            status="failure",
            error_code=error.code,
            error_message=error.message,
            seconds=seconds,
        )

    def with_model(self) -> FileResult:
        """This result with its report as the models (:class:`~rectpipe.Report`)."""
        if not isinstance(self.report, records.Report):
            return self
        from ..models.convert import to_model

        return replace(self, report=to_model(self.report))

    def record(self) -> dict[str, Any]:
        """The manifest line for this result (everything but the report), JSON-ready; a
        path that is not valid UTF-8 is written escaped (:func:`.escape_name`)."""
        return {
            "path": escape_name(self.path),
            "sha256": self.sha256,
            "status": self.status,
            "error_code": self.error_code,
            "error_message": escape_name(self.error_message) if self.error_message else None,
            "problems": self.problems,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 4),
        }

    def to_row(self) -> dict[str, Any]:
        """A flat, JSON-ready row (the report as JSON text, or ``None``) — the shape results
        travel in between processes that do not share Python objects (Ray)."""
        row = self.record()
        row["seconds"] = self.seconds
        report = self.with_model().report
        row["report_json"] = None if report is None else _json(report)
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> FileResult:
        """The inverse of :meth:`to_row`; the report is validated against the models."""
        report_json = row.get("report_json")
        if row["status"] not in STATUSES:
            raise ValueError(f"unknown status {row['status']!r}")
        return cls(
            path=str(row["path"]),
            sha256=row.get("sha256"),
            status=row["status"],
            error_code=row.get("error_code"),
            error_message=row.get("error_message"),
            problems=int(row.get("problems") or 0),
            warnings=int(row.get("warnings") or 0),
            seconds=float(row.get("seconds") or 0.0),
            report=_validated(report_json) if report_json else None,
        )


def _json(report: Report | records.Report) -> str:
    """``report``'s compact JSON (a report is a model here: :meth:`FileResult.with_model`)."""
    assert not isinstance(report, records.Report)
    return report.model_dump_json()


def _validated(text: str) -> Report:
    from ..models.report import Report

    return Report.model_validate_json(text)
