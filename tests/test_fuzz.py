"""Structural fuzzing: mutated and generated documents for every reader, against the contract.

- The library (:func:`rectpipe.parse_bytes`) returns a report that serialises and validates,
  or raises one of rectpipe's own errors with a stable code and a one-line message. A bare
  exception, or ``internal_error`` (rectpipe's name for its own bug), fails the test.
- ``rectpipe extract`` exits with a documented status, prints no traceback, writes a whole
  output or none, and leaves no temporary file.
- ``rectpipe batch`` over a folder of such files does the same for every file, in worker
  processes, and records each file once in its manifest.

``make test`` runs a small fixed set (derandomized); ``make fuzz`` runs thousands of random
examples (see :mod:`tests.fuzz_inputs`).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import rectpipe
from rectpipe.cli import main
from rectpipe.errors import ERRORS, RectpipeError
from rectpipe.limits import MB, Limits
from rectpipe.tools.schema import validate_text
from rectpipe.writers import dumps

from .conftest import ROOT, memory_cap_mb
from .fuzz_inputs import READERS, any_input, fuzz_settings

CODES = {error.code: error.exit_code for error in ERRORS}
# Limits small enough that a mutated sample cannot make one example slow, and each parse in a
# child process with a memory cap and a time limit: an input that needs either is a finding
# (the readers' own limits should have refused it first), and it cannot take the machine down.
CAP_MB = 1024
FUZZ_LIMITS = Limits(
    timeout=60,
    max_file_bytes=20 * MB,
    max_unzipped_bytes=40 * MB,
    max_pages=40,
    max_content_bytes=8 * MB,
    max_blocks=50_000,
    max_items=5_000,
    max_cells=200_000,
    ocr="never",
)
EXAMPLE_SECONDS = 90  # one example taking longer is a hang: a finding, not a slow machine
EXTRACT = ["extract", "--timeout", "60", "--ocr", "never"]
EXTRACT += ["--max-pages", "40", "--max-content-mb", "8", "--max-cells", "200000"]
BATCH = [sys.executable, "-m", "rectpipe", "batch", "--workers", "2", "--ocr", "never"]
BATCH += ["--max-memory-mb", str(CAP_MB)]
# rectpipe: [PATH: ]CODE: message, the code the first word after the path (a message may hold
# words before a colon of its own: …unreadable Word package: error: Error -3 while…)
ERROR_LINE = re.compile(r"rectpipe: (?:.+?: )??([a-z_]+): .*")


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the body runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"an example ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_library(name: str | None, data: bytes) -> None:
    """The library's contract for one input (see the module's docstring)."""
    try:
        with time_limit(EXAMPLE_SECONDS):
            limits = replace(FUZZ_LIMITS, max_memory_bytes=memory_cap_mb(CAP_MB) * MB)
            report = rectpipe.parse_bytes(data, name=name, limits=limits)
    except RectpipeError as exc:
        assert type(exc) in ERRORS, type(exc)
        assert exc.code in CODES
        assert exc.code != "internal_error", str(exc)
        assert exc.code != "timeout" and "memory cap" not in exc.message, str(exc)
        assert "\n" not in str(exc) and "\r" not in str(exc)
        event(exc.code)
        return
    event("report")
    text = dumps(report, "json")
    assert validate_text(text) == report
    for problem in report.iter_problems():
        assert 0 <= problem.provenance.start <= problem.provenance.end <= len(report.text)


@pytest.mark.parametrize("kind", sorted(READERS))
@fuzz_settings()
@given(data=st.data())
def test_every_reader_returns_a_report_or_a_coded_error(kind: str, data: st.DataObject) -> None:
    name, inputs = READERS[kind]
    document = data.draw(inputs, label=kind)
    # Named as its kind, or nameless (the format sniffed from the bytes alone).
    check_library(data.draw(st.sampled_from([name, None]), label="name"), document)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


@fuzz_settings(examples=15)
@given(any_input, st.sampled_from(["json", "jsonl", "csv", "yaml", "xlsx"]))
def test_extract_exits_with_a_documented_status(document: tuple[str, bytes], fmt: str) -> None:
    name, data = document
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / name
        source.write_bytes(data)
        target = folder / "out" / f"report.{fmt}"
        err = io.StringIO()
        with time_limit(EXAMPLE_SECONDS), contextlib.redirect_stderr(err):
            cap = ["--max-memory-mb", str(memory_cap_mb(CAP_MB))]
            status = main([*EXTRACT, *cap, str(source), "-f", fmt, "-o", str(target)])
        lines = err.getvalue().splitlines()
        assert "Traceback" not in err.getvalue()
        if status == 0:
            assert lines == []
            # Whole: JSON that validates; other formats at least written (a report without
            # problems has no JSONL rows).
            assert target.is_file() and (fmt == "jsonl" or target.stat().st_size > 0)
            if fmt == "json":
                validate_text(target.read_text("utf-8"))
        else:
            assert len(lines) == 1, lines
            found = ERROR_LINE.fullmatch(lines[0])
            assert found is not None, lines
            code = found.group(1)
            assert code in CODES and code not in ("internal_error", "timeout"), lines
            assert "memory cap" not in lines[0], lines
            assert status == CODES[code]
            assert not target.exists()
        assert leftovers(folder) == []


@fuzz_settings(examples=3)
@given(st.lists(any_input, min_size=3, max_size=6))
def test_batch_over_hostile_files_reports_each_and_goes_on(
    documents: list[tuple[str, bytes]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        inbox, out = folder / "in", folder / "out"
        inbox.mkdir()
        for number, (name, data) in enumerate(documents):
            (inbox / f"{number:02}-{name}").write_bytes(data)
        result = subprocess.run(
            [*BATCH, str(inbox), "--out", str(out)],
            capture_output=True,
            timeout=300,
            cwd=ROOT,
            check=False,
        )
        stderr = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr, stderr
        lines = stderr.splitlines()
        assert lines and lines[-1].startswith("rectpipe: "), stderr
        failures = [ERROR_LINE.fullmatch(line) for line in lines[:-1]]
        assert all(failures), stderr
        codes = {found.group(1) for found in failures if found is not None}
        assert not codes & {"internal_error", "timeout"} and "memory cap" not in stderr, stderr
        expected = 0 if not codes else CODES[codes.pop()] if len(codes) == 1 else 1
        assert result.returncode == expected, stderr
        records = [
            json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()
        ]
        assert sorted(r["path"] for r in records) == sorted(str(p) for p in inbox.iterdir())
        for record in records:
            output = out / (Path(record["path"]).name + ".json")
            if record["status"] == "failure":
                assert not output.exists()
            else:
                validate_text(output.read_text("utf-8"))
        assert leftovers(folder) == []
