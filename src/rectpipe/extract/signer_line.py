"""A signature line that holds the signer and the date together.

``XX县督察整改工作领导小组办公室　　2025年7月3日``: a workbook's last row merged across the
table, or a copy that lost the break between the two signature lines. The signer is the text
before the blanks, the date the text after them.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..runtime.patterns import compile_pattern
from ..text.dates import DATE, NUMERIC_DATE

__all__ = ["split_signer_line"]

_SIGNER_AND_DATE = compile_pattern(
    r"^[\s\u3000]*(?P<who>[^\s\u3000](?:.*?[^\s\u3000])?)[\s\u3000]+(?P<date>[^\s\u3000].*?)[\s\u3000]*$"
)


# The same with the blank gone (a PDF's text drops it): 青禾县文明办2025年7月3日.
_GLUED = compile_pattern(
    r"^[\s\u3000]*(?P<who>\p{Han}{2,30}?)(?P<date>[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)"
    r"[\s\u3000]*$"
)


def split_signer_line(line: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``((who_start, who_end), (date_start, date_end))`` of a line that is a name, blanks and
    a date alone (or the name and the date glued, as a PDF's text gives them), or ``None``.
    Whether the name is a signer's is the caller's to judge."""
    found = _SIGNER_AND_DATE.match(line)
    if found is None:
        glued = _GLUED.match(line)
        return None if glued is None else (glued.span("who"), glued.span("date"))
    date = found.group("date")
    if not DATE.fullmatch(date) and not NUMERIC_DATE.fullmatch(date):  # 2023.05.20 too
        return None
    return found.span("who"), found.span("date")
