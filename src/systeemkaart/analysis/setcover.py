"""Weighted set cover: the cheapest choice of sets that together cover every item.

Used by the core-group suggestion (items are the people the help is aimed at, sets are what
each agent may cover). Exact in three steps, cheapest first:

1. reduce: forced sets are taken, and an item that only one set can cover forces that set
   (repeated until nothing changes);
2. exhaustive search by increasing group size when at most :data:`SEARCH_MAX` sets are left,
   until no larger group can weigh less than the best found (``size x lightest weight``; with
   the core group's weights, every one at least ``big``, that is the first size with a cover);
3. branch and bound on bit masks (:func:`branch_and_bound`) for the sizes a case has: branch
   on the uncovered item with the fewest sets, bound by the sum over uncovered items of
   their cheapest price per newly covered item, start from the greedy cover; proven optimal
   when it finishes within :data:`BRANCH_NODES` nodes (60 candidates: about 1 ms);
4. only when that node budget runs out, an integer programme solved by HiGHS
   (``scipy.optimize.milp``, gap 0) up to :data:`MILP_MAX` sets or items; scipy is imported
   only then, so a single ``analyse`` does not pay for it.

Above that, or when the solver gives up, the greedy rule (best newly covered items per
weight) is used; its cost is at most H(d) = 1 + 1/2 + ... + 1/d times the optimum, d the
largest set (about ln d + 0.58), and the result says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final

__all__ = ["BRANCH_NODES", "MILP_MAX", "SEARCH_MAX", "Cover", "branch_and_bound", "greedy_cover",
           "harmonic", "solve_cover"]

SEARCH_MAX: Final = 12
BRANCH_NODES: Final = 200_000
BRANCH_MAX: Final = 300
"""Most candidates or items for the branch and bound (its recursion is one level per item)."""
MILP_MAX: Final = 5000


@dataclass(frozen=True, slots=True)
class Cover:
    """The chosen set numbers (ascending), whether the cover is proven optimal, the method
    and, for greedy covers, the guaranteed ratio to the optimum (1.0 when exact)."""

    chosen: tuple[int, ...]
    exact: bool
    method: str
    ratio: float


def harmonic(d: int) -> float:
    """H(d) = 1 + 1/2 + ... + 1/d: the greedy cover's worst-case ratio for sets of size d."""
    return sum(1.0 / k for k in range(1, d + 1))


def greedy_cover(sets: Sequence[frozenset[int]], weights: Sequence[int],
                 items: frozenset[int], chosen: set[int]) -> list[int]:
    """Add sets to ``chosen`` greedily (most new items per weight, lowest number on ties)
    until ``items`` are covered; returns the added set numbers."""
    left = set(items)
    for s in chosen:
        left -= sets[s]
    added: list[int] = []
    while left:
        best, best_score = -1, 0.0
        for s, covers in enumerate(sets):
            if s in chosen:
                continue
            gain = len(covers & left)
            if gain and (best < 0 or gain / weights[s] > best_score):
                best, best_score = s, gain / weights[s]
        if best < 0:
            break  # what is left cannot be covered
        chosen.add(best)
        added.append(best)
        left -= sets[best]
    return added


def _search(cands: list[int], sets: Sequence[frozenset[int]], weights: Sequence[int],
            left: frozenset[int]) -> list[int] | None:
    bit = {item: 1 << k for k, item in enumerate(sorted(left))}
    full = (1 << len(bit)) - 1
    masks = {}
    for s in cands:
        m = 0
        for item in sets[s] & left:
            m |= bit[item]
        masks[s] = m
    lightest = min((weights[s] for s in cands), default=0)
    best: tuple[int, tuple[int, ...]] | None = None
    for size in range(1, len(cands) + 1):
        if best is not None and size * lightest >= best[0]:
            break  # no larger group can weigh less
        for combo in combinations(cands, size):
            m = 0
            for s in combo:
                m |= masks[s]
            if m == full:
                key = (sum(weights[s] for s in combo), combo)
                if best is None or key < best:
                    best = key
    return list(best[1]) if best is not None else None


def branch_and_bound(cands: Sequence[int], sets: Sequence[frozenset[int]],
                     weights: Sequence[int], left: frozenset[int],
                     max_nodes: int = BRANCH_NODES) -> list[int] | None:
    """The cheapest choice among ``cands`` covering ``left`` (every item must be coverable),
    or ``None`` when ``max_nodes`` search nodes did not prove one optimal.

    Items are bits; each node takes the uncovered item covered by the fewest candidates and
    branches on the candidates that cover it, best price first. A node is cut when its cost
    plus a lower bound reaches the best cover so far, which starts as the greedy cover. The
    bound is the larger of two: the price bound (for every uncovered item, the lowest weight
    per newly covered item of any candidate covering it; any cover pays at least that) and
    the packing bound (uncovered items taken in turn, keeping those no candidate shares with
    one already kept; each kept item needs its own candidate, at least its cheapest).
    Dominated candidates (covering a subset of another's items at no lower weight) are
    dropped first. Cost: exponential in the worst case, bounded by ``max_nodes``; for a
    case's sizes a few hundred nodes.
    """
    if len(left) > BRANCH_MAX:
        return None
    bit = {item: 1 << k for k, item in enumerate(sorted(left))}
    full = (1 << len(bit)) - 1
    masks: dict[int, int] = {}
    for s in cands:
        m = 0
        for item in sets[s] & left:
            m |= bit[item]
        if m:
            masks[s] = m
    kept = [s for s in sorted(masks) if not any(
        t != s and masks[s] | masks[t] == masks[t]
        and (weights[t], t) < (weights[s], s) for t in masks)]
    greedy_chosen: set[int] = set()
    greedy_cover([frozenset(sets[s] & left) for s in kept], [weights[s] for s in kept], left,
                 greedy_chosen)
    best_cost = sum(weights[kept[i]] for i in greedy_chosen)
    best: list[int] = sorted(kept[i] for i in greedy_chosen)
    covering = {b: [s for s in kept if masks[s] & b] for b in (1 << k for k in range(len(bit)))}
    nodes = 0

    reach = {b: 0 for b in covering}  # every item sharing a candidate with item b
    for b, who in covering.items():
        for s in who:
            reach[b] |= masks[s]
    cheapest = {b: min(weights[s] for s in who) for b, who in covering.items()}
    scarce_first = sorted(covering, key=lambda b: (len(covering[b]), b))

    def bound(uncovered: int) -> float:
        """A lower bound on the cost of covering ``uncovered``: the larger of the price
        bound and the cost of items no two of which one candidate covers (each needs a
        candidate of its own)."""
        price = 0.0
        apart = 0
        blocked = 0
        for b in scarce_first:
            if not uncovered & b:
                continue
            price += min(weights[s] / (masks[s] & uncovered).bit_count() for s in covering[b])
            if not blocked & b:
                apart += cheapest[b]
                blocked |= reach[b]
        return max(price, apart)

    def visit(covered: int, cost: int, taken: list[int]) -> None:
        nonlocal best_cost, best, nodes
        nodes += 1
        if nodes > max_nodes:
            return
        uncovered = full & ~covered
        if not uncovered:
            if cost < best_cost:
                best_cost, best = cost, sorted(taken)
            return
        if cost + bound(uncovered) >= best_cost - 1e-9:
            return
        pivot, fewest = 0, None
        rest = uncovered
        while rest:
            b = rest & -rest
            rest ^= b
            n = len(covering[b])
            if fewest is None or n < fewest:
                pivot, fewest = b, n
        options = sorted(covering[pivot], key=lambda s: (
            weights[s] / (masks[s] & uncovered).bit_count(), s))
        for s in options:
            taken.append(s)
            visit(covered | masks[s], cost + weights[s], taken)
            taken.pop()

    visit(0, 0, [])
    return best if nodes <= max_nodes else None


def _milp(cands: list[int], sets: Sequence[frozenset[int]], weights: Sequence[int],
          left: frozenset[int]) -> list[int] | None:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    row_of = {item: r for r, item in enumerate(sorted(left))}
    rows: list[int] = []
    cols: list[int] = []
    for c, s in enumerate(cands):
        for item in sets[s] & left:
            rows.append(row_of[item])
            cols.append(c)
    a = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(row_of), len(cands)))
    cost = np.array([weights[s] for s in cands], dtype=float)
    res = milp(cost, constraints=LinearConstraint(a.tocsr(), lb=1.0, ub=np.inf),
               integrality=np.ones(len(cands)), bounds=Bounds(0.0, 1.0),
               options={"time_limit": 10.0, "mip_rel_gap": 0.0})
    if res.status != 0 or res.x is None:
        return None
    return [s for c, s in enumerate(cands) if res.x[c] > 0.5]


def solve_cover(sets: Sequence[frozenset[int]], weights: Sequence[int], items: frozenset[int],
                forced: frozenset[int] = frozenset(), *, exact: bool = True) -> Cover:
    """Cover ``items`` with the cheapest sets, always taking ``forced``.

    Items that no set covers are ignored. ``exact=False`` skips the exact steps (greedy only).
    """
    chosen = set(forced)
    coverable = frozenset(i for i in items if any(i in s for s in sets))
    left = set(coverable)
    for s in chosen:
        left -= sets[s]
    method = "reduction"
    changed = True
    while changed and left:
        changed = False
        for item in sorted(left):
            who = [s for s, covers in enumerate(sets) if item in covers]
            if len(who) == 1:
                chosen.add(who[0])
                left -= sets[who[0]]
                changed = True
                break
    if not left:
        return Cover(tuple(sorted(chosen)), True, method, 1.0)
    rest = frozenset(left)
    cands = [s for s, covers in enumerate(sets) if s not in chosen and covers & rest]
    if exact and len(cands) <= SEARCH_MAX:
        found = _search(cands, sets, weights, rest)
        if found is not None:
            return Cover(tuple(sorted(chosen | set(found))), True, "search", 1.0)
    if exact and len(cands) <= BRANCH_MAX and len(rest) <= BRANCH_MAX:
        found = branch_and_bound(cands, sets, weights, rest, BRANCH_NODES)
        if found is not None:
            return Cover(tuple(sorted(chosen | set(found))), True, "branch", 1.0)
    if exact and len(cands) <= MILP_MAX and len(rest) <= MILP_MAX:
        found = _milp(cands, sets, weights, rest)
        if found is not None:
            return Cover(tuple(sorted(chosen | set(found))), True, "milp", 1.0)
    greedy_cover(sets, weights, rest, chosen)
    largest = max((len(sets[s] & rest) for s in cands), default=1)
    return Cover(tuple(sorted(chosen)), False, "greedy", harmonic(largest))
