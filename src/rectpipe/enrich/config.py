"""The ``enrichment:`` section of a profile: topic taxonomy, stop words, role verbs, patterns.

The default lives in ``profiles/default.yaml``; a user profile's ``enrichment:`` section is
merged over it the way the rest of the profile is (lists extended, mappings updated).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import regex

from ..errors import UsageError
from ..profiles.profile import Profile, _default_raw, load_profile
from ..runtime.patterns import compile_pattern
from ..runtime.record import record

__all__ = ["PARTS", "EnrichConfig", "config_for", "default_config", "load_config"]

PARTS = ("title", "description", "actions")


@record(eq=False, slots=False)
class EnrichConfig:
    """A loaded ``enrichment:`` section. Compared and hashed by identity.

    ``topics`` maps a topic to its keywords (longest first); ``topic_weights`` gives the weight
    of a hit in the title, description and actions; ``document_roles`` maps a role to the verbs
    that give it (longest first); ``completed_contradictions`` are compiled patterns that, in the
    narrative of a problem marked completed, say it is not.
    """

    topics: dict[str, tuple[str, ...]]
    topic_weights: dict[str, float]
    keyword_stopwords: frozenset[str]
    keyword_count: int
    document_roles: dict[str, tuple[str, ...]]
    meeting_suffixes: tuple[str, ...]
    org_patterns: tuple[regex.Pattern[str], ...]
    org_suffixes: tuple[str, ...]
    org_part_suffixes: tuple[str, ...]
    org_unit_words: frozenset[str]
    org_bodies: frozenset[str]
    org_short_names: frozenset[str]
    org_class_words: frozenset[str]
    org_generic_names: frozenset[str]
    place_suffixes: tuple[str, ...]
    person_titles: tuple[str, ...]
    #: Words jieba keeps whole, as ``(word, tag)``, in the profile's order.
    dictionary: tuple[tuple[str, str], ...]
    completed_contradictions: tuple[regex.Pattern[str], ...]


def _longest_first(items: Any) -> tuple[str, ...]:
    return tuple(sorted({str(item) for item in items or ()}, key=lambda s: (-len(s), s)))


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(item) for item in items or ())


def _entry(text: str) -> tuple[str, str]:
    """``"纪工委 nt"`` → ``("纪工委", "nt")``; a word alone is a noun."""
    word, _, tag = text.strip().partition(" ")
    return word, tag.strip() or "n"


def _build(raw: dict[str, Any]) -> EnrichConfig:
    try:
        weights = {part: float(raw.get("topic_weights", {}).get(part, 1)) for part in PARTS}
        return EnrichConfig(
            topics={str(k): _longest_first(v) for k, v in dict(raw.get("topics", {})).items()},
            topic_weights=weights,
            keyword_stopwords=frozenset(str(w) for w in raw.get("keyword_stopwords", [])),
            keyword_count=int(raw.get("keyword_count", 8)),
            document_roles={
                str(k): _longest_first(v) for k, v in dict(raw.get("document_roles", {})).items()
            },
            meeting_suffixes=_longest_first(raw.get("meeting_suffixes", [])),
            org_patterns=tuple(compile_pattern(str(p)) for p in raw.get("org_patterns", [])),
            org_suffixes=_longest_first(raw.get("org_suffixes", [])),
            org_part_suffixes=_longest_first(raw.get("org_part_suffixes", [])),
            org_unit_words=_words(raw.get("org_unit_words")),
            org_bodies=_words(raw.get("org_bodies")),
            org_short_names=_words(raw.get("org_short_names")),
            org_class_words=_words(raw.get("org_class_words")),
            org_generic_names=_words(raw.get("org_generic_names")),
            place_suffixes=_longest_first(raw.get("place_suffixes", [])),
            person_titles=_longest_first(raw.get("person_titles", [])),
            dictionary=tuple(_entry(str(e)) for e in raw.get("dictionary", [])),
            completed_contradictions=tuple(
                compile_pattern(str(p)) for p in raw.get("completed_contradictions", [])
            ),
        )
    except (TypeError, ValueError, AttributeError, regex.error) as exc:
        raise UsageError(f"invalid enrichment profile: {exc}") from None


def _section(raw: Any) -> dict[str, Any]:
    section = raw.get("enrichment", {}) if isinstance(raw, dict) else {}
    return section if isinstance(section, dict) else {}


@cache
def default_config() -> EnrichConfig:
    """The ``enrichment:`` section of the default profile."""
    return _build(_section(_default_raw()))


def load_config(path: str | Path | None = None) -> EnrichConfig:
    """The default section, with the ``enrichment:`` section of the profile at ``path`` merged
    over it: ``config_for(load_profile(path))``. A file without that section gives the default.
    Raises :class:`UsageError` when the file cannot be read, is not a valid profile or a
    pattern does not compile."""
    if path is None:
        return default_config()
    return config_for(load_profile(path))


@cache
def config_for(profile: Profile | None) -> EnrichConfig:
    """The enrichment section of a loaded profile: the default section, with the user file's
    ``enrichment:`` section merged over it when :func:`rectpipe.profile.load_profile` read one.
    Cached per profile (profiles compare by identity)."""
    if profile is None or profile.enrichment is None:
        return default_config()
    return _build(profile.enrichment)
