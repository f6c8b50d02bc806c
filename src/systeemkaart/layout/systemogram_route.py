"""Routing systemogram lines around boxes, so every line visibly runs from its own ends.

A straight line from an agent to a person may pass under another person, a label, a
supporter or a card, and then seems to start at the wrong place. :class:`Router` keeps a
line straight where it is clear and otherwise bends it around the first box in its way: it
tries the outermost corner of that box on either side (the shorter detour first) and routes
each half again, up to a few bends; when that fails, a shortest path over the corners of all
boxes (a lazy visibility graph, A*) is taken. Each corner used moves the next line that
turns there a few units further out, so lines that go round the same box stay apart. A
final pass drops every bend that the line can skip without touching a box.

Boxes are tested grown by ``margin``; a box that already holds one end of the line is
tested at its true size, so lines can leave and reach boxes that stand close together.
Cost: O(B) per segment test for B boxes, a handful of tests per clear line, O(B² · C) in
the rare fallback with C corners.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import Box, Point, segment_entry

__all__ = ["Obstacle", "Router"]

MARGIN = 6.0
"""Least distance a routed line keeps from any box it does not belong to: room for the
widest drawn pattern (a double zigzag swings 4 units off its line)."""
CORNER = 5.0
"""How far beyond ``MARGIN`` a bend sits off a box corner, and the extra step per reuse."""
MAX_DEPTH = 5
BUDGET = 120
"""Most segment routings tried by the detour search for one line before the fallback."""
GRAPH_POPS = 30
"""Most corners the fallback search expands before it gives up (then: tighter margins)."""


@dataclass(frozen=True, slots=True)
class Obstacle:
    """A box lines must not cross, and whose it is (lines from or to ``owner`` may)."""

    owner: str
    box: Box


class Router:
    """Routes lines among fixed ``obstacles``; remembers used corners to keep lines apart."""

    def __init__(self, obstacles: Sequence[Obstacle]) -> None:
        self.obstacles = list(obstacles)
        self.margin = MARGIN
        self._used: dict[tuple[int, int], int] = {}
        self._skip: frozenset[str] = frozenset()
        self._tight: frozenset[int] = frozenset()
        self._rects: list[tuple[int, float, float, float, float]] = []
        self._budget = 0

    # --- tests -------------------------------------------------------------------------

    def _prepare(self, margin: float) -> None:
        """The boxes of the current line, grown by ``margin`` (tight ones by 0.5)."""
        self.margin = margin
        out = []
        for i, ob in enumerate(self.obstacles):
            if ob.owner in self._skip:
                continue
            b = ob.box
            m = 0.5 if i in self._tight else margin
            out.append((i, b.x - m, b.y - m, b.right + m, b.bottom + m))
        self._rects = out

    def _first_hit(self, p: Point, q: Point) -> int | None:
        lo_x, hi_x = min(p[0], q[0]), max(p[0], q[0])
        lo_y, hi_y = min(p[1], q[1]), max(p[1], q[1])
        best, best_t = None, math.inf
        for i, x0, y0, x1, y1 in self._rects:
            if x0 >= hi_x or x1 <= lo_x or y0 >= hi_y or y1 <= lo_y:
                continue
            t = segment_entry(p, q, x0, y0, x1, y1)
            if t is not None and t < best_t:
                best, best_t = i, t
        return best

    def _inside(self, pt: Point) -> bool:
        x, y = pt
        return any(x0 < x < x1 and y0 < y < y1 for _, x0, y0, x1, y1 in self._rects)

    def blocked(self, pt: Point) -> bool:
        """True when ``pt`` lies inside any box (at its true size)."""
        return any(ob.box.x < pt[0] < ob.box.right and ob.box.y < pt[1] < ob.box.bottom
                   for ob in self.obstacles)

    def clear(self, p: Point, q: Point) -> bool:
        """True when the segment ``p``-``q`` passes no box of the current line's obstacles."""
        return self._first_hit(p, q) is None

    # --- corners -----------------------------------------------------------------------

    def _cluster(self, i: int) -> Box:
        """Box ``i`` together with every box too close to pass between (transitively): a
        line that cannot squeeze between them goes round the whole group."""
        b = self.obstacles[i].box
        x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
        near = 2 * (self.margin + CORNER)
        changed = True
        while changed:
            changed = False
            for _, a0, b0, a1, b1 in self._rects:
                close = a0 < x1 + near and x0 - near < a1 and b0 < y1 + near and y0 - near < b1
                if close and (a0 < x0 or b0 < y0 or a1 > x1 or b1 > y1):
                    x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
                    changed = True
        return Box(x0, y0, x1 - x0, y1 - y0)

    def _corner(self, i: int, k: int, b: Box | None = None) -> Point:
        b = b if b is not None else self.obstacles[i].box
        d = self.margin + CORNER * (1 + self._used.get((i, k), 0))
        x = b.x - d if k in (0, 3) else b.right + d
        y = b.y - d if k in (0, 1) else b.bottom + d
        return x, y

    def _sides(self, i: int, p: Point, q: Point, box: Box | None = None
               ) -> list[tuple[int, Point]]:
        """The outermost corner of box ``i`` (or of ``box`` around it) on each side of
        ``p``-``q``, shorter detour first."""
        dx, dy = q[0] - p[0], q[1] - p[1]
        left: tuple[float, int, Point] | None = None
        right: tuple[float, int, Point] | None = None
        for k in range(4):
            c = self._corner(i, k, box)
            side = dx * (c[1] - p[1]) - dy * (c[0] - p[0])
            if side >= 0 and (left is None or side > left[0]):
                left = (side, k, c)
            if side < 0 and (right is None or -side > right[0]):
                right = (-side, k, c)
        out: list[tuple[int, Point]] = []
        for item in (left, right):
            if item is not None:
                out.append((item[1], item[2]))
        out.sort(key=lambda kc: math.dist(p, kc[1]) + math.dist(kc[1], q))
        return out

    # --- search ------------------------------------------------------------------------

    def _detour(self, p: Point, q: Point, depth: int
                ) -> list[tuple[Point, tuple[int, int] | None]] | None:
        self._budget -= 1
        hit = self._first_hit(p, q)
        if hit is None:
            return [(q, None)]
        if depth == 0 or self._budget <= 0:
            return None
        sides = self._sides(hit, p, q)
        if any(self._inside(c) for _, c in sides):
            sides += self._sides(hit, p, q, self._cluster(hit))
        for k, c in sides:
            if self._inside(c):
                continue
            first = self._detour(p, c, depth - 1)
            if first is None:
                continue
            first[-1] = (c, (hit, k))
            second = self._detour(c, q, depth if depth < MAX_DEPTH else depth - 1)
            if second is not None:
                return first + second
        return None

    def _graph(self, p: Point, q: Point, wide: bool = False
               ) -> list[tuple[Point, tuple[int, int] | None]] | None:
        """Shortest path from ``p`` to ``q`` over box corners (A* on a lazy visibility graph),
        among the corners near the segment, or (``wide``) all corners with no limit."""
        nodes: list[tuple[Point, tuple[int, int] | None]] = [(p, None), (q, None)]
        reach = math.inf if wide else math.dist(p, q) / 2 + 120
        pops = math.inf if wide else GRAPH_POPS
        mid = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
        for i, *_ in self._rects:
            ob = self.obstacles[i]
            if math.dist(mid, (ob.box.cx, ob.box.cy)) > reach:
                continue
            for k in range(4):
                c = self._corner(i, k)
                if not self._inside(c):
                    nodes.append((c, (i, k)))
        dist = {0: 0.0}
        prev: dict[int, int] = {}
        heap = [(math.dist(p, q), 0)]
        done: set[int] = set()
        while heap and len(done) < pops:
            _, u = heapq.heappop(heap)
            if u in done:
                continue
            if u == 1:
                path = [1]
                while path[-1] != 0:
                    path.append(prev[path[-1]])
                return [nodes[j] for j in reversed(path[:-1])]
            done.add(u)
            pu = nodes[u][0]
            for v in range(1, len(nodes)):
                if v in done:
                    continue
                pv = nodes[v][0]
                nd = dist[u] + math.dist(pu, pv)
                if nd >= dist.get(v, math.inf) or not self.clear(pu, pv):
                    continue
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd + math.dist(pv, q), v))
        return None

    def _pull(self, pts: list[tuple[Point, tuple[int, int] | None]]
              ) -> list[tuple[Point, tuple[int, int] | None]]:
        """Drop bends the line can skip without touching a box (greedy string pulling)."""
        out = [pts[0]]
        i = 0
        while i < len(pts) - 1:
            j = len(pts) - 1
            while j > i + 1 and not self.clear(pts[i][0], pts[j][0]):
                j -= 1
            out.append(pts[j])
            i = j
        return out

    def route(self, p: Point, q: Point, skip: Sequence[str]) -> list[Point]:
        """A path from ``p`` to ``q`` clear of every box not owned by one of ``skip``.

        Boxes whose grown outline holds ``p`` or ``q`` are tested at their true size. Returns
        the straight segment when no clear path exists (never expected: boxes stand apart).
        """
        self._skip = frozenset(skip)
        self._tight = frozenset()
        self._prepare(MARGIN)
        self._tight = frozenset(i for i, x0, y0, x1, y1 in self._rects
                                if any(x0 < x < x1 and y0 < y < y1 for x, y in (p, q)))
        found = None
        for margin in (MARGIN, 0.5):
            self._prepare(margin)
            self._budget = BUDGET
            found = self._detour(p, q, MAX_DEPTH) or self._graph(p, q)
            if found is not None:
                break
        for margin in (MARGIN, 0.5):  # a long way round: search every corner, however far
            if found is not None:
                break
            self._prepare(margin)
            found = self._graph(p, q, wide=True)
        self.margin = MARGIN
        if found is None:
            return [p, q]
        path = self._pull([(p, None), *found])
        for _, key in path[1:-1]:
            if key is not None:
                self._used[key] = self._used.get(key, 0) + 1
        return [pt for pt, _ in path]
