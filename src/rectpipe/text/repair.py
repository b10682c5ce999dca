"""Text repair: a block-level stage run once before :func:`~rectpipe.normalize.clean_blocks`.

Copies of reports found in the wild are damaged in ways no reader of the original would see:

- ``traditional``: a traditional-character copy → simplified (only when the document as a
  whole is traditional, so a stray 於 in a simplified text stays);
- ``figures``: full-width figures (``２０２４年``, typed in a full-width input mode) → the
  half-width ones (:func:`~rectpipe.text.repair_text.halfwidth_figures`), and a Chinese year's
  〇 typed as a figure or a letter (``二0二四年``) given back
  (:func:`~rectpipe.text.repair_text.year_zeros`);
- ``glued_dates``: a date whose 年 and 月 were lost in copying (``2024918日``) → the date
  written out whole (``2024年9月18日``), when only one reading is a date
  (:func:`~rectpipe.text.glued_dates.unglue_dates`);
- ``letter_spacing``: a line set with a blank after every character (``2 0 2 4 年 5 月``) →
  the line without them (:func:`~rectpipe.text.repair_text.letter_spaced`);
- ``pinyin``: pinyin glosses after characters, ``個(gè)`` → ``個``;
- ``punctuation``: a web copy's ASCII ``, : ; ( )`` between Han characters → full-width (only
  when the document as a whole lost its full-width commas), and ``∶`` used as a colon;
- ``doubled_punctuation``: clause marks a spun copy doubled (``，，`` ``，。`` ``，、``) → the
  strongest mark of each run;
- ``line_breaks``: several headings glued into one paragraph, ``…。二、下一步工作安排（一）…``
  → one block per heading (see :func:`rectpipe.text.line_breaks.split_points`);
- ``ocr``: in blocks recognised by OCR only, the punctuation OCR misreads (丶 → 、, a closing
  · → 。, full-width digits, half-width marks next to Han, mismatched parentheses, 一 for a dash
  between digits, a document number's 〔year〕, quotes inside quotes, ``一1一`` page numbers;
  see :func:`~rectpipe.text.repair_ocr.ocr_punctuation`);
- ``hard_wraps``: a copy whose paragraphs were cut into printed lines (out of a PDF) → its
  paragraphs joined again (:mod:`rectpipe.text.rewrap`), before the other repairs;
- ``flat_table``: a table copied one cell per line (序号 / 反馈问题 / … then 1 / … ) → one
  table block (:mod:`rectpipe.text.flat_tables`, applied by the pipeline after this stage);
- ``pipe_table``: a table copied one row a line, cells between bars (序号 | 反馈问题 | … |) →
  one table block (:mod:`rectpipe.text.pipe_tables`, likewise);
- ``box_rows``: a page's information box copied between bars (文号 | X | 成文日期: | Y |) →
  one line per label and value (文号：X), which the metadata reads (likewise);
- a table copied one row a line with its cells set apart by wide gaps (序号  问题  整改措施 …)
  is made one table block before repair, from the lines as read
  (:mod:`rectpipe.text.gap_tables`);
- ``circled_numbers``: paragraphs opening ``1对…``, ``2对…`` in order, where a copy's Unicode
  normalisation took ① and ② to bare figures → ``①对…``, ``②对…``
  (:mod:`rectpipe.text.circled`), in a copy that lost its full-width punctuation too;
- ``marker_dots``: paragraphs opening ``1 林区…``, ``2 护林员…`` in order, where a copy lost the
  mark after each item's number → ``1.林区…``, ``2.护林员…`` (:mod:`rectpipe.text.marker_dots`),
  found before letter spacing is closed up (which would glue the figure to the word).

Blocks come back with their text already cleaned (:func:`~rectpipe.normalize.clean_text`), so a
block counts as repaired only when repair changed more than cleaning would have. Each repaired
block keeps the text as read (``original``), and :func:`repair_warnings` gives one warning per
kind of repair applied.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from ..models.records import BlockRef, Provenance, ReportWarning, copied
from ..readers.blocks import Block, BlockKind
from ..runtime.record import record, replace
from .bars import is_bar_row
from .circled import circled_inline, circled_runs
from .glued_dates import unglue_dates
from .line_breaks import lost_breaks, part_ordinals, split_glued
from .marker_dots import dotted_runs
from .normalize import clean_blocks, clean_text
from .repair_ocr import ocr_punctuation
from .repair_text import (
    collapse_doubled,
    dash_numerals,
    figure_dashes,
    fold_ratio_colon,
    fullwidth_punctuation,
    fullwidth_stop,
    gapped_letter_spaced,
    halfwidth_copy,
    halfwidth_figures,
    is_traditional,
    letter_spaced,
    misread_figures,
    strip_pinyin,
    to_simplified,
    year_zeros,
)
from .rewrap import join_hard_wraps

__all__ = [
    "KINDS",
    "Repaired",
    "clean_repaired",
    "repair_and_clean",
    "repair_blocks",
    "repair_hints",
    "repair_warnings",
    "with_originals",
]

KINDS = (
    "traditional",
    "figures",
    "glued_dates",
    "letter_spacing",
    "pinyin",
    "punctuation",
    "doubled_punctuation",
    "line_breaks",
    "ocr",
    "hard_wraps",
    "flat_table",
    "pipe_table",
    "box_rows",
    "circled_numbers",
    "marker_dots",
)
_MESSAGES = {
    "traditional": "traditional characters converted to simplified",
    "figures": "full-width figures made half-width (２０２４ → 2024, ７７．８ → 77.8), a Chinese "
    "year's 〇 typed as a figure or a letter given back (二0二四 → 二〇二四)",
    "glued_dates": "dates whose 年 and 月 were lost written out again where only one reading is "
    "a date (2024918日 → 2024年9月18日)",
    "letter_spacing": "lines set with a blank after every character closed up",
    "pinyin": "pinyin glosses after characters removed",
    "punctuation": "half-width punctuation between Han characters made full-width",
    "doubled_punctuation": "doubled clause marks collapsed (，， → ，, ，。 → 。, ，、 → 、)",
    "line_breaks": "paragraphs holding several headings or labels split",
    "ocr": "punctuation misread by OCR put right (丶 → 、, · → 。, half-/full-width forms)",
    "hard_wraps": "lines of a copy cut at one width (out of a PDF) joined into paragraphs",
    "flat_table": "a table copied one cell per line put back together as a table",
    "pipe_table": "a table copied one row a line, its cells between bars, made a table again",
    "box_rows": "a page's information box copied between bars written one label and value a line",
    "circled_numbers": "paragraphs opening 1…, 2… where a copy lost their circles (① → 1) given "
    "their circled numbers back",
    "marker_dots": "items numbered 1 X, 2 X… where a copy lost the mark after each number given "
    "it back (1.X)",
}


@record
class Repaired:
    """One block after repair: ``original`` is the text as read when repair changed it (for a
    block split into several, every piece carries the whole original), ``kinds`` what was done."""

    block: Block
    original: str | None = None
    kinds: tuple[str, ...] = ()


@record
class _Plan:
    """Which character-level repairs a document gets, decided once for all its text."""

    traditional: bool
    halfwidth: bool
    labels: tuple[str, ...]
    parts: frozenset[int]  # the parts' ordinals written in the document (line_breaks)


@cache
def _steps(
    *, ocr: bool, traditional: bool, halfwidth: bool
) -> tuple[tuple[str, Callable[[str], str]], ...]:
    """The character-level repairs, as ``(kind, repair)`` in the order they are applied, for
    text recognised by OCR or not and a plan's choices."""
    steps: list[tuple[str, Callable[[str], str]]] = [
        ("figures", halfwidth_figures),
        ("figures", year_zeros),
        ("figures", dash_numerals),
        ("figures", misread_figures),
        ("figures", figure_dashes),
        ("punctuation", fullwidth_stop),
        ("glued_dates", unglue_dates),
        ("letter_spacing", letter_spaced),
        ("pinyin", strip_pinyin),
    ]
    if ocr:
        steps.insert(0, ("ocr", ocr_punctuation))
    if traditional:
        steps.append(("traditional", to_simplified))
    steps.append(("punctuation", fold_ratio_colon))
    if halfwidth:
        steps.append(("punctuation", fullwidth_punctuation))
    steps.append(("doubled_punctuation", collapse_doubled))
    return tuple(steps)


def _char_repairs(text: str, plan: _Plan, ocr: bool = False) -> tuple[str, list[str]]:
    """``text`` with the character-level repairs of ``plan``, and the kinds that changed it;
    ``ocr``: the text was recognised by OCR (its misreadings are put right first)."""
    kinds: list[str] = []
    for kind, step in _steps(ocr=ocr, traditional=plan.traditional, halfwidth=plan.halfwidth):
        fixed = step(text)
        if fixed != text:
            text = clean_text(fixed)
            if kind not in kinds:
                kinds.append(kind)
    return text, kinds


def _repair_table(block: Block, plan: _Plan) -> Repaired:
    assert block.cells is not None
    kinds: list[str] = []
    rows: list[tuple[str, ...]] = []
    for row in block.cells:
        cells: list[str] = []
        for cell in row:
            fixed, changed = _char_repairs(clean_text(cell), plan, ocr=block.confidence is not None)
            kinds += [k for k in changed if k not in kinds]
            cells.append(fixed)
        rows.append(tuple(cells))
    if not kinds:
        return Repaired(block)
    text = "\n".join("\t".join(row) for row in rows)
    return Repaired(replace(block, text=text, cells=tuple(rows)), block.text, tuple(kinds))


def _repair_paragraph(
    block: Block, cleaned: str, plan: _Plan, wrapped: str | None = None, spaced: bool = False
) -> list[Repaired]:
    pieces, kinds = _pieces(block, cleaned, plan, wrapped, spaced)
    if not kinds:
        return [Repaired(block)]
    repaired = [replace(block, text=pieces[0])]
    repaired += [replace(block, text=piece, list_label=None) for piece in pieces[1:]]
    original = wrapped if wrapped is not None else block.text
    return [Repaired(b, original, tuple(kinds)) for b in repaired]


def repair_blocks(
    blocks: Sequence[Block], *, labels: Sequence[str] = (), field_labels: Sequence[str] = ()
) -> list[Repaired]:
    """``blocks`` repaired, in order; a block split at lost line breaks gives several.

    ``labels`` are the profile's narrative, responsible and deadline labels (整改情况,
    责任单位, 整改时限…; the pipeline passes them): such a label with a colon after a sentence
    end, a closing quote or a blank where a line break was lost starts a new block, because
    its value would otherwise be lost in the heading (a status label inline,
    ``…。整改进展：正在推进。``, is read where it is). ``field_labels`` are every field label
    (status ones too): in a hard-wrapped copy a line that opens with one opens a paragraph
    (:func:`~rectpipe.text.rewrap.join_hard_wraps`).
    Blocks are returned cleaned even when nothing was repaired; empty blocks are kept
    (cleaning drops them later).
    """
    blocks, wrapped = join_hard_wraps(blocks, field_labels)
    read = [b.text if b.kind is BlockKind.TABLE else gapped_letter_spaced(b.text) for b in blocks]
    cleaned = [clean_text(text) for text in read]
    spaced = {i for i, (b, text) in enumerate(zip(blocks, read, strict=True)) if text is not b.text}
    texts = [t for b, t in zip(blocks, cleaned, strict=True) if b.kind is not BlockKind.TABLE]
    texts += [clean_text(c) for b in blocks if b.cells for row in b.cells for c in row]
    plan = _Plan(
        traditional=is_traditional(texts),
        halfwidth=halfwidth_copy(texts),
        labels=tuple(labels),
        parts=part_ordinals(texts),
    )
    dotted = _dotted(blocks, cleaned)
    repaired: list[Repaired] = []
    for i, (block, text) in enumerate(zip(blocks, cleaned, strict=True)):
        if block.kind is BlockKind.TABLE and block.cells is not None:
            repaired.append(_repair_table(block, plan))
        elif i in dotted:
            made = _repair_paragraph(dotted[i], dotted[i].text, plan, wrapped.get(i), i in spaced)
            repaired.extend(_marked(made, block))
        else:
            repaired.extend(_repair_paragraph(block, text, plan, wrapped.get(i), i in spaced))
    return _with_circles(repaired, plan)


def repair_and_clean(
    blocks: Sequence[Block], *, labels: Sequence[str] = (), field_labels: Sequence[str] = ()
) -> list[Repaired]:
    """``clean_repaired(repair_blocks(blocks, labels=labels))``, cleaning each text once.

    :func:`repair_blocks` cleans every text to decide what to repair and hands unrepaired
    blocks back as read, so :func:`clean_repaired` would clean them a second time; here the
    cleaned text is kept (cleaning is idempotent, so the result is the same).
    """
    blocks, wrapped = join_hard_wraps(blocks, field_labels)
    cells = {
        i: tuple(tuple(clean_text(c) for c in row) for row in b.cells)
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.TABLE and b.cells is not None
    }
    read = [b.text if i in cells else gapped_letter_spaced(b.text) for i, b in enumerate(blocks)]
    cleaned = ["" if i in cells else clean_text(text) for i, text in enumerate(read)]
    # letter-spaced lines closed up as read, before cleaning narrowed their word gaps
    spaced = {i for i, (b, text) in enumerate(zip(blocks, read, strict=True)) if text is not b.text}
    texts = [t for b, t in zip(blocks, cleaned, strict=True) if b.kind is not BlockKind.TABLE]
    for i, b in enumerate(blocks):
        if b.cells:
            texts += [c for row in cells[i] for c in row] if i in cells else _cleaned_cells(b)
    plan = _Plan(
        traditional=is_traditional(texts),
        halfwidth=halfwidth_copy(texts),
        labels=tuple(labels),
        parts=part_ordinals(texts),
    )
    dotted = _dotted(blocks, cleaned)
    kept: list[Repaired] = []
    for i, (block, text) in enumerate(zip(blocks, cleaned, strict=True)):
        if i in cells:
            kept.extend(_table_cleaned(block, cells[i], plan))
        elif i in dotted:
            made = _paragraph_cleaned(dotted[i], dotted[i].text, plan, wrapped.get(i), i in spaced)
            kept.extend(_marked(made, block))
        else:
            kept.extend(_paragraph_cleaned(block, text, plan, wrapped.get(i), i in spaced))
    return _with_circles(kept, plan)


def _dotted(blocks: Sequence[Block], cleaned: Sequence[str]) -> dict[int, Block]:
    """The paragraph blocks whose item numbers lost their mark (:mod:`.marker_dots`), by
    index, each with its cleaned text and the mark given back; found in the texts as cleaned,
    before letter spacing closes ``1 林区`` up to ``1林区``."""
    texts = [
        text if block.kind is BlockKind.PARAGRAPH and not block.list_label else None
        for block, text in zip(blocks, cleaned, strict=True)
    ]
    return {i: replace(blocks[i], text=text) for i, text in dotted_runs(texts).items()}


def _marked(made: list[Repaired], block: Block) -> list[Repaired]:
    """The blocks repair made of ``block`` once its item number got its mark back: each says
    so, and keeps ``block``'s text as read (or the lines a hard-wrapped one was joined from)."""
    return [
        Repaired(
            item.block,
            item.original if item.original not in (None, item.block.text) else block.text,
            (*item.kinds, "marker_dots"),
        )
        for item in made
    ]


def _with_circles(repaired: list[Repaired], plan: _Plan) -> list[Repaired]:
    """``repaired`` with the circled numbers a copy's normalisation made bare figures given
    back (:mod:`.circled`), in a copy that lost its full-width punctuation as well."""
    if not plan.halfwidth:
        return repaired
    texts = [
        r.block.text if r.block.kind is BlockKind.PARAGRAPH and not r.block.list_label else None
        for r in repaired
    ]
    fixed = circled_runs(texts)
    for index, text in enumerate(texts):
        if text is not None:
            inline = circled_inline(fixed.get(index, text))
            if inline != text:
                fixed[index] = inline
    for index, text in fixed.items():
        item = repaired[index]
        original = item.original if item.original is not None else item.block.text
        kinds = (*item.kinds, "circled_numbers")
        repaired[index] = Repaired(replace(item.block, text=text), original, kinds)
    return repaired


def _cleaned_cells(block: Block) -> list[str]:
    """Every cell of ``block`` (a non-table block that has cells), cleaned, row by row."""
    assert block.cells is not None
    return [clean_text(c) for row in block.cells for c in row]


def _table_cleaned(
    block: Block, cleaned: tuple[tuple[str, ...], ...], plan: _Plan
) -> list[Repaired]:
    """A table block repaired and cleaned, from its cells already cleaned (none when empty)."""
    kinds: list[str] = []
    rows: list[tuple[str, ...]] = []
    for row in cleaned:
        fixed_row: list[str] = []
        for cell in row:
            fixed, changed = _char_repairs(cell, plan, ocr=block.confidence is not None)
            kinds += [k for k in changed if k not in kinds]
            fixed_row.append(fixed)
        rows.append(tuple(fixed_row))
    text = "\n".join("\t".join(row) for row in rows)
    if not text.strip():
        return []
    out = replace(block, text=text, cells=tuple(rows))
    return [Repaired(out, block.text, tuple(kinds)) if kinds else Repaired(out)]


def _pieces(
    block: Block, cleaned: str, plan: _Plan, wrapped: str | None, spaced: bool
) -> tuple[list[str], list[str]]:
    """The texts a paragraph block becomes, repaired (one, or several where line breaks were
    lost), and the kinds of repair that made them."""
    ocr = block.confidence is not None
    lines = None
    if wrapped is None and not spaced and not ocr and block.geometry is None:
        lines = lost_breaks(block.text)  # blanks where breaks were: read before cleaning
    kinds: list[str] = []
    pieces: list[str] = []
    for line in [clean_text(line) for line in lines] if lines else [cleaned]:
        text, changed = _char_repairs(line, plan, ocr=ocr)
        kinds += [kind for kind in changed if kind not in kinds]
        # a table's row between bars stays whole (.pipe_tables makes a run of them a table)
        whole = not text or is_bar_row(text)
        pieces += [text] if whole else split_glued(text, plan.labels, plan.parts)
    if spaced and "letter_spacing" not in kinds:
        kinds.insert(0, "letter_spacing")
    if wrapped is not None:
        kinds.insert(0, "hard_wraps")
    if len(pieces) > 1:
        kinds.append("line_breaks")
    return pieces, kinds


def _paragraph_cleaned(
    block: Block, cleaned: str, plan: _Plan, wrapped: str | None = None, spaced: bool = False
) -> list[Repaired]:
    """A paragraph block repaired and cleaned, from its text already cleaned (empty pieces
    dropped, as :func:`clean_repaired` does); ``wrapped``: the lines it was joined from;
    ``spaced``: its letter spacing was closed up before it was cleaned."""
    pieces, kinds = _pieces(block, cleaned, plan, wrapped, spaced)
    if len(pieces) > 1:
        pieces = [clean_text(piece) for piece in pieces]
    original = (wrapped if wrapped is not None else block.text) if kinds else None
    kept: list[Repaired] = []
    for n, piece in enumerate(pieces):
        label = clean_text(block.list_label) if n == 0 and block.list_label else None
        if not piece and not label:
            continue
        label = label or None
        if piece == block.text and label == block.list_label:
            out = block  # equal to the replaced copy, without the cost of making one
        else:
            out = replace(block, text=piece, list_label=label)
        kept.append(Repaired(out, original, tuple(kinds)))
    return kept


def clean_repaired(repaired: Sequence[Repaired]) -> list[Repaired]:
    """:func:`~rectpipe.normalize.clean_blocks` over repaired blocks, keeping each block's
    original and kinds beside it (blocks left empty are dropped, as cleaning does)."""
    kept: list[Repaired] = []
    for item in repaired:
        cleaned = clean_blocks([item.block])
        if cleaned:
            kept.append(Repaired(cleaned[0], item.original, item.kinds))
    return kept


def repair_hints(hints: dict[str, str], repaired: Sequence[Repaired]) -> dict[str, str]:
    """What a page's container says (:attr:`~rectpipe.readers.blocks.Document.hints`: its
    header box, date line, ``<title>``), made simplified as its text was when the text was a
    traditional copy; else ``hints`` as they are."""
    if not any("traditional" in item.kinds for item in repaired):
        return hints
    return {key: to_simplified(value) for key, value in hints.items()}


def with_originals(refs: Sequence[BlockRef], repaired: Sequence[Repaired]) -> list[BlockRef]:
    """``refs`` (one per repaired block, in order) with ``original`` set where repair changed
    the block."""
    return [
        copied(ref, original=item.original) if item.original is not None else ref
        for ref, item in zip(refs, repaired, strict=True)
    ]


def repair_warnings(refs: Sequence[BlockRef], repaired: Sequence[Repaired]) -> list[ReportWarning]:
    """One ``text_repaired_<kind>`` warning per kind of repair applied, pointing at the first
    block it changed and saying how many blocks it changed."""
    hits_by_kind: dict[str, list[BlockRef]] = {}
    for ref, item in zip(refs, repaired, strict=True):
        for kind in item.kinds:  # most blocks were not repaired: one pass over them
            hits_by_kind.setdefault(kind, []).append(ref)
    warnings: list[ReportWarning] = []
    for kind in KINDS:
        hits = hits_by_kind.get(kind)
        if not hits:
            continue
        first = hits[0]
        warnings.append(
            ReportWarning(
                code=f"text_repaired_{kind}",
                message=(
                    f"{_MESSAGES[kind]} in {len(hits)} block(s); originals in blocks[].original"
                ),
                provenance=Provenance(
                    start=first.start,
                    end=first.end,
                    block=first.index,
                    path=first.path,
                    page=first.page,
                ),
            )
        )
    return warnings
