"""Every sample with facts made into a copy and scored against its facts: the loop the copy
sweeps share (tests/test_circled.py, test_signature_dates.py, readers/test_traditional_labels.py,
readers/test_pdf_placed.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rectpipe.tools.evaluate import Totals, documents_with_facts, evaluate_document

from .conftest import SAMPLES

#: Makes a sample's copy: from the sample's path and its facts' path, the copy's bytes, or
#: ``None`` to leave the sample out.
MakeCopy = Callable[[Path, Path], bytes | None]


def score_copies(suffix: str, make: MakeCopy, folder: Path) -> tuple[Totals, list[str]]:
    """The scores of every sample with facts whose name ends with ``suffix``, copied by
    ``make`` into ``folder`` under its own name, and the names of those not exact."""
    totals, misses = Totals(), []
    for facts, document in documents_with_facts(SAMPLES):
        if document.suffix != suffix:
            continue
        data = make(document, facts)
        if data is None:
            continue
        copy = folder / document.name
        copy.write_bytes(data)
        score = evaluate_document(copy, facts)
        totals.add(score)
        if not score.ok:
            misses.append(document.name)
    return totals, misses


def opencc_quirk(name: str) -> bool:
    """Whether the sample ``name`` (a document's file name) has facts that hold 澄江, which
    OpenCC writes as 澂江 and does not write back: a miss of the conversion, not of the
    reading."""
    stem = name.rsplit(".", 1)[0]
    return "澄江" in (SAMPLES / f"{stem}.facts.yaml").read_text("utf-8")
