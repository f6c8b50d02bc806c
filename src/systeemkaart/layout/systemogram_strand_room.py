"""Room between strands: parallel lines kept a clear space apart that grows with width.

The line parting (:mod:`.systemogram_tracks`) keeps ``TRACK_GAP`` clear between the
strokes of lines on neighbouring tracks, however wide they are drawn; two double lines
(two strokes and a gap each) that far apart read as one cable. :func:`widen_strands`
moves, for the longest runs of two lines of different agents side by side with less
than :func:`strand_room` clear between their strokes, the segment of one line that runs
longest beside the other sideways, away from it, by the least step that leaves it that
room, where that way is clear of every box, crosses no more lines, and runs no longer
with its strokes on those of any line, nor within ``STRAND_GAP`` of them (a band), and
runs at least ``STRAND_RUN / 2`` less within the room of the lines beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point
from .systemogram_close import (
    CLOSE_END,
    NEAR_PARALLEL,
    STRAND_GAP,
    STRAND_RUN,
    close_length,
    close_runs,
    shared_ends,
)
from .systemogram_route import Router
from .systemogram_tracks import (
    TRACK_GAP,
    Boxed,
    boxed,
    boxed_within,
    clear_at_margins,
    crossings_near,
)

__all__ = ["ROOM_TRIES", "WIDTH_ROOM", "strand_room", "widen_strands"]

WIDTH_ROOM = 0.5
"""Clear space (units) a pair of strands keeps beyond ``TRACK_GAP`` for each unit of
their mean drawn width."""
ROOM_TRIES = 4
"""Most runs widened in one drawing: a bounded cost."""
_STEPS = (1.0, 2.5, 4.0, 6.0)
"""Steps (units) beyond the shortfall a segment is tried off the line beside it."""


def strand_room(a: float, b: float) -> float:
    """Clear space (units) two lines ``a`` and ``b`` units wide keep between their strokes
    where they run side by side: ``TRACK_GAP`` and ``WIDTH_ROOM`` more for each unit of
    their mean width."""
    return TRACK_GAP + WIDTH_ROOM * (a + b) / 2


def _reach(widths: Sequence[float]) -> float:
    """How far (units) two segments' boxes may lie apart and their strokes still come
    within the widest room."""
    return strand_room(max(widths), max(widths)) + max(widths) + 1.0


def _runs(i: int, part: Sequence[Point], way: Sequence[Point],
          near: Sequence[Boxed], ends: Sequence[tuple[str, str]],
          widths: Sequence[float]
          ) -> tuple[float, float, float]:
    """How long ``part`` of line ``i`` (whose way is ``way``) runs beside the ``near``
    segments of other lines (of its own agent too: each arrow must be traceable) with its
    strokes on theirs (touching or overlapping), within ``STRAND_GAP`` of theirs, and
    within their :func:`strand_room`."""
    touch = band = room = 0.0
    reach = _reach(widths)
    segs = [(p, q, min(p[0], q[0]) - reach, max(p[0], q[0]) + reach,
             min(p[1], q[1]) - reach, max(p[1], q[1]) + reach, q[0] - p[0], q[1] - p[1],
             NEAR_PARALLEL * math.hypot(q[0] - p[0], q[1] - p[1]))
            for p, q in pairwise(part)]
    for a0, a1, b0, b1, j, c, d in boxed_within(near, part, reach):
        half = (widths[i] + widths[j]) / 2
        wide = strand_room(widths[i], widths[j]) + half
        holes: list[Point] | None = None
        vx, vy = d[0] - c[0], d[1] - c[1]
        lv = math.hypot(vx, vy)
        for p, q, x0, x1, y0, y1, ux, uy, most in segs:
            if a1 < x0 or a0 > x1 or b1 < y0 or b0 > y1 or abs(ux * vy - uy * vx) > most * lv:
                continue  # too far apart or too steep to run beside
            if holes is None:
                holes = shared_ends(way, ends[i], ends[j])
            run = close_length(p, q, c, d, wide, holes, CLOSE_END)
            if run:  # a band lies within the room, strokes touching within a band
                room += run
                run = close_length(p, q, c, d, STRAND_GAP + half, holes, CLOSE_END)
                if run:
                    band += run
                    touch += close_length(p, q, c, d, half, holes, CLOSE_END)
    return touch, band, room


def widen_strands(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                  widths: Sequence[float], skips: Sequence[Sequence[str]],
                  firsts: Sequence[int], kept: Sequence[int], plain: Sequence[bool]) -> int:
    """Give the longest runs of lines of different agents side by side with less than
    their :func:`strand_room` clear their room (see the module), in place: of ``paths``
    (from each agent, ``ends`` its (agent, target), drawn ``widths`` wide), each passing
    the boxes ``skips``, ``firsts`` the first point that may move (after a card's stub),
    ``kept`` how many points at its end stay (its fan into a person's ports); only lines
    drawn with ``plain`` strokes move (a zigzag's wave swings out past the router's
    margin). Returns how many segments moved. O(S · s) to find the runs through a grid,
    and at most ``ROOM_TRIES`` runs weighed, each against the segments near it."""
    # the movable part of each line: a run between fixed parts cannot widen
    lines = [(a, t, p[max(f, 1):len(p) - max(n, 1)])
             for (a, t), p, f, n in zip(ends, paths, firsts, kept, strict=True)]
    found = close_runs(lines, TRACK_GAP + WIDTH_ROOM * max(widths, default=0.0),
                       CLOSE_END, widths)
    runs = sorted(((run, pair) for pair, run in found.items()
                   if run > STRAND_RUN and ends[pair[0]][0] != ends[pair[1]][0]),
                  key=lambda rp: (-rp[0], rp[1]))
    moved = 0
    every: list[Boxed] = []
    for _, (i, j) in runs[:ROOM_TRIES]:
        if not every:  # every segment with its box
            every = boxed([(n, c, d) for n, path in enumerate(paths)
                           for c, d in pairwise(path)])
        for line, other in ((j, i), (i, j)):
            if plain[line] and _widen(router, paths, ends, widths, skips, firsts, kept,
                                      line, other, every):
                moved += 1
                every = [seg for seg in every if seg[4] != line] \
                    + boxed([(line, c, d) for c, d in pairwise(paths[line])])
                break
    return moved


def _widen(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
           kept: Sequence[int], i: int, other: int, every: Sequence[Boxed]) -> bool:
    """Move the segment of line ``i`` that runs longest within its room beside line
    ``other`` sideways, away from it, by the least step that leaves it the room, where
    allowed (see :func:`widen_strands`); True if moved."""
    path = paths[i]
    lo, hi = max(firsts[i], 1), len(path) - max(kept[i], 1) - 1
    room = strand_room(widths[i], widths[other])
    half = (widths[i] + widths[other]) / 2
    holes = shared_ends(path, ends[i], ends[other])
    best: tuple[float, int, float, float, float] | None = None
    for k in range(lo, hi):
        p, q = path[k], path[k + 1]
        for c, d in pairwise(paths[other]):
            run = close_length(p, q, c, d, room + half, holes, CLOSE_END)
            if run > STRAND_RUN / 2 and (best is None or run > best[0]):
                length = math.dist(c, d)
                mid = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
                # how far the middle lies to the left of c-d (< 0: to its right)
                off = ((d[0] - c[0]) * (mid[1] - c[1]) - (d[1] - c[1]) * (mid[0] - c[0])) \
                    / length
                best = (run, k, off, -(d[1] - c[1]) / length, (d[0] - c[0]) / length)
    if best is None:
        return False
    _, k, off, lx, ly = best
    short = room + half - abs(off)
    if short <= 0:
        return False
    a, b = path[k], path[k + 1]
    length = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    # away from the other line: its left where the segment lies to its left
    side = 1.0 if (nx * lx + ny * ly) * off >= 0 else -1.0
    old = path[k - 1:k + 3]
    far = side * (short + _STEPS[-1])
    near_boxed = [seg for seg in boxed_within(
        every, [*old, (a[0] + far * nx, a[1] + far * ny), (b[0] + far * nx, b[1] + far * ny)],
        _reach(widths)) if seg[4] != i]
    crossed = crossings_near(old, near_boxed)
    before = _runs(i, old, path, near_boxed, ends, widths)
    for step in _STEPS:
        dist = side * (short + step)
        a2, b2 = (a[0] + dist * nx, a[1] + dist * ny), (b[0] + dist * nx, b[1] + dist * ny)
        new = [path[k - 1], a2, b2, path[k + 2]]
        way = [*path[:k], a2, b2, *path[k + 2:]]
        after = _runs(i, new, way, near_boxed, ends, widths)
        if after[0] > before[0] + 1e-9 or after[1] > before[1] + 1e-9 \
                or after[2] > before[2] - STRAND_RUN / 2:
            continue
        if crossings_near(new, near_boxed) > crossed \
                or not clear_at_margins(router, new, path, skips[i], ends[i]):
            continue
        path[k], path[k + 1] = a2, b2
        return True
    return False

