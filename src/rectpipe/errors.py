"""One error root for everything rectpipe raises on purpose, each with a stable code.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .runtime.names import one_line

__all__ = [
    "ERRORS",
    "CorruptFileError",
    "DatabaseBusyError",
    "EncryptedUnsupportedError",
    "InputNotFoundError",
    "InternalError",
    "InvalidOutputError",
    "LowTextYieldError",
    "MissingDependencyError",
    "NoTextLayerError",
    "OutputError",
    "ParseTimeoutError",
    "PasswordRequiredError",
    "RectpipeError",
    "StructureNotFoundError",
    "TooLargeError",
    "UnsupportedFormatError",
    "UsageError",
]


class RectpipeError(Exception):
    """Root of rectpipe's errors. ``code`` is stable; ``exit_code`` is what the CLI returns."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        # Keep ``path`` when an error crosses a process boundary.
        return (_rebuild, (type(self), self.message, self.path))

    def __str__(self) -> str:
        # One line whatever the file is called: names and messages are escaped.
        where = f"{one_line(self.path)}: " if self.path else ""
        return f"{where}{self.code}: {one_line(self.message)}"


def _rebuild(cls: type[RectpipeError], message: str, path: str | None) -> RectpipeError:
    return cls(message, path=path)


class UsageError(RectpipeError):
    code = "usage"
    exit_code = 2


class InputNotFoundError(RectpipeError):
    """The input file does not exist or cannot be opened."""

    code = "file_not_found"
    exit_code = 3


class UnsupportedFormatError(RectpipeError):
    code = "unsupported_format"
    exit_code = 10


class CorruptFileError(RectpipeError):
    code = "corrupt"
    exit_code = 11


class PasswordRequiredError(RectpipeError):
    code = "password_required"
    exit_code = 12


class EncryptedUnsupportedError(RectpipeError):
    code = "encrypted_unsupported"
    exit_code = 13


class NoTextLayerError(RectpipeError):
    code = "no_text_layer"
    exit_code = 14


class LowTextYieldError(RectpipeError):
    code = "low_text_yield"
    exit_code = 15


class TooLargeError(RectpipeError):
    code = "too_large"
    exit_code = 16


class ParseTimeoutError(RectpipeError):
    code = "timeout"
    exit_code = 17


class StructureNotFoundError(RectpipeError):
    code = "structure_not_found"
    exit_code = 18


class InvalidOutputError(RectpipeError):
    """A file given to ``rectpipe validate`` is not a valid rectpipe report."""

    code = "invalid_output"
    exit_code = 19


class MissingDependencyError(RectpipeError):
    code = "missing_dependency"
    exit_code = 20


class OutputError(RectpipeError):
    """An output could not be written (disk full, file too large, no permission, a name too
    long, …): the path is the output's, the message the operating system's reason."""

    code = "output_error"
    exit_code = 74


class DatabaseBusyError(OutputError):
    """The database stayed locked by another process, or kept failing its transactions,
    for longer than allowed: a batch stops there (its manifest complete up to the last
    stored file, so a run with resume continues it), rather than fail every file in turn."""


class InternalError(RectpipeError):
    """A bug in rectpipe met on this file; reported as one line, the batch goes on."""

    code = "internal_error"
    exit_code = 70


ERRORS: tuple[type[RectpipeError], ...] = (
    UsageError,
    InputNotFoundError,
    UnsupportedFormatError,
    CorruptFileError,
    PasswordRequiredError,
    EncryptedUnsupportedError,
    NoTextLayerError,
    LowTextYieldError,
    TooLargeError,
    ParseTimeoutError,
    StructureNotFoundError,
    InvalidOutputError,
    MissingDependencyError,
    OutputError,
    InternalError,
)
