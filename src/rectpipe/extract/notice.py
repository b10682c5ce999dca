"""A notice about one finding: 一、反馈问题 二、整改目标 三、整改措施 四、整改完成情况 五、公示期限.

督察整改公示 and similar notices lay one problem out in fixed parts. When at least three of a
document's top-level parts are titled with the profile's ``notice_sections`` words, and one of
them is the finding, the whole document is that problem: its title and description from the
finding part, its measures from the measures part, its status from the result part, its
responsible unit and deadline from labelled lines anywhere, its number from the title's
（第12项） or (序号9). The parts stay as narrative sections.

The same parts may be labelled lines instead of numbered parts (``整改任务：…`` /
``整改目标：…`` / ``整改完成情况：`` then 1、2、3、…): when three such lines, the finding's
among them, open unnumbered lines of the document's top level before any numbered item
(:func:`notice_lines`), the finding is the first one's value, and the numbered items after the
measures' or result's line are the measures (:func:`notice_lines_problem`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypedDict

from ..models.records import PathItem, Problem, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..runtime.record import record
from ..structure.tree import Node
from ..text.labels import label_words
from ..text.numbering import CN_NUMERAL_CHARS, marker_number, ordinal_value
from ..text.sentences import split_first_sentence
from ..text.textmap import TextMap
from .builder import Builder, child_measures, measures_in, measures_of, problem_of
from .evidence import Evidence, heading_evidence
from .fields_of_node import NodeFields
from .spans import Spans
from .status import StatusMatch, by_deadline, normalise_status, status_sentence

__all__ = [
    "NoticeLine",
    "lead_before",
    "notice_lines",
    "notice_lines_problem",
    "notice_parts",
    "notice_problem",
    "notice_quoted_problem",
]

MIN_PARTS = 3
_NUMBER = compile_pattern(
    rf"(?:第\s*([0-9]{{1,4}}|[{CN_NUMERAL_CHARS}]{{1,4}})\s*项"
    rf"|序号\s*[:：]?\s*([0-9]{{1,4}}|[{CN_NUMERAL_CHARS}]{{1,4}})|[(（]\s*([0-9]{{1,4}})\s*[)）])"
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
    if not _body(roles["finding"], fields, "").pieces:
        return {}  # a finding part that states nothing: not a notice about it
    return roles


def lead_before(root: Node, textmap: TextMap, stop: int | None = None) -> Spans:
    """The unnumbered blocks of ``root`` before block ``stop`` (all of them when ``None``): a
    notice's lead, which its title, number, status and sign-off are read from."""
    lead = Spans()
    for index in root.body:
        if stop is None or index < stop:
            lead.add(textmap.starts[index], textmap.block_text(index))
    return lead


def notice_problem(
    parts: dict[str, Node],
    fields: dict[int, NodeFields],
    front: Spans,
    builder: Builder,
) -> list[Problem]:
    """The problem a notice states (see the module's description), or one for each finding
    when its finding part lists several. ``front`` is the text
    before its parts: its number (:func:`_ordinal`), and its status when the result part
    states none and the lead signs the problem off (:func:`_lead_status`)."""

    textmap, profile = builder.textmap, builder.profile
    sources: dict[str, dict[str, Any]] = {}
    finding = parts["finding"]
    title, description = _statement(_body(finding, fields, textmap.text), builder, sources)

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
        status, status_raw, long_term = _status_of(result, builder, sources)
        actions = Spans([*actions.pieces, *result.pieces])
    _actions_sources(actions, builder, sources)
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
    responsible_text = responsible.text if responsible else None
    deadline_text = deadline.text if deadline else None
    for name in ("responsible", "deadline"):  # 二、整改实施主体 / 五、完成时限: a part of its own
        part = _body(parts[name], fields, textmap.text) if name in parts else Spans()
        if name in sources or part.start is None or part.end is None:
            continue
        sources[name] = builder.prov_data(part.start, part.end)
        if name == "responsible":
            responsible_text = part.text
        else:
            deadline_text = part.text
    if status is Status.UNKNOWN:
        status, status_raw, long_term = _front_status(front, builder, sources)
    if status is Status.ONGOING:  # 持续推进 with a date to finish by is not long-term
        read = by_deadline(
            StatusMatch(status, long_term),
            status_raw,
            deadline_text,
            actions.text,
            profile,
        )
        status, long_term = read.status, read.long_term
    ordinal = _ordinal(front.text)
    first = textmap.starts[finding.block]
    last = max(parts.values(), key=lambda n: n.block)
    shared: _Shared = {
        "status": status,
        "status_raw": status_raw,
        "long_term": long_term,
        "responsible": responsible_text,
        "deadline": deadline_text,
        "path": [],
        "heading": None,
    }
    several = _several_findings(finding, fields, profile)
    if several:
        return _each_finding(several, parts, shared, sources, (measures, actions), fields, builder)
    return [
        problem_of(
            id=builder.unique(f"p{ordinal or 1}"),
            number=ordinal,
            marker=None,
            title=title,
            description=description.text,
            actions=actions.text,
            measures=measures,
            provenance=builder.prov_data(first, builder.node_end(last)),
            sources=sources,
            **shared,
        )
    ]


class _Shared(TypedDict):
    """What every problem of one notice shares."""

    status: Status
    status_raw: str | None
    long_term: bool
    responsible: str | None
    deadline: str | None
    path: list[PathItem]
    heading: str | None


def _several_findings(finding: Node, fields: dict[int, NodeFields], profile: Profile) -> list[Node]:
    """The items of a finding part that each state a finding (一、整改问题 / （一）X。/ （二）Y。),
    when there are two or more; ``[]`` when the part states one."""
    kids = finding.children
    if len(kids) < 2 or any(k.children for k in kids):
        return []
    if any(heading_evidence(fields[id(k)].heading, profile) is not Evidence.FINDING for k in kids):
        return []
    return kids


def _each_finding(
    kids: list[Node],
    parts: dict[str, Node],
    shared: _Shared,
    sources: dict[str, dict[str, Any]],
    done: tuple[list[dict[str, Any]], Spans],
    fields: dict[int, NodeFields],
    builder: Builder,
) -> list[Problem]:
    """One problem for each finding of a notice that lists several: the notice's status, unit
    and date to finish by, and the measures part's item of the same rank when it has as many
    items (else all the notice's measures)."""
    textmap = builder.textmap
    measures_part = parts.get("measures")
    paired = (
        measures_part.children
        if measures_part is not None and len(measures_part.children) == len(kids)
        else []
    )
    common = {
        k: v
        for k, v in sources.items()
        if k not in ("title", "description", "actions") and not k.startswith("actions.")
    }
    found: list[Problem] = []
    for index, kid in enumerate(kids):
        own = dict(common)
        g = fields[id(kid)]
        told = Spans([(g.heading_start, g.heading), *g.free.pieces, *g.actions.pieces])
        told.pieces.sort()
        title, description = _statement(told, builder, own)
        if paired:
            measures, actions = measures_of([paired[index]], builder)
        else:
            measures, actions = done
        _actions_sources(actions, builder, own)
        assert kid.marker is not None
        number = marker_number(kid.marker)
        found.append(
            problem_of(
                id=builder.unique(f"p{number}"),
                number=number,
                marker=kid.marker.raw,
                title=title,
                description=description.text,
                actions=actions.text,
                measures=measures,
                provenance=builder.prov_data(textmap.starts[kid.block], builder.node_end(kid)),
                sources=own,
                **shared,
            )
        )
    return found


def _statement(
    body: Spans, builder: Builder, sources: dict[str, dict[str, Any]]
) -> tuple[str, Spans]:
    """The finding's title (its first sentence) and description (the rest), their sources
    put in ``sources``."""
    statement = body.text
    title, rest = split_first_sentence(statement)
    start = body.to_global(len(statement) - len(statement.lstrip()))
    sources["title"] = builder.prov_data(start, start + len(title))
    description = Spans()
    if rest:
        at = body.to_global(statement.find(rest, len(title)))
        description.add(at, builder.textmap.text[at : body.end or at])
        sources["description"] = builder.prov_data(description.start or at, description.end or at)
    return title, description


def _status_of(
    result: Spans, builder: Builder, sources: dict[str, dict[str, Any]]
) -> tuple[Status, str | None, bool]:
    """The status the result part states (:func:`_result_status`), as written, and whether it
    is long-term; its source put in ``sources``."""
    found = _result_status(result, builder.profile)
    if found is None:
        return Status.UNKNOWN, None, False
    s, e, match = found
    sources["status"] = builder.prov_data(s, e)
    return match.status, builder.textmap.text[s:e], match.long_term


def _actions_sources(actions: Spans, builder: Builder, sources: dict[str, dict[str, Any]]) -> None:
    if actions.start is not None and actions.end is not None:
        sources["actions"] = builder.prov_data(
            actions.start, actions.start + len(actions.pieces[0][1])
        )
        for n, (s, piece) in enumerate(actions.pieces[1:], start=2):
            sources[f"actions.{n}"] = builder.prov_data(s, s + len(piece))


def _front_status(
    front: Spans, builder: Builder, sources: dict[str, dict[str, Any]]
) -> tuple[Status, str | None, bool]:
    """The status a notice's lead gives its problem when its result states none: what its
    sentences say became of it (第57号问题已整改完成，并通过核查验收), else completed when the
    notice signs it off (根据整改销号工作要求，现对…整改完成情况进行公示: a 销号 notice is
    published for work done)."""
    if not front.pieces:
        return Status.UNKNOWN, None, False
    said = _status_of(_lead_status(front), builder, sources)
    if said[0] is not Status.UNKNOWN:
        return said
    for start, piece in front.pieces:
        # (the name of a document it cites, 按照《关于做好…验收销号工作的通知》, makes it one of
        # the notices that work publishes, unless it says it tells the progress: 整改进展)
        found = next(
            (
                m
                for m in _SIGN_OFF.finditer(piece)
                if not _inside_book_title(piece, m.start()) or "进展" not in piece
            ),
            None,
        )
        if found is not None:
            s, e = start + found.start(), start + found.end()
            sources["status"] = builder.prov_data(s, e)
            return Status.COMPLETED, found.group(0), False
    return Status.UNKNOWN, None, False


# What a notice published to sign its finding off says of itself (整改销号, 验收销号, 销号公示,
# 申请销号, 拟销号, 对…整改完成情况进行公示, 对…销号情况进行公示), not when a negation comes first
# (暂不销号).
_SIGN_OFF = compile_pattern(
    r"(?<!未|不|暂不|不予|无法)(?:(?:整改|验收|对账)销号|销号(?:公示|验收)|申请销号|拟(?:予)?销号"
    r"|(?:整改完成|销号)情况(?:进行|予以)?公示|(?:整改完成|销号)情况的公示)"
)


def _inside_book_title(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a 《…》 of ``text``."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _lead_status(front: Spans) -> Spans:
    """The sentences of a notice's lead that say what became of its problem (…问题已整改完成，
    并通过核查验收), not those that cite its grounds (根据《…》要求) or announce it
    (现将…公示如下)."""
    kept = Spans()
    for start, piece in front.pieces:
        for sentence in _SENTENCE.finditer(piece):
            said = sentence.group(0)
            if "问题" in said and not _GROUNDS.search(said):
                kept.add(start + sentence.start(), said)
    return kept


_SENTENCE = compile_pattern(r"[^。！!；;\n]+[。！!；;]")  # ended: not the title above the lead
_GROUNDS = compile_pattern(r"根据|按照|依据|现将|公示如下|予以公示|如下")


def _ordinal(front_text: str) -> str | None:
    """The notice's number in its title or lead: （第12项）, (序号9), (序号三), (12)."""
    number = _NUMBER.search(front_text)
    written = next((g for g in number.groups() if g), None) if number else None
    value = ordinal_value(written) if written else None
    return str(value) if value else None


# A notice that names its one finding in quotes in a sentence (现将…反馈问题第5项关于“X”整改
# 任务落实情况进行公示), its table published elsewhere (详见附表).
_QUOTED_FINDING = compile_pattern(
    rf"问题\s*(?:第\s*(?:[0-9]{{1,4}}|[{CN_NUMERAL_CHARS}]{{1,4}})\s*项|[(（]\s*序号[^)）]{{1,6}}[)）])?\s*"
    r"(?:关于|即|为)?\s*[“\"](?P<finding>[^”\"\n]{6,200})[”\"]\s*(?:的)?(?:问题)?\s*"
    r"(?:的)?(?:整改|整治|落实|销号|完成)"
)
_PUBLISHED = compile_pattern(r"公示|公告")


def notice_quoted_problem(root: Node, builder: Builder) -> Problem | None:
    """The one problem of a notice with no parts, lines or items that names its finding in
    quotes (…反馈问题第5项关于“X”整改任务落实情况进行公示), or ``None``. Its status is what
    the text says of it, else completed when the notice signs it off (验收销号)."""
    front = lead_before(root, builder.textmap)
    if not front.pieces or not _PUBLISHED.search(front.text):
        return None
    found = next(
        (
            (start, m)
            for start, piece in front.pieces
            if (m := _QUOTED_FINDING.search(piece)) is not None
        ),
        None,
    )
    if found is None:
        return None
    start, match = found
    t_start, t_end = start + match.start("finding"), start + match.end("finding")
    sources: dict[str, dict[str, Any]] = {"title": builder.prov_data(t_start, t_end)}
    status, status_raw, long_term = _front_status(front, builder, sources)
    ordinal = _ordinal(front.text)
    return problem_of(
        id=builder.unique(f"p{ordinal or 1}"),
        number=ordinal,
        marker=None,
        path=[],
        title=match.group("finding").strip(),
        description="",
        status=status,
        status_raw=status_raw,
        long_term=long_term,
        actions="",
        measures=[],
        responsible=None,
        deadline=None,
        heading=None,
        provenance=builder.prov_data(start + match.start(), start + match.end()),
        sources=sources,
    )


def _body(node: Node, fields: dict[int, NodeFields], text: str) -> Spans:
    """A part's text: what follows its title on the heading line, its paragraphs, and the
    items under it (一、反馈问题 / （一）…: the finding written as the part's one item), their
    markers left out."""
    f = fields[id(node)]
    spans = Spans()
    heading_rest = f.heading[len(f.heading.split("。", 1)[0]) :].lstrip("。")
    if heading_rest.strip() and _title(f.heading) != f.heading.strip().rstrip("：:。"):
        spans.add(f.heading_start + f.heading.find(heading_rest), heading_rest)
    for start, piece in [*f.free.pieces, *f.actions.pieces]:
        spans.add(start, piece)
    for child in node.walk():
        if child is not node:
            g = fields[id(child)]
            spans.add(g.heading_start, g.heading)
            for start, piece in [*g.free.pieces, *g.actions.pieces]:
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


@record
class NoticeLine:
    """A labelled line of a notice: its block, its role, and where its value starts."""

    block: int
    role: str
    value_start: int


@lru_cache(maxsize=8)
def _label_pattern(profile: Profile) -> Any:
    words = (word for words in profile.notice_sections.values() for word in words)
    # a label, or a longer one that ends as one does (整改任务完成情况 as 完成情况)
    label = label_words(words, "label")
    return compile_pattern(rf"^\s*[【\[［]?{label}[】\]］]?\s*[：:∶]\s*")


def notice_lines(root: Node, textmap: TextMap, profile: Profile) -> list[NoticeLine]:
    """The labelled lines of a one-finding notice laid out without numbers (see the module),
    in order; ``[]`` when the document is none."""
    pattern = _label_pattern(profile)
    role_of = {word: role for role, words in profile.notice_sections.items() for word in words}
    found: list[NoticeLine] = []
    # the top level's own lines, and those that ran on under a numbered item (1．… then
    # 整改完成情况：… is the next labelled line, not more of the item)
    candidates = sorted([*root.body, *(i for child in root.children for i in child.body)])
    for index in candidates:
        match = pattern.match(textmap.block_text(index))
        if match is None:
            continue
        role = role_of[match.group("label")]
        if any(line.role == role for line in found):
            return []  # a second finding, target…: several problems laid out alike, not one
        found.append(NoticeLine(index, role, textmap.starts[index] + match.end()))
    roles = {line.role for line in found}
    if len(roles) < MIN_PARTS or "finding" not in roles:
        return []
    if root.children and root.children[0].block < found[0].block:
        return []  # numbered items before the notice's lines: a report of its own
    return found


def notice_lines_problem(
    lines: list[NoticeLine], root: Node, front: Spans, builder: Builder
) -> Problem:
    """The one problem a notice laid out in labelled lines states. ``front`` is the text
    before its lines, read as :func:`notice_problem` reads it."""
    textmap = builder.textmap
    by_role = {line.role: line for line in lines}
    ends = _line_ends(lines, root, textmap)
    sources: dict[str, dict[str, Any]] = {}

    finding = by_role["finding"]
    title, description = _statement(_value(finding, ends, textmap), builder, sources)

    # the numbered items after a labelled line are what it introduces
    items = _items_after(lines, root)
    measures: list[dict[str, Any]] = []
    actions = Spans()
    listed_from = None  # the role whose numbered items are the measures
    for role in ("measures", "result"):
        if role in by_role and items.get(role) and not measures:
            stop = _next_line_start(by_role[role], lines, textmap)
            measures, listed = measures_of(items[role], builder, stop=stop)
            actions = Spans([*actions.pieces, *listed.pieces])
            listed_from = role
    if "measures" in by_role:
        written = _value(by_role["measures"], ends, textmap)
        if not measures:
            measures = measures_in(written, builder)
        actions = Spans([*written.pieces, *actions.pieces])
    status, status_raw, long_term = Status.UNKNOWN, None, False
    if "result" in by_role:
        result = _value(by_role["result"], ends, textmap)
        if items.get("result"):
            stop = _next_line_start(by_role["result"], lines, textmap)
            result = Spans(
                [*result.pieces, *measures_of(items["result"], builder, stop=stop)[1].pieces]
            )
        status, status_raw, long_term = _status_of(result, builder, sources)
        # what was done, with its numbered items unless they are the measures already
        done = _value(by_role["result"], ends, textmap) if listed_from == "result" else result
        actions = Spans([*actions.pieces, *done.pieces])
    if status is Status.UNKNOWN:
        status, status_raw, long_term = _front_status(front, builder, sources)
    told: dict[str, str | None] = {"responsible": None, "deadline": None}
    for role in told:  # 责任单位：… / 完成时限：… lines, as written
        if role in by_role:
            value = _value(by_role[role], ends, textmap)
            if value.pieces and value.start is not None and value.end is not None:
                told[role] = value.text.strip().rstrip("。；;")
                sources[role] = builder.prov_data(value.start, value.start + len(told[role] or ""))
    actions.pieces.sort()
    _actions_sources(actions, builder, sources)
    ordinal = _ordinal(front.text)
    first = textmap.starts[finding.block]
    listed_nodes = [node for nodes in items.values() for node in nodes]
    end = max([ends[line.block] for line in lines] + [builder.node_end(n) for n in listed_nodes])
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
        responsible=told["responsible"] or None,
        deadline=told["deadline"] or None,
        heading=None,
        provenance=builder.prov_data(first, end),
        sources=sources,
    )


def _next_line_start(line: NoticeLine, lines: list[NoticeLine], textmap: TextMap) -> int | None:
    """Where the labelled line after ``line`` starts, if one does."""
    later = [other.block for other in lines if other.block > line.block]
    return textmap.starts[min(later)] if later else None


def _items_after(lines: list[NoticeLine], root: Node) -> dict[str, list[Node]]:
    """The numbered items of the top level by the role of the labelled line above them."""
    items: dict[str, list[Node]] = {}
    for node in root.children:
        above = [line for line in lines if line.block < node.block]
        if above:
            items.setdefault(above[-1].role, []).append(node)
    return items


def _line_ends(lines: list[NoticeLine], root: Node, textmap: TextMap) -> dict[int, int]:
    """Where each labelled line's value ends: before the next labelled line, the first
    numbered item, or the closing lines (the blocks of the top level after it run on)."""
    stops = sorted({line.block for line in lines} | {n.block for n in root.children})
    body = set(root.body)
    ends: dict[int, int] = {}
    for line in lines:
        last = line.block
        nxt = next((b for b in stops if b > line.block), len(textmap.blocks))
        while last + 1 < nxt and last + 1 in body and line.role == "finding":
            last += 1  # the finding's paragraphs after its line
        ends[line.block] = textmap.starts[last] + len(textmap.block_text(last))
    return ends


def _value(line: NoticeLine, ends: dict[int, int], textmap: TextMap) -> Spans:
    spans = Spans()
    start, end = line.value_start, ends[line.block]
    text = textmap.text[start:end]
    if text.strip():
        lead = len(text) - len(text.lstrip())
        spans.add(start + lead, text.strip())
    return spans
