"""Lines of the rows of one card that weave over each other near it, and their repair.

The professionals of one organisation stand as rows of one card, and each row's lines
leave it sideways from a short stub. Where the line of one row crosses the line of
another row of the same card near the card, or runs past the end of another row's stub,
a reader cannot tell which row's line is which, and a line seems to start at the other
row's stub (the first rule of the drawing: every arrow visibly from its own agent to its
own target). :func:`weaves` finds such pairs; :func:`unweave` gives one line of a pair a
new way from its stub, past the other row's stub end where that is in its way, to one of
its later bends; or, where both lines go to one person, each line the rest of the
other's way (they swap ports, and nest instead of crossing). Only a few pairs are tried
in one drawing, those nearest the card first: a bounded cost in a crowded drawing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .ring_geometry import crossing_at, segments_cross
from .systemogram_close import BAND_RUN, frame_edges
from .systemogram_frame_clear import along_frames, band_runs
from .systemogram_leave import in_card
from .systemogram_nudge import CROWDED
from .systemogram_route import Router
from .systemogram_siblings import BESIDE, NEAR
from .systemogram_touch import meetings
from .systemogram_tracks import beside_length, clear_at_margins, near_segments, reach_box

__all__ = ["CLEAR", "FEW_TRIES", "TRIES", "card_of", "unweave", "weaves"]

CLEAR = 4.0
"""Least clear space (units, stroke to stroke) between a line and the end of another
row's stub: closer, the line seems to start there."""
TRIES = 4
"""Most pairs of lines repaired in a crowded drawing (of more than ``CROWDED`` lines),
whose time goes to routing: a bounded cost."""
FEW_TRIES = 12
"""Most pairs of lines repaired in a drawing of up to ``CROWDED`` lines."""
BENDS = 4
"""Most later bends a new way from the stub is tried to."""
HEAD = 5
"""Most segments of a line, from its start, compared with the other lines of its card
(the stub and the first few bends: where lines weave near the card)."""
JOG = 12.0
"""Shortest segment (units) a new way takes on after the bend it joins: a shorter one
reads as a jog at the join."""
ROOM = 2.0
"""Room (units) a new way keeps beyond ``CLEAR`` past another row's stub end."""


def card_of(agents: Mapping[str, Box], cards: Mapping[str, Box | None],
            agent: str) -> tuple[float, float, float, float] | None:
    """The frame (x, y, w, h) of the card whose row ``agent`` is, or ``None`` for an
    agent drawn alone: lines of one card's rows are compared."""
    box, card = agents.get(agent), cards.get(agent)
    if box is None or card is None or not in_card(box, card):
        return None
    return (card.x, card.y, card.w, card.h)


def weaves(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], groups: Sequence[object | None], one_agent: bool = True
           ) -> list[tuple[float, int, int]]:
    """Every (distance, line, line) where lines of one card (``groups``: the card of each
    line, ``None`` for none) cross within ``NEAR`` of where either leaves the card, or,
    of two rows, one passes within ``CLEAR`` (stroke to stroke) of the end of the
    other's stub; the distance is from the first line's start to the crossing or stub
    end, the list ordered nearest first; pairs of lines of one agent only where
    ``one_agent``. O(Σ c² · h²) over the c lines of each card, of
    h segments within reach of the card."""
    by_card: dict[object, list[int]] = {}
    for i, group in enumerate(groups):
        if group is not None and len(paths[i]) > 2:
            by_card.setdefault(group, []).append(i)
    out: list[tuple[float, int, int]] = []
    for members in by_card.values():
        xs = [paths[i][0][0] for i in members]
        ys = [paths[i][0][1] for i in members]
        reach = NEAR + math.hypot(max(xs) - min(xs), max(ys) - min(ys))
        heads = {i: _head(paths[i], reach) for i in members}
        boxes = {i: _box(heads[i]) for i in members if heads[i]}
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _side(paths[i]) != _side(paths[j]):  # stubs on either side of the card
                    continue
                if i not in boxes or j not in boxes \
                        or (not one_agent and ends[i][0] == ends[j][0]):
                    continue
                near = _between(paths[i], paths[j], heads[i], heads[j], boxes[i], boxes[j],
                                widths[i], widths[j], ends[i][0] != ends[j][0])
                if near is not None:
                    out.append((near, i, j))
    out.sort()
    return out


def _side(path: Sequence[Point]) -> bool:
    """Whether the line ``path`` leaves its card to the right (its stub's way)."""
    return path[1][0] > path[0][0]


def _head(path: Sequence[Point], reach: float) -> list[tuple[Point, Point]]:
    """The first ``HEAD`` segments of ``path`` whose boxes come within ``reach`` of its
    start (a superset of those that do): where a line may meet the others of its card."""
    sx, sy = path[0]
    out = []
    for a, b in pairwise(path[:HEAD + 1]):
        (ax, ay), (bx, by) = a, b
        lo, hi = (ax, bx) if ax < bx else (bx, ax)  # min and max, written out
        dx = lo - sx if lo > sx else (sx - hi if hi < sx else 0.0)
        lo, hi = (ay, by) if ay < by else (by, ay)
        dy = lo - sy if lo > sy else (sy - hi if hi < sy else 0.0)
        if dx * dx + dy * dy <= reach * reach:
            out.append((a, b))
    return out


def _touch(one: Sequence[Point], other: Sequence[Point], w_one: float, w_other: float
           ) -> bool:
    """Whether a bend of either line after its stub comes within ``CLEAR`` (stroke to
    stroke) of the other line near the card: the two would seem to touch there."""
    reach = NEAR + math.dist(one[0], other[0])
    room = CLEAR + (w_one + w_other) / 2
    mine, theirs = _head(one, reach), _head(other, reach)
    return any(segment_distance(bend, c, d) < room
               for segments, others in ((mine, theirs), (theirs, mine))
               for _, bend in segments[1:-1] for c, d in others)


def _box(segments: Sequence[tuple[Point, Point]]) -> tuple[float, float, float, float]:
    """The least and most x and y of ``segments`` (:func:`reach_box` of their ends)."""
    return reach_box([p for seg in segments for p in seg])


def _trouble(one: Sequence[Point], other: Sequence[Point], w_one: float, w_other: float,
             rows: bool = True) -> float | None:
    """How far from the start of ``one`` the first trouble between two lines of one card
    lies (see :func:`weaves`; a stub end passed counts only between two ``rows``, lines
    of one agent leave side by side), or ``None`` where there is none."""
    reach = NEAR + math.dist(one[0], other[0])  # a crossing within NEAR of either start
    mine, theirs = _head(one, reach), _head(other, reach)
    if not mine or not theirs:
        return None
    return _between(one, other, mine, theirs, _box(mine), _box(theirs), w_one, w_other,
                    rows)


def _between(one: Sequence[Point], other: Sequence[Point],
             mine: Sequence[tuple[Point, Point]], theirs: Sequence[tuple[Point, Point]],
             box_mine: tuple[float, float, float, float],
             box_theirs: tuple[float, float, float, float],
             w_one: float, w_other: float, rows: bool) -> float | None:
    """:func:`_trouble` of ``one`` and ``other`` given the segments of each within reach
    of the other's start (``mine``, ``theirs``) and their boxes: the rest of a line is
    too far off to cross the other near a start or pass its stub end."""
    room = CLEAR + (w_one + w_other) / 2 if rows else 0.0
    if box_mine[0] > box_theirs[1] + room or box_theirs[0] > box_mine[1] + room \
            or box_mine[2] > box_theirs[3] + room or box_theirs[2] > box_mine[3] + room:
        return None  # too far apart to cross or to pass a stub end
    near = math.inf
    start, other_start = one[0], other[0]
    for a, b in mine:
        for c, d in theirs:
            if segments_cross(a, b, c, d):
                pt = crossing_at(a, b, c, d)
                if min(math.dist(pt, start), math.dist(pt, other_start)) <= NEAR:
                    near = min(near, math.dist(pt, start))
    if not rows:
        return None if near == math.inf else near
    for segments, end in ((mine, other[1]), (theirs, one[1])):
        if any(segment_distance(end, a, b) < room for a, b in segments):
            near = min(near, math.dist(end, start))
    return None if near == math.inf else near


def unweave(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            widths: Sequence[float], skips: Sequence[Sequence[str]],
            firsts: Sequence[int], kept: list[int], agents: Mapping[str, Box],
            cards: Mapping[str, Box | None], people: Mapping[str, PersonPlace],
            frames: Sequence[Box]) -> int:
    """Repair, in place, lines of two rows of one card that cross near it or pass the end
    of the other's stub (:func:`weaves`). ``paths`` run from the agent, ``ends`` are their
    (agent, target), ``widths`` as drawn, ``skips`` the boxes each may pass, ``firsts``
    the index of each path's first bend that may move, ``kept`` how many points at the
    end of each are its fan into its person (swapped with the ways), ``agents`` and
    ``cards`` the boxes and the card of each, ``people`` and household ``frames`` as
    drawn. For at most ``TRIES`` pairs, those of two rows first (lines of one agent are
    :func:`~.systemogram_siblings.untwist`'s where a drawing is not crowded), nearest
    the card first: one line takes a new way
    from its stub's end to one of its later bends, straight where clear of every box,
    past the other's stub end where that row is in its way; or, where both lines go to
    one person, each a straight way to a later bend of the other and the rest of the
    other's way from there. A new way is kept only where the pair then neither crosses
    near the card nor passes a stub end, each line has no more such trouble with the
    other rows of its card, crosses no more lines and runs no longer beside other lines,
    and the two lines run no longer along a household frame, make no more bands nor
    longer ones and meet the other lines into their persons no more often. Returns the
    lines given a new way. O(T · b² · L · s) for T pairs, b bends tried, L lines of s
    segments."""
    groups = [card_of(agents, cards, agent) if firsts[i] == 2 else None
              for i, (agent, _) in enumerate(ends)]
    crowded = len(paths) > CROWDED  # few tries: those of two rows are enough
    found = sorted(weaves(paths, ends, widths, groups, not crowded),
                   key=lambda f: (ends[f[1]][0] == ends[f[2]][0], f))  # two rows first
    lines = _Lines(paths, ends, widths, kept, groups, people, frame_edges(frames))
    moved: set[int] = set()
    for _, i, j in found[:TRIES if crowded else FEW_TRIES]:
        rows = ends[i][0] != ends[j][0]
        if moved & {i, j} or _trouble(paths[i], paths[j], widths[i], widths[j], rows) is None:
            continue
        moved |= _repair(router, lines, skips, i, j)
    return len(moved)


Part = tuple[int, list[Point]]
"""A line (its index) and the stretch of it a new way changes, from its start."""


@dataclass
class _Lines:
    """The lines of a drawing as :func:`unweave` weighs them: their points from the
    agent, (agent, target), drawn widths, fan points at the end, cards, the people and
    the edges of the household frames."""

    paths: list[list[Point]]
    ends: Sequence[tuple[str, str]]
    widths: Sequence[float]
    kept: list[int]
    groups: Sequence[object | None]
    people: Mapping[str, PersonPlace]
    edges: Sequence[tuple[Point, Point]]

    known: list[tuple[float, float, float, float]] = field(default_factory=list)
    """The box of each line (least and most x, least and most y), once asked for."""

    @property
    def boxes(self) -> list[tuple[float, float, float, float]]:
        """The box of each line (least and most x, least and most y)."""
        if not self.known:
            self.known = [reach_box(path) for path in self.paths]
        return self.known

    def measure(self, ways: Sequence[Sequence[Point]], kept: Sequence[int],
                boxes: Sequence[tuple[float, float, float, float]], parts: Sequence[Part],
                pair: tuple[int, int], which: int,
                near: dict[int, list[tuple[int, Point, Point]]]) -> float:
        """One measure of the stretches ``parts`` of lines as in ``ways`` (the fans
        ``kept``, the lines' ``boxes``), added up: trouble with the other lines of the
        card (0, of the whole line), lines sharing no end crossed (1), length beside
        lines other than the other line of the ``pair`` (2), along a household frame
        (3), meetings with the other lines into the person (4, of the whole line), bands
        made (5) and their length (6). ``near`` keeps the segments near each stretch
        (within ``BESIDE`` and the widest stroke: none farther crosses it or runs beside
        it) from one measure to the next."""
        total = 0.0
        for k, part in parts:
            if which == 0:
                total += _troubles(ways, self.ends, self.widths, self.groups, k, ways[k])
            elif which == 3:
                total += along_frames(part, self.edges)
            elif which == 4:
                if self.ends[k][1] in self.people:
                    total += meetings(ways, self.ends, self.widths, kept, self.people, k,
                                      ways[k])
            else:
                if k not in near:
                    near[k] = near_segments(ways, k, part, BESIDE + max(self.widths), boxes)
                total += self._near_measure(ways, k, part, pair, which, near[k])
        return total

    def _near_measure(self, ways: Sequence[Sequence[Point]], k: int, part: list[Point],
                      pair: tuple[int, int], which: int,
                      near: list[tuple[int, Point, Point]]) -> float:
        """The measures of :meth:`measure` (1, 2, 5, 6) taken of the segments ``near``
        the stretch ``part`` of line ``k``."""
        if which == 1:
            mine = set(self.ends[k])
            return sum(segments_cross(a, b, c, d) for j, c, d in near
                       if mine.isdisjoint(self.ends[j]) for a, b in pairwise(part))
        if which == 2:
            other = sum(pair) - k
            return beside_length(ways, part, BESIDE, [seg for seg in near if seg[0] != other],
                                 (part[1], part[0], part[-1]))
        runs = [run for run in band_runs(ways, self.widths, k, part, near).values()
                if run > BAND_RUN]
        return len(runs) if which == 5 else sum(runs)


MEASURES = 7
"""How many measures a new way is weighed by (:meth:`_Lines.measure`)."""


def _repair(router: Router, lines: _Lines, skips: Sequence[Sequence[str]], i: int, j: int
            ) -> set[int]:
    """New ways for line ``i`` or ``j``, or both swapping the rests of their ways (see
    :func:`unweave`); the lines changed."""
    paths, ends, widths, kept = lines.paths, lines.ends, lines.widths, lines.kept
    rows = ends[i][0] != ends[j][0]
    was: dict[tuple[tuple[int, int], ...], list[float]] = {}
    nears: dict[tuple[tuple[int, int], ...], dict[int, list[tuple[int, Point, Point]]]] = {}
    cleared: dict[tuple[int, tuple[Point, ...]], bool] = {}

    def clear(k: int, way: _Way) -> bool:
        """Whether the new part of ``way`` (line ``k``) is clear of every box, once."""
        key = (k, tuple(way.part))
        if key not in cleared:
            cleared[key] = clear_at_margins(router, way.part, paths[k], skips[k], ends[k])
        return cleared[key]

    def no_worse(trial: Sequence[Sequence[Point]], trial_kept: Sequence[int],
                 new: Sequence[Part], old: Sequence[tuple[int, int]]) -> bool:
        """True when the stretches ``new`` of ``trial`` are no worse by any measure than
        the stretches (line, up to its point) ``old`` of the lines as they are (the
        cheaper measures first; the rest of each way is the same on both sides)."""
        key = tuple(old)
        before = was.setdefault(key, [])
        parts = [(k, paths[k][:m + 1]) for k, m in old]
        boxes = list(lines.boxes)
        for k, _ in new:
            boxes[k] = reach_box(trial[k])
        near_now = nears.setdefault(key, {})
        near_new: dict[int, list[tuple[int, Point, Point]]] = {}
        for which in range(MEASURES):
            if len(before) <= which:
                before.append(lines.measure(paths, kept, lines.boxes, parts, (i, j), which,
                                            near_now))
            if lines.measure(trial, trial_kept, boxes, new, (i, j), which, near_new) \
                    > before[which] + 1e-9:
                return False
        return True

    for x, y in ((j, i), (i, j)):
        for way in _ways(paths, ends, kept, x, y, widths, x):
            trial = [*paths[:x], way.path, *paths[x + 1:]]
            if _trouble(way.path, paths[y], widths[x], widths[y], rows) is None \
                    and not _touch(way.path, paths[y], widths[x], widths[y]) \
                    and clear(x, way) \
                    and no_worse(trial, kept, [(x, way.head)], [(x, way.joint)]):
                paths[x] = way.path
                lines.boxes[x] = reach_box(way.path)
                return {x}
    if ends[i][1] != ends[j][1]:
        return set()
    ways_j = _ways(paths, ends, kept, j, i, widths, i)
    swapped = list(kept)
    swapped[i], swapped[j] = kept[j], kept[i]
    for way_i in _ways(paths, ends, kept, i, j, widths, j):
        for way_j in ways_j:
            if _trouble(way_i.path, way_j.path, widths[i], widths[j], rows) is not None \
                    or _touch(way_i.path, way_j.path, widths[i], widths[j]) \
                    or not clear(i, way_i) or not clear(j, way_j):
                continue
            trial = list(paths)
            trial[i], trial[j] = way_i.path, way_j.path
            # the rests of the two ways are swapped: each old stretch up to where the
            # other line now takes over
            if no_worse(trial, swapped, [(i, way_i.head), (j, way_j.head)],
                        [(i, way_j.joint), (j, way_i.joint)]):
                paths[i], paths[j] = way_i.path, way_j.path
                kept[i], kept[j] = swapped[i], swapped[j]
                lines.boxes[i], lines.boxes[j] = reach_box(way_i.path), reach_box(way_j.path)
                return {i, j}
    return set()


@dataclass
class _Way:
    """A new way of a line: its points, the new straight part (from the stub's end), the
    stretch from its start to where it joins the old way, and the index of that point in
    the line whose rest it takes."""

    path: list[Point]
    part: list[Point]
    head: list[Point]
    joint: int


def _ways(paths: Sequence[list[Point]], ends: Sequence[tuple[str, str]],
          kept: Sequence[int], i: int, other: int, widths: Sequence[float], rest: int
          ) -> list[_Way]:
    """Other ways for line ``i`` (their new parts to be tested clear of every box): its
    stub, then straight to each later bend of line ``rest`` (itself or the other line of
    the pair) before its last segment and no later than its fan's first point
    (``kept``) that lies beyond both rows (a way back between them turns back on
    itself) and, short of the fan, goes on at least ``JOG`` units; directly or, where the
    other row lies on the way there, past the end of line ``other``'s stub; and the rest
    of that line's way from there."""
    path, tail = paths[i], paths[rest]
    start, stub_end = path[1], paths[other][1]
    side = 1.0 if _side(path) else -1.0
    past = (stub_end[0] + side * (CLEAR + ROOM + (widths[i] + widths[other]) / 2),
            stub_end[1])
    out: list[_Way] = []
    levels = sorted((start[1], stub_end[1]))
    for m in range(2, min(len(tail) - 1, len(tail) - kept[rest] + 1, 2 + BENDS)):
        if levels[0] <= tail[m][1] <= levels[1] or (
                m + 1 < len(tail) - kept[rest] and math.dist(tail[m], tail[m + 1]) < JOG):
            continue
        beyond = ends[i][0] != ends[other][0] \
            and (stub_end[1] - start[1]) * (tail[m][1] - stub_end[1]) > 0.0
        for via in ([start], [start, past]) if beyond else ([start],):
            part = [*via, tail[m]]
            out.append(_Way([path[0], *part, *tail[m + 1:]], part, [path[0], *part], m))
    return out


def _troubles(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
              widths: Sequence[float], groups: Sequence[object | None], i: int,
              path: Sequence[Point]) -> int:
    """With how many lines of the other rows of its card line ``i`` as ``path`` has
    trouble (see :func:`weaves`)."""
    if groups[i] is None:
        return 0
    return sum(_trouble(path, other, widths[i], widths[k], ends[k][0] != ends[i][0])
               is not None
               for k, other in enumerate(paths)
               if k != i and groups[k] == groups[i]
               and len(other) > 2)
