"""Genogram emotional lines: per relation, the route or straight shape that crosses fewest.

Each relation has its orthogonal routes (:mod:`.genogram_relations`) and the straight
lines between its symbols (:mod:`.genogram_shapes`); here one of them is chosen per
relation, against the family lines and the relations decided before it (then again
against all the others), for :mod:`.genogram_straight` when the lanes have coordinates and
for :mod:`.genogram_repair` at the final ones. A straight line is taken where it is clear
(no one else's box, no name, no years), runs along no other line and crosses no more than
the best route; where the straight line passes through someone's box and every route
along the lanes crosses more lines than it would, a detour bending around the corners of
what stands in the way is a way too (:mod:`.genogram_detour`).

Cost: the family lines are kept sorted (:class:`.genogram_near.FamilyLines`), so a
horizontal or vertical segment counts what it crosses by binary search; the emotional lines
in a coarse grid. Boxes are found per row by binary search, only where the line passes
beside that row.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Final

from . import Point, proper_cross
from .genogram_beside import PlacedDrawn
from .genogram_clear import crowded_pairs
from .genogram_dot import LARGE
from .genogram_near import FamilyLines, LineIndex, Segment, line_segments, segment_points
from .genogram_places import Pending, Work
from .genogram_relations import drawn_half
from .genogram_route import LINE_CLEAR
from .genogram_scene import Geometry, Scene
from .genogram_shapes import (
    AIMED,
    BEND_ENDS,
    DETOUR,
    VARIANTS,
    Variant,
    beside_variants,
    detour_variants,
    few_in_way,
    narrow_detour,
    straight_path,
    wide_detours,
)
from .genogram_side_room import overfull_count, overfull_ends

__all__ = ["PORT_GAP", "choose_ways", "scene_at", "straight_crossings"]

_FIRST_DETOUR: Final = 1000
"""Where the detours' ranks begin (after the straight lines and those with one bend)."""
PORT_GAP: Final = 4.0
"""Two lines that end closer than this on one symbol would seem to share a port."""


def choose_ways(work: Work, pending: Pending, geometry: Geometry,
            detours: frozenset[int] = frozenset(),
            known: tuple[Scene, FamilyLines] | None = None, apart: bool = False
            ) -> list[tuple[int, Variant | None]]:
    """Per relation: the route that runs along fewest other lines and then crosses
    fewest lines (family lines and the other relations), and the offset of the straight
    line taken instead (``None``: the route is kept). A straight line is taken when it is
    clear (see :meth:`Scene.clear`), runs along no line and crosses no more than the best
    route; of the straight lines, the one through the centres first, then those beside it
    (two relations between one pair), then, when the line through the centres is not
    clear (mostly: it passes through the name under one of its ends), those with a level
    stub at an end (``VARIANTS``, :mod:`.genogram_shapes`). (Routes keep off the family
    lines by their lanes and corridors.)

    Relations are decided one after the other, each against those decided before it; then,
    while that changes anything (at most twice more), each again against all the others.
    The ways of a relation are tried in the order of their cost against the family lines
    alone, and no further once that cost alone is more than the best found (the other
    relations only add to it). ``known``: the scene and family lines at ``geometry``, when
    they are at hand. A straight line (or one with a bend; with ``apart``, a detour too)
    is not taken where what it draws comes too close beside the way of another relation
    between the same pair (see :func:`.genogram_clear.crowded_pairs`): two straight
    lines between one pair from different ports may close in on each other at one end.
    Where that search keeps a route though a straight way was clear, the relations are
    also decided straight first (each its straight way crossing fewest family lines),
    kept where that runs along no more lines and crosses fewer, but not where its lines
    between one pair crowd each other more while the ways it would replace cross no more
    than the lines drawn straight through the centres (a crossing too many is what the
    straight lines save; beyond that, lines on each other are the worse).
    Where a straight, bent or detour way chosen comes closer, by what both draw, than the
    clear space beside another pair's line (:mod:`.genogram_beside`; not in a large
    drawing), the ways are first decided again without such ways, kept where they then
    run along and cross no more lines.
    Where the ways chosen leave a side or top of a symbol holding more lines than it has
    room for (:mod:`.genogram_side_room`), they are decided again with each such end
    counted after the crossings, kept where they then run along and cross no more lines
    and leave fewer such ends (the other order below then counts them too).
    Either choice made again is made only where ``work.redecide`` names it (``"beside"``,
    ``"room"``), and noted in ``work.redecided`` where kept: the finished drawing is
    judged without it too (:mod:`.genogram_redecided`).
    Chosen again (``detours``: see :func:`.genogram_repair.repair_ways`), the relations
    are decided in the reverse order too, and that is kept when it runs along no more lines
    and crosses fewer: the relation decided first may take the port or corner a later one
    needed.
    """
    # the family lines are fixed: each candidate is measured once
    scene, family = known if known is not None else scene_at(work, pending, geometry)
    placed = LineIndex()  # the relations decided so far
    drawn = PlacedDrawn()  # the same, with what they draw
    ways: list[list[list[Segment]]] = []  # per relation: its routes, then clear straight lines
    offset: list[list[Variant | None]] = []
    order: list[list[tuple[tuple[int, int, tuple[int, int]], int]]] = []
    ends_used: dict[str, int] = defaultdict(int)
    widest: dict[frozenset[str], float] = defaultdict(float)  # per pair: the widest drawing
    pairs: dict[frozenset[str], int] = defaultdict(int)  # per pair: how many relations
    for place, _path in pending.relation:
        for pid in place.between:
            ends_used[pid] += 1
        pair = frozenset(place.between)
        widest[pair] = max(widest[pair], drawn_half(place.kind))
        pairs[pair] += 1
    for k, (place, _path) in enumerate(pending.relation):
        segs_k = [line_segments(scene.resolve(p)) for p in pending.relation_routes[k]]
        offset_k: list[Variant | None] = [None] * len(segs_k)
        order_k = [((sum(1 for s in segs if family.along(s)), family.crossings(segs),
                     (1, j)), j) for j, segs in enumerate(segs_k)]
        alone = all(ends_used[pid] == 1 for pid in place.between)
        half = drawn_half(place.kind)
        tried: list[list[Point]] = []
        few = False  # the line through the centres is not clear but meets few things
        variants = beside_variants(widest[frozenset(place.between)])
        shaped = next(n for n, var in enumerate(variants) if var[1:3] != (AIMED, AIMED))
        for n, var in enumerate(variants):
            if n == shaped:
                few = VARIANTS[0] not in offset_k and scene.near(place.between, tried[0],
                                                                  half)
            if var[1:3] != (AIMED, AIMED) and not few:
                break  # the line through the centres is clear, or meets many things
            if var[0] and alone and VARIANTS[0] in offset_k:
                continue  # the line through the centres is clear, no other relation ends here
            line = scene.resolve(straight_path(work, *place.between, geometry, var))
            segs = line_segments(line)
            tried.append(line)
            if len(line) >= 2 and scene.clear(place.between, line, half) \
                    and not any(family.along(s) for s in segs):
                order_k.append(((0, family.crossings(segs), (0, n)), len(segs_k)))
                segs_k.append(segs)
                offset_k.append(var)
        if all(v is None for v in offset_k) and few:
            # no straight line: one with a bend
            bent = [(0.0, ea, eb, (bend,)) for bend in scene.bends(place.between, tried, half)
                    for ea, eb in BEND_ENDS]
            for n, var in enumerate(bent, len(variants)):
                line = scene.resolve(straight_path(work, *place.between, geometry, var))
                segs = line_segments(line)
                if len(line) >= 2 and scene.clear(place.between, line, half) \
                        and not any(family.along(s) for s in segs):
                    order_k.append(((0, family.crossings(segs), (0, n)), len(segs_k)))
                    segs_k.append(segs)
                    offset_k.append(var)
        # a detour is looked for only where few boxes stand in the way (detour_variants
        # finds none elsewhere): asked first, as most long lines meet many
        if few_in_way(scene, place.between) and (
                k in detours
                or min((key[1] for key, _j in order_k if key[0] == 0), default=math.inf)
                > straight_crossings(scene, family, place.between)):
            wide = 2 * widest[frozenset(place.between)] + LINE_CLEAR \
                if pairs[frozenset(place.between)] > 1 else 0.0
            for n, (var, segs) in enumerate(detour_variants(work, scene, family, place.between,
                                                     half, wide, bool(detours)),
                                            _FIRST_DETOUR):
                order_k.append(((0, family.crossings(segs), (0, n)), len(segs_k)))
                segs_k.append(segs)
                offset_k.append(var)
        order_k.sort()
        ways.append(segs_k)
        offset.append(offset_k)
        order.append(order_k)

    ends: dict[str, dict[int, Point]] = defaultdict(dict)  # per person: placed lines' ends
    pair_of = [frozenset(place.between) for place, _path in pending.relation]
    half_of = [drawn_half(place.kind) for place, _path in pending.relation]
    centres_of = [[scene.centre(pid) for pid in place.between]
                  for place, _path in pending.relation]
    people = [(place.between, half)
              for (place, _path), half in zip(pending.relation, half_of, strict=True)]
    room = False  # whether a way's ends on a side or top without room count against it
    large = len(work.st.blocks) >= LARGE  # pairs are not decided again there (see repair_ways)

    def clashes(k: int, segs: list[Segment]) -> int:
        """How many ends of the way ``segs`` of relation ``k`` lie within ``PORT_GAP`` of
        the end of another relation on the same symbol."""
        return sum(1 for pid, (x, y) in zip(pending.relation[k][0].between,
                                            (segs[0][0], segs[-1][1]), strict=True)
                   if any(o != k and abs(x - q[0]) < PORT_GAP and abs(y - q[1]) < PORT_GAP
                          for o, q in ends[pid].items()))

    ways_placed: dict[int, list[Segment]] = {}  # per relation placed: its way

    def crowds(k: int, segs: list[Segment]) -> bool:
        """True when the way ``segs`` of relation ``k`` runs closer than what they draw
        allows beside a way placed for another relation between the same pair."""
        centres = centres_of[k]
        line = (segment_points(segs), half_of[k], centres)
        return any(crowded_pairs([line, (segment_points(other), half_of[m], centres)])
                   for m, other in ways_placed.items()
                   if m != k and other and pair_of[m] == pair_of[k])

    aware = False  # whether a way beside another pair's line is left out (see below)

    def beside(k: int, segs: list[Segment]) -> bool:
        """True when the way ``segs`` of relation ``k`` comes, by what both draw, closer
        than the clear space beside a way placed for another pair (see
        :class:`.genogram_beside.PlacedDrawn`)."""
        return drawn.beside(k, segs, half_of[k], centres_of[k], pair_of[k])

    def wide_pair(k: int) -> bool:
        """True when relation ``k``'s pair has more than one relation and wide detours
        (see :func:`.detour_variants`) for them: a narrow one need not crowd another."""
        pair = pair_of[k]
        return pairs[pair] > 1 and wide_detours(2 * widest[pair] + LINE_CLEAR)

    def keep(k: int, segs: list[Segment]) -> None:
        ways_placed[k] = segs
        placed.add(segs, k)
        if not large:
            drawn.add(k, segs, half_of[k], centres_of[k], pair_of[k])
        for pid, end in zip(pending.relation[k][0].between, (segs[0][0], segs[-1][1]),
                            strict=True):
            ends[pid][k] = end

    def forget(k: int) -> None:
        ways_placed.pop(k, None)
        placed.remove(k)
        if not large:
            drawn.remove(k)
        for pid in pending.relation[k][0].between:
            ends[pid].pop(k, None)

    def close(k: int, j: int) -> int:
        """1 when way ``j`` of relation ``k`` is a narrow detour too close beside another
        way between its pair where wide ones were offered (see :func:`wide_pair`), in the
        drawing's last touches only (``Work.polish``); else 0."""
        var = offset[k][j]
        return int(work.polish and var is not None and not apart and narrow_detour(var)
                   and wide_pair(k) and crowds(k, ways[k][j]))

    def best(k: int, routes_only: bool) -> int:
        """The way of relation ``k`` that runs along and crosses fewest lines (of two
        that run along and cross as many, not a narrow detour too close beside another
        between its pair, where wide ones were offered: see :func:`close`). Whether a way
        is too close is asked only of ways that tie (it measures the lines beside it)."""
        found: tuple[tuple[int, int, int], tuple[int, int], int] | None = None
        found_close: int | None = None  # of the way found, once asked
        for (along, crossed, rank), j in order[k]:
            if found is not None and (along, crossed) >= found[0][:2]:
                # this way and the later ones cost at least as much: past the ties
                if (along, crossed) > found[0][:2]:
                    break
                if rank > found[1] and not found[0][2]:
                    if found_close is None:
                        found_close = close(k, found[2])
                    if not found_close:
                        break
            if routes_only and offset[k][j] is not None:
                continue
            shared = clashes(k, ways[k][j])
            if offset[k][j] is not None and shared:
                continue  # a straight line has ports of its own
            more_along, more_crossed = placed.measure(ways[k][j], k)
            if offset[k][j] is not None and more_along:
                continue  # a straight line never runs along another
            var = offset[k][j]
            if var is not None and (apart or var[1] != DETOUR) and crowds(k, ways[k][j]):
                continue  # nor too close beside another between its pair
            if var is not None and aware and beside(k, ways[k][j]):
                continue  # nor, by what both draw, beside another pair's line
            over = overfull_ends(scene.centre, people, k, ways[k][j], ends, ways_placed) \
                if room else 0
            cost = (along + more_along + shared, crossed + more_crossed, over)
            if found is None or cost < found[0]:
                found, found_close = (cost, rank, j), None
            elif cost == found[0]:
                if found_close is None:
                    found_close = close(k, found[2])
                mine = close(k, j)
                if (mine, rank) < (found_close, found[1]):
                    found, found_close = (cost, rank, j), mine
        assert found is not None  # every relation has a route
        return found[2]

    def search(first: Callable[[int], int], rounds: int,
               turn: Sequence[int] = range(len(ways))) -> list[int]:
        """Each relation's way: at first as ``first`` says, decided one after the other
        (in the order ``turn``), then again against all the others while that changes
        anything (at most ``rounds`` times)."""
        nonlocal placed, drawn, ends, ways_placed
        placed, drawn, ends, ways_placed = LineIndex(), PlacedDrawn(), defaultdict(dict), {}
        chosen = [0] * len(ways)
        for k in turn:
            chosen[k] = first(k)
            keep(k, ways[k][chosen[k]])
        for _round in range(rounds):
            changed = False
            for k in turn:
                forget(k)
                j = best(k, False)
                changed = changed or j != chosen[k]
                chosen[k] = j
                keep(k, ways[k][j])
            if not changed:
                break
        if rounds and not large:
            _decide_pairs_again(chosen)
        return chosen

    def _decide_pairs_again(chosen: list[int]) -> None:
        """Two relations whose ways cross each other decided again, the later one first:
        decided one after the other, the first may take the way the second needed (round
        a corner nearest it, the other beside it and across it: the line to the nearer of
        two people beyond one box bent round it outside the line to the farther one), and
        deciding each again against the other keeps that.
        Kept when the ways then run along no more lines and cross fewer. Only for two
        relations with one end in common, each drawn straight or round corners before and
        after: two between one pair stand side by side and nest by their own rules, and a
        route moves once the lanes not taken are freed, so what is saved here on a route
        may be lost there (a generated family crossed 12 times instead of 9)."""
        for k, m in itertools.combinations(range(len(ways)), 2):
            now_k, now_m = ways[k][chosen[k]], ways[m][chosen[m]]
            ends_k, ends_m = set(pending.relation[k][0].between), \
                set(pending.relation[m][0].between)
            if len(ends_k & ends_m) != 1 or offset[k][chosen[k]] is None \
                    or offset[m][chosen[m]] is None \
                    or not any(proper_cross(s, t) for s in now_k for t in now_m):
                continue
            before = cost(chosen)
            old = chosen[k], chosen[m]
            forget(k)
            forget(m)
            chosen[m] = best(m, False)
            keep(m, ways[m][chosen[m]])
            chosen[k] = best(k, False)
            keep(k, ways[k][chosen[k]])
            after = cost(chosen)
            if after[0] <= before[0] and after[1] < before[1] \
                    and offset[k][chosen[k]] is not None and offset[m][chosen[m]] is not None:
                continue
            forget(k)
            forget(m)
            chosen[k], chosen[m] = old
            keep(k, ways[k][chosen[k]])
            keep(m, ways[m][chosen[m]])

    def cost(chosen: list[int]) -> tuple[int, int]:
        """How many lines the ways ``chosen`` (all placed) run along and cross in all."""
        along = crossed = 0
        for k, j in enumerate(chosen):
            (alone_along, alone_crossed, _rank), _j = next(e for e in order[k] if e[1] == j)
            more_along, more_crossed = placed.measure(ways[k][j], k)
            along += alone_along + more_along
            crossed += 2 * alone_crossed + more_crossed  # crossings of two relations twice
        return along, crossed

    def crowded(chosen: list[int]) -> int:
        """How many pairs of the ways ``chosen`` between one pair of people run closer
        beside each other than what they draw allows (see :func:`crowds`)."""
        groups: dict[frozenset[str], list[int]] = defaultdict(list)
        for k, pair in enumerate(pair_of):
            groups[pair].append(k)
        total = 0
        for ks in groups.values():
            if len(ks) < 2:
                continue
            centres = centres_of[ks[0]]
            total += crowded_pairs([(segment_points(ways[k][chosen[k]]), half_of[k], centres)
                                    for k in ks if ways[k][chosen[k]]])
        return total

    def straight_cost() -> int:
        """What :func:`cost` counts as crossed for every relation drawn straight through
        the centres of its two symbols."""
        through = LineIndex()
        crossed = 0
        for k, (place, _path) in enumerate(pending.relation):
            segs = [(scene.centre(place.between[0]), scene.centre(place.between[1]))]
            crossed += 2 * family.crossings(segs) + through.crossings(segs)
            through.add(segs, k)
        return crossed

    def straight_first(k: int) -> int:
        """The straight way of relation ``k`` that crosses fewest family lines."""
        for _key, j in order[k]:
            var = offset[k][j]
            if var is not None and not clashes(k, ways[k][j]) \
                    and not placed.measure(ways[k][j], k)[0]:
                return j
        return best(k, False)

    chosen = search(functools.partial(best, routes_only=False), 2)
    if "beside" in work.redecide and not large \
            and any(offset[k][j] is not None and beside(k, ways[k][j])
                    for k, j in enumerate(chosen)):
        # a way not routed beside another pair's line: decided again without such ways,
        # kept where that runs along and crosses no more lines (not in a large drawing,
        # as pairs are not decided again there)
        kept, before = (placed, drawn, ends, ways_placed), cost(chosen)
        aware = True
        chosen_aware = search(functools.partial(best, routes_only=False), 2)
        after = cost(chosen_aware)
        if after[0] <= before[0] and after[1] <= before[1]:
            note_redecided(work, pending, "beside", chosen, chosen_aware)
            chosen = chosen_aware  # the choices below leave such ways out too
        else:
            aware = False
            placed, drawn, ends, ways_placed = kept
    if any(offset[k][j] is None and any(v is not None for v in offset[k])
           for k, j in enumerate(chosen)):  # a route where a straight way was clear
        kept, before = (placed, drawn, ends, ways_placed), cost(chosen)
        chosen_straight = search(straight_first, 0)
        after = cost(chosen_straight)
        # better in both, unless its lines between one pair crowd each other more where
        # the ways kept cross no more than the lines drawn straight through the centres
        if after[0] <= before[0] and after[1] < before[1] \
                and not (before[1] <= straight_cost()
                         and crowded(chosen_straight) > crowded(chosen)):
            chosen = chosen_straight
        else:
            placed, drawn, ends, ways_placed = kept
    now = overfull_count(scene.centre, people, chosen, ways, ends, ways_placed)
    if now and "room" in work.redecide:
        # a side or top holding more lines than it has room for: decided again
        kept, before, room = (placed, drawn, ends, ways_placed), cost(chosen), True
        chosen_room = search(functools.partial(best, routes_only=False), 2)
        after = cost(chosen_room)
        fewer = overfull_count(scene.centre, people, chosen_room, ways, ends, ways_placed) < now
        if after[0] <= before[0] and after[1] <= before[1] and fewer:
            note_redecided(work, pending, "room", chosen, chosen_room)
            chosen = chosen_room  # the other order below counts them too
        else:
            room = False
            placed, drawn, ends, ways_placed = kept
    if detours and len(ways) > 1:
        # decided in the other order: a relation decided early may take the port or the
        # corner a later one needed, where the other way round both find one
        kept, before = (placed, drawn, ends, ways_placed), cost(chosen)
        chosen_back = search(functools.partial(best, routes_only=False), 2,
                             range(len(ways) - 1, -1, -1))
        after = cost(chosen_back)
        if after[0] <= before[0] and after[1] < before[1]:
            chosen = chosen_back
        else:
            placed, drawn, ends, ways_placed = kept
    room = False  # the routes to fall back on as before
    out: list[tuple[int, Variant | None]] = []
    for k, j in enumerate(chosen):
        if offset[k][j] is None:
            out.append((j, None))
            continue
        forget(k)  # the route to fall back on, should the straight line meet a line later
        out.append((best(k, True), offset[k][j]))
        keep(k, ways[k][j])
    return out


def note_redecided(work: Work, pending: Pending, which: str, before: list[int],
                   after: list[int]) -> None:
    """Note on ``work`` that the choice made again ``which`` was kept, and the relations
    whose ways it changed from ``before`` to ``after``: the finished drawing is judged
    without it where those lines cross or crowd (:mod:`.genogram_redecided`)."""
    work.redecided.add(which)
    work.redecided_lines.update(pending.relation[k][0].index
                                for k, (j, i) in enumerate(zip(before, after, strict=True))
                                if j != i)


def scene_at(work: Work, pending: Pending, geometry: Geometry) -> tuple[Scene, FamilyLines]:
    """The scene and the family lines at ``geometry``: they hold for every emotional line
    chosen there (they see only boxes and family lines)."""
    scene = Scene(work, pending, geometry)
    return scene, FamilyLines(scene.structural)


def straight_crossings(scene: Scene, family: FamilyLines, ends: tuple[str, str]) -> int:
    """How many family lines the line between the centres of the symbols of ``ends``
    crosses: the most the relation's line should."""
    return family.crossings([(scene.centre(ends[0]), scene.centre(ends[1]))])
