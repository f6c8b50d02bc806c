"""Arrowheads that point at their person.

A line's leg into its port on a person's symbol (:mod:`.systemogram_fan`) spirals round
the person from where the line enters the circle of ``FAN_RADIUS``: where it turns far
round, its last piece runs along the symbol's outline, and the arrowhead on it points
along the outline, at the next arrowhead or at a neighbour, not at the person. Several
such heads side by side on one edge read as one arrow going past. :func:`aim_heads`
gives such a leg a last piece as long as the head, straight at the person's centre,
where that way is clear of boxes and crosses no more lines (nor more of the lines into
the same person, whose arrowheads would then be mixed up): done for the drawing drawn
only, after its lines are parted, so the choice between layouts is the same.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import partial
from itertools import pairwise

from . import Point, segment_distance
from .ring_centre import PersonPlace
from .ring_geometry import segments_cross
from .systemogram_close import BAND_GAP, CLOSE_END, close_length
from .systemogram_fan import FAN_RADIUS, aimed_leg, aims_at
from .systemogram_route import Router

__all__ = ["BESIDE", "aim_heads"]

BESIDE = BAND_GAP
"""Clear space (units) between two strokes under which they read as one band."""
_REACH = FAN_RADIUS + 8.0
"""How far from a person the segments lie that a new leg into it may run beside."""
_Seg = tuple[int, Point, Point, float, float, float, float]
"""A segment near a person: its path's index, its ends, its least and most x and y."""


def aim_heads(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
              arrows: Sequence[bool], widths: Sequence[float],
              people: Mapping[str, PersonPlace]) -> int:
    """Give every path into a person (``ends[i]``: (agent, target)) that ends in an
    arrowhead (``arrows``) a leg whose head points at the person (see
    :func:`~.systemogram_fan.aimed_leg`), clear of the boxes ``router`` knows, where the
    new leg crosses no more lines into the person than the old one, nor more other lines,
    and runs no longer beside the lines of other agents (strokes ``widths`` wide, within
    ``BESIDE``: it would make a band of them), in place. Returns how many legs changed.
    O(L + Σ (S_p + a · n · s)) over people p with legs to aim, for L lines, S_p segments
    of lines passing near p, a legs aimed anew with s segments and n segments near."""
    into: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        if arrows[i] and ends[i][1] in people and len(path) >= 3:
            into.setdefault(ends[i][1], []).append(i)
    boxes: list[tuple[float, float, float, float]] | None = None
    changed = 0
    for target in sorted(into):
        p = people[target]
        centre = (p.x, p.y)
        todo = []
        for i in into[target]:
            start = _leg_start(paths[i], centre)
            if start is not None and not aims_at(paths[i][start:], p):
                todo.append((i, start))
        if not todo:
            continue
        if boxes is None:
            boxes = [_box(path) for path in paths]
        near = _near(paths, boxes, centre)
        for i, start in todo:
            path = paths[i]
            fan = [s for s in near if s[0] != i and ends[s[0]][1] == target]
            other = [s for s in near if s[0] != i and ends[s[0]][1] != target]
            beside = [(s, BESIDE + (widths[i] + widths[s[0]]) / 2,
                       [path[-1], paths[s[0]][-1]] if ends[s[0]][1] == target else [])
                      for s in near if ends[s[0]][0] != ends[i][0]]
            leg = path[start:]
            was: list[float] = [_crossings(leg, fan), _crossings(leg, other), -1.0]
            new = aimed_leg(router, leg, p, ends[i],
                            partial(_no_worse, fan, other, beside, leg, was))
            if new is None:
                continue
            path[start:] = new
            boxes[i] = _box(path)
            near = [s for s in near if s[0] != i] + _near([path], [boxes[i]], centre, i)
            changed += 1
    return changed


def _no_worse(fan: Sequence[_Seg], other: Sequence[_Seg],
              beside: Sequence[tuple[_Seg, float, Sequence[Point]]], old: Sequence[Point],
              was: list[float], leg: Sequence[Point]) -> bool:
    """Whether ``leg`` crosses no more of the segments ``fan`` (of the lines into its
    person) and ``other`` than ``was`` says the ``old`` leg did, and runs beside
    ``beside`` (see :func:`_beside`) no longer than it (measured once, when first
    needed, into ``was[2]``)."""
    if _crossings(leg, fan) > was[0] or _crossings(leg, other) > was[1]:
        return False
    if was[2] < 0:
        was[2] = _beside(old, beside)
    return _beside(leg, beside) <= was[2] + 1e-9


def _box(path: Sequence[Point]) -> tuple[float, float, float, float]:
    """The bounds of ``path``: least and most x, least and most y."""
    xs = [x for x, _ in path]
    ys = [y for _, y in path]
    return min(xs), max(xs), min(ys), max(ys)


def _crossings(leg: Sequence[Point], segs: Sequence[_Seg]) -> int:
    """How many of ``segs`` ``leg`` crosses (those outside its box left out first)."""
    x0, x1, y0, y1 = _box(leg)
    mine = [s for s in segs if not (s[4] < x0 or s[3] > x1 or s[6] < y0 or s[5] > y1)]
    return sum(1 for a, b in pairwise(leg) for s in mine if segments_cross(a, b, s[1], s[2]))


def _near(paths: Sequence[Sequence[Point]], boxes: Sequence[tuple[float, float, float, float]],
          centre: Point, first: int = 0) -> list[_Seg]:
    """The segments of ``paths`` (numbered from ``first``; ``boxes`` their bounds) within
    ``_REACH`` of ``centre``, with their bounds."""
    cx, cy = centre
    lo_x, hi_x, lo_y, hi_y = cx - _REACH, cx + _REACH, cy - _REACH, cy + _REACH
    out = []
    for j, (path, (x0, x1, y0, y1)) in enumerate(zip(paths, boxes, strict=True), first):
        if x0 > hi_x or x1 < lo_x or y0 > hi_y or y1 < lo_y:
            continue
        for a, b in pairwise(path):
            u0, u1 = (a[0], b[0]) if a[0] <= b[0] else (b[0], a[0])
            v0, v1 = (a[1], b[1]) if a[1] <= b[1] else (b[1], a[1])
            if u0 > hi_x or u1 < lo_x or v0 > hi_y or v1 < lo_y:
                continue
            if segment_distance(centre, a, b) < _REACH:
                out.append((j, a, b, u0, u1, v0, v1))
    return out


def _beside(leg: Sequence[Point], others: Sequence[tuple[_Seg, float, Sequence[Point]]]
            ) -> float:
    """How long ``leg`` runs nearly parallel within the gap of each of ``others``
    (segments, the gap between their middles, and the shared ends left out within
    ``CLOSE_END``), summed. Each piece of ``leg`` is measured only against the segments
    whose bounds, grown by the gap, meet its own."""
    grown = [(s[1], s[2], gap, holes, s[3] - gap, s[4] + gap, s[5] - gap, s[6] + gap)
             for s, gap, holes in others]
    total = 0.0
    for p, q in pairwise(leg):
        x0, x1 = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
        y0, y1 = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
        for a, b, gap, holes, u0, u1, v0, v1 in grown:
            if u1 < x0 or u0 > x1 or v1 < y0 or v0 > y1:
                continue
            total += close_length(p, q, a, b, gap, holes, CLOSE_END)
    return total


def _leg_start(path: Sequence[Point], centre: Point) -> int | None:
    """The index of the point where ``path`` enters the circle of ``FAN_RADIUS`` round
    ``centre`` for the last time (its leg into its port starts there, see
    :func:`~.systemogram_fan.fan_in`); ``None`` where no point of it lies on that circle
    (a line that started inside it)."""
    for k in range(len(path) - 2, 0, -1):
        d = math.dist(path[k], centre)
        if d > FAN_RADIUS + 0.5:
            return None
        if d > FAN_RADIUS - 0.5:
            return k
    return None
