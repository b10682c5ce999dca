"""Finding wrappers: 关于“X”问题的整改, （1）关于“X”, 在“X”方面, 问题1：X, 反馈问题一：X.

Reports often wrap the finding they answer in a formula. The finding is X; the formula stays
visible as the problem's raw ``heading``.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..runtime.patterns import compile_pattern
from ..runtime.record import record

__all__ = ["Unwrapped", "unwrap"]

_OPENERS = '“"「『'
_CLOSERS = {"“": "”", '"': '"', "「": "」", "『": "』"}
# (after the field the finding falls in: 在就业服务方面，针对“X”的问题，…)
_QUOTED = compile_pattern(
    r"^(?:在[^，,。；;“”]{2,20}方面[，,]\s*(?=关于|针对))?(?:关于|针对|对于|对|在)?\s*(?P<q>[“\"「『])"
)
_AFTER_QUOTE = compile_pattern(
    r"^(?:(?:的)?(?:问题|方面)?(?:的)?(?:整改|整改落实|整改进展)?(?:情况)?)\s*[。；;，,：:]?\s*"
)
# A status in brackets right after the formula (关于“X”的问题（已完成）, 【正在整改】), ending
# the line or the sentence.
_STATUS_AFTER = compile_pattern(
    r"[（(【\[［][^（）()【】\[\]［］\n]{2,12}[）)】\]］]\s*(?:[。；;，,：:]|$)"
)
_LABEL_WORDS = (
    r"(?:(?:反馈|巡察|巡视|审计|督察)?(?:发现|指出|反馈)?的?问题\s*[0-9一二三四五六七八九十百千]*"
    r"|问题描述|问题表现|存在问题|具体问题|整改任务)"
)
# The label as a heading writes it: 存在问题：…, or in brackets with or without a colon:
# 【问题】…, [问题描述]…
_LABELLED = compile_pattern(
    rf"^(?:{_LABEL_WORDS}\s*[：:∶]|[【\[［]\s*{_LABEL_WORDS}\s*[】\]］]\s*[：:∶]?)\s*"
)


@record
class Unwrapped:
    """Offsets into the statement: the finding is ``[inner_start, inner_end)``; the
    formula ends at ``wrapper_end`` (text after it is more of the statement)."""

    inner_start: int
    inner_end: int
    wrapper_end: int


def unwrap(statement: str) -> Unwrapped | None:
    """The finding inside ``statement``'s wrapper, or ``None`` when it has none."""
    lead = len(statement) - len(statement.lstrip())
    text = statement[lead:]
    quoted = _QUOTED.match(text)
    if quoted:
        opener = quoted.group("q")
        close = _closing(text, quoted.end(), opener)
        if close is None:
            # A quote that never closes (a copy cut off inside it): the finding runs to the end.
            if not text[quoted.end() :].strip():
                return None
            return Unwrapped(lead + quoted.end(), len(statement), len(statement))
        after = _AFTER_QUOTE.match(text[close + 1 :])
        end = close + 1 + (after.end() if after else 0)
        if not text[quoted.end() : close].strip():
            return None
        # A wrapper encloses the finding: after the quote comes only the formula's end
        # (问题的整改, 方面) and a mark, or nothing. “十四五”园区发展规划… quotes a term.
        ended = (
            end >= len(text)
            or text[end - 1] in "。；;，,：:"
            or text[end] in "。；;，,：:"
            or _STATUS_AFTER.match(text, end) is not None
        )
        if not ended:
            return None
        return Unwrapped(lead + quoted.end(), lead + close, lead + end)
    labelled = _LABELLED.match(text)
    if labelled and text[labelled.end() :].strip():
        return Unwrapped(lead + labelled.end(), len(statement), len(statement))
    return None


def finding_label(text: str) -> bool:
    """Whether ``text`` opens with a label that introduces the finding (存在问题：…,
    问题描述：…, 反馈问题一：…) and goes on after it."""
    labelled = _LABELLED.match(text.lstrip())
    return labelled is not None and bool(text.lstrip()[labelled.end() :].strip())


def _closing(text: str, start: int, opener: str) -> int | None:
    """Where the quote opened before ``start`` closes, nested quotes (“两张皮”) skipped."""
    closer = _CLOSERS[opener]
    if opener == closer:
        end = text.rfind(closer, start)
        return end if end != -1 else None
    depth = 1
    for index in range(start, len(text)):
        char = text[index]
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index
    return None
