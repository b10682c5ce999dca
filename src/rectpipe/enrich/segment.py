"""Word segmentation for enrichment: jieba (through :mod:`._jieba`) with protected spans.

Some names are patterns rather than words (省委第九巡视组, 中央第五生态环境保护督察组): the
profile's ``org_patterns`` find them first, each becomes one token tagged ``nt``, and jieba
cuts only the text between them.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ._jieba import Token, tokens

__all__ = ["protected_spans", "segment"]


def protected_spans(text: str, patterns: Sequence[regex.Pattern[str]]) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` of every pattern match, leftmost-longest first."""
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                spans.append((match.start(), match.end()))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def segment(
    text: str,
    patterns: Sequence[regex.Pattern[str]] = (),
    dictionary: tuple[tuple[str, str], ...] = (),
) -> list[Token]:
    """``text`` as tokens with offsets into it; pattern matches are single ``nt`` tokens and
    ``dictionary`` words (``(word, tag)``) are kept whole.

    The tokens cover every character of ``text`` in order. Empty text gives ``[]``.
    """
    found: list[Token] = []
    position = 0
    for start, end in [*protected_spans(text, patterns), (len(text), len(text))]:
        gap = text[position:start]
        found.extend(
            Token(t.text, t.tag, t.start + position, t.end + position)
            for t in tokens(gap, dictionary)
        )
        if end > start:
            found.append(Token(text[start:end], "nt", start, end))
        position = end
    return found
