"""Findings listed without numbers under a heading of the problems found.

``二、存在问题`` then the findings one a line (``在环境卫生方面，集贸市场垃圾清运不及时；``) or
run on in one paragraph between semicolons (``部分村民乱堆柴草；沟渠清淤不够及时；…``): each
line or clause is a problem, the heading their group. Without such a heading, unnumbered lines
are narrative (docs/shapes.md §35).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any

from ..models.records import PathItem, Problem, Status
from ..runtime.patterns import compile_pattern
from ..structure.unmarked import names_problems_found
from ..text.dates import DATE
from ..text.numbering import match_marker
from .builder import Builder, problem_of
from .evidence import Evidence, heading_evidence, opens_a_measure

__all__ = ["listed_findings"]

#: The fewest findings a list holds, and the most characters one of them may have.
LISTED_MIN = 2
LISTED_MAX_CHARS = 120
_TAIL_CHARS = 40

_CLAUSE = compile_pattern(r"[^；;\n]+")
# A finding on a line of its own closes as a clause or a sentence does.
_CLOSED = compile_pattern(r"[；;。]\s*$")
_TRIM = " \t\u3000；;。，,"


def listed_findings(
    ident: str, path: list[PathItem], builder: Builder, start: int, end: int, head_end: int
) -> list[Problem] | None:
    """The problems listed under a heading of the problems found, in ``[start, end)`` (the
    heading ends at ``head_end``), or ``None`` when the text under it is no such list: fewer
    than two findings, one of them long or numbered, or one that reads as a measure."""
    text = builder.textmap.text
    if not names_problems_found(text[start:head_end].strip().rstrip("：:")):
        return None
    body = text[head_end:end]
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(body) if m.group(0).strip()]
    if not lines:
        return None
    # short lines after the list that close no clause: a signer and a date, a page's source
    # line (芜湖市文明办 2022年10月24日 / 来源：… |)
    while len(lines) > 1 and len(lines[-1][1]) <= _TAIL_CHARS and not _CLOSED.search(lines[-1][1]):
        lines = lines[:-1]
    if DATE.search(lines[-1][1]) and len(lines[-1][1]) <= _TAIL_CHARS:
        lines = lines[:-1]  # a signer and a date closing the text: no finding
    if len(lines) == 1:  # one paragraph: its clauses between semicolons
        at, line = lines[0]
        lines = [(at + m.start(), m.group(0)) for m in _CLAUSE.finditer(line) if m.group(0).strip()]
    elif not all(_CLOSED.search(line) for _, line in lines):
        return None  # a lead (…存在问题：) or a caption (巡察整改) among the lines: no list
    if len(lines) < LISTED_MIN:
        return None
    profile = builder.profile
    items: list[tuple[int, str]] = []
    for at, line in lines:
        finding = line.strip(_TRIM)
        if not 4 <= len(finding) <= LISTED_MAX_CHARS or "。" in finding:
            return None
        if match_marker(finding) is not None or opens_a_measure(finding, profile):
            return None
        if heading_evidence(finding, profile) is Evidence.GROUP:
            return None  # (a word of a measure inside, 秩序管理, does not make one: the heading
            # says these are the problems found, and none opens as a measure does)
        items.append((head_end + at + line.find(finding), finding))
    problems: list[Problem] = []
    for index, (at, finding) in enumerate(items):
        sources: dict[str, dict[str, Any]] = {"title": builder.prov_data(at, at + len(finding))}
        problems.append(
            problem_of(
                # no marker, so no number (samples/FACTS.md); its place in the list names it
                id=builder.unique(f"p{ident}-{index + 1}"),
                number=None,
                marker=None,
                path=path,
                title=finding,
                description="",
                status=Status.UNKNOWN,
                status_raw=None,
                long_term=False,
                actions="",
                measures=[],
                responsible=None,
                deadline=None,
                heading=None,
                provenance=builder.prov_data(at, at + len(finding)),
                sources=sources,
            )
        )
    return problems


_LINE = compile_pattern(r"[^\n]+")
