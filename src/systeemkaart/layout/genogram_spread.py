"""Genogram emotional lines moved apart as a whole where they run close beside another.

Two lines between one pair (or two lines out of one symbol) that bend round the same
corners leave their ports about 10 units apart and run side by side the whole way: two
zigzags need 11.4 between their centre lines to keep 4 units clear, a cut-off beside a
zigzag more. The parting pass (:mod:`.genogram_part`) moves one stretch at a time, level
or vertical; a detour's slanted stretches and the ports they leave from stay. Here a line
that runs closer than 4 units beside another (by what both draw,
:func:`.genogram_clear.crowded_lines`) is drawn again parallel to itself, a few units to
one side: every bend moved so that each segment keeps its direction, each end slid along
its first segment onto its symbol's outline (a port of its own further along that
outline). The nearest such line is kept that comes no nearer to a box, a couple's dates
or a household's frame, crosses no more lines, lies on no more, keeps its ends apart from
the other lines' on its symbols, and leaves the drawing with fewer crowded pairs.

Cost: run once, in the drawing's last touches, and only on the lines found crowded: each
try measures the moved line alone against the drawing (:func:`crowded_lines` for one
relation), and the drawing once when the line is better off.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Collection
from typing import Final

from . import Box, Point, round2, segment_distance
from .genogram_clear import (
    LinesFiled,
    bounds,
    crowded_lines,
    lines_near_text,
    named_lines,
    text_boxes,
)
from .genogram_near import Segment, line_segments
from .genogram_part_measure import Lines, cross, nearest, no_nearer, on_lines, within
from .genogram_places import SYMBOL, GenogramLayout, RelationPlace
from .genogram_relations import drawn_half
from .genogram_route import LINE_CLEAR, TEXT_CLEAR

__all__ = ["spread_lines"]

CLEAR: Final = 4.0
"""The clear space between what two lines draw that a moved line must leave (the issue's
"no emotional line within 4 px of another line")."""
_SHIFTS: Final[tuple[float, ...]] = tuple(
    s * k for k in (2.0, 3.0, 4.0, 5.0, 6.0, 8.0) for s in (1.0, -1.0))
"""How far to one side a line is drawn again, nearest first."""
_PORT_MOST: Final = SYMBOL / 2 - 2
"""The farthest from a symbol's centre a moved line's end may be aimed past (beyond it a
line meets the outline at a glancing angle)."""
_PORT_APART: Final = 4.5
"""How far apart the ends of two lines on one symbol stay (as
:mod:`.genogram_part` keeps them)."""
_FRAMED: Final = 5.0
"""How far out of its members' boxes a household's outline or frame may run."""
_PASSES: Final = 4
"""Rounds over the lines still crowded (a line moved can free room for another)."""
_MOVE_MOST: Final = 11.0
"""The farthest a point of a line moves (the widest shift, at a bend turning through
about 80 degrees, the sharpest moved: the right angles of a route along the lanes are
parted by :mod:`.genogram_part`)."""
_REACH: Final = 20.0
"""Farther than two lines' drawn halves and ``CLEAR`` together: an emotional line that
far from a moved one neither lies on it nor runs close beside it."""


def spread_lines(layout: GenogramLayout, half_width: Callable[[str, float], float],
                 framed: Collection[str] = ()) -> None:
    """Draw each emotional line of ``layout`` that runs closer than ``CLEAR`` beside
    another line again parallel to itself a few units to one side, where that leaves
    the drawing with fewer such pairs (see the module docstring); changes
    ``layout.relations`` in place. ``half_width(person, dy)``: how far from the centre
    line of that person's symbol its outline is at ``dy`` from the middle. ``framed``:
    the people a household outline or frame will be drawn around."""
    moved: list[Box] | None = None  # round the lines moved in the last pass
    for _ in range(_PASSES):
        # after the first pass only the lines near one moved are asked about again:
        # elsewhere nothing changed since they were tried
        near = None if moved is None else {
            rel.index for rel in layout.relations if len(rel.points) > 1
            and any(bounds(line_segments(rel.points), _REACH).overlaps(box) for box in moved)}
        crowded = {n for n, _other in crowded_lines(layout, CLEAR, near)}
        filed: tuple[LinesFiled, LinesFiled] | None = None
        now: list[Box] = []
        for rel in layout.relations:
            if rel.index not in crowded or len(rel.points) < 2:
                continue
            around = bounds(line_segments(rel.points), _REACH)
            if filed is None:
                filed = (LinesFiled(layout, CLEAR), LinesFiled(layout, LINE_CLEAR))
            if _spread(layout, rel, half_width, framed, filed):
                now += [around, bounds(line_segments(rel.points), _REACH)]
                filed = None  # the line moved: filed again when next asked
        if not now:
            return
        moved = now


def _crowding(layout: GenogramLayout, rel: RelationPlace,
              filed: tuple[LinesFiled, LinesFiled], mine: tuple[list[str], int],
              samples: dict[int, list[tuple[Point, Segment]]]) -> tuple[int, int, int]:
    """How crowded ``layout`` is where ``rel`` runs (``filed``: the other lines filed at
    ``CLEAR`` and at the usual clear space; ``mine``: what ``filed[0]`` finds for
    ``rel``): the pairs of ``rel`` and another line closer than ``CLEAR`` (counted from
    each side, as :func:`crowded_lines` lists them), then those closer than the usual
    clear space, then how many samples of ``rel`` lie closer than ``CLEAR`` to another
    line, and of the other lines to ``rel`` (see :func:`.genogram_clear.crowding`): a
    line moved half way apart lets another move the rest. The pairs of two other lines
    do not change when ``rel`` moves; an emotional line farther than ``_REACH`` from
    ``rel`` is not measured (``samples``: each other relation's, by index, kept)."""
    segs = line_segments(rel.points)
    around = bounds(segs, _REACH)
    near_them = [other for other in layout.relations if other is not rel
                 and len(other.points) > 1
                 and around.overlaps(bounds(line_segments(other.points), 0.0))]
    count = [len(mine[0]), len(filed[1].beside(rel, counted=False)[0])]
    near = mine[1]
    for k, at in enumerate(filed):
        alone = LinesFiled(layout, at.clear, alone=rel)
        for other in near_them:
            if other.index not in samples:
                samples[other.index] = alone.samples(other)
            theirs, close = alone.beside(other, k == 0, samples[other.index])
            count[k] += len(theirs)
            near += close if k == 0 else 0
    return count[0], count[1], near


def _spread(layout: GenogramLayout, rel: RelationPlace,
            half_width: Callable[[str, float], float], framed: Collection[str],
            filed: tuple[LinesFiled, LinesFiled]) -> bool:
    """Draw ``rel`` again beside itself at the nearest shift that leaves the drawing less
    crowded where it runs (:func:`_crowding`; ``filed``: every line as drawn, filed at
    ``CLEAR`` and at the usual clear space) and keeps clear of what the old line kept
    clear of; True when it moved."""
    points = list(rel.points)
    half = drawn_half(rel.kind)
    names = {f"relation {rel.index}"}
    # what lies farther from the line than it moves and what it must keep from a box or
    # a line is neither met nor come nearer to, wherever it moves (its ends move on
    # their symbols' outlines)
    reach = [*points, *(corner for pid in rel.between
                        for corner in layout.people[pid].symbol.corners())]
    others = within([(h, segs) for name, h, segs in named_lines(layout) if name not in names],
                    reach, _MOVE_MOST + half + TEXT_CLEAR + _REACH)
    around = bounds(line_segments(reach), _MOVE_MOST + half + TEXT_CLEAR + 1.0)
    boxes = [box for box in _obstacles(layout, rel, framed) if around.overlaps(box)]
    near = nearest(list(itertools.pairwise(points)), boxes)
    crossed = cross(points, others)
    on = on_lines(points, half, others)[0]
    texts = len(lines_near_text(layout, only=(rel.index,)))
    first = filed[0].beside(rel)
    mine = (len(first[0]), first[1])
    samples: dict[int, list[tuple[Point, Segment]]] = {}
    before: tuple[int, int, int] | None = None  # measured once a move is worth weighing
    ends = _other_ends(layout, rel)
    gaps = _end_gaps(points, others, half)
    needs = [half + other + CLEAR for _end in (0, 1) for other, _segs in others]
    for shift, kept in itertools.product(_SHIFTS, (None, 0, 1)):
        new = _parallel(layout, rel, points, shift, half_width, kept)
        if new is None:
            continue
        if any(math.dist(end, q) < _PORT_APART
               for end, theirs in zip((new[0], new[-1]), ends, strict=True) for q in theirs):
            continue
        if any(now < min(was, need) - 1e-6 for now, was, need in zip(
                _end_gaps(new, others, half), gaps, needs, strict=True)):
            continue  # nearer another line where it leaves a symbol (not measured there)
        if cross(new, others) > crossed or on_lines(new, half, others)[0] > on:
            continue
        if not _no_nearer(new, boxes, near, half):
            continue
        rel.points = new
        found, near_mine = filed[0].beside(rel)
        if (len(found), near_mine) < mine \
                and len(lines_near_text(layout, only=(rel.index,))) <= texts:
            after = _crowding(layout, rel, filed, (found, near_mine), samples)
            if before is None:
                rel.points = points
                before = _crowding(layout, rel, filed, first, samples)
                rel.points = new
            if after < before:
                return True
        rel.points = points
    return False


def _no_nearer(points: list[Point], boxes: list[Box], before: list[float], half: float
               ) -> bool:
    """:func:`.genogram_part_measure.no_nearer` for the line ``points``, measuring only
    the boxes that come within what it must keep from them of its bounding box (the
    others are far enough off, wherever they were before)."""
    segs = list(itertools.pairwise(points))
    around = bounds(segs, half + TEXT_CLEAR + 1.0)
    near = [(box, old) for box, old in zip(boxes, before, strict=True) if around.overlaps(box)]
    return no_nearer(segs, [box for box, _old in near], [old for _box, old in near], half)


def _end_gaps(points: list[Point], others: Lines, half: float) -> list[float]:
    """Per end of the line ``points`` (drawing ``half`` either side) and per line of
    ``others``: the clear space between what the two draw at that end (where the line
    leaves its symbol, which :func:`crowded_lines` leaves out)."""
    return [min((segment_distance(end, *t) for t in segs), default=math.inf) - half - other
            for end in (points[0], points[-1]) for other, segs in others]


def _other_ends(layout: GenogramLayout, rel: RelationPlace) -> tuple[list[Point], list[Point]]:
    """Per end of ``rel``: where the other emotional lines end on that symbol."""
    out: tuple[list[Point], list[Point]] = ([], [])
    for other in layout.relations:
        if other is rel or len(other.points) < 2:
            continue
        for k, pid in enumerate(rel.between):
            for end, whose in ((other.points[0], other.between[0]),
                               (other.points[-1], other.between[1])):
                if whose == pid:
                    out[k].append(end)
    return out


def _obstacles(layout: GenogramLayout, rel: RelationPlace, framed: Collection[str]
               ) -> list[Box]:
    """What a moved line keeps clear of (no nearer than it was): everyone's symbol but
    its ends', every text (names, years, a couple's dates; its ends' too), and the boxes
    of the ``framed`` grown by ``_FRAMED`` (their household's outline)."""
    boxes = [box for _what, _owner, box in text_boxes(layout)]
    for pid, p in sorted(layout.people.items()):
        if pid in rel.between:
            continue
        boxes.append(p.symbol)
        if pid in framed:
            boxes.append(p.box.grow(_FRAMED))
    return boxes


def _parallel(layout: GenogramLayout, rel: RelationPlace, points: list[Point], shift: float,
              half_width: Callable[[str, float], float], kept: int | None = None
              ) -> list[Point] | None:
    """The line ``points`` of ``rel`` moved ``shift`` to its left (right when negative):
    each bend where the moved segments either side meet, each end slid along its segment
    onto its symbol's outline, but end ``kept`` (0 or 1) where it was (its segment
    turning to the moved bend: the port there is taken on both sides); ``None`` when a
    segment would turn back or shrink to nothing, or an end would miss its symbol, meet
    it at a glancing angle or run back over it."""
    normals: list[Point] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        if length < 1e-9:
            return None
        normals.append((-(y1 - y0) / length, (x1 - x0) / length))
    moved: list[Point] = []
    for i, (x, y) in enumerate(points):
        if i == 0 or i == len(points) - 1:
            nx, ny = normals[0] if i == 0 else normals[-1]
            moved.append((x + nx * shift, y + ny * shift))
            continue
        (ax, ay), (bx, by) = normals[i - 1], normals[i]
        cos = ax * bx + ay * by
        if cos < 0.2:
            return None  # a sharp turn: the moved bend would lie far off
        moved.append((x + (ax + bx) * shift / (1 + cos), y + (ay + by) * shift / (1 + cos)))
    for k, (index, towards) in enumerate(((0, 1), (len(points) - 1, len(points) - 2))):
        person = layout.people[rel.between[k]]
        outline = functools.partial(half_width, person.id)
        if k == kept:
            if len(points) == 2 or _enters(person.symbol, outline, points[index],
                                           moved[towards]):
                return None
            moved[index] = points[index]
            continue
        end = _onto(person.symbol, outline, moved[index], moved[towards])
        if end is None:
            return None
        moved[index] = end
    out = [(round2(x), round2(y)) for x, y in moved]
    for (p, q), (a, b) in zip(itertools.pairwise(points), itertools.pairwise(out),
                              strict=True):
        if (q[0] - p[0]) * (b[0] - a[0]) + (q[1] - p[1]) * (b[1] - a[1]) <= 0 \
                or math.dist(a, b) < 1.0:
            return None
    return out


def _inside(symbol: Box, half_width: Callable[[float], float], point: Point) -> bool:
    """True when ``point`` lies within the outline of ``symbol`` (``half_width(dy)``: how
    far the outline is from its centre line at ``dy`` from the middle)."""
    dy = point[1] - symbol.cy
    return abs(dy) <= SYMBOL / 2 and abs(point[0] - symbol.cx) <= half_width(dy)


def _enters(symbol: Box, half_width: Callable[[float], float], end: Point,
            towards: Point) -> bool:
    """True when the segment from ``end`` (on the outline of ``symbol``) to ``towards``
    runs into the symbol first."""
    length = math.dist(end, towards)
    if length < 2.0:
        return True
    step = 2.0 / length
    return _inside(symbol, half_width, (end[0] + (towards[0] - end[0]) * step,
                                        end[1] + (towards[1] - end[1]) * step))


def _onto(symbol: Box, half_width: Callable[[float], float], end: Point,
          towards: Point) -> Point | None:
    """Where the line from ``towards`` through ``end`` (moved beside the old end) meets
    the outline of ``symbol`` (``half_width(dy)``: how far its outline is from its
    centre line at ``dy`` from the middle); ``None`` when that line passes farther than
    ``_PORT_MOST`` from the centre (it would miss the symbol or graze it)."""
    cx, cy = symbol.cx, symbol.cy
    length = math.dist(end, towards)
    if length < 1e-9:
        return None
    ux, uy = (end[0] - towards[0]) / length, (end[1] - towards[1]) / length
    # the distance of the centre from the line, and where along the line it is nearest
    across = (cx - towards[0]) * uy - (cy - towards[1]) * ux
    if abs(across) > _PORT_MOST:
        return None
    along = (cx - towards[0]) * ux + (cy - towards[1]) * uy

    def inside(t: float) -> bool:
        return _inside(symbol, half_width, (towards[0] + ux * t, towards[1] + uy * t))

    if not inside(along):
        return None
    lo, hi = 0.0, along  # outside at ``towards`` (its segment's far end), inside at ``hi``
    if inside(lo):
        return None
    for _ in range(30):
        mid = (lo + hi) / 2
        if inside(mid):
            hi = mid
        else:
            lo = mid
    return towards[0] + ux * lo, towards[1] + uy * lo
