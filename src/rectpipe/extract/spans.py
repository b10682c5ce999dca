"""Text pieces gathered from several places of the document, with offsets back to it.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right

from ..runtime.record import field, record

__all__ = ["Spans"]


@record(frozen=False, slots=False)
class Spans:
    """Pieces of the document text, each ``(start offset, text)``, joined by newlines.

    :meth:`to_global` maps an offset into :attr:`text` back to the document's text.
    """

    pieces: list[tuple[int, str]] = field(default_factory=list)

    def add(self, start: int, text: str) -> None:
        stripped = text.strip()
        if stripped:
            self.pieces.append((start + text.index(stripped[0]), stripped))

    @property
    def text(self) -> str:
        if len(self.pieces) == 1:  # the usual case, without a join
            return self.pieces[0][1]
        return "\n".join(text for _, text in self.pieces)

    @property
    def start(self) -> int | None:
        return self.pieces[0][0] if self.pieces else None

    @property
    def end(self) -> int | None:
        if not self.pieces:
            return None
        start, text = self.pieces[-1]
        return start + len(text)

    def to_global(self, local: int) -> int:
        """The document offset of ``self.text[local]`` (the end of the text maps to its end)."""
        if len(self.pieces) == 1:
            start, text = self.pieces[0]
            return start + min(local, len(text))
        starts: list[int] = []
        offset = 0
        for _, text in self.pieces:
            starts.append(offset)
            offset += len(text) + 1
        index = max(0, bisect_right(starts, local) - 1)
        start, text = self.pieces[index]
        return start + min(local - starts[index], len(text))

    def runs(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` in the document of each stretch of :attr:`text` that stands there
        as one piece: pieces that follow each other across a line break join into one run."""
        runs: list[tuple[int, int]] = []
        for start, piece in self.pieces:
            end = start + len(piece)
            if runs and text[runs[-1][1] : start] == "\n":
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        return runs
