"""Internal: the lines of a site footer that carry no footer word of their own.

A footer that a page puts inside its article (or that a pasted copy carries along) reads
主办：… / 联系电话：…　地址：… / 版权所有 … ICP备…: the lines with a chrome word are dropped
line by line (:func:`.portal._is_chrome_line`), but a contact line between them has none, and
its phone and address would be taken as the report's. A short contact line (电话, 地址, 邮编,
传真, 邮箱 with a colon) without a full stop that stands between two chrome lines, alone or with
one more such line, is part of the same footer. Other lines between chrome lines (a headline
between the breadcrumb and the date line) are left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...runtime.patterns import compile_pattern
from .dom import _squash

__all__ = ["footer_between"]

_MAX_CHARS = 120
_MAX_RUN = 2
_CONTACT = compile_pattern(r"(?:电话|地址|邮编|邮政编码|传真|邮箱|[Ee]-?mail)[:：∶]")


def footer_between(
    texts: Sequence[str | None], chrome: Sequence[bool], dropped: Sequence[int] = ()
) -> set[int]:
    """Positions of the contact lines (``texts[i]``; ``None`` for an item that is not a plain
    line, such as a table) that stand between two chrome lines, in runs of at most two short
    lines without a full stop. A chrome line is one ``chrome[i]`` marks, or an element the
    reader dropped as chrome just before line ``i`` (each ``i`` in ``dropped``)."""
    before = Counter(dropped)
    found: set[int] = set()
    last_chrome = False
    run: list[int] = []
    for index in range(len(texts) + 1):
        if before[index]:
            if last_chrome and 0 < len(run) <= _MAX_RUN:
                found.update(run)
            last_chrome, run = True, []
        if index == len(texts):
            break
        text = texts[index]
        if text is None:
            last_chrome, run = False, []
            continue
        if chrome[index]:
            if last_chrome and 0 < len(run) <= _MAX_RUN:
                found.update(run)
            last_chrome, run = True, []
            continue
        squashed = _squash(text)
        if (
            not last_chrome
            or len(squashed) > _MAX_CHARS
            or "。" in squashed
            or not _CONTACT.search(squashed)
        ):
            last_chrome, run = False, []
            continue
        run.append(index)
    return found
