"""Genogram households: a dashed outline around members standing together; when they
cannot, a dotted frame round each member, all in one tint, and the household's name by
one of them (:mod:`.genogram_household_names`).

An outline's sides move a little in or out off the lines running beside it, and further
out past an emotional line beside it (:func:`_off_lines`, measured by
:func:`.beside_outline`; up to 20 units where a line slanting past a corner still runs
along it), so that line runs inside the household clear of the edge; the
sides of a nest of outlines (one round another household's members) together, where one
moving alone would cross the other (:mod:`.genogram_household_nest`); the members'
frames likewise (:mod:`.genogram_household_frames`)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from typing import Final

from . import Box, Point
from .genogram_household_clear import (
    Lines,
    Slab,
    along,
    beside_outline,
    emotional_reaches,
    outline_slabs,
    slab_outline,
)
from .genogram_household_frames import FRAME_INNER, frames_inside_outlines, frames_off_lines
from .genogram_household_names import place_names
from .genogram_household_nest import NestOutline, nests_off_lines
from .genogram_near import line_segments, runs_along
from .genogram_places import (
    GenogramLayout,
    HouseholdPlace,
    PersonPlace,
    Work,
    axis_segments,
)

__all__ = ["along", "outline_households"]  # along: see .genogram_household_clear

_FRAME_OUTER: Final = 3.5
"""How far the frame of a person's first household whose members do not stand together
keeps from their box; the frames of further ones nest inside it, 1.5 units apart (closer
where a person is in more than three households, at least 0.2 from the box), and all
inside an outline (5 units out)."""
_NECK: Final = 12.0
"""The least width two rows of one household share, for one outline to join them."""
_NUDGES: Final = (0.0, -2.5, 2.5)
"""How far a side of an outline may move (inwards, outwards) to keep off a line beside it."""
_DEEPER: Final = (-5.0,)
"""How far further in a side of an outline standing 7.5 units or more out of its members
(round another household's) may move: 2.5 units from their boxes at the least."""
_WIDER: Final = (5.0, 7.5, 10.0, 12.5)
"""How much further out a side may move where an emotional line runs beside it: past the
line, which then runs inside the household clear of its edge (a zigzag or a cut-off's bars
swing up to 6 units either side)."""
_FURTHER: Final = (15.0, 17.5, 20.0)
"""How far out (from where it stood) a side may move where an emotional line still runs
along the outline after the moves above: a line slanting past a corner at a shallow angle
clears it only there."""

Emotional = list[tuple[tuple[Point, Point], float]]
"""The segments of the emotional lines, each with the reach an outline keeps from it (see
:func:`.emotional_reaches`)."""


def outline_households(work: Work, layout: GenogramLayout) -> None:
    """Outline each household whose members stand together; otherwise mark each member.

    A case without households costs nothing here, and the pieces of the drawn lines (see
    :func:`axis_segments`: a pass over every line, about 5-7 ms of a 3,000-person family)
    are gathered only for an outline that may have to keep off them."""
    if not work.case.households:
        return
    by_row: dict[int, list[PersonPlace]] = defaultdict(list)
    for place in layout.people.values():
        by_row[place.row].append(place)
    for places in by_row.values():
        places.sort(key=lambda p: p.box.x)
    order = {p.id: k for places in by_row.values() for k, p in enumerate(places)}
    sets = [frozenset(m for m in hh.members if m in layout.people)
            for hh in work.case.households]
    framed: dict[str, int] = defaultdict(int)  # per person, the frames drawn around them
    count: dict[str, int] = defaultdict(int)  # per person, the households they are in
    for mine in sets:
        for m in mine:
            count[m] += 1
    lines: Lines | None = None  # gathered at the first outline that needs them
    emotional: Emotional = []
    plans = _plans(layout, sets, by_row, order)
    placed: dict[int, list[Slab]] = {}  # the rows of each outline, as drawn
    for index, hh in enumerate(work.case.households):
        members = [m for m in dict.fromkeys(hh.members) if m in layout.people]
        if not members:
            continue
        mine = sets[index]
        together = index in plans
        if together:
            slabs = plans[index]
            ways = _ways(sets, index, plans.keys())
            if any(ways):
                nest = {j for j, other in enumerate(sets) if ways != (True, True)
                        and (other <= mine or mine <= other)}
                others = [p.box for p in layout.people.values() if p.id not in mine]
                others += [b for h in layout.households
                           if h.outline is not None and h.index not in nest
                           for b in outline_slabs(h.outline)]
                if lines is None:
                    lines = axis_segments(layout)
                    emotional = emotional_reaches(layout)
                # members of another household may get frames of their own, inside
                # (moved in to fit, see frames_inside_outlines)
                keep = [layout.people[m].box.grow(_nest_least(count[m] - 1) + 1.5)
                        for m in members if count[m] > 1]
                frame = Box(1.0, work.options.top, layout.width - 2.0,
                            layout.height - work.options.top - 1.0)
                # moving far out, keep off where another household's outline or
                # frame may come (the outline with the same members is 4 units out)
                wide = None if ways == (True, True) and any(
                    sets[j] == mine for j in plans if j != index) else \
                    [*others, *(p.box.grow(1.0 + 5.0 + 4.0 * (count[p.id] - 1))
                                for p in layout.people.values()
                                if p.id not in mine and count[p.id]),
                     *_outside(layout.label_boxes(), slabs)]  # dates beside it
                slabs = _off_lines(slabs, lines, others, keep, emotional, frame, wide, ways,
                                   [layout.people[m].box for m in members])
            placed[index] = slabs
            layout.households.append(HouseholdPlace(index, members, slab_outline(slabs)))
        if not together:
            names = ", ".join(members)
            layout.warnings.append(
                f"households[{index}]: members ({names}) do not stand together in the "
                "genogram; each is marked instead of outlined")
            marks = []
            for m in members:  # frames nest, inside any outline around the person too
                step = min(1.5, (_FRAME_OUTER - FRAME_INNER) / max(1, count[m] - 1))
                marks.append(layout.people[m].box.grow(_FRAME_OUTER - step * framed[m]))
                framed[m] += 1
            layout.households.append(HouseholdPlace(index, members, None, marks))
    if emotional and lines is not None:
        nests_off_lines(layout, _nest_outlines(layout, sets, placed, count), lines, emotional,
                        Box(1.0, work.options.top, layout.width - 2.0,
                            layout.height - work.options.top - 1.0))
    if any(framed.values()):
        frames_inside_outlines(layout)
        if layout.relations:
            frames_off_lines(layout, framed, work.options.top)
    place_names(work, layout)


def _plans(layout: GenogramLayout, sets: list[frozenset[str]],
           by_row: dict[int, list[PersonPlace]], order: dict[str, int]) -> dict[int, list[Slab]]:
    """The households whose members stand together, in order, each with the rows of its
    outline before any side moves: members in rows next to each other, side by side in
    each row, rows that share :data:`_NECK` units of width, and an outline that nests in
    any earlier one it shares a member with (never cuts through it); the others are
    marked member by member."""
    plans: dict[int, list[Slab]] = {}
    for index, mine in enumerate(sets):
        if not mine:
            continue
        rows = sorted({layout.people[m].row for m in mine})
        if rows != list(range(rows[0], rows[-1] + 1)):
            continue
        ranges: dict[int, tuple[int, int]] = {}
        for r in rows:
            ks = [order[m] for m in mine if layout.people[m].row == r]
            if max(ks) - min(ks) + 1 != len(ks):
                break
            ranges[r] = (min(ks), max(ks))
        if len(ranges) != len(rows) or not all(
                sets[j] <= mine or mine <= sets[j] for j in plans
                if not mine.isdisjoint(sets[j])):
            continue
        inner = sum(1 for j, other in enumerate(sets)
                    if other and (other < mine or (other == mine and j < index)))
        pad = 5.0 + 4.0 * inner  # a household around another: 4 units further out
        slabs: list[Slab] = []
        for r in rows:
            lo, hi = ranges[r]
            boxes = [by_row[r][k].box for k in range(lo, hi + 1)]
            slabs.append((min(b.y for b in boxes) - pad, max(b.bottom for b in boxes) + pad,
                          min(b.x for b in boxes) - pad, max(b.right for b in boxes) + pad))
        # rows that share no width would need a diagonal neck over other people
        if all(min(a[3], b[3]) - max(a[2], b[2]) >= _NECK
               for a, b in itertools.pairwise(slabs)):
            plans[index] = slabs
    return plans


def _nest_outlines(layout: GenogramLayout, sets: list[frozenset[str]],
                   placed: dict[int, list[Slab]], count: dict[str, int]) -> list[NestOutline]:
    """Each outline of ``placed`` of a nest (round another household's members, or inside
    one) with what it keeps clear of and holds (see :class:`.NestOutline`): as each
    outline moving alone (see :func:`_off_lines`), and every outline of a household
    whose members it neither holds nor is among; room inside for its members' frames
    only where they have some (of households not outlined)."""
    out: list[NestOutline] = []
    for index, slabs in placed.items():
        mine = sets[index]
        if not any(j != index and (sets[j] <= mine or mine <= sets[j]) for j in placed):
            continue
        others = [p.box for p in layout.people.values() if p.id not in mine]
        others += [b for j, s in placed.items() if not (sets[j] <= mine or mine <= sets[j])
                   for b in outline_slabs(slab_outline(s))]
        wide = [*others, *(p.box.grow(1.0 + 5.0 + 4.0 * (count[p.id] - 1))
                           for p in layout.people.values() if p.id not in mine and count[p.id]),
                *_outside(layout.label_boxes(), slabs)]
        members = sorted(mine, key=lambda m: layout.people[m].box.x)
        frames = {m: sum(1 for j, s in enumerate(sets) if m in s and j not in placed)
                  for m in members}  # a member's frames (of households not outlined)
        out.append(NestOutline(
            index, mine, sorted({layout.people[m].row for m in mine}), slabs, others, wide,
            [layout.people[m].box.grow(_nest_least(frames[m]) + 1.5)
             for m in members if frames[m]],
            [layout.people[m].box for m in members]))
    return out


def _nest_least(frames: int) -> float:
    """How near the outermost of ``frames`` nested frames round a person may come to their
    box: the innermost :data:`FRAME_INNER` from it, the others 1.5 units apart (as close
    as where they are drawn for a person in more than three households)."""
    return FRAME_INNER + min(_FRAME_OUTER - FRAME_INNER, 1.5 * max(0, frames - 1))


def _off_lines(slabs: list[Slab], lines: Lines, others: list[Box],
               keep: Sequence[Box] = (), emotional: Emotional | None = None,
               frame: Box | None = None, wide: list[Box] | None = None,
               ways: tuple[bool, bool] = (True, True), own: Sequence[Box] = ()) -> list[Slab]:
    """``slabs`` with each side moved by one of :data:`_NUDGES` where that keeps the outline
    off the lines running beside it (a dashed outline lying on a line hides which is which),
    as long as it comes no nearer than 2 units to a box or outline it must not touch, keeps
    each box of ``keep`` (where a member's own frame may come) inside and stays in
    ``frame`` (the drawing below its title). Where an ``emotional`` line runs beside the
    outline within its reach (see :func:`.beside_outline`) and ``wide`` is given, a side
    may also move :data:`_WIDER` out, past the line, as long as it keeps 2 units from
    each box of ``wide`` (``others`` and where other households' outlines may come).
    ``ways``: whether the sides may move in, and out (see :func:`_ways`). Where ``own``
    (the members' boxes) is given, a side may also move :data:`_DEEPER` in, as long as it
    keeps 2.5 units from them.

    Greedy, side by side; only the lines near the outline are looked at."""
    y0, y1, x0, x1 = _extent(slabs, 10.0)
    near = _near(lines, (y0, y1, x0, x1))
    grow = _WIDER[-1] + 10.0
    beside = [(seg, reach) for seg, reach in emotional or ()
              if min(seg[0][0], seg[1][0]) <= x1 + grow and max(seg[0][0], seg[1][0]) >= x0 - grow
              and min(seg[0][1], seg[1][1]) <= y1 + grow
              and max(seg[0][1], seg[1][1]) >= y0 - grow]

    def score(candidate: list[Slab]) -> float:
        outline = slab_outline(candidate)
        return along(outline, near) + (beside_outline(outline, beside) if beside else 0.0)

    best = score(slabs)
    if best == 0.0:
        return slabs
    least = [b.grow(2.5) for b in own]
    nudges = _NUDGES[1:] + (_DEEPER if own else ()) + (_WIDER if wide is not None and beside
                            and beside_outline(slab_outline(slabs), beside) else ())

    def fits(moved: Slab, box: Box, nudge: float) -> bool:
        return ways[0 if nudge < 0 else 1] \
            and not any(box.overlaps(b, gap=2.0)
                        for b in (others if wide is None or nudge <= _NUDGES[-1] else wide)) \
            and (frame is None or _holds(_slab(frame), box)) \
            and _holds_its_own(moved, keep) \
            and (nudge >= _NUDGES[1] or _holds_its_own(moved, least))

    out = _move_sides(list(slabs), None, nudges, fits, score, best)
    if wide is not None and ways[1] and beside and _runs_along(out, beside):
        out = _further_out(slabs, out, lines, beside, wide, frame, keep)
    return out


def _extent(slabs: list[Slab], grow: float) -> tuple[float, float, float, float]:
    """The top, bottom, left and right of the rows ``slabs``, ``grow`` units out."""
    return (min(s[0] for s in slabs) - grow, max(s[1] for s in slabs) + grow,
            min(s[2] for s in slabs) - grow, max(s[3] for s in slabs) + grow)


def _near(lines: Lines, extent: tuple[float, float, float, float]) -> Lines:
    """The level and upright ``lines`` that reach into ``extent`` (top, bottom, left,
    right): those an outline there may come beside."""
    y0, y1, x0, x1 = extent
    return ([s for s in lines[0] if y0 <= s[0] <= y1 and s[1] <= x1 and s[2] >= x0],
            [s for s in lines[1] if x0 <= s[0] <= x1 and s[1] <= y1 and s[2] >= y0])


def _move_sides(out: list[Slab], origin: list[Slab] | None, nudges: Sequence[float],
                fits: Callable[[Slab, Box, float], bool],
                score: Callable[[list[Slab]], float], best: float) -> list[Slab]:
    """``out`` with each side of each row moved in turn by the one of ``nudges`` (out
    positive) that ``fits`` (the row moved, its box, the nudge) and lowers ``score``
    below ``best`` most, greedily, side by side; each nudge from where the side stands in
    ``origin`` (else in ``out`` as the side's turn comes)."""
    for k in range(len(out)):
        for side in range(4):
            sign = -1.0 if side in (0, 2) else 1.0  # y0 and x0 move out by going down
            start = out[k]
            base = (start if origin is None else origin[k])[side]
            for nudge in nudges:
                trial = list(start)
                trial[side] = base + sign * nudge
                moved: Slab = (trial[0], trial[1], trial[2], trial[3])
                box = Box(moved[2], moved[0], moved[3] - moved[2], moved[1] - moved[0])
                if not fits(moved, box, nudge):
                    continue
                candidate = [*out[:k], moved, *out[k + 1:]]
                got = score(candidate)
                if got < best:
                    best, out = got, candidate
    return out


def _runs_along(slabs: list[Slab], beside: Emotional) -> bool:
    """True when a segment of ``beside`` runs along an edge of the outline of ``slabs``
    (see :func:`.lines_along_outlines`)."""
    edges = line_segments([*(outline := slab_outline(slabs)), outline[0]])
    return any(runs_along(seg, edge) for seg, _reach in beside for edge in edges)


def _further_out(slabs: list[Slab], out: list[Slab], lines: Lines, beside: Emotional,
                 wide: list[Box], frame: Box | None, keep: Sequence[Box]) -> list[Slab]:
    """``out`` (the rows of an outline moved off the lines, from ``slabs``) with a side
    moved :data:`_FURTHER` out from where it stood in ``slabs`` where that leaves less
    beside the ``lines`` and the emotional lines ``beside`` it (as :func:`_off_lines`
    measures; an emotional line running along the outline past a corner then runs
    inside it, or outside), keeping 2 units from each box of ``wide``."""
    # the lines a side moved that far may come beside
    near = _near(lines, _extent(slabs, _FURTHER[-1] + 4.0))

    def score(candidate: list[Slab]) -> float:
        outline = slab_outline(candidate)
        return along(outline, near) + beside_outline(outline, beside)

    def fits(moved: Slab, box: Box, _nudge: float) -> bool:
        return not any(box.overlaps(b, gap=2.0) for b in wide) \
            and (frame is None or _holds(_slab(frame), box)) and _holds_its_own(moved, keep)

    return _move_sides(out, slabs, _FURTHER, fits, score, score(out))


def _holds_its_own(slab: Slab, boxes: Sequence[Box]) -> bool:
    """True when ``slab`` holds each of ``boxes`` whose middle stands in its height (the
    boxes of its own row)."""
    return all(_holds(slab, b) for b in boxes if slab[0] <= (b.y + b.bottom) / 2 <= slab[1])


def _outside(boxes: list[Box], slabs: list[Slab]) -> list[Box]:
    """The ``boxes`` (a couple's dates) that keep 2 units or more from every slab."""
    return [b for b in boxes
            if not any(Box(x0, y0, x1 - x0, y1 - y0).overlaps(b, gap=2.0)
                       for y0, y1, x0, x1 in slabs)]


def _ways(sets: list[frozenset[str]], index: int,
          outlined: Collection[int]) -> tuple[bool, bool]:
    """Whether the sides of household ``index``'s outline may move in, and out: both for
    one that nests with no other outline (of the households ``outlined``: a split one's
    frames stand inside any outline round its members); for one of a nest (an outline
    round another's members, 4 units further out; of two with the same members the later
    outside), in only for the innermost and out only for the outermost, so the nest keeps
    its order."""
    mine = sets[index]
    near = [(j, sets[j]) for j in outlined if j != index]
    if not any(other <= mine or mine <= other for _j, other in near):
        return True, True
    inside = any(other < mine or (other == mine and j < index) for j, other in near)
    outside = any(mine < other or (other == mine and j > index) for j, other in near)
    return not inside, not outside


def _slab(box: Box) -> Slab:
    """``box`` as a slab ``(y0, y1, x0, x1)``."""
    return box.y, box.bottom, box.x, box.right


def _holds(slab: Slab, box: Box) -> bool:
    """True when ``box`` lies inside ``slab`` (edges may meet)."""
    y0, y1, x0, x1 = slab
    return x0 <= box.x and box.right <= x1 and y0 <= box.y and box.bottom <= y1
