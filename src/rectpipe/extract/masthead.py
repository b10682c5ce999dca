"""A printed bulletin's masthead (简报, 快报, 专报, 工作动态…): its name in large type, its issue
line (``第5期``, ``2025年第5期（总第38期）``) and the editing unit's line with the date
(``县委巡察办编　　　2025年7月8日``) over a rule, above the article's headline.

The name is the bulletin's, not the article's title, and the issue number is no 文号. The
editing unit reports and the date is the issue's: they stand for the issuer and the date when
the article has no signature and its title names no issuer.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..runtime.patterns import compile_pattern
from ..text.dates import find_dates
from .collector import Collector

__all__ = ["is_masthead", "masthead_editor"]

_NAME = compile_pattern(r"^\S{0,24}(?:简报|快报|专报|工作动态|情况通报|通讯)$")
_ISSUE = compile_pattern(
    r"^(?:[0-9]{4}\s*年\s*)?第\s*[0-9一二三四五六七八九十]{1,4}\s*期"
    r"(?:\s*[（(]\s*总第\s*[0-9]{1,5}\s*期\s*[）)])?$"
)
_EDITOR = compile_pattern(
    r"^(?P<unit>\p{Han}[\p{Han}（）()]{1,29}?)\s*(?:编印|主编|编)\s+(?P<date>[0-9]{4}\s*年.{3,8}日)$"
)


def is_masthead(line: str) -> bool:
    """Whether ``line`` is a line of a bulletin's masthead: name, issue or editor line."""
    line = line.strip()
    return bool(_NAME.match(line) or _ISSUE.match(line) or _EDITOR.match(line))


def masthead_editor(found: Collector, front: Sequence[int]) -> None:
    """The editing unit and the date of a masthead among the first ``front`` blocks, as the
    issuer and the date when nothing else gave them (see the module)."""
    for index in front[:8]:
        line = found.line(index)
        match = _EDITOR.match(line.strip())
        if match is None:
            continue
        base = found.span(index)[0] + (len(line) - len(line.lstrip()))
        found.put(
            "issuer",
            match.group("unit"),
            base + match.start("unit"),
            base + match.end("unit"),
            "front",
        )
        dates = find_dates(match.group("date"))
        if dates:
            at = base + match.start("date")
            found.put("date", dates[0].iso, at + dates[0].start, at + dates[0].end, "front")
        return
