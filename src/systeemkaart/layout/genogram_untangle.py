"""Genogram emotional lines: the ports of routes on one side of a symbol in the order of
where the lines go.

Routes take their ports on a symbol's side or top in the order the relations come, and
their lanes and corridors in another, so two routes leaving one side may cross just beyond
it (the one leaving higher turning down across the one leaving lower). Once the drawing has
its final coordinates, :func:`untangle_ends` swaps the ports of two such routes (each keeps
its lanes and corridors, only the short leg from the port to its first bend moves) when
that makes the two cross fewer lines in all: family lines, each other and the other
emotional lines; never when a moved leg would run along a line, but on a top or bottom where
lines share a port (every port taken, see :func:`.top_x_or_shared`; parted when drawn) also
when each moved leg then runs along no line but those leaving its new port. A route alone
on its side may move to a free port further out on it, when that crosses fewer; a route
leaving a symbol's top to another free port on that top (its drawing clear of the others
there), when that crosses fewer and passes no box, name or years.

Cost: per person, every two routes leaving one side are tried (a handful); each try counts
the crossings of the two moved legs (two segments each) against the family lines by binary
search (:class:`.genogram_near.FamilyLines`) and against the other relations in a coarse
grid.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Final

from . import Point
from .genogram_dot import LARGE
from .genogram_near import FamilyLines, LineIndex, Segment, line_segments
from .genogram_places import Pending, Work
from .genogram_ports import PORT_CLEAR, side_point, top_offsets, top_point
from .genogram_relations import drawn_half
from .genogram_route import FAMILY_HALF, RefPoint
from .genogram_scene import Scene

__all__ = ["untangle_ends"]

_OUT: Final = (-15.0, -10.5, 10.5, 15.0)
"""Heights below the middle of a symbol a route's side port may move to: beyond the
ports given out first (6.5 and 13 units from the middle, and straight lines' ends at 0
and 9)."""
_PORT_GAP: Final = 4.0
"""Two lines that end closer than this on one symbol would seem to share a port."""
_TOP_MOST: Final = 15.0
"""The furthest from the centre line of a symbol a route's top port may move to (the far
port, see :func:`.top_offsets`)."""
_ROUNDS: Final = 3
"""How often every side is tried again while a swap helped (a swap may open another)."""



def _side(points: list[Point], first: bool) -> str | None:
    """Which way the route ``points`` leaves its symbol at its first (or last) end: the
    side (``"left"``/``"right"``), ``"up"`` or ``"down"``; ``None`` when the leg from the
    port is slanted or too short to be a route's (a straight line or a stub)."""
    if len(points) < 4:
        return None
    (x0, y0), (x1, y1), (x2, y2) = points[:3] if first else points[:-4:-1]
    if y0 == y1 and x0 != x1 and x1 == x2:
        return "right" if x1 > x0 else "left"
    if x0 == x1 and y0 != y1 and y1 == y2:
        return "down" if y1 > y0 else "up"
    return None


def _moved(path: list[RefPoint], first: bool, port: RefPoint, level: bool) -> list[RefPoint]:
    """``path`` leaving from ``port`` instead of its own port at its first (or last) end:
    the leg to the first bend moves with it (``level``: the leg is horizontal)."""
    out = list(path)
    i, j = (0, 1) if first else (-1, -2)
    out[i] = port
    out[j] = (out[j][0], port[1]) if level else (port[0], out[j][1])
    return out


def untangle_ends(work: Work, pending: Pending, scene: Scene, family: FamilyLines,
                  loose: bool = False) -> None:
    """Swap the ports of two routes that leave one side of a symbol when the two then
    cross fewer lines in all and neither runs along a line (on a top or bottom: none but
    the lines sharing its new port), and move a route's port on a side to a free one
    further out when it then crosses fewer (see the module docstring);
    ``pending.relation`` is changed in place. ``loose``: on a top or bottom, two routes
    swap their ports also where the moved legs then run along as many lines as before, or
    fewer (lines close together on a crowded top; the caller keeps that only where the
    whole drawing fares better, see :func:`.genogram_straight._nest_and_repair`)."""
    relations = pending.relation
    children = {c.child for c, _path in pending.child}
    large = len(work.st.blocks) >= LARGE  # see _move_top
    lines = [scene.resolve(path) for _place, path in relations]
    placed = LineIndex()
    for k, points in enumerate(lines):
        placed.add(line_segments(points), k)

    def leg_points(points: list[Point], first: bool) -> list[Point]:
        """The leg from the port at the first (or last) end of ``points``: the port, its
        first bend and the next (all a move changes)."""
        return points[:3] if first else points[-3:]

    def leg(points: list[Point], first: bool) -> list[Segment]:
        """The segments of :func:`leg_points`."""
        return line_segments(leg_points(points, first))

    def take(k: int, path: list[RefPoint], points: list[Point]) -> None:
        """Route ``k`` now runs along ``path``, drawn as ``points``."""
        relations[k] = (relations[k][0], path)
        lines[k] = points
        placed.remove(k)
        placed.add(line_segments(points), k)

    def cost(k: int, points: list[Point], first: bool) -> int:
        """Crossings of the leg of relation ``k`` drawn as ``points`` with the family
        lines and the other relations."""
        segs = leg(points, first)
        return placed.measure(segs, k)[1] + family.crossings(segs)

    def along(k: int, points: list[Point], first: bool) -> bool:
        """True when the leg of relation ``k`` drawn as ``points`` runs along a line."""
        segs = leg(points, first)
        return placed.measure(segs, k)[0] > 0 or any(family.along(s) for s in segs)

    def alongs(k: int, points: list[Point], first: bool) -> int:
        """How many segments of the leg of relation ``k`` drawn as ``points`` run along
        a line."""
        segs = leg(points, first)
        return placed.measure(segs, k)[0] + sum(1 for s in segs if family.along(s))

    def on_shared(moved: tuple[tuple[int, bool, list[Point]], ...],
                  ends: list[tuple[int, bool]]) -> bool:
        """True when each moved leg (relation, which end, its points) runs along no line
        but those that leave the very port it leaves now: a port shared once every port
        on a top is taken (see :func:`.top_x_or_shared`), whose lines are parted when
        drawn (:mod:`.genogram_part`). Two routes over a symbol's top from the same side
        may each share a port with another and cross each other; swapped, each shares
        with another line and they cross no more."""
        swapped = {k for k, _first, _points in moved}
        for k, first, points in moved:
            port = points[0 if first else -1]
            sharing = [n for n, f in ends
                       if n not in swapped and lines[n][0 if f else -1] == port]
            if not sharing:
                return False
            for n in sharing:
                placed.remove(n)
            still = along(k, points, first)
            for n in sharing:
                placed.add(line_segments(lines[n]), n)
            if still:
                return False
        return True

    own: dict[str, list[tuple[int, bool]]] = defaultdict(list)  # per person: its lines' ends
    for n, (place, _path) in enumerate(relations):
        for who, first in zip(place.between, (True, False), strict=True):
            own[who].append((n, first))

    def ends_at(pid: str) -> list[Point]:
        return [lines[n][0 if first else -1] for n, first in own.get(pid, ())]

    def _move_out(work: Work, pid: str, side: str, k: int, first: bool) -> bool:
        """Move the port of route ``k`` on ``side`` of ``pid`` to a free height further out
        (``_OUT``) when it then crosses fewer lines; True when it moved."""
        now = cost(k, lines[k], first)
        if now == 0:
            return False
        taken = ends_at(pid)
        path = relations[k][1]
        best: tuple[int, list[RefPoint], list[Point]] | None = None
        for dy in _OUT:
            port = side_point(work, pid, 1.0 if side == "right" else -1.0, dy)
            at = scene.resolve([port])[0]
            if any(abs(at[0] - x) < _PORT_GAP and abs(at[1] - y) < _PORT_GAP
                   for x, y in taken):
                continue
            new = _moved(path, first, port, True)
            points = scene.resolve(new)
            after = cost(k, points, first)
            if after < (best[0] if best else now) and not along(k, points, first):
                best = (after, new, points)
        if best is None:
            return False
        take(k, best[1], best[2])
        return True

    def _move_top(work: Work, pid: str, k: int, first: bool,
                  ups: list[tuple[int, bool]]) -> bool:
        """Move the port of route ``k`` on the top of ``pid`` to another free one there
        when it then crosses fewer lines and passes no box, name or years; True when it
        moved. Free: its drawing ``PORT_CLEAR`` from that of every other line leaving
        the top (and from the child line at the centre, see :func:`.top_offsets`), no
        other line's end within ``_PORT_GAP``. Besides the usual ports: straight below the
        route's bend (no jog), the centre for a route over the tops of two people of one
        row when no child line arrives there (none would be taken for one), and, last, the
        ports just ``PORT_CLEAR`` from the child line's drawing, nearer the centre than
        the near port for a thin line: beside a straight line leaving high on the side
        below, the near port would seem to share that line's end and the far one crosses
        it, so the route left the other half of the top across the child line. ``ups``:
        the routes leaving that top (each with which of its ends). Not in a drawing of
        ``LARGE`` blocks or more: trying every port of every route whose leg crosses a
        line cost a generated 3,000-person family with 300 relations about 8 % more
        layout time (0.25 of 2.8 s CPU; the choice with detours in
        :func:`.genogram_repair.repair_ways` is left out there too)."""
        if large:
            return False
        now = cost(k, lines[k], first)
        if now == 0:
            return False
        place, path = relations[k]
        half = drawn_half(place.kind)
        end = lines[k][0 if first else -1]
        bend = lines[k][2 if first else -3][0]  # where the leg from the port turns next
        taken = [(x, y) for x, y in ends_at(pid) if (x, y) != end]
        tops = [(lines[m][0 if f else -1][0], drawn_half(relations[m][0].kind))
                for m, f in ups if (m, f) != (k, first)]
        centre = work.centre[pid]
        offsets = top_offsets(work, pid, half)
        if offsets[0] <= abs(bend - centre) <= _TOP_MOST:
            offsets.insert(0, bend - centre)
        if pid not in children and len(path) == 4 and _side(lines[k], not first) == "up":
            offsets.append(0.0)
        tight = FAMILY_HALF + half + PORT_CLEAR  # just clear of the child line
        offsets += [o for o in (tight, -tight) if all(abs(o - x) > 1e-9 for x in offsets)]
        best: tuple[int, list[RefPoint], list[Point]] | None = None
        for offset in offsets:
            port = top_point(work, pid, centre + offset)
            at = scene.resolve([port])[0]
            if 0 < abs(at[0] - bend) < _PORT_GAP \
                    or any(abs(at[0] - x) < _PORT_GAP and abs(at[1] - y) < _PORT_GAP
                           for x, y in taken) \
                    or any(abs(at[0] - x) - half - h < PORT_CLEAR - 1e-9 for x, h in tops):
                continue
            new = _moved(path, first, port, False)
            points = scene.resolve(new)
            after = cost(k, points, first)
            if after < (best[0] if best else now) and not along(k, points, first) \
                    and scene.clear(place.between, leg_points(points, first), half):
                best = (after, new, points)
        if best is None:
            return False
        take(k, best[1], best[2])
        return True

    for _round in range(_ROUNDS):
        groups: dict[tuple[str, str], list[tuple[int, bool]]] = defaultdict(list)
        for k, (place, _path) in enumerate(relations):
            for pid, first in zip(place.between, (True, False), strict=True):
                side = _side(lines[k], first)
                if side is not None:
                    groups[(pid, side)].append((k, first))
        changed = False
        for (pid, side), ends in groups.items():
            level = side in ("left", "right")
            if side == "up":
                for k, first in ends:
                    changed = _move_top(work, pid, k, first, ends) or changed
            if level:
                for k, first in ends:
                    changed = _move_out(work, pid, side, k, first) or changed
            for (k, first_k), (m, first_m) in itertools.combinations(ends, 2):
                if k == m:
                    continue
                path_k, path_m = relations[k][1], relations[m][1]
                port_k = path_k[0] if first_k else path_k[-1]
                port_m = path_m[0] if first_m else path_m[-1]
                new_k = _moved(path_k, first_k, port_m, level)
                new_m = _moved(path_m, first_m, port_k, level)
                pts_k, pts_m = scene.resolve(new_k), scene.resolve(new_m)
                before = cost(k, lines[k], first_k) + cost(m, lines[m], first_m)
                along_before = alongs(k, lines[k], first_k) + alongs(m, lines[m], first_m) \
                    if loose and not level else 0
                for n, pts in ((k, pts_k), (m, pts_m)):
                    placed.remove(n)
                    placed.add(line_segments(pts), n)
                fewer = cost(k, pts_k, first_k) + cost(m, pts_m, first_m) < before
                better = fewer and (
                    (not along(k, pts_k, first_k) and not along(m, pts_m, first_m))
                    or (not level and on_shared(((k, first_k, pts_k), (m, first_m, pts_m)),
                                                ends))
                    or (loose and not level and alongs(k, pts_k, first_k)
                        + alongs(m, pts_m, first_m) <= along_before))
                if not better:
                    for n in (k, m):
                        placed.remove(n)
                        placed.add(line_segments(lines[n]), n)
                    continue
                relations[k] = (relations[k][0], new_k)
                relations[m] = (relations[m][0], new_m)
                lines[k], lines[m] = pts_k, pts_m
                changed = True
        if not changed:
            return
