"""Writing reports into the database: one transaction per document, idempotent.

A document is keyed by the SHA-256 of its bytes. Storing it deletes, in the same transaction,
the rows it had before (re-running is idempotent) and the rows of any other document stored
from the same path (a changed file replaces its old version), then inserts the new rows.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, or_, select

from ..models.records import Report
from ..runtime.names import escape_name
from . import schema
from .rows import DocumentRows, Forget, child_rows, document_row, document_rows

__all__ = [
    "DocumentRows",
    "Forget",
    "child_rows",
    "document_row",
    "document_rows",
    "forget_in",
    "forget_path",
    "store_report",
    "store_rows",
]


def _delete_documents(conn: Connection, hashes: list[str]) -> None:
    if not hashes:
        return
    for table in schema.CHILD_TABLES:
        conn.execute(delete(table).where(table.c.document_sha256.in_(hashes)))
    conn.execute(delete(schema.documents).where(schema.documents.c.sha256.in_(hashes)))


def store_rows(conn: Connection, rows: DocumentRows) -> None:
    """Within the transaction of ``conn``: replace the rows of the same document and of any
    earlier document stored from the same path by ``rows``."""
    documents = schema.documents
    stale = conn.execute(
        select(documents.c.sha256).where(
            or_(documents.c.sha256 == rows.sha256, documents.c.path == rows.path)
        )
    )
    _delete_documents(conn, [row[0] for row in stale])
    conn.execute(documents.insert(), rows.document)
    for table in (schema.sections, schema.problems, schema.measures, schema.warnings):
        if rows.children[table.name]:
            conn.execute(table.insert(), rows.children[table.name])


def store_report(engine: Engine, report: Report, *, path: str) -> None:
    """Store ``report`` (read from ``path``) in one transaction, replacing the rows of the
    same document and of any earlier document stored from ``path``. Running it twice leaves
    the same rows. A path that is not valid UTF-8 is stored escaped (``\\xff``). (A conflict
    with a concurrent writer is :class:`~rectpipe.db.connect.Database`'s to retry.)"""
    rows = document_rows(report, path)
    with engine.begin() as conn:
        store_rows(conn, rows)


def forget_path(engine: Engine, path: str, *, keep_sha256: str | None = None) -> int:
    """Delete the documents stored from ``path`` except the one with ``keep_sha256``; returns
    how many were deleted. Used when a file that had been stored no longer converts."""
    with engine.begin() as conn:
        return forget_in(conn, path, keep_sha256=keep_sha256)


def forget_in(conn: Connection, path: str, *, keep_sha256: str | None = None) -> int:
    """:func:`forget_path` within the transaction of ``conn``."""
    documents = schema.documents
    query = select(documents.c.sha256).where(documents.c.path == escape_name(path))
    if keep_sha256 is not None:
        query = query.where(documents.c.sha256 != keep_sha256)
    hashes = [row[0] for row in conn.execute(query)]
    _delete_documents(conn, hashes)
    return len(hashes)
