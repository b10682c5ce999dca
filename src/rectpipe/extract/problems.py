"""The numbered tree → sections and problems.

Each numbered item's role comes from :func:`rectpipe.extract.roles.classify`; this module builds
the sections and problems those roles call for, with their fields and sources.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..models.records import PathItem, Problem, ReportWarning, Section, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..runtime.record import field, record, replace
from ..structure.tree import Node
from ..text.numbering import marker_number
from ..text.sentences import split_first_sentence
from ..text.textmap import TextMap
from ..text.wrappers import unwrap
from .about_all import ALL_FINDINGS
from .accounts import pair_parts, take_account
from .builder import (
    Builder,
    block_at,
    child_measures,
    drop_status_from,
    measures_in,
    problem_of,
    put_runs,
)
from .clause_findings import clause_findings
from .evidence import Evidence, heading_evidence, opens_a_measure
from .fields_of_node import NodeFields, Value, node_fields
from .listed_findings import listed_findings
from .measures import find_numbered_measures
from .note_items import mark_note_items
from .notice import (
    lead_before,
    notice_lines,
    notice_lines_problem,
    notice_parts,
    notice_problem,
    notice_quoted_problem,
)
from .paragraph_findings import paragraph_findings, wrapped_paragraph_findings
from .roles import Role, classify, section_title
from .spans import Spans
from .status import (
    UNDER_WAY,
    StatusMatch,
    all_of_group,
    by_deadline,
    group_status,
    normalise_status,
    status_sentence,
)
from .status_tail import closing_status, long_term_after
from .tables import ledger_problems
from .totals import one_state_of_all, read_counts
from .trailing_tallies import detach_trailing_tallies

if TYPE_CHECKING:
    import regex

__all__ = ["Built", "build"]


@record(frozen=False, slots=False)
class Built:
    """The sections and problems built from a tree, and the warnings met on the way."""

    sections: list[Section]
    problems: list[Problem]
    warnings: list[ReportWarning] = field(default_factory=list)
    group_tallies: set[int] = field(default_factory=set)
    """Blocks that tally one group's findings, not the document's (a part's lead)."""


def build(root: Node, textmap: TextMap, profile: Profile) -> Built:
    """Sections and problems of the tree under ``root``, with the warnings met on the way."""
    fields = {id(node): node_fields(node, textmap, profile) for node in root.walk()}
    builder = Builder(textmap, profile)
    sections: list[Section] = []
    problems: list[Problem] = []
    parts = notice_parts(root, fields, profile)
    if parts:  # a notice about one finding: the document is that problem
        lead = lead_before(root, textmap, root.children[0].block)
        problems.extend(notice_problem(parts, fields, lead, builder))
        roles = {id(node): Role.NARRATIVE for node in root.walk() if node.marker is not None}
        for node in root.children:  # (its parts hold no findings of their own)
            _emit(node, [], fields, roles, builder, sections, problems, in_paragraphs=False)
        return Built(
            sections=sections,
            problems=problems,
            warnings=builder.warnings,
            group_tallies=builder.group_tallies,
        )
    lines = notice_lines(root, textmap, profile)
    if lines:  # the same, laid out in labelled lines: 整改任务：… 整改目标：… 整改完成情况：…
        front = lead_before(root, textmap, lines[0].block)
        problems.append(notice_lines_problem(lines, root, front, builder))
        # every numbered item comes after the first labelled line (notice_lines): the
        # problem's measures or results, no sections
        return Built(
            sections=sections,
            problems=problems,
            warnings=builder.warnings,
            group_tallies=builder.group_tallies,
        )
    roles = classify(root, fields, profile)
    mark_note_items(root, roles, textmap)
    for node in detach_trailing_tallies(root, roles, textmap, profile):
        fields[id(node)] = node_fields(node, textmap, profile)
    for index in root.body:
        if textmap.blocks[index].kind.value == "table":
            problems.extend(
                ledger_problems(index, textmap, profile, [], builder.unique, builder.warn)
            )
    for node in root.children:
        _emit(node, [], fields, roles, builder, sections, problems)
    if not root.children and not problems:  # 现将…第5项关于“X”整改任务落实情况进行公示
        quoted = notice_quoted_problem(root, builder)
        if quoted is not None:
            problems.append(quoted)
    if not root.children and not problems:  # 关于“X”问题的整改。一是… paragraphs, no number
        problems.extend(wrapped_paragraph_findings(root.body, builder) or [])
    if not root.children and not problems:  # …存在一些问题，主要表现在：/ 一是…；/ 二是…
        listed = clause_findings("", [], builder, 0, len(textmap.text), inline=True)
        problems.extend(listed or [])
    problems = _share_closing_status(_pair_accounts(problems, builder), builder)
    pair_parts(sections, builder)
    for section in sections:
        _share_in_section(section, builder)
    restating = _restating_tables([*problems, *_section_problems(sections)])
    if restating:
        _lend_row_statuses([*problems, *_section_problems(sections)], restating)
        problems = [p for p in problems if p.id not in restating]
        for section in sections:
            _drop(section, restating)
    return Built(
        sections=sections,
        problems=problems,
        warnings=builder.warnings,
        group_tallies=builder.group_tallies,
    )


# A sentence after the last of a list that speaks of all of them (目前上述问题均已整改完成,
# 以上3个问题已全部整改到位).
_ALL_ABOVE = compile_pattern(ALL_FINDINGS)


_ALL_ABOVE_LEAD = 4
"""How far into its sentence 上述问题 / 以上N个问题 may start (目前上述问题…, 截至目前以上…)."""
# The time the sentence opens with, before it (截至目前，上述问题…; 截至2024年8月底，…).
_TIME_LEAD = compile_pattern(r"\s*(?:截[至止]\s*[^，,。；;]{1,14}?|至此|目前|当前|现在)\s*[，,]\s*")


def _share_closing_status(problems: list[Problem], builder: Builder) -> list[Problem]:
    """The problems of one list, the status of the last given to those that state none when
    it was read from a sentence about all of them (1、… 2、… 3、… / 目前上述问题均已整改完成)."""
    if len(problems) < 2:
        return problems
    last = problems[-1]
    raw = last.status_raw or ""
    lead = _TIME_LEAD.match(raw)
    about_all = _ALL_ABOVE.search(raw, lead.end() if lead else 0) if raw else None
    if about_all is None or about_all.start() - (lead.end() if lead else 0) > _ALL_ABOVE_LEAD:
        return problems  # (…针对上述问题中的第2项，已整改完成: the last problem's own)
    told = last.sources.get("status")
    if told is None or told.block is None or told.block == last.provenance.block:
        return problems  # on the problem's own line: its own status
    if not builder.textmap.block_text(told.block).lstrip().startswith(last.status_raw or ""):
        return problems  # inside a label's value (整改情况：上述问题…): the problem's own account
    for problem in problems[:-1]:
        if problem.status is Status.UNKNOWN:
            problem.status, problem.status_raw = last.status, last.status_raw
            problem.long_term = last.long_term
            problem.sources["status"] = told
    return problems


def _share_in_section(section: Section, builder: Builder) -> None:
    section.problems = _share_closing_status(_pair_accounts(section.problems, builder), builder)
    for child in section.sections:
        _share_in_section(child, builder)


# The words that announce a second list giving each finding's account (现将整改情况报告如下：).
_ACCOUNTS_FOLLOW = compile_pattern(
    r"(?:整改|落实)(?:情况|措施|结果|进展)[^。；\n]{0,10}如下|整改(?:落实)?情况[：:]\s*$"
)


def _pair_accounts(problems: list[Problem], builder: Builder) -> list[Problem]:
    """Two lists in turn, the second announced as the findings' accounts (存在以下问题：1、X
    2、Y 3、Z / 现将整改情况报告如下：1、已…完成 2、正在… 3、…): each finding takes the item of
    the same number as its account and status, and the second list's items are no problems of
    their own. The second list may be shorter (a copy cut inside it). Taken only when no
    finding of the first list states a status."""
    numbers = [p.number for p in problems]
    restart = next((k for k in range(2, len(numbers)) if numbers[k] == "1"), None)
    if restart is None or numbers[:restart] != [str(n) for n in range(1, restart + 1)]:
        return problems
    findings, accounts = problems[:restart], problems[restart:]
    if not accounts or len(accounts) > len(findings):
        return problems
    if numbers[restart:] != [str(n) for n in range(1, len(accounts) + 1)]:
        return problems
    if any(p.status is not Status.UNKNOWN for p in findings):
        return problems
    text = builder.textmap.text
    between = text[findings[-1].provenance.start : accounts[0].provenance.start]
    if not _ACCOUNTS_FOLLOW.search(between):
        return problems
    for finding, account in zip(findings, accounts, strict=False):
        start, end = account.provenance.start, account.provenance.end
        take_account(finding, start, end, account.marker or "", builder)
    return findings


#: Share of a table's rows that name a problem the text lists for the table to be a summary
#: of them (附：整改完成情况一览表), whose rows are no problems of their own.
RESTATED_SHARE = 0.6
#: The shortest title that counts as naming a problem when titles are compared: shorter ones
#: (a category's 党的建设) would match the start of many rows.
RESTATED_MIN_CHARS = 8

_TABLE_ROW_ID = compile_pattern(r"^t(?P<table>[0-9]+)-r[0-9]+")
_PUNCT = compile_pattern(r"[\s，。、；：,.;:“”‘’\"'（）()]")


def _restating_tables(problems: Sequence[Problem]) -> set[str]:
    """The ids of the problems read from tables that only restate problems the text lists
    (at least :data:`RESTATED_SHARE` of a table's rows name one, by the same words or the
    first words of it)."""
    told = [_PUNCT.sub("", p.title or "") for p in problems if not _TABLE_ROW_ID.match(p.id)]
    told = [t for t in told if len(t) >= RESTATED_MIN_CHARS]
    if not told:
        return set()
    tables: dict[str, list[Problem]] = {}
    for problem in problems:
        row = _TABLE_ROW_ID.match(problem.id)
        if row is not None:
            tables.setdefault(row.group("table"), []).append(problem)
    dropped: set[str] = set()
    for rows in tables.values():
        named = sum(1 for p in rows if _restates(_PUNCT.sub("", p.title or ""), told))
        if named >= RESTATED_SHARE * len(rows):
            dropped.update(p.id for p in rows)
    return dropped


def _lend_row_statuses(problems: Sequence[Problem], restating: set[str]) -> None:
    """A table after the text that restates its findings with their states (附：问题整改进展情况
    表): each finding the text tells without a status takes its row's."""
    rows = [p for p in problems if p.id in restating and p.status is not Status.UNKNOWN]
    for problem in problems:
        if problem.id in restating or problem.status is not Status.UNKNOWN:
            continue
        title = _PUNCT.sub("", problem.title or "")
        if len(title) < RESTATED_MIN_CHARS:
            continue
        row = next((r for r in rows if _restates(_PUNCT.sub("", r.title or ""), [title])), None)
        if row is None:
            continue
        problem.status, problem.status_raw, problem.long_term = (
            row.status,
            row.status_raw,
            row.long_term,
        )
        if "status" in row.sources:
            problem.sources["status"] = row.sources["status"]


def _restates(title: str, told: Sequence[str]) -> bool:
    if len(title) < RESTATED_MIN_CHARS:
        return False
    return any(t.startswith(title) or title.startswith(t) for t in told)


def _section_problems(sections: Sequence[Section]) -> list[Problem]:
    found: list[Problem] = []
    for section in sections:
        found += section.problems
        found += _section_problems(section.sections)
    return found


def _drop(section: Section, ids: set[str]) -> None:
    section.problems = [p for p in section.problems if p.id not in ids]
    for child in section.sections:
        _drop(child, ids)


def _ident(path: list[Node], node: Node) -> str:
    return "-".join(str(n.marker.ordinal) for n in [*path, node] if n.marker is not None)


def _emit(
    node: Node,
    path: list[Node],
    fields: dict[int, NodeFields],
    roles: dict[int, Role],
    builder: Builder,
    sections: list[Section],
    problems: list[Problem],
    *,
    in_paragraphs: bool = True,
) -> None:
    """The sections and problems of ``node`` and what is under it; ``in_paragraphs``: whether
    findings may open the paragraphs of a part (:mod:`.paragraph_findings`), which a notice
    about one finding, whose parts (一、反馈问题 二、整改目标…) tell it, leaves out."""
    role = roles[id(node)]
    if (
        role is not Role.MEASURE
        and not node.children
        # 1、关于“X”问题。巡察指出：一是…；二是…: the clauses tell the one finding the item names
        and not _wraps_one_finding(fields[id(node)].heading)
    ):
        # （一）党建工作方面 then 存在问题：一是…；二是…: the clauses are the problems.
        title = section_title(fields[id(node)].heading)[0]
        items = [*_path_items(path, fields), PathItem(marker=_marker(node), title=title)]
        listed = clause_findings(
            _ident(path, node),
            items,
            builder,
            node.head_start,
            builder.node_end(node),
            node.head_end,
        )
        if listed is None and node.head_end is not None:
            # 二、存在问题 then the findings one a line, or between semicolons
            listed = listed_findings(
                _ident(path, node), items, builder, node.head_start, builder.node_end(node),
                node.head_end,
            )  # fmt: skip
        if listed is None and in_paragraphs and node.marker is not None:
            # 一、关于作风纪律方面 then 考勤管理制度执行不严。所党支部一是…: paragraphs that each
            # open with a finding
            listed = paragraph_findings(
                _ident(path, node),
                items,
                builder,
                title,
                node.body,
                quoted=not builder.made_problems(),
            )
        if listed is not None:
            section = _section(node, path, fields[id(node)], Role.GROUP, builder)
            sections.append(section)
            section.problems.extend(listed)
            return
    if role is Role.PROBLEM:
        tabled = _tabled_group(node, path, fields, builder)
        if tabled is not None:
            sections.append(tabled)
        else:
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
    if section.problems:
        section.kind = "group"  # 二、反馈问题整改进展 over a ledger: the part of its rows
    for child in node.children:  # (then the part's lead may give its findings a state)
        _emit(
            child,
            [*path, node],
            fields,
            roles,
            builder,
            section.sections,
            section.problems,
            in_paragraphs=in_paragraphs,
        )
    if node.children:
        _lead_states(node, section, builder)


def _wraps_one_finding(heading: str) -> bool:
    """Whether ``heading`` opens with one finding wrapped (关于“理论学习不深入”问题。…), not a
    group's name (在“…”方面)."""
    first, _ = split_first_sentence(heading.strip())
    wrapped = unwrap(first.strip().rstrip("。；;：:"))
    return wrapped is not None and not first.rstrip("。；;：:").endswith("方面")


def _lead_states(node: Node, section: Section, builder: Builder) -> None:
    """The findings under ``node`` take the state its lead (a paragraph before its first item)
    counts all of them in (该方面问题3个，均已部分整改): the part's own count decides, as over
    paragraph findings (:mod:`.paragraph_findings`). A lead that tallies the part's findings is
    the part's, not the document's."""
    first = node.children[0].block
    textmap, profile = builder.textmap, builder.profile
    found = _all_problems(section)
    for index in (i for i in node.body if i < first):
        text = textmap.block_text(index)
        if not read_counts(text, profile).values:
            continue
        builder.group_tallies.add(index)
        every = one_state_of_all(text, len(found), profile)
        if every is None:
            continue
        start, end = textmap.starts[index], textmap.block_end(index)
        for problem in (p for p in found if p.status is not every):  # (its own words agree)
            problem.status, problem.status_raw = every, text.strip()
            problem.long_term = every is Status.ONGOING or (
                problem.long_term and every is Status.COMPLETED
            )
            problem.sources["status"] = builder.prov(start, end)
        return


def _all_problems(section: Section) -> list[Problem]:
    found = list(section.problems)
    for sub in section.sections:
        found += _all_problems(sub)
    return found


def _marker(node: Node) -> str | None:
    return node.marker.raw or None if node.marker else None


def _number(node: Node) -> str | None:
    """The item's number as written; ``None`` for the root and for an unmarked item."""
    return marker_number(node.marker) if node.marker and not node.unmarked else None


def _path_items(path: list[Node], fields: dict[int, NodeFields]) -> list[PathItem]:
    return [
        PathItem(marker=_marker(n), title=section_title(fields[id(n)].heading)[0]) for n in path
    ]


def _section(node: Node, path: list[Node], f: NodeFields, role: Role, builder: Builder) -> Section:
    title, rest = section_title(f.heading)
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
        number=_number(node),
        marker=_marker(node),
        title=title,
        text=body.text,
        provenance=builder.prov(start, builder.node_end(node)),
    )


# A finding, a colon, then what was done about it (药品采购台账不全：已补齐…，已完成整改).
_FINDING_COLON = compile_pattern(r"^(?P<finding>[^：:“”]{4,40}?)\s*[：:]\s*")


def _account_after_colon(title: str, profile: Profile) -> regex.Match[str] | None:
    """The finding before a colon when what follows opens an account: as a status sentence
    does (the profile's prefixes: 已…, 目前, 该问题), as work under way does (正在…), or as a
    measure does (the profile's measure openers: 通过, 建立…); a description (部分报销单据…)
    opens none of these."""
    found = _FINDING_COLON.match(title)
    if found is None:
        return None
    told = title[found.end() :]
    if (
        told.startswith(profile.status_sentence_prefixes)
        or UNDER_WAY.match(told)
        or opens_a_measure(told, profile)
    ):
        return found
    return None


def _closes_long_term(account: str, profile: Profile) -> bool:
    """Whether ``account`` closes with a sentence of its own that the work goes on for the long
    term (该问题需长期坚持。), read as any closing status sentence is."""
    found = status_sentence(account, profile) if account else None
    if found is None or found[2].status is not Status.ONGOING:
        return False
    start, end, _ = found
    opens = start == 0 or account[start - 1] in _SENTENCE_MARKS
    return opens and not account[end:].strip(_SENTENCE_MARKS)


_SENTENCE_MARKS = " \n。；;！!"


def _tabled_group(
    node: Node, path: list[Node], fields: dict[int, NodeFields], builder: Builder
) -> Section | None:
    """（一）落实上级决策部署有差距 then a table of its findings (序号 / 问题表现 / 整改措施 /
    完成情况): a heading worded as a finding that holds a ledger is the group of its rows, not
    a problem; ``None`` when ``node`` holds items or no table that lists findings."""
    f = fields[id(node)]
    if node.children or not f.tables:
        return None
    title = section_title(f.heading)[0]
    items = [*_path_items(path, fields), PathItem(marker=_marker(node), title=title)]
    rows = [
        problem
        for table in f.tables
        for problem in ledger_problems(
            table, builder.textmap, builder.profile, items, builder.unique, builder.warn
        )
    ]
    if not rows:
        return None
    section = _section(node, path, f, Role.GROUP, builder)
    section.problems.extend(rows)
    return section


def _problem(
    node: Node, path: list[Node], fields: dict[int, NodeFields], builder: Builder
) -> Problem:
    f = fields[id(node)]
    textmap, profile = builder.textmap, builder.profile
    # Plain data, validated once as the whole Problem: one call instead of one per sub-model.
    sources: dict[str, dict[str, Any]] = {}
    statement = textmap.text[f.heading_start : f.statement_end].rstrip(" ，,；;：:")
    wrapped = unwrap(statement)
    heading: str | None = None
    rests: list[tuple[int, str]] = []  # the statement after its title, as (offset, text)
    quoted: tuple[int, str] | None = None  # the wrapped finding's own text after its title
    if wrapped is not None:
        inner = statement[wrapped.inner_start : wrapped.inner_end]
        title, inner_rest = split_first_sentence(inner)
        title_start = f.heading_start + wrapped.inner_start + (len(inner) - len(inner.lstrip()))
        if inner_rest:
            quoted = (
                f.heading_start + wrapped.inner_start + inner.find(inner_rest, len(title)),
                inner_rest,
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
        account = _account_after_colon(title, profile)
        if account is not None:
            # 1.药品采购台账不全：已补齐采购台账，已完成整改。: the finding, then its account
            rests.append((title_start + account.end(), title[account.end() :]))
            title = account.group("finding")
        if rest:
            rests.append((f.heading_start + statement.find(rest, len(title)), rest))
    sources["title"] = builder.prov_data(title_start, title_start + len(title))

    description = Spans()
    run_in = Spans()  # the statement's own text after the title, when paragraphs follow it
    actions = f.actions
    if quoted is not None:
        # 关于“X。Y”的问题。已完成整改。…: Y, inside the quote, is more of the finding, never
        # its measures; what follows the wrapper is read as after any other title.
        description.add(*quoted)
        run_in.add(*quoted)
    # A status told on the heading's own line (1.X。（已完成）, X：已完成整改。) comes before the
    # paragraphs under it: they are its account, not the finding's description.
    status_above = f.status is not None and f.status.start < f.heading_end
    told_apart = f.actions_labelled or (f.status is not None and not status_above)
    if rests:
        if _list_runs_on(rests, f):
            # 1.X。一是A。 / 二是B。 / 三是C。: the measures' list opens on the finding's line
            # and runs on in the paragraphs below; all of it is the account
            actions = Spans()
            for start, text in [*rests, *f.free.pieces]:
                actions.add(start, text)
            f = replace(f, free=Spans())
        elif told_apart or f.free.pieces:
            for rest_start, rest in rests:
                description.add(rest_start, rest)
                run_in.add(rest_start, rest)
        else:
            actions = Spans()
            for rest_start, rest in rests:
                actions.add(rest_start, rest)
    # Unlabelled paragraphs before a narrative or status label describe the finding; with only
    # 责任单位/整改时限 labels about, they are the narrative itself.
    if told_apart:
        described, accounted = _told_and_account(f)
        for start, text in described:
            description.add(start, text)
        if accounted and not f.actions_labelled:
            # 整改进展：已完成。 / 一是…二是…: the paragraphs after the status label, or from a
            # list of measures on, are the account
            actions = Spans([*actions.pieces, *accounted])
    elif f.free.pieces:
        actions = f.free
    if description.start is not None and description.end is not None:
        put_runs(sources, "description", description, builder)

    # Labelled lines after the last numbered measure (（3）… then 整改结果：已完成。) belong to
    # the problem, not to that measure.
    f = _with_trailing_labels(node, f, fields)
    # Status: a labelled value, else a sentence that states it at the start or end of the
    # narrative (该问题已完成整改。), else unknown.
    status, status_raw, long_term = Status.UNKNOWN, None, False
    if f.status is not None:
        status_raw = f.status.text
        sources["status"] = builder.prov_data(f.status.start, f.status.end)
        match = closing_status(f.status.text, profile) or normalise_status(f.status.text, profile)
        if match is None:
            builder.warn(
                "status_unrecognised",
                f"status {f.status.text!r} is not in the profile",
                f.status.start,
                f.status.end,
            )
        else:
            status, long_term = match.status, match.long_term
            if status is Status.COMPLETED and not long_term:
                # 整改进展：已完成整改。<what was done>。该问题需长期坚持。
                long_term = _closes_long_term(actions.text, profile)
    else:
        told = actions
        found = status_sentence(actions.text, profile) if actions.pieces else None
        if found is None and run_in.pieces and not f.actions_labelled:
            # （三）X。已清理…。该问题已整改到位。 and after it a paragraph that states none (the
            # report's closing sentence under its last item): the item's own words decide.
            told = run_in
            found = status_sentence(run_in.text, profile)
        if found is not None:
            s, e, match = found
            g_start, g_end = told.to_global(s), told.to_global(e)
            status_raw = textmap.text[g_start:g_end]
            status, long_term = match.status, long_term_after(told.text, e, match, profile)
            sources["status"] = builder.prov_data(g_start, g_end)

    if status is Status.UNKNOWN:
        # 二、正在整改的问题: a part that groups problems by status gives them theirs.
        for ancestor in reversed(path):
            above = fields[id(ancestor)]
            group = group_status(section_title(above.heading)[0], profile)
            if group is not None:
                status, long_term = group.status, group.long_term
                status_raw = section_title(above.heading)[0]
                at = textmap.text.find(status_raw, above.heading_start)
                sources["status"] = builder.prov_data(at, at + len(status_raw))
                break
            every = all_of_group(above.heading, profile)
            if every is not None:  # 关于…方面的问题（共3个，已全部完成整改）
                h_start, h_end, match = every
                status, long_term = match.status, match.long_term
                status_raw = above.heading[h_start:h_end]
                at = above.heading_start + h_start
                sources["status"] = builder.prov_data(at, at + len(status_raw))
                break
    if status is Status.UNKNOWN and f.status is None and wrapped is None:
        # 部分村集体资产未登记，已完成整改，并建立了长效机制。: an item told in one sentence
        # states its status in a clause after the finding's
        found = _status_in_title(title, profile)
        if found is not None:
            s_start, s_end, match = found
            status_raw = title[s_start:s_end]
            status, long_term = match.status, long_term_after(title, s_end, match, profile)
            sources["status"] = builder.prov_data(title_start + s_start, title_start + s_end)
    if (
        status is Status.UNKNOWN
        and not f.actions_labelled
        and actions.pieces
        and not description.pieces
        and (not _titled_rectification(textmap) or _ASPECT_LABEL.match(title) is not None)
        and _tells_no_work(actions.text, profile)
    ):
        # 2.家访制度执行不到位 / 如初二年级组本学期家访记录仅有3份…: the finding's evidence, in a
        # report of what a check found (its title names no 整改); no word of it tells work
        description, actions = actions, Spans()
        put_runs(sources, "description", description, builder)
    measures = measures_in(actions, builder)
    if measures and status_raw is not None and "status" in sources and f.status is None:
        drop_status_from(measures[-1], status_raw, sources["status"]["start"], builder)
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
                paragraph = textmap.starts[block_at(textmap, s_start)]
                if paragraph == textmap.starts[node.children[-1].block]:
                    paragraph = s_start  # told on the last item's own line, after its items
                stop = paragraph if stop is None else min(stop, paragraph)
        measures, child_actions = child_measures(node, builder, stop=stop)
        actions = Spans([*actions.pieces, *child_actions.pieces])
    if actions.start is not None and actions.end is not None:
        put_runs(sources, "actions", actions, builder)
    for name in ("responsible", "deadline"):
        value = getattr(f, name)
        if value is not None:
            sources[name] = builder.prov_data(value.start, value.end)

    if status is Status.ONGOING:  # 持续推进 with a date to finish by is not long-term
        read = by_deadline(
            StatusMatch(status, long_term),
            status_raw,
            f.deadline.text if f.deadline else None,
            actions.text,
            profile,
        )
        status, long_term = read.status, read.long_term
    start = textmap.starts[node.block]
    assert node.marker is not None
    return problem_of(
        id=builder.unique("p" + _ident(path, node)),
        number=_number(node),
        marker=_marker(node),
        path=[
            PathItem(marker=_marker(n), title=section_title(fields[id(n)].heading)[0]) for n in path
        ],
        title=title,
        description=description.text,
        status=status,
        status_raw=status_raw,
        long_term=long_term,
        actions=actions.text,
        measures=measures,
        responsible=f.responsible.text if f.responsible else None,
        deadline=f.deadline.text if f.deadline else None,
        heading=heading,
        provenance=builder.prov_data(start, builder.node_end(node)),
        sources=sources,
    )


# The first of a list of measures (一是…) and its second (二是…).
_FIRST_MEASURE = compile_pattern(r"^\s*一是")
_SECOND_MEASURE = compile_pattern(r"^\s*二是")


def _list_runs_on(rests: list[tuple[int, str]], f: NodeFields) -> bool:
    """Whether the statement's rest after its title opens a list of measures (一是…) that the
    first unlabelled paragraph below goes on with (二是…), nothing labelled about."""
    return (
        not f.actions_labelled
        and f.status is None
        and bool(f.free.pieces)
        and _FIRST_MEASURE.match(rests[0][1]) is not None
        and "二是" not in rests[0][1]
        and _SECOND_MEASURE.match(f.free.pieces[0][1]) is not None
    )


def _told_and_account(
    f: NodeFields,
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The unlabelled paragraphs of a problem with a status label and no actions label, split
    into what describes the finding (before the label, up to a list of measures) and its
    account (after the label, or from a paragraph that opens a list of measures: 一是…)."""
    label_at = f.status.line_start if f.status is not None and f.status.line_start >= 0 else None
    told: list[tuple[int, str]] = []
    account: list[tuple[int, str]] = []
    for start, text in f.free.pieces:
        after = label_at is not None and start > label_at
        if after or account or _FIRST_MEASURE.match(text) is not None:
            account.append((start, text))
        else:
            told.append((start, text))
    return told, account


_FIRST_CLAUSE_END = compile_pattern(r"[，,；;]")


def _status_in_title(title: str, profile: Profile) -> tuple[int, int, StatusMatch] | None:
    """A clause after the first of a title sentence that states a status on its own (…，已完成
    整改，…; …，正在整改，预计…): the first clause is the finding's."""
    first = _FIRST_CLAUSE_END.search(title)
    if first is None:
        return None
    found = status_sentence(title, profile)
    if found is None or found[0] <= first.start() or found[2].status is Status.NOT_COMPLETED:
        return None  # 上轮巡察整改不彻底，部分问题尚未完成整改: a finding, not its state
    clause = title[found[0] : found[1]]
    if _PROBLEMS_NAMED.search(clause) and not clause.startswith(profile.status_sentence_prefixes):
        return None  # …，正在整改的问题进展缓慢: the finding names problems, it states no state
    return found


# Words that name problems or tasks in a clause (部分问题, 整改事项): a finding's, unless the
# clause opens as a status sentence does (该问题已整改完成).
_PROBLEMS_NAMED = compile_pattern(r"问题|事项|任务")


# A finding that opens with its field's label (市容方面：…): the sentences after it that tell no
# work are more findings of that field, in any report.
_ASPECT_LABEL = compile_pattern(r"^\p{Han}{1,8}方面\s*[：:]")


def _titled_rectification(textmap: TextMap) -> bool:
    """Whether the document's first lines (its title, below a web copy's site name and
    breadcrumb) name rectification (整改): a report of what was done, whose paragraphs under a
    finding are its account, however worded. The first paragraph ends the title lines."""
    lines = (line.strip() for line in textmap.text[:_TITLE_REACH].split("\n"))
    for number, line in enumerate(line for line in lines if line):
        if number >= _TITLE_LINES or len(line) > _TITLE_LINE_CHARS or line.endswith("。"):
            return False
        if "整改" in line:
            return True
    return False


#: How far into the text its title is looked for (its first lines, at most this long).
_TITLE_REACH = 300
#: How many lines the title and what a web copy puts above it take at most.
_TITLE_LINES = 4
#: A line longer than this is a paragraph, not a title's.
_TITLE_LINE_CHARS = 60


def _tells_no_work(text: str, profile: Profile) -> bool:
    """Whether no clause of ``text`` tells work done or to do: none opens as a measure does
    (the profile's measure openers) or reads as one, none states a status, and none speaks of
    work done (已…), under way (正在…) or to come (下一步, 将): the paragraphs under a finding are
    then its evidence."""
    if _WORK_TOLD.search(text):
        return False
    return not any(
        opens_a_measure(clause, profile)
        or heading_evidence(clause, profile) is Evidence.ACTION
        or normalise_status(clause, profile) is not None
        for clause in (m.group(0).strip() for m in _CLAUSES.finditer(text))
        if clause
    )


_CLAUSES = compile_pattern(r"[^，,。；;\n]+")
# Words of work done, under way or to come, wherever they stand in a clause.
_WORK_TOLD = compile_pattern(r"已|正在|将|下一步|举一反三|长效")


_TRAILING_FIELDS = ("status", "responsible", "deadline")


def _trailing_values(node: Node, fields: dict[int, NodeFields]) -> dict[str, Value]:
    """Labelled values in the body of a problem's last numbered item, or of that item's own
    last item (（2）修订… / ①… / ②… / 整改结果：已完成整改。: the label closes the problem)."""
    if not node.children:
        return {}
    deepest = node.children[-1]
    while deepest.children:
        deepest = deepest.children[-1]
    last = fields[id(deepest)]
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
    last: Node, fields: dict[int, NodeFields], builder: Builder
) -> tuple[int, int, StatusMatch] | None:
    """A status sentence in the unlabelled paragraphs after a problem's last numbered item,
    as global offsets."""
    f = fields[id(last)]
    body = f.actions if f.actions.pieces else f.free
    if body.pieces:
        last_start, last_text = body.pieces[-1]
    elif len(find_numbered_measures(f"{last.marker.raw if last.marker else ''}{f.heading}")) >= 2:
        # （1）A；（2）B。目前已基本完成整改。: the items run on in one line, the status after them
        last_start, last_text = f.heading_start, f.heading
    else:
        return None
    found = status_sentence(last_text, builder.profile)
    if found is None:
        return None
    start, end, match = found
    long_term = long_term_after(last_text, end, match, builder.profile)
    return last_start + start, last_start + end, StatusMatch(match.status, long_term)
