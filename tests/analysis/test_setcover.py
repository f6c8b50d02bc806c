"""The weighted set cover solver against brute force, and the greedy bound."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.analysis.setcover import greedy_cover, harmonic, solve_cover


@st.composite
def instances(draw, max_sets: int = 15):  # type: ignore[no-untyped-def]
    n_items = draw(st.integers(1, 8))
    n_sets = draw(st.integers(1, max_sets))
    sets = [frozenset(draw(st.sets(st.integers(0, n_items - 1), max_size=n_items)))
            for _ in range(n_sets)]
    weights = [draw(st.integers(1, 9)) for _ in range(n_sets)]
    forced = frozenset(draw(st.sets(st.integers(0, n_sets - 1), max_size=2)))
    return sets, weights, frozenset(range(n_items)), forced


def brute(sets, weights, items, forced):  # type: ignore[no-untyped-def]
    coverable = {i for i in items if any(i in s for s in sets)}
    best = None
    for k in range(len(sets) + 1):
        for combo in combinations(range(len(sets)), k):
            if not forced <= set(combo):
                continue
            got = set().union(*(sets[c] for c in combo)) if combo else set()
            if coverable <= got:
                w = sum(weights[c] for c in combo)
                best = w if best is None else min(best, w)
    return best


@given(instances())
def test_exact_cover_matches_brute_force(inst) -> None:  # type: ignore[no-untyped-def]
    sets, weights, items, forced = inst
    cover = solve_cover(sets, weights, items, forced)
    assert cover.exact
    assert forced <= set(cover.chosen)
    got = set().union(*(sets[c] for c in cover.chosen)) if cover.chosen else set()
    assert {i for i in items if any(i in s for s in sets)} <= got
    assert sum(weights[c] for c in cover.chosen) == brute(sets, weights, items, forced)


def test_milp_path_on_many_overlapping_sets() -> None:
    # 16 sets that each miss a different item of 16: no single set and no reduction helps
    items = frozenset(range(16))
    sets = [items - {i} for i in range(16)]
    cover = solve_cover(sets, [1] * 16, items)
    assert cover.method == "milp" and cover.exact
    assert len(cover.chosen) == 2


@given(instances(max_sets=10))
def test_greedy_within_its_bound(inst) -> None:  # type: ignore[no-untyped-def]
    sets, weights, items, _ = inst
    chosen: set[int] = set()
    greedy_cover(sets, weights, items, chosen)
    best = brute(sets, weights, items, frozenset())
    largest = max((len(s) for s in sets), default=1) or 1
    assert sum(weights[c] for c in chosen) <= harmonic(largest) * best + 1e-9
