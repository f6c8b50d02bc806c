"""Dropping the hooks of routed systemogram lines: bends where a line doubles back.

Routing, swapping ways and fanning in may each leave a short hook, where a line runs out
and back over itself: it then seems to start or end elsewhere, and a double line's
strokes shoot out of the bend. :func:`drop_reversals` drops such a bend where the way
past it is clear of every box and crosses no more lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point
from .systemogram_crossers import crossed_count, near_segment
from .systemogram_route import MARGIN, TIGHT, Router

__all__ = ["REVERSAL", "drop_reversals", "reversals"]


REVERSAL = -0.9
"""Cosine of the turn beyond which a bend doubles back (a turn of over some 154 degrees):
a line that runs out and back over itself seems to start or end elsewhere, and a double
line's strokes shoot out of such a bend."""


def reversals(path: Sequence[Point]) -> list[int]:
    """The bends of ``path`` where it doubles back on itself (see :data:`REVERSAL`)."""
    out = []
    for k in range(1, len(path) - 1):
        (ax, ay), (bx, by), (cx, cy) = path[k - 1], path[k], path[k + 1]
        ux, uy, vx, vy = bx - ax, by - ay, cx - bx, cy - by
        lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
        if lu > 1e-9 and lv > 1e-9 and (ux * vx + uy * vy) < REVERSAL * lu * lv:
            out.append(k)
    return out


def drop_reversals(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                   skips: Sequence[Sequence[str]]) -> int:
    """Drop each bend where a path doubles back on itself, in place, where the way past it
    is clear of every box (at the router's margin, or else its ``TIGHT`` one, as routed)
    and crosses no more lines that share no end with it: routing, swapping ways and
    fanning in may each leave a short hook. Returns the bends dropped. O(L · s) to find
    the hooks, for L lines of s segments, plus O(L · s) per hook (there are few)."""
    dropped = 0
    for i, path in enumerate(paths):
        again = True
        while again:  # dropping a bend can make its neighbour double back: look again
            again = False
            for k in reversed(reversals(path)):
                if _drop_hook(router, paths, ends, skips, i, k):
                    dropped += 1
                    again = True
                    break
    return dropped


def _drop_hook(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
               skips: Sequence[Sequence[str]], i: int, k: int) -> bool:
    """Drop bend ``k`` of line ``i`` where the way past it is clear and crosses no more
    lines (see :func:`drop_reversals`); whether it was dropped."""
    path = paths[i]
    a, b, c = path[k - 1], path[k], path[k + 1]
    if _crossed_by(paths, ends, i, [(a, c)]) > _crossed_by(paths, ends, i, [(a, b), (b, c)]):
        return False
    for margin in (MARGIN, TIGHT):
        router.prepare_line(path[0], path[-1], skips[i], ends[i], margin=margin)
        if router.clear(a, c):
            del path[k]
            return True
    return False


def _crossed_by(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]], i: int,
                segs: Sequence[tuple[Point, Point]]) -> int:
    """How often ``segs`` (part of line ``i``) cross the lines sharing no end with it."""
    mine = set(ends[i])
    total = 0
    for j, other in enumerate(paths):
        if j == i or mine & set(ends[j]):
            continue
        total += crossed_count(segs, [near_segment(True, True, (), c, d)
                                      for c, d in pairwise(other)])
    return total
