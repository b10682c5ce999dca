"""Opening a database from a path or URL, and the :class:`Database` handle the batch uses.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MissingDependencyError, UsageError
from ..models.report import Report

if TYPE_CHECKING:
    from sqlalchemy import Engine


#: Seconds a write to an SQLite file waits for another writer's lock before it fails.
SQLITE_BUSY_SECONDS = 60.0


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

    ``store`` and ``forget`` are each one transaction; ``close`` disposes of the engine.
    """

    def __init__(self, engine: Engine) -> None:
        from . import schema

        self.engine = engine
        schema.metadata.create_all(engine)
        schema.add_missing_columns(engine)

    def store(self, report: Report, *, path: str) -> None:
        """Insert or replace ``report`` (see :func:`rectpipe.db.store.store_report`)."""
        from .store import store_report

        store_report(self.engine, report, path=path)

    def forget(self, path: str, *, keep_sha256: str | None = None) -> int:
        """Delete documents stored from ``path`` except ``keep_sha256``; returns the count."""
        from .store import forget_path

        return forget_path(self.engine, path, keep_sha256=keep_sha256)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(target: str) -> Database:
    """The database at ``target`` (a path to an SQLite file, created with its folder when
    missing, or an SQLAlchemy URL), with the tables created. Raises ``missing_dependency``
    without SQLAlchemy or the URL's driver, and ``usage`` for a URL SQLAlchemy rejects or a
    server it cannot reach."""
    try:
        import sqlalchemy
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
    except ImportError:
        raise MissingDependencyError("--db needs SQLAlchemy: pip install SQLAlchemy") from None
    url = database_url(target)
    path = sqlite_path(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # SQLite: another process writing the file holds its lock for a moment; wait for it
        # (sqlite's busy handler retries with growing sleeps) instead of failing at once.
        options = {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}} if path is not None else {}
        engine = sqlalchemy.create_engine(url, **options)
        return Database(engine)
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
