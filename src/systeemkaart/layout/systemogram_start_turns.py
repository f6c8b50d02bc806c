"""Bends moved off the ends of other agents' starts.

A line that turns within ``START_GAP`` of the end of another agent's start (where that
agent's card stub ends and its line turns, or its port on a box) meets that line in one
corner, and a reader may follow either line on from there: in the bench's 40-agent
network of seed 0 Professional 10's line to Persoon 11 came down the gap between
Organisatie 37's card and Context 36 and turned just where Professional 38's stub ends,
so it read as Professional 38's line to Persoon 11, and Professional 10's line seemed
to end at the card (:func:`~.systemogram_stubs.turns_at_starts` lists such bends).
:func:`turns_cleared` moves such a bend by the least step that takes it clear of every
start's end: carried on along the segment it comes in by (the line then crosses the stub
square and turns past it), drawn back along the segment it leaves by, or slid along one
of them (a card's own stub end only along the stub: the stub longer or shorter), where
the new way turns at no start's end, its moved bend lies on no line of another agent
(within ``ON_LINE``), it passes no more starts, is clear of every box (at the margin its
old way kept), crosses no more lines, runs no longer beside other lines (but for
``SLACK``), nor as a band, nor along a household frame, turns back no more often,
wiggles little more, has no more bends on other lines, comes into its person from the
same side and meets the other lines into its person no more often. Such bends are few
(none to five in a 40-agent drawing); at most ``TURNS`` are tried, each against the
segments near it, so the pass runs in crowded drawings too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import frame_edges
from .systemogram_fan import keeps_way_in
from .systemogram_frame_clear import along_frames, sharp
from .systemogram_route import Router
from .systemogram_stubs import START_GAP, end_of_start, turns_at, turns_at_starts
from .systemogram_stubs_clear import (
    STEPS,
    TURNING,
    WayFigures,
    at_starts,
    starts_in,
    stub_kept,
    turning,
)
from .systemogram_touch import MeetingsGuard
from .systemogram_tracks import BESIDE, Boxed, boxed, clear_at_margins, near_segments, reach_box

__all__ = ["JUDGED", "ON_LINE", "SLACK", "TURNS", "turns_cleared"]

TURNS = 6
"""Most bends at starts' ends tried in one drawing (a bound on the time where many are)."""
JUDGED = 3
"""Most ways of one bend that pass the cheap tests judged in full."""
SLACK = 3.0
"""How much longer (units) a way off a start's end may run beside other lines, farther
than ``CLOSE`` from them (and within ``BESIDE``): a line that turns where another
agent's line starts misleads more than one a little longer near another line."""
ON_LINE = 2.0
"""Clear space (units) between a moved bend and another agent's stroke under which the
bend reads as lying on that line."""
_EPS = 1e-9

Spot = tuple[Point, int]
"""The end of a line's start (:func:`~.systemogram_stubs.end_of_start`) and its line."""


def turns_cleared(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                  widths: Sequence[float], skips: Sequence[Sequence[str]],
                  firsts: Sequence[int], kept: Sequence[int],
                  people: Mapping[str, PersonPlace], frames: Sequence[Box] = ()) -> int:
    """Move, in place, each bend of a line at the end of another agent's start by the
    least step that takes it clear (see the module), where allowed: at most ``TURNS``
    bends, in the order of their lines. ``skips`` are the boxes each line may pass,
    ``firsts`` each path's first point that may move (2 after a card's stub; the stub's
    end moves only along it), ``kept`` how many points at each path's end stay (its
    fan). Returns the bends moved. O(B log L + T · m · s) for B bends, L lines, T bends
    tried, m ways each and s segments near them."""
    found = turns_at_starts(paths, ends, widths, firsts)
    if not found:
        return 0
    bends = sorted({(j, k) for _, j, k in found})[:TURNS]
    spots: list[Spot] = [(end_of_start(path, firsts[i]), i)
                         for i, path in enumerate(paths) if len(path) >= 2]
    edges = frame_edges(frames)
    moved = 0
    for j, k in bends:
        if _clear_bend(router, paths, ends, widths, skips, firsts, kept, people, edges,
                       spots, j, k):
            moved += 1
            spots = [(end_of_start(paths[i], firsts[i]) if i == j else spot, i)
                     for spot, i in spots]  # a stub made longer or shorter ends elsewhere
    return moved


def _at_spots(way: Sequence[Point], j: int, points: Sequence[int], spots: Sequence[Spot],
              ends: Sequence[tuple[str, str]], widths: Sequence[float]) -> int:
    """How many of the ``points`` of ``way`` (line ``j``) are bends within ``START_GAP``
    of the end of another agent's start (``spots``), stroke to stroke."""
    agent, target = ends[j]
    count = 0
    for k in points:
        if not turns_at(way, k):
            continue
        px, py = way[k]
        for (x, y), i in spots:
            if ends[i][0] not in (agent, target) and math.hypot(px - x, py - y) \
                    < START_GAP + (widths[i] + widths[j]) / 2:
                count += 1
                break
    return count


def _directions(path: Sequence[Point], k: int, first: int) -> list[tuple[Point, float]]:
    """The unit directions bend ``k`` of ``path`` is tried moved in, each with the
    farthest it may go (``math.inf``: no bound but the boxes): along a card's stub where
    it is the stub's end (``first - 1``); else carried on along the segment it comes in
    by, drawn back along the one it leaves by, and slid back or on along either (short of
    its neighbours)."""
    a, b, c = path[k - 1], path[k], path[k + 1]
    into, out = math.dist(a, b), math.dist(b, c)
    if into < _EPS or out < _EPS:
        return []
    u = ((b[0] - a[0]) / into, (b[1] - a[1]) / into)
    v = ((c[0] - b[0]) / out, (c[1] - b[1]) / out)
    if k == first - 1:
        return [(u, math.inf), ((-u[0], -u[1]), into)]
    return [(u, math.inf), ((-v[0], -v[1]), math.inf),
            ((-u[0], -u[1]), into - START_GAP), (v, out - START_GAP)]


def _clear_bend(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                widths: Sequence[float], skips: Sequence[Sequence[str]],
                firsts: Sequence[int], kept: Sequence[int],
                people: Mapping[str, PersonPlace], edges: Sequence[tuple[Point, Point]],
                spots: Sequence[Spot], j: int, k: int) -> int:
    """Move bend ``k`` of line ``j`` off the ends of other agents' starts by the least
    of its ways (:func:`_directions`, by ``STEPS``) that is allowed (see the module);
    1 where it moved."""
    path = paths[j]
    first, last = firsts[j], len(path) - max(kept[j], 1) - 1
    if not (max(first - 1, 1) <= k <= last):
        return 0
    lo, hi = k - 1, k + 1
    old = path[lo:hi + 1]
    points = [p for p in (lo, k, hi) if 0 < p < len(path) - 1]
    reach = START_GAP + max(widths, default=0.0) + BESIDE + max(STEPS)
    box = reach_box(old, reach)
    near = [s for s in spots if box[0] <= s[0][0] <= box[1] and box[2] <= s[0][1] <= box[3]]
    bent = _at_spots(path, j, points, near, ends, widths)
    if not bent:
        return 0
    room = starts_in(paths, firsts, box)
    passing = len(at_starts(old, j, room, ends, widths))
    region = boxed(near_segments(paths, j, old, reach))
    before = WayFigures(paths, widths, j, region, ends, first)
    person = people.get(ends[j][1])
    edges = [(c, d) for c, d in edges
             if not (max(c[0], d[0]) < box[0] or min(c[0], d[0]) > box[1]
                     or max(c[1], d[1]) < box[2] or min(c[1], d[1]) > box[3])]
    framed = along_frames(old, edges)
    tight: bool | None = None
    meets = MeetingsGuard(paths, ends, widths, kept, people, j)  # meetings at its person
    judged = 0
    ways = sorted((step, n, unit) for n, (unit, most) in enumerate(_directions(path, k, first))
                  for step in STEPS if step <= most)
    for step, _, (ux, uy) in ways:
        way = list(path)
        way[k] = (path[k][0] + ux * step, path[k][1] + uy * step)
        if k == 1 and first == 2 and not stub_kept(path, way[1]):
            continue
        part = way[lo:hi + 1]
        if sharp(part) > sharp(old) or turning(part) > turning(old) + TURNING:
            continue
        if _at_spots(way, j, points, near, ends, widths) >= bent:
            continue
        if len(at_starts(part, j, room, ends, widths)) > passing:
            continue
        if not keeps_way_in(path, way, person, first):
            continue
        if along_frames(part, edges) > framed + _EPS:
            continue
        if tight is None:  # the old stretch within the margin of a box
            tight = not clear_at_margins(router, old, path, skips[j], ends[j], tight=False)
        if not clear_at_margins(router, part, path, skips[j], ends[j], tight=tight):
            continue
        if judged == JUDGED:
            break
        judged += 1
        if not before.allows(way, lo, hi, SLACK) or _on_line(way[k], j, region, ends, widths):
            continue
        if meets.more(way):
            continue
        paths[j] = way
        return 1
    return 0


def _on_line(pt: Point, j: int, region: Sequence[Boxed], ends: Sequence[tuple[str, str]],
             widths: Sequence[float]) -> bool:
    """True when the bend ``pt`` of line ``j`` lies within ``ON_LINE`` of the stroke of a
    line of another agent (its segments ``region``), both strokes counted: a corner there
    reads as the two lines forking, as one at a start's end does (lines of one agent
    leave together)."""
    reach = ON_LINE + max(widths, default=0.0)
    agent = ends[j][0]
    for x0, x1, y0, y1, m, c, d in region:
        if ends[m][0] == agent or x1 < pt[0] - reach or x0 > pt[0] + reach or y1 < pt[1] - reach \
                or y0 > pt[1] + reach:
            continue
        if segment_distance(pt, c, d) < ON_LINE + (widths[j] + widths[m]) / 2:
            return True
    return False
