"""A genogram emotional line that bends around what stands in its way.

The straight line between two symbols is the yardstick: it is what a reader expects, and
the crossings it would have are the most a drawing should have. Where it passes through
someone's box (or a name, or a partnership's years), the line here runs from corner to
corner of those boxes instead, a little beyond each corner: the shortest such line that
crosses fewest family lines (each crossing weighs as much as a long detour), runs along
none, and passes no box. Under a row whose people have no lines hanging below, it slips
under their names; between rows it crosses a sibling bar where the straight line would.

The search is A* over a visibility graph that grows as it goes: it starts with the two
ends, and each segment found blocked adds the corners of the boxes blocking it, until a
path is found whose segments are all clear or the number of corners reaches a bound
(``_MAX_NODES``). Segments are tested only when the search reaches them.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterator
from typing import Final

from . import Box, Point, segment_entry
from .genogram_near import Segment
from .genogram_outline import exit_distance
from .genogram_places import MID, Work, row_ref
from .genogram_route import RefPoint

__all__ = ["Corner", "detour", "detour_path"]

Corner = tuple[float, float, int, float, float]
"""A point beside a box's corner, with the row the box stands in (its y is measured from
that row, so it moves with it) and the direction away from the box (``-1`` or ``1`` in x
and in y): a line further out turns further that way."""

CROSSING_COST: Final = 400.0
"""What one crossing of a family line weighs against length (in units) on a detour."""
_BEND_COST: Final = 12.0
"""What one bend weighs: of two detours almost as long, the one with fewer bends."""
_GAP: Final = 3.0
"""How far beyond the corner of a box (already grown by the room kept from it) a detour
turns."""
_MAX_NODES: Final = 44
"""At most this many corners are considered (eleven boxes): a detour around more reads
worse than a route along the lanes."""
_MAX_ROUNDS: Final = 6
_EPS: Final = 0.5
"""How much a box is shrunk before a segment is tested against it, as
:func:`~systeemkaart.layout.segment_hits_box` does."""


def detour(start: Point, goal: Point, outline: Callable[[int, Point], Point],
           blockers: Callable[[Point, Point], Iterator[tuple[Box, int]]],
           crossings: Callable[[list[Segment]], int],
           along: Callable[[Segment], bool],
           seeds: tuple[tuple[Box, int], ...] = ()) -> list[Corner] | None:
    """The corners (beside boxes) a line from the symbol centred at ``start`` to the one
    at ``goal`` bends at, cheapest first by crossings, then length and bends; ``None``
    when there is no clear line within the bound.

    ``outline(end, towards)`` is where a line from the centre of end 0 (at ``start``) or
    end 1 (at ``goal``) towards a point leaves that symbol; ``blockers(p, q)`` the boxes
    ``p``-``q`` passes (grown, with their row); ``crossings`` counts the family lines a
    line crosses and ``along`` says whether a segment runs along one. ``seeds``: boxes
    (with their row) whose corners are nodes from the start though no segment is found
    blocked by them: what hangs below an end's symbol (the lines down to its partners,
    its name), round which a line may cross fewer family lines than straight through.
    """
    nodes: list[Corner] = [(start[0], start[1], -1, 0.0, 0.0), (goal[0], goal[1], -1, 0.0, 0.0)]
    for box, row in seeds:
        nodes.extend((x, y, row, sx, sy) for x, y, sx, sy in _corners(box))
    bound = len(nodes) + _MAX_NODES  # the seeds' corners come on top of the bound
    seen: set[tuple[float, float, float, float]] = set()
    # the boxes whose corners are nodes (most segments meet one), shrunk as
    # segment_hits_box shrinks a box before testing it
    known: list[tuple[float, float, float, float]] = []
    edges: dict[tuple[int, int], float | None] = {}

    def edge(i: int, j: int) -> float | None:
        """The cost of the segment from node ``i`` to node ``j``, or ``None`` when it is
        blocked (its blockers' corners become nodes) or runs along a family line."""
        key = (i, j) if i < j else (j, i)
        if key in edges:
            return edges[key]
        p, q = nodes[i][:2], nodes[j][:2]
        if i < 2 or j < 2:
            p, q = (outline(i, q) if i < 2 else p), (outline(j, p) if j < 2 else q)
        cost: float | None = None
        lo_x, hi_x = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
        lo_y, hi_y = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
        for x0, y0, x1, y1 in known:
            # a segment beside a box's interior never enters it (segment_entry says so
            # too, at the cost of a call)
            if hi_x > x0 and lo_x < x1 and hi_y > y0 and lo_y < y1 \
                    and segment_entry(p, q, x0, y0, x1, y1) is not None:
                edges[key] = None
                return None
        found = list(itertools.islice(blockers(p, q), 3))
        if found:
            for box, row in found:
                key_box = (box.x, box.y, box.w, box.h)
                if key_box not in seen and len(nodes) + 4 <= bound:
                    seen.add(key_box)
                    known.append((box.x + _EPS, box.y + _EPS, box.right - _EPS,
                                  box.bottom - _EPS))
                    nodes.extend((x, y, row, sx, sy) for x, y, sx, sy in _corners(box))
        elif not along((p, q)):
            cost = crossings([(p, q)]) * CROSSING_COST + math.dist(p, q)
        edges[key] = cost
        return cost

    best: list[int] | None = None
    for _round in range(_MAX_ROUNDS):
        count = len(nodes)
        best = _search(nodes, edge)
        if len(nodes) == count:
            break  # no new corner: the search saw everything it could use
    if best is None or len(best) < 3:
        return None
    return [nodes[i] for i in best[1:-1]]


def _search(nodes: list[Corner],
            edge: Callable[[int, int], float | None]) -> list[int] | None:
    """A* from node 0 to node 1 over the nodes known when it starts."""
    n = len(nodes)
    gx, gy = nodes[1][0], nodes[1][1]

    def guess(i: int) -> float:
        return math.hypot(nodes[i][0] - gx, nodes[i][1] - gy)

    cost = {0: 0.0}
    back: dict[int, int] = {}
    heap = [(guess(0), 0.0, 0)]
    done: set[int] = set()
    while heap:
        _f, g, i = heapq.heappop(heap)
        if i in done:
            continue
        if i == 1:
            path = [1]
            while path[-1] != 0:
                path.append(back[path[-1]])
            return path[::-1]
        done.add(i)
        for j in range(1, n):
            if j in done or j == i:
                continue
            c = edge(i, j)
            if c is None:
                continue
            total = g + c + (_BEND_COST if i != 0 else 0.0)
            if total < cost.get(j, math.inf):
                cost[j] = total
                back[j] = i
                heapq.heappush(heap, (total + guess(j), total, j))
    return None


def _corners(box: Box) -> list[tuple[float, float, float, float]]:
    """The four points just beyond the corners of ``box``, each with its direction away
    from the box."""
    return [(x, y, sx, sy) for x, sx in ((box.x - _GAP, -1.0), (box.right + _GAP, 1.0))
            for y, sy in ((box.y - _GAP, -1.0), (box.bottom + _GAP, 1.0))]


def detour_path(work: Work, a: str, b: str, row_top: dict[int, float],
                offsets: tuple[float, float], bends: tuple[RefPoint, ...]) -> list[RefPoint]:
    """The line from ``a``'s symbol to ``b``'s through ``bends`` (beside corners, found by
    :func:`detour`), in row-relative coordinates, leaving ``a``'s symbol at a port
    ``offsets[0]`` to the left of the line from its centre to the nearest bend and ``b``'s
    ``offsets[1]`` to the right (a second relation between one pair has ports of its own);
    empty when an end would leave at a glancing angle."""
    rows = work.st.rows
    points: list[Point] = []
    for x, (kind, ref, dy) in bends:
        if kind != "row":
            return []
        points.append((x, row_top[ref] + dy))
    ends: list[RefPoint] = []
    for pid, towards, offset in ((a, points[0], offsets[0]), (b, points[-1], -offsets[1])):
        row = rows[pid]
        cx, cy = work.centre[pid], row_top[row] + MID
        length = math.dist((cx, cy), towards)
        if length == 0:
            return []
        ux, uy = (towards[0] - cx) / length, (towards[1] - cy) / length
        t = exit_distance(work, pid, offset, ux, uy)
        if t is None or t >= length - 1.0:
            return []
        x, y = cx - uy * offset + ux * t, cy + ux * offset + uy * t
        ends.append((x, row_ref(row, y - row_top[row])))
    return [ends[0], *bends, ends[1]]
