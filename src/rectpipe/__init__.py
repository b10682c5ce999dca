"""rectpipe: Chinese rectification progress reports → validated, traceable records.

The public door: everything a program needs is here (and batch conversion in
:mod:`rectpipe.batch`); the modules behind it are internal and may move.

>>> import rectpipe
>>> report = rectpipe.parse_file("samples/seed-yongzhou.txt")  # doctest: +SKIP

Importing rectpipe loads its errors only; every other name is imported when first looked up
(the parser and the output models with ``parse_file``, the diff, the review page, the JSON
Schema tools, CSV rows and the database with theirs), enrichment when a report is enriched,
and each reader when a file of its format is read.
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

if TYPE_CHECKING:
    from .db import Database, open_database
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
    from .tools.diff import ReportDiff, diff_reports
    from .tools.diff_format import format_diff
    from .tools.review import render_review
    from .tools.schema import report_schema, schema_text, validate_file, validate_text
    from .writers import FORMATS, dumps, problem_rows, write_atomic
    from .writers.csv_rows import dumps_csv

#: Where each public name lives, imported on first use (``rectpipe.parse_file`` …): ``import
#: rectpipe`` loads the errors only, so that it builds no pydantic model, compiles no pattern
#: and imports neither SQLAlchemy nor a reader until a name that needs them is looked up.
_LAZY = {
    **dict.fromkeys(("DEFAULT_LIMITS", "Limits"), "rectpipe.limits"),
    **dict.fromkeys(("Enrichment", "ReportEnrichment"), "rectpipe.models.enrichment"),
    **dict.fromkeys(
        (
            "SCHEMA_NAME",
            "SCHEMA_VERSION",
            "Measure",
            "Metadata",
            "PathItem",
            "Problem",
            "Provenance",
            "Report",
            "ReportWarning",
            "Section",
            "Source",
            "StatedTotals",
            "Status",
            "Summary",
        ),
        "rectpipe.models.report",
    ),
    **dict.fromkeys(
        ("parse_bytes", "parse_document", "parse_file", "parse_text"), "rectpipe.pipeline"
    ),
    **dict.fromkeys(("Profile", "default_profile", "load_profile"), "rectpipe.profiles.profile"),
    **dict.fromkeys(("FORMATS", "dumps", "problem_rows", "write_atomic"), "rectpipe.writers"),
    **dict.fromkeys(("Database", "open_database"), "rectpipe.db"),
    **dict.fromkeys(("ReportDiff", "diff_reports"), "rectpipe.tools.diff"),
    "format_diff": "rectpipe.tools.diff_format",
    "render_review": "rectpipe.tools.review",
    **dict.fromkeys(
        ("report_schema", "schema_text", "validate_file", "validate_text"),
        "rectpipe.tools.schema",
    ),
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
