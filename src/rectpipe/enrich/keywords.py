"""Keywords by TF-IDF (jieba.analyse's IDF table) and a topic from the profile's taxonomy.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..models.records import Keyword
from ..runtime.patterns import compile_pattern
from ._jieba import Token, idf_table
from .config import EnrichConfig

__all__ = ["best_topic", "find_keywords", "topic_scores"]

_WORD = compile_pattern(r"\p{Han}{2,}|[A-Za-z]{2,}")
# Content words; names (nr, ns, nt) are left to the entities, verbs are mostly boilerplate.
_KEYWORD_TAGS = frozenset({"n", "nz", "nl", "ng", "vn", "j", "l", "i", "an", "eng"})


def find_keywords(tokens: Sequence[Token], config: EnrichConfig, *, base: int = 0) -> list[Keyword]:
    """The ``config.keyword_count`` best words of ``tokens`` by TF-IDF, best first.

    Candidates are words of two or more Han characters (or Latin letters) with a content
    part-of-speech (nouns, nominal verbs, idioms; not names, which are entities), not in the
    profile's stop words. The weight is term frequency times the
    word's IDF (the median IDF for a word jieba does not know), as ``jieba.analyse`` computes
    it; ties go to the word that occurs first. No candidates gives ``[]``.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Token] = {}
    for token in tokens:
        if token.tag not in _KEYWORD_TAGS or not _WORD.fullmatch(token.text):
            continue
        if token.text in config.keyword_stopwords:
            continue
        counts[token.text] += 1
        first.setdefault(token.text, token)
    total = sum(counts.values())
    if not total:
        return []
    idf, median = idf_table()
    weights = {word: count / total * idf.get(word, median) for word, count in counts.items()}
    ranked = sorted(weights, key=lambda w: (-weights[w], first[w].start))
    return [
        Keyword(
            text=word,
            start=first[word].start + base,
            end=first[word].end + base,
            weight=round(weights[word], 4),
        )
        for word in ranked[: config.keyword_count]
    ]


def topic_scores(parts: Mapping[str, str], config: EnrichConfig) -> dict[str, float]:
    """Weighted keyword hits per topic: every occurrence of a topic keyword in a part counts
    that part's weight (title > description > actions). Within one part, a keyword inside a
    longer keyword of the same topic is not counted again (不动产登记 is one hit, not two).
    Topics that score 0 are left out."""
    scores: dict[str, float] = {}
    for topic, words in config.topics.items():
        score = 0.0
        for part, text in parts.items():
            weight = config.topic_weights.get(part, 1.0)
            taken: list[tuple[int, int]] = []
            for word in words:  # longest first
                at = text.find(word)
                while at >= 0:
                    if not any(s <= at < e for s, e in taken):
                        taken.append((at, at + len(word)))
                        score += weight
                    at = text.find(word, at + len(word))
        if score:
            scores[topic] = score
    return scores


def best_topic(scores: Mapping[str, float], order: Sequence[str]) -> str | None:
    """The topic with the highest score; a tie goes to the topic listed first in the profile.
    ``None`` when nothing scored."""
    if not scores:
        return None
    rank = {topic: i for i, topic in enumerate(order)}
    return min(scores, key=lambda t: (-scores[t], rank.get(t, len(rank))))
