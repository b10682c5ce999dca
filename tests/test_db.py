"""The database writer on SQLite and on a real PostgreSQL server.

PostgreSQL tests use ``RECTPIPE_TEST_PG_URL`` (``.ci/run`` starts a throwaway cluster and
sets it; ``source .ci/postgres.sh`` does the same by hand). Without it they are skipped
locally and fail under CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import rectpipe
from rectpipe.batch import DbSink, FileResult, convert_batch
from rectpipe.db import Database, database_url, open_database
from rectpipe.db import schema as tables
from rectpipe.db import store as store_module
from rectpipe.errors import MissingDependencyError, UsageError
from rectpipe.models import Report

from .conftest import SAMPLES

PG_URL = os.environ.get("RECTPIPE_TEST_PG_URL")


def _pg_target() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI"):
        pytest.fail("CI is set but RECTPIPE_TEST_PG_URL is not: .ci/run must start PostgreSQL")
    pytest.skip("RECTPIPE_TEST_PG_URL not set (source .ci/postgres.sh to run these)")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database target with none of rectpipe's tables in it."""
    if request.param == "sqlite":
        yield str(tmp_path / "reports.sqlite")
        return
    url = _pg_target()
    engine = sa.create_engine(database_url(url))
    tables.metadata.drop_all(engine)
    engine.dispose()
    yield url
    engine = sa.create_engine(database_url(url))
    tables.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def db(target: str) -> Iterator[Database]:
    with open_database(target) as database:
        yield database


def counts(database: Database) -> dict[str, int]:
    """Rows per table."""
    with database.engine.connect() as conn:
        return {
            table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in (tables.documents, *tables.CHILD_TABLES)
        }


def rows(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the time each document was stored."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with database.engine.connect() as conn:
        for table in (tables.documents, *tables.CHILD_TABLES):
            columns = [c for c in table.columns if c.name != "stored_at"]
            found[table.name] = sorted(
                (tuple(row) for row in conn.execute(sa.select(*columns))), key=repr
            )
    return found


def seed_counts(report: Report) -> dict[str, int]:
    problems = report.iter_problems()
    return {
        "documents": 1,
        "sections": len(report.iter_sections()),
        "problems": len(problems),
        "measures": sum(len(p.measures) for p in problems),
        "warnings": len(report.warnings),
    }


def test_store_is_idempotent(db: Database, seed_report: Report) -> None:
    db.store(seed_report, path="a/seed.txt")
    first = counts(db)
    assert first == seed_counts(seed_report)
    assert first["problems"] == 26 and first["measures"] > 0
    db.store(seed_report, path="a/seed.txt")
    assert counts(db) == first
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(tables.documents)).mappings().one()
        statuses: dict[str, int] = dict(
            conn.execute(
                sa.select(tables.problems.c.status, sa.func.count()).group_by(
                    tables.problems.c.status
                )
            ).all()
        )
    assert row["path"] == "a/seed.txt"
    assert row["issuer"] == "中共永州经济技术开发区工作委员会"
    assert row["date"] == "2023-12-22"
    assert row["problem_count"] == 26
    assert sum(statuses.values()) == 26
    assert statuses == {s.value: n for s, n in seed_report.summary.by_status.items() if n}


def test_rows_keep_the_tree_and_the_measures(db: Database, seed_report: Report) -> None:
    db.store(seed_report, path="seed.txt")
    problem = seed_report.iter_problems()[0]
    with db.engine.connect() as conn:
        row = (
            conn.execute(sa.select(tables.problems).where(tables.problems.c.id == problem.id))
            .mappings()
            .one()
        )
        section_ids = {r[0] for r in conn.execute(sa.select(tables.sections.c.id))}
        measures = conn.execute(
            sa.select(tables.measures.c.marker).order_by(
                tables.measures.c.problem_id, tables.measures.c.position
            )
        ).all()
    assert row["title"] == problem.title
    assert row["path"] == "二、集中整改期内已完成的整改事项 > （一）反馈问题：发展质量不高"
    assert row["section_id"] in section_ids
    assert (row["span_start"], row["span_end"]) == (
        problem.provenance.start,
        problem.provenance.end,
    )
    assert len(measures) == sum(len(p.measures) for p in seed_report.iter_problems())


def test_a_changed_file_replaces_its_rows(db: Database, seed_report: Report) -> None:
    other = rectpipe.parse_file(SAMPLES / "family-b-xuncha.txt")
    db.store(seed_report, path="docs/report.txt")
    db.store(other, path="docs/report.txt")  # same path, new content
    assert counts(db) == seed_counts(other)
    with db.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(sa.select(tables.problems.c.document_sha256))]
    assert set(hashes) == {other.source.sha256}

    db.store(seed_report, path="docs/elsewhere.txt")  # two files, two documents
    assert counts(db)["documents"] == 2
    assert db.forget("docs/report.txt", keep_sha256=other.source.sha256) == 0
    assert db.forget("docs/report.txt") == 1
    assert counts(db) == seed_counts(seed_report)


def test_a_failed_store_leaves_the_old_rows(
    db: Database, seed_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.store(seed_report, path="seed.txt")
    before = counts(db)
    other = rectpipe.parse_file(SAMPLES / "family-b-xuncha.txt")

    stored = store_module.store_rows

    def broken(conn: sa.Connection, rows: store_module.DocumentRows) -> None:
        stored(conn, rows)  # the seed's rows deleted, the other report's inserted…
        raise RuntimeError("disk full")  # …and then the transaction fails

    monkeypatch.setattr(store_module, "store_rows", broken)
    with pytest.raises(RuntimeError):
        db.store(other, path="seed.txt")  # would replace the seed's rows: rolled back
    assert counts(db) == before


def test_batch_into_a_database_twice(target: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("seed-yongzhou.txt", "family-b-xuncha.txt", "family-c-ducha.docx"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    manifest = tmp_path / "manifest.jsonl"
    sink = DbSink(target, manifest_path=manifest)
    try:
        first = convert_batch([folder], sink, workers=2)
        once = counts(sink.database)
        second = convert_batch([folder], sink, workers=2)  # no --resume: all redone
        assert counts(sink.database) == once
    finally:
        sink.close()
    assert (first.done, first.failure, second.done) == (4, 1, 4)
    assert once["documents"] == 3
    assert once["problems"] == 26 + 9 + 11


def test_workers_store_the_rows_and_send_no_report_back(target: str, tmp_path: Path) -> None:
    """Each worker writes its own rows (its own connection); the batch process only keeps the
    manifest. The rows are the ones the batch process stores from the same reports."""
    sources = [SAMPLES / "seed-yongzhou.txt", SAMPLES / "family-c-ducha.docx"]
    results: list[FileResult] = []
    sink = DbSink(target, manifest_path=tmp_path / "manifest.jsonl")
    try:
        convert_batch(sources, sink, workers=2, on_result=lambda r, _: results.append(r))
        from_workers = rows(sink.database)
        for source in sources:  # the same reports stored by this process
            sink.database.store(rectpipe.parse_file(source), path=str(source))
        assert rows(sink.database) == from_workers
    finally:
        sink.close()
    assert all(r.ok for r in results)
    assert all(r.report is None and r.stored == "" for r in results)
    assert len(from_workers["problems"]) == 26 + 11


def test_sqlite_targets_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "x.sqlite"
    assert database_url(str(path)) == f"sqlite:///{path}"
    with open_database(str(path)):
        assert path.exists()
    assert DbSink(str(path)).manifest_path == path.with_name("x.sqlite.manifest.jsonl")
    with pytest.raises(MissingDependencyError):
        open_database("nosuchdatabase://somewhere/x")
    with pytest.raises(UsageError):
        open_database(f"postgresql+psycopg://nobody@/x?host={tmp_path}/no-server-here")


def test_a_database_made_before_a_column_existed_gets_it(target: str, seed_report: Report) -> None:
    engine = sa.create_engine(database_url(target))
    tables.metadata.create_all(engine)
    with engine.begin() as conn:  # as an earlier version made it: no heading column
        conn.exec_driver_sql("ALTER TABLE problems DROP COLUMN heading")
    engine.dispose()
    with open_database(target) as database:
        database.store(seed_report, path="seed.txt")
        with database.engine.connect() as conn:
            headings = conn.execute(sa.select(tables.problems.c.heading)).scalars().all()
    assert len(headings) == 26
    wrapped = [p.heading for p in seed_report.iter_problems()]
    assert sorted(map(str, headings)) == sorted(map(str, wrapped))
    # opening it again adds nothing
    engine = sa.create_engine(database_url(target))
    assert tables.add_missing_columns(engine) == []
    engine.dispose()


@pytest.mark.parametrize(("wait", "stored"), [(3.0, True), (0.2, False)])
def test_a_locked_sqlite_file_is_waited_for(
    tmp_path: Path, seed_report: Report, wait: float, stored: bool
) -> None:
    import sqlite3
    import threading
    import time

    path = tmp_path / "busy.sqlite"
    open_database(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the file for a second

    def release() -> None:
        time.sleep(1.0)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release)
    releaser.start()
    try:
        with open_database(str(path), lock_wait=wait) as database:
            database.store(seed_report, path="seed.txt")
            assert counts(database)["problems"] == 26
    except (rectpipe.RectpipeError, sa.exc.OperationalError) as exc:
        assert not stored, exc
        assert "lock" in str(exc)
    else:
        assert stored
    releaser.join()
    holder.close()
