"""Run a parse in a child process with a wall-clock limit and, optionally, a memory cap.

A damaged file can make a parser spin forever or inflate without end (a compression bomb); in
a child process it can be killed, or capped, without harm to the caller. The child returns
the report (or the error) pickled through a pipe. A memory cap is the child's own
address-space limit (``RLIMIT_AS``): a reader that runs out of it raises ``MemoryError`` or, in
native code, aborts; either way the caller gets ``too_large``.

Where the system can fork, the child is a plain ``os.fork`` (no ``multiprocessing`` import,
nothing pickled on the way in); elsewhere a ``multiprocessing`` spawn child, which needs
``func`` and its result to pickle.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InternalError, ParseTimeoutError, RectpipeError, TooLargeError
from .patterns import save_store

__all__ = [
    "OUT_OF_MEMORY_SIGNALS",
    "cap_memory",
    "memory_cap",
    "over_cap",
    "quiet_crash_dumps",
    "run_isolated",
]

T = TypeVar("T")

# How a child that ran out of its address space ends when native code cannot allocate:
# abort (C++ std::bad_alloc, glibc), a segmentation fault, or a bus error.
#: The exit status of a worker that ran out of memory under its cap and could not even report
#: it (a value no Python or shell failure uses).
OUT_OF_MEMORY_EXIT = 86
OUT_OF_MEMORY_SIGNALS = frozenset({signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS})


_capped_at: int | None = None  # the cap cap_memory set in this process


def memory_cap() -> int | None:
    """The address-space cap :func:`cap_memory` set in this process (``None``: none)."""
    return _capped_at


def cap_memory(max_bytes: int | None) -> None:
    """Cap this process's address space at ``max_bytes`` (``None``: leave it), never above a
    hard limit already set."""
    global _capped_at
    if max_bytes is None:
        return
    _capped_at = max_bytes
    try:
        import resource
    except ImportError:  # pragma: no cover - not on this platform: no cap
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def over_cap(max_bytes: int | None) -> str:
    """The ``too_large`` message for a process that ran out of memory under ``max_bytes``."""
    if max_bytes is None:
        return "out of memory while reading"
    return f"needs more than the {max_bytes // (1024 * 1024)} MB memory cap"


def _outcome(func: Callable[[], Any], max_bytes: int | None) -> tuple[str, Any]:
    """What the child sends back: ``("ok", result)`` or ``("error", RectpipeError)``."""
    try:
        cap_memory(max_bytes)
        return "ok", func()
    except RectpipeError as exc:
        return "error", exc
    except MemoryError:
        return "error", TooLargeError(over_cap(max_bytes))
    except BaseException as exc:  # a bug, reported without a traceback
        return "error", InternalError(f"{type(exc).__name__}: {exc}")


def _spawned_child(conn: Any, func: Callable[[], Any], max_bytes: int | None) -> None:
    try:
        conn.send(_outcome(func, max_bytes))
    finally:
        conn.close()


def _raise_or_return(kind: str, value: Any) -> Any:
    if kind == "error":
        assert isinstance(value, RectpipeError)
        raise value
    return value


def run_isolated(
    func: Callable[[], T], timeout: float | None, *, max_bytes: int | None = None
) -> T:
    """``func()`` run in a child process; its result, or its :class:`RectpipeError` raised here.

    Raises :class:`ParseTimeoutError` (and kills the child) when ``timeout`` seconds pass
    (``None``: no time limit), and :class:`TooLargeError` when the child outgrows
    ``max_bytes`` of address space.
    """
    if hasattr(os, "fork"):
        return _raise_or_return(*_forked(func, timeout, max_bytes))  # type: ignore[no-any-return]
    return _raise_or_return(*_spawned(func, timeout, max_bytes))  # type: ignore[no-any-return]


def _forked(
    func: Callable[[], Any], timeout: float | None, max_bytes: int | None
) -> tuple[str, Any]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send, and leave without running the parent's cleanup
        status = 0
        try:
            os.close(read_end)
            quiet_crash_dumps()
            data = pickle.dumps(_outcome(func, max_bytes), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            # patterns first compiled here (those built from a profile) reach the store too,
            # so the next run's child has them (a no-op when no store is in use)
            save_store()
        except BaseException:
            status = 70
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        data = _read_all(read_end, timeout)
    except ParseTimeoutError:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        _, wait_status = os.waitpid(pid, 0)
    if data:
        kind, value = pickle.loads(data)
        return kind, value
    if os.WIFSIGNALED(wait_status):
        signum = os.WTERMSIG(wait_status)
        if max_bytes is not None and signum in OUT_OF_MEMORY_SIGNALS:
            return "error", TooLargeError(over_cap(max_bytes))
        return "error", InternalError(f"worker died (signal {signum})")
    return "error", InternalError(f"worker died (exit code {os.WEXITSTATUS(wait_status)})")


def quiet_crash_dumps() -> None:
    """In the child only: a native abort at the memory cap is an expected way to end, not a
    crash to dump on the caller's terminal."""
    import faulthandler

    if faulthandler.is_enabled():
        faulthandler.disable()


def _read_all(fd: int, timeout: float | None) -> bytes:
    """Everything written to ``fd`` until the writer closes it, within ``timeout`` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            raise ParseTimeoutError(f"gave up after {timeout:g} s")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _spawned(
    func: Callable[[], Any], timeout: float | None, max_bytes: int | None
) -> tuple[str, Any]:  # pragma: no cover - only where the system cannot fork
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_spawned_child, args=(sender, func, max_bytes), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ParseTimeoutError(f"gave up after {timeout:g} s")
        try:
            kind, value = receiver.recv()
        except EOFError:
            process.join(5)
            return "error", InternalError(f"worker died (exit code {process.exitcode})")
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    return kind, value
