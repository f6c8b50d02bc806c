"""Where lines start: no line of another agent through the start of a line.

Every line leaves its agent by a short stretch: a card's professional by a stub sideways
out of the card from its own row, a supporter or context from its box's edge. Where a
line of another agent passes through that stretch, or bends beside its end, a reader sees
that line start at the port: it reads as the agent's own line (in the bench's 40-agent
network of seed 0, one professional's line bent right at the end of a neighbouring row's
stub and seemed to leave from it). :func:`lines_at_starts` lists such pairs: the stroke
of another agent's line within ``START_GAP`` of a line's start, both widths counted.
:func:`turns_at_starts` lists the worst of them: a line that turns within ``START_GAP``
of the end of another agent's start (the end of its card's stub, or its port on a box),
so the two lines meet in one corner and either may be read as the other's way on.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from . import Point, segment_distance
from .ring_geometry import segments_cross

__all__ = [
    "START_GAP",
    "START_LENGTH",
    "TURN",
    "end_of_start",
    "lines_at_starts",
    "start_of",
    "stretch_gap",
    "turns",
    "turns_at",
    "turns_at_starts",
]

START_GAP = 4.0
"""Clear space (units) between a line's start and another line's stroke under which the
other reads as leaving from the same port."""
START_LENGTH = 10.0
"""Length (units) of a line's start where it does not leave a card by a stub: its first
stretch out of its agent's box (a card's stub, up to its first bend, is its start)."""
TURN = math.radians(10.0)
"""Least turn (radians) at a point of a line that reads as a bend (the points of a fan's
arc, each turning a few degrees, read as one curve)."""


def start_of(path: Sequence[Point], first: int) -> tuple[Point, Point]:
    """The start of the line ``path`` (from its agent) as one segment: a card's stub (its
    first two points, ``first`` being 2) or else the first ``START_LENGTH`` units of its
    first segment."""
    a, b = path[0], path[1]
    if first >= 2:
        return a, b
    length = math.dist(a, b)
    if length <= START_LENGTH:
        return a, b
    t = START_LENGTH / length
    return a, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def stretch_gap(p: Point, q: Point, a: Point, b: Point) -> float:
    """The least distance between the segments ``p``-``q`` and ``a``-``b`` (0 where they
    cross)."""
    if segments_cross(p, q, a, b):
        return 0.0
    return min(segment_distance(p, a, b), segment_distance(q, a, b),
               segment_distance(a, p, q), segment_distance(b, p, q))


def lines_at_starts(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                    widths: Sequence[float], firsts: Sequence[int]
                    ) -> list[tuple[int, int]]:
    """Every pair ``(i, j)`` where line ``j`` of another agent comes within ``START_GAP``
    of the start of line ``i`` (:func:`start_of`), stroke to stroke (their ``widths``
    counted): it passes through the start, or bends beside it, and reads as leaving from
    the same port. ``paths`` run from each agent, ``ends`` are their (agent, target) (a
    line that ends at ``i``'s agent belongs there and is left out), ``firsts`` each path's
    first point after a card's stub (2) or 1. Sorted. The starts sorted by their least x,
    each segment looks up those within reach of its box: O((S + H) log L) for S segments,
    L lines and H starts near segments."""
    room = START_GAP + max(widths, default=0.0)  # the most room: the boxes' test
    starts = []
    for i, path in enumerate(paths):
        if len(path) < 2:
            continue
        a, b = start_of(path, firsts[i])
        starts.append(((a[0] if a[0] < b[0] else b[0]) - room,
                       (a[0] if a[0] > b[0] else b[0]) + room,
                       (a[1] if a[1] < b[1] else b[1]) - room,
                       (a[1] if a[1] > b[1] else b[1]) + room, i, a, b))
    starts.sort()
    lows = [s[0] for s in starts]
    highs = [s[1] for s in starts]
    tops = [s[2] for s in starts]
    bottoms = [s[3] for s in starts]
    longest = max((s[1] - s[0] for s in starts), default=0.0)
    found: set[tuple[int, int]] = set()
    for j, path in enumerate(paths):
        agent, target = ends[j]
        for c, d in pairwise(path):
            x0, x1 = (c[0], d[0]) if c[0] < d[0] else (d[0], c[0])
            y0, y1 = (c[1], d[1]) if c[1] < d[1] else (d[1], c[1])
            for n in range(bisect_left(lows, x0 - longest), bisect_right(lows, x1)):
                if highs[n] < x0 or bottoms[n] < y0 or tops[n] > y1:
                    continue  # the boxes apart: most pairs
                _, _, _, _, i, a, b = starts[n]
                if ends[i][0] in (agent, target) or (i, j) in found:
                    continue
                if stretch_gap(a, b, c, d) < START_GAP + (widths[i] + widths[j]) / 2:
                    found.add((i, j))
    return sorted(found)


def end_of_start(path: Sequence[Point], first: int) -> Point:
    """The point where the start of the line ``path`` meets the rest of it as a reader
    sees it: the end of its card's stub (``first`` being 2), where the line turns, or its
    port on its agent's box."""
    return path[1] if first >= 2 else path[0]


def turns(path: Sequence[Point]) -> list[int]:
    """The indices of the inner points of ``path`` where it turns by at least ``TURN``."""
    return [k for k in range(1, len(path) - 1) if turns_at(path, k)]


def turns_at(path: Sequence[Point], k: int) -> bool:
    """True when ``path`` turns by at least ``TURN`` at its inner point ``k``."""
    (ax, ay), (bx, by), (cx, cy) = path[k - 1], path[k], path[k + 1]
    ux, uy, vx, vy = bx - ax, by - ay, cx - bx, cy - by
    return bool((ux or uy) and (vx or vy)) and abs(math.atan2(ux * vy - uy * vx,
                                                              ux * vx + uy * vy)) >= TURN


def turns_at_starts(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                    widths: Sequence[float], firsts: Sequence[int]
                    ) -> list[tuple[int, int, int]]:
    """Every ``(i, j, k)`` where line ``j`` turns at its point ``k`` (:func:`turns`)
    within ``START_GAP`` of the end of line ``i``'s start (:func:`end_of_start`), stroke
    to stroke (their ``widths`` counted), ``i`` of another agent (a line ending at ``i``'s
    agent left out, as in :func:`lines_at_starts`): the two meet in one corner there and
    ``j`` reads as ``i``'s way on. Sorted. The ends sorted by x, each bend looks up
    those within reach: O((B + H) log L) for B bends, L lines and H hits."""
    reach = START_GAP + max(widths, default=0.0)
    spots = sorted((*end_of_start(path, firsts[i]), i)
                   for i, path in enumerate(paths) if len(path) >= 2)
    xs = [x for x, _, _ in spots]
    found: list[tuple[int, int, int]] = []
    for j, path in enumerate(paths):
        agent, target = ends[j]
        for k in turns(path):
            px, py = path[k]
            for n in range(bisect_left(xs, px - reach), bisect_right(xs, px + reach)):
                x, y, i = spots[n]
                if ends[i][0] in (agent, target):
                    continue
                if math.hypot(px - x, py - y) < START_GAP + (widths[i] + widths[j]) / 2:
                    found.append((i, j, k))
    return sorted(found)
