"""Arrowheads into one person that stand too close to tell apart.

An involvement ends in an arrowhead at its person's symbol. Where two such heads stand
almost touching, a reader sees one thick arrow, or cannot tell which of two lines each
head closes: whose arrow ends at this person is lost, however clear the lines are
farther out. :func:`crowded_heads` lists the pairs of heads into one person whose
triangles (as drawn: ``HEAD_LENGTH`` long, ``HEAD_HALF`` to each side) come within
``HEAD_GAP`` of each other; the port placing (:mod:`.systemogram_ports`) is judged by it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point, segment_distance
from .ring_geometry import segments_cross
from .ring_links import LinkPlace

__all__ = ["HEAD_GAP", "HEAD_HALF", "HEAD_LENGTH", "crowded_heads", "head", "heads_apart"]

HEAD_LENGTH = 7.0
"""Length (units) of an arrowhead as drawn (the painter's default size)."""
HEAD_HALF = 0.45 * HEAD_LENGTH
"""Half the width (units) of an arrowhead's base as drawn."""
HEAD_GAP = 4.0
"""Clear space (units) between two arrowheads under which they read as one."""


def head(points: Sequence[Point]) -> tuple[Point, Point, Point] | None:
    """The corners of the arrowhead at the end of ``points`` (tip first), pointing along
    the last piece of the line as the painter draws it; ``None`` where the line has no
    length at its end."""
    tip = points[-1]
    for before in reversed(points[:-1]):
        length = math.dist(before, tip)
        if length > 1e-9:
            ux, uy = (tip[0] - before[0]) / length, (tip[1] - before[1]) / length
            bx, by = tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH
            return (tip, (bx - uy * HEAD_HALF, by + ux * HEAD_HALF),
                    (bx + uy * HEAD_HALF, by - ux * HEAD_HALF))
    return None


def heads_apart(a: Sequence[Point], b: Sequence[Point]) -> float:
    """Clear space (units) between two triangles: 0 where they touch or overlap."""
    edges_a = list(pairwise([*a, a[0]]))
    edges_b = list(pairwise([*b, b[0]]))
    if any(segments_cross(p, q, r, s) for p, q in edges_a for r, s in edges_b):
        return 0.0
    if _inside(a[0], b) or _inside(b[0], a):
        return 0.0
    return min(min(segment_distance(p, r, s) for p in a for r, s in edges_b),
               min(segment_distance(p, r, s) for p in b for r, s in edges_a))


def _inside(pt: Point, tri: Sequence[Point]) -> bool:
    """Whether ``pt`` lies inside the triangle ``tri``."""
    signs = []
    for (ax, ay), (bx, by) in pairwise([*tri, tri[0]]):
        signs.append((bx - ax) * (pt[1] - ay) - (by - ay) * (pt[0] - ax))
    return all(s >= 0 for s in signs) or all(s <= 0 for s in signs)


def crowded_heads(links: Sequence[LinkPlace], gap: float = HEAD_GAP
                  ) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` (indices into ``links``, ``i < j``) of involvements into one
    person whose arrowheads come within ``gap`` of each other. O(Σ L²) over people with
    L involvements each."""
    by_person: dict[str, list[tuple[int, tuple[Point, Point, Point]]]] = {}
    for i, lk in enumerate(links):
        if lk.kind != "involvement" or len(lk.points) < 2:
            continue
        tri = head(lk.points)
        if tri is not None:
            by_person.setdefault(lk.target, []).append((i, tri))
    out = []
    for pid in sorted(by_person):
        mine = by_person[pid]
        for k, (i, a) in enumerate(mine):
            for j, b in mine[k + 1:]:
                if heads_apart(a, b) < gap:
                    out.append((min(i, j), max(i, j)))
    return sorted(out)
