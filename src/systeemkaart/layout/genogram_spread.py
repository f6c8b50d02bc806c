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

from . import Box, Point, round2
from .genogram_clear import crowded_lines, crowding, lines_near_text, named_lines, text_boxes
from .genogram_part_measure import Lines, cross, nearest, no_nearer, on_lines
from .genogram_places import SYMBOL, GenogramLayout, RelationPlace
from .genogram_relations import drawn_half

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


def spread_lines(layout: GenogramLayout, half_width: Callable[[str, float], float],
                 framed: Collection[str] = ()) -> None:
    """Draw each emotional line of ``layout`` that runs closer than ``CLEAR`` beside
    another line again parallel to itself a few units to one side, where that leaves
    the drawing with fewer such pairs (see the module docstring); changes
    ``layout.relations`` in place. ``half_width(person, dy)``: how far from the centre
    line of that person's symbol its outline is at ``dy`` from the middle. ``framed``:
    the people a household outline or frame will be drawn around."""
    crowded, near = crowding(layout, CLEAR)
    if not crowded:
        return
    score = _score(layout, crowded, near)
    for _ in range(_PASSES):
        moved = False
        for index in sorted({n for n, _other in crowded}):
            rel = next(r for r in layout.relations if r.index == index)
            found = _spread(layout, rel, half_width, framed, score)
            if found is not None:
                crowded, score = found
                moved = True
        if not moved or not crowded:
            return


def _score(layout: GenogramLayout, crowded: list[tuple[int, str]], near: int
           ) -> tuple[int, int, int]:
    """How crowded ``layout`` is: the pairs closer than ``CLEAR`` (``crowded``, as
    :func:`crowded_lines` lists them), then those closer than the usual clear space,
    then how many samples lie closer than ``CLEAR`` (``near``, see :func:`crowding`):
    a line moved half way apart lets the other move the rest."""
    return len(crowded), len(crowded_lines(layout)), near


def _spread(layout: GenogramLayout, rel: RelationPlace,
            half_width: Callable[[str, float], float], framed: Collection[str],
            score: tuple[int, int, int]
            ) -> tuple[list[tuple[int, str]], tuple[int, int, int]] | None:
    """Draw ``rel`` again beside itself at the nearest shift that leaves the drawing less
    crowded than ``score`` and keeps clear of what the old line kept clear of: the
    drawing's crowded pairs and score then, or ``None`` (and ``rel`` as it was)."""
    points = list(rel.points)
    if len(points) < 2:
        return None
    half = drawn_half(rel.kind)
    names = {f"relation {rel.index}"}
    others: Lines = [(h, segs) for name, h, segs in named_lines(layout) if name not in names]
    boxes = _obstacles(layout, rel, framed)
    segs = list(itertools.pairwise(points))
    near = nearest(segs, boxes)
    crossed = cross(points, others)
    on = on_lines(points, half, others)[0]
    texts = len([1 for n, _t in lines_near_text(layout) if n == rel.index])
    found, near_mine = crowding(layout, CLEAR, (rel.index,))
    mine = (len(found), near_mine)
    ends = _other_ends(layout, rel)
    for shift, kept in itertools.product(_SHIFTS, (None, 0, 1)):
        new = _parallel(layout, rel, points, shift, half_width, kept)
        if new is None:
            continue
        if any(math.dist(end, q) < _PORT_APART
               for end, theirs in zip((new[0], new[-1]), ends, strict=True) for q in theirs):
            continue
        if cross(new, others) > crossed or on_lines(new, half, others)[0] > on:
            continue
        if not no_nearer(list(itertools.pairwise(new)), boxes, near, half):
            continue
        rel.points = new
        found, near_mine = crowding(layout, CLEAR, (rel.index,))
        if (len(found), near_mine) >= mine \
                or len([1 for n, _t in lines_near_text(layout) if n == rel.index]) > texts:
            rel.points = points
            continue
        crowded, near_all = crowding(layout, CLEAR)
        now = _score(layout, crowded, near_all)
        if now < score:
            return crowded, now
        rel.points = points
    return None


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
