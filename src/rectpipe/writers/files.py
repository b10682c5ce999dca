"""Writing outputs: atomic for regular files, direct for special files, errors with a code.

A regular file (or a new one) is written to a temporary file in the same folder and renamed
into place, so a reader never sees a half-written file. A FIFO or a character device
(``/dev/null``, a terminal) is opened and written directly: renaming over it would replace the
special file with a regular one. A new file gets the permissions the umask allows (like any
program's ``open``), a replaced file keeps its mode. Every failure of the operating system
(disk full, file size limit, no permission, a name too long) becomes an
:class:`~rectpipe.errors.OutputError` naming the path and the reason.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError
from ..runtime.paths import AnyPath, fs_path

__all__ = ["NAME_MAX", "fit_name", "temp_prefix", "write_atomic", "write_output", "write_stdout"]

NAME_MAX = 255
"""The longest file name, in bytes, on the file systems rectpipe writes to."""
_TEMP_STEM_MAX = 200  # .<stem>.<8 hex>.tmp stays within NAME_MAX


def fit_name(name: str, limit: int = NAME_MAX) -> str:
    """``name`` when it is at most ``limit`` bytes long (in the file system's encoding), else
    its beginning, ``~`` and a hash of the whole name, with the last suffix (``.json``) kept:
    distinct long names stay distinct."""
    if len(os.fsencode(name)) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(os.fsencode(suffix)) > 16:
        stem, suffix = name, ""
    else:
        suffix = "." + suffix
    import hashlib  # only for a name too long to keep

    tag = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:12]
    room = limit - len(os.fsencode(tag + suffix))
    kept, used = [], 0
    for ch in stem:
        size = len(os.fsencode(ch))
        if used + size > room:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + tag + suffix


def temp_prefix(target: str | Path) -> str:
    """The name prefix of the temporary files written on the way to ``target``
    (``.<name>.``, the name shortened when long), for finding ones left behind."""
    return f".{fit_name(Path(target).name, _TEMP_STEM_MAX)}."


def _reason(exc: OSError) -> str:
    name = errno.errorcode.get(exc.errno or 0)
    why = exc.strerror or str(exc)
    return f"cannot write: {why} ({name})" if name else f"cannot write: {why}"


def write_output(path: AnyPath, text: str | bytes | Iterable[str | bytes]) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``path``: atomically (temporary file, then
    rename) when it is a regular file or does not exist yet, directly when it is a FIFO or a
    device. A symbolic link is followed (the file it points to is replaced, not the link).
    Folders are created. ``text`` may be a sequence of pieces (:mod:`.stream`), written as
    they come, so that the whole text is never held at once.
    Raises :class:`~rectpipe.errors.OutputError` when the system refuses."""
    data = _pieces(text)
    target = fs_path(path)
    try:
        _write(target, data)
    except OSError as exc:
        raise OutputError(_reason(exc), path=str(target)) from None


def _pieces(text: str | bytes | Iterable[str | bytes]) -> Iterable[bytes]:
    """``text`` as UTF-8 pieces: a string is encoded at once (before any file is touched), a
    sequence of pieces as it is written."""
    if isinstance(text, str):
        return (text.encode("utf-8"),)
    if isinstance(text, bytes):
        return (text,)
    return (piece.encode("utf-8") if isinstance(piece, str) else piece for piece in text)


def write_atomic(path: AnyPath, text: str) -> None:
    """The former name of :func:`write_output`."""
    write_output(path, text)


def _write(path: Path, data: Iterable[bytes]) -> None:
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_direct(path, data)
        return
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(target)
    try:
        try:
            if st is not None:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):
                        os.fchown(fd, st.st_uid, st.st_gid)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _create_temp(target: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``target``, created with mode 0666 so that the
    umask decides its permissions."""
    prefix = temp_prefix(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = os.path.join(target.parent, f"{prefix}{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def _write_direct(path: Path, data: Iterable[bytes]) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: Iterable[bytes]) -> None:
    for piece in data:
        view = memoryview(piece)
        while view:
            view = view[os.write(fd, view) :]


def write_stdout(text: str | bytes | Iterable[str | bytes]) -> None:
    """Write ``text`` (bytes through the binary buffer; or a sequence of such pieces) to
    standard output and flush it. A
    closed or failing stdout raises :class:`~rectpipe.errors.OutputError` (path ``-``);
    ``BrokenPipeError`` (the reader went away) is raised as is. After a failure stdout is
    pointed at ``/dev/null`` so that the interpreter's own flush at exit stays quiet."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write: standard output is closed", path="-")
    try:
        for piece in (text,) if isinstance(text, (str, bytes)) else text:
            if isinstance(piece, bytes):
                stream.flush()
                stream.buffer.write(piece)
            else:
                stream.write(piece)
        stream.flush()
    except OSError as exc:
        _silence_stdout()
        if isinstance(exc, BrokenPipeError):
            raise
        raise OutputError(_reason(exc), path="-") from None
    except ValueError:  # closed by someone in this process
        raise OutputError("cannot write: standard output is closed", path="-") from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
