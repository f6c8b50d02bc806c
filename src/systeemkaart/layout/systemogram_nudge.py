"""Moving the bends of routed systemogram lines apart where two lines run side by side.

Routed lines that go round the same boxes, or converge on one person, may run nearly
parallel a few units apart for a long way, and a reader takes them for one line. After
routing, :func:`nudge_apart` moves each bend of such a line a few units (trying eight
directions at a few distances) where that shortens the length it runs within
``NUDGE_GAP`` of lines of other agents, crosses no more lines, and keeps clear of every
box as the router tests it. The ends of a line (its agent, its port) never move, so
ports, the choice of side and the way round stay as routed.

Lines are found through a grid of the cells their segments pass: a move is weighed
against the lines near it only, O(b · m · s) for b bends tried, m moves and s segments near.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point
from .ring_geometry import segments_cross
from .systemogram_close import close_length
from .systemogram_route import Router

__all__ = ["NUDGE_GAP", "nudge_apart"]

NUDGE_GAP = 7.0
"""Distance two nearly parallel lines of different agents are moved apart to (units): the
drawn standard is 6, and a double zigzag swings out a little."""
END = 10.0
"""Length at an end two lines share that may stay close (they meet at its ports)."""
STEPS = (3.0, 6.0, 9.0, 12.0, 16.0, 20.0)
"""How far (units) a bend is tried away from where it was routed, in eight directions."""
ROUNDS = 4
"""Most passes over all lines (a move may make room for the next)."""
_CELL = 64.0
_DIRS = tuple((math.cos(k * math.pi / 4), math.sin(k * math.pi / 4)) for k in range(8))


class _Lines:
    """The current paths, and which lines pass near each grid cell (a superset)."""

    def __init__(self, paths: list[list[Point]], ends: Sequence[tuple[str, str]]) -> None:
        self.paths = paths
        self.ends = ends
        self.cells: dict[tuple[int, int], set[int]] = {}
        for i, path in enumerate(paths):
            for a, b in pairwise(path):
                self.add(i, a, b)

    def add(self, i: int, a: Point, b: Point) -> None:
        """Note that line ``i`` passes near the segment ``a``-``b``."""
        g = NUDGE_GAP
        for cx in range(math.floor((min(a[0], b[0]) - g) / _CELL),
                        math.floor((max(a[0], b[0]) + g) / _CELL) + 1):
            for cy in range(math.floor((min(a[1], b[1]) - g) / _CELL),
                            math.floor((max(a[1], b[1]) + g) / _CELL) + 1):
                self.cells.setdefault((cx, cy), set()).add(i)

    def near(self, segs: Sequence[tuple[Point, Point]]) -> list[int]:
        """The lines that may pass near any of ``segs``, in order."""
        found: set[int] = set()
        g = NUDGE_GAP
        for a, b in segs:
            for cx in range(math.floor((min(a[0], b[0]) - g) / _CELL),
                            math.floor((max(a[0], b[0]) + g) / _CELL) + 1):
                for cy in range(math.floor((min(a[1], b[1]) - g) / _CELL),
                                math.floor((max(a[1], b[1]) + g) / _CELL) + 1):
                    found.update(self.cells.get((cx, cy), ()))
        return sorted(found)

    def score(self, i: int, segs: Sequence[tuple[Point, Point]], others: Sequence[int]
              ) -> tuple[int, float]:
        """Crossings of ``segs`` (part of line ``i``) with lines sharing no end with it,
        and the length they run close beside lines of other agents."""
        agent, target = self.ends[i]
        path = self.paths[i]
        crossings, close = 0, 0.0
        for j in others:
            if j == i:
                continue
            other, its = self.ends[j]
            theirs = self.paths[j]
            shared = {agent, target} & {other, its}
            holes: list[Point] = []
            if shared:
                holes = [pt for node, pt in ((agent, path[0]), (target, path[-1]),
                                             (other, theirs[0]), (its, theirs[-1]))
                         if node in shared]
            for c, d in pairwise(theirs):
                for a, b in segs:
                    if not shared and segments_cross(a, b, c, d):
                        crossings += 1
                    if other != agent:
                        close += close_length(a, b, c, d, NUDGE_GAP, holes, END)
        return crossings, close


def nudge_apart(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                skips: Sequence[Sequence[str]], firsts: Sequence[int]) -> None:
    """Move bends of ``paths`` (each from its agent, ``ends`` its (agent, target)) so lines
    of different agents run less close beside each other, in place. ``skips`` are the
    boxes each line may pass (as routed), ``firsts`` the index of each path's first bend
    that may move (after a card's stub). Deterministic: lines and moves in a fixed order."""
    lines = _Lines(paths, ends)
    for _ in range(ROUNDS):
        moved = False
        for i, path in enumerate(paths):
            if len(path) < 3:
                continue
            router.prepare_line(path[0], path[-1], skips[i], ends[i])
            for k in range(max(firsts[i], 1), len(path) - 1):
                moved |= _move_bend(router, lines, i, k)
        if not moved:
            break


def _move_bend(router: Router, lines: _Lines, i: int, k: int) -> bool:
    """Move bend ``k`` of line ``i`` to the place nearby that runs least close beside
    other lines, if that is clear of boxes and crosses no more lines; True if moved."""
    path = lines.paths[i]
    prev, bend, nxt = path[k - 1], path[k], path[k + 1]
    old = [(prev, bend), (bend, nxt)]
    reach = max(STEPS) + NUDGE_GAP
    box = [(min(prev[0], bend[0], nxt[0]) - reach, min(prev[1], bend[1], nxt[1]) - reach),
           (max(prev[0], bend[0], nxt[0]) + reach, max(prev[1], bend[1], nxt[1]) + reach)]
    others = lines.near([(box[0], box[1]), (prev, nxt), *old])
    crossings, close = lines.score(i, old, others)
    if close <= 0.0:
        return False
    best: tuple[float, Point] | None = None
    for step in STEPS:
        for dx, dy in _DIRS:
            pt = (bend[0] + step * dx, bend[1] + step * dy)
            new = [(prev, pt), (pt, nxt)]
            c, near = lines.score(i, new, others)
            if c > crossings or near >= close - 1.0:
                continue
            if best is not None and near + step / 100 >= best[0]:
                continue
            if router.clear(prev, pt) and router.clear(pt, nxt):
                best = (near + step / 100, pt)
    if best is None:
        return False
    path[k] = best[1]
    lines.add(i, prev, best[1])
    lines.add(i, best[1], nxt)
    return True
