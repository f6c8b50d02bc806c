"""Layouts: coordinates for drawings as plain data (no SVG), plus the geometry they share.

A layout says where every box, label and line goes; the renderers in
:mod:`systeemkaart.render` only paint it. Layouts can therefore be tested without SVG (no
overlapping boxes, no line through a box) and SVG without layout.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Box", "Point", "crossing_point", "entry_along", "proper_cross", "round2",
           "segment_distance", "segment_entry", "segment_hits_box"]

Point = tuple[float, float]
"""A point ``(x, y)`` in user units; y grows downwards as in SVG."""

_ROUNDED_MAX: Final = 65_536


class _Rounded(dict[float, float]):
    """Rounded values by value: a hit is one dictionary look-up made in C (the memo's
    ``__getitem__`` is :func:`round2`), only a miss runs Python (``__missing__``)."""

    __slots__ = ()

    def __missing__(self, value: float) -> float:
        done = round(value, 2)
        if value:  # zero is not remembered: -0.0 and 0.0 keep their own results
            if len(self) >= _ROUNDED_MAX:
                self.clear()
            self[value] = done
        return done


round2: Final[Callable[[float], float]] = _Rounded().__getitem__
"""``round(value, 2)``, remembered: a layout rounds every coordinate of every line, and
the same x and y values recur (one y per lane and row, one x per column); ``round`` with
digits costs about ten dictionary look-ups, a hit here one."""


@dataclass(frozen=True, slots=True, init=False)
class Box:
    """An axis-aligned box: top-left corner ``(x, y)``, width ``w``, height ``h``."""

    x: float
    y: float
    w: float
    h: float

    def __init__(self, x: float, y: float, w: float, h: float) -> None:
        # as the frozen dataclass's own __init__, through each slot's setter (it goes
        # through object.__setattr__ by name: a large drawing makes tens of thousands)
        _SET_X(self, x)
        _SET_Y(self, y)
        _SET_W(self, w)
        _SET_H(self, h)

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """The y of the bottom edge."""
        return self.y + self.h

    @property
    def cx(self) -> float:
        """The x of the centre."""
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        """The y of the centre."""
        return self.y + self.h / 2

    def as_tuple(self) -> tuple[float, float, float, float]:
        """``(x, y, w, h)``, as ``data-bbox`` writes it."""
        return (self.x, self.y, self.w, self.h)

    def overlaps(self, other: Box, gap: float = 0.0, eps: float = 1e-6) -> bool:
        """True when the interiors of the two boxes share any area (touching is fine), or,
        with ``gap``, when they come closer than ``gap``."""
        # the edges written out (right = x + w, bottom = y + h): the layouts' most frequent
        # test, four property calls cheaper
        return (self.x < other.x + other.w + gap - eps and other.x < self.x + self.w + gap - eps
                and self.y < other.y + other.h + gap - eps
                and other.y < self.y + self.h + gap - eps)

    def holds(self, box: Box) -> bool:
        """True when ``box`` lies inside this box (edges may meet)."""
        return self.x <= box.x and box.right <= self.right and self.y <= box.y \
            and box.bottom <= self.bottom

    def corners(self) -> list[Point]:
        """The four corners, clockwise from the top left: the box as an outline."""
        return [(self.x, self.y), (self.x + self.w, self.y), (self.x + self.w, self.y + self.h),
                (self.x, self.y + self.h)]

    def grow(self, d: float) -> Box:
        """The box enlarged by ``d`` on every side."""
        return Box(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def moved(self, dx: float, dy: float) -> Box:
        """The same box shifted by ``(dx, dy)``."""
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    @staticmethod
    def around(boxes: Sequence[Box]) -> Box:
        """The smallest box holding all ``boxes`` (which must not be empty)."""
        x0 = min(b.x for b in boxes)
        y0 = min(b.y for b in boxes)
        x1 = max(b.right for b in boxes)
        y1 = max(b.bottom for b in boxes)
        return Box(x0, y0, x1 - x0, y1 - y0)


_SET_X: Final[Callable[[Box, float], None]] = Box.__dict__["x"].__set__
_SET_Y: Final[Callable[[Box, float], None]] = Box.__dict__["y"].__set__
_SET_W: Final[Callable[[Box, float], None]] = Box.__dict__["w"].__set__
_SET_H: Final[Callable[[Box, float], None]] = Box.__dict__["h"].__set__
"""The slots' own setters: they write past the frozen class's ``__setattr__``."""


def segment_entry(p: Point, q: Point, x0: float, y0: float, x1: float, y1: float
                  ) -> float | None:
    """Where (0-1 along ``p``-``q``) the segment enters the open box ``x0 < x < x1``,
    ``y0 < y < y1``, or ``None`` when it misses the interior.

    Touching is not entering: a segment that runs along an edge, grazes a corner, or ends
    on the outline from outside misses the box; one that starts on the outline and goes in
    enters at 0. A box without area is never entered. Liang-Barsky clipping: O(1). Every
    "does this line pass through that box" question of the layouts is answered here.
    """
    return entry_along(p[0], p[1], q[0] - p[0], q[1] - p[1], x0, y0, x1, y1)


def entry_along(px: float, py: float, dx: float, dy: float, x0: float, y0: float,
                x1: float, y1: float) -> float | None:
    """:func:`segment_entry` of the segment from (``px``, ``py``) by (``dx``, ``dy``): for
    callers that hold the segment as a start and a step (the systemogram router's most
    frequent test), without building the points."""
    if x1 <= x0 or y1 <= y0:
        return None
    # the four edges written out (left, right, top, bottom; each as max/min would take
    # it, the first of equal values kept): called thousands of times a layout
    t0, t1 = 0.0, 1.0
    if dx == 0:  # parallel to the left and right edges
        if px - x0 <= 0 or x1 - px <= 0:  # on one of them or outside
            return None
    else:
        ta, tb = (px - x0) / -dx, (x1 - px) / dx
        if dx > 0:  # enters at the left edge, leaves at the right one
            if ta > t1:
                return None
            if ta > t0:
                t0 = ta
            if tb < t0:
                return None
            if tb < t1:
                t1 = tb
        else:  # leaves at the left edge, enters at the right one
            if ta < t0:
                return None
            if ta < t1:
                t1 = ta
            if tb > t1:
                return None
            if tb > t0:
                t0 = tb
    if dy == 0:
        if py - y0 <= 0 or y1 - py <= 0:
            return None
    else:
        ta, tb = (py - y0) / -dy, (y1 - py) / dy
        if dy > 0:
            if ta > t1:
                return None
            if ta > t0:
                t0 = ta
            if tb < t0:
                return None
            if tb < t1:
                t1 = tb
        else:
            if ta < t0:
                return None
            if ta < t1:
                t1 = ta
            if tb > t1:
                return None
            if tb > t0:
                t0 = tb
    return t0 if t0 < t1 - 1e-9 else None


def segment_distance(pt: Point, a: Point, b: Point) -> float:
    """Distance from ``pt`` to the segment ``a``-``b`` (to ``a`` when it has no length)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length < 1e-12 else ((pt[0] - a[0]) * dx + (pt[1] - a[1]) * dy) / length
    t = min(max(t, 0.0), 1.0)
    return math.dist(pt, (a[0] + t * dx, a[1] + t * dy))


def segment_hits_box(p: Point, q: Point, box: Box, eps: float = 0.5) -> bool:
    """True when the segment ``p``-``q`` passes through the interior of ``box``.

    The box is shrunk by ``eps`` first, so a line running along an edge or touching a corner
    does not count (see :func:`segment_entry` for the touching cases). O(1).
    """
    return segment_entry(p, q, box.x + eps, box.y + eps, box.right - eps,
                         box.bottom - eps) is not None


def crossing_point(s: tuple[Point, Point], t: tuple[Point, Point]) -> Point:
    """Where the lines through segments ``s`` and ``t`` meet (they must not be parallel),
    rounded to a hundredth of a unit, so that one point found twice is equal."""
    (x1, y1), (x2, y2) = s
    (x3, y3), (x4, y4) = t
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    a = x1 * y2 - y1 * x2
    b = x3 * y4 - y3 * x4
    x = (a * (x3 - x4) - (x1 - x2) * b) / d
    y = (a * (y3 - y4) - (y1 - y2) * b) / d
    return (round(x, 2) + 0.0, round(y, 2) + 0.0)


def proper_cross(s: tuple[Point, Point], t: tuple[Point, Point]) -> bool:
    """True when two segments cross at a point inside both (touching ends, and segments
    that only meet or lie on one line, do not count). O(1).

    The orientation of each end against the other segment's line, written out (the same
    products in the same order, so the same numbers): called hundreds of thousands of times
    on a large drawing."""
    ((p1x, p1y), (p2x, p2y)), ((q1x, q1y), (q2x, q2y)) = s, t
    eps = 1e-6
    ux, uy = q2x - q1x, q2y - q1y
    d1 = ux * (p1y - q1y) - uy * (p1x - q1x)
    d2 = ux * (p2y - q1y) - uy * (p2x - q1x)
    if not ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)):
        return False
    vx, vy = p2x - p1x, p2y - p1y
    d3 = vx * (q1y - p1y) - vy * (q1x - p1x)
    d4 = vx * (q2y - p1y) - vy * (q2x - p1x)
    return (d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps)
