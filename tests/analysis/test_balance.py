"""Minimum frustration splits: every path agrees with brute force; bounds hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.analysis.balance import (
    _brute,
    _local,
    _milp,
    frustration,
    lower_bound,
    min_frustration,
)


@st.composite
def signed(draw, max_n: int = 9):  # type: ignore[no-untyped-def]
    n = draw(st.integers(2, max_n))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    return n, [(u, v, draw(st.booleans())) for u, v in chosen]


def best(n, edges):  # type: ignore[no-untyped-def]
    return min(frustration([0] + [(m >> i) & 1 for i in range(n - 1)], edges)
               for m in range(1 << (n - 1)))


@given(signed())
def test_every_path_agrees_with_brute_force(graph) -> None:  # type: ignore[no-untyped-def]
    n, edges = graph
    opt = best(n, edges)
    assert frustration(_brute(n, edges), edges) == opt
    found = _milp(n, edges)
    assert found is not None and frustration(found, edges) == opt
    assert frustration(_local(n, edges), edges) >= opt
    assert lower_bound(n, edges) <= opt
    split = min_frustration(n, edges)
    assert split.exact and split.frustration == opt and split.side[0] == 0


def test_numpy_path_above_eight_nodes() -> None:
    n = 12
    edges = [(i, i + 1, i % 3 == 0) for i in range(n - 1)] + [(0, n - 1, True), (2, 7, False)]
    assert frustration(_brute(n, edges), edges) == best(n, edges)


def test_large_graph_uses_heuristic_with_a_bound() -> None:
    n = 40
    # two camps of 20 with a few contradicting edges
    edges = [(i, i + 1, (i == 19)) for i in range(n - 1)]
    edges += [(0, 25, False), (3, 30, False), (5, 10, True)]
    split = min_frustration(n, edges)
    assert split.lower_bound <= split.frustration
    assert split.frustration == frustration(split.side, edges)
    assert split.frustration <= 3
