"""Which numbered items are problems, measures, groups or narrative: decided from what the
items say (their evidence), not from their level.

A labelled item is a problem; in a document without labels, the deepest items whose heading
reads as a finding are; with no finding anywhere, the deepest items of the parts that name
neither a group nor a measure are. Items under a problem are its measures. Intro and closing
parts are narrative, and so is a group with no problem under it.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections import deque
from enum import Enum
from functools import lru_cache
from itertools import pairwise

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from ..structure.tree import Node
from ..structure.unmarked import names_findings_told, names_problems_found
from ..text.numbering import MarkerKind
from ..text.sentences import split_first_sentence
from ..text.wrappers import unwrap
from .accounts import ACCOUNTS_PART
from .evidence import (
    Evidence,
    ends_in_shortfall,
    heading_evidence,
    names_a_group,
    opens_a_measure,
)
from .fields_of_node import NodeFields
from .measures import find_numbered_measures
from .status import group_status, status_sentence
from .totals import is_tally

__all__ = ["Role", "classify", "section_title", "title_of"]


class Role(Enum):
    PROBLEM = "problem"
    MEASURE = "measure"  # a numbered item under a problem
    GROUP = "group"  # holds problems
    NARRATIVE = "narrative"


def title_of(heading: str) -> str:
    return heading.strip().rstrip("。；;：:").strip()


def _is_narrative_title(heading: str, profile: Profile) -> bool:
    return any(word in heading for word in profile.narrative_sections)


def _is_closing_title(heading: str, profile: Profile) -> bool:
    title = section_title(heading)[0]
    if title in profile.closing_titles:  # 工作要求: only as the whole title
        return True
    return any(word in title for word in profile.closing_sections)


# The tree walks below are module functions, not closures calling themselves: such a closure
# is a reference cycle that keeps the whole tree alive until the collector runs.


def _labelled(node: Node, fields: dict[int, NodeFields]) -> bool:
    """An item that carries a label of its own, or no number at all (an unmarked item is told
    as a finding by what opens it)."""
    return node.unmarked or fields[id(node)].labelled


def _has_labels(node: Node, fields: dict[int, NodeFields]) -> bool:
    return _labelled(node, fields) or any(_has_labels(c, fields) for c in node.children)


def mark(node: Node, role: Role, roles: dict[int, Role]) -> None:
    roles[id(node)] = role
    for child in node.children:
        mark(child, Role.MEASURE if role in (Role.PROBLEM, Role.MEASURE) else role, roles)


def _visit(
    node: Node,
    ranks: set[float],
    fields: dict[int, NodeFields],
    evidence: dict[int, Evidence],
    roles: dict[int, Role],
    profile: Profile,
) -> None:
    """A document with labels: labelled items are problems, and so are unlabelled items at a
    labelled item's depth unless their heading reads as a measure or a group, or closes the
    report (下一步工作打算) and names no shortfall."""
    if id(node) in roles:
        return
    if (
        not _labelled(node, fields)
        and _is_closing_title(fields[id(node)].heading, profile)
        # its own words, not its siblings' (_like_siblings): 下步打算 names no shortfall
        and heading_evidence(fields[id(node)].heading, profile) is not Evidence.FINDING
    ):
        mark(node, Role.NARRATIVE, roles)  # （二）下步打算 among labelled findings: the close
        return
    if _labelled(node, fields) and not _unmarked_group(node, fields, evidence):
        mark(node, Role.PROBLEM, roles)
        return
    if not node.children and node.rank in ranks and _finding_like(node, evidence):
        mark(node, Role.PROBLEM, roles)
        return
    if _finding_over_measures(node, fields, evidence, profile):
        mark(node, Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP
    for child in node.children:
        _visit(child, ranks, fields, evidence, roles, profile)


def _unmarked_group(
    node: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence]
) -> bool:
    """An unmarked heading that names a group (就业服务方面, a bold line or an ``<h3>``) over
    numbered items of which one at least carries a label of its own or reads as a finding
    (1.就业补助资金审核不严。/ 整改情况：…): the items are its findings, no measures."""
    return (
        node.unmarked
        and not fields[id(node)].labelled
        # 就业服务方面; or a name (县民政局党组) that states nothing found
        and evidence[id(node)] in (Evidence.GROUP, Evidence.NEUTRAL)
        and any(
            not kid.unmarked and (fields[id(kid)].labelled or evidence[id(kid)] is Evidence.FINDING)
            for kid in node.children
        )
    )


def _finding_over_measures(
    node: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence], profile: Profile
) -> bool:
    """1.护林员日常管理不到位 / （1）对…开展核查 / （2）推行… / 整改状态：已完成: a finding over
    numbered items that state none, the only label after the last of them. The items are its
    measures and the label closes the finding, not its last measure: the label's values move
    to the finding."""
    kids = node.children
    if evidence[id(node)] is not Evidence.FINDING or not kids or _labelled(node, fields):
        return False
    if any(k.children or k.unmarked for k in kids):
        return False
    if any(
        evidence[id(k)] is Evidence.FINDING and not opens_a_measure(fields[id(k)].heading, profile)
        for k in kids
    ):
        return False  # an item that states a finding of its own
    if [k for k in kids if fields[id(k)].labelled] != [kids[-1]]:
        return False
    last, own = fields[id(kids[-1])], fields[id(node)]
    if last.actions_labelled:
        return False  # the last item's own account (整改措施：…): an item of its own
    own.status, own.responsible, own.deadline = last.status, last.responsible, last.deadline
    last.status = last.responsible = last.deadline = None
    return True


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
    if evidence[id(node)] is Evidence.FINDING and (
        not _has_finding(node, evidence) or _rectification_of(node, fields)
    ):
        mark(node, Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP
    for child in node.children:
        _visit_findings(child, fields, evidence, roles)


# 关于“X”问题的整改 / 关于“X”问题的整改情况: a heading that names the rectification of one
# finding.
_RECTIFICATION_OF = compile_pattern(r"问题的整改(?:情况|落实情况)?[。：:]?\s*$")


def _rectification_of(node: Node, fields: dict[int, NodeFields]) -> bool:
    """（一）关于“X”问题的整改 with numbered items under it that wrap no finding of their own
    (1.修订… 2.对…开展专项检查，追回违规列支经费…): the items are its measures, even when one
    names a shortfall it remedies or closes with the finding's status; items that wrap their
    own finding (（1）关于“Y”的整改) are findings under a group."""
    heading = fields[id(node)].heading
    if not node.children or unwrap(heading) is None or not _RECTIFICATION_OF.search(heading):
        return False
    return all(not c.children and unwrap(fields[id(c)].heading) is None for c in node.children)


def classify(root: Node, fields: dict[int, NodeFields], profile: Profile) -> dict[int, Role]:
    """The role of every numbered node, keyed by ``id(node)``."""
    roles: dict[int, Role] = {}
    evidence = {id(n): _node_evidence(n, fields, profile) for n in root.walk()}
    _measures_naming_shortfalls(root, fields, evidence, profile)
    _closing_statuses(root, fields, evidence, profile)
    _like_siblings(root, evidence)
    _cut_last_item(root, fields, evidence)
    _parts_one_list(root, fields, evidence)
    _under_status_groups(root, fields, evidence, profile)
    narrative_parts = []
    after_findings = False  # a part holding findings came before
    for part in root.children:
        heading = fields[id(part)].heading
        if not _has_labels(part, fields) and (
            _is_closing_title(heading, profile)
            or (
                _is_narrative_title(heading, profile)
                and (
                    not _has_finding(part, evidence)
                    # 三、整改成效 / 1.违规发放津贴补贴问题全部整改到位…: results after the
                    # findings name the problems they mended
                    or (after_findings and _NAMES_RESULTS.search(section_title(heading)[0]))
                )
            )
        ):
            narrative_parts.append(part)
        elif _has_finding(part, evidence):
            after_findings = True
    for part in narrative_parts:
        mark(part, Role.NARRATIVE, roles)
    for node in root.walk():
        if node.children and _CASES_LEAD.search(fields[id(node)].heading):
            for kid in node.children:  # 通报典型案例3起： / 1.某站原站长…受到…处分。
                if not _has_labels(kid, fields):
                    mark(kid, Role.NARRATIVE, roles)
    candidates = [n for n in root.walk() if id(n) not in roles]
    labelled = [n for n in candidates if _labelled(n, fields)]
    if labelled:
        ranks = {n.rank for n in labelled}
        for part in root.children:
            _visit(part, ranks, fields, evidence, roles, profile)
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
            if (
                (multi_level and not part.children)
                or not _SPEAKS_OF_PROBLEMS.search(fields[id(part)].heading)
                # 一、坚持…，切实扛起巡察整改政治责任: a part about organising the work
                or evidence[id(part)] is Evidence.ACTION
            ):
                # a part that names neither problems nor their rectification (巡察对象, 巡察
                # 准备: an article's outline) holds no problems when nothing reads as a finding
                mark(part, Role.NARRATIVE, roles)
                continue
            _visit_deepest(part, roles, evidence, fields)
        taken = [part for part in root.children if roles.get(id(part)) is Role.PROBLEM]
        if len(taken) == 1 and not multi_level:
            # One bare part and nothing that reads as a finding (一、审计整改工作总体推进情况 in a
            # copy cut off after its first paragraph): a part of a report, not a problem list.
            mark(taken[0], Role.NARRATIVE, roles)
    _accounts_parts(root, fields, roles)
    _bare_group_at_end(root, fields, profile, roles)
    # A group with no problem anywhere under it tells rather than lists.
    for node in root.walk():
        if roles.get(id(node)) is Role.GROUP and not _holds_problem(node, roles, fields):
            roles[id(node)] = Role.NARRATIVE
    return roles


def _accounts_parts(root: Node, fields: dict[int, NodeFields], roles: dict[int, Role]) -> None:
    """A part titled by the accounts (二、整改措施) right after a part of findings numbered from 1
    (一、检查中发现的问题 1、… 3、), its items numbered from 1 again and no more than the
    findings: its items are the findings' accounts (:func:`.accounts.pair_parts` pairs them),
    no problems of their own, however they state their status."""
    for parent in [root, *root.walk()]:
        for first, second in pairwise(parent.children):
            if not ACCOUNTS_PART.match(section_title(fields[id(second)].heading)[0].rstrip("：:")):
                continue
            findings, items = first.children, second.children
            if not 2 <= len(items) <= len(findings):
                continue
            if any(roles.get(id(kid)) is not Role.PROBLEM or kid.children for kid in findings):
                continue
            if not (_numbered_from_one(findings) and _numbered_from_one(items)):
                continue
            if any(kid.children for kid in items):
                continue
            mark(second, Role.NARRATIVE, roles)


def _numbered_from_one(nodes: list[Node]) -> bool:
    kinds = {n.marker.kind if n.marker is not None else None for n in nodes}
    ordinals = [n.marker.ordinal if n.marker is not None else 0 for n in nodes]
    return len(kinds) == 1 and None not in kinds and ordinals == list(range(1, len(nodes) + 1))


def _bare_group_at_end(
    root: Node, fields: dict[int, NodeFields], profile: Profile, roles: dict[int, Role]
) -> None:
    """The text's last item, when it is a group's heading (（一）在“…”方面) with nothing under
    it or after it, is no problem: a copy cut off after the heading, its findings lost."""
    tail = deque(root.walk(), maxlen=1)
    if not tail:
        return
    last = tail[0]
    if last is root or last.children or roles.get(id(last)) is not Role.PROBLEM:
        return
    f = fields[id(last)]
    if f.actions.pieces or f.free.pieces or f.tables or f.labelled:
        return
    if f.statement_end - f.heading_start < len(f.heading.rstrip()):
        return  # the heading goes on after its title (a run-in finding)
    if names_a_group(f.heading, profile):
        roles[id(last)] = Role.NARRATIVE


# A part's heading that speaks of problems or their rectification (二、巡察反馈问题整改情况).
_SPEAKS_OF_PROBLEMS = compile_pattern(r"问题|整改|整治|销号|清单|台账")


def _visit_deepest(
    node: Node, roles: dict[int, Role], evidence: dict[int, Evidence], fields: dict[int, NodeFields]
) -> None:
    if id(node) in roles:
        return
    if not node.children and evidence[id(node)] is Evidence.NEUTRAL:
        # 二、巡察发现的问题 with nothing numbered under it names the findings, not one of them
        told = names_findings_told(section_title(fields[id(node)].heading)[0])
        mark(node, Role.NARRATIVE if told else Role.PROBLEM, roles)
        return
    roles[id(node)] = Role.GROUP  # a group or a measure heading holds no problem of its own
    for child in node.children:
        _visit_deepest(child, roles, evidence, fields)


def _node_evidence(node: Node, fields: dict[int, NodeFields], profile: Profile) -> Evidence:
    """The heading's evidence; a neutral heading of an item without numbered items under it
    whose narrative states a status (该问题已整改完成。) is a finding too."""
    f = fields[id(node)]
    found = heading_evidence(f.heading, profile)
    if (
        found is Evidence.NEUTRAL
        and not node.children  # a part with sections is no finding
        # （2）修订补贴发放办法。 then 目前，该问题正在整改。: the last measure, followed by its
        # finding's status
        and not opens_a_measure(f.heading, profile)
    ):
        body = f.actions if f.actions.pieces else f.free
        stated = status_sentence(body.text, profile) if body.pieces else None
        if stated is not None and not _in_tally(body.text, stated[0], profile):
            return Evidence.FINDING
        # A run-in item: （二）X。已清理…。该问题已部分整改。 on the heading's own line.
        run_in = section_title(f.heading[: f.statement_end - f.heading_start])[1]
        if run_in.strip() and status_sentence(run_in, profile) is not None:
            return Evidence.FINDING
    return found


def _in_tally(text: str, at: int, profile: Profile) -> bool:
    """Whether the status read at ``at`` in ``text`` belongs to a sentence that tallies the
    findings (…3个方面11个问题，已整改8个，…正在整改1个。): the report's totals, no status of
    the item whose body holds them."""
    start = max(text.rfind(mark, 0, at) for mark in "。；;\n") + 1
    ends = [i for mark in "。；;\n" if (i := text.find(mark, at)) != -1]
    return is_tally(text[start : min(ends, default=len(text))], profile)


# Measure openers that are prepositions, not verbs: a finding may open with them too
# (对下属单位监管不力, 针对…问题).
_PREPOSITIONS = ("对", "针对", "按照", "通过")


def _measures_naming_shortfalls(
    root: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence], profile: Profile
) -> None:
    """（二）基建项目结算审核滞后。 / 1.委托第三方机构对6个滞后项目进行结算审核 / 2.修订…: an item
    under a finding that opens with a verb of a measure is a measure, though it names the
    shortfall it mends (开展安全隐患排查); it makes no group of its finding."""
    for node in root.walk():
        if evidence[id(node)] is not Evidence.FINDING:
            continue
        for kid in node.children:
            heading = fields[id(kid)].heading.lstrip()
            if (
                not kid.children
                and evidence[id(kid)] is Evidence.FINDING
                and opens_a_measure(heading, profile)
                and not heading.startswith(_PREPOSITIONS)
                and not ends_in_shortfall(heading, profile)
            ):
                evidence[id(kid)] = Evidence.ACTION
        # （1）上线采购平台 / （2）修订办法 / （3）对违规采购责任人进行诫勉: an item opening with a
        # preposition among measures, the only one read as a finding, is one of them
        kinds = [evidence[id(kid)] for kid in node.children]
        if kinds.count(Evidence.FINDING) == 1 and Evidence.ACTION in kinds:
            odd = node.children[kinds.index(Evidence.FINDING)]
            if not odd.children and fields[id(odd)].heading.lstrip().startswith(_PREPOSITIONS):
                evidence[id(odd)] = Evidence.ACTION


def _closing_statuses(
    root: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence], profile: Profile
) -> None:
    """1.X (a finding) / （1）… / （2）… / 目前，该问题已完成整改。: the status sentence after the
    last item closes the finding, and makes no finding of that item when none of the items
    before it is one (:func:`_node_evidence` took it for one by its status)."""
    for node in root.walk():
        kids = node.children
        if evidence[id(node)] is not Evidence.FINDING or not kids:
            continue
        if len(kids) == 1 and not _runs_on(kids[0], fields):
            continue
        last = kids[-1]
        if (
            evidence[id(last)] is Evidence.FINDING
            and not last.children
            and heading_evidence(fields[id(last)].heading, profile) is Evidence.NEUTRAL
            and all(evidence[id(k)] is not Evidence.FINDING for k in kids[:-1])
        ):
            evidence[id(last)] = Evidence.NEUTRAL


# A part's title that names what the work achieved (整改成效, 取得的成果).
_NAMES_RESULTS = compile_pattern(r"成效|成果")
# A line that leads the discipline cases it makes known (通报典型案例3起：, 查处2起典型问题如下：):
# the items after it are cases, a person and a sanction each, not findings.
_CASES_LEAD = compile_pattern(
    r"典型(?:案例|问题)\s*[0-9一二三四五六七八九十两]+\s*起|[0-9一二三四五六七八九十两]+\s*起典型(?:案例|问题)"
)


def _runs_on(item: Node, fields: dict[int, NodeFields]) -> bool:
    """Whether ``item``'s line holds the items after it too (（1）A；（2）B。目前已完成整改。)."""
    marker = item.marker.raw if item.marker is not None else ""
    return len(find_numbered_measures(marker + fields[id(item)].heading)) >= 2


def _cut_last_item(
    root: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence]
) -> None:
    """1、…不严格。 … 6、…不到位。 / 7、落实: the text's last item, words with no mark and nothing
    under them after findings of its rank (the two before it), is the next finding a copy cut
    short (or one named in a word), not a measure or a heading; after groups of findings, a
    few characters are the next group's heading cut short, no finding."""
    parent = root
    while parent.children and parent.children[-1].children:
        parent = parent.children[-1]
    if not parent.children:
        return
    last = parent.children[-1]
    f = fields[id(last)]
    heading = f.heading.strip()
    if not heading or any(c in _MARKS for c in heading) or f.free.text or f.actions.text:
        return  # (a mark inside: a sentence, cut; 重新建立危化品出入库台账，实 is a measure's)
    if f.labelled:
        return  # (a label of its own: an item as written, not cut)
    siblings = parent.children[:-1]
    if len(siblings) >= 2 and all(s.children for s in siblings) and len(heading) <= _CUT_HEADING:
        # （一）…方面 / 1.… (三)…方面 / … / （四）内: the next group's heading, cut
        evidence[id(last)] = Evidence.GROUP
        return
    # the items of its rank before it, its list run on across groups (（三）…方面 / 7、落实)
    before = [n for n in root.walk() if not n.children and n.rank == last.rank and n is not last]
    before = before[-2:]
    if (
        evidence[id(last)] in (Evidence.FINDING, Evidence.GROUP)
        or len(before) < 2
        or any(evidence[id(kid)] is not Evidence.FINDING for kid in before)
    ):
        return
    evidence[id(last)] = Evidence.FINDING


_MARKS = "。；;！!？?：:，,、"
_CUT_HEADING = 4  # the most characters of a group's heading read as cut short


def _like_siblings(root: Node, evidence: dict[int, Evidence]) -> None:
    """A neutral item in a list of findings is one too: the items numbered at one level of a
    part are of one kind, and a finding need not use a word of shortfall (渠道单一). Taken when
    those items (the part's leaves at one rank, under no finding of their own) hold no measure
    or group heading, are three or more, and most of them read as findings. A report whose
    items are one flat list (1、… 2、… 3、…, no parts: not 一、 二、 三、) is one list too."""
    if all(
        kid.marker is not None and kid.marker.kind >= MarkerKind.ARABIC for kid in root.children
    ):
        _like_one_list(root, evidence)
    for part in root.children:
        by_rank: dict[float, list[Node]] = {}
        for parent in [part, *part.walk()]:
            if evidence[id(parent)] is Evidence.FINDING and not any(
                evidence[id(kid)] is Evidence.FINDING for kid in parent.children
            ):
                continue  # items under a finding are its measures
            for kid in parent.children:
                if not kid.children:
                    by_rank.setdefault(kid.rank, []).append(kid)
        for items in by_rank.values():
            kinds = [evidence[id(item)] for item in items]
            if len(items) < 3 or Evidence.ACTION in kinds or Evidence.GROUP in kinds:
                continue
            if 2 * kinds.count(Evidence.FINDING) > len(items):
                for item in items:
                    if evidence[id(item)] is Evidence.NEUTRAL:
                        evidence[id(item)] = Evidence.FINDING
        for parent in [part, *part.walk()]:
            _like_one_list(parent, evidence)


def _parts_one_list(
    root: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence]
) -> None:
    """A report whose parts (一、 二、 三、) are one line each, a finding apiece (…反馈了以下问
    题：/ 一、消防通道被占用。/ 二、…), is one list of findings: a neutral part among them
    (垃圾堆放) is a finding too. Taken when the parts are three or more, hold no items and no
    paragraphs of their own (the last may hold the report's closing), none reads as a measure
    or a group, and most read as findings. Parts with paragraphs are a report's parts."""
    parts = root.children
    if len(parts) < 3 or any(part.children for part in parts):
        return
    if any(fields[id(part)].labelled or _has_body(fields[id(part)]) for part in parts[:-1]):
        return
    kinds = [evidence[id(part)] for part in parts]
    if Evidence.ACTION in kinds or Evidence.GROUP in kinds:
        return
    if 2 * kinds.count(Evidence.FINDING) > len(parts):
        for part in parts:
            if evidence[id(part)] is Evidence.NEUTRAL:
                evidence[id(part)] = Evidence.FINDING


def _has_body(f: NodeFields) -> bool:
    return bool(f.actions.pieces or f.free.pieces or f.tables)


def _under_status_groups(
    root: Node, fields: dict[int, NodeFields], evidence: dict[int, Evidence], profile: Profile
) -> None:
    """The items of a part titled by their status (二、正在整改的问题 / 4.专项资金使用进度慢。)
    or as the problems found (一、存在问题 / 1.楼道内堆放杂物。) are findings, however they
    are worded: the title says they are problems. Items that read as measures stay measures."""
    for node in root.walk():
        title = section_title(fields[id(node)].heading)[0]
        if not node.children:
            continue
        if group_status(title, profile) is None and not names_problems_found(title):
            continue
        for kid in node.children:
            if not kid.children and evidence[id(kid)] is Evidence.NEUTRAL:
                evidence[id(kid)] = Evidence.FINDING


def _like_one_list(parent: Node, evidence: dict[int, Evidence]) -> None:
    """One list of findings under one heading (1. 市图书馆 / （1）消防通道堆放杂物；（2）…记录
    缺失；…): when its items are three or more, none holds items of its own, none reads as a
    measure or a group, and one reads as a finding, the neutral ones are findings too. A list
    of defects needs no word of shortfall (宣传栏褪色); without this, the one item that has
    one would be kept and its neighbours lost."""
    if evidence.get(id(parent)) is Evidence.FINDING:  # the root has no evidence of its own
        return
    items = parent.children
    if len(items) < 3 or any(kid.children for kid in items):
        return
    kinds = [evidence[id(kid)] for kid in items]
    if Evidence.ACTION in kinds or Evidence.GROUP in kinds or Evidence.FINDING not in kinds:
        return
    for kid in items:
        if evidence[id(kid)] is Evidence.NEUTRAL:
            evidence[id(kid)] = Evidence.FINDING


def _holds_problem(node: Node, roles: dict[int, Role], fields: dict[int, NodeFields]) -> bool:
    if fields[id(node)].tables:
        return True
    return any(
        roles.get(id(c)) is Role.PROBLEM or _holds_problem(c, roles, fields) for c in node.children
    )


@lru_cache(maxsize=1024)
def section_title(heading: str) -> tuple[str, str]:
    """``(title, same-line body)`` of a section heading: ``（一）标题。正文…`` splits after 。.
    Remembered: every problem's path repeats its ancestors' headings."""
    first, rest = split_first_sentence(heading)
    return title_of(first), rest
