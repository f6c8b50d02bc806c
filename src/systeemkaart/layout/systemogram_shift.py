"""Weighing the move of a systemogram line's shared stretches sideways.

:mod:`.systemogram_tracks` decides how far each line sharing a corridor moves across it
(a :class:`~.systemogram_move.Shift` of some of its segments); a line's way is moved by
its shifts (:func:`~.systemogram_move.moved`) and :class:`Lines` keeps the lines as they
are moved, taking a new way only where :func:`better`: it crosses no more lines (of
those sharing no end, nor of other agents' lines into the same person; but a line it
ran on or beside, whose crossing the band hid, it may cross once), runs less close
beside other lines and household frames (:func:`spacing` apart, their drawn widths
counted), and every new segment is clear of every box as the router tests it.

Segments are found through a grid of cells: a move is weighed against the segments near
it only, O(m · s) for m segments moved and s near them.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from . import Box, Point
from .systemogram_close import FRAME_DASH, close_run, frame_edges, near_cells
from .systemogram_move import Shift, at, moved
from .systemogram_route import TIGHT, Router

__all__ = ["BOXED", "CROSSES", "END", "FRAME_EXTENT", "LEAST", "NOT_APART", "OK", "SAME",
           "TRACK_GAP", "Lines", "better", "spacing", "verdict"]

TRACK_GAP = 4.5
"""Clear space (units) between the outer strokes of two lines on neighbouring tracks."""
FRAME_EXTENT = FRAME_DASH
"""Width (units) of a household frame's dashes."""
END = 10.0
"""Length (units) at an end two lines share that may stay close (they meet at its ports)."""
LEAST = 10.0
"""Length (units) two segments may run close before they count as a bundle."""
_PARALLEL = math.sin(math.radians(15.0))


def spacing(a: float, b: float) -> float:
    """Distance (units) between the middles of two lines ``a`` and ``b`` units wide on
    neighbouring tracks: ``TRACK_GAP`` clear between them."""
    return TRACK_GAP + (a + b) / 2


def _on(path: Sequence[Point], a: Point, b: Point) -> bool:
    """True when ``a``-``b`` lies on one segment of ``path`` (a piece of the old way, as
    clear of boxes as it was)."""
    for c, d in pairwise(path):
        length = math.dist(c, d)
        if length < 1e-9:
            continue
        if all(abs((d[0] - c[0]) * (p[1] - c[1]) - (d[1] - c[1]) * (p[0] - c[0])) < 0.05 * length
               and -0.05 <= (p[0] - c[0]) * (d[0] - c[0]) + (p[1] - c[1]) * (d[1] - c[1])
               <= length * length + 0.05 for p in (a, b)):
            return True
    return False


_Record = tuple[int, Point, Point, float, float, float, float, float, float, float]
"""A segment of a line (or, line -1 - e, of frame edge e): its line, its ends, its box
(x0, x1, y0, y1) and its direction (x, y) and length."""


class _Near:
    """The current segments of every line and frame edge, found through a grid of cells."""

    def __init__(self, paths: Sequence[Sequence[Point]], frames: Sequence[Box]) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.paths = paths
        self.records: list[_Record] = []
        self.gone: set[int] = set()
        self.of: dict[int, list[int]] = {}
        self._made: dict[tuple[int, tuple[Point, ...]],
                         list[tuple[_Record, list[tuple[int, int]]]]] = {}
        """The records and cells of each way a line took (a way tried and given up is
        put back: its segments need not be worked out again)."""
        self.weighed: dict[tuple[int, tuple[tuple[Point, Point], ...]],
                           tuple[tuple[int, int, float], _Tally]] = {}
        """What :func:`verdict` found the segments a line would leave weigh, by line and
        segments, since a line last moved (a way turned down is often tried the other
        way across its corridor, leaving the same segments)."""
        for i, path in enumerate(paths):
            self.add(i, path)
        for e, edge in enumerate(frame_edges(frames)):
            self.add(-1 - e, edge)

    def add(self, i: int, path: Sequence[Point]) -> None:
        """Note that line ``i`` now runs along ``path`` (and no longer where it ran)."""
        self.gone.update(self.of.pop(i, ()))
        self.weighed.clear()
        mine = self.of[i] = []
        key = (i, tuple(path))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = [
                ((i, c, d, *((d[0], c[0]) if d[0] < c[0] else (c[0], d[0])),
                  *((d[1], c[1]) if d[1] < c[1] else (c[1], d[1])),
                  d[0] - c[0], d[1] - c[1], math.dist(c, d)),
                 near_cells(c, d, 0.0)) for c, d in pairwise(path)]
        for record, cells in made:
            n = len(self.records)
            self.records.append(record)
            mine.append(n)
            for cell in cells:
                self.cells.setdefault(cell, []).append(n)

    def around(self, segs: Sequence[tuple[Point, Point]], reach: float) -> list[_Record]:
        """The current segments that may come within ``reach`` of ``segs``, in order."""
        found: set[int] = set()
        for a, b in segs:
            for cell in near_cells(a, b, reach):
                found.update(self.cells.get(cell, ()))
        return [self.records[n] for n in sorted(found - self.gone)]


def _depth(a: Point, b: Point, c: Point, d: Point, vx: float, vy: float, gap: float,
           holes: Sequence[Point]) -> tuple[float, float]:
    """How far ``a``-``b`` runs inside the room ``gap`` that the nearly parallel ``c``-``d``
    (of direction ``vx``, ``vy``) needs: the length it runs within ``gap`` (less the parts
    near ``holes``) times how deep it comes in on average, so that moving part of the way
    out counts as well as moving all the way; and that length alone."""
    run, t0, t1 = close_run(a, b, c, d, gap, holes, END)  # with close_span's stretch
    if run <= 0.0:
        return 0.0, 0.0
    p, q = at(a, b, t0), at(a, b, t1)
    deep = gap - (abs((p[0] - c[0]) * vy - (p[1] - c[1]) * vx)
                  + abs((q[0] - c[0]) * vy - (q[1] - c[1]) * vx)) / 2
    return run, run * max(deep, 0.1)


_Pair = tuple[int, bool, list[Point], float]
"""How a line weighs another (or a frame edge): 1 when crossing it counts as a free
crossing, 2 as one into the same person, 0 not at all; whether it may count as close;
the shared ends left out of the close length; the spacing their tracks need."""


@dataclass(slots=True)
class _Tally:
    """What :func:`_weigh` found line by line: how often the segments weighed cross each
    line, and how long they run within its spacing (units)."""

    crossed: dict[int, int] = field(default_factory=dict)
    beside: dict[int, float] = field(default_factory=dict)


def _crossings_kept(after: tuple[int, int, float], before: tuple[int, int, float],
                    came: _Tally, gone: _Tally, banded: Collection[int]) -> bool:
    """True when a new way (``after``, its crossings ``came``) crosses no more lines than
    the old (``before``, ``gone``), or more only where it crosses, once each, a line of
    ``banded`` (that ran beside it as routed) the old way ran on or beside for over
    ``LEAST`` units: two lines in one band that swap sides along it cross there anyway,
    hidden from the count where they lie on top of each other; parted, the crossing
    shows and the reader can follow both."""
    if after[0] <= before[0] and after[1] <= before[1]:
        return True
    return _only_bands_crossed(came, gone, banded)


def _only_bands_crossed(came: _Tally, gone: _Tally, banded: Collection[int]) -> bool:
    """True when the new way (its crossings ``came``) crosses each line no more often
    than the old (``gone``) did, or once more where that line is one of ``banded`` and
    the old way ran on or beside it for over ``LEAST`` units (see
    :func:`_crossings_kept`)."""
    return all(n <= gone.crossed.get(j, 0)
               + (1 if j in banded and gone.beside.get(j, 0.0) > LEAST else 0)
               for j, n in came.crossed.items())


def _pair(i: int, j: int, path: Sequence[Point], paths: Sequence[Sequence[Point]],
          ends: Sequence[tuple[str, str]], widths: Sequence[float]) -> _Pair:
    """How line ``i`` (whose way is ``path``) weighs line ``j`` (or frame edge
    ``-1 - j``): see :data:`_Pair`. It depends on the two lines' ends only."""
    if j < 0:
        return (0, True, [], spacing(widths[i], FRAME_EXTENT) - 0.5)
    agent, target = ends[i]
    other, its = ends[j]
    theirs = paths[j]
    shared = {agent, target} & {other, its}
    holes = [pt for node, pt in ((agent, path[0]), (target, path[-1]),
                                 (other, theirs[0]), (its, theirs[-1]))
             if node in shared]
    # 1: a line sharing no end, 2: one of another agent into the same person
    kind = 1 if not shared else 2 if its == target and other != agent else 0
    return (kind, True, holes, spacing(widths[i], widths[j]) - 0.5)


def _weigh(i: int, segs: Sequence[tuple[Point, Point]], path: Sequence[Point],
           near: Sequence[_Record], paths: Sequence[Sequence[Point]],
           ends: Sequence[tuple[str, str]], widths: Sequence[float], close_too: bool = True,
           how: dict[int, _Pair] | None = None, tally: _Tally | None = None,
           crossings: bool = True, limit: float = math.inf) -> tuple[int, int, float]:
    """How many of the ``near`` segments the segments ``segs`` of line ``i`` (whose way is
    ``path``) cross (of lines sharing no end, and of other agents' lines into the same
    person), and how long they run closer beside lines of other agents and frame edges
    than their tracks' spacing (with ``close_too``). Only segments whose boxes come that
    near are weighed. ``how`` keeps line ``i``'s :func:`_pair` of each line met (they
    depend on the lines' ends, which never move), for the next call. Without
    ``crossings`` only the closeness is weighed (the crossings count 0: a caller that
    counted them already), and it stops as soon as it reaches ``limit`` (the closeness
    only grows: a caller asking whether it stays below ``limit`` has its answer; no
    ``tally`` is kept then)."""
    free, into, close = 0, 0, 0.0
    reach = max(widths) + TRACK_GAP if close_too else 0.0
    # each segment's box grown by ``reach``, its ends, direction and the most its cross
    # product with a segment of length 1 may be for the two to count as parallel
    boxes: list[tuple[float, float, float, float, Point, Point, float, float, float, float,
                      float, float, float]] = []
    for a, b in segs:
        (ax, ay), (bx, by) = a, b
        # min and max written out, as the builtins pick (their calls cost more)
        x0, x1 = (bx if bx < ax else ax), (bx if bx > ax else ax)
        y0, y1 = (by if by < ay else ay), (by if by > ay else ay)
        boxes.append((x0 - reach, x1 + reach, y0 - reach, y1 + reach, a, b, ax, ay, bx, by,
                      bx - ax, by - ay, _PARALLEL * math.hypot(bx - ax, by - ay)))
    if not boxes:
        return 0, 0, 0.0
    lo_x, hi_x = min(bx[0] for bx in boxes), max(bx[1] for bx in boxes)
    lo_y, hi_y = min(bx[2] for bx in boxes), max(bx[3] for bx in boxes)
    if how is None:
        how = {}
    for j, c, d, cx0, cx1, cy0, cy1, vx, vy, lv in near:
        if j == i or lv < 1e-9 or cx1 < lo_x or cx0 > hi_x or cy1 < lo_y or cy0 > hi_y:
            continue
        known = how.get(j)
        if known is None:
            known = how[j] = _pair(i, j, path, paths, ends, widths)
        counted, apart, holes, gap = known
        counted = counted if crossings else 0
        beside = close_too and apart and lv > LEAST
        if not (counted or beside):
            continue
        (cxa, cya), (dxa, dya) = c, d
        for x0, x1, y0, y1, a, b, ax, ay, bx, by, ux, uy, parallel in boxes:
            if cx1 < x0 or cx0 > x1 or cy1 < y0 or cy0 > y1:
                continue
            cross = ux * vy - uy * vx
            if counted and cross:
                # the segments cross where each one's ends lie strictly on both sides of
                # the other (segments_cross, inlined: this is the pass's inner loop)
                e3 = ux * (cya - ay) - uy * (cxa - ax)
                e4 = ux * (dya - ay) - uy * (dxa - ax)
                if (e3 > 0 > e4) or (e3 < 0 < e4):
                    e1 = vx * (ay - cya) - vy * (ax - cxa)
                    e2 = vx * (by - cya) - vy * (bx - cxa)
                    if (e1 > 0 > e2) or (e1 < 0 < e2):
                        if counted == 1:
                            free += 1
                        else:
                            into += 1
                        if tally is not None:
                            tally.crossed[j] = tally.crossed.get(j, 0) + 1
            if beside and abs(cross) <= parallel * lv:
                run, deep = _depth(a, b, c, d, vx / lv, vy / lv, gap, holes)
                close += deep
                if close >= limit and not crossings:
                    return free, into, close
                if tally is not None and run > 0.0:
                    tally.beside[j] = tally.beside.get(j, 0.0) + run
    return free, into, close


class Lines:
    """The lines as they are being moved: each line's way as routed, the shifts it took,
    and how many new ways may still be weighed."""

    def __init__(self, router: Router, paths: list[list[Point]],
                 ends: Sequence[tuple[str, str]], widths: Sequence[float],
                 skips: Sequence[Sequence[str]], firsts: Sequence[int], kept: Sequence[int],
                 frames: Sequence[Box]) -> None:
        self.router, self.paths, self.ends, self.widths = router, paths, ends, widths
        self.skips, self.firsts, self.kept = skips, firsts, kept
        self.nearby = _Near(paths, frames)
        self.reach = max(widths, default=0.0) + TRACK_GAP
        self.routed: dict[int, list[Point]] = {}
        self.taken: dict[int, dict[int, Shift]] = {}
        self.tries = 0
        """How many new ways may still be weighed (a bounded cost)."""
        self.last = OK
        """The :func:`verdict` on the last new way :meth:`attempt` weighed."""
        self.bands: dict[int, set[int]] = {}
        """The lines each line ran beside as routed: it may cross one once, parting
        (:func:`_crossings_kept`)."""
        self.how: dict[int, dict[int, _Pair]] = {}
        """How each line weighs each line it met (:func:`_pair`): the same every time."""
        self._last: dict[int, tuple[dict[int, Shift], dict[int, Shift] | None,
                                    tuple[list[Point], dict[int, Shift]]]] = {}
        """Each line's last :meth:`_new`: the shifts asked, those taken then, the answer
        (a bundle that cannot move together tries each line alone with the same shifts)."""

    def _new(self, i: int, shifts: dict[int, Shift]) -> tuple[list[Point], dict[int, Shift]]:
        """Line ``i``'s way with ``shifts`` on top of those it took, and all of them."""
        taken = self.taken.get(i)
        last = self._last.get(i)
        if last is not None and last[0] is shifts and last[1] is taken:
            return last[2]
        path = self.routed.setdefault(i, list(self.paths[i]))
        lo = self.firsts[i]
        hi = len(path) - max(self.kept[i] if self.kept else 1, 1) - 1
        both = {**(taken or {}), **shifts}
        out = moved(path, both, lo, hi), both
        self._last[i] = (shifts, taken, out)
        return out

    def attempt_all(self, moves: dict[int, dict[int, Shift]]) -> bool:
        """Move every line of ``moves`` at once (a bundle's lines part together, each
        clearing the way for the next), where together they cross no more lines, run less
        close beside others and keep clear of every box; True if they moved."""
        news = {i: self._new(i, shifts) for i, shifts in sorted(moves.items())}
        news = {i: nb for i, nb in news.items() if nb[0] != self.paths[i]}
        if len(news) < 2 or self.tries < len(news):
            return False
        self.tries -= len(news)
        olds = {i: list(self.paths[i]) for i in news}
        diffs = {}
        for i, (new, _) in news.items():
            old_segs, new_segs = list(pairwise(olds[i])), list(pairwise(new))
            diffs[i] = ([seg for seg in old_segs if seg not in new_segs],
                        [seg for seg in new_segs if seg not in old_segs])
        if not all(_clear(self.router, i, olds[i], *diffs[i], self.skips, self.ends)
                   for i in news):
            return False
        was = {i: _Tally() for i in news}
        now = {i: _Tally() for i in news}
        before = self._sum({i: (olds[i], diffs[i][0]) for i in news}, was)
        for i, (new, _) in news.items():
            self.paths[i][:] = new
            self.nearby.add(i, new)
        after = self._sum({i: (news[i][0], diffs[i][1]) for i in news}, now,
                          before[2] - 1.0)
        if after[2] < before[2] - 1.0 and (
                (after[0] <= before[0] and after[1] <= before[1])
                or all(_only_bands_crossed(now[i], was[i], self.bands.get(i, ()))
                       for i in news)):
            for i, (_, both) in news.items():
                self.taken[i] = both
            return True
        for i, old in olds.items():
            self.paths[i][:] = old
            self.nearby.add(i, old)
        return False

    def _sum(self, ways: dict[int, tuple[list[Point], list[tuple[Point, Point]]]],
             tallies: dict[int, _Tally], limit: float = math.inf) -> tuple[int, int, float]:
        """The crossings and closeness (:func:`_weigh`) of the segments of ``ways``, each
        line's as (its way, the segments weighed), against the lines as they are now;
        each line's found line by line into its ``tallies``. The lines after the closeness
        reaches ``limit`` are not weighed (it only grows: a caller asking whether it stays
        below ``limit`` has its answer)."""
        free, into, close = 0, 0, 0.0
        for i, (path, segs) in ways.items():
            if close >= limit:
                break
            near = self.nearby.around(segs, self.reach)
            f, n, c = _weigh(i, segs, path, near, self.paths, self.ends, self.widths,
                             how=self.how.setdefault(i, {}), tally=tallies[i])
            free, into, close = free + f, into + n, close + c
        return free, into, close

    def attempt(self, i: int, shifts: dict[int, Shift]) -> bool:
        """Move line ``i`` by ``shifts`` (of the segments of its way as routed) on top of
        those it took, where :func:`better`; True if it moved. Why it did not is kept in
        ``last`` (a :func:`verdict`)."""
        self.last = SAME
        if self.tries <= 0:
            return False
        self.tries -= 1
        new, both = self._new(i, shifts)
        self.last = verdict(self.router, i, self.paths, new, self.nearby, self.reach,
                            self.ends, self.widths, self.skips, self.how.setdefault(i, {}),
                            self.bands.get(i, ()))
        if self.last != OK:
            return False
        self.taken[i] = both
        self.paths[i][:] = new
        self.nearby.add(i, new)
        return True


def better(router: Router, i: int, paths: Sequence[Sequence[Point]], new: Sequence[Point],
           nearby: _Near, reach: float, ends: Sequence[tuple[str, str]],
           widths: Sequence[float], skips: Sequence[Sequence[str]],
           how: dict[int, _Pair] | None = None, banded: Collection[int] = ()) -> bool:
    """True when line ``i`` may take the way ``new``: it crosses no more lines (but for
    the lines ``banded`` it parts from: :func:`_crossings_kept`), runs less close beside
    others, and each new segment is clear of every box. ``how`` keeps line
    ``i``'s :func:`_pair` of the lines met."""
    return verdict(router, i, paths, new, nearby, reach, ends, widths, skips, how,
                   banded) == OK


OK, SAME, CROSSES, BOXED, NOT_APART = "ok", "same", "crosses", "boxed", "not apart"
"""What :func:`verdict` says of a new way: taken, or why not (no change; it crosses more
lines; a segment meets a box; it runs no less close beside others)."""


def verdict(router: Router, i: int, paths: Sequence[Sequence[Point]], new: Sequence[Point],
            nearby: _Near, reach: float, ends: Sequence[tuple[str, str]],
            widths: Sequence[float], skips: Sequence[Sequence[str]],
            how: dict[int, _Pair] | None = None, banded: Collection[int] = ()) -> str:
    """``OK`` when line ``i`` may take the way ``new`` (see :func:`better`), else the
    first reason it may not, tested in this order: ``SAME``, ``CROSSES``, ``BOXED``,
    ``NOT_APART`` (a caller may try the move the other way where it crosses more). The
    segments near are found once, within the reach of the closeness: the crossings are
    counted among them too (a segment that crosses another shares a cell with it, so any
    reach finds it)."""
    path = paths[i]
    if list(new) == list(path):
        return SAME
    old_segs, new_segs = list(pairwise(path)), list(pairwise(new))
    gone = [seg for seg in old_segs if seg not in new_segs]
    came = [seg for seg in new_segs if seg not in old_segs]
    if how is None:
        how = {}
    near = nearby.around(gone + came, reach)
    now = _Tally()
    # what the segments left weigh depends on them and the lines as they are, not on the
    # segments taken: those near ``came`` alone come nowhere near them and add nothing
    key = (i, tuple(gone))
    known = nearby.weighed.get(key)
    if known is None:
        was = _Tally()
        before = _weigh(i, gone, path, near, paths, ends, widths, how=how, tally=was)
        nearby.weighed[key] = (before, was)
    else:
        before, was = known
    after = _weigh(i, came, new, near, paths, ends, widths, False, how, now)
    if not _crossings_kept(after, before, now, was, banded):
        return CROSSES
    if not _clear(router, i, path, gone, came, skips, ends):
        return BOXED
    # the crossings of ``came`` are counted above: only its closeness now
    limit = before[2] - 1.0
    if _weigh(i, came, new, near, paths, ends, widths, how=how, crossings=False,
              limit=limit)[2] < limit:
        return OK
    return NOT_APART


def _clear(router: Router, i: int, path: Sequence[Point], gone: Sequence[tuple[Point, Point]],
           came: Sequence[tuple[Point, Point]], skips: Sequence[Sequence[str]],
           ends: Sequence[tuple[str, str]]) -> bool:
    """True when the segments ``came`` that line ``i`` (now ``path``) would take instead
    of ``gone`` are clear of every box: at the router's margin, or where the old way
    passed a box closer than that (as near as the router goes where no way keeps it), as
    near as it did."""
    router.prepare_line(path[0], path[-1], skips[i], ends[i])
    if all(router.clear(a, b) or _on(path, a, b) for a, b in came):
        return True
    if all(router.clear(a, b) for a, b in gone):
        return False
    router.prepare_line(path[0], path[-1], skips[i], ends[i], margin=TIGHT)
    return all(router.clear(a, b) or _on(path, a, b) for a, b in came)
