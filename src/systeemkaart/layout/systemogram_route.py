"""Routing systemogram lines around boxes, so every line visibly runs from its own ends.

A straight line from an agent to a person may pass under another person, a label, a
supporter or a card, and then seems to start at the wrong place. :class:`Router` keeps a
line straight where it is clear and otherwise bends it around the first box in its way: it
tries the outermost corner of that box on either side (first the side whose detour crosses
fewer of the lines routed before it that share no end with it, then the shorter) and routes
each half again, up to a few bends; when that fails, a shortest path over the corners of all
boxes (A* on a visibility graph whose edges are tested for boxes only when popped) is taken.
Each corner used moves the next line that turns there a few units further out, so lines that
go round the same box stay apart; a line that then runs more than ``LONG_DETOUR`` times its
straight way is searched again with its turns kept inside narrow gaps (a step out there
lands in the box across the gap and closes it), and takes that way where it is shorter and
crosses no more lines. A final pass drops every bend that the line can skip without touching
a box. The tests of a line against the boxes are :mod:`.systemogram_route_boxes`, the lines
remembered and the crossings they count :mod:`.systemogram_route_memory`.

The detour search tests a handful of segments per clear line; the fallback tests about one
segment per corner it pops and pushes O(C) per pop for C corners.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from . import Box, Point
from .ring_geometry import path_length
from .systemogram_route_boxes import MARGIN, TIGHT, Obstacle
from .systemogram_route_memory import BOUND_SLACK, CROSSING_LENGTH, RouteMemory

__all__ = ["BUDGET", "CROSSING_LENGTH", "MARGIN", "TIGHT", "Obstacle", "Router"]

MAX_DEPTH = 5
BUDGET = 40
"""Most segment routings tried by the detour search for one line before the fallback."""
GRAPH_POPS = 30
"""Most corners the fallback search expands before it gives up (then: tighter margins)."""
LONG_DETOUR = 2.5
"""A path longer than this many times the straight distance is searched again with the
corners in narrow gaps kept open; :mod:`.systemogram_choice` weighs such a line as a long way
round (its ``LONG_WAY`` is this)."""
GRAPH_TESTS = 300
"""Most edges the fallback search tests for boxes before it gives up (then: the same)."""


def _length(path: Sequence[tuple[Point, tuple[int, int] | None]]) -> float:
    """The length of a path of bends with their corners (units)."""
    return path_length([pt for pt, _ in path])


class Router(RouteMemory):
    """Routes lines among fixed ``obstacles``; remembers used corners to keep lines apart."""

    def __init__(self, obstacles: Sequence[Obstacle]) -> None:
        super().__init__(obstacles)
        self._budget = 0
        """Segment routings the detour search may still try for the current line."""

    # --- corners ------------------------------------------------------------------------

    def _sides(self, i: int, p: Point, q: Point, box: Box | None = None
               ) -> tuple[list[tuple[int, Point]], bool]:
        """The outermost corner of box ``i`` (or of ``box`` around it) on each side of
        ``p``-``q`` that lies outside every box: the detour crossing fewer remembered lines
        first, then the shorter; and whether a corner was left out, lying inside a box
        (then the two are not weighed: no more than one is tried)."""
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
        inside = False
        for item in (left, right):
            if item is None:
                continue
            if self._inside(item[2]):
                inside = True
            else:
                out.append((item[1], item[2]))
        if len(out) == 2 and self._second_cheaper([p, out[0][1], q], [p, out[1][1], q]):
            out.reverse()
        return out, inside

    def _second_cheaper(self, first: list[Point], second: list[Point]) -> bool:
        """True when ``second`` costs strictly less than ``first`` (:meth:`cost`), as a
        stable sort by cost orders them. A way's crossings only add to its length: the
        crossings of the longer are counted only where the shorter's cost does not
        already stay below the longer's length (most detours cross nothing)."""
        to_first, to_second = self.length_cost(first), self.length_cost(second)
        short, long_, bound = (first, second, to_second) if to_first <= to_second \
            else (second, first, to_first)
        least = self.cost(short)
        if least < bound - BOUND_SLACK:
            return short is second
        other = self.cost(long_)
        return other < least if short is first else least < other

    # --- search ------------------------------------------------------------------------

    def _detour(self, p: Point, q: Point, depth: int
                ) -> list[tuple[Point, tuple[int, int] | None]] | None:
        self._budget -= 1
        hit = self._first_hit(p, q)
        if hit is None:
            return [(q, None)]
        if depth == 0 or self._budget <= 0:
            return None
        sides, inside = self._sides(hit, p, q)
        if inside:
            sides += self._sides(hit, p, q, self._cluster(hit))[0]
        for k, c in sides:
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
        for i, *_ in self._rects():
            ob = self.obstacles[i]
            if math.dist(mid, (ob.box.cx, ob.box.cy)) > reach:
                continue
            for k in range(4):
                c = self._corner(i, k)
                if not self._inside(c):
                    nodes.append((c, (i, k)))
        # lazy A*: an edge is tested for boxes only when its far end is popped, so a
        # search tests about as many segments as it pops instead of every pair
        # the open edges, (estimate, way so far, corner, from), as one heap per corner
        # settled and a heap of the heaps' least edges: the same edges popped in the same
        # order as from one heap (no two alike); a corner's edges are heaped in O(n), not
        # sorted in O(n log n), as a search pops few of them
        points = [pt for pt, _ in nodes]
        to_goal = [math.dist(pt, q) for pt in points]  # the heuristic, once per corner
        prev: dict[int, int] = {}
        runs: list[list[tuple[float, float, int, int]]] = [[(to_goal[0], 0.0, 0, -1)]]
        heads: list[tuple[tuple[float, float, int, int], int]] = [(runs[0][0], 0)]
        tests = math.inf if wide else GRAPH_TESTS
        dist, n = math.dist, len(points)
        heappop, heapify = heapq.heappop, heapq.heapify
        while heads and len(prev) < pops and tests > 0:
            (_, g, v, u), r = heads[0]
            run = runs[r]
            heappop(run)
            if run:
                heapq.heapreplace(heads, (run[0], r))
            else:
                heappop(heads)
            if v in prev:
                continue
            pv = points[v]
            tests -= 1
            if u >= 0 and not self.clear(points[u], pv):
                continue
            prev[v] = u
            if v == 1:
                path = [1]
                while prev[path[-1]] != 0:
                    path.append(prev[path[-1]])
                return [nodes[j] for j in reversed(path)]
            run = [(nd + to_goal[w], nd, w, v) for w in range(1, n) if w not in prev
                   for nd in (g + dist(pv, points[w]),)]
            if run:
                heapify(run)
                runs.append(run)
                heapq.heappush(heads, (run[0], len(runs) - 1))
        return None

    def _pull(self, pts: list[tuple[Point, tuple[int, int] | None]]
              ) -> list[tuple[Point, tuple[int, int] | None]]:
        """Drop bends the line can skip without touching a box and without crossing more
        routed lines than the bends it skips (greedy string pulling)."""
        out = [pts[0]]
        i = 0
        while i < len(pts) - 1:
            j = len(pts) - 1
            while j > i + 1 and not (self.clear(pts[i][0], pts[j][0])
                                     and self._no_worse(pts, i, j)):
                j -= 1
            out.append(pts[j])
            i = j
        return out

    def _begin(self, p: Point, q: Point, skip: Sequence[str], ends: Sequence[str],
               close: Sequence[str] = ()) -> None:
        """Set up the tests for a line from ``p`` to ``q`` (the boxes of ``close`` tested
        at their true size, as those holding ``p`` or ``q``)."""
        self._skip = skipped = frozenset(skip)
        self._mine(ends)
        # the boxes whose outline, grown as at MARGIN (by a least margin above it where a
        # box keeps one), holds p or q: the tests are set once, so those kept from the
        # last line stay where they still hold (the same line set up again)
        least, sides = self._least, self._sides_of
        held: dict[int, float] = {}
        for i in {*self._grid.at(p), *self._grid.at(q)}:
            x0, y0, x1, y1, owner = sides[i]
            if owner in skipped:
                continue
            m = least.get(i, MARGIN)
            m = m if m > MARGIN else MARGIN
            if any(x0 - m < x < x1 + m and y0 - m < y < y1 + m for x, y in (p, q)):
                held[i] = TIGHT
        if close:
            held.update((self._owned[o], TIGHT) for o in close if o in self._owned)
        self._held = held
        self._prepare(MARGIN)


    def prepare_line(self, p: Point, q: Point, skip: Sequence[str], ends: Sequence[str],
                     close: Sequence[str] = (), margin: float = MARGIN) -> None:
        """Set up :meth:`clear` for a line from ``p`` to ``q`` that may pass the boxes of
        ``skip`` (boxes holding ``p`` or ``q``, and those of ``close``, tested at their true
        size), the others grown by ``margin`` (``TIGHT``: as near as the router goes where
        no way keeps ``MARGIN``)."""
        self._begin(p, q, skip, ends, close)
        if margin != MARGIN:
            self._prepare(margin)

    def try_route(self, p: Point, q: Point, skip: Sequence[str], ends: Sequence[str],
                  claim: bool = False, budget: int = BUDGET) -> list[Point] | None:
        """A path as :meth:`route` finds it by the quick detour search alone, or ``None``;
        nothing is remembered (for comparing a way that may not be taken). With ``claim``
        the corners it turns at count as used, so a line taking them later keeps apart;
        ``budget`` bounds the segment routings tried."""
        self._begin(p, q, skip, ends)
        self._budget = budget
        found = self._detour(p, q, MAX_DEPTH)
        if found is None:
            return None
        path = self._pull([(p, None), *found])
        if claim:
            for _, key in path[1:-1]:
                if key is not None:
                    self._used.setdefault(key, []).append(self.width)
        return [pt for pt, _ in path]

    def _search(self, p: Point, q: Point) -> list[tuple[Point, tuple[int, int] | None]] | None:
        """The pulled path :meth:`route` finds from ``p`` to ``q`` (set up by
        :meth:`_begin`), each bend with its corner, or ``None``: the quick detour search,
        then the shortest way over nearby corners, first keeping ``MARGIN`` from the boxes
        and then ``TIGHT``; then the same over every corner, however far."""
        found = None
        for margin in (MARGIN, TIGHT):
            self._prepare(margin)
            self._budget = BUDGET
            found = self._detour(p, q, MAX_DEPTH) or self._graph(p, q)
            if found is not None:
                break
        for margin in (MARGIN, TIGHT):  # a long way round: search every corner, however far
            if found is not None:
                break
            self._prepare(margin)
            found = self._graph(p, q, wide=True)
        self._prepare(MARGIN)
        return None if found is None else self._pull([(p, None), *found])

    def route(self, p: Point, q: Point, skip: Sequence[str],
              ends: Sequence[str] = (), remember: bool = True, close: Sequence[str] = ()
              ) -> list[Point]:
        """A path from ``p`` to ``q`` clear of every box not owned by one of ``skip``.

        With ``ends`` (the line's two nodes) the path is remembered (unless ``remember`` is
        false), and later lines round a box on the side that crosses fewer remembered lines
        not sharing an end with them.

        Boxes whose grown outline holds ``p`` or ``q``, and those of ``close``, are tested
        at their true size. A path longer than ``LONG_DETOUR`` times the straight way is
        searched again with its turns kept inside narrow gaps, and that way taken where it
        is shorter and crosses no more remembered lines. Where no way is found, a box
        within ``TIGHT`` of an end is tested at its true size and one holding an end let
        pass (:meth:`_loosen`), and the search runs again. Returns the straight segment
        when still no clear path exists (never expected: boxes stand apart).
        """
        self._begin(p, q, skip, ends, close)
        path = self._search(p, q)
        if path is not None and _length(path) > LONG_DETOUR * math.dist(p, q):
            # the way round may be forced only by corners pushed into a narrow gap by the
            # lines through it before: look again with those corners kept in the gap
            self._keep_gaps = True
            again = self._search(p, q)
            self._keep_gaps = False
            if again is not None and self._crossed_by(again) <= self._crossed_by(path) \
                    and _length(again) < _length(path):
                path = again
        if path is None:  # an end lies in or right beside a box: pass that box closer
            kept = self._skip, self._held
            self._loosen(p, q)
            path = self._search(p, q)
            self._skip, self._held = kept
            self._prepare(MARGIN)
        if path is None:
            return [p, q]
        for _, key in path[1:-1]:
            if key is not None:
                self._used.setdefault(key, []).append(self.width)
        out = [pt for pt, _ in path]
        if ends and remember:
            self._record(out)
        return out
