"""The state a problem builder carries through one document: the text map, the profile, ids
given so far and warnings met; with the helpers that turn spans into measure and source data.

Used by the numbered-tree builder (:mod:`.problems`) and the one-finding notice
(:mod:`.notice`) alike.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from ..models.records import Measure, PathItem, Problem, Provenance, ReportWarning, Status
from ..profiles.profile import Profile
from ..runtime.record import replace
from ..structure.tree import Node
from ..text.textmap import TextMap
from .measures import find_cell_measures, find_numbered_measures
from .spans import Spans

__all__ = [
    "Builder",
    "block_at",
    "child_measures",
    "measure_models",
    "measures_in",
    "measures_of",
    "problem_of",
    "put_runs",
]


class Builder:
    def __init__(self, textmap: TextMap, profile: Profile) -> None:
        self.textmap = textmap
        self.profile = profile
        self.warnings: list[ReportWarning] = []
        self.ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        # node_last_block by id(node): the nodes are one tree's, alive while it is built from
        self.last_blocks: dict[int, int] = {}
        # blocks that tally one group's findings (该方面问题3个，均已部分整改): no document's
        self.group_tallies: set[int] = set()

    def prov(self, start: int, end: int) -> Provenance:
        return self.textmap.provenance(start, end)

    def prov_data(self, start: int, end: int) -> dict[str, Any]:
        """:meth:`prov` as plain data, for a model validated in one call."""
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

    def made_problems(self) -> bool:
        """Whether a problem has been given its id yet (a problem's id starts with ``p``, a
        table row's with ``t``, a section's with ``s``)."""
        return any(ident.startswith(("p", "t")) for ident in self.ids)

    def node_end(self, node: Node) -> int:
        return self.textmap.block_end(self.node_last_block(node))

    def node_last_block(self, node: Node) -> int:
        """The last block of ``node`` and everything under it (worked out once per node: every
        ancestor's end asks for it again)."""
        last = self.last_blocks.get(id(node))
        if last is None:
            children = (self.node_last_block(c) for c in node.children)
            last = self.last_blocks[id(node)] = max([node.block, *node.body, *children])
        return last


def measures_in(actions: Spans, builder: Builder) -> list[dict[str, Any]]:
    """The measures enumerated in ``actions``, as :class:`Measure` data."""
    text = actions.text
    document = builder.textmap.text
    runs = actions.runs(document)
    measures: list[dict[str, Any]] = []
    for found in find_cell_measures(text):
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


def drop_status_from(
    measure: dict[str, Any], status_raw: str, status_start: int, builder: Builder
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


def put_runs(sources: dict[str, dict[str, Any]], name: str, spans: Spans, builder: Builder) -> None:
    """``sources[name]`` for the first stretch of a value gathered from several places, and
    ``name.2``, ``name.3``… for the others (joined by line breaks, they make the value)."""
    for index, (start, end) in enumerate(spans.runs(builder.textmap.text)):
        sources[name if index == 0 else f"{name}.{index + 1}"] = builder.prov_data(start, end)


def block_at(textmap: TextMap, offset: int) -> int:
    return max(0, bisect_right(textmap.starts, offset) - 1)


def child_measures(
    node: Node, builder: Builder, *, stop: int | None = None
) -> tuple[list[dict[str, Any]], Spans]:
    """Numbered items under a problem (family C: 1. 2. 3. after the finding) as measures
    (:class:`Measure` data); the last one ends at ``stop`` (labelled lines that follow it)."""
    return measures_of(node.children, builder, stop=stop)


def measures_of(
    items: Sequence[Node], builder: Builder, *, stop: int | None = None
) -> tuple[list[dict[str, Any]], Spans]:
    """Numbered ``items`` as measures (see :func:`child_measures`)."""
    textmap = builder.textmap
    measures: list[dict[str, Any]] = []
    actions = Spans()
    for child in items:
        assert child.marker is not None
        start = textmap.starts[child.block]
        end = builder.node_end(child)
        if stop is not None and start < stop < end:
            end = stop
            while end > start and textmap.text[end - 1] in " \n":
                end -= 1
        whole = textmap.text[start:end]
        actions.add(start, whole)
        inline = find_numbered_measures(whole) if child.marker.ordinal == 1 else []
        if len(inline) >= 2 and inline[0].marker_start == 0:
            # （1）A；（2）B；（3）C。 on one line: each a measure
            for found in inline:
                measures.append(
                    {
                        "ordinal": len(measures) + 1,
                        "marker": found.marker,
                        "text": whole[found.start : found.end].strip(),
                        "provenance": builder.prov_data(
                            start + found.marker_start, start + found.end
                        ),
                    }
                )
            continue
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


def measure_models(measures: Sequence[dict[str, Any]]) -> list[Measure]:
    """:class:`Measure` models of ``measures`` as :func:`measures_in` gives them (plain data)."""
    return [
        Measure(
            ordinal=m["ordinal"],
            marker=m["marker"],
            text=m["text"],
            provenance=Provenance(**m["provenance"]),
        )
        for m in measures
    ]


def problem_of(
    *,
    id: str,
    number: str | None,
    marker: str | None,
    path: list[PathItem],
    title: str,
    description: str,
    status: Status,
    status_raw: str | None,
    long_term: bool,
    actions: str,
    measures: list[dict[str, Any]],
    responsible: str | None,
    deadline: str | None,
    heading: str | None,
    provenance: dict[str, Any],
    sources: dict[str, dict[str, Any]],
) -> Problem:
    """A :class:`Problem` of the builder's data (provenances and measures as plain data),
    made without validating it: every value is of its field's own type, and a parse makes
    thousands of problems, each of a dozen or more models (its sources, measures and path)."""
    return Problem(
        id=id,
        number=number,
        marker=marker,
        path=path,
        title=title,
        description=description,
        status=status,
        status_raw=status_raw,
        long_term=long_term,
        actions=actions,
        measures=measure_models(measures),
        responsible=responsible,
        deadline=deadline,
        heading=heading,
        provenance=Provenance(**provenance),
        sources={name: Provenance(**data) for name, data in sources.items()},
    )
