"""How long two segments run side by side: nearly parallel and close, so that a reader
may take two lines for one (used by the systemogram router and its measure)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Box, Point

__all__ = ["BAND_GAP", "BAND_RUN", "CLOSE_END", "CLOSE_GAP", "FRAME_DASH", "FRAME_GAP",
           "NEAR_PARALLEL", "STRAND_GAP", "STRAND_RUN", "close_length", "close_run",
           "close_runs", "close_span", "frame_edges", "frame_runs", "near_cells",
           "nearly_parallel", "shared_ends"]

_CELL = 64.0
CLOSE_GAP = 4.0
"""Distance under which two nearly parallel lines may be read as one line."""
FRAME_GAP = 6.0
"""Distance under which a line nearly parallel to a dashed household frame may be read as
part of it (a strong line is some 4 units wide, the frame's dashes 1.2)."""
FRAME_DASH = 1.2
"""Width (units) of a household frame's dashes."""
CLOSE_END = 10.0
"""Length at a shared end left out of :func:`close_runs`: lines meet there by design."""
BAND_GAP = 3.0
"""Clear space (units) between two drawn strokes under which they read as one band."""
BAND_RUN = 30.0
"""Length (units) two strokes may run within ``BAND_GAP`` before they make a band."""
STRAND_GAP = 3.0
"""Clear space (units) between the outer strokes of two nearly parallel lines (of any
agents) under which a reader cannot follow one of them (see ``systemogram_strands``)."""
STRAND_RUN = 40.0
"""Length (units) two lines may run within ``STRAND_GAP`` before a reader loses them."""


NEAR_PARALLEL = math.sin(math.radians(15.0))
"""Sine of the largest angle between two segments that still run side by side."""


def nearly_parallel(p: Point, q: Point, a: Point, b: Point, sine: float) -> bool:
    """True when segments ``p``-``q`` and ``a``-``b`` (both of some length) lie within the
    angle of ``sine`` of each other, either way along."""
    l1, l2 = math.dist(p, q), math.dist(a, b)
    if l1 < 1e-9 or l2 < 1e-9:
        return False
    cross = (q[0] - p[0]) * (b[1] - a[1]) - (q[1] - p[1]) * (b[0] - a[0])
    return abs(cross) <= sine * l1 * l2


def shared_ends(points: Sequence[Point], own: tuple[str, str], other: tuple[str, str]
                ) -> list[Point]:
    """The ends of the line drawn along ``points`` from ``own`` (agent, target) that it
    shares with the line of ``other``: where the two meet by design."""
    out: list[Point] = []
    if own[0] == other[0]:
        out.append(points[0])
    if own[1] == other[1]:
        out.append(points[-1])
    return out


def near_cells(a: Point, b: Point, gap: float) -> list[tuple[int, int]]:
    """The grid cells (of 64 units) the box of the segment ``a``-``b``, grown by ``gap``,
    touches: every segment that comes within ``gap`` of it shares one of them. Column by
    column, each from the top; one cell at once (most segments: this is asked for every
    segment weighed)."""
    (ax, ay), (bx, by) = a, b
    floor = math.floor
    c0, c1 = (floor((ax - gap) / _CELL), floor((bx + gap) / _CELL)) if ax <= bx \
        else (floor((bx - gap) / _CELL), floor((ax + gap) / _CELL))
    r0, r1 = (floor((ay - gap) / _CELL), floor((by + gap) / _CELL)) if ay <= by \
        else (floor((by - gap) / _CELL), floor((ay + gap) / _CELL))
    if c0 == c1 and r0 == r1:
        return [(c0, r0)]
    return [(cx, cy) for cx in range(c0, c1 + 1) for cy in range(r0, r1 + 1)]


def _within(alpha: float, beta: float, lo: float, hi: float, t0: float, t1: float
            ) -> tuple[float, float]:
    """The part of ``[t0, t1]`` where ``alpha + beta * t`` lies in ``[lo, hi]``."""
    if abs(beta) < 1e-12:
        return (t0, t1) if lo <= alpha <= hi else (t1, t1)
    a, b = (lo - alpha) / beta, (hi - alpha) / beta
    if b < a:  # max(t0, min(a, b)), min(t1, max(a, b)), written out
        a, b = b, a
    return (a if a > t0 else t0), (b if b < t1 else t1)


def _apart(p: Point, q: Point, a: Point, b: Point, reach: float) -> bool:
    """True when the boxes of the segments ``p``-``q`` and ``a``-``b`` lie more than
    ``reach`` apart across or up and down: no point of one is within ``reach`` of the
    other (a test of a few comparisons, before the costly measure; most pairs the
    callers ask about are this far apart)."""
    px, py = p
    qx, qy = q
    ax, ay = a
    bx, by = b
    return ((px if px > qx else qx) < (ax if ax < bx else bx) - reach
            or (px if px < qx else qx) > (ax if ax > bx else bx) + reach
            or (py if py > qy else qy) < (ay if ay < by else by) - reach
            or (py if py < qy else qy) > (ay if ay > by else by) + reach)


def close_span(p: Point, q: Point, a: Point, b: Point, gap: float
               ) -> tuple[float, float] | None:
    """The stretch (units from ``p``) of segment ``p``-``q`` within ``gap`` of segment
    ``a``-``b`` when the two are nearly parallel, or ``None``. Segments whose boxes lie
    more than ``gap`` (and a unit, so rounding never leaves a stretch out) apart have
    none."""
    if _apart(p, q, a, b, gap + 1.0):
        return None
    l1, l2 = math.dist(p, q), math.dist(a, b)
    if l1 < 1e-9 or l2 < 1e-9:
        return None
    ux, uy = (q[0] - p[0]) / l1, (q[1] - p[1]) / l1
    vx, vy = (b[0] - a[0]) / l2, (b[1] - a[1]) / l2
    cross = ux * vy - uy * vx
    if abs(cross) > NEAR_PARALLEL:
        return None
    wx, wy = p[0] - a[0], p[1] - a[1]
    t0, t1 = _within(wx * vx + wy * vy, ux * vx + uy * vy, 0.0, l2, 0.0, l1)
    t0, t1 = _within(wx * vy - wy * vx, cross, -gap, gap, t0, t1)
    return (t0, t1) if t1 > t0 else None


def close_length(p: Point, q: Point, a: Point, b: Point, gap: float,
                 holes: Sequence[Point], end: float) -> float:
    """How long segment ``p``-``q`` runs within ``gap`` of segment ``a``-``b`` when the
    two are nearly parallel, leaving out what lies within ``end`` of any of ``holes``
    (see :func:`close_run`)."""
    # _apart written out (most pairs asked are apart: they cost no further call)
    reach = gap + 1.0
    px, py = p
    qx, qy = q
    ax, ay = a
    bx, by = b
    if ((px if px > qx else qx) < (ax if ax < bx else bx) - reach
            or (px if px < qx else qx) > (ax if ax > bx else bx) + reach
            or (py if py > qy else qy) < (ay if ay < by else by) - reach
            or (py if py < qy else qy) > (ay if ay > by else by) + reach):
        return 0.0
    return _run_near(p, q, a, b, gap, holes, end)[0]


_NO_RUN = (0.0, 0.0, 0.0)


def close_run(p: Point, q: Point, a: Point, b: Point, gap: float,
              holes: Sequence[Point], end: float) -> tuple[float, float, float]:
    """:func:`close_length` of ``p``-``q`` beside ``a``-``b``, and the stretch
    :func:`close_span` finds (its start and end, units from ``p``; all three 0 where the
    length is 0), for a caller that needs both.

    :func:`close_span` and its two cuts written out in one function, the same arithmetic
    in the same order (so the same length and stretch to the last bit): this is the inner
    loop of moving lines apart and of giving them their own tracks, asked hundreds of
    thousands of times in one drawing."""
    # _apart written out: most pairs asked are apart, as close_span finds, without its cost
    reach = gap + 1.0
    px, py = p
    qx, qy = q
    ax, ay = a
    bx, by = b
    if ((px if px > qx else qx) < (ax if ax < bx else bx) - reach
            or (px if px < qx else qx) > (ax if ax > bx else bx) + reach
            or (py if py > qy else qy) < (ay if ay < by else by) - reach
            or (py if py < qy else qy) > (ay if ay > by else by) + reach):
        return _NO_RUN
    return _run_near(p, q, a, b, gap, holes, end)


def _run_near(p: Point, q: Point, a: Point, b: Point, gap: float,
              holes: Sequence[Point], end: float) -> tuple[float, float, float]:
    """:func:`close_run` of two segments whose boxes lie within ``gap`` and a unit of each
    other (not :func:`_apart`)."""
    l1, l2 = math.dist(p, q), math.dist(a, b)
    if l1 < 1e-9 or l2 < 1e-9:
        return _NO_RUN
    ux, uy = (q[0] - p[0]) / l1, (q[1] - p[1]) / l1
    vx, vy = (b[0] - a[0]) / l2, (b[1] - a[1]) / l2
    cross = ux * vy - uy * vx
    if abs(cross) > NEAR_PARALLEL:
        return _NO_RUN
    wx, wy = p[0] - a[0], p[1] - a[1]
    # _within(along, ux·v, 0, l2, 0, l1), then _within(across, cross, -gap, gap, t0, t1)
    alpha, beta = wx * vx + wy * vy, ux * vx + uy * vy
    if abs(beta) < 1e-12:
        t0, t1 = (0.0, l1) if 0.0 <= alpha <= l2 else (l1, l1)
    else:
        e0, e1 = (0.0 - alpha) / beta, (l2 - alpha) / beta
        if e1 < e0:  # max(0.0, min(e0, e1)), min(l1, max(e0, e1)), written out
            e0, e1 = e1, e0
        t0, t1 = (e0 if e0 > 0.0 else 0.0), (e1 if e1 < l1 else l1)
    alpha = wx * vy - wy * vx
    if abs(cross) < 1e-12:
        if not -gap <= alpha <= gap:
            t0 = t1
    else:
        e0, e1 = (-gap - alpha) / cross, (gap - alpha) / cross
        if e1 < e0:
            e0, e1 = e1, e0
        t0, t1 = (e0 if e0 > t0 else t0), (e1 if e1 < t1 else t1)
    if not t1 > t0:
        return _NO_RUN
    parts = [(t0, t1)]
    for cx, cy in holes:  # cut out the part of p + t·u within ``end`` of the hole
        fx, fy = p[0] - cx, p[1] - cy
        half = (fx * ux + fy * uy) ** 2 - (fx * fx + fy * fy - end * end)
        if half <= 0:
            continue
        mid = -(fx * ux + fy * uy)
        h0, h1 = mid - math.sqrt(half), mid + math.sqrt(half)
        parts = [piece for s0, s1 in parts
                 for piece in ((s0, min(s1, h0)), (max(s0, h1), s1)) if piece[1] > piece[0]]
    run = sum(s1 - s0 for s0, s1 in parts)
    return (run, t0, t1) if run else _NO_RUN


def close_runs(lines: Sequence[tuple[str, str, Sequence[Point]]], gap: float = CLOSE_GAP,
               end: float = CLOSE_END, widths: Sequence[float] = ()
               ) -> dict[tuple[int, int], float]:
    """For every pair of lines ``(i, j)`` (``i < j``) of different agents, the length over
    which line ``i`` runs within ``gap`` of line ``j`` and nearly parallel (under 15
    degrees), where a reader may take the two for one line; the last ``end`` units at an
    end they share are left out (lines into one person meet at its ports). ``lines`` are
    (agent, target, points from the agent), as ``routed_ends`` in ``systemogram_lines``
    gives them. Pairs with no such run are left out. With ``widths`` (how wide each line
    is drawn across, its double or zigzag pattern counted) ``gap`` is the clear space
    between the drawn strokes instead of between the middles. Segments are paired through
    a grid: O(S · s) for S segments and s near each."""
    segs: list[tuple[int, Point, Point]] = []
    boxes: list[tuple[float, float, float, float]] = []
    cells: dict[tuple[int, int], list[int]] = {}
    half = [w / 2 for w in widths] if widths else [0.0] * len(lines)
    widest = max(half, default=0.0)
    # two segments that run close have boxes within their gap of each other (a unit
    # more, so rounding never leaves a run out): each box is kept grown by it
    reach = gap + 2 * widest + 1.0
    for i, (_, _, pts) in enumerate(lines):
        for a, b in pairwise(pts):
            k = len(segs)
            segs.append((i, a, b))
            (ax, ay), (bx, by) = a, b
            x0, x1 = (bx, ax) if bx < ax else (ax, bx)  # min and max, written out
            y0, y1 = (by, ay) if by < ay else (ay, by)
            boxes.append((x0 - reach, x1, y0 - reach, y1))
            for cell in near_cells(a, b, gap + 2 * widest):
                cells.setdefault(cell, []).append(k)
    seen: set[tuple[int, int]] = set()
    out: dict[tuple[int, int], float] = {}
    agents = [line[0] for line in lines]
    # the shared ends of each pair of lines met: they hold for all their segments
    holes_of: dict[tuple[int, int], list[Point]] = {}
    for members in cells.values():
        for x, k in enumerate(members):
            x0, x1, y0, y1 = boxes[k]
            mine = segs[k]
            line = mine[0]
            for m in members[x + 1:]:
                u0, u1, v0, v1 = boxes[m]
                if u0 > x1 or x0 > u1 or v0 > y1 or y0 > v1:
                    continue  # too far apart to run close: no run (the box test first)
                theirs = segs[m]
                other = theirs[0]
                # one line's segments, or two lines of one agent: never a run
                if line == other or agents[line] == agents[other] or (k, m) in seen:
                    continue
                seen.add((k, m))
                (i, p, q), (j, a, b) = (mine, theirs) if line < other else (theirs, mine)
                holes = holes_of.get((i, j))
                if holes is None:
                    li, lj = lines[i], lines[j]
                    holes = [pt for node, pt in ((li[0], li[2][0]), (li[1], li[2][-1]))
                             if node in (lj[0], lj[1])]
                    holes += [pt for node, pt in ((lj[0], lj[2][0]), (lj[1], lj[2][-1]))
                              if node in (li[0], li[1])]
                    holes_of[(i, j)] = holes
                run = close_length(p, q, a, b, gap + half[i] + half[j], holes, end)
                if run > 0:
                    out[(i, j)] = out.get((i, j), 0.0) + run
    return out


def frame_edges(frames: Sequence[Box]) -> list[tuple[Point, Point]]:
    """The four straight edges of each of ``frames`` (household frames), clockwise."""
    out: list[tuple[Point, Point]] = []
    for f in frames:
        corners = [(f.x, f.y), (f.right, f.y), (f.right, f.bottom), (f.x, f.bottom)]
        out += [(corners[k], corners[(k + 1) % 4]) for k in range(4)]
    return out


def frame_runs(lines: Sequence[tuple[str, str, Sequence[Point]]], frames: Sequence[Box],
               gap: float = FRAME_GAP, widths: Sequence[float] = ()) -> dict[int, float]:
    """For every line (index into ``lines``, as :func:`close_runs` takes them), the length
    over which it runs within ``gap`` of an edge of one of ``frames`` and nearly parallel:
    where a reader may take the dashed household frame and the line for one. Lines with no
    such run are left out. With ``widths`` (as :func:`close_runs` takes them) ``gap`` is
    the clear space between the line's drawn strokes and the frame's dashes. O(S · F) for
    S segments and F frames (a family has few)."""
    edges = frame_edges(frames)
    out: dict[int, float] = {}
    for i, (_, _, pts) in enumerate(lines):
        room = gap + (widths[i] + FRAME_DASH) / 2 if widths else gap
        run = sum(close_length(p, q, a, b, room, (), 0.0)
                  for p, q in pairwise(pts) for a, b in edges)
        if run > 0:
            out[i] = run
    return out
