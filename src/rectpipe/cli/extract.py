"""``rectpipe extract``: documents in, reports out, over :func:`rectpipe.parse_file`.

Reports are parsed as records and written from them: JSON and JSONL output never imports
pydantic (the other formats make the models first).

Each failed file is one ``rectpipe: …`` line on stderr and the others are still written; the
exit status is 0, the failures' exit code when they share one, or 1.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RectpipeError, UsageError
from ..runtime.record import replace
from ..writers.kinds import SUFFIXES
from .inline import is_plain_text, watched
from .options import limits_from
from .output import expand_inputs, is_dir, output_names, read_stdin, report_error, write_to

if TYPE_CHECKING:
    from ..models.records import Report

__all__ = ["run_extract"]


def run_extract(args: argparse.Namespace) -> int:
    """Run ``rectpipe extract`` for parsed ``args``; returns the exit status."""
    # the parser and the writers are imported here, before any file is parsed, so that each
    # file's child process (forked) starts with them loaded
    from ..pipeline import parse_bytes_record, parse_file_record
    from ..profiles.profile import load_profile
    from ..writers import jsonl_chunks, render_chunks, write_output

    limits = limits_from(args)
    # a plain-text file is watched in this process, not parsed in a child (see .inline)
    watch_here = limits.timeout is not None or limits.max_memory_bytes is not None
    unwatched = replace(limits, timeout=None, max_memory_bytes=None)
    profile = load_profile(args.profile) if args.profile else None
    out = Path(args.output) if args.output and args.output != "-" else None
    per_file = out is not None and (is_dir(out) or args.output.endswith(("/", "\\")))
    if out is not None and not per_file and len(args.files) > 1 and args.format == "json":
        raise UsageError("several inputs into one file need -f jsonl or yaml, or -o DIR/")
    reports: list[Report] = []
    rows: list[str] = []  # -f jsonl: each report's lines, made as it is parsed
    parsed = False
    failures: list[RectpipeError] = []
    inputs = expand_inputs(args.files)
    if len(inputs) > 1:  # each file is parsed in a forked child: build the common state once
        from ..warmup import warm_up

        warm_up(profile)
    targets = output_names(inputs, SUFFIXES[args.format]) if per_file else []
    for index, name in enumerate(inputs):
        try:
            if name == "-":
                report = parse_bytes_record(
                    read_stdin(),
                    name=None,
                    format=args.input_format,
                    profile=profile,
                    limits=limits,
                    repair=args.repair,
                    enrich=args.enrich,
                )
            else:
                here = watch_here and is_plain_text(name, args.input_format)
                watch = watched(name, limits.timeout, limits.max_memory_bytes)
                with watch if here else nullcontext():
                    report = parse_file_record(
                        name,
                        format=args.input_format,
                        profile=profile,
                        limits=unwatched if here else limits,
                        repair=args.repair,
                        enrich=args.enrich,
                    )
            if per_file:
                assert out is not None
                write_output(out / targets[index], render_chunks(report, args.format))
            elif args.format == "jsonl" and len(inputs) > 1:
                # several reports into one file: the rows are all that is written, keep only them
                rows.extend(jsonl_chunks(report))
            else:
                reports.append(report)
            parsed = True
        except RectpipeError as exc:
            report_error(exc)
            failures.append(exc)
            continue
    if parsed and not per_file:
        # one report's rows (-f jsonl) are made as they are written, not held all at once
        text = render_chunks(reports, args.format) if reports else rows
        try:
            write_to(out if out is not None else "-", text)
        except RectpipeError as exc:
            report_error(exc)
            failures.append(exc)
    if failures:
        codes = {f.exit_code for f in failures}
        return codes.pop() if len(codes) == 1 else 1
    return 0
