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

Cost: segments are kept in buckets by x, so a line is compared only with the segments in
the buckets it passes (about linear for real drawings); boxes are found per row by binary
search.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Final

from . import Box, Point, segment_hits_box
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
Segment = tuple[Point, Point]

_BUCKET: Final = 64.0
_CLEAR: Final = 3.0
"""How far a straight line keeps from other people's boxes (a zigzag swings 3-4 units)."""
_NEAR: Final = 4.0
_ALONG: Final = 10.0
"""A line closer than ``_NEAR`` to another for more than ``_ALONG`` runs along it."""


def straighten_relations(work: Work, pending: Pending, geometry: Geometry,
                         regeometry: Callable[[], Geometry]) -> Geometry:
    """Draw relations straight where that is clear and crosses no more lines than their
    route (see the module docstring); returns the geometry after freeing their lanes."""
    router = work.router
    assert router is not None
    routes = [path for _, path in pending.relation]
    chosen = _choose(work, pending, geometry)
    if not chosen:
        return geometry
    for k in chosen:
        _release(work, routes[k], True)
    while True:
        geometry = regeometry()
        scene = _Scene(work, pending, geometry)
        straight = {k: _straight(work, *pending.relation[k][0].between, geometry)
                    for k in chosen}
        lines = [scene.resolve(straight.get(k, path)) for k, path in enumerate(routes)]
        others = _Index()
        for segs in scene.structural:
            others.add(segs)
        for k, pts in enumerate(lines):
            others.add(_segments(pts), k)
        bad = {k for k in chosen
               if not (scene.clear(pending.relation[k][0].between, lines[k])
                       and not others.along(_segments(lines[k])[0], k))}
        if not bad:
            for k, path in straight.items():
                pending.relation[k] = (pending.relation[k][0], path)
            return geometry
        for k in bad:
            _release(work, routes[k], False)
        chosen -= bad
        if not chosen:
            return regeometry()


def _release(work: Work, path: list[RefPoint], unused: bool) -> None:
    router = work.router
    assert router is not None
    for _x, ref in path:
        if ref[0] == "lane":
            router.release(ref, unused)


def _choose(work: Work, pending: Pending, geometry: Geometry) -> set[int]:
    """The relations (positions in ``pending.relation``) to draw straight, one after the
    other: each against the family lines and the relations decided before it."""
    scene = _Scene(work, pending, geometry)
    placed = _Index()
    for segs in scene.structural:
        placed.add(segs)
    routed = [scene.resolve(path) for _, path in pending.relation]
    near = _Index()  # what a straight line must not run along: family lines, routes
    for segs in scene.structural:
        near.add(segs)
    for k, pts in enumerate(routed):
        near.add(_segments(pts), k)
    chosen: set[int] = set()
    for k, (place, _path) in enumerate(pending.relation):
        route = _segments(routed[k])
        line = scene.resolve(_straight(work, *place.between, geometry))
        straight = _segments(line)
        if straight and scene.clear(place.between, line) \
                and not near.along(straight[0], k) \
                and placed.crossings(straight) <= placed.crossings(route):
            chosen.add(k)
            placed.add(straight, k)
            near.add(straight, -1 - k)
        else:
            placed.add(route, k)
    return chosen


def _straight(work: Work, a: str, b: str, geometry: Geometry) -> list[RefPoint]:
    """The straight line from the outline of ``a``'s symbol to that of ``b``'s, aimed at
    the centres, in row-relative coordinates."""
    row_top = geometry[0]
    rows = work.st.rows
    ax, bx = work.centre[a], work.centre[b]
    ay, by = row_top[rows[a]] + MID, row_top[rows[b]] + MID
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return []
    ux, uy = (bx - ax) / length, (by - ay) / length
    ta, tb = _reach(work, a, ux, uy), _reach(work, b, ux, uy)
    return [(ax + ux * ta, row_ref(rows[a], MID + uy * ta)),
            (bx - ux * tb, row_ref(rows[b], MID - uy * tb))]


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
        x0, x1 = min(p[0], q[0]), max(p[0], q[0])
        for row in range(ra, rb + 1):
            for pid, box in self._boxes(row, x0, x1):
                if pid in ends:
                    below = SYMBOL_TOP + SYMBOL + work.drops.get(pid, 0.0) + 1.0
                    names = Box(box.x, box.y + below, box.w, box.h - below)
                    if names.h > 0 and segment_hits_box(p, q, names):
                        return False
                elif segment_hits_box(p, q, box.grow(_CLEAR)):
                    return False
        return not any(segment_hits_box(p, q, b) for b in self.years)


class _Index:
    """Segments in buckets by x, for counting crossings and finding lines run along."""

    def __init__(self) -> None:
        self.segs: list[tuple[Segment, int]] = []
        self.buckets: dict[int, list[int]] = defaultdict(list)

    def add(self, segs: list[Segment], owner: int = -(10**9)) -> None:
        """Add a line's segments; ``owner`` names the relation they belong to."""
        for s in segs:
            n = len(self.segs)
            self.segs.append((s, owner))
            for b in self._span(s, _NEAR):
                self.buckets[b].append(n)

    @staticmethod
    def _span(s: Segment, pad: float = 0.0) -> range:
        lo = min(s[0][0], s[1][0]) - pad
        hi = max(s[0][0], s[1][0]) + pad
        return range(math.floor(lo / _BUCKET), math.floor(hi / _BUCKET) + 1)

    def _near(self, s: Segment) -> Iterator[tuple[Segment, int]]:
        seen: set[int] = set()
        y0, y1 = min(s[0][1], s[1][1]) - _NEAR, max(s[0][1], s[1][1]) + _NEAR
        for b in self._span(s):
            for n in self.buckets.get(b, ()):
                if n in seen:
                    continue
                seen.add(n)
                t, owner = self.segs[n]
                if max(t[0][1], t[1][1]) >= y0 and min(t[0][1], t[1][1]) <= y1:
                    yield t, owner

    def crossings(self, segs: list[Segment]) -> int:
        """How many times the line ``segs`` properly crosses the segments kept here."""
        return sum(1 for s in segs for t, _ in self._near(s) if _cross(s, t))

    def along(self, s: Segment, owner: int) -> bool:
        """True when ``s`` runs along a kept segment (not ``owner``'s own) for a while."""
        return any(o != owner and _along(s, t) for t, o in self._near(s))


def _cross(s: Segment, t: Segment) -> bool:
    """True when two segments cross at a point inside both (touching ends do not count)."""
    (p1, p2), (q1, q2) = s, t

    def orient(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    eps = 1e-6
    return ((d1 > eps > d2) or (d1 < -eps < d2)) and ((d3 > eps > d4) or (d3 < -eps < d4))


def _along(s: Segment, t: Segment) -> bool:
    """True when ``s`` keeps within ``_NEAR`` of ``t`` for more than ``_ALONG`` units
    (sampled every 2 units over the stretch of ``s`` beside ``t``)."""
    (px, py), (qx, qy) = s
    dx, dy = qx - px, qy - py
    length = math.hypot(dx, dy)
    apart = min(_distance(s[0], t), _distance(s[1], t), _distance(t[0], s),
                _distance(t[1], s)) >= _NEAR
    if length <= _ALONG or (apart and not _cross(s, t)):
        return False
    us = [((x - px) * dx + (y - py) * dy) / (length * length) for x, y in t]
    lo = max(0.0, min(us) - _NEAR / length)
    hi = min(1.0, max(us) + _NEAR / length)
    steps = max(2, math.ceil((hi - lo) * length / 2.0))
    run = best = 0
    for i in range(steps + 1):
        u = lo + (hi - lo) * i / steps
        if _distance((px + dx * u, py + dy * u), t) < _NEAR:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return (best - 1) * (hi - lo) * length / steps > _ALONG


def _distance(p: Point, t: Segment) -> float:
    """Distance from ``p`` to the segment ``t``."""
    (ax, ay), (bx, by) = t
    dx, dy = bx - ax, by - ay
    n = dx * dx + dy * dy
    u = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / n))
    return math.hypot(p[0] - (ax + u * dx), p[1] - (ay + u * dy))
