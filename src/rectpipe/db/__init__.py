"""Reports into a relational database: SQLite by default, any SQLAlchemy URL otherwise.

Needs SQLAlchemy (``pip install rectpipe[db]``; PostgreSQL also needs a driver:
``rectpipe[postgres]``). Without it, :func:`open_database` raises ``missing_dependency``.
"""

from __future__ import annotations

from .connect import Database, database_url, open_database

__all__ = ["Database", "database_url", "open_database"]
