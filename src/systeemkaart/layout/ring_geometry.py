"""Plane geometry for ring layouts: boxes, segment crossings and spreading boxes on a circle.

Pure functions on floats, no case model: the systemogram layout builds on them and the tests
check them on their own.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise

from . import Box, Point

__all__ = [
    "Box",
    "Point",
    "angular_gap",
    "boundary_point",
    "circle_cuts",
    "circular_mean",
    "count_crossings",
    "crossing_at",
    "detour_ratio",
    "isotonic",
    "max_distance_to_origin",
    "min_distance_to_origin",
    "path_length",
    "place_on_circle",
    "segments_cross",
]

TAU = 2.0 * math.pi


def min_distance_to_origin(box: Box) -> float:
    """Distance from the origin to the nearest point of ``box`` (0 when it holds the origin)."""
    dx = max(box.x, 0.0, -box.right)
    dy = max(box.y, 0.0, -box.bottom)
    return math.hypot(dx, dy)


def max_distance_to_origin(box: Box) -> float:
    """Distance from the origin to the farthest corner of ``box``."""
    return math.hypot(max(abs(box.x), abs(box.right)), max(abs(box.y), abs(box.bottom)))


def boundary_point(box: Box, toward: Point) -> Point:
    """Where the segment from the centre of ``box`` to ``toward`` leaves the box."""
    dx, dy = toward[0] - box.cx, toward[1] - box.cy
    if dx == 0 and dy == 0:
        return box.cx, box.cy
    tx = (box.w / 2) / abs(dx) if dx else math.inf
    ty = (box.h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return box.cx + dx * t, box.cy + dy * t


def circular_mean(angles: Sequence[float], weights: Sequence[float] | None = None) -> float:
    """The mean direction of ``angles`` (radians), in ``[0, 2π)``; 0 for an empty input."""
    ws = weights if weights is not None else [1.0] * len(angles)
    sx = sum(w * math.cos(a) for a, w in zip(angles, ws, strict=True))
    sy = sum(w * math.sin(a) for a, w in zip(angles, ws, strict=True))
    if abs(sx) < 1e-12 and abs(sy) < 1e-12:
        return 0.0
    return math.atan2(sy, sx) % TAU


def angular_gap(a: tuple[float, float], b: tuple[float, float], mid: float, radius: float,
                gap: float) -> float:
    """Smallest angle between two boxes of sizes ``a`` and ``b`` (w, h) centred on a circle.

    The chord between the centres points along the tangent at ``mid``; the boxes are apart
    when the chord's horizontal part exceeds the half widths or its vertical part the half
    heights (plus ``gap``). Returns ``math.inf`` when no angle on this radius suffices.
    """
    need_x = (a[0] + b[0]) / 2 + gap
    need_y = (a[1] + b[1]) / 2 + gap
    s, c = abs(math.sin(mid)), abs(math.cos(mid))
    chord = min(need_x / s if s > 1e-9 else math.inf, need_y / c if c > 1e-9 else math.inf)
    if chord >= 2 * radius:
        return math.inf
    return 2 * math.asin(chord / (2 * radius))


def isotonic(values: list[float]) -> list[float]:
    """Least-squares non-decreasing fit of ``values`` (pool adjacent violators, O(n))."""
    sums: list[float] = []  # the blocks pooled so far: their sums and counts
    counts: list[float] = []
    for v in values:
        s, n = v, 1.0  # the newest block, pooled into those before while they lie above
        while sums and sums[-1] / counts[-1] > s / n:
            s += sums.pop()
            n += counts.pop()
        sums.append(s)
        counts.append(n)
    out: list[float] = []
    for s, n in zip(sums, counts, strict=True):
        out += [s / n] * int(n)
    return out


Cuts = list[tuple[list[int], list[float]]]
"""The cuts :func:`place_on_circle` tries: each as the items in order from the cut and
their desired angles unrolled onto the line from the first."""


def circle_cuts(desired: Sequence[float]) -> Cuts:
    """The cuts :func:`place_on_circle` tries for ``desired``: the circle cut at each of
    the (up to four) widest desired gaps, the widest first (then by number). They depend on
    ``desired`` alone: a caller that places the same items with other gaps again and again
    works them out once."""
    n = len(desired)
    # each desired gap (negated: the widest first, then by number), as a key would sort
    spans = sorted((-((desired[(i + 1) % n] - desired[i]) % TAU), i) for i in range(n))
    out: Cuts = []
    for _, cut in spans[: min(n, 4)]:
        order = [*range(cut + 1, n), *range(cut + 1)]
        start = desired[order[0]]
        out.append((order, [(desired[i] - start) % TAU + start for i in order]))
    return out


def place_on_circle(desired: Sequence[float], gaps: Sequence[float],
                    cuts: Cuts | None = None) -> list[float] | None:
    """Angles close to ``desired`` (sorted, in ``[0, 2π)``) keeping consecutive gaps.

    ``gaps[i]`` is the least angle between item ``i`` and item ``i + 1`` (the last one wraps
    to the first). The circle is cut at each of the widest desired gaps in turn and the items
    are placed on the line by isotonic regression (least squared displacement under order
    and gap constraints); the first cut whose result also closes around the circle wins.
    When none does, the items are spaced by their gaps scaled to fill the circle. Returns
    ``None`` when the gaps add up to more than a full turn. ``cuts`` are
    :func:`circle_cuts` of ``desired`` when known. Cost: O(n log n) per cut tried.
    """
    n = len(desired)
    if n == 0:
        return []
    if sum(gaps) > TAU:
        return None
    if n == 1:
        return [desired[0] % TAU]
    best: list[float] | None = None
    best_cost = math.inf
    for order, unrolled in cuts if cuts is not None else circle_cuts(desired):
        offsets = list(accumulate([gaps[i] for i in order[:-1]], initial=0.0))
        fitted = isotonic([u - o for u, o in zip(unrolled, offsets, strict=True)])
        theta = [f + o for f, o in zip(fitted, offsets, strict=True)]
        if theta[0] + TAU - theta[-1] < gaps[order[-1]] - 1e-12:
            continue
        cost = sum([(t - u) ** 2 for t, u in zip(theta, unrolled, strict=True)])
        if cost < best_cost:
            best_cost = cost
            best = [0.0] * n
            for idx, t in zip(order, theta, strict=True):
                best[idx] = t % TAU
    if best is not None:
        return best
    scale = TAU / sum(gaps)
    offsets = [0.0]
    for i in range(n - 1):
        offsets.append(offsets[-1] + gaps[i] * scale)
    shift = circular_mean([d - o for d, o in zip(desired, offsets, strict=True)])
    return [(shift + o) % TAU for o in offsets]


def segments_cross(p1: Point, p2: Point, q1: Point, q2: Point) -> bool:
    """True when the open segments ``p1p2`` and ``q1q2`` cross at a single interior point."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = p1, p2, q1, q2
    ux, uy = bx - ax, by - ay
    d3 = ux * (cy - ay) - uy * (cx - ax)
    d4 = ux * (dy - ay) - uy * (dx - ax)
    if not ((d3 > 0 > d4) or (d3 < 0 < d4)):  # the usual answer: decided by two products
        return False
    vx, vy = dx - cx, dy - cy
    d1 = vx * (ay - cy) - vy * (ax - cx)
    d2 = vx * (by - cy) - vy * (bx - cx)
    return (d1 > 0 > d2) or (d1 < 0 < d2)


def crossing_at(a: Point, b: Point, c: Point, d: Point) -> Point:
    """Where the lines through ``a``-``b`` and ``c``-``d`` meet: the crossing point of two
    segments that :func:`segments_cross` found crossing (``a`` for parallel lines)."""
    rx, ry = b[0] - a[0], b[1] - a[1]
    sx, sy = d[0] - c[0], d[1] - c[1]
    den = rx * sy - ry * sx
    t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den if den else 0.0
    return a[0] + t * rx, a[1] + t * ry


def count_crossings(lines: Sequence[tuple[str, str, Sequence[Point]]]) -> int:
    """Crossings between polylines ``(source, target, points)``; lines sharing an end never count.

    A sweep over the segments sorted by their left end: only segments whose x-spans overlap
    are compared, O(S log S + K) for S segments and K such pairs (at worst O(S²)). The
    ends are numbered and the test of :func:`segments_cross` written out: a layout choice
    counts the crossings of a dozen candidates, thousands of pairs each.
    """
    segs: list[tuple[float, float, float, float, int, int, float, float, float, float]] = []
    number: dict[str, int] = {}
    for src, tgt, pts in lines:
        s = number.setdefault(src, len(number))
        t = number.setdefault(tgt, len(number))
        for (ax, ay), (bx, by) in pairwise(pts):
            x0, x1 = (bx, ax) if bx < ax else (ax, bx)  # min and max, written out
            y0, y1 = (by, ay) if by < ay else (ay, by)
            segs.append((x0, x1, y0, y1, s, t, ax, ay, bx, by))
    segs.sort(key=lambda seg: seg[0])
    lefts = [seg[0] for seg in segs]
    # each segment's top and bottom beside it: the pairs in a window are walked in a
    # slice, tested up and down before the segment is unpacked
    spans = [(seg[2], seg[3], seg) for seg in segs]
    total = 0
    # segments of one line share its ends: they never count, as in segments_cross
    for i, (_, x1, y0, y1, s1, t1, ax, ay, bx, by) in enumerate(segs):
        ux, uy = bx - ax, by - ay
        for top, bottom, seg in spans[i + 1:bisect_right(lefts, x1, i + 1)]:
            if top > y1 or bottom < y0:  # most pairs: apart up and down
                continue
            _, _, _, _, s2, t2, cx, cy, dx, dy = seg
            if s1 in (s2, t2) or t1 in (s2, t2):
                continue
            d3 = ux * (cy - ay) - uy * (cx - ax)
            d4 = ux * (dy - ay) - uy * (dx - ax)
            if not ((d3 > 0 > d4) or (d3 < 0 < d4)):
                continue
            vx, vy = dx - cx, dy - cy
            d1 = vx * (ay - cy) - vy * (ax - cx)
            d2 = vx * (by - cy) - vy * (bx - cx)
            if (d1 > 0 > d2) or (d1 < 0 < d2):
                total += 1
    return total


def path_length(points: Sequence[Point]) -> float:
    """The length of the polyline through ``points`` (units)."""
    return sum(math.dist(a, b) for a, b in pairwise(points))


def detour_ratio(points: Sequence[Point]) -> float:
    """How many times longer the polyline through ``points`` is than the straight way
    between its ends (1 for a straight line; a line that loops round a drawing to avoid a
    few crossings runs 2.5 times or more). Ends closer than 1 unit count as 1 apart."""
    if len(points) < 2:
        return 1.0
    return path_length(points) / max(math.dist(points[0], points[-1]), 1.0)
