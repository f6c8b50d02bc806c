"""Vertical lines in a band or corridor of a genogram, kept in sorted lists: where a new
one may stand clear of the others, and noting it there.

Each list holds the x of the lines standing in one place (a corridor between two boxes, or
a band's vertical lines), beside a list of the half widths each draws; a look-up is a
binary search, O(log n), so the router never compares all pairs of lines.
"""

from __future__ import annotations

import bisect
import math
from typing import Final

__all__ = ["LINE_CLEAR", "SLOT", "Hold", "distance", "insert_line", "keeps_apart"]

Hold = tuple[list[float], list[float], float, float]
"""A vertical line noted in one of the router's sorted lists (its x list, the half widths
beside it, the line's x and half width): what a way took, to be given back (see
:func:`.genogram_relations.give_back`)."""

SLOT: Final = 8.0
"""The least distance between two vertical lines in one corridor or band."""
LINE_CLEAR: Final = 6.0
"""Clear space kept between what two neighbouring lanes or slots draw (a zigzag's waves,
the outer strokes of a double or triple line, a cut-off's bars), not just their centres."""
_NEAR: Final = 2 * 6.0 + LINE_CLEAR
"""Farther apart than this, two vertical lines keep clear whatever they draw (the widest
drawing reaches less than 6 from its centre)."""


def insert_line(xs: list[float], halves: list[float], x: float, half: float,
                holds: list[Hold] | None = None) -> None:
    """Put a vertical line at ``x`` drawing ``half`` either side into the sorted ``xs`` and,
    at the same place, its half width into ``halves``; note it in ``holds`` when given
    (see :attr:`.Router.holds`)."""
    at = bisect.bisect_left(xs, x)
    xs.insert(at, x)
    halves.insert(at, half)
    if holds is not None:
        holds.append((xs, halves, x, half))


def keeps_apart(xs: list[float], halves: list[float], x: float, half: float) -> bool:
    """True when a vertical line at ``x`` drawing ``half`` either side stands at least
    ``SLOT`` from each line of the sorted ``xs`` (drawing ``halves``) and its drawing at
    least :data:`LINE_CLEAR` from theirs."""
    lo = bisect.bisect_left(xs, x - _NEAR)
    hi = bisect.bisect_right(xs, x + _NEAR)
    return all(abs(xs[i] - x) >= max(SLOT, halves[i] + half + LINE_CLEAR) - 1e-9
               for i in range(lo, hi))


def distance(xs: list[float], x: float) -> float:
    """Distance from ``x`` to the nearest value of the sorted list ``xs`` (inf if empty)."""
    k = bisect.bisect_left(xs, x)
    if k == len(xs):
        return x - xs[k - 1] if k else math.inf
    right = xs[k] - x  # >= 0; the value left of it lies below x
    return right if k == 0 else min(x - xs[k - 1], right)
