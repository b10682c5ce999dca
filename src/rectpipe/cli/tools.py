"""The commands over saved outputs and sample folders: ``schema``, ``validate``, ``check``,
``eval``, ``diff`` and ``review``, each over one call of :mod:`rectpipe.tools`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputNotFoundError, RectpipeError, UsageError
from .options import limits_from_ocr
from .output import report_error, write_to

if TYPE_CHECKING:
    from ..models.report import Report
    from ..profiles.profile import Profile

__all__ = ["run_check", "run_diff", "run_eval", "run_review", "run_schema", "run_validate"]


def _profile(args: argparse.Namespace) -> Profile | None:
    from ..profiles.profile import load_profile

    return load_profile(args.profile) if args.profile else None


def run_schema(args: argparse.Namespace) -> int:
    from ..tools.schema import schema_text

    sys.stdout.write(schema_text(args.which))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from ..tools.schema import validate_file

    status = 0
    for name in args.files:
        try:
            report = validate_file(name)
        except RectpipeError as exc:
            report_error(exc)
            status = exc.exit_code
            continue
        print(f"{name}: ok ({len(report.iter_problems())} problems)")
    return status


def run_check(args: argparse.Namespace) -> int:
    from ..tools.check import EXPECTED_SUFFIX, check_dir

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    results = check_dir(folder, update=args.update, profile=_profile(args))
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


def run_eval(args: argparse.Namespace) -> int:
    from ..tools.evaluate import evaluate_folder, format_scores

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    scores, totals = evaluate_folder(folder)
    sys.stdout.write(format_scores(scores, totals, misses=args.misses))
    return 0 if all(score.ok for score in scores) else 1


def _load_report(name: str, profile: Profile | None) -> Report:
    """A saved output (``*.json``, validated) or a document (parsed)."""
    from ..pipeline import parse_file
    from ..tools.schema import validate_file

    path = Path(name)
    if not path.is_file():
        raise InputNotFoundError("no such file", path=name)
    if path.suffix.lower() == ".json":
        return validate_file(path)
    return parse_file(path, profile=profile)


def run_diff(args: argparse.Namespace) -> int:
    from ..tools.diff import diff_reports
    from ..tools.diff_format import format_diff

    if not 0.0 < args.threshold <= 1.0:
        raise UsageError("--threshold must be in (0, 1]")
    profile = _profile(args)
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


def run_review(args: argparse.Namespace) -> int:
    from ..pipeline import parse_file
    from ..tools.review import render_review
    from ..tools.review_pages import page_images

    profile = _profile(args)
    path = Path(args.file)
    if path.is_file() and path.suffix.lower() != ".json":
        report = parse_file(path, profile=profile, limits=limits_from_ocr(args))
        pages = page_images(path.read_bytes(), path.name)
    else:
        report, pages = _load_report(args.file, profile), []
    write_to(args.output or "-", render_review(report, pages))
    return 0
