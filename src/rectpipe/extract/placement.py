"""Page boxes for every provenance, and warnings for values read from doubtful OCR.

Runs once the report is built: every :class:`~rectpipe.models.report.Provenance` in it gets the
boxes of the characters it spans (:meth:`~rectpipe.text.textmap.TextMap.boxes`) when the
document's blocks know where their characters lie (PDF, OCR); other formats are left as they
are, without cost.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models.report import Box, Provenance, Report, ReportWarning
from ..text.textmap import TextMap

__all__ = ["LOW_CONFIDENCE", "confidence_warnings", "place", "provenances"]

LOW_CONFIDENCE = 0.9
"""A block recognised by OCR with a line scored below this is doubtful: a problem whose title
or status comes from it gets a ``low_ocr_confidence`` warning."""


def provenances(report: Report) -> Iterator[Provenance]:
    """Every provenance of ``report`` (a shared one may come more than once)."""
    for section in report.iter_sections():
        yield section.provenance
    for problem in report.iter_problems():
        yield problem.provenance
        yield from problem.sources.values()
        for measure in problem.measures:
            yield measure.provenance
    yield from report.metadata.sources.values()
    stated = report.summary.stated
    if stated is not None:
        yield stated.provenance
        for category in stated.categories:
            yield category.provenance
    for warning in report.warnings:
        if warning.provenance is not None:
            yield warning.provenance


def place(report: Report, textmap: TextMap) -> None:
    """Set ``boxes`` on every provenance of ``report`` whose characters have a place.

    Values nest (a problem spans its title, description and measures), so most line pieces
    are boxed by several provenances: each piece's box is worked out once, and equal boxes
    are one :class:`Box`, shared between them (a long PDF's report then holds a third of the
    boxes it would)."""
    if not textmap.placed:
        return
    seen: set[int] = set()
    made: dict[tuple[int, float, float, float, float], Box] = {}
    by_piece: dict[tuple[int, int, int, int], Box] = {}
    for provenance in provenances(report):
        if id(provenance) in seen:
            continue
        seen.add(id(provenance))
        pieces = textmap.pieces(provenance.start, provenance.end)
        if pieces is None:
            continue
        shared: list[Box] = []
        for piece in pieces:
            found = by_piece.get(piece)
            if found is None:
                box = textmap.piece_box(*piece)
                found = made.get(box)
                if found is None:
                    page, x0, top, x1, bottom = box
                    found = made[box] = Box.trusted(
                        page=page, x0=float(x0), top=float(top), x1=float(x1), bottom=float(bottom)
                    )
                by_piece[piece] = found
            shared.append(found)
        provenance.boxes = shared


def confidence_warnings(
    report: Report, textmap: TextMap, threshold: float | None = None
) -> list[ReportWarning]:
    """One ``low_ocr_confidence`` warning per problem title or status read from a block whose
    OCR confidence is below ``threshold`` (default :data:`LOW_CONFIDENCE`)."""
    if threshold is None:
        threshold = LOW_CONFIDENCE
    warnings: list[ReportWarning] = []
    if all(block.confidence is None for block in textmap.blocks):
        return warnings
    for problem in report.iter_problems():
        for name in ("title", "status"):
            where = problem.sources.get(name)
            if where is None or where.block >= len(textmap.blocks):
                continue
            confidence = textmap.blocks[where.block].confidence
            if confidence is not None and confidence < threshold:
                label = f"problem {problem.number}" if problem.number else "a problem"
                warnings.append(
                    ReportWarning(
                        code="low_ocr_confidence",
                        message=f"{label}: its {name} was recognised by OCR with confidence "
                        f"{confidence:.2f} (below {threshold})",
                        provenance=where.model_copy(),
                    )
                )
    return warnings
