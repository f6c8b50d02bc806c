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
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from . import Point, round2
from .genogram_bars import stack_bars
from .genogram_crowded_slot import FullCorridor, crowded_slot, fallback_slot
from .genogram_slots import LINE_CLEAR, SLOT, Hold, distance, insert_line, keeps_apart

__all__ = ["FAMILY_HALF", "LANE_CLASSES", "LINE_CLEAR", "TEXT_CLEAR", "Hold", "Lane", "RefPoint",
           "Router", "YRef"]

YRef = tuple[str, int, float]
"""A symbolic y: ``("row", r, dy)`` = row ``r``'s top + dy; ``("lane", id, 0)`` = a lane."""
RefPoint = tuple[float, YRef]

LANE_CLASSES: Final = (0, 1, 2, 3)
"""0: sibling bars (top of a band); 1: relations and long lines; 2: partnership lanes;
3: relations above the sibling bars (a way that passes over a bar's end instead of
crossing the bar)."""
_PITCH: Final = {0: 8.0, 1: 8.0, 2: 15.0, 3: 8.0}
_STACK: Final = {3: 0, 0: 1, 1: 2}
"""Where each class of lane stands in a band's stack of tracks, top first (partnership
lanes come below them all)."""
_PAD_TOP: Final = 10.0
_OUTLINE: Final = 5.0
"""Further room above a band's first lane when it is not a sibling bar: a household
outline runs 5-9 units below the boxes of the row above, and a relation keeps clear of it."""
_PAD_BOTTOM: Final = 16.0
_INF: Final = float("inf")
_TOP_CLEAR: Final = 25.0
"""Distance kept from the centre of a symbol in the row below (its top ports reach 15)."""
FAMILY_HALF: Final = 0.7
"""Half the drawn width of a family line (a stroke 1.4 wide)."""
TEXT_CLEAR: Final = 4.0
"""Clear space an emotional line's drawing keeps from the edge of a box or of a
couple's dates beside the corridor it runs down."""
_LOOK: Final = 3
"""How many corridors either side an emotional line looks at for one wide enough."""


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
    slants: list[tuple[float, float]] = field(default_factory=list)
    """Lines that leave the lane downwards at a slant (twins' lines from their shared
    point): where each leaves and where it arrives."""
    stays: list[float] = field(default_factory=list)
    """The ``downs`` that arrive where they leave: at a child with no other line in (the
    ends of several lines into one child are spread over its top once the lanes have
    their heights, :mod:`.genogram_child_ends`)."""
    room: float = 0.0
    """Height kept free above a partnership lane for its label's further lines."""
    unused: bool = False
    """Set when the line it was made for is drawn another way: it takes no room."""
    half: float = FAMILY_HALF
    """Half the width of what the line draws along it: the lanes next to it keep
    :data:`LINE_CLEAR` from that, not from its centre line."""


def _empty_band() -> tuple[list[float], list[float]]:
    """A band with no vertical lines yet: the x and half widths of ``Router._bands``."""
    return [], []


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
    _halves: dict[tuple[int, int], list[float]] = field(
        default_factory=lambda: defaultdict(list))
    """Per (row, corridor), the drawn half width of each line in ``_occupied`` (same order)."""
    _bands: dict[int, tuple[list[float], list[float]]] = field(
        default_factory=lambda: defaultdict(_empty_band))
    """Per band, the sorted x of the vertical lines that reach into it from a row above or
    below, with the drawn half width of each."""
    _tracks: dict[int, tuple[list[float], list[float], float, list[float]]] = field(
        default_factory=dict)
    """Per band, the offsets of its sibling-bar tracks and of its relation tracks from the
    first one, the height they take, and the offsets of the relation tracks above the
    bars (see :meth:`assign`)."""
    _lefts: dict[int, list[float]] = field(default_factory=dict)
    _room: dict[int, list[float]] = field(default_factory=dict)
    """Per band, the room above each partnership track (the most its lanes ask for)."""
    texts: dict[int, list[tuple[float, float]]] | None = None
    """Per band, the x extents of the dates written over partnership brackets there,
    sorted (``None`` until noted, see :meth:`note_texts`): they stand below the band's
    relation lanes, so a vertical line from such a lane down into the row below passes
    beside them."""
    _widest: dict[int, float] = field(default_factory=dict)
    apart: bool = False
    """Sibling bars keep a union's drop off the line down to another union's child (see
    :func:`~.genogram_bars.stack_bars`): in the layouts drawn, not in those the search of
    orders only judges (it takes the path it took, the layout it keeps is drawn so)."""
    holds: list[Hold] | None = None
    """While set, every vertical line noted in a corridor or band is noted here too: what
    the way being built takes (see :data:`Hold`)."""
    spread_full: frozenset[int] = frozenset()
    """Which of the emotional lines that find their corridor full (counted in the order
    routed, as :attr:`ran_out`) stand where what they draw is furthest from the others'
    (see :func:`.crowded_slot`), not where they aim."""
    ran_out: list[float] = field(default_factory=list)
    """Where emotional lines that found no x clear of the lines already in their corridor
    stand (see :attr:`spread_full`)."""
    full_at: list[FullCorridor] = field(default_factory=list)
    """For each of :attr:`ran_out`, the corridor as the line found it (see
    :func:`.crowded_falls`: whether standing apart would move it)."""

    def __post_init__(self) -> None:
        self._lefts = {r: [a for a, _ in s] for r, s in self.spans.items()}

    # --- lanes -------------------------------------------------------------------------

    def lane(self, band: int, x1: float, x2: float, cls: int,
             ups: Sequence[float] = (), downs: Sequence[float] = (),
             half: float = FAMILY_HALF, slants: Sequence[tuple[float, float]] = (),
             stays: Sequence[float] = ()) -> YRef:
        """A new lane in ``band`` covering ``x1..x2``; returns its symbolic y. ``ups``,
        ``downs`` and ``slants``: where lines leave it upwards, downwards and downwards at
        a slant (see :meth:`assign`); ``half``: half the width of what the line draws (see
        :attr:`Lane.half`); ``stays``: see :attr:`Lane.stays`."""
        self.lanes.append(Lane(band, min(x1, x2), max(x1, x2), cls, -1, list(ups),
                               list(downs), list(slants), half=half, stays=list(stays)))
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

    def note_texts(self, texts: Sequence[tuple[int, float, float]]) -> None:
        """Note the texts ``(band, left, right)`` written in the bands (see :attr:`texts`)."""
        self.texts = defaultdict(list)
        for band, left, right in texts:
            self.texts[band].append((left, right))
            self._widest[band] = max(self._widest.get(band, 0.0), right - left)
        for extents in self.texts.values():
            extents.sort()

    def near_text(self, band: int, x: float, reach: float) -> bool:
        """True when a vertical line at ``x`` from a relation lane of ``band`` down into
        the row below comes within ``reach`` of a text written in that band."""
        extents = self.texts.get(band) if self.texts else None
        if not extents:
            return False
        k = bisect.bisect_left(extents, (x - reach - self._widest[band],))
        for left, right in extents[k:]:
            if left > x + reach:
                return False
            if left - reach < x < right + reach:
                return True
        return False

    def occupy(self, row: int, x: float) -> None:
        """Note a vertical line at ``x`` through ``row`` (others keep clear of it)."""
        key = (row, self.corridor(row, x))
        insert_line(self._occupied[key], self._halves[key], x, FAMILY_HALF, self.holds)
        self._in_bands(row, x, FAMILY_HALF)

    def slot(self, row: int, target: float, k: int | None = None,
             half: float | None = None, above: bool = False) -> float:
        """An x for a vertical line through ``row`` near ``target``, clear of other lines.

        Uses corridor ``k`` when given, else the corridor at ``target``. When the corridor
        is full the line shares a slot rather than cross a box. ``half``: half the width of
        what an emotional line draws (``None``: a family line); it keeps its drawing
        :data:`LINE_CLEAR` from the other lines' and :data:`TEXT_CLEAR` from the boxes and
        dates beside the corridor, and with ``above`` (it comes down into the row from a
        relation lane of the band above) from the dates written in that band too, where
        the corridor has room for that.
        """
        margin = 3.0 if half is None else max(3.0, half + TEXT_CLEAR)
        if k is None:
            k = self.corridor(row, target)
            if half is not None:
                k = self._wide_enough(row, k, target, 2 * margin)
        left, right = self.bounds(row, k)
        lo, hi = left + margin, right - margin
        if lo > hi:
            lo = hi = (left + right) / 2
        taken = self._occupied[(row, k)]
        halves = self._halves[(row, k)]
        own = FAMILY_HALF if half is None else half
        base = min(max(target, lo), hi)
        below = self.centres.get(row + 1, [])
        bands = [self._bands[b] for b in (row, row + 1)] if half is not None else []
        choice: float | None = None
        reach = own + TEXT_CLEAR if above and half is not None and self.texts else None
        # first away from the top ports of the row below, then from the child lines there;
        # an emotional line first also away from the vertical lines of the next row that
        # reach into the bands above and below this row (from their lanes there), and
        # (coming down from above) from the dates written in the band above
        tries = [(_TOP_CLEAR, bands, reach), (SLOT, bands, reach), (0.0, bands, reach)]
        tries += [(0.0, bands, None), (0.0, [], None)] if reach is not None \
            else [(0.0, [], None)]
        # a corridor open to one side (beyond the outermost box) always has room further
        # out: look as far as the lines already there could fill, or a full corridor's
        # fallback (its edge) puts the line on whatever comes down there; an emotional
        # line first looks within the usual 20 slots either way with every clearance, so
        # that it does not go round a whole row for the room kept from the top ports below
        limits = [40] if hi - lo < _INF else [40 + 6 * len(taken)]
        if half is not None and hi - lo == _INF:
            limits.insert(0, 40)
        # an emotional line in a narrow corridor may also stand at its edges: stepped from
        # the target, every x may lie within a slot of the child line below
        edges = [lo, hi] if half is not None and hi - lo < _INF else []
        for steps, (clear, apart, text) in itertools.product(limits, tries):
            for step in range(0, steps):
                cand = base + ((step + 1) // 2) * SLOT * (1 if step % 2 else -1)
                if lo <= cand <= hi and keeps_apart(taken, halves, cand, own) \
                        and (not clear or distance(below, cand) >= clear) \
                        and all(keeps_apart(xs, hs, cand, own) for xs, hs in apart) \
                        and (text is None or not self.near_text(row, cand, text)):
                    choice = cand
                    break
            if choice is not None:
                break
        if choice is None and edges and taken:
            # an emotional line finds no x clear of the lines already in a narrow corridor
            if len(self.ran_out) in self.spread_full:
                choice = crowded_slot(taken, halves, own, base, (lo, hi), below)
            self.ran_out.append(base if choice is None else choice)
            self.full_at.append(FullCorridor(taken[:], halves[:], own, base, (lo, hi), below))
        if choice is None:
            # a full corridor: the line shares a slot, best one not over the child line
            # entering a symbol of the row below (it would run down along it into the band)
            choice = fallback_slot(base, edges, below) if edges else base
        insert_line(taken, halves, choice, own, self.holds)
        self._in_bands(row, choice, own)
        return choice

    def _in_bands(self, row: int, x: float, half: float) -> None:
        """Note a vertical line at ``x`` through ``row``: it reaches into the bands above
        and below the row."""
        for band in (row, row + 1):
            insert_line(*self._bands[band], x, half, self.holds)

    def _wide_enough(self, row: int, k: int, target: float, width: float) -> int:
        """Corridor ``k`` of ``row``, or when it is narrower than ``width`` the corridor
        nearest to ``target`` that is not (within ``_LOOK`` corridors either side)."""
        left, right = self.bounds(row, k)
        if right - left >= width:
            return k
        found: tuple[float, int] | None = None
        last = len(self.spans.get(row, []))
        for j in range(max(0, k - _LOOK), min(last, k + _LOOK) + 1):
            lo, hi = self.bounds(row, j)
            if hi - lo >= width:
                away = max(lo - target, 0.0, target - hi)
                if found is None or away < found[0]:
                    found = (away, j)
        return k if found is None else found[1]

    def through(self, x: float, first_band: int, last_band: int, target: float,
                cls: int = 1, first_lane: YRef | None = None,
                via: dict[int, float] | None = None, half: float | None = None
                ) -> list[RefPoint]:
        """A path from ``x`` on a lane of ``first_band`` down to ``target`` on a lane of
        ``last_band``, crossing each row in between through a corridor near ``target`` (or
        near ``via[row]``, where the row is best crossed). ``half``: as :meth:`slot` (an
        emotional line keeps clear of the dates written in each band it comes down from).
        The last leg, down to ``target``, is the caller's to keep clear of them."""
        points: list[RefPoint] = []
        lane = first_lane
        drawn = FAMILY_HALF if half is None else half
        for band in range(first_band, last_band):
            xc = self.slot(band, via.get(band, target) if via else target, half=half,
                           above=True)
            if lane is None:
                lane = self.lane(band, x, xc, cls, ups=[x], downs=[xc], half=drawn)
            else:
                self.extend(lane, x)
                self.extend(lane, xc)
                self.lanes[lane[1]].downs.append(xc)
            points += [(x, lane), (xc, lane)]
            x = xc
            lane = None
        if lane is None:
            lane = self.lane(last_band, x, target, cls, ups=[x], downs=[target], half=drawn)
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
        halves: dict[int, tuple[list[float], list[float], list[float]]] = defaultdict(
            lambda: ([], [], []))
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
                used = stack_bars(self.lanes, ids, used, self.apart)
            if cls == 2:
                room = [0.0] * used
                for i in ids:
                    room[self.lanes[i].index] = max(room[self.lanes[i].index],
                                                    self.lanes[i].room)
                self._room[band] = room
            counts[band][cls] = used
            if cls in _STACK:
                drawn = [FAMILY_HALF] * used
                for i in ids:
                    drawn[lanes[i].index] = max(drawn[lanes[i].index], lanes[i].half)
                halves[band][_STACK[cls]][:] = drawn
        self._tracks = {}
        for band, (above, bars, rels) in halves.items():
            stacked = above + bars + rels
            offsets = _pitches(stacked)
            # below the last track: a partnership bracket's dates, or the row's boxes
            wider = stacked[-1] - FAMILY_HALF if offsets else 0.0
            height = offsets[-1] + _PITCH[1] + wider if offsets else 0.0
            n, m = len(above), len(above) + len(bars)
            self._tracks[band] = (offsets[n:m], offsets[m:], height, offsets[:n])
        return counts

    def band_height(self, counts: dict[int, int], minimum: float, band: int = -1) -> float:
        """The height band ``band`` needs for its lanes (at least ``minimum``)."""
        need = _PAD_TOP + _PAD_BOTTOM + self._stacked(band, counts) \
            + _PITCH[2] * counts.get(2, 0) + _first_pad(counts)
        return max(minimum, need + sum(self._room.get(band, ())))

    def _stacked(self, band: int, counts: dict[int, int]) -> float:
        """The height the sibling bars and relation lanes of ``band`` take."""
        tracks = self._tracks.get(band)
        if tracks is None:
            return _PITCH[0] * counts.get(0, 0) + _PITCH[1] * (counts.get(1, 0)
                                                               + counts.get(3, 0))
        return tracks[2]

    def lane_y(self, lane: Lane, band_top: float, counts: dict[int, int]) -> float:
        """The y of a lane, given its band's top and lane counts."""
        y = band_top + _PAD_TOP + _first_pad(counts)
        if lane.cls == 2:
            return y + self._stacked(lane.band, counts) \
                + sum(self._room.get(lane.band, [])[:lane.index + 1]) + _PITCH[2] - 4.0 \
                + _PITCH[2] * lane.index
        bars, relations, _height, above = self._tracks[lane.band]
        return y + (above if lane.cls == 3 else relations if lane.cls else bars)[lane.index]

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


def _first_pad(counts: dict[int, int]) -> float:
    """Room kept above the first lane of a band when it is a relation lane: the band has
    relation lanes above its sibling bars, or relation lanes and no sibling bar."""
    return _OUTLINE if counts.get(3) or (counts.get(1) and not counts.get(0)) else 0.0


def _pitches(halves: list[float]) -> list[float]:
    """Offsets from the first of tracks drawing ``halves`` either side: ``_PITCH[1]``
    apart, further where what two neighbours draw would come closer than
    :data:`LINE_CLEAR`."""
    out: list[float] = []
    y = 0.0
    for k, h in enumerate(halves):
        if k:
            y += max(_PITCH[1], halves[k - 1] + h + LINE_CLEAR)
        out.append(y)
    return out


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
