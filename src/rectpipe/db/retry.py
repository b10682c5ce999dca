"""Internal: waiting out a database another process holds, with a bounded back-off.
(SQLAlchemy is never imported here: a batch into a folder or an SQLite file never loads it.)

SQLite lets one writer at a time: another process that holds the file locked (a reader in
the middle of a long query, a second batch, a ``BEGIN EXCLUSIVE`` in a shell) makes a write
wait for SQLite's busy timeout and then fail with "database is locked". A server can end a
transaction with a serialization failure or a deadlock, and two writers can race to insert
the same row. All of these pass: :func:`with_backoff` runs the work again after a pause that
doubles from 0.1 s up to 2 s, until ``wait`` seconds have gone by, and then raises
:class:`~rectpipe.errors.DatabaseBusyError`. Any other database error is raised at once.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from ..errors import DatabaseBusyError
from ..limits import DEFAULT_LOCK_WAIT

__all__ = ["DEFAULT_LOCK_WAIT", "transient", "with_backoff"]

T = TypeVar("T")

FIRST_PAUSE = 0.1
LONGEST_PAUSE = 2.0
SQLITE_BUSY_TIMEOUT = 5.0
"""SQLite's own wait inside one statement (its default), at most the whole wait."""

# SQLSTATEs a server gives a transaction that may succeed when run again: serialization
# failure, deadlock, lock not available.
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
_RACES = 3
"""Tries for an insert that lost a race with another writer (a unique key taken)."""


def _driver_error(exc: BaseException) -> BaseException | None:
    """The database driver's error behind ``exc`` (SQLAlchemy wraps it; the standard
    library's ``sqlite3`` raises it bare), or ``None`` when ``exc`` is no database error.
    SQLAlchemy's errors are recognised only when it is loaded: a batch into SQLite stores
    without it (:mod:`rectpipe.db.lite`)."""
    if isinstance(exc, sqlite3.Error):
        return exc
    wrapped = sys.modules.get("sqlalchemy.exc")
    if wrapped is not None and isinstance(exc, wrapped.DBAPIError):
        original = getattr(exc, "orig", None)
        return original if isinstance(original, BaseException) else exc
    return None


def _lost_race(exc: BaseException) -> bool:
    """Whether ``exc`` is an insert that lost a race with another writer (a unique key)."""
    if isinstance(exc, sqlite3.IntegrityError):
        return True
    wrapped = sys.modules.get("sqlalchemy.exc")
    return wrapped is not None and isinstance(exc, wrapped.IntegrityError)


def transient(exc: BaseException) -> bool:
    """Whether ``exc`` is a database error that running the transaction again may cure."""
    original = _driver_error(exc)
    if original is None:
        return False
    if getattr(original, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return " is locked" in str(original).lower()  # SQLite: database / table / schema


def with_backoff(
    work: Callable[[], T],
    *,
    wait: float,
    what: str,
    where: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """``work()``, run again while it fails with a :func:`transient` error (or, a few times,
    with an :class:`IntegrityError` from a concurrent insert), for up to ``wait`` seconds;
    then :class:`DatabaseBusyError` naming ``what`` was being done, and ``where`` (the
    database) as its path."""
    deadline = clock() + wait
    pause = FIRST_PAUSE
    races = 0
    while True:
        try:
            return work()
        except Exception as exc:
            if _lost_race(exc):
                races += 1
                if races >= _RACES:
                    raise
                continue
            if not transient(exc):
                raise
            left = deadline - clock()
            if left <= 0:
                original = _driver_error(exc) or exc
                reason = str(original).strip() or type(original).__name__
                message = f"{what}: {reason}; gave up after {wait:g} s"
                raise DatabaseBusyError(message, path=where) from None
            sleep(min(pause, left))
            pause = min(pause * 2, LONGEST_PAUSE)
