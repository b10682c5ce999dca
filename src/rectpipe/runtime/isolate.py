"""Run a parse in a child process with a wall-clock limit.

A damaged file can make a parser spin forever; in a child process it can be killed without
harm to the caller. The child gets the bytes and returns the report (or the error) through a
pipe.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ..errors import InternalError, ParseTimeoutError, RectpipeError

T = TypeVar("T")


def _child(conn: Connection, func: Callable[[], T]) -> None:
    try:
        conn.send(("ok", func()))
    except RectpipeError as exc:
        conn.send(("error", exc))
    except BaseException as exc:  # a bug, reported without a traceback
        conn.send(("error", InternalError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def run_isolated(func: Callable[[], T], timeout: float) -> T:
    """``func()`` run in a child process; its result, or its :class:`RectpipeError` raised here.

    Raises :class:`ParseTimeoutError` (and kills the child) when ``timeout`` seconds pass.
    ``func`` and its result must be picklable when the platform cannot fork.
    """
    methods = multiprocessing.get_all_start_methods()
    context: multiprocessing.context.DefaultContext | Any = multiprocessing.get_context(
        "fork" if "fork" in methods else "spawn"
    )
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, func), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ParseTimeoutError(f"gave up after {timeout:g} s")
        try:
            kind, value = receiver.recv()
        except EOFError:
            raise InternalError(f"worker died (exit code {process.exitcode})") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if kind == "error":
        assert isinstance(value, RectpipeError)
        raise value
    return value  # type: ignore[no-any-return]
