"""Lines kept for asking which of them a new segment crosses or runs along.

Two indexes, both answering exactly what comparing the segment with every kept line would:

- :class:`LineIndex`, for the few emotional lines, which come and go: their horizontal
  segments sorted by y, their vertical ones by x;
- :class:`FamilyLines`, for the many partner and child lines, which stay: their horizontal
  segments grouped by their y (a handful of rows and lanes) and sorted by x, their vertical
  ones grouped by their span of y and sorted by x. A horizontal or vertical segment counts
  the lines it crosses by binary search, without looking at them one by one (only those
  ending within ``_EDGE`` of it are compared exactly); a slanted one looks only at the
  lines near it. Family lines that are slanted (twin lines) or shorter than ``2 * _EDGE``
  are grouped by their span of y and sorted by x.

A segment *crosses* a line when :func:`~systeemkaart.layout.proper_cross` says so; it
*runs along* it (:func:`runs_along`) when it stays within ``NEAR`` of it for more than
``ALONG`` units.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator
from operator import itemgetter
from typing import Final

from . import Point, proper_cross

__all__ = ["ALONG", "NEAR", "FamilyLines", "LineIndex", "Segment", "in_disk", "kind",
           "line_segments", "runs_along", "segment_points", "stretch_within", "x_range"]

Segment = tuple[Point, Point]


def line_segments(points: list[Point]) -> list[Segment]:
    """The segments of a line through ``points`` (a repeated point makes none)."""
    return [(p, q) for p, q in itertools.pairwise(points) if p != q]


def segment_points(segs: list[Segment]) -> list[Point]:
    """The points of the line made of the (non-empty) segments ``segs``, joined end to
    start: what :func:`line_segments` was made from, less repeated points."""
    return [p for p, _q in segs] + [segs[-1][1]]

NEAR: Final = 4.0
ALONG: Final = 10.0
"""A line closer than ``NEAR`` to another for more than ``ALONG`` runs along it."""


_STEEP: Final = 2 * NEAR / ALONG * 1.02
"""Sine of the angle beyond which two lines cannot run along each other (see
:func:`_across`)."""
_CROSS_SINE: Final = 0.5
"""Sine of the angle (30 degrees) from which two segments that cross each other are seen
to cross, not to run along each other, however long their stretch within ``NEAR`` (at
that angle 16 units)."""
_EDGE: Final = 1e-3
"""Beyond this distance from a line's end, a crossing is certain without computing it
(:func:`~systeemkaart.layout.proper_cross` needs a product of two distances above 1e-6)."""


class LineIndex:
    """Segments kept for counting crossings and finding lines run along: the horizontal
    ones sorted by their y, the vertical ones by their x, the slanted ones (few) as they
    come. A query looks only at the horizontal segments within the y and the vertical ones
    within the x of its box, and at every slanted one.

    (A grid of squares did this before; the emotional lines of a large drawing are long,
    so each one lay in a hundred squares and a query met each neighbour many times over:
    a third of a 3,000-person family's emotional-line choice.)
    """

    def __init__(self) -> None:
        self.segs: list[tuple[Segment, int]] = []
        self.extent: list[tuple[float, float, float, float]] = []
        """Per kept segment: its least and greatest x and y."""
        self.keys: tuple[list[float], list[float]] = ([], [])
        """The y of the horizontal segments and the x of the vertical ones, sorted."""
        self.ids: tuple[list[int], list[int]] = ([], [])
        """The segments (by number) in the order of :attr:`keys`."""
        self.slanted: list[int] = []
        self.owned: dict[int, list[int]] = defaultdict(list)

    def add(self, segs: list[Segment], owner: int = -(10**9)) -> None:
        """Add a line's segments; ``owner`` names the relation they belong to."""
        for s in segs:
            n = len(self.segs)
            self.segs.append((s, owner))
            (a, b), (c, d) = s
            self.extent.append((min(a, c), max(a, c), min(b, d), max(b, d)))
            self.owned[owner].append(n)
            k = kind(s)
            if k == 2:
                self.slanted.append(n)
            else:
                key = b if k == 0 else a
                at = bisect.bisect_right(self.keys[k], key)
                self.keys[k].insert(at, key)
                self.ids[k].insert(at, n)

    def remove(self, owner: int) -> None:
        """Forget the segments of relation ``owner``."""
        for n in self.owned.pop(owner, []):
            s = self.segs[n][0]
            k = kind(s)
            if k == 2:
                self.slanted.remove(n)
                continue
            keys, ids = self.keys[k], self.ids[k]
            at = bisect.bisect_left(keys, s[0][1] if k == 0 else s[0][0])
            while ids[at] != n:
                at += 1
            del keys[at], ids[at]

    def _near(self, s: Segment, kinds: tuple[int, ...]) -> Iterator[tuple[Segment, int]]:
        """The kept segments of ``kinds`` (0 horizontal, 1 vertical, 2 slanted) that come
        within ``NEAR`` of the bounding box of ``s``."""
        segs, extent = self.segs, self.extent
        (x1, y1), (x2, y2) = s
        x0, x3 = (x1, x2) if x1 < x2 else (x2, x1)
        y0, y3 = (y1, y2) if y1 < y2 else (y2, y1)
        x0, y0, x3, y3 = x0 - NEAR, y0 - NEAR, x3 + NEAR, y3 + NEAR
        for k in kinds:
            if k == 2:
                found: list[int] = self.slanted
            else:
                keys = self.keys[k]
                lo, hi = (y0, y3) if k == 0 else (x0, x3)
                found = self.ids[k][bisect.bisect_left(keys, lo):bisect.bisect_right(keys, hi)]
            for n in found:
                lo_x, hi_x, lo_y, hi_y = extent[n]
                if hi_x >= x0 and lo_x <= x3 and hi_y >= y0 and lo_y <= y3:
                    yield segs[n]

    def crossings(self, segs: list[Segment]) -> int:
        """How many times the line ``segs`` properly crosses the segments kept here."""
        return sum(1 for s in segs for t, _ in self._near(s, _CROSSING[kind(s)])
                   if proper_cross(s, t))

    def along(self, s: Segment, owner: int) -> bool:
        """True when ``s`` runs along a kept segment (not ``owner``'s own) for a while."""
        return any(o != owner and runs_along(s, t)
                   for t, o in self._near(s, _ALONGSIDE[kind(s)]))

    def crossing_owners(self, segs: list[Segment], owner: int) -> set[int]:
        """The relations (other than ``owner``) whose kept lines ``segs`` cross."""
        return {o for s in segs for t, o in self._near(s, _CROSSING[kind(s)])
                if o != owner and proper_cross(s, t)}

    def measure(self, segs: list[Segment], owner: int) -> tuple[int, int]:
        """How many of the segments ``segs`` run along a kept segment (not ``owner``'s
        own), and how many times they cross one: :meth:`along` and :meth:`crossings` in
        one look at the cells."""
        alongs = crossed = 0
        for s in segs:
            found = False
            ks = kind(s)
            for t, o in self._near(s, _ALL_KINDS):
                if proper_cross(s, t):
                    crossed += 1
                if found or o == owner or (ks == 0 and t[0][0] == t[1][0]) \
                        or (ks == 1 and t[0][1] == t[1][1]):
                    continue  # at right angles: never along
                found = runs_along(s, t)
            alongs += found
        return alongs, crossed


class _Intervals:
    """The horizontal segments of one y: sorted by their left end (with the greatest right
    end so far) and by their right end."""

    def __init__(self, segs: list[tuple[float, float, Segment]]) -> None:
        segs.sort(key=itemgetter(0))
        self.los = [lo for lo, _hi, _s in segs]
        self.by_lo = [s for _lo, _hi, s in segs]
        self.his_by_lo = [hi for _lo, hi, _s in segs]
        reach, most = [], -math.inf
        for _lo, hi, _s in segs:
            if hi > most:  # as max(most, hi)
                most = hi
            reach.append(most)
        self.reach = reach
        ends = sorted(segs, key=itemgetter(1))
        self.his = [hi for _lo, hi, _s in ends]
        self.by_hi = [s for _lo, _hi, s in ends]

    def overlapping(self, a: float, b: float) -> Iterator[Segment]:
        """The segments that reach into ``a..b``."""
        k = bisect.bisect_right(self.los, b) - 1
        reach, his, by_lo = self.reach, self.his_by_lo, self.by_lo
        while k >= 0 and reach[k] >= a:
            if his[k] >= a:
                yield by_lo[k]
            k -= 1

    def inside(self, x: float) -> int:
        """How many segments reach beyond ``x`` by more than ``_EDGE`` on both sides (all
        are longer than ``2 * _EDGE``, so each one ending before ``x + _EDGE`` begins before
        ``x - _EDGE``)."""
        return bisect.bisect_left(self.los, x - _EDGE) - bisect.bisect_right(self.his, x + _EDGE)

    def ending_near(self, x: float) -> Iterator[Segment]:
        """The segments with an end within ``_EDGE`` of ``x``."""
        los, his = self.los, self.his
        yield from self.by_lo[bisect.bisect_left(los, x - _EDGE):
                              bisect.bisect_right(los, x + _EDGE)]
        yield from self.by_hi[bisect.bisect_left(his, x - _EDGE):
                              bisect.bisect_right(his, x + _EDGE)]


class _Span:
    """The vertical segments from one y to another, sorted by x."""

    def __init__(self, lo: float, hi: float, segs: list[tuple[float, Segment]]) -> None:
        segs.sort(key=itemgetter(0))
        self.lo, self.hi = lo, hi
        self.xs = [x for x, _s in segs]
        self.segs = [s for _x, s in segs]

    def between(self, a: float, b: float) -> list[Segment]:
        """The segments at ``a <= x <= b``."""
        return self.segs[bisect.bisect_left(self.xs, a):bisect.bisect_right(self.xs, b)]

    def inside(self, a: float, b: float) -> int:
        """How many segments stand at ``a < x < b``."""
        return max(0, bisect.bisect_left(self.xs, b) - bisect.bisect_right(self.xs, a))


class FamilyLines:
    """The partner and child lines, kept for counting what a new segment crosses and
    finding whether it runs along one of them (see the module docstring)."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        rows: dict[float, list[tuple[float, float, Segment]]] = defaultdict(list)
        spans: dict[tuple[float, float], list[tuple[float, Segment]]] = defaultdict(list)
        others: dict[tuple[float, float], list[tuple[float, float, Segment]]] = \
            defaultdict(list)
        columns: list[tuple[float, float, float, Segment]] = []
        edge2 = 2 * _EDGE
        for segs in lines:  # min and max written out (as they choose between equals)
            for s in segs:
                (x1, y1), (x2, y2) = s
                if y1 == y2:
                    lo, hi = (x1 if x1 <= x2 else x2), (x1 if x1 >= x2 else x2)
                    if hi - lo > edge2:
                        rows[y1].append((lo, hi, s))
                        continue
                    others[(y1, y1)].append((lo, hi, s))
                    continue
                lo, hi = (y1 if y1 <= y2 else y2), (y1 if y1 >= y2 else y2)
                if x1 == x2 and hi - lo > edge2:
                    spans[(lo, hi)].append((x1, s))
                    columns.append((x1, lo, hi, s))
                else:
                    others[(lo, hi)].append(((x1 if x1 <= x2 else x2),
                                             (x1 if x1 >= x2 else x2), s))
        self.others = [(lo, hi, _Intervals(segs)) for (lo, hi), segs in sorted(others.items())]
        self.others_lo = [lo for lo, _hi, _group in self.others]
        self.others_tallest = max((hi - lo for lo, hi, _group in self.others), default=0.0)
        """Slanted and very short segments, grouped by their span of y."""
        self.ys = sorted(rows)
        self.rows = {y: _Intervals(segs) for y, segs in rows.items()}
        self.spans = [_Span(lo, hi, segs) for (lo, hi), segs in sorted(spans.items())]
        self.span_los = [span.lo for span in self.spans]
        columns.sort()
        self.column_xs = [x for x, _lo, _hi, _s in columns]
        self.columns = columns
        self._at: dict[float, list[_Span]] = {}
        self._close_memo: dict[Segment, list[Segment]] = {}
        """The last slanted segments asked about, with :meth:`_close`'s answer: whether a
        segment runs along a line and what it crosses are mostly asked one after the
        other."""
        self._crossed: dict[Segment, int] = {}
        """Per segment asked about, how many family lines it crosses."""
        self._along: dict[Segment, bool] = {}
        """Per segment asked about, whether it runs along a family line."""
        self._others_of: dict[Segment, list[Segment]] = {}
        """Per segment asked about, :meth:`_others` of it."""

    def _spans_at(self, y: float) -> list[_Span]:
        """The spans that reach within ``_EDGE`` of ``y`` (kept per ``y``: the lanes and rows
        are few)."""
        got = self._at.get(y)
        if got is None:
            got = [span for span in self.spans if span.lo <= y + _EDGE and span.hi >= y - _EDGE]
            self._at[y] = got
        return got

    def _close(self, s: Segment) -> Iterator[Segment]:
        """The axis-parallel family segments that may come within ``NEAR`` of ``s``."""
        (_, y1), (_, y2) = s
        lo_y, hi_y = min(y1, y2), max(y1, y2)
        ys = self.ys
        for y in ys[bisect.bisect_left(ys, lo_y - NEAR):bisect.bisect_right(ys, hi_y + NEAR)]:
            got = x_range(s, y - NEAR, y + NEAR, NEAR)
            if got is not None:
                yield from self.rows[y].overlapping(*got)
        spans = self.spans  # sorted by their top: those below hi_y + NEAR are a prefix
        for span in spans[:bisect.bisect_right(self.span_los, hi_y + NEAR)]:
            if span.hi >= lo_y - NEAR:
                got = x_range(s, span.lo - NEAR, span.hi + NEAR, NEAR)
                if got is not None:
                    yield from span.between(*got)
        yield from self._others(s)

    def _close_list(self, s: Segment) -> list[Segment]:
        """:meth:`_close` of ``s`` as a list, remembered for the last few segments."""
        got = self._close_memo.get(s)
        if got is None:
            if len(self._close_memo) >= _REMEMBERED:
                self._close_memo.clear()
            got = self._close_memo[s] = list(self._close(s))
        return got

    def _others(self, s: Segment) -> list[Segment]:
        """The slanted and very short family segments that may come within ``NEAR`` of
        ``s``, worked out once per segment (whether a segment crosses a family line and
        whether it runs along one are both asked of most segments)."""
        got = self._others_of.get(s)
        if got is None:
            got = self._others_of[s] = list(self._find_others(s))
        return got

    def _find_others(self, s: Segment) -> Iterator[Segment]:
        """:meth:`_others` of a segment not asked about before."""
        lo_y, hi_y = min(s[0][1], s[1][1]), max(s[0][1], s[1][1])
        first = bisect.bisect_left(self.others_lo, lo_y - NEAR - self.others_tallest)
        last = bisect.bisect_right(self.others_lo, hi_y + NEAR)
        for lo, hi, group in self.others[first:last]:
            if hi >= lo_y - NEAR and lo <= hi_y + NEAR:
                got = x_range(s, lo - NEAR, hi + NEAR, NEAR)
                if got is not None:
                    yield from group.overlapping(*got)

    def crossings(self, segs: list[Segment]) -> int:
        """How many times the line ``segs`` properly crosses a family line (each segment's
        count worked out once: the ways of one relation share their legs, and the same
        segments are asked about again when a choice is checked)."""
        count = 0
        known = self._crossed
        for s in segs:
            got = known.get(s)
            if got is None:
                got = known[s] = self._crossings_of(s)
            count += got
        return count

    def _crossings_of(self, s: Segment) -> int:
        """How many times the segment ``s`` properly crosses a family line."""
        (x1, y1), (x2, y2) = s
        if y1 == y2 and abs(x2 - x1) > 4 * _EDGE:
            count = self._across(y1, min(x1, x2), max(x1, x2), s)
        elif x1 == x2 and abs(y2 - y1) > 4 * _EDGE:
            count = self._down(x1, min(y1, y2), max(y1, y2), s)
        else:
            return sum(1 for t in self._close_list(s) if proper_cross(s, t))
        return count + sum(1 for t in self._others(s) if proper_cross(s, t))

    def _across(self, y: float, a: float, b: float, s: Segment) -> int:
        """Crossings of the horizontal ``s`` (at ``y``, from ``a`` to ``b``) with vertical
        family segments: counted where certain, computed near their ends and its own."""
        count = 0
        for span in self._spans_at(y):
            if span.lo < y - _EDGE and span.hi > y + _EDGE:
                count += span.inside(a + _EDGE, b - _EDGE)
                near = span.between(a - _EDGE, a + _EDGE) + span.between(b - _EDGE, b + _EDGE)
            else:
                near = span.between(a - _EDGE, b + _EDGE)
            count += sum(1 for t in near if proper_cross(s, t))
        return count

    def _down(self, x: float, a: float, b: float, s: Segment) -> int:
        """Crossings of the vertical ``s`` (at ``x``, from ``a`` to ``b``) with horizontal
        family segments, as :meth:`_across`."""
        count = 0
        ys = self.ys
        for y in ys[bisect.bisect_left(ys, a - _EDGE):bisect.bisect_right(ys, b + _EDGE)]:
            row = self.rows[y]
            if a + _EDGE < y < b - _EDGE:
                count += row.inside(x)
                near: Iterator[Segment] = row.ending_near(x)
            else:
                near = row.overlapping(x - _EDGE, x + _EDGE)
            count += sum(1 for t in near if proper_cross(s, t))
        return count

    def along(self, s: Segment) -> bool:
        """True when ``s`` runs along a family line for a while (a horizontal or vertical
        ``s`` is compared with the lines parallel to it here, as :func:`runs_along` does);
        each segment's answer worked out once, as :meth:`crossings`."""
        got = self._along.get(s)
        if got is None:
            got = self._along[s] = self._along_of(s)
        return got

    def _along_of(self, s: Segment) -> bool:
        """:meth:`along` of a segment not asked about before."""
        (x1, y1), (x2, y2) = s
        if y1 == y2:
            ys = self.ys
            a, b = min(x1, x2), max(x1, x2)
            for y in ys[bisect.bisect_left(ys, y1 - NEAR):bisect.bisect_right(ys, y1 + NEAR)]:
                if abs(y1 - y) < NEAR:
                    for t in self.rows[y].overlapping(a + ALONG, b - ALONG):
                        (p, _), (q, _) = t
                        if min(max(p, q), b) - max(min(p, q), a) > ALONG:
                            return True
        elif x1 == x2:
            a, b = min(y1, y2), max(y1, y2)
            xs = self.column_xs
            for x, top, bottom, _t in self.columns[bisect.bisect_left(xs, x1 - NEAR):
                                                   bisect.bisect_right(xs, x1 + NEAR)]:
                if abs(x1 - x) < NEAR and min(bottom, b) - max(top, a) > ALONG:
                    return True
        else:
            return any(runs_along(s, t) for t in self._close_list(s) if not _across(s, t))
        return any(runs_along(s, t) for t in self._others(s) if not _across(s, t))


def _across(s: Segment, t: Segment) -> bool:
    """True when ``s`` and ``t`` meet at so wide an angle that ``s`` cannot run along
    ``t``: the part of a line within ``NEAR`` of another is at most ``2 * NEAR / sin``
    of the angle between them long, here under ``ALONG`` (with a margin for rounding)."""
    (px, py), (qx, qy) = s
    (ax, ay), (bx, by) = t
    dx, dy, ex, ey = qx - px, qy - py, bx - ax, by - ay
    return abs(dx * ey - dy * ex) > _STEEP * math.hypot(dx, dy) * math.hypot(ex, ey)


def x_range(s: Segment, lo: float, hi: float, pad: float = 0.0) -> tuple[float, float] | None:
    """The least and greatest x of the part of ``s`` at ``lo <= y <= hi``, widened by
    ``pad``; ``None`` when no part is there."""
    (x1, y1), (x2, y2) = s
    if y1 == y2:
        if not lo <= y1 <= hi:
            return None
        xa, xb = x1, x1 + (x2 - x1)  # as at 0 and 1 along below (not x2: the last bit)
    else:  # min and max written out, each keeping the first of equal values as they do
        ta, tb = (lo - y1) / (y2 - y1), (hi - y1) / (y2 - y1)
        if tb < ta:
            ta, tb = tb, ta  # now ta is min(ta, tb), tb max(ta, tb)
        u0 = ta if ta > 0.0 else 0.0
        u1 = tb if tb < 1.0 else 1.0
        if u0 > u1:
            return None
        xa, xb = x1 + (x2 - x1) * u0, x1 + (x2 - x1) * u1
    if xb < xa:
        return xb - pad, xa + pad
    return xa - pad, xb + pad


_REMEMBERED: Final = 64
"""How many slanted segments :class:`FamilyLines` remembers the nearby lines of."""
_ALL_KINDS: Final = (0, 1, 2)
_CROSSING: Final = ((1, 2), (0, 2), (0, 1, 2))
"""Per kind of segment, the kinds that can cross it (two horizontals never cross)."""
_ALONGSIDE: Final = ((0, 2), (1, 2), (0, 1, 2))
"""Per kind of segment, the kinds that can run along it (not those at right angles)."""


def kind(s: Segment) -> int:
    """0 for a horizontal segment, 1 for a vertical one, 2 for a slanted one."""
    return 0 if s[0][1] == s[1][1] else 1 if s[0][0] == s[1][0] else 2


def runs_along(s: Segment, t: Segment) -> bool:
    """True when ``s`` keeps within ``NEAR`` of ``t`` for more than ``ALONG`` units, unless
    the two cross at 30 degrees or more (``_CROSS_SINE``): a reader sees them cross.

    The points within ``NEAR`` of ``t`` form a capsule (a convex shape), so the part of
    ``s`` inside it is one stretch: where ``s`` enters the disks at ``t``'s ends or the band
    along ``t``, from the first entry to the last exit.
    """
    (px, py), (qx, qy) = s
    (ax, ay), (bx, by) = t
    if (py == qy and ay == by) or (px == qx and ax == bx):  # parallel on one axis
        if py == qy:
            across, lo, hi, a, b = (abs(py - ay), min(px, qx), max(px, qx), min(ax, bx),
                                    max(ax, bx))
        else:
            across, lo, hi, a, b = (abs(px - ax), min(py, qy), max(py, qy), min(ay, by),
                                    max(ay, by))
        return across < NEAR and min(hi, b) - max(lo, a) > ALONG
    if (py == qy and ax == bx) or (px == qx and ay == by):  # at right angles
        return False
    dx, dy = qx - px, qy - py
    length = math.hypot(dx, dy)
    if length <= ALONG:
        return False
    tl = math.hypot(bx - ax, by - ay)
    if abs(dx * (by - ay) - dy * (bx - ax)) >= _CROSS_SINE * length * tl and proper_cross(s, t):
        return False  # crossing at a clear angle: a crossing, not a line on a line
    span = stretch_within(s, t, NEAR, closed=True)
    return span is not None and (span[1] - span[0]) * length > ALONG


def stretch_within(s: Segment, t: Segment, reach: float, closed: bool
                   ) -> tuple[float, float] | None:
    """The stretch ``(u0, u1)`` of ``s`` (``u`` from 0 at its start to 1 at its end)
    closer than ``reach`` to segment ``t``, or ``None``: those points form a capsule
    round ``t`` (a band along it and a disk round each end), so they are one stretch.
    Where ``s`` runs exactly parallel or square to ``t``, a start on the band's edge
    counts as inside when ``closed``. What "runs along" and the clear space between
    lines (:mod:`.genogram_clear`) both measure."""
    (px, py), (qx, qy) = s
    (ax, ay), (bx, by) = t
    dx, dy = qx - px, qy - py
    tl = math.hypot(bx - ax, by - ay)
    spans = [in_disk(s, end, reach) for end in t]
    if tl > 0:
        ex, ey = (bx - ax) / tl, (by - ay) / tl
        lo, hi = 0.0, 1.0  # clip the line to the band: 0 <= along t <= tl, |across| < r
        for start, rate, low, high in (
                ((px - ax) * ex + (py - ay) * ey, dx * ex + dy * ey, 0.0, tl),
                ((px - ax) * -ey + (py - ay) * ex, dx * -ey + dy * ex, -reach, reach)):
            if rate == 0:
                if not (low <= start <= high if closed else low < start < high):
                    lo, hi = 1.0, 0.0
                continue
            u1, u2 = (low - start) / rate, (high - start) / rate
            lo, hi = max(lo, min(u1, u2)), min(hi, max(u1, u2))
        spans.append((lo, hi) if lo < hi else None)
    got = [span for span in spans if span is not None]
    if not got:
        return None
    lo = max(0.0, min(span[0] for span in got))
    hi = min(1.0, max(span[1] for span in got))
    return (lo, hi) if lo < hi else None


def in_disk(s: Segment, centre: Point, radius: float = NEAR) -> tuple[float, float] | None:
    """The stretch ``(u0, u1)`` of the line through ``s`` (``u`` from 0 at its start to 1
    at its end) closer than ``radius`` to ``centre``, or ``None``: where a line passes
    the end of another (the parts near a shared end do not count as running along)."""
    (px, py), (qx, qy) = s
    dx, dy = qx - px, qy - py
    fx, fy = px - centre[0], py - centre[1]
    a = dx * dx + dy * dy
    b = 2 * (dx * fx + dy * fy)
    c = fx * fx + fy * fy - radius * radius
    disc = b * b - 4 * a * c
    if a == 0 or disc <= 0:
        return None
    root = math.sqrt(disc)
    return (-b - root) / (2 * a), (-b + root) / (2 * a)
