"""Hostile batches: files that change, vanish or loop while a batch runs, absurd flag values,
damaged manifests and resumes that must not skip too much. Each ends in a per-file code or a
one-line usage error, never a traceback; a 2-worker batch prints nothing but one line per
failure and the summary."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rectpipe.batch import DirSink, Plan, convert_batch, read_manifest
from rectpipe.errors import UsageError

from . import hostile
from .conftest import SAMPLES, SEED

DOCX = SAMPLES / "seed-yongzhou.docx"


def _inbox(tmp_path: Path, names: list[str]) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in names:
        source = DOCX if name.endswith(".docx") else SEED
        shutil.copy(source, inbox / name)
    return inbox


def test_a_two_worker_batch_prints_only_failures_and_the_summary(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, [f"ok{n}.txt" for n in range(6)] + ["ok.docx"])
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "garbage.txt").write_bytes(bytes(range(256)) * 64)
    (inbox / "dangling.txt").symlink_to(inbox / "nowhere.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    result = hostile.rectpipe("batch", inbox, "--out", tmp_path / "out", "--workers", "2")
    lines = hostile.error_lines(result)
    assert "KeyboardInterrupt" not in result.stderr.decode()
    failures = sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in lines[:-1])
    assert failures == ["dangling.txt", "empty.txt", "garbage.txt", "loop.txt"], lines
    assert all(line.startswith("rectpipe: ") for line in lines)
    assert lines[-1].startswith("rectpipe: 11 of 11 files"), lines
    assert result.returncode == 1  # corrupt and file_not_found


def _delete(path: Path) -> str:
    path.unlink()
    return "file_not_found"


def _truncate(path: Path) -> str:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return "corrupt"


def _empty(path: Path) -> str:
    path.write_bytes(b"")
    return "corrupt"


def _dangle(path: Path) -> str:
    path.unlink()
    path.symlink_to(path.with_name("gone"))
    return "file_not_found"


def _loop(path: Path) -> str:
    path.unlink()
    path.symlink_to(path)
    return "file_not_found"


def _folder(path: Path) -> str:
    path.unlink()
    path.mkdir()
    return "file_not_found"


RACES: list[tuple[str, Callable[[Path], str]]] = [
    ("deleted", _delete),
    ("truncated", _truncate),
    ("emptied", _empty),
    ("now-dangling", _dangle),
    ("now-a-loop", _loop),
    ("now-a-folder", _folder),
]


@pytest.mark.parametrize("change", [c for _, c in RACES], ids=[n for n, _ in RACES])
def test_a_file_changed_after_planning_fails_alone(
    tmp_path: Path, change: Callable[[Path], str], capfd: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path, ["keep.txt", "victim.docx"])
    expected: list[str] = []

    def on_plan(plan: Plan) -> None:  # after the files are listed, before any is read
        expected.append(change(inbox / "victim.docx"))

    out = tmp_path / "out"
    summary = convert_batch([inbox], DirSink(out), workers=2, on_plan=on_plan)
    assert (summary.partial + summary.success, summary.failure) == (1, 1)
    assert summary.codes == {expected[0]: 1}
    records = {Path(r["path"]).name: r for r in read_manifest(out / "manifest.jsonl")}
    assert records["victim.docx"]["error_code"] == expected[0]
    assert not (out / "victim.docx.json").exists() and hostile.leftovers(tmp_path) == []
    assert "Traceback" not in capfd.readouterr().err


def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    if not hostile.permissions_enforceable():
        pytest.skip("cannot make a child obey file permissions")
    inbox = _inbox(tmp_path, ["keep.txt", "locked.txt"])
    (inbox / "locked.txt").chmod(0)
    result = hostile.rectpipe(
        "batch", inbox, "--out", tmp_path / "out", preexec_fn=hostile.drop_permission_override
    )
    lines = hostile.error_lines(result)
    assert result.returncode == 3, lines
    assert lines[0] == f"rectpipe: {inbox / 'locked.txt'}: file_not_found: cannot read: " + (
        "Permission denied"
    )
    assert len(lines) == 2


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_a_broken_symlink_named_as_input(tmp_path: Path, kind: str) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(link if kind == "loop" else tmp_path / "gone.txt")
    for command in (["batch", link, "--out", tmp_path / "out"], ["extract", link]):
        result = hostile.rectpipe(*command)
        lines = hostile.error_lines(result)
        assert result.returncode == 3, lines
        assert lines[0].startswith(f"rectpipe: {link}: file_not_found: cannot read: ")


BAD_FLAGS = [
    ["batch", "--workers", "100000"],
    ["batch", "--workers", "0"],
    ["batch", "--workers", "-3"],
    ["batch", "--timeout", "-1"],
    ["batch", "--timeout", "nan"],
    ["batch", "--timeout", "inf"],
    ["batch", "--max-tasks-per-worker", "0"],
    ["extract", "--timeout", "nan"],
    ["extract", "--timeout", "-5"],
    ["extract", "--max-file-mb", "nan"],
    ["extract", "--max-file-mb", "-1"],
    ["extract", "--max-unzipped-mb", "inf"],
    ["extract", "--max-pages", "0"],
]


@pytest.mark.parametrize("flags", BAD_FLAGS, ids=[" ".join(f) for f in BAD_FLAGS])
def test_absurd_flag_values_are_usage_errors(tmp_path: Path, flags: list[str]) -> None:
    command, *options = flags
    where = ["--out", str(tmp_path / "out")] if command == "batch" else []
    result = hostile.rectpipe(command, SEED, *where, *options)
    lines = hostile.error_lines(result)
    assert result.returncode == 2, lines
    assert len(lines) == 1 and lines[0].startswith(f"rectpipe: usage: {options[0]} must be ")
    assert not (tmp_path / "out").exists()


def test_zero_timeout_still_means_none(tmp_path: Path) -> None:
    result = hostile.rectpipe("extract", SEED, "--timeout", "0", "-o", tmp_path / "x.json")
    assert result.returncode == 0, hostile.error_lines(result)


def test_malformed_manifest_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, ["a.txt", "b.txt"])
    out = tmp_path / "out"
    assert hostile.rectpipe("batch", inbox, "--out", out).returncode == 0
    manifest = out / "manifest.jsonl"
    bad = [
        {"path": ["in/a.txt"], "sha256": "0" * 64, "status": "success"},
        [1, 2, 3],
        {"path": str(inbox / "a.txt"), "sha256": {"no": 1}, "status": "success"},
        {"path": str(inbox / "a.txt"), "sha256": "0" * 64, "status": ["success"]},
        "just a string",
    ]
    with manifest.open("a", encoding="utf-8") as handle:
        for record in bad:
            handle.write(json.dumps(record) + "\n")
        handle.write("{not json\n")
        handle.write('{"path": "torn by a cra')  # a torn last line: skipped silently
    result = hostile.rectpipe("batch", inbox, "--out", out, "--resume")
    lines = hostile.error_lines(result)
    assert result.returncode == 0, lines
    skipped = [line for line in lines if "skipped a bad line" in line]
    assert [line.split(":")[2] for line in skipped] == ["3", "4", "5", "6", "7", "8"], lines
    assert "2 skipped (already done)" in lines[-1]


def test_a_manifest_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "manifest"
    folder.mkdir()
    for resume in ([], ["--resume"]):
        db = tmp_path / "x.sqlite"
        result = hostile.rectpipe("batch", SEED, "--db", db, "--manifest", folder, *resume)
        lines = hostile.error_lines(result)
        assert result.returncode == 2, lines
        assert lines == [f"rectpipe: {folder}: usage: the manifest path is a folder, not a file"]
    out = tmp_path / "out"
    (out / "manifest.jsonl").mkdir(parents=True)
    result = hostile.rectpipe("batch", SEED, "--out", out)
    assert result.returncode == 2 and "is a folder" in hostile.error_lines(result)[0]


def test_resume_is_keyed_by_path_and_content(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, ["a.txt"])
    out = tmp_path / "out"
    assert hostile.rectpipe("batch", inbox, "--out", out, "-q").returncode == 0
    shutil.copy(inbox / "a.txt", inbox / "same-bytes.txt")  # identical bytes, a new name
    result = hostile.rectpipe("batch", inbox, "--out", out, "--resume")
    assert "1 of 1 files" in hostile.error_lines(result)[-1]
    assert "1 skipped" in hostile.error_lines(result)[-1]
    assert json.loads((out / "same-bytes.txt.json").read_text("utf-8"))["summary"]["problems"]
    (inbox / "a.txt").write_bytes(SEED.read_bytes() + "\n附件：无\n".encode())  # changed content
    result = hostile.rectpipe("batch", inbox, "--out", out, "--resume")
    assert "1 of 1 files" in hostile.error_lines(result)[-1]


def test_resume_with_another_format_converts_again(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, ["a.txt", "b.txt"])
    out = tmp_path / "out"
    assert hostile.rectpipe("batch", inbox, "--out", out, "-q").returncode == 0
    result = hostile.rectpipe("batch", inbox, "--out", out, "-f", "csv", "--resume")
    assert "2 of 2 files" in hostile.error_lines(result)[-1]
    assert sorted(p.name for p in out.glob("*.csv")) == ["a.txt.csv", "b.txt.csv"]
    result = hostile.rectpipe("batch", inbox, "--out", out, "-f", "csv", "--resume")
    assert "0 of 0 files" in hostile.error_lines(result)[-1]
    assert {r.get("format") for r in read_manifest(out / "manifest.jsonl")} == {"json", "csv"}


def test_workers_get_default_sigterm() -> None:
    """A forked worker does not inherit the batch command's SIGTERM handler (which raised
    KeyboardInterrupt, so every pool shutdown printed tracebacks)."""
    import signal

    from rectpipe.batch.pool import run_pool

    from .batch_helpers import sigterm_job

    def raise_interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, raise_interrupt)
    try:
        results = list(run_pool(["a", "b"], sigterm_job, workers=2, start_method="fork"))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert {r.error_message for r in results} == {"SIG_DFL"}


def test_resume_sweeps_temporary_files_of_a_killed_run(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, ["a.txt"])
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    left = [out / ".a.txt.json.k3j9x0aa.tmp", out / "sub" / ".b.txt.json.0123abcd.tmp"]
    for path in left:
        path.write_text("{half a repo", "utf-8")
    keep = out / "notes.tmp"  # not one of ours
    keep.write_text("mine", "utf-8")
    result = hostile.rectpipe("batch", inbox, "--out", out, "--resume")
    assert result.returncode == 0, hostile.error_lines(result)
    assert not any(path.exists() for path in left) and keep.exists()


def test_a_manifest_that_cannot_grow_stops_the_batch_cleanly(tmp_path: Path) -> None:
    full = tmp_path / "full"
    if not hostile.device_node(full, 1, 7):
        pytest.skip("cannot make a device node here")
    db = tmp_path / "r.sqlite"
    result = hostile.rectpipe("batch", SEED, "--db", db, "--manifest", full)
    lines = hostile.error_lines(result)
    assert result.returncode == 74, lines
    assert lines[0] == f"rectpipe: {full}: output_error: cannot use the manifest: " + (
        "No space left on device"
    )


# --- the memory cap in batch workers ---


def test_a_file_over_the_memory_cap_fails_alone_and_the_batch_goes_on(tmp_path: Path) -> None:
    """30 MB of text cannot be decoded within a 160 MB cap: that file is ``too_large``, the
    worker that ran out is replaced, and the files after it (one worker: the same slot)
    convert as without the cap."""
    inbox = _inbox(tmp_path, ["a.txt", "c.docx"])
    line = "这是一段没有编号的说明文字，整改工作持续推进。" * 4 + "\n"
    (inbox / "b-big.txt").write_text(line * (30_000_000 // len(line.encode())), "utf-8")
    out = tmp_path / "out"
    result = hostile.rectpipe(
        "batch", inbox, "--out", out, "--workers", "1", "--max-memory-mb", "160"
    )
    lines = hostile.error_lines(result)
    assert result.returncode == 16, lines
    assert lines[0] == (
        f"rectpipe: {inbox / 'b-big.txt'}: too_large: needs more than the 160 MB memory cap"
    )
    records = {Path(r["path"]).name: r for r in read_manifest(out / "manifest.jsonl")}
    assert {name: r["status"] for name, r in records.items()} == {
        "a.txt": "partial",
        "b-big.txt": "failure",
        "c.docx": "partial",
    }
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.json", "c.docx.json", "manifest.jsonl"]


@pytest.mark.parametrize("name", ["hog", "abort"])
def test_a_worker_out_of_memory_is_too_large_and_replaced(name: str) -> None:
    """Out of memory in Python (``MemoryError``) or in native code (an abort) under the cap:
    ``too_large`` for that file, and the next file gets a fresh worker."""
    from rectpipe.batch.pool import run_pool

    from .batch_helpers import memory_job

    paths = ["a", name, "c", "d"]
    results = {r.path: r for r in run_pool(paths, memory_job, workers=1, max_memory=1 << 30)}
    assert results[name].error_code == "too_large"
    assert results[name].error_message == "needs more than the 1024 MB memory cap"
    assert [results[p].status for p in ("a", "c", "d")] == ["success"] * 3
    assert results["a"].error_message != results["c"].error_message  # replaced after it
    assert results["c"].error_message == results["d"].error_message  # then kept


def test_without_a_cap_an_aborting_worker_is_an_internal_error() -> None:
    from rectpipe.batch.pool import run_pool

    from .batch_helpers import memory_job

    results = {r.path: r for r in run_pool(["a", "abort"], memory_job, workers=1)}
    assert results["abort"].error_code == "internal_error"
    assert results["a"].status == "success"


def test_the_batch_command_caps_worker_memory_by_default() -> None:
    from rectpipe.cli.batch import check_batch_options
    from rectpipe.cli.options import DEFAULT_MEMORY_MB
    from rectpipe.cli.parser import build_parser as _parser

    args = _parser().parse_args(["batch", "x", "--out", "o"])
    check_batch_options(args)
    assert args.max_memory_mb == DEFAULT_MEMORY_MB
    for bad in ("nan", "-1", "inf"):
        with pytest.raises(UsageError, match="--max-memory-mb"):
            check_batch_options(
                _parser().parse_args(["batch", "x", "--out", "o", "--max-memory-mb", bad])
            )
