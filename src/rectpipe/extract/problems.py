"""The numbered tree → sections and problems.

Which numbered items are problems is decided here, from what the items say rather than from
their level (see :func:`classify`): a labelled item is a problem; in a document without labels
the deepest items of the non-narrative parts are. Items under a problem are its measures.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Any

from ..models.report import PathItem, Problem, Provenance, ReportWarning, Section, Status
from ..profiles.profile import Profile
from ..structure.tree import Node
from ..text.sentences import split_first_sentence
from ..text.textmap import TextMap
from .evidence import Evidence, heading_evidence
from .fields_of_node import NodeFields, Value, node_fields
from .measures import find_measures
from .notice import notice_parts, notice_problem
from .spans import Spans
from .status import StatusMatch, group_status, normalise_status, status_sentence
from .tables import ledger_problems
from .wrappers import unwrap


class Role(Enum):
    PROBLEM = "problem"
    MEASURE = "measure"  # a numbered item under a problem
    GROUP = "group"  # holds problems
    NARRATIVE = "narrative"


@dataclass
class Built:
    sections: list[Section]
    problems: list[Problem]
    warnings: list[ReportWarning] = field(default_factory=list)


def _title_of(heading: str) -> str:
    return heading.strip().rstrip("。；;：:").strip()


def _is_narrative_title(heading: str, profile: Profile) -> bool:
    return any(word in heading for word in profile.narrative_sections)


def _is_closing_title(heading: str, profile: Profile) -> bool:
    title = _section_title(heading)[0]
    return any(word in title for word in profile.closing_sections)


# The tree walks below are module functions, not closures calling themselves: such a closure
# is a reference cycle that keeps the whole tree alive until the collector runs.


def _has_labels(node: Node, fields: dict[int, NodeFields]) -> bool:
    return fields[id(node)].labelled or any(_has_labels(c, fields) for c in node.children)


def _mark(node: Node, role: Role, roles: dict[int, Role]) -> None:
    roles[id(node)] = role
    for child in node.children:
        _mark(child, Role.MEASURE if role in (Role.PROBLEM, Role.MEASURE) else role, roles)


def _visit(
    node: Node,
    ranks: set[int],
    fields: dict[int, NodeFields],
    evidence: dict[int, Evidence],
    roles: dict[int, Role],
) -> None:
    """A document with labels: labelled items are problems, and so are unlabelled items at a
    labelled item's depth unless their heading reads as a measure or a group."""
    if id(node) in roles:
        return
    f = fields[id(node)]
    if f.labelled or (not node.children and node.rank in ranks and _finding_like(node, evidence)):
        _mark(node, Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP
    for child in node.children:
        _visit(child, ranks, fields, evidence, roles)


def _finding_like(node: Node, evidence: dict[int, Evidence]) -> bool:
    return evidence[id(node)] in (Evidence.FINDING, Evidence.NEUTRAL)


def _has_finding(node: Node, evidence: dict[int, Evidence]) -> bool:
    return any(
        evidence[id(c)] is Evidence.FINDING or _has_finding(c, evidence) for c in node.children
    )


def _visit_findings(
    node: Node,
    fields: dict[int, NodeFields],
    evidence: dict[int, Evidence],
    roles: dict[int, Role],
) -> None:
    """A document without labels: the deepest items whose heading reads as a finding are the
    problems (the items under them are their measures); items that organise the work or list
    next steps are not."""
    if id(node) in roles:
        return
    if evidence[id(node)] is Evidence.FINDING and not _has_finding(node, evidence):
        _mark(node, Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP
    for child in node.children:
        _visit_findings(child, fields, evidence, roles)


def classify(root: Node, fields: dict[int, NodeFields], profile: Profile) -> dict[int, Role]:
    """The role of every numbered node, keyed by ``id(node)``."""
    roles: dict[int, Role] = {}
    evidence = {id(n): _node_evidence(n, fields, profile) for n in root.walk()}
    narrative_parts = [
        part
        for part in root.children
        if not _has_labels(part, fields)
        and (
            _is_closing_title(fields[id(part)].heading, profile)
            or (
                _is_narrative_title(fields[id(part)].heading, profile)
                and not _has_finding(part, evidence)
            )
        )
    ]
    for part in narrative_parts:
        _mark(part, Role.NARRATIVE, roles)
    candidates = [n for n in root.walk() if id(n) not in roles]
    labelled = [n for n in candidates if fields[id(n)].labelled]
    if labelled:
        ranks = {n.rank for n in labelled}
        for part in root.children:
            _visit(part, ranks, fields, evidence, roles)
    elif any(evidence[id(n)] is Evidence.FINDING for n in candidates):
        for part in root.children:
            _visit_findings(part, fields, evidence, roles)
    else:
        # Nothing reads as a finding: the deepest items of the parts that name neither a group
        # nor a measure are taken, status unknown.
        multi_level = any(part.children for part in root.children if id(part) not in roles)
        for part in root.children:
            if id(part) in roles:
                continue
            if multi_level and not part.children:
                _mark(part, Role.NARRATIVE, roles)
                continue
            _visit_deepest(part, roles, evidence)
    # A group with no problem anywhere under it tells rather than lists.
    for node in root.walk():
        if roles.get(id(node)) is Role.GROUP and not _holds_problem(node, roles, fields):
            roles[id(node)] = Role.NARRATIVE
    return roles


def _visit_deepest(node: Node, roles: dict[int, Role], evidence: dict[int, Evidence]) -> None:
    if id(node) in roles:
        return
    if not node.children and evidence[id(node)] is Evidence.NEUTRAL:
        _mark(node, Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP  # a group or a measure heading holds no problem of its own
    for child in node.children:
        _visit_deepest(child, roles, evidence)


def _node_evidence(node: Node, fields: dict[int, NodeFields], profile: Profile) -> Evidence:
    """The heading's evidence; a neutral heading whose narrative states a status
    (该问题已整改完成。) is a finding too."""
    f = fields[id(node)]
    found = heading_evidence(f.heading, profile)
    if found is Evidence.NEUTRAL:
        body = f.actions if f.actions.pieces else f.free
        if body.pieces and status_sentence(body.text, profile) is not None:
            return Evidence.FINDING
    return found


def _holds_problem(node: Node, roles: dict[int, Role], fields: dict[int, NodeFields]) -> bool:
    if fields[id(node)].tables:
        return True
    return any(
        roles.get(id(c)) is Role.PROBLEM or _holds_problem(c, roles, fields) for c in node.children
    )


class _Builder:
    def __init__(self, textmap: TextMap, profile: Profile) -> None:
        self.textmap = textmap
        self.profile = profile
        self.warnings: list[ReportWarning] = []
        self.ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def prov(self, start: int, end: int) -> Provenance:
        return self.textmap.provenance(start, end)

    def prov_data(self, start: int, end: int) -> dict[str, Any]:
        """:meth:`prov` as plain data, for a model validated in one call (:func:`_problem`)."""
        return self.textmap.provenance_data(start, end)

    def warn(
        self, code: str, message: str, start: int | None = None, end: int | None = None
    ) -> None:
        provenance = None if start is None else self.prov(start, end if end is not None else start)
        self.warnings.append(ReportWarning(code=code, message=message, provenance=provenance))

    def unique(self, base: str) -> str:
        """``base``, or ``base~2``, ``base~3``…: the first not taken yet. The search for a
        base starts after the suffix it last gave (every smaller one is taken, and ids are
        never released), so n repeats of one base cost n steps, not n²/2."""
        if base not in self.ids:
            self.ids.add(base)
            return base
        n = self.next_suffix.get(base, 2)
        while (candidate := f"{base}~{n}") in self.ids:
            n += 1
        self.next_suffix[base] = n + 1
        self.ids.add(candidate)
        return candidate

    def node_end(self, node: Node) -> int:
        last = max([node.block, *node.body, *(self.node_last_block(c) for c in node.children)])
        return self.textmap.block_end(last)

    def node_last_block(self, node: Node) -> int:
        return max([node.block, *node.body, *(self.node_last_block(c) for c in node.children)])


def build(root: Node, textmap: TextMap, profile: Profile) -> Built:
    """Sections and problems of the tree under ``root``, with the warnings met on the way."""
    fields = {id(node): node_fields(node, textmap, profile) for node in root.walk()}
    builder = _Builder(textmap, profile)
    sections: list[Section] = []
    problems: list[Problem] = []
    parts = notice_parts(root, fields, profile)
    if parts:  # a notice about one finding: the document is that problem
        front = " ".join(textmap.block_text(i) for i in root.body if i < root.children[0].block)
        problems.append(notice_problem(parts, fields, front, builder))
        roles = {id(node): Role.NARRATIVE for node in root.walk() if node.marker is not None}
        for node in root.children:
            _emit(node, [], fields, roles, builder, sections, problems)
        return Built(sections=sections, problems=problems, warnings=builder.warnings)
    roles = classify(root, fields, profile)
    for index in root.body:
        if textmap.blocks[index].kind.value == "table":
            problems.extend(
                ledger_problems(index, textmap, profile, [], builder.unique, builder.warn)
            )
    for node in root.children:
        _emit(node, [], fields, roles, builder, sections, problems)
    return Built(sections=sections, problems=problems, warnings=builder.warnings)


def _ident(path: list[Node], node: Node) -> str:
    return "-".join(str(n.marker.ordinal) for n in [*path, node] if n.marker is not None)


def _emit(
    node: Node,
    path: list[Node],
    fields: dict[int, NodeFields],
    roles: dict[int, Role],
    builder: _Builder,
    sections: list[Section],
    problems: list[Problem],
) -> None:
    role = roles[id(node)]
    if role is Role.PROBLEM:
        problems.append(_problem(node, path, fields, builder))
        return
    section = _section(node, path, fields[id(node)], role, builder)
    sections.append(section)
    f = fields[id(node)]
    path_items = [*_path_items(path, fields), PathItem(marker=_marker(node), title=section.title)]
    for table in f.tables:
        section.problems.extend(
            ledger_problems(
                table, builder.textmap, builder.profile, path_items, builder.unique, builder.warn
            )
        )
    for child in node.children:
        _emit(child, [*path, node], fields, roles, builder, section.sections, section.problems)


def _marker(node: Node) -> str | None:
    return node.marker.raw if node.marker else None


def _path_items(path: list[Node], fields: dict[int, NodeFields]) -> list[PathItem]:
    return [
        PathItem(marker=_marker(n), title=_section_title(fields[id(n)].heading)[0]) for n in path
    ]


@lru_cache(maxsize=1024)
def _section_title(heading: str) -> tuple[str, str]:
    """``(title, same-line body)`` of a section heading: ``（一）标题。正文…`` splits after 。.
    Remembered: every problem's path repeats its ancestors' headings."""
    first, rest = split_first_sentence(heading)
    return _title_of(first), rest


def _section(node: Node, path: list[Node], f: NodeFields, role: Role, builder: _Builder) -> Section:
    title, rest = _section_title(f.heading)
    body = Spans()
    if rest:
        body.add(f.heading_start + f.heading.find(rest), rest)
    for index in node.body:
        if builder.textmap.blocks[index].kind.value != "table":
            body.add(builder.textmap.starts[index], builder.textmap.block_text(index))
    start = builder.textmap.starts[node.block]
    return Section(
        id=builder.unique("s" + _ident(path, node)),
        kind="narrative" if role is Role.NARRATIVE else "group",
        depth=len(path),
        number=str(node.marker.ordinal) if node.marker else None,
        marker=_marker(node),
        title=title,
        text=body.text,
        provenance=builder.prov(start, builder.node_end(node)),
    )


def _problem(
    node: Node, path: list[Node], fields: dict[int, NodeFields], builder: _Builder
) -> Problem:
    f = fields[id(node)]
    textmap, profile = builder.textmap, builder.profile
    # Plain data, validated once as the whole Problem: one call instead of one per sub-model.
    sources: dict[str, dict[str, Any]] = {}
    statement = textmap.text[f.heading_start : f.statement_end].rstrip(" ，,；;：:")
    wrapped = unwrap(statement)
    heading: str | None = None
    rests: list[tuple[int, str]] = []  # the statement after its title, as (offset, text)
    if wrapped is not None:
        inner = statement[wrapped.inner_start : wrapped.inner_end]
        title, inner_rest = split_first_sentence(inner)
        title_start = f.heading_start + wrapped.inner_start + (len(inner) - len(inner.lstrip()))
        if inner_rest:
            rests.append(
                (
                    f.heading_start + wrapped.inner_start + inner.find(inner_rest, len(title)),
                    inner_rest,
                )
            )
        outer = statement[wrapped.wrapper_end :].strip()
        if outer:
            rests.append((f.heading_start + statement.find(outer, wrapped.wrapper_end), outer))
        head_text = statement[: wrapped.wrapper_end].strip().rstrip("。；;，,：:")
        heading = head_text
        head_start = f.heading_start + statement.find(head_text)
        sources["heading"] = builder.prov_data(head_start, head_start + len(head_text))
    else:
        title, rest = split_first_sentence(statement)
        lead = len(statement) - len(statement.lstrip())
        title_start = f.heading_start + lead
        if rest:
            rests.append((f.heading_start + statement.find(rest, len(title)), rest))
    sources["title"] = builder.prov_data(title_start, title_start + len(title))

    description = Spans()
    actions = f.actions
    if rests:
        if f.actions_labelled or f.status is not None or f.free.pieces:
            for rest_start, rest in rests:
                description.add(rest_start, rest)
        else:
            actions = Spans()
            for rest_start, rest in rests:
                actions.add(rest_start, rest)
    # Unlabelled paragraphs before a narrative or status label describe the finding; with only
    # 责任单位/整改时限 labels about, they are the narrative itself.
    narrative_labelled = f.actions_labelled or f.status is not None
    if narrative_labelled:
        for start, text in f.free.pieces:
            description.add(start, text)
    elif f.free.pieces:
        actions = f.free
    if description.start is not None and description.end is not None:
        _put_runs(sources, "description", description, builder)

    # Labelled lines after the last numbered measure (（3）… then 整改结果：已完成。) belong to
    # the problem, not to that measure.
    f = _with_trailing_labels(node, f, fields)
    # Status: a labelled value, else a sentence that states it at the start or end of the
    # narrative (该问题已完成整改。), else unknown.
    status, status_raw, long_term = Status.UNKNOWN, None, False
    if f.status is not None:
        status_raw = f.status.text
        sources["status"] = builder.prov_data(f.status.start, f.status.end)
        match = normalise_status(f.status.text, profile)
        if match is None:
            builder.warn(
                "status_unrecognised",
                f"status {f.status.text!r} is not in the profile",
                f.status.start,
                f.status.end,
            )
        else:
            status, long_term = match.status, match.long_term
    else:
        found = status_sentence(actions.text, profile) if actions.pieces else None
        if found is not None:
            s, e, match = found
            g_start, g_end = actions.to_global(s), actions.to_global(e)
            status_raw = textmap.text[g_start:g_end]
            status, long_term = match.status, match.long_term
            sources["status"] = builder.prov_data(g_start, g_end)

    if status is Status.UNKNOWN:
        # 二、正在整改的问题: a part that groups problems by status gives them theirs.
        for ancestor in reversed(path):
            above = fields[id(ancestor)]
            group = group_status(_section_title(above.heading)[0], profile)
            if group is not None:
                status, long_term = group.status, group.long_term
                status_raw = _section_title(above.heading)[0]
                at = textmap.text.find(status_raw, above.heading_start)
                sources["status"] = builder.prov_data(at, at + len(status_raw))
                break
    measures = _measures(actions, builder)
    if measures and status_raw is not None and "status" in sources and f.status is None:
        _drop_status_from(measures[-1], status_raw, sources["status"]["start"], builder)
    if not measures and node.children:
        # Numbered items under a problem are its measures, and part of its narrative.
        stop = _labels_start(node, fields)
        if status is Status.UNKNOWN:
            # （3）… then 目前，该问题已整改到位。: the closing sentence after the last measure.
            closing = _closing_status(node.children[-1], fields, builder)
            if closing is not None:
                s_start, s_end, match = closing
                status_raw = textmap.text[s_start:s_end]
                status, long_term = match.status, match.long_term
                sources["status"] = builder.prov_data(s_start, s_end)
                paragraph = textmap.starts[_block_at(textmap, s_start)]
                stop = paragraph if stop is None else min(stop, paragraph)
        measures, child_actions = _child_measures(node, builder, stop=stop)
        actions = Spans([*actions.pieces, *child_actions.pieces])
    if actions.start is not None and actions.end is not None:
        _put_runs(sources, "actions", actions, builder)
    for name in ("responsible", "deadline"):
        value = getattr(f, name)
        if value is not None:
            sources[name] = builder.prov_data(value.start, value.end)

    start = textmap.starts[node.block]
    assert node.marker is not None
    return Problem.model_validate(
        {
            "id": builder.unique("p" + _ident(path, node)),
            "number": str(node.marker.ordinal),
            "marker": node.marker.raw,
            "path": [
                {"marker": _marker(n), "title": _section_title(fields[id(n)].heading)[0]}
                for n in path
            ],
            "title": title,
            "description": description.text,
            "status": status,
            "status_raw": status_raw,
            "long_term": long_term,
            "actions": actions.text,
            "measures": measures,
            "responsible": f.responsible.text if f.responsible else None,
            "deadline": f.deadline.text if f.deadline else None,
            "heading": heading,
            "provenance": builder.prov_data(start, builder.node_end(node)),
            "sources": sources,
        }
    )


def _measures(actions: Spans, builder: _Builder) -> list[dict[str, Any]]:
    """The measures enumerated in ``actions``, as :class:`Measure` data."""
    text = actions.text
    document = builder.textmap.text
    runs = actions.runs(document)
    measures: list[dict[str, Any]] = []
    for found in find_measures(text):
        start, end = actions.to_global(found.marker_start), actions.to_global(found.end)
        # A measure ends where its stretch of the document does (a labelled line between two
        # pieces of the narrative is not part of it).
        run_end = next((e for s, e in runs if s <= start < e), end)
        if end > run_end:
            end = run_end
            found = replace(
                found, end=found.start + len(document[actions.to_global(found.start) : end])
            )
        if found.missing_shi:
            builder.warn(
                "measure_marker_irregular",
                f"measure {found.ordinal} is introduced by {found.marker!r} (是 missing)",
                start,
                start + len(found.marker),
            )
        measures.append(
            {
                "ordinal": found.ordinal,
                "marker": found.marker,
                "text": text[found.start : found.end].strip(),
                "provenance": builder.prov_data(start, end),
            }
        )
    return measures


def _put_runs(
    sources: dict[str, dict[str, Any]], name: str, spans: Spans, builder: _Builder
) -> None:
    """``sources[name]`` for the first stretch of a value gathered from several places, and
    ``name.2``, ``name.3``… for the others (joined by line breaks, they make the value)."""
    for index, (start, end) in enumerate(spans.runs(builder.textmap.text)):
        sources[name if index == 0 else f"{name}.{index + 1}"] = builder.prov_data(start, end)


def _drop_status_from(
    measure: dict[str, Any], status_raw: str, status_start: int, builder: _Builder
) -> None:
    """The closing status sentence (…，该问题已整改到位。) is the problem's status, not part of
    its last measure: cut it from that measure's text and span."""
    span = measure["provenance"]
    if not span["start"] < status_start <= span["end"]:
        return
    text: str = measure["text"]
    cut = text.rfind(status_raw)
    if cut <= 0:
        return
    kept = text[:cut].rstrip(" \n\t\u3000，,；;。")
    if not kept:
        return
    measure["text"] = kept + ("。" if text[:cut].rstrip().endswith("。") else "")
    end = status_start
    while end > span["start"] and builder.textmap.text[end - 1] in " \n\t\u3000，,；;":
        end -= 1
    measure["provenance"] = builder.prov_data(span["start"], end)


_TRAILING_FIELDS = ("status", "responsible", "deadline")


def _trailing_values(node: Node, fields: dict[int, NodeFields]) -> dict[str, Value]:
    """Labelled values in the body of a problem's last numbered item."""
    if not node.children:
        return {}
    last = fields[id(node.children[-1])]
    return {
        name: value
        for name in _TRAILING_FIELDS
        if (value := getattr(last, name)) is not None and value.start >= last.heading_end
    }


def _with_trailing_labels(node: Node, f: NodeFields, fields: dict[int, NodeFields]) -> NodeFields:
    found = {k: v for k, v in _trailing_values(node, fields).items() if getattr(f, k) is None}
    if not found:
        return f
    return replace(
        f,
        status=found.get("status", f.status),
        responsible=found.get("responsible", f.responsible),
        deadline=found.get("deadline", f.deadline),
    )


def _labels_start(node: Node, fields: dict[int, NodeFields]) -> int | None:
    """Where the labelled lines after a problem's last numbered item begin, if any."""
    values = _trailing_values(node, fields)
    return min((v.line_start for v in values.values()), default=None)


def _closing_status(
    last: Node, fields: dict[int, NodeFields], builder: _Builder
) -> tuple[int, int, StatusMatch] | None:
    """A status sentence in the unlabelled paragraphs after a problem's last numbered item,
    as global offsets."""
    f = fields[id(last)]
    body = f.actions if f.actions.pieces else f.free
    if not body.pieces:
        return None
    last_start, last_text = body.pieces[-1]
    found = status_sentence(last_text, builder.profile)
    if found is None:
        return None
    start, end, match = found
    return last_start + start, last_start + end, match


def _block_at(textmap: TextMap, offset: int) -> int:
    return max(0, bisect_right(textmap.starts, offset) - 1)


def _child_measures(
    node: Node, builder: _Builder, *, stop: int | None = None
) -> tuple[list[dict[str, Any]], Spans]:
    """Numbered items under a problem (family C: 1. 2. 3. after the finding) as measures
    (:class:`Measure` data); the last one ends at ``stop`` (labelled lines that follow it)."""
    textmap = builder.textmap
    measures: list[dict[str, Any]] = []
    actions = Spans()
    for child in node.children:
        assert child.marker is not None
        start = textmap.starts[child.block]
        end = builder.node_end(child)
        if stop is not None and start < stop < end:
            end = stop
            while end > start and textmap.text[end - 1] in " \n":
                end -= 1
        whole = textmap.text[start:end]
        actions.add(start, whole)
        body = textmap.text[child.head_start : end].strip()
        measures.append(
            {
                "ordinal": len(measures) + 1,
                "marker": child.marker.raw,
                "text": body,
                "provenance": builder.prov_data(start, end),
            }
        )
    return measures, actions
