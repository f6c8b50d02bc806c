"""A couple's dates over a partnership bracket, moved along it out of the way of a line.

The dates of a partnership drawn as a bracket over the row stand over the middle of the
bracket, often right above someone standing between the partners. An emotional line coming
down into that person's top passes beside them, and a line through or along a date reads
as belonging to it. Relations keep clear of such dates where a port or corridor allows
(:meth:`.Router.near_text`); where none does, the dates move along their own bracket to the
nearest place where every emotional line keeps :data:`~.genogram_route.TEXT_CLEAR` from
them (by what it draws) and no other line passes through them. So do dates that a family
line passes through: the leg of another bracket over the row (a partner's earlier marriage)
or the line down into someone standing under the bracket. Dates that no line comes near
and none passes through stay where they are.

Cost: per bracket with dates, the segments of the emotional lines near it are found by
binary search over their bounding boxes (sorted by top, or by left where taller than wide),
so a bracket far from every line costs two searches; the places along the
bracket (one per unit) are tried only for dates a line comes near, each against the
segments and family lines near that bracket.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Final, Generic, TypeVar

from . import Box, segment_hits_box
from .genogram_clear import bounds, segment_box
from .genogram_near import Segment, line_segments
from .genogram_places import GenogramLayout, PartnershipPlace
from .genogram_relations import drawn_half
from .genogram_route import TEXT_CLEAR

__all__ = ["move_dates"]

_STEP: Final = 1.0
"""Distance between two places tried for the dates along their bracket."""
_FAMILY_CLEAR: Final = 2.0
"""Clear space kept between moved dates and a family line (or a divorce's slashes)."""
_END_CLEAR: Final = 4.0
"""How far the moved dates stay within the ends of their bracket."""


def _bracket(place: PartnershipPlace) -> tuple[float, float] | None:
    """The x extent of the horizontal of a partnership drawn as a bracket over the row
    (up from both symbols, across, and down), ``None`` for any other partner line."""
    pts = place.points
    if len(pts) != 4 or place.label_box is None:
        return None
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
    if not (x0 == x1 and x2 == x3 and y1 == y2 and y0 > y1 and y3 > y2):
        return None
    return min(x1, x2), max(x1, x2)


def move_dates(layout: GenogramLayout) -> None:
    """Move the dates over each partnership bracket that an emotional line comes within
    ``TEXT_CLEAR`` of (by what it draws), or that another family line passes through (the
    leg of another bracket, a line down into someone standing under the bracket), along
    the bracket, to the nearest place clear of every emotional line and of every other
    line (see the module docstring); in place."""
    relations: list[tuple[float, Segment, Box]] = []  # each segment, its reach and bounds
    for r in layout.relations:
        reach = drawn_half(r.kind) + TEXT_CLEAR
        relations += [(reach, s, bounds([s], reach)) for s in line_segments(r.points)]
    dated = [(k, place, span, place.label_box) for k, place in enumerate(layout.partnerships)
             if (span := _bracket(place)) is not None and place.label_box is not None]
    index = _Index(relations)
    family_index = _Index(_family_lines(layout, [box for *_, box in dated]))
    for k, place, span, box in dated:
        strip = Box(span[0], box.y, span[1] - span[0], box.h)
        family = _family_near(family_index, k, strip)
        own = place.slashes  # its own divorce slashes may reach into its dates
        through = any(segment_hits_box(*s, box) for s in family if s not in own)
        if not through and _clear_of_relations(box, index.around(box)):
            continue
        # dates moved off a family line keep as far from it as from an emotional line
        keep = TEXT_CLEAR if through else _FAMILY_CLEAR
        near = [rel for rel in relations if rel[2].overlaps(strip)]
        others = [b for b in layout.label_boxes() if b is not box and b.overlaps(strip)]
        centre = box.x + box.w / 2
        lo, hi = span[0] + _END_CLEAR + box.w / 2, span[1] - _END_CLEAR - box.w / 2
        tries = sorted((abs(n * _STEP), n * _STEP) for n in
                       range(int((lo - centre) // _STEP), int((hi - centre) // _STEP) + 1))
        for _far, dx in tries:
            moved = Box(round(box.x + dx, 2), box.y, box.w, box.h)
            if _clear_of_relations(moved, near) \
                    and not any(segment_box(s, moved) < keep for s in family) \
                    and not any(moved.overlaps(b) for b in others):
                place.label_box = moved
                place.labels = [dataclasses.replace(t, x=round(t.x + dx, 2))
                                for t in place.labels]
                break


_E = TypeVar("_E", bound=tuple[float, Segment, Box])


class _Index(Generic[_E]):
    """Segments found by where their bounds lie: those wider than tall sorted by their
    top, the others by their left. Each entry is a number (an emotional line's reach, or
    which partnership's horizontal a family segment is), the segment and its bounds. A
    drawing has hundreds of partnerships' dates and each is asked about; most segments
    lie far from any one of them."""

    def __init__(self, entries: list[_E]) -> None:
        flat = sorted((e for e in entries if e[2].h <= e[2].w), key=lambda e: e[2].y)
        tall = sorted((e for e in entries if e[2].h > e[2].w), key=lambda e: e[2].x)
        self.flat, self.tall = flat, tall
        self.tops = [e[2].y for e in flat]
        self.lefts = [e[2].x for e in tall]
        self.tallest = max((e[2].h for e in flat), default=0.0)
        self.widest = max((e[2].w for e in tall), default=0.0)

    def around(self, box: Box) -> list[_E]:
        """The entries whose bounds may overlap ``box`` (a unit more either way: at least
        every one that does)."""
        tops, lefts = self.tops, self.lefts
        return self.flat[bisect.bisect_left(tops, box.y - self.tallest - 1.0):
                         bisect.bisect_right(tops, box.bottom + 1.0)] + \
            self.tall[bisect.bisect_left(lefts, box.x - self.widest - 1.0):
                      bisect.bisect_right(lefts, box.right + 1.0)]


def _clear_of_relations(box: Box, relations: list[tuple[float, Segment, Box]]) -> bool:
    """True when every segment of the emotional lines ``relations`` keeps its reach (half
    what its line draws and ``TEXT_CLEAR``, the segment's bounds grown by it) from
    ``box``."""
    return all(not near.overlaps(box) or segment_box(s, box) >= reach
               for reach, s, near in relations)


def _family_lines(layout: GenogramLayout, dates: list[Box]) -> list[tuple[float, Segment, Box]]:
    """Every segment of the family lines and divorce slashes that reaches within
    ``_FAMILY_CLEAR`` of the height of one of ``dates``, each with the index of the
    partnership whose horizontal it is (-1 for any other) and its bounds grown by
    ``_FAMILY_CLEAR``: what :func:`_family_near` looks through. A large tree has thousands
    of segments and few dates over a bracket."""
    out: list[tuple[float, Segment, Box]] = []
    grow = _FAMILY_CLEAR
    starts: list[float] = []  # the heights of the dates, grown, merged and sorted
    ends: list[float] = []
    for y0, y1 in sorted((b.y - grow, b.bottom + grow) for b in dates):
        if ends and y0 <= ends[-1]:
            ends[-1] = max(ends[-1], y1)
        else:
            starts.append(y0)
            ends.append(y1)
    if not starts:
        return out
    segments: list[tuple[float, Segment]] = []  # each with its key (see above)
    for k, p in enumerate(layout.partnerships):
        segments += [(float(k) if j == 1 else -1.0, s)
                     for j, s in enumerate(line_segments(p.points))]
        segments += [(-1.0, (a, b)) for a, b in p.slashes if a != b]
    for c in layout.children:
        segments += [(-1.0, s) for s in line_segments(c.points)]
    for key, s in segments:
        (ax, ay), (bx, by) = s
        # min and max written out as the builtins pick (the first of equal values)
        x, y = (bx if bx < ax else ax), (by if by < ay else ay)
        y1 = by if by > ay else ay
        i = bisect.bisect_right(starts, y1) - 1
        if i < 0 or ends[i] < y:
            continue
        out.append((key, s, Box(x - grow, y - grow, (bx if bx > ax else ax) - x + 2 * grow,
                                y1 - y + 2 * grow)))
    return out


def _family_near(index: _Index[tuple[float, Segment, Box]], k: int, strip: Box
                 ) -> list[Segment]:
    """The segments of the family lines (and divorce slashes) other than partnership
    ``k``'s own horizontal that come within ``_FAMILY_CLEAR`` of ``strip``, where its
    dates may move."""
    return [s for key, s, near in index.around(strip)
            if key != k and near.overlaps(strip) and segment_box(s, strip) < _FAMILY_CLEAR]
