"""The one door to jieba: nothing else in rectpipe imports it.

jieba is unmaintained and noisy: it logs to stderr when it builds its prefix dictionary, pickles
a cache into the temp directory, and pulls in ``pkg_resources`` (a deprecation warning on recent
setuptools). Here it gets its own :class:`jieba.Tokenizer` (the global ``jieba.dt`` is never
touched), its loggers quiet while it loads (and as they were after), a cache file in rectpipe's
cache folder (:func:`cache_dir`), the profile's dictionary of domain words (``enrichment:
dictionary``) added, and ``HMM=False`` everywhere so that the same text always gives the same
tokens (no guessed new words).

Loading costs about a second and a half the first time in a process (more when the cache file
is built); everything is loaded lazily and at most once, under a lock.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

from ..runtime.cache import cache_dir
from ..runtime.record import record

__all__ = ["Token", "cache_dir", "idf_table", "tokens"]

_LOCK = threading.Lock()


@record
class Token:
    """One word as jieba cut it: its text, part-of-speech tag and ``[start, end)`` offsets into
    the string that was cut (punctuation and spaces are tokens too, tagged ``x``)."""

    text: str
    tag: str
    start: int
    end: int


def _import_jieba() -> tuple[Any, Any]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pkg_resources.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"jieba(\..*)?")
        import jieba
        import jieba.posseg
    return jieba, jieba.posseg


@contextmanager
def _jieba_quiet() -> Iterator[None]:
    """jieba's own loggers (which print "Building prefix dict…" to stderr while a dictionary
    loads) at WARNING for the length of the block, and as they were after it: the library
    leaves process-wide logging state alone."""
    loggers = [logging.getLogger(name) for name in ("jieba", "jieba._compat", "jieba.posseg")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


#: The frequency a dictionary word gets: high enough that jieba keeps it whole.
USER_WORD_FREQUENCY = 50_000


@lru_cache(maxsize=4)
def _pos_tokenizer(dictionary: tuple[tuple[str, str], ...]) -> Any:
    """A jieba tokenizer of its own that knows the profile's ``dictionary`` words (one per
    distinct dictionary: a process usually sees one or two profiles)."""
    with _LOCK:
        jieba, posseg = _import_jieba()
        with _jieba_quiet():
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(cache_dir())
            tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
            tokenizer.initialize()
            for word, tag in dictionary:
                tokenizer.add_word(word, USER_WORD_FREQUENCY, tag)
            return posseg.POSTokenizer(tokenizer)


def tokens(text: str, dictionary: tuple[tuple[str, str], ...] = ()) -> list[Token]:
    """``text`` cut into words with part-of-speech tags (``HMM=False``), covering every
    character in order, the ``dictionary`` words (``(word, tag)``) kept whole. An empty text
    gives an empty list."""
    if not text:
        return []
    found: list[Token] = []
    offset = 0
    for pair in _pos_tokenizer(dictionary).cut(text, HMM=False):
        word, tag = str(pair.word), str(pair.flag)
        start = offset if text.startswith(word, offset) else text.find(word, offset)
        if start < 0:  # pragma: no cover - jieba always returns the text's own substrings
            continue
        offset = start + len(word)
        found.append(Token(word, tag, start, offset))
    return found


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba.analyse's inverse document frequencies: ``(word → idf, median idf)``.

    The median is what TF-IDF gives a word that is not in the table.
    """
    with _LOCK:
        _import_jieba()
        with warnings.catch_warnings(), _jieba_quiet():
            warnings.filterwarnings("ignore", message=".*pkg_resources.*")
            import jieba.analyse

            loader = jieba.analyse.default_tfidf
        table: dict[str, float] = loader.idf_freq
        return table, float(loader.median_idf)
