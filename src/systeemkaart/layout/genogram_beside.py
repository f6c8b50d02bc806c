"""Whether a straight, bent or detour emotional line would run beside another relation's
line by what both draw.

Choosing a way (:mod:`.genogram_choice`), a line that runs along another (centre lines
within ``NEAR``, :mod:`.genogram_near`) is not drawn straight; but a zigzag swings more
than 3 units either side of its centre line, so one 6 units from another line's centre
overlaps it and does not count there. :class:`PlacedDrawn` keeps the ways placed so far
with what they draw, and answers whether a new way comes closer than the issue's clear
space (4 units) beside one of another pair for more than a few units, measured as
:func:`.genogram_clear.crowded_lines` measures a finished drawing
(:func:`.genogram_clear.crowded_pairs`). Lines between one pair are weighed by their own
rule (``crowds`` in :mod:`.genogram_choice`).

Cost: the placed ways are filed by their bounding boxes (grown by what they draw) under
the cells of a coarse grid; a way is measured only against those filed under the cells
its own box (grown by what it draws and the clear space) covers, whose boxes overlap it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Final

from . import Box, Point
from .genogram_clear import bounds, box_cells, crowded_pairs
from .genogram_near import Segment, line_segments, segment_points, stretch_within

__all__ = ["DRAWN_CLEAR", "PlacedDrawn"]

DRAWN_CLEAR: Final = 4.0
"""The clear space asked for between what two emotional lines draw (issue: no emotional
line within 4 px of another line)."""
_SLANT: Final = 0.6
"""Sine of the angle beyond which two segments cannot run beside each other: a little
more than :func:`.genogram_clear.crowded_pairs` allows (about 30 degrees), so the test
before it (:func:`_near_parallel`) never drops a pair it would count."""
_CELL: Final = 64.0
"""Side of a cell of the grid the placed ways are filed in."""


@dataclass(frozen=True)
class _Drawn:
    """A placed way: its points, half the width of what it draws, the centres of its two
    symbols, its pair of people and its bounding box grown by its half width."""

    points: list[Point]
    half: float
    centres: list[Point]
    pair: frozenset[str]
    box: Box


def _near_parallel(segs: list[Segment], others: list[Segment], reach: float) -> bool:
    """True when a segment of ``segs`` comes within ``reach`` of a segment of ``others``
    at less than the angle of ``_SLANT``: without such a pair no stretch of one line runs
    beside the other (a cheap test before sampling them)."""
    for s in segs:
        ux, uy = s[1][0] - s[0][0], s[1][1] - s[0][1]
        ul = math.hypot(ux, uy)
        for t in others:
            vx, vy = t[1][0] - t[0][0], t[1][1] - t[0][1]
            if abs(ux * vy - uy * vx) < _SLANT * ul * math.hypot(vx, vy) \
                    and stretch_within(s, t, reach, closed=True) is not None:
                return True
    return False


class PlacedDrawn:
    """The ways placed for the relations decided so far, each with what it draws, for
    asking whether another way runs beside one of another pair (see the module
    docstring)."""

    def __init__(self, clear: float = DRAWN_CLEAR) -> None:
        self.clear = clear
        self.placed: dict[int, _Drawn] = {}
        self.grid: dict[tuple[int, int], set[int]] = defaultdict(set)

    def add(self, owner: int, segs: list[Segment], half: float, centres: list[Point],
            pair: frozenset[str]) -> None:
        """Keep the way ``segs`` of relation ``owner`` (drawing ``half`` either side,
        between the symbols centred at ``centres``, of the people ``pair``)."""
        if segs:
            drawn = self.placed[owner] = _Drawn(segment_points(segs), half, centres, pair,
                                                bounds(segs, half))
            for cell in box_cells(drawn.box, _CELL):
                self.grid[cell].add(owner)

    def remove(self, owner: int) -> None:
        """Forget the way of relation ``owner``."""
        drawn = self.placed.pop(owner, None)
        if drawn is not None:
            for cell in box_cells(drawn.box, _CELL):
                self.grid[cell].discard(owner)

    def beside(self, owner: int, segs: list[Segment], half: float, centres: list[Point],
               pair: frozenset[str]) -> bool:
        """True when the way ``segs`` of relation ``owner`` (as :meth:`add`) comes closer
        than ``clear`` by what both draw beside the way placed for a relation of another
        pair, for more than a few units."""
        if not segs:
            return False
        box = bounds(segs, half + self.clear)
        grid = self.grid
        near = sorted({other for cell in box_cells(box, _CELL) for other in grid.get(cell, ())})
        points: list[Point] | None = None
        for other in near:
            drawn = self.placed[other]
            if other == owner or drawn.pair == pair or not box.overlaps(drawn.box):
                continue
            if not _near_parallel(segs, line_segments(drawn.points),
                                  half + drawn.half + self.clear):
                continue
            if points is None:
                points = segment_points(segs)
            if crowded_pairs([(points, half, centres),
                              (drawn.points, drawn.half, drawn.centres)], self.clear):
                return True
        return False
