"""The vocabulary profile: labels, status phrases, narrative part titles, table columns.

The default profile ships with the package (``profiles/default.yaml``, read at run time from
its JSON copy ``profiles/default.json``, so that no process pays for a YAML parser unless it
reads a user file); a user file is validated by :mod:`rectpipe.profiles.model` and merged over
it: its lists are put in front of the default lists, its mappings update the default ones.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..models.vocab import Status
from ..runtime.paths import AnyPath, fs_str
from ..runtime.record import field, record

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "DEFAULT_JSON",
    "DEFAULT_YAML",
    "FIELD_LABELS",
    "Profile",
    "default_profile",
    "load_profile",
    "read_user_file",
]

DEFAULT_YAML = Path(__file__).with_name("default.yaml")
#: ``default.yaml`` as JSON, written by ``make schema`` (``scripts/make_profile_data.py``);
#: a test fails when it is stale.
DEFAULT_JSON = Path(__file__).with_name("default.json")

FIELD_LABELS = ("status", "actions", "responsible", "deadline")


@record(eq=False, slots=False)
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
    #: Whole titles that close a report (三、工作要求), matched whole, not as words in a title.
    closing_titles: frozenset[str]
    issuer_suffixes: tuple[str, ...]
    inspection_kinds: tuple[str, ...]
    table_columns: dict[str, tuple[str, ...]]
    #: Long-term phrases read by the item's deadline (持续推进): in_progress when it has a
    #: date to finish by, long-term when it has none.
    dated_long_term: tuple[str, ...] = ()
    #: Labels that open a list of findings in a category item (存在问题：一是…；二是…).
    findings_labels: tuple[str, ...] = ()
    #: What makes an item a finding: ``wrappers``, ``shortfall``, ``action_openers``,
    #: ``group_headings`` (see ``findings:`` in the default profile).
    findings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Part titles of a notice about one finding, by role (``notice_sections:``).
    notice_sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Line-opening labels of a scholarly article (摘要, 关键词, 参考文献).
    article_markers: tuple[str, ...] = ()
    #: Last words of an article's title (浅析, 探析, 初探): a text so titled is no report.
    article_title_ends: tuple[str, ...] = ()
    #: Last words of the title of rules or a plan, and words of a site's sample texts.
    rules_title_ends: tuple[str, ...] = ()
    sample_text_words: tuple[str, ...] = ()
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
            dated_long_term=_longest_first(raw.get("dated_long_term", [])),
            status_sentence_prefixes=_longest_first(raw.get("status_sentence_prefixes", [])),
            status_sentence_max_chars=int(raw.get("status_sentence_max_chars", 16)),
            narrative_sections=_longest_first(raw.get("narrative_sections", [])),
            closing_sections=_longest_first(raw.get("closing_sections", [])),
            closing_titles=frozenset(raw.get("closing_titles", [])),
            findings_labels=_longest_first(raw.get("findings_labels", [])),
            issuer_suffixes=_longest_first(raw.get("issuer_suffixes", [])),
            inspection_kinds=tuple(str(k) for k in raw.get("inspection_kinds", [])),
            article_markers=_longest_first(raw.get("article_markers", [])),
            article_title_ends=_longest_first(raw.get("article_title_ends", [])),
            rules_title_ends=_longest_first(raw.get("rules_title_ends", [])),
            sample_text_words=_longest_first(raw.get("sample_text_words", [])),
            table_columns={
                key: _longest_first(values)
                for key, values in dict(raw.get("table_columns", {})).items()
            },
            findings={
                key: _longest_first(values) for key, values in dict(raw.get("findings", {})).items()
            },
            notice_sections={
                key: _longest_first(values)
                for key, values in dict(raw.get("notice_sections", {})).items()
            },
            enrichment=enrichment,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(f"invalid profile: {exc}") from None


@cache
def _default_raw() -> dict[str, Any]:
    """The default profile as plain data (shared: never change it)."""
    data = json.loads(DEFAULT_JSON.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def default_profile() -> Profile:
    """The profile shipped with rectpipe."""
    return _build(_default_raw())


def load_profile(path: AnyPath | None = None) -> Profile:
    """The default profile, with the YAML file at ``path`` merged over it when given.

    Raises :class:`UsageError` when the file cannot be read or does not have the right shape,
    with a one-line message that names the key and its line in the file.
    """
    if path is None:
        return default_profile()
    extra = read_user_file(fs_str(path))
    if extra is None:
        return default_profile()
    merged = _merge(copy.deepcopy(_default_raw()), extra)  # the profile owns its data
    section = merged["enrichment"] if extra.get("enrichment") else None
    return _build(merged, section)


def read_user_file(path: str | Path) -> dict[str, Any] | None:
    """The keys the profile file at ``path`` sets, validated (``None`` for an empty file)."""
    from pydantic import ValidationError

    from ._yaml import load_profile_file
    from .model import ProfileFile

    text, data = load_profile_file(path)
    if data is None:
        return None
    if not isinstance(data, dict):
        raise UsageError(f"invalid profile {path}: must be a mapping of keys to values")
    try:
        checked = ProfileFile.model_validate(data)
    except ValidationError as exc:
        raise UsageError(f"invalid profile {path}: {_first_error(text, exc)}") from None
    return checked.model_dump(mode="json", exclude_unset=True)


def _first_error(text: str, exc: ValidationError) -> str:
    """The validation error that comes first in the file, on one line: its line, its key
    (dotted) and what is wrong, and how many more there are."""
    from ._yaml import lines_of

    errors = exc.errors()
    lines = lines_of(text, [error["loc"] for error in errors])
    line, first = min(zip(lines, errors, strict=True), key=lambda pair: pair[0] or len(text) + 1)
    key = ".".join(str(part) for part in first["loc"] if part != "[key]")
    message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    where = f"line {line}: " if line is not None else ""
    more = len(errors) - 1
    rest = f" (and {more} more error{'s' * (more > 1)})" if more else ""
    return f"{where}{key}: {message}{rest}"
