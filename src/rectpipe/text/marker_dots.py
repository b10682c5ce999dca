"""Item numbers a copy lost their mark after: ``1 林区…`` / ``2 护林员…`` → ``1.林区…``.

Every numbering of an official document puts a mark after an Arabic item number (``1.``,
``1、``, ``1．``); a copy that dropped it (a scraper that strips the dot of a list number, a
list style whose number is followed by a blank only, a text pasted out of a list) leaves the
figure and a blank before the item's first word. Such paragraphs are read as the numbered items
they were when they count 1, 2, 3… in order, at least :data:`LEAST_RUN` of them, each at most
:data:`MOST_APART` blocks after the one before (the items' accounts sit between them); the
count may start again at 1 (the items of each group), and lists numbered alike may nest
(:func:`~.counting.nested_runs`); once a text has such a run, a group's single item (``1 …``
alone under its heading) is read as one too. A figure before a unit or a time word and a
figure or a mark (``1 月5日``, ``3 个，``) is a quantity, and a letter-spaced line
(``1 月 份``) no list: neither is an item's number; a single paragraph, or figures that do not
count on, are left as they are.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..runtime.patterns import compile_pattern
from .counting import nested_runs

__all__ = ["LEAST_RUN", "MOST_APART", "dotted_runs"]

#: Fewest paragraphs counting 1, 2… that make a run of items that lost their marks.
LEAST_RUN = 2
#: Most blocks from one item of a run to the next (the item's account between them).
MOST_APART = 30
# A figure, a blank (one or more; not a tab, which a table's cells are set apart by) and the
# item's first word: an opening quote, or a Han character that is not one of a letter-spaced
# line (``1 月 份``) nor a unit or time word before a figure or a mark (``1 月5日``, ``2 个，``).
_UNIT = "年月日号时个万亿元"
_BARE = compile_pattern(
    rf"^([1-9][0-9]?)[ \u3000]+"
    rf"(?=[“‘《【「『]|(?![{_UNIT}][0-9０-９ \u3000，,。、])\p{{Han}}(?![ \u3000]))"
)


def _number(text: str | None) -> int | None:
    match = _BARE.match(text) if text else None
    return int(match.group(1)) if match else None


def dotted_runs(texts: Sequence[str | None]) -> dict[int, str]:
    """The paragraphs of ``texts`` (``None`` for a block that is no paragraph, or has its own
    list label) that open a run of items whose numbers lost their mark (see the module), by
    index, with ``1.`` written back for ``1 ``. An item that kept its mark (``1.…`` then
    ``2 …``, ``3 …``) counts in its run and is left as it is."""
    bare = [_number(text) for text in texts]
    if sum(1 for n in bare if n is not None) < LEAST_RUN - 1:
        return {}
    numbers = [b if b is not None else _marked(text) for b, text in zip(bare, texts, strict=True)]
    runs = [
        run
        for run in nested_runs(numbers, least=1, most_apart=MOST_APART)
        if any(bare[index] is not None for index in run)
    ]
    if not any(len(run) >= LEAST_RUN for run in runs):
        return {}
    fixed: dict[int, str] = {}
    for run in runs:  # a group of one item is a run too, in a text that has a longer one
        for index in run:
            text = texts[index]
            assert text is not None
            match = _BARE.match(text)
            if match is not None:
                fixed[index] = f"{match.group(1)}.{text[match.end() :]}"
    return fixed


# An item that kept its mark; its 1 may be a scan's l or I (l.区委…), which repair gives back.
_MARKED = compile_pattern(r"^[ \u3000]*([1-9][0-9]?|[lI](?=[.．、]\p{Han}))[.．、](?![0-9０-９])")


def _marked(text: str | None) -> int | None:
    match = _MARKED.match(text) if text else None
    if match is None:
        return None
    return 1 if match.group(1) in ("l", "I") else int(match.group(1))
