"""Genogram corridors too narrow for the emotional lines drawn down them, and how far the
blocks right of each must move to give those lines room.

A corridor is the free space between two neighbouring boxes of a row (see
:mod:`.genogram_route`). Graphviz puts two blocks :data:`~.genogram_dot.NODESEP` apart
whatever runs between them; a person whose partner stands on one side sends all its lines
to other rows out of the other side, and where several of those (zigzags, double lines)
come down one such corridor, the router has no slot left that keeps them apart and puts
two on one x. Like a band between rows that grows for its lanes, such a corridor widens:
every block whose centre lies right of the corridor moves right by what the lines drawn
there lack, in every row, so gaps between blocks only grow, and the lines are routed
again. The wider drawing is kept only where its lines lie apart better and cross no
more (see :func:`improves`): routed again, a relation may take another way. Only the
lines drawn are counted, not the other ways each relation could have
gone: a corridor that holds them apart already is never widened.

Cost: one pass over the drawn lines' vertical segments and a binary search per segment in
its row's boxes, O(s log n); nothing is done again in a drawing without a full corridor.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from .genogram_clear import crowded_count
from .genogram_near import line_segments
from .genogram_places import GenogramLayout, Work
from .genogram_relations import drawn_half
from .genogram_route import FAMILY_HALF, LINE_CLEAR, TEXT_CLEAR

__all__ = ["ROUNDS", "full_corridors", "improves", "widened"]

ROUNDS: Final = 2
"""How often a drawing is routed again with wider corridors at most."""
_STEP: Final = 8.0
"""The router's slot pitch (``genogram_slots.SLOT``): lines down one corridor from one
place stand a multiple of it apart."""
_EDGE: Final = 3.0
"""The least a family line keeps from a box beside it (as :meth:`.Router.slot`)."""
_ALONG: Final = 10.0
"""A vertical stretch shorter than this in a row does not run down its corridor (a line
that only turns there)."""

Corridor = tuple[int, float, float]
"""A row and the x extent of the free space between two boxes of different blocks."""


def full_corridors(work: Work, layout: GenogramLayout) -> list[tuple[float, float]]:
    """The corridors between two blocks where the emotional lines drawn down them stand
    closer than :data:`~.genogram_route.LINE_CLEAR` to another line (by what each draws)
    or nearer than :data:`~.genogram_route.TEXT_CLEAR` to a box: ``(x, more)`` per such
    corridor, in ``work``'s coordinates (before the drawing moved to its margin), ``x``
    its middle and ``more`` the width it lacks for its lines on the router's slots."""
    if not layout.relations or not layout.people:
        return []
    pid, place = next(iter(layout.people.items()))
    dx = place.box.x - work.left[pid]
    corridors = _corridors(work, layout)
    if not corridors:
        return []
    inside: dict[Corridor, dict[tuple[int, float], tuple[float, bool]]] = defaultdict(dict)
    first = len(layout.partnerships) + len(layout.children)
    halves = [drawn_half(r.kind) for r in layout.relations]
    for n, (_kind, _ends, points) in enumerate(layout.edges()):
        emotional = n >= first
        half = halves[n - first] if emotional else FAMILY_HALF
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if x1 != x2 or y1 == y2:
                continue
            lo, hi, x = min(y1, y2), max(y1, y2), x1 - dx
            for (row, top, bottom), (lefts, rights) in corridors.items():
                if min(hi, bottom) - max(lo, top) < _ALONG:
                    continue  # (a handful of rows: each corridor row is looked at)
                k = bisect.bisect_right(lefts, x)
                if k and x < rights[k - 1]:
                    inside[(row, lefts[k - 1], rights[k - 1])][(n, x)] = (half, emotional)
    out: list[tuple[float, float]] = []
    for (_row, left, right), lines in sorted(inside.items()):
        if not any(emotional for _half, emotional in lines.values()):
            continue  # family lines only: not an emotional line's corridor
        drawn = sorted((x, half) for (_n, x), (half, _emotional) in lines.items())
        if _apart(drawn, left, right):
            continue
        more = math.ceil(_need([h for _x, h in drawn]) - (right - left))
        out.append(((left + right) / 2, float(max(more, _STEP))))
    return out


def _corridors(work: Work, layout: GenogramLayout
               ) -> dict[tuple[int, float, float], tuple[list[float], list[float]]]:
    """Per row (with its top and bottom in ``layout``), the left and right ends of the
    corridors between two neighbouring boxes of different blocks, sorted."""
    block_of = work.st.block_of
    out: dict[tuple[int, float, float], tuple[list[float], list[float]]] = {}
    for row, ids in work.by_row.items():
        lefts: list[float] = []
        rights: list[float] = []
        for a, b in itertools.pairwise(ids):  # sorted left to right
            if block_of[a] != block_of[b]:
                lefts.append(work.left[a] + work.widths[a])
                rights.append(work.left[b])
        if lefts:
            boxes = [layout.people[pid].box for pid in ids]
            top = min(box.y for box in boxes)
            out[(row, top, max(box.y + box.h for box in boxes))] = (lefts, rights)
    return out


def _apart(drawn: Sequence[tuple[float, float]], left: float, right: float) -> bool:
    """True when the lines ``drawn`` (x, half the width drawn; sorted) keep their clear
    space from each other and from the boxes at ``left`` and ``right``."""
    eps = 1e-6
    for (xa, ha), (xb, hb) in itertools.pairwise(drawn):
        if xb - xa < ha + hb + LINE_CLEAR - eps:
            return False
    (x0, h0), (x1, h1) = drawn[0], drawn[-1]
    return x0 - left >= _margin(h0) - eps and right - x1 >= _margin(h1) - eps


def _margin(half: float) -> float:
    """What a line drawing ``half`` either side keeps from a box (see
    :meth:`.Router.slot`)."""
    return _EDGE if half <= FAMILY_HALF else max(_EDGE, half + TEXT_CLEAR)


def _need(halves: Sequence[float]) -> float:
    """The width a corridor needs for lines drawing ``halves`` either side (left to
    right) on the router's slots: each pair a whole number of slots apart, far enough for
    what they draw, and the outer two their margin from the boxes."""
    between = sum(math.ceil(max(_STEP, a + b + LINE_CLEAR) / _STEP - 1e-9) * _STEP
                  for a, b in itertools.pairwise(halves))
    return _margin(halves[0]) + between + _margin(halves[-1])


def widened(centres: Sequence[float], waypoints: dict[str, float],
            cuts: Sequence[tuple[float, float]]) -> list[float]:
    """Block centres moved apart at ``cuts`` (``(x, more)``, see :func:`full_corridors`):
    each block, and each waypoint of ``waypoints`` (changed in place), right of a cut's
    ``x`` moves right by its ``more``, so no gap between two blocks of a row narrows."""
    ordered = sorted(cuts)
    xs = [x for x, _more in ordered]
    shift = list(itertools.accumulate(more for _x, more in ordered))

    def moved(x: float) -> float:
        k = bisect.bisect_left(xs, x)
        return x + (shift[k - 1] if k else 0.0)

    for key, x in waypoints.items():
        waypoints[key] = moved(x)
    return [moved(c) for c in centres]


def improves(wider: GenogramLayout, before: GenogramLayout) -> bool:
    """True when the drawing with wider corridors has fewer pairs of lines on each other
    (as :func:`.lines_on_lines` counts them), or as many and fewer pairs of lines of
    which one crowds the other (:func:`.crowded_count`), and its lines cross no more than
    ``before``'s or than every emotional line drawn straight between its symbols (the
    yardstick of the crossings a drawing may show)."""
    from .genogram_quality import lines_on_lines  # it imports the layout itself

    on = (len(lines_on_lines(wider)), len(lines_on_lines(before)))
    if on[0] > on[1]:
        return False
    if on[0] == on[1] and crowded_count(wider) >= crowded_count(before):
        return False
    return _crossings(wider, False) <= max(_crossings(before, False),
                                           _crossings(wider, True))


def _crossings(layout: GenogramLayout, straight: bool) -> int:
    """The crossings of all lines of ``layout``, each emotional line as drawn or (with
    ``straight``) straight between the centres of its symbols."""
    from .genogram_quality import crossings  # it imports the layout itself

    lines = [("u:" + "|".join(sorted(p.partners)), line_segments(p.points))
             for p in layout.partnerships]
    lines += [("u:" + "|".join(sorted(c.parents)), line_segments(c.points))
              for c in layout.children]
    people = layout.people
    lines += [(f"r{r.index}", [(people[r.between[0]].symbol_centre(),
                                people[r.between[1]].symbol_centre())] if straight
               else line_segments(r.points)) for r in layout.relations]
    return crossings(lines)
