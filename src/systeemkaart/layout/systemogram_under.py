"""Ports under a person's label, for the lines that come to it from below.

A person's label hangs under its symbol, so the port arc round the symbol leaves out the
part under it (see :mod:`.systemogram_ports`). A line from below then climbed beside the
label into the lower left or right of the symbol, beside the others doing so, crowded a
few units apart and zigzagging round the label to its port. Such a line now ends under
the label instead: its arrowhead points up through the label at the person's centre
(the person's box, symbol and label, is one node to a reader), each line its own port
along the label's bottom edge, ``UNDER_GAP`` apart (room between two heads), in the
order the lines come. A line comes from below where it enters the circle of
``FROM_AFAR`` round the person under the label, within ``UNDER_CONE`` of straight down
(:func:`from_below`); :func:`under_ports` places the ports, :func:`under_leg` lays the
way in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise

from . import Point
from .ring_centre import PersonPlace
from .ring_geometry import isotonic
from .systemogram_heads import HEAD_LENGTH
from .systemogram_ports import ARROW_ROOM, LABEL, SYMBOL_BOX
from .systemogram_route import Router

__all__ = ["BUSY_CONE", "FROM_AFAR", "UNDER_CONE", "UNDER_GAP", "from_below", "under_leg",
           "under_ports", "under_reach"]

FROM_AFAR = 80.0
"""Radius (units) of the circle round a person where a line's direction is judged."""
UNDER_CONE = math.radians(40.0)
"""Most angle from straight down at which a line entering the circle of ``FROM_AFAR``
comes from below."""
BUSY_CONE = math.radians(65.0)
"""Most angle from straight down at which a line into a busy person comes from below
(see :func:`from_below`)."""
UNDER_GAP = 11.0
"""Distance (units) between two ports under a label: two arrowheads (their bases
``2 * HEAD_HALF`` wide) keep ``HEAD_GAP`` apart."""
EDGE = 4.0
"""Distance (units) of the outermost ports under a label from its box's sides."""
STAND = HEAD_LENGTH + 1.0
"""Length (units) of the last, straight piece into a port under a label: it holds the
arrowhead, which so points at the person's centre."""


def _port_y(person: PersonPlace) -> float:
    """The height of the ports under ``person``'s label."""
    return person.box.bottom + ARROW_ROOM


def from_below(person: PersonPlace, enter: Point, busy: bool = False) -> bool:
    """Whether a line entering the circle of ``FROM_AFAR`` round ``person`` at ``enter``
    comes from below: under the ports under its label by more than the straight piece
    into them, within ``UNDER_CONE`` of straight down; into a ``busy`` person (more
    lines than its port arc holds with room for arrowheads), anywhere under its label
    within ``BUSY_CONE``, so that the arc keeps room for the others."""
    dx, dy = enter[0] - person.x, enter[1] - person.y
    if busy:
        return enter[1] > person.box.bottom and abs(math.atan2(dx, dy)) <= BUSY_CONE
    return enter[1] > _port_y(person) + STAND and abs(math.atan2(dx, dy)) <= UNDER_CONE


def under_ports(person: PersonPlace, enters: Mapping[int, Point]) -> dict[int, Point]:
    """Ports under ``person``'s label for the lines ``enters`` names (line -> where it
    enters the circle of ``FROM_AFAR``, from below): each where its straight way to the
    person's centre meets the ports' height, moved apart to ``UNDER_GAP`` in that order
    (isotonic fit) within the label's width. Where not all fit, those nearest straight
    down have them (the others keep the port arc). O(n log n) for n lines."""
    y = _port_y(person)
    lo, hi = person.box.x + EDGE, person.box.right - EDGE
    wanted = {}
    for i, (ex, ey) in enters.items():
        wanted[i] = person.x + (ex - person.x) * (y - person.y) / (ey - person.y)
    room = int((hi - lo) // UNDER_GAP) + 1 if hi >= lo else 0
    chosen = sorted(sorted(wanted, key=lambda i: (abs(wanted[i] - person.x), i))[:room],
                    key=lambda i: (wanted[i], i))
    if not chosen:
        return {}
    n = len(chosen)
    top = hi - (n - 1) * UNDER_GAP
    fitted = isotonic([wanted[i] - k * UNDER_GAP for k, i in enumerate(chosen)])
    return {i: (min(max(f, lo), top) + k * UNDER_GAP, y)
            for k, (i, f) in enumerate(zip(chosen, fitted, strict=True))}


def under_leg(router: Router, enter: Point, port: Point, person: PersonPlace,
              ends: tuple[str, str]) -> list[Point] | None:
    """The way from ``enter`` (on the circle of ``FROM_AFAR``) into ``port`` under
    ``person``'s label: routed round boxes to where the last ``STAND`` units start, then
    straight at the person's centre; ``None`` where that start lies in a box of someone
    else (another row of the household close under it) or no clear way reaches it."""
    pid = ends[1]
    dx, dy = port[0] - person.x, port[1] - person.y
    far = math.hypot(dx, dy)
    stand = (port[0] + dx / far * STAND, port[1] + dy / far * STAND)
    own = (ends[0], pid, pid + LABEL, pid + SYMBOL_BOX)
    if router.blocked(stand, own):
        return None
    skip, close = list(ends), [pid + LABEL, pid + SYMBOL_BOX]
    way = router.route(enter, stand, skip, ends, remember=False, close=close)
    router.prepare_line(enter, stand, skip, ends, close)
    if not all(router.clear(a, b) for a, b in pairwise(way)):
        return None
    return [*way, port]


def under_reach(pt: Point, person: PersonPlace) -> bool:
    """Whether ``pt`` lies on the last piece into a port under ``person``'s label (later
    moves of lines must leave it, or the arrowhead would no longer point at the
    person)."""
    y = _port_y(person)
    return (person.box.x - STAND <= pt[0] <= person.box.right + STAND
            and person.box.bottom <= pt[1] <= y + STAND + 1.0)
