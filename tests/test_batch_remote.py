"""Batch inputs in object storage (rectpipe.batch.remote): a prefix is listed as a folder is,
each object is read by the worker that converts it, and a store that cannot be reached is one
failed input. ``file://`` URIs and pyarrow's in-memory file system stand in for S3."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from rectpipe.batch import DirSink, convert_batch, read_manifest, remote, run_batch

from .conftest import SAMPLES

pytest.importorskip("pyarrow.fs")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "seed-yongzhou.txt", folder / "seed.txt")
    shutil.copy(SAMPLES / "family-d-shenji.docx", folder / "sub" / "shenji.docx")
    (folder / "notes.md").write_text("not a document suffix")
    (folder / ".hidden.txt").write_text("hidden")
    (folder / "~$lock.docx").write_text("a Word lock file")
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")}


def test_a_prefix_converts_as_the_folder_does(corpus: Path, tmp_path: Path) -> None:
    outs = {}
    for name, source in (("folder", str(corpus)), ("uri", corpus.as_uri())):
        sink = DirSink(tmp_path / name, "json")
        try:
            summary = convert_batch([source], sink, workers=2)
        finally:
            sink.close()
        assert (summary.done, summary.failure) == (2, 0)
        outs[name] = _outputs(tmp_path / name)
    assert outs["uri"] == outs["folder"]
    assert sorted(outs["uri"]) == ["seed.txt.json", "sub/shenji.docx.json"]
    paths = sorted(r["path"] for r in read_manifest(tmp_path / "uri" / "manifest.jsonl"))
    assert paths == [f"{corpus.as_uri()}/seed.txt", f"{corpus.as_uri()}/sub/shenji.docx"]


def test_an_object_is_taken_whatever_its_suffix(corpus: Path) -> None:
    results = list(run_batch([(corpus / "notes.md").as_uri(), (corpus / "seed.txt").as_uri()]))
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["seed.txt"].problems == 26
    assert by_name["notes.md"].status == "failure"  # converted, and told what is wrong
    assert by_name["notes.md"].error_code != "file_not_found"


def test_a_missing_object_and_an_object_over_the_limit(corpus: Path) -> None:
    from rectpipe import Limits

    missing = (corpus / "nope.txt").as_uri()
    results = {
        r.path: r
        for r in run_batch(
            [missing, (corpus / "seed.txt").as_uri()], limits=Limits(max_file_bytes=100)
        )
    }
    assert results[missing].error_code == "file_not_found"
    assert results[(corpus / "seed.txt").as_uri()].error_code == "too_large"


def test_resuming_skips_the_objects_done(corpus: Path, tmp_path: Path) -> None:
    for expected_done in (2, 0):
        sink = DirSink(tmp_path / "out", "json")
        try:
            summary = convert_batch([corpus.as_uri()], sink, workers=1, resume=True)
        finally:
            sink.close()
        assert summary.done == expected_done
        assert summary.skipped == 2 - expected_done


@pytest.fixture
def bucket(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``s3://bucket/`` as pyarrow's in-memory file system: the URIs are taken apart and put
    together again as S3's are (the bucket is the first part of every path)."""
    import pyarrow.fs

    store = pyarrow.fs._MockFileSystem()
    store.create_dir("bucket/inbox/2024")
    for key, sample in (
        ("inbox/seed.txt", "seed-yongzhou.txt"),
        ("inbox/2024/shenji.docx", "family-d-shenji.docx"),
    ):
        with store.open_output_stream(f"bucket/{key}") as stream:
            stream.write((SAMPLES / sample).read_bytes())

    def opened(base: str) -> tuple[Any, str]:
        assert base == "s3://bucket/"
        return store, "bucket"

    monkeypatch.setattr(remote, "_opened", opened)
    return store


def test_an_s3_prefix(bucket: Any, tmp_path: Path) -> None:
    sink = DirSink(tmp_path / "out", "json")
    try:
        summary = convert_batch(["s3://bucket/inbox/", "s3://bucket/none/"], sink, workers=1)
    finally:
        sink.close()
    assert (summary.done, summary.failure) == (3, 1)
    assert sorted(_outputs(tmp_path / "out")) == ["2024/shenji.docx.json", "seed.txt.json"]
    by_path = {r["path"]: r for r in read_manifest(tmp_path / "out" / "manifest.jsonl")}
    assert by_path["s3://bucket/inbox/seed.txt"]["problems"] == 26
    assert by_path["s3://bucket/none/"]["error_code"] == "file_not_found"


def test_a_store_that_cannot_be_reached_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(base: str) -> tuple[Any, str]:
        raise OSError("Could not resolve host")

    monkeypatch.setattr(remote, "_opened", unreachable)
    (result,) = run_batch(["s3://bucket/inbox/"])
    assert result.error_code == "file_not_found"
    assert "cannot list it: Could not resolve host" in (result.error_message or "")


def test_without_pyarrow_an_input_in_a_store_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.fs", None)
    monkeypatch.setattr(remote, "_opened", remote._opened.__wrapped__)
    with pytest.raises(Exception, match="need pyarrow") as caught:
        list(run_batch(["s3://bucket/inbox/"]))
    assert getattr(caught.value, "code", None) == "missing_dependency"


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("s3://b/k", True),
        ("gs://b/k", True),
        ("file:///tmp/x", True),
        ("hdfs://h:9000/p", True),
        ("C:\\reports\\a.docx", False),
        ("./a://b", False),
        ("inbox/a.txt", False),
    ],
)
def test_what_counts_as_a_uri(name: str, uri: bool) -> None:
    assert remote.is_uri(name) is uri
