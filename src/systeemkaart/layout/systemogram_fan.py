"""Fanning the lines into one person: each its own port, in the order the lines arrive.

Routed lines into a person may come up one channel together and end in ports assigned by a
direction that does not match their order there, so they cross each other just before the
symbol and the reader cannot tell which arrow is whose. :func:`fan_in` orders a person's
incoming lines by where they cross circles round it, from ``FAN_RADIUS`` outwards: two
lines are ordered at the first circle where they lie apart, so lines in one channel keep
their order and lines that part go to the side they part to. Their ports on the symbol
follow that order round the symbol (cut under it, where the label hangs), spread so that
neighbouring ports keep room for an arrowhead (more room beside an arrow than between two
plain lines); the part of each line inside ``FAN_RADIUS`` is replaced by a straight leg
from where it enters the circle to its port (routed round a box where the leg is not
clear). :func:`fan_crossings` measures what this is for: pairs of lines into one person
that cross within ``FAN_RADIUS`` of it.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from functools import cmp_to_key
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import SYMBOL, PersonPlace
from .ring_geometry import crossing_at, isotonic, segments_cross
from .systemogram_route import CROSSING_LENGTH, Router

__all__ = [
    "ARROW_GAP",
    "FAN_RADIUS",
    "LABEL",
    "LINE_GAP",
    "PORT_ARC",
    "SYMBOL_BOX",
    "cut_at_fans",
    "fan_crossings",
    "fan_in",
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
ARROW_GAP = 0.42
"""Least angle (radians) between two ports where one holds an arrowhead."""
LINE_GAP = 0.34
"""Least angle (radians) between two ports that hold plain line ends: ``END_GAP`` apart
on a circle's outline."""
END_GAP = 6.0
"""Least distance (units) between two line ends on one symbol: where more lines end at a
person than its port arc holds so far apart, they all end farther out (see
:func:`_farther`)."""
FARTHEST = 12.0
"""Most distance (units) by which crowded line ends move out from a symbol."""
ENTRY_GAP = 7.0
"""Least distance (units) between two lines where they enter the circle of
``FAN_RADIUS``, where they fit."""
CORNER_ROOM = 2.0
"""How far (units) a line into a person passes off the top corner of its label."""
ARROW_ROOM = 4.0
"""Distance between a symbol's outline and the tip of an arrow pointing at it."""
LABEL = "\x00label"
SYMBOL_BOX = "\x00symbol"
"""What a person's id is suffixed with to name the box of its label, and of the square
inside its symbol, among the obstacles."""
_CUT = math.pi / 2
"""Where the order round a person starts and ends: straight under it (y grows down)."""
_PORT_LO = math.radians(145.0)
_PORT_HI = math.radians(395.0)
PORT_ARC = _PORT_HI - _PORT_LO
"""The arc of a symbol that ports may use: all but the part above the label."""
_WHOLE = ((_PORT_LO, 0.0), (_PORT_HI, PORT_ARC))
"""The port arc as a curve (angle, radians along it; see :func:`_spread`)."""
PORT_STEP = math.radians(3.0)
"""Angle between the directions in which :func:`_room` looks for a box."""
APPROACH = 8.0
"""Length (units) of the last stretch into a port, about an arrowhead, that must pass no
other box for the port to be used."""


def port_distance(sex: str, angle: float) -> float:
    """Distance from a symbol's centre to the tip of an arrow arriving at ``angle``."""
    half = SYMBOL / 2
    c, s = abs(math.cos(angle)), abs(math.sin(angle))
    if sex == "male":
        edge = half / max(c, s)
    elif sex == "female":
        edge = half
    else:
        edge = half / (c + s)
    return edge + ARROW_ROOM


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


def _farther(ports: int, small: float, arc: float = PORT_ARC) -> float:
    """How much farther out (units) than :func:`port_distance` the ends of ``ports``
    lines into one symbol stand, so that the port arc (``arc`` radians of it free) holds
    them all ``END_GAP`` apart: 0 where it does at the outline, else the least whole unit
    that does (at most ``FARTHEST``)."""
    out = 0.0
    while out < FARTHEST and (ports - 1) * _narrowed(small * LINE_GAP, out) > arc:
        out += 1.0
    return out


def _room(router: Router, person: PersonPlace, pid: str, sex: str
          ) -> list[tuple[float, float | None]]:
    """How far out a port may stand round ``person`` where a box of someone else stands
    close: for directions along the port arc, ``PORT_STEP`` apart, the most whole units
    (up to ``FARTHEST``) beyond :func:`port_distance` at which the ray from the outline's
    port to ``APPROACH`` beyond the port passes no such box (grown by a unit), so that no
    box stands between an arrow and its symbol and the last stretch in is clear; ``None``
    where not even the outline's port is so. A supporter's pill just above a person
    otherwise may take the top port, into which every way passes the pill. Empty where
    no box stands that close (nearly every person). O(c + b) for c grid cells and b
    boxes near, plus O(S · b) for S directions."""
    reach = SYMBOL / math.sqrt(2) + ARROW_ROOM + FARTHEST + APPROACH
    near = router.boxes_near((person.x, person.y), reach,
                             (pid, pid + LABEL, pid + SYMBOL_BOX))
    if not near:
        return []
    steps = math.ceil(PORT_ARC / PORT_STEP)
    out: list[tuple[float, float | None]] = []
    for k in range(steps + 1):
        a = _PORT_LO + PORT_ARC * k / steps
        c, s = math.cos(a), math.sin(a)
        d = port_distance(sex, a)
        free = d + APPROACH + FARTHEST + 1
        for b in near:
            inside = _on_ray(person.x, person.y, c, s, b)
            if inside is not None and inside[1] > d:
                free = min(free, inside[0])
        room = min(FARTHEST, math.floor(free - d - APPROACH))
        out.append((a, float(room) if room >= 0 else None))
    return out


def _on_ray(x: float, y: float, c: float, s: float, box: Box) -> tuple[float, float] | None:
    """Where the ray from (``x``, ``y``) in direction (``c``, ``s``) runs inside ``box``
    grown by a unit: the distances along it in and out, or ``None`` (slab clipping)."""
    lo, hi = -math.inf, math.inf
    for p, d, a, b in ((x, c, box.x - 1, box.right + 1), (y, s, box.y - 1, box.bottom + 1)):
        if abs(d) < 1e-12:
            if not a < p < b:
                return None
            continue
        t1, t2 = (a - p) / d, (b - p) / d
        lo, hi = max(lo, min(t1, t2)), min(hi, max(t1, t2))
    return (lo, hi) if lo < hi else None


def _crowded(wanted: Sequence[float], arrowed: Sequence[bool], sex: str, small: float,
             room: Sequence[tuple[float, float | None]]) -> tuple[list[float], float]:
    """Port angles close to ``wanted`` and how far out they all stand where a box stands
    close (see :func:`_room`), on the directions with room for that distance: the least
    whole units out at which they stand ``END_GAP`` apart (as :func:`_farther` on a free
    arc), else about so (half a unit less), else as far out as they need on the arc
    free there (up to ``FARTHEST``), crowded.

    Farther out there is more room between ports but less free arc beside a box; nearer
    the symbol the arc under a box close above may be free, which may give back what the
    arc beside it lost. Where not even about ``END_GAP`` can be had, the ports keep off
    the box rather than stand a little farther apart under it: ways into ports under a
    box squeeze past it and cross the others near the person. One distance for all keeps
    the legs in from crossing (see :func:`_spiral`). O(F · S + n) for F whole units of
    ``FARTHEST`` and S directions."""
    n = len(wanted)
    if _free(room, 0)[-1][1] <= 0.0:  # no direction free even at the outline: all of it
        out = _farther(n, small)
        return _spread(wanted, _gaps(arrowed, small, out)), out
    nearest = min(port_distance(sex, a) for a, _ in room)
    about: tuple[int, list[tuple[float, float]]] | None = None
    for out in range(int(FARTHEST) + 1):
        curve = _free(room, out)
        arc = curve[-1][1]
        if (n - 1) * _narrowed(small * LINE_GAP, out) <= arc:
            return _spread(wanted, _gaps(arrowed, small, out, arc), curve), float(out)
        if about is None and 2 * (nearest + out) * math.sin(arc / (2 * (n - 1))) \
                >= END_GAP - 0.5:
            about = (out, curve)
    if about is None:
        out = int(_farther(n, small, _free(room, int(_farther(n, small)))[-1][1]))
        about = (out, _free(room, out))
    out, curve = about
    return _spread(wanted, _gaps(arrowed, small, out, curve[-1][1]), curve), float(out)


def _free(room: Sequence[tuple[float, float | None]], out: int) -> list[tuple[float, float]]:
    """The port arc as a curve (angle, radians along it) over the directions of ``room``
    with room for ports ``out`` units out: blocked stretches add nothing."""
    curve = [(room[0][0], 0.0)]
    for (a, o), (b, p) in pairwise(room):
        step = b - a if o is not None and p is not None and o >= out and p >= out else 0.0
        curve.append((b, curve[-1][1] + step))
    return curve


def _along(angle: float, curve: Sequence[tuple[float, float]]) -> float:
    """Where ``angle`` lies along ``curve`` ((angle, length) points, both ascending):
    straight between its points."""
    k = min(max(bisect.bisect_right([a for a, _ in curve], angle) - 1, 0), len(curve) - 2)
    (a0, u0), (a1, u1) = curve[k], curve[k + 1]
    return u0 + (min(max(angle, a0), a1) - a0) * ((u1 - u0) / (a1 - a0))


def _angle_at(u: float, curve: Sequence[tuple[float, float]]) -> float:
    """The first angle at length ``u`` along ``curve`` (see :func:`_along`)."""
    k = min(max(bisect.bisect_left([v for _, v in curve], u) - 1, 0), len(curve) - 2)
    (a0, u0), (a1, u1) = curve[k], curve[k + 1]
    if u1 <= u0:
        return a0
    return a0 + (min(max(u, u0), u1) - u0) / ((u1 - u0) / (a1 - a0))


def _narrowed(gap: float, out: float) -> float:
    """The angle that spans the chord of ``gap`` (radians, at the nearest port distance)
    on a circle ``out`` units farther from the symbol's centre."""
    near = SYMBOL / 2 + ARROW_ROOM
    return 2 * math.asin(min(1.0, math.sin(gap / 2) * near / (near + out)))


def _spread(wanted: Sequence[float], gaps: Sequence[float],
            curve: Sequence[tuple[float, float]] = _WHOLE) -> list[float]:
    """Port angles close to ``wanted`` (in order) whose neighbours stand ``gaps`` apart
    along ``curve`` ((angle, radians along it) points: the port arc, or its directions
    free where a box stands close, see :func:`_free`); an isotonic fit along it, O(n + S)
    for S points of the curve."""
    offsets = [0.0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    fitted = isotonic([_along(w, curve) - o for w, o in zip(wanted, offsets, strict=True)])
    top = curve[-1][1] - offsets[-1]
    return [_angle_at(min(max(f, 0.0), top) + o, curve)
            for f, o in zip(fitted, offsets, strict=True)]


def _gaps(arrowed: Sequence[bool], small: float, out: float = 0.0, arc: float = PORT_ARC
          ) -> list[float]:
    """The angles between neighbouring ports: ``ARROW_GAP`` (times ``small``) each where
    they fit on the port arc; else the gaps between two plain line ends narrowed first,
    down to ``LINE_GAP``, then those beside an arrowhead down to it, and then all alike
    (angles that span the same chords ``out`` units farther out, see
    :func:`_narrowed`), on ``arc`` radians of free port arc."""
    wide = _narrowed(small * ARROW_GAP, out)
    line = _narrowed(small * LINE_GAP, out)
    n = len(arrowed)
    if n * wide <= arc:
        return [wide] * n
    plain = arrowed.count(False)
    rest = arc - (n - plain) * wide
    if plain and rest >= plain * line:
        return [wide if a else rest / plain for a in arrowed]
    rest = arc - plain * line
    if rest >= (n - plain) * line:
        return [rest / (n - plain) if a else line for a in arrowed]
    return [arc / n] * n


def _wanted(path: Sequence[Point], centre: Point, first: int) -> float:
    """The port angle a line asks for: the direction it enters ``FAN_RADIUS`` from, on
    the port arc (under the symbol: the nearer end of the arc)."""
    pt = _entry(path, centre, FAN_RADIUS, first)[1]
    a = _round(pt, centre) + _CUT
    return min(max(a, _PORT_LO), _PORT_HI)


def fan_in(router: Router, paths: list[list[Point]], ends: Sequence[str | None],
           sources: Sequence[str], arrows: Sequence[bool], firsts: Sequence[int],
           people: Mapping[str, PersonPlace], sexes: Mapping[str, str]) -> list[int]:
    """Give every line into a person its own port, in the order the lines arrive round it,
    and lay out the part of each inside ``FAN_RADIUS`` afresh, in place.

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
        order = _order(paths, lines, centre, firsts)
        sex = sexes.get(pid, "unknown")
        small = 1.0 if sex in ("male", "female") else 1.45  # a diamond is small
        arrowed = [arrows[i] or arrows[j] for i, j in pairwise(order)]
        wanted = [_wanted(paths[i], centre, firsts[i]) for i in order]
        entries = [_entry(paths[i], centre, FAN_RADIUS, firsts[i]) for i in order]
        spaced = _apart([_round(pt, centre) for _, pt in entries])
        out = _farther(len(order), small)
        room = _room(router, p, pid, sex)
        if any(o is None or o < out for _, o in room):  # a box close: less room there
            ports, out = _crowded(wanted, arrowed, sex, small, room)
        else:
            ports = _spread(wanted, _gaps(arrowed, small, out))
        for i, angle, (k, enter), bearing in zip(order, ports, entries, spaced, strict=True):
            ends_i = (sources[i], pid)
            port = _port(router, p, port_distance(sex, angle), angle, out, ends_i)
            path = paths[i]
            if math.dist(enter, centre) > FAN_RADIUS - 0.5:
                enter = _moved(router, path[k], enter, bearing, centre, ends_i)
            leg = _leg(router, enter, port, p, ends_i)
            head = path[:k + 1]
            if math.dist(head[-1], leg[0]) < 1e-6:
                head.pop()
            path[:] = head + leg
            kept[i] = len(leg)
    return kept


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
         ends: tuple[str, str]) -> list[Point]:
    """The way from ``enter`` (on the circle of ``FAN_RADIUS``) into ``port`` on
    ``person``'s symbol: a spiral (see :func:`_spiral`), one that comes in sooner, or one
    round the top corner of the label on the port's side, whichever is clear of boxes
    first, unless a later one crosses fewer other lines; the router's way when none is
    clear. The person's own label and symbol may be passed close."""
    centre = (person.x, person.y)
    skip = list(ends)
    close = [ends[1] + LABEL, ends[1] + SYMBOL_BOX]
    top = person.y + SYMBOL / 2 + 1 - CORNER_ROOM
    side = person.box.x - CORNER_ROOM if port[0] < person.x else person.box.right + CORNER_ROOM
    tries = [_spiral(enter, port, centre), _spiral(enter, port, centre, fast=True),
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


def _crossed(router: Router, path: Sequence[Point], ends: tuple[str, str]) -> int:
    """How many of the lines the router remembers that share no end with ``ends``
    ``path`` crosses."""
    length = sum(math.dist(a, b) for a, b in pairwise(path))
    return round(router.cost(path, ends) - length / CROSSING_LENGTH)


def _spiral(start: Point, end: Point, centre: Point, fast: bool = False) -> list[Point]:
    """A polyline from ``start`` to ``end`` whose angle and distance round ``centre`` both
    change evenly along it: two such legs into one person whose starts and ends lie in the
    same order round it never cross (at every step they stand at one distance, in that
    order), where straight legs may. Every leg has the same ``SPIRAL_PIECES`` pieces,
    whatever its turn: the corners of two legs from one circle to one distance then stand
    at the same distances, in their order, and the pieces between stay in it (with
    pieces per turn, a leg of one straight piece beside a bent one crossed it when their
    ends were close). ``fast`` comes in to the end's distance over the first half of the
    turn (round a box near)."""
    a0 = math.atan2(start[1] - centre[1], start[0] - centre[0])
    a1 = math.atan2(end[1] - centre[1], end[0] - centre[0])
    turn = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
    r0, r1 = math.dist(start, centre), math.dist(end, centre)
    out = [start]
    for k in range(1, SPIRAL_PIECES):
        t = k / SPIRAL_PIECES
        a, r = a0 + t * turn, r0 + min(1.0, 2 * t if fast else t) * (r1 - r0)
        out.append((centre[0] + r * math.cos(a), centre[1] + r * math.sin(a)))
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
