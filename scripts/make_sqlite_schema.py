"""Write the SQLite form of the database schema from its SQLAlchemy tables (``make schema``).

    python scripts/make_sqlite_schema.py [--check]

The tables are declared once, with SQLAlchemy Core (:mod:`rectpipe.db.schema`), for SQLite
and PostgreSQL alike. A batch into an SQLite file stores through the standard library's
``sqlite3`` alone (:mod:`rectpipe.db.lite`), without loading SQLAlchemy, so it needs the
statements SQLAlchemy would emit: this script compiles them for SQLite and writes them, with
each table's columns in order and SQLAlchemy's storage format for a ``DateTime``, to
``src/rectpipe/db/sqlite_schema.py``.

``--check`` writes nothing and exits 1 when the committed module differs from what would be
generated. A test compares the module's values with :func:`compute` (not its text, which a
newer ``ruff format`` may lay out otherwise).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from make_records import ruff_formatted  # noqa: E402  (one way to format a generated module)

TARGET = ROOT / "src" / "rectpipe" / "db" / "sqlite_schema.py"

_HEAD = '''# ruff: noqa: E501  (generated)
"""The database schema as SQLite statements, generated from :mod:`rectpipe.db.schema` by
``scripts/make_sqlite_schema.py`` (``make schema``): do not edit.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

__all__ = ["CHILDREN", "COLUMNS", "CREATE", "DATETIME_FORMAT"]

'''


def compute() -> dict[str, Any]:
    """What the module holds, compiled from the tables: ``CREATE``, ``COLUMNS``, ``CHILDREN``
    and ``DATETIME_FORMAT``."""
    sys.path.insert(0, str(ROOT / "src"))
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from rectpipe.db import schema

    dialect = sqlite.dialect()
    create: list[str] = []
    columns: dict[str, tuple[str, ...]] = {}
    storage_format = None
    for table in schema.metadata.sorted_tables:
        create.append(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            create.append(str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect)))
        columns[table.name] = tuple(column.name for column in table.columns)
        for column in table.columns:
            if isinstance(column.type, DateTime):
                stored = dialect.type_descriptor(column.type)
                storage_format = stored._storage_format  # type: ignore[attr-defined]
    return {
        "CREATE": tuple(statement.strip() for statement in create),
        "COLUMNS": columns,
        "CHILDREN": tuple(table.name for table in schema.CHILD_TABLES),
        "DATETIME_FORMAT": storage_format,
    }


def generate() -> str:
    found = compute()
    lines = [_HEAD]
    lines.append("CREATE: tuple[str, ...] = (\n")
    for statement in found["CREATE"]:
        lines.append(f"    {statement!r},\n")
    lines.append(')\n"""The tables and their indexes (``IF NOT EXISTS``), parents first."""\n\n')
    lines.append("COLUMNS: dict[str, tuple[str, ...]] = {\n")
    for name, names in found["COLUMNS"].items():
        lines.append(f"    {name!r}: {names!r},\n")
    lines.append('}\n"""Each table\'s columns, in order."""\n\n')
    lines.append(f"CHILDREN = {found['CHILDREN']!r}\n")
    lines.append('"""The tables of a document\'s rows but its own, children first."""\n\n')
    lines.append(f"DATETIME_FORMAT = {found['DATETIME_FORMAT']!r}\n")
    lines.append('"""How SQLAlchemy stores a ``DateTime`` in SQLite (UTC, no offset)."""\n')
    return ruff_formatted("".join(lines), TARGET)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    text = generate()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run make schema", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
