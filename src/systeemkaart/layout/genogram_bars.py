"""Genogram sibling bars (and lanes of relations) stacked in a band so fewer lines cross.

The router (:mod:`.genogram_route`) first gives the overlapping lanes of a band their
tracks by interval partitioning, which knows nothing of the lines hanging from them: a
union's drop crosses a bar below it, a child's line a bar above it. Here the sibling bars
of one band (and, apart from them, its lanes of relations and long lines) are stacked
again by what each pair costs either way, and that is kept only when fewer lines cross
(in a layout drawn, a union's drop running on the line into another union's child below
the drop's bar costs as a crossing, see :func:`_over`).
Bounded: a band with many overlapping pairs keeps the partitioning (linear time), and
bars swap in their ranking only a few passes, in small bands.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .genogram_route import Lane

__all__ = ["stack_bars"]

_DENSE: Final = 16
"""Sibling bars are stacked by crossings only while a band has fewer than this many
overlapping pairs per bar (else the interval partitioning stays: linear time)."""


_BESIDE: Final = 4.0
"""A line down from one bar and a line up from another closer than this run as one."""
_ON_LINE: Final = 1
"""What a line running on another between two bars costs, in crossings (as the search of
orders counts a run on another line, :func:`~.genogram_order.runs_on_lines`): a reader
sees a child of the wrong couple there. No more than one: the stacking takes a crossing
more only where it parts more than one such pair."""
_SWAP_BARS: Final = 24
"""Overlapping sibling bars of one band up to which neighbours in the ranking may swap."""
_PASSES: Final = 3


def stack_bars(lanes: list[Lane], ids: list[int], used: int, apart: bool = True) -> int:
    """Stack the overlapping sibling bars ``ids`` of one band (sorted by ``x1``, tracks
    assigned by interval partitioning) so that fewer lines cross; returns the tracks used.

    Where two bars overlap, the lower one's drop from its union crosses the upper bar if
    it lies within it, and the upper one's lines to its children cross the lower bar where
    they lie within it: each pair has a cost either way. Bars are ranked by how much they
    gain from being above their overlapping neighbours (ties: left first) and stacked in
    that order, each just below the overlapping bars ranked before it. The new stacking is
    kept only when it has fewer crossings than the partitioning. With ``apart``, a line
    running on another between two bars counts too (see :func:`_over`).
    """
    overlapping = _overlapping(lanes, ids, _DENSE * len(ids))
    if len(overlapping) > _DENSE * len(ids):
        return used
    # (a, b, cost a above b, cost b above a)
    pairs = [(a, b, _over(lanes[a], lanes[b], apart), _over(lanes[b], lanes[a], apart))
             for a, b in overlapping]
    if not any(ab != ba for _, _, ab, ba in pairs):
        return used
    gain: dict[int, int] = dict.fromkeys(ids, 0)
    near: dict[int, list[int]] = defaultdict(list)
    before = 0
    for a, b, ab, ba in pairs:
        gain[a] += ba - ab
        gain[b] += ab - ba
        near[a].append(b)
        near[b].append(a)
        before += ab if lanes[a].index < lanes[b].index else ba

    def stacked(ranked: list[int]) -> tuple[int, dict[int, int]]:
        track: dict[int, int] = {}
        for i in ranked:
            track[i] = 1 + max((track[j] for j in near[i] if j in track), default=-1)
        return sum(ab if track[a] < track[b] else ba for a, b, ab, ba in pairs), track

    ranked = sorted(ids, key=lambda i: -gain[i])
    after, track = stacked(ranked)
    # bars of equal gain: the first in the ranking is not always the better one above (a
    # step line beside the bar of its child's other union); neighbours in the ranking
    # swap while that crosses less, and a bar moves up the ranking past several (a short
    # bar nested at the end of longer ones to the same child, which a swap with a
    # neighbour of equal cost would not pass), for a bounded number of passes (two
    # neighbours whose bars do not overlap are stacked alike in either order, as is every
    # bar after them: such a swap crosses as much as before and is not tried); none once
    # every pair is stacked its cheaper way (mostly so at once: nothing can cross less)
    least = sum(min(ab, ba) for _a, _b, ab, ba in pairs)  # each pair its cheaper way
    for _ in range(_PASSES if len(ids) <= _SWAP_BARS else 0):
        if after == least:
            break  # no stacking crosses fewer
        better = False
        for k in range(len(ranked) - 1):
            if ranked[k + 1] not in near[ranked[k]]:
                continue
            trial = [*ranked[:k], ranked[k + 1], ranked[k], *ranked[k + 2:]]
            cost, trial_track = stacked(trial)
            if cost < after:
                ranked, after, track, better = trial, cost, trial_track, True
        for k in range(2, len(ranked)):
            # moved before bars none of which it overlaps, it stacks as it did
            last = max((m for m in range(k) if ranked[m] in near[ranked[k]]), default=-1)
            for m in range(min(k - 1, last + 1)):
                trial = [*ranked[:m], ranked[k], *ranked[m:k], *ranked[k + 1:]]
                cost, trial_track = stacked(trial)
                if cost < after:
                    ranked, after, track, better = trial, cost, trial_track, True
                    break
        if not better:
            break
    if after >= before:
        return used
    for i, t in track.items():
        lanes[i].index = t
    return max(track.values()) + 1


def _overlapping(lanes: list[Lane], ids: list[int], most: int) -> list[tuple[int, int]]:
    """The pairs of the bars ``ids`` (sorted by ``x1``) that overlap (or come within 4
    units of each other), the one further left first; no further once there are more
    than ``most`` (then more than ``most``, not all). Found before what each pair costs,
    so that a dense band costs no more than finding them (most of them: linear time)."""
    pairs: list[tuple[int, int]] = []
    active: list[int] = []
    for i in ids:
        x1 = lanes[i].x1 - 4.0
        active = [j for j in active if lanes[j].x2 >= x1]
        pairs += [(j, i) for j in active]
        if len(pairs) > most:
            return pairs
        active.append(i)
    return pairs


def _over(upper: Lane, lower: Lane, apart: bool) -> int:
    """Crossings when bar ``upper`` lies above bar ``lower``: ``upper``'s lines down within
    ``lower``, and ``lower``'s lines up within ``upper``. A slanting line counts where
    ``lower`` reaches into the stretch between where it leaves and where it arrives: how
    far it has come at ``lower``'s height depends on heights not known yet, and a line
    counted once too often only moves ``lower`` up. A line down from ``upper`` within
    :data:`_BESIDE` of a line up from ``lower`` (a child straight below another union's
    drop) runs on it between the two bars, and reads as one line with it: with ``apart``
    that costs :data:`_ON_LINE` crossings (the other way round the drop ends above where
    the child's line leaves). Only the lines down that arrive where they leave
    (:attr:`Lane.stays`) count so: the ends of several lines into one child move apart
    later, and keep off such a drop there (:func:`~.genogram_child_ends.spread_child_ends`)."""
    eps = 1e-6
    beside = _ON_LINE * sum(1 for x in upper.stays for u in lower.ups
                            if abs(x - u) < _BESIDE) if apart else 0
    return beside + sum(1 for x in upper.downs if lower.x1 + eps < x < lower.x2 - eps) + \
        sum(1 for a, b in upper.slants if lower.x1 + eps < max(a, b)
            and min(a, b) < lower.x2 - eps) + \
        sum(1 for x in lower.ups if upper.x1 + eps < x < upper.x2 - eps)
