"""Hostile output targets: special files written in place, permissions kept, every refusal of
the operating system one ``output_error`` line (exit 74) naming the path and the reason, no
traceback and no temporary file left. Targets are made here, at test time."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from rectpipe.errors import ERRORS, OutputError
from rectpipe.writers import fit_name, write_output

from . import hostile
from .conftest import SAMPLES, SEED

EXIT = {cls.code: cls.exit_code for cls in ERRORS}


def _one_error(result: subprocess.CompletedProcess[bytes], path: str, reason: str) -> None:
    lines = hostile.error_lines(result)
    assert result.returncode == EXIT["output_error"] == 74, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"rectpipe: {path}: output_error: cannot write: "), lines
    assert f"({reason})" in lines[0], lines


def test_output_error_is_a_documented_code() -> None:
    assert OutputError.code == "output_error" and OutputError.exit_code == 74
    readme = (SAMPLES.parent / "README.md").read_text("utf-8")
    assert "| `output_error` | 74 |" in readme


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = hostile.rectpipe("extract", SEED, "-o", fifo)
    reader.join(timeout=30)
    assert result.returncode == 0, hostile.error_lines(result)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["summary"]["problems"] == 26
    assert hostile.leftovers(tmp_path) == []


def test_a_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    if not hostile.device_node(null, 1, 3):
        pytest.skip("cannot make a device node here")
    result = hostile.rectpipe("extract", SEED, "-o", null)
    assert result.returncode == 0, hostile.error_lines(result)
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert hostile.leftovers(tmp_path) == []


def test_dash_is_standard_output() -> None:
    result = hostile.rectpipe("extract", SEED, "-o", "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["summary"]["problems"] == 26


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_a_new_output_honours_the_umask(tmp_path: Path, umask: int) -> None:
    out = tmp_path / "new.json"
    result = hostile.rectpipe("extract", SEED, "-o", out, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_output_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    out = tmp_path / "old.json"
    out.write_text("old", "utf-8")
    out.chmod(mode)
    result = hostile.rectpipe("extract", SEED, "-o", out)
    assert result.returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert json.loads(out.read_text("utf-8"))["summary"]["problems"] == 26


def test_a_symlinked_output_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert hostile.rectpipe("extract", SEED, "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["summary"]["problems"] == 26


def test_disk_full_on_a_device(tmp_path: Path) -> None:
    full = tmp_path / "full"
    if not hostile.device_node(full, 1, 7):
        pytest.skip("cannot make a device node here")
    _one_error(hostile.rectpipe("extract", SEED, "-o", full), str(full), "ENOSPC")
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_disk_full_on_standard_output() -> None:
    with open("/dev/full", "wb") as full:
        result = hostile.rectpipe("extract", SEED, stdout=full.fileno())
    _one_error(result, "-", "ENOSPC")


def test_file_size_limit(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / "big.json"
    _one_error(hostile.rectpipe("extract", SEED, "-o", out, preexec_fn=limit), str(out), "EFBIG")
    assert not out.exists() and hostile.leftovers(tmp_path) == []


def test_read_only_folder(tmp_path: Path) -> None:
    if not hostile.permissions_enforceable():
        pytest.skip("cannot make a child obey file permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    out = folder / "x.json"
    result = hostile.rectpipe(
        "extract", SEED, "-o", out, preexec_fn=hostile.drop_permission_override
    )
    _one_error(result, str(out), "EACCES")
    assert list(folder.iterdir()) == []


def test_an_output_name_too_long(tmp_path: Path) -> None:
    out = tmp_path / ("x" * 300 + ".json")
    _one_error(hostile.rectpipe("extract", SEED, "-o", out), str(out), "ENAMETOOLONG")
    assert hostile.leftovers(tmp_path) == []


def test_an_output_that_is_a_folder_inside_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    result = hostile.rectpipe("extract", SEED, "-o", f"{blocker}/")
    lines = hostile.error_lines(result)
    assert result.returncode == 74 and len(lines) == 1 and "output_error" in lines[0]


def test_closed_standard_output() -> None:
    result = hostile.rectpipe("extract", SEED, preexec_fn=lambda: os.close(1))
    lines = hostile.error_lines(result)
    assert result.returncode == 74 and lines == [
        "rectpipe: -: output_error: cannot write: standard output is closed"
    ]


def test_closed_standard_input() -> None:
    result = hostile.rectpipe("extract", "-", preexec_fn=lambda: os.close(0))
    lines = hostile.error_lines(result)
    assert result.returncode == EXIT["file_not_found"]
    assert lines == ["rectpipe: -: file_not_found: standard input is closed"]


def test_long_input_names_get_short_output_names(tmp_path: Path) -> None:
    # 249 + 4 bytes: a legal input name whose output name (+ ".json") is not.
    names = ["长" * 83 + ".txt", "长" * 82 + "短.txt"]
    for name in names:
        (tmp_path / name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = hostile.rectpipe("extract", *(tmp_path / n for n in names), "-o", f"{out}/")
    assert result.returncode == 0, hostile.error_lines(result)
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2 and all(len(os.fsencode(n)) <= 255 for n in written)
    assert all(n.endswith(".json") and "~" in n for n in written)
    assert hostile.leftovers(tmp_path) == []


def test_fit_name_keeps_short_names_and_separates_long_ones() -> None:
    assert fit_name("report.txt.json") == "report.txt.json"
    a, b = fit_name("a" * 300 + "1.json"), fit_name("a" * 300 + "2.json")
    assert a != b and len(a) == len(b) == 255 and a.endswith(".json")


def test_same_base_names_are_told_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for path, sample in ((first, SEED), (second, SAMPLES / "family-c-ducha.txt")):
        path.parent.mkdir()
        path.write_bytes(sample.read_bytes())
    out = tmp_path / "out"
    result = hostile.rectpipe("extract", first, second, "-o", f"{out}/")
    assert result.returncode == 0, hostile.error_lines(result)
    written = {p.name: json.loads(p.read_text("utf-8")) for p in out.iterdir()}
    assert sorted(written) == ["x.txt.json", "x.txt~2.json"]
    assert written["x.txt.json"]["summary"]["problems"] == 26
    assert written["x.txt~2.json"]["source"]["sha256"] != written["x.txt.json"]["source"]["sha256"]


WRITE_FAILURES: list[tuple[str, Callable[[Path], Path]]] = [
    ("directory", lambda tmp: tmp),
    ("missing-parent-is-a-file", lambda tmp: _file(tmp) / "x.json"),
    ("name-too-long", lambda tmp: tmp / ("y" * 400)),
]


def _file(tmp: Path) -> Path:
    path = tmp / "plain"
    path.write_text("", "utf-8")
    return path


@pytest.mark.parametrize(
    "build", [b for _, b in WRITE_FAILURES], ids=[n for n, _ in WRITE_FAILURES]
)
def test_write_output_raises_output_error(tmp_path: Path, build: Callable[[Path], Path]) -> None:
    target = build(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_output(target, "text")
    assert caught.value.path == str(target) and "cannot write" in caught.value.message
    assert hostile.leftovers(tmp_path) == []


def test_batch_outputs_that_cannot_be_written_fail_one_by_one(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = hostile.rectpipe("batch", inbox, "--out", out, preexec_fn=limit)
    lines = hostile.error_lines(result)
    assert result.returncode == 74, lines
    failures = [line for line in lines if "output_error" in line and "(EFBIG)" in line]
    assert len(failures) == 2, lines
    assert not (out / "a.txt.json").exists() and hostile.leftovers(out) == []
