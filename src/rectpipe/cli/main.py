"""The ``rectpipe`` command: argument parsing and error reporting over the library."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..enrich.config import load_config as load_enrich_config
from ..errors import InputNotFoundError, InternalError, RectpipeError, UsageError
from ..limits import DEFAULT_LIMITS, MB, Limits
from ..models.report import Report
from ..pipeline import parse_bytes, parse_file
from ..profiles.profile import Profile, load_profile
from ..tools.check import EXPECTED_SUFFIX, check_dir, documents
from ..tools.diff import DEFAULT_THRESHOLD, diff_reports
from ..tools.diff_format import format_diff
from ..tools.review import render_review
from ..tools.schema import schema_text, validate_file
from ..writers import FORMATS, dumps, write_atomic
from .batch import add_batch_parser, run_batch_command

_SUFFIX = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rectpipe",
        description="Turn rectification progress reports into validated, traceable records.",
    )
    parser.add_argument("--version", action="version", version=f"rectpipe {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="convert documents to records")
    extract.add_argument("files", nargs="+", metavar="FILE", help="documents; - reads stdin")
    extract.add_argument("-f", "--format", choices=FORMATS, default="json")
    extract.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file; a directory (existing, or ending in /) gets one file per input",
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

    commands.add_parser("schema", help="print the JSON Schema of the output")

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


def _add_limits(parser: argparse.ArgumentParser) -> None:
    defaults = DEFAULT_LIMITS
    parser.add_argument(
        "--timeout", type=float, metavar="S", help="seconds per file (parsed in a child process)"
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
        help="largest uncompressed Word package (default %(default)g)",
    )
    parser.add_argument(
        "--max-pages",
        type=int,
        default=defaults.max_pages,
        metavar="N",
        help="most PDF pages (default %(default)d)",
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


def limits_from_ocr(args: argparse.Namespace) -> Limits:
    """The default :class:`Limits` with the OCR options asked for."""
    return Limits(ocr=args.ocr, max_ocr_pages=args.max_ocr_pages)


def limits_from(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the limit options ask for."""
    return Limits(
        max_file_bytes=int(args.max_file_mb * MB),
        max_unzipped_bytes=int(args.max_unzipped_mb * MB),
        max_pages=args.max_pages,
        timeout=args.timeout,
        ocr=getattr(args, "ocr", DEFAULT_LIMITS.ocr),
        max_ocr_pages=getattr(args, "max_ocr_pages", DEFAULT_LIMITS.max_ocr_pages),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0, or the error's ``exit_code``)."""
    parser = _parser()
    args = parser.parse_args(argv)
    # Libraries underneath (pdfminer above all) log warnings about damaged fonts and streams;
    # the command's contract is one line per failed file, so their records go nowhere.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.lastResort = None
    try:
        if args.command == "schema":
            sys.stdout.write(schema_text())
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


def _expand(names: list[str]) -> list[str]:
    """Inputs with each folder replaced by the documents directly inside it."""
    expanded: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            expanded.extend(str(p) for p in documents(path))
        else:
            expanded.append(name)
    return expanded


def _check(args: argparse.Namespace) -> int:
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
    path = Path(name)
    if not path.is_file():
        raise InputNotFoundError("no such file", path=name)
    if path.suffix.lower() == ".json":
        return validate_file(path)
    return parse_file(path, profile=profile)


def _diff(args: argparse.Namespace) -> int:
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
    from ..tools.review_pages import page_images

    profile = load_profile(args.profile) if args.profile else None
    path = Path(args.file)
    if path.is_file() and path.suffix.lower() != ".json":
        report = parse_file(path, profile=profile, limits=limits_from_ocr(args))
        pages = page_images(path.read_bytes(), path.name)
    else:
        report, pages = _load_report(args.file, profile), []
    page = render_review(report, pages)
    if args.output:
        write_atomic(Path(args.output), page)
    else:
        sys.stdout.write(page)
    return 0


def _extract(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile) if args.profile else None
    limits = limits_from(args)
    enrich_config = load_enrich_config(args.profile) if args.profile else None
    out = Path(args.output) if args.output else None
    per_file = out is not None and (out.is_dir() or args.output.endswith(("/", "\\")))
    if out is not None and not per_file and len(args.files) > 1 and args.format == "json":
        raise UsageError("several inputs into one file need -f jsonl or yaml, or -o DIR/")
    reports: list[Report] = []
    failures: list[RectpipeError] = []
    for name in _expand(args.files):
        try:
            if name == "-":
                report = parse_bytes(
                    sys.stdin.buffer.read(),
                    name=None,
                    format=args.input_format,
                    profile=profile,
                    limits=limits,
                    repair=args.repair,
                    enrich=args.enrich,
                    enrich_config=enrich_config,
                )
            else:
                report = parse_file(
                    name,
                    format=args.input_format,
                    profile=profile,
                    limits=limits,
                    repair=args.repair,
                    enrich=args.enrich,
                    enrich_config=enrich_config,
                )
        except RectpipeError as exc:
            _error(exc)
            failures.append(exc)
            continue
        if per_file:
            assert out is not None
            stem = Path(name).name if name != "-" else "stdin"
            write_atomic(out / (stem + _SUFFIX[args.format]), dumps(report, args.format))
        else:
            reports.append(report)
    if reports:
        text = dumps(reports, args.format)
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, text)
    if failures:
        codes = {f.exit_code for f in failures}
        return codes.pop() if len(codes) == 1 else 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
