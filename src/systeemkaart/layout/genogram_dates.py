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
their bounding boxes, O(brackets x segments) comparisons of boxes; the places along the
bracket (one per unit) are tried only for dates a line comes near, each against the
segments and family lines near that bracket.
"""

from __future__ import annotations

import dataclasses
from typing import Final

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
    for place in layout.partnerships:
        span = _bracket(place)
        box = place.label_box
        if span is None or box is None:
            continue
        strip = Box(span[0], box.y, span[1] - span[0], box.h)
        family = _family_near(layout, place, strip)
        own = place.slashes  # its own divorce slashes may reach into its dates
        through = any(segment_hits_box(*s, box) for s in family if s not in own)
        if not through and _clear_of_relations(box, relations):
            continue
        # dates moved off a family line keep as far from it as from an emotional line
        keep = TEXT_CLEAR if through else _FAMILY_CLEAR
        near = [rel for rel in relations if rel[2].overlaps(strip)]
        others = [b for b in layout.label_boxes() if b is not box and b.overlaps(strip)]
        centre = box.x + box.w / 2
        lo, hi = span[0] + _END_CLEAR + box.w / 2, span[1] - _END_CLEAR - box.w / 2
        tries = sorted((abs(k * _STEP), k * _STEP) for k in
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


def _clear_of_relations(box: Box, relations: list[tuple[float, Segment, Box]]) -> bool:
    """True when every segment of the emotional lines ``relations`` keeps its reach (half
    what its line draws and ``TEXT_CLEAR``, the segment's bounds grown by it) from
    ``box``."""
    return all(not near.overlaps(box) or segment_box(s, box) >= reach
               for reach, s, near in relations)


def _family_near(layout: GenogramLayout, place: PartnershipPlace, strip: Box
                 ) -> list[Segment]:
    """The segments of the family lines (and divorce slashes) other than ``place``'s own
    horizontal that come within ``_FAMILY_CLEAR`` of ``strip``, where the dates of
    ``place`` may move."""
    x0, y0 = strip.x - _FAMILY_CLEAR, strip.y - _FAMILY_CLEAR
    x1, y1 = strip.right + _FAMILY_CLEAR, strip.bottom + _FAMILY_CLEAR
    out: list[Segment] = []
    lines = [p.points for p in layout.partnerships if p is not place]
    lines += [c.points for c in layout.children]
    own = line_segments(place.points)
    lines += [[a, b] for a, b in own[:1] + own[2:]]  # its ends up from the symbols
    for other in layout.partnerships:
        lines += [[a, b] for a, b in other.slashes]
    for points in lines:
        for s in line_segments(points):
            (ax, ay), (bx, by) = s
            if max(ax, bx) >= x0 and min(ax, bx) <= x1 and max(ay, by) >= y0 \
                    and min(ay, by) <= y1 and segment_box(s, strip) < _FAMILY_CLEAR:
                out.append(s)
    return out
