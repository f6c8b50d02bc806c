"""The square cells a systemogram router finds boxes and remembered lines by.

A segment is tested only against the boxes in the cells it passes (:class:`Grid`), and
weighed only against the remembered lines listed under those cells: O(c + b) for c cells
and b boxes found, instead of every box.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import Box, Point

__all__ = ["CELL", "Grid", "cell_of", "cells_along", "gathered"]

CELL = 64.0
"""Side of a grid cell: about a box, so a segment meets few boxes per cell."""


def cell_of(v: float) -> int:
    """The number of the row or column of cells that ``v`` falls in."""
    return math.floor(v / CELL)


class Grid:
    """Obstacle numbers by the square cells their boxes (grown by ``reach``) touch, so a
    segment is tested only against the boxes near it: O(cells crossed + boxes found)."""

    def __init__(self, boxes: Sequence[Box], reach: float) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, b in enumerate(boxes):
            for cx in range(cell_of(b.x - reach), cell_of(b.right + reach) + 1):
                for cy in range(cell_of(b.y - reach), cell_of(b.bottom + reach) + 1):
                    self.cells.setdefault((cx, cy), []).append(i)

    def at(self, pt: Point) -> list[int]:
        """The boxes whose cell holds ``pt``."""
        return self.cells.get((cell_of(pt[0]), cell_of(pt[1])), [])

    def near(self, walk: Sequence[tuple[int, int]]) -> set[int]:
        """The boxes of the cells of ``walk`` (those a segment passes), each once (a box
        spans several cells; testing it once per cell was a third of the router's tests)."""
        return gathered(self.cells, walk)


def gathered(cells: dict[tuple[int, int], list[int]], walk: Sequence[tuple[int, int]]
              ) -> set[int]:
    """Every number listed in ``cells`` under a cell of ``walk``, once."""
    found: set[int] = set()
    for cell in walk:
        listed = cells.get(cell)
        if listed is not None:
            found.update(listed)
    return found


def cells_along(p: Point, q: Point) -> list[tuple[int, int]]:
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
