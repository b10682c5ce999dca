"""File names are data, not text: escaped for storage and for one-line messages.

Python gives a file name whose bytes are not UTF-8 as a string holding lone surrogates
(``surrogateescape``: byte ``0xff`` becomes ``"\\udcff"``), which no UTF-8 writer accepts.
:func:`escape_name` turns those into ``\\xff`` (the bytes stay recoverable and the text
encodes), and :func:`one_line` also escapes control characters, so that a name holding a
newline can never split, or forge, a one-line message.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re

__all__ = ["escape_name", "one_line"]

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL and the Unicode line and paragraph separators: anything a terminal
# or a line-oriented reader could take as the end of a line or a control sequence.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_name(name: str) -> str:
    """``name`` as storable text: the undecodable bytes of a ``surrogateescape`` name as
    ``\\xNN`` (any other lone surrogate as ``\\udNNN``). A valid name is returned as is."""
    if _SURROGATE.search(name) is None:
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _control(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` for a one-line message: :func:`escape_name`, and control characters
    (newlines, tabs, escape sequences) written as ``\\n``, ``\\x1b``…"""
    return _CONTROL.sub(_control, escape_name(text))
