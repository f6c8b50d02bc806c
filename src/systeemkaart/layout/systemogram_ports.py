"""Where the lines into a person end on its symbol: one port each, spread round it.

Ports lie on the port arc (all round the symbol but under it, where the label hangs), in
the order the lines arrive (see :mod:`.systemogram_fan`), as close to the direction each
comes from as room for an arrowhead between neighbours allows (more beside an arrow than
between two plain lines). Where more lines end at a person than the arc holds
``END_GAP`` apart, all ports stand farther out, as little as needed; where a box of
someone else stands close (a supporter's pill just above the person, a card beside it),
ports keep off the directions into which the way passes that box, and stand at the
distance out at which the arc left free holds them best (:func:`place_ports`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from itertools import pairwise

from . import Box
from .ring_centre import SYMBOL, PersonPlace
from .ring_geometry import isotonic
from .systemogram_route import Router

__all__ = ["APPROACH", "ARROW_GAP", "ARROW_ROOM", "END_GAP", "FARTHEST", "LABEL", "LINE_GAP",
           "PORT_ARC", "PORT_HI", "PORT_LO", "SYMBOL_BOX", "place_ports", "port_distance"]

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
ABOUT = 0.4
"""How much nearer than ``END_GAP`` (units, at the nearest port distance: the ends stand
a little farther apart) line ends crowded beside a box may stand, rather than keep off
the box (see :func:`_crowded`)."""
ARROW_ROOM = 4.0
"""Distance between a symbol's outline and the tip of an arrow pointing at it."""
LABEL = "\x00label"
SYMBOL_BOX = "\x00symbol"
"""What a person's id is suffixed with to name the box of its label, and of the square
inside its symbol, among the obstacles."""
PORT_LO = math.radians(145.0)
PORT_HI = math.radians(395.0)
PORT_ARC = PORT_HI - PORT_LO
"""The arc of a symbol that ports may use: all but the part above the label."""
_WHOLE = ((PORT_LO, 0.0), (PORT_HI, PORT_ARC))
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


def place_ports(router: Router, person: PersonPlace, pid: str, sex: str,
                wanted: Sequence[float], arrowed: Sequence[bool]) -> tuple[list[float], float]:
    """The port angles (as :func:`port_distance` takes them) of the lines into ``person``,
    in their order round it, close to the angles they ask for (``wanted``), and how far
    beyond :func:`port_distance` they all stand; ``arrowed[k]`` says whether ports ``k``
    and ``k + 1`` have an arrowhead between them. ``router`` knows the boxes that may
    stand close. O(n + S · b) for n ports, S directions sampled and b boxes near, and
    F · S more where a box stands close (F whole units of ``FARTHEST``)."""
    small = 1.0 if sex in ("male", "female") else 1.45  # a diamond is small
    out = _farther(len(wanted), small)
    room = _room(router, person, pid, sex)
    if any(o is None or o < out for _, o in room):  # a box close: less room there
        return _crowded(wanted, arrowed, sex, small, room)
    return _spread(wanted, _gaps(arrowed, small, out)), out


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
        a = PORT_LO + PORT_ARC * k / steps
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
    arc); else the distance at which they stand farthest apart, where that is about so
    (``ABOUT`` less); else as far out as they need on the arc free there (up to
    ``FARTHEST``), crowded.

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
    best: tuple[float, int, list[tuple[float, float]]] | None = None
    for out in range(int(FARTHEST) + 1):
        curve = _free(room, out)
        arc = curve[-1][1]
        if (n - 1) * _narrowed(small * LINE_GAP, out) <= arc:
            return _spread(wanted, _gaps(arrowed, small, out, arc), curve), float(out)
        apart = 2 * (nearest + out) * math.sin(arc / (2 * (n - 1)))  # at the nearest
        if best is None or apart > best[0]:
            best = (apart, out, curve)
    assert best is not None
    apart, out, curve = best
    if apart < END_GAP - ABOUT:
        out = int(_farther(n, small, _free(room, int(_farther(n, small)))[-1][1]))
        curve = _free(room, out)
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
