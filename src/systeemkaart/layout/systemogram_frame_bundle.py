"""Bundles moved off household frames together: lines side by side leave a frame as one.

A line running along a household frame that cannot move off it alone
(:func:`~.systemogram_frame_clear.off_frames`) often has other lines beside it on the side
away from the frame: lines of one card leaving it side by side, or lines of other agents
within a band's reach along the same frame. Every way off the frame for the line nearest
the frame then lands on its neighbour, or crosses it. :func:`bundles_off_frames` moves
such a bundle (the segments nearly parallel to the run, each within ``BUNDLE_GAP`` of one
already in it, farther from the frame, beside it over ``BUNDLE_RUN`` units) all by the same
step away from the frame, the segments joining each keeping their directions, so the lines
keep their spacing and order, where every moved segment and the two it joins stay clear of
every box, the bundle crosses no more lines, makes no new band with a line of another agent
(as the bands measure counts them), runs beside no line outside it where it did not (off a
run over ``LONG_RUN`` one segment may, where the bundle then crosses fewer lines), turns
back sharply no more often and no segment of it comes to run along a frame. A segment
:func:`~.systemogram_frame_clear.off_frames` moved but left along a frame over ``LEFT_RUN``
(a slant off it from one end) turns about its end farther from the frame instead, until it
is out of the frame's reach, its bundle taken within ``LEFT_ALONG`` of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

from . import Box, Point
from .systemogram_close import NEAR_PARALLEL, close_span, frame_edges
from .systemogram_frame_clear import (
    FRAME_RUN,
    LEFT_RUN,
    LONG_RUN,
    Run,
    along_edge,
    along_frames,
    away_from,
    banded,
    close_by_line,
    closer,
    sharp,
)
from .systemogram_route import Router
from .systemogram_tracks import (
    BESIDE,
    CLOSE,
    Boxed,
    boxed,
    boxed_within,
    clear_at_margins,
    crossings_near,
    near_segments,
    within_reach,
)

__all__ = ["ALONG", "BUNDLE_GAP", "BUNDLE_MOST", "BUNDLE_RUN", "BUNDLE_STEPS", "BUNDLE_TRIES",
           "JOIN_GROWTH", "LEFT_ALONG", "bundle_of", "bundles_off_frames"]

BUNDLE_GAP = 12.0
"""Distance (units) within which a segment beside the last of a bundle, farther from the
frame, joins it: a line that near is in the way of any step off the frame."""
BUNDLE_RUN = 15.0
"""Length (units) a segment must run within ``BUNDLE_GAP`` of the bundle to join it (a
line crossing it at a small angle runs beside it for less)."""
BUNDLE_MOST = 4
"""Most segments moved as one bundle: a bounded cost, and a wider bundle is more often a
corridor of lines the router chose than lines of one card."""

ALONG = math.sin(math.radians(6.0))
"""Sine of the largest angle between a segment of a bundle and the run it moves with: one
more slanted turns across the others' ways at its ends when moved with them."""

LEFT_ALONG = NEAR_PARALLEL
"""Sine of the largest angle between a segment of a bundle and a run left along a frame
(a segment :func:`~.systemogram_frame_clear.off_frames` slanted off it from one end, or
moved off it by too little): such a run meets the line beside it at a wider angle, the
line's own slant and the run's added (Professional 38's line into Persoon 0 of the
40-agent network of seed 0 and Professional 18's beside it, 12 degrees apart)."""

BUNDLE_STEPS = tuple(float(s) for s in range(5, 25))
"""Distances (units) a bundle is tried away from the frame, a unit apart: the lines beside
a frame leave little room, and a few units more than needed may take a bundle across the
next line's way."""

BUNDLE_TRIES = 2
"""Most steps tried for one bundle past the least that takes its run out of the frame's
reach: a bounded cost."""

JOIN_GROWTH = 2 * BUNDLE_STEPS[-1]
"""Farthest (units) the end of a segment joining a moved one is carried along its way
(:func:`_on_lane`): a bound on the region a bundle's ways are judged in."""

Member = tuple[int, int]
"""A segment of a bundle: its line and its index in the line."""


def bundles_off_frames(router: Router, paths: list[list[Point]],
                       ends: Sequence[tuple[str, str]], widths: Sequence[float],
                       skips: Sequence[Sequence[str]], firsts: Sequence[int],
                       kept: Sequence[int], frames: Sequence[Box], runs: Sequence[Run]) -> int:
    """Move, in place, the bundle of each of ``runs`` (segments along a frame that did not
    move off it alone, or were left along it) away from its frame edge by the least of
    ``BUNDLE_STEPS`` that brings the run out of the frame's reach, where that is allowed
    (see the module). Arguments as
    :func:`~.systemogram_frame_clear.off_frames` takes them. Returns the bundles moved.
    O(L · s) to find each bundle, and at most ``len(BUNDLE_STEPS)`` ways of O(B · L · s) tried
    for a bundle of B segments."""
    edges = frame_edges(frames)
    moved = 0
    for run, i, k, edge in runs:
        now = along_edge(paths[i], k, edge)
        if now <= LEFT_RUN:
            continue  # a bundle moved before took it along
        left = now <= FRAME_RUN  # a slant or step off the frame that left it within reach
        members = bundle_of(paths, ends, i, k, edge, firsts, kept,
                            LEFT_ALONG if left else ALONG)
        goal = 0.0 if left else FRAME_RUN
        if len(members) > 1 and _move_bundle(router, paths, ends, widths, skips, members,
                                             edge, edges, run, goal):
            moved += 1
    return moved


def bundle_of(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]], i: int,
              k: int, edge: tuple[Point, Point], firsts: Sequence[int], kept: Sequence[int],
              along: float = ALONG) -> list[Member]:
    """Segment ``k`` of line ``i`` (running along the frame ``edge``) and the segments of
    other lines beside it on the side away from the frame: each nearly parallel to it,
    within ``BUNDLE_GAP`` of a segment already in the bundle and farther from the frame,
    over ``BUNDLE_RUN`` units, free to move (after its card's stub, before its fan), at
    most one of a line and ``BUNDLE_MOST`` in all, nearest first."""
    a, b = paths[i][k], paths[i][k + 1]
    nx, ny = away_from(a, b, edge)
    length = math.dist(a, b)
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length

    def offset(p: Point) -> float:
        return (p[0] - a[0]) * nx + (p[1] - a[1]) * ny

    reach = BUNDLE_GAP * BUNDLE_MOST  # no member lies farther from the run
    x0, x1 = min(a[0], b[0]) - reach, max(a[0], b[0]) + reach
    y0, y1 = min(a[1], b[1]) - reach, max(a[1], b[1]) + reach
    candidates: list[tuple[int, int, Point, Point]] = []
    for j, path in enumerate(paths):
        if j == i:
            continue
        bound = NEAR_PARALLEL if ends[j][0] == ends[i][0] else along
        for m in range(max(firsts[j], 1), len(path) - max(kept[j], 1) - 1):
            c, d = path[m], path[m + 1]
            if max(c[0], d[0]) < x0 or min(c[0], d[0]) > x1 \
                    or max(c[1], d[1]) < y0 or min(c[1], d[1]) > y1:
                continue
            span = math.dist(c, d)
            if span > BUNDLE_RUN and abs((d[0] - c[0]) * uy - (d[1] - c[1]) * ux) <= bound * span:
                candidates.append((j, m, c, d))
    members: list[Member] = [(i, k)]
    lines = {i}
    while len(members) < BUNDLE_MOST:
        found: list[tuple[float, int, int]] = []
        for j, m, c, d in candidates:
            if j in lines:
                continue
            for j2, m2 in members:
                beyond = _beyond(c, d, paths[j2][m2], paths[j2][m2 + 1], offset)
                if beyond is not None:
                    found.append((beyond, j, m))
                    break
        if not found:
            break
        _, j, m = min(found)
        members.append((j, m))
        lines.add(j)
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
                 edges: Sequence[tuple[Point, Point]], run: float, goal: float) -> bool:
    """Move the first two of ``members`` (the first along the frame ``edge``), else the
    first three, and so on, away from the edge by the least of ``BUNDLE_STEPS`` that leaves
    the first along the frames for no more than ``goal`` units (``FRAME_RUN``, or 0 for a
    run left along a frame, which turns about its farther end) and is allowed (see the
    module), trying at most ``BUNDLE_TRIES`` steps from there; True if moved."""
    i, k = members[0]
    nx, ny = away_from(paths[i][k], paths[i][k + 1], edge)
    hinge = _farther(paths[i][k], paths[i][k + 1], edge) if goal < FRAME_RUN else None
    wide = BESIDE + max(widths, default=0.0)
    region = [p for j, m in members for p in paths[j][m - 1:m + 3]]
    nearby = boxed(near_segments(paths, -1, region, BUNDLE_STEPS[-1] + JOIN_GROWTH + wide))
    for n in range(2, len(members) + 1):
        bundle = members[:n]
        judge = _Judge(paths, ends, widths, bundle, nearby, wide, edges)
        tried = 0
        for step in BUNDLE_STEPS:
            trial = _moved(paths, bundle, step * nx, step * ny, hinge)
            if along_frames(trial[i][k:k + 2], edges) > goal:
                continue  # not yet out of the frame's reach: a step farther may be
            tried += 1
            if tried > BUNDLE_TRIES:
                break
            if judge.allows(trial, run > LONG_RUN) and all(
                    clear_at_margins(router, trial[j][m - 1:m + 3], paths[j], skips[j],
                                     ends[j], tight=False) for j, m in bundle):
                for j, _ in bundle:
                    paths[j] = trial[j]
                return True
    return False


def _moved(paths: Sequence[list[Point]], bundle: Sequence[Member], dx: float, dy: float,
           hinge: int | None = None) -> list[list[Point]]:
    """``paths`` with the segments of ``bundle`` moved by (``dx``, ``dy``), the segments
    joining each kept in their directions (:func:`_on_lane`); the other paths shared. Where
    ``hinge`` is given (0 or 1), that end of the first segment stays, the segment turning
    about it: a slant left along a frame at its other end only."""
    trial = list(paths)
    for n, (j, m) in enumerate(bundle):
        path = list(paths[j])
        a2 = (path[m][0] + dx, path[m][1] + dy)
        b2 = (path[m + 1][0] + dx, path[m + 1][1] + dy)
        if n == 0 and hinge == 0:
            a2 = path[m]
        elif n == 0 and hinge == 1:
            b2 = path[m + 1]
        path[m], path[m + 1] = (path[m] if a2 == path[m] else _on_lane(path[m - 1], path[m],
                                                                       a2, b2),
                                path[m + 1] if b2 == path[m + 1] else _on_lane(
                                    path[m + 2], path[m + 1], a2, b2))
        trial[j] = path
    return trial


def _farther(a: Point, b: Point, edge: tuple[Point, Point]) -> int:
    """Which end of segment ``a``-``b`` (0 or 1) lies farther from the line of ``edge``."""
    c, e = edge
    ex, ey = -(e[1] - c[1]), e[0] - c[0]
    da = abs((a[0] - c[0]) * ex + (a[1] - c[1]) * ey)
    db = abs((b[0] - c[0]) * ex + (b[1] - c[1]) * ey)
    return 0 if da >= db else 1


def _on_lane(out: Point, end: Point, a: Point, b: Point) -> Point:
    """Where the segment from ``out`` through ``end`` (a segment joining a moved one at
    ``end``), carried on, meets the moved segment's line ``a``-``b``: the joining segment
    keeps its direction, longer or shorter, so no zigzag forms at the bend. ``end`` moved
    as the segment moved (the corner of ``a``-``b`` nearest it) where the two lines are
    nearly parallel, meet behind ``out`` or over ``JOIN_GROWTH`` from that corner."""
    moved = a if math.dist(end, a) < math.dist(end, b) else b
    ex, ey = end[0] - out[0], end[1] - out[1]
    lx, ly = b[0] - a[0], b[1] - a[1]
    det = ex * ly - ey * lx
    norm = math.hypot(ex, ey) * math.hypot(lx, ly)
    if norm < 1e-9 or abs(det) < ALONG * norm:
        return moved
    t = ((a[0] - out[0]) * ly - (a[1] - out[1]) * lx) / det
    met = (out[0] + t * ex, out[1] + t * ey)
    return met if t > 0.1 and math.dist(met, moved) <= JOIN_GROWTH else moved


class _Judge:
    """Judges the ways a ``bundle`` of ``paths`` is moved (see the module) against the
    segments ``nearby`` (boxed, of every line, where any way tried may reach): the lines
    outside the bundle stay as they are, so only the bundle's own lines are looked at
    again for each way."""

    def __init__(self, paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                 widths: Sequence[float], bundle: Sequence[Member], nearby: Sequence[Boxed],
                 wide: float, edges: Sequence[tuple[Point, Point]]) -> None:
        self.paths, self.ends, self.widths, self.bundle = paths, ends, widths, bundle
        self.wide, self.edges = wide, edges
        inside = {j for j, _ in bundle}
        self.fixed = [b for b in nearby if b[4] not in inside]
        self.crossed = sum(self._crossings(paths, j, m) for j, m in bundle)
        self.turns = {j: sharp(paths[j][max(m - 2, 0):m + 4]) for j, m in bundle}
        self.along = {j: along_frames(paths[j][m - 1:m + 3], edges) for j, m in bundle}
        self.before: dict[int, tuple[float, dict[int, float]]] | None = None

    def _crossings(self, paths: Sequence[Sequence[Point]], j: int, m: int) -> int:
        """How often segment ``m`` of line ``j`` and the two it joins cross the lines
        outside the bundle and the other lines of the bundle as ``paths`` run."""
        part = paths[j][m - 1:m + 3]
        mine = boxed([(j2, c, d) for j2, _ in self.bundle if j2 != j
                      for c, d in pairwise(paths[j2])])
        return (crossings_near(part, boxed_within(self.fixed, part, 0.0))
                + crossings_near(part, mine))

    def _beside(self, paths: Sequence[Sequence[Point]], j: int, m: int
                ) -> tuple[float, dict[int, float]]:
        """The bands segment ``m`` of line ``j`` and the two it joins make with lines of
        other agents outside the bundle (as the bands measure counts them), and how long
        they run within ``CLOSE`` of each line outside the bundle."""
        part = paths[j][m - 1:m + 3]
        agent = self.ends[j][0]
        near = boxed_within(self.fixed, part, self.wide)
        others = [(b[4], b[5], b[6]) for b in near if self.ends[b[4]][0] != agent]
        return (banded(paths, self.widths, j, part, others),
                close_by_line(paths, j, part, within_reach(near, part, CLOSE)))

    def allows(self, trial: Sequence[Sequence[Point]], long: bool) -> bool:
        """True when the bundle moved as in ``trial`` crosses no more lines, no segment of
        it turns back sharply more often, runs longer along a frame (or comes to run along
        one), as a band or beside another line. Off a ``long`` run (over ``LONG_RUN``) one
        segment may run beside another line where the bundle then crosses fewer lines: a
        crossing at a small angle for a crossing."""
        if any(sharp(trial[j][max(m - 2, 0):m + 4]) > self.turns[j]
               or along_frames(trial[j][m:m + 2], self.edges) > FRAME_RUN
               or along_frames(trial[j][m - 1:m + 3], self.edges) > self.along[j] + 1e-9
               for j, m in self.bundle):
            return False
        now = sum(self._crossings(trial, j, m) for j, m in self.bundle)
        if now > self.crossed:
            return False
        if self.before is None:
            self.before = {j: self._beside(self.paths, j, m) for j, m in self.bundle}
        beside = 0
        for j, m in self.bundle:
            band, close = self._beside(trial, j, m)
            if band > self.before[j][0] + 1e-9:
                return False
            beside += closer(self.before[j][1], close)
        return beside <= (1 if long and now < self.crossed else 0)
