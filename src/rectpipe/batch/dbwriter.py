"""The database writer of a batch into SQLite: one process stores every document, many to a
transaction.

SQLite lets one writer at a time, and a commit costs a sync to disk: workers that each stored
their own documents took turns at the lock and paid a commit per document. Here each worker
makes a document's rows (:func:`rectpipe.db.store.document_rows`) and sends them to the writer
over a local socket; the writer inserts them and commits every ``max_documents`` documents, or
``max_seconds`` after the first one not yet committed, and whenever the batch process tells it
to finish (at the end of the run, or when the run is interrupted). After each commit it tells
the batch process which documents the commit holds, and only then are they recorded in the
manifest: a document the manifest records as done is in the database, however the run stops.
The file is put in write-ahead-log mode with ``synchronous=FULL``: readers go on while the
writer writes, and a commit is on disk before it is acknowledged. The writer stores with the
standard library's ``sqlite3`` (:mod:`rectpipe.db.lite`: SQLAlchemy is loaded only to bring
an earlier version's tables up to date). It listens before it opens the database, and
the batch process does not wait for it: the command starts it before it loads the
converter, so both load side by side, and workers may connect at once. What keeps it from
opening the database comes back as its error, and stops the batch.

Messages, each a tuple: worker → writer ``("store", key, rows)``; batch process → writer the
same, ``("forget", key, Forget)`` and ``("finish",)``; writer → batch process ``("ready",)``,
``("done", keys)``, ``("error", exception)`` and ``("finished",)``. A key is the path the
batch recorded the file under.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any

from ..errors import InternalError, OutputError, RectpipeError
from ..models import records
from ..runtime.record import record, replace
from .result import FileResult

if TYPE_CHECKING:
    from .convert import ItemStore
    from .discover import BatchItem

__all__ = ["DEFAULT_MAX_DOCUMENTS", "DEFAULT_MAX_SECONDS", "DbWriter"]

DEFAULT_MAX_DOCUMENTS = 50
DEFAULT_MAX_SECONDS = 0.2
_SOCKET = "writer.sock"


def _writer_main(
    conn: Connection,
    target: str,
    lock_wait: float,
    address: str,
    max_documents: int,
    max_seconds: float,
    inherited: Connection | None = None,
) -> None:
    """The writer's life: listen for workers, store what they send, commit in batches, until
    the batch process says finish (or goes away: ``inherited``, the batch process's end of
    the pipe that a forked writer holds a copy of, is closed first, so that the pipe ends
    with the batch process). Ctrl-C and SIGTERM, which may come to the whole process group,
    are the batch process's to handle: it then tells the writer to finish, and the writer
    commits what it holds."""
    if inherited is not None:
        inherited.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    from ..db.connect import sqlite_path
    from ..db.lite import open_lite

    try:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(address)
        listener.listen(64)
        path = sqlite_path(target)
        assert path is not None  # a writer is started for an SQLite file only
        database = open_lite(path, lock_wait=lock_wait)
    except RectpipeError as exc:
        _tell(conn, ("error", exc))
        return
    except Exception as exc:
        _tell(conn, ("error", OutputError(f"cannot start the database writer: {exc}")))
        return
    _tell(conn, ("ready",))
    batch = _Batch(database, conn, max_documents, max_seconds)
    peers: list[Connection] = []

    def serve(handle: object) -> None:
        if handle is listener:
            accepted, _ = listener.accept()
            if _same_user(accepted):
                peers.append(Connection(accepted.detach()))
            else:
                accepted.close()
        elif handle is conn:
            batch.take(_receive(conn, finish_on_eof=True))
        else:
            assert isinstance(handle, Connection)
            batch.take(_receive(handle, drop=peers))

    try:
        while not batch.finishing:
            for handle in wait([conn, listener, *peers], timeout=batch.wait_for()):
                serve(handle)
            batch.commit_when_due()
        # What workers sent before their results reached the batch process is in the sockets,
        # a worker's first message behind a connection not accepted yet.
        while ready := wait([listener, *peers], timeout=0):
            for handle in ready:
                serve(handle)
        batch.commit()
        _tell(conn, ("finished",))
    except RectpipeError as exc:  # the database stayed locked: the batch stops
        _tell(conn, ("error", exc))
    except Exception as exc:
        _tell(conn, ("error", InternalError(f"database writer: {type(exc).__name__}: {exc}")))
    finally:
        database.close()
        listener.close()


def _same_user(peer: socket.socket) -> bool:
    """Whether ``peer`` runs as this process's user (an abstract socket has no file whose
    permissions keep others out; where the system cannot say, the folder's do)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    credentials = peer.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _address() -> tuple[str, str | None]:
    """Where the writer listens, and the folder to delete afterwards: on Linux a name in the
    abstract namespace (nothing on disk, so a run killed outright leaves nothing behind),
    elsewhere a socket file in a private temporary folder."""
    if sys.platform == "linux":
        return f"\0rectpipe-writer-{os.getpid()}-{secrets.token_hex(8)}", None
    folder = tempfile.mkdtemp(prefix="rectpipe-")
    return os.path.join(folder, _SOCKET), folder


def _tell(conn: Connection, message: tuple[Any, ...]) -> None:
    """Send ``message`` to the batch process, unless it has gone (killed: what the writer
    committed for it is converted again when the run resumes)."""
    with contextlib.suppress(OSError):
        conn.send(message)


def _receive(
    handle: Connection, *, finish_on_eof: bool = False, drop: list[Connection] | None = None
) -> tuple[Any, ...] | None:
    """The next message on ``handle``; at its end (a worker that exited or was killed),
    ``("finish",)`` for the batch process's pipe, else ``None`` and the handle dropped."""
    try:
        message: tuple[Any, ...] = handle.recv()
        return message
    except (EOFError, OSError):
        if finish_on_eof:
            return ("finish",)
        if drop is not None and handle in drop:
            drop.remove(handle)
        handle.close()
        return None


class _Batch:
    """The documents received and not yet committed, and when to commit them."""

    def __init__(self, database: Any, conn: Connection, most: int, seconds: float) -> None:
        self.database = database
        self.conn = conn
        self.most = max(1, most)
        self.seconds = max(0.0, seconds)
        self.keys: list[str] = []
        self.work: list[Any] = []
        self.since = 0.0
        self.finishing = False

    def take(self, message: tuple[Any, ...] | None) -> None:
        if message is None:
            return
        if message[0] == "finish":
            self.finishing = True
            return
        if not self.keys:
            self.since = time.monotonic()
        self.keys.append(message[1])
        self.work.append(message[2])
        if len(self.keys) >= self.most:
            self.commit()

    def wait_for(self) -> float | None:
        if not self.keys:
            return None
        return max(0.0, self.since + self.seconds - time.monotonic())

    def commit_when_due(self) -> None:
        if self.keys and self.wait_for() == 0.0:
            self.commit()

    def commit(self) -> None:
        if not self.keys:
            return
        self.database.write_batch(self.work)
        _tell(self.conn, ("done", self.keys))
        self.keys, self.work = [], []


_PEERS: dict[tuple[str, int], Connection] = {}


def _to_writer(address: str) -> Connection:
    """This process's connection to the writer at ``address``, made on first use (a
    connection is never shared with the process a worker was forked from)."""
    key = (address, os.getpid())
    conn = _PEERS.get(key)
    if conn is None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(address)
        except OSError:
            sock.close()
            raise
        conn = _PEERS[key] = Connection(sock.detach())
    return conn


@record(slots=False)
class _WriterStore:
    """A worker's side of the writer: the document goes under its item's path, which is
    also its key. A result without a report (as records) comes back unchanged, and so does
    one the writer could not be reached for (the batch process sends it)."""

    address: str

    def __call__(self, result: FileResult, item: BatchItem) -> FileResult:
        if not isinstance(result.report, records.Report):
            return result
        from ..db.rows import document_rows

        key = item.path

        rows = document_rows(result.report, key)
        try:
            _to_writer(self.address).send(("store", key, rows))
        except OSError:
            _PEERS.pop((self.address, os.getpid()), None)
            return result
        return replace(result, report=None, stored="")


class DbWriter:
    """The batch process's side of the writer: starts it (``context``: how workers start),
    hands workers their side (:meth:`store_in_worker`), sends what workers could not, and
    reads back which documents are committed. :meth:`close` ends it."""

    def __init__(
        self,
        target: str,
        *,
        lock_wait: float,
        context: BaseContext,
        max_documents: int = DEFAULT_MAX_DOCUMENTS,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        self.address, self.folder = _address()
        self.conn, child = context.Pipe(duplex=True)
        forked = context.get_start_method() == "fork"
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_writer_main,
            args=(
                child,
                target,
                lock_wait,
                self.address,
                max_documents,
                max_seconds,
                self.conn if forked else None,
            ),
            daemon=True,
        )
        self.finished = False
        self.ready = False
        try:
            self.process.start()
        except BaseException:
            self.close()
            raise
        finally:
            child.close()

    def _recv(self) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = self.conn.recv()
            return message
        except (EOFError, OSError):
            self.process.join(timeout=1)
            code = self.process.exitcode
            raise OutputError(f"the database writer stopped (exit code {code})") from None

    def item_store(self) -> ItemStore:
        """A picklable function that sends a worker's report, as rows, to the writer."""
        return _WriterStore(self.address)

    def store(self, key: str, report: Any) -> None:
        """Send ``report`` (records or models), stored from ``key``, to the writer."""
        from ..db.rows import document_rows
        from ..models.convert import from_model

        record = report if isinstance(report, records.Report) else from_model(report)
        self._send(("store", key, document_rows(record, key)))

    def forget(self, key: str, *, keep_sha256: str | None) -> None:
        """Have the writer forget what was stored from ``key`` except ``keep_sha256``."""
        from ..db.rows import Forget

        self._send(("forget", key, Forget(key, keep_sha256)))

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self.conn.send(message)
        except OSError:
            self.take(lambda keys: None)  # its error, if it sent one
            self.process.join(timeout=1)
            code = self.process.exitcode
            raise OutputError(f"the database writer stopped (exit code {code})") from None

    def take(self, settle: Callable[[list[str]], None]) -> None:
        """Hand ``settle`` the keys of every commit the writer has reported so far, without
        waiting; a writer's error is raised after the commits before it are settled."""
        while self.conn.poll():
            self._handle(self._recv(), settle)

    def finish(self, settle: Callable[[list[str]], None]) -> None:
        """Have the writer commit what it holds and stop; ``settle`` every commit's keys."""
        if self.finished:
            return
        with contextlib.suppress(OSError):
            self.conn.send(("finish",))
        while not self.finished:
            self._handle(self._recv(), settle)
        self.process.join(timeout=5)

    def _handle(self, message: tuple[Any, ...], settle: Callable[[list[str]], None]) -> None:
        kind = message[0]
        if kind == "ready":
            self.ready = True
        elif kind == "done":
            settle(message[1])
        elif kind == "finished":
            self.finished = True
        elif kind == "error":
            self.finished = True
            raise message[1]

    def close(self) -> None:
        """End the writer (at once, when :meth:`finish` was not called) and its folder."""
        if self.process.is_alive() and not self.finished:
            self.process.kill()
        with contextlib.suppress(AssertionError):  # never started
            self.process.join(timeout=5)
        self.conn.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
