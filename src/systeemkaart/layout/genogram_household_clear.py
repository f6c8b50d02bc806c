"""How clear a genogram's emotional lines keep of the household outlines, as drawn.

A dashed household outline that an emotional line runs beside, a few units off, reads as
one line with it: the reader cannot tell where the household ends or which way the
relation goes. A line that crosses an outline (it enters or leaves the household) is
fine; one that runs along an edge is not. :func:`lines_along_outlines` measures that on a
finished layout in the terms of :func:`~.genogram_near.runs_along` (closer than ``NEAR``
for more than ``ALONG`` units, unless the two cross at a clear angle), for the tests and
the benchmark; the outline itself keeps off the lines (:mod:`.genogram_households`).

Cost: every segment of an emotional line is compared with the edges of the outlines
whose box (grown by ``NEAR``) it meets: linear in the lines times the households they
pass, which are few.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final

from . import Box, Point
from .genogram_clear import bounds
from .genogram_near import NEAR, Segment, line_segments, runs_along, stretch_within
from .genogram_places import AxisSegment, GenogramLayout, HouseholdPlace
from .genogram_relations import drawn_half

__all__ = ["CLEAR", "Lines", "Slab", "along", "beside_outline", "emotional_reaches",
           "household_edges", "lines_along_outlines", "lines_close_to_outlines", "outline_slabs",
           "slab_outline"]

Slab = tuple[float, float, float, float]
"""One row of an outline: ``(y0, y1, x0, x1)``."""
Lines = tuple[list[AxisSegment], list[AxisSegment]]
"""The horizontal and vertical pieces of the drawn lines (see :func:`axis_segments`)."""

_ALONG: Final = 3.5
"""An outline's edge closer than this to a line running beside it reads as lying on it."""
CLEAR: Final = 6.0
"""Clear space an outline keeps from what an emotional line beside it draws: less, and the
dashes read as one more stroke of the line (a fused line's three strokes and an edge 4.6
units off read as four)."""
_LEAST: Final = 6.0
"""The least distance from an emotional line's centre an outline keeps beside it (``NEAR``
and a margin: the thinnest line still reads apart from the dashes)."""
_SHORT: Final = 6.0
"""A stretch beside an outline shorter than this is a line passing a corner or crossing
near one: not counted."""
_ON: Final = 2.0
"""How much more a stretch closer than ``NEAR`` counts (where the two read as one line,
see :func:`lines_along_outlines`): more than a family line beside the outline."""
_PAIR: Final = 50.0
"""What a segment and an edge that run along each other (:func:`lines_along_outlines`)
add besides: more than a side moved off another line saves."""
_CROSS_SINE: Final = 0.5
"""A segment at 30 degrees or more to an edge crosses it or leaves it (see
:func:`~.genogram_near.runs_along`)."""


def household_edges(hh: HouseholdPlace) -> list[Segment]:
    """The edges of what ``hh`` draws: its outline, or the frame round each member."""
    if hh.outline is not None:
        return line_segments([*hh.outline, hh.outline[0]])
    out: list[Segment] = []
    for b in hh.marks:
        corners = b.corners()
        out += line_segments([*corners, corners[0]])
    return out


def lines_along_outlines(layout: GenogramLayout) -> list[tuple[int, int]]:
    """The pairs ``(relation index, household index)`` where a segment of the emotional
    line runs along an edge of the household's outline or frames (see
    :func:`~.genogram_near.runs_along`): where a reader may take the two for one line."""
    shapes = [(hh.index, edges, bounds(edges, NEAR)) for hh in layout.households
              if (edges := household_edges(hh))]
    found: set[tuple[int, int]] = set()
    for rel in layout.relations:
        segs = line_segments(rel.points)
        for index, edges, box in shapes:
            if any(_meets(s, box) and any(runs_along(s, t) for t in edges)
                   for s in segs):
                found.add((rel.index, index))
    return sorted(found)


_PARALLEL_SINE: Final = 0.1
"""Sine of the angle (about 6 degrees) below which a segment runs parallel to an edge (see
:func:`lines_close_to_outlines`)."""
_CLOSE_ALONG: Final = 10.0
"""How long a stretch of a line parallel to an edge within :data:`CLEAR` of its strokes
counts (see :func:`lines_close_to_outlines`)."""


def lines_close_to_outlines(layout: GenogramLayout) -> list[tuple[int, int]]:
    """The pairs ``(relation index, household index)`` where a segment of the emotional
    line runs parallel to an edge of the household's outline or frames (within about 6
    degrees) and its strokes (what it draws, see :func:`~.genogram_relations.drawn_half`)
    come closer than :data:`CLEAR` to the edge over more than :data:`_CLOSE_ALONG` units:
    where the dashes read as a stroke of the line, a wider test than
    :func:`lines_along_outlines`, for the tests and the benchmark."""
    shapes = [(hh.index, household_edges(hh)) for hh in layout.households]
    found: set[tuple[int, int]] = set()
    for rel in layout.relations:
        reach = drawn_half(rel.kind) + CLEAR
        for s in line_segments(rel.points):
            (px, py), (qx, qy) = s
            length = math.hypot(qx - px, qy - py)
            if length == 0.0:
                continue
            for index, edges in shapes:
                if (rel.index, index) not in found and any(
                        _close_beside(s, length, t, reach) for t in edges):
                    found.add((rel.index, index))
    return sorted(found)


def _close_beside(s: Segment, length: float, t: Segment, reach: float) -> bool:
    """True when ``s`` (``length`` long) runs parallel to ``t`` closer than ``reach`` for
    more than :data:`_CLOSE_ALONG` units (see :func:`lines_close_to_outlines`)."""
    (px, py), (qx, qy) = s
    (ax, ay), (bx, by) = t
    tl = math.hypot(bx - ax, by - ay)
    if tl == 0.0 or abs((qx - px) * (by - ay) - (qy - py) * (bx - ax)) > \
            _PARALLEL_SINE * length * tl:
        return False
    span = stretch_within(s, t, reach, closed=False)
    return span is not None and (span[1] - span[0]) * length > _CLOSE_ALONG


def _meets(s: Segment, box: Box) -> bool:
    """True when the bounding box of ``s`` meets ``box``."""
    (x1, y1), (x2, y2) = s
    return (min(x1, x2) <= box.right and max(x1, x2) >= box.x
            and min(y1, y2) <= box.bottom and max(y1, y2) >= box.y)


def emotional_reaches(layout: GenogramLayout) -> list[tuple[Segment, float]]:
    """Every segment of an emotional line of ``layout`` with how far from its centre an
    outline beside it keeps: half what the line draws and :data:`CLEAR`, at least
    :data:`_LEAST`."""
    return [(s, max(_LEAST, drawn_half(rel.kind) + CLEAR)) for rel in layout.relations
            for s in line_segments(rel.points)]


def beside_outline(outline: list[Point], lines: Sequence[tuple[Segment, float]]) -> float:
    """How far (in units) the emotional ``lines`` (each segment with its reach, see
    :func:`emotional_reaches`) run beside an edge of ``outline`` closer than their reach:
    what the outline bends away from; what runs closer than ``NEAR`` counts :data:`_ON`
    times more, and each pair that runs along (as :func:`lines_along_outlines` counts,
    also a line passing close by a corner) :data:`_PAIR` more. Otherwise edges and lines
    at 30 degrees or more to each other cross (or part) and count nothing, nor do
    stretches shorter than :data:`_SHORT`."""
    total = 0.0
    for t in line_segments([*outline, outline[0]]):
        (ax, ay), (bx, by) = t
        tl = math.hypot(bx - ax, by - ay)
        for s, reach in lines:
            (px, py), (qx, qy) = s
            far = max(reach, NEAR)
            if max(px, qx) < min(ax, bx) - far or min(px, qx) > max(ax, bx) + far \
                    or max(py, qy) < min(ay, by) - far or min(py, qy) > max(ay, by) + far:
                continue
            if runs_along(s, t):  # what lines_along_outlines counts, near a corner too
                total += _PAIR
            length = math.hypot(qx - px, qy - py)
            if abs((qx - px) * (by - ay) - (qy - py) * (bx - ax)) >= _CROSS_SINE * length * tl:
                continue
            span = stretch_within(s, t, reach, closed=False)
            if span is not None and (got := (span[1] - span[0]) * length) >= _SHORT:
                total += got
                span = stretch_within(s, t, NEAR, closed=False)
                if span is not None:
                    total += _ON * (span[1] - span[0]) * length
    return total


def outline_slabs(outline: list[Point]) -> list[Box]:
    """The boxes an outline polygon is made of (see the household outline)."""
    half = len(outline) // 2
    right, left = outline[:half], list(reversed(outline[half:]))
    return [Box(left[k][0], right[k][1], right[k][0] - left[k][0], right[k + 1][1] - right[k][1])
            for k in range(0, half - 1, 2)]


def along(outline: list[Point], lines: Lines) -> float:
    """How far the edges of ``outline`` run beside one of ``lines`` (closer than
    :data:`_ALONG`, parallel), in units: where a reader may take the two for one line."""
    horizontal, vertical = lines
    total = 0.0
    for p, q in itertools.pairwise([*outline, outline[0]]):
        if p[1] == q[1] and p[0] != q[0]:
            at, lo, hi, segs = p[1], min(p[0], q[0]), max(p[0], q[0]), horizontal
        elif p[0] == q[0] and p[1] != q[1]:
            at, lo, hi, segs = p[0], min(p[1], q[1]), max(p[1], q[1]), vertical
        else:
            continue
        for there, s0, s1, _n, _kind in segs:
            if abs(there - at) < _ALONG:
                total += max(0.0, min(hi, s1) - max(lo, s0))
    return total


def slab_outline(slabs: list[Slab]) -> list[Point]:
    """The outline of stacked row boxes joined across the bands between them."""
    full: list[Slab] = []
    for k, slab in enumerate(slabs):
        if k > 0:
            prev = slabs[k - 1]
            lo, hi = max(prev[2], slab[2]), min(prev[3], slab[3])
            full.append((prev[1], slab[0], lo, hi))  # a neck only as wide as both rows
        full.append(slab)
    right: list[Point] = []
    left: list[Point] = []
    for y0, y1, x0, x1 in full:
        right += [(x1, y0), (x1, y1)]
        left += [(x0, y0), (x0, y1)]
    points = right + list(reversed(left))
    return [(round(x, 2), round(y, 2)) for x, y in points]
