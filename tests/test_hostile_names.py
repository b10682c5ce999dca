"""Names are data: file names that are not UTF-8 or hold control characters never stop a
batch, are stored losslessly (escaped text) and shown escaped, and never split or forge the
one-line error. Names are made here, at test time."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from rectpipe.batch import read_manifest
from rectpipe.runtime.names import escape_name, one_line

from . import hostile
from .conftest import SEED

RAW = b"\xff\xfe\xb0\xa1.txt"  # not UTF-8 (GBK bytes, as an old archive may hold)
SHOWN = "\\xff\\xfe\\xb0\\xa1.txt"
FORGED = "evil\nrectpipe: forged.txt: internal_error: boom\x1b[31m.txt"


def test_escape_name_and_one_line() -> None:
    name = os.fsdecode(RAW)
    assert escape_name(name) == SHOWN
    assert os.fsencode(name).decode("utf-8", "backslashreplace") == SHOWN
    assert escape_name("整改.txt") == "整改.txt"
    assert one_line(FORGED) == "evil\\nrectpipe: forged.txt: internal_error: boom\\x1b[31m.txt"
    assert one_line("a\u2028b\r\tc\x7f") == "a\\u2028b\\r\\tc\\x7f"
    assert "\n" not in one_line(name + "\n") and one_line(name).isprintable()


def _folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "a.txt")
    shutil.copy(SEED, os.path.join(os.fsencode(inbox), RAW))
    shutil.copy(SEED, os.path.join(os.fsencode(inbox), b"\xc3(" + b"b.txt"))
    return inbox


@pytest.mark.parametrize("target", ["out", "db"])
def test_undecodable_names_do_not_stop_a_batch(tmp_path: Path, target: str) -> None:
    inbox = _folder(tmp_path)
    where = ["--out", tmp_path / "out"] if target == "out" else ["--db", tmp_path / "r.sqlite"]
    result = hostile.rectpipe("batch", inbox, *where, "--workers", "2")
    lines = hostile.error_lines(result)
    assert result.returncode == 0, lines
    assert lines[-1].startswith("rectpipe: 3 of 3 files"), lines
    manifest = tmp_path / ("out/manifest.jsonl" if target == "out" else "r.sqlite.manifest.jsonl")
    manifest.read_bytes().decode("utf-8")  # strict: the manifest stays UTF-8
    paths = sorted(Path(r["path"]).name for r in read_manifest(manifest))
    assert paths == sorted(["a.txt", SHOWN, "\\xc3(b.txt"])
    if target == "out":
        output = os.path.join(os.fsencode(tmp_path / "out"), RAW + b".json")
        with open(output, "rb") as handle:
            assert json.load(handle)["source"]["file_name"] == SHOWN
        records = {Path(r["path"]).name: r for r in read_manifest(manifest)}
        assert records[SHOWN]["output"] == SHOWN + ".json"
    else:
        with sqlite3.connect(tmp_path / "r.sqlite") as conn:
            stored = {row[0] for row in conn.execute("select file_name from documents")}
        # identical bytes share one document row (keyed by content); its name is escaped
        assert stored <= {"a.txt", SHOWN, "\\xc3(b.txt"} and len(stored) == 1
    again = hostile.rectpipe("batch", inbox, *where, "--resume")
    assert "3 skipped" in hostile.error_lines(again)[-1]


def test_undecodable_name_with_extract_into_a_folder(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    source = os.path.join(os.fsencode(inbox), RAW)
    out = tmp_path / "out"
    result = hostile.rectpipe("extract", source, "-o", f"{out}/")
    assert result.returncode == 0, hostile.error_lines(result)
    with open(os.path.join(os.fsencode(out), RAW + b".json"), "rb") as handle:
        assert json.load(handle)["source"]["file_name"] == SHOWN
    assert hostile.leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_a_name_cannot_split_or_forge_an_error_line(tmp_path: Path, command: str) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    evil = inbox / FORGED
    evil.write_bytes(b"")  # corrupt: empty
    undecodable = os.path.join(os.fsencode(inbox), b"\xff\nx.txt")
    with open(undecodable, "wb"):
        pass
    where = ["--out", tmp_path / "out"] if command == "batch" else []
    result = hostile.rectpipe(command, evil, undecodable, *where)
    lines = hostile.error_lines(result)
    assert result.returncode == 11, lines
    failures = [line for line in lines if ": corrupt: " in line]
    assert len(failures) == 2 and len(lines) == 2 + (command == "batch"), lines
    assert f"rectpipe: {inbox}/{one_line(FORGED)}: corrupt: empty file" in failures
    assert f"rectpipe: {inbox}/\\xff\\nx.txt: corrupt: empty file" in failures
    assert all("\x1b" not in line for line in lines)


class _BytesPath:
    """A path-like object whose ``__fspath__`` gives bytes (``os.PathLike[bytes]``)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __fspath__(self) -> bytes:
        return self.raw


def test_the_library_takes_paths_as_bytes(tmp_path: Path) -> None:
    """Every function of the API that takes a path takes ``bytes`` and ``PathLike[bytes]``
    too, names that are not UTF-8 included (a TypeError before)."""
    import rectpipe
    from rectpipe.batch import DbSink, DirSink, convert_batch, convert_path

    inbox = _folder(tmp_path)
    root = os.fsencode(tmp_path)
    raw = os.path.join(os.fsencode(inbox), RAW)
    for given in (raw, _BytesPath(raw)):
        report = rectpipe.parse_file(given)
        assert report.source.file_name == SHOWN and len(report.iter_problems()) == 26
    result = convert_path(raw)
    assert result.status == "partial" and escape_name(result.path).endswith(SHOWN)

    output = os.path.join(root, b"out", RAW + b".json")
    rectpipe.write_atomic(output, rectpipe.dumps(report, "json"))
    assert rectpipe.validate_file(_BytesPath(output)).source.file_name == SHOWN

    profile = os.path.join(root, b"\xffprofile.yaml")
    with open(profile, "w", encoding="utf-8") as handle:
        handle.write("status: {}\n")
    assert rectpipe.load_profile(profile) is not None

    with rectpipe.open_database(os.path.join(root, b"\xffdb.sqlite")) as database:
        database.store(report, path=os.fsdecode(raw))

    folder = os.path.join(root, b"batch\xff")
    summary = convert_batch([os.fsencode(inbox)], DirSink(folder), workers=1)
    assert (summary.done, summary.failure) == (3, 0)
    assert len(read_manifest(os.path.join(folder, b"manifest.jsonl"))) == 3
    sink = DbSink(os.path.join(root, b"b.sqlite"), manifest_path=os.path.join(root, b"m\xff"))
    try:
        assert convert_batch([_BytesPath(raw)], sink, workers=1).done == 1
    finally:
        sink.close()
