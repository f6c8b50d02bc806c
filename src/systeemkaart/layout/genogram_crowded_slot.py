"""Emotional lines down a genogram corridor too narrow to keep each clear of the lines
already there: where such a line stands, and which drawing is kept.

:meth:`.Router.slot` steps from the x a line aims at by whole slots and takes the first x
that keeps its drawing :data:`~.genogram_slots.LINE_CLEAR` from the others'. In a narrow
corridor no such x may exist; the line then takes the x it aimed at (or an edge of the
corridor, away from a child line below), whatever stands there: a zigzag came down 4.5
units beside a fused line in a corridor 24.5 wide. Drawn again with such lines standing
where what they draw is furthest from the others' (:func:`crowded_slot`), the drawing is
kept only where fewer lines crowd each other and none crosses or lies on more
(:func:`clearer`): the routes after such a line may change too.

Cost: a look at every half unit across the corridor per line that finds it full
(binary searches in its sorted lines), and one more routing of the drawing kept by the
search where a corridor was full; nothing in a drawing whose corridors hold their lines.
"""

from __future__ import annotations

import bisect
import itertools
import math
from typing import TYPE_CHECKING, Final

from .genogram_slots import LINE_CLEAR, SLOT, distance

if TYPE_CHECKING:  # the router imports this module, and the layout the router
    from .genogram_places import GenogramLayout, Work

__all__ = ["CROWDED", "clearance", "clearer", "crowded_falls", "crowded_slot"]

CROWDED: Final = 4.0
"""Two lines whose drawings come closer than this crowd each other (the clear space an
emotional line keeps from every other line, as the crowd families are measured)."""
_NEAR: Final = 6.0
"""A line put in a full corridor may be moved this far sideways by the last touches."""
_STEP: Final = 0.5
"""The pitch of the x looked at across a corridor."""


def clearance(xs: list[float], halves: list[float], x: float, half: float) -> float:
    """How far what a vertical line at ``x`` drawing ``half`` either side stands from what
    the nearest line of the sorted ``xs`` (drawing ``halves``) draws (inf: none)."""
    k = bisect.bisect_left(xs, x)
    gaps = [abs(xs[i] - x) - halves[i] - half for i in (k - 1, k) if 0 <= i < len(xs)]
    return min(gaps, default=math.inf)


def crowded_slot(xs: list[float], halves: list[float], half: float, base: float,
                 room: tuple[float, float], below: list[float]) -> float | None:
    """The x in ``room`` (the corridor less its margins) for a line drawing ``half``
    either side whose drawing stands furthest from what the lines at the sorted ``xs``
    (drawing ``halves``) draw, up to :data:`LINE_CLEAR`; of those as clear, the one not
    over a child line entering the row below at ``below`` (it would run down along it),
    then the nearest to ``base``, where it aims. ``None`` when the room is empty or
    unbounded."""
    lo, hi = room
    if hi < lo or math.isinf(hi - lo):
        return None
    steps = int((hi - lo) / _STEP)
    candidates = [base, *(lo + i * _STEP for i in range(steps + 1)), hi]

    def score(x: float) -> tuple[float, float, float]:
        return (min(clearance(xs, halves, x, half), LINE_CLEAR),
                min(distance(below, x), SLOT), -abs(x - base))

    return max(candidates, key=score)


def crowded_falls(layout: GenogramLayout, work: Work) -> frozenset[int]:
    """Which of the emotional lines the router put in a full corridor (counted in the
    order routed, see :attr:`.Router.ran_out`) stand, in ``layout``, within
    :data:`_NEAR` of a vertical stretch of a line that crowds another or is crowded: the
    ones to stand apart when the drawing is routed again (none: it is not)."""
    from .genogram_clear import crowded_lines  # it imports the router

    router = work.router
    if router is None or not router.ran_out or not layout.people:
        return frozenset()
    crowded = crowded_lines(layout, CROWDED)
    if not crowded:
        return frozenset()
    pid, place = next(iter(layout.people.items()))
    dx = place.box.x - work.left[pid]  # the drawing moved to its margin
    lines = {i for i, _other in crowded}
    lines |= {int(other.split()[1]) for _i, other in crowded if other.startswith("relation ")}
    xs = sorted({a[0] for rel in layout.relations if rel.index in lines
                 for a, b in itertools.pairwise(rel.points) if a[0] == b[0]})
    return frozenset(n for n, x in enumerate(router.ran_out) if distance(xs, x + dx) < _NEAR)


def clearer(spread: GenogramLayout, before: GenogramLayout) -> bool:
    """True when the drawing whose lines in full corridors stand apart (``spread``) has
    fewer pairs of lines of which one crowds the other than ``before``, no more pairs of
    lines on each other and no more crossings."""
    from .genogram_clear import crowded_count  # they import the router
    from .genogram_quality import lines_on_lines
    from .genogram_widen import line_crossings

    if crowded_count(spread, CROWDED) >= crowded_count(before, CROWDED):
        return False
    if len(lines_on_lines(spread)) > len(lines_on_lines(before)):
        return False
    return line_crossings(spread, False) <= line_crossings(before, False)
