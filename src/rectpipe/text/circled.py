"""Circled numbers a copy lost their circles: ``1对…`` / ``2对…`` → ``①对…`` / ``②对…``.

Unicode's compatibility normalisation (NFKC, which many scrapers and text pipelines apply)
turns ``①`` into a bare ``1``. A paragraph then opens with a figure glued to a Chinese
character, ``1对集团管理的干部档案开展专项审核``, a form no numbering uses: 1、, 1. and (1) all
put a mark after the figure. Such paragraphs are read as the circled numbers they were when
they count 1, 2, 3… in order, at least :data:`LEAST_RUN` of them, each at most
:data:`MOST_APART` blocks after the one before (the paragraphs between them are the items'
bodies). A single paragraph, or figures that do not count on (``3家单位…`` then ``1名…``),
is left as it is: a sentence may open with a figure, unless a run elsewhere shows the copy
lost its circles, when a lone ``1…`` is a list of one. A list run into a paragraph loses its
circles the same way (``整改措施:1修订…;2对…``): figures after a colon or a semicolon that count
1, 2… are given them back too. Repair looks for them only in a copy that
lost its full-width punctuation too (``，`` → ``,``), as such a normalisation does; elsewhere
a figure glued to a word is a footnote's mark (``1审计范围为…`` under a PDF's page).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..runtime.patterns import compile_pattern
from .counting import counting_runs

__all__ = ["LEAST_RUN", "MOST_APART", "circled_inline", "circled_runs"]

#: Fewest paragraphs counting 1, 2… that make a run of lost circled numbers.
LEAST_RUN = 2
#: Most blocks from one item of a run to the next (the first item's body between them).
MOST_APART = 12
#: ① to ⑳: the circled numbers Unicode has in one block.
_CIRCLED = [chr(0x2460 + k) for k in range(20)]
_OPENS = r"(?=[\p{Han}“‘《〈【「『])"
_BARE = compile_pattern(rf"^([1-9]|1[0-9]|20){_OPENS}")
# Inside a paragraph: after a colon or a semicolon (整改措施:1修订…;2对…;3补充…).
# A year after the lost circle (;22025年6月召开… for ;②2025年…) is read when the count goes on.
_INLINE = compile_pattern(
    rf"(?<=[:：;；]\s*)([1-9]|1[0-9]|20)(?:{_OPENS}|(?=(?:19|20)[0-9]{{2}}年))"
)


def _number(text: str | None) -> int | None:
    match = _BARE.match(text) if text else None
    return int(match.group(1)) if match else None


def circled_runs(texts: Sequence[str | None]) -> dict[int, str]:
    """The paragraphs of ``texts`` (``None`` for a block that is no paragraph, or has its own
    list label) that open a run of lost circled numbers (see the module), by index, with
    their circled numbers given back."""
    numbers = [_number(text) for text in texts]
    if sum(1 for n in numbers if n is not None) < LEAST_RUN:
        return {}
    fixed: dict[int, str] = {}
    for run in counting_runs(numbers, least=LEAST_RUN, most_apart=MOST_APART):
        for position, index in enumerate(run):
            text = texts[index]
            assert text is not None
            fixed[index] = _CIRCLED[position] + text[len(str(position + 1)) :]
    if fixed:
        # a copy that lost its circles: a list of one under its heading (1个体工商户…) lost
        # its ① too
        for index, number in enumerate(numbers):
            text = texts[index]
            if number == 1 and index not in fixed and text is not None:
                fixed[index] = _CIRCLED[0] + text[1:]
    return fixed


def circled_inline(text: str) -> str:
    """``text`` with a list run into it whose circles were lost (``措施:1修订…;2对…``) given
    them back: figures after a colon or a semicolon and before a word, counting 1, 2… from
    the first, at least :data:`LEAST_RUN` of them; the rest of the text is left as it is."""
    found = list(_INLINE.finditer(text))
    if len(found) < LEAST_RUN or found[0].group(1) != "1":
        return text
    count = 0
    for match in found:
        if int(match.group(1)) != count + 1:
            break
        count += 1
    if count < LEAST_RUN:
        return text
    parts: list[str] = []
    last = 0
    for position, match in enumerate(found[:count]):
        parts += [text[last : match.start()], _CIRCLED[position]]
        last = match.end()
    return "".join([*parts, text[last:]])
