"""Weighted set cover: the cheapest choice of sets that together cover every item.

Used by the core-group suggestion (items are the people the help is aimed at, sets are what
each agent may cover). Exact in three steps, cheapest first:

1. reduce: forced sets are taken, and an item that only one set can cover forces that set
   (repeated until nothing changes);
2. exhaustive search by increasing group size when at most :data:`SEARCH_MAX` sets are left
   (the first size with a cover is optimal because every weight is at least ``big`` and the
   preferences add less than ``big`` in total);
3. an integer programme solved by HiGHS (``scipy.optimize.milp``, gap 0) up to
   :data:`MILP_MAX` sets or items.

Above that, or when the solver gives up, the greedy rule (best newly covered items per
weight) is used; its cost is at most H(d) = 1 + 1/2 + ... + 1/d times the optimum, d the
largest set (about ln d + 0.58), and the result says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final

__all__ = ["MILP_MAX", "SEARCH_MAX", "Cover", "greedy_cover", "harmonic", "solve_cover"]

SEARCH_MAX: Final = 12
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
    for size in range(1, len(cands) + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for combo in combinations(cands, size):
            m = 0
            for s in combo:
                m |= masks[s]
            if m == full:
                key = (sum(weights[s] for s in combo), combo)
                if best is None or key < best:
                    best = key
        if best is not None:
            return list(best[1])
    return None


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
    if exact and len(cands) <= MILP_MAX and len(rest) <= MILP_MAX:
        found = _milp(cands, sets, weights, rest)
        if found is not None:
            return Cover(tuple(sorted(chosen | set(found))), True, "milp", 1.0)
    greedy_cover(sets, weights, rest, chosen)
    largest = max((len(sets[s] & rest) for s in cands), default=1)
    return Cover(tuple(sorted(chosen)), False, "greedy", harmonic(largest))
