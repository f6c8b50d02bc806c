"""Genogram emotional lines routed again once each relation's way is chosen.

Every way a relation may take (:func:`.relation_paths`) takes slots in the corridors and
ports on the tops while it is built, before the layout chooses one (:mod:`.genogram_choice`).
A relation routed later then finds a corridor or a top full that is free in the drawing,
and takes a worse way. Once the ways are chosen, those not drawn give back what they took
(:func:`.give_back`); then every relation is routed again in turn, with only the ways
drawn (and the routes kept to fall back on) holding room: each gives back its own, builds
its ways anew, keeps holding the one most like the way it had and gives back the others.
The layout chooses among the new ways as among the first (:mod:`.genogram_straight`) and
keeps the drawing that crosses fewer lines (see :func:`measure`).

Cost: each relation is routed once more, as the first time; what a way gives back is found
in the router's sorted lists by binary search.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import Point
from .genogram_clear import FamilyClear, crowded_pairs
from .genogram_near import FamilyLines, LineIndex, line_segments
from .genogram_places import Pending, RelationPlace, Taken, Work
from .genogram_relations import drawn_half, give_back, hold_again, relation_paths, take_again
from .genogram_route import RefPoint, Router
from .genogram_scene import Geometry, Scene

__all__ = ["Drawing", "Drawn", "better", "hold_only", "measure", "route_again",
           "routed_otherwise", "same_ways"]


@dataclass
class Drawn:
    """The emotional lines of a drawing as chosen and settled, with what lets the layout
    go back to them: the lines, each relation's ways and what they took, which ways hold
    room, the lanes in use, and the ports given out."""

    relation: list[tuple[RelationPlace, list[RefPoint]]]
    routes: list[list[list[RefPoint]]]
    taken: list[list[Taken]]
    kept: list[int]
    unused: list[bool]
    top_ports: dict[str, dict[float, float]]
    side_uses: dict[str, int]

    @classmethod
    def of(cls, work: Work, pending: Pending, kept: list[int]) -> Drawn:
        """The drawing as it stands (``kept``: per relation, the way that holds room)."""
        router = work.router
        assert router is not None
        return cls(list(pending.relation), pending.relation_routes, pending.relation_taken,
                   list(kept), [lane.unused for lane in router.lanes],
                   {pid: dict(ports) for pid, ports in work.top_ports.items()},
                   dict(work.side_uses))

    def restore(self, work: Work, pending: Pending, kept: list[int]) -> None:
        """Go back to this drawing from the one whose ways ``kept`` hold room now: the
        lanes made since take no room, what those ways took is given back and what this
        drawing's ways took is taken again."""
        router = work.router
        assert router is not None
        for k, j in enumerate(kept):
            give_back(work, [pending.relation_taken[k][j]], None)
        for k, j in enumerate(self.kept):
            hold_again(self.taken[k][j].holds)
        for n, lane in enumerate(router.lanes):
            lane.unused = self.unused[n] if n < len(self.unused) else True
        pending.relation = list(self.relation)
        pending.relation_routes = self.routes
        pending.relation_taken = self.taken
        work.top_ports.clear()
        work.top_ports.update({pid: dict(ports) for pid, ports in self.top_ports.items()})
        work.side_uses.clear()
        work.side_uses.update(self.side_uses)


def hold_only(work: Work, pending: Pending, held: list[int], kept: list[int]) -> None:
    """Per relation, let way ``kept`` hold room where way ``held`` holds it (the other
    ways gave theirs back already, see :func:`.give_back`)."""
    for k, (old, new) in enumerate(zip(held, kept, strict=True)):
        if old != new:
            taken = pending.relation_taken[k]
            take_again(work, taken[new], taken[old])
            give_back(work, [taken[old], taken[new]], 1)


def routed_otherwise(pending: Pending, kept: list[int]) -> bool:
    """True when a relation may be routed otherwise once the ways not ``kept`` give back
    what they took: one of its ways took a slot in a corridor (or a place in a band) where
    a way of a relation routed before it, not kept, took one, or a port on the top of one
    of its people where such a way took one. A slot is chosen by what its corridor and
    bands hold, a top port by the ports taken on its top, so elsewhere the ways built again
    would be the same (or hemmed in by the ways drawn after them)."""
    lists: dict[int, int] = {}  # id of a router list: the first relation that freed room
    tops: dict[str, int] = {}  # per person: the first relation that freed a top port
    for k, (place, _path) in enumerate(pending.relation):
        taken = pending.relation_taken[k]
        if any(lists.get(id(xs), k) < k for way in taken for xs, _h, _x, _half in way.holds) \
                or any(tops.get(pid, k) < k for pid in place.between):
            return True
        held = {id(h) for h in taken[kept[k]].holds}
        ports = set(taken[kept[k]].ports)
        for way in taken:
            for hold in way.holds:
                if id(hold) not in held:
                    lists.setdefault(id(hold[0]), k)
            for port in way.ports:
                if port not in ports:
                    tops.setdefault(port[0], k)
    return False


def route_again(work: Work, pending: Pending, kept: list[int]) -> list[int]:
    """Route every relation again, in turn, with only the ways ``kept`` (one per relation,
    the others' room given back) holding room; returns per relation the new way that holds
    room now (the one most like its way before, see :func:`_like`). The lanes of the
    ways before take no room; those of the new ways do, until the choice among them."""
    router = work.router
    assert router is not None
    for routes in pending.relation_routes:
        for path in routes:
            for _x, ref in path:
                if ref[0] == "lane":
                    router.release(ref)
    work.side_uses.clear()
    work.side_uses.update(pending.side_before or {})
    routes_now: list[list[list[RefPoint]]] = []
    taken_now: list[list[Taken]] = []
    held: list[int] = []
    for k, (place, _path) in enumerate(pending.relation):
        before = pending.relation_taken[k]
        give_back(work, [before[kept[k]]], None)
        paths, taken = relation_paths(work, *place.between, drawn_half(place.kind))
        j = _like(router, pending.relation_routes[k][kept[k]], paths, kept[k])
        give_back(work, taken, j)
        routes_now.append(paths)
        taken_now.append(taken)
        held.append(j)
    pending.relation = [(place, routes[0])
                        for (place, _path), routes in zip(pending.relation, routes_now,
                                                          strict=True)]
    pending.relation_routes = routes_now
    pending.relation_taken = taken_now
    return held


def same_ways(work: Work, before: list[list[list[RefPoint]]],
              now: list[list[list[RefPoint]]]) -> bool:
    """True when every relation's ways ``now`` go where its ways ``before`` went, point by
    point (a lane by its band and its extent): routed again they found nothing freed, and
    the choice among them would be the same."""
    router = work.router
    assert router is not None

    def where(path: list[RefPoint]) -> list[tuple[float, object]]:
        out: list[tuple[float, object]] = []
        for x, (kind, ref, dy) in path:
            lane = router.lanes[ref] if kind == "lane" else None
            out.append((x, (lane.band, lane.x1, lane.x2, lane.cls, lane.half)
                        if lane is not None else (ref, dy)))
        return out

    return all(len(a) == len(b) and all(where(p) == where(q) for p, q in zip(a, b, strict=True))
               for a, b in zip(before, now, strict=True))


def _like(router: Router, way: list[RefPoint], paths: list[list[RefPoint]], k: int) -> int:
    """The one of ``paths`` that goes as ``way`` does (through the same rows and bands,
    out of and into the same sides or tops); else the ``k``-th, or the last."""
    shape = _shape(router, way)
    return next((j for j, path in enumerate(paths) if _shape(router, path) == shape),
                min(k, len(paths) - 1))


def _shape(router: Router, path: list[RefPoint]) -> tuple[tuple[str, int, int], ...]:
    """Per point of ``path``: in a row or in a lane of a band, which one, and which way
    the path goes on from it (-1, 0 or 1 along x)."""
    out: list[tuple[str, int, int]] = []
    for n, (x, (kind, ref, _dy)) in enumerate(path):
        ahead = path[n + 1][0] if n + 1 < len(path) else x
        where = router.lanes[ref].band if kind == "lane" else ref
        out.append((kind, where, (ahead > x) - (ahead < x)))
    return tuple(out)


Drawing = list[tuple[list[Point], float, list[Point]]]
"""Emotional lines as drawn: per line its points, half the width of what it draws and the
centres of its two symbols (as :func:`.genogram_clear.crowded_pairs` weighs them)."""


def measure(work: Work, pending: Pending, geometry: Geometry
            ) -> tuple[int, int, Drawing]:
    """How the emotional lines as drawn at ``geometry`` fare: how many stretches run along
    a family line (and how many lines come closer beside one than what they draw allows,
    see :class:`.genogram_clear.FamilyClear`), how many times they cross family lines and
    each other; with the
    lines, to weigh how many pairs of them come closer than what they draw allows (see
    :func:`crowded`) only where that decides."""
    scene = Scene(work, pending, geometry)
    family = FamilyLines(scene.structural)
    lines = [scene.resolve(path) for _place, path in pending.relation]
    placed = LineIndex()
    beside = FamilyClear(scene.structural)
    along = crossed = 0
    for k, ((place, _path), points) in enumerate(zip(pending.relation, lines, strict=True)):
        segs = line_segments(points)
        along += sum(1 for s in segs if family.along(s)) \
            + beside.beside(points, drawn_half(place.kind),
                            [scene.centre(pid) for pid in place.between])
        crossed += family.crossings(segs) + placed.crossings(segs)
        placed.add(segs, k)
    return along, crossed, [(points, drawn_half(place.kind),
                             [scene.centre(pid) for pid in place.between])
                            for (place, _path), points in zip(pending.relation, lines,
                                                              strict=True)]


def better(now: tuple[int, int, Drawing], before: tuple[int, int, Drawing]) -> bool:
    """True when the emotional lines ``now`` (see :func:`measure`) cross fewer lines than
    ``before``, crowd no more pairs, and run along or close beside no family line, or
    fewer than ``before`` (one there may be moved off it later where it was before, see
    :mod:`.genogram_part`, but not where a line now comes close); every pair is measured
    for the crowding, so only where the crossings decide."""
    return (now[0] < before[0] or not now[0]) and now[1] < before[1] \
        and crowded_pairs(now[2]) <= crowded_pairs(before[2])
