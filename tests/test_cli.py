"""The command line: outputs, stdin, error lines and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from rectpipe.cli import main

from .conftest import SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "rectpipe", *args], input=stdin, capture_output=True, check=False
    )


def test_extract_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_name"] == "rectpipe.report"
    assert data["summary"]["problems"] == 26


def test_extract_jsonl_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "-f", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 26
    assert list(rows[0]) == [
        "source", "report_title", "issuer", "report_date", "part", "category", "path",
        "number", "heading", "title", "description", "status", "status_raw", "long_term",
        "actions", "measures",
        "responsible", "deadline", "provenance",
    ]  # fmt: skip
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 27)]


def test_extract_yaml_from_stdin() -> None:
    result = run("extract", "-", "-f", "yaml", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["metadata"]["issuer"] == "中共永州经济技术开发区工作委员会"


def test_output_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SEED), "-o", f"{out}/"]) == 0
    assert (out / "seed-yongzhou.txt.json").exists()
    assert main(["validate", str(out / "seed-yongzhou.txt.json")]) == 0


@pytest.mark.parametrize(
    ("content", "code", "status"),
    [
        (b"", "corrupt", 11),
        (b"just a line of text with no structure", "structure_not_found", 18),
        (b"PK\x03\x04broken", "corrupt", 11),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "unsupported_format", 10),
    ],
)
def test_errors_are_one_line_with_a_code(
    tmp_path: Path, content: bytes, code: str, status: int
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("extract", str(bad), "-o", str(out))
    assert result.returncode == status
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and f": {code}: " in lines[0] and "Traceback" not in lines[0]
    assert not out.exists()


def test_missing_file() -> None:
    result = run("extract", "does-not-exist.txt")
    assert result.returncode == 3
    assert b"file_not_found" in result.stderr


def test_batch_goes_on_past_a_failure(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("extract", str(bad), str(SEED), "-f", "jsonl")
    assert result.returncode == 11
    assert len(result.stdout.decode().splitlines()) == 26


def test_validate_rejects_garbage(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{}", "utf-8")
    result = run("validate", str(path))
    assert result.returncode == 19 and b"invalid_output" in result.stderr


def test_check_reports_a_changed_field(tmp_path: Path) -> None:
    document = tmp_path / SEED.name
    document.write_bytes(SEED.read_bytes())
    assert main(["check", str(tmp_path), "--update"]) == 0
    expected = document.with_name(document.name + ".expected.json")
    data = json.loads(expected.read_text("utf-8"))
    data["sections"][1]["sections"][0]["problems"][1]["status"] = "completed"
    expected.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "problem 2-1-2.status: 'completed' → 'partially_completed'" in result.stdout.decode()


def test_timeout(tmp_path: Path) -> None:
    result = run("extract", str(SEED), "--timeout", "0.001")
    assert result.returncode == 17
    assert b": timeout: " in result.stderr and b"Traceback" not in result.stderr


def test_file_size_limit() -> None:
    result = run("extract", str(SEED), "--max-file-mb", "0.001")
    assert result.returncode == 16 and b"too_large" in result.stderr
