"""Fanning the lines into one person: each its own port, in the order the lines arrive.

Routed lines into a person may come up one channel together and end in ports assigned by a
direction that does not match their order there, so they cross each other just before the
symbol and the reader cannot tell which arrow is whose. :func:`fan_in` orders a person's
incoming lines by where they cross circles round it, from ``FAN_RADIUS`` outwards: two
lines are ordered at the first circle where they lie apart, so lines in one channel keep
their order and lines that part go to the side they part to. Their ports on the symbol
follow that order round the symbol (cut under it, where the label hangs), spread so that
neighbouring ports keep room for an arrowhead (see :mod:`.systemogram_ports`); the part of
each line inside ``FAN_RADIUS`` is replaced by a leg from where it enters the circle to its
port (routed round a box where the leg is not clear). :func:`fan_crossings` measures what
this is for: pairs of lines into one person that cross within ``FAN_RADIUS`` of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import cmp_to_key
from itertools import pairwise

from . import Point, segment_distance
from .ring_centre import SYMBOL, PersonPlace
from .ring_geometry import crossing_at, isotonic, segments_cross
from .systemogram_heads import HEAD_LENGTH
from .systemogram_ports import (
    ARROW_GAP,
    LABEL,
    LINE_GAP,
    PORT_ARC,
    PORT_HI,
    PORT_LO,
    SYMBOL_BOX,
    place_ports,
    port_distance,
)
from .systemogram_route import CROSSING_LENGTH, Router
from .systemogram_under import FROM_AFAR, from_below, under_leg, under_ports

__all__ = [
    "ARROW_GAP",
    "FAN_RADIUS",
    "LABEL",
    "LINE_GAP",
    "PORT_ARC",
    "STRAIGHT_IN",
    "SYMBOL_BOX",
    "aimed_leg",
    "aims_at",
    "cut_at_fans",
    "fan_crossings",
    "fan_in",
    "keeps_side",
    "keeps_way_in",
    "port_distance",
]

FAN_RADIUS = 40.0
"""Radius (units) round a person inside which its incoming lines are laid out afresh."""
REACH = (1.0, 1.5, 2.0, 3.0, 4.5, 7.0, 11.0)
"""Circles (multiples of ``FAN_RADIUS``) at which two lines are compared, inside out."""
APART = 0.5
"""Distance (units) at which two lines crossing a circle count as apart there."""
SPIRAL_STEP = 0.5
"""Most turn (radians) round a person along one piece of a leg into its port."""
SPIRAL_PIECES = math.ceil(math.pi / SPIRAL_STEP)
"""Pieces of every leg into a port: enough for a half turn in ``SPIRAL_STEP`` steps."""
ENTRY_GAP = 7.0
"""Least distance (units) between two lines where they enter the circle of
``FAN_RADIUS``, where they fit."""
STRAIGHT_IN = HEAD_LENGTH
"""Length (units) of the last piece of a leg into a port that holds an arrowhead,
pointing straight at the person's centre: as long as the head, which lies wholly on it
and so points at the person, not along the symbol's outline where a leg turned round
it (and two heads beside each other stand apart as their ports do)."""
AIM = math.radians(2.0)
"""Most angle between the last piece of a line and the direction to its person's centre
at which its arrowhead reads as pointing at the person (see :func:`aimed_leg`)."""
CORNER_ROOM = 2.0
"""How far (units) a line into a person passes off the top corner of its label."""
_CUT = math.pi / 2
"""Where the order round a person starts and ends: straight under it (y grows down)."""


def _entry(path: Sequence[Point], centre: Point, radius: float, first: int
           ) -> tuple[int, Point]:
    """Where ``path`` last enters the circle of ``radius`` round ``centre``: the index of
    the path point before it and the point on the circle; the path's point ``first - 1``
    and its index when none from there on lies outside the circle (the points before it,
    a card's stub, stay)."""
    cx, cy = centre
    k = len(path) - 2
    while k >= first and math.hypot(path[k][0] - cx, path[k][1] - cy) < radius:
        k -= 1
    if math.hypot(path[k][0] - cx, path[k][1] - cy) < radius:
        return k, path[k]
    (ax, ay), (bx, by) = path[k], path[k + 1]
    dx, dy = bx - ax, by - ay
    fx, fy = ax - cx, ay - cy
    a = dx * dx + dy * dy
    if a < 1e-12:
        return k, path[k]
    b = 2 * (fx * dx + fy * dy)
    c = fx * fx + fy * fy - radius * radius
    root = math.sqrt(max(b * b - 4 * a * c, 0.0))
    t = (-b - root) / (2 * a)
    if not 0.0 <= t <= 1.0:
        t = (-b + root) / (2 * a)
    t = min(max(t, 0.0), 1.0)
    return k, (ax + t * dx, ay + t * dy)


def _round(pt: Point, centre: Point) -> float:
    """Where ``pt`` lies round ``centre``: the angle from straight under it, clockwise as
    drawn (left, top, right), in ``[0, 2π)``."""
    return (math.atan2(pt[1] - centre[1], pt[0] - centre[0]) - _CUT) % (2 * math.pi)


def _order(paths: Sequence[Sequence[Point]], lines: Sequence[int], centre: Point,
           firsts: Sequence[int]) -> list[int]:
    """``lines`` in their order round ``centre`` (from under it, clockwise as drawn): two
    lines are compared at the first circle of ``REACH`` where they lie ``APART``."""
    where: dict[tuple[int, int], Point] = {}

    def at(i: int, m: int) -> Point:
        pt = where.get((i, m))
        if pt is None:
            pt = where[(i, m)] = _entry(paths[i], centre, FAN_RADIUS * REACH[m], firsts[i])[1]
        return pt

    def compare(i: int, j: int) -> int:
        for m in range(len(REACH)):
            p, q = at(i, m), at(j, m)
            if math.dist(p, q) > APART:
                a, b = _round(p, centre), _round(q, centre)
                if a != b:
                    return -1 if a < b else 1
        return -1 if i < j else 1 if i > j else 0

    return sorted(lines, key=cmp_to_key(compare))


def _wanted(path: Sequence[Point], centre: Point, first: int) -> float:
    """The port angle a line asks for: the direction it enters ``FAN_RADIUS`` from, on
    the port arc (under the symbol: the nearer end of the arc)."""
    pt = _entry(path, centre, FAN_RADIUS, first)[1]
    a = _round(pt, centre) + _CUT
    return min(max(a, PORT_LO), PORT_HI)


def fan_in(router: Router, paths: list[list[Point]], ends: Sequence[str | None],
           sources: Sequence[str], arrows: Sequence[bool], firsts: Sequence[int],
           people: Mapping[str, PersonPlace], sexes: Mapping[str, str]) -> list[int]:
    """Give every line into a person its own port, in the order the lines arrive round it,
    and lay out the part of each inside ``FAN_RADIUS`` afresh, in place: a line from below
    into a port under the person's label (see :func:`_under`), the others round the
    symbol, a line ending in an arrowhead by a leg whose last ``STRAIGHT_IN`` units point
    at the person (so neighbouring heads stand apart as their ports do), unless that leg
    crosses another into the person (then as a plain line's).

    ``paths`` run from each line's source (``sources``) to the centre of the person in
    ``ends`` (``None``: the line ends at an agent and stays); ``arrows`` says which lines
    end in an arrowhead; ``firsts`` is the index of each path's first point that may move
    (after a card's stub). Returns how many points at the end of each path were laid
    out here (1 for a line into an agent), which later moves must leave alone.
    O(L log L · c) for L lines into a person, c circles compared.
    """
    kept = [1] * len(paths)
    by_person: dict[str, list[int]] = {}
    for i, pid in enumerate(ends):
        if pid is not None:
            by_person.setdefault(pid, []).append(i)
    for pid, lines in by_person.items():
        p = people[pid]
        centre = (p.x, p.y)
        lines = _under(router, paths, lines, sources, p, pid, firsts, kept)
        if not lines:
            continue
        order = _order(paths, lines, centre, firsts)
        sex = sexes.get(pid, "unknown")
        arrowed = [arrows[i] or arrows[j] for i, j in pairwise(order)]
        wanted = [_wanted(paths[i], centre, firsts[i]) for i in order]
        entries = [_entry(paths[i], centre, FAN_RADIUS, firsts[i]) for i in order]
        spaced = _apart([_round(pt, centre) for _, pt in entries])
        ports, out = place_ports(router, p, pid, sex, wanted, arrowed)
        legs: dict[int, tuple[int, list[Point]]] = {}
        for i, angle, (k, enter), bearing in zip(order, ports, entries, spaced, strict=True):
            ends_i = (sources[i], pid)
            port = _port(router, p, port_distance(sex, angle), angle, out, ends_i)
            if math.dist(enter, centre) > FAN_RADIUS - 0.5:
                enter = _moved(router, paths[i][k], enter, bearing, centre, ends_i)
            legs[i] = k, _leg(router, enter, port, p, ends_i,
                              STRAIGHT_IN if arrows[i] else 0.0)
        for i in _crossing(legs):  # a leg pointed at the person crossed another: as before
            k, leg = legs[i]
            legs[i] = k, _leg(router, leg[0], leg[-1], p, (sources[i], pid))
        for i, (k, leg) in legs.items():
            _end_with(paths[i], k, leg)
            kept[i] = len(leg)
    return kept


def _end_with(path: list[Point], k: int, leg: Sequence[Point]) -> None:
    """Replace what follows point ``k`` of ``path`` by ``leg`` (its way into a port), in
    place; a first point of ``leg`` on point ``k`` is not doubled."""
    head = path[:k + 1]
    if math.dist(head[-1], leg[0]) < 1e-6:
        head.pop()
    path[:] = [*head, *leg]


def _crossing(legs: Mapping[int, tuple[int, Sequence[Point]]]) -> list[int]:
    """The lines of ``legs`` (line -> (index, leg into its port)) whose leg crosses
    another's. O(L² s²) for L legs of s pieces, most pairs of pieces told apart by their
    boxes alone (pieces whose boxes lie apart cannot cross: :func:`segments_cross` is
    asked only of the others)."""
    out: set[int] = set()
    items = [(i, [(p, q, *((p[0], q[0]) if p[0] < q[0] else (q[0], p[0])),
                   *((p[1], q[1]) if p[1] < q[1] else (q[1], p[1])))
                  for p, q in pairwise(leg)])
             for i, (_, leg) in sorted(legs.items())]
    for x, (i, a) in enumerate(items):
        for j, b in items[x + 1:]:
            if any(segments_cross(p, q, r, t)
                   for p, q, x0, x1, y0, y1 in a for r, t, u0, u1, v0, v1 in b
                   if not (u0 > x1 or u1 < x0 or v0 > y1 or v1 < y0)):
                out.update((i, j))
    return sorted(out)


def _under(router: Router, paths: list[list[Point]], lines: Sequence[int],
           sources: Sequence[str], person: PersonPlace, pid: str, firsts: Sequence[int],
           kept: list[int]) -> list[int]:
    """Lay out the lines of ``lines`` (into ``person``) that come from below into ports
    under its label (see :mod:`.systemogram_under`), in place, noting in ``kept`` how many
    points at their ends were laid out; returns the other lines, for the port arc."""
    centre = (person.x, person.y)
    entries = {i: _entry(paths[i], centre, FROM_AFAR, firsts[i]) for i in lines}
    busy = (len(lines) - 1) * ARROW_GAP > PORT_ARC
    below = {i: pt for i, (_, pt) in entries.items() if from_below(person, pt, busy)}
    if not below:
        return list(lines)
    done = set()
    for i, port in under_ports(person, below).items():
        k, enter = entries[i]
        leg = under_leg(router, enter, port, person, (sources[i], pid))
        if leg is None:
            continue
        _end_with(paths[i], k, leg)
        kept[i] = len(leg)
        done.add(i)
    return [i for i in lines if i not in done]


def _port(router: Router, person: PersonPlace, near: float, angle: float, out: float,
          ends: tuple[str, str]) -> Point:
    """Where a line ends on ``person``'s symbol: ``out`` units beyond ``near`` (the
    nearest port distance) at ``angle``, unless that point lies in a box of someone else
    standing close (a supporter's pill just above the person): then at ``near``, in
    reach of the arrowhead's own symbol, so that no line has to end inside another box."""
    cos, sin = math.cos(angle), math.sin(angle)
    if out > 0:
        far = (person.x + (near + out) * cos, person.y + (near + out) * sin)
        if not router.blocked(far, (*ends, ends[1] + LABEL, ends[1] + SYMBOL_BOX)):
            return far
    return (person.x + near * cos, person.y + near * sin)


def cut_at_fans(paths: list[list[Point]], ends: Sequence[str | None], firsts: Sequence[int],
                people: Mapping[str, PersonPlace]) -> None:
    """End every path into a person (``ends``) where it enters the circle of
    ``FAN_RADIUS`` round it, in place, so that bends are moved apart before the fans are
    laid out (:func:`fan_in` takes the ends as they are then); a path that lies within
    the circle from its first movable point stays whole."""
    for i, pid in enumerate(ends):
        if pid is None:
            continue
        p = people[pid]
        k, enter = _entry(paths[i], (p.x, p.y), FAN_RADIUS, firsts[i])
        head = paths[i][:k + 1]
        if math.dist(head[-1], enter) > 1e-6:
            head.append(enter)
        if len(head) >= 2:
            paths[i][:] = head


def _apart(bearings: Sequence[float]) -> list[float]:
    """``bearings`` (in order round a person, from under it) moved apart to at least
    ``ENTRY_GAP`` along the circle of ``FAN_RADIUS`` where they fit (isotonic fit)."""
    n = len(bearings)
    gap = min(ENTRY_GAP / FAN_RADIUS, 2 * math.pi / max(n, 1))
    fitted = isotonic([b - k * gap for k, b in enumerate(bearings)])
    return [f + k * gap for k, f in enumerate(fitted)]


def _moved(router: Router, before: Point, enter: Point, bearing: float, centre: Point,
           ends: tuple[str, str]) -> Point:
    """Where a line coming from ``before`` enters the circle of ``FAN_RADIUS`` once moved
    to ``bearing`` (see :func:`_round`), if the way there is clear; else ``enter``."""
    angle = bearing + _CUT
    moved = (centre[0] + FAN_RADIUS * math.cos(angle), centre[1] + FAN_RADIUS * math.sin(angle))
    if math.dist(moved, enter) < 0.5:
        return enter
    if math.dist(moved, enter) < ENTRY_GAP / 2:  # a small move: no line to cross between
        router.prepare_line(before, moved, list(ends), ends)
        return moved if router.clear(before, moved) else enter
    router.prepare_line(before, moved, list(ends), ends)
    if not router.clear(before, moved) or _crossed(router, [before, moved], ends) > \
            _crossed(router, [before, enter], ends):
        return enter
    return moved


def _leg(router: Router, enter: Point, port: Point, person: PersonPlace,
         ends: tuple[str, str], straight: float = 0.0) -> list[Point]:
    """The way from ``enter`` (on the circle of ``FAN_RADIUS``) into ``port`` on
    ``person``'s symbol: a spiral (see :func:`_spiral`; its last ``straight`` units
    pointing at the person), one that comes in sooner, or one
    round the top corner of the label on the port's side, whichever is clear of boxes
    first, unless a later one crosses fewer other lines; the router's way when none is
    clear. The person's own label and symbol may be passed close."""
    centre = (person.x, person.y)
    skip = list(ends)
    close = [ends[1] + LABEL, ends[1] + SYMBOL_BOX]
    top = person.y + SYMBOL / 2 + 1 - CORNER_ROOM
    side = person.box.x - CORNER_ROOM if port[0] < person.x else person.box.right + CORNER_ROOM
    tries = [_spiral(enter, port, centre, straight=straight),
             _spiral(enter, port, centre, fast=True, straight=straight),
             [enter, (side, top), port]]
    best: tuple[float, list[Point]] | None = None
    router.prepare_line(enter, port, skip, ends, close)
    for leg in tries:
        if not all(router.clear(a, b) for a, b in pairwise(leg)):
            continue
        crossed = _crossed(router, leg, ends)
        if best is None or crossed < best[0]:
            best = (crossed, leg)
        if crossed == 0:
            break
    if best is not None and best[0] == 0:
        return best[1]
    routed = router.route(enter, port, skip, ends, remember=False, close=close)
    if best is not None and best[0] <= _crossed(router, routed, ends):
        return best[1]
    return routed


def aims_at(line: Sequence[Point], person: PersonPlace) -> bool:
    """Whether the last piece of ``line`` points at ``person``'s centre within ``AIM``
    (its arrowhead reads as pointing at the person)."""
    (ax, ay), (bx, by) = line[-2], line[-1]
    along = math.atan2(by - ay, bx - ax)
    inward = math.atan2(person.y - by, person.x - bx)
    return abs((along - inward + math.pi) % (2 * math.pi) - math.pi) <= AIM


def aimed_leg(router: Router, leg: Sequence[Point], person: PersonPlace,
              ends: tuple[str, str], allowed: Callable[[Sequence[Point]], bool]
              ) -> list[Point] | None:
    """A new way for ``leg`` (from where its line enters the circle of ``FAN_RADIUS``
    round ``person`` to its port) whose last ``STRAIGHT_IN`` units point straight at the
    person, so that the arrowhead there points at it: a spiral (see :func:`_spiral`), or
    one that comes in sooner, the first clear of the boxes ``router`` knows that
    ``allowed`` lets pass; ``None`` where none is, or where ``leg``'s last piece already
    points at the person (:func:`aims_at`)."""
    if aims_at(leg, person):
        return None
    centre = (person.x, person.y)
    enter, port = leg[0], leg[-1]
    router.prepare_line(enter, port, list(ends), ends, [ends[1] + LABEL, ends[1] + SYMBOL_BOX])
    for way in (_spiral(enter, port, centre, straight=STRAIGHT_IN),
                _spiral(enter, port, centre, fast=True, straight=STRAIGHT_IN)):
        if all(router.clear(a, b) for a, b in pairwise(way)) and allowed(way):
            return way
    return None


def _crossed(router: Router, path: Sequence[Point], ends: tuple[str, str]) -> int:
    """How many of the lines the router remembers that share no end with ``ends``
    ``path`` crosses."""
    length = sum(math.dist(a, b) for a, b in pairwise(path))
    return round(router.cost(path, ends) - length / CROSSING_LENGTH)


def _spiral(start: Point, end: Point, centre: Point, fast: bool = False,
            straight: float = 0.0) -> list[Point]:
    """A polyline from ``start`` to ``end`` whose angle and distance round ``centre`` both
    change evenly along it: two such legs into one person whose starts and ends lie in the
    same order round it never cross (at every step they stand at one distance, in that
    order), where straight legs may. Every leg has the same ``SPIRAL_PIECES`` pieces,
    whatever its turn: the corners of two legs from one circle to one distance then stand
    at the same distances, in their order, and the pieces between stay in it (with
    pieces per turn, a leg of one straight piece beside a bent one crossed it when their
    ends were close). ``fast`` comes in to the end's distance over the first half of the
    turn (round a box near). The last ``straight`` units point straight at ``centre``
    (``STRAIGHT_IN``: the arrowhead on them points at the person)."""
    a0 = math.atan2(start[1] - centre[1], start[0] - centre[0])
    a1 = math.atan2(end[1] - centre[1], end[0] - centre[0])
    turn = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
    r0, r1 = math.dist(start, centre), math.dist(end, centre)
    short = max(r1, min(r0, r1 + straight))  # where the straight last piece starts
    out = [start]
    for k in range(1, SPIRAL_PIECES):
        t = k / SPIRAL_PIECES
        a, r = a0 + t * turn, r0 + min(1.0, 2 * t if fast else t) * (short - r0)
        out.append((centre[0] + r * math.cos(a), centre[1] + r * math.sin(a)))
    if short > r1 + 1e-6:
        out.append((centre[0] + short * math.cos(a1), centre[1] + short * math.sin(a1)))
    out.append(end)
    return out


def fan_crossings(lines: Sequence[tuple[str, str, Sequence[Point]]],
                  people: Mapping[str, PersonPlace], radius: float = FAN_RADIUS) -> int:
    """How many pairs of segments of two lines into the same person cross within
    ``radius`` of it: where a reader cannot tell which arrow is whose. ``lines`` are
    (source, target, points ending at the target), as ``routed_ends`` gives them.
    O(Σ (L · s)²) over people with L lines of s segments near them."""
    by_person: dict[str, list[list[tuple[Point, Point]]]] = {}
    for _, target, pts in lines:
        if target not in people:
            continue
        p = people[target]
        centre = (p.x, p.y)
        near = [(a, b) for a, b in pairwise(pts)
                if segment_distance(centre, a, b) < radius]
        by_person.setdefault(target, []).append(near)
    total = 0
    for pid, segs in by_person.items():
        p = people[pid]
        centre = (p.x, p.y)
        for x, mine in enumerate(segs):
            for theirs in segs[x + 1:]:
                for a, b in mine:
                    for c, d in theirs:
                        if segments_cross(a, b, c, d) and math.dist(
                                crossing_at(a, b, c, d), centre) < radius:
                            total += 1
    return total


def keeps_side(path: Sequence[Point], k: int, pt: Point, person: PersonPlace | None,
               first: int) -> bool:
    """Whether point ``k`` of ``path`` (a line drawn into a port of ``person``, its
    points from ``first`` on free to move) may move to ``pt`` as far as the side it comes
    in from goes: a line into a port beside the symbol may not then come from below
    (:func:`~systeemkaart.layout.systemogram_under.from_below`: it would climb beside
    the label, where the lines from below end under it). Any move keeps the side of a
    line into no person or into a port under the label, or one that came from below
    already."""
    return keeps_way_in(path, [*path[:k], pt, *path[k + 1:]], person, first)


def keeps_way_in(path: Sequence[Point], new: Sequence[Point], person: PersonPlace | None,
                 first: int) -> bool:
    """Whether ``new``, another way of the line ``path`` into a port of ``person`` (their
    points from ``first`` on free to move), keeps the side ``path`` comes in from, as
    :func:`keeps_side` asks of a moved point: a line into a port beside the symbol may
    not come from below where it did not."""
    if person is None or path[-1][1] > person.box.bottom:
        return True
    centre = (person.x, person.y)
    return (not from_below(person, _entry(new, centre, FROM_AFAR, first)[1])
            or from_below(person, _entry(path, centre, FROM_AFAR, first)[1]))
