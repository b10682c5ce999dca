"""Opening a database from a path or URL, and the :class:`Database` handle the batch uses.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import MissingDependencyError, UsageError
from ..models import records
from ..runtime.names import escape_name
from ..runtime.paths import AnyPath, fs_str
from .retry import DEFAULT_LOCK_WAIT, SQLITE_BUSY_TIMEOUT, with_backoff

__all__ = ["Database", "database_url", "open_database", "sqlite_path"]

T = TypeVar("T")

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ..models.report import Report
    from .rows import DocumentRows, Forget


def database_url(target: str) -> str:
    """The SQLAlchemy URL for ``target``: a URL (``scheme://…``) as given, except that a bare
    ``postgresql://`` gets the ``psycopg`` driver when psycopg 3 is the one installed; anything
    else is a path to an SQLite file (``sqlite:///`` + absolute path)."""
    if "://" not in target:
        return "sqlite:///" + str(Path(target).expanduser().resolve())
    scheme, rest = target.split("://", 1)
    if scheme in ("postgresql", "postgres") and _has("psycopg") and not _has("psycopg2"):
        return f"postgresql+psycopg://{rest}"
    return target


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def sqlite_path(target: str) -> Path | None:
    """The file an SQLite target is stored in, or ``None`` for a server (or in-memory) URL."""
    url = database_url(target)
    if not url.startswith("sqlite") or "///" not in url:
        return None
    name = url.split("///", 1)[1].split("?", 1)[0]
    return Path(name) if name and name != ":memory:" else None


class Database:
    """An open database with rectpipe's tables created (if missing), and columns added since
    the tables were created added to them (nullable ones: older rows read as null).

    ``store`` and ``forget`` are each one transaction; ``close`` disposes of the engine. While
    another process holds the database locked, each of them (and opening) waits with a
    growing pause, for up to ``lock_wait`` seconds in all, then raises
    :class:`~rectpipe.errors.DatabaseBusyError` (``output_error``); see
    :mod:`rectpipe.db.retry`.
    """

    def __init__(self, engine: Engine, *, lock_wait: float = DEFAULT_LOCK_WAIT) -> None:
        from . import schema

        self.engine = engine
        self.lock_wait = lock_wait
        url = engine.url
        self.name: str = (
            url.database or ":memory:"
            if url.get_backend_name() == "sqlite"
            else url.render_as_string(hide_password=True)
        )
        """The database in messages: an SQLite file's path, else its URL without a password."""

        def create() -> None:
            schema.metadata.create_all(engine)
            schema.add_missing_columns(engine)

        self._patiently(create, "creating the tables")

    def _patiently(self, work: Callable[[], T], what: str) -> T:
        return with_backoff(work, wait=self.lock_wait, what=what, where=self.name)

    def store(self, report: Report | records.Report, *, path: str) -> None:
        """Insert or replace ``report``, its models or its records (see
        :func:`rectpipe.db.store.store_report`)."""
        from .store import store_report

        record: records.Report
        if isinstance(report, records.Report):
            record = report
        else:
            from ..models.convert import from_model

            record = from_model(report)
        self._patiently(
            lambda: store_report(self.engine, record, path=path), f"storing {escape_name(path)}"
        )

    def forget(self, path: str, *, keep_sha256: str | None = None) -> int:
        """Delete documents stored from ``path`` except ``keep_sha256``; returns the count."""
        from .store import forget_path

        return self._patiently(
            lambda: forget_path(self.engine, path, keep_sha256=keep_sha256),
            f"removing {escape_name(path)}",
        )

    def write_batch(self, work: Sequence[DocumentRows | Forget]) -> None:
        """Store the documents' rows and forget the paths of ``work``, in order, in one
        transaction (see :func:`rectpipe.db.store.store_rows`)."""
        from .store import Forget, forget_in, store_rows

        def write() -> None:
            with self.engine.begin() as conn:
                for step in work:
                    if isinstance(step, Forget):
                        forget_in(conn, step.path, keep_sha256=step.keep_sha256)
                    else:
                        store_rows(conn, step)

        first = work[0].path if work else ""
        what = f"storing {first}" if len(work) == 1 else f"storing {len(work)} documents"
        self._patiently(write, what)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_ahead(dbapi_connection: Any, record: Any) -> None:
    """On each new SQLite connection: the write-ahead log (readers go on while a writer
    writes; the mode stays with the file) and a commit synced to disk before it returns."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def open_database(
    target: AnyPath, *, lock_wait: float = DEFAULT_LOCK_WAIT, wal: bool = False
) -> Database:
    """The database at ``target`` (a path to an SQLite file, created with its folder when
    missing, or an SQLAlchemy URL), with the tables created. ``wal`` puts an SQLite file in
    write-ahead-log mode, with ``synchronous=FULL``, which suits one writer committing
    batches (:mod:`rectpipe.batch.dbwriter`). Raises ``missing_dependency``
    without SQLAlchemy or the URL's driver, ``usage`` for a URL SQLAlchemy rejects or a
    server it cannot reach, and :class:`~rectpipe.errors.DatabaseBusyError`
    (``output_error``) when the database stays locked for ``lock_wait`` seconds."""
    try:
        import sqlalchemy
        from sqlalchemy import event
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
    except ImportError:
        raise MissingDependencyError("--db needs SQLAlchemy: pip install SQLAlchemy") from None
    target = fs_str(target)
    url = database_url(target)
    path = sqlite_path(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connect_args = {"timeout": min(SQLITE_BUSY_TIMEOUT, lock_wait)} if path else {}
        engine = sqlalchemy.create_engine(url, connect_args=connect_args)
        if wal and path is not None:
            event.listen(engine, "connect", _write_ahead)
        return Database(engine, lock_wait=lock_wait)
    except ImportError as exc:
        raise MissingDependencyError(
            f"no driver for {url.split('://', 1)[0]} ({exc.name}): pip install 'rectpipe[postgres]'"
        ) from None
    except NoSuchModuleError as exc:
        raise MissingDependencyError(str(exc)) from None
    except ArgumentError as exc:
        raise UsageError(f"bad database URL: {exc}") from None
    except OperationalError as exc:
        raise UsageError(f"cannot open the database: {exc.orig or exc}") from None
