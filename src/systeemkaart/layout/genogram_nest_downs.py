"""Genogram emotional lines: routes leaving one side of a symbol for the row below, nested.

A route from a person down to someone in the row below leaves a side of the symbol, runs
out to a slot in the corridor beside the box, down into a lane of the band below the row
and along it, back under the person or on outwards, to the top (or into the corridor
beside) of the one it joins. The routes take their ports, slots and lanes in the order
the relations come, each on its own, so where several leave one side, the line to someone
nearer may take a slot inside the line to someone farther and cross it where that one
runs along its lane (between a parent and a child and the child's partner: the lines to
the two cross each other). Nested, the route that runs farthest along its lane takes the
highest lane; back under the box it leaves lowest down the slot nearest the box, on
outwards highest down the outermost slot; each nearer one goes round it.

:func:`nest_downs` gives such routes (those of one side, band and way) the same ports,
slots and lanes in that order, and keeps that when the lines then cross fewer lines in
all, run along none, pass no box or name they did not, and crowd each other no more.
Called by :mod:`.genogram_straight` around the choice made once more at the final
coordinates (:mod:`.genogram_repair`).

Cost: the routes are grouped by person, side, band and way in one pass; each group of
two or more is nested once and measured against the other lines in a coarse grid.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from . import Point
from .genogram_clear import FamilyClear, crowded_pairs
from .genogram_near import FamilyLines, LineIndex, line_segments
from .genogram_places import Pending, Work
from .genogram_relations import drawn_half
from .genogram_route import RefPoint
from .genogram_scene import Scene

__all__ = ["nest_downs"]

_P = TypeVar("_P")

Leg = tuple[int, bool, float, float]
"""A route's way out of one side of a symbol: the relation, whether it is the route's
first end, the side (``-1`` left, ``1`` right) and which way it runs along its lane
(``-1`` back under the box, ``1`` on outwards)."""


def _oriented(path: list[_P], first: bool) -> list[_P]:
    """``path`` from its first end (``first``) or from its last."""
    return path if first else path[::-1]


def _down_leg(path: list[RefPoint], points: list[Point]
              ) -> tuple[float, int, float] | None:
    """The side (``-1``, ``1``), the lane of ``path`` (drawn as ``points``, both from the
    end asked about) and which way it runs along it (``-1`` back under the box, ``1`` on
    outwards) when it leaves that end level out of a side, turns down a slot into a lane
    below and runs along the lane, then turns again; else ``None``."""
    if len(path) < 5 or len(points) != len(path):
        return None
    (x0, y0ref), (x1, y1ref), (x2, lane), (x3, lane3), (x4, _y4) = path[:5]
    if y0ref != y1ref or y0ref[0] != "row" or lane[0] != "lane" or lane3 != lane \
            or x1 != x2 or x3 != x4 or x0 == x1:
        return None
    side = 1.0 if x1 > x0 else -1.0
    if points[2][1] <= points[1][1] or x3 == x2:
        return None  # not down
    return side, lane[1], 1.0 if (x3 - x2) * side > 0 else -1.0


def nest_downs(work: Work, pending: Pending, scene: Scene, family: FamilyLines) -> None:
    """Nest the routes that leave one side of a symbol for lanes of one band below and run
    one way along them, back under it or on outwards (see the module docstring);
    ``pending.relation`` is changed in place."""
    router = work.router
    assert router is not None
    relations = pending.relation
    lines = [scene.resolve(path) for _place, path in relations]
    groups: dict[tuple[str, float, int, float], list[Leg]] = defaultdict(list)
    for k, (place, path) in enumerate(relations):
        for pid, first in zip(place.between, (True, False), strict=True):
            found = _down_leg(_oriented(path, first), _oriented(lines[k], first))
            if found is not None:
                side, lane, way = found
                groups[(pid, side, router.lanes[lane].band, way)].append(
                    (k, first, side, way))
    legs = [members for members in groups.values()
            if len(members) > 1 and len({k for k, *_rest in members}) == len(members)]
    if not legs:
        return
    placed = LineIndex()
    beside = FamilyClear(scene.structural)
    for k, points in enumerate(lines):
        placed.add(line_segments(points), k)
    for members in legs:
        _nest(pending, scene, (family, beside), placed, lines, members)


def _nest(pending: Pending, scene: Scene, known: tuple[FamilyLines, FamilyClear],
          placed: LineIndex, lines: list[list[Point]], members: list[Leg]) -> None:
    """Nest the routes ``members`` (leaving one side of one symbol, see
    :func:`nest_downs`) when that crosses fewer lines in all and crowds no more: no more
    pairs of emotional lines, and no more of them close beside a family line (``known``:
    the family lines, and filed for that)."""
    relations = pending.relation
    family, beside = known
    side, way = members[0][2], members[0][3]
    paths = [_oriented(relations[k][1], first) for k, first, _side, _way in members]
    points = [_oriented(lines[k], first) for k, first, _side, _way in members]
    # the one running farthest along its lane first: the highest lane, and back under
    # the box the innermost slot and the lowest port, on outwards the outermost slot and
    # the highest port
    order = sorted(range(len(members)), key=lambda i: (-way * side * points[i][3][0], i))
    slots = sorted((path[1][0] for path in paths), key=lambda x: -way * side * x)
    lanes = sorted((path[2][1] for path in paths), key=lambda ref: scene.lane_ys[ref[1]])
    ports = sorted(((path[0], path[1][1]) for path in paths),
                   key=lambda port: way * scene.resolve([port[0]])[0][1])
    new: dict[int, list[RefPoint]] = {}
    for i, slot, lane, (port, level) in zip(order, slots, lanes, ports, strict=True):
        path = paths[i]
        new[i] = [port, (slot, level), (slot, lane), (path[3][0], lane), *path[4:]]
    if all(new[i] == paths[i] for i in range(len(members))):
        return
    ks = [k for k, _first, _side, _way in members]
    before = sum(family.crossings(line_segments(lines[k])) + placed.measure(
        line_segments(lines[k]), k)[1] for k in ks)
    crowded_before = _crowded(scene, pending, lines, ks)

    def close(k: int, points: list[Point]) -> int:
        place = relations[k][0]
        return int(beside.beside(points, drawn_half(place.kind),
                                 [scene.centre(pid) for pid in place.between]))

    drawn = list(lines)
    for i, (k, first, _side, _way) in enumerate(members):
        drawn[k] = _oriented(scene.resolve(new[i]), first)
    for k in ks:
        placed.remove(k)
        placed.add(line_segments(drawn[k]), k)
    after = 0
    fits = True
    for i, k in enumerate(ks):
        place = relations[k][0]
        segs = line_segments(drawn[k])
        along, crossed = placed.measure(segs, k)
        after += family.crossings(segs) + crossed
        half, first = drawn_half(place.kind), members[i][1]
        fits = fits and not along and not any(family.along(s) for s in segs) \
            and (scene.clear(place.between, _oriented(drawn[k], first)[:4], half)
                 or not scene.clear(place.between, _oriented(lines[k], first)[:4], half))
    if fits and after < before \
            and sum(close(k, drawn[k]) for k in ks) <= sum(close(k, lines[k]) for k in ks) \
            and _crowded(scene, pending, drawn, ks) <= crowded_before:
        for i, (k, first, _side, _way) in enumerate(members):
            relations[k] = (relations[k][0], _oriented(new[i], first))
            lines[k] = drawn[k]
        return
    for k in ks:
        placed.remove(k)
        placed.add(line_segments(lines[k]), k)


def _crowded(scene: Scene, pending: Pending, lines: list[list[Point]], ks: list[int]) -> int:
    """How many pairs of the emotional ``lines`` of relations ``ks`` run closer than what
    they draw allows (see :func:`.genogram_clear.crowded_pairs`): those nested, which
    take each other's slots and lanes (every pair of a drawing's lines would cost most of
    the nesting's time; what the drawing crowds in all is weighed once the ways are
    chosen, see :func:`.genogram_straight._nest_and_repair`)."""
    return crowded_pairs([(lines[k], drawn_half(pending.relation[k][0].kind),
                           [scene.centre(pid) for pid in pending.relation[k][0].between])
                          for k in ks])
