"""Lines into one person that cross on their way there swap the rest of their ways.

Routed lines into one person often come up the same channel and cross each other in it:
the router weighs only crossings with lines that share no end, and a reader then cannot
tell which of the lines is whose. Two lines A and B into one person that cross at X can
change ways there instead: A keeps its way up to X and then takes B's way on to the
person, and B the other way round. Both still run from their own agent to the same person,
past the same boxes, and cross every other line as often as before; the crossing of A
and B is gone. At X each line turns away from the other (its bend moved ``SWAP_GAP``
into its own corner of the crossing), so the two keep clear space instead of touching.
Crossings within ``FAN_RADIUS`` of the person are left to the fan into its ports
(:mod:`.systemogram_fan`); every one farther out is undone where a swap is clear of boxes
and crosses no more other lines, however far from the person: a reader follows a line
from its agent, and two lines into one person that cross far from her are as hard to
tell apart as two that cross near her (in crowded 40-agent networks most such crossings
lay more than four fan radii out, where swaps were not tried).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Point
from .ring_centre import PersonPlace
from .ring_geometry import crossing_at, segments_cross
from .systemogram_fan import FAN_RADIUS
from .systemogram_route import CROSSING_LENGTH, MARGIN, TIGHT, Router

__all__ = ["SWAP_GAP", "untangle"]

SWAP_GAP = 3.0
"""How far (units) each line's bend moves off the point where two lines crossed: they
pass ``2 * SWAP_GAP`` apart."""
SWAPS = 3
"""Most swaps tried per line into a person: a bounded cost."""
LEAVING = 10.0
"""Distance (units) from where a line leaves its agent (the end of a card's stub) within
which a crossing is not swapped: the two ways would swap almost whole, and the line
that crossed the other's way there would cross its stub instead."""

_Seg = tuple[float, float, int, int, float, float]
"""A segment for the sweep: its least and greatest x, its line and its index, its least
and greatest y."""


def _crossings(paths: Sequence[Sequence[Point]], lines: Sequence[int],
               ends: Sequence[tuple[str, str]], firsts: Sequence[int], centre: Point
               ) -> list[tuple[int, int, int, int, Point]]:
    """The crossings of two of ``lines`` outside ``FAN_RADIUS`` of ``centre``, farthest
    first, each as (line, segment, line, segment, point). A sweep over segments by x:
    O(S log S + K) for S segments, K overlapping in x."""
    segs: list[_Seg] = []
    for i in lines:
        path = paths[i]
        for k in range(max(firsts[i] - 1, 0), len(path) - 1):
            a, b = path[k], path[k + 1]
            x0, x1 = (b[0], a[0]) if b[0] < a[0] else (a[0], b[0])  # min, max
            y0, y1 = (b[1], a[1]) if b[1] < a[1] else (a[1], b[1])
            segs.append((x0, x1, i, k, y0, y1))
    segs.sort()
    found: list[tuple[float, int, int, int, int, Point]] = []
    active: list[_Seg] = []
    for seg in segs:
        active = [s for s in active if s[1] >= seg[0]]
        _, _, i, k, y0, y1 = seg
        a, b = paths[i][k], paths[i][k + 1]
        for _, _, j, m, v0, v1 in active:
            if v0 > y1 or v1 < y0 or j == i or ends[i] == ends[j]:
                continue  # apart up and down, or one agent's lines to one person: no swap
            c, d = paths[j][m], paths[j][m + 1]
            if not segments_cross(a, b, c, d):
                continue
            x = crossing_at(a, b, c, d)
            far = math.dist(x, centre)
            if far > FAN_RADIUS:
                (p, q), (r, t) = sorted(((i, k), (j, m)))
                found.append((-far, p, q, r, t, x))
        active.append(seg)
    found.sort(key=lambda item: item[:5])
    return [(p, q, r, t, x) for _, p, q, r, t, x in found]


def _corner(x: Point, come: Point, go: Point, away: Point, gap: float) -> Point:
    """``x`` moved ``gap`` into the corner between the way in from ``come`` and the way
    out to ``go`` (along the bisector; across the way, on the side away from ``away``,
    when the two are nearly in line)."""
    ux, uy = come[0] - x[0], come[1] - x[1]
    vx, vy = go[0] - x[0], go[1] - x[1]
    lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
    if lu < 1e-9 or lv < 1e-9:
        return x
    wx, wy = ux / lu + vx / lv, uy / lu + vy / lv
    lw = math.hypot(wx, wy)
    if lw < 0.05:
        wx, wy, lw = -uy / lu, ux / lu, 1.0
        if wx * (away[0] - x[0]) + wy * (away[1] - x[1]) > 0:
            wx, wy = -wx, -wy
    return x[0] + gap * wx / lw, x[1] + gap * wy / lw


def _clear(router: Router, path: Sequence[Point], skip: Sequence[str], ends: tuple[str, str],
           start: int) -> bool:
    """True when the segments of ``path`` from ``start`` on pass no box but ``skip``'s, at
    ``MARGIN`` or else at the router's ``TIGHT`` margin: ways routed through a narrow gap
    keep only that, and a swap of two such ways must be let pass it."""
    for margin in (MARGIN, TIGHT):
        router.prepare_line(path[0], path[-1], skip, ends, margin=margin)
        if all(router.clear(path[k], path[k + 1]) for k in range(start, len(path) - 1)):
            return True
    return False


def untangle(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
             targets: Sequence[str | None], skips: Sequence[Sequence[str]],
             firsts: Sequence[int], people: Mapping[str, PersonPlace]) -> set[int]:
    """Swap the rest of the ways of lines into one person where they cross outside
    ``FAN_RADIUS`` of it, in place, farthest crossing first; a swap is kept only where
    both new ways stay clear of every box (as routed: ``skips``), else the crossing stays.
    ``paths`` run from each line's source to its end, ``ends`` are its (source, target),
    ``targets`` the person each ends at (``None``: an agent), ``firsts`` each path's
    first point that may move. Returns the lines whose ways were swapped. At most
    ``SWAPS`` tries per line into a person; a crossing whose swap failed is not tried
    again (its two ways, where they cross, stay as they were)."""
    by_person: dict[str, list[int]] = {}
    for i, pid in enumerate(targets):
        if pid is not None:
            by_person.setdefault(pid, []).append(i)
    done: set[int] = set()
    for pid, lines in by_person.items():
        if len(lines) < 2:
            continue
        centre = (people[pid].x, people[pid].y)
        tries = SWAPS * len(lines)
        failed: set[tuple[int, int, float, float]] = set()
        found = _crossings(paths, lines, ends, firsts, centre)
        while found and tries > 0:
            i, k, j, m, x = found.pop(0)
            key = _key(i, j, x)
            if key in failed:
                continue
            if min(math.dist(x, paths[i][firsts[i] - 1]),
                   math.dist(x, paths[j][firsts[j] - 1])) < LEAVING:
                failed.add(key)  # where a line leaves its agent: no way to swap
                continue
            tries -= 1
            if _swap(router, paths, ends, skips, (i, k), (j, m), x):
                done |= {i, j}
                found = [c for c in _crossings(paths, lines, ends, firsts, centre)
                         if _key(c[0], c[2], c[4]) not in failed]
            else:
                failed.add(key)
    return done


def _swap(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
          skips: Sequence[Sequence[str]], one: tuple[int, int], other: tuple[int, int],
          x: Point) -> bool:
    """Swap the ways of two lines after their segments ``one`` and ``other`` cross at
    ``x``, each turning into its own corner there; False (nothing changed) when a new way
    would pass a box or cross more other lines, or the two would not cross each other
    less (a crossing at a card's stub, which no swap undoes, stays)."""
    (i, k), (j, m) = one, other
    a, b = paths[i], paths[j]
    crossing = _between(a, b)
    before = -1  # weighed once a new way crosses the other less (the cheaper test first)
    for gap in (SWAP_GAP, SWAP_GAP / 2):
        xa = _corner(x, a[k], b[m + 1], b[m], gap)
        xb = _corner(x, b[m], a[k + 1], a[k], gap)
        new_a = [*a[:k + 1], xa, *b[m + 1:]]
        new_b = [*b[:m + 1], xb, *a[k + 1:]]
        if _between(new_a, new_b) >= crossing:
            continue
        if before < 0:
            # the two lines share their person, so neither counts the other (nor itself,
            # as it was remembered): only the ways from the crossing on are weighed
            before = _crossed(router, a[k:], ends[i]) + _crossed(router, b[m:], ends[j])
        if (_crossed(router, new_a[k:], ends[i]) + _crossed(router, new_b[m:], ends[j])
                <= before
                and _clear(router, new_a, skips[i], ends[i], k)
                and _clear(router, new_b, skips[j], ends[j], m)):
            paths[i], paths[j] = new_a, new_b
            for line in (i, j):
                router.tag = line
                router.forget(line)
                router.remember(paths[line], ends[line])
            return True
    return False


def _key(i: int, j: int, x: Point) -> tuple[int, int, float, float]:
    """A crossing of lines ``i`` and ``j`` at ``x`` as remembered when its swap failed (to
    a tenth of a unit: the same crossing found again after another swap)."""
    return i, j, round(x[0], 1), round(x[1], 1)


def _between(a: Sequence[Point], b: Sequence[Point]) -> int:
    """How often paths ``a`` and ``b`` cross each other, a card's stub too (a swap near
    the cards the two lines leave must not make their stubs cross): O(s²) for s
    segments, few, most passed over by their boxes."""
    total = 0
    boxes = [(min(r[0], t[0]), max(r[0], t[0]), min(r[1], t[1]), max(r[1], t[1]), r, t)
             for r, t in pairwise(b)]
    for p, q in pairwise(a):
        x0, x1, y0, y1 = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
        for u0, u1, v0, v1, r, t in boxes:
            if u0 <= x1 and x0 <= u1 and v0 <= y1 and y0 <= v1:  # boxes apart: no crossing
                total += segments_cross(p, q, r, t)
    return total


def _crossed(router: Router, path: Sequence[Point], ends: tuple[str, str]) -> int:
    """How many remembered lines sharing no end with ``path`` (between ``ends``) it
    crosses: swapping ways must not cross more of the other lines (lines sharing an end
    with one of the two may share none with the other)."""
    length = sum(math.dist(p, q) for p, q in pairwise(path))
    return round(router.cost(path, ends) - length / CROSSING_LENGTH)

