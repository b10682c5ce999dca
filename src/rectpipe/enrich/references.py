"""Documents in 《…》 with their role, document numbers (湘编发〔2023〕4号), named meetings.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from ..models.records import DocumentNumber, DocumentRef, MeetingRef, References
from ..runtime.patterns import compile_pattern
from ._jieba import Token

__all__ = ["find_documents", "find_meetings", "find_numbers", "find_references"]

_TITLE = compile_pattern(r"《(?P<title>[^《》\n]{1,120})》")
_NUMBER_CORE = compile_pattern(
    r"[〔\[［(（]\s*(?P<y>(?:19|20|21)[0-9]{2})\s*[〕\]］)）]\s*第?(?P<n>[0-9]{1,5})\s*号"
)
_CODE_RUN = compile_pattern(r"[\p{Han}]{1,10}$")
# Words that end the text before a document number's code: 根据湘编发〔2023〕4号 → 湘编发.
_CODE_LEAD = tuple(
    "根据 按照 依据 依照 印发 下发 出台 文件 通过 以 的 即 "  # noqa: SIM905
    "见 和 及 与 经 发布 转发 号 为".split()
)
_CLAUSE_END = "。；;！？!?，,：:\n"
_LIST_JOINERS = "、和及与"
_NAME_TAGS = frozenset({"n", "nt", "nz", "ns", "nr", "j", "vn", "l", "b", "ng", "an"})
_NAME_VERBS = frozenset({"整改", "巡视", "巡察", "督查", "推进", "调度", "部署", "警示", "务虚"})
_NAME_STOP = frozenset({"召开", "组织", "经", "待", "就", "通过", "在", "的", "各", "相关", "有关"})
_TIMES = compile_pattern(r"\s*(?P<n>[0-9]{1,4})\s*次")


def find_numbers(text: str, *, base: int = 0) -> list[DocumentNumber]:
    """Document numbers: a code of Han characters, a year in 〔〕 (or [] ()), a serial, 号.

    The code is the run of Han characters before the year, cut after a lead word
    (根据/按照/印发…); a number without any code is skipped.
    """
    found: list[DocumentNumber] = []
    for match in _NUMBER_CORE.finditer(text):
        run = _CODE_RUN.search(text[max(0, match.start() - 10) : match.start()])
        if run is None:
            continue
        code = run.group(0)
        cut = max((code.rfind(w) + len(w) for w in _CODE_LEAD if w in code), default=0)
        code = code[cut:]
        if not code:
            continue
        start = match.start() - len(code)
        found.append(
            DocumentNumber(
                text=text[start : match.end()],
                start=start + base,
                end=match.end() + base,
                code=code,
                year=int(match.group("y")),
                serial=int(match.group("n")),
            )
        )
    return found


def _without_titles(text: str) -> str:
    return _TITLE.sub("", text)


def _nearest_verb(text: str, roles: Mapping[str, Sequence[str]], last: bool) -> str | None:
    """The role of the verb nearest the end (``last``) or the start of ``text``."""
    best: tuple[int, int, str] | None = None
    for role, verbs in roles.items():
        for verb in verbs:
            index = text.rfind(verb) if last else text.find(verb)
            if index < 0:
                continue
            key = (index + len(verb), len(verb)) if last else (-index, len(verb))
            if best is None or key > best[:2]:
                best = (*key, role)
    return best[2] if best else None


def _role(text: str, start: int, end: int, roles: Mapping[str, Sequence[str]]) -> str:
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_END:
        left -= 1
    role = _nearest_verb(_without_titles(text[left:start]), roles, last=True)
    if role is None:
        right = end
        while right < len(text) and text[right] not in _CLAUSE_END:
            right += 1
        role = _nearest_verb(_without_titles(text[end:right]), roles, last=False)
    return role or "cited"


def find_documents(
    text: str,
    roles: Mapping[str, Sequence[str]],
    numbers: Sequence[DocumentNumber] = (),
    *,
    base: int = 0,
) -> list[DocumentRef]:
    """Every 《title》 with its role; ``numbers`` (offsets already shifted by ``base``) lend the
    number written in brackets right after a title."""
    found: list[DocumentRef] = []
    for match in _TITLE.finditer(text):
        title = match.group("title").strip()
        if not title:
            continue
        number = None
        for candidate in numbers:
            gap = text[match.end() : candidate.start - base]
            if candidate.start - base >= match.end() and regex.fullmatch(r"\s*[（(]?\s*", gap):
                number = candidate.text
                break
        found.append(
            DocumentRef(
                text=match.group(0),
                start=match.start() + base,
                end=match.end() + base,
                title=title,
                role=_role(text, match.start(), match.end(), roles),  # type: ignore[arg-type]
                number=number,
            )
        )
    return found


def _meeting_start(tokens: Sequence[Token], head: int) -> int:
    """Index of the first token of the meeting name that ends with ``tokens[head]``."""
    first = head
    i = head - 1
    while i >= 0 and tokens[head].end - tokens[i].start <= 16:
        token = tokens[i]
        if token.text in ("）", ")"):
            j = i - 1
            while j >= 0 and tokens[j].text not in ("（", "(") and i - j <= 6:
                j -= 1
            if j < 0 or tokens[j].text not in ("（", "(") or j == i - 1:
                break
            first = i = j
            i -= 1
            continue
        if token.text in _NAME_STOP or not regex.fullmatch(r"\p{Han}+", token.text):
            break
        if token.tag not in _NAME_TAGS and token.text not in _NAME_VERBS:
            break
        first = i
        i -= 1
    while first < head and tokens[first].text in ("（", "("):
        first += 1
    return first


def find_meetings(
    text: str, tokens: Sequence[Token], suffixes: tuple[str, ...], *, base: int = 0
) -> list[MeetingRef]:
    """Named meetings: a token ending in one of ``suffixes`` (会议, 办公会, 专题会…) with the
    noun-like tokens before it (区党工委（党政联席）会议). A bare 会议 is not a name."""
    found: list[MeetingRef] = []
    for index, token in enumerate(tokens):
        if not token.text.endswith(suffixes):
            continue
        first = _meeting_start(tokens, index)
        start, end = tokens[first].start, token.end
        name = text[start:end]
        if name in ("会议", "会"):
            continue
        times = None
        in_list = (start > 0 and text[start - 1] in _LIST_JOINERS) or (
            end < len(text) and text[end] in _LIST_JOINERS
        )
        count = _TIMES.match(text, end)
        if count is not None and not in_list:
            times = int(count.group("n"))
        found.append(
            MeetingRef(text=name, start=start + base, end=end + base, name=name, times=times)
        )
    return found


def find_references(
    text: str,
    roles: Mapping[str, Sequence[str]],
    tokens: Sequence[Token] | None = None,
    meeting_suffixes: tuple[str, ...] = (),
    *,
    base: int = 0,
) -> References:
    """Documents, numbers and (when ``tokens`` of ``text`` are given) meetings in ``text``."""
    numbers = find_numbers(text, base=base)
    return References(
        documents=find_documents(text, roles, numbers, base=base),
        numbers=numbers,
        meetings=find_meetings(text, tokens, meeting_suffixes, base=base) if tokens else [],
    )
