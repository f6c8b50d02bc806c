"""Sibling bars of one band stacked so fewer lines cross (``genogram_bars.stack_bars``,
through ``Router.assign``): overlapping bars never share a track, the stacking crosses no
more than the interval partitioning, and it stays as it is where nothing crosses less."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout.genogram_route import Lane, Router

xs = st.integers(0, 400).map(float)


@st.composite
def bands(draw: st.DrawFn) -> list[tuple[float, float, list[float], list[float]]]:
    """Up to 14 sibling bars of one band: each its extent, the union's drop above it and
    its children's lines below it (within it)."""
    out = []
    for _ in range(draw(st.integers(2, 14))):
        a, b = sorted((draw(xs), draw(xs)))
        b += 10.0
        inside = st.integers(int(a), int(b)).map(float)
        out.append((a, b, [draw(inside)], draw(st.lists(inside, min_size=1, max_size=4))))
    return out


def _stacked(bars: list[tuple[float, float, list[float], list[float]]]) -> list[Lane]:
    router = Router({}, 1)
    for a, b, ups, downs in bars:
        router.lane(0, a, b, 0, ups=ups, downs=downs)
    router.assign()
    return router.lanes


def _crossings(lanes: list[Lane]) -> int:
    """The lines down from a bar that cross a lower bar, and up from a bar that cross a
    higher one."""
    eps = 1e-6
    total = 0
    for upper, lower in itertools.permutations(lanes, 2):
        if upper.index < lower.index:
            total += sum(1 for x in upper.downs if lower.x1 + eps < x < lower.x2 - eps)
            total += sum(1 for x in lower.ups if upper.x1 + eps < x < upper.x2 - eps)
    return total


@settings(max_examples=200, deadline=None)
@given(bands())
def test_overlapping_bars_never_share_a_track(
        bars: list[tuple[float, float, list[float], list[float]]]) -> None:
    """Two bars that overlap (or come within 4 units of each other) lie on different
    tracks, whichever way they were stacked."""
    lanes = _stacked(bars)
    for p, q in itertools.combinations(lanes, 2):
        if p.x2 >= q.x1 - 4.0 and q.x2 >= p.x1 - 4.0:
            assert p.index != q.index


def test_a_stacking_that_crosses_nothing_stays() -> None:
    """Three nested bars, the longest on top as the partitioning stacks them: each pair
    its cheaper way already (the drop into the lower bar crosses the upper one, once;
    the other way round the children's lines would cross too), so they keep their
    tracks. Two bars whose lines would cross as partitioned are swapped."""
    nested = [(0.0, 300.0, [150.0], [10.0, 290.0]), (20.0, 280.0, [150.0], [30.0, 270.0]),
              (40.0, 260.0, [150.0], [50.0, 250.0])]
    lanes = _stacked(nested)
    assert [lane.index for lane in lanes] == [0, 1, 2] and _crossings(lanes) == 3
    # partitioned, the short bar lies on top and both its children's lines cross the
    # long one; the long one on top, only the short one's drop crosses it
    crossing = [(0.0, 100.0, [50.0], [10.0, 90.0]), (0.0, 300.0, [300.0], [150.0, 250.0])]
    lanes = _stacked(crossing)
    assert [lane.index for lane in lanes] == [1, 0] and _crossings(lanes) == 1
