"""The ``rectpipe`` command: parse the arguments, run the chosen command, and turn whatever
it raises into one ``rectpipe: …`` line and an exit status.

The commands live beside this module (:mod:`.extract`, :mod:`.tools`, :mod:`.batch`), the
parser in :mod:`.parser`; each command imports what it runs when it runs: ``extract`` never
loads the diff's models, the review page, the batch pool or the enrichment package.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..errors import InternalError, RectpipeError
from ..runtime.patterns import default_store, save_store, use_store
from .output import report_error
from .parser import build_parser
from .quiet import silence_logging

__all__ = ["main"]


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
    args = build_parser().parse_args(argv)
    # before any stage is imported: its patterns come from the store, and what it compiles
    # afresh is kept there for the next run (see rectpipe.runtime.patterns)
    use_store(default_store())
    silence_logging()  # the command's contract is one line per failed file
    try:
        return _command(args.command)(args)
    except RectpipeError as exc:
        report_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rectpipe: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
    except Exception as exc:  # a bug: still one line, no traceback
        report_error(InternalError(f"{type(exc).__name__}: {exc}"))
        return InternalError.exit_code
    finally:
        save_store()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
