"""Internal: a page photographed at an angle, seen square again.

A phone photograph sees the sheet in perspective: its lines do not lean by one angle (the top
ones more than the bottom ones), and its margins and a table's columns lean by another. A page
turned as a whole is straightened later (:func:`.chars.page_angle`), but no one turn puts such
a page square: the ruling lines of a table stay askew, the cells' text is given to the wrong
cells, and the left ends of lines wander across the indent a paragraph is told by.

The lines the engine read tell the page's geometry. Their long boxes run towards one point,
where the page's horizontals meet (far away: parallel on a square page); the ends of lines
that start (or end) together, on a margin, at an indent, at a table's column, lie on lines
that run towards the point where the page's verticals meet. When the long lines lean by
:data:`MIN_DEGREES` more at the top than at the bottom, the page is seen at an angle, and the
image is warped so that both sets run straight, and read again. A scan, turned or not, is
left alone: its two points are far away and at right angles.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from .engine import Recognised

__all__ = [
    "ALIGN_EMS",
    "MAX_SKEW_DEGREES",
    "MIN_ALIGNED",
    "MIN_DEGREES",
    "MIN_LINES",
    "TREND_SIGMAS",
    "rectified",
    "rectifying",
]

MIN_LINES = 8
"""Long lines a page needs for its perspective to be measured."""
LONG_RATIO = 6.0
"""A line this many times as long as it is tall shows the page's horizontal."""
ALIGN_EMS = 0.3
"""Line ends within this share of a line's height of one straight line are aligned on it."""
MIN_ALIGNED = 5
"""Line ends on one straight line that make it a margin, an indent or a table's column."""
MIN_SPAN = 0.3
"""Aligned line ends span at least this share of the page's height."""
ALIGNMENTS = 6
"""Margins, indents and columns looked for, at most."""
MAX_LEAN = 0.06
"""A margin leans by at most this much (run over rise): a photograph is taken nearly square."""
MIN_DEGREES = 0.3
"""A page whose long lines turn by this many degrees from its top to its bottom is seen in
perspective and warped."""
TREND_SIGMAS = 4.0
"""How many times its uncertainty the turn of the lines must be to be believed."""
MAX_SKEW_DEGREES = 6.0
"""Margins that turn by more than this across the page, or stand this far from square to the
lines, are misread alignments: the page is left as it is."""


def _numpy() -> Any:
    import numpy

    return numpy


def _meet(lines: Sequence[Any]) -> Any | None:
    """The point (homogeneous) nearest to every one of ``lines`` (homogeneous, normalised)."""
    np = _numpy()
    if len(lines) < 2:
        return None
    _, _, vt = np.linalg.svd(np.array(lines, dtype=float))
    return vt[-1]


def _through(p: Sequence[float], q: Sequence[float]) -> Any:
    """The line (homogeneous) through points ``p`` and ``q``, normalised."""
    np = _numpy()
    line = np.cross([p[0], p[1], 1.0], [q[0], q[1], 1.0])
    return line / (math.hypot(line[0], line[1]) or 1.0)


def _alignments(ends: Any, tolerances: Any, span: float) -> list[Any]:
    """Straight lines (homogeneous) that at least :data:`MIN_ALIGNED` of the points ``ends``
    (N×2, x and y) lie on, each within its own tolerance, spanning ``span`` or more of height:
    the best one first, its points then set aside."""
    np = _numpy()
    found: list[Any] = []
    left = np.ones(len(ends), dtype=bool)
    for _ in range(ALIGNMENTS):
        idx = np.flatnonzero(left)
        if len(idx) < MIN_ALIGNED:
            break
        xs, ys = ends[idx, 0], ends[idx, 1]
        best: Any = None
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                rise = ys[b] - ys[a]
                if abs(rise) < span:
                    continue
                lean = (xs[b] - xs[a]) / rise
                if abs(lean) > MAX_LEAN:
                    continue
                near = np.abs(xs - (xs[a] + lean * (ys - ys[a]))) <= tolerances[idx]
                if best is None or near.sum() > best.sum():
                    best = near
        if best is None or best.sum() < MIN_ALIGNED:
            break
        on = idx[best]
        if np.ptp(ends[on, 1]) < span:
            break
        lean, offset = np.polyfit(ends[on, 1], ends[on, 0], 1)
        found.append(_through((offset, 0.0), (offset + lean, 1.0)))
        left[on] = False
    return found


def _turn(vanishing: Any, at: Sequence[float]) -> float:
    """The angle (degrees) of the direction from point ``at`` towards ``vanishing``."""
    x, y, w = vanishing
    dx, dy = x - w * at[0], y - w * at[1]
    if dx < 0 or (dx == 0 and dy < 0):
        dx, dy = -dx, -dy
    return math.degrees(math.atan2(dy, dx))


def _spread(a: float, b: float) -> float:
    """The difference of two directions (degrees), folded into 0–90."""
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


def _turning(slants: Sequence[tuple[float, float]]) -> bool:
    """Whether the angles of the long lines (``(height on the page, 0–1; degrees)``) turn by
    :data:`MIN_DEGREES` or more from the page's top to its bottom, by :data:`TREND_SIGMAS`
    times the trend's uncertainty or more (a scan's lines lean by one angle, give or take the
    detector's measure)."""
    np = _numpy()
    if len(slants) < MIN_LINES:
        return False
    ys = np.array([y for y, _ in slants])
    angles = np.array([a for _, a in slants])
    if np.ptp(ys) <= 0:
        return False
    (trend, _), cov = np.polyfit(ys, angles, 1, cov=True)
    spread = abs(float(trend))
    return spread >= MIN_DEGREES and spread >= TREND_SIGMAS * math.sqrt(float(cov[0][0]))


def rectifying(lines: Sequence[Recognised], width: int, height: int) -> Any | None:
    """The 3×3 homography (pixels to pixels) that puts the page of ``lines`` square, or
    ``None`` when it is square already (but for a turn) or its lines do not tell."""
    np = _numpy()
    scale = math.hypot(width, height) / 2
    cx, cy = width / 2, height / 2

    def norm(p: Sequence[float]) -> tuple[float, float]:
        return (p[0] - cx) / scale, (p[1] - cy) / scale

    flats, ends, tolerances = [], [], []
    slants: list[tuple[float, float]] = []
    for line in lines:
        q = line.quad
        left = norm(((q[0][0] + q[3][0]) / 2, (q[0][1] + q[3][1]) / 2))
        right = norm(((q[1][0] + q[2][0]) / 2, (q[1][1] + q[2][1]) / 2))
        tall = math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]) / scale
        long = math.hypot(right[0] - left[0], right[1] - left[1])
        if tall <= 0:
            continue
        if long >= LONG_RATIO * tall:
            flats.append(_through(left, right))
            angle = math.degrees(math.atan2(right[1] - left[1], right[0] - left[0]))
            slants.append(((left[1] + right[1]) / 2 * scale / height, angle))
        ends += [left, right]
        tolerances += [ALIGN_EMS * tall] * 2
    if len(flats) < MIN_LINES:
        return None
    across = _meet(flats)
    upright = _meet(_alignments(np.array(ends), np.array(tolerances), MIN_SPAN * height / scale))
    if across is None or upright is None:
        return None
    left_side, right_side = norm((0.0, cy)), norm((float(width), cy))
    middle = (0.0, 0.0)
    # the long lines are many and measured well: they must show the perspective themselves
    if not _turning(slants):
        return None
    skewed = max(
        _spread(_turn(upright, left_side), _turn(upright, right_side)),
        abs(90.0 - _spread(_turn(across, middle), _turn(upright, middle))),
    )
    if skewed > MAX_SKEW_DEGREES:
        return None
    warp = _homography(across, upright, width, height, scale)
    return None if warp is None else _kept_in_place(warp, lines)


def _homography(across: Any, upright: Any, width: int, height: int, scale: float) -> Any | None:
    """The warp (pixels) that sends ``across`` and ``upright`` (vanishing points, in
    coordinates about the image's middle, ``scale`` pixels a unit) to the far right and the
    far bottom, the image's middle kept where it is and the page kept inside the image."""
    np = _numpy()
    horizon = np.cross(across, upright)
    if abs(horizon[2]) < 1e-9:
        return None
    horizon = horizon / horizon[2]
    projective = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [horizon[0], horizon[1], 1.0]])
    d_across = (projective @ across)[:2]
    d_upright = (projective @ upright)[:2]
    d_across = d_across / (np.linalg.norm(d_across) or 1.0)
    d_upright = d_upright / (np.linalg.norm(d_upright) or 1.0)
    if d_across[0] < 0:
        d_across = -d_across
    if d_upright[1] < 0:
        d_upright = -d_upright
    basis = np.column_stack([d_across, d_upright])
    if abs(np.linalg.det(basis)) < 0.5:
        return None
    affine = np.eye(3)
    affine[:2, :2] = np.linalg.inv(basis)
    to_unit = np.array(
        [[1 / scale, 0, -width / 2 / scale], [0, 1 / scale, -height / 2 / scale], [0, 0, 1]]
    )
    warp = np.linalg.inv(to_unit) @ affine @ projective @ to_unit
    corners = np.array([[0, 0, 1], [width, 0, 1], [width, height, 1], [0, height, 1]], float).T
    mapped = warp @ corners
    mapped = mapped[:2] / mapped[2]
    centre = warp @ np.array([width / 2, height / 2, 1.0])
    centre = centre[:2] / centre[2]
    reach_x = max(abs(mapped[0] - centre[0])) * 2
    reach_y = max(abs(mapped[1] - centre[1])) * 2
    fit = min(1.0, width / reach_x, height / reach_y)
    place = np.array(
        [[fit, 0, width / 2 - fit * centre[0]], [0, fit, height / 2 - fit * centre[1]], [0, 0, 1]]
    )
    return place @ warp


def _kept_in_place(warp: Any, lines: Sequence[Recognised]) -> Any:
    """``warp`` scaled and moved so that the lines' text keeps its extent on the page (left,
    right, top and bottom): a page of a document warped square keeps the margins of the pages
    that were not, which the layout measures lines against."""
    np = _numpy()
    points = np.array([[p[0], p[1], 1.0] for line in lines for p in line.quad]).T
    seen = warp @ points
    seen = seen[:2] / seen[2]
    before = points[:2]
    (ax, ay), (bx, by) = before.min(axis=1), before.max(axis=1)
    (cx, cy), (dx, dy) = seen.min(axis=1), seen.max(axis=1)
    if dx <= cx or dy <= cy:
        return warp
    sx, sy = (bx - ax) / (dx - cx), (by - ay) / (dy - cy)
    place = np.array([[sx, 0.0, ax - sx * cx], [0.0, sy, ay - sy * cy], [0.0, 0.0, 1.0]])
    return place @ warp


def rectified(image: Any, lines: Sequence[Recognised]) -> Any | None:
    """``image`` (H×W×3) warped square (see the module), or ``None`` when it is square."""
    import cv2

    height, width = image.shape[:2]
    warp = rectifying(lines, width, height)
    if warp is None:
        return None
    return cv2.warpPerspective(
        image, warp, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255)
    )
