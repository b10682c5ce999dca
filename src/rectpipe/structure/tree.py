"""Blocks + numbering markers → a tree of numbered nodes.

The tree knows nothing of problems or statuses: it only says which paragraph is numbered, at
which level of the ladder, and which paragraphs and tables belong to it. Sequence oddities
(a gap, a repeat) become warnings, never exceptions.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..models.records import ReportWarning
from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import field, record, replace
from ..text.annex import ANNEX_CAPTION, ATTACHMENT
from ..text.dates import DATE_ALONE
from ..text.furniture import is_trailing_furniture
from ..text.numbering import (
    Marker,
    MarkerKind,
    decimal_depth,
    is_decimal_marker,
    is_part_marker,
    match_marker,
)
from ..text.textmap import TextMap, display_text
from ..text.wrappers import finding_label
from .unmarked import ASPECT, UnmarkedLead, holds_unmarked, unmarked_leads, unmarked_marker

__all__ = ["Node", "Tree", "build_tree"]


@record(frozen=False, eq=False, slots=False)
class Node:
    """A numbered paragraph and what belongs to it.

    ``block`` is the heading paragraph's index (``-1`` for the root), ``head_start`` the offset
    in the text just after the marker, ``head_end`` the end of that paragraph. ``body`` lists
    the indices of the unnumbered blocks that follow it before the next numbered one.

    Nodes point down only: a pointer back to the parent would make every tree a reference
    cycle, which only the cyclic garbage collector can free (walks pass the path instead).
    """

    marker: Marker | None
    block: int
    head_start: int
    head_end: int
    body: list[int] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    level: float | None = None
    """The node's place on the ladder when the document moves it from its marker's usual one
    (a 问题1： label under a numbered group heading ``1.关于“…”方面``)."""
    unmarked: bool = False
    """An item without a number, told by a bullet, a tag, a wrapper or its typography
    (:mod:`rectpipe.structure.unmarked`): half a step below the heading that holds it."""

    @property
    def rank(self) -> float:
        if self.level is not None:
            return self.level
        return -1 if self.marker is None else int(self.marker.kind)

    def walk(self) -> list[Node]:
        """This node's numbered descendants, depth first, in document order."""
        found: list[Node] = []
        pending = self.children[::-1]  # a stack, not a list built at every level
        while pending:
            node = pending.pop()
            found.append(node)
            pending.extend(reversed(node.children))
        return found


@record(frozen=False, slots=False)
class Tree:
    """The numbered tree; ``closing`` lists the unnumbered blocks that close the document
    (下一步… / 欢迎监督 / contact lines / signature), taken out of the last node's body."""

    root: Node
    warnings: list[ReportWarning]
    closing: list[int] = field(default_factory=list)


# Paragraphs that close a report rather than continue its last item.
_CLOSING = compile_pattern(
    r"^(?:下一步|今后|欢迎|诚恳欢迎|热忱欢迎|联系人|联系电话|联系方式|电子邮箱|邮箱|邮寄地址|通信地址|通讯地址"
    r"|来信请寄|来信|特此通报|特此报告|特此函告|特此公示|特此公告|此复|附件\s*[:：]?\s*\d"
    r"|公示期|公示时间|公示日期|监督电话|举报电话|广大干部群众|干部群众如|如有意见|如对"
    # a summing-up of the list after it (以上6个问题，已整改到位5个…)
    r"|(?:以上|上述)[0-9一二三四五六七八九十百]*(?:个|项|条)?(?:问题|事项|整改任务)"
    # an official document's foot: who gets copies, the issuing office, a contact address
    r"|抄送|抄报|主送|分送|(?:地址|单位地址|邮编|邮政编码)\s*[:：])"
    r"|^[^，。；]{2,30}[0-9〇○零一二三四五六七八九十]{4}年[0-9一二三四五六七八九十]{1,2}月"
    r"[0-9一二三四五六七八九十]{1,3}日印发$"
)
# A short paragraph that gives the public a way to respond (…请联系：…，电话：…) closes too.
_CONTACT = compile_pattern(r"请联系|联系电话|电话\s*[:：]|电子邮箱\s*[:：]|邮箱\s*[:：]")
_CONTACT_MAX_CHARS = 120
_SIGNATURE = compile_pattern(r"^[^，。；：:,;\s]{2,40}$")
# How a body that signs without a date ends its name (中共某局党组, 某县人民政府): the text's last
# line after a finished sentence signs it.
_SIGNER_END = compile_pattern(
    r"(?:党组|党委|委员会|工委|党总支|党支部|人民政府|局|办公室|公司|集团|医院|学校|学院|大学|中心"
    r"|办事处)$"
)


def _closing_blocks(textmap: TextMap) -> list[int]:
    """Indices of the blocks at the very end that close the document, in order."""
    found: list[int] = []
    index = len(textmap.blocks) - 1
    while index >= 0:
        block = textmap.blocks[index]
        text = textmap.block_text(index)
        if block.kind is BlockKind.TABLE or match_marker(text) is not None:
            break
        if is_trailing_furniture(text):
            found.insert(0, index)
            index -= 1
            continue
        is_date = bool(DATE_ALONE.match(text))
        after = _first_not_furniture(textmap, found)
        signs = _SIGNATURE.match(text) is not None and after == index + 1
        undated = (
            after is None
            and index > 0
            and _SIGNATURE.match(text.strip()) is not None
            and _SIGNER_END.search(text.strip()) is not None
            and _finished(textmap.block_text(index - 1))
        )
        if not (
            is_date
            or _CLOSING.match(text)
            or (len(text) <= _CONTACT_MAX_CHARS and _CONTACT.search(text) is not None)
            or (signs and DATE_ALONE.match(textmap.block_text(index + 1)))
            or undated
        ):
            break
        found.insert(0, index)
        index -= 1
    return found


def _finished(text: str) -> bool:
    """Whether ``text`` ends a sentence, or is a contact line (联系电话：0771-6023315)."""
    text = text.strip()
    return text[-1:] in ("。", "！", "？") or (
        len(text) <= _CONTACT_MAX_CHARS and _CONTACT.search(text) is not None
    )


def _first_not_furniture(textmap: TextMap, found: list[int]) -> int | None:
    return next((i for i in found if not is_trailing_furniture(textmap.block_text(i))), None)


def build_tree(textmap: TextMap) -> Tree:
    """The numbered-item tree of a document.

    A paragraph opening with a marker becomes a node under the nearest open node of a higher
    ladder level (levels may be skipped; the first level used may be any). Tables and
    unnumbered paragraphs attach to the node open before them.
    """
    root = Node(marker=None, block=-1, head_start=0, head_end=0)
    stack: list[Node] = [root]
    closing = _closing_blocks(textmap)
    end = closing[0] if closing else len(textmap.blocks)
    markers = [
        None if block.kind is BlockKind.TABLE else match_marker(display_text(block))
        for block in textmap.blocks[:end]
    ]
    _items_opening_with_counts(textmap, markers)
    _half_closed_siblings(markers)
    leads = unmarked_leads(textmap, markers)
    records = 0
    annexed: tuple[MarkerKind, int] | None = None  # the next item of an annex's list of names
    signed = False  # a signature and its date closed the text above
    # the next item of a list a label's line opened under an item numbered alike, and that item
    listed: tuple[tuple[MarkerKind, int], Node] | None = None
    for index, marker in enumerate(markers):
        if marker is not None and listed is not None and listed[0] == (marker.kind, marker.ordinal):
            # 1.X / 整改措施： / 1.… / 2.…: the label's list is X's, however it is numbered
            holder = listed[1]
            _push(stack, _node(index, marker, textmap, holder.rank + 0.5))
            listed = ((marker.kind, marker.ordinal + 1), holder)
            continue
        if marker is not None and _ladder_turned(stack[-1], marker, textmap):
            # 1.关于“X”问题 / （一）… / （二）…: a document that sets （一） under 1.
            holder = stack[-1]
            _push(stack, _node(index, marker, textmap, holder.rank + 0.5))
            listed = ((marker.kind, marker.ordinal + 1), holder)
            continue
        if marker is not None:
            listed = None
        above = stack[-1].marker
        if (
            marker is None
            and above is not None
            and _opens_list_alike(textmap, markers, index, above)
            and not _in_labelled_list(stack, textmap)
        ):
            listed = ((above.kind, 1), stack[-1])
        if marker is not None and annexed == (marker.kind, marker.ordinal):
            root.body.append(index)  # 附件：1.…台账 / 2.…清单: the annexes named, in a list
            annexed = (marker.kind, marker.ordinal + 1)
            continue
        annexed = None
        if marker is None:
            if (len(stack) > 1 or signed) and _opens_annex(textmap, index):
                # 附件 / 附件：整改情况一览表 after the text: the annex is no part of the item
                # open above it
                del stack[1:]
                root.body.append(index)
                annexed = _annex_list(textmap, index)
                continue
            if len(stack) > 1 and _signed_off(textmap, index):
                # a signature and its date before the text's end: what follows (an annex, its
                # table) is no part of the item open above
                stack[-1].body.append(index)
                del stack[1:]
                signed = True  # (an annex's list may follow: 附件：1.… / 2.…)
                continue
            lead = leads.get(index)
            after = markers[index + 1] if index + 1 < len(markers) else None
            if lead is not None and lead.form == "restart" and after is not None:
                # a unit's or a group's name in bold over its list begun again (①…): the
                # group of that list, on the rung just above its items
                item = unmarked_marker(lead, textmap.block_text(index))
                _push(stack, _node(index, item, textmap, int(after.kind) - 0.5, unmarked=True))
                continue
            if lead is not None and lead.form == "record":
                # a labelled record of findings with no heading above: on the rung of a
                # numbered label (问题1：), below a part or category, above a 1. item
                records += 1  # counted for their ids (p1, p2…); their number stays None
                item = unmarked_marker(lead, textmap.block_text(index))
                level = float(MarkerKind.LABEL)
                item = replace(item, ordinal=records)
                _push(stack, _node(index, item, textmap, level, unmarked=True))
                continue
            if lead is None or not (
                _open_unmarked(stack, textmap)
                or _wrapped_findings_under(stack, index, leads, markers)
            ):
                stack[-1].body.append(index)
                continue
            item = unmarked_marker(lead, textmap.block_text(index))
            # half a step below the heading that holds it
            _push(stack, _node(index, item, textmap, stack[-1].rank + 0.5, unmarked=True))
            continue
        _push(stack, _node(index, marker, textmap, _label_level(marker, stack, textmap)))
    _fold_lone_labels(root, textmap)
    _fold_detail_lists(root, textmap)
    root.body.extend(closing)
    return Tree(root=root, warnings=_sequence_warnings(root, textmap), closing=closing)


# An item number run into a count after it (2.3个部门…), which reads as a decimal alone.
_NUMBER_THEN_COUNT = compile_pattern(r"^[ \u3000]*(?P<n>[0-9]{1,3})[.．](?=[0-9]{1,4}\p{Han})")


def _items_opening_with_counts(textmap: TextMap, markers: list[Marker | None]) -> None:
    """``2.3个部门超范围列支…`` after ``1.`` (groups' headings between them aside) and before
    ``3.``, a heading above them or the end, is item 2, its text a count: the figures before the
    dot continue the list (in place)."""
    for index, marker in enumerate(markers):
        if marker is not None or textmap.blocks[index].kind is BlockKind.TABLE:
            continue
        text = display_text(textmap.blocks[index])
        found = _NUMBER_THEN_COUNT.match(text)
        if found is None:
            continue
        number = int(found.group("n"))
        # (numbered on across groups: 2. under （一）, then （二） and 3.5个部门…)
        before = next(
            (m for m in reversed(markers[:index]) if m is not None and m.kind >= MarkerKind.ARABIC),
            None,
        )
        after = next((m for m in markers[index + 1 :] if m is not None), None)
        if before is None or before.kind is not MarkerKind.ARABIC or before.ordinal != number - 1:
            continue
        if (
            after is not None
            and after.kind >= MarkerKind.ARABIC
            and not (after.kind is MarkerKind.ARABIC and after.ordinal == number + 1)
        ):
            continue
        raw = text[found.start("n") : found.end()]
        markers[index] = Marker(kind=MarkerKind.ARABIC, ordinal=number, raw=raw, end=found.end())


def _ladder_turned(holder: Node, marker: Marker, textmap: TextMap) -> bool:
    """Whether ``marker`` (（一）) opens a list under ``holder``, an item of the 1. ladder just
    opened whose heading is a heading (no sentence in it, nothing under it yet): the document
    sets its rungs the other way round."""
    if (
        marker.kind is not MarkerKind.CN_PAREN
        or marker.ordinal != 1
        or holder.marker is None
        or holder.marker.kind is not MarkerKind.ARABIC
        or holder.children
        or holder.body
    ):
        return False
    heading = textmap.text[holder.head_start : holder.head_end].strip()
    return (
        0 < len(heading) <= _TURNED_HEADING_MAX
        and _SENTENCE_END.search(heading.rstrip("。")) is None
    )


# The longest heading over a ladder set the other way round; no sentence or colon in it.
_TURNED_HEADING_MAX = 40
_SENTENCE_END = compile_pattern(r"[。；;！？!?：:]")
# An item numbered with a closing bracket alone (2)), which a typist also sets among 1. items.
_HALF_CLOSED = compile_pattern(r"^[0-9]{1,3}[)）]$")


def _half_closed_siblings(markers: list[Marker | None]) -> None:
    """1.… / 2)… / 3.…: an item numbered ``N)`` after an item of the 1. ladder numbered N-1
    (or N-2, or N: a number skipped or written again), with no item 1) of its own ladder
    since, is the next of those items, not a sub-item."""
    last_arabic: Marker | None = None
    for index, marker in enumerate(markers):
        if marker is None:
            continue
        if marker.kind is MarkerKind.ARABIC:
            last_arabic = marker
        elif marker.kind is MarkerKind.ARABIC_PAREN:
            if (
                last_arabic is not None
                and _HALF_CLOSED.match(marker.raw.strip())
                # (the next, or one skipped or written again: 2、… / 4)…, 2.… / 2)…)
                and last_arabic.ordinal <= marker.ordinal <= last_arabic.ordinal + 2
                and marker.ordinal > 1
            ):
                markers[index] = replace(marker, kind=MarkerKind.ARABIC)
                last_arabic = markers[index]
            elif marker.ordinal == 1:
                last_arabic = None  # a list of its own under the item: its 2) is its own
        elif marker.kind < MarkerKind.ARABIC:
            last_arabic = None  # a new part or category begins the items again


def _opens_annex(textmap: TextMap, index: int) -> bool:
    """Whether the block at ``index`` labels an annex (附件, 附件2：…表)."""
    if textmap.blocks[index].kind is BlockKind.TABLE:
        return False
    text = textmap.block_text(index).strip()
    return ATTACHMENT.match(text) is not None or ANNEX_CAPTION.match(text) is not None


def _signed_off(textmap: TextMap, index: int) -> bool:
    """Whether the block at ``index`` is a date alone under a signer's line (中共…委员会 /
    2025年8月1日)."""
    if index == 0 or not DATE_ALONE.match(textmap.block_text(index).strip()):
        return False
    return _SIGNATURE.match(textmap.block_text(index - 1).strip()) is not None


def _annex_list(textmap: TextMap, index: int) -> tuple[MarkerKind, int] | None:
    """The next item of the list of annexes the label at ``index`` opens (附件：1.…), if any."""
    text = textmap.block_text(index).strip()
    first = match_marker(text[text.find("：" if "：" in text else ":") + 1 :].lstrip())
    return (first.kind, first.ordinal + 1) if first is not None else None


def _wrapped_findings_under(
    stack: list[Node], index: int, leads: dict[int, UnmarkedLead], markers: list[Marker | None]
) -> bool:
    """Whether the paragraph at ``index`` is the first of two or more that each wrap a finding
    (针对“X”的问题，… / 关于“Y”问题的整改情况…) under a numbered heading (1.关于…不到位的问题)
    with nothing numbered between them, or the first of any number when a heading beside it
    held such paragraphs: the heading names their group, however it is worded. Later such
    paragraphs open under the same heading as the first did."""
    if leads[index].form != "wrapper":
        return False
    holder = stack[-1]
    if holder.unmarked:
        if len(stack) > 2 and stack[-2].marker is not None and not stack[-2].unmarked:
            stack.pop()  # the next of them: beside the first, under the same heading
            return True
        return False
    if holder.marker is None or holder.children:
        return False
    if len(stack) > 1 and any(
        kid is not holder and any(grand.unmarked for grand in kid.children)
        for kid in stack[-2].children
    ):
        return True  # a heading before it, alike, held such paragraphs: one is enough
    wrapped = 0
    for later in range(index, len(markers)):
        if markers[later] is not None:
            break
        lead = leads.get(later)
        wrapped += lead is not None and lead.form == "wrapper"
    return wrapped >= 2


def _fold_lone_labels(root: Node, textmap: TextMap) -> None:
    """Headings that each state a finding and hold one labelled line that describes it
    (（一）部分项目资金拨付滞后 / 问题描述：… / 整改情况：…): the label is the heading's
    description, not an item under it. Taken when two headings or more hold a labelled item,
    each holds exactly one and nothing before it, and none names a group (…方面, …情况)."""
    holders = [
        node
        for node in root.walk()
        if any(
            child.unmarked and finding_label(textmap.block_text(child.block))
            for child in node.children
        )
    ]
    if len(holders) < 2:
        return
    for holder in holders:
        heading = textmap.text[holder.head_start : holder.head_end]
        if len(holder.children) != 1 or holder.body or _NAMES_A_GROUP.search(heading.strip()):
            return
    for holder in holders:
        [child] = holder.children
        holder.body = sorted([child.block, *child.body])
        holder.children = child.children


# A line that opens the details of the finding above it (具体表现：, 主要表现在：), or the goals
# set for it (整改目标：, 目标要求：): items under either describe that one finding.
_DETAILS_LABEL = compile_pattern(
    r"^\s*(?:(?:具体|主要)?(?:表现|体现|问题表现)(?:为|在|如下)?"
    r"|(?:整改)?目标(?:任务|要求)?)\s*[：:]\s*$"
)
# A label's line under an item (整改情况：…, 整改措施：…): an item told with its own account.
_LABEL_LINE = compile_pattern(r"^\s*[^，,。；;：:\s]{2,8}\s*[：:]")


def _fold_detail_lists(root: Node, textmap: TextMap) -> None:
    """Items under a finding that a details or goals label opens (1.阵地管理不规范。/ 具体表现： /
    （1）… / （2）… / 整改情况：…): the details of that one finding, its description, not
    findings of their own. Folded into the finding's body, with what the last item holds,
    when no item but the last carries a label's line (each told with its own account is a list
    of findings) and no item holds items of its own but the last after its label's line
    (整改目标： / 1.… / 2.… / 整改措施： / （1）…: the measures the next label opens)."""
    for node in root.walk():
        kids = node.children
        if not kids or not node.body or node.marker is None:
            continue
        before = [i for i in node.body if i < kids[0].block]
        if not before or not _DETAILS_LABEL.match(textmap.block_text(before[-1])):
            continue
        if any(kid.children for kid in kids[:-1]):
            continue
        told = [
            kid for kid in kids if any(_LABEL_LINE.match(textmap.block_text(i)) for i in kid.body)
        ]
        if told and told != [kids[-1]]:
            continue
        last = kids[-1]
        if last.children and not any(
            _LABEL_LINE.match(textmap.block_text(i))
            for i in last.body
            if i < last.children[0].block
        ):
            continue
        node.body = sorted(
            [
                *node.body,
                *(
                    i
                    for kid in kids
                    for part in (kid, *kid.walk())
                    for i in (part.block, *part.body)
                ),
            ]
        )
        node.children = []


def _node(
    index: int, marker: Marker, textmap: TextMap, level: float | None, *, unmarked: bool = False
) -> Node:
    """The node the block at ``index`` opens, its heading after ``marker``."""
    start = textmap.starts[index]
    return Node(
        marker=marker,
        block=index,
        head_start=start + marker.end,
        head_end=textmap.block_end(index),
        level=level,
        unmarked=unmarked,
    )


def _push(stack: list[Node], node: Node) -> None:
    """Open ``node`` under the nearest open node above its rung, closing what sits at or
    below it."""
    while stack[-1].rank >= node.rank:
        stack.pop()
    stack[-1].children.append(node)
    stack.append(node)


# Unmarked items hang under a part or category (一、 or （一）, or a 第N部分), never under an
# item of the 1. ladder or below: those are problems or measures themselves.
_UNMARKED_HOLDERS = MarkerKind.CN_PAREN


def _open_unmarked(stack: list[Node], textmap: TextMap) -> bool:
    """Close the unmarked item open on ``stack`` (and what it holds), and say whether the
    heading left on top may hold an unmarked item."""
    last = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].unmarked), None)
    holder = stack[-1] if last is None else stack[last - 1]
    if holder.marker is None or holder.unmarked or holder.marker.kind > _UNMARKED_HOLDERS:
        return False
    if not holds_unmarked(textmap.text[holder.head_start : holder.head_end]):
        return False
    if last is not None:
        del stack[last:]
    return True


# A heading that names a group, not one finding: …方面, …情况 (X问题的整改情况 names one).
_NAMES_A_GROUP = compile_pattern(rf"(?:{ASPECT}|(?<!问题的整改)情况)\s*[。：:；;]?\s*$")
# A numbered heading that names a group of findings (1.关于“公务用车管理仍不规范”方面).
_GROUP_HEADING = compile_pattern(r"(?:方面|类)\s*[。：:；;]?\s*$")


# A 第N部分 part sits above 一、 (rank 0) and below the root (rank -1).
_PART_LEVEL = -0.5


def _label_level(marker: Marker, stack: list[Node], textmap: TextMap) -> float | None:
    """A finding label (问题1：) sits between （一） and 1. on the ladder; under an open numbered
    heading that names a group (``1.关于“X”方面``) it goes one step below that heading instead,
    so the group holds its labelled findings."""
    if is_part_marker(marker):
        return _PART_LEVEL  # 第二部分 holds its own 一、 ladder
    depth = decimal_depth(marker)
    if depth:
        # 1.1 under 1., 1.1.1 under 1.1, 1.1.1.1 under 1.1.1: each depth half the step left
        return int(MarkerKind.ARABIC) + 1 - 0.5 ** (depth - 1)
    if marker.kind is MarkerKind.ARABIC:
        return _under_decimal(stack)
    if marker.kind is not MarkerKind.LABEL:
        return None
    holder = next(
        (
            n
            for n in reversed(stack)
            if n.marker is not None
            and (n.level is None or is_decimal_marker(n.marker))  # 2.1组织设置类 / 问题1：
            and n.marker.kind is not MarkerKind.LABEL
        ),
        None,
    )
    if holder is None or holder.marker is None or holder.marker.kind <= MarkerKind.LABEL:
        return None
    if not _GROUP_HEADING.search(textmap.text[holder.head_start : holder.head_end]):
        return None
    return holder.rank + 0.5


def _under_decimal(stack: list[Node]) -> float | None:
    """A ``1.`` under an open ``1.1`` item that no ``1.`` holds (一、 / 1.1 X不严 / 1. 对…复核 /
    2. 修订…): the decimal numbers are the document's items, the plain ones the lists under
    them, one step below; ``None`` when a plain ``1.`` is open (1. / 1.1 / 2.: the ladder)."""
    decimal = None
    for node in stack:
        if node.marker is None or node.marker.kind is not MarkerKind.ARABIC:
            continue
        if is_decimal_marker(node.marker):
            decimal = node
        elif decimal is None:
            return None  # a plain 1. above: the ladder's own
    # one step below 1.: where （1） stands, whatever the decimal's depth
    return None if decimal is None else int(MarkerKind.ARABIC) + 1.0


def _opens_list_alike(
    textmap: TextMap, markers: list[Marker | None], index: int, above: Marker
) -> bool:
    """Whether the block at ``index`` is a label's line alone (整改措施：) over a list whose
    first item is numbered as the item open above it (``above``: 1.X / 整改措施： / 1.… /
    2.…)."""
    if index + 1 >= len(markers):
        return False
    first = markers[index + 1]
    if first is None or first.kind is not above.kind or first.ordinal != 1:
        return False
    if textmap.blocks[index].kind is BlockKind.TABLE:
        return False
    return _LIST_LABEL.match(textmap.block_text(index).strip()) is not None


# A field's label alone on its line, which opens the list of what was done (整改措施：,
# 整改落实情况：); not a sentence that announces the part after it (现将整改情况报告如下：).
_LIST_LABEL = compile_pattern(r"^\p{Han}{2,8}?(?:措施|举措|情况|做法|成效|进展|结果)[：:]$")


def _in_labelled_list(stack: list[Node], textmap: TextMap) -> bool:
    """Whether the item open on ``stack`` is itself an item of a list a label's line opened
    (整改措施： / 1.… / 2.… / 3.…, then 整改完成情况： / 1.…): the next list is its sibling."""
    if len(stack) < 2:
        return False
    item, parent = stack[-1], stack[-2]
    assert item.marker is not None
    first = next(
        (
            kid
            for kid in parent.children
            if kid.marker is not None
            and kid.marker.kind is item.marker.kind
            and kid.marker.ordinal == 1
            and kid.block <= item.block
        ),
        None,
    )
    return first is not None and _after_label_line(first, textmap)


def _after_label_line(node: Node, textmap: TextMap) -> bool:
    """Whether the line right before ``node`` is a label's alone (整改完成情况：)."""
    before = node.block - 1
    if before < 0 or textmap.blocks[before].kind is BlockKind.TABLE:
        return False
    text = textmap.block_text(before).rstrip()
    return text.endswith(("：", ":")) and match_marker(text) is None and len(text) <= 20


def _sequence_warnings(root: Node, textmap: TextMap) -> list[ReportWarning]:
    warnings: list[ReportWarning] = []
    _check_sequence(root, textmap, {}, warnings)
    return warnings


def _check_sequence(
    parent: Node, textmap: TextMap, last_seen: dict[MarkerKind, int], warnings: list[ReportWarning]
) -> None:
    """Warnings for the numbering under ``parent`` and, depth first, under its children.
    (A module function, not a closure calling itself: that would be a reference cycle
    holding the text map until the collector runs.)"""
    previous: dict[MarkerKind, int] = {}
    for child in parent.children:
        assert child.marker is not None
        if child.unmarked:
            _check_sequence(child, textmap, last_seen, warnings)
            continue
        kind, ordinal = child.marker.kind, child.marker.ordinal
        expected = previous.get(kind)
        if expected is None:
            # First of its kind under this parent: 1, or running on from the last one.
            ok = ordinal == 1 or ordinal == last_seen.get(kind, 0) + 1
        else:
            # (a list opened again by a label's line: 整改措施： 1.… 2.… / 整改完成情况： 1.…)
            ok = ordinal == expected + 1 or (ordinal == 1 and _after_label_line(child, textmap))
        if not ok:
            code = (
                "numbering_repeat"
                if expected is not None and ordinal <= expected
                else "numbering_gap"
            )
            wanted = 1 if expected is None else expected + 1
            warnings.append(
                ReportWarning(
                    code=code,
                    message=f"{child.marker.raw} where {wanted} was expected",
                    provenance=textmap.provenance(textmap.starts[child.block], child.head_start),
                )
            )
        previous[kind] = ordinal
        last_seen[kind] = ordinal
        _check_sequence(child, textmap, last_seen, warnings)
