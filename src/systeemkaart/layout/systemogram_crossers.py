"""How many lines a bend crosses, counted for the many places a moved bend is tried at.

Moving lines apart (:mod:`.systemogram_nudge`) tries a dozen places or more for one bend,
and for each asks how many nearby segments the bend's two new segments cross: the inner
loop of the nudging. The bend's neighbours stay where they are, so what each nearby
segment makes of them (on which side of it they lie) is worked out once per bend
(:func:`bend_crossers`), and the side the tried place lies on once per place, for both
new segments (:func:`bend_crossings`). The arithmetic is that of
:func:`~systeemkaart.layout.ring_geometry.segments_cross`, written out in
:func:`crossed_count` (which counts any segments against the near ones), the same
products in the same order, so the count is the same to the last crossing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from . import Point

__all__ = ["Crosser", "Near", "bend_crossers", "bend_crossings", "crossed_count", "near_segment"]

Near = tuple[bool, bool, Sequence[Point], Point, Point, float, float, float, float, float]
"""A segment near a moving bend: whether it may count as crossed and as close, the ends
left out of the close length, its two points, and (worked out once, for the many places
a bend is tried) its box (x0, x1, y0, y1) and length."""

Crosser = tuple[float, float, float, float, float, float, float, float, float, float,
                float, float]
"""A nearby segment c-d as a bend's places are tested against it: c and d, its box
(x0, x1, y0, y1), its direction d - c, and on which side of it the bend's two neighbours
lie (the products ``segments_cross`` takes of them)."""


def near_segment(crosses: bool, apart: bool, holes: Sequence[Point], c: Point, d: Point
                 ) -> Near:
    """The segment ``c``-``d`` as :data:`Near` holds it."""
    (cx, cy), (dx, dy) = c, d
    x0, x1 = (dx, cx) if dx < cx else (cx, dx)  # min and max, written out
    y0, y1 = (dy, cy) if dy < cy else (cy, dy)
    return (crosses, apart, holes, c, d, x0, x1, y0, y1, math.hypot(dx - cx, dy - cy))


def crossed_count(segs: Sequence[tuple[Point, Point]], near: Sequence[Near],
                  most: float = math.inf) -> int:
    """How many of the ``near`` segments sharing no end with ``segs`` they cross; once
    that is over ``most``, the count so far (a caller asking only whether ``segs`` cross
    more than ``most`` need not count the rest)."""
    total = 0
    for (ax, ay), (bx, by) in segs:
        x0, x1 = (ax, bx) if ax < bx else (bx, ax)
        y0, y1 = (ay, by) if ay < by else (by, ay)
        ux, uy = bx - ax, by - ay
        for crosses, _, _, (cx, cy), (dx, dy), cx0, cx1, cy0, cy1, _ in near:
            if not crosses or cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1:
                continue
            # segments_cross, inlined (the same products: this is the nudging's inner
            # loop, asked for every place a bend is tried at)
            d3 = ux * (cy - ay) - uy * (cx - ax)
            d4 = ux * (dy - ay) - uy * (dx - ax)
            if (d3 > 0 > d4) or (d3 < 0 < d4):
                vx, vy = dx - cx, dy - cy
                d1 = vx * (ay - cy) - vy * (ax - cx)
                d2 = vx * (by - cy) - vy * (bx - cx)
                if (d1 > 0 > d2) or (d1 < 0 < d2):
                    total += 1
                    if total > most:
                        return total
    return total


def bend_crossers(prev: Point, nxt: Point, places: Sequence[Point],
                  near: Iterable[tuple[bool, Point, Point, float, float, float, float]]
                  ) -> list[Crosser]:
    """The ``near`` segments (whether it may count as crossed, c, d, and its box x0, x1,
    y0, y1) that a bend between ``prev`` and ``nxt``, at any of ``places``, may cross:
    those that may count and whose boxes meet the box of all those points (no segment
    from one of them to ``prev`` or ``nxt`` reaches beyond it), in order."""
    xs = [prev[0], nxt[0]] + [pt[0] for pt in places]
    ys = [prev[1], nxt[1]] + [pt[1] for pt in places]
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    ax, ay = prev
    bx, by = nxt
    out: list[Crosser] = []
    for crosses, (cx, cy), (dx, dy), cx0, cx1, cy0, cy1 in near:
        if not crosses or cx1 < lo_x or cx0 > hi_x or cy1 < lo_y or cy0 > hi_y:
            continue
        vx, vy = dx - cx, dy - cy
        out.append((cx, cy, dx, dy, cx0, cx1, cy0, cy1, vx, vy,
                    vx * (ay - cy) - vy * (ax - cx), vx * (by - cy) - vy * (bx - cx)))
    return out


def bend_crossings(prev: Point, pt: Point, nxt: Point, crossers: Sequence[Crosser],
                   most: float = math.inf) -> int:
    """How many of ``crossers`` (made by :func:`bend_crossers` for ``prev`` and ``nxt``)
    the segments ``prev``-``pt`` and ``pt``-``nxt`` cross, each crossing of each segment
    counted; once that is over ``most``, the count so far (a caller asking only whether
    the place crosses more than ``most`` need not count the rest)."""
    ax, ay = prev
    px, py = pt
    bx, by = nxt
    x0, x1 = (ax, px) if ax < px else (px, ax)
    y0, y1 = (ay, py) if ay < py else (py, ay)
    x2, x3 = (px, bx) if px < bx else (bx, px)
    y2, y3 = (py, by) if py < by else (by, py)
    ux, uy = px - ax, py - ay
    wx, wy = bx - px, by - py
    total = 0
    for cx, cy, dx, dy, cx0, cx1, cy0, cy1, vx, vy, side_a, side_b in crossers:
        side_p: float | None = None
        if not (cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1):
            d3 = ux * (cy - ay) - uy * (cx - ax)
            d4 = ux * (dy - ay) - uy * (dx - ax)
            if (d3 > 0 > d4) or (d3 < 0 < d4):
                side_p = vx * (py - cy) - vy * (px - cx)
                if (side_a > 0 > side_p) or (side_a < 0 < side_p):
                    total += 1
                    if total > most:
                        return total
        if not (cx1 < x2 or cx0 > x3 or cy1 < y2 or cy0 > y3):
            d3 = wx * (cy - py) - wy * (cx - px)
            d4 = wx * (dy - py) - wy * (dx - px)
            if (d3 > 0 > d4) or (d3 < 0 < d4):
                if side_p is None:
                    side_p = vx * (py - cy) - vy * (px - cx)
                if (side_p > 0 > side_b) or (side_p < 0 < side_b):
                    total += 1
                    if total > most:
                        return total
    return total
