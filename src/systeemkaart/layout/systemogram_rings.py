"""Placing a systemogram's units on rings around the family, never overlapping.

Each unit wants the direction of the people it acts on (the barycentre of their positions)
plus a pull towards its kind's side. On a ring, the least angle between two neighbours that
keeps their boxes apart is computed in closed form
(:func:`~systeemkaart.layout.ring_geometry.angular_gap`); the angles are fitted to the
wishes by isotonic regression under those gaps, the radius grows until every box is clear
of its neighbours and of everything inside, and then each box is pulled inwards along its
ray while it stays clear. Cost: O(A log A + A²) per ring try for A units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..exceptions import LayoutError
from .ring_centre import CentrePlace
from .ring_geometry import (
    TAU,
    Box,
    angular_gap,
    max_distance_to_origin,
    min_distance_to_origin,
    place_on_circle,
)
from .systemogram_units import DOWN, UP, Unit

__all__ = ["BOX_GAP", "RING_GAP", "desired_angles", "place_rings"]

BOX_GAP = 16.0
"""Least space between two boxes of one ring: a channel for the lines that pass."""
RING_GAP = 28.0
"""Least space between a box and any box of an inner ring (room for lines to pass)."""
RING_STEP = 40.0
"""Least difference between the radii of two successive rings (before pulling in)."""
PULL_STEP = 4.0


def desired_angles(units: Sequence[Unit], targets: dict[str, list[str]], centre: CentrePlace,
             optimise: bool, side_weight: float = 1.0) -> dict[str, float]:
    """Preferred angle of each unit: barycentre of its targets plus a pull to its side."""
    out: dict[str, float] = {}
    by_ring: dict[int, list[Unit]] = {}
    for u in units:
        by_ring.setdefault(u.ring, []).append(u)
    scale = max(centre.radius, 1.0)
    for ring_units in by_ring.values():
        n = len(ring_units)
        for i, u in enumerate(ring_units):
            if not optimise:
                out[u.id] = (UP + TAU * i / n) % TAU
                continue
            pts = [centre.people[t] for part in u.parts for t in targets.get(part[0], [])
                   if t in centre.people]
            vx = sum(p.x for p in pts) / scale / len(pts) if pts else 0.0
            vy = sum(p.y for p in pts) / scale / len(pts) if pts else 0.0
            if u.side is not None:
                vx += side_weight * math.cos(u.side)
                vy += side_weight * math.sin(u.side)
            if abs(vx) < 1e-9 and abs(vy) < 1e-9:
                vx, vy = math.cos(DOWN + TAU * i / n), math.sin(DOWN + TAU * i / n)
            out[u.id] = math.atan2(vy, vx) % TAU
    return out


def _unit_box(u: Unit, radius: float, angle: float) -> Box:
    cx, cy = radius * math.cos(angle), radius * math.sin(angle)
    return Box(round(cx - u.w / 2, 2), round(cy - u.h / 2, 2), u.w, u.h)


def _ring_ok(ring: Sequence[Unit], angles: Sequence[float], radius: float,
             inner: Sequence[Box], reach: float) -> bool:
    """No two boxes of the ring overlap, nor any ring box a box placed before (``inner``,
    all within ``reach`` of the origin). Boxes are compared in angular order with their
    next few neighbours, which is where an overlap can occur: O(n + n·m) at worst."""
    boxes = [_unit_box(u, radius, a) for u, a in zip(ring, angles, strict=True)]
    for b in boxes:
        if min_distance_to_origin(b) < reach and any(b.overlaps(o) for o in inner):
            return False
    n = len(boxes)
    order = sorted(range(n), key=lambda i: angles[i])
    span = min(n - 1, 4)
    for k in range(n):
        a = boxes[order[k]]
        for j in range(1, span + 1):
            if a.overlaps(boxes[order[(k + j) % n]], BOX_GAP):
                return False
    return True


def _place_ring(ring: list[Unit], desired: dict[str, float], floor: float,
                inner: Sequence[Box]) -> tuple[float, list[float]]:
    """Radius (at least ``floor``) and angles for one ring, clear of the ``inner`` boxes."""
    ring.sort(key=lambda u: (desired[u.id], u.order))
    want = [desired[u.id] for u in ring]
    n = len(ring)
    # no ring is shorter than its boxes side by side at their narrowest: start there
    least = sum(min(u.w, u.h) + BOX_GAP for u in ring) / TAU if n > 1 else 0.0
    radius = max(floor, least)
    reach = max((max_distance_to_origin(b) for b in inner), default=0.0)

    def gaps_at(at: Sequence[float]) -> list[float]:
        if n == 1:
            return [0.0]
        out = []
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            mid = at[i] + ((at[(i + 1) % n] - at[i]) % TAU) / 2
            out.append(angular_gap((a.w, a.h), (b.w, b.h), mid, radius, BOX_GAP) * 1.02)
        return out

    for _ in range(600):
        angles: list[float] | None = list(want)
        ok = False
        for _fit in range(4):  # the gaps depend on where the boxes end up: fit, re-measure
            assert angles is not None
            gaps = gaps_at(angles)
            if not all(math.isfinite(g) for g in gaps):
                angles = None
                break
            angles = place_on_circle(want, gaps)
            if angles is None:
                break
            ok = _ring_ok(ring, angles, radius, inner, reach)
            if ok:
                break
        if angles is not None and ok:
            return radius, angles
        radius += max(4.0, radius * 0.04)
    raise LayoutError(f"could not place {n} boxes on a ring without overlaps")


def _pull_in(u: Unit, angle: float, radius: float, least: float, inner: Sequence[Box],
             mates: Sequence[Box]) -> float:
    """Move a box inwards along its ray while it stays clear of everything: rings nest
    closely where there is room, yet a ring never comes nearer than ``least`` (the mean
    radius of the ring inside it)."""
    step = PULL_STEP
    r = radius
    near = least - math.hypot(u.w, u.h) - BOX_GAP  # nothing nearer the origin can be hit
    inner = [o for o in inner if max_distance_to_origin(o) > near]
    mates = [m for m in mates if max_distance_to_origin(m) > near]
    while r - step >= least:
        box = _unit_box(u, r - step, angle)
        if any(box.overlaps(o) for o in inner) or any(box.overlaps(m, BOX_GAP)
                                                     for m in mates):
            break
        r -= step
    return r


def place_rings(units: list[Unit], desired: dict[str, float], centre: CentrePlace
           ) -> tuple[dict[str, Box], dict[str, float], list[float]]:
    """Place ring 1, 2 and 3 in turn; each ring lies beyond the one inside it.

    A ring's radius is at least the previous ring's plus ``RING_STEP``; it grows until its
    boxes are apart from each other and from every box placed before (grown by
    ``RING_GAP``); then each box is pulled inwards along its ray while it stays clear
    (:func:`_pull_in`), so rings nest tightly without ever touching.
    """
    boxes: dict[str, Box] = {}
    angles: dict[str, float] = {}
    radii: list[float] = []
    inner = [p.box.grow(RING_GAP / 2) for p in centre.people.values()]
    inner += [h.frame.grow(RING_GAP / 2) for h in centre.households]
    block = Box.around(inner) if inner else Box(0, 0, 0, 0)
    floor = min(block.w, block.h) / 2 if inner else 0.0
    least = 0.0
    for ring_no in (1, 2, 3):
        ring = [u for u in units if u.ring == ring_no]
        if not ring:
            continue
        start = floor + min(min(u.w, u.h) for u in ring) / 2
        radius, placed = _place_ring(ring, desired, start, inner)
        radii.append(radius)
        mine = {u.id: _unit_box(u, radius, a) for u, a in zip(ring, placed, strict=True)}
        pulled = []
        for u, a in zip(ring, placed, strict=True):
            r = _pull_in(u, a, radius, least, inner, [b for k, b in mine.items() if k != u.id])
            mine[u.id] = _unit_box(u, r, a)
            pulled.append(r)
        for u, a in zip(ring, placed, strict=True):
            boxes[u.id] = mine[u.id]
            angles[u.id] = a
            inner.append(mine[u.id].grow(RING_GAP / 2))
        floor = radius + RING_STEP
        least = sum(pulled) / len(pulled)
    return boxes, angles, radii
