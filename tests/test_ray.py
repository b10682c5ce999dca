"""The Ray engine gives the same outputs and manifest as the local engine (local Ray)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectpipe.batch import DbSink, convert_batch, read_manifest, run_batch_ray

from .conftest import SAMPLES

if importlib.util.find_spec("ray") is None:  # pragma: no cover - ray is in the dev extra
    if os.environ.get("CI"):
        raise ImportError("ray is missing: install the dev extra")
    pytest.skip("ray is not installed (pip install 'rectpipe[ray]')", allow_module_level=True)


# Ray Data warns about its own deprecated settings.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("seed-yongzhou.txt", "family-b-xuncha.txt", "family-d-shenji.docx"):
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "family-e-themed.txt", folder / "sub" / "themed.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


def _manifest(path: Path) -> list[tuple[object, ...]]:
    keys = ("path", "sha256", "status", "error_code", "error_message", "problems", "warnings")
    return sorted(tuple(r.get(k) for k in keys) for r in read_manifest(path))


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ("documents", "sections", "problems", "measures", "warnings")
    with sqlite3.connect(db) as conn:
        return {
            t: sorted(
                tuple(row)[:-1] if t == "documents" else tuple(row)  # stored_at is last
                for row in conn.execute(f"select * from {t}")
            )
            for t in tables
        }


def test_ray_matches_the_local_engine(local_ray: None, corpus: Path, tmp_path: Path) -> None:
    rows, manifests = {}, {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.sqlite"
        sink = DbSink(str(db))
        try:
            summary = convert_batch([corpus], sink, engine=engine, workers=2)
        finally:
            sink.close()
        # on a failure, say which file failed and why (a worker lost under load shows here)
        failed = [row for row in _manifest(sink.manifest_path) if row[2] == "failure"]
        assert (summary.done, summary.failure) == (6, 2), (engine, failed)
        rows[engine] = _rows(db)
        manifests[engine] = _manifest(sink.manifest_path)
    assert len(rows["ray"]["documents"]) == 4
    assert len(rows["ray"]["problems"]) == 26 + 9 + 9 + 9
    assert rows["ray"] == rows["local"]
    assert manifests["ray"] == manifests["local"]


def test_run_batch_ray_yields_results(local_ray: None, corpus: Path) -> None:
    results = {Path(r.path).name: r for r in run_batch_ray([corpus, corpus / "nope.txt"])}
    assert results["seed-yongzhou.txt"].report is not None
    assert results["seed-yongzhou.txt"].problems == 26
    assert results["empty.txt"].error_code == "corrupt"
    assert results["nope.txt"].error_code == "file_not_found"


def test_small_files_share_a_task_and_every_worker_gets_some() -> None:
    from rectpipe.batch.ray_engine import MAX_BATCH, batches

    paths = [f"f{n}" for n in range(100)]
    cut = batches(paths, 2)
    assert [p for batch in cut for p in batch] == paths  # all, in order, once
    assert {len(batch) for batch in cut[:-1]} == {12} and len(cut) >= 8
    assert batches(paths[:3], 2) == [["f0"], ["f1"], ["f2"]]
    assert max(len(b) for b in batches([f"f{n}" for n in range(10_000)], 2)) == MAX_BATCH


def test_the_outputs_are_written_by_the_ray_workers(
    local_ray: None, corpus: Path, tmp_path: Path
) -> None:
    """With --out on a local Ray the workers write the outputs (the report is not sent back);
    they are the local engine's, byte for byte, and the timeout still applies per file."""
    from rectpipe.batch import DirSink

    outs = {}
    for engine in ("local", "ray"):
        out = tmp_path / engine
        sink = DirSink(out, "json")
        try:
            summary = convert_batch([corpus], sink, engine=engine, workers=2, timeout=30)
        finally:
            sink.close()
        assert (summary.done, summary.failure) == (6, 2)
        outs[engine] = {p.name: p.read_bytes() for p in out.rglob("*.json")}
    assert outs["ray"] == outs["local"] and len(outs["ray"]) == 4


def test_ray_reads_inputs_in_object_storage(local_ray: None, corpus: Path, tmp_path: Path) -> None:
    """A ``file://`` URI goes through pyarrow's file systems as ``s3://`` does: each Ray
    worker reads its objects itself, and the outputs are the local folder's."""
    from rectpipe.batch import DirSink

    outs = {}
    for name, source in (("folder", str(corpus)), ("uri", corpus.as_uri())):
        out = tmp_path / name
        sink = DirSink(out, "json")
        try:
            summary = convert_batch([source], sink, engine="ray", workers=2)
        finally:
            sink.close()
        assert (summary.done, summary.failure) == (6, 2)
        outs[name] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.json")}
    assert outs["uri"] == outs["folder"] and len(outs["uri"]) == 4


def test_a_ray_of_one_node_reached_by_address_writes_in_its_workers(
    local_ray: None, corpus: Path, tmp_path: Path
) -> None:
    """A Ray of one node on this machine sees its files whether the command started it or
    reached it by ``--address``: its workers write the outputs and only a short result comes
    back."""
    from rectpipe.batch import DirSink, plan_batch
    from rectpipe.batch.ray_engine import run_plan_ray

    sink = DirSink(tmp_path / "out", "json")
    try:
        results = list(
            run_plan_ray(plan_batch([corpus]), address="auto", store=sink.store_in_worker)
        )
    finally:
        sink.close()
    written = [r for r in results if r.status != "failure"]
    assert len(written) == 4
    assert all(r.stored is not None and r.report is None for r in written)


def test_the_monitor_of_a_ray_started_here_is_killed_outright() -> None:
    """``ray.shutdown`` gives each of Ray's processes SIGTERM and a second: the autoscaler
    monitor takes the whole second, so it is killed first (a stand-in that ignores SIGTERM)."""
    import subprocess
    import sys
    from types import SimpleNamespace

    from rectpipe.batch.ray_engine import _stop_monitor

    stubborn = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(15, 1); time.sleep(60)"]
    )
    try:
        node = SimpleNamespace(all_processes={"monitor": [SimpleNamespace(process=stubborn)]})
        fake_ray = SimpleNamespace(
            _private=SimpleNamespace(worker=SimpleNamespace(_global_node=node))
        )
        _stop_monitor(fake_ray)
        assert stubborn.poll() == -9
        _stop_monitor(fake_ray)  # already gone: nothing to do
        _stop_monitor(SimpleNamespace())  # internals that moved: left to ray.shutdown
    finally:
        stubborn.kill()
        stubborn.wait()
