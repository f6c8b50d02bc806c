"""Lines of the rows of one card that weave over each other near it, and their repair.

The professionals of one organisation stand as rows of one card, and each row's lines
leave it sideways from a short stub. Where the line of one row crosses the line of
another row of the same card near the card, or runs past the end of another row's stub,
a reader cannot tell which row's line is which, and a line seems to start at the other
row's stub (the first rule of the drawing: every arrow visibly from its own agent to its
own target). :func:`weaves` finds such pairs; :func:`unweave` gives one line of a pair a
new way from its stub, past the other row's stub end where that is in its way, to one of
its later bends; or, where both lines go to one person, each line the rest of the
other's way (they swap ports, and nest instead of crossing). Only a few pairs are tried
in one drawing, those nearest the card first: a bounded cost in a crowded drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .ring_geometry import crossing_at, segments_cross
from .systemogram_close import BAND_RUN, frame_edges
from .systemogram_frame_clear import along_frames, band_runs
from .systemogram_leave import in_card
from .systemogram_route import Router
from .systemogram_siblings import BESIDE, NEAR, _beside, _others_crossed
from .systemogram_touch import meetings
from .systemogram_tracks import clear_at_margins, near_segments

__all__ = ["CLEAR", "TRIES", "unweave", "weaves"]

CLEAR = 4.0
"""Least clear space (units, stroke to stroke) between a line and the end of another
row's stub: closer, the line seems to start there."""
TRIES = 40
"""Most pairs of lines repaired in one drawing: a bounded cost."""
BENDS = 6
"""Most later bends a new way from the stub is tried to."""
ROOM = 2.0
"""Room (units) a new way keeps beyond ``CLEAR`` past another row's stub end."""


def card_of(agents: Mapping[str, Box], cards: Mapping[str, Box | None],
            agent: str) -> tuple[float, float, float, float] | None:
    """The frame (x, y, w, h) of the card whose row ``agent`` is, or ``None`` for an
    agent drawn alone: lines of one card's rows are compared."""
    box, card = agents.get(agent), cards.get(agent)
    if box is None or card is None or not in_card(box, card):
        return None
    return (card.x, card.y, card.w, card.h)


def weaves(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], groups: Sequence[object | None]
           ) -> list[tuple[float, int, int]]:
    """Every (distance, line, line) where lines of two rows of one card (``groups``: the
    card of each line, ``None`` for none) cross within ``NEAR`` of where either leaves
    the card, or one passes within ``CLEAR`` (stroke to stroke) of the end of the other's
    stub; the distance is from the first line's start to the crossing or stub end, the
    list ordered nearest first. O(Σ c² · s²) over the c lines of each card."""
    by_card: dict[object, list[int]] = {}
    for i, group in enumerate(groups):
        if group is not None and len(paths[i]) > 2:
            by_card.setdefault(group, []).append(i)
    out: list[tuple[float, int, int]] = []
    for members in by_card.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                near = _trouble(paths[i], paths[j], widths[i], widths[j],
                                ends[i][0] != ends[j][0])
                if near is not None:
                    out.append((near, i, j))
    out.sort()
    return out


def _trouble(one: Sequence[Point], other: Sequence[Point], w_one: float, w_other: float,
             rows: bool = True) -> float | None:
    """How far from the start of ``one`` the first trouble between two lines of one card
    lies (see :func:`weaves`; a stub end passed counts only between two ``rows``, lines
    of one agent leave side by side), or ``None`` where there is none."""
    near = math.inf
    for a, b in pairwise(one):
        for c, d in pairwise(other):
            if segments_cross(a, b, c, d):
                pt = crossing_at(a, b, c, d)
                if min(math.dist(pt, one[0]), math.dist(pt, other[0])) <= NEAR:
                    near = min(near, math.dist(pt, one[0]))
    if not rows:
        return None if near == math.inf else near
    room = CLEAR + (w_one + w_other) / 2
    for path, end in ((one, other[1]), (other, one[1])):
        if any(segment_distance(end, a, b) < room for a, b in pairwise(path)):
            near = min(near, math.dist(end, one[0]))
    return None if near == math.inf else near


def unweave(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            widths: Sequence[float], skips: Sequence[Sequence[str]],
            firsts: Sequence[int], kept: list[int], agents: Mapping[str, Box],
            cards: Mapping[str, Box | None], people: Mapping[str, PersonPlace],
            frames: Sequence[Box]) -> int:
    """Repair, in place, lines of two rows of one card that cross near it or pass the end
    of the other's stub (:func:`weaves`). ``paths`` run from the agent, ``ends`` are their
    (agent, target), ``widths`` as drawn, ``skips`` the boxes each may pass, ``firsts``
    the index of each path's first bend that may move, ``kept`` how many points at the
    end of each are its fan into its person (swapped with the ways), ``agents`` and
    ``cards`` the boxes and the card of each, ``people`` and household ``frames`` as
    drawn. For at most ``TRIES`` pairs, nearest the card first: one line takes a new way
    from its stub's end to one of its later bends, straight where clear of every box,
    past the other's stub end where that row is in its way; or, where both lines go to
    one person, each a straight way to a later bend of the other and the rest of the
    other's way from there. A new way is kept only where the pair then neither crosses
    near the card nor passes a stub end, each line has no more such trouble with the
    other rows of its card, crosses no more lines and runs no longer beside other lines,
    and the two lines run no longer along a household frame, make no more bands nor
    longer ones and meet the other lines into their persons no more often. Returns the
    lines given a new way. O(T · b² · L · s) for T pairs, b bends tried, L lines of s
    segments."""
    groups = [card_of(agents, cards, agent) if firsts[i] == 2 else None
              for i, (agent, _) in enumerate(ends)]
    found = weaves(paths, ends, widths, groups)
    edges = frame_edges(frames)

    def allowed(trial: Sequence[Sequence[Point]], trial_kept: Sequence[int],
                lines: Sequence[int]) -> bool:
        """True when ``lines`` as in ``trial`` run no longer along a frame, make no more
        bands nor longer ones and meet the other lines into their persons no more
        often than now."""
        return all(_shared(trial, trial_kept, lines, k) <= _shared(paths, kept, lines, k)
                   + 1e-9 for k in range(4))

    def _shared(now: Sequence[Sequence[Point]], now_kept: Sequence[int],
                lines: Sequence[int], measure: int) -> float:
        """One of the measures :func:`allowed` weighs, summed over ``lines``."""
        if measure == 0:
            return sum(along_frames(now[k], edges) for k in lines)
        if measure == 3:
            return sum(meetings(now, ends, widths, now_kept, people, k, now[k])
                       for k in lines if ends[k][1] in people)
        runs = [run for k in lines for run in band_runs(
            now, widths, k, now[k], near_segments(now, k, now[k], BESIDE + max(widths))
        ).values() if run > BAND_RUN]
        return float(len(runs)) if measure == 1 else sum(runs)

    moved: set[int] = set()
    for _, i, j in found[:TRIES]:
        rows = ends[i][0] != ends[j][0]
        if moved & {i, j} or _trouble(paths[i], paths[j], widths[i], widths[j], rows) is None:
            continue
        moved |= _repair(router, paths, ends, widths, skips, kept, groups, i, j, allowed)
    return len(moved)


def _repair(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
            widths: Sequence[float], skips: Sequence[Sequence[str]], kept: list[int],
            groups: Sequence[object | None], i: int, j: int,
            allowed: Callable[[Sequence[Sequence[Point]], Sequence[int], Sequence[int]], bool]
            ) -> set[int]:
    """New ways for line ``i`` or ``j``, or both swapping the rests of their ways (see
    :func:`unweave`; ``allowed`` the last test of a trial's lines); the lines changed."""
    rows = ends[i][0] != ends[j][0]
    old = {k: _weigh(paths, ends, widths, groups, k, paths[k], i + j - k) for k in (i, j)}
    for x, y in ((j, i), (i, j)):
        for new_x in _ways(router, paths, skips, ends, kept, x, y, widths, x):
            trial = [*paths[:x], new_x, *paths[x + 1:]]
            if _trouble(new_x, paths[y], widths[x], widths[y], rows) is None \
                    and _no_worse(trial, ends, widths, groups, x, y, old[x]) \
                    and allowed(trial, kept, (x, y)):
                paths[x] = new_x
                return {x}
    if ends[i][1] != ends[j][1]:
        return set()
    for new_i in _ways(router, paths, skips, ends, kept, i, j, widths, j):
        for new_j in _ways(router, paths, skips, ends, kept, j, i, widths, i):
            if _trouble(new_i, new_j, widths[i], widths[j], rows) is not None:
                continue
            trial = list(paths)
            trial[i], trial[j] = new_i, new_j
            swapped = list(kept)
            swapped[i], swapped[j] = kept[j], kept[i]
            if _no_worse(trial, ends, widths, groups, i, j, old[i]) \
                    and _no_worse(trial, ends, widths, groups, j, i, old[j]) \
                    and allowed(trial, swapped, (i, j)):
                paths[i], paths[j] = new_i, new_j
                kept[i], kept[j] = kept[j], kept[i]
                return {i, j}
    return set()


def _ways(router: Router, paths: Sequence[list[Point]], skips: Sequence[Sequence[str]],
          ends: Sequence[tuple[str, str]], kept: Sequence[int], i: int, other: int,
          widths: Sequence[float], rest: int) -> list[list[Point]]:
    """Other ways for line ``i``: its stub, then straight (clear of every box) to each
    later bend of line ``rest`` (itself or the other line of the pair) before its last
    segment and no later than its fan's first point (``kept``) that lies beyond both
    rows (a way back between them turns back on itself), directly or, where the other
    row lies on the way there, past the end of line ``other``'s stub; and the rest of
    that line's way from there."""
    path, tail = paths[i], paths[rest]
    start, stub_end = path[1], paths[other][1]
    side = 1.0 if path[1][0] > path[0][0] else -1.0
    past = (stub_end[0] + side * (CLEAR + ROOM + (widths[i] + widths[other]) / 2),
            stub_end[1])
    out: list[list[Point]] = []
    levels = sorted((start[1], stub_end[1]))
    for m in range(2, min(len(tail) - 1, len(tail) - kept[rest] + 1, 2 + BENDS)):
        if levels[0] <= tail[m][1] <= levels[1]:
            continue
        beyond = ends[i][0] != ends[other][0] \
            and (stub_end[1] - start[1]) * (tail[m][1] - stub_end[1]) > 0.0
        for via in ([start], [start, past]) if beyond else ([start],):
            part = [*via, tail[m]]
            if clear_at_margins(router, part, path, skips[i], ends[i]):
                out.append([*path[:1], *part, *tail[m + 1:]])
    return out


def _weigh(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], groups: Sequence[object | None], i: int,
           path: Sequence[Point], partner: int) -> tuple[int, int, float]:
    """For line ``i`` as ``path`` among ``paths``: its trouble with the other rows' lines
    of its card, the lines sharing no end with it that it crosses, and how long it runs
    beside lines other than ``partner``."""
    return (_troubles(paths, ends, widths, groups, i, path),
            _others_crossed(paths, ends, i, path),
            _beside(paths, i, path, path[1], skip=partner))


def _no_worse(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
              widths: Sequence[float], groups: Sequence[object | None], i: int,
              partner: int, old: tuple[int, int, float]) -> bool:
    """True when line ``i`` among ``paths`` has no more trouble with its card's other
    rows, crosses no more lines and runs no longer beside other lines than ``old``
    (its :func:`_weigh` as it was) says: the cheaper measures first."""
    path = paths[i]
    return (_others_crossed(paths, ends, i, path) <= old[1]
            and _troubles(paths, ends, widths, groups, i, path) <= old[0]
            and _beside(paths, i, path, path[1], skip=partner) <= old[2] + 1e-9)


def _troubles(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
              widths: Sequence[float], groups: Sequence[object | None], i: int,
              path: Sequence[Point]) -> int:
    """With how many lines of the other rows of its card line ``i`` as ``path`` has
    trouble (see :func:`weaves`)."""
    if groups[i] is None:
        return 0
    return sum(_trouble(path, other, widths[i], widths[k], ends[k][0] != ends[i][0])
               is not None
               for k, other in enumerate(paths)
               if k != i and groups[k] == groups[i]
               and len(other) > 2)
