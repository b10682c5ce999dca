"""Storing documents' rows in an SQLite file with the standard library alone: the store of
a batch's database writer (:mod:`rectpipe.batch.dbwriter`).

Loading SQLAlchemy and creating its engine cost the writer about a fifth of a second of CPU
at the start of every batch, on a machine whose two CPUs the workers want: a short batch
could not amortise it. :class:`LiteDatabase` makes the same tables (the statements SQLAlchemy
compiles for SQLite, generated into :mod:`.sqlite_schema`), and stores and forgets documents
as :mod:`.store` does, row for row: a database written either way holds the same values of
the same types. A file whose tables an earlier version made, without columns added since, is
brought up to date once through SQLAlchemy (:func:`~rectpipe.db.connect.open_database`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..errors import UsageError
from ..runtime.names import escape_name
from .retry import DEFAULT_LOCK_WAIT, SQLITE_BUSY_TIMEOUT, with_backoff
from .rows import DocumentRows, Forget
from .sqlite_schema import CHILDREN, COLUMNS, CREATE, DATETIME_FORMAT

__all__ = ["LiteDatabase", "open_lite"]

T = TypeVar("T")

_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    for table, names in COLUMNS.items()
}

_NAMES = frozenset(re.findall(r"^CREATE \w+ IF NOT EXISTS (\w+)", "\n".join(CREATE), re.M))
"""The tables and indexes :data:`CREATE` makes."""


def _value(value: Any) -> Any:
    """``value`` as SQLAlchemy binds it for SQLite: a datetime in its storage format."""
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT % {
            "year": value.year,
            "month": value.month,
            "day": value.day,
            "hour": value.hour,
            "minute": value.minute,
            "second": value.second,
            "microsecond": value.microsecond,
        }
    return value


def _values(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_value(row.get(name)) for name in COLUMNS[table])


class LiteDatabase:
    """An SQLite file open for one writer, in write-ahead-log mode with ``synchronous=FULL``,
    with rectpipe's tables. :meth:`write_batch` is one transaction; while another process
    holds the file locked it waits as :class:`~rectpipe.db.connect.Database` does."""

    def __init__(self, path: Path, *, lock_wait: float = DEFAULT_LOCK_WAIT) -> None:
        self.name = str(path)
        """The database in messages: the file's path."""
        self.lock_wait = lock_wait
        try:
            self._conn = sqlite3.connect(
                path, timeout=min(SQLITE_BUSY_TIMEOUT, lock_wait), isolation_level=None
            )
        except sqlite3.OperationalError as exc:
            raise UsageError(f"cannot open the database: {exc}") from None

    def _patiently(self, work: Callable[[], T], what: str) -> T:
        return with_backoff(work, wait=self.lock_wait, what=what, where=self.name)

    def prepare(self) -> bool:
        """Put the file in WAL mode and create the tables it lacks; ``False`` (and nothing
        created) when a table it has lacks columns, which SQLAlchemy must add."""

        def run() -> bool:
            conn = self._conn
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            for table, names in COLUMNS.items():
                have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                if have and not have.issuperset(names):
                    return False
            made = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not made.issuperset(_NAMES):  # as SQLAlchemy, no write when all are there
                self._transaction(create)
            return True

        def create() -> None:
            for statement in CREATE:
                self._conn.execute(statement)

        try:
            return self._patiently(run, "creating the tables")
        except sqlite3.OperationalError as exc:
            raise UsageError(f"cannot open the database: {exc}") from None

    def _transaction(self, work: Callable[[], object]) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            work()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def write_batch(self, work: Sequence[DocumentRows | Forget]) -> None:
        """Store the documents' rows and forget the paths of ``work``, in order, in one
        transaction (as :meth:`rectpipe.db.connect.Database.write_batch`)."""

        def write() -> None:
            for step in work:
                if isinstance(step, Forget):
                    self._forget(step.path, step.keep_sha256)
                else:
                    self._store(step)

        first = work[0].path if work else ""
        what = f"storing {first}" if len(work) == 1 else f"storing {len(work)} documents"
        self._patiently(lambda: self._transaction(write), what)

    def _store(self, rows: DocumentRows) -> None:
        stale = self._conn.execute(
            "SELECT sha256 FROM documents WHERE sha256 = ? OR path = ?", (rows.sha256, rows.path)
        )
        self._delete([row[0] for row in stale])
        self._conn.execute(_INSERT["documents"], _values("documents", rows.document))
        for table in reversed(CHILDREN):  # parents first
            found = rows.children[table]
            if found:
                self._conn.executemany(_INSERT[table], [_values(table, row) for row in found])

    def _forget(self, path: str, keep_sha256: str | None) -> None:
        query = "SELECT sha256 FROM documents WHERE path = ?"
        params: tuple[str, ...] = (escape_name(path),)
        if keep_sha256 is not None:
            query += " AND sha256 != ?"
            params += (keep_sha256,)
        self._delete([row[0] for row in self._conn.execute(query, params)])

    def _delete(self, hashes: list[str]) -> None:
        if not hashes:
            return
        marks = ", ".join("?" * len(hashes))
        for table in CHILDREN:
            self._conn.execute(f"DELETE FROM {table} WHERE document_sha256 IN ({marks})", hashes)
        self._conn.execute(f"DELETE FROM documents WHERE sha256 IN ({marks})", hashes)

    def close(self) -> None:
        """Close the file."""
        self._conn.close()


def open_lite(path: Path, *, lock_wait: float = DEFAULT_LOCK_WAIT) -> LiteDatabase:
    """The SQLite file at ``path`` (created with its folder when missing) open for one
    writer, its tables created, or brought up to date through SQLAlchemy when an earlier
    version made them. Raises ``usage`` when the file cannot be opened and
    :class:`~rectpipe.errors.DatabaseBusyError` when it stays locked for ``lock_wait``
    seconds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    database = LiteDatabase(path, lock_wait=lock_wait)
    try:
        if not database.prepare():
            from .connect import open_database

            open_database(str(path), lock_wait=lock_wait, wal=True).close()
            if not database.prepare():
                raise UsageError(f"cannot bring the tables of {path} up to date")
    except BaseException:
        database.close()
        raise
    return database
