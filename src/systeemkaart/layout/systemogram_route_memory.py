"""The lines a systemogram router has routed so far, and how many of them a new way crosses.

Later lines go round a box on the side that crosses fewer of the remembered lines not
sharing an end with them, and may run up to ``CROSSING_LENGTH`` longer to cross one
fewer (:meth:`RouteMemory.cost`). Remembered segments are listed under the grid cells they
pass, so a segment is weighed only against those near it (a line routed again is taken off
those lists: the second pass forgets every line once); a segment's count is kept until
the remembered lines or the current line's ends change (it is often asked again).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point
from .systemogram_grid import gathered
from .systemogram_route_boxes import Obstacle, RouteBoxes

__all__ = ["BOUND_SLACK", "CROSSING_LENGTH", "RouteMemory"]

CROSSING_LENGTH = 100.0
"""How much longer (units) a line may run to cross one line fewer."""
BOUND_SLACK = 1e-6
"""Room left for rounding where a way's length alone (:meth:`RouteMemory.length_cost`)
bounds its cost from below: a comparison the bound decides holds by more than this."""


class RouteMemory(RouteBoxes):
    """:class:`~.systemogram_route_boxes.RouteBoxes` that remembers the lines routed, for
    the crossings of the next (the base of :class:`~.systemogram_route.Router`)."""

    def __init__(self, obstacles: Sequence[Obstacle]) -> None:
        super().__init__(obstacles)
        self._ends: frozenset[str] = frozenset()
        self._drawn: list[tuple[frozenset[str], float, float, float, float,
                                float, float, float, float]] = []
        """Each remembered segment: its line's ends, its two points (x, y, x, y) and the
        bounds of its box (x0, x1, y0, y1)."""
        self._drawn_cells: dict[tuple[int, int], list[int]] = {}
        """The remembered segments (by number) listed under each grid cell they pass."""
        self._walked: list[list[tuple[int, int]]] = []
        """The grid cells each remembered segment passes (by number)."""
        self.tag: int = -1
        """Which line the segments remembered next belong to (see :meth:`forget`)."""
        self._tagged: dict[int, list[int]] = {}
        self._crossed: dict[tuple[Point, Point], int] = {}
        """:meth:`_crossings` of segments weighed since the remembered lines or the current
        line's ends last changed (as often asked again)."""

    def _mine(self, ends: Sequence[str]) -> None:
        """Make ``ends`` the current line's ends, whose lines :meth:`_crossings` leaves out."""
        mine = frozenset(ends)
        if mine != self._ends:
            self._ends = mine
            self._crossed.clear()


    def _crossings(self, p: Point, q: Point) -> int:
        """How many routed lines that share no end with the current one ``p``-``q`` crosses."""
        key = (p, q)
        known = self._crossed.get(key)
        if known is None:
            known = self._crossed[key] = self._count_crossed(p, q)
        return known

    def _count_crossed(self, p: Point, q: Point) -> int:
        """:meth:`_crossings`, counted: each remembered segment near ``p``-``q`` once."""
        near = gathered(self._drawn_cells, self._walk(p, q))
        total = 0
        # min and max written out: the builtins' calls cost more than these tests
        lo_x, hi_x = (q[0], p[0]) if q[0] < p[0] else (p[0], q[0])
        lo_y, hi_y = (q[1], p[1]) if q[1] < p[1] else (p[1], q[1])
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
            x0, x1 = (b[0], a[0]) if b[0] < a[0] else (a[0], b[0])
            y0, y1 = (b[1], a[1]) if b[1] < a[1] else (a[1], b[1])
            self._drawn.append((self._ends, a[0], a[1], b[0], b[1], x0, x1, y0, y1))
            self._tagged.setdefault(self.tag, []).append(k)
            walk = self._walk(a, b)  # the cells of a segment weighed before, kept
            self._walked.append(walk)
            for cell in walk:
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
        # :meth:`_crossings` inlined (the routers' most asked sum), added up as sum() would
        crossed, count, dist = self._crossed, self._count_crossed, math.dist
        total: float = 0
        for key in pairwise(path):
            known = crossed.get(key)
            if known is None:
                known = crossed[key] = count(*key)
            total += known + dist(*key) / CROSSING_LENGTH
        return total

    @staticmethod
    def length_cost(path: Sequence[Point]) -> float:
        """The length part of :meth:`cost` (the cost of ``path`` crossing nothing): a
        lower bound of its cost, known without counting crossings."""
        total: float = 0  # added up as sum() would
        dist = math.dist
        for key in pairwise(path):
            total += dist(*key) / CROSSING_LENGTH
        return total

    def forget(self, tag: int) -> None:
        """Forget every segment remembered under ``tag``: its line is routed again. The
        segments are taken off the lists of their cells, so no later count meets them."""
        gone = set(self._tagged.pop(tag, ()))
        cells = self._drawn_cells
        for cell in {cell for k in gone for cell in self._walked[k]}:
            cells[cell] = [k for k in cells[cell] if k not in gone]
        self._crossed.clear()

    def remember(self, path: Sequence[Point], ends: Sequence[str]) -> None:
        """Remember ``path``, a line between ``ends``, for the crossings of later lines."""
        self._mine(ends)
        self._record(path)


    def _crossed_by(self, path: Sequence[tuple[Point, tuple[int, int] | None]]) -> int:
        """How many remembered lines not sharing an end with the current one ``path``
        crosses."""
        return sum(self._crossings(a[0], b[0]) for a, b in pairwise(path))
