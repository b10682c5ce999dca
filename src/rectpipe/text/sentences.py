"""Sentence boundaries in Chinese text, quotes respected.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re

from ..runtime.patterns import compile_re

__all__ = ["sentence_ends", "sentences", "split_first_sentence"]

_ENDS = "。！？!?"
_OPEN = "“‘《「『（(【〔"
_CLOSE = "”’》」』）)】〕"
_MARKS = compile_re("[" + re.escape(_ENDS + _OPEN + _CLOSE) + "]")


def sentence_ends(text: str, *, first_only: bool = False) -> list[int]:
    """Offsets just after each sentence-ending mark (。！？) outside quotes and brackets.

    Closing quotes directly after the mark stay with the sentence. The last sentence may end
    without a mark; its end (``len(text)``) is included when it holds anything. With
    ``first_only`` the scan stops at the first end (the list then holds one offset at most).
    """
    ends: list[int] = []
    depth = 0
    n = len(text)
    # Only quotes, brackets and sentence ends matter: jump from one to the next.
    found = _MARKS.search(text)
    while found is not None:
        i = found.start()
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:  # a sentence end outside quotes and brackets
            j = i + 1
            while j < n and text[j] in _ENDS:
                j += 1
            ends.append(j)
            if first_only:
                return ends
            found = _MARKS.search(text, j)
            continue
        found = _MARKS.search(text, i + 1)
    if not ends or (ends[-1] < n and text[ends[-1] :].strip()):
        ends.append(n)
    return ends


def split_first_sentence(text: str) -> tuple[str, str]:
    """``(first sentence, rest)``. A trailing 。 is dropped from the first sentence."""
    ends = sentence_ends(text, first_only=True)
    cut = ends[0] if ends else len(text)
    first = text[:cut].strip()
    if first.endswith("。"):
        first = first[:-1].rstrip()
    return first, text[cut:].strip()


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``, leading blanks excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in sentence_ends(text):
        s = start
        while s < end and text[s] in " \t\n\u3000":
            s += 1
        if s < end:
            spans.append((s, end))
        start = end
    return spans
