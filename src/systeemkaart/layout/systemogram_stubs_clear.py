"""Lines moved off the starts of other agents' lines.

Where a line passes through the start of another agent's line, or bends beside it
(:func:`~.systemogram_stubs.lines_at_starts`), it reads as leaving from that port.
:func:`starts_cleared` moves the passing line by the least step that takes it off every
such start: one of its bends slid along one of its own segments, or one of its bends or
all of those beside starts moved together (a card's stub made longer or shorter where its
end moves), where the new way passes fewer starts, leaves no more lines at its own, is
clear of every box (at the margin its old way kept), crosses no more lines, runs no
longer beside other lines (nor as a band, nor along a household frame), turns back
sharply no more often and wiggles little more, has no more bends on other lines, comes
into its person from the same side and meets the other lines into its person no more
often (:mod:`.systemogram_touch`). Only the few lines at starts are tried (four to seven
in a 40-agent drawing), each against the segments near it, the least step of each way
found first against the starts it passed alone. The layout runs it in drawings of up to
``CROWDED`` lines (:func:`~.systemogram_lines.part_tracks`): in a 40-agent drawing it
costs some 5 ms, which the time bound does not leave. Its tests of a way
(:class:`WayFigures`, :func:`at_starts`) serve :mod:`.systemogram_start_turns` too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import frame_edges
from .systemogram_fan import keeps_way_in
from .systemogram_frame_clear import along_frames, banded, sharp
from .systemogram_route import Router
from .systemogram_stubs import START_GAP, lines_at_starts, start_of, stretch_gap
from .systemogram_touch import MeetingsGuard
from .systemogram_tracks import (
    BESIDE,
    CLOSE,
    Boxed,
    beside_length,
    boxed,
    clear_at_margins,
    crossings_near,
    reach_box,
    within_reach,
)

__all__ = [
    "STEPS",
    "TURNING",
    "Start",
    "WayFigures",
    "at_starts",
    "starts_cleared",
    "starts_in",
    "stub_kept",
    "turning",
]

STEPS = (2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 14.0, 19.0, 24.0)
"""Distances (units) a bend is tried slid, or bends moved, least first."""
DIRECTIONS = ((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0))
"""The unit directions bends are moved in, besides away from the start they pass and
square to the segments that hold them."""
ALIKE = math.cos(math.radians(15.0))
"""Directions closer than this (the cosine of the angle between them) are tried once."""
FARTHER = 1
"""Steps beyond the least that takes a way off the starts it passed that are tried too,
where the least is not allowed."""
TRIED = 6
"""Most ways of one line off the starts it passed, turning no more, tested further."""
JUDGED = 3
"""Most ways of one line that pass the cheap tests (fewer starts, no sharper turn, clear
of every box) judged in full: a bound on the time a line that cannot move costs."""
TURNING = math.radians(20.0)
"""Most turning (radians, all the turns of a moved stretch added up) a move may add: a
stretch moved off a start that wiggles more reads no better."""
SHORTEST_STUB = 3.0
"""Least length (units) of a card's stub made shorter."""
_EPS = 1e-9

Start = tuple[float, float, float, float, int, Point, Point]
"""A line's start with its box: least and most x, least and most y, its line, its ends."""


def starts_cleared(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                   widths: Sequence[float], skips: Sequence[Sequence[str]],
                   firsts: Sequence[int], kept: Sequence[int],
                   people: Mapping[str, PersonPlace], frames: Sequence[Box] = ()) -> int:
    """Move, in place, each line that passes through the start of another agent's line
    (see the module) by the least step that takes it off the starts it passes, where
    allowed. ``skips`` are the boxes each line may pass, ``firsts`` each path's first
    point that may move (2 after a card's stub), ``kept`` how many points at each path's
    end stay (its fan). Returns the lines moved. O(S + H · m · s) for S segments, H
    lines at starts, m moves tried each and s segments near them."""
    hits = lines_at_starts(paths, ends, widths, firsts)
    if not hits:
        return 0
    edges = frame_edges(frames)
    passed: dict[int, list[int]] = {}
    for i, j in hits:
        passed.setdefault(j, []).append(i)
    boxes = [reach_box(path) for path in paths]
    segments: dict[int, list[Boxed]] = {}  # each line's segments boxed, where looked at
    moved = 0
    for j in sorted(passed):
        if _clear_one(router, paths, ends, widths, skips, firsts, kept, people, edges,
                      (boxes, segments), j, passed[j]):
            boxes[j] = reach_box(paths[j])
            segments.pop(j, None)
            moved += 1
    return moved


def starts_in(paths: Sequence[Sequence[Point]], firsts: Sequence[int], box: Sequence[float]
              ) -> list[Start]:
    """The starts of the lines (:func:`~.systemogram_stubs.start_of`) whose boxes meet
    ``box`` (least and most x, least and most y)."""
    x0, x1, y0, y1 = box
    out: list[Start] = []
    for i, path in enumerate(paths):
        if len(path) < 2:
            continue
        a, b = start_of(path, firsts[i])
        sx0, sx1 = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
        sy0, sy1 = (a[1], b[1]) if a[1] < b[1] else (b[1], a[1])
        if not (sx1 < x0 or sx0 > x1 or sy1 < y0 or sy0 > y1):
            out.append((sx0, sx1, sy0, sy1, i, a, b))
    return out


def at_starts(part: Sequence[Point], j: int, starts: Sequence[Start],
              ends: Sequence[tuple[str, str]], widths: Sequence[float],
              found: set[int] | None = None, limit: int | None = None) -> set[int]:
    """The lines of ``starts`` (of other agents, not ``j``'s target) whose starts the
    segments ``part`` of line ``j`` come within ``START_GAP`` of, stroke to stroke, added
    to ``found`` (a new set by default); the search stops once it holds ``limit``."""
    agent, target = ends[j]
    out: set[int] = set() if found is None else found
    for p, q in pairwise(part):
        x0, x1 = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
        y0, y1 = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
        for sx0, sx1, sy0, sy1, i, a, b in starts:
            if i in out or ends[i][0] in (agent, target):
                continue
            room = START_GAP + (widths[i] + widths[j]) / 2
            if sx1 + room < x0 or sx0 - room > x1 or sy1 + room < y0 or sy0 - room > y1:
                continue
            if stretch_gap(a, b, p, q) < room:
                out.add(i)
                if limit is not None and len(out) >= limit:
                    return out
    return out


def _own_start(path: Sequence[Point], j: int, first: int, near: Sequence[Boxed],
               ends: Sequence[tuple[str, str]], widths: Sequence[float]) -> int:
    """How many lines of other agents (``near``: their segments) come within
    ``START_GAP`` of the start of line ``j`` drawn as ``path`` (its stub may move)."""
    a, b = start_of(path, first)
    agent = ends[j][0]
    found: set[int] = set()
    for m, c, d in within_reach(near, (a, b), START_GAP + max(widths)):
        if m in found or agent in ends[m]:
            continue
        if stretch_gap(a, b, c, d) < START_GAP + (widths[j] + widths[m]) / 2:
            found.add(m)
    return len(found)


Move = tuple[float, int, int, bool, Point]
"""A way tried: its step, the first and last index of the points moved, and how: a bend
slid (true) by the step towards a point, or the points moved together by the step in a
unit direction."""


def _moves(path: Sequence[Point], first: int, last: int, ks: Sequence[int],
           aways: Mapping[int, Point]) -> list[Move]:
    """The kinds of ways of ``path`` tried, each as its first step (see :data:`Move`).
    Each bend ``k`` of ``ks`` (within ``first``-``last``, the points free to move) slid
    along the segment before and after it; and each bend, and all of them, moved
    together away from the start they pass (``aways``: a unit direction by point),
    square to the segments beside them and in each of ``DIRECTIONS`` (a card's stub end,
    at ``first - 1``, only along the stub: the stub made longer or shorter, no shorter
    than ``SHORTEST_STUB``; the first point of a line out of a box never moves)."""
    out: list[Move] = []
    for k in ks:
        if first <= k <= last:
            out += [(STEPS[0], k, k, True, toward) for toward in (path[k - 1], path[k + 1])]
    low = max(first - 1, 1)
    free = [k for k in ks if low <= k <= last]
    windows = {(k, k) for k in free}
    if free:
        windows.add((free[0], free[-1]))
    for a, b in sorted(windows):
        out += [(STEPS[0], a, b, False, unit)
                for unit in _directions(path, a, b, first, aways)]
    return out


def _least_steps(path: Sequence[Point], move: Move, j: int, targets: Sequence[Start],
                 ends: Sequence[tuple[str, str]], widths: Sequence[float]) -> list[Move]:
    """``move`` by the least of ``STEPS`` that takes the stretch it changes off every
    start of ``targets`` (those it passed) and by the next ``FARTHER`` steps, or none
    where no step does: a cheap search against a few starts (the full tests follow for
    those steps only), by halves (the farther a move goes the farther it takes the
    stretch off, about)."""
    _, a, b, slide, toward = move
    lo, hi = max(a - 1, 0), min(b + 1, len(path) - 1)
    steps: tuple[float, ...] = STEPS
    if slide:
        length = math.dist(path[a], toward) - START_GAP
        steps = tuple(step for step in STEPS if step <= length)

    def clears(n: int) -> bool:
        way = _way(path, (steps[n], a, b, slide, toward), lo, hi)
        return way is not None and not at_starts(way, j, targets, ends, widths, limit=1)

    if not steps or not clears(len(steps) - 1):
        return []
    low, high = -1, len(steps) - 1  # steps[high] clears; steps[low] not (or none)
    while high - low > 1:
        mid = (low + high) // 2
        if clears(mid):
            high = mid
        else:
            low = mid
    return [(step, a, b, slide, toward) for step in steps[high:high + 1 + FARTHER]]


def _way(path: Sequence[Point], move: Move, lo: int = 0, hi: int = -1
         ) -> list[Point] | None:
    """Points ``lo``-``hi`` (all by default) of ``path`` changed by ``move`` (see
    :data:`Move`), or ``None`` where it would make a card's stub too short or turn it
    round (``move`` starting at its end, point 1)."""
    step, a, b, slide, toward = move
    hi = len(path) - 1 if hi < 0 else hi
    way = list(path[lo:hi + 1])
    if slide:
        bend = path[a]
        t = step / math.dist(bend, toward)
        way[a - lo] = (bend[0] + t * (toward[0] - bend[0]),
                       bend[1] + t * (toward[1] - bend[1]))
        return way
    ux, uy = toward
    for k in range(a, b + 1):
        way[k - lo] = (path[k][0] + ux * step, path[k][1] + uy * step)
    if a == 1 and not stub_kept(path, way[1 - lo]):
        return None
    return way


def _directions(path: Sequence[Point], a: int, b: int, first: int,
                aways: Mapping[int, Point]) -> list[Point]:
    """The unit directions points ``a``-``b`` of ``path`` are moved in: along a card's
    stub where they hold its end (``a`` is ``first - 1``), else away from the starts
    they pass (``aways``) and square to the segments that hold them, each once, in
    order."""
    if a == first - 1:
        (x0, y0), (x1, y1) = path[0], path[1]
        length = math.hypot(x1 - x0, y1 - y0)
        if length < _EPS:
            return []
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        return [(ux, uy), (-ux, -uy)]
    wanted = [aways[k] for k in range(a, b + 1) if k in aways]
    wanted += DIRECTIONS
    out: list[Point] = []
    for u in wanted:  # each once: those within ALIKE of one before add nothing
        if all(u[0] * v[0] + u[1] * v[1] < ALIKE for v in out):
            out.append(u)
    return out


def stub_kept(path: Sequence[Point], end: Point) -> bool:
    """True when the stub of ``path`` (its first two points) ending at ``end`` instead
    (moved along it) is still at least ``SHORTEST_STUB`` long and points the same way out
    of its card."""
    a, b, old = path[0], end, path[1]
    return (math.dist(a, b) >= SHORTEST_STUB
            and (b[0] - a[0]) * (old[0] - a[0]) + (b[1] - a[1]) * (old[1] - a[1]) > 0.0)


def _clear_one(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
               widths: Sequence[float], skips: Sequence[Sequence[str]],
               firsts: Sequence[int], kept: Sequence[int],
               people: Mapping[str, PersonPlace], edges: Sequence[tuple[Point, Point]],
               lined: tuple[list[tuple[float, float, float, float]], dict[int, list[Boxed]]],
               j: int, lines: Sequence[int]) -> int:
    """Move line ``j`` off the starts it passes (of ``lines``) by the least of its ways
    (:func:`_moves`) that is allowed (see the module), of the first ``JUDGED`` that pass
    the cheap tests; 1 where it moved. ``lined`` holds each line's box and, once looked
    at, its segments boxed (filled in here)."""
    path = paths[j]
    reach = START_GAP + max(widths, default=0.0)
    starts = [s for s in starts_in([paths[i] for i in lines], [firsts[i] for i in lines],
                                 reach_box(path, reach))]
    starts = [(*s[:4], lines[s[4]], *s[5:]) for s in starts]
    at = [at_starts(path[k:k + 2], j, starts, ends, widths) for k in range(len(path) - 1)]
    hit = sorted({k + e for k, found in enumerate(at) if found for e in (0, 1)})
    if not hit:
        return 0
    person = people.get(ends[j][1])
    lo, hi = max(hit[0] - 2, 0), min(hit[-1] + 2, len(path) - 1)
    wide = reach + BESIDE + max(STEPS)
    x0, x1, y0, y1 = reach_box(path[lo:hi + 1], wide)
    boxes, segments = lined
    region: list[Boxed] = []
    for k, (bx0, bx1, by0, by1) in enumerate(boxes):
        if k == j or bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
            continue
        if k not in segments:
            segments[k] = boxed([(k, c, d) for c, d in pairwise(paths[k])])
        region += [seg for seg in segments[k]
                   if not (seg[1] < x0 or seg[0] > x1 or seg[3] < y0 or seg[2] > y1)]
    room = starts_in(paths, firsts, (x0, x1, y0, y1))
    edges = [(c, d) for c, d in edges
             if not (max(c[0], d[0]) < x0 or min(c[0], d[0]) > x1
                     or max(c[1], d[1]) < y0 or min(c[1], d[1]) > y1)]
    before = WayFigures(paths, widths, j, region, ends, firsts[j])
    passing = len(at_starts(path[lo:hi + 1], j, room, ends, widths))
    first, last = firsts[j], len(path) - max(kept[j], 1) - 1
    meets = MeetingsGuard(paths, ends, widths, kept, people, j)  # meetings at its person
    tight: dict[tuple[int, int], bool] = {}
    framed: dict[tuple[int, int], float] = {}
    judged = tried = 0
    moves = []
    for kind in _moves(path, first, last, hit, _aways(path, hit, at, starts)):
        a, b = kind[1], kind[2]
        crossed: set[int] = set().union(*at[max(a - 1, 0):min(b + 1, len(at))])
        moves += _least_steps(path, kind, j, [s for s in room if s[4] in crossed], ends,
                              widths)
    moves.sort()
    for move in moves:
        way = _way(path, move)
        if way is None:
            continue
        a, b = move[1], move[2]
        new_lo, new_hi = max(a - 1, 0), min(b + 1, len(way) - 1)
        part, old = way[new_lo:new_hi + 1], path[new_lo:new_hi + 1]
        if sharp(part) > sharp(old) or turning(part) > turning(old) + TURNING:
            continue
        passed: set[int] = set()
        for k in range(lo, hi):
            if not new_lo <= k < new_hi:
                passed |= at[k]
        if len(passed) >= passing:
            continue
        if len(at_starts(part, j, room, ends, widths, passed, passing)) >= passing:
            continue
        if tried == TRIED:
            break
        tried += 1
        if not keeps_way_in(path, way, person, first):
            continue
        if (new_lo, new_hi) not in framed:
            framed[(new_lo, new_hi)] = along_frames(old, edges)
        if along_frames(part, edges) > framed[(new_lo, new_hi)] + _EPS:
            continue
        if (new_lo, new_hi) not in tight:  # the old stretch within the margin of a box
            tight[(new_lo, new_hi)] = not clear_at_margins(router, old, path, skips[j],
                                                           ends[j], tight=False)
        if not clear_at_margins(router, part, path, skips[j], ends[j],
                                tight=tight[(new_lo, new_hi)]):
            continue
        if judged == JUDGED:
            break
        judged += 1
        if not before.allows(way, new_lo, new_hi):
            continue
        if meets.more(way):
            continue
        paths[j] = way
        return 1
    return 0


def _aways(path: Sequence[Point], hit: Sequence[int], at: Sequence[set[int]],
           starts: Sequence[Start]) -> dict[int, Point]:
    """For each point ``k`` of ``hit`` (points of ``path`` on segments passing starts,
    ``at`` the lines whose starts each segment passes), the unit direction from the
    nearest point of the nearest such start to it (none where it lies on the start)."""
    by_line = {s[4]: (s[5], s[6]) for s in starts}
    out: dict[int, Point] = {}
    for k in hit:
        lines = sorted((at[k - 1] if k > 0 else set()) | (at[k] if k < len(at) else set()))
        best: tuple[float, Point] | None = None
        for i in lines:
            a, b = by_line[i]
            near = _nearest(path[k], a, b)
            gap = math.dist(path[k], near)
            if gap > _EPS and (best is None or gap < best[0]):
                best = (gap, ((path[k][0] - near[0]) / gap, (path[k][1] - near[1]) / gap))
        if best is not None:
            out[k] = (round(best[1][0], 6), round(best[1][1], 6))
    return out


def _nearest(pt: Point, a: Point, b: Point) -> Point:
    """The point of the segment ``a``-``b`` nearest ``pt``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length < 1e-12 else ((pt[0] - a[0]) * dx + (pt[1] - a[1]) * dy) / length
    t = min(max(t, 0.0), 1.0)
    return a[0] + t * dx, a[1] + t * dy


def turning(points: Sequence[Point]) -> float:
    """How much ``points`` turn in all (radians, each turn's size added up)."""
    total = 0.0
    for a, b, c in zip(points, points[1:], points[2:], strict=False):
        ux, uy, vx, vy = b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]
        if (ux or uy) and (vx or vy):
            total += abs(math.atan2(ux * vy - uy * vx, ux * vx + uy * vy))
    return total


class WayFigures:
    """The measures of stretches of line ``j`` against the segments ``region`` near
    them, worked out once for each stretch of the old way; :meth:`allows` tests a new
    way."""

    def __init__(self, paths: Sequence[Sequence[Point]], widths: Sequence[float], j: int,
                 region: Sequence[Boxed], ends: Sequence[tuple[str, str]], first: int
                 ) -> None:
        """Keep what the measures of line ``j`` against ``region`` need."""
        self.paths, self.widths, self.j, self.ends, self.first = paths, widths, j, ends, first
        self.region = region
        path = paths[j]
        self.holes = (path[0], path[-1])
        self.own: int | None = None  # worked out for the first way that moves the start
        self.old: dict[tuple[int, int], tuple[int, list[float], float, int]] = {}

    def _near(self, part: Sequence[Point]) -> list[tuple[int, Point, Point]]:
        """The segments of the region within reach of ``part`` for the beside measures."""
        return within_reach(self.region, part, BESIDE + START_GAP + max(self.widths))

    def _measures(self, part: Sequence[Point]) -> tuple[int, list[float], float, int]:
        """How often ``part`` crosses lines, how long it runs beside them (within
        ``CLOSE`` and ``BESIDE``), as a band, and how many bends it has on lines."""
        paths, widths, j = self.paths, self.widths, self.j
        near = self._near(part)
        return (crossings_near(part, self.region),
                [beside_length(paths, part, gap, near, self.holes) for gap in (CLOSE, BESIDE)],
                banded(paths, widths, j, part, near),
                _bends_near(paths, widths, j, part, self.region))

    def allows(self, way: Sequence[Point], lo: int, hi: int, slack: float = 0.0) -> bool:
        """True when ``way`` (line ``j`` with some of its points ``lo``-``hi`` moved,
        the ends of that stretch staying) is no worse by any measure than the old way
        over that stretch, and leaves no more lines at its own start. With ``slack`` it
        may run up to that many units longer within ``BESIDE`` of other lines, and as
        much longer again as it runs less within ``CLOSE`` of them (where two lines read
        as one); never longer within ``CLOSE``."""
        path = self.paths[self.j]
        if way[1] != path[1]:  # the start moved: no more lines at it
            if self.own is None:
                self.own = _own_start(path, self.j, self.first, self.region, self.ends,
                                      self.widths)
            if _own_start(way, self.j, self.first, self.region, self.ends,
                          self.widths) > self.own:
                return False
        if (lo, hi) not in self.old:
            self.old[(lo, hi)] = self._measures(path[lo:hi + 1])
        crossed, beside, band, bends = self.old[(lo, hi)]
        part = way[lo:hi + 1]
        near = self._near(part)
        if crossings_near(part, self.region) > crossed:
            return False
        close = beside_length(self.paths, part, CLOSE, near, self.holes)
        if close > beside[0] + _EPS:
            return False
        if beside_length(self.paths, part, BESIDE, near, self.holes) > beside[1] + _EPS \
                + (slack + beside[0] - close if slack else 0.0):
            return False
        if banded(self.paths, self.widths, self.j, part, near) > band + _EPS:
            return False
        return _bends_near(self.paths, self.widths, self.j, part, self.region) <= bends


def _bends_near(paths: Sequence[Sequence[Point]], widths: Sequence[float], j: int,
                part: Sequence[Point], region: Sequence[Boxed]) -> int:
    """How many bends of other lines (their points, their ends left out) lie within
    ``START_GAP`` of the stroke of ``part`` of line ``j``, and bends of ``part`` (its
    end points left out) within ``START_GAP`` of another line's stroke: corners that read
    as one line forking off another."""
    seen: set[tuple[int, Point]] = set()
    count = 0
    for m, c, d in within_reach(region, part, START_GAP + max(widths)):
        room = START_GAP + (widths[j] + widths[m]) / 2
        for pt in (c, d):
            if (m, pt) in seen or pt == paths[m][0] or pt == paths[m][-1]:
                continue
            seen.add((m, pt))
            count += any(segment_distance(pt, p, q) < room for p, q in pairwise(part))
        count += sum(segment_distance(pt, c, d) < room for pt in part[1:-1])
    return count
