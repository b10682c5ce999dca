"""The vocabulary profile: labels, status phrases, narrative part titles, table columns.

The default profile ships with the package (``profiles/default.yaml``); a user file is merged
over it: its lists are put in front of the default lists, its mappings update the default ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..models.report import Status
from ._yaml import load_profile_file, safe_load

FIELD_LABELS = ("status", "actions", "responsible", "deadline")


@dataclass(frozen=True, eq=False)
class Profile:
    """A loaded profile. Phrase lists are sorted longest first, ready for matching.

    Compared and hashed by identity, so per-profile compiled patterns can be cached.
    """

    name: str
    labels: dict[str, tuple[str, ...]]
    status_phrases: tuple[tuple[str, Status], ...]
    long_term: tuple[str, ...]
    status_sentence_prefixes: tuple[str, ...]
    status_sentence_max_chars: int
    narrative_sections: tuple[str, ...]
    #: Parts that close a report (下一步…): narrative whatever findings they mention.
    closing_sections: tuple[str, ...]
    issuer_suffixes: tuple[str, ...]
    inspection_kinds: tuple[str, ...]
    table_columns: dict[str, tuple[str, ...]]
    #: What makes an item a finding: ``wrappers``, ``shortfall``, ``action_openers``,
    #: ``group_headings`` (see ``findings:`` in the default profile).
    findings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The merged ``enrichment:`` section when the user file has one, else ``None`` (the
    #: default section); read by :func:`rectpipe.enrich.config.config_for`.
    enrichment: dict[str, Any] | None = field(default=None, repr=False)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return extra + [item for item in base if item not in extra]
    return extra


def _longest_first(items: Any) -> tuple[str, ...]:
    return tuple(sorted({str(item) for item in items}, key=lambda s: (-len(s), s)))


def _build(raw: dict[str, Any], enrichment: dict[str, Any] | None = None) -> Profile:
    try:
        phrases: list[tuple[str, Status]] = []
        for status_name, words in raw["status"].items():
            status = Status(status_name)
            phrases.extend((str(word), status) for word in words)
        phrases.sort(key=lambda item: (-len(item[0]), item[0]))
        return Profile(
            name=str(raw.get("name", "custom")),
            labels={key: _longest_first(raw["labels"].get(key, [])) for key in FIELD_LABELS},
            status_phrases=tuple(phrases),
            long_term=_longest_first(raw.get("long_term", [])),
            status_sentence_prefixes=_longest_first(raw.get("status_sentence_prefixes", [])),
            status_sentence_max_chars=int(raw.get("status_sentence_max_chars", 16)),
            narrative_sections=_longest_first(raw.get("narrative_sections", [])),
            closing_sections=_longest_first(raw.get("closing_sections", [])),
            issuer_suffixes=_longest_first(raw.get("issuer_suffixes", [])),
            inspection_kinds=tuple(str(k) for k in raw.get("inspection_kinds", [])),
            table_columns={
                key: _longest_first(values)
                for key, values in dict(raw.get("table_columns", {})).items()
            },
            findings={
                key: _longest_first(values) for key, values in dict(raw.get("findings", {})).items()
            },
            enrichment=enrichment,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(f"invalid profile: {exc}") from None


def _default_raw() -> dict[str, Any]:
    text = resources.files("rectpipe").joinpath("profiles/default.yaml").read_text("utf-8")
    data = safe_load(text)
    assert isinstance(data, dict)
    return data


@cache
def default_profile() -> Profile:
    """The profile shipped with rectpipe."""
    return _build(_default_raw())


def load_profile(path: str | Path | None = None) -> Profile:
    """The default profile, with the YAML file at ``path`` merged over it when given.

    Raises :class:`UsageError` when the file cannot be read or does not have the right shape.
    """
    if path is None:
        return default_profile()
    extra = load_profile_file(path)
    if extra is None:
        return default_profile()
    if not isinstance(extra, dict):
        raise UsageError(f"profile {path} must be a mapping")
    merged = _merge(_default_raw(), extra)
    section = merged.get("enrichment") if isinstance(extra.get("enrichment"), dict) else None
    return _build(merged, section if isinstance(section, dict) else None)
