"""A database another process holds locked: opening and storing wait with a bounded back-off,
then stop the batch with one ``output_error`` line (exit 74), the manifest complete up to the
last stored file, so that ``--resume`` finishes the job once the lock is gone."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from rectpipe.batch import DbSink, FileResult, convert_batch, read_manifest
from rectpipe.batch.runner import BatchSummary
from rectpipe.db import open_database
from rectpipe.db.retry import with_backoff
from rectpipe.errors import DatabaseBusyError, OutputError

from . import hostile
from .conftest import SAMPLES


@contextmanager
def locked(path: Path) -> Iterator[sqlite3.Connection]:
    """``path`` held with an exclusive lock (as a second writer or a shell would hold it)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        yield connection
    finally:
        connection.close()


def _locked_error() -> OperationalError:
    return OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def test_the_back_off_doubles_and_gives_up_at_the_deadline() -> None:
    clock = _Clock()

    def work() -> None:
        raise _locked_error()

    with pytest.raises(DatabaseBusyError) as caught:
        with_backoff(work, wait=5, what="storing x", sleep=clock.sleep, clock=lambda: clock.now)
    assert clock.pauses == [0.1, 0.2, 0.4, 0.8, 1.6, 1.9]
    assert caught.value.code == "output_error" and isinstance(caught.value, OutputError)
    assert caught.value.message == "storing x: database is locked; gave up after 5 s"


def test_the_back_off_returns_once_the_lock_is_gone() -> None:
    clock = _Clock()
    tries = iter([_locked_error(), _locked_error(), None])

    def work() -> str:
        error = next(tries)
        if error is not None:
            raise error
        return "stored"

    assert with_backoff(work, wait=5, what="x", sleep=clock.sleep, clock=lambda: clock.now) == (
        "stored"
    )
    assert clock.pauses == [0.1, 0.2]


def test_other_database_errors_are_not_waited_for() -> None:
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))

    with pytest.raises(OperationalError):
        with_backoff(work, wait=60, what="x", sleep=lambda _: None)
    assert calls == [1]

    def race() -> None:
        calls.append(1)
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    calls.clear()
    with pytest.raises(IntegrityError):
        with_backoff(race, wait=60, what="x", sleep=lambda _: None)
    assert calls == [1, 1, 1]  # a lost race is tried three times


def test_opening_a_locked_database_waits_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    open_database(str(path)).close()
    with locked(path), pytest.raises(DatabaseBusyError) as caught:
        open_database(str(path), lock_wait=0.3)
    assert caught.value.path == str(path)
    assert "database is locked; gave up after 0.3 s" in caught.value.message


def test_opening_a_database_locked_for_a_moment_waits_for_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    open_database(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.5, holder.rollback)
    release.start()
    try:
        open_database(str(path), lock_wait=20).close()
    finally:
        release.join()
        holder.close()


def test_a_locked_database_at_start_is_one_line_and_exit_74(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(SAMPLES / "seed-yongzhou.txt", inbox)
    path = tmp_path / "db.sqlite"
    open_database(str(path)).close()
    with locked(path):
        result = hostile.rectpipe("batch", inbox, "--db", path, "--db-wait", "0.5")
    assert result.returncode == 74
    assert hostile.error_lines(result) == [
        f"rectpipe: {path}: output_error: creating the tables: database is locked; "
        "gave up after 0.5 s"
    ]


def test_a_database_locked_mid_batch_stops_it_and_resume_finishes(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    # enough files that the writer cannot have stored them all before the lock is taken, however
    # late a loaded machine runs the callback
    files = 20
    for n in range(files):
        (inbox / f"r{n}.txt").write_text(
            (SAMPLES / "seed-yongzhou.txt").read_text("utf-8") + f"\n{n}\n", "utf-8"
        )
    path = tmp_path / "db.sqlite"
    holder: list[sqlite3.Connection] = []

    def lock_after_two(result: FileResult, summary: BatchSummary) -> None:
        if summary.done == 2 and not holder:
            holder.append(sqlite3.connect(path, isolation_level=None))
            holder[0].execute("BEGIN EXCLUSIVE")

    sink = DbSink(str(path), lock_wait=0.3, commit_documents=1)  # a commit per document
    try:
        with pytest.raises(DatabaseBusyError, match=r"storing .*database is locked"):
            convert_batch([inbox], sink, workers=1, on_result=lock_after_two)
    finally:
        sink.close()
        holder[0].close()
    recorded = list(read_manifest(sink.manifest_path))
    # the writer commits as it goes: the files committed before the lock are recorded (at
    # least the two before it), and nothing else
    assert 2 <= len(recorded) < files
    with sqlite3.connect(path) as connection:
        stored = {row[0] for row in connection.execute("SELECT sha256 FROM documents")}
    assert {line["sha256"] for line in recorded} <= stored
    sink = DbSink(str(path))
    try:
        summary = convert_batch([inbox], sink, workers=1, resume=True)
    finally:
        sink.close()
    left = files - len(recorded)
    assert (summary.skipped, summary.done, summary.failure) == (len(recorded), left, 0)
    with sqlite3.connect(path) as connection:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert documents == files
