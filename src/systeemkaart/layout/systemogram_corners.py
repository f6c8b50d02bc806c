"""Corners kept off other lines: a line that bends on another reads as a fork.

Where a line turns within a few units of another line's stroke, a reader sees the two
lines meet at one spot and cannot tell which of the ways out of it belongs to which
line: the bend reads as one line forking, or as a line turning off onto another's way.
In the 40-agent network of seed 0 Professional 0's line into Persoon 9 turned into its
arrow just between Professional 18's two lines, one of which turned there too.
:func:`corners_on_lines` lists such corners (a bend of a line, outside its fan, whose
point lies within ``CORNER_GAP`` of another line's stroke, the widths of both counted);
:func:`corners_off_lines` slides such a corner along one of its own segments by the least
step that takes it off every line, where the new way is clear of every box, crosses no
more lines, runs no longer beside other lines, as a band or along a household frame,
turns back sharply no more often, comes into its person from the same side, meets the
other lines into its person no more often (:mod:`.systemogram_touch`) and leaves fewer
corners on lines near it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import NEAR_PARALLEL, frame_edges
from .systemogram_fan import keeps_way_in
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

__all__ = ["CORNER_GAP", "CORNER_TURN", "corners_off_lines", "corners_on_lines"]

CORNER_GAP = 4.0
"""Clear space (units) between a corner and another line's stroke under which the two
read as meeting there."""
CORNER_TURN = math.radians(10.0)
"""Least turn (radians) at a point that reads as a corner."""
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


def _parallel(p: Point, q: Point, c: Point, d: Point) -> bool:
    """True when the segments ``p``-``q`` and ``c``-``d`` are nearly parallel."""
    ux, uy, vx, vy = q[0] - p[0], q[1] - p[1], d[0] - c[0], d[1] - c[1]
    norms = math.hypot(ux, uy) * math.hypot(vx, vy)
    return norms > 1e-12 and abs(ux * vy - uy * vx) <= NEAR_PARALLEL * norms


def _lines_at(before: Point, corner: Point, after: Point,
              near: Sequence[tuple[int, Point, Point]], widths: Sequence[float], i: int
              ) -> list[int]:
    """The lines of the segments ``near`` (line, start, end) whose strokes come within
    ``CORNER_GAP`` of ``corner``, the bend of line ``i`` between ``before`` and
    ``after``, both widths counted, and that do not turn there with it (beside both of
    its segments, nearly parallel: two lines turning side by side read as a bundle);
    in order."""
    close: dict[int, list[tuple[Point, Point]]] = {}
    for j, c, d in near:
        if segment_distance(corner, c, d) < CORNER_GAP + (widths[i] + widths[j]) / 2:
            close.setdefault(j, []).append((c, d))
    return sorted(j for j, segs in close.items()
                  if not (any(_parallel(before, corner, c, d) for c, d in segs)
                          and any(_parallel(corner, after, c, d) for c, d in segs)))


def _corners(paths: Sequence[Sequence[Point]], i: int, lo: int, hi: int) -> list[int]:
    """The indices ``k`` in ``lo``-``hi`` (inclusive, interior points only) where line
    ``i`` turns by at least ``CORNER_TURN``."""
    path = paths[i]
    return [k for k in range(max(lo, 1), min(hi, len(path) - 2) + 1)
            if _turns(path[k - 1], path[k], path[k + 1])]


def corners_on_lines(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                     widths: Sequence[float], kept: Sequence[int]
                     ) -> list[tuple[int, int, int]]:
    """Every corner of a line on another line: ``(i, k, j)`` where point ``k`` of line
    ``i`` (``paths`` from each agent, ``ends`` their (agent, target)) turns by at least
    ``CORNER_TURN`` and lies within ``CORNER_GAP`` of the drawn stroke of line ``j``,
    their ``widths`` counted; the last ``kept`` points of each line (its fan into a
    person's ports) are left out. Sorted; ``ends[i][0] == ends[j][0]`` tells a line of
    the same agent. O(L · c · s) for L lines of c corners and s segments near them."""
    out: list[tuple[int, int, int]] = []
    for i, path in enumerate(paths):
        for k in _corners(paths, i, 1, len(path) - max(kept[i], 1) - 1):
            near = near_segments(paths, i, [path[k]], CORNER_GAP + max(widths, default=0.0))
            out += [(i, k, j) for j in _lines_at(path[k - 1], path[k], path[k + 1], near,
                                                   widths, i)]
    return out


def corners_off_lines(router: Router, paths: list[list[Point]],
                      ends: Sequence[tuple[str, str]], widths: Sequence[float],
                      skips: Sequence[Sequence[str]], firsts: Sequence[int],
                      kept: Sequence[int], people: Mapping[str, PersonPlace],
                      frames: Sequence[Box] = ()) -> int:
    """Slide, in place, each corner on another line (:func:`corners_on_lines`) that may
    move (from its line's point ``firsts[i]`` to before its fan) along one of its own
    segments, by the least of ``SLIDES`` that takes it off every line, where allowed (see
    the module). ``skips`` are the boxes each line may pass. Returns the corners moved.
    O(C · t · s) for C such corners, t tries and s segments near each."""
    found = corners_on_lines(paths, ends, widths, kept)
    if not found:
        return 0
    edges = frame_edges(frames)
    moved = 0
    for i, k in sorted({(i, k) for i, k, _ in found}):
        if firsts[i] <= k < len(paths[i]) - max(kept[i], 1):
            moved += _slide(router, paths, ends, widths, skips, firsts, kept, people, edges,
                            i, k)
    return moved


def _slide(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
           kept: Sequence[int], people: Mapping[str, PersonPlace],
           edges: Sequence[tuple[Point, Point]], i: int, k: int) -> int:
    """Slide corner ``k`` of line ``i`` along its segment before or after it by the least
    of ``SLIDES`` that is allowed (see :func:`corners_off_lines`); 1 where it moved."""
    path = paths[i]
    a, b, c = path[k - 1], path[k], path[k + 1]
    old = [a, b, c]
    reach = BESIDE + CORNER_GAP + max(widths, default=0.0)
    region = boxed(near_segments(paths, i, old, reach + max(SLIDES)))
    person = people.get(ends[i][1])
    wide = reach + max(SLIDES)
    crossed = crossings_near(old, region)
    on_before = _on_near(paths, widths, i, old, region, wide)
    met = None if person is None else meetings(paths, ends, widths, kept, people, i, path)
    for step in SLIDES:
        for toward in (a, c):
            length = math.dist(b, toward)
            if step > length - CORNER_GAP:
                continue
            t = step / length
            new_b = (b[0] + t * (toward[0] - b[0]), b[1] + t * (toward[1] - b[1]))
            new = [a, new_b, c]
            if not _allowed(router, paths, widths, skips, ends, edges, i, old, new,
                            region, reach, crossed):
                continue
            if not keeps_way_in(path, [*path[:k], new_b, *path[k + 1:]], person, firsts[i]):
                continue
            way = [*path[:k], new_b, *path[k + 1:]]
            if met is not None and meetings(paths, ends, widths, kept, people, i, way) > met:
                continue
            paths[i] = way
            if _on_near(paths, widths, i, new, region, wide) < on_before:
                return 1
            paths[i] = path
    return 0


def _allowed(router: Router, paths: Sequence[Sequence[Point]], widths: Sequence[float],
             skips: Sequence[Sequence[str]], ends: Sequence[tuple[str, str]],
             edges: Sequence[tuple[Point, Point]], i: int, old: Sequence[Point],
             new: Sequence[Point], region: Sequence[Boxed], reach: float, crossed: int
             ) -> bool:
    """True when ``new`` (the corner ``old[1]`` of line ``i`` slid) is clear of every box
    at the router's margin, is itself off every line, crosses no more lines, turns back
    sharply no more often, and runs no longer beside other lines (within ``CLOSE``, nor
    within ``BESIDE``, nor as a band) or along a household frame than ``old``."""
    near = within_reach(region, [*old, *new], reach)
    if _lines_at(new[0], new[1], new[2], near, widths, i):
        return False
    if crossings_near(new, region) > crossed or sharp(new) > sharp(old):
        return False
    if along_frames(new, edges) > along_frames(old, edges) + _EPS:
        return False
    path = paths[i]
    if not clear_at_margins(router, new, path, skips[i], ends[i], tight=False):
        return False
    holes = (path[0], path[-1])
    if any(beside_length(paths, new, gap, near, holes)
           > beside_length(paths, old, gap, near, holes) + _EPS for gap in (CLOSE, BESIDE)):
        return False
    return banded(paths, widths, i, new, near) <= banded(paths, widths, i, old, near) + _EPS


def _on_near(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
             part: Sequence[Point], region: Sequence[Boxed], reach: float) -> int:
    """How many (corner, line) meetings lie about ``part`` of line ``i``: its own corners
    on other lines and the corners of the lines of ``region`` on line ``i``, all lines'
    corners within ``reach`` of ``part`` counted."""
    x0 = min(p[0] for p in part) - reach
    x1 = max(p[0] for p in part) + reach
    y0 = min(p[1] for p in part) - reach
    y1 = max(p[1] for p in part) + reach
    lines = sorted({i} | {j for *_, j, _, _ in region})
    count = 0
    for j in lines:
        path = paths[j]
        for k in _corners(paths, j, 1, len(path) - 2):
            x, y = path[k]
            if not (x0 <= x <= x1 and y0 <= y <= y1):
                continue
            near = near_segments(paths, j, [path[k]], CORNER_GAP + max(widths, default=0.0))
            count += len(_lines_at(path[k - 1], path[k], path[k + 1], near, widths, j))
    return count
