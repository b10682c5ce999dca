"""The ``rectpipe`` command: argument parsing and error reporting over the library.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import InputNotFoundError, InternalError, RectpipeError, UsageError
from ..limits import DEFAULT_LIMITS, MB, Limits
from ..pipeline import parse_bytes, parse_file
from ..profiles.profile import load_profile
from ..tools import DEFAULT_THRESHOLD
from ..writers import (
    OUTPUT_FORMATS,
    SUFFIXES,
    fit_name,
    jsonl_chunks,
    render_chunks,
    write_output,
    write_stdout,
)
from .batch import add_batch_parser, check_number, run_batch_command

if TYPE_CHECKING:
    from ..models.report import Report
    from ..profiles.profile import Profile

__all__ = [
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "add_ocr_options",
    "limits_from",
    "limits_from_ocr",
    "main",
]

# Each command imports what it needs when it runs: `extract` never loads the diff's models,
# the review page, the batch pool or the enrichment package.


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rectpipe",
        description="Turn rectification progress reports into validated, traceable records.",
    )
    parser.add_argument("--version", action="version", version=f"rectpipe {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="convert documents to records")
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
    extract.add_argument("--profile", metavar="YAML", help="vocabulary merged over the default")
    extract.add_argument(
        "--input-format",
        choices=("txt", "docx", "pdf", "html", "image"),
        help="skip format sniffing",
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
    _add_limits(extract)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the output (or of a profile file)"
    )
    schema.add_argument("which", nargs="?", choices=("report", "profile"), default="report")

    validate = commands.add_parser("validate", help="check saved JSON output against the schema")
    validate.add_argument("files", nargs="+", metavar="OUTPUT.json")

    check = commands.add_parser(
        "check", help="compare each document in DIR with its DOC.expected.json"
    )
    check.add_argument("folder", metavar="DIR")
    check.add_argument("--update", action="store_true", help="rewrite the expected outputs")
    check.add_argument("--profile", metavar="YAML", help="vocabulary merged over the default")
    check.add_argument("--max-diffs", type=int, default=20, help="differences shown per file")

    evaluate = commands.add_parser(
        "eval", help="score the documents in DIR against their X.facts.yaml (precision, recall…)"
    )
    evaluate.add_argument("folder", metavar="DIR")
    evaluate.add_argument("--misses", type=int, default=10, help="misses shown per document")

    diff = commands.add_parser(
        "diff", help="what changed between two reports (documents or saved JSON outputs)"
    )
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
    diff.add_argument("--profile", metavar="YAML", help="vocabulary merged over the default")

    review = commands.add_parser(
        "review", help="one self-contained HTML page showing where every value came from"
    )
    review.add_argument("file", metavar="FILE", help="a document or OUTPUT.json")
    review.add_argument("-o", "--output", metavar="HTML", help="output file (default: stdout)")
    review.add_argument("--profile", metavar="YAML", help="vocabulary merged over the default")
    add_ocr_options(review)
    add_batch_parser(commands)
    return parser


# One hostile file must not take the machine down: by default each file is parsed in a child
# process with a wall-clock limit and a memory cap (a scanned report of hundreds of pages
# needs --timeout 0 or more time: OCR takes seconds a page).
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 4096.0


def _add_limits(parser: argparse.ArgumentParser) -> None:
    defaults = DEFAULT_LIMITS
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds per file, parsed in a child process (default %(default)g; 0: none, "
        "parsed in this process unless --max-memory-mb is set)",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=float,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="memory one file's parse may use, in a child process (default %(default)g; 0: none)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=defaults.max_file_bytes / MB,
        metavar="MB",
        help="largest file accepted (default %(default)g)",
    )
    parser.add_argument(
        "--max-unzipped-mb",
        type=float,
        default=defaults.max_unzipped_bytes / MB,
        metavar="MB",
        help="largest uncompressed Word package or workbook (default %(default)g)",
    )
    parser.add_argument(
        "--max-sheets",
        type=int,
        default=defaults.max_sheets,
        metavar="N",
        help="most sheets in a workbook (default %(default)d)",
    )
    parser.add_argument(
        "--max-cells",
        type=int,
        default=defaults.max_cells,
        metavar="N",
        help="most cells a workbook's sheets span (default %(default)d)",
    )
    parser.add_argument(
        "--max-paragraphs",
        type=int,
        default=defaults.max_blocks,
        metavar="N",
        help="most paragraphs, lines and table rows in a file (default %(default)d)",
    )
    parser.add_argument(
        "--max-items",
        type=int,
        default=defaults.max_items,
        metavar="N",
        help="most numbered items (一、 （一） 1. …) in a file (default %(default)d)",
    )
    parser.add_argument(
        "--max-pages",
        type=int,
        default=defaults.max_pages,
        metavar="N",
        help="most PDF pages (default %(default)d)",
    )
    parser.add_argument(
        "--max-content-mb",
        type=float,
        default=defaults.max_content_bytes / MB,
        metavar="MB",
        help="most drawing instructions one PDF page may expand to, inflated and with its "
        "forms counted each time drawn (default %(default)g)",
    )
    add_ocr_options(parser)


def add_ocr_options(parser: argparse.ArgumentParser) -> None:
    """``--ocr`` and ``--max-ocr-pages`` (with ``pip install 'rectpipe[ocr]'``)."""
    defaults = DEFAULT_LIMITS
    parser.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default=defaults.ocr,
        help="recognise scanned pages and images: auto (pages without a text layer), always "
        "(every page), never (default %(default)s; needs rectpipe[ocr])",
    )
    parser.add_argument(
        "--max-ocr-pages",
        type=int,
        default=defaults.max_ocr_pages,
        metavar="N",
        help="most pages recognised by OCR per file (default %(default)d)",
    )
    parser.add_argument(
        "--ocr-threads",
        type=int,
        default=defaults.ocr_threads,
        metavar="N",
        help="CPU threads per OCR engine (default 0: all cores, shared among batch workers)",
    )


def limits_from_ocr(args: argparse.Namespace) -> Limits:
    """The default :class:`Limits` with the OCR options asked for."""
    check_number("--ocr-threads", args.ocr_threads, zero=True)
    return Limits(ocr=args.ocr, max_ocr_pages=args.max_ocr_pages, ocr_threads=args.ocr_threads)


def limits_from(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the limit options ask for; :class:`UsageError` for values that
    are not finite and positive (``--timeout 0``: none)."""
    check_number("--timeout", args.timeout, zero=True)
    check_number("--max-memory-mb", args.max_memory_mb, zero=True)
    check_number("--max-file-mb", args.max_file_mb)
    check_number("--max-unzipped-mb", args.max_unzipped_mb)
    check_number("--max-pages", args.max_pages)
    check_number("--max-content-mb", args.max_content_mb)
    check_number("--max-sheets", args.max_sheets)
    check_number("--max-cells", args.max_cells)
    check_number("--max-paragraphs", args.max_paragraphs)
    check_number("--max-items", args.max_items)
    check_number("--ocr-threads", getattr(args, "ocr_threads", None), zero=True)
    return Limits(
        max_file_bytes=int(args.max_file_mb * MB),
        max_unzipped_bytes=int(args.max_unzipped_mb * MB),
        max_pages=args.max_pages,
        max_content_bytes=int(args.max_content_mb * MB),
        max_sheets=args.max_sheets,
        max_cells=args.max_cells,
        max_blocks=args.max_paragraphs,
        max_items=args.max_items,
        timeout=args.timeout or None,
        max_memory_bytes=int(args.max_memory_mb * MB) or None,
        ocr=getattr(args, "ocr", DEFAULT_LIMITS.ocr),
        max_ocr_pages=getattr(args, "max_ocr_pages", DEFAULT_LIMITS.max_ocr_pages),
        ocr_threads=getattr(args, "ocr_threads", DEFAULT_LIMITS.ocr_threads),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0, or the error's ``exit_code``)."""
    parser = _parser()
    args = parser.parse_args(argv)
    # Libraries underneath log warnings about damaged fonts and streams, and some attach
    # console handlers of their own when imported; the command's contract is one line per
    # failed file, so no log record is emitted at all.
    logging.disable(logging.CRITICAL)
    try:
        if args.command == "schema":
            from ..tools.schema import schema_text

            sys.stdout.write(schema_text(args.which))
            return 0
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "check":
            return _check(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "diff":
            return _diff(args)
        if args.command == "review":
            return _review(args)
        if args.command == "batch":
            return run_batch_command(args)
        return _extract(args)
    except RectpipeError as exc:
        _error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rectpipe: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
    except Exception as exc:  # a bug: still one line, no traceback
        _error(InternalError(f"{type(exc).__name__}: {exc}"))
        return InternalError.exit_code


def _error(exc: RectpipeError) -> None:
    print(f"rectpipe: {exc}", file=sys.stderr)


def _validate(files: list[str]) -> int:
    from ..tools.schema import validate_file

    status = 0
    for name in files:
        try:
            report = validate_file(name)
        except RectpipeError as exc:
            _error(exc)
            status = exc.exit_code
            continue
        print(f"{name}: ok ({len(report.iter_problems())} problems)")
    return status


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; ``False`` when it cannot be looked at (name too long)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _expand(names: list[str]) -> list[str]:
    """Inputs with each folder replaced by the documents directly inside it."""
    from ..tools.check import documents

    expanded: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and _is_dir(path):
            expanded.extend(str(p) for p in documents(path))
        else:
            expanded.append(name)
    return expanded


def _check(args: argparse.Namespace) -> int:
    from ..tools.check import EXPECTED_SUFFIX, check_dir

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    profile = load_profile(args.profile) if args.profile else None
    results = check_dir(folder, update=args.update, profile=profile)
    failed = 0
    for result in results:
        name = result.document.name
        if result.error:
            print(f"ERROR {name}: {result.error}")
        elif result.missing_expected:
            print(f"MISSING {name}: no {name}{EXPECTED_SUFFIX} (run with --update)")
        elif result.updated:
            print(f"UPDATED {name}")
        elif result.differences:
            print(f"FAIL {name}: {len(result.differences)} difference(s)")
            for difference in result.differences[: args.max_diffs]:
                print(f"  {difference}")
        else:
            print(f"ok {name}")
        failed += not result.ok and not args.update
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _eval(args: argparse.Namespace) -> int:
    from ..tools.evaluate import evaluate_folder, format_scores

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    scores, totals = evaluate_folder(folder)
    sys.stdout.write(format_scores(scores, totals, misses=args.misses))
    return 0 if all(score.ok for score in scores) else 1


def _load_report(name: str, profile: Profile | None) -> Report:
    """A saved output (``*.json``, validated) or a document (parsed)."""
    from ..tools.schema import validate_file

    path = Path(name)
    if not path.is_file():
        raise InputNotFoundError("no such file", path=name)
    if path.suffix.lower() == ".json":
        return validate_file(path)
    return parse_file(path, profile=profile)


def _diff(args: argparse.Namespace) -> int:
    from ..tools.diff import diff_reports
    from ..tools.diff_format import format_diff

    if not 0.0 < args.threshold <= 1.0:
        raise UsageError("--threshold must be in (0, 1]")
    profile = load_profile(args.profile) if args.profile else None
    old = _load_report(args.old, profile)
    new = _load_report(args.new, profile)
    result = diff_reports(old, new, threshold=args.threshold)
    if args.json:
        data = result.model_dump(mode="json")
        data["has_differences"] = result.has_differences
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_diff(result))
    return 1 if result.has_differences else 0


def _review(args: argparse.Namespace) -> int:
    from ..tools.review import render_review
    from ..tools.review_pages import page_images

    profile = load_profile(args.profile) if args.profile else None
    path = Path(args.file)
    if path.is_file() and path.suffix.lower() != ".json":
        report = parse_file(path, profile=profile, limits=limits_from_ocr(args))
        pages = page_images(path.read_bytes(), path.name)
    else:
        report, pages = _load_report(args.file, profile), []
    _write(args.output or "-", render_review(report, pages))
    return 0


def _output_names(names: list[str], suffix: str) -> list[str]:
    """One output file name per input for ``-o DIR/``: the input's base name and ``suffix``,
    ``~2``, ``~3``… when two inputs share a base name (``a/x.txt``, ``b/x.txt``), shortened
    with a hash when too long for the file system."""
    used: set[str] = set()
    found: list[str] = []
    for name in names:
        stem = Path(name).name if name != "-" else "stdin"
        candidate, n = stem, 1
        while fit_name(candidate + suffix) in used:
            n += 1
            candidate = f"{stem}~{n}"
        used.add(fit_name(candidate + suffix))
        found.append(fit_name(candidate + suffix))
    return found


def _read_stdin() -> bytes:
    if sys.stdin is None:
        raise InputNotFoundError("standard input is closed", path="-")
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as exc:
        raise InputNotFoundError(f"cannot read standard input: {exc}", path="-") from None


def _write(target: str | Path, text: str | bytes | Iterable[str | bytes]) -> None:
    """``text`` to ``target``: standard output for ``-``, else :func:`write_output`."""
    if str(target) == "-":
        write_stdout(text)
    else:
        write_output(target, text)


def _extract(args: argparse.Namespace) -> int:
    limits = limits_from(args)
    profile = load_profile(args.profile) if args.profile else None
    out = Path(args.output) if args.output and args.output != "-" else None
    per_file = out is not None and (_is_dir(out) or args.output.endswith(("/", "\\")))
    if out is not None and not per_file and len(args.files) > 1 and args.format == "json":
        raise UsageError("several inputs into one file need -f jsonl or yaml, or -o DIR/")
    reports: list[Report] = []
    rows: list[str] = []  # -f jsonl: each report's lines, made as it is parsed
    parsed = False
    failures: list[RectpipeError] = []
    inputs = _expand(args.files)
    targets = _output_names(inputs, SUFFIXES[args.format]) if per_file else []
    for index, name in enumerate(inputs):
        try:
            if name == "-":
                report = parse_bytes(
                    _read_stdin(),
                    name=None,
                    format=args.input_format,
                    profile=profile,
                    limits=limits,
                    repair=args.repair,
                    enrich=args.enrich,
                )
            else:
                report = parse_file(
                    name,
                    format=args.input_format,
                    profile=profile,
                    limits=limits,
                    repair=args.repair,
                    enrich=args.enrich,
                )
            if per_file:
                assert out is not None
                write_output(out / targets[index], render_chunks(report, args.format))
            elif args.format == "jsonl":  # the rows are all that is written: keep only them
                rows.extend(jsonl_chunks(report))
            else:
                reports.append(report)
            parsed = True
        except RectpipeError as exc:
            _error(exc)
            failures.append(exc)
            continue
    if parsed and not per_file:
        text = rows if args.format == "jsonl" else render_chunks(reports, args.format)
        try:
            _write(out if out is not None else "-", text)
        except RectpipeError as exc:
            _error(exc)
            failures.append(exc)
    if failures:
        codes = {f.exit_code for f in failures}
        return codes.pop() if len(codes) == 1 else 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
