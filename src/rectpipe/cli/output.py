"""What the commands print and write: one ``rectpipe: …`` line per error on stderr, output to
stdout or a file, standard input read, and the inputs and output names of ``extract``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputNotFoundError, RectpipeError
from ..readers.inputs import documents_in

__all__ = ["expand_inputs", "is_dir", "output_names", "read_stdin", "report_error", "write_to"]


def report_error(exc: RectpipeError) -> None:
    """``exc`` as the one line the command prints for it."""
    print(f"rectpipe: {exc}", file=sys.stderr)


def write_to(target: str | Path, text: str | bytes | Iterable[str | bytes]) -> None:
    """``text`` to ``target``: standard output for ``-``, else
    :func:`~rectpipe.writers.write_output` (atomic for a regular file)."""
    if str(target) == "-":
        from ..writers.files import write_stdout

        write_stdout(text)
    else:
        from ..writers.files import write_output

        write_output(target, text)


def read_stdin() -> bytes:
    """Standard input, whole; :class:`InputNotFoundError` when it is closed or unreadable."""
    if sys.stdin is None:
        raise InputNotFoundError("standard input is closed", path="-")
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as exc:
        raise InputNotFoundError(f"cannot read standard input: {exc}", path="-") from None


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; ``False`` when it cannot be looked at (name too long)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def expand_inputs(names: list[str]) -> list[str]:
    """Inputs with each folder replaced by the documents directly inside it."""
    expanded: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and is_dir(path):
            expanded.extend(str(p) for p in documents_in(path, recursive=False))
        else:
            expanded.append(name)
    return expanded


def output_names(names: list[str], suffix: str) -> list[str]:
    """One output file name per input for ``-o DIR/``: the input's base name and ``suffix``,
    ``~2``, ``~3``… when two inputs share a base name (``a/x.txt``, ``b/x.txt``), shortened
    with a hash when too long for the file system."""
    from ..writers.files import fit_name

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
