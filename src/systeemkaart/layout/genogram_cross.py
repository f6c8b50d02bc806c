"""Counting the crossings of a genogram's family lines fast enough to choose between layouts.

The family lines (partner lines, sibling bars, child lines) are almost all horizontal and
vertical segments, so crossings are counted by sorting the vertical segments by x and
looking, for each horizontal one, only at the verticals within its x range. The few other
segments (the slanted lines of twins) are compared with every segment. Each crossing point
counts once: child lines of one union share their stem, and a line across it is one
crossing to a reader, not one per child. The count is the one
:func:`~.genogram_quality.structural_crossings` gives (segments of lines of one union do not
count against each other; touching ends do not count), without comparing all pairs.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator

from . import Point, crossing_point, proper_cross

__all__ = ["count_crossings", "crossing_groups", "crossing_score"]

_EPS = 1e-6


def count_crossings(lines: Iterable[tuple[str, list[Point]]]) -> int:
    """Proper crossing points between the polylines ``lines`` (``(group, points)``), each
    point once (lines drawn on top of each other are one line to a reader); lines of one
    group never count against each other."""
    return len({point for _, _, point in _crossings(lines)})


def crossing_score(lines: Iterable[tuple[str, list[Point]]]) -> tuple[int, int]:
    """Crossing pairs of segments, then crossing points (as :func:`count_crossings`): what
    a layout is chosen by. The pairs are what the sweeps and Graphviz reduce (each line
    on its own), and a finer guide between two orders than the points; of two layouts
    with as many pairs, the one with fewer visible crossing points is clearer."""
    found = list(_crossings(lines))
    return len(found), len({point for _, _, point in found})


def crossing_groups(lines: Iterable[tuple[str, list[Point]]]) -> set[str]:
    """The groups of ``lines`` (``(group, points)``) with a line that crosses a line of
    another group."""
    out: set[str] = set()
    for a, b, _ in _crossings(lines):
        out.add(a)
        out.add(b)
    return out


def _crossings(lines: Iterable[tuple[str, list[Point]]]) -> Iterator[tuple[str, str, Point]]:
    """Each proper crossing between lines of two groups, as the two groups and the point
    (rounded as :func:`~systeemkaart.layout.crossing_point` rounds it)."""
    horizontal: list[tuple[float, float, float, str]] = []  # (y, x1, x2, group)
    vertical: list[tuple[float, float, float, str]] = []  # (x, y1, y2, group)
    slanted: list[tuple[Point, Point, str]] = []
    for group, points in lines:
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if y1 == y2 and x1 != x2:
                horizontal.append((y1, min(x1, x2), max(x1, x2), group))
            elif x1 == x2 and y1 != y2:
                vertical.append((x1, min(y1, y2), max(y1, y2), group))
            elif x1 != x2:
                slanted.append(((x1, y1), (x2, y2), group))
    vertical.sort()
    xs = [v[0] for v in vertical]
    for y, x1, x2, group in horizontal:
        lo = bisect.bisect_right(xs, x1 + _EPS)
        hi = bisect.bisect_left(xs, x2 - _EPS)
        for x, y1, y2, other in vertical[lo:hi]:
            if y1 + _EPS < y < y2 - _EPS and other != group:
                yield group, other, (round(x, 2) + 0.0, round(y, 2) + 0.0)
    if slanted:
        horizontal.sort()
        ys = [h[0] for h in horizontal]
        for k, (p, q, group) in enumerate(slanted):
            (left, right), (top, bottom) = sorted((p[0], q[0])), sorted((p[1], q[1]))
            near = [((x, y1), (x, y2), g) for x, y1, y2, g in
                    vertical[bisect.bisect_left(xs, left):bisect.bisect_right(xs, right)]]
            near += [((x1, y), (x2, y), g) for y, x1, x2, g in
                     horizontal[bisect.bisect_left(ys, top):bisect.bisect_right(ys, bottom)]]
            near += slanted[k + 1:]
            for a, b, other in near:
                if other != group and proper_cross((p, q), (a, b)):
                    yield group, other, crossing_point((p, q), (a, b))
