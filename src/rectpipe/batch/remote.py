"""Inputs in object storage: ``s3://bucket/prefix``, ``gs://…``, ``hdfs://…``, ``file://…``.

A batch input with a scheme is read through pyarrow's file systems
(:meth:`pyarrow.fs.FileSystem.from_uri`), which take their credentials and region as pyarrow
does (for S3: ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``, or
``~/.aws``). A URI naming a prefix (a "folder") contributes the documents under it, as a
local folder does (the same suffixes, hidden names skipped), sorted, each named by its URI and
given its key relative to the prefix as output name; a URI naming one object is taken
whatever its suffix. Each worker reads its files' bytes itself, so nothing passes through the
batch process (or, with Ray, through the driver or the object store).

pyarrow comes with ``rectpipe[ray]``; without it a URI input is refused with
``missing_dependency``.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

from ..errors import MissingDependencyError, TooLargeError
from ..readers.inputs import DOCUMENT_SUFFIXES, is_hidden

__all__ = ["absolute", "is_uri", "list_uri", "read_uri"]

# a scheme of two letters or more: ``C:\\x`` stays a Windows path
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")


def is_uri(name: str) -> bool:
    """Does ``name`` name an object in a store (``s3://…``) rather than a local path?"""
    return _SCHEME.match(name) is not None


def absolute(name: str) -> str:
    """``name`` as workers started elsewhere can find it: a local path made absolute, a URI
    as it is."""
    return name if is_uri(name) else os.path.abspath(name)


def _file_systems() -> Any:
    try:
        import pyarrow.fs
    except ImportError:
        raise MissingDependencyError(
            "inputs in object storage need pyarrow: pip install 'rectpipe[ray]' (or pyarrow)"
        ) from None
    return pyarrow.fs


@cache
def _opened(base: str) -> tuple[Any, str]:
    """The file system of ``base`` (a URI) and ``base``'s path in it, made once per process:
    making one may ask the store for its region."""
    file_systems: Any = _file_systems()
    system, path = file_systems.FileSystem.from_uri(base)
    return system, path


def _located(uri: str) -> tuple[Any, str]:
    """The file system ``uri`` lives in and its path there. The file system is the one of
    the URI's store (``s3://bucket/``), shared by every object in it."""
    from urllib.parse import urlsplit

    parts = urlsplit(uri)
    if parts.query or parts.fragment:  # options for the file system: this URI's own
        return _opened(uri)
    root = f"{parts.scheme}://{parts.netloc}/"
    system, base = _opened(root)
    rest = uri[len(root) :] if uri.startswith(root) else ""
    base = base.rstrip("/")
    if not rest:
        return system, base or "/"
    return system, f"{base}/{rest}"


def list_uri(uri: str) -> list[tuple[str, str]]:
    """The documents ``uri`` names: ``[(uri, output name)]``, sorted; the object itself when
    it names one. Raises ``FileNotFoundError`` when it names nothing and ``OSError`` when the
    store cannot be reached or read."""
    file_systems: Any = _file_systems()
    system, root = _located(uri)
    info = system.get_file_info(root)
    if info.type == file_systems.FileType.NotFound:
        raise FileNotFoundError(f"no object or prefix {uri}")
    if info.type == file_systems.FileType.File:
        return [(uri, root.rsplit("/", 1)[-1])]
    found = []
    selector = file_systems.FileSelector(root, recursive=True)
    base = uri.rstrip("/")
    prefix = root.rstrip("/") + "/"
    for entry in system.get_file_info(selector):
        if entry.type != file_systems.FileType.File or not entry.path.startswith(prefix):
            continue
        relative = entry.path[len(prefix) :]
        parts = relative.split("/")
        if any(is_hidden(part) for part in parts):
            continue
        if os.path.splitext(parts[-1])[1].lower() in DOCUMENT_SUFFIXES:
            found.append((f"{base}/{relative}", relative))
    return sorted(found, key=lambda pair: pair[1])


def read_uri(uri: str, max_bytes: int | None = None) -> bytes:
    """The bytes of the object at ``uri``. Raises ``too_large`` (without reading it) when it
    holds more than ``max_bytes``, and ``OSError`` when it cannot be read."""
    file_systems: Any = _file_systems()
    system, path = _located(uri)
    if max_bytes is not None:
        info = system.get_file_info(path)
        if info.type == file_systems.FileType.NotFound:
            raise FileNotFoundError(f"no object {uri}")
        if info.size is not None and info.size > max_bytes:
            raise TooLargeError(f"{info.size} bytes, over the {max_bytes} byte limit")
    with system.open_input_stream(path) as stream:
        data: bytes = stream.read()
    return data
