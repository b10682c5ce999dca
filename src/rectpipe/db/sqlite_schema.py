# ruff: noqa: E501  (generated)
"""The database schema as SQLite statements, generated from :mod:`rectpipe.db.schema` by
``scripts/make_sqlite_schema.py`` (``make schema``): do not edit.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

__all__ = ["CHILDREN", "COLUMNS", "CREATE", "DATETIME_FORMAT"]

CREATE: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS documents (\n\tsha256 VARCHAR(64) NOT NULL, \n\tpath TEXT NOT NULL, \n\tfile_name TEXT, \n\tformat VARCHAR(8) NOT NULL, \n\tsize INTEGER NOT NULL, \n\tpage_count INTEGER, \n\tschema_version VARCHAR(16) NOT NULL, \n\ttitle TEXT, \n\tissuer TEXT, \n\tdate VARCHAR(32), \n\tattachment TEXT, \n\tdocument_number TEXT, \n\tinspection_kind VARCHAR(16), \n\tinspecting_body TEXT, \n\tperiod_start VARCHAR(32), \n\tperiod_end VARCHAR(32), \n\tfeedback_date VARCHAR(32), \n\tphone TEXT, \n\temail TEXT, \n\taddress TEXT, \n\tproblem_count INTEGER NOT NULL, \n\tmeasure_count INTEGER NOT NULL, \n\twarning_count INTEGER NOT NULL, \n\tstated_problems INTEGER, \n\tstated_completed INTEGER, \n\tstated_completion_rate FLOAT, \n\tconsistent BOOLEAN, \n\tstored_at DATETIME NOT NULL, \n\tPRIMARY KEY (sha256)\n)",
    "CREATE INDEX IF NOT EXISTS ix_documents_issuer ON documents (issuer)",
    "CREATE INDEX IF NOT EXISTS ix_documents_path ON documents (path)",
    "CREATE TABLE IF NOT EXISTS problems (\n\tdocument_sha256 VARCHAR(64) NOT NULL, \n\tid VARCHAR NOT NULL, \n\tsection_id VARCHAR, \n\tordinal INTEGER NOT NULL, \n\tnumber TEXT, \n\tmarker TEXT, \n\tpart TEXT, \n\tcategory TEXT, \n\tpath TEXT NOT NULL, \n\ttitle TEXT NOT NULL, \n\theading TEXT, \n\tdescription TEXT NOT NULL, \n\tstatus VARCHAR(32) NOT NULL, \n\tstatus_raw TEXT, \n\tlong_term BOOLEAN NOT NULL, \n\tactions TEXT NOT NULL, \n\tresponsible TEXT, \n\tdeadline TEXT, \n\tspan_start INTEGER NOT NULL, \n\tspan_end INTEGER NOT NULL, \n\tblock INTEGER NOT NULL, \n\tpage INTEGER, \n\tPRIMARY KEY (document_sha256, id), \n\tFOREIGN KEY(document_sha256) REFERENCES documents (sha256) ON DELETE CASCADE\n)",
    "CREATE INDEX IF NOT EXISTS ix_problems_section ON problems (document_sha256, section_id)",
    "CREATE INDEX IF NOT EXISTS ix_problems_status ON problems (status)",
    "CREATE TABLE IF NOT EXISTS sections (\n\tdocument_sha256 VARCHAR(64) NOT NULL, \n\tid VARCHAR NOT NULL, \n\tparent_id VARCHAR, \n\tordinal INTEGER NOT NULL, \n\tkind VARCHAR(16) NOT NULL, \n\tdepth INTEGER NOT NULL, \n\tnumber TEXT, \n\tmarker TEXT, \n\ttitle TEXT NOT NULL, \n\ttext TEXT NOT NULL, \n\tspan_start INTEGER NOT NULL, \n\tspan_end INTEGER NOT NULL, \n\tpage INTEGER, \n\tPRIMARY KEY (document_sha256, id), \n\tFOREIGN KEY(document_sha256) REFERENCES documents (sha256) ON DELETE CASCADE\n)",
    "CREATE TABLE IF NOT EXISTS warnings (\n\tdocument_sha256 VARCHAR(64) NOT NULL, \n\tordinal INTEGER NOT NULL, \n\tcode VARCHAR(64) NOT NULL, \n\tmessage TEXT NOT NULL, \n\tspan_start INTEGER, \n\tspan_end INTEGER, \n\tPRIMARY KEY (document_sha256, ordinal), \n\tFOREIGN KEY(document_sha256) REFERENCES documents (sha256) ON DELETE CASCADE\n)",
    "CREATE INDEX IF NOT EXISTS ix_warnings_code ON warnings (code)",
    "CREATE TABLE IF NOT EXISTS measures (\n\tdocument_sha256 VARCHAR(64) NOT NULL, \n\tproblem_id VARCHAR NOT NULL, \n\tposition INTEGER NOT NULL, \n\tordinal INTEGER NOT NULL, \n\tmarker TEXT NOT NULL, \n\ttext TEXT NOT NULL, \n\tspan_start INTEGER NOT NULL, \n\tspan_end INTEGER NOT NULL, \n\tpage INTEGER, \n\tPRIMARY KEY (document_sha256, problem_id, position), \n\tFOREIGN KEY(document_sha256, problem_id) REFERENCES problems (document_sha256, id) ON DELETE CASCADE\n)",
)
"""The tables and their indexes (``IF NOT EXISTS``), parents first."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "sha256",
        "path",
        "file_name",
        "format",
        "size",
        "page_count",
        "schema_version",
        "title",
        "issuer",
        "date",
        "attachment",
        "document_number",
        "inspection_kind",
        "inspecting_body",
        "period_start",
        "period_end",
        "feedback_date",
        "phone",
        "email",
        "address",
        "problem_count",
        "measure_count",
        "warning_count",
        "stated_problems",
        "stated_completed",
        "stated_completion_rate",
        "consistent",
        "stored_at",
    ),
    "problems": (
        "document_sha256",
        "id",
        "section_id",
        "ordinal",
        "number",
        "marker",
        "part",
        "category",
        "path",
        "title",
        "heading",
        "description",
        "status",
        "status_raw",
        "long_term",
        "actions",
        "responsible",
        "deadline",
        "span_start",
        "span_end",
        "block",
        "page",
    ),
    "sections": (
        "document_sha256",
        "id",
        "parent_id",
        "ordinal",
        "kind",
        "depth",
        "number",
        "marker",
        "title",
        "text",
        "span_start",
        "span_end",
        "page",
    ),
    "warnings": ("document_sha256", "ordinal", "code", "message", "span_start", "span_end"),
    "measures": (
        "document_sha256",
        "problem_id",
        "position",
        "ordinal",
        "marker",
        "text",
        "span_start",
        "span_end",
        "page",
    ),
}
"""Each table's columns, in order."""

CHILDREN = ("measures", "warnings", "problems", "sections")
"""The tables of a document's rows but its own, children first."""

DATETIME_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)
"""How SQLAlchemy stores a ``DateTime`` in SQLite (UTC, no offset)."""
