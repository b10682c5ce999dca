"""Reports into a relational database: SQLite by default, any SQLAlchemy URL otherwise.

Built on SQLAlchemy Core (a dependency of rectpipe). PostgreSQL also needs a driver
(``pip install rectpipe[postgres]``); without one :func:`open_database` raises
``missing_dependency``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .connect import Database, database_url, open_database

__all__ = ["Database", "database_url", "open_database"]
