"""Internal: running list counters, in reading order, and the labels they render.

Counting follows what Word does, not only what ECMA-376 says:

- counters live on the abstract definition (after ``numStyleLink`` indirection), so every
  ``w:num`` that points to the same ``w:abstractNum`` continues one sequence;
- a ``w:num`` whose ``w:lvlOverride`` carries ``w:startOverride`` sets the shared counter of that
  level to the override value the first time a paragraph of that ``numId`` uses the level;
- using a level restarts the deeper levels unless their ``w:lvlRestart`` says otherwise
  (``0``: never; ``n``: only when a level shallower than ``n`` (1-based) is used);
- a level referenced by ``%N`` that has not been used since its last restart shows ``start - 1``
  (Word's well-known ``0.1``), a bullet or ``none`` level shows nothing;
- ``w:isLgl`` shows every number of the label in decimal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ...runtime.patterns import compile_re
from ...runtime.record import record
from .numbering import MAX_LEVELS, Level, Numbering

__all__ = ["ListCounter", "ListLabel", "render_level_text"]

_PLACEHOLDER = compile_re(r"%([1-9])")


@record
class ListLabel:
    """A rendered label: ``text`` (``"（三）"``) and the ``suffix`` Word puts after it.

    ``suffix`` is ``"tab"``, ``"space"`` or ``"nothing"`` and is never part of ``text``.
    """

    text: str
    suffix: str
    num_id: str
    ilvl: int


def render_level_text(
    lvl_text: str, values: Iterable[int | None], levels: Mapping[int, Level], *, legal: bool
) -> str:
    """``lvl_text`` with each ``%N`` replaced by level ``N-1``'s value in that level's format.

    ``values`` holds one counter per level (``None``: unused since its last restart, shown as
    ``start - 1``). A placeholder naming a level that is not defined renders as nothing.
    """
    counters = list(values)

    def substitute(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        level = levels.get(index)
        if level is None:
            return ""
        value = counters[index] if index < len(counters) else None
        if value is None:
            value = level.start - 1
        return level.number(value, legal=legal)

    return _PLACEHOLDER.sub(substitute, lvl_text)


class ListCounter:
    """Running counters for one pass over a document, in reading order.

    Call :meth:`next_label` once for every numbered paragraph in the order Word lays them out
    (body, table cells and text boxes alike), including paragraphs that show no text: they
    advance the counters in Word too.
    """

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[tuple[str, int]] = set()

    def next_label(self, num_id: str, ilvl: int) -> ListLabel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label.

        Returns ``None`` — without touching any counter — for ``numId`` ``"0"``, an unknown
        ``numId`` or level, and a level out of range. Bullet and ``none`` levels, and levels whose
        label would be blank, count (so deeper levels restart) but return ``None``.
        """
        if num_id == "0" or not 0 <= ilvl < MAX_LEVELS:
            return None
        resolved = self.numbering.resolve(num_id)
        if resolved is None:
            return None
        levels = resolved.levels
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.get(resolved.counter_key)
        if counters is None:
            counters = [None] * MAX_LEVELS
            self._counters[resolved.counter_key] = counters
        override = resolved.start_overrides.get(ilvl)
        key = (num_id, ilvl)
        current = counters[ilvl]
        if override is not None and key not in self._used:
            counters[ilvl] = override
        elif current is None:
            counters[ilvl] = level.start
        else:
            counters[ilvl] = current + 1
        self._used.add(key)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            if counters[deeper] is None:
                continue
            deeper_level = levels.get(deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or restart > deeper or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.num_fmt == "bullet" or not level.lvl_text:
            return None
        text = render_level_text(level.lvl_text, counters, levels, legal=level.is_lgl)
        if not text.strip():
            return None
        return ListLabel(text=text, suffix=level.suffix, num_id=num_id, ilvl=ilvl)
