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
from collections.abc import Collection, Mapping, Sequence

from ..exceptions import LayoutError
from .ring_centre import CentrePlace
from .ring_geometry import (
    TAU,
    Box,
    Point,
    angular_gap,
    circle_cuts,
    max_distance_to_origin,
    place_on_circle,
    segments_cross,
)
from .systemogram_units import DOWN, UP, Unit

__all__ = ["BOX_GAP", "RING_GAP", "desired_angles", "exchange_neighbours", "place_rings",
           "within_reach"]

BOX_GAP = 16.0
"""Least space between two boxes of one ring: a channel for the lines that pass."""
RING_GAP = 28.0
"""Least space between a box and any box of an inner ring (room for lines to pass)."""
RING_STEP = 40.0
"""Least difference between the radii of two successive rings (before pulling in)."""
PULL_STEP = 4.0
SIDE_SLACK = math.pi / 4
"""How far (radians) from its kind's side a swap of neighbours may move a box (unless it
already stood further off, then no further)."""
RADIUS_STEPS = 601
"""How many radii a ring's search may try (from its start, each 4 % and at least 4 units
beyond the one before)."""
REACH_STEP = math.pi / 36
"""The step (5°) in which :func:`within_reach` turns a box along its ring."""
REACH_TURN = math.pi / 4
"""How far (radians) :func:`within_reach` may turn a box from where it stood."""


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


def _unit_lines(u: Unit, targets: dict[str, list[str]], centre: CentrePlace
                ) -> list[tuple[float, float]]:
    return [(centre.people[t].x, centre.people[t].y) for part in u.parts
            for t in targets.get(part[0], []) if t in centre.people]


def _crossings_between(a: Point, a_ends: Sequence[Point], b: Point,
                       b_ends: Sequence[Point]) -> int:
    """How many of the straight lines from ``a`` to ``a_ends`` cross those from ``b`` to
    ``b_ends``: :func:`~.ring_geometry.segments_cross` of each pair, written out with
    what one line from ``a`` shares with every line from ``b`` worked out once (each
    swap a round weighs tests every pair of two units' lines, twice)."""
    (ax, ay), (cx, cy) = a, b
    total = 0
    for bx, by in a_ends:
        ux, uy = bx - ax, by - ay
        d3 = ux * (cy - ay) - uy * (cx - ax)
        for dx, dy in b_ends:
            d4 = ux * (dy - ay) - uy * (dx - ax)
            if not ((d3 > 0 > d4) or (d3 < 0 < d4)):
                continue
            vx, vy = dx - cx, dy - cy
            d1 = vx * (ay - cy) - vy * (ax - cx)
            d2 = vx * (by - cy) - vy * (bx - cx)
            if (d1 > 0 > d2) or (d1 < 0 < d2):
                total += 1
    return total


def _off(a: float, b: float) -> float:
    return min((a - b) % TAU, (b - a) % TAU)


def _stays(u: Unit, old: float, new: float) -> bool:
    """True when moving ``u`` from ``old`` to ``new`` keeps it near its kind's side."""
    if u.side is None:
        return True
    return _off(new, u.side) <= max(_off(old, u.side), SIDE_SLACK)


def exchange_neighbours(units: Sequence[Unit], desired: dict[str, float],
                        targets: dict[str, list[str]], centre: CentrePlace,
                        passes: int = 3) -> dict[str, float]:
    """``desired`` with neighbours on a ring swapped where their straight lines to their
    targets cross less that way round (the adjacent-exchange step of crossing reduction).

    Each unit stands at its wished angle on a circle just outside the family; swapping two
    neighbours changes only the crossings between their own lines, so each test costs
    O(d₁ · d₂) for their numbers of lines. No swap moves a box further than ``SIDE_SLACK``
    from its kind's side, so the partner picture holds. At most ``passes`` sweeps per ring.
    """
    out = dict(desired)
    by_ring: dict[int, list[Unit]] = {}
    for u in units:
        by_ring.setdefault(u.ring, []).append(u)
    for ring_no, ring in by_ring.items():
        if len(ring) < 3:
            continue
        radius = centre.radius + RING_STEP * ring_no
        ends = {u.id: _unit_lines(u, targets, centre) for u in ring}
        order = sorted(ring, key=lambda u: (out[u.id], u.order))
        n = len(order)
        for _ in range(passes):
            changed = False
            for i in range(n):
                u, v = order[i], order[(i + 1) % n]
                if not ends[u.id] or not ends[v.id]:
                    continue
                au, av = out[u.id], out[v.id]
                if not (_stays(u, au, av) and _stays(v, av, au)):
                    continue  # a swap would move a box off its kind's side
                pu = (radius * math.cos(au), radius * math.sin(au))
                pv = (radius * math.cos(av), radius * math.sin(av))
                now = _crossings_between(pu, ends[u.id], pv, ends[v.id])
                swapped = _crossings_between(pv, ends[u.id], pu, ends[v.id])
                if swapped < now:
                    out[u.id], out[v.id] = av, au
                    order[i], order[(i + 1) % n] = v, u
                    changed = True
            if not changed:
                break
    return out


def within_reach(units: Sequence[Unit], angles: Mapping[str, float],
                 radii: Mapping[str, float], targets: Mapping[str, Sequence[str]],
                 people: Mapping[str, Point], movers: Collection[str]) -> dict[str, float]:
    """``angles`` with each unit in ``movers`` turned along its ring to where its straight
    lines reach its targets crossing the fewest lines of the other units.

    A unit whose lines go to several family members may stand where one of them shields
    the others: above a person on top of the family, into whom many lines come from
    every side, its lines to the people below must cross that whole fan or loop round the
    drawing. A few steps round the ring (``REACH_STEP``, at most ``REACH_TURN`` from where
    it stood and never further than ``SIDE_SLACK`` from its kind's side) it reaches them
    past the edge of the fan. Each unit stands at ``radii`` from the centre at its angle,
    its lines straight to the ``people`` (points) it targets; lines into one person never
    count as crossing. A unit moves only where its lines cross strictly fewer, to the
    nearest such angle among those with the fewest (the movers in the order of
    ``units``). Cost: O(m · k · d · L) for m movers, k angles tried, d lines of a mover
    and L lines in all.
    """
    out = dict(angles)
    ends = {u.id: [(t, people[t]) for part in u.parts for t in targets.get(part[0], ())
                   if t in people] for u in units}

    def at(uid: str, a: float) -> Point:
        return radii[uid] * math.cos(a), radii[uid] * math.sin(a)

    steps = round(REACH_TURN / REACH_STEP)
    for u in units:
        if u.id not in movers or u.id not in out or not ends[u.id]:
            continue
        others = [(at(v.id, out[v.id]), t, p) for v in units
                  if v.id != u.id and v.id in out for t, p in ends[v.id]]
        here = out[u.id]
        best, fewest = here, _crossed(at(u.id, here), ends[u.id], others)
        for k in sorted(range(-steps, steps + 1), key=lambda k: (abs(k), k)):
            a = (here + k * REACH_STEP) % TAU
            if k == 0 or not _stays(u, here, a):
                continue
            n = _crossed(at(u.id, a), ends[u.id], others)
            if n < fewest:
                best, fewest = a, n
        out[u.id] = best
    return out


def _crossed(start: Point, mine: Sequence[tuple[str, Point]],
             others: Sequence[tuple[Point, str, Point]]) -> int:
    """Crossings of the straight lines from ``start`` to ``mine`` with ``others`` (start,
    target, end), leaving out lines into the same person."""
    return sum(segments_cross(start, p, q, e) for t, p in mine for q, s, e in others
               if s != t)


def _unit_box(u: Unit, radius: float, angle: float) -> Box:
    cx, cy = radius * math.cos(angle), radius * math.sin(angle)
    return Box(round(cx - u.w / 2, 2), round(cy - u.h / 2, 2), u.w, u.h)


def _edges(boxes: Sequence[Box]) -> list[tuple[float, float, float, float]]:
    """Each box as ``(x, right, y, bottom)`` with the right and bottom less the
    tolerance of :meth:`Box.overlaps` (no gap): the bounds :func:`_ring_ok` compares a
    ring's boxes with, worked out once per ring, not once per try."""
    return [(o.x, o.x + o.w + 0.0 - 1e-6, o.y, o.y + o.h + 0.0 - 1e-6) for o in boxes]


def _ring_ok(ring: Sequence[Unit], angles: Sequence[float], radius: float,
             inner: Sequence[tuple[float, float, float, float]], reach: float) -> bool:
    """No two boxes of the ring overlap, nor any ring box a box placed before (``inner``,
    all within ``reach`` of the origin, as :func:`_edges` gives them). Boxes are compared
    in angular order with their next few neighbours, which is where an overlap can
    occur: O(n + n·m) at worst."""
    # the boxes as _unit_box places them, held as (x, y, w, h) (a try makes a dozen and
    # keeps none): Box.overlaps and min_distance_to_origin written out, the same sums
    boxes = []
    for u, angle in zip(ring, angles, strict=True):
        x = round(radius * math.cos(angle) - u.w / 2, 2)
        y = round(radius * math.sin(angle) - u.h / 2, 2)
        w, h = u.w, u.h
        # max(x, 0.0, -(x + w)) and the same of y, written out as the builtin picks
        far_x, far_y = (0.0 if x < 0.0 else x), (0.0 if y < 0.0 else y)
        left, above = -(x + w), -(y + h)
        far_x, far_y = (left if left > far_x else far_x), (above if above > far_y else far_y)
        if math.hypot(far_x, far_y) < reach:
            x1, y1 = x + w + 0.0 - 1e-6, y + h + 0.0 - 1e-6
            for ox, ox1, oy, oy1 in inner:
                if x < ox1 and ox < x1 and y < oy1 and oy < y1:
                    return False
        boxes.append((x, y, w, h))
    n = len(boxes)
    order = sorted(range(n), key=lambda i: angles[i])
    span = min(n - 1, 4)
    for k in range(n):
        ax, ay, aw, ah = boxes[order[k]]
        for j in range(1, span + 1):
            bx, by, bw, bh = boxes[order[(k + j) % n]]
            if (ax < bx + bw + BOX_GAP - 1e-6 and bx < ax + aw + BOX_GAP - 1e-6
                    and ay < by + bh + BOX_GAP - 1e-6 and by < ay + ah + BOX_GAP - 1e-6):
                return False
    return True


def _place_ring(ring: list[Unit], desired: dict[str, float], floor: float,
                inner: Sequence[Box], hint: float | None = None) -> tuple[float, list[float]]:
    """Radius (at least ``floor``) and angles for one ring, clear of the ``inner`` boxes;
    the search starts at ``hint`` when given (a radius that fitted a similar ring)."""
    ring.sort(key=lambda u: (desired[u.id], u.order))
    want = [desired[u.id] for u in ring]
    cuts = circle_cuts(want)  # where the circle is cut: the same for every radius tried
    n = len(ring)
    # no ring is shorter than its boxes side by side at their narrowest: start there
    least = sum(min(u.w, u.h) + BOX_GAP for u in ring) / TAU if n > 1 else 0.0
    radius = max(floor, least)
    reach = max((max_distance_to_origin(b) for b in inner), default=0.0)
    edges = _edges(inner)

    def gaps_at(at: Sequence[float]) -> list[float]:
        if n == 1:
            return [0.0]
        out = []
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            mid = at[i] + ((at[(i + 1) % n] - at[i]) % TAU) / 2
            out.append(angular_gap((a.w, a.h), (b.w, b.h), mid, radius, BOX_GAP) * 1.02)
        return out

    def attempt(r: float) -> list[float] | None:
        nonlocal radius
        radius = r
        angles: list[float] | None = list(want)
        tried: list[float] | None = None
        for _fit in range(4):  # the gaps depend on where the boxes end up: fit, re-measure
            assert angles is not None
            gaps = gaps_at(angles)
            if not all(math.isfinite(g) for g in gaps):
                return None
            angles = place_on_circle(want, gaps, cuts)
            if angles is None or angles == tried:
                return None  # (the fit settled where it failed: so would every next)
            if _ring_ok(ring, angles, radius, edges, reach):
                return angles
            tried = angles
        return None

    # radii grow by 4 % (at least 4 units) a step; the first step that fits is found by
    # galloping from the hint (the radius this ring had last time) or the start, doubling
    # the stride, then halving between the last miss and the first fit
    # (the steps worked out as far as the search reaches: it looks at a handful of them)
    steps = [radius]

    def step(k: int) -> float:
        while len(steps) <= k:
            steps.append(steps[-1] + max(4.0, steps[-1] * 0.04))
        return steps[k]

    k0 = 0
    if hint:
        while k0 < RADIUS_STEPS and step(k0) < hint - 1e-9:
            k0 += 1
        if k0 == RADIUS_STEPS:
            k0 = 0
    found: dict[int, list[float]] = {}

    def fits(k: int) -> bool:
        got = attempt(step(k))
        if got is not None:
            found[k] = got
        return got is not None

    lo, hi = -1, None
    if fits(k0):
        hi, stride = k0, 1
        while hi - stride >= 0 and fits(hi - stride):
            hi -= stride
            stride *= 2
        lo = max(hi - stride, -1)
    else:
        lo, stride = k0, 1
        while lo + stride < RADIUS_STEPS:
            if fits(lo + stride):
                hi = lo + stride
                break
            lo += stride
            stride *= 2
    if hi is None:
        raise LayoutError(f"could not place {n} boxes on a ring without overlaps")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid
    return step(hi), found[hi]


def _blocked_from(u: Unit, angle: float, o: Box, gap: float) -> tuple[float, float]:
    """The open interval of radii at which ``u``'s box on the ray at ``angle`` comes closer
    than ``gap`` to ``o`` (empty when ``lo >= hi``): one slab per axis."""
    lo, hi = -math.inf, math.inf
    for c, half, a, b in ((math.cos(angle), u.w / 2, o.x, o.right),
                          (math.sin(angle), u.h / 2, o.y, o.bottom)):
        s0, s1 = a - gap - half, b + gap + half  # the box centre must lie in (s0, s1)
        if abs(c) < 1e-12:
            if not s0 < 0.0 < s1:
                return 0.0, 0.0
            continue
        r0, r1 = (s0 / c, s1 / c) if c > 0 else (s1 / c, s0 / c)
        # max(lo, r0) and min(hi, r1), written out (the builtins' calls cost more)
        lo, hi = (r0 if r0 > lo else lo), (r1 if r1 < hi else hi)
    return lo, hi


def _pull_in(u: Unit, angle: float, radius: float, least: float, inner: Sequence[Box],
             mates: Sequence[Box]) -> float:
    """Move a box inwards along its ray, ``PULL_STEP`` at a time, while it stays clear of
    everything: rings nest closely where there is room, yet a ring never comes nearer than
    ``least`` (the mean radius of the ring inside it). The first step that would hit a box
    is computed from each box's blocked interval of radii: O(m) for m boxes."""
    step = PULL_STEP
    steps = math.floor((radius - least) / step + 1e-9)  # most steps ``least`` allows
    # the box sweeps, along its ray from ``radius`` down to ``least``, a region inside
    # the rectangle around its two end positions: boxes clear of that cannot block it
    c, s = math.cos(angle), math.sin(angle)
    r0 = radius - max(steps, 0) * step
    x0 = min(r0 * c, radius * c) - u.w / 2 - BOX_GAP
    x1 = max(r0 * c, radius * c) + u.w / 2 + BOX_GAP
    y0 = min(r0 * s, radius * s) - u.h / 2 - BOX_GAP
    y1 = max(r0 * s, radius * s) + u.h / 2 + BOX_GAP
    # (right and bottom written out as x + w and y + h: asked of every box for every unit)
    near_inner = [o for o in inner if not (o.x >= x1 or o.x + o.w <= x0 or o.y >= y1
                                            or o.y + o.h <= y0)]
    near_mates = [m for m in mates if not (m.x >= x1 or m.x + m.w <= x0 or m.y >= y1
                                           or m.y + m.h <= y0)]
    for o, gap in [(o, 0.0) for o in near_inner] + [(m, BOX_GAP) for m in near_mates]:
        lo, hi = _blocked_from(u, angle, o, gap)
        if lo >= hi or hi <= radius - steps * step or lo >= radius:
            continue
        first = max(1, math.floor((radius - hi) / step) + 1)  # first step below ``hi``
        if radius - first * step > lo:
            steps = min(steps, first - 1)
    r = radius - max(steps, 0) * step
    # the box is placed at rounded coordinates, so a bound met within rounding may be one
    # step off either way: settle it on the boxes themselves
    while r < radius and _hits(_unit_box(u, r, angle), near_inner, near_mates):
        r += step
    while r - step >= least and not _hits(_unit_box(u, r - step, angle), near_inner,
                                          near_mates):
        r -= step
    return r


def _hits(box: Box, inner: Sequence[Box], mates: Sequence[Box]) -> bool:
    return any(box.overlaps(o) for o in inner) or any(box.overlaps(m, BOX_GAP) for m in mates)


def place_rings(units: list[Unit], desired: dict[str, float], centre: CentrePlace,
                hints: dict[int, float] | None = None
                ) -> tuple[dict[str, Box], dict[str, float], list[float]]:
    """Place ring 1, 2 and 3 in turn; each ring lies beyond the one inside it.

    ``hints`` maps a ring to the radius it had in a similar layout (where its search
    starts), and is updated with the radii found.

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
        radius, placed = _place_ring(ring, desired, start, inner,
                                     hints.get(ring_no) if hints is not None else None)
        if hints is not None:
            hints[ring_no] = radius
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
