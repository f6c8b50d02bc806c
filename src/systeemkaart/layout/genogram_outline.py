"""Where a genogram emotional line leaves a person's symbol: on its outline (a square, a
circle, a diamond, or the small marks of a pregnancy or a loss), aimed at its centre or
running beside that."""

from __future__ import annotations

import math

from .genogram_places import MID, SMALL, SYMBOL, Work, row_ref, small_kind
from .genogram_route import RefPoint

__all__ = ["along", "exit_distance", "reach"]


def along(work: Work, pid: str, ux: float, uy: float) -> RefPoint:
    """The point of ``pid``'s outline in direction ``(ux, uy)`` from its centre."""
    t = reach(work, pid, ux, uy)
    return (work.centre[pid] + ux * t, row_ref(work.st.rows[pid], MID + uy * t))


def exit_distance(work: Work, pid: str, offset: float, ux: float, uy: float) -> float | None:
    """How far a line in direction ``(ux, uy)`` (a unit vector), ``offset`` to the left of
    the centre of ``pid``'s symbol, runs from beside the centre to the outline; ``None``
    when it misses the symbol (or nearly: it would leave at a glancing angle)."""
    r = SYMBOL / 2
    p = work.person[pid]
    kind = small_kind(p)
    ox, oy = -uy * offset, ux * offset
    if kind is not None or p.pregnancy or p.sex == "female":
        radius = r * SMALL[kind] if kind is not None else r * 0.8 if p.pregnancy else r
        if abs(offset) > radius * 0.8:
            return None
        return math.sqrt(radius * radius - offset * offset)
    sides = ((1, 1), (1, -1), (-1, 1), (-1, -1)) if p.sex == "other" else \
        ((1, 0), (-1, 0), (0, 1), (0, -1))
    out = math.inf  # the outline is where the line leaves the first half-plane
    for sx, sy in sides:
        rate = sx * ux + sy * uy
        if rate > 1e-9:
            out = min(out, (r - sx * ox - sy * oy) / rate)
    return out if out < math.inf else None


def reach(work: Work, pid: str, ux: float, uy: float) -> float:
    """Distance from the centre of ``pid``'s symbol to its outline in direction ``(ux,
    uy)`` (a unit vector)."""
    r = SYMBOL / 2
    p = work.person[pid]
    kind = small_kind(p)
    if kind is not None:
        return r * SMALL[kind]
    if p.pregnancy:
        return r * 0.8
    if p.sex == "female":
        return r
    if p.sex == "other":
        return r / (abs(ux) + abs(uy))
    return r / max(abs(ux), abs(uy))
