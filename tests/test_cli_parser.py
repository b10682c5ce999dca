"""The command line's parser built for the command a line names parses that line as the whole
parser does (rectpipe.cli.parser.build_parser's ``only``)."""

from __future__ import annotations

import argparse
import importlib

import pytest

from rectpipe.cli.parser import build_parser, command_named

LINES = [
    ["extract", "a.txt"],
    ["extract", "a.txt", "b.pdf", "-f", "jsonl", "-o", "out/", "--timeout", "3", "--enrich"],
    ["extract", "-", "--input-format", "html", "--no-repair", "--max-memory-mb", "0"],
    ["schema", "profile"],
    ["validate", "x.json"],
    ["check", "samples", "--update", "--max-diffs", "3"],
    ["eval", "samples", "--misses", "2"],
    ["diff", "a.json", "b.json", "--json", "--threshold", "0.5"],
    ["review", "a.docx", "-o", "r.html", "--ocr", "never"],
    ["batch", "in/", "--db", "x.sqlite", "--workers", "2", "--resume"],
]


@pytest.mark.parametrize("line", LINES, ids=[" ".join(line[:2]) for line in LINES])
def test_the_command_alone_parses_as_the_whole_parser(line: list[str]) -> None:
    only = command_named(line)
    assert only == line[0]
    whole = build_parser().parse_args(line)
    assert build_parser(only).parse_args(line) == whole


def test_the_other_commands_are_not_built() -> None:
    parser = build_parser("extract")
    assert "batch" not in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["batch", "in/", "--db", "x.sqlite"])


def _subcommand_help(parser: argparse.ArgumentParser, name: str) -> str:
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return str(commands.choices[name].format_help())


@pytest.mark.parametrize("name", sorted({line[0] for line in LINES}))
def test_a_commands_help_is_the_same_alone(name: str) -> None:
    assert _subcommand_help(build_parser(name), name) == _subcommand_help(build_parser(), name)


@pytest.mark.parametrize("line", [[], ["--version"], ["-h"], ["bogus"], ["a.txt", "extract"]])
def test_a_line_that_names_no_command_first_gets_the_whole_parser(line: list[str]) -> None:
    assert command_named(line) is None


@pytest.mark.parametrize("columns", [None, "60", "132", "0", "wide"])
def test_the_help_is_as_wide_as_argparse_makes_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    """The parser's formatter finds the terminal's width as argparse's own does (through
    shutil), without importing shutil."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser().format_help()
    theirs = build_parser()
    theirs.formatter_class = argparse.HelpFormatter
    assert ours == theirs.format_help()


def test_the_commands_that_leave_without_teardown_are_commands() -> None:
    from rectpipe.cli import parser

    quick = importlib.import_module("rectpipe.cli.main")._QUICK_EXIT
    assert set(parser._COMMANDS) >= quick
    assert {"extract", "eval"} <= quick
