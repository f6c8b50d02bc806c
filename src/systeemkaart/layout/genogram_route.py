"""Orthogonal routing in a genogram: lanes in the bands between rows, corridors between boxes.

Rows hold the people's boxes; the *band* above row ``r`` (band ``r``) holds no box at all,
only horizontal line segments, each on its own *lane* so that lines never run on top of
each other. A line goes from one band to the next through a *corridor*: the free space
between two neighbouring boxes of a row. Routes are built with symbolic y values (a lane,
or an offset from a row's top) because the height of each band depends on how many lanes it
needs; :meth:`Router.resolve` turns them into coordinates once every lane is known.

Cost: a corridor look-up is a binary search, O(log n), and so is the test whether a slot
keeps clear of the lines already in its corridor (kept sorted); lanes are assigned per band with a
sweep over their intervals, O(k log k). Nothing here compares all pairs of lines or boxes.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from . import Point, round2

__all__ = ["LANE_CLASSES", "Lane", "RefPoint", "Router", "YRef"]

YRef = tuple[str, int, float]
"""A symbolic y: ``("row", r, dy)`` = row ``r``'s top + dy; ``("lane", id, 0)`` = a lane."""
RefPoint = tuple[float, YRef]

LANE_CLASSES: Final = (0, 1, 2)
"""0: sibling bars (top of a band); 1: relations and long lines; 2: partnership lanes."""
_PITCH: Final = {0: 8.0, 1: 8.0, 2: 15.0}
_PAD_TOP: Final = 10.0
_OUTLINE: Final = 5.0
"""Further room above a band's first lane when it is not a sibling bar: a household
outline runs 5-9 units below the boxes of the row above, and a relation keeps clear of it."""
_PAD_BOTTOM: Final = 16.0
_SLOT: Final = 8.0
_INF: Final = float("inf")
_TOP_CLEAR: Final = 25.0
"""Distance kept from the centre of a symbol in the row below (its top ports reach 15)."""


@dataclass(slots=True)
class Lane:
    """One horizontal track in a band, shared by nothing else that overlaps it."""

    band: int
    x1: float
    x2: float
    cls: int
    index: int = -1
    ups: list[float] = field(default_factory=list)
    """Where vertical lines leave the lane upwards (a sibling bar: the union's drop; a
    relation: where it comes down from a symbol or the row above)."""
    downs: list[float] = field(default_factory=list)
    """Where vertical lines leave the lane downwards (a sibling bar: the children)."""
    room: float = 0.0
    """Height kept free above a partnership lane for its label's further lines."""
    unused: bool = False
    """Set when the line it was made for is drawn another way: it takes no room."""


@dataclass
class Router:
    """Lanes and corridors of one genogram.

    Args:
        spans: per row, the boxes' x extents ``(left, right)`` sorted left to right.
        rows: the number of rows.
    """

    spans: dict[int, list[tuple[float, float]]]
    rows: int
    centres: dict[int, list[float]] = field(default_factory=dict)
    """Per row, the sorted centre x of its people: a line passing a row keeps clear of the
    lines that enter the symbols of the next row from the top."""
    lanes: list[Lane] = field(default_factory=list)
    _occupied: dict[tuple[int, int], list[float]] = field(default_factory=lambda: defaultdict(list))
    """Per (row, corridor), the sorted x of the vertical lines through it."""
    _lefts: dict[int, list[float]] = field(default_factory=dict)
    _room: dict[int, list[float]] = field(default_factory=dict)
    """Per band, the room above each partnership track (the most its lanes ask for)."""

    def __post_init__(self) -> None:
        self._lefts = {r: [a for a, _ in s] for r, s in self.spans.items()}

    # --- lanes -------------------------------------------------------------------------

    def lane(self, band: int, x1: float, x2: float, cls: int,
             ups: Sequence[float] = (), downs: Sequence[float] = ()) -> YRef:
        """A new lane in ``band`` covering ``x1..x2``; returns its symbolic y. ``ups`` and
        ``downs``: where lines leave it upwards and downwards (see :meth:`assign`)."""
        self.lanes.append(Lane(band, min(x1, x2), max(x1, x2), cls, -1, list(ups),
                               list(downs)))
        return ("lane", len(self.lanes) - 1, 0.0)

    def release(self, ref: YRef, unused: bool = True) -> None:
        """Let the lane ``ref`` take no room (``unused``) or take it again."""
        self.lanes[ref[1]].unused = unused

    def extend(self, ref: YRef, x: float) -> None:
        """Make the lane ``ref`` reach ``x`` as well."""
        lane = self.lanes[ref[1]]
        lane.x1 = min(lane.x1, x)
        lane.x2 = max(lane.x2, x)

    # --- corridors ---------------------------------------------------------------------

    def corridor(self, row: int, x: float) -> int:
        """The corridor of ``row`` at ``x`` (corridor k lies left of box k); inside a box,
        the nearer side."""
        lefts = self._lefts.get(row, [])
        spans = self.spans.get(row, [])
        k = bisect.bisect_right(lefts, x)
        if k > 0 and x < spans[k - 1][1]:
            left, right = spans[k - 1]
            return k - 1 if x - left <= right - x else k
        return k

    def bounds(self, row: int, k: int) -> tuple[float, float]:
        """The free x range of corridor ``k`` of ``row`` (infinite at the ends)."""
        spans = self.spans.get(row, [])
        left = spans[k - 1][1] if k > 0 else float("-inf")
        right = spans[k][0] if k < len(spans) else float("inf")
        return left, right

    def occupy(self, row: int, x: float) -> None:
        """Note a vertical line at ``x`` through ``row`` (others keep clear of it)."""
        bisect.insort(self._occupied[(row, self.corridor(row, x))], x)

    def slot(self, row: int, target: float, k: int | None = None) -> float:
        """An x for a vertical line through ``row`` near ``target``, clear of other lines.

        Uses corridor ``k`` when given, else the corridor at ``target``. When the corridor
        is full the line shares a slot rather than cross a box.
        """
        if k is None:
            k = self.corridor(row, target)
        left, right = self.bounds(row, k)
        lo, hi = left + 3.0, right - 3.0
        if lo > hi:
            lo = hi = (left + right) / 2
        taken = self._occupied[(row, k)]
        base = min(max(target, lo), hi)
        below = self.centres.get(row + 1, [])
        choice: float | None = None
        # first away from the top ports of the row below, then from the child lines there
        for clear in (_TOP_CLEAR, _SLOT, 0.0):
            for step in range(0, 40):
                cand = base + ((step + 1) // 2) * _SLOT * (1 if step % 2 else -1)
                if lo <= cand <= hi and _distance(taken, cand) >= _SLOT - 1e-9 \
                        and (not clear or _distance(below, cand) >= clear):
                    choice = cand
                    break
            if choice is not None:
                break
        if choice is None:
            choice = base
        bisect.insort(taken, choice)
        return choice

    def through(self, x: float, first_band: int, last_band: int, target: float,
                cls: int = 1, first_lane: YRef | None = None,
                via: dict[int, float] | None = None) -> list[RefPoint]:
        """A path from ``x`` on a lane of ``first_band`` down to ``target`` on a lane of
        ``last_band``, crossing each row in between through a corridor near ``target`` (or
        near ``via[row]``, where the row is best crossed)."""
        points: list[RefPoint] = []
        lane = first_lane
        for band in range(first_band, last_band):
            xc = self.slot(band, via.get(band, target) if via else target)
            if lane is None:
                lane = self.lane(band, x, xc, cls, ups=[x], downs=[xc])
            else:
                self.extend(lane, x)
                self.extend(lane, xc)
                self.lanes[lane[1]].downs.append(xc)
            points += [(x, lane), (xc, lane)]
            x = xc
            lane = None
        if lane is None:
            lane = self.lane(last_band, x, target, cls, ups=[x], downs=[target])
        else:
            self.extend(lane, x)
            self.extend(lane, target)
        points += [(x, lane), (target, lane)]
        return points

    # --- resolving ---------------------------------------------------------------------

    def assign(self) -> dict[int, dict[int, int]]:
        """Give every lane an index within its band and class; returns lane counts
        ``{band: {cls: count}}``. Interval partitioning: overlapping lanes never share."""
        groups: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, lane in enumerate(self.lanes):
            if not lane.unused:
                groups[(lane.band, lane.cls)].append(i)
        counts: dict[int, dict[int, int]] = defaultdict(lambda: dict.fromkeys(LANE_CLASSES, 0))
        lanes = self.lanes
        for (band, cls), ids in sorted(groups.items()):
            # brackets of one person's partners start at that person: the longer one
            # takes the upper lane, so the shorter one nested in it crosses none of it
            if cls == 2:
                ids.sort(key=lambda i: (lanes[i].x1, -lanes[i].x2, i))
            else:
                ids.sort(key=lambda i: (lanes[i].x1, lanes[i].x2, i))
            free: list[tuple[float, int]] = []  # (end x, lane index) of used tracks
            spare: list[int] = []
            used = 0
            for i in ids:
                lane = self.lanes[i]
                while free and free[0][0] < lane.x1 - 4.0:
                    heapq.heappush(spare, heapq.heappop(free)[1])
                if spare:
                    track = heapq.heappop(spare)
                else:
                    track = used
                    used += 1
                lane.index = track
                heapq.heappush(free, (lane.x2, track))
            if cls in (0, 1) and used > 1:  # sibling bars; relations and long lines
                used = _stack_bars(self.lanes, ids, used)
            if cls == 2:
                room = [0.0] * used
                for i in ids:
                    room[self.lanes[i].index] = max(room[self.lanes[i].index],
                                                    self.lanes[i].room)
                self._room[band] = room
            counts[band][cls] = used
        return counts

    def band_height(self, counts: dict[int, int], minimum: float, band: int = -1) -> float:
        """The height band ``band`` needs for its lanes (at least ``minimum``)."""
        need = _PAD_TOP + _PAD_BOTTOM + sum(_PITCH[c] * n for c, n in counts.items()) \
            + _first_pad(counts)
        return max(minimum, need + sum(self._room.get(band, ())))

    def lane_y(self, lane: Lane, band_top: float, counts: dict[int, int]) -> float:
        """The y of a lane, given its band's top and lane counts."""
        y = band_top + _PAD_TOP + _first_pad(counts)
        for cls in LANE_CLASSES:
            if cls == lane.cls:
                if cls == 2:
                    y += sum(self._room.get(lane.band, [])[:lane.index + 1]) + _PITCH[2] - 4.0
                return y + _PITCH[cls] * lane.index
            y += _PITCH[cls] * counts.get(cls, 0)
        return y  # pragma: no cover

    def lane_ys(self, band_top: dict[int, float],
                counts: dict[int, dict[int, int]]) -> list[float]:
        """The y of every lane (in the order the lanes were made), once lanes are assigned."""
        return [0.0 if lane.unused else self.lane_y(lane, band_top[lane.band], counts[lane.band])
                for lane in self.lanes]

    def resolve(self, points: Sequence[RefPoint], row_top: dict[int, float],
                lane_ys: list[float], dx: float = 0.0) -> list[Point]:
        """Concrete points for a symbolic path, moved right by ``dx``; repeated points are
        dropped. Coordinates are rounded to two decimals before and after the move."""
        out: list[Point] = []
        last: Point | None = None
        r2 = round2
        for x, (kind, ref, dy) in points:
            p = (r2(x), r2(lane_ys[ref] if kind == "lane" else row_top[ref] + dy))
            if p != last:
                out.append(p)
                last = p
        if len(out) > 2:
            out = _straighten(out)
        if dx == 0.0:  # rounding again would change nothing
            return out
        return [(r2(x + dx), y) for x, y in out]


_DENSE: Final = 16
"""Sibling bars are stacked by crossings only while a band has fewer than this many
overlapping pairs per bar (else the interval partitioning stays: linear time)."""


_SWAP_BARS: Final = 24
"""Overlapping sibling bars of one band up to which neighbours in the ranking may swap."""
_PASSES: Final = 3


def _stack_bars(lanes: list[Lane], ids: list[int], used: int) -> int:
    """Stack the overlapping sibling bars ``ids`` of one band (sorted by ``x1``, tracks
    assigned by interval partitioning) so that fewer lines cross; returns the tracks used.

    Where two bars overlap, the lower one's drop from its union crosses the upper bar if
    it lies within it, and the upper one's lines to its children cross the lower bar where
    they lie within it: each pair has a cost either way. Bars are ranked by how much they
    gain from being above their overlapping neighbours (ties: left first) and stacked in
    that order, each just below the overlapping bars ranked before it. The new stacking is
    kept only when it has fewer crossings than the partitioning.
    """
    pairs: list[tuple[int, int, int, int]] = []  # (a, b, cost a above b, cost b above a)
    active: list[int] = []
    for i in ids:
        lane = lanes[i]
        active = [j for j in active if lanes[j].x2 >= lane.x1 - 4.0]
        for j in active:
            pairs.append((j, i, _over(lanes[j], lane), _over(lane, lanes[j])))
        if len(pairs) > _DENSE * len(ids):
            return used
        active.append(i)
    if not any(ab != ba for _, _, ab, ba in pairs):
        return used
    gain: dict[int, int] = dict.fromkeys(ids, 0)
    near: dict[int, list[int]] = defaultdict(list)
    before = 0
    for a, b, ab, ba in pairs:
        gain[a] += ba - ab
        gain[b] += ab - ba
        near[a].append(b)
        near[b].append(a)
        before += ab if lanes[a].index < lanes[b].index else ba

    def stacked(ranked: list[int]) -> tuple[int, dict[int, int]]:
        track: dict[int, int] = {}
        for i in ranked:
            track[i] = 1 + max((track[j] for j in near[i] if j in track), default=-1)
        return sum(ab if track[a] < track[b] else ba for a, b, ab, ba in pairs), track

    ranked = sorted(ids, key=lambda i: -gain[i])
    after, track = stacked(ranked)
    # bars of equal gain: the first in the ranking is not always the better one above (a
    # step line beside the bar of its child's other union); neighbours in the ranking
    # swap while that crosses less, for a bounded number of passes
    for _ in range(_PASSES if len(ids) <= _SWAP_BARS else 0):
        better = False
        for k in range(len(ranked) - 1):
            trial = [*ranked[:k], ranked[k + 1], ranked[k], *ranked[k + 2:]]
            cost, trial_track = stacked(trial)
            if cost < after:
                ranked, after, track, better = trial, cost, trial_track, True
        if not better:
            break
    if after >= before:
        return used
    for i, t in track.items():
        lanes[i].index = t
    return max(track.values()) + 1


def _over(upper: Lane, lower: Lane) -> int:
    """Crossings when bar ``upper`` lies above bar ``lower``: ``upper``'s lines down within
    ``lower``, and ``lower``'s lines up within ``upper``."""
    eps = 1e-6
    return sum(1 for x in upper.downs if lower.x1 + eps < x < lower.x2 - eps) + \
        sum(1 for x in lower.ups if upper.x1 + eps < x < upper.x2 - eps)


def _first_pad(counts: dict[int, int]) -> float:
    """Room kept above the first lane of a band with relation lanes but no sibling bar."""
    return _OUTLINE if counts.get(1) and not counts.get(0) else 0.0


def _distance(xs: list[float], x: float) -> float:
    """Distance from ``x`` to the nearest value of the sorted list ``xs`` (inf if empty)."""
    k = bisect.bisect_left(xs, x)
    if k == len(xs):
        return x - xs[k - 1] if k else _INF
    right = xs[k] - x  # >= 0; the value left of it lies below x
    return right if k == 0 else min(x - xs[k - 1], right)


def _straighten(points: list[Point]) -> list[Point]:
    """Drop middle points of collinear runs (axis-parallel only)."""
    if len(points) < 3:
        return points
    out = [points[0]]
    for i in range(1, len(points) - 1):
        a, b, c = out[-1], points[i], points[i + 1]
        if (a[0] == b[0] == c[0] and (b[1] - a[1]) * (c[1] - b[1]) > 0) or \
                (a[1] == b[1] == c[1] and (b[0] - a[0]) * (c[0] - b[0]) > 0):
            continue
        out.append(b)
    out.append(points[-1])
    return out
