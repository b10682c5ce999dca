"""The ``rectpipe`` command: parse the arguments, run the chosen command, and turn whatever
it raises into one ``rectpipe: …`` line and an exit status.

The commands live beside this module (:mod:`.extract`, :mod:`.tools`, :mod:`.batch`), the
parser in :mod:`.parser`; each command imports what it runs when it runs: ``extract`` never
loads the diff's models, the review page, the batch pool or the enrichment package.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from ..errors import InternalError, RectpipeError
from ..runtime.patterns import default_store, save_store, use_store
from .quiet import silence_logging

__all__ = ["console", "main"]

# Commands that hold nothing open once they return (no pool, no database, no server): the
# console script leaves after them without the interpreter's teardown (see console()).
_QUICK_EXIT = frozenset({"extract", "schema", "validate", "check", "eval", "diff"})


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs command ``name``."""
    if name == "extract":
        from .extract import run_extract

        return run_extract
    if name == "batch":
        from .batch import run_batch_command

        return run_batch_command
    from . import tools

    runner: Callable[[argparse.Namespace], int] = getattr(tools, f"run_{name}")
    return runner


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0, or the error's ``exit_code``)."""
    return _run(argv)[1]


def console() -> NoReturn:
    """The ``rectpipe`` console script: :func:`main` on the process's arguments, then exit.

    After a command that holds nothing open, the process leaves with ``os._exit`` once its
    output is flushed: the interpreter's teardown (freeing every module and object one by
    one) is about a tenth of a short ``rectpipe extract``'s run and does nothing the system
    does not do when the process ends.
    """
    command, code = _run(None)
    if command not in _QUICK_EXIT:
        raise SystemExit(code)
    try:
        if sys.stdout is not None:  # None: started with standard output closed
            sys.stdout.flush()
    except BrokenPipeError:
        code = code or 141
    except OSError:
        code = code or 1
    with contextlib.suppress(OSError):
        if sys.stderr is not None:
            sys.stderr.flush()
    os._exit(code)


def _run(argv: Sequence[str] | None) -> tuple[str, int]:
    """The command that ran, and its exit status."""
    # before any stage is imported (the parser's own imports too): its patterns and its value
    # classes' code come from the store, and what it compiles afresh is kept there for the
    # next run (see rectpipe.runtime.patterns)
    use_store(default_store())
    from .output import report_error
    from .parser import build_parser, command_named

    args = build_parser(command_named(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    silence_logging()  # the command's contract is one line per failed file
    command: str = args.command
    try:
        return command, _command(command)(args)
    except RectpipeError as exc:
        report_error(exc)
        return command, exc.exit_code
    except KeyboardInterrupt:
        print("rectpipe: interrupted", file=sys.stderr)
        return command, 130
    except BrokenPipeError:
        return command, 141
    except Exception as exc:  # a bug: still one line, no traceback
        report_error(InternalError(f"{type(exc).__name__}: {exc}"))
        return command, InternalError.exit_code
    finally:
        save_store()


if __name__ == "__main__":  # pragma: no cover
    console()
