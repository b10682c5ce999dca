"""Money (7.132万元 → 71320 yuan), counts (19次, 9名, 3件6人) and percentages (76%).

Counts are read from Arabic digits only: Chinese numerals before a classifier are mostly
idioms (一次性, 两个维护, 三重一大), not counts. Money also reads Chinese numerals (三亿元).
Ordinals (第6届), dates and document numbers are not quantities.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import regex

from ..models.records import Quantity, copied
from ..runtime.patterns import compile_pattern
from ..text.numbering import cn_to_int

__all__ = ["find_quantities"]

_NUMBER = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9]+)?"
_CN_NUMBER = r"[零〇一二两三四五六七八九十百千]+"
_MULTIPLIERS = {"": 1.0, "百": 100.0, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6,
                "千万": 1e7, "亿": 1e8, "万亿": 1e12}  # fmt: skip
_MONEY = compile_pattern(
    rf"(?<![0-9０-９.．第])(?:(?P<n>{_NUMBER})|(?P<cn>{_CN_NUMBER}))\s*(?P<a1>余|多)?"
    rf"(?P<mult>万亿|千万|百万|十万|亿|万|千|百)?(?P<a2>余|多)?元(?!旦|素|宵|月)"
)
_PERCENT = compile_pattern(rf"(?<![0-9０-９.．])(?P<n>{_NUMBER})\s*(?P<unit>[%％])")
_CLASSIFIERS = (
    "人次|批次|个|次|名|人|家|件|项|条|户|所|场|批|起|宗|笔|份|处|座|套|台|篇|部|位|支|期|轮|栋|间"
    "|块"
)
_COUNT = compile_pattern(
    rf"(?<![0-9０-９.．第/\-年月日])(?P<n>[0-9０-９]+)(?P<a>余|多)?"
    rf"(?P<unit>{_CLASSIFIERS})(?!月|百分点|工作日|小时|年|性)"
)
_FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def _number(text: str) -> float | None:
    try:
        return float(text.translate(_FW).replace(",", ""))
    except ValueError:
        return None


def _money(match: regex.Match[str]) -> Quantity | None:
    if match.string.startswith("化", match.end()) and not match.group("n"):
        return None  # 一元化, 二元化: an idiom; 0.7亿元化债 is money
    if match.group("n"):
        value = _number(match.group("n"))
    else:
        whole = cn_to_int(match.group("cn"))
        value = None if whole is None else float(whole)
    if value is None:
        return None
    mult = match.group("mult") or ""
    return Quantity(
        text=match.group(0),
        start=match.start(),
        end=match.end(),
        kind="money",
        value=value,
        unit=mult + "元",
        yuan=round(value * _MULTIPLIERS[mult], 2),
        approximate=bool(match.group("a1") or match.group("a2")),
    )


def find_quantities(text: str, *, base: int = 0) -> list[Quantity]:
    """Every money amount, count and percentage in ``text``, in order, offsets shifted by
    ``base``. ``3件6人`` gives two counts. Never raises; unreadable numbers are skipped."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(match: regex.Match[str]) -> bool:
        return not any(match.start() < e and s < match.end() for s, e in taken)

    for match in _MONEY.finditer(text):
        quantity = _money(match)
        if quantity is not None:
            found.append(quantity)
            taken.append((match.start(), match.end()))
    for match in _PERCENT.finditer(text):
        value = _number(match.group("n"))
        if value is not None and free(match):
            found.append(
                Quantity(
                    text=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    kind="percent",
                    value=value,
                    unit="%",
                )
            )
            taken.append((match.start(), match.end()))
    for match in _COUNT.finditer(text):
        value = _number(match.group("n"))
        if value is not None and free(match):
            found.append(
                Quantity(
                    text=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    kind="count",
                    value=value,
                    unit=match.group("unit"),
                    approximate=bool(match.group("a")),
                )
            )
    found.sort(key=lambda q: q.start)
    if base:
        found = [copied(q, start=q.start + base, end=q.end + base) for q in found]
    return found
