"""Genogram child lines that must not lie on each other: several lines into one child, and
the lines of one union's children of different kinds.

- **Into one child** (a child of a couple who is a stepchild or foster child of a third
  person too): every line used to arrive at the centre of the child's top, so the last
  stretches of lines of different kinds ran on top of each other and one hid the other.
  :func:`spread_child_ends` gives each its own point on the top, a few units apart, in
  the order that keeps them from crossing (a line coming from the left along a lower bar
  arrives further left; see :func:`_order`).
- **One union, children of different kinds** (a born and an adopted child of one couple):
  the stem and the sibling bar are drawn once, in the union's first kind (born, then
  adopted, foster, step; see :data:`KIND_ORDER`), and a line of another kind starts where
  it parts from them (:func:`part_kinds`), as in the McGoldrick drawings: a solid stem and
  bar, a dashed line down to the adopted child.

Both work on resolved coordinates (the heights of the bars are known only then) and
before the emotional lines choose their routes; the top of a symbol keeps room for the
spread ends (:func:`reserve_tops`), so an emotional line leaves it further out.
Cost: linear in the child lines (the lines of one union compared with each other).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Final

from . import Point, proper_cross
from .genogram_places import ChildPlace, Work, small_kind, top_depth
from .genogram_route import FAMILY_HALF

__all__ = ["END_STEP", "KEEP_OFF", "KIND_ORDER", "part_kinds", "reserve_tops", "spread_child_ends"]

END_STEP: Final = 8.0
"""Distance between the ends of two child lines on one symbol's top (the outer ones at
most :data:`_END_REACH` off the centre): far enough apart to read as two lines."""
_END_REACH: Final = 7.5
"""How far off the centre line of a symbol's top the outermost child line may arrive (a
diamond's outline drops as fast as it goes out; an emotional line's port is beyond)."""
_ALONGSIDE: Final = math.radians(20.0)
"""Two lines that come in to one end closer in direction than this run on each other."""
KEEP_OFF: Final = 4.0
"""How far the last stretch of a line into a child keeps beside an upright family line
of another union (a stem passing the bar it leaves): closer, the two read as one."""
_BESIDE: Final = 3.0
"""A line straight down closer than this beside another runs on it."""
KIND_ORDER: Final = ("biological", "adopted", "foster", "step")
"""Which kind of child line draws a union's shared stem and bar: the first present."""


def end_offsets(count: int) -> list[float]:
    """The offsets from the centre line of the ends of ``count`` child lines on one top."""
    if count < 2:
        return [0.0]
    step = min(END_STEP, 2 * _END_REACH / (count - 1))
    return [round((k - (count - 1) / 2) * step, 2) for k in range(count)]


def _arrivals(work: Work) -> dict[str, int]:
    """How many child lines arrive at each child drawn with more than one."""
    count: dict[str, int] = defaultdict(int)
    for u in work.st.unions:
        for child, _kind, _link in u.children:
            count[child] += 1
    return {c: n for c, n in count.items() if n > 1 and not _narrow(work, c)}


def _around(centre: int, count: int) -> list[float]:
    """The offsets of ``count`` ends on one top when the ``centre``-th (in order) stays
    at the centre: a line straight down from a union above, whose foot cannot move."""
    step = min(END_STEP, _END_REACH / max(centre, count - 1 - centre, 1))
    return [round((k - centre) * step, 2) for k in range(count)]


def _narrow(work: Work, pid: str) -> bool:
    """A symbol drawn small or as a triangle: the lines into it keep to its centre."""
    p = work.person[pid]
    return small_kind(p) is not None or bool(p.pregnancy)


def reserve_tops(work: Work) -> None:
    """Note the furthest the ends of the child lines into a child who gets several may
    lie off its centre (:data:`_END_REACH`, either side: which side is known only once the
    bars have their heights) as taken ports of its top, so the emotional lines leaving it
    keep clear of them (:func:`~.genogram_ports.top_x`); and note those children
    (:attr:`Work.spread_ends`)."""
    work.spread_ends = set(_arrivals(work))
    for child in sorted(work.spread_ends):
        work.top_ports[child][-_END_REACH] = FAMILY_HALF
        work.top_ports[child][_END_REACH] = FAMILY_HALF


def _order(line: list[Point]) -> tuple[int, float]:
    """Where a line arriving at a child's top should end among the others: lines from the
    left first, the lower their last bar the further left; then lines straight from
    above; then those from the right, the lower the further right. So the bar of one line
    never crosses the last stretch of another."""
    (px, py), (qx, _qy) = line[-2], line[-1]
    if px == qx:
        if len(line) < 3 or line[-3][1] != py or line[-3][0] == px:
            return (1, 0.0)
        side = -1 if line[-3][0] < px else 1
    else:
        side = -1 if px < qx else 1
    return (0, -py) if side < 0 else (2, py)


def _alongside(lines: list[ChildPlace]) -> bool:
    """True when two of ``lines`` come in to their end in nearly one direction (within
    :data:`_ALONGSIDE`), or when the last stretch of one runs along a stretch of another
    (down the stem of a couple whose own line turns off to the twins): they would run on
    each other there. Lines that come in from different sides (a twin's slant and a line
    straight down) part at once and keep the centre, where the line straight down often
    continues a stem above."""
    heading = sorted(math.atan2(c.points[-1][1] - c.points[-2][1],
                                c.points[-1][0] - c.points[-2][0]) for c in lines)
    if any(b - a < _ALONGSIDE for a, b in itertools.pairwise(heading)):
        return True
    for c in lines:
        (px, py), (qx, qy) = c.points[-2], c.points[-1]
        if px != qx:
            continue
        for d in lines:
            if d is not c and any(
                    a[0] == b[0] and abs(a[0] - px) < _BESIDE
                    and min(max(a[1], b[1]), qy) - max(min(a[1], b[1]), py) > 1.0
                    for a, b in itertools.pairwise(d.points)):
                return True
    return False


def spread_child_ends(work: Work, children: list[ChildPlace]) -> None:
    """Give each of the child lines that arrive at one child's top a point of its own
    (see the module docstring); the last stretch of each (straight down, or a twin's
    slant) moves with its end."""
    arrivals = _arrivals(work)
    into: dict[str, list[ChildPlace]] = defaultdict(list)
    for c in children:
        if c.child in arrivals and len(c.points) >= 2:
            into[c.child].append(c)
    for child, lines in into.items():
        if len(lines) < 2:
            continue
        centre = lines[0].points[-1][0]
        if any(abs(c.points[-1][0] - centre) > 1e-6 for c in lines):
            continue  # not all at the centre: already apart
        if not _alongside(lines):
            continue  # they come in from different sides: they part at once
        orders = [_order(c.points) for c in lines]
        ranked = sorted(range(len(lines)), key=lambda k: (*orders[k], k))
        fixed = [n for n, k in enumerate(ranked) if orders[k][0] == 1]
        if len(fixed) > 1:
            continue  # two lines straight down from above: none can move alone
        candidates = [_around(fixed[0], len(lines))] if fixed else \
            [end_offsets(len(lines))] + [_around(k, len(lines)) for k in range(len(lines))]
        offsets = _clear_of(candidates, [lines[k] for k in ranked], children, child)
        person = work.person[child]
        depth0 = top_depth(person)
        for d, k in zip(offsets, ranked, strict=True):
            points = lines[k].points
            (px, py), (qx, qy) = points[-2], points[-1]
            x = round(qx + d, 2)
            end = (x, round(qy - depth0 + top_depth(person, d), 2))
            if px == qx:
                points[-2:] = [(x, py), end]
            else:
                points[-1] = end


def _clear_of(candidates: list[list[float]], lines: list[ChildPlace],
              children: list[ChildPlace], child: str) -> list[float]:
    """Of the ``candidates`` (offsets of the ends of ``lines``, in order), the one with the
    fewest last stretches straight down on an upright family line of another union (closer
    than :data:`_BESIDE`: they run as one); then the one whose moved stretches cross the
    fewest family lines of other unions, a last stretch within :data:`KEEP_OFF` of such an
    upright counting as one crossing more (a union's stem coming down past the bar a line
    leaves: the two read as one line, a child of the wrong couple); then the first that
    keeps :data:`KEEP_OFF` from such stems, else the one that keeps furthest from them.
    The search of orders judges every layout it tries with its ends spread so: a spread
    that kept a line off a stem by crossing it made an order cost a crossing more than it
    needs and sent the search to another. The lines into ``child`` and those of one union
    with a moved line are not compared with it: they part by design."""
    owners = {c.parents for c in lines}
    centre = lines[0].points[-1][0]
    near = [(a[0], min(a[1], b[1]), max(a[1], b[1]), c.parents)
            for c in children if c.child != child
            for a, b in itertools.pairwise(c.points)
            if a[0] == b[0] and abs(a[0] - centre) < _END_REACH + KEEP_OFF]
    if all(owners == {parents} for *_, parents in near):
        return candidates[0]  # nothing of another union beside the ends
    # the stretches of other lines in the box where the spreads differ (from a twin's
    # slant's top or the bar on): those further out cross every spread's lines alike
    slants = [c.points[-2][0] for c in lines if c.points[-2][0] != c.points[-1][0]]
    left = min([centre - _END_REACH - KEEP_OFF, *slants])
    right = max([centre + _END_REACH + KEEP_OFF, *slants])
    high = min(c.points[-2][1] for c in lines)
    low = max(c.points[-1][1] for c in lines)
    others = [(a, b, c.parents) for c in children if c.child != child
              for a, b in itertools.pairwise(c.points)
              if min(a[0], b[0]) < right and max(a[0], b[0]) > left
              and min(a[1], b[1]) <= low and max(a[1], b[1]) >= high]
    best, best_key = candidates[0], (math.inf, math.inf, math.inf)
    for offsets in candidates:
        gap, on, beside, crossed = math.inf, 0, 0, 0
        for d, c in zip(offsets, lines, strict=True):
            moved = _moved(c.points, d)
            crossed += sum(parents != c.parents and proper_cross((p, q), (a, b))
                           for p, q in itertools.pairwise(moved) for a, b, parents in others)
            (px, py), (qx, qy) = c.points[-2], c.points[-1]
            if px != qx:
                continue
            x, top, bottom = qx + d, min(py, qy), max(py, qy)
            line_gap = min([math.inf, *(abs(x - ox) for ox, lo, hi, parents in near
                                        if parents != c.parents
                                        and min(hi, bottom) - max(lo, top) > 1.0)])
            on += line_gap < _BESIDE
            beside += line_gap < KEEP_OFF
            gap = min(gap, line_gap)
        key = (on, crossed + beside, -min(gap, KEEP_OFF))
        if key < best_key:
            best, best_key = offsets, key
    return best


def _moved(points: list[Point], d: float) -> list[Point]:
    """The stretches of a line into a child that move when its end moves ``d`` off the
    centre: the last (straight down, or a twin's slant), and the one before a last
    stretch straight down (its bar, ending further along or short)."""
    (px, py), (qx, qy) = points[-2], points[-1]
    if px != qx:
        return [(px, py), (qx + d, qy)]
    return [*points[-3:-2], (px + d, py), (qx + d, qy)]


def _covered(p: Point, q: Point, owner: list[tuple[Point, Point]]) -> float:
    """How far from ``p`` towards ``q`` the segment runs on ``owner``'s segments (collinear
    and overlapping, joined end to end): 0 when it leaves them at once."""
    length = math.dist(p, q)
    if length == 0:
        return 0.0
    ux, uy = (q[0] - p[0]) / length, (q[1] - p[1]) / length
    spans = []
    for a, b in owner:
        if abs((a[0] - p[0]) * uy - (a[1] - p[1]) * ux) > 1e-6 or \
                abs((b[0] - p[0]) * uy - (b[1] - p[1]) * ux) > 1e-6:
            continue  # not on the same line
        ta = (a[0] - p[0]) * ux + (a[1] - p[1]) * uy
        tb = (b[0] - p[0]) * ux + (b[1] - p[1]) * uy
        spans.append((min(ta, tb), max(ta, tb)))
    reach = 0.0
    for lo, hi in sorted(spans):
        if lo > reach + 1e-6:
            break
        reach = max(reach, hi)
    return min(reach, length)


def _trimmed(points: list[Point], owner: list[tuple[Point, Point]]) -> list[Point]:
    """``points`` from where they leave ``owner``'s segments on (all of them when they
    leave at once)."""
    for k in range(len(points) - 1):
        p, q = points[k], points[k + 1]
        run = _covered(p, q, owner)
        length = math.dist(p, q)
        if run < length - 1e-6:
            if k == 0 and run <= 1e-6:
                return points
            t = run / length
            cut = (round(p[0] + (q[0] - p[0]) * t, 2), round(p[1] + (q[1] - p[1]) * t, 2))
            return [cut, *points[k + 1:]] if run > 1e-6 else points[k:]
    return points[-2:]


def part_kinds(children: list[ChildPlace]) -> None:
    """Where one union has children of different kinds, the lines of every kind but the
    first (:data:`KIND_ORDER`) start where they leave the lines of the kinds before it:
    the stem and each shared stretch of the bar are drawn once, in one kind."""
    unions: dict[tuple[str, ...], list[ChildPlace]] = defaultdict(list)
    for c in children:
        unions[c.parents].append(c)
    rank: Mapping[str, int] = {k: n for n, k in enumerate(KIND_ORDER)}
    for lines in unions.values():
        kinds = {c.kind for c in lines}
        if len(kinds) < 2:
            continue
        order = sorted(kinds, key=lambda k: (rank.get(k, len(rank)), k))
        drawn: list[tuple[Point, Point]] = []
        for kind in order:
            of_kind = [c for c in lines if c.kind == kind]
            if drawn:  # trimmed against the kinds before it, as they are drawn
                for c in of_kind:
                    if len(c.points) >= 2:
                        c.points = _trimmed(c.points, drawn)
            drawn += [(a, b) for c in of_kind for a, b in itertools.pairwise(c.points)]
