"""Internal: a page photographed in uneven light, its paper made evenly white again.

A sheet photographed with a phone is lit unevenly: one side lies in shadow, the paper is
tinted by the light. The OCR stage tells ink from paper by a fixed darkness (the ruling lines,
the holes a left-out character leaves, footnote marks: ``OcrSettings.rule_darkness``), and in
a shadow the paper itself is that dark: every blank stretch of a line would hold ink, and the
shadow's edge would look like a rule.

The paper's own brightness is estimated at every pixel, the brightest colour within
:data:`PAPER_WINDOW_PT` (ink is thinner than that, so the window always takes in some paper),
smoothed, and each channel is divided by it. A page whose paper is evenly lit (a scan) is left
as it is, byte for byte: only a page whose paper varies by more than :data:`UNEVEN_LEVELS`
grey levels is flattened.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PAPER_CELL_PT", "PAPER_WINDOW_PT", "UNEVEN_LEVELS", "even_lighting", "paper"]

PAPER_CELL_PT = 4.0
"""The paper's brightness is estimated on a grid of cells this size (points)."""

PAPER_WINDOW_PT = 24.0
"""The paper about a pixel is the brightest colour within this window (points): wider than a
heading character's strokes are close, narrower than a shadow changes."""

UNEVEN_LEVELS = 40.0
"""A page whose paper (its darkest channel) is brighter in one place than in another by more
than this many grey levels (5th to 95th percentile) is unevenly lit."""

_SMOOTH_CELLS = 5
"""The estimate is smoothed over this many cells (odd)."""


def paper(image: Any, px_per_pt: float) -> Any:
    """The paper's brightness under every pixel of ``image`` (H×W×3 uint8): float32, H×W×3."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    cell = max(1.0, PAPER_CELL_PT * px_per_pt)
    small_w, small_h = max(1, round(width / cell)), max(1, round(height / cell))
    small = cv2.resize(image, (small_w, small_h), interpolation=cv2.INTER_AREA)
    reach = max(3, round(PAPER_WINDOW_PT / PAPER_CELL_PT) | 1)
    brightest = cv2.dilate(small, np.ones((reach, reach), np.uint8))
    smooth = cv2.blur(brightest, (_SMOOTH_CELLS, _SMOOTH_CELLS))
    grown = cv2.resize(smooth, (width, height), interpolation=cv2.INTER_LINEAR)
    return grown.astype(np.float32)


def even_lighting(image: Any, px_per_pt: float) -> Any:
    """``image`` (H×W×3 uint8, BGR) with its paper made white, when it is unevenly lit;
    ``image`` itself otherwise."""
    import numpy as np

    if image.ndim != 3 or min(image.shape[:2]) < 2:
        return image
    light = paper(image, px_per_pt)
    darkest = light.min(axis=2)
    low, high = np.percentile(darkest, [5, 95])
    if high - low <= UNEVEN_LEVELS:
        return image
    flat = image.astype(np.float32) * (255.0 / np.maximum(light, 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8)
