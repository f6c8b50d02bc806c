"""Bundles moved off household frames together: lines side by side leave a frame as one.

A line running along a household frame that cannot move off it alone
(:func:`~.systemogram_frame_clear.off_frames`) often has other lines beside it on the side
away from the frame: lines of one card leaving it side by side, or lines of other agents
within a band's reach along the same frame. Every way off the frame for the line nearest
the frame then lands on its neighbour, or crosses it. :func:`bundles_off_frames` moves
such a bundle (the segments nearly parallel to the run, each within ``BUNDLE_GAP`` of the
one before it, farther from the frame, beside it over ``BUNDLE_RUN`` units) all by the same
step away from the frame, so their spacing stays, where every moved segment and the two it
joins stay clear of every box, the bundle crosses no more lines, runs no longer as a band
with another line nor beside one where it did not, turns back sharply no more often and no
segment of it comes to run along a frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from . import Box, Point
from .systemogram_close import NEAR_PARALLEL, close_length, close_span, frame_edges
from .systemogram_frame_clear import (
    FRAME_NEAR,
    FRAME_RUN,
    LONG_RUN,
    Run,
    along_frames,
    banded,
    close_by_line,
    closer,
    sharp,
)
from .systemogram_route import Router
from .systemogram_tracks import (
    BESIDE,
    CLOSE,
    boxed,
    clear_at_margins,
    crossings_near,
    near_segments,
    within_reach,
)

__all__ = ["ALONG", "BUNDLE_GAP", "BUNDLE_MOST", "BUNDLE_RUN", "BUNDLE_STEPS", "BUNDLE_TRIES",
           "bundle_of", "bundles_off_frames"]

BUNDLE_GAP = 12.0
"""Distance (units) within which a segment beside the last of a bundle, farther from the
frame, joins it: a line that near is in the way of any step off the frame."""
BUNDLE_RUN = 15.0
"""Length (units) a segment must run within ``BUNDLE_GAP`` of the bundle to join it (a
line crossing it at a small angle runs beside it for less)."""
BUNDLE_MOST = 6
"""Most segments moved as one bundle: a bounded cost, and a wider bundle is more often a
corridor of lines the router chose than lines of one card."""

ALONG = math.sin(math.radians(6.0))
"""Sine of the largest angle between a segment of a bundle and the run it moves with: one
more slanted turns across the others' ways at its ends when moved with them."""

BUNDLE_STEPS = tuple(float(s) for s in range(5, 25))
"""Distances (units) a bundle is tried away from the frame, a unit apart: the lines beside
a frame leave little room, and a few units more than needed may take a bundle across the
next line's way."""

BUNDLE_TRIES = 4
"""Most steps tried for one bundle past the least that takes its run out of the frame's
reach: a bounded cost."""

Member = tuple[int, int]
"""A segment of a bundle: its line and its index in the line."""
Measure = tuple[int, int, float, dict[int, float]]
"""What a moved segment is judged by: lines crossed, sharp turns, bands, runs beside each
line (see :func:`_measure`)."""


def bundles_off_frames(router: Router, paths: list[list[Point]],
                       ends: Sequence[tuple[str, str]], widths: Sequence[float],
                       skips: Sequence[Sequence[str]], firsts: Sequence[int],
                       kept: Sequence[int], frames: Sequence[Box], runs: Sequence[Run]) -> int:
    """Move, in place, the bundle of each of ``runs`` (segments along a frame that did not
    move off it alone) away from its frame edge by the least of ``BUNDLE_STEPS`` that brings the
    run out of the frame's reach, where that is allowed (see the module). Arguments as
    :func:`~.systemogram_frame_clear.off_frames` takes them. Returns the bundles moved.
    O(L · s) to find each bundle, and at most ``len(BUNDLE_STEPS)`` ways of O(B · L · s) tried
    for a bundle of B segments."""
    edges = frame_edges(frames)
    moved = 0
    for run, i, k, edge in runs:
        if not _still_along(paths[i], k, edge):
            continue  # a bundle moved before took it along
        members = bundle_of(paths, ends, i, k, edge, firsts, kept)
        if len(members) > 1 and _move_bundle(router, paths, ends, widths, skips, members,
                                             edge, edges, run):
            moved += 1
    return moved


def _still_along(path: Sequence[Point], k: int, edge: tuple[Point, Point]) -> bool:
    """True when segment ``k`` of ``path`` still runs along ``edge`` over ``FRAME_RUN``."""
    return k + 1 < len(path) and close_length(path[k], path[k + 1], *edge, FRAME_NEAR, (),
                                              0.0) > FRAME_RUN


def _away(a: Point, b: Point, edge: tuple[Point, Point]) -> tuple[float, float]:
    """The unit normal of segment ``a``-``b`` pointing away from the frame ``edge``."""
    length = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    c = edge[0]
    side = 1.0 if (mid[0] - c[0]) * nx + (mid[1] - c[1]) * ny >= 0 else -1.0
    return side * nx, side * ny


def bundle_of(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]], i: int,
              k: int, edge: tuple[Point, Point], firsts: Sequence[int], kept: Sequence[int]
              ) -> list[Member]:
    """Segment ``k`` of line ``i`` (running along the frame ``edge``) and the segments of
    other lines beside it on the side away from the frame: each nearly parallel to it,
    within ``BUNDLE_GAP`` of a segment already in the bundle and farther from the frame,
    over ``BUNDLE_RUN`` units, free to move (after its card's stub, before its fan), at
    most one of a line and ``BUNDLE_MOST`` in all, nearest first."""
    a, b = paths[i][k], paths[i][k + 1]
    nx, ny = _away(a, b, edge)
    length = math.dist(a, b)
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length

    def offset(p: Point) -> float:
        return (p[0] - a[0]) * nx + (p[1] - a[1]) * ny

    members: list[Member] = [(i, k)]
    lines = {i}
    grew = True
    while grew and len(members) < BUNDLE_MOST:
        grew = False
        found: list[tuple[float, int, int]] = []
        for j, path in enumerate(paths):
            if j in lines:
                continue
            for m in range(max(firsts[j], 1), len(path) - max(kept[j], 1) - 1):
                c, d = path[m], path[m + 1]
                span = math.dist(c, d)
                bound = NEAR_PARALLEL if ends[j][0] == ends[i][0] else ALONG
                if span < BUNDLE_RUN or abs(((d[0] - c[0]) * uy - (d[1] - c[1]) * ux)
                                            / span) > bound:
                    continue
                for j2, m2 in members:
                    beyond = _beyond(c, d, paths[j2][m2], paths[j2][m2 + 1], offset)
                    if beyond is not None:
                        found.append((beyond, j, m))
                        break
        if found:
            found.sort()
            _, j, m = found[0]
            members.append((j, m))
            lines.add(j)
            grew = True
    return members


def _beyond(c: Point, d: Point, p: Point, q: Point, offset: Callable[[Point], float]
            ) -> float | None:
    """How far from the frame (``offset``) the segment ``c``-``d`` lies where it runs
    within ``BUNDLE_GAP`` of ``p``-``q`` over ``BUNDLE_RUN`` units, farther from the frame
    than ``p``-``q`` there; ``None`` where it does not."""
    span = close_span(c, d, p, q, BUNDLE_GAP)
    if span is None or span[1] - span[0] <= BUNDLE_RUN:
        return None
    length = math.dist(c, d)
    t = (span[0] + span[1]) / 2 / length
    x = (c[0] + t * (d[0] - c[0]), c[1] + t * (d[1] - c[1]))
    seg = math.dist(p, q)
    u = max(0.0, min(1.0, ((x[0] - p[0]) * (q[0] - p[0]) + (x[1] - p[1]) * (q[1] - p[1]))
                     / (seg * seg)))
    y = (p[0] + u * (q[0] - p[0]), p[1] + u * (q[1] - p[1]))
    return offset(x) if offset(x) > offset(y) + 1e-9 else None


def _move_bundle(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                 widths: Sequence[float], skips: Sequence[Sequence[str]],
                 members: Sequence[Member], edge: tuple[Point, Point],
                 edges: Sequence[tuple[Point, Point]], run: float) -> bool:
    """Move the first two of ``members`` (the first along the frame ``edge``), else the
    first three, and so on, away from the edge by the least of ``BUNDLE_STEPS`` that takes
    the first out of the frames' reach and is allowed (see the module), trying at most
    ``BUNDLE_TRIES`` steps from there; True if moved."""
    i, k = members[0]
    nx, ny = _away(paths[i][k], paths[i][k + 1], edge)
    wide = BESIDE + max(widths, default=0.0)
    for n in range(2, len(members) + 1):
        bundle = members[:n]
        before = {j: _measure(paths, ends, widths, j, m, wide, bundle) for j, m in bundle}
        crossed = sum(before[j][0] for j, _ in bundle)
        tried = 0
        for step in BUNDLE_STEPS:
            trial = _moved(paths, bundle, step * nx, step * ny)
            if along_frames(trial[i][k:k + 2], edges) > FRAME_RUN:
                continue  # not yet out of the frame's reach: a step farther may be
            tried += 1
            if tried > BUNDLE_TRIES:
                break
            if _allowed(router, paths, trial, ends, widths, skips, bundle, before, crossed,
                        wide, edges, run > LONG_RUN):
                for j, _ in bundle:
                    paths[j] = trial[j]
                return True
    return False


def _moved(paths: Sequence[list[Point]], bundle: Sequence[Member], dx: float, dy: float
           ) -> list[list[Point]]:
    """``paths`` with the segments of ``bundle`` moved by (``dx``, ``dy``), the segments
    joining each kept in their directions (:func:`_on_lane`); the other paths shared."""
    trial = list(paths)
    for j, m in bundle:
        path = list(paths[j])
        a2 = (path[m][0] + dx, path[m][1] + dy)
        b2 = (path[m + 1][0] + dx, path[m + 1][1] + dy)
        path[m], path[m + 1] = (_on_lane(path[m - 1], path[m], a2, b2),
                                _on_lane(path[m + 2], path[m + 1], a2, b2))
        trial[j] = path
    return trial


def _allowed(router: Router, paths: Sequence[Sequence[Point]],
             trial: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
             widths: Sequence[float], skips: Sequence[Sequence[str]],
             bundle: Sequence[Member], before: Mapping[int, Measure], crossed: int,
             wide: float, edges: Sequence[tuple[Point, Point]], long: bool) -> bool:
    """True when the moved ``bundle`` of ``trial`` crosses no more lines than it did in
    ``paths`` (``crossed``, each of its segments and the two it joins), and no segment of
    it turns back sharply more often, runs longer as a band or beside another line
    (``before``), comes to run along a frame, or passes a box. Off a ``long`` run (over
    ``LONG_RUN``) one segment may run beside another line where the bundle then crosses
    fewer lines: a crossing at a small angle for a crossing."""
    after = {j: _measure(trial, ends, widths, j, m, wide, bundle) for j, m in bundle}
    now = sum(v[0] for v in after.values())
    if now > crossed:
        return False
    if any(after[j][1] > before[j][1] or after[j][2] > before[j][2] + 1e-9
           or along_frames(trial[j][m:m + 2], edges) > FRAME_RUN
           or along_frames(trial[j][m - 1:m + 3], edges)
           > along_frames(paths[j][m - 1:m + 3], edges) + 1e-9
           for j, m in bundle):
        return False
    beside = sum(1 for j, _ in bundle if closer(before[j][3], after[j][3]))
    if beside > (1 if long and now < crossed else 0):
        return False
    return all(clear_at_margins(router, trial[j][m - 1:m + 3], paths[j], skips[j], ends[j],
                                tight=False) for j, m in bundle)


def _on_lane(out: Point, end: Point, a: Point, b: Point) -> Point:
    """Where the segment from ``out`` through ``end`` (a segment joining a moved one at
    ``end``), carried on, meets the moved segment's line ``a``-``b``: the joining segment
    keeps its direction, longer or shorter, so no zigzag forms at the bend. ``end`` moved
    as the segment moved (the corner of ``a``-``b`` nearest it) where the two lines are
    nearly parallel or meet behind ``out``."""
    moved = a if math.dist(end, a) < math.dist(end, b) else b
    ex, ey = end[0] - out[0], end[1] - out[1]
    lx, ly = b[0] - a[0], b[1] - a[1]
    det = ex * ly - ey * lx
    norm = math.hypot(ex, ey) * math.hypot(lx, ly)
    if norm < 1e-9 or abs(det) < ALONG * norm:
        return moved
    t = ((a[0] - out[0]) * ly - (a[1] - out[1]) * lx) / det
    return (out[0] + t * ex, out[1] + t * ey) if t > 0.1 else moved


def _measure(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
             widths: Sequence[float], j: int, m: int, wide: float, bundle: Sequence[Member]
             ) -> Measure:
    """For segment ``m`` of line ``j`` and the two it joins: the lines it crosses, how
    often it turns back sharply, its bands with lines of other agents (as the bands
    measure counts them) and how long it runs within ``CLOSE`` of each line outside the
    ``bundle`` (the lines of a bundle keep their spacing as they move)."""
    part = paths[j][m - 1:m + 3]
    window = paths[j][max(m - 2, 0):m + 4]
    boxes = boxed(near_segments(paths, j, part, wide))
    inside = {line for line, _ in bundle}
    others = [b for b in boxes if b[4] not in inside]
    agent = ends[j][0]
    return (crossings_near(part, boxes), sharp(window),
            banded(paths, widths, j, part,
                   within_reach([b for b in others if ends[b[4]][0] != agent], part, wide)),
            close_by_line(paths, j, part, within_reach(others, part, CLOSE)))
