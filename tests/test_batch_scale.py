"""A batch that scales with its workers: files taken as a folder is walked, resuming hashed in
the workers, an SQLite file written by one process a batch of documents at a time."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rectpipe.batch import DbSink, DirSink, FileResult, convert_batch, read_manifest
from rectpipe.batch import discover as discover_module
from rectpipe.batch.runner import BatchSummary
from rectpipe.db import open_database
from rectpipe.db.lite import LiteDatabase

from .conftest import SAMPLES
from .test_db import rows

SEED_TEXT = (SAMPLES / "seed-yongzhou.txt").read_text("utf-8")

needs_fork = pytest.mark.skipif(
    sys.platform != "linux", reason="the workers see the test's patches when forked (Linux)"
)


def _inbox(tmp_path: Path, count: int) -> Path:
    """``count`` reports with distinct contents (each its own document in a database)."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(count):
        (inbox / f"r{n:02}.txt").write_text(SEED_TEXT + "\n" * (n + 1), "utf-8")
    return inbox


def _stored(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("SELECT sha256 FROM documents")}


def test_the_first_file_is_converted_before_the_walk_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path, 4)
    out = tmp_path / "out"
    walked = discover_module.iter_documents
    seen: list[tuple[str, bool]] = []

    def watched(folder: Path, **options: Any) -> Iterator[Path]:
        for path in walked(folder, **options):
            seen.append((path.name, (out / "r00.txt.json").exists()))
            yield path

    monkeypatch.setattr(discover_module, "iter_documents", watched)
    summary = convert_batch([inbox], DirSink(out), workers=1)
    assert summary.done == summary.total == 4
    # one worker has the first file and the pool holds the second; the third is only looked
    # for once the first is written
    assert seen == [("r00.txt", False), ("r01.txt", False), ("r02.txt", True), ("r03.txt", True)]


def test_the_whole_plan_is_listed_first_for_on_plan(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, 3)
    planned: list[int] = []
    summary = convert_batch(
        [inbox, tmp_path / "nothing"],
        DirSink(tmp_path / "out"),
        workers=1,
        on_plan=lambda plan: planned.append(len(plan.todo)),
    )
    assert planned == [3] and (summary.total, summary.failure) == (4, 1)


@needs_fork
def test_resuming_hashes_in_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = _inbox(tmp_path, 4)
    out = tmp_path / "out"
    convert_batch([inbox], DirSink(out), workers=2)
    (inbox / "r01.txt").write_text("changed\n", "utf-8")
    hashed = discover_module.file_sha256
    parent = os.getpid()

    def worker_only(path: str) -> str | None:
        assert os.getpid() != parent, "the batch process hashed a file"
        return hashed(path)

    monkeypatch.setattr(discover_module, "file_sha256", worker_only)
    begun: list[int] = []
    again = convert_batch(
        [inbox], DirSink(out), workers=2, resume=True, on_begin=lambda p: begun.append(len(p.todo))
    )
    assert begun == [0]
    assert (again.skipped, again.total, again.done, again.failure) == (3, 1, 1, 1)
    records = read_manifest(out / "manifest.jsonl")
    assert [Path(r["path"]).name for r in records[4:]] == ["r01.txt"]


def test_a_batch_into_sqlite_uses_the_write_ahead_log(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, 3)
    path = tmp_path / "db.sqlite"
    sink = DbSink(str(path))
    try:
        convert_batch([inbox], sink, workers=2)
    finally:
        sink.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert len(_stored(path)) == 3


@needs_fork
def test_the_writer_commits_documents_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path, 7)
    log = tmp_path / "commits"
    write_batch = LiteDatabase.write_batch

    def counted(self: LiteDatabase, work: Any) -> None:  # runs in the writer, forked from here
        write_batch(self, work)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{len(work)}\n")

    monkeypatch.setattr(LiteDatabase, "write_batch", counted)
    path = tmp_path / "db.sqlite"
    sink = DbSink(str(path), commit_documents=3, commit_seconds=3600)
    try:
        summary = convert_batch([inbox], sink, workers=2)
    finally:
        sink.close()
    assert summary.done == 7
    # three by count, then what is left when the batch ends
    assert log.read_text("utf-8").split() == ["3", "3", "1"]
    assert len(_stored(path)) == 7


def test_an_interrupted_sqlite_batch_records_only_what_is_committed(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, 10)
    path = tmp_path / "db.sqlite"

    def stop_after_two(result: FileResult, summary: BatchSummary) -> None:
        if summary.done == 2:
            raise KeyboardInterrupt

    sink = DbSink(str(path), commit_documents=2, commit_seconds=3600)
    try:
        summary = convert_batch([inbox], sink, workers=2, on_result=stop_after_two)
    finally:
        sink.close()
    assert summary.interrupted and summary.done < 10
    recorded = {r["sha256"] for r in read_manifest(sink.manifest_path)}
    assert 2 <= len(recorded) == summary.done
    assert recorded <= _stored(path)  # everything recorded as done is in the database

    sink = DbSink(str(path))
    try:
        again = convert_batch([inbox], sink, workers=2, resume=True)
    finally:
        sink.close()
    assert (again.skipped, again.done, again.failure) == (len(recorded), 10 - len(recorded), 0)
    records = read_manifest(sink.manifest_path)
    assert len(records) == len({r["sha256"] for r in records}) == 10
    assert _stored(path) == {r["sha256"] for r in records}


def test_the_writer_stores_the_same_rows_as_storing_each_report(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, 4)
    for name in ("seed-yongzhou.docx", "seed-yongzhou.pdf"):
        (inbox / name).write_bytes((SAMPLES / name).read_bytes())
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    written = tmp_path / "writer.sqlite"
    sink = DbSink(str(written))
    try:
        summary = convert_batch([inbox], sink, workers=2)
    finally:
        sink.close()
    assert (summary.done, summary.failure) == (7, 1)

    each = tmp_path / "each.sqlite"  # the batch process stores every report itself
    sink = DbSink(str(each))
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(sink, "start_writer", lambda context: None, raising=False)
    monkeypatch.setattr(sink, "item_store", None, raising=False)
    try:
        convert_batch([inbox], sink, workers=2)
    finally:
        monkeypatch.undo()
        sink.close()
    with open_database(str(written)) as one, open_database(str(each)) as other:
        assert rows(one) == rows(other)
        assert len(rows(one)["documents"]) == 6


def test_without_a_writer_the_runner_stores_in_the_batch_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The comparison above stores through :meth:`DbSink.write`: check that it does."""
    inbox = _inbox(tmp_path, 2)
    sink = DbSink(str(tmp_path / "db.sqlite"))
    monkeypatch.setattr(sink, "start_writer", lambda context: None)
    monkeypatch.setattr(sink, "item_store", None)
    calls: list[str] = []
    write = sink.write

    def counted(item: Any, result: FileResult) -> str | None:
        calls.append(item.path)
        return write(item, result)

    monkeypatch.setattr(sink, "write", counted)
    try:
        convert_batch([inbox], sink, workers=1)
    finally:
        sink.close()
    assert len(calls) == 2


def test_the_writer_stores_what_came_just_before_it_was_told_to_finish(tmp_path: Path) -> None:
    """A worker's rows sent over a connection the writer has not accepted yet, then finish
    at once (the batch process has the worker's result): the rows are committed and their
    key settled."""
    import multiprocessing

    from rectpipe.batch.dbwriter import DbWriter
    from rectpipe.batch.discover import BatchItem
    from rectpipe.batch.local import convert_path

    source = _inbox(tmp_path, 1) / "r00.txt"
    path = tmp_path / "db.sqlite"
    writer = DbWriter(str(path), lock_wait=5, context=multiprocessing.get_context())
    settled: list[str] = []
    try:
        result = convert_path(source, as_records=True)
        stored = writer.item_store()(result, BatchItem(str(source), "r00.txt"))
        assert stored.stored == "" and stored.report is None  # sent to the writer
        writer.finish(settled.extend)
    finally:
        writer.close()
    assert settled == [str(source)]
    assert _stored(path) == {result.sha256}


def test_sigterm_to_the_whole_group_stops_an_sqlite_batch_cleanly(tmp_path: Path) -> None:
    """SIGTERM sent to the command's process group reaches the writer too: it leaves the
    stop to the batch process, which records what the writer then commits."""
    import signal
    import subprocess
    import time

    from .conftest import ROOT

    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(12):  # each slow to convert (tests.batch_helpers)
        (inbox / f"slow-{n:02}.txt").write_text(SEED_TEXT + "\n" * (n + 1), "utf-8")
    path = tmp_path / "db.sqlite"
    manifest = tmp_path / "db.sqlite.manifest.jsonl"
    command = [sys.executable, "-m", "tests.batch_helpers", "batch", str(inbox), "--db", str(path)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, preexec_fn=os.setsid)
    deadline = time.monotonic() + 60
    while not (manifest.exists() and manifest.read_text("utf-8").count("\n") >= 2):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    recorded = {r["sha256"] for r in read_manifest(manifest)}
    assert 2 <= len(recorded) < 12
    assert recorded <= _stored(path)
