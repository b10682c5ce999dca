"""Totals a report states about itself: 反馈N个问题，已完成整改N个、正在整改N个，完成率N%."""

from __future__ import annotations

import regex

from ..models.report import StatedTotals
from ..text.numbering import cn_to_int
from ..text.textmap import TextMap

_N = r"(?P<n>[0-9]{1,4}|[一二三四五六七八九十百两]{1,5})"
_PROBLEMS = regex.compile(
    rf"(?:反馈|指出|交办|移交|发现|梳理|共有|共|涉及|合计)[^。；，,]{{0,16}}?{_N}\s*(?:个|项|条)(?:具体)?问题"
)
_PROBLEMS_AFTER = regex.compile(
    rf"(?:反馈|指出|交办|涉及)[^。；，,]{{0,20}}?问题(?:共)?\s*{_N}\s*(?:个|项|条)"
)
_COMPLETED = regex.compile(
    rf"(?:已完成整改|已经完成整改|已整改到位|已完成|整改到位|已办结|完成整改){_N}\s*(?:个|项|条)"
)
_COMPLETED_AFTER = regex.compile(
    rf"{_N}\s*(?:个|项|条)(?:问题)?(?:已完成整改|已整改到位|已完成|完成整改)"
)
_IN_PROGRESS = regex.compile(rf"(?:正在整改|正在推进|正在办理|整改中|推进中){_N}\s*(?:个|项|条)")
_PARTIAL = regex.compile(rf"(?:基本完成|阶段性完成|部分整改|部分完成){_N}\s*(?:个|项|条)")
_RATE = regex.compile(r"(?:整改)?完成率(?:为|达|达到)?\s*(?P<r>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]")


_SENTENCE = regex.compile(r"[^。；]+[。；]?")
_COUNTERS = ("个", "项", "条")  # every count pattern above needs one of them


def _value(match: regex.Match[str] | None) -> int | None:
    return None if match is None else cn_to_int(match.group("n"))


def stated_totals(textmap: TextMap, blocks: list[int]) -> StatedTotals | None:
    """The first sentence among ``blocks`` that states a problem total (or a completed count)."""
    for index in blocks:
        line = textmap.block_text(index)
        if not any(counter in line for counter in _COUNTERS):
            continue
        base = textmap.starts[index]
        for sentence in _SENTENCE.finditer(line):
            text = sentence.group(0)
            problems = _value(_PROBLEMS.search(text) or _PROBLEMS_AFTER.search(text))
            completed = _value(_COMPLETED.search(text) or _COMPLETED_AFTER.search(text))
            if problems is None and completed is None:
                continue
            rate = _RATE.search(text)
            start = base + sentence.start()
            return StatedTotals(
                problems=problems,
                completed=completed,
                partially_completed=_value(_PARTIAL.search(text)),
                in_progress=_value(_IN_PROGRESS.search(text)),
                completion_rate=float(rate.group("r")) if rate else None,
                raw=text.strip(),
                provenance=textmap.provenance(start, start + len(text)),
            )
    return None
