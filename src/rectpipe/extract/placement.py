"""Page boxes for every provenance, and warnings for values read from doubtful OCR.

Runs once the report is built: every :class:`~rectpipe.models.report.Provenance` in it gets the
boxes of the characters it spans (:meth:`~rectpipe.text.textmap.TextMap.boxes`) when the
document's blocks know where their characters lie (PDF, OCR); other formats are left as they
are, without cost.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ..models.records import Box, Provenance, Report, ReportWarning, copied
from ..readers.blocks import Geometry
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
    are boxed by several provenances: each piece's box is worked out once and is one
    :class:`Box`, shared between them (a long PDF's report then holds a third of the boxes it
    would). A value's pieces are the rows of each block it covers, whole but for its first and
    last: the whole rows are taken as one slice of the block's row boxes, made the first time a
    value reaches the block. Pieces are remembered by one number each (:func:`_piece_key`): a
    long PDF has tens of thousands."""
    if not textmap.placed:
        return
    blocks = textmap.blocks
    by_piece: dict[int | tuple[int, int, int], Box] = {}
    whole: dict[int, tuple[list[int], list[Box]]] = {}

    rounded: dict[float, float] = {}

    def hundredths(value: float) -> float:
        """``round(value, 2)``, remembered: a page's boxes share few edges (slow to round)."""
        found = rounded.get(value)
        if found is None or value == 0.0:  # 0.0 and -0.0 are one key, and round apart
            found = rounded[value] = round(value, 2)
        return found

    def box_of(index: int, row: int, lo: int, hi: int) -> Box:
        key = _piece_key(index, lo, hi)
        found = by_piece.get(key)
        if found is None:
            geometry = blocks[index].geometry
            assert geometry is not None
            page, x0, top, x1, bottom = geometry.row_box(row, lo, hi)  # as piece_box, rounded
            found = by_piece[key] = Box(
                page=page,
                x0=float(hundredths(x0)),
                top=float(hundredths(top)),
                x1=float(hundredths(x1)),
                bottom=float(hundredths(bottom)),
            )
        return found

    def rows_of(index: int, geometry: Geometry) -> tuple[list[int], list[Box]]:
        """The rows of block ``index`` that hold characters, and the box of each whole."""
        found = whole.get(index)
        if found is None:
            starts = geometry.starts
            rows = [row for row in range(len(geometry.pages)) if starts[row] < starts[row + 1]]
            boxes = [box_of(index, row, starts[row], starts[row + 1]) for row in rows]
            found = whole[index] = (rows, boxes)
        return found

    seen: set[int] = set()
    for provenance in provenances(report):
        if id(provenance) in seen:
            continue
        seen.add(id(provenance))
        spans = textmap.spans(provenance.start, provenance.end)
        if spans is None:
            continue
        shared: list[Box] = []
        for index, low, high in spans:
            geometry = blocks[index].geometry
            assert geometry is not None
            starts = geometry.starts
            # the rows :meth:`Geometry.rows` goes through: from the one holding ``low`` to the
            # last starting before ``high``; all whole between the first and the last
            first = max(0, bisect_right(starts, low) - 1)
            last = min(len(geometry.pages), bisect_left(starts, high)) - 1
            if first > last:
                continue
            lo, hi = max(low, starts[first]), min(high, starts[first + 1])
            if lo < hi:
                shared.append(box_of(index, first, lo, hi))
            if last > first:
                rows, boxes = rows_of(index, geometry)
                shared += boxes[bisect_left(rows, first + 1) : bisect_left(rows, last)]
                lo, hi = max(low, starts[last]), min(high, starts[last + 1])
                if lo < hi:
                    shared.append(box_of(index, last, lo, hi))
        provenance.boxes = shared


_PIECE_BITS = 21
"""Characters of a block a piece's key holds its ends in (up to 2,097,151)."""


def _piece_key(index: int, lo: int, hi: int) -> int | tuple[int, int, int]:
    """The key of the piece of block ``index`` from character ``lo`` to ``hi`` (the row it lies
    on follows from ``lo``): one int (a tuple of three would weigh five objects), a tuple
    only for a block too long for the int's fields."""
    if hi >> _PIECE_BITS:
        return (index, lo, hi)
    return (index << (2 * _PIECE_BITS)) | (lo << _PIECE_BITS) | hi


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
                        provenance=copied(where),
                    )
                )
    return warnings
