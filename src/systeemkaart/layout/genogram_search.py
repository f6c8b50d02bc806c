"""Orders of the blocks in each row searched for fewer crossing family lines: single
blocks moved along their row (:func:`improve_order`), and every order of the rows concerned
at once with every subset of the flips (:func:`search_orders`), ranked by a cheap model of
the lines (:func:`line_guide`) where there are too many to lay them all out.

The sweeps (:mod:`.genogram_sweep`) and the other orders tried count crossings with a
model: lines from a union's gap to a child's place. Drawn, the lines of a union share a
stem and a sibling bar, a step-parent's line leaves the side of its symbol, and a partner
bracket runs above the row; on a family with a child of several parent sets the model and
the drawing can disagree, and a crossing stays that one move would take away.
:func:`improve_order` tries, for each block with a line that crosses (and the blocks of the
children and parents of those lines), every other place in its row, asks the caller to lay
that order out and count the crossing points, and keeps each move that lowers them, until
no move helps or the budget of layouts is spent.

Where lines still cross after those moves, on a small family, :func:`search_orders` tries
every order of the rows concerned at once with every subset of the flips: all of them up to
the caller's budget of layouts; above that (up to :data:`GUIDED_LIMIT` orders) it counts
each order's crossings with the cheap model of :func:`line_guide` and lays out only the
:data:`GUIDED` it ranks first, of those it counts at most one crossing more for than the
order it starts from (on the blended families of the bench and of the tests the best
order is among the first 17 of up to 2,000). Above :data:`GUIDED_LIMIT` orders (a parent
of three unions with eight children's blocks in a row: 40,320 orders and more) it counts
no more than :data:`CLIMB` of them, best first from the order it starts from (one block
moved along its row or one flip at a time, always on from the order counted fewest
crossings so far), and lays out the :data:`CLIMBED` it ranks first of those it counts no
more crossings for than the order it starts from.

Cost: the model counts an order in about 20 microseconds (10 ms for the 480 orders of the
``stiefgezin`` example; at most :data:`CLIMB` orders, about 25 ms, above
:data:`GUIDED_LIMIT`); the layouts are the caller's, as many as its budget allows.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Final, NamedTuple

from .genogram_blocks import Structure

__all__ = ["CLIMB", "CLIMBED", "GUIDED", "GUIDED_LIMIT", "GUIDED_SLACK", "Guide", "Improved",
           "Score", "improve_order", "line_guide", "search_orders"]

GUIDED_LIMIT: Final = 2048
"""Up to this many orders, a search above its budget ranks them all by
:func:`line_guide` (about 20 microseconds each) and lays out only the :data:`GUIDED`
first."""
CLIMB: Final = 512
"""Above :data:`GUIDED_LIMIT` orders, how many the search counts with :func:`line_guide`
at most on its way down from the order it starts from."""
CLIMBED: Final = 10
"""Orders laid out at most after that way down: those it counts no more crossings for
than the order it starts from, fewest first (on the bench's 200 blended families, 2,048
counts and 20 layouts found no better order than 512 and 10, at twice the time)."""
GUIDED: Final = 20
"""Orders laid out at most where the search ranks them first."""
GUIDED_SLACK: Final = 1
"""Orders the model counts more than this many crossings above the order the search starts
from are not laid out."""

Guide = Callable[[], Callable[[list[list[int]]], int]]
"""Called after flips are applied: a cheap count of crossings for rows of blocks as the
structure now stands, to rank the orders laid out (lower first)."""

Score = tuple[int, int]
"""Crossing points, then crossing pairs of segments: lower is better."""


class Improved(NamedTuple):
    """What :func:`improve_order` found."""

    rows: list[list[int]]
    """The blocks of each row, top row first, left to right."""
    score: Score
    flipped: list[int]
    """The indexes of the flips left applied."""


def improve_order(rows: list[list[int]], movable: Iterable[int], best: Score,
                  evaluate: Callable[[list[list[int]]], Score], budget: int,
                  flips: Sequence[Callable[[], None]] = ()) -> Improved | None:
    """Rows of blocks (top row first, left to right) improved by moving the blocks
    ``movable`` one at a time to other places in their row, and by ``flips`` (each turns
    something of the structure round, a block or the side a line leaves; a second call
    turns it back), each trial judged by ``evaluate`` (lays the rows out as the structure
    stands and scores them; lower is better) against ``best`` (the score of ``rows``);
    ``None`` (every flip turned back) when nothing helps within ``budget`` evaluations."""
    where = {b: (r, k) for r, ids in enumerate(rows) for k, b in enumerate(ids)}
    todo = [b for b in dict.fromkeys(movable) if b in where and len(rows[where[b][0]]) > 1]
    current = [list(ids) for ids in rows]
    flipped: list[int] = []
    improved = False
    for _ in range(3):  # more rounds where a move opened the way for another
        changed = False
        for k, flip in enumerate(flips):
            if budget <= 0 or best[0] == 0:
                break
            budget -= 1
            flip()
            score = evaluate(current)
            if score < best:
                best = score
                flipped = [f for f in flipped if f != k] if k in flipped else [*flipped, k]
                changed = improved = True
            else:
                flip()
        for b in todo:
            if budget <= 0 or best[0] == 0:
                break
            r = next(k for k, ids in enumerate(current) if b in ids)
            row = current[r]
            others = [i for i in row if i != b]
            now = row.index(b)
            found: tuple[Score, list[int]] | None = None
            for at in sorted(range(len(others) + 1), key=lambda a: abs(a - now)):
                if at == now:
                    continue
                if budget <= 0:
                    break
                budget -= 1
                trial = [*others[:at], b, *others[at:]]
                score = evaluate([*current[:r], trial, *current[r + 1:]])
                if score < (best if found is None else found[0]):
                    found = (score, trial)
                    if score[0] == 0:
                        break
            if found is not None:
                best, current[r] = found
                changed = improved = True
        if not changed or budget <= 0 or best[0] == 0:
            break
    return Improved(current, best, flipped) if improved else None


def search_orders(rows: list[list[int]], movable: Iterable[int], best: Score,
                  evaluate: Callable[[list[list[int]]], Score], budget: int,
                  flips: Sequence[Callable[[], None]] = (), guide: Guide | None = None,
                  ranked: int = GUIDED) -> Improved | None:
    """Every order of the rows holding a block of ``movable``, with every subset of
    ``flips`` applied (as :func:`improve_order` takes them), judged by ``evaluate``
    against ``best``; the best found (its flips left applied), or ``None`` (every flip
    turned back) when none is better: where two blocks must turn and a third move at
    once, which single moves miss. Above ``budget`` arrangements only the ``ranked`` that
    ``guide`` counts fewest crossings for (and at most :data:`GUIDED_SLACK` more than for
    ``rows``) are judged: of all of them up to :data:`GUIDED_LIMIT`; above it at most
    :data:`CLIMBED` of the :data:`CLIMB` found best first from ``rows`` (and counted no
    more crossings than ``rows``); without a guide none is."""
    mine = set(movable)
    free = [r for r, ids in enumerate(rows) if mine & set(ids) and len(ids) > 1]
    count = math.prod(math.factorial(len(rows[r])) for r in free) << len(flips)
    if count <= budget:
        trials = list(_arrangements(rows, free, flips))
    elif guide is None:
        return None
    elif count > GUIDED_LIMIT:
        trials = _climbed(rows, free, flips, guide, min(ranked, CLIMBED), CLIMB)
    else:
        trials = _best_guessed(rows, free, flips, guide, ranked)
    found: Improved | None = None
    applied: set[int] = set()
    for subset, trial in trials:
        _switch(flips, applied, subset)
        score = evaluate(trial)
        if score < (best if found is None else found.score):
            found = Improved(trial, score, sorted(applied))
    _switch(flips, applied, set(found.flipped) if found is not None else set())
    return found


def _arrangements(rows: list[list[int]], free: list[int], flips: Sequence[Callable[[], None]]
                  ) -> Iterator[tuple[frozenset[int], list[list[int]]]]:
    """Every subset of ``flips`` (in Gray code order: one flip more or less than the
    subset before) with every order of the rows ``free``; the flips are applied as the
    subsets come and turned back at the end."""
    applied: set[int] = set()
    for step in range(1 << len(flips)):
        if step:
            k = (step & -step).bit_length() - 1
            flips[k]()
            applied ^= {k}
        subset = frozenset(applied)
        for chosen in itertools.product(*(itertools.permutations(rows[r]) for r in free)):
            trial = [list(ids) for ids in rows]
            for r, ids in zip(free, chosen, strict=True):
                trial[r] = list(ids)
            yield subset, trial
    _switch(flips, applied, set())


def _best_guessed(rows: list[list[int]], free: list[int], flips: Sequence[Callable[[], None]],
                  guide: Guide, ranked: int) -> list[tuple[frozenset[int], list[list[int]]]]:
    """Of the arrangements of :func:`_arrangements` other than the first (``rows`` as
    they stand, no flip), those ``guide`` counts at most :data:`GUIDED_SLACK` crossings
    more for than the first, fewest first (the earlier one first where counts tie),
    ``ranked`` at most: where the drawing crossed less, the model counted at most one
    crossing more than for the order the search started from (the 200 blended families
    of the bench and the tests' father of three unions)."""
    scored: list[tuple[int, int, frozenset[int], list[list[int]]]] = []
    count: Callable[[list[list[int]]], int] | None = None
    last: frozenset[int] | None = None
    for seq, (subset, trial) in enumerate(_arrangements(rows, free, flips)):
        if subset != last or count is None:
            count, last = guide(), subset
        scored.append((count(trial), seq, subset, trial))
    now = scored[0][0]
    kept = [x for x in scored[1:] if x[0] <= now + GUIDED_SLACK]
    return [(s, t) for _, _, s, t in heapq.nsmallest(ranked, kept, key=lambda x: x[:2])]


def _climbed(rows: list[list[int]], free: list[int], flips: Sequence[Callable[[], None]],
             guide: Guide, ranked: int, budget: int
             ) -> list[tuple[frozenset[int], list[list[int]]]]:
    """Arrangements as :func:`_best_guessed` gives them, where there are too many to count
    them all: found best first from ``rows`` (no flip), each step taking the arrangement
    counted fewest crossings so far (the earliest where counts tie) and counting its
    neighbours (one block moved to another place in its row, or one flip more or less),
    until ``budget`` arrangements are counted or none is left; ``ranked`` of them at
    most, those ``guide`` counts no more crossings for than ``rows``, fewest first."""
    applied: set[int] = set()
    start = [list(ids) for ids in rows]
    count = guide()
    now = count(start)
    first = (now, 0, frozenset[int](), start)
    seen = {(frozenset[int](), tuple(map(tuple, start))): first}
    todo = [first]
    while todo and len(seen) < budget:
        _, _, subset, current = heapq.heappop(todo)
        near: list[tuple[frozenset[int], list[list[int]]]] = []
        for r in free:
            row = current[r]
            for i, b in enumerate(row):
                rest = row[:i] + row[i + 1:]
                near += [(subset, [*current[:r], [*rest[:j], b, *rest[j:]], *current[r + 1:]])
                         for j in range(len(row)) if j != i]
        near += [(subset ^ {k}, current) for k in range(len(flips))]
        for sub, trial in near:
            key = (sub, tuple(map(tuple, trial)))
            if key in seen or len(seen) >= budget:
                continue
            if sub != applied:
                _switch(flips, applied, sub)
                count = guide()
            found = (count(trial), len(seen), sub, trial)
            seen[key] = found
            heapq.heappush(todo, found)
    _switch(flips, applied, set())
    kept = [x for x in list(seen.values())[1:] if x[0] <= now]
    return [(s, t) for _, _, s, t in heapq.nsmallest(ranked, kept, key=lambda x: x[:2])]


def _switch(flips: Sequence[Callable[[], None]], applied: set[int], want: Collection[int]
            ) -> None:
    """Turn the flips in ``applied`` but not in ``want``, and those in ``want`` but not
    in ``applied``, so that ``applied`` becomes ``want``."""
    for k in sorted(applied ^ set(want)):
        flips[k]()
    applied.clear()
    applied.update(want)


def line_guide(st: Structure) -> Callable[[list[list[int]]], int]:
    """A cheap count of crossings for rows of blocks (top row first, left to right) as
    ``st`` stands now (its blocks turned and lines moved), every person one slot wide,
    between each two neighbouring rows: the pairs of lines (from a union's gap to a
    child's place) whose ends are in opposite order, plus, for each two unions, the
    fewer of the points where one's stem or drops meet the other's sibling bar with
    either bar above. It ranks orders, no more: a step-parent's line leaves the side of
    its symbol and a bracket runs above the row, so the drawing may cross more or less
    often."""
    trees: dict[int, list[tuple[int, float, list[tuple[int, float]]]]] = defaultdict(list)
    for u in st.unions:
        row = st.blocks[u.block].row
        kids = [(st.block_of[c], float(st.position[c])) for c, _, _ in u.children
                if st.blocks[st.block_of[c]].row == row + 1]
        if kids:
            trees[row].append((u.block, u.gap - 0.5, kids))
    width = [len(b.persons) for b in st.blocks]

    def count(rows: list[list[int]]) -> int:
        at = [0] * len(width)
        for ids in rows:
            x = 0
            for b in ids:
                at[b] = x
                x += width[b]
        n = 0
        for group in trees.values():
            placed = [(at[b] + port, [at[c] + q for c, q in kids]) for b, port, kids in group]
            ends = [(top, x) for top, xs in placed for x in xs]
            n += sum(1 for (a, b), (c, d) in itertools.combinations(ends, 2)
                     if (a - c) * (b - d) < 0)
            spans = [(top, xs, min(top, *xs), max(top, *xs)) for top, xs in placed]
            for (tu, xu, lu, hu), (tv, xv, lv, hv) in itertools.combinations(spans, 2):
                n += min((lu < tv < hu) + sum(1 for x in xu if lv < x < hv),
                         (lv < tu < hv) + sum(1 for x in xv if lu < x < hu))
        return n

    return count
