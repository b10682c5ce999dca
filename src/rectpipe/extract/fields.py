"""Labelled fields: ``整改结果：完成。``, ``整改情况：一是…``, ``责任单位：…``.

A label opens a paragraph (colon full-width, ASCII, ``∶`` or missing) or stands inline after a
heading (``…整改进展情况：已完成。``, colon required there).
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..profiles.profile import FIELD_LABELS, Profile
from ..runtime.patterns import compile_pattern, escape
from ..runtime.record import record
from ..text.normalize import STATUS_OPENING
from ..text.numbering import emoji_lead
from .status import normalise_status, status_phrase

if TYPE_CHECKING:
    import regex

__all__ = [
    "Label",
    "inline_status_label",
    "leading_label",
    "leading_status_tag",
    "split_labels",
    "status_after_colon",
    "status_as_label",
    "status_tag",
]

_COLONS = "：:∶"
_COLON = f"[{_COLONS}]"


@record
class Label:
    """A label found in a text: which field, the label as written, and where its value lies."""

    field: str
    label: str
    start: int
    value_start: int
    value_end: int


@cache
def _patterns(profile: Profile) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    alternatives: list[str] = []
    for field in FIELD_LABELS:
        for label in profile.labels[field]:
            alternatives.append(label)
    alternatives.sort(key=lambda s: -len(s))
    names = "|".join(escape(label) for label in alternatives)
    leading = compile_pattern(
        rf"[\s\u3000]*[【\[]?(?P<label>{names})[】\]]?[\s\u3000]*(?P<colon>{_COLON})?[\s\u3000]*"
    )
    inline = compile_pattern(rf"(?P<label>{names})[】\]]?[\s\u3000]*{_COLON}[\s\u3000]*")
    return leading, inline


@cache
def _fields(profile: Profile) -> dict[str, str]:
    """Label → its field (the first field that lists it)."""
    fields: dict[str, str] = {}
    for field in FIELD_LABELS:
        for label in profile.labels[field]:
            fields.setdefault(label, field)
    return fields


@cache
def _first_chars(profile: Profile) -> frozenset[str]:
    """The characters a label can start with: most paragraphs start with none of them."""
    return frozenset(label[0] for label in _fields(profile) if label)


def _field_of(label: str, profile: Profile) -> str:
    return _fields(profile)[label]


def leading_label(text: str, profile: Profile) -> Label | None:
    """The label opening ``text``, or ``None``.

    Without a colon, the label must be followed by text that is not part of a longer word
    (``整改情况良好`` is not a label).
    """
    first = text.lstrip().lstrip("【[")[:1]
    skip = 0
    if first not in _first_chars(profile):
        # 📌 整改进展：…: a WeChat copy's emoji before the label
        skip = emoji_lead(text) if first >= "\u2000" else 0
        if not skip or text[skip:].lstrip().lstrip("【[")[:1] not in _first_chars(profile):
            return None  # cannot open with a label: skip the pattern's long alternation
    leading, _ = _patterns(profile)
    found = leading.match(text, skip)
    if found is None:
        return None
    label = found.group("label")
    rest = text[found.end() :]
    if found.group("colon") is None and (not rest or rest[0] in "的良好较是和与及"):
        return None
    return Label(
        field=_field_of(label, profile),
        label=label,
        start=found.start("label"),
        value_start=found.end(),
        value_end=len(text),
    )


def split_labels(text: str, profile: Profile) -> list[Label]:
    """Every ``label：value`` in a paragraph that opens with a label.

    ``责任单位：市生态环境局；整改时限：2024年底前`` gives two labels; each value ends where the
    next label begins (its separator ；/space trimmed).
    """
    first = leading_label(text, profile)
    if first is None:
        return []
    found = [first]
    _, inline = _patterns(profile)
    for match in inline.finditer(text, first.value_start):
        before = text[: match.start()].rstrip(" \t\u3000")
        glued = before and before[-1] not in "；;，,。 \t\u3000"
        # 责任单位：县住建局整改时限：年底前 (a copy that lost its separator): short fields
        # may follow each other without one.
        short = ("responsible", "deadline", "status")
        if glued and not (
            found[-1].field in short and _field_of(match.group("label"), profile) in short
        ):
            continue
        found.append(
            Label(
                field=_field_of(match.group("label"), profile),
                label=match.group("label"),
                start=match.start(),
                value_start=match.end(),
                value_end=len(text),
            )
        )
    # Short fields are separated; a narrative value (整改情况：…) swallows what follows, unless
    # a short field's label opens a sentence after it (整改措施：…。整改进度：已完成。).
    short = ("responsible", "deadline", "status")
    result: list[Label] = []
    for label, after in zip(found, [*found[1:], None], strict=True):
        closes = after is not None and (
            label.field in short
            or (after.field in short and text[: after.start].rstrip()[-1:] in ("。", "；", ";"))
        )
        if after is not None and closes:
            end = after.start
            while end > label.value_start and text[end - 1] in "；;，, \t\u3000":
                end -= 1
            result.append(Label(label.field, label.label, label.start, label.value_start, end))
        else:
            result.append(label)
            if after is not None:
                break
    return result


def inline_status_label(text: str, profile: Profile) -> Label | None:
    """A status label inside a heading line: ``关于“…”整改进展情况：已完成。``."""
    if not any(colon in text for colon in _COLONS):
        return None  # an inline label has its colon
    _, inline = _patterns(profile)
    for match in inline.finditer(text):
        field = _field_of(match.group("label"), profile)
        if field != "status" or match.start() == 0:
            continue
        end = len(text)
        for stop in ("。", "；", ";"):
            cut = text.find(stop, match.end())
            if cut != -1:
                end = min(end, cut)
        return Label(field, match.group("label"), match.start(), match.end(), end)
    return None


# A status tag closing a finding's line: …部分河段巡查记录缺失。【已完成】 / [正在整改], in
# parentheses (…不深入（已完成）) or after a dash (…不规范——已完成整改).
_TAG = compile_pattern(
    r"(?:[【\[［]\s*(?P<v>[^【】\[\]［］]{2,16}?)\s*[】\]］]"
    # (a state and what else was done: （已完成整改并建立长效机制）, （已整改，并建立长效机制）)
    r"|[（(]\s*(?P<v>[^（）()]{2,16}?)\s*[）)]"
    r"|(?:——|—|--|－－)\s*(?P<v>[^—\-－，,。；;]{2,10}?))"
    r"\s*[。；;]?\s*$"
)
_TAG_OPENINGS = "【[［（(—-－"  # what every tag opens with
# A tag closing a sentence that the line goes on after (X（已整改）。县财政局…).
_MID_TAG = compile_pattern(
    r"(?:[【\[［]\s*(?P<v>[^【】\[\]［］]{2,16}?)\s*[】\]］]"
    r"|[（(]\s*(?P<v>[^（）()]{2,16}?)\s*[）)])\s*[。；;](?=\s*\S)"
)
# A count in a bracket (共3个, 已完成1个): a group's tally, no finding's status.
_TALLY = compile_pattern(r"共|[0-9０-９一二三四五六七八九十两]\s*[个项条件]")


def status_tag(text: str, profile: Profile) -> Label | None:
    """A bracketed status at the end of a heading line (``【已完成】``, ``（整改中）``,
    ``——已完成``), as a status label whose value is the tag's text; ``None`` when the line ends
    otherwise or the tag names no status (``（一期）``, ``（涉及资金3万元）``)."""
    if not any(opening in text for opening in _TAG_OPENINGS):
        return None  # no bracket nor dash: no tag
    found = _TAG.search(text)
    if found is None:
        # 1.X（已整改）。县财政局收回…: the tag closes the finding's sentence, the account
        # runs on after it on the same line
        found = _MID_TAG.search(text)
        if found is None or status_phrase(found.group("v"), profile) is None:
            return None
    if found.start() == 0 or normalise_status(found.group("v"), profile) is None:
        return None
    if _TALLY.search(found.group("v")):
        return None  # …方面的问题（共3个，已全部完成整改）: a group's tally, read as one
    return Label("status", "", found.start(), found.start("v"), found.end("v"))


# A status tag opening a finding's line, before the finding: 1.【已完成】X。 / [正在推进]X。
_LEADING_TAG = compile_pattern(r"^\s*[【\[［]\s*(?P<v>[^【】\[\]［］]{2,10}?)\s*[】\]］]\s*(?=\S)")


def leading_status_tag(text: str, profile: Profile) -> tuple[Label, int] | None:
    """A bracketed status opening a heading line before its finding (``【已完成】X。``), as a
    status label and the offset where the finding begins; ``None`` when the line opens
    otherwise or the tag is no status phrase as a whole (``【典型案例】``, ``【问题】``)."""
    found = _LEADING_TAG.match(text)
    if found is None or status_phrase(found.group("v"), profile) is None:
        return None
    return Label("status", "", found.start(), found.start("v"), found.end("v")), found.end()


# A finding, a colon (or a dash, or a comma), and its status as the rest of the sentence
# (党费收缴台账登记不全：已完成整改。…, …不全——已完成, …不全，已完成整改。): the status is no
# part of the title. After a comma the status must open as statuses do (已, 正在, 尚未…), or
# after a word that opens a status sentence (…，目前已整改到位。, …，该问题已整改完成。): a comma
# also joins a finding's own clauses.
@cache
def _subjects(profile: Profile) -> tuple[str, ...]:
    """The words that open a status sentence before its status (目前, 该问题, 截至目前),
    longest first; 已 is the status's own."""
    openers = (o for o in profile.status_sentence_prefixes if o != "已")
    return tuple(sorted(openers, key=lambda s: (-len(s), s)))


@cache
def _after_colon(profile: Profile) -> regex.Pattern[str]:
    subject = "|".join(escape(opener) for opener in _subjects(profile)) or "(?!)"
    return compile_pattern(
        r"^(?P<f>[^：:∶。；;—]{4,80}?)"
        rf"(?:[：:∶]|——|—|--|[，,](?=\s*(?:{subject})?\s*{STATUS_OPENING}))"
        r"\s*(?P<v>[^。；;，,：:∶]{2,10}?)\s*(?:[。；;]|$)"
    )


def status_after_colon(text: str, profile: Profile) -> Label | None:
    """A heading's status written after a colon or a comma that ends its finding
    (``X：已完成整改。``, ``X，正在推进。``, ``X，目前已整改到位。``), as a status label with no
    label word. ``None`` when what follows is no status as a whole (``X：落实不到位``), when
    what precedes it is a label (``整改情况：…``), or when it stands inside a parenthesis the
    finding opened (``…方面的问题（共3个，已全部完成整改）``: a group's count and state)."""
    found = _after_colon(profile).match(text)
    if found is None or leading_label(text, profile) is not None:
        return None
    finding = found.group("f")
    if sum(map(finding.count, "（([【")) != sum(map(finding.count, "）)]】")):
        return None
    value = found.group("v")
    opener = next((o for o in _subjects(profile) if value.startswith(o)), "")
    bare = value[len(opener) :]
    if normalise_status(value, profile) is None or not _whole_status(bare):
        return None
    return Label("status", "", found.end("f"), found.start("v"), found.end("v"))


# A finding's sentence, then its status as a run-in label before the account (X。已整改到位：
# 收回…, X。部分整改：已补办…).
_STATUS_AS_LABEL = compile_pattern(
    r"^(?P<f>[^：:∶。；;]{4,80}?[。；;])\s*(?P<v>[^。；;，,：:∶\s]{2,8})\s*[：:∶](?=\s*\S)"
)


def status_as_label(text: str, profile: Profile) -> Label | None:
    """A status told as a run-in label after the finding's sentence, its account after the
    colon (``X。已整改到位：收回虚列资金…``); ``None`` unless the phrase before the colon is a
    status as a whole."""
    found = _STATUS_AS_LABEL.match(text)
    if found is None or leading_label(text, profile) is not None:
        return None
    value = found.group("v")
    if normalise_status(value, profile) is None or not _whole_status(value):
        return None
    return Label("status", "", found.end("f"), found.start("v"), found.end("v"))


def _whole_status(value: str) -> bool:
    """Whether ``value`` is only a status (已完成整改, 正在推进), not a clause naming one among
    other words: every word of it is taken up by the status it names."""
    return len(value) <= _STATUS_MAX and not _NOT_ONLY_STATUS.search(value)


_STATUS_MAX = 8
# Words that make a short value more than a status: counts, objects, negated findings.
_NOT_ONLY_STATUS = compile_pattern(r"[0-9０-９]|个|项|不到位|不规范|不严|不够|不足|缺")
