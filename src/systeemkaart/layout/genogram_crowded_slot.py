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
Which lines stand near a crowded one is measured only on the lines whose vertical
stretches stand near such a line (:func:`~.genogram_clear.crowded_lines_of`), and the
drawing is not routed again where standing apart would move none of those lines: it
would be the same drawing (:func:`crowded_falls`).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from .genogram_slots import LINE_CLEAR, SLOT, distance

if TYPE_CHECKING:  # the router imports this module, and the layout the router
    from .genogram_places import GenogramLayout, Work

__all__ = ["CROWDED", "FullCorridor", "clearance", "clearer", "crowded_falls", "crowded_slot",
           "fallback_slot", "stands_apart"]

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


class FullCorridor(NamedTuple):
    """A corridor as an emotional line found it full (see :attr:`.Router.full_at`): what
    :func:`crowded_slot` and :func:`fallback_slot` choose from."""

    taken: list[float]
    """The x of the lines already down it, sorted."""
    halves: list[float]
    """How far each of them draws either side."""
    half: float
    """How far the line draws either side."""
    base: float
    """The x it aims at."""
    room: tuple[float, float]
    """The corridor less its margins."""
    below: list[float]
    """Where child lines enter the row below, sorted."""


def fallback_slot(base: float, edges: Sequence[float], below: list[float]) -> float:
    """Where a line stands that finds no x clear of the lines in its corridor: of ``base``
    (where it aims) and the corridor's ``edges``, the first furthest (up to a slot) from a
    child line entering the row below at ``below`` (it would run down along it)."""
    return max([base, *edges], key=lambda c: min(distance(below, c), SLOT))


def stands_apart(full: FullCorridor) -> bool:
    """True when the line that found the corridor ``full`` stands elsewhere drawn apart
    (:func:`crowded_slot`) than where it stood (:func:`fallback_slot`): where it does not,
    the routing goes on as before."""
    lo, hi = full.room
    choice = crowded_slot(full.taken, full.halves, full.half, full.base, full.room, full.below)
    return choice is not None and choice != fallback_slot(full.base, (lo, hi), full.below)


def crowded_falls(layout: GenogramLayout, work: Work) -> frozenset[int]:
    """Which of the emotional lines the router put in a full corridor (counted in the
    order routed, see :attr:`.Router.ran_out`) stand, in ``layout``, within
    :data:`_NEAR` of a vertical stretch of a line that crowds another or is crowded: the
    ones to stand apart when the drawing is routed again (none: it is not, nor where
    none of them would stand elsewhere apart, see :func:`stands_apart`: the drawing
    routed again would be the same).

    Only the relations with a vertical stretch within :data:`_NEAR` of such a line can
    be the crowded line it stands near, so only the pairs of lines in which one of them
    takes part are measured (:func:`~.genogram_clear.crowded_lines_of`)."""
    from .genogram_clear import crowded_lines_of  # it imports the router

    router = work.router
    if router is None or not router.ran_out or not layout.people:
        return frozenset()
    pid, place = next(iter(layout.people.items()))
    dx = place.box.x - work.left[pid]  # the drawing moved to its margin
    falls = [x + dx for x in router.ran_out]
    at = sorted(falls)
    near = [rel.index for rel in layout.relations
            if any(a[0] == b[0] and distance(at, a[0]) < _NEAR
                   for a, b in itertools.pairwise(rel.points))]
    if not near:
        return frozenset()
    crowded = crowded_lines_of(layout, near, CROWDED)
    if not crowded:
        return frozenset()
    lines = {i for i, _other in crowded}
    lines |= {int(other.split()[1]) for _i, other in crowded if other.startswith("relation ")}
    xs = sorted({a[0] for rel in layout.relations if rel.index in lines
                 for a, b in itertools.pairwise(rel.points) if a[0] == b[0]})
    chosen = frozenset(n for n, x in enumerate(falls) if distance(xs, x) < _NEAR)
    if not any(stands_apart(router.full_at[n]) for n in sorted(chosen)):
        return frozenset()
    return chosen


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
