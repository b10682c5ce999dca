"""The relational schema for reports: documents, sections, problems, measures, warnings.

Every table is keyed by the document's SHA-256 first, so a document's rows can be found,
replaced and deleted together. Offsets into the report text are ``span_start``/``span_end``.
The same tables are created on SQLite and PostgreSQL (SQLAlchemy Core).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "CHILD_TABLES",
    "add_missing_columns",
    "documents",
    "measures",
    "metadata",
    "problems",
    "sections",
    "warnings",
]

metadata = MetaData()

_SHA = String(64)

documents = Table(
    "documents",
    metadata,
    Column("sha256", _SHA, primary_key=True),
    Column("path", Text, nullable=False),
    Column("file_name", Text),
    Column("format", String(8), nullable=False),
    Column("size", Integer, nullable=False),
    Column("page_count", Integer),
    Column("schema_version", String(16), nullable=False),
    Column("title", Text),
    Column("issuer", Text),
    Column("date", String(32)),
    Column("attachment", Text),
    Column("document_number", Text),
    Column("inspection_kind", String(16)),
    Column("inspecting_body", Text),
    Column("period_start", String(32)),
    Column("period_end", String(32)),
    Column("feedback_date", String(32)),
    Column("phone", Text),
    Column("email", Text),
    Column("address", Text),
    Column("problem_count", Integer, nullable=False),
    Column("measure_count", Integer, nullable=False),
    Column("warning_count", Integer, nullable=False),
    Column("stated_problems", Integer),
    Column("stated_completed", Integer),
    Column("stated_completion_rate", Float),
    Column("consistent", Boolean),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_path", "path"),
    Index("ix_documents_issuer", "issuer"),
)

sections = Table(
    "sections",
    metadata,
    Column("document_sha256", _SHA, primary_key=True),
    Column("id", String, primary_key=True),
    Column("parent_id", String),
    Column("ordinal", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("depth", Integer, nullable=False),
    Column("number", Text),
    Column("marker", Text),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("page", Integer),
    ForeignKeyConstraint(["document_sha256"], ["documents.sha256"], ondelete="CASCADE"),
)

problems = Table(
    "problems",
    metadata,
    Column("document_sha256", _SHA, primary_key=True),
    Column("id", String, primary_key=True),
    Column("section_id", String),
    Column("ordinal", Integer, nullable=False),
    Column("number", Text),
    Column("marker", Text),
    Column("part", Text),
    Column("category", Text),
    Column("path", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("heading", Text),
    Column("description", Text, nullable=False),
    Column("status", String(32), nullable=False),
    Column("status_raw", Text),
    Column("long_term", Boolean, nullable=False),
    Column("actions", Text, nullable=False),
    Column("responsible", Text),
    Column("deadline", Text),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("block", Integer, nullable=False),
    Column("page", Integer),
    ForeignKeyConstraint(["document_sha256"], ["documents.sha256"], ondelete="CASCADE"),
    Index("ix_problems_status", "status"),
    Index("ix_problems_section", "document_sha256", "section_id"),
)

measures = Table(
    "measures",
    metadata,
    Column("document_sha256", _SHA, primary_key=True),
    Column("problem_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("ordinal", Integer, nullable=False),
    Column("marker", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("page", Integer),
    ForeignKeyConstraint(
        ["document_sha256", "problem_id"],
        ["problems.document_sha256", "problems.id"],
        ondelete="CASCADE",
    ),
)

warnings = Table(
    "warnings",
    metadata,
    Column("document_sha256", _SHA, primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    ForeignKeyConstraint(["document_sha256"], ["documents.sha256"], ondelete="CASCADE"),
    Index("ix_warnings_code", "code"),
)

# Children before parents: the order rows are deleted in.
CHILD_TABLES = (measures, warnings, problems, sections)


def add_missing_columns(engine: Engine) -> list[str]:
    """Add to existing tables the nullable columns this schema has and they lack (a database
    made by an earlier version); returns them as ``table.column``. Other differences are left
    alone: columns are never dropped or changed."""
    from sqlalchemy import inspect
    from sqlalchemy.schema import CreateColumn

    present = inspect(engine)
    added: list[str] = []
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            have = {column["name"] for column in present.get_columns(table.name)}
            for column in table.columns:
                if column.name in have or not column.nullable or column.primary_key:
                    continue
                ddl = CreateColumn(column).compile(dialect=engine.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")
                added.append(f"{table.name}.{column.name}")
    return added
