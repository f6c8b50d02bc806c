"""Lines of one systemogram agent that cross each other near it, and their repair.

Lines of one agent leave it from one point (a card's row, a box's centre) and fan out to
their targets. Where one of them turns back across a sibling line near the agent, a reader
sees two lines swap places, or one line that turns back on itself, and cannot tell which
arrow starts where (the first rule of the drawing: every arrow visibly from its own agent
to its own target). :func:`sibling_crossings` finds such crossings within ``NEAR`` units
of the agent; :func:`untwist` gives one line of such a pair a new way from its stub (or
from where a sibling's stub ends) to a bend past the crossing, straight or round the
boxes, and the other line one too where the first would otherwise run beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from . import Point
from .ring_geometry import crossing_at, segments_cross
from .systemogram_route import Router
from .systemogram_tracks import beside_length, clear_at_margins, near_segments

__all__ = ["NEAR", "sibling_crossings", "untwist"]

NEAR = 160.0
"""Distance (units) from where a line leaves its agent within which it may not cross
another line of the same agent."""
BESIDE = 7.0
"""Distance (units) within which a straightened line may run no longer beside another
line than it did (the nudging's gap)."""
ROUNDS = 2
"""Most passes over the crossings (a repair may leave a crossing for the next pass)."""
TRIES = 6
"""Most crossings repaired in one drawing: a bounded cost."""
BENDS = 4
"""Most later bends a new way from the stub is tried to."""


def sibling_crossings(lines: Sequence[tuple[str, str, Sequence[Point]]],
                      near: float = NEAR) -> list[tuple[int, int, Point]]:
    """Every (line, line, point) where two lines of one agent (``lines`` as (agent, target,
    points from the agent)) cross within ``near`` of where the first leaves the agent.
    O(Σ s² ) over the pairs of one agent's lines of s segments: agents have few lines."""
    by_agent: dict[str, list[int]] = {}
    for i, (agent, _, _) in enumerate(lines):
        by_agent.setdefault(agent, []).append(i)
    out: list[tuple[int, int, Point]] = []
    for members in by_agent.values():
        for x, i in enumerate(members):
            pi = lines[i][2]
            for j in members[x + 1:]:
                pj = lines[j][2]
                for a, b in pairwise(pi):
                    for c, d in pairwise(pj):
                        if segments_cross(a, b, c, d):
                            pt = crossing_at(a, b, c, d)
                            if min(math.dist(pt, pi[0]), math.dist(pt, pj[0])) <= near:
                                out.append((i, j, pt))
    return out


def untwist(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            skips: Sequence[Sequence[str]], firsts: Sequence[int],
            plain: Sequence[bool] = ()) -> int:
    """Repair, in place, lines of one agent that cross each other within ``NEAR`` of it
    (``paths`` from the agent, ``ends`` their (agent, target), ``skips`` the boxes each may
    pass, ``firsts`` the index of each path's first bend that may move, after a card's
    stub; ``plain`` whether each is drawn as a plain stroke: one that is not keeps the
    router's margin, its pattern swings out). One of the two takes a new way from its
    stub's end (or from where a sibling's stub ends, on the same row) to a later bend
    past the crossing: straight where that is clear of every box, else round the boxes as
    the router finds it; where that way runs beside the other line of the pair, that
    line is given a new way too. A repair is kept
    only where both lines then cross no sibling near the agent, cross no more other lines
    and run no longer beside other lines (within ``BESIDE``). A route that leaves its card
    one way, turns back across its sibling and heads on reads as two lines swapping
    places; from the stub they fan out in order. Returns the lines given a new way.
    O(A · s²) per pass to find the crossings (A lines per agent, s segments), plus
    O(b² · L · s) per crossing (b bends tried, L lines)."""
    fixed, tries = 0, TRIES
    for _ in range(ROUNDS):
        found = sibling_crossings(list(zip([a for a, _ in ends], [t for _, t in ends],
                                           paths, strict=True)))
        done: set[int] = set()
        for i, j, _ in found:
            if done & {i, j} or tries <= 0:
                continue
            tries -= 1
            changed = _repair(router, paths, ends, skips, firsts, i, j, plain)
            done |= changed
            fixed += len(changed)
        if not done:
            break
    return fixed


def _repair(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            skips: Sequence[Sequence[str]], firsts: Sequence[int], i: int, j: int,
            plain: Sequence[bool] = ()) -> set[int]:
    """New ways for line ``i`` or ``j`` (or both) that no longer cross (see
    :func:`untwist`); the lines changed."""
    for x, y in ((j, i), (i, j)) if len(paths[j]) >= len(paths[i]) else ((i, j), (j, i)):
        old_x = _weigh(paths, ends, x, paths[x], y)
        was = -1.0  # how long line x ran beside line y, once a way needs it
        for new_x in _ways(router, paths, ends, skips, firsts, x, not plain or plain[x]):
            trial = [*paths[:x], new_x, *paths[x + 1:]]
            if not _no_worse(trial, ends, x, new_x, y, old_x):
                continue
            if was < 0.0:
                was = _beside(paths, x, paths[x], paths[x][firsts[x] - 1], only=y)
            if _beside(trial, x, new_x, new_x[firsts[x] - 1], only=y) <= was + 1e-9:
                paths[x] = new_x
                return {x}
            old_y = _weigh(trial, ends, y, paths[y], -1)
            for new_y in _ways(router, trial, ends, skips, firsts, y, not plain or plain[y]):
                both = [*trial[:y], new_y, *trial[y + 1:]]
                wy = _weigh(both, ends, y, new_y, -1)
                wx = _weigh(both, ends, x, new_x, -1)
                if wy[0] or wx[0] or wy[1] > old_y[1] or wy[2] > old_y[2] + 1e-9 \
                        or wx[2] > old_x[2] + 1e-9:
                    continue
                paths[x], paths[y] = new_x, new_y
                return {x, y}
    return set()


def _ways(router: Router, paths: Sequence[list[Point]], ends: Sequence[tuple[str, str]],
          skips: Sequence[Sequence[str]], firsts: Sequence[int], i: int,
          tight: bool = True) -> list[list[Point]]:
    """Other ways for line ``i``: from the end of its stub (or of a sibling's stub on the
    same row) to each later bend before its last segment, straight where that is clear of
    every box (at the router's margin, or else, where ``tight``, its ``TIGHT`` one), else
    as the router's
    quick search goes round the boxes; the rest of the line as it was."""
    path = paths[i]
    f = firsts[i]
    starts = [path[f - 1]]
    if f == 2:  # a card's stub: a sibling's shorter or longer stub on the same row too
        starts += sorted({p[1] for k, p in enumerate(paths) if k != i
                          and ends[k][0] == ends[i][0] and firsts[k] == 2 and len(p) > 2
                          and p[0] == path[0] and p[1] != path[1]},
                         key=lambda pt: math.dist(pt, path[1]))
    out: list[list[Point]] = []
    for m in range(f, min(len(path) - 1, f + BENDS)):
        for start in starts:
            if clear_at_margins(router, (start, path[m]), path, skips[i], ends[i], tight):
                out.append([*path[:f - 1], start, *path[m:]])
                continue
            leg = router.try_route(start, path[m], skips[i], ends[i])
            if leg is not None:
                out.append(path[:f - 1] + leg + path[m + 1:])
    return out


def _weigh(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]], i: int,
           path: Sequence[Point], partner: int) -> tuple[int, int, float]:
    """For line ``i`` as ``path`` among ``paths``: the siblings it crosses near the agent,
    the other lines it crosses, and how long it runs beside lines other than
    ``partner``."""
    return (_siblings_crossed(paths, ends, i, path), _others_crossed(paths, ends, i, path),
            _beside(paths, i, path, path[1], skip=partner))


def _no_worse(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]], i: int,
              path: Sequence[Point], partner: int, old: tuple[int, int, float]) -> bool:
    """True when line ``i`` as ``path`` crosses no sibling near the agent, no more other
    lines than ``old`` (its :func:`_weigh` as it was) says and runs no longer beside lines
    other than ``partner``: each measure taken only while those before pass (most new
    ways fail the first or second, and the last is the costliest)."""
    return (not _siblings_crossed(paths, ends, i, path)
            and _others_crossed(paths, ends, i, path) <= old[1]
            and _beside(paths, i, path, path[1], skip=partner) <= old[2] + 1e-9)


def _siblings_crossed(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                      i: int, path: Sequence[Point]) -> int:
    """How many lines of the same agent line ``i`` as ``path`` crosses near the agent."""
    siblings = 0
    for j, other in enumerate(paths):
        if j != i and ends[j][0] == ends[i][0]:
            siblings += any(segments_cross(a, b, c, d)
                            and min(math.dist(crossing_at(a, b, c, d), path[0]),
                                    math.dist(crossing_at(a, b, c, d), other[0])) <= NEAR
                            for a, b in pairwise(path) for c, d in pairwise(other))
    return siblings


def _others_crossed(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                    i: int, path: Sequence[Point]) -> int:
    """How often line ``i`` as ``path`` crosses lines sharing no end with it."""
    mine = set(ends[i])
    return sum(segments_cross(a, b, c, d) for j, c, d in near_segments(paths, i, path, 0.0)
               if mine.isdisjoint(ends[j]) for a, b in pairwise(path))


def _beside(paths: Sequence[Sequence[Point]], i: int, path: Sequence[Point], start: Point,
            skip: int = -1, only: int = -1) -> float:
    """How long ``path`` (line ``i``) runs within ``BESIDE`` of other lines (but line
    ``skip``; only of line ``only`` when given), nearly parallel, leaving out
    ``CLOSE_END`` about ``start`` (where siblings leave together) and about the ends."""
    if only >= 0:  # the segments of that line alone, in the same order
        near = [] if only == i else [(only, c, d) for _, c, d in
                                     near_segments([paths[only]], -1, path, BESIDE)]
    else:
        near = near_segments(paths, i, path, BESIDE)
    return beside_length(paths, path, BESIDE, [seg for seg in near if seg[0] != skip],
                         (start, path[0], path[-1]))
