"""Is a numbered item a finding? Evidence read from what its first sentence says.

A problem is an item that states a shortfall the inspection found. Its place in the numbering
does not make it one: intro parts have their own （一）（二） subsections about organising the
work, closing parts list next steps, and measures are numbered too. The vocabulary is the
profile's ``findings:`` section, generic to the genre.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, escape
from ..text.sentences import split_first_sentence

if TYPE_CHECKING:
    import regex

__all__ = ["Evidence", "heading_evidence", "names_a_group", "opens_a_measure"]


class Evidence(Enum):
    """What an item's heading says about it."""

    FINDING = "finding"  # names a shortfall, or is wrapped as a finding (关于“…”)
    GROUP = "group"  # names a group of findings (…方面, …问题的整改情况)
    ACTION = "action"  # opens with a measure verb and names no shortfall (加强组织领导)
    NEUTRAL = "neutral"  # says neither


_QUOTED = compile_pattern(r"^(?:关于|针对|在)?\s*[“\"「『]")
# How organising work is titled: four characters, a verb of driving, two or three characters
# (靠前指挥抓部署, 分兵把口压责任, 对标对表促转化).
_SLOGAN = compile_pattern(r"^\p{Han}{4}[抓促压强严保提建管]\p{Han}{2,3}$")
# An item that is nothing but the title of a document (1.《…管理办法》,
# 2.《…规定》（X发〔2025〕3号）): a rule issued during the rectification, listed under 建章立制
# or 制定修订制度N项, never a finding.
_DOCUMENT_TITLE = compile_pattern(
    r"^(?:《[^《》]{2,80}》[、，,及和与]?)+\s*(?:[（(][^（）()]{0,40}[）)])?$"
)
# A clause that ends in 不 and a one- or two-character predicate states a shortfall whatever
# the word (管理不精细, 机制不顺畅), when no measure verb opens the sentence.
_NEGATED_PREDICATE = compile_pattern(r"不\p{Han}{1,2}(?:$|[，,、；;])")
# A shortfall named as what a measure remedies or looks at (着力解决思想认识不到位的问题,
# 纠正…不规范现象, 堵塞管理漏洞, 全面检视…的差距与不足): the heading of organising work, not
# a finding.
_REMEDIED = r"(?:问题|现象|倾向|情况|短板|弱项|漏洞|缺口|盲区|不足|差距)"
_REMEDY = compile_pattern(
    r"(?:解决|整治|纠正|破解|克服|根治|扭转|防止|杜绝|避免|弥补|补齐|补强|堵塞|堵住|填补"
    # or looks at it squarely (全面检视整改工作的亮点与不足, 正视差距)
    r"|检视|正视|直面|查找|查摆|剖析|反思)"
    rf"[^，,。；;：:]{{0,30}}?{_REMEDIED}"
    # and what is joined to it (差距与不足, 短板和弱项)
    rf"(?:\s*(?:和|与|及|、)[^，,。；;：:]{{0,6}}?{_REMEDIED})*"
)


# The same told after the shortfall, as an achievement is (民生短板加快补齐, 管理漏洞有效堵塞).
_REMEDIED_AFTER = compile_pattern(
    rf"{_REMEDIED}\s*(?:加快|有效|全面|逐步|基本|明显|得到|得以|持续|已经|已)?"
    r"(?:补齐|补强|解决|改善|扭转|纠正|化解|堵塞|弥补|填补)"
)


def _remedies(first: str) -> list[tuple[int, int]]:
    """The spans of ``first`` that name a shortfall as remedied, before (:data:`_REMEDY`) or
    after it (:data:`_REMEDIED_AFTER`; its span opens a character early, so that the shortfall
    that opens it lies inside)."""
    return [m.span() for m in _REMEDY.finditer(first)] + [
        (m.start() - 1, m.end()) for m in _REMEDIED_AFTER.finditer(first)
    ]


def _remedied(remedies: list[tuple[int, int]], at: int) -> bool:
    """Whether the shortfall at ``at`` lies inside one of ``remedies``, the spans of what a
    remedy verb names (:data:`_REMEDY`)."""
    return any(start < at < end for start, end in remedies)


# A heading that names one finding, unquoted (关于部分专项资金沉淀的问题).
_ABOUT_ONE = compile_pattern(r"^关于[^，,；;：:“”]{2,60}?的问题$")
# 关于X问题的整改情况, unquoted: one finding's rectification when X states a shortfall
# (关于财政资金统筹使用不够充分问题的整改情况), a group's otherwise (关于巡察反馈问题的整改情况).
_ABOUT_ONES_RECTIFICATION = compile_pattern(
    r"^关于(?P<x>[^，,；;：:“”]{2,60}?)的?问题的?整改(?:(?:落实|进展)?情况|结果)$"
)

# Han characters that go on a compound after 问题 (numerals do not: 问题一).
_NOT_COMPOUND = r"(?!(?![一二三四五六七八九十百千零〇])\p{Han})"
#: The longest first sentence read as a topic's name (问题发现机制, 主要做法) by its last word.
TOPIC_MAX = 14


class _Vocabulary(NamedTuple):
    """The profile's ``findings:`` words, each as one pattern."""

    wrapper: regex.Pattern[str]  # opens a finding: 关于“…”, 针对…, 问题1：
    shortfall: regex.Pattern[str]  # anywhere: 不到位, 不规范…
    opener: regex.Pattern[str]  # opens a measure or an organising heading: 加强…
    group: regex.Pattern[str]  # ends a heading naming a group of findings: …方面
    organising: regex.Pattern[str]  # anywhere: 高度重视…
    topic: regex.Pattern[str]  # a short heading naming a topic: …机制
    measure: regex.Pattern[str]  # opens a measure naming what it mends: 对其中…, 追回…


@lru_cache(maxsize=8)
def _patterns(profile: Profile) -> _Vocabulary:
    f = profile.findings

    def alternation(words: tuple[str, ...]) -> str:
        escaped = [escape(w) for w in words]
        # 未 is a shortfall, 未来 is not.
        return "|".join(e if e != "未" else "未(?!来)" for e in escaped) or "(?!)"

    def wrappers(words: tuple[str, ...]) -> str:
        # A wrapper that is the noun 问题 opens a finding when a number, a mark or nothing
        # follows it (问题1：, 问题一：, 反馈问题：), not as the first word of a compound
        # (问题发现机制, 问题导向): that names a topic.
        return (
            "|".join(escape(w) + (_NOT_COMPOUND if w.endswith("问题") else "") for w in words)
            or "(?!)"
        )

    return _Vocabulary(
        compile_pattern(rf"^(?:{wrappers(f.get('wrappers', ()))})"),
        compile_pattern(alternation(f.get("shortfall", ()))),
        compile_pattern(rf"^(?:{alternation(f.get('action_openers', ()))})"),
        compile_pattern(rf"(?:{alternation(f.get('group_headings', ()))})$"),
        compile_pattern(alternation(f.get("organising", ()))),
        compile_pattern(rf"^.{{1,{TOPIC_MAX}}}(?:{alternation(f.get('topic_heads', ()))})$"),
        compile_pattern(rf"^\s*(?:{alternation(f.get('measure_openers', ()))})"),
    )


def opens_a_measure(heading: str, profile: Profile) -> bool:
    """Whether ``heading`` opens as a measure does even when it names what it mends
    (（2）对其中2个低效项目启动退出程序; the profile's ``findings.measure_openers``)."""
    return _patterns(profile).measure.match(heading) is not None


def ends_in_shortfall(heading: str, profile: Profile) -> bool:
    """Whether the first sentence of ``heading`` ends by stating a shortfall (开展垃圾分类宣传
    不均衡, 建立协调机制滞后), not one a remedy names (着力解决服务能力不足): a finding, though
    it opens with the verb a measure opens with."""
    first, _ = split_first_sentence(heading.strip())
    first = first.strip().rstrip("。；;：:，,")
    ending = _ending_shortfall(profile).search(first) or _NEGATED_AT_END.search(first)
    return ending is not None and not _remedied(_remedies(first), ending.start())


_NEGATED_AT_END = compile_pattern(r"不\p{Han}{1,2}$")


@lru_cache(maxsize=8)
def _ending_shortfall(profile: Profile) -> regex.Pattern[str]:
    return compile_pattern(rf"(?:{_patterns(profile).shortfall.pattern})$")


def heading_evidence(heading: str, profile: Profile) -> Evidence:
    """What the first sentence of ``heading`` (the text after an item's marker) says."""
    return _evidence(heading, profile)


def names_a_group(heading: str, profile: Profile) -> bool:
    """Whether the first sentence of ``heading`` ends as a group of findings is named (…方面,
    在“…”方面, …问题的整改情况), quoted or not."""
    first, _ = split_first_sentence(heading.strip())
    first = first.strip().rstrip("。；;：:，,")
    return not _one_findings_rectification(first, profile) and bool(
        _patterns(profile).group.search(first)
    )


def _one_findings_rectification(first: str, profile: Profile) -> bool:
    """Whether ``first`` is 关于X问题的整改情况 with X a finding (a word of shortfall in it):
    one finding's rectification, not a group's."""
    about = _ABOUT_ONES_RECTIFICATION.match(first)
    if about is None:
        return False
    finding = about.group("x")
    return bool(_patterns(profile).shortfall.search(finding) or _NEGATED_PREDICATE.search(finding))


@lru_cache(maxsize=4096)
def _evidence(heading: str, profile: Profile) -> Evidence:
    first, _ = split_first_sentence(heading.strip())
    first = first.strip().rstrip("。；;：:，,")
    if not first:
        return Evidence.NEUTRAL
    if _DOCUMENT_TITLE.match(first):
        return Evidence.ACTION
    wrapper, shortfall, opener, group, organising, topic, _ = _patterns(profile)
    quoted = bool(_QUOTED.match(first))
    if _one_findings_rectification(first, profile):
        return Evidence.FINDING
    if group.search(first) and not quoted:
        return Evidence.GROUP
    if quoted or wrapper.match(first) or _ABOUT_ONE.match(first):
        return Evidence.FINDING
    hits = [hit.start() for hit in shortfall.finditer(first)]
    remedies = _remedies(first) if hits else []
    if any(not _remedied(remedies, at) for at in hits):
        return Evidence.FINDING
    if hits:
        return Evidence.ACTION  # every shortfall is what a measure remedies: organising work
    if opener.match(first) or organising.search(first) or _SLOGAN.match(first):
        return Evidence.ACTION
    if topic.match(first):
        return Evidence.ACTION  # names a topic (责任落实机制, 主要做法), states nothing found
    if _NEGATED_PREDICATE.search(first):
        return Evidence.FINDING  # 分类管理不精细, 衔接不紧密: the grammar of a shortfall
    return Evidence.NEUTRAL
