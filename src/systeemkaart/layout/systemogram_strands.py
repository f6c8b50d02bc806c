"""Strands: parallel lines whose strokes lie so close that a reader cannot follow one.

Lines that run side by side a track apart still read as separate lines when the clear
space between their outer strokes is plain to see; where it shrinks to a few units, and
most of all between double lines (two strokes and a gap each), the lines read as one
cable and a reader cannot follow one from its card to its arrowhead. :func:`strand_runs`
measures, for every pair of lines, how long they run nearly parallel (within
``STRAND_ANGLE`` degrees) with less than ``STRAND_GAP`` clear between their outer strokes
(a double line's half width reaches to the outer edge of its outer stroke:
:func:`~.systemogram_corridor.extent`); :func:`strands` lists the pairs that do so over
more than ``STRAND_RUN`` units. Lines of one agent count too (each arrow must be
traceable); the ``CLOSE_END`` units at an end two lines share are left out (they leave
one card row or meet at one person's ports by design).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Point
from .ring_centre import PersonPlace
from .ring_links import LinkPlace
from .systemogram_close import (
    CLOSE_END,
    STRAND_GAP,
    STRAND_RUN,
    close_length,
    nearly_parallel,
    shared_ends,
)
from .systemogram_corridor import extent
from .systemogram_lines import routed_ends

__all__ = ["STRAND_ANGLE", "STRAND_GAP", "STRAND_RUN", "least_clear", "strand_runs",
           "strands"]

STRAND_ANGLE = 6.0
"""Largest angle (degrees) between two segments that run side by side as strands."""

_SINE = math.sin(math.radians(STRAND_ANGLE))


def strand_runs(lines: Sequence[tuple[str, str, Sequence[Point]]], widths: Sequence[float],
                gap: float = STRAND_GAP) -> dict[tuple[int, int], float]:
    """For every pair of ``lines`` (``i < j``; (agent, target, points) as ``routed_ends``
    gives them, drawn ``widths`` wide across), the length over which line ``i`` runs nearly
    parallel to line ``j`` with less than ``gap`` clear between their outer strokes,
    leaving out ``CLOSE_END`` at an end they share. Pairs with no such run are left out.
    O(S²) segment pairs behind a box test each (a drawing has a few hundred)."""
    segs = [(i, p, q) for i, (_, _, pts) in enumerate(lines) for p, q in pairwise(pts)]
    widest = max(widths, default=0.0)
    reach = gap + widest + 1.0
    boxes = [(min(p[0], q[0]) - reach, max(p[0], q[0]) + reach,
              min(p[1], q[1]) - reach, max(p[1], q[1]) + reach) for _, p, q in segs]
    out: dict[tuple[int, int], float] = {}
    for k, (i, p, q) in enumerate(segs):
        x0, x1, y0, y1 = boxes[k]
        for j, a, b in segs[k + 1:]:
            if j == i or max(a[0], b[0]) < x0 or min(a[0], b[0]) > x1 \
                    or max(a[1], b[1]) < y0 or min(a[1], b[1]) > y1:
                continue
            if not nearly_parallel(p, q, a, b, _SINE):
                continue
            room = gap + (widths[i] + widths[j]) / 2
            holes = shared_ends(lines[i][2], lines[i][:2], lines[j][:2])
            run = close_length(p, q, a, b, room, holes, CLOSE_END)
            if run > 0:
                key = (i, j) if i < j else (j, i)
                out[key] = out.get(key, 0.0) + run
    return dict(sorted(out.items()))


def strands(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace]
            ) -> dict[tuple[int, int], float]:
    """Every pair of drawn ``links`` (indices, ``i < j``) that run nearly parallel with
    less than ``STRAND_GAP`` clear between their strokes for more than ``STRAND_RUN``
    units, with that length: the lines a reader cannot follow one by one."""
    lines = routed_ends(links, people)
    widths = [extent(lk) for lk in links]
    return {pair: run for pair, run in strand_runs(lines, widths).items()
            if run > STRAND_RUN}


def least_clear(one: Sequence[Point], two: Sequence[Point], widths: tuple[float, float],
                holes: Sequence[Point] = (), reach: float = 12.0) -> float:
    """The least clear space (units) between the outer strokes of lines ``one`` and
    ``two`` (drawn ``widths`` wide) where they run nearly parallel and side by side over
    at least a unit, leaving out ``CLOSE_END`` about each of ``holes`` (ends they share),
    looking no farther than ``reach`` clear (``reach`` where they never come so near):
    how far apart a reader sees two strands."""
    half = (widths[0] + widths[1]) / 2
    best = reach
    for p, q in pairwise(one):
        for a, b in pairwise(two):
            if not nearly_parallel(p, q, a, b, _SINE):
                continue
            lo, hi = 0.0, reach
            if close_length(p, q, a, b, hi + half, holes, CLOSE_END) < 1.0:
                continue
            for _ in range(30):  # the least gap at which they run a unit side by side
                mid = (lo + hi) / 2
                if close_length(p, q, a, b, mid + half, holes, CLOSE_END) >= 1.0:
                    hi = mid
                else:
                    lo = mid
            best = min(best, hi)
    return best
