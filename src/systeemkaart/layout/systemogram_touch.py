"""Lines into one person kept apart on their last way to it: no crossing, no touching.

Two lines into the same person that cross, or whose strokes touch at a bend, just before
it cannot be told apart: a reader sees an X of two lines ending at two neighbouring
ports and cannot say which came from where. Such meetings are mostly left by the moving
apart of bends (:mod:`.systemogram_nudge`): a line zigzags round a bend of the other.
:func:`touches` lists them (pairs of lines into one person whose strokes come within
``TOUCH_GAP`` of each other within ``TOUCH_REACH`` of it, outside the fans into its
ports); :func:`untouch` drops the bends of such lines' last ways (from their first bend
that may move to their fan) where the straight way is clear of every box, crosses no
more lines, runs no longer beside other lines or along a household frame, and leaves the
person fewer such meetings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations, pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .ring_geometry import segments_cross
from .systemogram_close import NEAR_PARALLEL, frame_edges
from .systemogram_fan import keeps_way_in
from .systemogram_frame_clear import along_frames, banded
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

__all__ = ["TOUCH_GAP", "TOUCH_REACH", "MeetingsGuard", "meetings", "meetings_of", "skippable",
           "touches", "untouch"]

TOUCH_GAP = 2.0
"""Clear space (units) between two drawn strokes under which they read as touching."""
TOUCH_REACH = 80.0
"""Distance (units) from a person within which two of its lines must not meet: twice the
radius of the fan into its ports."""


def _gap(p: Point, q: Point, a: Point, b: Point) -> float:
    """The least distance (units) between the segments ``p``-``q`` and ``a``-``b``."""
    if segments_cross(p, q, a, b):
        return 0.0
    return min(segment_distance(p, a, b), segment_distance(q, a, b),
               segment_distance(a, p, q), segment_distance(b, p, q))


def _free(path: Sequence[Point], kept: int, centre: Point) -> list[tuple[Point, Point]]:
    """The segments of ``path`` (into the person at ``centre``) before its fan (the last
    ``kept`` points) that come within ``TOUCH_REACH`` of the person."""
    end = len(path) - max(kept, 1)
    return [(p, q) for p, q in pairwise(path[:end + 1])
            if segment_distance(centre, p, q) < TOUCH_REACH]


def _across(p: Point, q: Point, a: Point, b: Point) -> bool:
    """True when the segments ``p``-``q`` and ``a``-``b`` are not nearly parallel (two
    lines side by side are a band, :mod:`.systemogram_bands`, not a meeting)."""
    ux, uy, vx, vy = q[0] - p[0], q[1] - p[1], b[0] - a[0], b[1] - a[1]
    norms = math.hypot(ux, uy) * math.hypot(vx, vy)
    return norms > 1e-12 and abs(ux * vy - uy * vx) > NEAR_PARALLEL * norms


def _meet(mine: Sequence[tuple[Point, Point]], theirs: Sequence[tuple[Point, Point]],
          room: float) -> int:
    """How many pairs of segments of ``mine`` and ``theirs`` cross, or come within
    ``room`` of each other at an angle."""
    return sum(1 for p, q in mine for a, b in theirs
               if not (max(p[0], q[0]) + room < min(a[0], b[0])
                       or min(p[0], q[0]) - room > max(a[0], b[0])
                       or max(p[1], q[1]) + room < min(a[1], b[1])
                       or min(p[1], q[1]) - room > max(a[1], b[1]))
               and (segments_cross(p, q, a, b)
                    or (_across(p, q, a, b) and _gap(p, q, a, b) < room)))


def touches(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
            widths: Sequence[float], kept: Sequence[int],
            people: Mapping[str, PersonPlace]) -> list[tuple[int, int]]:
    """The pairs of lines ``(i, j)`` (``i < j``) into one person whose segments before
    their fans (see :func:`_free`) cross or come within ``TOUCH_GAP`` of each other, their
    drawn ``widths`` counted, within ``TOUCH_REACH`` of it. ``paths`` run from each agent
    and ``ends`` are their (agent, target). O(Σ (L · s)²) over people with L lines of s
    segments near them."""
    by_person: dict[str, list[int]] = {}
    for i, (_, target) in enumerate(ends):
        if target in people:
            by_person.setdefault(target, []).append(i)
    out: list[tuple[int, int]] = []
    for pid, mine in by_person.items():
        centre = (people[pid].x, people[pid].y)
        free = {i: _free(paths[i], kept[i], centre) for i in mine}
        for i, j in combinations(mine, 2):
            room = TOUCH_GAP + (widths[i] + widths[j]) / 2
            if _meet(free[i], free[j], room):
                out.append((i, j))
    return out


def untouch(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
            kept: Sequence[int], people: Mapping[str, PersonPlace],
            frames: Sequence[Box] = ()) -> int:
    """Drop, in place, bends of the lines that meet another line into the same person
    (:func:`touches`) on their last way to it, where allowed (see the module). ``skips``
    are the boxes each line may pass, ``firsts`` each path's first point that may move,
    ``kept`` how many points at each path's end stay (its fan). Returns the bends
    dropped. O(b² · L · s) per line met, for b bends and L lines of s segments."""
    met = touches(paths, ends, widths, kept, people)
    if not met:
        return 0
    edges = frame_edges(frames)
    dropped = 0
    for i in sorted({k for pair in met for k in pair}):
        dropped += _straighten_tail(router, paths, ends, widths, skips, firsts, kept,
                                    people, edges, i)
    return dropped


def meetings(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
              widths: Sequence[float], kept: Sequence[int], people: Mapping[str, PersonPlace],
              i: int, path: Sequence[Point]) -> int:
    """How many segment pairs of ``path`` (line ``i`` as it may be drawn) meet the other
    lines into its person (see :func:`touches`): a way that meets them more often is
    harder to tell from theirs."""
    return meetings_of(paths, ends, widths, kept, people, i)(path)


def meetings_of(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                widths: Sequence[float], kept: Sequence[int],
                people: Mapping[str, PersonPlace], i: int) -> Callable[[Sequence[Point]], int]:
    """:func:`meetings` of line ``i`` as a count of any of its ways, the other lines'
    segments near its person gathered once: for a caller weighing several ways of one
    line against the same other lines."""
    pid = ends[i][1]
    centre = (people[pid].x, people[pid].y)
    theirs = [(_free(paths[j], kept[j], centre), TOUCH_GAP + (widths[i] + widths[j]) / 2)
              for j in range(len(paths)) if j != i and ends[j][1] == pid]

    def count(path: Sequence[Point]) -> int:
        """How many segment pairs of ``path`` meet the other lines into the person."""
        mine = _free(path, kept[i], centre)
        return sum(_meet(mine, free, room) for free, room in theirs)
    return count


class MeetingsGuard:
    """Whether a new way of line ``i`` meets the other lines into its person more often
    than the way it has (``paths[i]`` when first asked). For a pass weighing ways of one
    line that turns most of them down on cheaper tests: the other lines are gathered
    (:func:`meetings_of`) and the old way counted only when first asked. A line that does
    not end at a person never meets more."""

    def __init__(self, paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                 widths: Sequence[float], kept: Sequence[int],
                 people: Mapping[str, PersonPlace], i: int) -> None:
        self._paths, self._ends, self._widths = paths, ends, widths
        self._kept, self._people, self._i = kept, people, i
        self._count: Callable[[Sequence[Point]], int] | None = None
        self._before = 0

    def more(self, way: Sequence[Point]) -> bool:
        """True when ``way`` meets the other lines into the person more often."""
        if self._ends[self._i][1] not in self._people:
            return False
        if self._count is None:
            self._count = meetings_of(self._paths, self._ends, self._widths, self._kept,
                                      self._people, self._i)
            self._before = self._count(self._paths[self._i])
        return self._count(way) > self._before


def _straighten_tail(router: Router, paths: list[list[Point]],
                     ends: Sequence[tuple[str, str]], widths: Sequence[float],
                     skips: Sequence[Sequence[str]], firsts: Sequence[int],
                     kept: Sequence[int], people: Mapping[str, PersonPlace],
                     edges: Sequence[tuple[Point, Point]], i: int) -> int:
    """Drop the bends of line ``i`` within ``TOUCH_REACH`` of its person, before its fan,
    that it can skip (see :func:`untouch`; from the last point before them that stays),
    where that leaves fewer meetings with the other lines into its person and a line into
    a port beside the symbol does not come from below (:func:`~.systemogram_fan.keeps_way_in`);
    the bends dropped."""
    path = paths[i]
    centre = (people[ends[i][1]].x, people[ends[i][1]].y)
    stop = len(path) - max(kept[i], 1)
    start = stop  # the last point that stays before the way within reach of the person
    while start > max(firsts[i], 1) - 1 and math.dist(path[start - 1], centre) <= TOUCH_REACH:
        start -= 1
    start = max(start - 1, max(firsts[i], 1) - 1)
    if stop - start < 2:
        return 0
    reach = BESIDE + max(widths, default=0.0)
    region = boxed(near_segments(paths, i, path[start:stop + 1], reach))  # all the ways tried
    out = path[:start + 1]
    k = start
    while k < stop:
        j = stop
        while j > k + 1 and not skippable(router, paths, widths, i, k, j, edges, skips,
                                           ends, region, reach):
            j -= 1
        out.append(path[j])
        k = j
    out += path[stop + 1:]
    if len(out) == len(path) or not keeps_way_in(path, out, people[ends[i][1]], firsts[i]):
        return 0
    met = meetings_of(paths, ends, widths, kept, people, i)
    if met(out) >= met(path):
        return 0
    dropped = len(path) - len(out)
    paths[i] = out
    return dropped


def skippable(router: Router, paths: Sequence[Sequence[Point]], widths: Sequence[float],
              i: int, k: int, j: int, edges: Sequence[tuple[Point, Point]],
              skips: Sequence[Sequence[str]], ends: Sequence[tuple[str, str]],
              region: Sequence[Boxed], reach: float) -> bool:
    """True when line ``i`` may run straight from its point ``k`` to its point ``j``
    (measured against the segments of ``region`` within ``reach`` of the bends between): the
    way is clear of every box at the router's margin, crosses no more lines, and runs no
    longer beside other lines (within ``CLOSE``, nor within ``BESIDE``, nor as a band:
    :func:`~.systemogram_frame_clear.banded`) or along a household frame than the bends
    between."""
    path = paths[i]
    old = path[k:j + 1]
    new = [path[k], path[j]]
    if not clear_at_margins(router, new, path, skips[i], ends[i], tight=False):
        return False
    if along_frames(new, edges) > along_frames(old, edges) + 1e-9:
        return False
    holes = (path[0], path[-1])
    if crossings_near(new, region) > crossings_near(old, region):
        return False
    near = within_reach(region, old, reach)
    if any(beside_length(paths, new, gap, near, holes)
           > beside_length(paths, old, gap, near, holes) + 1e-9 for gap in (CLOSE, BESIDE)):
        return False
    return banded(paths, widths, i, new, near) <= banded(paths, widths, i, old, near) + 1e-9
