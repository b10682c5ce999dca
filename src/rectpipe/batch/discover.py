"""Which files a batch converts: files, folders (recursive) and glob patterns → a plan.

A folder contributes the documents under it (:func:`rectpipe.readers.inputs.documents_in`,
the one list of suffixes), skipping hidden files and folders and Word lock files; a file
named explicitly is taken whatever its suffix, so the converter can say what is wrong with
it. Each file gets an output name: its path relative to the folder it was found in, or its
bare name. An input in object storage (``s3://bucket/prefix``) is listed the same way
(:mod:`.remote`).

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..readers.inputs import iter_documents
from ..runtime.names import escape_name
from ..runtime.paths import AnyPath, fs_str
from ..runtime.record import field, record
from .manifest import completed_keys
from .remote import is_uri, list_uri, read_uri

__all__ = ["BatchItem", "Plan", "discover", "done_by_path", "expand", "file_sha256", "plan_batch"]

_GLOB_CHARS = frozenset("*?[")


@record(slots=False)
class BatchItem:
    """One file to convert: ``path`` as found, ``output_name`` unique within the batch."""

    path: str
    output_name: str


@record(frozen=False, slots=False)
class Plan:
    """What a batch will do: ``todo`` to convert, ``skipped`` already done (``--resume``),
    ``missing`` inputs that name no file (a path that does not exist, a glob matching
    nothing); ``manifest_skipped`` the manifest lines resuming could not use, as
    ``(line number, reason)``; ``why_missing`` says why an input is missing when there is
    more to say than that it does not exist (a store that cannot be reached)."""

    todo: list[BatchItem] = field(default_factory=list)
    skipped: list[BatchItem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    manifest_skipped: list[tuple[int, str]] = field(default_factory=list)
    why_missing: dict[str, str] = field(default_factory=dict)


def _matches(name: str) -> list[str]:
    """``name`` itself when it exists (a dangling or looping symlink too: converting it says
    what is wrong), else its glob matches (sorted); empty when neither."""
    if os.path.lexists(name) or not _GLOB_CHARS & set(name):
        return [name] if os.path.lexists(name) else []
    return sorted(glob.glob(name, recursive=True))


def _identity(path: Path) -> str:
    """The file ``path`` names, to list it once: its real path, or its absolute path when
    that cannot be worked out (a symlink loop is converted, and fails, on its own)."""
    try:
        return os.path.realpath(path)
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def discover(
    inputs: Iterable[AnyPath], why_missing: dict[str, str] | None = None
) -> tuple[list[str], Iterator[BatchItem]]:
    """The inputs that name no file, found at once (a stat or a glob each; a listing for an
    input in object storage), and an iterator over the files, which walks each folder as it
    is reached: every file once (by resolved path), in input order, folders sorted. Output
    names that would collide get ``~2``, ``~3``… appended. ``why_missing``, when given, is
    told why an input is missing when there is more to say than that it does not exist."""
    missing: list[str] = []
    found: list[list[str] | list[tuple[str, str]]] = []
    for raw in inputs:
        name = fs_str(raw)
        matches: list[str] | list[tuple[str, str]]
        if is_uri(name):
            try:
                matches = list_uri(name)
            except OSError as exc:
                matches = []
                if why_missing is not None and not isinstance(exc, FileNotFoundError):
                    why_missing[name] = f"cannot list it: {exc}"
        else:
            matches = _matches(name)
        if not matches:
            missing.append(name)
        found.append(matches)
    return missing, _items(found)


def _items(found: list[list[str] | list[tuple[str, str]]]) -> Iterator[BatchItem]:
    seen: set[str] = set()
    used: set[str] = set()

    def item(path: Path | str, output_name: str, key: str | None = None) -> BatchItem | None:
        key = key or _identity(Path(path))
        if key in seen:
            return None
        seen.add(key)
        candidate, n = output_name, 1
        while candidate in used:
            n += 1
            candidate = f"{output_name}~{n}"
        used.add(candidate)
        return BatchItem(str(path), candidate)

    for matches in found:
        for match in matches:
            if isinstance(match, tuple):  # in object storage: (URI, output name)
                made = item(match[0], match[1], key=match[0])
                if made is not None:
                    yield made
                continue
            path = Path(match)
            if path.is_dir():
                for document in iter_documents(path):
                    made = item(document, document.relative_to(path).as_posix())
                    if made is not None:
                        yield made
            else:
                made = item(path, path.name)
                if made is not None:
                    yield made


def expand(inputs: Iterable[AnyPath]) -> Plan:
    """The plan for ``inputs`` before resuming: :func:`discover`, the folders walked whole."""
    why: dict[str, str] = {}
    missing, items = discover(inputs, why)
    return Plan(todo=list(items), missing=missing, why_missing=why)


def file_sha256(path: str) -> str | None:
    """The SHA-256 of the file's bytes, read in chunks; ``None`` when it cannot be read."""
    if is_uri(path):
        try:
            return hashlib.sha256(read_uri(path)).hexdigest()
        except OSError:
            return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def plan_batch(
    inputs: Iterable[AnyPath],
    *,
    resume_manifest: AnyPath | None = None,
    resume_format: str | None = None,
) -> Plan:
    """:func:`expand`, then with ``resume_manifest`` move to ``skipped`` every file the
    manifest records as ``success`` or ``partial`` under the same path and with the same
    content (SHA-256), and, with ``resume_format``, in that output format: a renamed or
    copied file, a changed file and a change of format are converted again. A missing
    manifest skips nothing; its malformed lines are skipped and listed in
    ``plan.manifest_skipped``. Resuming hashes every candidate file once."""
    plan = expand(inputs)
    if resume_manifest is None:
        return plan
    done = completed_keys(resume_manifest, fmt=resume_format, skipped=plan.manifest_skipped)
    return _resumed(plan, done)


def _resumed(plan: Plan, done: set[tuple[str, str]]) -> Plan:
    if not done:
        return plan
    todo: list[BatchItem] = []
    for item in plan.todo:
        key = (escape_name(item.path), file_sha256(item.path) or "")
        (plan.skipped if key in done else todo).append(item)
    plan.todo = todo
    return plan


def done_by_path(done: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """The ``(path, sha256)`` keys of :func:`~.manifest.completed_keys` by path: the hashes
    a file found under that (escaped) path may have to be skipped."""
    by_path: dict[str, set[str]] = {}
    for path, sha256 in done:
        by_path.setdefault(path, set()).add(sha256)
    return {path: frozenset(hashes) for path, hashes in by_path.items()}
