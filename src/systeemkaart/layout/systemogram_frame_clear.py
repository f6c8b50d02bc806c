"""Lines kept off household frames: a long run beside a frame's dashes reads as the frame.

The router keeps a line ``MARGIN`` and a bend off a household's members, so a line going
round a household may run a few units beside its dashed frame for a long way (from a card
on one side, beneath the household, to a member at its far end). A reader takes such a
line for part of the frame, or for a line out of the household, even where its stroke
stays clear of the dashes (the bands measure, :func:`~.systemogram_bands.bands`, only
counts strokes within 3 units). :func:`off_frames` moves each segment of a line that runs
within ``FRAME_NEAR`` of a frame edge, nearly parallel, over ``FRAME_RUN`` units sideways
away from the edge, the least of ``STEPS`` that brings it out of that reach, where the
moved segment and the two it joins stay clear of every box, cross no more lines (at most
``MORE_CROSSINGS`` more off a run over ``LONG_RUN``: the fewest found) and run no longer
as a band with other lines, nor beside one where they did not, and put no bend on a line
of the same agent (within ``BEND_GAP``, crossing neither of its segments: the two would
read as meeting there); of those, the way running least beside other lines (within
``BESIDE``). The side away from the frame is judged by the frame edge's own normal
(:func:`away_from`), as the bundle pass judges it. A segment slanted off from one end has
its other end moved off too where that is allowed and leaves it nearer the frame for less.
A moved segment still along a frame over ``LEFT_RUN`` goes to
:mod:`.systemogram_frame_bundle` at once (where the caller hands that on), so the shorter
runs are moved alone only after its bundle took its room; the runs that stay are returned
for the bundle pass, which moves them with the lines beside them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_geometry import segments_cross
from .systemogram_close import BAND_GAP, BAND_RUN, CLOSE_END, close_length, frame_edges
from .systemogram_route import Router
from .systemogram_tracks import (
    BESIDE,
    CLOSE,
    Boxed,
    beside_length,
    boxed,
    clear_at_margins,
    crossings_near,
    near_segments,
    within_reach,
)

__all__ = ["BEND_GAP", "CROSS_RUN", "FRAME_NEAR", "FRAME_RUN", "FRAME_TRIES", "LEFT_RUN",
           "LONG_RUN", "MORE_CROSSINGS", "STEPS", "Run", "along_edge", "along_frames",
           "away_from", "band_runs", "banded", "close_by_line", "closer", "off_frames", "sharp"]

FRAME_NEAR = 12.0
"""Distance (units, line to frame edge) within which a line nearly parallel to a household
frame's edge reads as running along it."""
FRAME_RUN = 60.0
"""Length (units) a line may run within ``FRAME_NEAR`` of a frame edge: rounding a corner
of the household, or crossing the frame to reach a member, takes less."""
CROSS_RUN = 15.0
"""Length (units) a moved segment may run within ``CLOSE`` of another line where it did
not: a crossing at a small angle, no band."""
LONG_RUN = 120.0
"""Length (units) of a run along a frame over which a line reads as part of the frame
however it ends: worth a crossing more (see ``MORE_CROSSINGS``)."""
LEFT_RUN = 40.0
"""Length (units) a moved segment may still run along a frame (a slant off it from one
end, or a step that left it within reach for less than ``FRAME_RUN``) before it goes to
the bundle pass with the lines beside it."""
MORE_CROSSINGS = 1
"""Most crossings a segment running along a frame over ``LONG_RUN`` units may gain when
moved off it: a line read as the frame misleads more than one crossing more (fewer are
taken where found)."""
STEPS = tuple(float(s) for s in range(4, 25, 4))
"""Distances (units) a segment is tried away from the frame edge it runs along."""
BEND_GAP = CLOSE
"""Distance (units) within which a line passing a bend of a moved segment, crossing
neither of its segments, reads as touching it: a slant's end dipping onto a line of the
same card reads as the two lines meeting there."""
FRAME_TRIES = 8
"""Most runs along frames tried in one drawing, the longest first: a bounded cost (the
bench's 40-agent networks have some 6)."""

_Score = tuple[float, float, float, float]
"""How a way off a frame scores (see :func:`_move_off`): crossings more, run beside other
lines, run along frames, step; the least is best."""

Run = tuple[float, int, int, tuple[Point, Point]]
"""A segment running along a frame: how long (units), its line, its index in the line and
the frame edge it runs along."""


def along_edge(path: Sequence[Point], k: int, edge: tuple[Point, Point]) -> float:
    """How long segment ``k`` of ``path`` runs along ``edge`` (within ``FRAME_NEAR``,
    nearly parallel); 0 where the path has no such segment any more."""
    if k + 1 >= len(path):
        return 0.0
    return close_length(path[k], path[k + 1], *edge, FRAME_NEAR, (), 0.0)


def along_frames(part: Sequence[Point], edges: Sequence[tuple[Point, Point]]) -> float:
    """How long the line ``part`` runs within ``FRAME_NEAR`` of any of the frame ``edges``,
    nearly parallel: O(s · E) for s segments and E edges."""
    return sum(close_length(p, q, a, b, FRAME_NEAR, (), 0.0)
               for p, q in pairwise(part) for a, b in edges)


def off_frames(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
               widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
               kept: Sequence[int], frames: Sequence[Box], stayed: list[Run] | None = None,
               then: Callable[[Run], int] | None = None) -> int:
    """Move, in place, every segment of ``paths`` that runs along a household frame (within
    ``FRAME_NEAR`` over ``FRAME_RUN`` units) away from it, where that is allowed (see the
    module). ``paths`` run from each agent, ``ends`` are their (agent, target), ``widths``
    how wide each is drawn, ``skips`` the boxes each may pass, ``firsts`` each path's first
    point that may move, ``kept`` how many points at each path's end stay (its fan into a
    port). Returns the segments moved; the runs tried and not moved, and the moved
    segments still along a frame over ``LEFT_RUN``, are added to ``stayed`` (where given).
    A moved segment still along a frame goes to ``then`` (where given: the bundle pass
    for that one run) at once, and to ``stayed`` only where ``then`` moved nothing: the
    shorter runs after it are then judged against the lines as its bundle left them (a
    line moved off a frame alone first may take the room the bundle needs, and leave the
    slant on the line beside it).
    O(L · s · E) to find the runs, for L lines of s segments and E frame edges; at most
    ``FRAME_TRIES`` runs (the longest) are tried, each in at most ``3 · len(STEPS)`` ways
    of O(L · s)."""
    edges = frame_edges(frames)
    runs: list[Run] = []
    for i, path in enumerate(paths):
        lo, hi = max(firsts[i], 1), len(path) - max(kept[i], 1) - 1  # movable points lo..hi
        for k in range(lo, hi):
            run, edge = max(((close_length(path[k], path[k + 1], a, b, FRAME_NEAR, (), 0.0),
                              (a, b)) for a, b in edges), default=(0.0, None))
            if run > FRAME_RUN and edge is not None:
                runs.append((run, i, k, edge))
    runs.sort(key=lambda r: (-r[0], r[1], r[2]))
    moved = 0
    for run, i, k, edge in runs[:FRAME_TRIES]:
        if not _move_off(router, paths, ends, widths, skips, i, k, edge, edges, run):
            if stayed is not None:
                stayed.append((run, i, k, edge))
            continue
        moved += 1
        left: Run = (along_edge(paths[i], k, edge), i, k, edge)
        if left[0] > LEFT_RUN and (then is None or not then(left)) and stayed is not None:
            stayed.append(left)
    return moved


def _move_off(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
              widths: Sequence[float], skips: Sequence[Sequence[str]], i: int, k: int,
              edge: tuple[Point, Point], edges: Sequence[tuple[Point, Point]],
              run: float) -> bool:
    """Move segment ``k`` of line ``i`` sideways off the frame ``edge`` it runs along, by
    the least of ``STEPS`` that leaves it within ``FRAME_NEAR`` of the frames for no more
    than ``FRAME_RUN`` units, where the way stays clear of every box at the router's
    margin, crosses no more lines (at most ``MORE_CROSSINGS`` more where the ``run``
    along the frame is over ``LONG_RUN``) and runs no longer as a band with other lines
    (:func:`banded`), nor within ``CLOSE`` of one over ``CROSS_RUN``, and turns back
    sharply (:func:`sharp`) no more often: the fewest
    crossings more, then the least run within ``BESIDE`` of other lines and along frames,
    then the least step; True if moved."""
    path = paths[i]
    a, b = path[k], path[k + 1]
    length = math.dist(a, b)
    nx, ny = away_from(a, b, edge)  # judged by the edge's normal, as the bundle pass does
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    old = path[k - 1:k + 3]
    far = STEPS[-1]
    near = near_segments(paths, i, [*old, (a[0] + far * nx, a[1] + far * ny),
                                    (b[0] + far * nx, b[1] + far * ny)],
                         BESIDE + max(widths, default=0.0))
    reach = FRAME_NEAR + STEPS[-1] + length
    edges = [(p, q) for p, q in edges
             if segment_distance(mid, p, q) < reach]  # those the ways tried may come near
    holes = (path[0], path[-1])
    boxes = boxed(near)
    crossed = crossings_near(old, boxes)
    wide = BESIDE + max(widths, default=0.0)
    band = banded(paths, widths, i, old, within_reach(boxes, old, wide))
    close = close_by_line(paths, i, old, within_reach(boxes, old, CLOSE))
    along = along_frames(old, edges)
    most = MORE_CROSSINGS if run > LONG_RUN else 0
    window = path[max(k - 2, 0):k + 4]  # old and the points either side of it
    turns = sharp(window)
    fellows = {j for j, (agent, _) in enumerate(ends) if agent == ends[i][0]}
    touched = _touches(old, boxes, fellows)

    def judge(a2: Point, b2: Point, step: float, bound: _Score | None) -> _Score | None:
        """The score of the way with the segment at ``a2``-``b2`` (moved ``step``), or
        ``None`` where it is not allowed or scores no better than ``bound``."""
        new = [path[k - 1], a2, b2, path[k + 2]]
        if along_frames(new[1:3], edges) > FRAME_RUN:
            return None  # not yet out of the frame's reach: a step farther may be
        now = along_frames(new, edges)
        if now >= along or sharp([*window[:1], *new, *window[-1:]]) > turns:
            return None
        more = crossings_near(new, boxes) - crossed
        if more > most or (bound is not None and more > bound[0]):
            return None
        score = (float(max(more, 0)),
                 beside_length(paths, new, BESIDE, within_reach(boxes, new, BESIDE), holes),
                 now, step)
        if bound is not None and score >= bound:
            return None
        if not _touches(new, boxes, fellows) <= touched:
            return None
        if (not clear_at_margins(router, new, path, skips[i], ends[i], tight=False)
                or closer(close, close_by_line(paths, i, new, within_reach(boxes, new, CLOSE)))
                or banded(paths, widths, i, new, within_reach(boxes, new, wide)) > band + 1e-9):
            return None
        return score

    best: tuple[_Score, Point, Point, float, float] | None = None
    for step in STEPS:
        dx, dy = step * nx, step * ny
        for ta, tb in ((1.0, 1.0), (1.0, 0.0), (0.0, 1.0)):  # both ends, or one: a slant
            a2 = (a[0] + ta * dx, a[1] + ta * dy)
            b2 = (b[0] + tb * dx, b[1] + tb * dy)
            score = judge(a2, b2, step, None if best is None else best[0])
            if score is None:
                continue
            best = (score, a2, b2, ta * step, tb * step)
            if score[:2] == (0.0, 0.0):
                break  # no later way crosses fewer or runs less beside a line
        if best is not None and best[0][:2] == (0.0, 0.0):
            break
    if best is None:
        return False
    if best[0][2] > 0 and 0.0 in best[3:]:  # a slant still near the frame at its fixed end
        best = _eased(best, judge, a, b, (nx, ny))
    path[k], path[k + 1] = best[1], best[2]
    return True


def _touches(part: Sequence[Point], near: Sequence[Boxed], lines: Collection[int]
             ) -> set[int]:
    """The ``lines`` whose segments ``near`` pass within ``BEND_GAP`` of one of the two
    inner bends of ``part`` (a moved segment and the two it joins) crossing neither of
    the bend's segments: the line there reads as touching the other, or as turning off
    it onto the other's way."""
    out: set[int] = set()
    for p, q, r in zip(part, part[1:], part[2:], strict=False):
        x, y = q
        for x0, x1, y0, y1, j, c, d in near:
            if (j in lines and x0 - BEND_GAP <= x <= x1 + BEND_GAP
                    and y0 - BEND_GAP <= y <= y1 + BEND_GAP
                    and segment_distance(q, c, d) < BEND_GAP
                    and not segments_cross(p, q, c, d) and not segments_cross(q, r, c, d)):
                out.add(j)
    return out


def away_from(a: Point, b: Point, edge: tuple[Point, Point]) -> tuple[float, float]:
    """The unit normal of segment ``a``-``b`` pointing away from the frame ``edge``: to
    the side of the edge's line the segment's middle lies on, judged by the edge's own
    normal (a segment a few degrees off a long edge has its own normal meet the edge's
    line far from it, maybe on the frame's side)."""
    length = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    c, e = edge
    ex, ey = -(e[1] - c[1]), e[0] - c[0]  # the edge's normal
    out = 1.0 if (mid[0] - c[0]) * ex + (mid[1] - c[1]) * ey >= 0 else -1.0
    side = 1.0 if nx * ex + ny * ey >= 0 else -1.0
    return out * side * nx, out * side * ny


def _eased(best: tuple[_Score, Point, Point, float, float],
           judge: Callable[[Point, Point, float, _Score | None], _Score | None],
           a: Point, b: Point, away: tuple[float, float]
           ) -> tuple[_Score, Point, Point, float, float]:
    """The slant ``best`` (the segment ``a``-``b`` moved off the frame at one end only)
    with its other end moved off too, by the least of ``STEPS`` under the first end's that
    leaves the way nearer the frame for less and crossing and running beside lines no more
    (``judge``): a slant back to where the line ran reads as along the frame over its last
    units (Professional 38's line into Persoon 0 of the 40-agent network of seed 0 ran 55
    units within ``FRAME_NEAR`` of the upper frame before it turned up)."""
    score, a2, b2, sa, sb = best
    moving_a = sa == 0.0
    for s2 in STEPS:
        if s2 >= max(sa, sb):
            break
        if moving_a:
            c2, d2 = (a[0] + s2 * away[0], a[1] + s2 * away[1]), b2
        else:
            c2, d2 = a2, (b[0] + s2 * away[0], b[1] + s2 * away[1])
        found = judge(c2, d2, score[3], None)
        if found is not None and found[:2] <= score[:2] and found[2] < score[2]:
            return (found, c2, d2, s2 if moving_a else sa, sb if moving_a else s2)
    return best


def banded(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
           part: Sequence[Point], near: Sequence[tuple[int, Point, Point]]) -> float:
    """How long ``part`` of line ``i`` runs with its drawn stroke within ``BAND_GAP`` of
    the strokes of the segments ``near`` it (line, start, end), nearly parallel, their
    ``widths`` counted (``BAND_GAP``), over ``BAND_RUN`` units beside one line: the
    bands it would make (ends left out as :func:`~.systemogram_tracks.beside_length`
    leaves them; a line crossing it at a small angle runs beside it for less)."""
    return sum(run for run in band_runs(paths, widths, i, part, near).values()
               if run > BAND_RUN)


def band_runs(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
              part: Sequence[Point], near: Sequence[tuple[int, Point, Point]]
              ) -> dict[int, float]:
    """How long ``part`` of line ``i`` runs with its drawn stroke within ``BAND_GAP`` of
    the strokes of each line of the segments ``near`` it, nearly parallel (the runs
    :func:`banded` adds up where they are bands)."""
    return _runs(paths, i, part, near, lambda j: BAND_GAP + (widths[i] + widths[j]) / 2)


def _runs(paths: Sequence[Sequence[Point]], i: int, part: Sequence[Point],
          near: Sequence[tuple[int, Point, Point]], gap: Callable[[int], float]
          ) -> dict[int, float]:
    """How long ``part`` of line ``i`` runs within ``gap(j)`` of each line ``j`` of the
    segments ``near`` it, nearly parallel, leaving out ``CLOSE_END`` about both ends of
    each (as :func:`~.systemogram_tracks.beside_length` measures, line by line)."""
    out: dict[int, float] = {}
    segs = list(pairwise(part))
    for j, c, d in near:
        room = gap(j)
        cut = (paths[i][0], paths[i][-1], paths[j][0], paths[j][-1])
        run = sum(close_length(p, q, c, d, room, cut, CLOSE_END) for p, q in segs)
        if run > 0:
            out[j] = out.get(j, 0.0) + run
    return out


def close_by_line(paths: Sequence[Sequence[Point]], i: int, part: Sequence[Point],
                   near: Sequence[tuple[int, Point, Point]]) -> dict[int, float]:
    """How long ``part`` of line ``i`` runs within ``CLOSE`` of each other line of the
    segments ``near`` it, nearly parallel (ends left out as ``beside_length`` does)."""
    return _runs(paths, i, part, near, lambda _: CLOSE)


def closer(before: dict[int, float], after: dict[int, float]) -> bool:
    """True when a line of ``after`` runs within ``CLOSE`` for longer than it did in
    ``before`` and than ``CROSS_RUN``: more than a crossing at a small angle."""
    return any(run > CROSS_RUN and run > before.get(j, 0.0) + 1e-9 for j, run in after.items())


def sharp(points: Sequence[Point]) -> int:
    """How many times ``points`` turn back by more than a right angle: a moved segment
    that leaves such a spike beside it reads as a hook."""
    return sum(1 for a, b, c in zip(points, points[1:], points[2:], strict=False)
               if (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0)
