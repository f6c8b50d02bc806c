"""Where a family member's regie badge goes: beside the symbol, clear of every line.

The badge is painted over the lines, so it hides what it covers. At the symbol's top right,
where it always stood, a line arriving from the upper right lost its arrowhead under it and
seemed to point at the "R" rather than at the person. The badge now takes the first spot
(top right or top left of the symbol, right or left of the name, under the label, beside
the symbol) that no line comes near and no other box covers; where every spot is taken, the one
furthest from the lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from ..layout import Box, Point, segment_distance

__all__ = ["BADGE_RADIUS", "CLEAR", "badge_spot", "spots"]

BADGE_RADIUS: Final = 6.5
"""The radius of the regie badge."""

CLEAR: Final = BADGE_RADIUS + 4.5
"""How far a line's centre keeps from a badge's centre: the badge, half the widest stroke
or arrowhead (about 3.5 units) and a unit of white."""

def spots(x: float, y: float, box: Box) -> list[Point]:
    """Where the badge of the person whose 28-unit symbol is centred at ``(x, y)`` and whose
    symbol and label fill ``box`` may stand, in order of preference: the symbol's top right
    (where it always stood), its top left, beside the name on the right and on the left,
    under the label, and beside the symbol on the right and on the left. Each touches the
    person's own symbol or label, so the badge reads as theirs."""
    name_y = y + 23.0  # the middle of the name's line under the symbol
    gap = BADGE_RADIUS + 2.0
    return [(x + 20.0, y - 18.0), (x - 20.0, y - 18.0), (box.right + gap, name_y),
            (box.x - gap, name_y), (x, box.bottom + gap), (x + 23.0, y), (x - 23.0, y)]


def badge_spot(x: float, y: float, box: Box, lines: Sequence[Sequence[Point]],
               boxes: Sequence[Box]) -> Point:
    """The centre of the regie badge of the person whose symbol is centred at ``(x, y)``
    (symbol and label in ``box``): the first of :func:`spots` that every line in ``lines``
    keeps :data:`CLEAR` of and that overlaps none of ``boxes`` (the other people and
    agents); failing that, the spot clear of the boxes (else any) furthest from the lines."""
    best: Point | None = None
    best_key = (False, -1.0)
    for spot in spots(x, y, box):
        badge = Box(spot[0] - BADGE_RADIUS, spot[1] - BADGE_RADIUS, 2 * BADGE_RADIUS,
                    2 * BADGE_RADIUS)
        free = not any(badge.overlaps(b) for b in boxes)
        near = _nearest(spot, lines)
        if free and near >= CLEAR:
            return spot
        key = (free, near)
        if key > best_key:
            best, best_key = spot, key
    assert best is not None
    return best


def _nearest(spot: Point, lines: Sequence[Sequence[Point]]) -> float:
    """The distance from ``spot`` to the nearest segment of ``lines`` (infinite: none)."""
    return min((segment_distance(spot, a, b) for pts in lines for a, b in pairwise(pts)),
               default=float("inf"))
