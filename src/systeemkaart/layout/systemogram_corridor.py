"""The bundles of systemogram lines that share a corridor, and how far each moves across it.

Routed lines of different agents that go round the same boxes often run side by side a
few units apart, or on top of each other, for a long way: a reader takes them for one
band and cannot tell whose arrow ends where. :func:`segments` and :func:`pairs` find the
segments nearly parallel within the room two drawn lines need (:func:`spacing`, a double
or triple line's width counted: :func:`extent`), :func:`bundles` joins them, and
:func:`spread` spreads each bundle across its corridor, as orthogonal nudging does in
connector routing or line spacing on a metro map: each close pair is ordered across the
corridor by where its lines leave it (:func:`~.systemogram_order.order_across`, so they
part without crossing; else as they lie, lines on top of each other by the side they
come from and go to) and pushed apart to its spacing, sweep by sweep, both sharing the
push. A household frame's edge takes part as a track that stays, so a line running
along it moves clear.

Segments are paired through a grid of cells by direction: O(S · s) for S segments and s
near each, plus O(R · c) per bundle for R sweeps of c close pairs.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import Box, Point
from .ring_links import LinkPlace
from .systemogram_close import close_run, close_span, frame_edges, near_cells
from .systemogram_move import Shift, at
from .systemogram_order import order_across
from .systemogram_shift import END, FRAME_EXTENT, LEAST, TRACK_GAP, spacing

__all__ = ["MOST", "ROUNDS", "Bundle", "Seg", "bundles", "extent", "pairs", "segments",
           "spread"]

MOST = 24.0
"""Farthest (units) a track moves sideways."""
_ZIGZAGS = frozenset({"conflict", "hostile", "abuse"})


def extent(lk: LinkPlace) -> float:
    """How wide (units) ``lk`` is drawn across: its stroke, or for a double or triple line
    the outer edges of its strokes, for a zigzag the swing of the wave."""
    w = lk.width
    if lk.kind == "involvement" and lk.stance == "over":
        return 2.6 + max(0.9, 0.6 * w)
    if lk.kind == "relation":
        if lk.relation == "fused":
            return 5.2 + w
        if lk.relation == "close":
            return 2.6 + w
        if lk.relation == "close_hostile":
            return 8.0 + w
        if lk.relation in _ZIGZAGS:
            return 6.0 + w
    return w


@dataclass(slots=True)
class Seg:
    """One segment taking part: its line (-1 for a frame edge), its index in the line, its
    ends, its width, and whether it may move."""

    line: int
    k: int
    a: Point
    b: Point
    width: float
    fixed: bool


def segments(paths: Sequence[Sequence[Point]], widths: Sequence[float],
              firsts: Sequence[int], kept: Sequence[int], frames: Sequence[Box]
              ) -> list[Seg]:
    """Every segment that may take part: the lines' (a card's stub and a fan fixed) and the
    household frames' edges (fixed), each longer than ``LEAST``."""
    segs: list[Seg] = []
    for i, path in enumerate(paths):
        last = len(path) - max(kept[i] if kept else 1, 1)  # the fan starts at this point
        for k, (a, b) in enumerate(pairwise(path)):
            if math.dist(a, b) > LEAST:  # a shorter one runs close to none for longer
                segs.append(Seg(i, k, a, b, widths[i], k < firsts[i] - 1 or k >= last))
    segs += [Seg(-1, 0, c, d, FRAME_EXTENT, True) for c, d in frame_edges(frames)]
    return segs


def _holes(s: Seg, t: Seg, paths: Sequence[Sequence[Point]],
           ends: Sequence[tuple[str, str]]) -> list[Point]:
    """The ends the lines of ``s`` and ``t`` share (they meet there by design)."""
    if s.line < 0 or t.line < 0:
        return []
    (a1, t1), (a2, t2) = ends[s.line], ends[t.line]
    p1, p2 = paths[s.line], paths[t.line]
    shared = {a1, t1} & {a2, t2}
    return [pt for node, pt in ((a1, p1[0]), (t1, p1[-1]), (a2, p2[0]), (t2, p2[-1]))
            if node in shared]


_BINS = 12
"""Directions (of 15 degrees each, over half a turn) segments are sorted into: two
segments under 15 degrees apart lie in the same or neighbouring ones."""


def pairs(segs: Sequence[Seg], paths: Sequence[Sequence[Point]],
           ends: Sequence[tuple[str, str]]
           ) -> list[tuple[int, int, tuple[float, float], tuple[float, float]]]:
    """Each pair of segments of different lines (or a line and a frame) running close
    beside each other for over ``LEAST`` units, as (segment, segment, stretch on the first,
    stretch on the second). Segments are found by direction and grid cell: only nearly
    parallel ones near each other are compared."""
    reach = spacing(10.0, 10.0) / 2
    cells: dict[tuple[int, int, int], list[int]] = {}
    bins: list[int] = []
    rows: list[tuple[int, bool, float, float, float, float, float, float, float, float,
                     float]] = []
    for n, s in enumerate(segs):
        (ax, ay), (bx, by) = s.a, s.b
        length = math.hypot(bx - ax, by - ay)
        angle = math.atan2(by - ay, bx - ax) % math.pi
        bins.append(int(angle / math.pi * _BINS) % _BINS)
        # line, fixed, width, box, unit normal and offset of the segment's line
        nx, ny = -(by - ay) / length, (bx - ax) / length
        rows.append((s.line, s.fixed, s.width, min(ax, bx), max(ax, bx), min(ay, by),
                     max(ay, by), nx, ny, nx * ax + ny * ay, 0.0))
        for cx, cy in near_cells(s.a, s.b, reach):
            cells.setdefault((bins[n], cx, cy), []).append(n)
    seen: set[tuple[int, int]] = set()
    out = []
    for (b, cx, cy), members in sorted(cells.items()):
        more = cells.get(((b + 1) % _BINS, cx, cy), [])
        for x, n in enumerate(members):
            line, fixed, width, x0, x1, y0, y1, nx, ny, off, _ = rows[n]
            for m in members[x + 1:] + more:
                line2, fixed2, width2, u0, u1, v0, v1, *_ = rows[m]
                if line == line2 or (fixed and fixed2):
                    continue
                gap = TRACK_GAP + (width + width2) / 2 - 0.5
                if u0 > x1 + gap or x0 > u1 + gap or v0 > y1 + gap or y0 > v1 + gap:
                    continue
                t = segs[m]
                da = t.a[0] * nx + t.a[1] * ny - off
                db = t.b[0] * nx + t.b[1] * ny - off
                if (da > gap and db > gap) or (da < -gap and db < -gap):
                    continue  # beside each other farther than the room they need
                key = (n, m) if n < m else (m, n)
                if key in seen:
                    continue
                seen.add(key)
                one, two = segs[key[0]], segs[key[1]]
                holes = _holes(one, two, paths, ends)
                run, t0, t1 = close_run(one.a, one.b, two.a, two.b, gap, holes, END)
                if run <= LEAST:
                    continue
                # the stretch of ``one`` is close_span's, found with the run
                on_2 = close_span(two.a, two.b, one.a, one.b, gap)
                if on_2 is not None:
                    out.append((key[0], key[1], (t0, t1), on_2))
    out.sort()
    return out


_Pair = tuple[int, int, tuple[float, float], tuple[float, float]]
Bundle = tuple[list[_Pair], dict[int, tuple[float, float]]]
"""A bundle: its close pairs of segments and its members with their shared stretches."""


def bundles(segs: Sequence[Seg], pairs: Sequence[_Pair]) -> list[Bundle]:
    """The bundles the close ``pairs`` join: each as its pairs and its members with their
    shared stretches, in a fixed order."""
    parent = list(range(len(segs)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    stretch: dict[int, tuple[float, float]] = {}
    for n, m, on_n, on_m in pairs:
        rn, rm = root(n), root(m)
        parent[max(rn, rm)] = min(rn, rm)
        for k, (t0, t1) in ((n, on_n), (m, on_m)):
            old = stretch.get(k)
            stretch[k] = (t0, t1) if old is None else (min(old[0], t0), max(old[1], t1))
    groups: dict[int, list[_Pair]] = {}
    for pair in pairs:
        groups.setdefault(root(pair[0]), []).append(pair)
    out = []
    for _, found in sorted(groups.items()):
        members = sorted({n for pair in found for n in pair[:2]})
        out.append((found, {n: stretch[n] for n in members}))
    return out


ROUNDS = 12
"""Most sweeps over a bundle's spacing constraints (each pushes apart the tracks too
close): a bounded cost; most bundles settle in a few."""


def spread(segs: Sequence[Seg], pairs: Sequence[_Pair],
            stretch: dict[int, tuple[float, float]], paths: Sequence[Sequence[Point]],
            stay: Collection[int] = (), ends: Sequence[tuple[str, str]] = ()
            ) -> dict[int, Shift]:
    """How far each movable member of a bundle moves across its corridor (see the module
    docstring); members that need not move are left out. The tracks are the bundle's
    lines (each line's segments in it move together) and frame edges (they stay); each
    close pair is ordered across the corridor by where its lines leave it (lines of one
    agent, with ``ends`` the lines' (agent, target), keep the order they have: crossings
    between them are not weighed when lines move) and is pushed apart to its spacing,
    sweep by sweep, the pushed tracks sharing the push (a track that stays leaves it to
    the other). The lines of ``stay`` stay where they are (they found no way clear)."""
    members = sorted(stretch)
    lead = max(members, key=lambda n: (math.dist(segs[n].a, segs[n].b), -n))
    s = segs[lead]
    length = math.dist(s.a, s.b)
    nx, ny = -(s.b[1] - s.a[1]) / length, (s.b[0] - s.a[0]) / length
    track = {n: segs[n].line if segs[n].line >= 0 else -1 - n for n in members}
    pinned = {track[n] for n in members if segs[n].fixed or segs[n].line in stay}
    rules: dict[tuple[int, int], tuple[float, float]] = {}
    clash: set[tuple[int, int]] = set()
    for n, m, on_n, on_m in pairs:
        tn, tm = track[n], track[m]
        if tn == tm:
            continue
        p = at(segs[n].a, segs[n].b, (on_n[0] + on_n[1]) / 2)
        q = at(segs[m].a, segs[m].b, (on_m[0] + on_m[1]) / 2)
        r = (q[0] - p[0]) * nx + (q[1] - p[1]) * ny
        one, two = segs[n].line, segs[m].line
        side = 0 if one < 0 or two < 0 or (ends and ends[one][0] == ends[two][0]) else \
            order_across(paths, one, segs[n].k, two, segs[m].k, (ny, -nx))
        if side:  # by where they leave the corridor: so they part without crossing
            up = side > 0
        elif abs(r) < 0.5:  # on top of each other: by the sides they come from and go to
            r = 0.0
            lean = _lean(segs[m], paths, nx, ny) - _lean(segs[n], paths, nx, ny)
            up = lean > 0 or (lean == 0 and tn < tm)
        else:
            up = r > 0
        lo, hi = (tn, tm) if up else (tm, tn)
        key = (min(tn, tm), max(tn, tm))
        gap = spacing(segs[n].width, segs[m].width)
        old = rules.get((lo, hi))
        if (hi, lo) in rules:
            clash.add(key)  # they swap sides along the corridor: crossing, not a band
        r = r if up else -r  # how far hi lies on the normal's side of lo (< 0: swapped)
        rules[(lo, hi)] = (r, gap) if old is None else (min(old[0], r), gap)
    shift = {t: 0.0 for t in track.values()}
    rows = [(lo, hi, r, gap) for (lo, hi), (r, gap) in sorted(rules.items())
            if (min(lo, hi), max(lo, hi)) not in clash]
    for _ in range(ROUNDS):
        worst = 0.0
        for lo, hi, r, gap in rows:
            short = gap - (r + shift[hi] - shift[lo])
            if short <= 0.05:
                continue
            worst = max(worst, short)
            if lo in pinned and hi in pinned:
                continue
            if lo in pinned:
                shift[hi] += short
            elif hi in pinned:
                shift[lo] -= short
            else:
                shift[hi] += short / 2
                shift[lo] -= short / 2
        if worst <= 0.05:
            break
    out: dict[int, Shift] = {}
    for n in members:
        d = shift[track[n]]
        if track[n] in pinned or abs(d) < 0.3 or abs(d) > MOST:
            continue
        t0, t1 = stretch[n]
        out[n] = Shift((nx * d, ny * d), t0, t1)
    return out


def _lean(s: Seg, paths: Sequence[Sequence[Point]], nx: float, ny: float) -> float:
    """Which side of the corridor the line of ``s`` comes from and goes to (across it,
    from ``s``): lines on top of each other are ordered by it, so they part without
    crossing."""
    if s.line < 0:
        return 0.0
    path = paths[s.line]
    mid = ((s.a[0] + s.b[0]) / 2) * nx + ((s.a[1] + s.b[1]) / 2) * ny
    total = 0.0
    for j in (s.k - 1, s.k + 2):
        if 0 <= j < len(path):
            total += path[j][0] * nx + path[j][1] * ny - mid
    return total


