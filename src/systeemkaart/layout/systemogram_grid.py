"""The square cells a systemogram router finds boxes and remembered lines by.

A segment is tested only against the boxes in the cells it passes (:class:`Grid`), and
weighed only against the remembered lines listed under those cells: O(c + b) for c cells
and b boxes found, instead of every box.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from . import Box, Point

__all__ = ["CELL", "Grid", "cell_of", "cells_along", "gathered"]

CELL = 64.0
"""Side of a grid cell: about a box, so a segment meets few boxes per cell."""
_INVERSE = 1 / CELL


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

    def near(self, walk: Sequence[tuple[int, int]]) -> Collection[int]:
        """The boxes of the cells of ``walk`` (those a segment passes), each once (a box
        spans several cells; testing it once per cell was a third of the router's tests)."""
        return gathered(self.cells, walk)


def gathered(cells: dict[tuple[int, int], list[int]], walk: Sequence[tuple[int, int]]
              ) -> Collection[int]:
    """Every number listed in ``cells`` under a cell of ``walk``, once (in no set order: a
    caller asks of each alike). A cell lists each number once, so a walk of one cell
    (most segments) gives that cell's list as it is, without gathering it in a set."""
    if len(walk) == 1:
        return cells.get(walk[0], ())
    found: set[int] = set()
    for cell in walk:
        listed = cells.get(cell)
        if listed is not None:
            found.update(listed)
    return found


def cells_along(p: Point, q: Point) -> list[tuple[int, int]]:
    """The grid cells the segment ``p``-``q`` passes, column by column from the left, each
    column's from the top (a segment within one row or column at once: most are). Asked
    for every new segment the router tests or weighs: the row where the segment crosses a
    column's edge is worked out once, for both columns."""
    (px, py), (qx, qy) = p, q
    floor = math.floor
    # CELL is a power of two: multiplying by its inverse is exact, as dividing is
    inverse = _INVERSE
    lo, hi = (px, qx) if px <= qx else (qx, px)
    c0, c1 = floor(lo * inverse), floor(hi * inverse)
    r0, r1 = (floor(py * inverse), floor(qy * inverse)) if py <= qy \
        else (floor(qy * inverse), floor(py * inverse))
    if c0 == c1:
        return [(c0, r0)] if r0 == r1 else [(c0, cy) for cy in range(r0, r1 + 1)]
    if r0 == r1:
        return [(cx, r0) for cx in range(c0, c1 + 1)]
    slope = (qy - py) / (qx - px)
    out: list[tuple[int, int]] = []
    append = out.append
    ra = floor((py + (lo - px) * slope) * inverse)  # the row where it enters column c0
    for cx in range(c0, c1):
        # the row where it leaves column cx, which is where it enters the next (the
        # column edges are exact)
        rb = floor((py + ((cx + 1) * CELL - px) * slope) * inverse)
        if ra == rb:  # most columns: the segment stays in one row
            append((cx, ra))
        else:
            for cy in range(rb, ra + 1) if ra > rb else range(ra, rb + 1):
                append((cx, cy))
        ra = rb
    rb = floor((py + (hi - px) * slope) * inverse)  # where it ends, in the last column
    for cy in range(rb, ra + 1) if ra > rb else range(ra, rb + 1):
        append((c1, cy))
    return out
