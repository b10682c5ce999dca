"""A notice about one finding: 一、反馈问题 二、整改目标 三、整改措施 四、整改完成情况 五、公示期限.

督察整改公示 and similar notices lay one problem out in fixed parts. When at least three of a
document's top-level parts are titled with the profile's ``notice_sections`` words, and one of
them is the finding, the whole document is that problem: its title and description from the
finding part, its measures from the measures part, its status from the result part, its
responsible unit and deadline from labelled lines anywhere, its number from the title's
（第12项） or (序号9). The parts stay as narrative sections.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any

from ..models.records import Problem, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..structure.tree import Node
from ..text.sentences import split_first_sentence
from .builder import Builder, child_measures, measures_in, problem_of
from .fields_of_node import NodeFields
from .spans import Spans
from .status import StatusMatch, by_deadline, normalise_status, status_sentence

__all__ = ["notice_parts", "notice_problem"]

MIN_PARTS = 3
_NUMBER = compile_pattern(
    r"(?:第\s*([0-9]{1,4})\s*项|序号\s*[:：]?\s*([0-9]{1,4})|[(（]\s*([0-9]{1,4})\s*[)）])"
)
_CLAUSE = compile_pattern(r"[^，,；;。]+")


def _title(heading: str) -> str:
    first, _ = split_first_sentence(heading.strip())
    return first.strip().rstrip("：:。；;，, ")


def notice_parts(root: Node, fields: dict[int, NodeFields], profile: Profile) -> dict[str, Node]:
    """The top-level parts of a one-finding notice by role, or ``{}`` when it is not one."""
    roles: dict[str, Node] = {}
    for part in root.children:
        title = _title(fields[id(part)].heading)
        for role, words in profile.notice_sections.items():
            if title in words and role not in roles:
                roles[role] = part
                break
    if len(roles) < MIN_PARTS or "finding" not in roles:
        return {}
    return roles


def notice_problem(
    parts: dict[str, Node],
    fields: dict[int, NodeFields],
    front_text: str,
    builder: Builder,
) -> Problem:
    """The one problem a notice states (see the module's description)."""

    textmap, profile = builder.textmap, builder.profile
    sources: dict[str, dict[str, Any]] = {}
    finding = parts["finding"]
    body = _body(finding, fields, textmap.text)
    statement = body.text
    title, rest = split_first_sentence(statement)
    start = body.to_global(len(statement) - len(statement.lstrip()))
    sources["title"] = builder.prov_data(start, start + len(title))
    description = Spans()
    if rest:
        at = body.to_global(statement.find(rest, len(title)))
        description.add(at, textmap.text[at : body.end or at])
        sources["description"] = builder.prov_data(description.start or at, description.end or at)

    measures: list[dict[str, Any]] = []
    actions = Spans()
    if "measures" in parts:
        node = parts["measures"]
        if node.children:
            measures, actions = child_measures(node, builder)
        else:
            actions = _body(node, fields, textmap.text)
            measures = measures_in(actions, builder)
    status, status_raw, long_term = Status.UNKNOWN, None, False
    if "result" in parts:
        result = _body(parts["result"], fields, textmap.text)
        found = _result_status(result, profile)
        if found is not None:
            s, e, match = found
            status_raw = textmap.text[s:e]
            status, long_term = match.status, match.long_term
            sources["status"] = builder.prov_data(s, e)
        actions = Spans([*actions.pieces, *result.pieces])
    if actions.start is not None and actions.end is not None:
        sources["actions"] = builder.prov_data(
            actions.start, actions.start + len(actions.pieces[0][1])
        )
        for n, (s, piece) in enumerate(actions.pieces[1:], start=2):
            sources[f"actions.{n}"] = builder.prov_data(s, s + len(piece))
    responsible = deadline = None
    for node in parts.values():
        for child in [node, *node.children]:
            g = fields[id(child)]
            if responsible is None and g.responsible is not None:
                responsible = g.responsible
            if deadline is None and g.deadline is not None:
                deadline = g.deadline
    for name, value in (("responsible", responsible), ("deadline", deadline)):
        if value is not None:
            sources[name] = builder.prov_data(value.start, value.end)
    if status is Status.ONGOING:  # 持续推进 with a date to finish by is not long-term
        read = by_deadline(
            StatusMatch(status, long_term),
            status_raw,
            deadline.text if deadline else None,
            actions.text,
            profile,
        )
        status, long_term = read.status, read.long_term
    number = _NUMBER.search(front_text)
    ordinal = next((g for g in number.groups() if g), None) if number else None
    first = textmap.starts[finding.block]
    last = max(parts.values(), key=lambda n: n.block)
    return problem_of(
        id=builder.unique(f"p{ordinal or 1}"),
        number=ordinal,
        marker=None,
        path=[],
        title=title,
        description=description.text,
        status=status,
        status_raw=status_raw,
        long_term=long_term,
        actions=actions.text,
        measures=measures,
        responsible=responsible.text if responsible else None,
        deadline=deadline.text if deadline else None,
        heading=None,
        provenance=builder.prov_data(first, builder.node_end(last)),
        sources=sources,
    )


def _body(node: Node, fields: dict[int, NodeFields], text: str) -> Spans:
    """A part's own text: what follows its title on the heading line, and its paragraphs."""
    f = fields[id(node)]
    spans = Spans()
    heading_rest = f.heading[len(f.heading.split("。", 1)[0]) :].lstrip("。")
    if heading_rest.strip() and _title(f.heading) != f.heading.strip().rstrip("：:。"):
        spans.add(f.heading_start + f.heading.find(heading_rest), heading_rest)
    for start, piece in [*f.free.pieces, *f.actions.pieces]:
        spans.add(start, piece)
    spans.pieces.sort()
    return spans


def _result_status(result: Spans, profile: Profile) -> tuple[int, int, Any] | None:
    """A status sentence in the result part, else the first short clause naming a status
    (园区企业全部完成设施改造并通过验收: 通过验收)."""
    if not result.pieces:
        return None
    found = status_sentence(result.text, profile)
    if found is not None:
        s, e, match = found
        return result.to_global(s), result.to_global(e), match
    first, _ = split_first_sentence(result.text)
    for clause in _CLAUSE.finditer(first):
        named = normalise_status(clause.group(0), profile)
        if named is not None:
            s, e = clause.span()
            return result.to_global(s), result.to_global(e), named
    return None
