"""A ledger written again in another format gives the same facts (docs/tables.md).

Every sample with facts whose problems sit in a table (read from its Word file, workbook or web
page) is written again by tests/render_tables.py as a workbook, a portal's web page, a Word file
(each also with equal texts merged down in every column) and that Word file's LibreOffice PDF,
and each copy is scored against the sample's own facts.
The PDF copies are skipped without LibreOffice, except under ``CI``, where a missing
``soffice`` fails (as tests/test_word_pdf_copies.py does).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rectpipe.readers.blocks import BlockKind
from rectpipe.readers.dispatch import read_document
from rectpipe.readers.legacy import soffice
from rectpipe.tools.evaluate import FACTS_SUFFIX, Totals, evaluate_document

from .conftest import SAMPLES
from .render_tables import CONVERSIONS, RENDERINGS, Ledger, converted, ledger_of

#: Exact documents per rendering, of 27 ledger samples (measured with the i samples: 27 in the
#: workbook renderings and LibreOffice's .ods and .xls, 25 in the Word files and the Word file
#: saved as a web page, 24 in the web pages and the workbook's PDF, 22 in the Word file's PDF;
#: docs/tables.md says which miss and why; the PDF floors are one under, as before). The web
#: pages were measured again with 29 ledger samples: 27, since a signature line under a
#: contact line of the copy's width stays a line of its own (i01; text/rewrap.py). The
#: ``-merged`` renderings merge equal texts down in every column (one 责任单位 cell over two
#: problems); ``xlsx-pdf``, ``ods`` and ``xls`` are the workbook as LibreOffice prints and saves
#: it, ``docx-html`` the Word file saved as a web page.
FLOORS = {
    "xlsx": 27,
    "html": 27,
    "docx": 25,
    "xlsx-merged": 27,
    "html-merged": 27,
    "docx-merged": 25,
    "pdf": 21,
    "ods": 27,
    "xls": 27,
    "xlsx-pdf": 23,
    "docx-html": 25,
}
#: Least share of problems found, and of found ones right, per rendering (99% unless named).
RECALL: dict[str, float] = {}


def _is_ledger(path: Path) -> bool:
    document = read_document(path.read_bytes(), path.suffix.lstrip("."))
    return any(
        block.kind is BlockKind.TABLE
        and block.cells is not None
        and len(block.cells) >= 3
        and max(map(len, block.cells)) >= 4
        for block in document.blocks
    )


def ledger_samples() -> list[tuple[Path, Path]]:
    """(source, facts) of every sample with facts whose Word file, workbook or web page holds a
    table of at least three rows and four columns."""
    pairs = []
    for facts in sorted(SAMPLES.glob(f"*{FACTS_SUFFIX}")):
        stem = facts.name.removesuffix(FACTS_SUFFIX)
        for suffix in (".docx", ".xlsx", ".html"):
            source = SAMPLES / (stem + suffix)
            if source.is_file():
                if _is_ledger(source):
                    pairs.append((source, facts))
                break
    return pairs


def _score(
    name: str,
    suffix: str,
    render: Callable[[list[Ledger]], list[bytes]],
    folder: Path,
    merge_all: bool,
) -> None:
    pairs = ledger_samples()
    totals = Totals()
    misses = []
    copies = render([ledger_of(source, merge_all=merge_all) for source, _ in pairs])
    for (_, facts), data in zip(pairs, copies, strict=True):
        stem = facts.name.removesuffix(FACTS_SUFFIX)
        copy = folder / (stem + suffix)
        copy.write_bytes(data)
        shutil.copyfile(facts, folder / facts.name)
        score = evaluate_document(copy, folder / facts.name)
        totals.add(score)
        if not score.ok:
            misses.append(f"{stem}: {score.misses[:2]}")
    assert len(pairs) >= 20
    assert totals.exact_documents >= FLOORS[name], misses
    recall = RECALL.get(name, 0.99)
    assert totals.matched >= recall * totals.expected, misses
    assert totals.matched >= recall * totals.found, misses


def test_every_rendering_has_a_floor() -> None:
    assert set(FLOORS) == set(RENDERINGS) | set(CONVERSIONS)


@pytest.mark.parametrize("name", list(RENDERINGS))
def test_every_ledger_rendered_keeps_its_facts(name: str, tmp_path: Path) -> None:
    suffix, render, merge_all = RENDERINGS[name]
    _score(name, suffix, lambda ledgers: [render(x) for x in ledgers], tmp_path, merge_all)


@pytest.mark.parametrize("name", list(CONVERSIONS))
def test_every_ledger_converted_by_libreoffice_keeps_its_facts(name: str, tmp_path: Path) -> None:
    program = soffice()
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice (.ci/run): soffice is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    source, target = CONVERSIONS[name]
    _score(
        name,
        f".{target}",
        lambda ledgers: converted(ledgers, program, source, target),
        tmp_path,
        False,
    )
