"""Routing systemogram lines around boxes, so every line visibly runs from its own ends.

A straight line from an agent to a person may pass under another person, a label, a
supporter or a card, and then seems to start at the wrong place. :class:`Router` keeps a
line straight where it is clear and otherwise bends it around the first box in its way: it
tries the outermost corner of that box on either side (first the side whose detour crosses
fewer of the lines routed before it that share no end with it, then the shorter) and routes
each half again, up to a few bends; when that fails, a shortest path over the corners of all
boxes (A* on a visibility graph whose edges are tested for boxes only when popped) is
taken. Each corner used moves the next line that
turns there a few units further out, so lines that go round the same box stay apart; a
line that then runs more than ``LONG_DETOUR`` times its straight way is searched again with
its turns kept inside narrow gaps (a step out there lands in the box across the gap and
closes it), and takes that way where it is shorter and crosses no more lines. A
final pass drops every bend that the line can skip without touching a box.

Boxes are tested grown by ``margin``; a box that already holds one end of the line is
tested at its true size, so lines can leave and reach boxes that stand close together.
A segment is tested only against the boxes in the grid cells it passes (:class:`_Grid`):
O(c + b) for c cells and b boxes found, a handful of tests per clear line; the fallback
tests about one segment per corner it pops and pushes O(C) per pop for C corners. A
segment's test and its count of crossed lines are kept until what they depend on changes:
a search asks a third of them again.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import Box, Point, entry_along, segment_entry
from .ring_geometry import path_length

__all__ = ["BUDGET", "CROSSING_LENGTH", "MARGIN", "TIGHT", "Obstacle", "Router"]

MARGIN = 6.0
"""Least distance a routed line keeps from any box it does not belong to: room for the
widest drawn pattern (a double zigzag swings 4 units off its line)."""
TIGHT = 0.5
"""Least distance a routed line keeps from a box where no way keeps ``MARGIN``."""
CORNER = 5.0
FIRST_BEND = 2.0
"""How far beyond ``MARGIN`` a bend sits off a box corner, and the extra step per reuse."""
MAX_DEPTH = 5
BUDGET = 40
"""Most segment routings tried by the detour search for one line before the fallback."""
GRAPH_POPS = 30
"""Most corners the fallback search expands before it gives up (then: tighter margins)."""
CROSSING_LENGTH = 100.0
"""How much longer (units) a line may run to cross one line fewer."""
LONG_DETOUR = 2.5
"""A path longer than this many times the straight distance is searched again with the
corners in narrow gaps kept open; :mod:`.systemogram` weighs such a line as a long way
round (its ``LONG_WAY`` is this)."""
GRAPH_TESTS = 300
"""Most edges the fallback search tests for boxes before it gives up (then: the same)."""


@dataclass(frozen=True, slots=True)
class Obstacle:
    """A box lines must not cross, and whose it is (lines from or to ``owner`` may)."""

    owner: str
    box: Box


class _Grid:
    """Obstacle numbers by the square cells their boxes (grown by ``reach``) touch, so a
    segment is tested only against the boxes near it: O(cells crossed + boxes found)."""

    def __init__(self, boxes: Sequence[Box], reach: float) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, b in enumerate(boxes):
            for cx in range(_cell(b.x - reach), _cell(b.right + reach) + 1):
                for cy in range(_cell(b.y - reach), _cell(b.bottom + reach) + 1):
                    self.cells.setdefault((cx, cy), []).append(i)

    def at(self, pt: Point) -> list[int]:
        """The boxes whose cell holds ``pt``."""
        return self.cells.get((_cell(pt[0]), _cell(pt[1])), [])

    def near(self, walk: Sequence[tuple[int, int]]) -> set[int]:
        """The boxes of the cells of ``walk`` (those a segment passes), each once (a box
        spans several cells; testing it once per cell was a third of the router's tests)."""
        return _gathered(self.cells, walk)


def _gathered(cells: dict[tuple[int, int], list[int]], walk: Sequence[tuple[int, int]]
              ) -> set[int]:
    """Every number listed in ``cells`` under a cell of ``walk``, once."""
    found: set[int] = set()
    for cell in walk:
        listed = cells.get(cell)
        if listed is not None:
            found.update(listed)
    return found


def _cells_along(p: Point, q: Point) -> list[tuple[int, int]]:
    """The grid cells the segment ``p``-``q`` passes."""
    (px, py), (qx, qy) = p, q
    floor = math.floor
    c0, c1 = floor(min(px, qx) / CELL), floor(max(px, qx) / CELL)
    r0, r1 = floor(min(py, qy) / CELL), floor(max(py, qy) / CELL)
    if c0 == c1 or r0 == r1:
        return [(cx, cy) for cx in range(c0, c1 + 1) for cy in range(r0, r1 + 1)]
    slope = (qy - py) / (qx - px)
    lo, hi = min(px, qx), max(px, qx)
    out = []
    ya = py + (lo - px) * slope  # the y where the segment enters column c0
    for cx in range(c0, c1 + 1):
        # the y where it leaves column cx, which is where it enters the next (CELL is a
        # power of two: the column edges are exact)
        yb = py + ((cx + 1) * CELL - px) * slope if cx < c1 else py + (hi - px) * slope
        if ya > yb:
            out += [(cx, cy) for cy in range(floor(yb / CELL), floor(ya / CELL) + 1)]
        else:
            out += [(cx, cy) for cy in range(floor(ya / CELL), floor(yb / CELL) + 1)]
        ya = yb
    return out


CELL = 64.0
"""Side of a grid cell: about a box, so a segment meets few boxes per cell."""


def _length(path: Sequence[tuple[Point, tuple[int, int] | None]]) -> float:
    """The length of a path of bends with their corners (units)."""
    return path_length([pt for pt, _ in path])


def _cell(v: float) -> int:
    return math.floor(v / CELL)


class Router:
    """Routes lines among fixed ``obstacles``; remembers used corners to keep lines apart."""

    def __init__(self, obstacles: Sequence[Obstacle]) -> None:
        self.obstacles = list(obstacles)
        self.margin = MARGIN
        self._used: dict[tuple[int, int], int] = {}
        self._skip: frozenset[str] = frozenset()
        self._tight: dict[int, float] = {}
        """The margin of each box tested closer than the current one (by number)."""
        self._sides_of = [(o.box.x, o.box.y, o.box.right, o.box.bottom, o.owner)
                          for o in self.obstacles]
        self._grid = _Grid([o.box for o in self.obstacles], MARGIN)
        self._owned = {o.owner: i for i, o in enumerate(self.obstacles)}
        """The (last) box of each owner, for the boxes a line is let pass close."""
        self._budget = 0
        self._keep_gaps = False
        self._ends: frozenset[str] = frozenset()
        self._drawn: list[tuple[frozenset[str], float, float, float, float,
                                float, float, float, float]] = []
        """Each remembered segment: its line's ends, its two points (x, y, x, y) and the
        bounds of its box (x0, x1, y0, y1)."""
        self._drawn_cells: dict[tuple[int, int], list[int]] = {}
        self.tag: int = -1
        """Which line the segments remembered next belong to (see :meth:`forget`)."""
        self._tagged: dict[int, list[int]] = {}
        self._gone: set[int] = set()
        self._hits: dict[tuple[Point, Point], int | None] = {}
        """:meth:`_first_hit` of segments tested since the tests last changed (a search
        tests a third of its segments more than once)."""
        self._any: dict[tuple[Point, Point], int | None] = {}
        """Any box each segment tested by :meth:`clear` alone enters (kept as :attr:`_hits`)."""
        self._crossed: dict[tuple[Point, Point], int] = {}
        """:meth:`_crossings` of segments weighed since the remembered lines or the current
        line's ends last changed (as often asked again)."""
        self._boxes: dict[tuple[Point, Point], set[int]] = {}
        """The boxes near each segment tested (:meth:`_Grid.near`; the boxes never move, and
        a segment is tested again under the next line's tests)."""
        self._grown: list[tuple[int, float, float, float, float]] | None = None
        """:meth:`_rects` since the tests last changed."""
        self._walks: dict[tuple[Point, Point], list[tuple[int, int]]] = {}
        """The grid cells of each segment tested or weighed (:meth:`_walk`)."""

    # --- tests -------------------------------------------------------------------------

    def _prepare(self, margin: float) -> None:
        """Test the boxes of the current line grown by ``margin`` (tight ones by 0.5)."""
        self.margin = margin
        self._hits.clear()
        self._any.clear()
        self._grown = None

    def _mine(self, ends: Sequence[str]) -> None:
        """Make ``ends`` the current line's ends, whose lines :meth:`_crossings` leaves out."""
        mine = frozenset(ends)
        if mine != self._ends:
            self._ends = mine
            self._crossed.clear()

    def _rect(self, i: int) -> tuple[float, float, float, float] | None:
        """Box ``i`` grown as the current line sees it, or ``None`` when it is skipped."""
        x0, y0, x1, y1, owner = self._sides_of[i]
        if owner in self._skip:
            return None
        m = self._tight.get(i, self.margin)
        return x0 - m, y0 - m, x1 + m, y1 + m

    def _rects(self) -> list[tuple[int, float, float, float, float]]:
        """Every box the current line must avoid, grown: O(B), kept until the tests change
        (a search and its clusters ask for them again and again)."""
        out = self._grown
        if out is None:
            out = self._grown = []
            for i in range(len(self.obstacles)):
                r = self._rect(i)
                if r is not None:
                    out.append((i, *r))
        return out

    def _walk(self, p: Point, q: Point) -> list[tuple[int, int]]:
        """The grid cells the segment ``p``-``q`` passes, kept: a segment is both tested
        for boxes and weighed for crossings, and more than half are asked again later."""
        key = (p, q)
        walk = self._walks.get(key)
        if walk is None:
            walk = self._walks[key] = _cells_along(p, q)
        return walk

    def _first_hit(self, p: Point, q: Point) -> int | None:
        """The first box (of the current line's, grown) that ``p``-``q`` enters, or None;
        on a tie the lowest numbered, so the order the grid gives the boxes in is of no
        matter."""
        key = (p, q)
        if key in self._hits:
            return self._hits[key]
        if key in self._any and self._any[key] is None:
            return None  # clear
        found = self._hits[key] = self._entered(p, q)
        return found

    def _entered(self, p: Point, q: Point, first: bool = True) -> int | None:
        """:meth:`_first_hit`, tested: each box near the segment once; without ``first``,
        any box it enters (the first found: enough to say it is not clear)."""
        lo_x, hi_x = min(p[0], q[0]), max(p[0], q[0])
        lo_y, hi_y = min(p[1], q[1]), max(p[1], q[1])
        best, best_t = None, math.inf
        skip, tight, margin, sides = self._skip, self._tight, self.margin, self._sides_of
        px, py = p
        dx, dy = q[0] - px, q[1] - py
        key = (p, q)
        boxes = self._boxes.get(key)
        if boxes is None:
            boxes = self._boxes[key] = self._grid.near(self._walk(p, q))
        for i in boxes:
            bx0, by0, bx1, by1, owner = sides[i]
            if owner in skip:
                continue
            m = tight.get(i, margin)
            x0, y0, x1, y1 = bx0 - m, by0 - m, bx1 + m, by1 + m
            if x0 >= hi_x or x1 <= lo_x or y0 >= hi_y or y1 <= lo_y:
                continue
            t = entry_along(px, py, dx, dy, x0, y0, x1, y1)
            if t is not None and not first:
                return i
            if t is not None and (t < best_t or (t == best_t and best is not None and i < best)):
                best, best_t = i, t
        return best

    def _inside(self, pt: Point) -> bool:
        """True when ``pt`` lies inside a box of the current line's obstacles, grown
        (:meth:`_rect`, inlined: asked for every corner of a search)."""
        x, y = pt
        skip, tight, margin, sides = self._skip, self._tight, self.margin, self._sides_of
        for i in self._grid.at(pt):
            x0, y0, x1, y1, owner = sides[i]
            if owner in skip:
                continue
            m = tight.get(i, margin)
            if x0 - m < x < x1 + m and y0 - m < y < y1 + m:
                return True
        return False

    def blocked(self, pt: Point, skip: Collection[str] = ()) -> bool:
        """True when ``pt`` lies inside any box (at its true size) but those of ``skip``."""
        x, y = pt
        sides = self._sides_of
        return any(sides[i][0] < x < sides[i][2] and sides[i][1] < y < sides[i][3]
                   and sides[i][4] not in skip for i in self._grid.at(pt))

    def boxes_near(self, pt: Point, reach: float, skip: Collection[str] = ()) -> list[Box]:
        """The boxes (at their true size) but those of ``skip`` that come within ``reach``
        of ``pt`` across or up and down: O(c + b) for c cells and b boxes in them."""
        x, y = pt
        found: set[int] = set()
        cells = self._grid.cells
        for cx in range(_cell(x - reach), _cell(x + reach) + 1):
            for cy in range(_cell(y - reach), _cell(y + reach) + 1):
                found.update(cells.get((cx, cy), ()))
        sides = self._sides_of
        return [self.obstacles[i].box for i in sorted(found)
                if sides[i][4] not in skip and sides[i][0] < x + reach
                and sides[i][2] > x - reach and sides[i][1] < y + reach
                and sides[i][3] > y - reach]

    def open(self, p: Point, q: Point) -> bool:
        """True when the segment ``p``-``q`` passes through no box (at its true size, the
        current line's own boxes too): where a card's stub may reach."""
        sides = self._sides_of
        for i in self._grid.near(self._walk(p, q)):
            x0, y0, x1, y1, _ = sides[i]
            if segment_entry(p, q, x0, y0, x1, y1) is not None:
                return False
        return True

    def clear(self, p: Point, q: Point) -> bool:
        """True when the segment ``p``-``q`` passes no box of the current line's obstacles:
        the search stops at the first box it finds entered (most segments a search tests
        are not clear), unless the first hit is known already."""
        key = (p, q)
        if key in self._hits:
            return self._hits[key] is None
        hit = self._any.get(key, -1)
        if hit == -1:
            hit = self._any[key] = self._entered(p, q, first=False)
        return hit is None

    # --- corners -----------------------------------------------------------------------

    def _cluster(self, i: int) -> Box:
        """Box ``i`` together with every box too close to pass between (transitively): a
        line that cannot squeeze between them goes round the whole group."""
        b = self.obstacles[i].box
        x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
        near = 2 * (self.margin + CORNER)
        rects = self._rects()
        changed = True
        while changed:
            changed = False
            for _, a0, b0, a1, b1 in rects:
                close = a0 < x1 + near and x0 - near < a1 and b0 < y1 + near and y0 - near < b1
                if close and (a0 < x0 or b0 < y0 or a1 > x1 or b1 > y1):
                    x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
                    changed = True
        return Box(x0, y0, x1 - x0, y1 - y0)

    def _corner(self, i: int, k: int, b: Box | None = None) -> Point:
        """Corner ``k`` of box ``i`` (or of ``b`` around it) where the next line turns:
        ``CORNER`` further out for each line that turned there before. While
        ``_keep_gaps``, no further than the last step that stands clear of every box: in a
        narrow gap between two boxes the step out lands in the other box and closes the
        gap to every later line (see :meth:`route`)."""
        b = b if b is not None else self.obstacles[i].box
        for used in range(self._used.get((i, k), 0), -1, -1):
            d = self.margin + FIRST_BEND + CORNER * used
            x = b.x - d if k in (0, 3) else b.right + d
            y = b.y - d if k in (0, 1) else b.bottom + d
            if used == 0 or not self._keep_gaps or not self._inside((x, y)):
                break
        return x, y

    def _sides(self, i: int, p: Point, q: Point, box: Box | None = None
               ) -> list[tuple[int, Point]]:
        """The outermost corner of box ``i`` (or of ``box`` around it) on each side of
        ``p``-``q``: the detour crossing fewer remembered lines first, then the shorter."""
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
        out.sort(key=lambda kc: self.cost([p, kc[1], q]))
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
        # the open edges, (estimate, way so far, corner, from), as one sorted run per
        # corner settled and a heap of the runs' heads: the same edges popped in the same
        # order as from one heap (no two alike), each run sorted at once
        points = [pt for pt, _ in nodes]
        to_goal = [math.dist(pt, q) for pt in points]  # the heuristic, once per corner
        prev: dict[int, int] = {}
        runs: list[list[tuple[float, float, int, int]]] = [[(to_goal[0], 0.0, 0, -1)]]
        heads: list[tuple[tuple[float, float, int, int], int, int]] = [(runs[0][0], 0, 0)]
        tests = math.inf if wide else GRAPH_TESTS
        dist, n = math.dist, len(points)
        while heads and len(prev) < pops and tests > 0:
            (_, g, v, u), r, at = heads[0]
            if at + 1 < len(runs[r]):
                heapq.heapreplace(heads, (runs[r][at + 1], r, at + 1))
            else:
                heapq.heappop(heads)
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
            run = sorted([(nd + to_goal[w], nd, w, v) for w in range(1, n) if w not in prev
                          for nd in (g + dist(pv, points[w]),)])
            if run:
                runs.append(run)
                heapq.heappush(heads, (run[0], len(runs) - 1, 0))
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

    def _crossings(self, p: Point, q: Point) -> int:
        """How many routed lines that share no end with the current one ``p``-``q`` crosses."""
        key = (p, q)
        known = self._crossed.get(key)
        if known is None:
            known = self._crossed[key] = self._count_crossed(p, q)
        return known

    def _count_crossed(self, p: Point, q: Point) -> int:
        """:meth:`_crossings`, counted: each remembered segment near ``p``-``q`` once."""
        near = _gathered(self._drawn_cells, self._walk(p, q))
        if self._gone:
            near -= self._gone
        total = 0
        lo_x, hi_x = min(p[0], q[0]), max(p[0], q[0])
        lo_y, hi_y = min(p[1], q[1]), max(p[1], q[1])
        mine = self._ends
        drawn = self._drawn
        (px, py), (qx, qy) = p, q
        ux, uy = qx - px, qy - py
        for k in near:
            ends, ax, ay, bx, by, x0, x1, y0, y1 = drawn[k]
            if x0 > hi_x or x1 < lo_x or y0 > hi_y or y1 < lo_y or not ends.isdisjoint(mine):
                continue
            # the segments cross when each one's ends lie strictly on both sides of the
            # other (segments_cross, inlined: this is the router's inner loop)
            e3 = ux * (ay - py) - uy * (ax - px)
            e4 = ux * (by - py) - uy * (bx - px)
            if not ((e3 > 0 > e4) or (e3 < 0 < e4)):
                continue
            vx, vy = bx - ax, by - ay
            e1 = vx * (py - ay) - vy * (px - ax)
            e2 = vx * (qy - ay) - vy * (qx - ax)
            if (e1 > 0 > e2) or (e1 < 0 < e2):
                total += 1
        return total

    def _record(self, path: Sequence[Point]) -> None:
        """Remember the routed ``path`` of the current line, for the crossings of the next."""
        self._crossed.clear()
        for a, b in pairwise(path):
            k = len(self._drawn)
            self._drawn.append((self._ends, a[0], a[1], b[0], b[1], min(a[0], b[0]),
                                max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])))
            self._tagged.setdefault(self.tag, []).append(k)
            for cell in _cells_along(a, b):
                self._drawn_cells.setdefault(cell, []).append(k)

    def _no_worse(self, pts: Sequence[tuple[Point, tuple[int, int] | None]], i: int,
                  j: int) -> bool:
        """True when the shortcut from bend ``i`` to ``j`` crosses no more remembered lines
        than the path between them does."""
        if not self._drawn:
            return True
        via = self.cost([pt for pt, _ in pts[i:j + 1]])
        return self.cost([pts[i][0], pts[j][0]]) <= via

    def cost(self, path: Sequence[Point], ends: Sequence[str] | None = None) -> float:
        """The crossings of ``path`` with remembered lines not sharing an end with it (with
        ``ends``, or the current line's), plus its length in units of ``CROSSING_LENGTH``:
        a way round is worth taking when it saves crossings, not at any length."""
        if ends is not None:
            self._mine(ends)
        return sum(self._crossings(a, b) + math.dist(a, b) / CROSSING_LENGTH
                   for a, b in pairwise(path))

    def forget(self, tag: int) -> None:
        """Forget every segment remembered under ``tag``: its line is routed again."""
        self._gone.update(self._tagged.pop(tag, ()))
        self._crossed.clear()

    def remember(self, path: Sequence[Point], ends: Sequence[str]) -> None:
        """Remember ``path``, a line between ``ends``, for the crossings of later lines."""
        self._mine(ends)
        self._record(path)

    def _begin(self, p: Point, q: Point, skip: Sequence[str], ends: Sequence[str],
               close: Sequence[str] = ()) -> None:
        """Set up the tests for a line from ``p`` to ``q`` (the boxes of ``close`` tested
        at their true size, as those holding ``p`` or ``q``)."""
        self._skip = frozenset(skip)
        self._mine(ends)
        self._tight = {}
        self._prepare(MARGIN)
        near = [(i, self._rect(i)) for i in {*self._grid.at(p), *self._grid.at(q)}]
        self._tight = {i: TIGHT for i, r in near if r is not None
                       and any(r[0] < x < r[2] and r[1] < y < r[3] for x, y in (p, q))}
        if close:
            self._tight.update((self._owned[o], TIGHT) for o in close if o in self._owned)
        self._hits.clear()
        self._any.clear()
        self._grown = None

    def _loosen(self, p: Point, q: Point) -> None:
        """Let the current line (until :meth:`route` sets its tests back) pass the boxes
        that leave its ends no way out: one within ``TIGHT`` of ``p`` or ``q`` is tested
        at its true size, one holding either is let pass (a line ending on a crowded
        symbol's port inside its own label; a card's stub ending a hair below another's
        box): without this no way is found and the line is drawn straight, through
        whatever stands between its ends."""
        free = set(self._skip)
        tight = dict(self._tight)
        for i in {*self._grid.at(p), *self._grid.at(q)}:
            x0, y0, x1, y1, owner = self._sides_of[i]
            if owner in free:
                continue
            if any(x0 < x < x1 and y0 < y < y1 for x, y in (p, q)):
                free.add(owner)
            elif any(x0 - TIGHT < x < x1 + TIGHT and y0 - TIGHT < y < y1 + TIGHT
                     for x, y in (p, q)):
                tight[i] = 0.0
        self._skip, self._tight = frozenset(free), tight
        self._hits.clear()
        self._any.clear()
        self._grown = None

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
                    self._used[key] = self._used.get(key, 0) + 1
        return [pt for pt, _ in path]

    def _crossed_by(self, path: Sequence[tuple[Point, tuple[int, int] | None]]) -> int:
        """How many remembered lines not sharing an end with the current one ``path``
        crosses."""
        return sum(self._crossings(a[0], b[0]) for a, b in pairwise(path))

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
            kept = self._skip, self._tight
            self._loosen(p, q)
            path = self._search(p, q)
            self._skip, self._tight = kept
            self._prepare(MARGIN)
        if path is None:
            return [p, q]
        for _, key in path[1:-1]:
            if key is not None:
                self._used[key] = self._used.get(key, 0) + 1
        out = [pt for pt, _ in path]
        if ends and remember:
            self._record(out)
        return out
