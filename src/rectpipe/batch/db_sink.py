"""A batch's reports into a database (:mod:`rectpipe.db`): from the batch process, from each
worker (a server), or through one writer process (an SQLite file, :mod:`.dbwriter`).

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DatabaseBusyError
from ..limits import DEFAULT_LOCK_WAIT
from ..runtime.paths import AnyPath, fs_path, fs_str
from ..runtime.record import record, replace
from .dbwriter import DEFAULT_MAX_DOCUMENTS, DEFAULT_MAX_SECONDS
from .discover import BatchItem
from .manifest import MANIFEST_NAME
from .result import FileResult
from .sinks import Keyed, Store

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from ..db import Database
    from .convert import ItemStore
    from .dbwriter import DbWriter

__all__ = ["DbSink"]


class DbSink:
    """Every report into a database (see :mod:`rectpipe.db`). The manifest defaults to
    ``<db file>.manifest.jsonl`` beside an SQLite file, ``./manifest.jsonl`` for a server.
    A database another process holds locked is waited for up to ``lock_wait`` seconds at a
    time (see :mod:`rectpipe.db.retry`). A batch into an SQLite file commits every
    ``commit_documents`` documents or ``commit_seconds`` after the first one not committed
    (:mod:`.dbwriter`).

    A server is opened here (a bad URL, a server out of reach raise here); an SQLite file is
    opened by the batch's writer process (its errors are raised when the batch starts), or,
    for :meth:`write` and :attr:`database`, when first used."""

    def __init__(
        self,
        target: AnyPath,
        *,
        manifest_path: AnyPath | None = None,
        lock_wait: float = DEFAULT_LOCK_WAIT,
        commit_documents: int = DEFAULT_MAX_DOCUMENTS,
        commit_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        from ..db.connect import sqlite_path

        target = fs_str(target)
        self.target = target
        self.lock_wait = lock_wait
        self._database: Database | None = None
        self._early: DbWriter | None = None
        db_file = sqlite_path(target)
        if db_file is None:
            self._database = self.database
        if manifest_path is None:
            manifest_path = (
                db_file.with_name(db_file.name + ".manifest.jsonl")
                if db_file is not None
                else Path(MANIFEST_NAME)
            )
        self.manifest_path = fs_path(manifest_path)
        self.output_format = "db"
        self.commit_documents = commit_documents
        self.commit_seconds = commit_seconds

    @property
    def database(self) -> Database:
        """The database, opened in this process on first use."""
        if self._database is None:
            from ..db import open_database

            self._database = open_database(self.target, lock_wait=self.lock_wait)
        return self._database

    def prepare(self) -> None:
        """Start, for an SQLite file, the next batch's writer process now: it opens the
        database (and loads SQLAlchemy) while this process loads the converter."""
        if self._early is None:
            self._early = self._writer(None)

    def item_store(self) -> ItemStore:
        """A picklable function that stores a report in the database from the worker that
        parsed it: each worker opens its own connection and writes its own rows, and the
        report is never pickled back to this process, which only keeps the manifest. Right
        for a server; an SQLite file, which lets one writer at a time, is better written by
        one process (:meth:`start_writer`)."""
        return _DbStore(self.target, self.lock_wait)

    def store_in_worker(self, items: Iterable[tuple[str, BatchItem]]) -> Store:
        """:meth:`item_store` for ``(path the worker gets, item)`` pairs known ahead (the Ray
        engine; on SQLite the workers take turns at the lock, :mod:`rectpipe.db.retry`)."""
        return Keyed(self.item_store(), {path: item for path, item in items})

    def start_writer(self, context: BaseContext) -> DbWriter | None:
        """For an SQLite file, the process that stores every document of a batch, committing
        them in batches (:mod:`.dbwriter`): the one :meth:`prepare` started, else one started
        now with ``context`` (how workers start); ``None`` for a server, where each worker
        writes its own rows. What keeps the writer from opening the database is raised by
        the writer's methods, once it has said so."""
        writer, self._early = self._early, None
        return writer if writer is not None else self._writer(context)

    def _writer(self, context: BaseContext | None) -> DbWriter | None:
        from ..db.connect import sqlite_path
        from .dbwriter import DbWriter

        if sqlite_path(self.target) is None:
            return None
        if context is None:  # forked before the converter is loaded, when forking is safe
            import multiprocessing

            from .pool import default_start_method, worker_context

            method = default_start_method()
            context = (
                multiprocessing.get_context(method) if method == "fork" else worker_context(method)
            )
        return DbWriter(
            self.target,
            lock_wait=self.lock_wait,
            context=context,
            max_documents=self.commit_documents,
            max_seconds=self.commit_seconds,
        )

    def write(self, item: BatchItem, result: FileResult) -> str | None:
        """Upsert the report (unless a worker already did: ``result.stored``); for a failure,
        delete rows stored from ``item.path`` under another hash (a file that changed and no
        longer parses)."""
        if result.stored is not None:
            return None
        if result.report is None:
            self.database.forget(item.path, keep_sha256=result.sha256)
            return None
        self.database.store(result.report, path=item.path)
        return None

    def close(self) -> None:
        """Close the database connections (and a writer started for a batch that never ran)."""
        if self._early is not None:
            self._early.close()
            self._early = None
        if self._database is not None:
            self._database.close()
            self._database = None


@record(slots=False)
class _DbStore:
    """:meth:`DbSink.item_store`: the document is stored under its item's path. Each worker
    process opens the database once, on its first report. Results without a report come
    back unchanged, and so does one the database stayed locked for."""

    target: str
    lock_wait: float

    def __call__(self, result: FileResult, item: BatchItem) -> FileResult:
        if result.report is None:
            return result
        try:
            _worker_database(self.target, self.lock_wait).store(result.report, path=item.path)
        except DatabaseBusyError:
            # locked by another process for the whole wait: the batch process tries once
            # more, and stops the batch if it waits in vain too (see DbSink.write)
            return result
        return replace(result, report=None, stored="")


_OPEN: dict[tuple[str, float, int], Database] = {}


def _worker_database(target: str, lock_wait: float) -> Database:
    """The database a worker process stores into, opened on first use in that process (a
    connection is never shared with the process the worker was forked from)."""
    key = (target, lock_wait, os.getpid())
    database = _OPEN.get(key)
    if database is None:
        from ..db import open_database

        database = _OPEN[key] = open_database(target, lock_wait=lock_wait)
    return database
