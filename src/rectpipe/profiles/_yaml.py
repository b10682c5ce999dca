"""Internal: YAML reading through libyaml when PyYAML has it (five times faster than pure
Python), and the line of a key in a document, for error messages.

Imported only when a YAML file is read: the default profile loads from ``default.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError

__all__ = ["lines_of", "load_profile_file", "read_profile_text", "safe_load"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``: plain YAML types only, no Python objects."""
    return yaml.load(text, Loader=_Loader)  # a safe loader, C or Python


def read_profile_text(path: str | Path) -> str:
    """The text of the profile file at ``path``. Raises :class:`UsageError` with a one-line
    message when the file cannot be read or is not UTF-8."""
    try:
        return Path(path).read_text("utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    raise UsageError(f"cannot read profile {path}: {reason}")


def load_profile_file(path: str | Path) -> tuple[str, Any]:
    """The text of the profile file at ``path`` and the YAML document in it. Raises
    :class:`UsageError` with a one-line message when the file cannot be read, is not UTF-8 or
    is not YAML."""
    text = read_profile_text(path)
    try:
        return text, safe_load(text)
    except yaml.YAMLError as exc:
        raise UsageError(f"cannot read profile {path}: {_describe(exc)}") from None


def lines_of(text: str, locs: Sequence[Sequence[str | int]]) -> list[int | None]:
    """The line (from 1) of each value at a ``loc`` (keys and list indexes, as pydantic gives
    them) in the YAML document ``text``: the line of its key when the value is a mapping's
    entry, the nearest enclosing line when ``loc`` goes further than the document."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        root = None
    return [None if root is None else _line(root, loc) for loc in locs]


def _line(node: yaml.Node, loc: Sequence[str | int]) -> int:
    line = int(node.start_mark.line) + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            entry = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if entry is None:
                break
            line, node = int(entry[0].start_mark.line) + 1, entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = int(node.start_mark.line) + 1
        else:
            break
    return line


def _describe(exc: yaml.YAMLError) -> str:
    """A YAML syntax error on one line: what is wrong and where."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"not valid YAML: {exc.problem} (line {mark.line + 1}, column {mark.column + 1})"
    return "not valid YAML: " + " ".join(str(exc).split())
