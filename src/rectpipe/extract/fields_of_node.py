"""What one numbered node says about itself: heading, labelled fields, free paragraphs.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..profiles.profile import Profile
from ..readers.blocks import BlockKind
from ..runtime.patterns import compile_pattern
from ..runtime.record import field, record, replace
from ..structure.tree import Node
from ..text.textmap import TextMap
from ..text.wrappers import finding_label
from .fields import (
    Label,
    inline_status_label,
    leading_label,
    leading_status_tag,
    split_labels,
    status_after_colon,
    status_as_label,
    status_tag,
)
from .spans import Spans
from .status import lead_status, normalise_status, status_phrase
from .status_tail import closing_status

__all__ = ["NodeFields", "Value", "node_fields"]


@record(frozen=False, slots=False)
class Value:
    """A short labelled value (status, responsible, deadline) and where it is."""

    text: str
    start: int
    end: int
    label: str
    line_start: int = -1  # where the paragraph holding the label starts


@record(frozen=False, slots=False)
class NodeFields:
    """The fields a node states directly (not its children's).

    ``heading`` is the heading paragraph after its marker; ``statement_end`` is where the
    problem statement in it ends (before an inline status label). ``free`` are unlabelled
    paragraphs met before any narrative label; ``actions`` the narrative label's value and the
    unlabelled paragraphs after it; ``tables`` the indices of table blocks in the body.
    """

    heading: str
    heading_start: int
    statement_end: int
    heading_end: int = 0
    status: Value | None = None
    responsible: Value | None = None
    deadline: Value | None = None
    actions: Spans = field(default_factory=Spans)
    actions_labelled: bool = False
    free: Spans = field(default_factory=Spans)
    tables: list[int] = field(default_factory=list)

    @property
    def labelled(self) -> bool:
        """True when the node carries any label of its own."""
        return (
            self.actions_labelled
            or self.status is not None
            or self.responsible is not None
            or self.deadline is not None
        )


def _value(text: str, base: int, label: Label, line_start: int = -1) -> Value | None:
    raw = text[label.value_start : label.value_end]
    stripped = raw.strip().rstrip("。；;，,")
    if not stripped:
        return None
    start = base + label.value_start + (len(raw) - len(raw.lstrip()))
    return Value(stripped, start, start + len(stripped), label.label, line_start)


_ENUMERATION = compile_pattern(
    r"\s*(?:[0-9]{1,2}[.、．](?![0-9])|[（(][0-9]{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]是)"
)
#: A status value is a few words (已完成, 正在整改，预计6月底完成); a first sentence longer than
#: this that names no status is narrative.
_SHORT_STATUS = 20


def _narrative_value(text: str, label: Label, profile: Profile) -> bool:
    """Whether a status label's value is narrative rather than a status: it opens with an
    enumerated measure (1. （1） ① 一是), or its first sentence is long and names no status."""
    value = text[label.value_start : label.value_end]
    if _ENUMERATION.match(value):
        return True
    head = value.split("。", 1)[0].strip()
    return len(head) > _SHORT_STATUS and normalise_status(head, profile) is None


_PACKED = compile_pattern(r"[（(](?P<inner>[^（）()]{2,200})[）)]\s*[。；;]?\s*$")


def _packed_labels(heading: str, profile: Profile) -> tuple[int, list[Label]] | None:
    """Labels packed in parentheses at the end of a heading (``（整改时限：…；责任单位：…）``):
    where the parenthesis opens, and the labels (offsets in ``heading``); ``None`` unless the
    parenthesis opens with a label and holds two or more."""
    if "）" not in heading and ")" not in heading:
        return None  # no parenthesis closes
    match = _PACKED.search(heading)
    if match is None:
        return None
    inner = match.group("inner")
    labels = split_labels(inner, profile)
    if len(labels) < 2 or labels[0].start != 0:
        return None
    shift = match.start("inner")
    return match.start(), [
        replace(
            label,
            start=label.start + shift,
            value_start=label.value_start + shift,
            value_end=label.value_end + shift,
        )
        for label in labels
    ]


def node_fields(node: Node, textmap: TextMap, profile: Profile) -> NodeFields:
    """Read the heading and the body paragraphs of ``node`` into :class:`NodeFields`."""
    head_start, head_end = node.head_start, node.head_end
    body = list(node.body)
    if not textmap.text[head_start:head_end].strip() and body:
        # A bare marker line （一） with the finding on the next line, under its label
        # (存在问题：…) or as it is (1. / 县城北工业园区…不正常。, a copy that broke the line after
        # each item's number): that line is the item's statement.
        first = body[0]
        text = textmap.block_text(first)
        if textmap.blocks[first].kind is not BlockKind.TABLE and (
            finding_label(text) or (text.strip() and leading_label(text, profile) is None)
        ):
            head_start, head_end = textmap.starts[first], textmap.block_end(first)
            body = body[1:]
    heading = textmap.text[head_start:head_end]
    found = NodeFields(
        heading=heading,
        heading_start=head_start,
        statement_end=head_end,
        heading_end=head_end,
    )
    packed = _packed_labels(heading, profile)
    if packed is not None:
        # 1.…。（整改时限：…；责任单位：…；整改进展：已完成）: labels packed in parentheses.
        opening, labels = packed
        for label in labels:
            value = _value(heading, head_start, label)
            if (
                value is not None
                and label.field != "actions"
                and getattr(found, label.field) is None
            ):
                setattr(found, label.field, value)
        found.statement_end = head_start + opening
    inline = (
        None
        if packed is not None
        else (
            inline_status_label(heading, profile)
            or status_tag(heading, profile)
            or status_after_colon(heading, profile)
            or status_as_label(heading, profile)
        )
    )
    leading = leading_status_tag(heading, profile) if packed is None and inline is None else None
    if leading is not None:
        # 1.【已完成】X。: the status before the finding, which begins after it
        tag, begins = leading
        found.status = _value(heading, head_start, tag)
        found.heading_start = head_start + begins
    elif inline is not None:
        found.status = _value(heading, head_start, inline)
        found.statement_end = head_start + inline.start
        if found.status is not None:
            _account_after_status(found, textmap, profile)
    in_actions = False
    for index in body:
        block = textmap.blocks[index]
        if block.kind is BlockKind.TABLE:
            found.tables.append(index)
            continue
        text = textmap.block_text(index)
        base = textmap.starts[index]
        labels = split_labels(text, profile)
        if not labels:
            if lead_status(text, profile) is not None:
                continue  # 以下2个问题尚未整改：: the status of the problems after it
            (found.actions if in_actions else found.free).add(base, text)
            continue
        for label in labels:
            if label.field == "actions":
                found.actions_labelled = True
                in_actions = True
                found.actions.add(
                    base + label.value_start, text[label.value_start : label.value_end]
                )
                continue
            if label.field == "status" and _narrative_value(text, label, profile):
                # 整改完成情况：1.…；2.…。目前该问题已整改完成。 — the label opens the narrative;
                # the status is the sentence that states one in it.
                found.actions_labelled = True
                in_actions = True
                found.actions.add(
                    base + label.value_start, text[label.value_start : label.value_end]
                )
                continue
            if label.field == "status":
                # A status value may run on into narrative (整改结果：完成。具体措施…); one that
                # tells what was done and closes with the status (…调试。达到序时进度。) is whole.
                cut = text.find("。", label.value_start, label.value_end)
                value_text = text[label.value_start : label.value_end]
                if cut != -1 and closing_status(value_text, profile) is not None:
                    cut = -1
                if cut != -1 and text[cut + 1 : label.value_end].strip():
                    found.actions.add(base + cut + 1, text[cut + 1 : label.value_end])
                    label = replace(label, value_end=cut)
            value = _value(text, base, label, line_start=base)
            if value is not None and _states_status_instead(found.status, value, label, profile):
                # 整改进展：<what was done>… then 完成情况：序时推进: the value that is a status
                # gives it; the first one is what was done.
                assert found.status is not None
                found.actions.add(found.status.start, found.status.text)
                found.actions.pieces.sort()
                found.status = value
                continue
            if value is not None and (
                getattr(found, label.field) is None or _unit_after_person(found, label)
            ):
                setattr(found, label.field, value)
    return found


# What may stand between a status told on the heading's line and the account after it.
_AFTER_STATUS = "。；;，,：:∶ \u3000）)】"


def _account_after_status(found: NodeFields, textmap: TextMap, profile: Profile) -> None:
    """The account after a status told on the heading's own line (1.X。整改进展：已完成。一是…；
    二是…。): the text after the status value, to the heading's end, is the item's actions
    (a label's line there, 责任单位：…, is left as it was)."""
    assert found.status is not None
    start, end = found.status.end, found.heading_end
    text = textmap.text[start:end]
    rest = text.lstrip(_AFTER_STATUS)
    if not rest.strip() or _HAN.search(rest) is None or split_labels(rest, profile):
        return
    found.actions.add(start + len(text) - len(rest), rest)


_HAN = compile_pattern(r"\p{Han}")


# A responsible label that names a person or a post (责任领导, 责任人, 牵头领导), not a unit.
_PERSON_LABEL = compile_pattern(r"(?:人|领导)$")


def _unit_after_person(found: NodeFields, label: Label) -> bool:
    """Whether ``label`` names the responsible unit while the value kept so far names a
    person's post (责任领导：分管副校长；责任单位：教务处): the unit is the item's responsible."""
    kept = found.responsible
    return (
        label.field == "responsible"
        and kept is not None
        and _PERSON_LABEL.search(kept.label) is not None
        and _PERSON_LABEL.search(label.label) is None
    )


def _states_status_instead(
    current: Value | None, value: Value, label: Label, profile: Profile
) -> bool:
    """Whether a second status label's ``value`` is a status in so many words (序时推进, 已完成)
    where the first one's value was a statement of what was done."""
    if label.field != "status" or current is None:
        return False
    return (
        status_phrase(value.text, profile) is not None
        and status_phrase(current.text, profile) is None
    )
