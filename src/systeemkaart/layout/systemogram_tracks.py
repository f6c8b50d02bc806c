"""Giving each systemogram line its own track where it runs beside others.

Routed lines of different agents that go round the same boxes often run side by side a
few units apart, or on top of each other, for a long way: a reader takes them for one
band and cannot tell whose arrow ends where (the drawing's rule: no line lies on
another). Two passes part them:

- :func:`separate_tracks` spreads each bundle of lines sharing a corridor across it
  (:mod:`.systemogram_corridor`: ordered by where the lines leave it, a track's spacing
  apart) and moves the lines (:mod:`.systemogram_shift`): first a bundle's lines all
  together, else each alone, each only where it crosses no more lines, runs less close
  beside others and keeps clear of every box (a line parting from one it ran on or
  beside may cross it once: the band hid that crossing); a line that finds no way
  clear on its side of the corridor tries the far side (towards a box, or across the
  line it was to part from, the other way is often free); where some of a bundle's
  lines still find no way clear, the bundle is spread again with those staying, and
  the others move the whole way. A card's stub and
  the fan into a person's ports never move. A crowded drawing weighs at most
  ``CROWDED_TRIES`` new ways.
- :func:`own_tracks` (in a drawing that is not crowded) moves a whole segment of a line
  that runs within ``CLOSE`` of another for over ``LONG_RUN`` units sideways onto a
  track of its own: the nudging moves one bend at a time, and a bend next to one that
  stands close to a box cannot move at the router's margin. The segment goes as far
  from every line as ``STEPS`` allow, where the way stays clear of every box (at the
  router's margin, or else its ``TIGHT`` one), crosses no more lines and runs no longer
  beside any line. (Run in a crowded drawing too, after :func:`separate_tracks`, it left
  the bench's 40-agent networks 66 bands instead of 76 for about a tenth more drawing
  time; since a crowded drawing is nudged too, about 3 fewer of some 40 (seeds 0-9,
  two runs) for some 25 ms: left out, at the time bound.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Box, Point
from .ring_geometry import segments_cross
from .systemogram_close import CLOSE_END, close_length, close_runs
from .systemogram_corridor import Seg, bundles, extent, pairs, segments, spread
from .systemogram_move import Shift
from .systemogram_nudge import CROWDED
from .systemogram_route import MARGIN, TIGHT, Router
from .systemogram_shift import SAME, TRACK_GAP, Lines, spacing

__all__ = ["CLOSE", "CROWDED_TRIES", "LONG_RUN", "RUN_TRIES", "STEPS", "TRACK_GAP",
           "TRIES", "Boxed", "beside_length", "boxed", "boxed_within", "clear_at_margins",
           "crossings_near", "extent", "near_segments", "own_tracks", "reach_box",
           "separate_tracks", "spacing", "within_reach"]

TRIES = 400
"""Most new ways weighed in one drawing (each line with all its tracks moved, then each
bundle's alone): a bounded cost."""
CROWDED_TRIES = 200
"""Most new ways weighed in a crowded drawing: its routing already takes most of the
time a session can wait. The bench's networks of 40 agents weigh 85-180 (so they are
parted in full); one of 60 agents 200-280, the widest bands first."""

def separate_tracks(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                    widths: Sequence[float], skips: Sequence[Sequence[str]],
                    firsts: Sequence[int], kept: Sequence[int] = (),
                    frames: Sequence[Box] = ()) -> int:
    """Give each line of ``paths`` (from its agent, ``ends`` its (agent, target), drawn
    ``widths`` wide) its own track where lines of different agents share a corridor, or a
    line runs along a household frame, in place (see the module docstring). ``skips`` are
    the boxes each line may pass (as routed), ``firsts`` the index of each path's first
    point that may move (after a card's stub), ``kept`` how many points at the end of each
    path stay (its fan into a person's ports). Returns how many lines moved.
    Deterministic: bundles, members and lines in a fixed order."""
    segs = segments(paths, widths, firsts, kept, frames)
    found_bundles = bundles(segs, pairs(segs, paths, ends))
    routed = [list(path) for path in paths]  # the segments are numbered as routed
    plans: list[dict[int, dict[int, Shift]]] = []
    for found, stretch in found_bundles:
        plans.append(_plan(segs, spread(segs, found, stretch, routed, (), ends)))
    state = Lines(router, paths, ends, widths, skips, firsts, kept, frames)
    state.tries = CROWDED_TRIES if len(paths) > CROWDED else TRIES
    for found, _ in found_bundles:  # which lines ran beside which, as routed
        for n, m, *_ in found:
            one, two = segs[n].line, segs[m].line
            if one >= 0 and two >= 0:
                state.bands.setdefault(one, set()).add(two)
                state.bands.setdefault(two, set()).add(one)
    # the widest bands first: a crowded drawing tries only so many ways
    lines: dict[int, list[int]] = {}
    for b, plan in enumerate(plans):
        for i in plan:
            lines.setdefault(i, []).append(b)
    weight = [sum(math.hypot(*sh.v) * (sh.t1 - sh.t0) for group in plan.values()
                  for sh in group.values()) for plan in plans]
    failed: dict[int, set[int]] = {}
    for b in sorted(range(len(plans)), key=lambda b: (-weight[b], b)):
        if state.attempt_all(plans[b]):
            continue
        for i, group in sorted(plans[b].items()):
            if not state.attempt(i, group) and (state.last == SAME
                                                or not state.attempt(i, _mirrored(group))):
                failed.setdefault(b, set()).add(i)
    # where some lines of a bundle found no way clear, the others move the whole way
    for b, stay in sorted(failed.items()):
        found, stretch = found_bundles[b]
        for i, group in sorted(_plan(segs, spread(segs, found, stretch, routed, stay,
                                                  ends)).items()):
            if i not in stay and group != plans[b].get(i):
                state.attempt(i, group)
    return len(state.taken)


def _mirrored(group: dict[int, Shift]) -> dict[int, Shift]:
    """The shifts of ``group`` the other way across their corridor."""
    return {k: Shift((-sh.v[0], -sh.v[1]), sh.t0, sh.t1) for k, sh in group.items()}


def _plan(segs: Sequence[Seg], shifts: dict[int, Shift]) -> dict[int, dict[int, Shift]]:
    """The ``shifts`` of a bundle's members by line, then by segment."""
    out: dict[int, dict[int, Shift]] = {}
    for n, sh in shifts.items():
        out.setdefault(segs[n].line, {})[segs[n].k] = sh
    return out




LONG_RUN = 30.0
"""Length (units) two lines of different agents may run within ``CLOSE`` of each other
before one is given a track of its own."""
CLOSE = 4.0
"""Distance (units) within which two nearly parallel lines read as one."""
STEPS = tuple(float(s) for s in range(3, 17))
"""Distances (units) a segment is tried off the line it lay along: the one that runs
least close beside any line is taken (between two lines, halfway)."""
RUN_TRIES = 6
"""Most runs given a track of their own in one drawing: a bounded cost."""
BESIDE = 7.0
"""Distance (units) within which a moved segment may run no longer beside other lines
(the nudging's gap); within ``CLOSE`` it must run at least ``LONG_RUN / 2`` less."""


def own_tracks(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
               skips: Sequence[Sequence[str]], firsts: Sequence[int],
               kept: Sequence[int], plain: Sequence[bool] = ()) -> int:
    """Move, in place, segments of lines that run within ``CLOSE`` of a line of another
    agent for over ``LONG_RUN`` units sideways onto a track of their own (see the module).
    ``paths`` run from each agent, ``ends`` are their (agent, target), ``skips`` the boxes
    each may pass, ``firsts`` each path's first point that may move, ``kept`` how many
    points at each path's end stay (its fan into a port), ``plain`` whether each is drawn
    as a plain stroke (one that is not keeps the router's margin: its pattern swings out).
    Returns the segments moved.
    O(L · s) per try, for L lines of s segments, at most ``RUN_TRIES`` runs."""
    lines = [(a, t, p) for (a, t), p in zip(ends, paths, strict=True)]
    moved = 0
    runs = sorted(((run, pair) for pair, run in close_runs(lines, CLOSE, CLOSE_END).items()
                   if run > LONG_RUN), key=lambda rp: (-rp[0], rp[1]))
    for _, (i, j) in runs[:RUN_TRIES]:
        for line, other in ((j, i), (i, j)):
            if _move_run(router, paths, ends, skips, firsts, kept, line, other,
                         not plain or plain[line]):
                moved += 1
                break
    return moved


def _move_run(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
              skips: Sequence[Sequence[str]], firsts: Sequence[int], kept: Sequence[int],
              i: int, other: int, tight: bool = True) -> bool:
    """Move the segment of line ``i`` that runs longest beside line ``other`` sideways,
    away from it, where that is allowed (see :func:`own_tracks`); True if moved."""
    path = paths[i]
    lo, hi = max(firsts[i], 1), len(path) - max(kept[i], 1) - 1  # movable points lo..hi
    best: tuple[float, int] | None = None
    for k in range(lo, hi):
        run = sum(close_length(path[k], path[k + 1], c, d, CLOSE, (), 0.0)
                  for c, d in pairwise(paths[other]))
        if run > LONG_RUN / 2 and (best is None or run > best[0]):
            best = (run, k)
    if best is None:
        return False
    k = best[1]
    a, b = path[k], path[k + 1]
    length = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    side = _side(mid, nx, ny, paths[other])
    old = path[k - 1:k + 3]
    # every segment near any of the ways tried, found once (each test below keeps only
    # those near its own way: the same sums as finding them anew)
    far = side * STEPS[-1]
    near = near_segments(paths, i, [*old, (a[0] + far * nx, a[1] + far * ny),
                                    (b[0] + far * nx, b[1] + far * ny)], BESIDE)
    crossed = _crossed(paths, i, old, near)
    before = (_beside(paths, i, old, CLOSE, near), _beside(paths, i, old, BESIDE, near))
    choice: tuple[tuple[float, float, float], Point, Point] | None = None
    for step in STEPS:
        d = side * step
        a2, b2 = (a[0] + d * nx, a[1] + d * ny), (b[0] + d * nx, b[1] + d * ny)
        new = [path[k - 1], a2, b2, path[k + 2]]
        close = _beside(paths, i, new, CLOSE, near)
        if close > before[0] - LONG_RUN / 2 or (choice is not None and close > choice[0][0]):
            continue  # (the farther measure is worked out only where it may tell)
        score = (close, _beside(paths, i, new, BESIDE, near), step)
        if score[1] > before[1] + 1e-9 or (choice is not None and score >= choice[0]):
            continue
        if _crossed(paths, i, new, near) > crossed \
                or not clear_at_margins(router, new, path, skips[i], ends[i], tight):
            continue
        choice = (score, a2, b2)
        if score[:2] == (0.0, 0.0):
            break  # no farther step runs less beside any line
    if choice is None:
        return False
    path[k], path[k + 1] = choice[1], choice[2]
    return True

def _side(pt: Point, nx: float, ny: float, other: Sequence[Point]) -> float:
    """1.0 when ``pt`` lies on the side of its nearest point of ``other`` that the normal
    (``nx``, ``ny``) points to, else -1.0: the way off the other line."""
    best, sign = math.inf, 1.0
    for c, d in pairwise(other):
        dx, dy = d[0] - c[0], d[1] - c[1]
        span = dx * dx + dy * dy
        t = 0.0 if span < 1e-12 else max(0.0, min(1.0, ((pt[0] - c[0]) * dx
                                                        + (pt[1] - c[1]) * dy) / span))
        q = (c[0] + t * dx, c[1] + t * dy)
        dist = math.dist(pt, q)
        if dist < best:
            off = (pt[0] - q[0]) * nx + (pt[1] - q[1]) * ny
            best, sign = dist, (1.0 if off >= 0 else -1.0)
    return sign


def clear_at_margins(router: Router, part: Sequence[Point], path: Sequence[Point],
                     skip: Sequence[str], ends: tuple[str, str], tight: bool = True) -> bool:
    """True when every segment of ``part`` (a new piece of the line ``path``, which may
    pass the boxes ``skip`` and runs between ``ends``) is clear of every box at the
    router's margin, or else (where ``tight``: the line was routed so) all at its
    ``TIGHT`` one."""
    for margin in (MARGIN, TIGHT) if tight else (MARGIN,):
        router.prepare_line(path[0], path[-1], skip, ends, margin=margin)
        if all(router.clear(p, q) for p, q in pairwise(part)):
            return True
    return False


def near_segments(paths: Sequence[Sequence[Point]], i: int, part: Sequence[Point],
                  reach: float,
                  boxes: Sequence[tuple[float, float, float, float]] | None = None
                  ) -> list[tuple[int, Point, Point]]:
    """The segments (line, start, end) of lines other than ``i`` whose boxes come within
    ``reach`` of the box of ``part``: O(L · s), a box test each (min and max written
    out: the builtins' calls cost more than the tests). With each line's box given in
    ``boxes`` (least and most x, least and most y), a line out of reach is skipped whole:
    the same segments in the same order, for a test a line instead of one a segment."""
    x0, x1, y0, y1 = reach_box(part, reach)
    out: list[tuple[int, Point, Point]] = []
    for j, other in enumerate(paths):
        if j == i:
            continue
        if boxes is not None:
            bx0, bx1, by0, by1 = boxes[j]
            if bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
                continue
        for c, d in pairwise(other):
            (cx, cy), (dx, dy) = c, d
            if not ((cx if cx > dx else dx) < x0 or (cx if cx < dx else dx) > x1
                    or (cy if cy > dy else dy) < y0 or (cy if cy < dy else dy) > y1):
                out.append((j, c, d))
    return out


def reach_box(part: Sequence[Point], reach: float = 0.0) -> tuple[float, float, float, float]:
    """The least and most x, least and most y of the box of ``part`` grown by ``reach``
    (none: the box of its points)."""
    return (min(p[0] for p in part) - reach, max(p[0] for p in part) + reach,
            min(p[1] for p in part) - reach, max(p[1] for p in part) + reach)


Boxed = tuple[float, float, float, float, int, Point, Point]
"""A segment with its box: least and most x, least and most y, its line, start, end."""


def boxed(near: Sequence[tuple[int, Point, Point]]) -> list[Boxed]:
    """The segments ``near`` (line, start, end, as :func:`near_segments` finds them) each
    with its box, for the many tests of one region (:func:`within_reach`,
    :func:`crossings_near`) to skip computing it again."""
    out: list[Boxed] = []
    for j, c, d in near:
        (cx, cy), (dx, dy) = c, d
        x0, x1 = (dx, cx) if dx < cx else (cx, dx)  # min and max, written out
        y0, y1 = (dy, cy) if dy < cy else (cy, dy)
        out.append((x0, x1, y0, y1, j, c, d))
    return out


def within_reach(near: Sequence[Boxed], part: Sequence[Point], reach: float
                 ) -> list[tuple[int, Point, Point]]:
    """The segments of ``near`` (line, start, end) whose boxes come within ``reach`` of the
    box of ``part``: those a measure of ``part`` within ``reach`` may find (as
    :func:`near_segments` finds them among all the lines)."""
    x0, x1, y0, y1 = reach_box(part, reach)
    return [(j, c, d) for a0, a1, b0, b1, j, c, d in near
            if not (a1 < x0 or a0 > x1 or b1 < y0 or b0 > y1)]


def boxed_within(near: Sequence[Boxed], part: Sequence[Point], reach: float) -> list[Boxed]:
    """The segments of ``near`` whose boxes come within ``reach`` of the box of ``part``,
    kept boxed (as :func:`within_reach` finds them): for a region judged many times."""
    x0, x1, y0, y1 = reach_box(part, reach)
    return [b for b in near if not (b[1] < x0 or b[0] > x1 or b[3] < y0 or b[2] > y1)]


def crossings_near(part: Sequence[Point], near: Sequence[Boxed]) -> int:
    """How often ``part`` crosses the segments ``near`` it, each with its box: only the
    pairs whose boxes meet are tested."""
    count = 0
    for p, q in pairwise(part):
        x0, x1 = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
        y0, y1 = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
        for a0, a1, b0, b1, _, c, d in near:
            if a1 < x0 or a0 > x1 or b1 < y0 or b0 > y1:
                continue
            count += segments_cross(p, q, c, d)
    return count


def _crossed(paths: Sequence[Sequence[Point]], i: int, part: Sequence[Point],
             near: Sequence[tuple[int, Point, Point]]) -> int:
    """How often ``part`` of line ``i`` crosses other lines (siblings too; lines into the
    same target too: crossing them near it hides whose arrow is whose), of the segments
    ``near`` it (:func:`near_segments`)."""
    return sum(segments_cross(p, q, c, d) for _, c, d in near for p, q in pairwise(part))


def _beside(paths: Sequence[Sequence[Point]], i: int, part: Sequence[Point],
            gap: float, near: Sequence[tuple[int, Point, Point]]) -> float:
    """How long ``part`` of line ``i`` runs within ``gap`` of other lines, nearly
    parallel, leaving out ``CLOSE_END`` about the ends of the lines; of the segments
    ``near`` it (those farther than ``gap`` add nothing)."""
    return beside_length(paths, part, gap, near, (paths[i][0], paths[i][-1]))


def beside_length(paths: Sequence[Sequence[Point]], part: Sequence[Point], gap: float,
                  near: Sequence[tuple[int, Point, Point]], holes: Sequence[Point]) -> float:
    """How long the line ``part`` runs within ``gap`` of the segments ``near`` (line,
    start, end) of the lines ``paths``, nearly parallel, leaving out ``CLOSE_END`` about
    each of ``holes`` and about both ends of each line met. A pair of segments whose boxes
    lie farther apart than ``gap`` is not measured: its close length is 0."""
    far = gap + 2.0
    segs = [(p, q, min(p[0], q[0]) - far, max(p[0], q[0]) + far, min(p[1], q[1]) - far,
             max(p[1], q[1]) + far) for p, q in pairwise(part)]
    total = 0.0
    for j, c, d in near:
        cx0, cx1 = (c[0], d[0]) if c[0] < d[0] else (d[0], c[0])
        cy0, cy1 = (c[1], d[1]) if c[1] < d[1] else (d[1], c[1])
        cut: list[Point] = []
        for p, q, x0, x1, y0, y1 in segs:
            if cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1:
                continue  # adding its 0.0 would change nothing
            if not cut:
                cut = [*holes, paths[j][0], paths[j][-1]]
            total += close_length(p, q, c, d, gap, cut, CLOSE_END)
    return total
