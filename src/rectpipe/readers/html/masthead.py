"""Internal: the site's masthead lines that stand above a breadcrumb inside the article.

A portal that puts its whole page in one container (or a page that repeats a text copy of
one) sets the site's name, then the breadcrumb (当前位置：首页 > …), then the report. The
breadcrumb is dropped as chrome; the site's name above it carries no chrome word and would
then stand right above the title, where a report's issuer line stands (中共某某委员会 /
关于…的通报). A breadcrumb marks where the page's navigation ends: the few short lines above it
at the top of the container (a name's length, no full stop, no 关于, not a heading) are the
masthead, not the report.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...runtime.patterns import compile_pattern
from .dom import _squash

__all__ = ["masthead_before"]

_BREADCRUMB = compile_pattern(
    r"当前位置|您现在的位置|您的位置|现在位置|所在位置|^首页(?:>|＞|»|›|→|>>)"
)
_MAX_LINES = 3
_MAX_CHARS = 24  # a site's name; a headline (关于…的通报) is longer or says 关于


def masthead_before(
    texts: Sequence[str | None], start: int, chrome: Sequence[tuple[int, str]]
) -> set[int]:
    """Positions of the masthead lines: of ``texts`` from ``start`` on (``None`` for an item
    that is not a plain line), the lines above the first breadcrumb among the chrome lines
    (``(position, text)``: a chrome line at ``position``, or an element dropped just before
    the line at ``position``), when there are at most three and each is a name's length
    without a full stop or 关于; else nothing."""
    crumb = next(
        (at for at, text in sorted(chrome) if at >= start and _BREADCRUMB.search(_squash(text))),
        None,
    )
    if crumb is None:
        return set()
    above = list(range(start, crumb))
    if not 0 < len(above) <= _MAX_LINES:
        return set()
    for index in above:
        text = texts[index]
        if text is None or len(_squash(text)) > _MAX_CHARS or "。" in text or "关于" in text:
            return set()
    return set(above)
