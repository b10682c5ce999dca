"""Paths as the operating system gives them: ``str``, ``bytes`` or path-like objects of either.

A name read from a folder listing in bytes (``os.listdir(b".")``), or one that is not valid
UTF-8, is as much a path as any other. :func:`fs_str` and :func:`fs_path` turn every kind into
the ``str`` Python's own file functions use, undecodable bytes carried as lone surrogates
(``surrogateescape``), so opening it reaches the same bytes on disk and nothing is lost;
:func:`~rectpipe.runtime.names.escape_name` shows such a name as ``\\xff`` escapes.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

__all__ = ["AnyPath", "fs_path", "fs_str"]

AnyPath: TypeAlias = str | bytes | os.PathLike[str] | os.PathLike[bytes]
"""What a path may be given as."""


def fs_str(path: AnyPath) -> str:
    """``path`` as ``str`` (bytes decoded with the file system's encoding and
    ``surrogateescape``: every byte kept)."""
    return os.fsdecode(path)


def fs_path(path: AnyPath) -> Path:
    """``path`` as a :class:`~pathlib.Path` (see :func:`fs_str`)."""
    return Path(os.fsdecode(path))
