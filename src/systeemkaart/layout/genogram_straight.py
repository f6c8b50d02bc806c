"""Genogram emotional lines drawn straight where that reads best.

A relation is first routed orthogonally (:mod:`.genogram_relations`). Once rows and lanes
have coordinates, each relation in turn takes the straight line between its two symbols
when that line passes no one else's box, no name and no years, runs along no other line,
and crosses no more lines than its route does (family lines and the relations decided
before it); otherwise it keeps its route. The lanes of relations drawn straight are freed,
so bands get lower; the straight lines are then checked again at the new coordinates, and
one that now meets a box or a line, or crosses more family lines than its route, goes back
to its route (of two that have come to run along each other, only one; repeated until
nothing changes: each round sends at least one relation back, so there are at most as many
rounds as relations, and usually one).

Where the straight line passes through someone's box and every route along the lanes
crosses more lines than it would, a detour bending around the corners of what stands in
the way is a way too (:mod:`.genogram_detour`). Once the drawing has its final
coordinates, routes over one row between one pair nest (:func:`.nest_routes`); and when
the emotional lines then cross more lines in all (family lines and each other) than they
would drawn straight between their symbols, the choice is made once more at those
coordinates, with detours for every line, and kept when it crosses fewer (``_repair``);
last, routes leaving one side (or the top) of a symbol swap or move ports where that
crosses fewer lines (:mod:`.genogram_untangle`).

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
from collections.abc import Callable
from typing import Final

from . import Point, proper_cross
from .genogram_detour import detour, detour_path
from .genogram_dot import LARGE
from .genogram_near import FamilyLines, LineIndex, Segment, line_segments
from .genogram_outline import along as outline_point
from .genogram_outline import exit_distance, reach
from .genogram_places import (
    MID,
    SYMBOL,
    Pending,
    Work,
    row_ref,
    small_kind,
)
from .genogram_relations import drawn_half, nest_routes, repack_side_ports, top_point
from .genogram_route import RefPoint
from .genogram_scene import Geometry, Scene
from .genogram_untangle import untangle_ends

__all__ = ["straighten_relations"]

_OFFSETS: Final[tuple[float, ...]] = (0.0, 9.0, -9.0)
"""Where a straight line may run beside the line through the two centres: far enough from
it that two lines between one pair are not taken for one (further between lines that draw
wider, see :func:`_beside`)."""
_BESIDE_CLEAR: Final = 5.0
"""Clear space between what two straight lines between one pair draw, side by side."""
_BESIDE_MOST: Final = 13.5
"""The furthest a straight line runs beside the centres' line (a circle's outline, 17 from
its centre, is met at no glancing angle)."""
Variant = tuple[float, int, int, tuple[RefPoint, ...]]
"""A straight line's offset beside the centres' line (``_OFFSETS``), how it leaves each end
(``_AIMED``, ``_STUB``, ``_TOP_NEAR``, ``_TOP_FAR``, ``_DETOUR``) and the points where it
bends (none, or one; several for a detour)."""
_AIMED, _STUB, _TOP_NEAR, _TOP_FAR, _DETOUR = 0, 1, 2, 3, 4
"""How a line leaves a symbol: aimed at its centre; level out of the middle of the side
facing where it goes, to just beyond the box (past the name under the symbol), then on;
out of the top at the port near the centre line or the far one on that side (the child
line arrives at the centre); aimed at the first bend of a detour (:mod:`.genogram_detour`),
beside the centres' line by the variant's offset."""
_TOP_PORTS: Final = {_TOP_NEAR: 8.5, _TOP_FAR: 15.0}
"""Offsets from the centre line of the ports on a symbol's top (as routes use them)."""
_BEND_ENDS: Final = ((_AIMED, _AIMED), (_AIMED, _TOP_NEAR), (_TOP_NEAR, _AIMED))
"""How a line with a bend may leave its ends."""
_STUB_GAP: Final = 5.0
"""How far beyond its own box (the symbol and the name under it) a stub takes a line."""
_ENDS: Final = (_AIMED, _STUB, _TOP_NEAR, _TOP_FAR)
_VARIANTS: Final[tuple[Variant, ...]] = (
    *((off, _AIMED, _AIMED, ()) for off in _OFFSETS),
    *((0.0, ea, eb, ()) for ea in _ENDS for eb in _ENDS if ea or eb),
)
"""The straight lines tried, in order of preference: through the centres, beside them, and
from a port of their own at one or both ends (the line through the centres would pass
through its own end's name, or run along the child line into a symbol's top)."""
_DETOUR_LANES: Final[tuple[float, ...]] = (0.0, 9.0, 18.0)
"""How much further out than the first a detour may turn at each corner: lines around one
corner keep apart."""
_DETOUR_MOST: Final = 6
"""A detour is looked for only around at most this many boxes in the straight line's way
(more: the search would cost much, and the line would wind)."""
_PORTS: Final[tuple[float, ...]] = (0.0, 6.0, -6.0)
"""Where a detour leaves a symbol: aimed at the centre, or beside that line (a second
relation between one pair), on either side: the ends of lines that turn further out
around a corner may have to lie further left at one end and further right at the other,
or the lines would close in on each other there."""
_DETOUR_PORTS: Final = tuple(itertools.product(_PORTS, _PORTS))
_DETOUR_ENDS: Final = tuple(_DETOUR + _PORTS.index(off_b) for _off_a, off_b in _DETOUR_PORTS)
"""A detour's end at ``b`` is ``_DETOUR`` plus the index of its port there in ``_PORTS``
(its port at ``a`` is the variant's offset)."""
_FIRST_DETOUR: Final = 1000
"""Where the detours' ranks begin (after the straight lines and those with one bend)."""
_PORT_GAP: Final = 4.0
"""Two lines that end closer than this on one symbol would seem to share a port."""


def straighten_relations(work: Work, pending: Pending, geometry: Geometry,
                         regeometry: Callable[[], Geometry]) -> Geometry:
    """Give each relation the route that crosses fewest lines, or the straight line where
    that is clear and crosses no more (see the module docstring); returns the geometry
    once the lanes of the routes not taken are freed."""
    choice = _choose(work, pending, geometry)
    for k, (best, off) in enumerate(choice):
        for j, path in enumerate(pending.relation_routes[k]):
            if j != best or off is not None:
                _release(work, path, True)
        pending.relation[k] = (pending.relation[k][0], pending.relation_routes[k][best])
    drawn = [k for k, (_best, var) in enumerate(choice) if var is None]
    packed = repack_side_ports(work, [(pending.relation[k][0].between, pending.relation[k][1])
                                      for k in drawn],
                               [drawn_half(pending.relation[k][0].kind) for k in drawn])
    for k, path in zip(drawn, packed, strict=True):
        pending.relation[k] = (pending.relation[k][0], path)
    routes = [path for _, path in pending.relation]
    chosen = {k for k, (_best, var) in enumerate(choice) if var is not None}
    while True:
        geometry = regeometry()
        if not chosen:
            nest_routes(work, pending.relation, geometry[1])
            scene, family = _repair(work, pending, geometry)
            untangle_ends(work, pending, scene, family)
            return geometry
        scene = Scene(work, pending, geometry)
        straight_paths = {k: _straight(work, *pending.relation[k][0].between, geometry,
                                       choice[k][1] or _VARIANTS[0]) for k in chosen}
        lines = [scene.resolve(straight_paths.get(k, path)) for k, path in enumerate(routes)]
        family = FamilyLines(scene.structural)
        bad = _going_back(scene, family, chosen, lines,
                          [scene.resolve(path) for path in routes],
                          [(place.between, drawn_half(place.kind))
                           for place, _path in pending.relation])
        if not bad:
            for k, path in straight_paths.items():
                pending.relation[k] = (pending.relation[k][0], path)
            nest_routes(work, pending.relation, geometry[1])
            _repair(work, pending, geometry, (scene, family))
            untangle_ends(work, pending, scene, family)
            return geometry
        for k in bad:
            _release(work, routes[k], False)
        chosen -= bad


def _going_back(scene: Scene, family: FamilyLines, chosen: set[int], lines: list[list[Point]],
                routes: list[list[Point]], ends: list[tuple[tuple[str, str], float]]
                ) -> set[int]:
    """The relations of ``chosen`` (drawn straight or round what stands in the way, as
    ``lines``) that go back to their routes (``routes``) at this geometry: those that now
    meet a box or run along a family line, and of those that run along another emotional
    line, one at a time until none does (the one whose route crosses the fewest family
    lines more than its line first, the others checked again against the route taken):
    of two lines that have come to run along each other, one may stay. A line that now
    crosses more family lines than its route goes back too. ``ends``: per relation, its
    two people and half the width of what it draws."""
    bad = {k for k in chosen if not scene.clear(ends[k][0], lines[k], ends[k][1])
           or any(family.along(s) for s in line_segments(lines[k]))
           or family.crossings(line_segments(lines[k]))
           > family.crossings(line_segments(routes[k]))}
    drawn = [routes[k] if k in bad else pts for k, pts in enumerate(lines)]
    others = LineIndex()
    for k, pts in enumerate(drawn):
        others.add(line_segments(pts), k)

    def along(k: int) -> bool:
        return any(others.along(s, k) for s in line_segments(drawn[k]))

    meeting = sorted((family.crossings(line_segments(routes[k]))
                      - family.crossings(line_segments(lines[k])), k)
                     for k in chosen - bad if along(k))
    for _more, k in meeting:
        if along(k):
            bad.add(k)
            others.remove(k)
            drawn[k] = routes[k]
            others.add(line_segments(drawn[k]), k)
    return bad


def _repair(work: Work, pending: Pending, geometry: Geometry,
            known: tuple[Scene, FamilyLines] | None = None) -> tuple[Scene, FamilyLines]:
    """When the emotional lines as drawn cross more lines in all than they would drawn
    straight between their symbols (the drawing moved once the lanes not used were freed,
    so what crossed least before may not now), choose again at this geometry among each
    line as it is, the straight lines, lines with a bend and detours (for every line with
    few boxes in its way: a line may have to give way for another to go round), and keep
    that when it crosses fewer in all; nothing is chosen again when no line has a detour
    to try. The lanes of routes given up keep their room: freeing them would move
    the drawing again. ``known``: the scene and family lines at this
    geometry, when they are at hand. Returns them (the family lines stay as they were: both
    hold at this geometry after the repair too). Not in a drawing of ``LARGE`` blocks or
    more: choosing again costs as much as the first choice, and on the generated families
    of 3,000 and 6,000 people it crossed no fewer (bench/bench_genogram.py)."""
    if len(work.st.blocks) >= LARGE:
        return known if known is not None else _scene(work, pending, geometry)
    scene, family = known if known is not None else _scene(work, pending, geometry)
    near = frozenset(k for k, (place, _path) in enumerate(pending.relation)
                     if _few_in_way(scene, place.between))
    if not near:
        return scene, family  # no detour to try: the choice at the earlier geometry stands
    lines = [scene.resolve(path) for _place, path in pending.relation]
    straight = [[scene.centre(place.between[0]), scene.centre(place.between[1])]
                for place, _path in pending.relation]
    now = _total(family, lines)
    if now <= _total(family, straight):
        return scene, family
    routes = pending.relation_routes
    pending.relation_routes = [[path] for _place, path in pending.relation]
    choice = _choose(work, pending, geometry, near, (scene, family))
    paths = [_straight(work, *place.between, geometry, var) if var is not None else path
             for (place, path), (_j, var) in zip(pending.relation, choice, strict=True)]
    pending.relation_routes = routes
    if _total(family, [scene.resolve(path) for path in paths]) < now:
        pending.relation = [(place, path) for (place, _old), path
                            in zip(pending.relation, paths, strict=True)]
    return scene, family


def _scene(work: Work, pending: Pending, geometry: Geometry) -> tuple[Scene, FamilyLines]:
    """The scene and the family lines at ``geometry``: they hold for every emotional line
    chosen there (they see only boxes and family lines)."""
    scene = Scene(work, pending, geometry)
    return scene, FamilyLines(scene.structural)


def _total(family: FamilyLines, lines: list[list[Point]]) -> int:
    """How many times the ``lines`` cross family lines and each other."""
    placed = LineIndex()
    total = 0
    for k, points in enumerate(lines):
        segs = line_segments(points)
        total += family.crossings(segs) + placed.crossings(segs)
        placed.add(segs, k)
    return total


def _straight_crossings(scene: Scene, family: FamilyLines, ends: tuple[str, str]) -> int:
    """How many family lines the line between the centres of the symbols of ``ends``
    crosses: the most the relation's line should."""
    return family.crossings([(scene.centre(ends[0]), scene.centre(ends[1]))])


def _few_in_way(scene: Scene, ends: tuple[str, str]) -> bool:
    """True when the straight line between the symbols of ``ends`` passes at most
    ``_DETOUR_MOST`` boxes: a detour around them is looked for."""
    found = scene.blockers(ends, scene.centre(ends[0]), scene.centre(ends[1]))
    return len(list(itertools.islice(found, _DETOUR_MOST + 1))) <= _DETOUR_MOST


def _detours(work: Work, scene: Scene, family: FamilyLines, ends: tuple[str, str],
             half: float) -> list[tuple[Variant, list[Segment]]]:
    """The detours around the boxes in the way of the straight line between ``ends`` (see
    :mod:`.genogram_detour`), close to the corners and further out (``_DETOUR_LANES``),
    each from the ports ``_PORTS``, that are clear and run along no family line, with
    their segments. ``half``: half the width of what the line draws (see
    :meth:`.Scene.blockers`)."""
    a, b = ends
    centres = (scene.centre(a), scene.centre(b))

    def outline(end: int, towards: Point) -> Point:
        (x, y), pid = centres[end], ends[end]
        length = math.dist((x, y), towards)
        if length == 0:
            return x, y
        ux, uy = (towards[0] - x) / length, (towards[1] - y) / length
        t = reach(work, pid, ux, uy)
        return x + ux * t, y + uy * t

    if not _few_in_way(scene, ends):
        return []  # a line across much of the drawing: routed along the lanes
    corners = detour(*centres, outline, functools.partial(scene.blockers, ends, half=half),
                     family.crossings, family.along)
    if corners is None:
        return []
    row_top = scene.row_top
    out: list[tuple[Variant, list[Segment]]] = []
    for out_by in _DETOUR_LANES:
        bends = tuple((x + sx * out_by, row_ref(row, y + sy * out_by - row_top[row]))
                      for x, y, row, sx, sy in corners)
        for (off_a, off_b), end_b in zip(_DETOUR_PORTS, _DETOUR_ENDS, strict=True):
            var = (off_a, _DETOUR, end_b, bends)
            line = scene.resolve(detour_path(work, a, b, row_top, (off_a, off_b), bends))
            segs = line_segments(line)
            if len(line) >= 2 and scene.clear(ends, line, half) \
                    and not any(family.along(s) for s in segs):
                out.append((var, segs))
    return out


def _release(work: Work, path: list[RefPoint], unused: bool) -> None:
    router = work.router
    assert router is not None
    for _x, ref in path:
        if ref[0] == "lane":
            router.release(ref, unused)


def _choose(work: Work, pending: Pending, geometry: Geometry,
            detours: frozenset[int] = frozenset(),
            known: tuple[Scene, FamilyLines] | None = None
            ) -> list[tuple[int, Variant | None]]:
    """Per relation: the route that runs along fewest other lines and then crosses
    fewest lines (family lines and the other relations), and the offset of the straight
    line taken instead (``None``: the route is kept). A straight line is taken when it is
    clear (see :meth:`Scene.clear`), runs along no line and crosses no more than the best
    route; of the straight lines, the one through the centres first, then those beside it
    (``_OFFSETS``: two relations between one pair), then, when the line through the centres
    is not clear (mostly: it passes through the name under one of its ends), those with a
    level stub at an end (``_VARIANTS``). (Routes keep off the family lines by their lanes
    and corridors.)

    Relations are decided one after the other, each against those decided before it; then,
    while that changes anything (at most twice more), each again against all the others.
    The ways of a relation are tried in the order of their cost against the family lines
    alone, and no further once that cost alone is more than the best found (the other
    relations only add to it). ``known``: the scene and family lines at ``geometry``, when
    they are at hand.
    """
    # the family lines are fixed: each candidate is measured once
    scene, family = known if known is not None else _scene(work, pending, geometry)
    placed = LineIndex()  # the relations decided so far
    ways: list[list[list[Segment]]] = []  # per relation: its routes, then clear straight lines
    offset: list[list[Variant | None]] = []
    order: list[list[tuple[tuple[int, int, tuple[int, int]], int]]] = []
    ends_used: dict[str, int] = defaultdict(int)
    widest: dict[frozenset[str], float] = defaultdict(float)  # per pair: the widest drawing
    for place, _path in pending.relation:
        for pid in place.between:
            ends_used[pid] += 1
        pair = frozenset(place.between)
        widest[pair] = max(widest[pair], drawn_half(place.kind))
    for k, (place, _path) in enumerate(pending.relation):
        segs_k = [line_segments(scene.resolve(p)) for p in pending.relation_routes[k]]
        offset_k: list[Variant | None] = [None] * len(segs_k)
        order_k = [((sum(1 for s in segs if family.along(s)), family.crossings(segs), (1, j)), j)
                   for j, segs in enumerate(segs_k)]
        alone = all(ends_used[pid] == 1 for pid in place.between)
        half = drawn_half(place.kind)
        tried: list[list[Point]] = []
        few = False  # the line through the centres is not clear but meets few things
        variants = _beside(widest[frozenset(place.between)])
        shaped = next(n for n, var in enumerate(variants) if var[1:3] != (_AIMED, _AIMED))
        for n, var in enumerate(variants):
            if n == shaped:
                few = _VARIANTS[0] not in offset_k and scene.near(place.between, tried[0],
                                                                  half)
            if var[1:3] != (_AIMED, _AIMED) and not few:
                break  # the line through the centres is clear, or meets many things
            if var[0] and alone and _VARIANTS[0] in offset_k:
                continue  # the line through the centres is clear, no other relation ends here
            line = scene.resolve(_straight(work, *place.between, geometry, var))
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
                    for ea, eb in _BEND_ENDS]
            for n, var in enumerate(bent, len(variants)):
                line = scene.resolve(_straight(work, *place.between, geometry, var))
                segs = line_segments(line)
                if len(line) >= 2 and scene.clear(place.between, line, half) \
                        and not any(family.along(s) for s in segs):
                    order_k.append(((0, family.crossings(segs), (0, n)), len(segs_k)))
                    segs_k.append(segs)
                    offset_k.append(var)
        if k in detours or \
                min((key[1] for key, _j in order_k if key[0] == 0), default=math.inf) \
                > _straight_crossings(scene, family, place.between):
            for n, (var, segs) in enumerate(_detours(work, scene, family, place.between,
                                                     half), _FIRST_DETOUR):
                order_k.append(((0, family.crossings(segs), (0, n)), len(segs_k)))
                segs_k.append(segs)
                offset_k.append(var)
        order_k.sort()
        ways.append(segs_k)
        offset.append(offset_k)
        order.append(order_k)

    ends: dict[str, dict[int, Point]] = defaultdict(dict)  # per person: placed lines' ends
    large = len(work.st.blocks) >= LARGE  # pairs are not decided again there (see _repair)

    def clashes(k: int, segs: list[Segment]) -> int:
        """How many ends of the way ``segs`` of relation ``k`` lie within ``_PORT_GAP`` of
        the end of another relation on the same symbol."""
        return sum(1 for pid, (x, y) in zip(pending.relation[k][0].between,
                                            (segs[0][0], segs[-1][1]), strict=True)
                   if any(o != k and abs(x - q[0]) < _PORT_GAP and abs(y - q[1]) < _PORT_GAP
                          for o, q in ends[pid].items()))

    def keep(k: int, segs: list[Segment]) -> None:
        placed.add(segs, k)
        for pid, end in zip(pending.relation[k][0].between, (segs[0][0], segs[-1][1]),
                            strict=True):
            ends[pid][k] = end

    def forget(k: int) -> None:
        placed.remove(k)
        for pid in pending.relation[k][0].between:
            ends[pid].pop(k, None)

    def best(k: int, routes_only: bool) -> int:
        """The way of relation ``k`` that runs along and crosses fewest lines."""
        found: tuple[tuple[int, int, tuple[int, int]], int] | None = None
        for (along, crossed, rank), j in order[k]:
            if found is not None and (along, crossed, rank) > found[0]:
                break  # this way and the later ones cost at least as much
            if routes_only and offset[k][j] is not None:
                continue
            shared = clashes(k, ways[k][j])
            if offset[k][j] is not None and shared:
                continue  # a straight line has ports of its own
            more_along, more_crossed = placed.measure(ways[k][j], k)
            if offset[k][j] is not None and more_along:
                continue  # a straight line never runs along another
            key = (along + more_along + shared, crossed + more_crossed, rank)
            if found is None or key < found[0]:
                found = (key, j)
        assert found is not None  # every relation has a route
        return found[1]

    def search(first: Callable[[int], int], rounds: int) -> list[int]:
        """Each relation's way: at first as ``first`` says, decided one after the other,
        then again against all the others while that changes anything (at most
        ``rounds`` times)."""
        nonlocal placed, ends
        placed, ends = LineIndex(), defaultdict(dict)
        chosen: list[int] = []
        for k in range(len(ways)):
            chosen.append(first(k))
            keep(k, ways[k][chosen[k]])
        for _round in range(rounds):
            changed = False
            for k in range(len(ways)):
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

    def straight_first(k: int) -> int:
        """The straight way of relation ``k`` that crosses fewest family lines."""
        for _key, j in order[k]:
            if offset[k][j] is not None and not clashes(k, ways[k][j]) \
                    and not placed.measure(ways[k][j], k)[0]:
                return j
        return best(k, False)

    chosen = search(functools.partial(best, routes_only=False), 2)
    if any(offset[k][j] is None and any(v is not None for v in offset[k])
           for k, j in enumerate(chosen)):  # a route where a straight way was clear
        kept, before = (placed, ends), cost(chosen)
        chosen_straight = search(straight_first, 0)
        after = cost(chosen_straight)
        if after[0] <= before[0] and after[1] < before[1]:  # better in both
            chosen = chosen_straight
        else:
            placed, ends = kept
    out: list[tuple[int, Variant | None]] = []
    for k, j in enumerate(chosen):
        if offset[k][j] is None:
            out.append((j, None))
            continue
        forget(k)  # the route to fall back on, should the straight line meet a line later
        out.append((best(k, True), offset[k][j]))
        keep(k, ways[k][j])
    return out


def _beside(widest: float) -> tuple[Variant, ...]:
    """The straight lines tried (``_VARIANTS``) for a relation whose pair's widest line
    draws ``widest`` either side: when lines ``_OFFSETS`` apart would come closer than
    ``_BESIDE_CLEAR``, first those beside the centres' line far enough apart for that (as
    far as a symbol allows, ``_BESIDE_MOST``), then the usual ones."""
    apart = min(2 * widest + _BESIDE_CLEAR, _BESIDE_MOST)
    if apart <= _OFFSETS[1]:
        return _VARIANTS
    first = len(_OFFSETS)
    return (_VARIANTS[0], (apart, _AIMED, _AIMED, ()), (-apart, _AIMED, _AIMED, ()),
            *_VARIANTS[1:first], *_VARIANTS[first:])


def _straight(work: Work, a: str, b: str, geometry: Geometry,
              variant: Variant = _VARIANTS[0]) -> list[RefPoint]:
    """The straight line from the outline of ``a``'s symbol to that of ``b``'s, aimed at
    the centres (or beside that line, or with a stub at an end: see ``Variant``), in
    row-relative coordinates; empty when there is none."""
    offset, end_a, end_b, bends = variant
    if end_a == _DETOUR:
        return detour_path(work, a, b, geometry[0], (offset, _PORTS[end_b - _DETOUR]), bends)
    if bends or end_a or end_b:
        return _shaped(work, a, b, geometry, end_a, end_b, bends[0] if bends else None)
    row_top = geometry[0]
    rows = work.st.rows
    ax, bx = work.centre[a], work.centre[b]
    ay, by = row_top[rows[a]] + MID, row_top[rows[b]] + MID
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return []
    ux, uy = (bx - ax) / length, (by - ay) / length
    if offset:
        ea, eb = exit_distance(work, a, offset, ux, uy), exit_distance(work, b, -offset, -ux, -uy)
        if ea is None or eb is None:
            return []
        nx, ny = -uy * offset, ux * offset
        return [(ax + nx + ux * ea, row_ref(rows[a], MID + ny + uy * ea)),
                (bx + nx - ux * eb, row_ref(rows[b], MID + ny - uy * eb))]
    ta, tb = reach(work, a, ux, uy), reach(work, b, ux, uy)
    return [(ax + ux * ta, row_ref(rows[a], MID + uy * ta)),
            (bx - ux * tb, row_ref(rows[b], MID - uy * tb))]


def _shaped(work: Work, a: str, b: str, geometry: Geometry, end_a: int, end_b: int,
            bend: RefPoint | None) -> list[RefPoint]:
    """A straight line that leaves ``a`` as ``end_a`` says and ``b`` as ``end_b`` says (see
    ``Variant``), with one bend at ``bend`` or none; empty when a part of it would turn back
    over its own symbol or stub."""
    row_top = geometry[0]
    rows = work.st.rows
    centre = {pid: (work.centre[pid], row_top[rows[pid]] + MID) for pid in (a, b)}
    at: Point | None = None
    if bend is not None:
        x, (kind, ref, dy) = bend
        if kind != "row":
            return []
        at = (x, row_top[ref] + dy)
    fixed: dict[str, tuple[list[RefPoint], Point]] = {}  # per end with a port: its points
    for pid, end, other in ((a, end_a, b), (b, end_b, a)):
        if end == _AIMED:
            continue
        cx, cy = centre[pid]
        goal = at or centre[other]
        side = 1.0 if goal[0] >= cx else -1.0
        if end == _STUB:
            edge = work.left[pid] + (work.widths[pid] if side > 0 else 0.0)
            far = edge + side * _STUB_GAP
            y = row_ref(rows[pid], MID)
            fixed[pid] = ([(cx + side * reach(work, pid, side, 0.0), y), (far, y)], (far, cy))
            continue
        p = work.person[pid]
        if small_kind(p) is not None or p.pregnancy:
            return []
        top = top_point(work, pid, cx + side * _TOP_PORTS[end])
        fixed[pid] = ([top], (top[0], row_top[rows[pid]] + top[1][2]))
    out: list[RefPoint] = []
    for pid, other in ((a, b), (b, a)):
        goal = at or (fixed[other][1] if other in fixed else centre[other])
        cx, cy = centre[pid]
        if pid in fixed:
            pts, (fx, fy) = fixed[pid]
            if (len(pts) == 2 and (goal[0] - fx) * (fx - cx) <= 0) \
                    or (len(pts) == 1 and goal[1] >= fy - 1.0):
                return []  # back over the stub, or down through the symbol
        else:
            length = math.hypot(goal[0] - cx, goal[1] - cy)
            if length <= SYMBOL:
                return []
            pts = [outline_point(work, pid, (goal[0] - cx) / length, (goal[1] - cy) / length)]
        out += pts if pid == a else [*([bend] if bend is not None else []), *reversed(pts)]
    return out


