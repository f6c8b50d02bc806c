"""The concrete boxes and family lines of a genogram at one geometry, for choosing its
emotional lines (:mod:`.genogram_straight`): where a line would pass through a box, a name
or a partnership's years, and where a line with one bend could pass them."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterator
from typing import Final

from . import Box, Point, segment_entry, segment_hits_box
from .genogram_clear import FamilyClear
from .genogram_near import Segment, x_range
from .genogram_places import LABEL_LIFT, MID, SYMBOL, SYMBOL_TOP, Pending, Work, row_ref
from .genogram_relations import drawn_half
from .genogram_route import FAMILY_HALF, TEXT_CLEAR, RefPoint

__all__ = ["CLEAR", "Geometry", "Scene", "room_above"]

Geometry = tuple[dict[int, float], list[float], float]
"""Row tops, lane y values and the drawing's height (see ``genogram_resolve._geometry``)."""
CLEAR: Final = 3.0
"""How far a straight line keeps from other people's boxes at least; a line that draws
wider keeps its drawing :data:`~.genogram_route.TEXT_CLEAR` from their text (see
:func:`_room`)."""
_PAD: Final = 3.0
"""Room between a person's box and the widest line of text in it."""
_BEND_GAPS: Final[tuple[float, ...]] = (2.0, 7.0)
"""How far beyond the corner of what it avoids a line with one bend may turn."""
_BENDS: Final = 8
_BLOCKERS: Final = 2
"""How many places to bend a line at are tried (the shortest detours)."""


def room_above(pending: Pending, geometry: Geometry, top: float) -> Geometry:
    """``geometry`` with the band above the first row grown so that what every emotional
    line of ``pending`` draws stays :data:`~.genogram_route.TEXT_CLEAR` below ``top``
    (the title stands above it, or the edge of the drawing): a detour
    may turn round the top of the first row, higher than the lanes of that band reach,
    as the bands between rows grow for their lanes. Every row and lane moves down by the
    same amount, so what the lines were chosen by (crossings, clear space) holds still."""
    row_top, lane_ys, height = geometry
    highest = min(((lane_ys[ref] if kind == "lane" else row_top[ref] + dy)
                   - drawn_half(place.kind)
                   for place, path in pending.relation for _x, (kind, ref, dy) in path),
                  default=top) - TEXT_CLEAR
    if highest >= top:
        return geometry
    down = top - highest
    return ({r: y + down for r, y in row_top.items()}, [y + down for y in lane_ys],
            height + down)


class Scene:
    """Concrete boxes and family lines at one geometry (before the final shift)."""

    def __init__(self, work: Work, pending: Pending, geometry: Geometry) -> None:
        self.work = work
        self.row_top, self.lane_ys, _height = geometry
        router = work.router
        assert router is not None
        self.router = router
        segments = self.segments
        self.structural = [segments(points) for _, points, _, _, _ in pending.partner]
        self.structural += [segments(points) for _, points in pending.child]
        self._beside: FamilyClear | None = None
        self.years: list[tuple[Box, int]] = []
        """The years of each partnership, with the row their place is measured from."""
        for place, _points, _anchor, texts, text_at in pending.partner:
            if text_at is None or not texts or place.index is None:
                continue
            tx, ty = self.resolve([text_at])[0]
            width = work.label(place.index)[1]
            size = texts[0][1]
            bottom = ty - LABEL_LIFT + size * 0.25
            top = ty - LABEL_LIFT - (len(texts) - 1) * size * 1.2 - size * 0.8
            row = text_at[1][1] if text_at[1][0] == "row" else work.st.rows[place.partners[0]]
            self.years.append((Box(tx - width / 2, top, width, bottom - top), row))
        self.years.sort(key=lambda e: (e[0].x, e[0].y))
        self.years_x = [box.x for box, _row in self.years]
        self.years_widest = max((box.w for box, _row in self.years), default=0.0)
        self.rights = {r: [work.left[p] + work.widths[p] for p in ids]
                       for r, ids in work.by_row.items()}
        self.tallest = {r: max((work.heights[p] for p in ids), default=0.0)
                        for r, ids in work.by_row.items()}
        self.tallest_all = max(self.tallest.values(), default=0.0)
        self.row_order = sorted((top, r) for r, top in self.row_top.items()
                                if r in work.by_row)
        self.tops = [top for top, _r in self.row_order]

    def centre(self, pid: str) -> Point:
        """The centre of ``pid``'s symbol."""
        return self.work.centre[pid], self.row_top[self.work.st.rows[pid]] + MID

    def resolve(self, points: list[RefPoint]) -> list[Point]:
        """Concrete points of a symbolic path."""
        lane_ys, row_top = self.lane_ys, self.row_top
        return [(x, lane_ys[ref] if kind == "lane" else row_top[ref] + dy)
                for x, (kind, ref, dy) in points]

    def segments(self, points: list[RefPoint]) -> list[Segment]:
        """``line_segments(self.resolve(points))`` in one pass: the segments of a symbolic
        path at this geometry (a repeated point makes none)."""
        lane_ys, row_top = self.lane_ys, self.row_top
        out: list[Segment] = []
        p: Point | None = None
        for x, (kind, ref, dy) in points:
            q = (x, lane_ys[ref] if kind == "lane" else row_top[ref] + dy)
            if p is not None and p != q:
                out.append((p, q))
            p = q
        return out

    def clear(self, ends: tuple[str, str], line: list[Point], half: float = FAMILY_HALF
              ) -> bool:
        """True when the straight ``line`` (or one with a stub at an end) between ``ends``,
        drawing ``half`` either side, passes no one else's box, not through the names of its
        ends, and not through the years of a partnership (see :meth:`blockers`)."""
        return len(line) >= 2 and all(self._clear(ends, p, q, half)
                                      for p, q in itertools.pairwise(line)) \
            and not self._family_clear().beside(line, half, [self.centre(pid) for pid in ends])

    def _family_clear(self) -> FamilyClear:
        """The family lines filed for :meth:`clear` (made when first asked)."""
        if self._beside is None:
            self._beside = FamilyClear(self.structural)
        return self._beside

    def _clear(self, ends: tuple[str, str], p: Point, q: Point, half: float) -> bool:
        return next(self.blockers(ends, p, q, half), None) is None

    def bends(self, ends: tuple[str, str], lines: list[list[Point]],
              half: float = FAMILY_HALF) -> list[RefPoint]:
        """Where a line with one bend could pass what the straight ``lines`` between
        ``ends`` (the first through the centres) meet (boxes, names, years; of lines that
        meet at most ``_BLOCKERS`` things: one bend passes no more): just beyond their
        corners, the shortest detour from the first line first. ``half``: as
        :meth:`blockers`."""
        if not lines or len(lines[0]) != 2:
            return []
        p, q = lines[0]
        found: set[tuple[Box, int]] = set()
        for line in lines:
            met = [e for s, t in itertools.pairwise(line)
                   for e in itertools.islice(self.blockers(ends, s, t, half), _BLOCKERS + 1)]
            if len(met) <= _BLOCKERS:
                found.update(met)
        corners = sorted({(math.dist(p, (x, y)) + math.dist((x, y), q), x, y, row)
                          for box, row in found for gap in _BEND_GAPS
                          for x in (box.x - gap, box.right + gap)
                          for y in (box.y - gap, box.bottom + gap)})
        return [(x, row_ref(row, y - self.row_top[row])) for _d, x, y, row in corners[:_BENDS]]

    def near(self, ends: tuple[str, str], line: list[Point], half: float = FAMILY_HALF
             ) -> bool:
        """True when the straight ``line`` meets at most ``_BLOCKERS`` things (boxes,
        names, years): a line from another port or with one bend may pass them. ``half``:
        as :meth:`blockers`."""
        return sum(1 for s, t in itertools.pairwise(line)
                   for _e in itertools.islice(self.blockers(ends, s, t, half), _BLOCKERS + 1)
                   ) <= _BLOCKERS

    def blockers(self, ends: tuple[str, str], p: Point, q: Point, half: float = FAMILY_HALF
                 ) -> Iterator[tuple[Box, int]]:
        """The boxes (grown by the room kept from them) that ``p``-``q`` passes through,
        each with the row it stands in: everyone's but the names under the symbols of
        ``ends``, and the years of partnerships. A line drawing ``half`` either side keeps
        its drawing :data:`~.genogram_route.TEXT_CLEAR` from the text in them."""
        work = self.work
        left, widths, heights = work.left, work.widths, work.heights
        grow = max(CLEAR, half + TEXT_CLEAR - _PAD)
        lo_y, hi_y = min(p[1], q[1]) - grow - 1.0, max(p[1], q[1]) + grow + 1.0
        first = bisect.bisect_left(self.tops, lo_y - self.tallest_all)
        for top, row in self.row_order[first:bisect.bisect_right(self.tops, hi_y)]:
            # the part of the line beside the boxes of this row
            span = x_range((p, q), top - grow - 1.0,
                           top + self.tallest.get(row, 0.0) + grow + 1.0)
            if span is None:
                continue
            x0, x1 = span
            ids = work.by_row.get(row, [])
            k = bisect.bisect_left(self.rights[row], x0 - grow) if ids else 0
            last = x1 + grow
            while k < len(ids) and left[ids[k]] <= last:  # the boxes reaching into the span
                pid = ids[k]
                k += 1
                x, w, h = left[pid], widths[pid], heights[pid]
                if pid in ends:
                    below = SYMBOL_TOP + SYMBOL + work.drops.get(pid, 0.0) + 1.0
                    names = Box(x, top + below, w, h - below)
                    if names.h > 0 and segment_hits_box(p, q, names):
                        yield names, row
                    continue
                # segment_hits_box(p, q, Box(x, top, w, h).grow(grow)), its sums as written
                gx, gy = x - grow, top - grow
                if segment_entry(p, q, gx + 0.5, gy + 0.5, gx + (w + 2 * grow) - 0.5,
                                 gy + (h + 2 * grow) - 0.5) is not None:
                    yield Box(gx, gy, w + 2 * grow, h + 2 * grow), row
        lo, hi = min(p[0], q[0]), max(p[0], q[0])
        top_y, bottom_y = min(p[1], q[1]), max(p[1], q[1])
        room = half + TEXT_CLEAR
        first = bisect.bisect_left(self.years_x, lo - self.years_widest - room)
        for years, row in self.years[first:bisect.bisect_right(self.years_x, hi + room)]:
            # wholly above or below the line (by more than rounding): not met (a long line
            # has the years of whole rows of couples within its span of x)
            if years.y - room > bottom_y + 1.0 or years.bottom + room < top_y - 1.0:
                continue
            if segment_hits_box(p, q, years.grow(room)):
                yield years.grow(room), row

