"""The OCR stage's settings, named in one frozen record (no engine is imported here).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Literal

from ...runtime.record import record

__all__ = ["DEFAULT_OCR_SETTINGS", "INSTALL_HINT", "OcrMode", "OcrSettings"]

OcrMode = Literal["auto", "always", "never"]
"""``auto``: recognise pages that have images but no text layer; ``always``: every page (the
text layer is ignored); ``never``: no OCR (a scanned PDF is ``no_text_layer``)."""

INSTALL_HINT = "install the OCR extra to recognise it: pip install 'rectpipe[ocr]'"


@record(strict=True)
class OcrSettings:
    """How pages are rendered for, and read back from, the OCR engine."""

    scale: float = 2.0
    """Pixels per PDF point a page is rendered at (2.0: 144 dpi). Chosen with ``make bench``:
    the fastest scale that keeps the scanned samples' accuracy (see README)."""

    text_score: float = 0.5
    """Recognised lines scored below this are dropped by the engine."""

    size_tolerance: float = 0.2
    """Lines whose em (Han advance) is within this ratio of the body's usual em, or, with no
    em, whose height is within it of the body's usual height, are given the body's size, so
    that the layout's size comparisons see one body size (OCR boxes vary by a few pixels)."""

    deskew_min_degrees: float = 0.2
    """A page whose lines lean by more than this is straightened before layout."""

    even_lighting: bool = True
    """Whether a page photographed in uneven light (a shadow across it, tinted paper) has its
    paper made evenly white before anything else (:mod:`.lighting`); an evenly lit page (a
    scan) is left as it is."""

    square_perspective: bool = True
    """Whether a page photographed at an angle (its lines and margins meeting towards points
    that say it is seen in perspective) is warped square and read again (:mod:`.perspective`);
    a scan, turned or not, is read once, as it is."""

    drop_red: bool = True
    """Red pixels (seals, red-ink stamps) are whitened before recognition: their text is not
    the report's, and it would land among the signature lines."""

    max_pixels: int = 60_000_000
    """An image (or image page) with more pixels than this is refused as ``too_large``."""

    threads: int = 0
    """CPU threads the engine's inference may use; 0 leaves it to the engine (every core)."""

    rules: bool = True
    """Whether a page's ruling lines are looked for in its pixels (:mod:`.rules`), so that a
    scanned ruled table is read as a table, cell by cell, as in a text PDF."""
    rule_min_pt: float = 30.0
    """A run of dark pixels at least this long (in points) is a rule: no character's stroke
    is that long in body type."""
    rule_short_pt: float = 8.0
    """A shorter run down to this long is a rule when both its ends meet long rules across it
    (the borders of a one-line header row)."""
    rule_max_thickness_pt: float = 3.0
    """A rule thicker than this is a filled shape (a bar, a block of ink), not a border."""
    rule_darkness: int = 170
    """A pixel whose darkest channel is below this is ink, when rules are looked for."""
    turn_lines: bool = False
    """Whether the engine classifies each line as upright or upside down and turns it before
    reading. Off: on an upright page it only ever turns a line wrongly (the scanned seed's
    page 13 lost a whole line to it: read upside down, it scored 0.13 and was dropped)."""
    fill_holes: bool = True
    """Whether characters the engine left out of a line it read (a rare character, a bullet,
    a closing quote at the margin) are read again from the hole they leave (:mod:`.holes`)."""
    drop_marks: bool = True
    """Whether footnote marks (small raised figures after a word) are told by their ink and
    dropped, as a text PDF's are (:mod:`.marks`)."""


DEFAULT_OCR_SETTINGS = OcrSettings()
