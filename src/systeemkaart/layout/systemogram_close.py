"""How long two segments run side by side: nearly parallel and close, so that a reader
may take two lines for one (used by the systemogram router and its measure)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import Point

__all__ = ["close_length"]

_NEAR_PARALLEL = math.sin(math.radians(15.0))
"""Sine of the largest angle between two segments that still run side by side."""


def _within(alpha: float, beta: float, lo: float, hi: float, t0: float, t1: float
            ) -> tuple[float, float]:
    """The part of ``[t0, t1]`` where ``alpha + beta * t`` lies in ``[lo, hi]``."""
    if abs(beta) < 1e-12:
        return (t0, t1) if lo <= alpha <= hi else (t1, t1)
    a, b = (lo - alpha) / beta, (hi - alpha) / beta
    return max(t0, min(a, b)), min(t1, max(a, b))


def close_length(p: Point, q: Point, a: Point, b: Point, gap: float,
                  holes: Sequence[Point], end: float) -> float:
    """How long segment ``p``-``q`` runs within ``gap`` of segment ``a``-``b`` when the
    two are nearly parallel, leaving out what lies within ``end`` of any of ``holes``."""
    l1, l2 = math.dist(p, q), math.dist(a, b)
    if l1 < 1e-9 or l2 < 1e-9:
        return 0.0
    ux, uy = (q[0] - p[0]) / l1, (q[1] - p[1]) / l1
    vx, vy = (b[0] - a[0]) / l2, (b[1] - a[1]) / l2
    cross = ux * vy - uy * vx
    if abs(cross) > _NEAR_PARALLEL:
        return 0.0
    wx, wy = p[0] - a[0], p[1] - a[1]
    t0, t1 = _within(wx * vx + wy * vy, ux * vx + uy * vy, 0.0, l2, 0.0, l1)
    t0, t1 = _within(wx * vy - wy * vx, cross, -gap, gap, t0, t1)
    if t1 <= t0:
        return 0.0
    parts = [(t0, t1)]
    for cx, cy in holes:  # cut out the part of p + t·u within ``end`` of the hole
        fx, fy = p[0] - cx, p[1] - cy
        half = (fx * ux + fy * uy) ** 2 - (fx * fx + fy * fy - end * end)
        if half <= 0:
            continue
        mid = -(fx * ux + fy * uy)
        h0, h1 = mid - math.sqrt(half), mid + math.sqrt(half)
        parts = [piece for s0, s1 in parts
                 for piece in ((s0, min(s1, h0)), (max(s0, h1), s1)) if piece[1] > piece[0]]
    return sum(s1 - s0 for s0, s1 in parts)
