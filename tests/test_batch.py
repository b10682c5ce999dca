"""Batch conversion: discovery, statuses, timeouts, worker recycling, outputs, resume, CLI."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from rectpipe import DEFAULT_LIMITS, parse_file
from rectpipe.batch import (
    DirSink,
    FileResult,
    convert_batch,
    plan_batch,
    read_manifest,
    run_batch,
)
from rectpipe.batch import local as local_engine
from rectpipe.batch.pool import default_start_method, run_pool
from rectpipe.batch.progress import ProgressBar, bar_text
from rectpipe.batch.runner import BatchSummary
from rectpipe.cli import main
from rectpipe.errors import ParseTimeoutError
from rectpipe.models import Report
from rectpipe.writers import dumps
from rectpipe.writers.csv_rows import CSV_COLUMNS

from . import batch_helpers
from .conftest import ROOT, SAMPLES, SEED

CLEAN = SAMPLES / "family-a-variants.txt"  # parses without warnings


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    return buffer.getvalue()


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good, warned, broken, empty, unsupported and ignored files."""
    folder = tmp_path / "in"
    (folder / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(CLEAN, folder / "clean.txt")
    shutil.copy(SEED, folder / "sub" / "seed.txt")  # has a measure_marker_irregular warning
    shutil.copy(SAMPLES / "seed-yongzhou.docx", folder / "sub" / "deeper" / "seed.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "package.docx").write_bytes(_zip_without_word())
    (folder / "notes.md").write_text("# 备忘", "utf-8")  # not a document suffix: ignored
    (folder / ".hidden.txt").write_text("hidden", "utf-8")  # hidden: ignored
    (folder / "~$lock.docx").write_bytes(b"owner")  # Word lock file: ignored
    return folder


def _by_name(results: list[FileResult]) -> dict[str, FileResult]:
    return {Path(r.path).name: r for r in results}


def test_mixed_folder_gives_each_file_its_status(mixed: Path, seed_report: Report) -> None:
    results = _by_name(list(run_batch([mixed], workers=2, timeout=60)))
    assert set(results) == {
        "clean.txt",
        "seed.txt",
        "seed.docx",
        "broken.pdf",
        "empty.txt",
        "package.docx",
    }
    assert results["clean.txt"].status == "success"
    assert results["clean.txt"].problems == 7
    assert results["clean.txt"].report is not None
    assert results["seed.txt"].status == "partial"
    assert results["seed.txt"].problems == 26
    assert results["seed.txt"].warnings == len(seed_report.warnings) > 0
    assert results["seed.docx"].status == "partial"
    failures = {n: r.error_code for n, r in results.items() if r.status == "failure"}
    assert failures == {
        "broken.pdf": "corrupt",
        "empty.txt": "corrupt",
        "package.docx": "unsupported_format",
    }
    for result in results.values():
        assert result.sha256 is not None and len(result.sha256) == 64
        assert (result.report is None) == (result.status == "failure")


def test_missing_inputs_and_globs(tmp_path: Path) -> None:
    shutil.copy(CLEAN, tmp_path / "a.txt")
    shutil.copy(CLEAN, tmp_path / "b.html")
    results = list(
        run_batch(
            [str(tmp_path / "*.txt"), tmp_path / "nope.txt", str(tmp_path / "*.pdf")], workers=1
        )
    )
    statuses = sorted((Path(r.path).name, r.status, r.error_code) for r in results)
    assert statuses == [
        ("*.pdf", "failure", "file_not_found"),
        ("a.txt", "success", None),
        ("nope.txt", "failure", "file_not_found"),
    ]


def test_explicit_files_are_taken_whatever_their_suffix(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"  # a folder would skip it; named, it is reported
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (result,) = run_batch([image], workers=1)
    assert (result.status, result.error_code) == ("failure", "unsupported_format")


def test_output_names_do_not_collide(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(CLEAN, tmp_path / sub / "x.txt")
    plan = plan_batch([tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", tmp_path / "a"])
    assert [i.output_name for i in plan.todo] == ["x.txt", "x.txt~2"]  # the folder's is a dup


def test_stuck_file_times_out_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local_engine, "convert_path", batch_helpers.slow_convert_path)
    shutil.copy(CLEAN, tmp_path / "a.txt")
    shutil.copy(CLEAN, tmp_path / "hang.txt")
    shutil.copy(SEED, tmp_path / "c.txt")
    started = time.monotonic()
    results = _by_name(list(run_batch([tmp_path], workers=2, timeout=1.0)))
    assert time.monotonic() - started < 20
    hung = results["hang.txt"]
    assert (hung.status, hung.error_code) == ("failure", ParseTimeoutError.code)
    assert hung.seconds == pytest.approx(1.0)
    assert results["a.txt"].status == "success"
    assert results["c.txt"].status == "partial"


def test_a_dying_worker_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_engine, "convert_path", batch_helpers.slow_convert_path)
    for name in ("a.txt", "die.txt", "c.txt", "d.txt"):
        shutil.copy(CLEAN, tmp_path / name)
    results = _by_name(list(run_batch([tmp_path], workers=1, timeout=30)))
    assert results["die.txt"].error_code == "internal_error"
    assert "worker died" in (results["die.txt"].error_message or "")
    assert [results[n].status for n in ("a.txt", "c.txt", "d.txt")] == ["success"] * 3


def test_workers_are_recycled_after_max_tasks() -> None:
    paths = [f"file-{i}" for i in range(6)]
    results = list(run_pool(paths, batch_helpers.pid_job, workers=1, max_tasks_per_worker=2))
    assert sorted(r.path for r in results) == sorted(paths)
    pids = [r.error_message for r in results]
    assert len(set(pids)) == 3
    assert str(os.getpid()) not in pids


def test_a_kept_pool_serves_run_after_run_with_the_same_processes() -> None:
    from rectpipe.batch.pool import KeptPool

    pool = KeptPool(batch_helpers.pid_job, timeout=30, max_tasks_per_worker=10)
    try:
        first = {r.error_message for r in pool.run(["a", "b"])}
        second = {r.error_message for r in pool.run(["c", "d", "e"])}
        assert len(first) == 1 and first == second  # one process, started once
        assert str(os.getpid()) not in first
        after_limit = {r.error_message for r in pool.run([f"f{i}" for i in range(6)])}
        assert len(after_limit) == 2  # its tenth file retired it: a new one took over
    finally:
        pool.close()
    (worker,) = after_limit - first
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(int(worker or 0), 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("close() left the kept pool's process running")


def test_closing_the_generator_stops_the_workers() -> None:
    results = run_pool([f"slow-{i}" for i in range(6)], batch_helpers.pid_job, workers=2)
    first = next(results)
    worker = int(first.error_message or 0)
    os.kill(worker, 0)  # alive, waiting for its next file
    results.close()  # what Ctrl-C does through convert_batch: workers terminated
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    raise AssertionError("worker still running after the batch was closed")


def test_dir_sink_outputs_manifest_and_resume(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = convert_batch([mixed], DirSink(out, "csv"), workers=2)
    assert (summary.total, summary.success, summary.partial, summary.failure) == (6, 1, 2, 3)
    assert summary.codes == {"corrupt": 2, "unsupported_format": 1}
    text = (out / "sub" / "seed.txt.csv").read_text("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 26 and tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["path"] == "二、集中整改期内已完成的整改事项 > （一）反馈问题：发展质量不高"
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.csv"))
    assert written == ["clean.txt.csv", "sub/deeper/seed.docx.csv", "sub/seed.txt.csv"]
    records = read_manifest(out / "manifest.jsonl")
    assert len(records) == 6
    assert {r["status"] for r in records} == {"success", "partial", "failure"}
    assert set(records[0]) >= {"path", "sha256", "status", "error_code", "problems", "seconds"}

    again = convert_batch([mixed], DirSink(out, "csv"), workers=2, resume=True)
    assert (again.skipped, again.total, again.failure) == (3, 3, 3)  # failures are retried
    assert len(read_manifest(out / "manifest.jsonl")) == 9


def test_a_file_that_stops_parsing_loses_its_old_output(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    shutil.copy(CLEAN, source)
    out = tmp_path / "out"
    convert_batch([source], DirSink(out, "json"), workers=1)
    assert json.loads((out / "doc.txt.json").read_text("utf-8"))["summary"]["problems"] == 7
    source.write_bytes(b"")
    convert_batch([source], DirSink(out, "json"), workers=1)
    assert not (out / "doc.txt.json").exists()


def test_manifest_survives_a_torn_last_line(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    shutil.copy(CLEAN, source)
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.jsonl").write_text('{"path": "x", "status": "succ', "utf-8")
    convert_batch([source], DirSink(out, "json"), workers=1)
    records = read_manifest(out / "manifest.jsonl")
    assert [r["path"] for r in records] == [str(source)]


def test_progress_bar_only_on_terminals() -> None:
    summary = BatchSummary(total=40, success=10, partial=5, failure=5)
    line = bar_text(summary, elapsed=4.0, width=10)
    assert line.startswith("[#####.....] 20/40 50% ok 10 partial 5 failed 5 5.0/s")
    assert line.endswith("eta 4s")

    piped = io.StringIO()
    ProgressBar(piped).update(summary, force=True)
    assert piped.getvalue() == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = ProgressBar(terminal)
    bar.update(summary, force=True)
    bar.clear()
    assert terminal.getvalue().startswith("\r[#")
    assert ProgressBar(Terminal(), enabled=False).enabled is False


def test_cli_batch_into_a_folder(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status = main(["batch", str(mixed), "--out", str(out), "-f", "jsonl", "--workers", "2"])
    assert status == 1  # two different failure codes
    err = capsys.readouterr().err
    assert "\r" not in err  # not a terminal: no progress bar
    assert f"rectpipe: {mixed / 'empty.txt'}: corrupt: empty file" in err
    assert err.strip().splitlines()[-1].startswith("rectpipe: 6 of 6 files")
    lines = (out / "clean.txt.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 7 and json.loads(lines[0])["source"] == "clean.txt"

    assert main(["batch", str(mixed / "clean.txt"), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["batch", str(mixed / "empty.txt"), "--out", str(out), "-q"]) == 11


def test_cli_batch_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", str(CLEAN)])  # neither --out nor --db
    assert main(["batch", str(CLEAN), "--db", str(tmp_path / "x.db"), "-f", "csv"]) == 2
    assert main(["batch", str(CLEAN), "--out", str(tmp_path), "--workers", "0"]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("status: [", "utf-8")
    assert main(["batch", str(CLEAN), "--out", str(tmp_path), "--profile", str(bad)]) == 2
    assert "usage" in capsys.readouterr().err


def _db_counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        documents = conn.execute("select count(*) from documents").fetchone()[0]
        problems = conn.execute("select count(*) from problems").fetchone()[0]
        distinct = conn.execute(
            "select count(*) from (select distinct document_sha256, id from problems)"
        ).fetchone()[0]
    return documents, problems, distinct


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.batch_helpers", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_lines(manifest: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_text("utf-8").splitlines()) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"manifest never reached {count} lines: {process.stderr}")


def test_interrupted_runs_resume_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_text("utf-8")
    files = 16
    for i in range(files):  # distinct contents, each slow to convert
        (folder / f"slow-{i:02}.txt").write_text(seed + "\n" * (i + 1), "utf-8")
    db = tmp_path / "out.sqlite"
    manifest = tmp_path / "out.sqlite.manifest.jsonl"
    args = ["batch", str(folder), "--db", str(db), "--workers", "2", "--resume"]

    first = _start(args)  # Ctrl-C part-way: a clean stop
    _wait_for_lines(manifest, 4, first)
    first.send_signal(signal.SIGINT)
    assert first.wait(timeout=30) == 130
    assert b"interrupted, rerun with --resume" in (first.stderr.read() if first.stderr else b"")
    recorded = len(read_manifest(manifest))
    assert 4 <= recorded < files
    assert _db_counts(db) == (recorded, recorded * 26, recorded * 26)

    second = _start(args)  # killed outright: no cleanup at all
    _wait_for_lines(manifest, recorded + 3, second)
    second.kill()
    second.wait(timeout=30)
    killed_at = len(read_manifest(manifest))
    assert killed_at < files

    third = _start(args)
    _, err = third.communicate(timeout=120)
    assert third.returncode == 0, err
    assert f"{killed_at} skipped".encode() in err
    records = read_manifest(manifest)
    assert len({r["sha256"] for r in records}) == files
    assert len(records) == files  # a file is recorded once, after it is stored
    assert _db_counts(db) == (files, files * 26, files * 26)


def test_workers_store_outputs_identical_to_the_parent_rendering(tmp_path: Path) -> None:
    out = tmp_path / "out"
    results: list[FileResult] = []
    convert_batch(
        [SEED, CLEAN], DirSink(out, "json"), workers=2, on_result=lambda r, _: results.append(r)
    )
    assert sorted(r.stored or "" for r in results) == [
        "family-a-variants.txt.json",
        "seed-yongzhou.txt.json",
    ]
    assert all(r.report is None for r in results)  # stored by the worker, not sent back
    for source in (SEED, CLEAN):
        written = (out / (source.name + ".json")).read_text("utf-8")
        assert written == dumps(parse_file(source), "json")


def test_workers_fork_from_a_single_threaded_parent_only() -> None:
    if sys.platform != "linux":
        pytest.skip("fork is chosen on Linux only")
    assert default_start_method() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert default_start_method() == "forkserver"
    finally:
        stop.set()
        other.join()


_ORPHANS = """
import sys
from rectpipe.batch.pool import run_pool
from tests import batch_helpers
if __name__ == "__main__":
    for result in run_pool([f"slow-{i}" for i in range(10000)], batch_helpers.pid_job,
                           workers=2, start_method=sys.argv[1]):
        print(result.error_message, flush=True)
"""


def _exited(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")  # a zombie nobody reaps has exited all the same


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_workers_exit_when_the_batch_process_is_killed(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods() or not Path("/proc").exists():
        pytest.skip(f"needs {method} and /proc")
    process = subprocess.Popen(
        [sys.executable, "-c", _ORPHANS, method], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    pids: set[int] = set()
    while len(pids) < 2:
        pids.add(int(process.stdout.readline()))
    process.kill()  # no cleanup at all: the workers must notice on their own
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while not all(_exited(pid) for pid in pids):
        assert time.monotonic() < deadline, f"workers {pids} outlived the killed batch"
        time.sleep(0.05)


def test_a_failure_removes_a_temporary_file_left_by_a_killed_worker(tmp_path: Path) -> None:
    source = tmp_path / "in" / "doc[1].txt"  # glob characters in the name are taken literally
    source.parent.mkdir()
    source.write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    stray = out / ".doc[1].txt.json.k2j4x9.tmp"  # what write_atomic's temporary looks like
    stray.write_text("{", "utf-8")
    other = out / ".other.txt.json.k2j4x9.tmp"
    other.write_text("{", "utf-8")
    summary = convert_batch([source], DirSink(out, "json"), workers=1)
    assert summary.failure == 1
    assert not stray.exists()
    assert other.exists()  # another file's temporary is not this failure's business


def test_ocr_engines_share_the_cores_among_workers() -> None:
    from rectpipe.batch.runner import shared_cores

    one = shared_cores(DEFAULT_LIMITS, 1)
    assert one.ocr_threads == 0  # a single worker leaves it to the engine
    two = shared_cores(DEFAULT_LIMITS, 2)
    assert two.ocr_threads >= 1
    assert shared_cores(DEFAULT_LIMITS, 10_000).ocr_threads == 1
    chosen = dataclasses.replace(DEFAULT_LIMITS, ocr_threads=3)
    assert shared_cores(chosen, 2).ocr_threads == 3  # a number asked for is kept
