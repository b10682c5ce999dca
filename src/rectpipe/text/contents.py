"""A printed report's table of contents (目录): its heading and its entries, set aside.

A long report bound as a booklet has a 目录 page after its cover: ``目　　录`` and one line per
part, the part's heading, a leader of dots and the page it starts on
(``一、整改工作总体情况……………1``). The entries repeat the report's own headings, so read as
text they would be numbered items before the introduction, cut the front matter short and
stand for parts a second time. An entry is a line ending in a leader (three or more dots,
ellipses or middle dots) and a page number; a run of two or more entries, or one after a
``目录`` heading, is a table of contents, with that heading. After a ``目录`` heading, a run of
two or more lines that end in a leader, some of them without their page number, is one too: a
scanned 目录 whose page numbers (and most of the dots before them) the recogniser passed over
(``整改工作总体情况···``), and so is a Word file's, each entry its heading, a tab whose dots
are the tab stop's leader and the page (``一、整改工作总体情况\t2``). A PDF's layout may run two
entries into one line (``…………2二、…………3``): still a line of entries.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..runtime.patterns import compile_pattern

if TYPE_CHECKING:
    import regex

__all__ = ["contents_lines"]

# (two entries a PDF's layout ran into one line, …………2二、…………3, are one line of entries)
_ENTRY = compile_pattern(
    r"^(?:\s*[^\s.．·•…‥⋯](?:[^.．·•…‥⋯]|[.．·](?![.．·•…‥⋯])){0,80}?"
    r"(?:[.．·•…‥⋯]\s*){3,}\s*[0-9]{1,3}){1,4}\s*$"
)
_HEADING = compile_pattern(r"^\s*目\s*录\s*$")
# A Word file's entry: the heading, a tab (whose dots are the tab stop's leader, not text) and
# the page number (一、整改工作总体情况\t2); an entry only under a 目录 heading.
_TAB_ENTRY = compile_pattern(r"^\s*\S[^\t]{0,80}\t+\s*[0-9]{1,3}\s*$")
_LEADER_END = compile_pattern(r"^\s*\S.{0,80}?[^.．·•…‥⋯\s]\s*[.．·•…‥⋯]+\s*$")


def contents_lines(lines: Sequence[str], originals: Sequence[str | None] = ()) -> set[int]:
    """Indexes of the lines that are a table of contents: its entries and its heading.
    ``originals``: the lines as read before repair where repair changed them (a leader's last
    dot read from a scan is a full stop to repair), each tried as well."""

    def matches(pattern: regex.Pattern[str], k: int) -> bool:
        original = originals[k] if k < len(originals) else None
        return bool(_tried(pattern, lines[k]) or (original and _tried(pattern, original)))

    found: set[int] = set()
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and matches(_ENTRY, end):
            end += 1
        headed = k > 0 and _HEADING.match(lines[k - 1]) is not None
        if headed:
            while end < len(lines) and (
                matches(_ENTRY, end) or matches(_LEADER_END, end) or matches(_TAB_ENTRY, end)
            ):
                end += 1
            if end - k < 2 and not (matches(_ENTRY, k) or matches(_TAB_ENTRY, k)):
                end = k
        if end - k >= 2 or (end > k and headed):
            found.update(range(k - 1 if headed else k, end))
        k = max(end, k + 1)
    return found


def _tried(pattern: regex.Pattern[str], line: str) -> regex.Match[str] | None:
    """``pattern.match(line)``; an entry (:data:`_ENTRY`) ends with its page number, so a line
    that does not end with a figure is none, without trying the pattern (most lines)."""
    if pattern is _ENTRY and line.rstrip()[-1:] not in _FIGURES:
        return None
    return pattern.match(line)


_FIGURES = frozenset("0123456789")
