"""Crash consistency: ``batch`` killed with SIGKILL at random moments while it writes, then
resumed, ends exactly where an uninterrupted run ends.

One batch of mixed files (text, Word, web pages, a subfolder, files that fail) is converted
into each kind of target: a folder of JSONL outputs, an SQLite database, and one workbook.
Each target's run is killed again and again at moments drawn from a fixed seed across the
length of an uninterrupted run (sometimes the batch process alone, its workers left to notice,
sometimes its whole process group, workers mid-write included), resumed after each kill (a
workbook, written whole, is run again), and finally run to its end. Then:

- every output file, every database table (row for row, bar the time each row was stored)
  and the workbook's cells equal those of the uninterrupted run;
- the manifest's last record for each file equals the uninterrupted run's, and a file that
  parsed is recorded once, however many kills came between;
- no temporary file is left, in the output folder or in the temporary folder;
- no run printed a traceback, and no resume found a bad manifest line.

With ``RECTPIPE_TEST_PG_URL`` set (``.ci/run`` starts a throwaway PostgreSQL), the same runs go
into PostgreSQL, whose tables are compared the same way.

``RECTPIPE_CRASH_KILLS`` sets the number of kills per target (default 4; ``make fuzz``: 20).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rectpipe.batch import read_manifest

from .conftest import ROOT, SAMPLES, SEED

KILLS = int(os.environ.get("RECTPIPE_CRASH_KILLS") or 0) or (
    20 if os.environ.get("RECTPIPE_FUZZ", "") not in ("", "0") else 4
)
SEED_NUMBER = 20240611


def _inbox(folder: Path) -> Path:
    """About twenty files, each slow to convert (``slow`` in the name: 0.15 s in the test
    converter), so that a run lasts long enough to be killed in the middle of its writes."""
    inbox = folder / "in"
    (inbox / "sub").mkdir(parents=True)
    seed = SEED.read_text("utf-8")
    for i in range(10):  # distinct contents
        (inbox / f"slow-{i:02}.txt").write_text(seed + "\n" * (i + 1), "utf-8")
    (inbox / "sub" / "slow-sub.txt").write_text(seed + "\n附件：无\n", "utf-8")
    for name in ("family-a-variants", "family-b-xuncha", "family-c-ducha", "seed-yongzhou"):
        shutil.copy(SAMPLES / f"{name}.docx", inbox / f"slow-{name}.docx")
    shutil.copy(SAMPLES / "seed-yongzhou.html", inbox / "slow-seed.html")
    shutil.copy(SAMPLES / "ledger-taizhang.html", inbox / "sub" / "slow-ledger.html")
    (inbox / "slow-empty.txt").write_bytes(b"")  # corrupt
    data = (SAMPLES / "seed-yongzhou.pdf").read_bytes()
    (inbox / "slow-cut.pdf").write_bytes(data[: len(data) // 3])  # corrupt
    (inbox / "slow-novel.txt").write_text("今天天气很好，我们去公园散步。\n" * 30, "utf-8")
    return inbox


def _command(target: list[str], *, resume: bool) -> list[str]:
    # tests.batch_helpers: the CLI with the slow converter patched in, so workers take time.
    return [sys.executable, "-m", "tests.batch_helpers", "batch", "--workers", "2", *target] + (
        ["--resume"] if resume else []
    )


def _environment(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["TMPDIR"] = str(tmp)  # where a killed run's temporary files would be left
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert "skipped a bad line" not in stderr, stderr
    return result.returncode, stderr


def _gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def _killed_run(command: list[str], env: dict[str, str], after: float, whole_group: bool) -> None:
    """``command`` started in a process group of its own and sent SIGKILL ``after`` seconds
    in (the batch process alone, or its whole group); returns once every process of the
    group has exited, so that no orphaned worker writes while the next run starts."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=os.setsid,  # a process group of its own, killed whole
    )
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        if whole_group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    process.stderr and process.stderr.close()
    assert "Traceback" not in stderr, stderr
    deadline = time.monotonic() + 60
    while not _gone(process.pid):  # workers exit when they find their pipe closed
        assert time.monotonic() < deadline, "workers outlived the killed batch"
        time.sleep(0.02)


def _final_records(manifest: Path) -> dict[str, tuple[Any, ...]]:
    """Each file's last record, without its timing."""
    last: dict[str, tuple[Any, ...]] = {}
    for record in read_manifest(manifest):
        last[record["path"]] = tuple(
            record.get(key)
            for key in (
                "sha256",
                "status",
                "error_code",
                "problems",
                "warnings",
                "format",
                "output",
            )
        )
    return last


def _parsed_once(manifest: Path) -> None:
    parsed = [r["path"] for r in read_manifest(manifest) if r["status"] != "failure"]
    assert len(parsed) == len(set(parsed)), "a file that parsed was recorded twice"


def _files(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the time each document was stored. (Closed
    before returning: a connection to a database in WAL mode keeps its -wal and -shm
    files while it is open.)"""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        names = [
            row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")
        ]
        found: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            cursor = conn.execute(f'select * from "{name}"')
            columns = [d[0] for d in cursor.description]
            kept = [i for i, column in enumerate(columns) if column != "stored_at"]
            rows = [tuple(row[i] for i in kept) for row in cursor]
            found[name] = sorted(rows, key=repr)
    return found


def _pg_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`_tables` for the PostgreSQL target: rectpipe's tables, then dropped, so that the
    next runs start from an empty database."""
    import sqlalchemy as sa

    from rectpipe.db import database_url
    from rectpipe.db import schema as tables

    engine = sa.create_engine(database_url(url))
    try:
        found: dict[str, list[tuple[Any, ...]]] = {}
        with engine.connect() as conn:
            for table in (tables.documents, *tables.CHILD_TABLES):
                kept = [c for c in table.columns if c.name != "stored_at"]
                rows = [tuple(row) for row in conn.execute(sa.select(*kept))]
                found[table.name] = sorted(rows, key=repr)
    finally:
        engine.dispose()
    _pg_drop(url)
    return found


def _pg_drop(url: str) -> None:
    import sqlalchemy as sa

    from rectpipe.db import database_url
    from rectpipe.db import schema as tables

    engine = sa.create_engine(database_url(url))
    tables.metadata.drop_all(engine)
    engine.dispose()


def _pg_url() -> str:
    url = os.environ.get("RECTPIPE_TEST_PG_URL")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("CI is set but RECTPIPE_TEST_PG_URL is not: .ci/run must start PostgreSQL")
    pytest.skip("RECTPIPE_TEST_PG_URL not set (source .ci/postgres.sh to run this)")


def _cells(book: Path) -> dict[str, list[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(book, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}
    finally:
        workbook.close()


def _leftovers(folder: Path) -> list[str]:
    """Temporary files (ours, SQLite's) anywhere under ``folder``."""
    ends = (".tmp", "-journal", "-wal", "-shm")
    return sorted(str(p) for p in folder.rglob("*") if p.name.endswith(ends))


Target = tuple[list[str], Callable[[Path], Any], bool]


def _targets(work: Path) -> dict[str, Target]:
    """For each kind of target: its flags, what to compare, and whether a run continues with
    ``--resume`` (a workbook is written whole: run again)."""
    book = work / "book.xlsx"
    pg = os.environ.get("RECTPIPE_TEST_PG_URL", "")
    return {
        "postgresql": (
            ["--db", pg, "--manifest", str(work / "pg.manifest.jsonl")],
            lambda w: _pg_tables(pg),
            True,
        ),
        "jsonl": (
            ["--out", str(work / "out"), "-f", "jsonl"],
            lambda w: _files(w / "out", skip=("manifest.jsonl",)),
            True,
        ),
        "sqlite": (["--db", str(work / "r.sqlite")], lambda w: _tables(w / "r.sqlite"), True),
        "workbook": (["--workbook", str(book)], lambda w: _cells(w / "book.xlsx"), False),
    }


@pytest.mark.parametrize("kind", ["jsonl", "sqlite", "workbook", "postgresql"])
def test_kill_9_at_random_moments_then_resume_equals_an_uninterrupted_run(
    tmp_path: Path, kind: str
) -> None:
    if kind == "postgresql":
        _pg_drop(_pg_url())  # start from an empty database
    inbox = _inbox(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = _environment(scratch)

    reference, work = tmp_path / "reference", tmp_path / "killed"
    reference.mkdir()
    work.mkdir()
    flags, contents, resumable = _targets(reference)[kind]
    started = time.monotonic()
    status, _ = _run(_command([str(inbox), *flags], resume=False), env)
    length = time.monotonic() - started
    assert status == 1  # corrupt twice, structure_not_found once
    expected = contents(reference)
    if kind in ("sqlite", "postgresql"):
        assert len(expected["documents"]) == 17  # what the comparison below is about
    expected_records = _final_records(next(reference.rglob("*manifest.jsonl")))
    assert len(expected_records) == 20
    assert sum(r[1] == "failure" for r in expected_records.values()) == 3

    flags, contents, resumable = _targets(work)[kind]
    chance = random.Random(f"{SEED_NUMBER}-{kind}")
    for number in range(KILLS):
        command = _command([str(inbox), *flags], resume=resumable and number > 0)
        _killed_run(command, env, chance.uniform(0.05, length), whole_group=number % 2 == 1)
    status, _ = _run(_command([str(inbox), *flags], resume=resumable), env)
    assert status == 1
    assert contents(work) == expected
    manifest = next(work.rglob("*manifest.jsonl"))
    assert _final_records(manifest) == expected_records
    if resumable:
        _parsed_once(manifest)
    assert _leftovers(work) == []
    assert sorted(os.listdir(scratch)) == []  # nothing left in the temporary folder


def test_a_workbook_run_deletes_what_a_killed_one_left(tmp_path: Path) -> None:
    """A run killed while building its workbook leaves its build folder (and maybe the final
    write's temporary file) beside the workbook, nothing in the system's temporary folder;
    the next run into that workbook deletes them, and nothing that is not its own."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    book = tmp_path / "out" / "book.xlsx"
    book.parent.mkdir()
    build = book.parent / ".book.xlsx.k3j9x0aa.tmp"
    build.mkdir()
    (build / "book.xlsx").write_bytes(b"PK half a workbook")
    final = book.parent / ".book.xlsx.0123abcd.tmp"
    final.write_bytes(b"PK half")
    other = [book.parent / ".other.xlsx.0123abcd.tmp", book.parent / "notes.tmp"]
    for path in other:
        path.write_text("not this workbook's", "utf-8")
    status, _ = _run(
        [sys.executable, "-m", "rectpipe", "batch", str(SEED), "--workbook", str(book)],
        _environment(scratch),
    )
    assert status == 0
    assert not build.exists() and not final.exists()
    assert all(path.exists() for path in other)
    assert sorted(os.listdir(scratch)) == []
    assert _cells(book)["documents"][1][0] == SEED.name
