"""The lines of a sample's text and their roles, for the renderers of tests/renderings.py.

A sample's text has one paragraph a line: the title near the top, the signature and date
last, headings by their markers (一、 （一） 1. （1））.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# The text's lines and their roles
# --------------------------------------------------------------------------------------------

_H1 = re.compile(r"^([一二三四五六七八九十]+)(、)")
_H2 = re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])")
_H3 = re.compile(r"^(\d{1,2})([.．、])(?!\d)")
_H4 = re.compile(r"^([（(])(\d{1,2})([）)])")
# A report's title line: 关于…的通报/报告/公示/函, …整改情况.
_TITLE = re.compile(
    r"^.{0,40}关于.{4,}(?:通报|报告|公示|公告|函|情况)$|^.{4,60}整改.{0,12}(?:情况|公示)$"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass(frozen=True)
class Line:
    text: str
    role: str  # title, head (a line under the title), body, h1..h4, closing, blank


def lines_of(text: str) -> list[Line]:
    """The text's lines with a role each: the title (the first line that reads as a report's
    title among the first eight, else the first line), head lines (the lines above it, and
    short lines right after it without full stop or marker), closing lines (short trailing
    lines: the signature and date), headings by their markers, the rest body lines."""
    raw = [line.strip(" \t\u3000\ufeff") for line in text.replace("\r\n", "\n").split("\n")]
    filled = [i for i, line in enumerate(raw) if line]
    if not filled:
        return []
    last = filled[-1]
    first = next(
        (
            i
            for i in filled[:8]
            if _TITLE.search(raw[i]) and "。" not in raw[i] and not _marker(raw[i])
        ),
        filled[0],
    )
    closing_from = last + 1
    for i in reversed(filled[1:]):
        line = raw[i]
        if len(line) > 40 or "。" in line or _marker(line) or line.endswith("："):
            break
        closing_from = i
        if last - i >= 3:
            break
    out: list[Line] = []
    in_head = True
    for i, line in enumerate(raw):
        if not line:
            out.append(Line("", "blank"))
            continue
        if i < first:
            out.append(Line(line, "head"))
            continue
        if i == first:
            out.append(Line(line, "title"))
            continue
        if i >= closing_from:
            out.append(Line(line, "closing"))
            continue
        if in_head and len(line) <= 40 and "。" not in line and not _marker(line):
            out.append(Line(line, "head"))
            continue
        in_head = False
        out.append(Line(line, _marker(line) or "body"))
    return out


def _marker(line: str) -> str | None:
    for role, pattern in (("h1", _H1), ("h2", _H2), ("h4", _H4), ("h3", _H3)):
        if pattern.match(line):
            return role
    return None


def page_date(lines: list[Line]) -> str | None:
    """The signature date as a portal shows it (2024-09-27), when written in digits."""
    for line in reversed(lines):
        if line.role == "closing":
            match = _DATE.search(line.text)
            if match:
                year, month, day = match.groups()
                return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def lead(text: str) -> tuple[str, str]:
    """A line cut after its first sentence (the part a heading style sets bold)."""
    if len(text) <= 40:
        return text, ""
    cut = text.find("。")
    if 0 <= cut < len(text) - 1:
        return text[: cut + 1], text[cut + 1 :]
    return text, ""


def _pieces(text: str, sizes: tuple[int, ...] = (5, 9, 3, 12, 7)) -> list[str]:
    """``text`` cut into runs of varying length, as an editor's formatting history leaves it."""
    out: list[str] = []
    i = k = 0
    while i < len(text):
        size = sizes[k % len(sizes)]
        out.append(text[i : i + size])
        i += size
        k += 1
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


_DIGITS = re.compile(r"([0-9A-Za-z.%@_\-]+)")


_NO_LINE_START = set("，。、；：？！）」』”’》〕】%％")


def printed_lines(line: str, width: float = 30) -> list[str]:
    """``line`` cut into printed lines of ``width`` em, as a PDF sets it (full-width characters
    one em, half-width half an em; a closing mark never opens a line): tests/test_rewrap.py's
    cut, for one paragraph."""
    out: list[str] = []
    current, used = "", 0.0
    for char in line:
        size = 1.0 if ord(char) >= 0x2000 else 0.5
        if used + size > width and current:
            if char in _NO_LINE_START:
                out.append(current + char)
                current, used = "", 0.0
                continue
            out.append(current)
            current, used = "", 0.0
        current += char
        used += size
    if current:
        out.append(current)
    return out


def split_marker(text: str) -> tuple[str, str] | None:
    """``(marker, rest)`` of a line that opens with 一、 （一） 1. or （1）, else ``None``."""
    for pattern in (_H1, _H2, _H4, _H3):
        match = pattern.match(text)
        if match and text[match.end() :].strip():
            return text[: match.end()], text[match.end() :].lstrip(" \u3000")
    return None


_CN = "零一二三四五六七八九"


def _cn_number(marker: str) -> int | None:
    """The number of a marker: 一、 → 1, 十二、 → 12, 3. → 3."""
    digits = "".join(c for c in marker if c.isdigit())
    if digits:
        return int(digits)
    han = "".join(c for c in marker if c in _CN or c == "十")
    if not han:
        return None
    if han == "十":
        return 10
    if "十" in han:
        tens, _, ones = han.partition("十")
        return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)
    return _CN.index(han) if len(han) == 1 else None
