"""Genogram emotional lines drawn straight where that reads best.

A relation is first routed orthogonally (:mod:`.genogram_relations`). Once rows and lanes
have coordinates, each relation in turn takes the straight line between its two symbols
when that line passes no one else's box, no name and no years, runs along no other line,
and crosses no more lines than its route does (family lines and the relations decided
before it); otherwise it keeps its route. The lanes of relations drawn straight are freed,
so bands get lower; the straight lines are then checked again at the new coordinates, and
one that now meets a box or a line goes back to its route (repeated until nothing changes:
each round sends at least one relation back, so there are at most as many rounds as
relations, and usually one).

Cost: the family lines are kept sorted (:class:`.genogram_near.FamilyLines`), so a
horizontal or vertical segment counts what it crosses by binary search; the emotional lines
in a coarse grid. Boxes are found per row by binary search, only where the line passes
beside that row.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Final

from . import Box, Point, segment_hits_box
from .genogram_near import FamilyLines, LineIndex, Segment, x_range
from .genogram_places import (
    LABEL_LIFT,
    MID,
    SMALL,
    SYMBOL,
    SYMBOL_TOP,
    Pending,
    Work,
    row_ref,
    small_kind,
)
from .genogram_route import RefPoint

__all__ = ["straighten_relations"]

Geometry = tuple[dict[int, float], list[float], float]
"""Row tops, lane y values and the drawing's height (see ``genogram._geometry``)."""
_RELATION_CELL: Final = 768.0
"""Grid cell of the index of emotional lines: few and long."""
_CLEAR: Final = 3.0
"""How far a straight line keeps from other people's boxes (a zigzag swings 3-4 units)."""
_OFFSETS: Final = (0.0, 9.0, -9.0)
"""Where a straight line may run beside the line through the two centres: far enough from
it that two lines between one pair are not taken for one."""
_PORT_GAP: Final = 4.0
"""Two lines that end closer than this on one symbol would seem to share a port."""


def straighten_relations(work: Work, pending: Pending, geometry: Geometry,
                         regeometry: Callable[[], Geometry]) -> Geometry:
    """Give each relation the route that crosses fewest lines, or the straight line where
    that is clear and crosses no more (see the module docstring); returns the geometry
    once the lanes of the routes not taken are freed."""
    choice = _choose(work, pending, geometry)
    for k, (best, off) in enumerate(choice):
        for j, path in enumerate(pending.relation_routes[k]):
            if j != best or off is not None:
                _release(work, path, True)
        pending.relation[k] = (pending.relation[k][0], pending.relation_routes[k][best])
    routes = [path for _, path in pending.relation]
    chosen = {k for k, (_best, off) in enumerate(choice) if off is not None}
    while True:
        geometry = regeometry()
        if not chosen:
            return geometry
        scene = _Scene(work, pending, geometry)
        straight_paths = {k: _straight(work, *pending.relation[k][0].between, geometry,
                                       choice[k][1] or 0.0) for k in chosen}
        lines = [scene.resolve(straight_paths.get(k, path)) for k, path in enumerate(routes)]
        family = FamilyLines(scene.structural)
        others = LineIndex(_RELATION_CELL)
        for k, pts in enumerate(lines):
            others.add(_segments(pts), k)
        bad = {k for k in chosen
               if not scene.clear(pending.relation[k][0].between, lines[k])
               or family.along(_segments(lines[k])[0])
               or others.along(_segments(lines[k])[0], k)}
        if not bad:
            for k, path in straight_paths.items():
                pending.relation[k] = (pending.relation[k][0], path)
            return geometry
        for k in bad:
            _release(work, routes[k], False)
        chosen -= bad


def _release(work: Work, path: list[RefPoint], unused: bool) -> None:
    router = work.router
    assert router is not None
    for _x, ref in path:
        if ref[0] == "lane":
            router.release(ref, unused)


def _choose(work: Work, pending: Pending, geometry: Geometry
            ) -> list[tuple[int, float | None]]:
    """Per relation: the route that runs along fewest other lines and then crosses
    fewest lines (family lines and the other relations), and the offset of the straight
    line taken instead (``None``: the route is kept). A straight line is taken when it is
    clear (see :meth:`_Scene.clear`), runs along no line and crosses no more than the best
    route; of the straight lines, the one through the centres first, then those beside it
    (``_OFFSETS``: two relations between one pair). (Routes keep off the family lines by
    their lanes and corridors.)

    Relations are decided one after the other, each against those decided before it; then,
    while that changes anything (at most twice more), each again against all the others.
    The ways of a relation are tried in the order of their cost against the family lines
    alone, and no further once that cost alone is more than the best found (the other
    relations only add to it).
    """
    scene = _Scene(work, pending, geometry)
    family = FamilyLines(scene.structural)  # fixed: each candidate is measured once
    placed = LineIndex(_RELATION_CELL)  # the relations decided so far
    ways: list[list[list[Segment]]] = []  # per relation: its routes, then clear straight lines
    offset: list[list[float | None]] = []
    order: list[list[tuple[tuple[int, int, tuple[int, int]], int]]] = []
    ends_used: dict[str, int] = defaultdict(int)
    for place, _path in pending.relation:
        for pid in place.between:
            ends_used[pid] += 1
    for k, (place, _path) in enumerate(pending.relation):
        segs_k = [_segments(scene.resolve(p)) for p in pending.relation_routes[k]]
        offset_k: list[float | None] = [None] * len(segs_k)
        order_k = [((sum(1 for s in segs if family.along(s)), family.crossings(segs), (1, j)), j)
                   for j, segs in enumerate(segs_k)]
        alone = all(ends_used[pid] == 1 for pid in place.between)
        for n, off in enumerate(_OFFSETS):
            if off and alone and 0.0 in offset_k:
                break  # the line through the centres is clear, no other relation ends here
            line = scene.resolve(_straight(work, *place.between, geometry, off))
            if len(line) == 2 and scene.clear(place.between, line) \
                    and not family.along((line[0], line[1])):
                order_k.append(((0, family.crossings(_segments(line)), (0, n)), len(segs_k)))
                segs_k.append(_segments(line))
                offset_k.append(off)
        order_k.sort()
        ways.append(segs_k)
        offset.append(offset_k)
        order.append(order_k)

    ends: dict[str, dict[int, Point]] = defaultdict(dict)  # per person: placed lines' ends

    def clashes(k: int, segs: list[Segment]) -> int:
        """How many ends of the way ``segs`` of relation ``k`` lie within ``_PORT_GAP`` of
        the end of another relation on the same symbol."""
        return sum(1 for pid, (x, y) in zip(pending.relation[k][0].between,
                                            (segs[0][0], segs[-1][1]), strict=True)
                   if any(o != k and abs(x - q[0]) < _PORT_GAP and abs(y - q[1]) < _PORT_GAP
                          for o, q in ends[pid].items()))

    def keep(k: int, segs: list[Segment]) -> None:
        placed.add(segs, k)
        for pid, end in zip(pending.relation[k][0].between, (segs[0][0], segs[-1][1]),
                            strict=True):
            ends[pid][k] = end

    def forget(k: int) -> None:
        placed.remove(k)
        for pid in pending.relation[k][0].between:
            ends[pid].pop(k, None)

    def best(k: int, routes_only: bool) -> int:
        """The way of relation ``k`` that runs along and crosses fewest lines."""
        found: tuple[tuple[int, int, tuple[int, int]], int] | None = None
        for (along, crossed, rank), j in order[k]:
            if found is not None and (along, crossed, rank) > found[0]:
                break  # this way and the later ones cost at least as much
            if routes_only and offset[k][j] is not None:
                continue
            shared = clashes(k, ways[k][j])
            if offset[k][j] is not None and shared:
                continue  # a straight line has ports of its own
            more_along, more_crossed = placed.measure(ways[k][j], k)
            if offset[k][j] is not None and more_along:
                continue  # a straight line never runs along another
            key = (along + more_along + shared, crossed + more_crossed, rank)
            if found is None or key < found[0]:
                found = (key, j)
        assert found is not None  # every relation has a route
        return found[1]

    def pick(k: int) -> tuple[tuple[int, float | None], list[Segment]]:
        j = best(k, False)
        if offset[k][j] is None:
            return (j, None), ways[k][j]
        return (best(k, True), offset[k][j]), ways[k][j]

    out: list[tuple[int, float | None]] = []
    for k in range(len(ways)):
        choice, segs = pick(k)
        out.append(choice)
        keep(k, segs)
    for _round in range(2):
        changed = False
        for k in range(len(ways)):
            forget(k)
            choice, segs = pick(k)
            changed = changed or choice != out[k]
            out[k] = choice
            keep(k, segs)
        if not changed:
            break
    return out


def _straight(work: Work, a: str, b: str, geometry: Geometry,
              offset: float = 0.0) -> list[RefPoint]:
    """The straight line from the outline of ``a``'s symbol to that of ``b``'s, aimed at
    the centres (or ``offset`` beside that line, to the left seen from ``a``), in
    row-relative coordinates; empty when there is none."""
    row_top = geometry[0]
    rows = work.st.rows
    ax, bx = work.centre[a], work.centre[b]
    ay, by = row_top[rows[a]] + MID, row_top[rows[b]] + MID
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return []
    ux, uy = (bx - ax) / length, (by - ay) / length
    if offset:
        ea, eb = _exit(work, a, offset, ux, uy), _exit(work, b, -offset, -ux, -uy)
        if ea is None or eb is None:
            return []
        nx, ny = -uy * offset, ux * offset
        return [(ax + nx + ux * ea, row_ref(rows[a], MID + ny + uy * ea)),
                (bx + nx - ux * eb, row_ref(rows[b], MID + ny - uy * eb))]
    ta, tb = _reach(work, a, ux, uy), _reach(work, b, ux, uy)
    return [(ax + ux * ta, row_ref(rows[a], MID + uy * ta)),
            (bx - ux * tb, row_ref(rows[b], MID - uy * tb))]


def _exit(work: Work, pid: str, offset: float, ux: float, uy: float) -> float | None:
    """How far a line in direction ``(ux, uy)`` (a unit vector), ``offset`` to the left of
    the centre of ``pid``'s symbol, runs from beside the centre to the outline; ``None``
    when it misses the symbol (or nearly: it would leave at a glancing angle)."""
    r = SYMBOL / 2
    p = work.person[pid]
    kind = small_kind(p)
    ox, oy = -uy * offset, ux * offset
    if kind is not None or p.pregnancy or p.sex == "female":
        radius = r * SMALL[kind] if kind is not None else r * 0.8 if p.pregnancy else r
        if abs(offset) > radius * 0.8:
            return None
        return math.sqrt(radius * radius - offset * offset)
    sides = ((1, 1), (1, -1), (-1, 1), (-1, -1)) if p.sex == "other" else \
        ((1, 0), (-1, 0), (0, 1), (0, -1))
    out = math.inf  # the outline is where the line leaves the first half-plane
    for sx, sy in sides:
        rate = sx * ux + sy * uy
        if rate > 1e-9:
            out = min(out, (r - sx * ox - sy * oy) / rate)
    return out if out < math.inf else None


def _reach(work: Work, pid: str, ux: float, uy: float) -> float:
    """Distance from the centre of ``pid``'s symbol to its outline in direction ``(ux,
    uy)`` (a unit vector)."""
    r = SYMBOL / 2
    p = work.person[pid]
    kind = small_kind(p)
    if kind is not None:
        return r * SMALL[kind]
    if p.pregnancy:
        return r * 0.8
    if p.sex == "female":
        return r
    if p.sex == "other":
        return r / (abs(ux) + abs(uy))
    return r / max(abs(ux), abs(uy))


def _segments(points: list[Point]) -> list[Segment]:
    return [(p, q) for p, q in itertools.pairwise(points) if p != q]


class _Scene:
    """Concrete boxes and family lines at one geometry (before the final shift)."""

    def __init__(self, work: Work, pending: Pending, geometry: Geometry) -> None:
        self.work = work
        self.row_top, self.lane_ys, _height = geometry
        router = work.router
        assert router is not None
        self.router = router
        self.structural = [_segments(self.resolve(points))
                           for _, points, _, _, _ in pending.partner]
        self.structural += [_segments(self.resolve(points)) for _, points in pending.child]
        self.years: list[Box] = []
        for place, _points, _anchor, texts, text_at in pending.partner:
            if text_at is None or not texts or place.index is None:
                continue
            tx, ty = self.resolve([text_at])[0]
            width = work.label(place.index)[1]
            size = texts[0][1]
            bottom = ty - LABEL_LIFT + size * 0.25
            top = ty - LABEL_LIFT - (len(texts) - 1) * size * 1.2 - size * 0.8
            self.years.append(Box(tx - width / 2, top, width, bottom - top).grow(1.0))
        self.rights = {r: [work.left[p] + work.widths[p] for p in ids]
                       for r, ids in work.by_row.items()}
        self.tallest = {r: max((work.heights[p] for p in ids), default=0.0)
                        for r, ids in work.by_row.items()}

    def resolve(self, points: list[RefPoint]) -> list[Point]:
        """Concrete points of a symbolic path."""
        out: list[Point] = []
        for x, (kind, ref, dy) in points:
            out.append((x, self.lane_ys[ref] if kind == "lane" else self.row_top[ref] + dy))
        return out

    def _boxes(self, row: int, x0: float, x1: float) -> Iterator[tuple[str, Box]]:
        """The boxes of ``row`` that reach into ``x0..x1``."""
        work = self.work
        ids = work.by_row.get(row, [])
        k = bisect.bisect_left(self.rights[row], x0 - _CLEAR) if ids else 0
        top = self.row_top[row]
        while k < len(ids) and work.left[ids[k]] <= x1 + _CLEAR:
            pid = ids[k]
            yield pid, Box(work.left[pid], top, work.widths[pid], work.heights[pid])
            k += 1

    def clear(self, ends: tuple[str, str], line: list[Point]) -> bool:
        """True when the straight ``line`` between ``ends`` passes no one else's box, not
        through the names of its ends, and not through the years of a partnership."""
        if len(line) != 2:
            return False
        p, q = line
        work = self.work
        rows = work.st.rows
        ra, rb = sorted((rows[ends[0]], rows[ends[1]]))
        for row in range(ra, rb + 1):
            top = self.row_top[row]  # the part of the line beside the boxes of this row
            span = x_range((p, q), top - _CLEAR - 1.0,
                           top + self.tallest.get(row, 0.0) + _CLEAR + 1.0)
            if span is None:
                continue
            for pid, box in self._boxes(row, *span):
                if pid in ends:
                    below = SYMBOL_TOP + SYMBOL + work.drops.get(pid, 0.0) + 1.0
                    names = Box(box.x, box.y + below, box.w, box.h - below)
                    if names.h > 0 and segment_hits_box(p, q, names):
                        return False
                elif segment_hits_box(p, q, box.grow(_CLEAR)):
                    return False
        return not any(segment_hits_box(p, q, b) for b in self.years)

