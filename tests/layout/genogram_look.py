"""Two things a reader of a genogram must never be shown, measured on the finished layout:

- a **false twin mark**: two child lines into different children that come to one point
  (within :data:`NEAR` units) and part from there downwards, as the twin mark does (a Λ),
  when the two children are not twins of one birth (``twin_of``, followed both ways);
- **lines on lines**: two family lines (partner or child lines) of different kinds, or two
  lines into one child, that run within :data:`NEAR` units of each other for more than
  :data:`ALONG` units: a reader cannot tell which is which there. The child lines of one
  union of one kind share the union's stem and bar by design and are not compared.

Both look at every segment (slants too, not only the axis-parallel ones); the families of
the tests and the benches are small enough for a pairwise look with a box test first.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

from systeemkaart.layout import Point
from systeemkaart.layout.genogram import GenogramLayout
from systeemkaart.model import Case

__all__ = ["ALONG", "NEAR", "false_twin_marks", "family_lines_on_lines", "twin_births"]

NEAR = 3.0
"""Two lines closer than this read as one line (or one point)."""
ALONG = 10.0
"""Two lines close for more than this run on each other."""
_STEP = 0.5
"""The step along a segment at which the distance to the other line is measured."""
_PART = math.radians(8.0)
"""Two lines leaving one point downwards part when their directions differ by more."""

Line = tuple[str, str, str, tuple[str, ...], list[Point]]
"""(what: partnership or child, kind, child or "", parents, points)."""


def twin_births(case: Case) -> dict[str, int]:
    """Each twin's birth: the twins linked by ``twin_of`` (either way, in chains) share a
    number; people without a twin have none."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for p in case.people:
        if p.twin_of is not None:
            parent[find(p.id)] = find(p.twin_of)
    roots = sorted({find(x) for x in parent} | set(parent.values()))
    number = {r: k for k, r in enumerate(roots)}
    return {x: number[find(x)] for x in {*parent, *parent.values()}}


def _lines(layout: GenogramLayout) -> list[Line]:
    out: list[Line] = [("partnership", p.kind, "", tuple(sorted(p.partners)), p.points)
                       for p in layout.partnerships]
    out += [("child", c.kind, c.child, tuple(sorted(c.parents)), c.points)
            for c in layout.children]
    return out


def _down_from(points: list[Point]) -> list[tuple[Point, float]]:
    """The vertices of a line from which its next segment goes down, with its direction."""
    out = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if y2 > y1 + 1e-9:
            out.append(((x1, y1), math.atan2(y2 - y1, x2 - x1)))
    return out


def false_twin_marks(case: Case, layout: GenogramLayout) -> list[tuple[str, str, Point]]:
    """Pairs of children (not twins of one birth) whose lines come to one point and part
    downwards from there, with the point: ``(child, child, point)``, sorted."""
    births = twin_births(case)
    downs = [(c.child, _down_from(c.points)) for c in layout.children]
    found: set[tuple[str, str, Point]] = set()
    for (a, da), (b, db) in itertools.combinations(downs, 2):
        if a == b or (a in births and births.get(b) == births[a]):
            continue
        for (p, ta), (q, tb) in itertools.product(da, db):
            if math.dist(p, q) < NEAR and abs(ta - tb) > _PART:
                first, second = sorted((a, b))
                found.add((first, second, (round(p[0], 1), round(p[1], 1))))
    return sorted(found)


def _distance(p: Point, a: Point, b: Point) -> float:
    """From ``p`` to the segment ``a``-``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _close_run(points: list[Point], other: list[Point]) -> float:
    """The longest stretch of ``points`` (a polyline) that stays within :data:`NEAR` of
    the polyline ``other``."""
    segs = list(itertools.pairwise(other))
    lo = [(min(a[0], b[0]) - NEAR, min(a[1], b[1]) - NEAR) for a, b in segs]
    hi = [(max(a[0], b[0]) + NEAR, max(a[1], b[1]) + NEAR) for a, b in segs]
    best = run = 0.0
    for a, b in itertools.pairwise(points):
        length = math.dist(a, b)
        steps = max(1, math.ceil(length / _STEP))
        for k in range(steps + (1 if (a, b) == (points[-2], points[-1]) else 0)):
            t = k / steps
            p = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            near = any(lo[i][0] <= p[0] <= hi[i][0] and lo[i][1] <= p[1] <= hi[i][1]
                       and _distance(p, s, e) < NEAR for i, (s, e) in enumerate(segs))
            if near:
                run += length / steps if k else 0.0
                best = max(best, run)
            else:
                run = 0.0
    return best


def _box(points: list[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def family_lines_on_lines(layout: GenogramLayout) -> list[tuple[str, str]]:
    """Pairs of family lines (of different kinds, or both into one child) that run within
    :data:`NEAR` of each other for more than :data:`ALONG` units, each named
    ``what:kind:parents>child``; sorted."""
    lines = [line for line in _lines(layout) if len(line[4]) >= 2]
    boxes = [_box(line[4]) for line in lines]
    found: set[tuple[str, str]] = set()
    by_name: dict[int, str] = defaultdict(str)
    for n, (what, kind, child, parents, _) in enumerate(lines):
        by_name[n] = f"{what}:{kind}:{'+'.join(parents)}>{child}"
    for i, j in itertools.combinations(range(len(lines)), 2):
        a, b = lines[i], lines[j]
        same_kind = (a[0], a[1]) == (b[0], b[1])
        if same_kind and not (a[0] == "child" and a[2] == b[2]):
            continue
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes[i], boxes[j]
        if ax0 > bx1 + NEAR or bx0 > ax1 + NEAR or ay0 > by1 + NEAR or by0 > ay1 + NEAR:
            continue
        if _close_run(a[4], b[4]) > ALONG:
            found.add(tuple(sorted((by_name[i], by_name[j]))))  # type: ignore[arg-type]
    return sorted(found)
