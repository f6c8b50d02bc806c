"""Genogram emotional lines drawn straight where that reads best.

A relation is first routed orthogonally (:mod:`.genogram_relations`). Once rows and lanes
have coordinates, each relation in turn takes the straight line between its two symbols
when that line passes no one else's box, no name and no years, runs along no other line,
and crosses no more lines than its route does (family lines and the relations decided
before it); otherwise it keeps its route (that choice: :mod:`.genogram_choice`). The lanes
of relations drawn straight are freed, so bands get lower; the straight lines are then
checked again at the new coordinates, and one that now meets a box or a line, or crosses
more family lines than its route, takes another straight shape that does not (once), else
goes back to its route (of two that have come to run along each other, only one; repeated
until nothing changes: each round sends at least one relation back or to its one other
shape, so there are at most twice as many rounds as relations, and usually one). The
shapes are made in :mod:`.genogram_shapes`.

Once the drawing has its final coordinates, routes over one row between one pair nest
(:func:`.nest_routes`), and so do routes leaving one side of a symbol for lanes of the band
below (:mod:`.genogram_nest_downs`, before or after the next step, whichever crosses
fewer); the choice is made once more at those coordinates where the lines
cross more than they would drawn straight (:mod:`.genogram_repair`); then routes leaving
one side (or the top) of a symbol swap or move ports where that crosses fewer lines
(:mod:`.genogram_untangle`); last, two routes through the same bands that cross each
other twice exchange lanes and slots where that crosses fewer (:mod:`.genogram_exchange`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Final

from . import Point
from .genogram_choice import PORT_GAP, choose_ways, scene_at
from .genogram_clear import crowded_pairs
from .genogram_dot import LARGE
from .genogram_exchange import exchange_lanes
from .genogram_high import above_bars
from .genogram_near import FamilyLines, LineIndex, line_segments
from .genogram_nest_downs import nest_downs
from .genogram_places import Pending, RelationPlace, Work
from .genogram_ports import repack_side_ports
from .genogram_relations import drawn_half, give_back, nest_routes
from .genogram_repair import repair_ways
from .genogram_reroute import (
    Drawing,
    Drawn,
    better,
    hold_only,
    measure,
    route_again,
    routed_otherwise,
    same_ways,
)
from .genogram_route import RefPoint
from .genogram_scene import Geometry, Scene
from .genogram_shapes import (
    VARIANTS,
    Variant,
    beside_variants,
    straight_path,
)
from .genogram_untangle import untangle_ends

__all__ = ["straighten_relations"]


def straighten_relations(work: Work, pending: Pending, geometry: Geometry,
                         regeometry: Callable[[], Geometry]) -> Geometry:
    """Give each relation the route that crosses fewest lines, or the straight line where
    that is clear and crosses no more (see the module docstring); returns the geometry
    once the lanes of the routes not taken are freed. The routes not taken give back the
    slots and ports they took, and the relations are routed and chosen once more with
    only the ways drawn holding room (:mod:`.genogram_reroute`: with ``work.polish``, in
    the layout the order search kept, so never in a drawing of ``LARGE`` blocks or more,
    which is not searched); that drawing is kept where its lines cross fewer lines (see
    :func:`.genogram_reroute.better`). Last, with ``work.polish``, a line may move above
    a band's sibling bars (:mod:`.genogram_high`)."""
    geometry = _straighten(work, pending, geometry, regeometry)
    return above_bars(work, pending, geometry, regeometry) if work.polish else geometry


def _straighten(work: Work, pending: Pending, geometry: Geometry,
                regeometry: Callable[[], Geometry]) -> Geometry:
    """:func:`straighten_relations` but for the lines moved above the bars."""
    choice = choose_ways(work, pending, geometry)
    kept = [best for best, _off in choice]
    for k, j in enumerate(kept):
        give_back(work, pending.relation_taken[k], j)
    pending.relation_kept = kept
    if not work.polish or all(off is not None for _best, off in choice) \
            or not routed_otherwise(pending, kept):
        return _settle(work, pending, choice, regeometry)
    # routed again with only the ways drawn holding room, the relations may find ways
    # that were taken before by ways not drawn: kept where the lines cross fewer
    geometry = _settle(work, pending, choice, regeometry)
    first = measure(work, pending, geometry)
    if not first[1]:
        return geometry  # no line to cross less
    drawn = Drawn.of(work, pending, kept)
    held = route_again(work, pending, kept)
    if same_ways(work, drawn.routes, pending.relation_routes):
        drawn.restore(work, pending, held)
        return regeometry()
    choice = choose_ways(work, pending, regeometry())
    again = [best for best, _off in choice]
    hold_only(work, pending, held, again)
    geometry = _settle(work, pending, choice, regeometry)
    now = measure(work, pending, geometry)
    if better(now, first):
        pending.relation_kept = again
        return geometry
    drawn.restore(work, pending, again)
    return regeometry()


def _settle(work: Work, pending: Pending, choice: list[tuple[int, Variant | None]],
            regeometry: Callable[[], Geometry]) -> Geometry:
    """Draw each relation as ``choice`` says (the route it keeps, the straight line taken
    instead), free the lanes of the routes not taken, and settle the straight lines at
    the coordinates that gives (see the module docstring); returns the geometry."""
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
    retried: set[int] = set()
    while True:
        geometry = regeometry()
        if not chosen:
            nest_routes(work, pending.relation, geometry[1])
            _nest_and_repair(work, pending, geometry, scene_at(work, pending, geometry))
            return geometry
        scene = Scene(work, pending, geometry)
        straight_paths = {k: straight_path(work, *pending.relation[k][0].between, geometry,
                                       choice[k][1] or VARIANTS[0]) for k in chosen}
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
            _nest_and_repair(work, pending, geometry, (scene, family))
            return geometry
        now = [scene.resolve(routes[k]) if k in bad else line for k, line in enumerate(lines)]
        for k in sorted(bad - retried):
            retried.add(k)
            found = _other_way(work, pending, scene, family, k, now, geometry)
            if found is not None:
                var, now[k] = found
                choice[k] = (choice[k][0], var)
                bad.discard(k)
        for k in bad:
            _release(work, routes[k], False)
        chosen -= bad
        # the routes back from straight lines took their side ports before the others
        # were packed: pack every route's ports again, or two could leave one side of a
        # symbol 2 units apart and run out on each other
        drawn = [k for k in range(len(routes)) if k not in chosen]
        packed = repack_side_ports(work, [(pending.relation[k][0].between, routes[k])
                                          for k in drawn],
                                   [drawn_half(pending.relation[k][0].kind) for k in drawn])
        for k, path in zip(drawn, packed, strict=True):
            routes[k] = path
            pending.relation[k] = (pending.relation[k][0], path)


_NEST_CLEAR: Final = 4.0
"""How close what two emotional lines draw may come before they count as crowding each
other where nested routes are weighed (:func:`_nest_and_repair`), as the crowded lines of
a drawing are counted where nesting is measured: nesting gives lines of different widths
the slots and lanes spaced for others, so two may come a little closer than
:data:`~.genogram_route.LINE_CLEAR` where they cross fewer lines."""


def _nest_and_repair(work: Work, pending: Pending, geometry: Geometry,
                     known: tuple[Scene, FamilyLines]) -> None:
    """Choose the ways once more at this geometry (:func:`.repair_ways`) and untangle
    the ends of the routes (:func:`.untangle_ends`), with the routes leaving one side of
    a symbol for the row below nested (:mod:`.genogram_nest_downs`) before that choice
    or after it, where one of those crosses fewer lines in all than neither and runs
    along or close beside no more family lines, and no more pairs of lines crowd each
    other (see :func:`.genogram_reroute.measure`); of the two, the one that crosses
    fewer. Nested first, the choice weighs the other ways against the nested routes (a
    parent's lines to a child and the child's partner, nested, leave no detour worth
    taking); but once they cross fewer, the choice may not be made again at all where a
    way of another line would have crossed fewer still. Untangled, the ends are also
    untangled ``loose`` (ports on a crowded top swapped where the moved ends run along
    no more lines than before), kept where that fares better (:func:`.better`): below
    ``LARGE`` blocks, as the other tries of ports on a top."""
    scene, family = known
    before = list(pending.relation)
    repair_ways(work, pending, geometry, known)
    chosen = list(pending.relation)
    untangle_ends(work, pending, scene, family)
    plain = pending.relation
    if len(work.st.blocks) < LARGE:
        loose = pending.relation = list(plain)
        untangle_ends(work, pending, scene, family, loose=True)
        if loose != plain:
            fares = measure(work, pending, geometry)
            pending.relation = plain
            if better(fares, measure(work, pending, geometry)):
                plain = loose
        pending.relation = plain
    nested: list[list[tuple[RelationPlace, list[RefPoint]]]] = []
    for first in (True, False):  # nested before the choice, after it
        pending.relation = list(before if first else chosen)
        nest_downs(work, pending, scene, family)
        if pending.relation == (before if first else chosen):
            continue
        if first:
            repair_ways(work, pending, geometry, known)
        untangle_ends(work, pending, scene, family)
        nested.append(pending.relation)
    pending.relation = plain
    if not nested:
        exchange_lanes(work, pending, geometry, scene)
        return
    fares = measure(work, pending, geometry)
    ways: list[tuple[list[tuple[RelationPlace, list[RefPoint]]], tuple[int, int, Drawing]]] = []
    for relation in nested:
        pending.relation = relation
        ways.append((relation, measure(work, pending, geometry)))
    pending.relation = plain
    best = min(ways, key=lambda way: way[1][:2])
    if best[1][0] <= fares[0] and best[1][1] < fares[1] \
            and crowded_pairs(best[1][2], _NEST_CLEAR) <= crowded_pairs(fares[2], _NEST_CLEAR):
        pending.relation = best[0]
    exchange_lanes(work, pending, geometry, scene)


def _other_way(work: Work, pending: Pending, scene: Scene, family: FamilyLines, k: int,
               lines: list[list[Point]], geometry: Geometry
               ) -> tuple[Variant, list[Point]] | None:
    """Another straight line (see ``VARIANTS``) for relation ``k``, whose straight line
    goes back to its route at this geometry (see :func:`_going_back`), with its points:
    one that is clear, runs along no line, ends ``PORT_GAP`` from the other lines' ends
    on its symbols, and crosses no more family lines and no more of the other lines
    (``lines``, as drawn now; ``lines[k]`` is its route) than the route does; of those,
    the one that crosses fewest in all. ``None`` when there is none. The drawing moves
    once the lanes of the routes not taken are freed: the straight line chosen before may
    meet a line there where a stub out of another port of the same side passes, while the
    route may go round a whole row of people."""
    place = pending.relation[k][0]
    half = drawn_half(place.kind)
    pair = frozenset(place.between)
    widest = max(drawn_half(p.kind) for p, _path in pending.relation
                 if frozenset(p.between) == pair)
    others = LineIndex()
    ends: dict[str, list[Point]] = defaultdict(list)
    for j, (other, _path) in enumerate(pending.relation):
        if j == k or len(lines[j]) < 2:
            continue
        others.add(line_segments(lines[j]), j)
        for pid, end in zip(other.between, (lines[j][0], lines[j][-1]), strict=True):
            ends[pid].append(end)
    route = line_segments(lines[k])
    limit = (family.crossings(route), others.crossings(route))
    found: tuple[tuple[int, int], Variant, list[Point]] | None = None
    for n, var in enumerate(beside_variants(widest)):
        line = scene.resolve(straight_path(work, *place.between, geometry, var))
        if len(line) < 2 or not scene.clear(place.between, line, half):
            continue
        segs = line_segments(line)
        crossed = (family.crossings(segs), others.crossings(segs))
        if crossed[0] > limit[0] or crossed[1] > limit[1] \
                or any(family.along(s) or others.along(s, k) for s in segs) \
                or any(abs(x - q[0]) < PORT_GAP and abs(y - q[1]) < PORT_GAP
                       for pid, (x, y) in zip(place.between, (line[0], line[-1]), strict=True)
                       for q in ends[pid]):
            continue
        key = (crossed[0] + crossed[1], n)
        if found is None or key < found[0]:
            found = (key, var, line)
    return None if found is None else (found[1], found[2])


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


def _release(work: Work, path: list[RefPoint], unused: bool) -> None:
    router = work.router
    assert router is not None
    for _x, ref in path:
        if ref[0] == "lane":
            router.release(ref, unused)
