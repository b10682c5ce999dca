"""rectpipe: Chinese rectification progress reports → validated, traceable records.

The public door: everything a program needs is here (and batch conversion in
:mod:`rectpipe.batch`); the modules behind it are internal and may move.

>>> import rectpipe
>>> report = rectpipe.parse_file("samples/seed-yongzhou.txt")  # doctest: +SKIP

Importing rectpipe loads the parser and the output models only; the diff, the review page,
the JSON Schema tools, CSV rows and the database are imported when first used, enrichment
when a report is enriched, and each reader when a file of its format is read.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    InputNotFoundError,
    InternalError,
    InvalidOutputError,
    LowTextYieldError,
    MissingDependencyError,
    NoTextLayerError,
    ParseTimeoutError,
    PasswordRequiredError,
    RectpipeError,
    StructureNotFoundError,
    TooLargeError,
    UnsupportedFormatError,
    UsageError,
)
from .limits import DEFAULT_LIMITS, Limits
from .models.enrichment import Enrichment, ReportEnrichment
from .models.report import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    Measure,
    Metadata,
    PathItem,
    Problem,
    Provenance,
    Report,
    ReportWarning,
    Section,
    Source,
    StatedTotals,
    Status,
    Summary,
)
from .pipeline import parse_bytes, parse_document, parse_file, parse_text
from .profiles.profile import Profile, default_profile, load_profile
from .writers import FORMATS, dumps, problem_rows, write_atomic

if TYPE_CHECKING:
    from .db import Database, open_database
    from .tools.diff import ReportDiff, diff_reports
    from .tools.diff_format import format_diff
    from .tools.review import render_review
    from .tools.schema import report_schema, schema_text, validate_file, validate_text
    from .writers.csv_rows import dumps_csv

#: Public names imported on first use (``rectpipe.diff_reports`` …), so that ``import rectpipe``
#: does not build the diff's models or import SQLAlchemy.
_LAZY = {
    "Database": "rectpipe.db",
    "open_database": "rectpipe.db",
    "ReportDiff": "rectpipe.tools.diff",
    "diff_reports": "rectpipe.tools.diff",
    "format_diff": "rectpipe.tools.diff_format",
    "render_review": "rectpipe.tools.review",
    "report_schema": "rectpipe.tools.schema",
    "schema_text": "rectpipe.tools.schema",
    "validate_file": "rectpipe.tools.schema",
    "validate_text": "rectpipe.tools.schema",
    "dumps_csv": "rectpipe.writers.csv_rows",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rectpipe' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "CorruptFileError",
    "Database",
    "EncryptedUnsupportedError",
    "Enrichment",
    "InputNotFoundError",
    "InternalError",
    "InvalidOutputError",
    "Limits",
    "LowTextYieldError",
    "Measure",
    "Metadata",
    "MissingDependencyError",
    "NoTextLayerError",
    "ParseTimeoutError",
    "PasswordRequiredError",
    "PathItem",
    "Problem",
    "Profile",
    "Provenance",
    "RectpipeError",
    "Report",
    "ReportDiff",
    "ReportEnrichment",
    "ReportWarning",
    "Section",
    "Source",
    "StatedTotals",
    "Status",
    "StructureNotFoundError",
    "Summary",
    "TooLargeError",
    "UnsupportedFormatError",
    "UsageError",
    "default_profile",
    "diff_reports",
    "dumps",
    "dumps_csv",
    "format_diff",
    "load_profile",
    "open_database",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "parse_text",
    "problem_rows",
    "render_review",
    "report_schema",
    "schema_text",
    "validate_file",
    "validate_text",
    "write_atomic",
]

__version__ = "0.1.0"
