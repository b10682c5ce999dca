"""The README's Python examples run, and every CLI command is documented there."""

from __future__ import annotations

import re

import pytest

from rectpipe.cli.parser import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})


def test_every_command_is_documented() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name in commands.choices:  # type: ignore[union-attr]
        assert f"rectpipe {name}" in README, name


def test_two_commands_are_documented() -> None:
    assert "make run" in README and "make test" in README
