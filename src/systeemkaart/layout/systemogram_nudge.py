"""Moving the bends of routed systemogram lines apart where two lines run side by side.

Routed lines that go round the same boxes, or converge on one person, may run nearly
parallel a few units apart for a long way, and a reader takes them for one line. After
routing, :func:`nudge_apart` moves each bend of such a line a few units (straight away
from a line it runs close beside, or across its own segments), where that shortens the
length it runs within ``NUDGE_GAP`` of lines of other agents, crosses no more lines, and
keeps clear of every box as the router tests it. Then, with the bends left to try, a
line that runs along the edge of a dashed household frame (over ``LEAST`` within
``FRAME_GAP``) has its bends moved off it the same way, where that brings it no closer
to other lines. The ends of a line (its agent, its port) never move, so ports, the
choice of side and the way round stay as routed.

Lines are found through a grid of the cells their segments pass: a move is weighed
against the segments near it only, O(b · m · s) for b bends tried (at most ``TRIES``), m
moves and s segments near.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from . import Box, Point
from .systemogram_close import (
    CLOSE_GAP,
    FRAME_GAP,
    close_length,
    close_runs,
    frame_edges,
    frame_runs,
    near_cells,
)
from .systemogram_crossers import (
    Crosser,
    Near,
    bend_crossers,
    bend_crossings,
    crossed_count,
    near_segment,
)
from .systemogram_route import Router

__all__ = ["NUDGE_GAP", "StuckBends", "nudge_apart", "straighten"]

NUDGE_GAP = 7.0
"""Distance two nearly parallel lines of different agents are moved apart to (units): the
drawn standard is 6, and a double zigzag swings out a little."""
END = 10.0
"""Length at an end two lines share that may stay close (they meet at its ports)."""
STEPS = (6.0, 12.0, 18.0)
"""How far (units) a bend is also tried across its segments, either way."""
MOST = 20.0
"""Farthest (units) a bend moves from where it was routed."""
ROUNDS = 2
"""Most passes over all lines (a move may make room for the next); one in a crowded
drawing, whose few tries the first pass uses."""
TRIES = 80
"""Most bends tried in one drawing: a bounded cost."""
CROWDED = 40
"""Lines above which a drawing is crowded (a network of some 25 agents or more)."""
CROWDED_TRIES = 40
"""Most bends tried in a crowded drawing before its fans are drawn (in one pass, those of
the longest close runs first): its routing already takes most of the time a session can
wait. Over the bench's 40-agent networks (seeds 0-9), with ``FANNED_TRIES`` after, the
drawing shows 41 bands (2,867 units long) where it showed 94 (6,695 units) unnudged,
for about a fifth more drawing time; 80 tries here leave 42, for some 20 ms more."""
FANNED_TRIES = 80
"""Most bends tried in a crowded drawing once its fans are drawn: the lines then stand
as drawn, so each move counts (in those networks 56 bands without this nudging; 48 with
120 tries here and none before)."""
FRAME_TRIES = 40
"""Most bends tried off the household frames in a drawing that is not crowded (a crowded
one tries only what is left of its ``CROWDED_TRIES`` or ``FANNED_TRIES``)."""
LEAST = 10.0
"""Length (units) two lines may run close before their bends are moved."""
_PARALLEL = math.sin(math.radians(15.0))

StuckBends = dict[tuple[int, bool, Point, Point, Point, Point, Point], list[Near]]
"""Bends a try left where they were (by line, whether off frames, the line's two ends and
the bend with its neighbours), each with the segments near it then: tried again with
all of those the same, a bend stays again (nothing else decides), so it is not tried.
The second nudging, after the fans are drawn, meets many such bends."""


class _Lines:
    """The current paths, and which lines pass near each grid cell (a superset)."""

    def __init__(self, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                 edges: Sequence[tuple[Point, Point]] = (), stuck: StuckBends | None = None
                 ) -> None:
        self.paths = paths
        self.ends = ends
        self.edges = edges
        self.stuck: StuckBends = {} if stuck is None else stuck
        self.cells: dict[tuple[int, int], set[int]] = {}
        self._segments: dict[int, list[tuple[Point, Point, float, float, float, float,
                                              float]]] = {}
        """Each line's segments (but points) with their boxes and lengths, as
        :data:`Near` holds them: kept until the line moves."""
        self._pairs: dict[tuple[int, int], tuple[bool, bool, list[Point]]] = {}
        """How line ``i`` sees line ``j`` (see :meth:`nearby`): the lines' ends never move."""
        for i, path in enumerate(paths):
            for a, b in pairwise(path):
                self.add(i, a, b)

    def add(self, i: int, a: Point, b: Point) -> None:
        """Note that line ``i`` passes near the segment ``a``-``b`` (it has moved there)."""
        self._segments.pop(i, None)
        for cell in near_cells(a, b, NUDGE_GAP):
            self.cells.setdefault(cell, set()).add(i)

    def _pair(self, i: int, j: int) -> tuple[bool, bool, list[Point]]:
        """Whether line ``j`` may count as crossing line ``i`` (shares no end, or another
        agent's line into the same person: crossing it there hides whose arrow is whose)
        and as close (another agent's), and the shared ends left out of the close length."""
        known = self._pairs.get((i, j))
        if known is None:
            agent, target = self.ends[i]
            other, its = self.ends[j]
            path, theirs = self.paths[i], self.paths[j]
            shared = {agent, target} & {other, its}
            holes = [pt for node, pt in ((agent, path[0]), (target, path[-1]),
                                         (other, theirs[0]), (its, theirs[-1]))
                     if node in shared]
            known = self._pairs[(i, j)] = (not shared or (its == target and other != agent),
                                           other != agent, holes)
        return known

    def segments_of(self, j: int) -> list[tuple[Point, Point, float, float, float, float,
                                                float]]:
        """The segments of line ``j`` but points, each with its box (x0, x1, y0, y1) and
        length."""
        segs = self._segments.get(j)
        if segs is None:
            segs = self._segments[j] = []
            for c, d in pairwise(self.paths[j]):
                if c == d:
                    continue
                (cx, cy), (dx, dy) = c, d
                # min and max written out: the builtins' calls cost more than the tests
                x0, x1 = (dx, cx) if dx < cx else (cx, dx)
                y0, y1 = (dy, cy) if dy < cy else (cy, dy)
                segs.append((c, d, x0, x1, y0, y1, math.hypot(dx - cx, dy - cy)))
        return segs

    def near(self, segs: Sequence[tuple[Point, Point]]) -> list[int]:
        """The lines that may pass near any of ``segs``, in order."""
        found: set[int] = set()
        for a, b in segs:
            for cell in near_cells(a, b, NUDGE_GAP):
                found.update(self.cells.get(cell, ()))
        return sorted(found)

    def nearby(self, i: int, others: Sequence[int], lo: Point, hi: Point) -> list[Near]:
        """The segments of ``others`` (not line ``i``) within the box ``lo``-``hi``, each
        with whether it may count as crossing line ``i`` (shares no end) and as close
        (another agent), and the shared ends left out of the close length."""
        out: list[Near] = []
        lx, ly = lo
        hx, hy = hi
        for j in others:
            if j == i:
                continue
            pair: tuple[bool, bool, list[Point]] | None = None
            for seg in self.segments_of(j):
                if seg[3] < lx or seg[2] > hx or seg[5] < ly or seg[4] > hy:
                    continue
                if pair is None:
                    pair = self._pair(i, j)
                out.append(pair + seg)
        return out

    def frames_near(self, lo: Point, hi: Point) -> list[Near]:
        """The household frame edges within the box ``lo``-``hi``, as :meth:`nearby`
        gives segments: close to every line, crossing none (lines go in to the family)."""
        return [near_segment(False, True, (), c, d) for c, d in self.edges
                if not (max(c[0], d[0]) < lo[0] or min(c[0], d[0]) > hi[0]
                        or max(c[1], d[1]) < lo[1] or min(c[1], d[1]) > hi[1])]


def _close(segs: Sequence[tuple[Point, Point]], near: Sequence[Near],
           g: float = NUDGE_GAP, stop: float = math.inf) -> float:
    """The length ``segs`` run within ``g`` beside the ``near`` segments of other agents
    (only segments whose boxes come within ``g`` are measured); once the length reaches
    ``stop``, the length so far (no less than ``stop``: a caller that turns down any
    length from ``stop`` on need not measure the rest)."""
    total = 0.0
    for a, b in segs:
        (ax, ay), (bx, by) = a, b
        x0, x1 = (bx, ax) if bx < ax else (ax, bx)  # min and max, written out
        y0, y1 = (by, ay) if by < ay else (ay, by)
        x0, x1, y0, y1 = x0 - g, x1 + g, y0 - g, y1 + g
        ux, uy = b[0] - a[0], b[1] - a[1]
        lu = math.hypot(ux, uy)
        for _, apart, holes, c, d, cx0, cx1, cy0, cy1, lv in near:
            if not apart or cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1:
                continue
            if abs(ux * (d[1] - c[1]) - uy * (d[0] - c[0])) > _PARALLEL * lu * lv:
                continue  # not nearly parallel: never close in this sense
            total += close_length(a, b, c, d, g, holes, END)
            if total >= stop:
                return total
    return total


def _close_each(segs: Sequence[tuple[Point, Point]], near: Sequence[Near]
                ) -> tuple[float, list[Near]]:
    """:func:`_close` of ``segs`` beside ``near`` (the same lengths added in the same
    order), and the ``near`` segments they run close beside, in order: what a bend's
    pushes start from, without measuring each segment again."""
    g = NUDGE_GAP
    total = 0.0
    beside = [False] * len(near)
    for a, b in segs:
        (ax, ay), (bx, by) = a, b
        x0, x1 = (bx, ax) if bx < ax else (ax, bx)  # min and max, written out
        y0, y1 = (by, ay) if by < ay else (ay, by)
        x0, x1, y0, y1 = x0 - g, x1 + g, y0 - g, y1 + g
        ux, uy = b[0] - a[0], b[1] - a[1]
        lu = math.hypot(ux, uy)
        for k, (_, apart, holes, c, d, cx0, cx1, cy0, cy1, lv) in enumerate(near):
            if not apart or cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1:
                continue
            if abs(ux * (d[1] - c[1]) - uy * (d[0] - c[0])) > _PARALLEL * lu * lv:
                continue
            run = close_length(a, b, c, d, g, holes, END)
            total += run
            if run > 0.0:
                beside[k] = True
    return total, [seg for seg, hit in zip(near, beside, strict=True) if hit]


def nudge_apart(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                skips: Sequence[Sequence[str]], firsts: Sequence[int],
                frames: Sequence[Box] = (), kept: Sequence[int] = (),
                stuck: StuckBends | None = None,
                keeps: Callable[[int, int, Point], bool] | None = None) -> None:
    """Move bends of ``paths`` (each from its agent, ``ends`` its (agent, target)) so lines
    of different agents run less close beside each other, then off the edges of the
    household ``frames`` where that brings no line closer to another, in place. ``skips``
    are the boxes each line may pass (as routed), ``firsts`` the index of each path's
    first bend that may move (after a card's stub), ``kept`` (when given) how many points
    at the end of each path stay (its fan into a person's port). A move may not cross
    more lines, counting those into the same person. The lines in the longest close runs
    go first, and at most ``TRIES`` bends are tried in all (``CROWDED_TRIES`` in a drawing
    of more than ``CROWDED`` lines, ``FANNED_TRIES`` there once ``kept`` is given, off
    frames too), plus ``FRAME_TRIES`` off frames in a
    drawing that is not crowded, so a crowded drawing costs a bounded time. ``stuck``
    (when given) keeps the bends that stayed, for a later call on the same lines, boxes
    and ``frames``. ``keeps`` (when given) says whether bend ``k`` of line ``i`` may move
    to a place (a caller's rule beyond these, such as the side a line comes in from).
    Deterministic: lines and moves in a fixed order."""
    lines = _Lines(paths, ends, frame_edges(frames), stuck)
    crowded = len(paths) > CROWDED
    tries = (FANNED_TRIES if kept else CROWDED_TRIES) if crowded else TRIES
    for along in (False, True) if frames else (False,):
        if along and not crowded:
            tries = max(tries, FRAME_TRIES)
        if tries <= 0:
            break
        for _ in range(1 if crowded else ROUNDS):  # a crowded drawing's few tries: one look
            # the fanned ends stay, so only the parts before them are looked at
            named = [(a, t, p[:len(p) - kept[i] + 1] if kept else p)
                     for i, ((a, t), p) in enumerate(zip(ends, paths, strict=True))]
            longest: dict[int, float] = {}
            if along:
                longest = frame_runs(named, frames)
            else:
                for pair, run in close_runs(named, NUDGE_GAP, END).items():
                    for i in pair:
                        longest[i] = max(longest.get(i, 0.0), run)
            order = sorted((i for i, run in longest.items() if run > LEAST),
                           key=lambda i: (-longest[i], i))
            moved, tries = _pass(router, lines, order, skips, firsts, kept, tries, along,
                                 keeps)
            if not moved:
                break


def _pass(router: Router, lines: _Lines, order: Sequence[int], skips: Sequence[Sequence[str]],
          firsts: Sequence[int], kept: Sequence[int], tries: int, along: bool,
          keeps: Callable[[int, int, Point], bool] | None = None) -> tuple[bool, int]:
    """Try the bends of the lines in ``order`` (off other lines, or off the frames when
    ``along``; each place where ``keeps`` allows it) while ``tries`` last; whether one
    moved, and the tries left."""
    moved = False
    for i in order:
        path = lines.paths[i]
        router.prepare_line(path[0], path[-1], skips[i], lines.ends[i])
        for k in range(max(firsts[i], 1), len(path) - max(kept[i] if kept else 1, 1)):
            if tries <= 0:
                return moved, 0
            tries -= 1
            moved |= _move_bend(router, lines, i, k, along, keeps)
    return moved, tries


def _pushes(old: Sequence[tuple[Point, Point]], bend: Point, beside: Sequence[Near]
            ) -> list[Point]:
    """Where ``bend`` may go to take its segments ``old`` off the near segments they run
    close ``beside`` (as :func:`_close_each` gives them): straight away from each such
    segment, to ``NUDGE_GAP`` past it and to twice that (the far end of a segment stays,
    so its middle moves half as far)."""
    out: list[Point] = []
    for seg in beside:
        _, _, _, c, d, *_ = seg
        length = math.dist(c, d)
        nx, ny = -(d[1] - c[1]) / length, (d[0] - c[0]) / length
        side = (bend[0] - c[0]) * nx + (bend[1] - c[1]) * ny
        if abs(side) < 0.5:  # on the line: away on the side the segments lean to
            mid = ((old[0][0][0] + old[1][1][0]) / 2, (old[0][0][1] + old[1][1][1]) / 2)
            side = (mid[0] - c[0]) * nx + (mid[1] - c[1]) * ny or 1.0
        sign = 1.0 if side > 0 else -1.0
        for reach in (NUDGE_GAP + 1.0, 2 * NUDGE_GAP + 2.0):
            step = min(MOST, max(reach - abs(side), 2.0))
            out.append((bend[0] + sign * nx * step, bend[1] + sign * ny * step))
    return out


def _directions(prev: Point, bend: Point, nxt: Point) -> list[Point]:
    """Places ``bend`` may go besides the pushes: ``STEPS`` away across either of its
    segments, either way."""
    out: list[Point] = []
    for a, b in ((prev, bend), (bend, nxt)):
        length = math.dist(a, b)
        if length > 1e-9:
            nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
            out += [(bend[0] + sign * step * nx, bend[1] + sign * step * ny)
                    for step in STEPS for sign in (1.0, -1.0)]
    return out


def _move_bend(router: Router, lines: _Lines, i: int, k: int, along: bool = False,
               keeps: Callable[[int, int, Point], bool] | None = None) -> bool:
    """Move bend ``k`` of line ``i`` to the place nearby that runs least close beside
    other lines (or, when ``along``, beside household frame edges, and then no closer
    beside other lines), if that is clear of boxes, crosses no more lines and ``keeps``
    (when given) allows it; True if moved."""
    path = lines.paths[i]
    prev, bend, nxt = path[k - 1], path[k], path[k + 1]
    old = [(prev, bend), (bend, nxt)]
    reach = MOST + NUDGE_GAP
    lo = (min(prev[0], bend[0], nxt[0]) - reach, min(prev[1], bend[1], nxt[1]) - reach)
    hi = (max(prev[0], bend[0], nxt[0]) + reach, max(prev[1], bend[1], nxt[1]) + reach)
    near = lines.nearby(i, lines.near([(lo, hi)]), lo, hi)
    key = (i, along, path[0], path[-1], prev, bend, nxt)
    if lines.stuck.get(key) == near:
        return False  # tried before with everything it depends on the same: it stayed
    goal = lines.frames_near(lo, hi) if along else near
    close, beside_goal = _close_each(old, goal)
    if close <= 0.0:
        lines.stuck[key] = near
        return False
    if close <= 1.0:
        lines.stuck[key] = near
        return False  # no place runs a unit less close: a close length is never below 0
    beside = _close(old, near) if along else 0.0
    tight = _close(old, near, CLOSE_GAP) if along else 0.0
    crossings = -1
    crossers: list[Crosser] = []
    best: tuple[float, Point] | None = None
    places = _pushes(old, bend, beside_goal) + _directions(prev, bend, nxt)
    places.sort(key=lambda pt: math.dist(pt, bend))  # stable: the nearest first
    for pt in places:
        step = math.dist(pt, bend) / 100
        if best is not None and best[0] < 1.0 + step:
            break  # apart already: a longer move gains nothing
        if keeps is not None and not keeps(i, k, pt):
            continue
        new = [(prev, pt), (pt, nxt)]
        # a place must pass every test below; the cheaper ones go first (most places
        # fail one), the close length last: the same place wins in any order
        if crossings < 0:
            crossings = crossed_count(old, near)
            crossers = bend_crossers(prev, nxt, places,
                                     [(seg[0], seg[3], seg[4], seg[5], seg[6], seg[7], seg[8])
                                      for seg in near])
        if bend_crossings(prev, pt, nxt, crossers, crossings) > crossings \
                or not router.clear(prev, pt) or not router.clear(pt, nxt):
            continue
        # measured only until it is too long to win (the margin over rounding: a length
        # that stops at ``best[0] - step + 1e-6`` makes a cost of at least ``best[0]``)
        run = _close(new, goal, stop=close - 1.0 if best is None
                     else min(close - 1.0, best[0] - step + 1e-6))
        cost = run + step
        if run >= close - 1.0 or (best is not None and cost >= best[0]):
            continue
        if along and (_close(new, near) > beside + 1e-9
                      or _close(new, near, CLOSE_GAP) > tight + 1e-9):
            continue  # off a frame only where no closer beside other lines
        best = (cost, pt)
    if best is None:
        lines.stuck[key] = near
        return False
    path[k] = best[1]
    lines.add(i, prev, best[1])
    lines.add(i, best[1], nxt)
    return True


def straighten(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
               skips: Sequence[Sequence[str]], firsts: Sequence[int],
               which: Collection[int], frames: Sequence[Box] = ()) -> int:
    """Drop the bends of the lines ``which`` that each can skip, in place: where the way
    from one bend to a later one is clear of every box (at the router's margin), crosses
    no more lines (counting those into the same person) and runs no closer beside lines
    of other agents, nor along the household ``frames``, than the bends between. Lines
    that swapped ways zigzag where they met (:mod:`.systemogram_bundle`). A card's stub
    stays. Returns the bends dropped.
    O(b² · s) per line of b bends, s segments near."""
    lines = _Lines(paths, ends, frame_edges(frames))
    dropped = 0
    for i in sorted(which):
        path = paths[i]
        k = max(firsts[i] - 1, 0)
        if len(path) - k < 3:
            continue
        router.prepare_line(path[0], path[-1], skips[i], ends[i])
        out = path[:k + 1]
        while k < len(path) - 1:
            j = len(path) - 1
            while j > k + 1 and not _skippable(router, lines, i, k, j):
                j -= 1
            out.append(path[j])
            k = j
        if len(out) < len(path):
            dropped += len(path) - len(out)
            path[:] = out
            for a, b in pairwise(out):
                lines.add(i, a, b)
            router.tag = i
            router.forget(i)
            router.remember(out, ends[i])
    return dropped


def _skippable(router: Router, lines: _Lines, i: int, k: int, j: int) -> bool:
    """True when line ``i`` may run straight from its point ``k`` to its point ``j``."""
    path = lines.paths[i]
    if not router.clear(path[k], path[j]):
        return False
    old = list(pairwise(path[k:j + 1]))
    xs, ys = [p[0] for p in path[k:j + 1]], [p[1] for p in path[k:j + 1]]
    lo = (min(xs) - NUDGE_GAP, min(ys) - NUDGE_GAP)
    hi = (max(xs) + NUDGE_GAP, max(ys) + NUDGE_GAP)
    near = lines.nearby(i, lines.near([(lo, hi)]), lo, hi)
    new = [(path[k], path[j])]
    edges = lines.frames_near(lo, hi)
    return (crossed_count(new, near) <= crossed_count(old, near)
            and _close(new, near) <= _close(old, near) + 1e-9
            and _close(new, edges, FRAME_GAP) <= _close(old, edges, FRAME_GAP) + 1e-9)
