"""Small jogs taken out of routed systemogram lines (in drawings of up to ``CROWDED`` lines).

The passes that part lines into tracks and move them off frames and off each other shift
stretches of a line by a few units. Where such a shift leaves a bend that lies within
``JOG`` of the straight way between its neighbours, the line shows a small zigzag or step
that serves nothing a reader can see: it reads as a hand-drawn wobble, or as a junction
where another line might leave. :func:`jogs` lists such bends; :func:`smooth_jogs` drops
them where the straight way is clear of every box, crosses no more lines, and runs no
longer beside other lines or along a household frame (the tests of
:func:`~.systemogram_touch.untouch`), the whole line makes no more bands, and it meets
the other lines into its person no more often. A jog along a frame splits a run beside
it into two shorter segments; the straight way runs no longer beside the frame, in one.
A card's stub and the fan into a person's ports stay.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import BAND_RUN, frame_edges
from .systemogram_frame_clear import band_runs
from .systemogram_route import Router
from .systemogram_touch import meetings_of, skippable
from .systemogram_tracks import BESIDE, boxed, near_segments

__all__ = ["JOG", "jogs", "smooth_jogs"]

JOG = 3.0
"""How far (units) a bend may lie off the straight way between its neighbours and still
be a jog rather than a turn."""

_LEAST = 0.3
"""Bends closer than this to the straight way are not seen as bends at all."""


def _movable(path: Sequence[Point], first: int, kept: int) -> range:
    """The indices of the points of ``path`` that may be dropped: after the stub (from
    ``first``) and before the fan (the last ``kept`` points)."""
    return range(max(first, 1), len(path) - max(kept, 1))


def _is_jog(path: Sequence[Point], k: int) -> bool:
    """True when point ``k`` of ``path`` lies within ``JOG`` of the straight way between
    its neighbours (and is a bend at all)."""
    return _LEAST < segment_distance(path[k], path[k - 1], path[k + 1]) < JOG


def jogs(paths: Sequence[Sequence[Point]], firsts: Sequence[int],
         kept: Sequence[int]) -> list[tuple[int, int]]:
    """The jogs of ``paths``: (line, point) of each bend outside the stubs and fans that
    lies within ``JOG`` of the straight way between its neighbours. O(total points)."""
    return [(i, k) for i, path in enumerate(paths)
            for k in _movable(path, firsts[i], kept[i]) if _is_jog(path, k)]


def _allowed(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
             widths: Sequence[float], skips: Sequence[Sequence[str]],
             edges: Sequence[tuple[Point, Point]], i: int, k: int, reach: float) -> bool:
    """True when line ``i`` may drop its point ``k`` as far as the lines and boxes near it
    go (see the module; the meetings at its person are weighed by the caller)."""
    path = paths[i]
    near = near_segments(paths, i, path[k - 1:k + 2], reach)
    if not skippable(router, paths, widths, i, k - 1, k + 1, edges, skips, ends,
                     boxed(near), reach):
        return False
    return not _new_band(paths, widths, i, k, near)


def _new_band(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int, k: int,
              near: Sequence[tuple[int, Point, Point]]) -> bool:
    """True when line ``i`` without its point ``k`` runs in a band (over ``BAND_RUN``
    beside one line, see :func:`~.systemogram_frame_clear.banded`) longer than it did:
    two short runs beside a line, one each side of a jog, may join into one. Only the
    lines (of the segments ``near`` the jog) it runs beside longer where the jog was are
    weighed along the whole line."""
    path = paths[i]
    before = band_runs(paths, widths, i, path[k - 1:k + 2], near)
    after = band_runs(paths, widths, i, [path[k - 1], path[k + 1]], near)
    for j, run in after.items():
        if run <= before.get(j, 0.0) + 1e-9:
            continue
        segs = [(j, c, d) for c, d in pairwise(paths[j])]
        rest = (band_runs(paths, widths, i, path[:k], segs).get(j, 0.0)
                + band_runs(paths, widths, i, path[k + 1:], segs).get(j, 0.0))
        if rest + run > BAND_RUN:
            return True
    return False


def smooth_jogs(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                widths: Sequence[float], skips: Sequence[Sequence[str]],
                firsts: Sequence[int], kept: Sequence[int],
                people: Mapping[str, PersonPlace], frames: Sequence[Box] = ()) -> int:
    """Drop, in place, the jogs of ``paths`` (see :func:`jogs`) whose straight way is
    allowed (see the module); a dropped bend's neighbours are tried again with their new
    neighbours. ``skips`` are the boxes each line may pass, ``firsts`` each path's first
    point that may move, ``kept`` how many points at each path's end stay. Returns the
    bends dropped. O(j · s) for j jogs and s segments near each."""
    edges = frame_edges(frames)
    reach = BESIDE + max(widths, default=0.0)
    dropped = 0
    for i, path in enumerate(paths):
        meets: Callable[[Sequence[Point]], int] | None = None  # the other lines stay
        k = max(firsts[i], 1)
        while k < len(path) - max(kept[i], 1):
            if _is_jog(path, k) and _allowed(router, paths, ends, widths, skips, edges, i, k,
                                             reach):
                new = path[:k] + path[k + 1:]
                if ends[i][1] in people and meets is None:
                    meets = meetings_of(paths, ends, widths, kept, people, i)
                if meets is None or meets(new) <= meets(path):
                    del path[k]
                    dropped += 1
                    k = max(k - 1, max(firsts[i], 1))
                    continue
            k += 1
    return dropped
