"""The PDF reader's layout thresholds and tolerances, named in one frozen record.

Each field names a value the reader carried as a bare number or module constant before; the
defaults are those values, so ``LayoutSettings()`` reads every document as before. Lengths are
PDF points unless a field says it is a ratio: a ratio of the font size (*em*), of a glyph or
line height, of the page height, or of a count. As in pdfplumber, ``x`` tolerances are
horizontal and ``y`` tolerances vertical, and the table-finding tolerances carry pdfplumber's
own names (they are passed to its lattice algorithm). Change one with
``dataclasses.replace(LayoutSettings(), furniture_band=0.15)`` and pass the result to
:func:`~rectpipe.readers.pdf.read_pdf` (``settings=``) or to any layout function.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ...runtime.record import record

__all__ = ["DEFAULT_SETTINGS", "LayoutSettings"]


@record(strict=True)
class LayoutSettings:
    """Every threshold and tolerance the PDF reader lays pages out with (see the module)."""

    # -- glyph sources ------------------------------------------------------------------------

    thin_rect_max: float = 2.0
    """A drawn rectangle no wider or no taller than this is one ruling segment (a table border
    drawn as a thin filled rectangle); a larger one gives its four sides."""

    curve_straight_tolerance: float = 0.5
    """A piece of a curve whose ends differ by less than this horizontally or vertically is a
    straight ruling segment (pdfplumber source)."""

    upright_tolerance: float = 0.02
    """A glyph rotated by less than this many radians (either way from 0) is upright; rotated
    glyphs (stamps, watermarks, vertical text) are left out of the lines (PDFium source)."""

    low_yield_ratio: float = 0.5
    """Above this share of unmapped glyphs (``(cid:NN)``, U+FFFD) a page gets a note and the
    document has no usable text."""

    # -- lines --------------------------------------------------------------------------------

    y_tolerance_ratio: float = 0.4
    """A glyph joins a line when its vertical centre lies within this ratio of the smaller of
    the two heights (the glyph's and the line's first glyph's) from the line's centre."""

    short_glyph_ratio: float = 0.6
    """A glyph whose box is shorter than this ratio of its font size has a box cut to its ink
    (PDFium's loose box of a font whose descriptor gives no ascent or descent: ``，`` ``。``
    ``一`` a sliver at the line's foot or head); it is fitted to a neighbouring glyph of
    ordinary height before glyphs are grouped into lines (:mod:`.glyph_heights`)."""

    full_glyph_ratio: float = 0.9
    """The height, as a ratio of its font size, a short glyph's box is given above its bottom
    when no neighbour shares one of its edges (:attr:`short_glyph_ratio`)."""

    tall_glyph_ratio: float = 1.6
    """A glyph whose box is taller than this ratio of its font size comes from a font with a
    much larger descent or ascent than its neighbours' (a fallback font); it is fitted to a
    neighbouring glyph of ordinary height that shares one of its edges before lines are formed
    (:mod:`.glyph_heights`)."""

    spread_middle: float = 0.35
    """The share of a landscape sheet's width on each side of the middle band searched for a
    spread's gutter (:mod:`.spreads`)."""

    spread_gutter_ems: float = 3.0
    """How wide (in the glyphs' median size) a blank band in the middle of a landscape sheet
    must be for the sheet to be read as two pages side by side (:mod:`.spreads`)."""

    note_mark_size_ratio: float = 0.75
    """A figure at most this ratio of its neighbour's size, raised above it, is a footnote mark
    and is dropped before lines are formed (:mod:`.note_marks`)."""

    note_mark_raise_ratio: float = 0.1
    """How far (a ratio of the neighbour's size) a footnote mark's centre must stand above its
    neighbour's (:mod:`.note_marks`)."""

    edge_tolerance_ratio: float = 0.2
    """How far apart (a ratio of the font size) two glyphs' tops or bottoms may be and still be
    one edge, when a tall glyph is fitted to its neighbour (:attr:`tall_glyph_ratio`); also how
    far their sizes may differ."""

    x_tolerance_ratio: float = 0.2
    """A gap between two glyphs wider than this ratio of the font size is a word space between
    non-CJK characters; a gap that wide also ends the Latin word a line starts with. Below the
    narrowest space of the fonts Chinese documents are set in: a CJK font's ASCII space is a
    quarter em or less (Noto Sans CJK's 0.224 em), and at 0.25 a date's space before its time
    (``2025-06-10 16:02``) was lost in LibreOffice's PDFs."""

    min_em: float = 1.0
    """The smallest em, in points, that gaps between glyphs are measured against."""

    column_gap_ratio: float = 1.5
    """A gap wider than this many em between two glyphs may be a column-like gap (a space even
    between CJK characters), if it is also an outlier (:attr:`column_gap_factor`)."""

    column_gap_factor: float = 3.0
    """A column-like gap is wider than this many times the line's median letter gap plus
    :attr:`column_gap_margin` em, so letter-spaced and justified lines get no spaces."""

    column_gap_margin: float = 0.5
    """The em added to :attr:`column_gap_factor` times the usual letter gap."""

    overlap_ratio: float = 0.3
    """A glyph starting more than this ratio of the narrower of two glyph widths before its
    left neighbour ends overlaps it: text laid over text is separated into further lines."""

    latin_overlap_ratio: float = 0.5
    """The same between two Latin letters or digits: a narrow letter and one drawn with a
    negative side bearing (``lj`` in a serif face) overlap by a third of the narrow one's box."""

    dedupe_tolerance: float = 1.0
    """A glyph repeating its left neighbour's text within this many points horizontally and
    vertically is a duplicate (simulated bold draws glyphs two or three times) and dropped."""

    size_decimals: int = 1
    """Line font sizes are rounded to this many decimals (1: tenths of a point)."""

    # -- page furniture -----------------------------------------------------------------------

    furniture_band: float = 0.2
    """Header and footer band heights, as a ratio of the page height: only lines inside the top
    or bottom band can be running headers, footers or page numbers."""

    furniture_lines: int = 3
    """How many lines nearest the top and the bottom edge of a page are furniture candidates."""

    furniture_min_pages: int = 2
    """Running text and bare page numbers recur on at least this many pages."""

    furniture_page_share: float = 0.5
    """Running text and bare page numbers recur on at least this share of the pages."""

    furniture_y_tolerance: float = 6.0
    """Recurring text is running text only within this many points of the height (from its
    page edge) where it usually sits."""

    furniture_small_type_ratio: float = 0.8
    """In a one-page document the outermost line is running text when its size is under this
    ratio of the median line size."""

    furniture_gap_ratio: float = 1.3
    """Furniture is set apart from the body by a gap wider than this ratio of the usual line
    pitch; repeated text glued to the body stays."""

    furniture_fallback_pitch: float = 24.0
    """The usual line pitch, in points, when no two consecutive lines have the same size."""

    # -- body metrics -------------------------------------------------------------------------

    size_tolerance_ratio: float = 0.15
    """Two font sizes within this ratio of the larger are the same size: body lines are within
    it of the body size, and a paragraph ends where the size changes by more."""

    left_margin_tolerance: float = 1.5
    """Left edges within this many points of each other form one cluster (the left margin)."""

    left_margin_support: int = 2
    """In a document of :attr:`left_margin_support_lines` body lines or more, the left margin is
    the leftmost cluster of at least this many lines."""

    left_margin_support_lines: int = 20
    """From this many body lines on, the left margin needs :attr:`left_margin_support` lines."""

    right_margin_percentile: float = 0.98
    """The right margin is looked for near this percentile of the body lines' right edges."""

    right_margin_window: float = 2.5
    """Lines ending within this many em of :attr:`right_margin_percentile`'s edge are the
    right-margin candidates."""

    right_margin_tolerance: float = 1.0
    """Right edges within this many points of each other form one cluster."""

    right_margin_quantile: float = 0.9
    """The right margin is this quantile of the largest cluster of candidate right edges."""

    right_margin_min_lines: int = 2
    """With fewer lines than this in that cluster the margins are taken as even."""

    right_margin_min_share: float = 0.05
    """With a smaller share of the body lines than this in that cluster the margins are taken
    as even."""

    max_pitch_ratio: float = 3.0
    """Consecutive same-size lines further apart than this many em do not count towards the
    body's line pitch."""

    fallback_pitch_ratio: float = 1.5
    """The body's line pitch, in em, when no consecutive lines measure it."""

    empty_body_size: float = 12.0
    """The body font size, in points, of a document without lines."""

    empty_body_pitch_ratio: float = 1.2
    """The body line pitch, in em, of a document without lines."""

    # -- paragraphs ---------------------------------------------------------------------------

    full_line_tolerance: float = 1.0
    """A line is full when it ends less than this many em short of the right margin."""

    indent_ratio: float = 0.5
    """A line starting more than this many em right of the left margin is indented (and a line
    starting that far right of its paragraph's first line is a hanging continuation)."""

    right_aligned_ratio: float = 0.5
    """A line starting further right than this share of the body's width (a signature, its
    date) ends its paragraph unless the next line starts as far right: it is full only because
    it is set flush right, and the text under it (a new page's 附件) is no continuation."""

    wrap_word_slack: float = 0.5
    """A line ended short because a Latin word did not fit when the room left is under that
    word's width plus this many em."""

    cjk_wrap_ratio: float = 2.2
    """A CJK line ended short only by line-breaking rules when it stops less than this many em
    before the right margin (and not at the end of a sentence)."""

    paragraph_gap_ratio: float = 1.4
    """On one page, a line further below the previous one than this many times the body's line
    pitch (in em of the larger of the two lines) starts a new paragraph."""

    paragraph_spacing_ratio: float = 1.2
    """A document sets its paragraphs apart by spacing when the pitch after a line that ends
    its paragraph (short, at a sentence's end) is at least this many times the pitch inside a
    paragraph (after a full line broken mid-sentence), both medians over the document; a full
    line that ends a sentence, followed by a line further below than halfway between the two,
    then ends its paragraph (a heading that happens to fill the line)."""

    paragraph_spacing_pairs: int = 3
    """How many line pairs of each kind the two medians of ``paragraph_spacing_ratio`` need."""

    align_tolerance: float = 1.0
    """Left edges within this many points of each other are aligned (block and hanging indents,
    a first line at the margin)."""

    centred_tolerance: float = 1.0
    """A line is centred when its left and right gaps to the margins differ by no more than
    this many em (and it is indented)."""

    title_size_ratio: float = 1.1
    """A wrapped centred line continues a title set in type larger than this ratio of the body
    size."""

    # -- tables -------------------------------------------------------------------------------

    min_table_edges: int = 4
    """Pages with fewer ruling segments than this are not searched for tables."""

    max_table_edges: int = 4000
    """Pages with more ruling segments than this are not searched for tables (drawings,
    charts)."""

    edge_min_length: float = 3.0
    """Ruling segments shorter than this are ignored when looking for tables."""

    snap_x_tolerance: float = 3.0
    """Vertical segments within this many points horizontally are snapped to one x."""

    snap_y_tolerance: float = 3.0
    """Horizontal segments within this many points vertically are snapped to one y."""

    join_x_tolerance: float = 3.0
    """Horizontal segments on one line with gaps up to this many points are joined."""

    join_y_tolerance: float = 3.0
    """Vertical segments on one line with gaps up to this many points are joined."""

    intersection_x_tolerance: float = 3.0
    """A vertical and a horizontal segment within this many points horizontally intersect."""

    intersection_y_tolerance: float = 3.0
    """A vertical and a horizontal segment within this many points vertically intersect."""

    cell_boundary_tolerance: float = 1.0
    """Cell edges within this many points of each other are one column or row boundary."""

    table_bbox_margin: float = 1.0
    """A glyph whose centre lies this many points outside a table's box still belongs to it."""

    table_continuation_tolerance: float = 2.0
    """A table at the top of a page continues the one that ended the previous page when their
    column boundaries lie within this many points of each other."""

    cell_break_ratio: float = 3.0
    """Within a cell, a line ending more than this many em short of the cell's longest line
    closes a paragraph (``"\\n"`` in the cell text)."""

    cell_sentence_break_ratio: float = 1.0
    """Within a cell, a line ending a sentence more than this many em short of the cell's
    longest line closes a paragraph."""

    # -- tables without ruling lines (:mod:`.unruled`) -----------------------------------------

    unruled_hole_ratio: float = 0.6
    """A gap of this many em between two glyphs of a line is a hole between table cells."""

    unruled_gutter_ratio: float = 0.5
    """A gutter between the columns of a table without lines is at least this many em wide."""

    unruled_gap_ratio: float = 2.5
    """A table without lines ends at a vertical gap of this many times its line pitch."""

    unruled_min_columns: int = 3
    """A table without lines has at least this many columns."""

    unruled_min_rows: int = 3
    """A table without lines has at least this many lines with holes."""

    unruled_mark_chars: float = 3.0
    """A first column whose texts are all at most this many em wide holds row marks (序号):
    each starts a row."""

    unruled_row_gap_ratio: float = 1.3
    """A table's first line is a row of its own (a header) when the next line follows it by
    more than this many times the table's line pitch."""

    unruled_continuation_tolerance: float = 6.0
    """A table without lines at the top of a page continues the one that ended the previous
    page when their columns' left sides lie within this many points of each other (a centred
    序号 column starts where its widest number does)."""

    unruled_padding_ratio: float = 0.5
    """The cell padding assumed on either side of a column's text, in em."""


DEFAULT_SETTINGS = LayoutSettings()
"""The settings every layout function uses unless given others."""
