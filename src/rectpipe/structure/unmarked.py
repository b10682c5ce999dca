"""Items that carry no number: problems told by their wording or their typography.

Many reports number their parts and categories but not the problems under them. A problem is
then told by what opens its paragraph — a bullet (``★ ■ ● ◆``), a finding tag or label
(``【问题】…``, ``问题：…``), a wrapper naming the finding (``关于“X”的问题。…``,
``针对“X”的问题，…``) — or by its typography alone: a heading style, or a short paragraph set
wholly in bold (the reader says so). :func:`unmarked_leads` finds the paragraphs that open
such items: a form counts only when it is used for two items or more in the document, after
the first numbered heading (the introduction lists no problem) and before the closing lines.

The tree (:mod:`rectpipe.structure.tree`) hangs each such item half a step below the part or
category open above it; its number is ``None``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..text.normalize import STATUS_OPENING
from ..text.numbering import Marker, MarkerKind, match_marker
from ..text.textmap import TextMap, display_text
from ..text.wrappers import finding_label, unwrap

__all__ = [
    "ASPECT",
    "BULLETS",
    "UnmarkedLead",
    "holds_unmarked",
    "names_findings_told",
    "names_problems_found",
    "unmarked_leads",
    "unmarked_marker",
]

# Bullets a report sets before a problem (○ and · are left out: ○ writes a zero in dates).
BULLETS = "★☆■□●◆◇▲△▶►•◎"
"""The bullets that open an unmarked item (★…, ●…)."""
# 关于“X”的问题。… / 针对“X”问题，…: a paragraph that names the finding it answers, also after
# the field it falls in (在就业服务方面，针对“X”的问题，…).
# (a quote inside the quote, written with the same marks: 关于““三重一大”决策…”的问题)
_WRAPPER = compile_pattern(
    r"^(?:在[^，,。；;“”]{2,20}方面[，,]\s*)?(?:关于|针对)\s*[“\"「『](?:[^“”\"「」『』]|[“「『][^“”「」『』]{1,40}[”」』]){2,200}"
    r"[”\"」』]\s*(?:的)?问题(?:的整改(?:情况)?)?\s*"
    # (its status in brackets after it: 关于“X”的问题（已完成）, 【正在整改】)
    r"(?:[（(【\[［][^（）()【】\[\]［］\n]{2,12}[）)】\]］]\s*)?"
    r"(?:[。，,；;：:]|$)"  # (or alone on its line)
)
# A label's value that opens a list of findings (存在问题：一是…；二是…) is read elsewhere.
_LIST_AFTER_LABEL = compile_pattern(
    r"^[^：:∶】\]］]{0,12}[：:∶】\]］]\s*(?:[一二三四五六七八九十]是|[0-9]{1,2}[.、．]|[（(][0-9一二三四五六七八九十]{1,2}[）)])"
)
# A heading told by its typography is short and one sentence at most.
_HEADING_MAX = 60
_SENTENCE_INSIDE = compile_pattern(r"[。；;！？!?][^。；;！？!?]")
# A part or category heading that names a group (在…方面, …情况) may hold unmarked problems;
# one that wraps a finding of its own (关于“X”问题的整改) is a problem, and its body is its own.
ASPECT = r"方面(?:(?:存在)?的?(?:主要|突出|具体)?问题)?"
"""How a heading naming a group of findings by their field ends: …方面, 关于…方面的问题,
…方面存在的问题."""
# a short heading naming the findings told (巡察指出的问题, 存在的主要问题), not one of them
# (…资产未及时移交的问题)
_FOUND = (
    r"^\p{Han}{0,8}(?:指出|反馈|发现|存在|查摆|检视|查找|提出|查出)的?(?:主要|突出|具体)?问题"
    r"\s*[。：:；;]?\s*$"
)
_GROUP_HEADING = compile_pattern(rf"{ASPECT}\s*[。：:；;]?\s*$|{_FOUND}")
_FOUND_HEADING = compile_pattern(_FOUND)


def names_findings_told(title: str) -> bool:
    """Whether a heading names a group of findings (…方面的问题, 巡察指出的问题, 审计发现的主要
    问题, 党的建设方面存在的问题), not one of them."""
    return _GROUP_HEADING.search(title) is not None


def names_problems_found(title: str) -> bool:
    """Whether a heading says its items are the problems found (一、存在问题, 检查发现的问题),
    by the word 问题 itself, not by an aspect (党的建设方面)."""
    return _FOUND_HEADING.search(title) is not None


# A heading that names one finding: 关于X的问题, X问题的整改情况.
_ONE_FINDING = compile_pattern(
    r"^关于.{2,}问题|的问题\s*[。：:；;]?\s*$|问题的整改(?:落实)?(?:情况)?\s*[。：:；;]?\s*$"
)
_MIN_USES = 2


class UnmarkedLead:
    """Where an unmarked item's statement starts in its paragraph, and the form that opens it
    (``"bullet●"``, ``"label"``, ``"wrapper"``, ``"heading"``, ``"bare"``)."""

    __slots__ = ("form", "offset")

    def __init__(self, form: str, offset: int) -> None:
        self.form = form
        self.offset = offset


def _lead(text: str, *, styled: bool) -> UnmarkedLead | None:
    stripped = text.lstrip(" \t\u3000")
    skipped = len(text) - len(stripped)
    if not stripped:
        return None
    first = stripped[0]
    if first in BULLETS:
        rest = stripped[1:].lstrip(" \t\u3000")
        if len(rest) < 2 or rest[0] in BULLETS:
            return None
        return UnmarkedLead(f"bullet{first}", len(text) - len(rest))
    if finding_label(stripped):
        if _LIST_AFTER_LABEL.match(stripped):
            return None
        return UnmarkedLead("label", skipped)
    if _WRAPPER.match(stripped) and unwrap(stripped) is not None:
        return UnmarkedLead("wrapper", skipped)
    if styled and _looks_like_heading(stripped):
        return UnmarkedLead("heading", skipped)
    return None


# A field's label opening a line (整改情况：…, 责任单位：…).
_FIELD_LINE = compile_pattern(r"^[^，,。；;：:\s]{2,8}\s*[：:]")


def _looks_like_heading(text: str) -> bool:
    """Short, and one sentence, or two: a finding set in bold with its detail after it
    (教学督导制度执行不严。部分督导听课记录填写不完整。)."""
    body = text.rstrip()
    return (
        len(body) <= _HEADING_MAX
        and len(_SENTENCE_INSIDE.findall(body)) <= 1
        and not body.endswith(("：", ":"))
        and not _FIELD_LINE.match(body)  # 整改情况：…。该问题已整改到位。: an account
    )


def unmarked_leads(textmap: TextMap, markers: Sequence[Marker | None]) -> dict[int, UnmarkedLead]:
    """The blocks before the closing lines that open an unmarked item, keyed by block index:
    only forms used two times or more, after the first numbered heading. ``markers`` holds
    each block's marker (:func:`~rectpipe.text.numbering.match_marker`; ``None`` for a
    table), up to where the closing lines begin."""
    found: dict[int, UnmarkedLead] = {}
    # finding labels and bullets with no part or category above them: before the first
    # numbered heading, or after one only when it is an item (1．) under such a record;
    # ``None`` where a part, a category or a label closes them
    early: list[tuple[int, UnmarkedLead] | None] = []
    listed: set[str] = set()  # the numbered items' headings met so far
    restarts: dict[int, UnmarkedLead] = {}  # styled headings each over a list begun again
    end = len(markers)
    for index, block in enumerate(textmap.blocks[:end]):
        if block.kind is BlockKind.TABLE:
            continue
        text = display_text(block)
        marker = markers[index]
        if marker is None and _opens_list_again(textmap, index, markers):
            restarts[index] = UnmarkedLead("restart", len(text) - len(text.lstrip(" \t\u3000")))
        if marker is not None:
            if not early or marker.kind <= MarkerKind.LABEL:
                early.append(None)  # a part, category or label: no record may follow
            listed.add(_bare(text[marker.end :]))
            continue
        if not early or early[-1] is not None:
            lead = _lead(text, styled=False)
            if lead is not None and (lead.form == "label" or lead.form.startswith("bullet")):
                early.append((index, lead))
        if not listed:
            continue
        styled = block.kind is BlockKind.HEADING or block.emphasis
        lead = _lead(text, styled=styled)
        if lead is None and _bare_heading(textmap, index, markers):
            lead = UnmarkedLead("bare", len(text) - len(text.lstrip(" \t\u3000")))
        if lead is not None and not _restates(text[lead.offset :], listed):
            found[index] = lead
    uses = Counter(lead.form for lead in found.values())
    found = {
        index: lead
        for index, lead in found.items()
        if uses[lead.form] >= _MIN_USES
        # a part's one finding under its label (问题描述：…), answered by its account
        # (整改情况：…) on the next lines: an item of its own though no other is alike
        or (lead.form == "label" and _answered(textmap, index, markers))
    }
    records: dict[int, UnmarkedLead] = {}
    for form in dict.fromkeys(item[1].form for item in early if item is not None):
        records.update(
            _records(textmap, [i for i in early if i is not None and i[1].form == form], markers)
        )
    if len(restarts) < _MIN_USES:
        restarts = {}
    return {**found, **records, **restarts}


def _opens_list_again(textmap: TextMap, index: int, markers: Sequence[Marker | None]) -> bool:
    """Whether the block at ``index`` is a styled heading (bold, or a heading's element) right
    over the first item of a list (① / 1. / （一）): a unit's or a group's name in a notice
    that lists several (<strong>县民政局党组</strong> / ①… / ②… / <strong>县档案馆党支部</strong>
    / ①…). Taken only when two or more do (:data:`_MIN_USES`)."""
    block = textmap.blocks[index]
    if not (block.kind is BlockKind.HEADING or block.emphasis) or index + 1 >= len(markers):
        return False
    following = markers[index + 1]
    if following is None or following.ordinal != 1 or following.kind is MarkerKind.LABEL:
        return False
    text = display_text(block).strip()
    return bool(text) and _looks_like_heading(text) and match_marker(text) is None


def _records(
    textmap: TextMap, leads: list[tuple[int, UnmarkedLead]], markers: Sequence[Marker | None]
) -> dict[int, UnmarkedLead]:
    """Findings laid out as records at the top of the text, no heading above them, each
    opened alike: by a finding's label (反馈问题：… 整改措施：… 整改进展：… then 反馈问题：…
    again) or by one bullet (★…). The leads of their finding lines, form ``"record"``, when
    there are two or more and each is answered by an account's label (整改措施：,
    整改情况：…) before the next one, or each states its own status after a colon or a dash
    (●…不规范——已完成). A finding label or a bullet alone, or one not answered, is a paragraph
    of the text."""
    if len(leads) < _MIN_USES:
        return {}
    if all(_SELF_ANSWERED.search(textmap.block_text(index)) for index, _ in leads):
        # ●会议记录不规范——已完成 / ●…：正在整改: each bullet states its own status
        return {index: UnmarkedLead("record", lead.offset) for index, lead in leads}
    starts = [index for index, _ in leads]
    for index, stop in zip(starts, [*starts[1:], len(markers)], strict=True):
        if not any(
            textmap.blocks[after].kind is not BlockKind.TABLE
            and _RECORD_ACCOUNT.match(textmap.block_text(after))
            for after in range(index + 1, stop)
        ):
            return {}
    return {index: UnmarkedLead("record", lead.offset) for index, lead in leads}


# A finding's line that ends with its status after a colon or a dash (…不规范——已完成).
_SELF_ANSWERED = compile_pattern(
    rf"(?:[：:∶]|——|—|--)\s*{STATUS_OPENING}[^。；;，,：:∶]{{0,10}}[。；;]?\s*$"
)
# The label that opens a problem's account of its rectification (整改情况：…).
_ACCOUNT = compile_pattern(
    r"^[\s\u3000]*[【\[]?整改(?:情况|措施|落实情况|进展(?:情况)?|结果|成效)[】\]]?\s*[：:∶]?"
)
# The labels that answer a labelled record's finding: its measures, its progress, its result.
_RECORD_ACCOUNT = compile_pattern(
    r"^[\s\u3000]*[【\[［]?(?:整改(?:完成|落实|推进)?(?:情况|措施|举措|进展(?:情况)?|结果|成效|时限|状态|进度)"
    r"|(?:主要|具体|工作)措施|完成情况|进展情况|责任(?:单位|部门|领导|人))[】\]］]?\s*[：:∶]"
)


def _answered(textmap: TextMap, index: int, markers: Sequence[Marker | None]) -> bool:
    """Whether one of the two blocks after ``index`` opens with an account's label
    (整改情况：, 整改措施：…), no numbered item coming first."""
    for after in range(index + 1, min(index + 3, len(markers))):
        if markers[after] is not None or textmap.blocks[after].kind is BlockKind.TABLE:
            return False
        if _RECORD_ACCOUNT.match(textmap.block_text(after)):
            return True
    return False


_BARE_MAX = 40
# A clause of a list (一是…, 二是…), never a heading of its own.
_CLAUSE_MARKER = compile_pattern(r"^[一二三四五六七八九十]{1,2}是")
_BARE_MARKS = compile_pattern(r"[。，,；;：:！!？?“”\"（）()]")


def _bare_heading(textmap: TextMap, index: int, markers: Sequence[Marker | None]) -> bool:
    """A heading whose typography was lost (a text copy, a PDF's text layer): a short line
    without a mark of punctuation, followed by the account of its rectification (整改情况：…),
    directly or after one sentence that states the finding; or one whose only marks are
    commas, the account right under it (``markers``: as
    :func:`unmarked_leads` has them)."""
    end = len(markers)
    text = textmap.block_text(index).strip()
    if not text or len(text) > _BARE_MAX or text[-1].isdigit():
        return False
    if _BARE_MARKS.search(text):
        # a finding of two clauses (服务实体经济质效不高，小微企业贷款增速偏低), no full stop,
        # its account right under it: a heading too (not a 一是 clause of a list)
        return (
            _BARE_MARKS.search(text.replace("，", "").replace(",", "")) is None
            and _CLAUSE_MARKER.match(text) is None
            and index + 1 < end
            and textmap.blocks[index + 1].kind is not BlockKind.TABLE
            and _ACCOUNT.match(textmap.block_text(index + 1)) is not None
        )
    for step, after in enumerate(range(index + 1, min(index + 3, end))):
        if textmap.blocks[after].kind is BlockKind.TABLE:
            return False
        following = textmap.block_text(after)
        if _ACCOUNT.match(following):
            return True
        if step == 0 and (markers[after] is not None or following.count("。") != 1):
            return False
    return False


def _bare(text: str) -> str:
    return text.strip().rstrip("。；;：:，, ").strip()


def _restates(statement: str, listed: set[str]) -> bool:
    """Whether a wrapper or a label names a finding listed above as a numbered item (an audit
    notice's 针对“X”问题，…已整改。 after its numbered findings): a restatement, not an item."""
    wrapped = unwrap(statement)
    if wrapped is None:
        return False
    return _bare(statement[wrapped.inner_start : wrapped.inner_end]) in listed


def holds_unmarked(heading: str) -> bool:
    """Whether a numbered part or category with ``heading`` (after its marker) may hold
    unmarked problems: it names a group, not a finding of its own."""
    title = heading.strip()
    if not title:
        return False  # a bare marker line: its statement is the next paragraph
    if _GROUP_HEADING.search(title):
        return True
    if _ONE_FINDING.search(title):
        return False  # 关于X的问题 / X问题的整改情况: one finding, its body is its own
    if unwrap(title) is not None:
        return False  # 关于“X”问题的整改: one finding, its body is its own
    return _SENTENCE_INSIDE.search(title.rstrip("。；; ")) is None


def unmarked_marker(lead: UnmarkedLead, text: str) -> Marker:
    """The marker an unmarked item is given: no ordinal (0), the bullet as written (or
    nothing), the statement starting after it."""
    raw = text[: lead.offset].strip(" \t\u3000")
    return Marker(kind=MarkerKind.LABEL, ordinal=0, raw=raw, end=lead.offset)
