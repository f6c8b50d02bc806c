"""Moving a systemogram line's shared stretches sideways.

:mod:`.systemogram_tracks` decides how far each line sharing a corridor moves across it
(a :class:`Shift` of some of its segments); :func:`moved` makes those shifts: where a
shared stretch reaches a bend that may move, the bend moves with it, to where the moved
track meets the next segment; elsewhere the line steps aside just before the stretch and
back just after it. Whether a moved way is taken is weighed in :mod:`.systemogram_shift`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import Point
from .ring_geometry import crossing_at

__all__ = ["JOG", "JOIN", "SHORTEST_JOG", "STEADY", "Shift", "at", "moved"]

JOG = 2.5
"""How many times its sideways step a line takes to step aside (a gentle slope)."""
SHORTEST_JOG = 8.0
"""Least length (units) along the line of a step aside."""
JOIN = 30.0
"""Distance (units) from a bend within which a shared stretch moves the bend with it
instead of stepping aside just before it."""
STEADY = 0.3
"""Sine of the least angle between two segments at a bend that moves with its track:
nearly straight on, the place where their moved lines meet runs away."""


@dataclass(slots=True)
class Shift:
    """How one segment moves: sideways by ``v``, over the stretch ``t0``-``t1`` (units
    from its start)."""

    v: Point
    t0: float
    t1: float


def at(a: Point, b: Point, t: float, v: Point = (0.0, 0.0)) -> Point:
    """The point ``t`` units from ``a`` towards ``b``, moved by ``v``."""
    length = math.dist(a, b)
    return (a[0] + (b[0] - a[0]) * t / length + v[0], a[1] + (b[1] - a[1]) * t / length + v[1])


def _meet(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where the lines through ``a``-``b`` and ``c``-``d`` meet, or ``None`` when they run
    nearly straight on (the point would run away)."""
    rx, ry = b[0] - a[0], b[1] - a[1]
    sx, sy = d[0] - c[0], d[1] - c[1]
    if abs(rx * sy - ry * sx) <= STEADY * math.hypot(rx, ry) * math.hypot(sx, sy):
        return None
    return crossing_at(a, b, c, d)


def moved(path: Sequence[Point], shifts: dict[int, Shift], lo: int, hi: int
           ) -> list[Point]:
    """``path`` with the ``shifts`` of its segments made: bends ``lo`` to ``hi`` may move
    with a track that reaches them; elsewhere the line steps aside and back. Points to
    two decimals."""
    n = len(path)
    # which bends move with their tracks: to where
    bend: dict[int, Point] = {}
    joined: set[tuple[int, int]] = set()  # (segment, 0 start / 1 end) moved with a bend
    for k in range(max(lo, 1), min(hi, n - 2) + 1):
        before, after = shifts.get(k - 1), shifts.get(k)
        if before is None and after is None:
            continue
        reach_b = before is None or math.dist(path[k - 1], path[k]) - before.t1 <= JOIN
        reach_a = after is None or after.t0 <= JOIN
        if not (reach_b and reach_a):
            continue
        vb = before.v if before is not None else (0.0, 0.0)
        va = after.v if after is not None else (0.0, 0.0)
        p, q, r = path[k - 1], path[k], path[k + 1]
        meet = _meet((p[0] + vb[0], p[1] + vb[1]), (q[0] + vb[0], q[1] + vb[1]),
                   (q[0] + va[0], q[1] + va[1]), (r[0] + va[0], r[1] + va[1]))
        if meet is None:
            if before is None or after is None:
                continue
            meet = (q[0] + (vb[0] + va[0]) / 2, q[1] + (vb[1] + va[1]) / 2)
        if math.dist(meet, q) > 2.5 * max(math.hypot(*vb), math.hypot(*va)):
            continue
        bend[k] = meet
        if before is not None:
            joined.add((k - 1, 1))
        if after is not None:
            joined.add((k, 0))
    out = [path[0]]
    for k in range(n - 1):
        a, b = path[k], path[k + 1]
        sh = shifts.get(k)
        if sh is not None:
            length = math.dist(a, b)
            step = max(SHORTEST_JOG, JOG * math.hypot(*sh.v))
            s0 = 0.0 if (k, 0) in joined else max(sh.t0 - step, 0.0)
            e0 = length if (k, 1) in joined else min(sh.t1 + step, length)
            s1 = s0 if (k, 0) in joined else s0 + step
            e1 = e0 if (k, 1) in joined else e0 - step
            if e1 - s1 > 1.0:
                if (k, 0) not in joined:
                    if s0 > 0.5:
                        out.append(at(a, b, s0))
                    out.append(at(a, b, s1, sh.v))
                if (k, 1) not in joined:
                    out.append(at(a, b, e1, sh.v))
                    if e0 < length - 0.5:
                        out.append(at(a, b, e0))
        out.append(bend.get(k + 1, b))
    # to two decimals, as drawn: a point weighed off another line must not land on it
    return [(round(x, 2), round(y, 2)) for x, y in out]
