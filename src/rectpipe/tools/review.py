"""A report as one self-contained HTML page for reviewing the extraction by eye.

The page shows the document text (:attr:`Report.text`) with every extracted value
highlighted where it was read — problem, title, description, status, actions, measures,
responsible, deadline, metadata, stated totals, warnings — beside a panel with the problem
list (status badges), statuses per category, stated-vs-found totals, warnings and metadata.
Clicking an entry scrolls the text to its source and flashes it; hovering a highlight names
the field and its problem. Everything is inline (CSS, a little vanilla JS): no network.

Anchors are generated, never taken from the report: ``pr-<n>`` is the n-th problem (document
order), ``pr-<n>-<field>`` and ``pr-<n>-m<k>`` its fields and measures, ``meta-<k>``,
``stated`` and ``w-<k>`` metadata, stated totals and warnings.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from enum import Enum

from ..models.report import Problem, Provenance, Report, Status
from .highlight import Highlighted, Span, escape_text, highlight
from .review_assets import CSS, JS
from .review_pages import PageImage

__all__ = [
    "FIELD_LABELS",
    "FIELD_RANK",
    "TIP_CLIP",
    "collect_boxes",
    "collect_spans",
    "render_review",
]

# Problem fields in ``problem.sources``, outer first when two share a range.
FIELD_RANK = {"actions": 1, "title": 2, "description": 2, "status": 2, "responsible": 2}
FIELD_LABELS = {
    "problem": "problem",
    "title": "title",
    "description": "description",
    "status": "status",
    "actions": "actions (整改情况)",
    "measure": "measure",
    "responsible": "responsible",
    "deadline": "deadline",
}
TIP_CLIP = 32


def _e(text: object) -> str:
    return escape_text(str(text))


def _clip(text: str, limit: int = TIP_CLIP) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem_label(problem: Problem) -> str:
    number = f"{problem.number}. " if problem.number else ""
    return f"{number}{_clip(problem.title)}"


def _problem_spans(n: int, problem: Problem) -> list[Span]:
    label = _problem_label(problem)
    pid = ("problem", problem.id)
    status = f"st-{problem.status.value}"
    spans = [
        Span(
            problem.provenance.start,
            problem.provenance.end,
            classes="hl-problem",
            data=(("field", "problem"), pid, ("tip", f"problem {label}")),
            anchor=f"pr-{n}",
            rank=0,
        )
    ]
    for name, where in problem.sources.items():
        extra = f" {status}" if name == "status" else ""
        field = FIELD_LABELS.get(name, name)
        spans.append(
            Span(
                where.start,
                where.end,
                classes=f"hl-{name}{extra}" if name in FIELD_LABELS else f"hl-field{extra}",
                data=(("field", name), pid, ("tip", f"{field} — problem {label}")),
                anchor=f"pr-{n}-{name}" if name.isidentifier() else None,
                rank=FIELD_RANK.get(name, 2),
            )
        )
    for k, measure in enumerate(problem.measures, start=1):
        tip = f"measure {measure.ordinal} ({measure.marker}) — problem {label}"
        spans.append(
            Span(
                measure.provenance.start,
                measure.provenance.end,
                classes="hl-measure",
                data=(("field", "measure"), pid, ("measure", str(measure.ordinal)), ("tip", tip)),
                anchor=f"pr-{n}-m{k}",
                rank=3,
            )
        )
    return spans


def collect_spans(report: Report) -> list[Span]:
    """Every highlight of the page: problems with their fields and measures, metadata,
    stated totals and warnings that have a provenance."""
    spans: list[Span] = []
    for n, problem in enumerate(report.iter_problems()):
        spans.extend(_problem_spans(n, problem))
    for k, (name, where) in enumerate(report.metadata.sources.items()):
        value = getattr(report.metadata, name, None)
        shown = value.value if isinstance(value, Enum) else value
        tip = f"metadata {name}" + (f": {_clip(str(shown))}" if shown is not None else "")
        spans.append(
            Span(
                where.start,
                where.end,
                classes="hl-meta",
                data=(("field", f"metadata.{name}"), ("tip", tip)),
                anchor=f"meta-{k}",
                rank=4,
            )
        )
    stated = report.summary.stated
    if stated is not None:
        spans.append(
            Span(
                stated.provenance.start,
                stated.provenance.end,
                classes="hl-stated",
                data=(("field", "stated"), ("tip", "stated totals")),
                anchor="stated",
                rank=4,
            )
        )
    for k, warning in enumerate(report.warnings):
        if warning.provenance is not None:
            spans.append(
                Span(
                    warning.provenance.start,
                    warning.provenance.end,
                    classes="hl-warning",
                    data=(
                        ("field", "warning"),
                        ("tip", f"warning {warning.code}: {warning.message}"),
                    ),
                    anchor=f"w-{k}",
                    rank=5,
                )
            )
    return spans


def _badge(status: Status, raw: str | None = None) -> str:
    title = f' title="{_e(raw)}"' if raw else ""
    return f'<span class="badge st-{status.value}"{title}>{_e(status.value)}</span>'


def _problem_list(report: Report) -> str:
    items: list[str] = []
    category: str | None = None
    for n, problem in enumerate(report.iter_problems()):
        here = problem.path[-1].title if problem.path else ""
        if n == 0 or here != category:
            category = here
            if here:
                items.append(f'<li class="cat">{_e(here)}</li>')
        number = f'<span class="num">{_e(problem.number)}.</span>' if problem.number else ""
        fields = [
            f'<a href="#pr-{n}-{name}">{_e(name)}</a>'
            for name in problem.sources
            if name.isidentifier()
        ]
        if problem.measures:
            fields.append(f'<a href="#pr-{n}-m1">{len(problem.measures)} measures</a>')
        items.append(
            f'<li data-problem="{_e(problem.id)}">'
            f'<a class="problem" href="#pr-{n}" data-problem="{_e(problem.id)}">{number}'
            f'<span class="t">{_e(problem.title)}</span> '
            f"{_badge(problem.status, problem.status_raw)}</a>"
            f'<div class="fields">{" ".join(fields)}</div></li>'
        )
    if not items:
        return '<p class="none">No problems found.</p>'
    return f'<ol class="problems">{"".join(items)}</ol>'


def _legend(statuses: Iterable[Status]) -> str:
    return (
        '<ul class="legend">'
        + "".join(f'<li class="st-{s.value}">{_e(s.value)}</li>' for s in statuses)
        + "</ul>"
    )


def _chart(report: Report) -> str:
    rows = report.summary.by_category
    if not rows:
        return '<p class="none">No categories.</p>'
    present = [s for s in Status if any(row.by_status.get(s) for row in rows)]
    widest = max(row.problems for row in rows) or 1
    out = [_legend(present), '<div class="chart" role="img" aria-label="statuses per category">']
    for row in rows:
        label = row.category or "(no category)"
        segments = "".join(
            f'<span class="st-{s.value}" style="width:{100 * row.by_status[s] / widest:.2f}%" '
            f'title="{_e(s.value)}: {row.by_status[s]}"></span>'
            for s in Status
            if row.by_status.get(s)
        )
        out.append(
            f'<div class="row"><span class="label" title="{_e(label)}">{_e(label)}</span>'
            f'<span class="bar">{segments}</span><span class="n">{row.problems}</span></div>'
        )
    out.append("</div>")
    return "".join(out)


def _totals(report: Report) -> str:
    summary = report.summary
    stated = summary.stated
    found_rate = (
        round(100 * summary.by_status.get(Status.COMPLETED, 0) / summary.problems, 1)
        if summary.problems
        else None
    )
    rows: list[tuple[str, int | float | None, int | float | None]] = [
        ("problems", stated.problems if stated else None, summary.problems),
        (
            "completed",
            stated.completed if stated else None,
            summary.by_status.get(Status.COMPLETED, 0),
        ),
        (
            "partially_completed",
            stated.partially_completed if stated else None,
            summary.by_status.get(Status.PARTIALLY_COMPLETED, 0),
        ),
        (
            "in_progress",
            stated.in_progress if stated else None,
            summary.by_status.get(Status.IN_PROGRESS, 0),
        ),
        ("completion rate %", stated.completion_rate if stated else None, found_rate),
    ]
    body = "".join(
        f"<tr{' class=differs' if said is not None and said != got else ''}>"
        f'<th scope="row">{_e(name)}</th>'
        f'<td class="n">{"—" if said is None else _e(said)}</td>'
        f'<td class="n">{"—" if got is None else _e(got)}</td></tr>'
        for name, said, got in rows
    )
    if summary.consistent is True:
        verdict = '<span class="ok">consistent</span>'
    elif summary.consistent is False:
        verdict = '<span class="bad">inconsistent</span>'
    else:
        verdict = '<span class="none">not checked (nothing stated)</span>'
    where = f' — <a href="#stated">stated here</a>: “{_e(_clip(stated.raw, 60))}”' if stated else ""
    return (
        f'<p id="consistency">{verdict}{where}</p>'
        '<table><thead><tr><th></th><th class="n">stated</th><th class="n">found</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )


def _warnings(report: Report) -> str:
    if not report.warnings:
        return '<p class="none">No warnings.</p>'
    items = []
    for k, warning in enumerate(report.warnings):
        text = f"<code>{_e(warning.code)}</code> {_e(warning.message)}"
        if warning.provenance is not None:
            text = f'<a href="#w-{k}">{text}</a>'
        items.append(f"<li>{text}</li>")
    return f'<ul class="warnings">{"".join(items)}</ul>'


def _metadata(report: Report) -> str:
    metadata = report.metadata
    anchors = {name: f"meta-{k}" for k, name in enumerate(metadata.sources)}
    rows = []
    for name in type(metadata).model_fields:
        value = getattr(metadata, name)
        if name == "sources" or value is None:
            continue
        shown = _e(value.value if isinstance(value, Enum) else value)
        if name in anchors:
            shown = f'<a href="#{anchors[name]}">{shown}</a>'
        rows.append(f'<tr><th scope="row">{_e(name)}</th><td>{shown}</td></tr>')
    if not rows:
        return '<p class="none">No metadata found.</p>'
    return f"<table><tbody>{''.join(rows)}</tbody></table>"


def _legend_fields() -> str:
    names = (
        *("title", "description", "status", "actions", "measure", "responsible"),
        *("meta", "stated", "warning"),
    )
    items = "".join(f'<li class="sw-{n}">{_e(n)}</li>' for n in names)
    return f'<ul class="legend">{items}</ul>'


def _header(report: Report, marked: Highlighted) -> str:
    meta = report.metadata
    title = meta.title or report.source.file_name or "rectification report"
    facts = [x for x in (meta.issuer, meta.date, report.source.file_name) if x]
    facts.append(f"{report.source.format}, sha256 {report.source.sha256[:12]}")
    facts.append(f"{report.summary.problems} problems, {report.summary.measures} measures")
    if marked.skipped:
        facts.append(f"{len(marked.skipped)} source spans outside the text not shown")
    return f'<header><h1>{_e(title)}</h1><p class="sub">{_e(" · ".join(facts))}</p></header>'


def _box_list(where: Provenance) -> list[list[float]]:
    return [[b.page, b.x0, b.top, b.x1, b.bottom] for b in where.boxes or []]


def collect_boxes(report: Report) -> dict[str, list[list[float]]]:
    """Page boxes by highlight anchor (``pr-<n>-<field>``, ``pr-<n>-m<k>``, ``meta-<k>``…):
    ``[page, x0, top, x1, bottom]`` in points."""
    boxes: dict[str, list[list[float]]] = {}
    for n, problem in enumerate(report.iter_problems()):
        boxes[f"pr-{n}"] = _box_list(problem.provenance)
        for name, where in problem.sources.items():
            if name.isidentifier():
                boxes[f"pr-{n}-{name}"] = _box_list(where)
        for k, measure in enumerate(problem.measures, start=1):
            boxes[f"pr-{n}-m{k}"] = _box_list(measure.provenance)
    for k, where in enumerate(report.metadata.sources.values()):
        boxes[f"meta-{k}"] = _box_list(where)
    if report.summary.stated is not None:
        boxes["stated"] = _box_list(report.summary.stated.provenance)
    for k, warning in enumerate(report.warnings):
        if warning.provenance is not None:
            boxes[f"w-{k}"] = _box_list(warning.provenance)
    return {anchor: found for anchor, found in boxes.items() if found}


def _pages(pages: Sequence[PageImage], boxes: dict[str, list[list[float]]]) -> str:
    """The page images, each loaded when scrolled near (the data sits in ``data-src``)."""
    if not pages:
        return ""
    figures = "".join(
        f'<figure class="pg" id="page-{p.number}" data-page="{p.number}" '
        f'data-w="{p.width:.2f}" data-h="{p.height:.2f}" '
        f'style="aspect-ratio:{p.width:.2f}/{p.height:.2f}">'
        f'<img alt="page {p.number}" data-src="{p.data_uri()}">'
        f"<figcaption>{p.number}</figcaption></figure>"
        for p in pages
    )
    data = json.dumps(boxes, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<section class="pages" id="pages" aria-label="pages">{figures}</section>'
        f'<script type="application/json" id="boxes">{data}</script>'
    )


def render_review(report: Report, pages: Sequence[PageImage] = ()) -> str:
    """The review page of ``report``: a complete HTML document (UTF-8, no external
    resources). Provenance outside :attr:`Report.text` is clipped, or left out and counted in
    the header when nothing of it is inside; a report with no problems still renders, with
    its text and metadata.

    ``pages`` (:func:`~rectpipe.tools.review_pages.page_images` of a PDF or image) are shown
    beside the text, embedded, each loaded when scrolled into view; the boxes of the selected
    problem's fields are drawn on them, and a clicked field's box flashes."""
    marked = highlight(report.text, collect_spans(report))
    shown_pages = _pages(pages, collect_boxes(report))
    title = report.metadata.title or report.source.file_name or "rectpipe review"
    problems = report.summary.problems
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="rectpipe review">'
        f"<title>{_e(title)} — review</title><style>{CSS}</style></head><body>"
        f"{_header(report, marked)}"
        f'<div class="layout{" with-pages" if pages else ""}"><aside class="side">'
        f'<details open id="problems"><summary><h2 style="display:inline">Problems '
        f"({problems})</h2></summary>{_problem_list(report)}</details>"
        f'<section id="statuses"><h2>Statuses per category</h2>{_chart(report)}</section>'
        f'<section id="totals"><h2>Stated vs found</h2>{_totals(report)}</section>'
        f'<section id="warnings"><h2>Warnings ({len(report.warnings)})</h2>'
        f"{_warnings(report)}</section>"
        f'<section id="metadata"><h2>Metadata</h2>{_metadata(report)}</section>'
        "</aside>"
        f'<main class="main"><div class="sub" style="padding:8px 16px 0">{_legend_fields()}</div>'
        f'<div id="doc" class="doc">{marked.html}</div></main>{shown_pages}'
        "</div>"
        '<div id="tip" role="tooltip" hidden></div>'
        f"<script>{JS}</script></body></html>\n"
    )
