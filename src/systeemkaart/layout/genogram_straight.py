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

Cost: segments are kept in a grid, so a line is compared only with the segments in the
cells it passes (about linear for real drawings); boxes are found per row by binary
search.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Final

from . import Box, Point, proper_cross, segment_hits_box
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

_CELL: Final = 48.0
_CLEAR: Final = 3.0
"""How far a straight line keeps from other people's boxes (a zigzag swings 3-4 units)."""
_NEAR: Final = 4.0
_ALONG: Final = 10.0
"""A line closer than ``_NEAR`` to another for more than ``_ALONG`` runs along it."""


def straighten_relations(work: Work, pending: Pending, geometry: Geometry,
                         regeometry: Callable[[], Geometry]) -> Geometry:
    """Give each relation the route that crosses fewest lines, or the straight line where
    that is clear and crosses no more (see the module docstring); returns the geometry
    once the lanes of the routes not taken are freed."""
    choice = _choose(work, pending, geometry)
    for k, (best, straight) in enumerate(choice):
        for j, path in enumerate(pending.relation_routes[k]):
            if j != best or straight:
                _release(work, path, True)
        pending.relation[k] = (pending.relation[k][0], pending.relation_routes[k][best])
    routes = [path for _, path in pending.relation]
    chosen = {k for k, (_best, straight) in enumerate(choice) if straight}
    while True:
        geometry = regeometry()
        if not chosen:
            return geometry
        scene = _Scene(work, pending, geometry)
        straight_paths = {k: _straight(work, *pending.relation[k][0].between, geometry)
                          for k in chosen}
        lines = [scene.resolve(straight_paths.get(k, path)) for k, path in enumerate(routes)]
        others = _Index()
        for segs in scene.structural:
            others.add(segs)
        for k, pts in enumerate(lines):
            others.add(_segments(pts), k)
        bad = {k for k in chosen
               if not (scene.clear(pending.relation[k][0].between, lines[k])
                       and not others.along(_segments(lines[k])[0], k))}
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


def _choose(work: Work, pending: Pending, geometry: Geometry) -> list[tuple[int, bool]]:
    """Per relation: the route that runs along fewest other lines and then crosses
    fewest lines (family lines and the other relations), and whether the straight line is
    taken instead. (Routes keep off the family lines by their lanes and corridors.)

    Relations are decided one after the other, each against those decided before it; then,
    while that changes anything (at most twice more), each again against all the others.
    """
    scene = _Scene(work, pending, geometry)
    family = _Index()  # the family lines, fixed: each candidate is measured against them once
    for segs in scene.structural:
        family.add(segs)
    placed = _Index(_CELL * 8)  # the relations decided so far
    routes = [[_segments(scene.resolve(p)) for p in paths] for paths in pending.relation_routes]
    lines = [_segments(scene.resolve(_straight(work, *place.between, geometry)))
             for place, _path in pending.relation]
    clear = [bool(line) and scene.clear(place.between, [line[0][0], line[0][1]])
             and not family.along(line[0], k)
             for k, (line, (place, _path)) in enumerate(zip(lines, pending.relation,
                                                             strict=True))]
    base = [[family.crossings(segs) for segs in variants] for variants in routes]
    family_along = [[_alongs(family, segs, k) for segs in variants]
                    for k, variants in enumerate(routes)]
    line_base = [family.crossings(line) if ok else 0 for line, ok in zip(lines, clear,
                                                                         strict=True)]

    def pick(k: int) -> tuple[tuple[int, bool], list[Segment]]:
        costs = [(along + _alongs(placed, segs, k), crossed + placed.crossings(segs))
                 for crossed, along, segs in zip(base[k], family_along[k], routes[k],
                                                 strict=True)]
        best = min(range(len(routes[k])), key=lambda j: (costs[j], j))
        line = lines[k]
        if clear[k] and not placed.along(line[0], k) \
                and (0, line_base[k] + placed.crossings(line)) <= costs[best]:
            return (best, True), line
        return (best, False), routes[k][best]

    out: list[tuple[int, bool]] = []
    for k in range(len(routes)):
        choice, segs = pick(k)
        out.append(choice)
        placed.add(segs, k)
    for _round in range(2):
        changed = False
        for k in range(len(routes)):
            placed.remove(k)
            choice, segs = pick(k)
            changed = changed or choice != out[k]
            out[k] = choice
            placed.add(segs, k)
        if not changed:
            break
    return out


def _alongs(index: _Index, segs: list[Segment], owner: int) -> int:
    """How many of the segments ``segs`` run along a line kept in ``index``."""
    return sum(1 for s in segs if index.along(s, owner))


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
    """Segments kept for counting crossings and finding lines run along, in a grid of
    squares of side ``cell`` (small for the many family lines, large for the few relations):
    a query looks only at the segments in the cells it passes."""

    def __init__(self, cell: float = _CELL) -> None:
        self.cell = cell
        self.segs: list[tuple[Segment, int]] = []
        self.extent: list[tuple[float, float, float, float]] = []
        """Per kept segment: its least and greatest x and y."""
        self.cells: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = \
            defaultdict(lambda: ([], [], []))
        """Per cell, the horizontal, vertical and slanted segments that pass it."""
        self.owned: dict[int, list[int]] = defaultdict(list)
        self.dead: set[int] = set()

    def add(self, segs: list[Segment], owner: int = -(10**9)) -> None:
        """Add a line's segments; ``owner`` names the relation they belong to."""
        for s in segs:
            n = len(self.segs)
            self.segs.append((s, owner))
            (a, b), (c, d) = s
            self.extent.append((min(a, c), max(a, c), min(b, d), max(b, d)))
            self.owned[owner].append(n)
            kind = _kind(s)
            for cell in _cells(s, self.cell):
                self.cells[cell][kind].append(n)

    def remove(self, owner: int) -> None:
        """Forget the segments of relation ``owner``."""
        self.dead.update(self.owned.pop(owner, []))

    def _near(self, s: Segment, kinds: tuple[int, ...]) -> Iterator[tuple[Segment, int]]:
        """The kept segments of ``kinds`` (0 horizontal, 1 vertical, 2 slanted) that come
        within ``_NEAR`` of the bounding box of ``s``."""
        seen: set[int] = set()
        cells, segs, dead, extent = self.cells, self.segs, self.dead, self.extent
        (x1, y1), (x2, y2) = s
        x0, x3 = (x1, x2) if x1 < x2 else (x2, x1)
        y0, y3 = (y1, y2) if y1 < y2 else (y2, y1)
        x0, y0, x3, y3 = x0 - _NEAR, y0 - _NEAR, x3 + _NEAR, y3 + _NEAR
        for cell in _cells(s, self.cell):
            lists = cells.get(cell)
            if lists is None:
                continue
            for k in kinds:
                for n in lists[k]:
                    if n in seen:
                        continue
                    seen.add(n)
                    lo_x, hi_x, lo_y, hi_y = extent[n]
                    if hi_x >= x0 and lo_x <= x3 and hi_y >= y0 and lo_y <= y3 \
                            and n not in dead:
                        yield segs[n]

    def crossings(self, segs: list[Segment]) -> int:
        """How many times the line ``segs`` properly crosses the segments kept here."""
        return sum(1 for s in segs for t, _ in self._near(s, _CROSSING[_kind(s)])
                   if proper_cross(s, t))

    def along(self, s: Segment, owner: int) -> bool:
        """True when ``s`` runs along a kept segment (not ``owner``'s own) for a while."""
        return any(o != owner and _along(s, t) for t, o in self._near(s, _ALONGSIDE[_kind(s)]))


_CROSSING: Final = ((1, 2), (0, 2), (0, 1, 2))
"""Per kind of segment, the kinds that can cross it (two horizontals never cross)."""
_ALONGSIDE: Final = ((0, 2), (1, 2), (0, 1, 2))
"""Per kind of segment, the kinds that can run along it (not those at right angles)."""


def _kind(s: Segment) -> int:
    """0 for a horizontal segment, 1 for a vertical one, 2 for a slanted one."""
    return 0 if s[0][1] == s[1][1] else 1 if s[0][0] == s[1][0] else 2


@functools.lru_cache(maxsize=4096)
def _cells(s: Segment, size: float) -> tuple[tuple[int, int], ...]:
    """The cells of side ``size`` a segment passes, widened by ``_NEAR`` (a slanted
    segment: the cells of points every half cell along it, and their neighbours). Kept for
    the segments asked about most: each candidate route is measured many times."""
    (x1, y1), (x2, y2) = s
    if x1 == x2 or y1 == y2:
        i0, i1 = (math.floor((min(x1, x2) - _NEAR) / size),
                  math.floor((max(x1, x2) + _NEAR) / size))
        j0, j1 = (math.floor((min(y1, y2) - _NEAR) / size),
                  math.floor((max(y1, y2) + _NEAR) / size))
        return tuple((i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))
    steps = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) / (size / 2)))
    out: set[tuple[int, int]] = set()
    for k in range(steps + 1):
        u = k / steps
        i = math.floor((x1 + (x2 - x1) * u) / size)
        j = math.floor((y1 + (y2 - y1) * u) / size)
        out.update((i + di, j + dj) for di in (-1, 0, 1) for dj in (-1, 0, 1))
    return tuple(sorted(out))


def _along(s: Segment, t: Segment) -> bool:
    """True when ``s`` keeps within ``_NEAR`` of ``t`` for more than ``_ALONG`` units.

    The points within ``_NEAR`` of ``t`` form a capsule (a convex shape), so the part of
    ``s`` inside it is one stretch: where ``s`` enters the disks at ``t``'s ends or the band
    along ``t``, from the first entry to the last exit.
    """
    (px, py), (qx, qy) = s
    (ax, ay), (bx, by) = t
    if (py == qy and ay == by) or (px == qx and ax == bx):  # parallel on one axis
        if py == qy:
            across, lo, hi, a, b = (abs(py - ay), min(px, qx), max(px, qx), min(ax, bx),
                                    max(ax, bx))
        else:
            across, lo, hi, a, b = (abs(px - ax), min(py, qy), max(py, qy), min(ay, by),
                                    max(ay, by))
        return across < _NEAR and min(hi, b) - max(lo, a) > _ALONG
    if (py == qy and ax == bx) or (px == qx and ay == by):  # at right angles
        return False
    dx, dy = qx - px, qy - py
    length = math.hypot(dx, dy)
    if length <= _ALONG:
        return False
    spans = [_in_disk(s, end) for end in t]
    tl = math.hypot(bx - ax, by - ay)
    if tl > 0:
        ex, ey = (bx - ax) / tl, (by - ay) / tl
        lo, hi = 0.0, 1.0  # clip the line to the band: 0 <= along t <= tl, |across| < r
        for start, rate, low, high in (
                ((px - ax) * ex + (py - ay) * ey, dx * ex + dy * ey, 0.0, tl),
                ((px - ax) * -ey + (py - ay) * ex, dx * -ey + dy * ex, -_NEAR, _NEAR)):
            if rate == 0:
                if not low <= start <= high:
                    lo, hi = 1.0, 0.0
                continue
            u1, u2 = (low - start) / rate, (high - start) / rate
            lo, hi = max(lo, min(u1, u2)), min(hi, max(u1, u2))
        spans.append((lo, hi) if lo < hi else None)
    got = [span for span in spans if span is not None]
    if not got:
        return False
    lo = max(0.0, min(span[0] for span in got))
    hi = min(1.0, max(span[1] for span in got))
    return (hi - lo) * length > _ALONG


def _in_disk(s: Segment, centre: Point) -> tuple[float, float] | None:
    """The stretch ``(u0, u1)`` of the line through ``s`` (``u`` from 0 at its start to 1
    at its end) within ``_NEAR`` of ``centre``, or ``None``."""
    (px, py), (qx, qy) = s
    dx, dy = qx - px, qy - py
    fx, fy = px - centre[0], py - centre[1]
    a = dx * dx + dy * dy
    b = 2 * (dx * fx + dy * fy)
    c = fx * fx + fy * fy - _NEAR * _NEAR
    disc = b * b - 4 * a * c
    if a == 0 or disc <= 0:
        return None
    root = math.sqrt(disc)
    return (-b - root) / (2 * a), (-b + root) / (2 * a)
