"""Genogram ports: where emotional lines leave and enter a person's symbol.

A line leaves the top of a symbol off its centre line (where the child line arrives), or a
side of it away from the partners, each line at a port of its own so that no two lie on
each other on their way out, and ends on the outline itself (a circle or a diamond is
narrower off its centre line). The routes that use these ports are made in
:mod:`.genogram_relations`; once the routes are chosen, the side ports of those drawn are
given out anew (:func:`repack_side_ports`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final

from .genogram_places import MID, SYMBOL, SYMBOL_TOP, Work, cx, row_ref
from .genogram_route import FAMILY_HALF, TEXT_CLEAR, RefPoint

__all__ = ["PORT_CLEAR", "PORT_LIMIT", "port_gaps", "repack_side_ports", "shared_ports",
           "side_away", "side_point", "side_port", "symbol_half_width", "top_offsets",
           "top_point", "top_x", "top_x_or_shared"]


_PORT_STEP: Final = 6.5
"""Distance between two ports on one side of a symbol (and from the middle)."""
_TOP_PORTS: Final = (8.5, 15.0)
"""Offsets from the centre line of the ports on a symbol's top: the child line arrives at
the centre; a line that draws wider leaves further out (see :func:`top_x`)."""
_PORT_APART: Final = 4.5
"""Two lines leaving one side of a symbol closer than about this would lie on each other
along the way out to their corridor (:func:`.lines_on_lines` counts 4)."""
_SHARED: Final = 1000.0
"""Where the keys of shared top ports begin in :attr:`.Work.top_ports` (see
:func:`top_x_or_shared`): far from any offset, so they are never near a port."""
PORT_CLEAR: Final = 5.0
"""Clear space between what two lines leaving one symbol's top draw (and between a line's
drawing and the child line arriving at the centre): they part within a few units."""
PORT_LIMIT: Final = SYMBOL / 2 - 2
"""How far from the middle of a symbol's side (or the centre of its top) a line may leave."""


def port_gaps(halves: Sequence[float]) -> list[float]:
    """The room between the centre lines of neighbouring lines leaving one side of a
    symbol that draw ``halves`` either side (in their order along it): what two draw kept
    ``PORT_CLEAR`` apart, never less than 4 units."""
    return [max(4.0, a + b + PORT_CLEAR) for a, b in itertools.pairwise(halves)]


def _half_width(work: Work, pid: str, d: float) -> float:
    """Half the width of ``pid``'s symbol at distance ``d`` from its centre line, so that
    a line ends on the outline itself (a circle or a diamond is narrower off-centre)."""
    r = SYMBOL / 2
    p = work.person[pid]
    d = min(abs(d), r)
    if p.never_lived or p.pregnancy:
        return 0.0
    if p.sex == "female":
        return math.sqrt(r * r - d * d)
    if p.sex == "other":
        return r - d
    return r


def symbol_half_width(work: Work, pid: str, d: float) -> float:
    """Half the width of ``pid``'s symbol at ``d`` from its centre line (where a line
    out of its side at that height meets the outline); public for the last pass that
    moves ports (:mod:`.genogram_part`)."""
    return _half_width(work, pid, d)


def top_offsets(work: Work, pid: str, half: float, towards: float | None = None
                ) -> list[float]:
    """The offsets from the centre line of the ports on ``pid``'s top that a line drawing
    ``half`` either side may leave by (clear of the child line arriving at the centre),
    those on the side towards ``towards`` first (the right when ``None``)."""
    sign = 1.0 if towards is None or towards >= cx(work, pid) else -1.0
    near = max(_TOP_PORTS[0], FAMILY_HALF + half + PORT_CLEAR)
    far = _TOP_PORTS[1]
    return [sign * near, sign * far, -sign * near, -sign * far] if far > near \
        else [sign * near, -sign * near]


def _under_text(work: Work, pid: str, x: float, half: float) -> bool:
    """True when a line drawing ``half`` either side, coming down at ``x`` from a relation
    lane of the band above ``pid``'s row, passes within ``TEXT_CLEAR`` of the dates written
    over a partnership bracket there."""
    router = work.router
    assert router is not None
    return router.near_text(work.st.rows[pid], x, half + TEXT_CLEAR)


def top_x(work: Work, pid: str, towards: float, half: float = FAMILY_HALF,
          text: bool = False) -> float | None:
    """Where a line drawing ``half`` either side leaves the top of a symbol: a port of its
    own, off the centre (where the child line arrives), on the side it heads to when one
    is free there; ``None`` when no port is left whose drawing keeps ``PORT_CLEAR`` from
    the child line's and from the other lines' there (with ``text``, an emotional line
    coming down from a relation lane, nor one clear of the dates written above the row,
    see :func:`_under_text`)."""
    used = work.top_ports[pid]
    offset = next((c for c in top_offsets(work, pid, half, towards)
                   if all(abs(c - o) - h - half >= PORT_CLEAR - 1e-9 for o, h in used.items())
                   and not (text and _under_text(work, pid, cx(work, pid) + c, half))),
                  None)
    if offset is None:
        return None
    used[offset] = half
    return cx(work, pid) + offset


def top_x_or_shared(work: Work, pid: str, towards: float, half: float = FAMILY_HALF,
           text: bool = False) -> float:
    """As :func:`top_x` (one under the dates written above the row when none is clear of
    them), sharing a port once all are taken (people with very many lines)."""
    x = top_x(work, pid, towards, half, text)
    if x is None and text:
        x = top_x(work, pid, towards, half)
    if x is None:
        k = len(work.top_ports[pid])
        work.top_ports[pid][_SHARED + k] = 0.0  # counted, never near a port
        x = cx(work, pid) + (1 if k % 2 else -1) * (_TOP_PORTS[0] + _TOP_PORTS[1]) / 2
    return x


def side_port(work: Work, pid: str, towards: float,
               side: float | None = None, down: bool = True) -> tuple[float, float]:
    """A port on the side of ``pid``'s symbol (``side``, else away from partners when it
    can): ``(side, dy below the middle)``. Each further line on a side takes the next
    corridor slot out, so it leaves higher when it goes ``down`` from the port and enters
    lower when it comes down to it: the lines on one side nest instead of crossing."""
    if side is None:
        side = side_away(work, pid, 1.0 if towards >= cx(work, pid) else -1.0)
    key = f"{pid}{side}"
    block = work.st.blocks[work.st.block_of[pid]]
    at = work.st.position[pid] + (1 if side > 0 else -1)
    free = not 0 <= at < len(block.persons)  # no partner on this side: below mid too
    # a partner's years stand below mid
    steps = ((2, 1, -1, -2) if down else (1, 2, -1, -2)) if free else (-1, -2, 1)
    taken = work.side_lines.get(key, [])
    limit = PORT_LIMIT
    for _ in range(8):  # clear of a single parent's line leaving the same side
        k = work.side_uses[key]
        work.side_uses[key] += 1
        dy = _PORT_STEP * steps[k % len(steps)] + (k // len(steps)) * 2.0
        dy = max(min(dy, limit), -limit)
        if all(abs(dy - t) >= 4.0 for t in taken):
            break
    return side, dy


def _side_dys(work: Work, pid: str, side: float, n: int) -> list[float]:
    """The first ``n`` heights below the middle that :func:`side_port` gives out on
    ``side`` of ``pid``'s symbol (lines leaving downwards), lowest first."""
    key = f"{pid}{side}"
    block = work.st.blocks[work.st.block_of[pid]]
    at = work.st.position[pid] + (1 if side > 0 else -1)
    steps = (2, 1, -1, -2) if not 0 <= at < len(block.persons) else (-1, -2, 1)
    taken = work.side_lines.get(key, [])
    limit = PORT_LIMIT
    out: list[float] = []
    k = 0
    while len(out) < n:
        dy = _PORT_STEP * steps[k % len(steps)] + (k // len(steps)) * 2.0
        dy = max(min(dy, limit), -limit)
        k += 1
        if k > 8 * n or all(abs(dy - t) >= 4.0 for t in taken):
            out.append(dy)
    out.sort()
    if n < 2 or all(b - a >= _PORT_APART for a, b in itertools.pairwise(out)):
        return out
    # more lines than the steps give ports for: spread them evenly over the side instead
    # (from the top down to the partner's years, or to the bottom on a free side), so no
    # two leave within _PORT_APART of each other and run out side by side
    lo, hi = -limit, (limit if steps[0] == 2 else _PORT_STEP)
    pitch = (hi - lo) / (n - 1)
    even = [round(lo + pitch * k, 2) for k in range(n)]
    if pitch >= _PORT_APART and all(abs(dy - t) >= 4.0 for dy in even for t in taken):
        return even
    return out


def repack_side_ports(work: Work, drawn: list[tuple[tuple[str, str], list[RefPoint]]],
                      halves: Sequence[float] = ()) -> list[list[RefPoint]]:
    """The routes ``drawn`` (each with the two people it joins), their side ports given
    out anew where two of them end closer than 4 units on one side: each way considered
    took a port on every side it could leave by, so on a busy side the ports ran out. On
    such a side the routes drawn take the first ports in turn, in the order of their
    heights, so lines that nested still nest. With ``halves`` (per route, half the width
    of what it draws), ports whose lines would draw closer than ``PORT_CLEAR`` are moved
    apart too, in the same order, where the side has room for that (see
    :func:`_spread`)."""
    found: dict[tuple[str, float], list[tuple[float, int, bool]]] = {}
    for n, ((a, b), path) in enumerate(drawn):
        for pid, first in ((a, True), (b, False)):
            (x0, y0), (x1, y1) = (path[0], path[1]) if first else (path[-1], path[-2])
            if len(path) < 4 or y0 != y1 or y0[0] != "row" or x0 == x1:
                continue  # not out of a side
            side = 1.0 if x1 > x0 else -1.0
            found.setdefault((pid, side), []).append((y0[2] - MID, n, first))
    out = [list(path) for _ends, path in drawn]
    for (pid, side), ends in found.items():
        ends.sort()
        dys: list[float] | None = None
        if halves:
            dys = _spread(work, pid, side, [(dy, halves[n]) for dy, n, _first in ends])
        if dys is None:
            if all(q[0] - p[0] >= 4.0 for p, q in itertools.pairwise(ends)):
                continue  # apart enough already: keep them where they were chosen
            dys = _side_dys(work, pid, side, len(ends))
        for dy, (_old, n, first) in zip(dys, ends, strict=True):
            path = out[n]
            i, j = (0, 1) if first else (-1, -2)
            y = row_ref(work.st.rows[pid], MID + dy)
            path[i] = (cx(work, pid) + side * _half_width(work, pid, dy), y)
            path[j] = (path[j][0], y)
    return out


def _spread(work: Work, pid: str, side: float, ends: list[tuple[float, float]]
            ) -> list[float] | None:
    """New heights below the middle for the line ends ``ends`` (height, half the width of
    what the line draws; sorted by height) on ``side`` of ``pid``'s symbol, in the same
    order, each pair ``PORT_CLEAR`` apart by what they draw, as near their mean height as
    the side allows; ``None`` when they are apart enough already, or the side has no
    room for that (or a single parent's line leaving there would be met)."""
    need = port_gaps([half for _dy, half in ends])
    if all(q[0] - p[0] >= gap - 1e-9 for (p, q), gap in zip(itertools.pairwise(ends), need,
                                                              strict=True)):
        return None
    limit = PORT_LIMIT
    total = sum(need)
    if total > 2 * limit:
        return None
    mean = sum(dy for dy, _half in ends) / len(ends)
    start = min(max(mean - total / 2, -limit), limit - total)
    out = [start]
    for gap in need:
        out.append(out[-1] + gap)
    taken = work.side_lines.get(f"{pid}{side}", [])
    if any(abs(dy - t) < 4.0 for dy in out for t in taken):
        return None
    return out


def side_point(work: Work, pid: str, side: float, dy: float) -> RefPoint:
    """The point of ``pid``'s outline on ``side`` (+1 right, -1 left), ``dy`` below the
    middle of the symbol (a port there)."""
    return (cx(work, pid) + side * _half_width(work, pid, dy),
            row_ref(work.st.rows[pid], MID + dy))


def top_point(work: Work, pid: str, x: float) -> RefPoint:
    """The point of ``pid``'s outline straight below ``x`` on its top (a port there)."""
    r = SYMBOL / 2
    depth = r - _half_width(work, pid, x - cx(work, pid))
    return (x, row_ref(work.st.rows[pid], SYMBOL_TOP + depth))


def side_away(work: Work, pid: str, side: float) -> float:
    """``side`` (+1 right, -1 left), unless a partner stands there and not on the other
    side: a relation never runs beside a partner line."""
    block = work.st.blocks[work.st.block_of[pid]]
    k = work.st.position[pid]
    right = k + 1 < len(block.persons)
    left = k > 0
    if side > 0 and right and not left:
        return -1.0
    if side < 0 and left and not right:
        return 1.0
    return side


def shared_ports(work: Work, pid: str) -> int:
    """How many lines share a port on ``pid``'s top (see :func:`top_x_or_shared`)."""
    return sum(1 for port in work.top_ports[pid] if port >= _SHARED)
