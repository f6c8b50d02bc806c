"""Where the other lines of a drawing cross a given line, found through a grid.

A cut-off relation's marks keep away from the points where other lines cross it (see
:func:`~systeemkaart.render.svglines.line_markup`). Comparing each cut-off with every
segment of a 3,000-person genogram (about 9,000 segments) cost about 80 ms for a dozen
cut-offs; here each segment is kept once in the cells of a grid its bounding box covers,
and a line is compared only with the segments in the cells its own segments' boxes cover.
The answer is the one the comparison with every segment gives, in the same order.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final

from ..layout import Point, proper_cross

__all__ = ["CrossingPoints"]

_PER_X: Final = 1 / 512
_PER_Y: Final = 1 / 128
"""One over the width and height of a grid cell, in user units: wide, as a genogram is (a
3,000-person family: 120,000 units by 2,000), so that a family line's segment lies in one or
two cells and a cell holds few segments (measured: the fewest milliseconds there). Powers
of two, so ``x * _PER_X`` is exact."""

Segment = tuple[Point, Point]


def _span(a: float, b: float, per: float) -> range:
    """The cell numbers from ``a`` to ``b`` along one axis (either may be the larger)."""
    if a > b:
        a, b = b, a
    return range(math.floor(a * per), math.floor(b * per) + 1)


class CrossingPoints:
    """The segments of ``paths`` (every drawn line, each a list of points), kept for asking
    where the others cross one of them (:meth:`on`).

    ``asked``: the paths :meth:`on` will be asked about (some of ``paths``; default all).
    Only segments that share a grid cell with one of theirs are kept: a segment crossing
    another shares the cell of the crossing point with it. A drawing asks about its dozen
    cut-offs among 9,000 segments: most segments are passed over with one look-up."""

    def __init__(self, paths: Sequence[Sequence[Point]],
                 asked: Sequence[Sequence[Point]] | None = None) -> None:
        self.paths = paths
        self.segments: dict[int, Segment] = {}
        """The segments kept, by number (in the order of ``paths``, each path's in turn)."""
        self.owner: dict[int, int] = {}
        """Per segment kept, the index of its path in ``paths``."""
        self.cells: dict[tuple[int, int], list[int]] = {}
        """Per cell, the segments (by number, in the order of ``paths``) whose box meets it."""
        wanted: set[tuple[int, int]] | None = None
        if asked is not None:
            wanted = {(i, j) for points in asked for (x1, y1), (x2, y2) in
                      itertools.pairwise(points)
                      for i in _span(x1, x2, _PER_X) for j in _span(y1, y2, _PER_Y)}
        cells, segments, owner, floor = self.cells, self.segments, self.owner, math.floor
        n = -1
        for k, points in enumerate(paths):
            for s in itertools.pairwise(points):
                n += 1
                (x1, y1), (x2, y2) = s
                i, j = floor(x1 * _PER_X), floor(y1 * _PER_Y)
                i2, j2 = floor(x2 * _PER_X), floor(y2 * _PER_Y)
                if i == i2 and j == j2:  # most
                    if wanted is None or (i, j) in wanted:
                        segments[n] = s
                        owner[n] = k
                        cells.setdefault((i, j), []).append(n)
                    continue
                rows = range(j, j2 + 1) if j <= j2 else range(j2, j + 1)  # as _span
                met = [(a, b) for a in (range(i, i2 + 1) if i <= i2 else range(i2, i + 1))
                       for b in rows if wanted is None or (a, b) in wanted]
                if met:
                    segments[n] = s
                    owner[n] = k
                    for cell in met:
                        cells.setdefault(cell, []).append(n)

    def on(self, path: Sequence[Point]) -> list[Point]:
        """Where the segments of the other paths cross ``path`` (one of ``paths`` and of
        ``asked``, told apart by identity), as :func:`~systeemkaart.layout.proper_cross`
        decides: ordered by the crossing path's place in ``paths``, then by segment along
        it, then along ``path``."""
        from ..layout.genogram_quality import crossing_point  # only drawings with a cut-off

        paths, segments, owner, cells = self.paths, self.segments, self.owner, self.cells
        hits: list[tuple[int, int, Point]] = []
        for j, s in enumerate(itertools.pairwise(path)):
            (x1, y1), (x2, y2) = s
            seen: set[int] = set()
            rows = _span(y1, y2, _PER_Y)
            for i in _span(x1, x2, _PER_X):
                for k in rows:
                    for n in cells.get((i, k), ()):
                        if n in seen:
                            continue
                        seen.add(n)
                        t = segments[n]
                        if paths[owner[n]] is not path and proper_cross(s, t):
                            hits.append((n, j, crossing_point(s, t)))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        return [point for _, _, point in hits]
