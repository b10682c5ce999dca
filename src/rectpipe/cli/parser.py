"""The ``rectpipe`` argument parser: one function per command adds its arguments.

Building it imports no part of the pipeline: ``rectpipe --help`` and ``rectpipe --version``
do not load the output models.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__
from ..readers.dispatch import FORMATS
from ..tools import DEFAULT_THRESHOLD
from ..writers.kinds import OUTPUT_FORMATS
from .options import add_limit_options, add_ocr_options

__all__ = ["build_parser", "command_named"]

_PROFILE_HELP = "vocabulary merged over the default"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; the chosen one is ``command`` in the parsed namespace.

    With ``only`` (a command's name), only that command is built: a command line that names
    its command parses as with the whole parser. The whole parser was a few milliseconds of a
    short ``rectpipe extract``: every subcommand is an ``ArgumentParser`` of its own, and each
    asks ``gettext`` for three translations, which it looks up in the file system.
    """
    parser = argparse.ArgumentParser(
        prog="rectpipe",
        description="Turn rectification progress reports into validated, traceable records.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"rectpipe {__version__}")
    commands: Any = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (kwargs, add_arguments) in _COMMANDS.items():
        if only is None or only == name:
            add_arguments(commands.add_parser(name, formatter_class=_Formatter, **kwargs))
    return parser


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, the terminal's width found as ``shutil.get_terminal_size``
    finds it, without importing ``shutil`` (and ``bz2``, ``lzma`` and ``fnmatch`` with it):
    argparse makes a formatter for every argument it is given."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2  # as HelpFormatter takes it from the terminal
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """The terminal's width: ``COLUMNS``, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names first, when it is one (``build_parser``'s ``only``)."""
    return argv[0] if argv and argv[0] in _COMMANDS else None


def _add_extract(extract: argparse.ArgumentParser) -> None:
    extract.add_argument("files", nargs="+", metavar="FILE", help="documents; - reads stdin")
    extract.add_argument(
        "-f",
        "--format",
        choices=OUTPUT_FORMATS,
        default="json",
        help="json (default), yaml, jsonl or csv (one row per problem), or xlsx (one workbook)",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file (- : stdout); a directory (existing, or ending in /) gets one file "
        "per input",
    )
    extract.add_argument("--profile", metavar="YAML", help=_PROFILE_HELP)
    extract.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"skip format sniffing: {', '.join(FORMATS)}",
    )
    extract.add_argument(
        "--enrich",
        action="store_true",
        help="add dates, amounts, references, entities, keywords and a topic to every problem",
    )
    extract.add_argument(
        "--no-repair",
        dest="repair",
        action="store_false",
        help="do not repair damaged copies (traditional characters, web punctuation, glued lines)",
    )
    add_limit_options(extract)


def _add_schema(schema: argparse.ArgumentParser) -> None:
    schema.add_argument("which", nargs="?", choices=("report", "profile"), default="report")


def _add_validate(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("files", nargs="+", metavar="OUTPUT.json")


def _add_check(check: argparse.ArgumentParser) -> None:
    check.add_argument("folder", metavar="DIR")
    check.add_argument("--update", action="store_true", help="rewrite the expected outputs")
    check.add_argument("--profile", metavar="YAML", help=_PROFILE_HELP)
    check.add_argument("--max-diffs", type=int, default=20, help="differences shown per file")


def _add_eval(evaluate: argparse.ArgumentParser) -> None:
    evaluate.add_argument("folder", metavar="DIR")
    evaluate.add_argument("--misses", type=int, default=10, help="misses shown per document")


def _add_diff(diff: argparse.ArgumentParser) -> None:
    diff.add_argument("old", metavar="OLD", help="the earlier report: a document or OUTPUT.json")
    diff.add_argument("new", metavar="NEW", help="the later report: a document or OUTPUT.json")
    diff.add_argument("--json", action="store_true", help="print the diff as JSON")
    diff.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="R",
        help="title similarity needed to match problems (default %(default)g)",
    )
    diff.add_argument("--profile", metavar="YAML", help=_PROFILE_HELP)


def _add_review(review: argparse.ArgumentParser) -> None:
    review.add_argument("file", metavar="FILE", help="a document or OUTPUT.json")
    review.add_argument("-o", "--output", metavar="HTML", help="output file (default: stdout)")
    review.add_argument("--profile", metavar="YAML", help=_PROFILE_HELP)
    add_ocr_options(review)


_Adder = Callable[[argparse.ArgumentParser], None]


#: Each command: what ``add_parser`` is given (its help), and what adds its arguments.
def _add_batch(batch: argparse.ArgumentParser) -> None:
    from .batch import add_batch_arguments  # the batch command's module, loaded for it alone

    add_batch_arguments(batch)


_COMMANDS: dict[str, tuple[dict[str, str], _Adder]] = {
    "extract": ({"help": "convert documents to records"}, _add_extract),
    "schema": ({"help": "print the JSON Schema of the output (or of a profile file)"}, _add_schema),
    "validate": ({"help": "check saved JSON output against the schema"}, _add_validate),
    "check": ({"help": "compare each document in DIR with its DOC.expected.json"}, _add_check),
    "eval": (
        {"help": "score the documents in DIR against their X.facts.yaml (precision, recall…)"},
        _add_eval,
    ),
    "diff": (
        {"help": "what changed between two reports (documents or saved JSON outputs)"},
        _add_diff,
    ),
    "review": (
        {"help": "one self-contained HTML page showing where every value came from"},
        _add_review,
    ),
    "batch": (
        {
            "help": "convert many documents in parallel into a folder, a workbook or a database",
            "description": "Convert files, folders (recursive) and globs in worker processes.",
        },
        _add_batch,
    ),
}
