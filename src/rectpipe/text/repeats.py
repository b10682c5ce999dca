"""A text that repeats itself: the second copy of a report a page carries twice.

Re-posting sites and print views sometimes hold the whole article twice in a row (the article,
then its copy for printing or sharing). Read as it is, every problem would come out twice. A
document is such a copy when, after at most :data:`MAX_LEAD` blocks of page furniture, a run
of blocks is followed at once by the same run again, block for block, the run is at least
:data:`MIN_BLOCKS` blocks long and the two copies make most of the text (what follows them is a
page's tail), and most of the run's blocks differ from each other (:data:`MIN_DISTINCT`). The
second copy is dropped; nothing else is touched.

A copy may also repeat a stretch of the text at once (a numbered item and its account, pasted
twice): a run of at most :data:`MAX_STRETCH` blocks that opens with a numbered item's marker and
is followed at once by the same run, block for block, every block of it different, and not by
a third copy, is such a stretch; its second copy is dropped too (:func:`drop_stretch_repeats`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .numbering import match_marker
from .repair import Repaired

__all__ = [
    "MAX_LEAD",
    "MAX_STRETCH",
    "MAX_TRIES",
    "MIN_BLOCKS",
    "MIN_DISTINCT",
    "MIN_SHARE",
    "drop_repeat",
    "drop_stretch_repeats",
]

#: Blocks a repeated run must span.
MIN_BLOCKS = 5
#: Blocks before the first copy that may be left out of it (a site name, a breadcrumb).
MAX_LEAD = 3
#: The share of the text (after the lead) the two copies must make together.
MIN_SHARE = 0.8
#: Places near the middle tried as the second copy's start.
MAX_TRIES = 8
#: The share of a copy's blocks that must differ from each other: a report's paragraphs do,
#: a text made of one line said over and over (a list of equal rows) is no copy of a report.
MIN_DISTINCT = 0.5
#: The longest stretch (item and account) looked for repeated at once.
MAX_STRETCH = 12


def drop_repeat(repaired: Sequence[Repaired]) -> tuple[list[Repaired], list[Repaired]]:
    """``(kept, dropped)``: ``repaired`` without the second copy of a run repeated at once (see
    the module), and that copy; ``dropped`` is empty when the text does not repeat itself.

    The two copies must make most of the text (:data:`MIN_SHARE`), so only a few places near
    its middle can start the second one: at most :data:`MAX_TRIES` are compared, whatever the
    text's length."""
    texts = [item.block.text.strip() for item in repaired]
    n = len(texts)
    for lead in range(min(MAX_LEAD + 1, n)):
        first = texts[lead]
        if not first:
            continue
        rest = n - lead
        middle = lead + rest // 2
        window = range(max(lead + MIN_BLOCKS, lead + int(rest * MIN_SHARE / 2)), middle + 1)
        starts = sorted((a for a in window if texts[a] == first), key=lambda a: middle - a)
        for again in starts[:MAX_TRIES]:
            size = again - lead
            run = texts[lead:again]
            if run == texts[again : again + size] and len(set(run)) >= MIN_DISTINCT * size:
                kept = [*repaired[:again], *repaired[again + size :]]
                return kept, list(repaired[again : again + size])
    return list(repaired), []


def drop_stretch_repeats(repaired: Sequence[Repaired]) -> tuple[list[Repaired], list[Repaired]]:
    """``(kept, dropped)``: ``repaired`` without the second copy of every stretch repeated at
    once that opens with a numbered item (see the module)."""
    texts = [item.block.text.strip() for item in repaired]
    kept: list[Repaired] = []
    dropped: list[Repaired] = []
    index = 0
    while index < len(texts):
        size = _stretch_at(texts, index)
        kept.extend(repaired[index : index + max(size, 1)])
        if size:
            dropped.extend(repaired[index + size : index + 2 * size])
            index += 2 * size
        else:
            index += 1
    return (kept, dropped) if dropped else (list(repaired), [])


def _stretch_at(texts: list[str], index: int) -> int:
    """The size of the stretch opening at ``index`` that the next blocks repeat at once, or
    0."""
    if not texts[index] or match_marker(texts[index]) is None:
        return 0
    for size in range(2, MAX_STRETCH + 1):
        run = texts[index : index + size]
        if len(run) < size or len(set(run)) < size:
            return 0
        if run == texts[index + size : index + 2 * size]:
            # pasted twice, not a run said over and over (a form's equal entries)
            third = texts[index + 2 * size : index + 3 * size] == run
            before = index >= size and texts[index - size : index] == run
            return 0 if third or before else size
    return 0
