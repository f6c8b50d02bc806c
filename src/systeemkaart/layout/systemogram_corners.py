"""Corners kept off other lines: a line that bends on another reads as a fork.

Where a line turns within a few units of another line's stroke, a reader sees the two
lines meet at one spot and cannot tell which of the ways out of it belongs to which
line: the bend reads as one line forking, or as a line turning off onto another's way.
In huisarts-steunfiguren the truant officer's double line into Yvonne turned right on the
youth leader's dashed line to Jesse, 80 units before her.
:func:`corners_on_lines` lists such corners (a bend of a line, outside its fan, whose
point lies within ``CORNER_GAP`` of another line's stroke, the widths of both counted);
:func:`corners_off_lines` slides such a corner along one of its own segments by the least
step that takes it off every line, where the new way is clear of every box, crosses no
more lines, runs no longer beside other lines, as a band or along a household frame,
turns back sharply no more often, comes into its person from the same side, meets the
other lines into its person no more often (:mod:`.systemogram_touch`) and leaves fewer
corners on lines near it. The layout runs it in drawings of up to ``CROWDED`` lines only
(:func:`~systeemkaart.layout.systemogram_lines.part_tracks`): a crowded drawing's time goes
to routing.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import NEAR_PARALLEL, frame_edges, nearly_parallel
from .systemogram_fan import FAN_RADIUS, keeps_way_in
from .systemogram_frame_clear import along_frames, banded, sharp
from .systemogram_route import Router
from .systemogram_touch import meetings
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

__all__ = ["CORNER_GAP", "CORNER_TURN", "LAST_WAY", "corners_off_lines", "corners_on_lines"]

CORNER_GAP = 4.0
"""Clear space (units) between a corner and another line's stroke under which the two
read as meeting there."""
CORNER_TURN = math.radians(10.0)
"""Least turn (radians) at a point that reads as a corner."""
LAST_WAY = FAN_RADIUS + 60.0
"""Distance (units) from a person within which a line's corners are moved off other
lines: its last way in, the fan into her ports and 60 units before it."""
SLIDES = (3.0, 5.0, 7.0, 9.0, 12.0, 15.0, 19.0, 24.0)
"""Distances (units) a corner is tried slid along one of its segments, least first."""
_EPS = 1e-9


def _turns(a: Point, b: Point, c: Point) -> bool:
    """True when the way ``a``-``b``-``c`` turns at ``b`` by at least ``CORNER_TURN``."""
    ux, uy, vx, vy = b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]
    norms = math.hypot(ux, uy) * math.hypot(vx, vy)
    if norms < 1e-12:
        return False
    return math.atan2(abs(ux * vy - uy * vx), ux * vx + uy * vy) >= CORNER_TURN


def _lines_at(before: Point, corner: Point, after: Point,
              near: Sequence[tuple[int, Point, Point]], widths: Sequence[float], i: int
              ) -> list[int]:
    """The lines of the segments ``near`` (line, start, end) whose strokes come within
    ``CORNER_GAP`` of ``corner``, the bend of line ``i`` between ``before`` and
    ``after``, both widths counted, and that do not turn there with it (beside both of
    its segments, nearly parallel: two lines turning side by side read as a bundle);
    in order."""
    close: dict[int, list[tuple[Point, Point]]] = {}
    x, y = corner
    for j, c, d in near:
        room = CORNER_GAP + (widths[i] + widths[j]) / 2
        (cx, cy), (dx, dy) = c, d
        if ((cx if cx > dx else dx) + room < x or (cx if cx < dx else dx) - room > x
                or (cy if cy > dy else dy) + room < y or (cy if cy < dy else dy) - room > y):
            continue  # its box is out of reach: min and max written out, as in the tracks
        if segment_distance(corner, c, d) < room:
            close.setdefault(j, []).append((c, d))
    sine = NEAR_PARALLEL
    return sorted(j for j, segs in close.items()
                  if not (any(nearly_parallel(before, corner, c, d, sine) for c, d in segs)
                          and any(nearly_parallel(corner, after, c, d, sine) for c, d in segs)))


def _corners(paths: Sequence[Sequence[Point]], i: int, lo: int, hi: int) -> list[int]:
    """The indices ``k`` in ``lo``-``hi`` (inclusive, interior points only) where line
    ``i`` turns by at least ``CORNER_TURN``."""
    path = paths[i]
    return [k for k in range(max(lo, 1), min(hi, len(path) - 2) + 1)
            if _turns(path[k - 1], path[k], path[k + 1])]


Corner = tuple[float, float, int, int]
"""A corner: its x and y, its line and its index in the line."""


def _around(corners: Sequence[Corner], segments: Sequence[tuple[int, Point, Point]],
            room: float) -> dict[tuple[int, int], list[tuple[int, Point, Point]]]:
    """The ``segments`` (line, start, end) of other lines whose boxes come within
    ``room`` of each of ``corners``, by corner (line, index). The corners sorted by x,
    each segment looks up those in its box grown by ``room`` only: O((S + H) log C) for
    S segments, C corners and H corners in the boxes."""
    ordered = sorted(corners)
    xs = [c[0] for c in ordered]
    out: dict[tuple[int, int], list[tuple[int, Point, Point]]] = {}
    for j, c, d in segments:
        (cx, cy), (dx, dy) = c, d
        x0, x1 = (cx, dx) if cx < dx else (dx, cx)
        y0, y1 = (cy, dy) if cy < dy else (dy, cy)
        for n in range(bisect_left(xs, x0 - room), bisect_right(xs, x1 + room)):
            _, y, i, k = ordered[n]
            if i != j and y0 - room <= y <= y1 + room:
                out.setdefault((i, k), []).append((j, c, d))
    return out


def _hits(paths: Sequence[Sequence[Point]], corners: Sequence[Corner],
          segments: Sequence[tuple[int, Point, Point]], widths: Sequence[float]
          ) -> list[tuple[int, int, int]]:
    """The ``corners`` (of ``paths``) on the lines of ``segments`` (line, start, end), as
    :func:`corners_on_lines` finds them: ``(i, k, j)``, sorted."""
    out: list[tuple[int, int, int]] = []
    room = CORNER_GAP + max(widths, default=0.0)
    for (i, k), near in _around(corners, segments, room).items():
        path = paths[i]
        out += [(i, k, j) for j in _lines_at(path[k - 1], path[k], path[k + 1], near,
                                               widths, i)]
    return sorted(out)


def corners_on_lines(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                     widths: Sequence[float], kept: Sequence[int]
                     ) -> list[tuple[int, int, int]]:
    """Every corner of a line on another line: ``(i, k, j)`` where point ``k`` of line
    ``i`` (``paths`` from each agent, ``ends`` their (agent, target)) turns by at least
    ``CORNER_TURN`` and lies within ``CORNER_GAP`` of the drawn stroke of line ``j``,
    their ``widths`` counted, and ``j`` does not turn there beside it (nearly parallel to
    both of its segments: two lines turning side by side read as a bundle); the last
    ``kept`` points of each line (its fan into a person's ports) are left out. Sorted;
    ``ends[i][0] == ends[j][0]`` tells a line of the same agent. O((S + H) log C) for S
    segments, C corners and H corners near segments."""
    corners = [(paths[i][k][0], paths[i][k][1], i, k) for i, path in enumerate(paths)
               for k in _corners(paths, i, 1, len(path) - max(kept[i], 1) - 1)]
    segments = [(j, c, d) for j, path in enumerate(paths) for c, d in pairwise(path)]
    return _hits(paths, corners, segments, widths)


def corners_off_lines(router: Router, paths: list[list[Point]],
                      ends: Sequence[tuple[str, str]], widths: Sequence[float],
                      skips: Sequence[Sequence[str]], firsts: Sequence[int],
                      kept: Sequence[int], people: Mapping[str, PersonPlace],
                      frames: Sequence[Box] = ()) -> int:
    """Slide, in place, each corner on a line of another agent (:func:`corners_on_lines`)
    on a line's last way to its person (within ``LAST_WAY`` of her, where a reader asks
    which line ends in which arrowhead) that may move (from its line's point
    ``firsts[i]`` to before its fan) along one of its own segments, by the least of
    ``SLIDES`` that takes it off every line, where allowed (see the module). ``skips``
    are the boxes each line may pass. Returns the corners moved. O((S + H) log C + C · s)
    for S segments, C such corners, H corners near segments and s segments near each."""
    corners: list[Corner] = []
    for i, path in enumerate(paths):
        person = people.get(ends[i][1])
        if person is None:
            continue
        for k in _corners(paths, i, firsts[i], len(path) - max(kept[i], 1) - 1):
            x, y = path[k]
            if math.dist((x, y), (person.x, person.y)) <= LAST_WAY:
                corners.append((x, y, i, k))
    if not corners:
        return 0
    segments = [(j, c, d) for j, path in enumerate(paths) for c, d in pairwise(path)]
    local = _around(corners, segments, CORNER_GAP + max(widths, default=0.0) + max(SLIDES))
    edges = frame_edges(frames)
    moved = 0
    for i, k in sorted(local):
        path = paths[i]
        on = _lines_at(path[k - 1], path[k], path[k + 1], local[(i, k)], widths, i)
        if not any(ends[j][0] != ends[i][0] for j in on):
            continue
        steps = _steps(path, k, local[(i, k)], widths, i)
        if steps:
            moved += _slide(router, paths, ends, widths, skips, firsts, kept, people, edges,
                            i, k, steps)
    return moved


def _steps(path: Sequence[Point], k: int, near: Sequence[tuple[int, Point, Point]],
           widths: Sequence[float], i: int) -> list[Point]:
    """Where corner ``k`` of line ``i`` (``path``) may go: slid along its segment before
    and after it, the least of ``SLIDES`` each way that takes it farther than
    ``CORNER_GAP`` from the strokes of the segments ``near`` it (line, start, end), the
    least step first; a cheap test that spares the full one (:func:`_slide`) where no
    step clears."""
    b = path[k]
    room = CORNER_GAP + max(widths, default=0.0) + max(SLIDES)
    near = [(j, c, d) for j, c, d in near if segment_distance(b, c, d) < room]
    out: list[tuple[float, int, Point]] = []
    for side, toward in enumerate((path[k - 1], path[k + 1])):
        length = math.dist(b, toward)
        for step in SLIDES:
            if step > length - CORNER_GAP:
                break
            t = step / length
            pt = (b[0] + t * (toward[0] - b[0]), b[1] + t * (toward[1] - b[1]))
            if not _lines_at(path[k - 1], pt, path[k + 1], near, widths, i):
                out.append((step, side, pt))
                break
    return [pt for _, _, pt in sorted(out)]


def _slide(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
           kept: Sequence[int], people: Mapping[str, PersonPlace],
           edges: Sequence[tuple[Point, Point]], i: int, k: int, steps: Sequence[Point]
           ) -> int:
    """Move corner ``k`` of line ``i`` to the first of ``steps`` (places along its own
    segments, :func:`_steps`) that is allowed (see :func:`corners_off_lines`); 1 where
    it moved."""
    path = paths[i]
    a, b, c = path[k - 1], path[k], path[k + 1]
    old = [a, b, c]
    person = people.get(ends[i][1])
    judge: _Judge | None = None  # worked out for the first way past the cheap tests
    met: int | None = None
    for new_b in steps:
        new = [a, new_b, c]
        way = [*path[:k], new_b, *path[k + 1:]]
        if sharp(new) > sharp(old) or not keeps_way_in(path, way, person, firsts[i]):
            continue
        if along_frames(new, edges) > along_frames(old, edges) + _EPS:
            continue
        if not clear_at_margins(router, new, path, skips[i], ends[i], tight=False):
            continue
        if judge is None:
            judge = _Judge(paths, widths, i, old)
        if not judge.allows(new):
            continue
        if person is not None:
            if met is None:
                met = meetings(paths, ends, widths, kept, people, i, path)
            if meetings(paths, ends, widths, kept, people, i, way) > met:
                continue
        paths[i] = way
        return 1
    return 0


class _Judge:
    """The tests of a corner's new place against the lines near its old one (the new
    segments lie inside the triangle of the old ones: the segments within reach of the
    old are those within reach of any new), with the old way's figures worked out once."""

    def __init__(self, paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
                 old: Sequence[Point]) -> None:
        """Gather the segments near ``old`` (a corner of line ``i`` with its two
        neighbours) and measure ``old`` against them."""
        self.paths, self.widths, self.i = paths, widths, i
        reach = BESIDE + CORNER_GAP + max(widths, default=0.0)
        self.region = boxed(near_segments(paths, i, old, reach))
        self.near = within_reach(self.region, old, reach)
        self.holes = (paths[i][0], paths[i][-1])
        self.crossed = crossings_near(old, self.region)
        self.beside = [beside_length(paths, old, gap, self.near, self.holes)
                       for gap in (CLOSE, BESIDE)]
        self.banded = banded(paths, widths, i, old, self.near)
        self.bends = _bends_on(paths, widths, i, old, self.region)

    def allows(self, new: Sequence[Point]) -> bool:
        """True when ``new`` (the corner slid) is itself off every line, crosses no more
        lines, runs no longer beside other lines (within ``CLOSE``, nor within
        ``BESIDE``, nor as a band) and over no more bends of other lines than the old
        way."""
        paths, widths, i, near = self.paths, self.widths, self.i, self.near
        if _lines_at(new[0], new[1], new[2], near, widths, i):
            return False
        if crossings_near(new, self.region) > self.crossed:
            return False
        if any(beside_length(paths, new, gap, near, self.holes) > before + _EPS
               for gap, before in zip((CLOSE, BESIDE), self.beside, strict=True)):
            return False
        if banded(paths, widths, i, new, near) > self.banded + _EPS:
            return False
        return _bends_on(paths, widths, i, new, self.region) <= self.bends


def _bends_on(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
              part: Sequence[Point], region: Sequence[Boxed]) -> int:
    """How many points of the lines of ``region`` (the segments near ``part``), their
    ends left out, lie within ``CORNER_GAP`` of the stroke of ``part`` of line ``i``:
    the bends of other lines it would run over (each point counted once)."""
    seen: set[tuple[int, Point]] = set()
    count = 0
    far = CORNER_GAP + max(widths, default=0.0)
    x0 = min(p[0] for p in part) - far
    x1 = max(p[0] for p in part) + far
    y0 = min(p[1] for p in part) - far
    y1 = max(p[1] for p in part) + far
    for *_, j, c, d in region:
        room = CORNER_GAP + (widths[i] + widths[j]) / 2
        for pt in (c, d):
            if (not (x0 <= pt[0] <= x1 and y0 <= pt[1] <= y1) or (j, pt) in seen
                    or pt == paths[j][0] or pt == paths[j][-1]):
                continue
            seen.add((j, pt))
            count += any(segment_distance(pt, p, q) < room for p, q in pairwise(part))
    return count
