"""Internal: a paragraph whose lines are paragraphs, cut at its soft line breaks.

Text pasted into Word from a web page (or typed with Shift+Enter) often arrives as one
paragraph whose lines are the report's paragraphs, a soft line break (``w:br``, ``w:cr``)
between each: the title, the intro, every heading and item, the signature. Read as one block,
it hides every heading and marker. A paragraph with two or more line breaks (three lines or
more) is such a paste and gives one block a line; a paragraph with a single break (a title set
on two lines, a signature over its date) stays whole. A paste whose lines were cut at a
printed width is joined back by the text stage (:mod:`rectpipe.text.rewrap`).
"""

from __future__ import annotations

__all__ = ["MIN_PASTE_BREAKS", "paste_lines"]

MIN_PASTE_BREAKS = 2
"""Line breaks from which a paragraph is read as pasted lines."""


def paste_lines(text: str) -> list[str] | None:
    """The non-blank lines of ``text`` when it holds at least :data:`MIN_PASTE_BREAKS` line
    breaks, else ``None`` (the paragraph stays one block)."""
    if text.count("\n") < MIN_PASTE_BREAKS:
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    return lines if len(lines) > 1 else None
