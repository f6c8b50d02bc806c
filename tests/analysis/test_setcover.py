"""The weighted set cover solver against brute force, and the greedy bound."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.analysis import setcover
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


def test_branch_path_on_many_overlapping_sets() -> None:
    # 16 sets that each miss a different item of 16: no single set and no reduction helps
    items = frozenset(range(16))
    sets = [items - {i} for i in range(16)]
    cover = solve_cover(sets, [1] * 16, items)
    assert cover.method == "branch" and cover.exact
    assert len(cover.chosen) == 2


def test_milp_only_when_the_node_budget_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    items = frozenset(range(16))
    sets = [items - {i} for i in range(16)]
    assert setcover.branch_and_bound(list(range(16)), sets, [1] * 16, items, max_nodes=1) is None
    monkeypatch.setattr(setcover, "BRANCH_NODES", 1)
    cover = solve_cover(sets, [1] * 16, items)
    assert cover.method == "milp" and cover.exact
    assert len(cover.chosen) == 2


@given(instances())
def test_branch_and_bound_matches_brute_force(inst) -> None:  # type: ignore[no-untyped-def]
    sets, weights, items, _ = inst
    coverable = frozenset(i for i in items if any(i in s for s in sets))
    cands = [s for s, covers in enumerate(sets) if covers & coverable]
    found = setcover.branch_and_bound(cands, sets, weights, coverable)
    assert found is not None
    assert coverable <= set().union(*(sets[c] for c in found)) if found else not coverable
    assert sum(weights[c] for c in found) == brute(sets, weights, coverable, frozenset())


@st.composite
def large_instances(draw):  # type: ignore[no-untyped-def]
    """Core-group sized instances: up to 60 candidates over up to 30 people, weights as the
    core group gives them (a large base per member plus small preferences)."""
    n_items = draw(st.integers(5, 30))
    n_sets = draw(st.integers(13, 60))
    sets = [frozenset(draw(st.sets(st.integers(0, n_items - 1), min_size=1, max_size=6)))
            for _ in range(n_sets)]
    weights = [1000 + draw(st.integers(0, 20)) for _ in range(n_sets)]
    return sets, weights, frozenset(range(n_items))


@settings(max_examples=25)
@given(large_instances())
def test_branch_and_bound_matches_highs_on_case_sizes(inst) -> None:  # type: ignore[no-untyped-def]
    sets, weights, items = inst
    coverable = frozenset(i for i in items if any(i in s for s in sets))
    cands = [s for s, covers in enumerate(sets) if covers & coverable]
    found = setcover.branch_and_bound(cands, sets, weights, coverable)
    optimum = setcover._milp(cands, sets, weights, coverable)
    assert found is not None and optimum is not None
    assert sum(weights[c] for c in found) == sum(weights[c] for c in optimum)


@given(instances(max_sets=10))
def test_greedy_within_its_bound(inst) -> None:  # type: ignore[no-untyped-def]
    sets, weights, items, _ = inst
    chosen: set[int] = set()
    greedy_cover(sets, weights, items, chosen)
    best = brute(sets, weights, items, frozenset())
    largest = max((len(s) for s in sets), default=1) or 1
    assert sum(weights[c] for c in chosen) <= harmonic(largest) * best + 1e-9
