"""Genogram line ends spread over a side of a symbol, each by what its line draws.

The ports on a symbol's top and sides are given out one line at a time
(:mod:`.genogram_ports`), and later passes move one port at a time
(:mod:`.genogram_part`, :mod:`.genogram_spread`), each keeping a flat few units from the
other ends: two zigzags leaving one top 4.75 units apart lie on each other on their way
out, where they need their drawn halves and 4 units between them (11.4). Here, once the
lines are drawn, the ends on each side of a symbol (its top, its left, its right) are
looked at together: where two of them stand closer than what their lines draw plus
``CLEAR``, every end on that side that can move (an emotional line leaving it square and
turning square at its first bend) is placed anew, in the same order (no new crossing
there), each pair apart by what both draw plus ``CLEAR``, as near where they were as the
side's room allows; the ends that cannot move (a child line arriving at the centre of the
top, a partnership line, a straight or slanted line) stay and split the room. Where the
room between two fixed ends (or a fixed end and the side's end) is too small for the ends
between them to keep ``CLEAR`` between what each pair draws, the room left after what they
draw is shared out evenly between the pairs (down to ``_LEAST_CLEAR``; less, and they stay
as they are): in a generated family two zigzags out of a side between a line arriving at
its corner and a distant line's end, which overlapped, now keep 3.2 units apart. A side's
new ends are kept only when the lines moved cross no more lines, lie on no more, come no
nearer to a box or a text, and the drawing has no more crowded pairs
(:func:`.genogram_clear.crowded_lines`) where they run.

Every drawing with emotional lines has its ends spread, a large one too (``LARGE`` blocks
or more: no order search and none of the other last touches, ``Work.polish``), where
lines leaving one side lie on each other as much as in a small one.

Cost: one pass over the line ends (grouped per symbol and side); a side is measured only
where two of its ends stand too close, against the lines and texts near it. On a
generated family of 3,000 people with 200 relations about 2 % of the draw.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Final

from . import Box, Point, round2
from .genogram_clear import bounds, crowded_lines, named_lines, text_boxes
from .genogram_near import line_segments
from .genogram_part_measure import Lines, cross, nearest, no_nearer, on_lines, within
from .genogram_places import SYMBOL, GenogramLayout, RelationPlace
from .genogram_relations import drawn_half
from .genogram_route import FAMILY_HALF, TEXT_CLEAR

__all__ = ["spread_ends"]

CLEAR: Final = 4.0
"""The clear space between what two lines leaving one side draw."""
_LEAST_CLEAR: Final = 1.0
"""Where a side has no room for ``CLEAR`` between each pair, the room it has is shared out
evenly, down to this much between what two lines draw (less: they stay as they were)."""
_ROOM: Final = SYMBOL / 2 - 2
"""The farthest from the middle of a side (or the top) an end stands (as the ports of
:mod:`.genogram_ports`)."""
_REACH: Final = 24.0
"""Farther than two lines' drawn halves and ``CLEAR`` together, plus a sample step: a
line that far from the moved segments is no more or less crowded for the move."""
_FRAMED: Final = 5.0
"""How far out of its members' boxes a household's outline or frame may run."""

Side = str
"""``"top"``, ``"left"``, ``"right"`` or ``"bottom"``."""


@dataclass
class _End:
    """One line's end on a side of a symbol: where along the side (from its middle), half
    what the line draws there, and for an end that may move, the relation and whether it
    is the line's first point."""

    offset: float
    half: float
    rel: RelationPlace | None = None
    first: bool = True


def spread_ends(layout: GenogramLayout, half_width: Callable[[str, float], float],
                framed: Collection[str] = ()) -> None:
    """Place the ends of the emotional lines on each side of a symbol where two stand
    closer than what they draw plus ``CLEAR`` apart over the room of that side, in their
    order (see the module docstring); changes ``layout.relations`` in place.
    ``half_width(person, d)``: how far from the centre line of that person's symbol its
    outline is at ``d`` from the middle. ``framed``: the people a household outline or
    frame will be drawn around."""
    for (pid, side), ends in sorted(_sides(layout).items(), key=lambda item: item[0]):
        if not _crowded(ends):
            continue
        offsets = _placed(ends)
        if offsets is None:
            continue
        _try(layout, pid, side, ends, offsets, half_width, framed)


def _sides(layout: GenogramLayout) -> dict[tuple[str, Side], list[_End]]:
    """Every line end on a symbol, per person and side, sorted along the side."""
    out: dict[tuple[str, Side], list[_End]] = {}

    def note(pid: str, end: Point, towards: Point, half: float,
             rel: RelationPlace | None = None, first: bool = True) -> None:
        person = layout.people.get(pid)
        if person is None:
            return
        symbol = person.symbol
        # symbol.grow(1.0).holds(Box(*end, 0.0, 0.0)), its sums as written there
        gx, gy = symbol.x - 1.0, symbol.y - 1.0
        ex, ey = end
        if not (gx <= ex and ex <= gx + (symbol.w + 2 * 1.0)
                and gy <= ey and ey <= gy + (symbol.h + 2 * 1.0)):
            return
        dx, dy = towards[0] - end[0], towards[1] - end[1]
        if abs(dy) > abs(dx):
            side, offset = ("top" if dy < 0 else "bottom"), end[0] - symbol.cx
        else:
            side, offset = ("left" if dx < 0 else "right"), end[1] - symbol.cy
        movable = rel is not None and _movable(rel.points if first else rel.points[::-1],
                                               side)
        out.setdefault((pid, side), []).append(
            _End(offset, half, rel if movable else None, first))

    for rel in layout.relations:
        if len(rel.points) < 2:
            continue
        half = drawn_half(rel.kind)
        a, b = rel.between
        note(a, rel.points[0], rel.points[1], half, rel, True)
        note(b, rel.points[-1], rel.points[-2], half, rel, False)
    for pp in layout.partnerships:
        if len(pp.points) >= 2:
            for pid in pp.partners:
                note(pid, pp.points[0], pp.points[1], FAMILY_HALF)
                note(pid, pp.points[-1], pp.points[-2], FAMILY_HALF)
    for c in layout.children:
        if len(c.points) >= 2:
            note(c.child, c.points[-1], c.points[-2], FAMILY_HALF)
    for ends in out.values():
        ends.sort(key=lambda e: e.offset)
    return out


def _movable(points: list[Point], side: Side) -> bool:
    """True when the line ``points`` leaves by ``side`` square to it (top, left, right)
    and turns square at its first bend: its end and that bend can slide along the side,
    the rest of the line staying."""
    if len(points) < 3 or side == "bottom":
        return False
    (x0, y0), (x1, y1), (x2, y2) = points[:3]
    if side == "top":
        return x0 == x1 and y1 < y0 and y1 == y2 and x1 != x2
    return y0 == y1 and x0 != x1 and x1 == x2 and y1 != y2


def _need(a: _End, b: _End, clear: float = CLEAR) -> float:
    """How far apart the ends ``a`` and ``b`` must stand along a side (``clear`` between
    what their lines draw)."""
    return a.half + b.half + clear


def _crowded(ends: list[_End]) -> bool:
    """True when two neighbouring ends, one of them movable, stand closer than they
    need."""
    return any((a.rel is not None or b.rel is not None) and b.offset - a.offset
               < _need(a, b) - 1e-6 for a, b in itertools.pairwise(ends))


def _placed(ends: list[_End]) -> list[float] | None:
    """New offsets for ``ends`` (sorted along the side): the fixed ones where they are,
    each run of movable ones between two fixed ones (or the side's ends) spread as near
    where they were as the room between allows, each pair :func:`_need` apart; a run
    without room stays. ``None`` when nothing moves."""
    out = [e.offset for e in ends]
    k = 0
    while k < len(ends):
        if ends[k].rel is None:
            k += 1
            continue
        j = k
        while j < len(ends) and ends[j].rel is not None:
            j += 1
        run = ends[k:j]
        clear = min(CLEAR, _room_left(ends, k, j))
        lo = -_ROOM if k == 0 else ends[k - 1].offset + _need(ends[k - 1], run[0], clear)
        hi = _ROOM if j == len(ends) else ends[j].offset - _need(run[-1], ends[j], clear)
        if clear >= _LEAST_CLEAR and (run[0].offset < lo - 1e-6 or run[-1].offset > hi + 1e-6
                                      or _crowded(run)):
            spread = _fit([e.offset for e in run],
                          [_need(a, b, clear) for a, b in itertools.pairwise(run)], lo, hi)
            if spread is not None:
                out[k:j] = spread
        k = j
    if all(abs(a - b) < 0.005 for a, b in zip(out, (e.offset for e in ends), strict=True)):
        return None
    return [round2(x) for x in out]


def _room_left(ends: list[_End], k: int, j: int) -> float:
    """The clear space each pair of neighbouring ends of the run ``ends[k:j]`` (movable,
    between two fixed ends or the side's ends) gets when the room between is shared out
    evenly after what their lines draw: ``CLEAR`` or more where the run fits."""
    lo = -_ROOM if k == 0 else ends[k - 1].offset
    hi = _ROOM if j == len(ends) else ends[j].offset
    first, last = max(k - 1, 0), min(j + 1, len(ends))
    pairs = list(itertools.pairwise(ends[first:last]))
    if not pairs:
        return CLEAR
    drawn = sum(a.half + b.half for a, b in pairs)
    return (hi - lo - drawn) / len(pairs)


def _fit(at: list[float], gaps: list[float], lo: float, hi: float) -> list[float] | None:
    """Offsets as near ``at`` (least squares) as keep each neighbouring pair ``gaps``
    apart, in order, all within ``lo`` .. ``hi``; ``None`` when they do not fit."""
    before = [0.0, *itertools.accumulate(gaps)]
    if hi - lo < before[-1] - 1e-9:
        return None
    # with each offset less the gaps before it, the order is all that is asked: the
    # nearest nondecreasing sequence (pool adjacent violators), then clamped to the room
    blocks: list[tuple[float, int]] = []  # (mean, count)
    for value in (a - b for a, b in zip(at, before, strict=True)):
        mean, count = value, 1
        while blocks and blocks[-1][0] > mean:
            m, c = blocks.pop()
            mean, count = (m * c + mean * count) / (c + count), c + count
        blocks.append((mean, count))
    base = [mean for mean, count in blocks for _ in range(count)]
    top = hi - before[-1]
    return [min(max(v, lo), top) + b for v, b in zip(base, before, strict=True)]


def _moved(layout: GenogramLayout, pid: str, side: Side, end: _End, offset: float,
           half_width: Callable[[str, float], float]) -> list[Point] | None:
    """The points of ``end``'s line with that end at ``offset`` along ``side`` of
    ``pid``'s symbol, its first bend moved with it; ``None`` when the line would turn
    back or a segment shrink below a unit."""
    assert end.rel is not None
    points = list(end.rel.points if end.first else end.rel.points[::-1])
    symbol = layout.people[pid].symbol
    (x1, y1), (x2, y2) = points[1], points[2]
    if side == "top":
        x = round2(symbol.cx + offset)
        new0 = (x, round2(symbol.y + SYMBOL / 2 - half_width(pid, offset)))
        new1 = (x, y1)
        if (x2 - x) * (x2 - x1) <= 0 or abs(x2 - x) < 1.0 or new0[1] - y1 < 1.0:
            return None
    else:
        sign = 1.0 if side == "right" else -1.0
        y = round2(symbol.cy + offset)
        new0 = (round2(symbol.cx + sign * half_width(pid, offset)), y)
        new1 = (x1, y)
        if (y2 - y) * (y2 - y1) <= 0 or abs(y2 - y) < 1.0 or (x1 - new0[0]) * sign < 1.0:
            return None
    points[:2] = [new0, new1]
    return points if end.first else points[::-1]


def _try(layout: GenogramLayout, pid: str, side: Side, ends: list[_End],
         offsets: list[float], half_width: Callable[[str, float], float],
         framed: Collection[str]) -> bool:
    """Move the movable ``ends`` of ``pid``'s ``side`` to ``offsets`` where that leaves
    the drawing no worse (see the module docstring); True when kept."""
    moves: list[tuple[RelationPlace, list[Point], bool]] = []  # (line, new points, first)
    for end, offset in zip(ends, offsets, strict=True):
        if end.rel is None or abs(offset - end.offset) < 0.005:
            continue
        points = _moved(layout, pid, side, end, offset, half_width)
        if points is None:
            return False
        moves.append((end.rel, points, end.first))
    if not moves:
        return False
    rels = [rel for rel, _points, _first in moves]
    old = [rel.points for rel in rels]
    news = [points for _rel, points, _first in moves]
    names = {f"relation {rel.index}" for rel in rels}
    every = [*old, *news]
    reach = [p for points in every for p in points]
    others: Lines = within([(h, segs) for name, h, segs in named_lines(layout)
                            if name not in names], reach, _REACH)
    if _crossings(old, rels, others) < _crossings(news, rels, others):
        return False
    if sum(on_lines(p, drawn_half(r.kind), others)[0] for r, p in zip(rels, news, strict=True)) \
            > sum(on_lines(p, drawn_half(r.kind), others)[0]
                  for r, p in zip(rels, old, strict=True)):
        return False
    area = bounds([s for points in every for s in line_segments(points)],
                  max(drawn_half(r.kind) for r in rels) + TEXT_CLEAR + 1.0)
    boxes = [box for box in _obstacles(layout, rels, framed) if area.overlaps(box)]
    for rel, before, after in zip(rels, old, news, strict=True):
        near = nearest(list(itertools.pairwise(before)), boxes)
        if not no_nearer(list(itertools.pairwise(after)), boxes, near, drawn_half(rel.kind)):
            return False
    # only the first two segments of each moved line change: the crowded pairs that can
    # change are those of the moved lines and of the lines within reach of those segments
    changed = [seg for (_rel, _new, first), before, after in zip(moves, old, news, strict=True)
               for points in (before, after)
               for seg in line_segments(points[:3] if first else points[-3:])]
    around = bounds(changed, _REACH)
    only = {rel.index for rel in rels} | {
        r.index for r in layout.relations
        if len(r.points) > 1 and around.overlaps(bounds(line_segments(r.points), 0.0))}
    was = len(crowded_lines(layout, CLEAR, only))
    for rel, points, _first in moves:
        rel.points = points
    if len(crowded_lines(layout, CLEAR, only)) > was:
        for rel, points in zip(rels, old, strict=True):
            rel.points = points
        return False
    return True


def _crossings(lines: list[list[Point]], rels: list[RelationPlace], others: Lines) -> int:
    """How many crossings the lines ``lines`` (of ``rels``) have with ``others`` and with
    each other."""
    count = sum(cross(points, others) for points in lines)
    for a, b in itertools.combinations(lines, 2):
        count += cross(a, [(0.0, line_segments(b))])
    return count


def _obstacles(layout: GenogramLayout, rels: list[RelationPlace], framed: Collection[str]
               ) -> list[Box]:
    """What a moved end's line keeps clear of (no nearer than it was): every text,
    everyone's symbol but its ends', and the boxes of the ``framed`` grown by
    ``_FRAMED`` (their household's outline)."""
    ends = {pid for rel in rels for pid in rel.between}
    boxes = [box for _what, _owner, box in text_boxes(layout)]
    for pid, person in sorted(layout.people.items()):
        if pid in ends:
            continue
        boxes.append(person.symbol)
        if pid in framed:
            boxes.append(person.box.grow(_FRAMED))
    return boxes
