"""Text-level repairs of what OCR misreads; :mod:`rectpipe.text.repair` applies them to blocks
recognised by OCR only (a text layer's blocks never see them).

The misreadings are punctuation-shaped: marks that look alike to the engine (丶 for 、, · for
。, 一 for a dash, 【 for 〔) and nested quotation marks read as the outer ones. Each function
takes and returns plain text and never raises.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..runtime.patterns import compile_pattern, escape
from .repair_text import fullwidth_punctuation

if TYPE_CHECKING:
    import regex

__all__ = ["closing_quotes", "nested_quotes", "ocr_punctuation", "straight_quotes"]

_HAN = r"\p{Han}"

_TRANSLATE = str.maketrans(
    {"丶": "、", **{chr(code): chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)}}
)
"""丶 (a stroke) read for 、; full-width digits read for the half-width ones text layers use."""
_TRAILING_DOT = compile_pattern(rf"(?<=[{_HAN}”’）》])[·•．.]$")
_INNER_DOT = compile_pattern(rf"(?<=[{_HAN}”’）》])[·•](?=[{_HAN}“‘（《])")
"""A · between two sentences: OCR's reading of a 。 that ended a line inside a paragraph
or a table cell (``不到位·按照…``, ``后续将择期开庭·四是…``)."""
_EMAIL_STOP = compile_pattern(
    r"(?<=@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|cn|net|org|gov|edu))[oO0](?=$|\p{Han})"
)
"""A paragraph's closing 。 after an e-mail address, read as the letter o or a zero
(``…@163.como``): no address ends in a top-level domain and then an o."""
_ZERO_IN_DOMAIN = compile_pattern(
    r"(?<=@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.)(?:c0m|0rg|g0v)(?=[oO0]?(?![A-Za-z0-9]))"
)
"""The o of a top-level domain after an e-mail address's ``@`` read as a zero (``@126.c0m``):
no address ends in ``c0m``, ``0rg`` or ``g0v``."""
_STRAY_STROKE = compile_pattern(rf"(?<={_HAN})(?:[l|]|I(?![级类型期档等段阶区号批]))(?={_HAN})")
"""A vertical stroke of noise read as ``l``, ``|`` or ``I`` between two characters
(``鹤川I市``); ``I`` before 级, 类, 型, 期… is a Roman numeral and stays."""
_PAGE_NUMBER = compile_pattern(r"^[一—\-－]{1,2}\s*\d{1,4}\s*[一—\-－]{1,2}$")
_DASH_BETWEEN_DIGITS = compile_pattern(r"(?<=\d)一(?=\d)")
_OPENERS = "〔【[［（("
_CLOSERS = "〕】]］）)"
_YEAR_IN_NUMBER = compile_pattern(
    rf"(?<={_HAN})(?P<open>[{escape(_OPENERS)}])(?P<year>(?:19|20)\d\d)"
    rf"(?P<close>[{escape(_CLOSERS)}])(?=\d{{1,4}}号)"
)
_DASH_MARKER = compile_pattern(r"(?m)^(?:(?P<paren>[（(][\-－—–_~～][）)])|[\-－—–_](?=、))")
"""The numeral 一 of a marker opening a line read as a dash: ``(-)`` for （一）, ``-、`` for 一、
(one short stroke, the engine cannot tell them apart; a dash is never a marker's numeral)."""
_KEPT_PAIRS = frozenset({("〔", "〕"), ("（", "）"), ("(", ")")})
_MIXED_PAREN = compile_pattern(r"（(?P<a>[^（）()\n]{1,20})\)|\((?P<b>[^（）()\n]{1,20})）")


def _document_number_year(match: regex.Match[str]) -> str:
    """The year of a document number (``江办发〔2024〕21号``) in the tortoise-shell brackets
    official documents put it in, when OCR read them as other brackets: a mismatched pair
    (``〔2024]``, ``【2024）``) or square ones (``【2024】``, ``[2024]``); a matched pair of
    parentheses is kept as written."""
    if (match.group("open"), match.group("close")) in _KEPT_PAIRS:
        return match.group(0)
    return f"〔{match.group('year')}〕"


def nested_quotes(text: str) -> str:
    """Quotation marks inside a quotation (``“…‘X’…”``) that OCR read as the outer ones
    (``“…“X”…”``) → ``‘’``. Only when the text's double quotes nest properly (never closed
    before opened, all closed at the end) and some open inside another."""
    depth = 0
    deepest = 0
    for char in text:
        if char == "“":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "”":
            depth -= 1
            if depth < 0:
                return text
    if depth or deepest < 2:
        return text
    out: list[str] = []
    for char in text:
        if char == "“":
            depth += 1
            out.append("‘" if depth % 2 == 0 else char)
        elif char == "”":
            out.append("’" if depth % 2 == 0 else char)
            depth -= 1
        else:
            out.append(char)
    return "".join(out)


def straight_quotes(text: str) -> str:
    """Double quotes OCR read as straight ``"`` or as the wrong curly one (``“十四五"``,
    ``落实”三重一大"``) → ``“…”`` in turn, line by line. Only for a line that has a straight
    quote and an even number of double quotes, so that they pair."""
    if '"' not in text:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        marks = sum(line.count(q) for q in '“”"')
        if '"' not in line or marks % 2:
            continue
        out: list[str] = []
        opened = False
        for char in line:
            if char in '“”"':
                out.append("”" if opened else "“")
                opened = not opened
            else:
                out.append(char)
        lines[k] = "".join(out)
    return "\n".join(lines)


_PAIRS = {"“": "”", "‘": "’"}


def closing_quotes(text: str) -> str:
    """A closing quote of the other kind than the one it closes, put right: ``“…部署’方面``
    (OCR read the ” as ’) and ``“…‘管发展…管环保”要求…”`` (the ’ read as ”: a ” closes the
    inner ‘ when enough ” follow to close every “ still open). A quote of its own kind open
    further out, with no more closing marks to come for it, keeps the mark as read; so does a
    closing mark with nothing open."""
    if "’" not in text and "”" not in text:
        return text
    doubles_after = [0] * (len(text) + 1)  # ” at or after each position
    for k in range(len(text) - 1, -1, -1):
        doubles_after[k] = doubles_after[k + 1] + (text[k] == "”")
    out: list[str] = []
    opened: list[str] = []
    for k, char in enumerate(text):
        if char in _PAIRS:
            opened.append(char)
        elif char in ("”", "’") and opened:
            want = _PAIRS[opened[-1]]
            if char != want:
                own = "“" if char == "”" else "‘"
                outer = opened.count("“")
                if own not in opened or (char == "”" and doubles_after[k + 1] >= outer):
                    char = want
            opened.pop()
        out.append(char)
    return "".join(out)


# A signature's date under a seal, as OCR reads it: the seal's ink glued on before or after it
# (12024年10月28日, |2024年…, 并中2024年…, …28日1), a dot in it (2024年10.月28日), the 〇 of a
# year in numerals read as Q, D or 6, or lost (二Q二四年…, 二二四年…).
_DATE_IN_LINE = compile_pattern(
    r"(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日"
    r"|[一二][〇一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
_DOT_IN_DATE = compile_pattern(r"(?<=[0-9])[.·](?=[年月日])|(?<=[0-9][年月])[.·](?=[0-9])")
_YEAR_OCR = compile_pattern(
    r"^二(?:[QqD6]|(?=[一二][〇一二三四五六七八九]年[一二三四五六七八九十]{1,2}月))"
)
_SEAL_MARKS = 2  # at most this many characters of a seal's ink glued to a date
_BRACKETS = compile_pattern(r"[（()）]")


def _date_line(text: str) -> str:
    """A line that is a date with a seal's marks glued on, the date alone (see above)."""
    if len(text) > 20 or "年" not in text or "日" not in text or _BRACKETS.search(text):
        return text  # （2024年10月28日）: a dateline, its brackets its own
    line = _DOT_IN_DATE.sub("", text.strip())
    for lead in range(min(_SEAL_MARKS, len(line)) + 1):
        fixed = _YEAR_OCR.sub("二〇", line[lead:])
        found = _DATE_IN_LINE.match(fixed)
        if found is not None and len(fixed) - found.end() <= _SEAL_MARKS:
            return found.group(0)
    return text


def ocr_punctuation(text: str) -> str:
    """The punctuation OCR misreads, put right: 丶 → 、, a paragraph's closing · (or .) after
    Han → 。, full-width digits → half-width, ASCII ``, ; : ? ! ( )`` next to Han → full-width
    (:func:`~rectpipe.text.repair_text.fullwidth_punctuation`), a parenthesis pair of one
    half-width and one full-width mark → full-width, 一 between digits (``2024一2026``) → —,
    a document number's year in 〔〕 (:func:`_document_number_year`), straight or mismatched
    double quotes paired (:func:`straight_quotes`), quotes inside quotes → ‘’
    (:func:`nested_quotes`), a closing quote of the wrong kind (:func:`closing_quotes`), a ·
    between two sentences → 。, a zero read for the o of an e-mail address's ``com``, ``org``
    or ``gov``, the o or 0 read for a 。 after an e-mail address, a stroke of noise read as
    ``l``, ``|`` or ``I`` between two characters dropped, the 一 of a marker read as a dash
    (``(-)`` → ``（一）``, ``-、`` → ``一、``), a page number ``一1一`` → ``—1—``, and a date
    alone on its line cleared of a seal's marks (:func:`_date_line`)."""
    text = _date_line(text.translate(_TRANSLATE))
    text = _TRAILING_DOT.sub("。", text)
    text = _INNER_DOT.sub("。", text)
    text = _ZERO_IN_DOMAIN.sub(lambda m: m.group(0).replace("0", "o"), text)
    text = _EMAIL_STOP.sub("。", text)
    text = _STRAY_STROKE.sub("", text)
    text = _DASH_MARKER.sub(lambda m: "（一）" if m.group("paren") else "一", text)
    if _PAGE_NUMBER.match(text):
        return text.replace("一", "—")
    text = _DASH_BETWEEN_DIGITS.sub("—", text)
    text = _YEAR_IN_NUMBER.sub(_document_number_year, text)
    text = _MIXED_PAREN.sub(lambda m: f"（{m.group('a') or m.group('b')}）", text)
    return closing_quotes(nested_quotes(straight_quotes(fullwidth_punctuation(text))))
