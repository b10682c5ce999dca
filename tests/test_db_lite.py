"""The SQLite store of a batch's writer (``rectpipe.db.lite``): the same tables, rows and
types as the SQLAlchemy store, without loading SQLAlchemy."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import rectpipe
from rectpipe.db import open_database, sqlite_schema
from rectpipe.db.lite import open_lite
from rectpipe.db.rows import Forget, document_rows
from rectpipe.errors import DatabaseBusyError, UsageError
from rectpipe.models.convert import from_model

from .conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_sqlite_schema.py"
DOCS = ["seed-yongzhou.txt", "seed-yongzhou.pdf"]


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's schema, and its rows with each value's SQLite type, in rowid order
    (``stored_at`` blanked: the two stores run at different times)."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, list[tuple[object, ...]]] = {}
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        out["sqlite_master"] = list(schema)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            picked = ", ".join(
                f"typeof({n}), {'length(' + n + ')' if n == 'stored_at' else n}" for n in names
            )
            out[table] = list(conn.execute(f"SELECT {picked} FROM {table} ORDER BY rowid"))
        return out
    finally:
        conn.close()


def _rows(names: list[str]) -> list[object]:
    return [document_rows(from_model(rectpipe.parse_file(SAMPLES / name)), name) for name in names]


def test_generated_statements_are_the_tables_own() -> None:
    """The statements the store runs are those SQLAlchemy compiles from the tables now."""
    spec = importlib.util.spec_from_file_location("make_sqlite_schema", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    found = script.compute()
    assert found["CREATE"] == sqlite_schema.CREATE
    assert found["COLUMNS"] == sqlite_schema.COLUMNS
    assert found["CHILDREN"] == sqlite_schema.CHILDREN
    assert found["DATETIME_FORMAT"] == sqlite_schema.DATETIME_FORMAT


def test_same_tables_rows_and_types_as_the_sqlalchemy_store(tmp_path: Path) -> None:
    work = [*_rows(DOCS), Forget(DOCS[1]), *_rows(DOCS[:1])]  # stored, forgotten, stored again
    lite = open_lite(tmp_path / "lite.sqlite")
    lite.write_batch(work)  # type: ignore[arg-type]
    lite.close()
    with open_database(tmp_path / "full.sqlite", wal=True) as full:
        full.write_batch(work)  # type: ignore[arg-type]
    made = _dump(tmp_path / "lite.sqlite")
    assert made == _dump(tmp_path / "full.sqlite")
    assert len(made["documents"]) == 1 and len(made["problems"]) > 10
    # and what SQLAlchemy reads back from the file the lite store wrote
    with open_database(tmp_path / "lite.sqlite") as full, full.engine.connect() as conn:
        import sqlalchemy as sa

        from rectpipe.db import schema

        stored = conn.execute(sa.select(schema.documents.c.stored_at)).scalar_one()
        assert stored.year >= 2024


def test_the_writer_never_loads_sqlalchemy(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from rectpipe.db.lite import open_lite\n"
        f"d = open_lite(Path({str(tmp_path / 'a' / 'x.sqlite')!r})); d.write_batch([]); d.close()\n"
        "assert not any(m.startswith('sqlalchemy') for m in sys.modules), 'sqlalchemy loaded'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "x.sqlite").exists()


def test_an_earlier_versions_tables_get_their_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with open_database(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE documents DROP COLUMN address")  # as a version before it made it
    conn.close()
    lite = open_lite(path)
    lite.write_batch(_rows(DOCS[:1]))  # type: ignore[arg-type]
    lite.close()
    conn = sqlite3.connect(path)
    names = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    assert "address" in names
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    conn.close()


def test_a_file_that_is_no_database_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with pytest.raises(UsageError, match="cannot open the database"):
        open_lite(folder)


def test_a_file_held_locked_waits_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "held.sqlite"
    open_lite(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        lite = open_lite(path, lock_wait=0.3)
        with pytest.raises(DatabaseBusyError, match=r"is locked; gave up after 0\.3 s"):
            lite.write_batch(_rows(DOCS[:1]))  # type: ignore[arg-type]
        lite.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
