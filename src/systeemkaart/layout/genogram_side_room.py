"""Genogram emotional lines: whether one side or top of a symbol has room for its lines.

The line ends on one side of a symbol are given out again once the ways are chosen
(:func:`.genogram_ports.repack_side_ports`), each pair ``PORT_CLEAR`` apart by what the
two lines draw where the side holds that; where it does not, they fall back to ports a
few units apart and what they draw overlaps on the way out. A top holds its lines either
side of the child line arriving at its centre, out to ``SYMBOL / 2 - 2`` from it. Here
the choice of ways (:func:`.genogram_choice.choose_ways`) asks how many ends of a way
would leave a side or top holding more lines than it has room for, with the ways placed
for the other relations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from . import Point
from .genogram_near import Segment
from .genogram_ports import PORT_CLEAR, PORT_LIMIT, port_gaps
from .genogram_route import FAMILY_HALF

__all__ = ["Where", "end_place", "overfull_count", "overfull_ends"]

Where = tuple[str, int]
"""Where a line leaves a symbol: ``("side", ±1)`` or ``("top", ±1)`` (the top's half
right or left of the child line), or ``("", 0)`` (elsewhere: below, or at the centre)."""

def end_place(segs: list[Segment], first: bool, centre_x: float) -> tuple[Where, float]:
    """Which side or top the end of the way ``segs`` at its first (``first``) or last point
    leaves its symbol by (whose centre lies at ``centre_x``), and where along it: the end's
    height on a side, its x on a top. Judged by the direction of the way's end segment:
    level out of a side, upwards out of the top."""
    (px, py), (qx, qy) = segs[0] if first else (segs[-1][1], segs[-1][0])
    dx, dy = qx - px, qy - py
    if abs(dx) >= abs(dy) and dx != 0:
        return ("side", 1 if dx > 0 else -1), py
    if dy < 0:
        return ("top", 1 if px >= centre_x else -1), px
    return ("", 0), 0.0


def _side_need(halves: list[float]) -> float:
    """The room the lines drawing ``halves`` (in their order along the side) need between
    their centre lines, as :func:`.genogram_ports.repack_side_ports` spreads them."""
    return sum(port_gaps(halves))


def _top_need(halves: list[float]) -> float:
    """The offset from the centre of a top the outermost of the lines drawing ``halves``
    (from the centre outwards) needs, each clear of the child line and of its neighbour."""
    if not halves:
        return 0.0
    return FAMILY_HALF + PORT_CLEAR + halves[0] + _side_need(halves)


def _overfull(where: Where, lines: list[tuple[float, float]]) -> bool:
    """True when the lines ``lines`` (where along it, half of what it draws) leaving by
    ``where`` need more room than it holds."""
    if len(lines) < 2:
        return False
    lines = sorted(lines)
    if where[0] == "side":
        return _side_need([h for _at, h in lines]) > 2 * PORT_LIMIT + 1e-9
    outwards = lines if where[1] > 0 else lines[::-1]
    return _top_need([h for _at, h in outwards]) > PORT_LIMIT + 1e-9


def overfull_ends(centre: Callable[[str], Point],
                  relations: Sequence[tuple[tuple[str, str], float]], k: int,
                  segs: list[Segment], ends: Mapping[str, Mapping[int, object]],
                  placed: Mapping[int, list[Segment]]) -> int:
    """How many of the two ends of the way ``segs`` of relation ``k`` would leave a side
    or top of its symbol that then holds more lines than it has room for (``centre``: a
    person's symbol's centre). ``relations``:
    per relation, its two people and half the width of what it draws; the other lines
    there are the ways ``placed`` (per relation placed: its way) of the relations with an
    end on that person (``ends``: per person, those relations)."""
    over = 0
    between, half = relations[k]
    for first, pid in ((True, between[0]), (False, between[1])):
        centre_x = centre(pid)[0]
        where, at = end_place(segs, first, centre_x)
        if not where[0]:
            continue
        lines: list[tuple[float, float]] = []
        for o in ends.get(pid, {}):
            other = placed.get(o)
            if o == k or not other:
                continue
            people, other_half = relations[o]
            for other_first, other_pid in ((True, people[0]), (False, people[1])):
                if other_pid == pid:
                    other_where, other_at = end_place(other, other_first, centre_x)
                    if other_where == where:
                        lines.append((other_at, other_half))
        if lines and _overfull(where, [*lines, (at, half)]):
            over += 1
    return over


def overfull_count(centre: Callable[[str], Point],
                   relations: Sequence[tuple[tuple[str, str], float]],
                   chosen: Sequence[int], ways: Sequence[Sequence[list[Segment]]],
                   ends: Mapping[str, Mapping[int, object]],
                   placed: Mapping[int, list[Segment]]) -> int:
    """How many ends of the ways ``chosen`` (per relation, which of its ``ways``; all
    ``placed``) leave a side or top holding more lines than it has room for (see
    :func:`overfull_ends`): what deciding the ways again with that counted should lower."""
    return sum(overfull_ends(centre, relations, k, ways[k][j], ends, placed)
               for k, j in enumerate(chosen))
