"""The column-wise fast paths of the PDF reader give what the plain glyph loops give.

:func:`build_lines` decides most lines from page-wide column comparisons and the PDFium source
keeps its glyphs as :class:`CharColumns`. The reference below is the straightforward glyph-by-
glyph algorithm those fast paths replace; random pages (clean text, overlaps, duplicates, mixed
sizes, NaN and infinite coordinates) must give exactly the same lines, float for float.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from rectpipe.readers.pdf import (
    RADICALS,
    Char,
    CharColumns,
    Line,
    PdfiumCharSource,
    build_lines,
    is_cjk,
    line_text,
    repair_chars,
)
from rectpipe.readers.pdf.settings import LayoutSettings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# --------------------------------------------------------------------------------------------
# the reference: one glyph at a time


def _reference_dominant_size(chars: Sequence[Char]) -> float:
    first = chars[0].size
    if all(c.size == first for c in chars):
        return round(first, 1)
    sizes = Counter(round(c.size, 1) for c in chars)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]


_WORD_SPACE = LayoutSettings().x_tolerance_ratio


def _reference_lead(chars: Sequence[Char]) -> float:
    def spaceable(ch: str) -> bool:
        return bool(ch) and not is_cjk(ch)

    if not spaceable(chars[0].text[0]):
        return 0.0
    end = chars[0].x1
    for a, b in itertools.pairwise(chars):
        if not spaceable(b.text[0]) or b.x0 - a.x1 > _WORD_SPACE * b.size:
            break
        end = b.x1
    return end - chars[0].x0


def _reference_rows(group: list[Char], dedupe: float) -> list[list[Char]]:
    rows: list[list[Char]] = [[group[0]]]
    for char in group[1:]:
        for row in rows:
            last = row[-1]
            if (
                char.text == last.text
                and abs(char.x0 - last.x0) <= dedupe
                and abs(char.top - last.top) <= dedupe
            ):
                break
            width, last_width = char.x1 - char.x0, last.x1 - last.x0
            latin = all(c.text.isascii() and c.text.isalnum() for c in (char, last))
            ratio = 0.5 if latin else 0.3
            if char.x0 >= last.x1 - ratio * (width if width < last_width else last_width):
                row.append(char)
                break
        else:
            rows.append([char])
    return rows


def _reference_fitted(chars: list[Char]) -> list[Char]:
    """Each glyph shorter than ``short_glyph_ratio`` or taller than ``tall_glyph_ratio`` of its
    size fitted to the glyph before it (a pass forward) or else after it (a pass backward),
    when that one is of ordinary height (fitted already, or never odd) and size and shares its
    top, or else its bottom; a short one left gets a top ``full_glyph_ratio`` above its bottom."""
    settings = LayoutSettings()
    edge, short, tall = (
        settings.edge_tolerance_ratio,
        settings.short_glyph_ratio,
        settings.tall_glyph_ratio,
    )

    def ordinary(char: Char) -> bool:
        return short * char.size <= char.bottom - char.top <= tall * char.size

    out = list(chars)
    left = {k for k, c in enumerate(chars) if c.bottom - c.top > 0.0 and not ordinary(c)}
    for indices, step in ((range(len(chars)), -1), (range(len(chars) - 1, -1, -1), 1)):
        for k in indices:
            ref = k + step
            if k not in left or not 0 <= ref < len(chars) or ref in left:
                continue
            char, other = chars[k], out[ref]
            height = other.bottom - other.top
            if not ordinary(other) or abs(other.size - char.size) > edge * char.size:
                continue
            if abs(char.top - other.top) <= edge * char.size:
                out[k] = char._replace(bottom=char.top + height)
            elif abs(char.bottom - other.bottom) <= edge * char.size:
                out[k] = char._replace(top=char.bottom - height)
            else:
                continue
            left.discard(k)
    for k in left:
        char = chars[k]
        if char.bottom - char.top < short * char.size:
            out[k] = char._replace(top=char.bottom - settings.full_glyph_ratio * char.size)
    return out


def _reference_without_marks(chars: list[Char]) -> list[Char]:
    """``chars`` without their footnote marks, as :mod:`~rectpipe.readers.pdf.note_marks`
    drops them (its rule is pinned apart, in tests/test_blind_g_rules.py)."""
    from rectpipe.readers.pdf.glyphs import _Glyphs
    from rectpipe.readers.pdf.note_marks import drop_note_marks

    if not chars:
        return chars
    glyphs, upright = _Glyphs.of(chars)
    return list(drop_note_marks(glyphs, upright, LayoutSettings())[0].chars())


def reference_build_lines(chars: Sequence[Char], page: int, dedupe: float = 1.0) -> list[Line]:
    raised = _reference_without_marks(_reference_fitted(list(chars)))
    upright = [c for c in raised if c.upright and c.bottom > c.top]
    upright.sort(key=lambda c: c.top + c.bottom)
    groups: list[list[Char]] = []
    centre2 = height = 0.0
    for char in upright:
        mid2, h = char.top + char.bottom, char.bottom - char.top
        if groups and abs(mid2 - centre2) <= 0.8 * (h if h < height else height):
            groups[-1].append(char)
            continue
        groups.append([char])
        centre2, height = mid2, h
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda c: c.x0)
        for row in _reference_rows(group, dedupe):
            lines.append(
                Line(
                    page=page,
                    text=line_text(row),
                    x0=row[0].x0,
                    x1=max(c.x1 for c in row),
                    top=min(c.top for c in row),
                    bottom=max(c.bottom for c in row),
                    size=_reference_dominant_size(row),
                    glyphs=len(row),
                    lead=_reference_lead(row),
                )
            )
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


# --------------------------------------------------------------------------------------------
# random pages


def columns_of(chars: Sequence[Char], characters: bool = True, arrays: bool = False) -> CharColumns:
    """``chars`` as columns; with ``characters`` as the PDFium source gives them when every
    glyph's text is one character (the texts also as one string), with ``arrays`` their
    coordinates as arrays of doubles (as the native loop reads them)."""
    texts = [c.text for c in chars]
    single = characters and all(len(text) == 1 for text in texts)
    column: Callable[[list[float]], Sequence[float]] = (
        (lambda values: array("d", values)) if arrays else list
    )
    return CharColumns(
        texts,
        column([c.x0 for c in chars]),
        column([c.x1 for c in chars]),
        column([c.top for c in chars]),
        column([c.bottom for c in chars]),
        [(c.size, c.fontname, c.upright) for c in chars],
        "".join(texts) if single else None,
    )


def assert_holes_as_measured(chars: Sequence[Char], dedupe: float) -> None:
    """Whether a line may hold a hole of an unruled table is the same taken from the widest
    gap the line building measured as from the line's character edges."""
    from rectpipe.readers.pdf.unruled import _may_have_holes

    try:
        lines = build_lines(columns_of(chars, arrays=True), 1, dedupe)
    except Exception:
        return
    for line in lines:
        unmeasured = dataclasses.replace(line, widest=None)
        for hole in (0.0, 0.4, 2.0, -1.0, math.inf, -math.inf, math.nan):
            assert _may_have_holes(line, hole) == _may_have_holes(unmeasured, hole), line


def with_edges(build: Build, chars: Sequence[Char], dedupe: float) -> str:
    """:func:`outcome` with every line's character edges too."""
    try:
        lines = build(chars, 1, dedupe)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return repr([(line, list(line.x0s), list(line.x1s)) for line in lines])


def random_page(rng: random.Random) -> list[Char]:
    """A few lines of glyphs: mostly clean text, with the oddities a PDF can hold."""
    mode = rng.choice(["clean", "messy", "uniform"])
    size = rng.choice([10.5, 12.0, 16.0])
    chars: list[Char] = []
    for line in range(rng.randint(1, 6)):
        y = line * rng.choice([14.0, 20.0, 6.0, 0.0])
        x = rng.uniform(0, 100)
        for _ in range(rng.randint(0, 25)):
            s = size
            if mode == "messy" and rng.random() < 0.3:
                s = rng.choice([0.0, 8.0, rng.uniform(-1, 20), math.nan])
            w = s if rng.random() < 0.8 else rng.choice([s / 2, 0.0, 0.5, 3.0])
            if mode == "messy" and rng.random() < 0.2:
                w = rng.uniform(-3, 20)
            x += 0.0 if rng.random() < 0.7 else rng.choice([0.5, 2.0, 4.0, 30.0, -0.2, -w])
            top = y + (0.0 if rng.random() < 0.8 else rng.choice([0.3, -0.5, 2.0, 9.0]))
            h = s * 1.2 if rng.random() < 0.9 else rng.choice([0.0, -1.0, s * 0.5, 3.0, s * 2.0])
            texts = ["中", "国", "a", "b", "1", ".", "—", "“", "A", "(", ""]
            text = rng.choice(texts if mode == "messy" else list("中国人民abc123.，"))
            box = [x, x + w, top, top + h]
            if mode == "messy" and rng.random() < 0.02:
                box[rng.randrange(4)] = rng.choice([math.inf, -math.inf, math.nan, -0.0])
            chars.append(Char(text, *box, s, "F", rng.random() > 0.03))
            if rng.random() < 0.05:
                chars.append(chars[-1])  # drawn twice (simulated bold)
            x += w
    if rng.random() < 0.5:
        rng.shuffle(chars)
    return chars


Build = Callable[[Sequence[Char], int, float], list[Line]]


def outcome(build: Build, chars: Sequence[Char], dedupe: float) -> str:
    """``repr`` of the lines (exact floats, -0.0 and NaN included), or of the exception."""
    try:
        return repr(build(chars, 1, dedupe))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(params=["native", "python"])
def loops(request: pytest.FixtureRequest) -> Iterator[str]:
    """The native loops (when built) or the Python code alone."""
    from rectpipe.readers.pdf import native

    loaded = list(native._LOADED)
    if request.param == "python":
        native._LOADED[:] = [None]
    elif native.native_loops() is None:
        pytest.skip("native loop not built (make native)")
    yield request.param
    native._LOADED[:] = loaded


@pytest.mark.parametrize("seed", range(4))
def test_build_lines_matches_the_glyph_loop(seed: int, loops: str) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        chars = random_page(rng)
        dedupe = rng.choice([1.0, 1.0, 0.0, 2.5])
        expected = outcome(reference_build_lines, chars, dedupe)
        assert outcome(build_lines, chars, dedupe) == expected, chars
        assert outcome(build_lines, columns_of(chars), dedupe) == expected, chars
        plain = columns_of(chars, characters=False)
        assert outcome(build_lines, plain, dedupe) == expected, chars
        edges = with_edges(build_lines, chars, dedupe)
        assert with_edges(build_lines, columns_of(chars, arrays=True), dedupe) == edges, chars
        assert_holes_as_measured(chars, dedupe)


@pytest.mark.parametrize("pdf", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_build_lines_matches_the_glyph_loop_on_the_samples(pdf: Path, loops: str) -> None:
    with PdfiumCharSource(pdf.read_bytes()) as source:
        for page in source.pages():
            chars, _ = repair_chars(page.chars)
            expected = repr(reference_build_lines(list(chars), page.number))
            assert repr(build_lines(chars, page.number)) == expected


# --------------------------------------------------------------------------------------------
# CharColumns


def test_char_columns_behave_as_a_list_of_chars() -> None:
    chars = [
        Char("中", 0.0, 12.0, 1.0, 13.0, 12.0, "SimSun", True),
        Char("a", 12.0, 18.0, 1.5, 12.5, 12.0, "SimSun", True),
        Char("⻓", 18.0, 30.0, 1.0, 13.0, 10.5, "KaiTi", False),
    ]
    columns = columns_of(chars)
    assert len(columns) == 3
    assert list(columns) == chars
    assert columns == chars
    assert columns[1] == chars[1] and type(columns[1]) is Char
    assert columns[-1] == chars[-1]
    assert columns[1:] == chars[1:]
    assert columns[::-1] == chars[::-1]
    assert chars[2] in columns
    with pytest.raises(IndexError):
        columns[3]
    with pytest.raises(ValueError):
        CharColumns(["中"], [0.0], [], [0.0], [1.0], [(1.0, "", True)])
    with pytest.raises(ValueError):
        CharColumns(["中"], [0.0], [1.0], [0.0], [1.0], [(1.0, "", True)], "中国")
    assert columns.characters == "中a⻓" and columns.joined() == "中a⻓"
    assert columns_of(chars, characters=False).joined() == "中a⻓"
    repaired, unmapped = repair_chars(columns)  # a radical: repaired into a new list
    assert [c.text for c in repaired] == ["中", "a", "长"] and unmapped == 0
    clean = columns_of(chars[:2])
    assert repair_chars(clean) == (clean, 0)  # nothing to repair: the columns as they are


def test_pdfium_source_keeps_columns() -> None:
    with PdfiumCharSource((SAMPLES / "seed-yongzhou.pdf").read_bytes()) as source:
        page = next(source.pages())
    assert isinstance(page.chars, CharColumns)
    assert all(type(c) is Char and len(c.text) == 1 for c in page.chars)
    assert page.chars.characters == "".join(c.text for c in page.chars)


# --------------------------------------------------------------------------------------------
# the character classes behind the regular expressions


def test_skipped_characters_are_the_blank_ones() -> None:
    from rectpipe.readers.pdf.pdfium_text import _SKIPPED, _SKIPPED_RUN

    every = "".join(map(chr, range(0x10000)))
    matched = {ord(ch) for run in _SKIPPED_RUN.findall(every) for ch in run}
    assert matched == set(_SKIPPED)


def test_the_native_loop_skips_the_same_characters() -> None:
    from rectpipe.readers.pdf import native
    from rectpipe.readers.pdf.pdfium_text import _kept_glyphs

    loops = native.native_loops()
    if loops is None:
        pytest.skip("native loop not built (make native)")
    every = "".join(map(chr, [*range(0x10000), 0x1F600, 0x20000, 0x10FFFF]))
    for text in (every, every[::-1], every[0x3000:0x3100], " \n", "中", ""):
        assert loops.kept(text).tolist() == _kept_glyphs(text)[0]


def test_repairable_characters_are_whitespace_and_radicals() -> None:
    from rectpipe.readers.pdf.glyphs import _REPAIRABLE

    for code in range(0x30000):
        ch = chr(code)
        assert bool(_REPAIRABLE.match(ch)) == (ch.isspace() or ch in RADICALS), hex(code)


# --------------------------------------------------------------------------------------------
# the PDFium source's reused box buffer


def test_unread_boxes_take_their_predecessors_even_in_a_used_buffer() -> None:
    import ctypes

    from rectpipe.readers.pdf.pdfium_text import _fill_unread, _Scratch

    scratch = _Scratch()
    boxes, slots = scratch.box_slots(3)
    assert len(slots) >= 3 and scratch.box_slots(2)[0] is boxes  # reused, not reallocated
    ctypes.memmove(boxes, (ctypes.c_float * 12)(*range(1, 13)), 48)  # a previous page's boxes
    view = memoryview(boxes).cast("B").cast("f")[:12]
    _fill_unread(view, [0, 1, 0])
    assert list(view) == [0.0] * 4 + [5.0, 6.0, 7.0, 8.0] * 2
