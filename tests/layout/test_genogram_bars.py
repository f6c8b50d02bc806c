"""Sibling bars of one band stacked so fewer lines cross (``genogram_bars.stack_bars``,
through ``Router.assign``): overlapping bars never share a track, the stacking crosses no
more than the interval partitioning, and it stays as it is where nothing crosses less."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import genogram_bars
from systeemkaart.layout.genogram_bars import _DENSE, _overlapping
from systeemkaart.layout.genogram_route import Lane, Router
from tests.layout.genogram_look import family_lines_on_lines
from tests.layout.genogram_yardstick import saved

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


def _stacked(bars: list[tuple[float, float, list[float], list[float]]],
             spread: bool = False, apart: bool = True) -> list[Lane]:
    """The lanes of ``bars`` stacked (as drawn, or with ``apart`` False as the search of
    orders judges them); the children's lines arrive where they leave, or with
    ``spread`` are spread over their tops later."""
    router = Router({}, 1, apart=apart)
    for a, b, ups, downs in bars:
        router.lane(0, a, b, 0, ups=ups, downs=downs, stays=[] if spread else downs)
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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(xs, st.integers(0, 120).map(float)), min_size=1, max_size=30))
def test_overlapping_pairs_are_those_compared_one_by_one(
        extents: list[tuple[float, float]]) -> None:
    """The pairs found before their costs are worked out are exactly the pairs of bars, in
    the order of their left ends, of which the left one reaches to within 4 units of the
    other's left end: the answer of comparing every pair."""
    lanes = [Lane(0, a, a + w, 0) for a, w in extents]
    ids = sorted(range(len(lanes)), key=lambda i: (lanes[i].x1, lanes[i].x2, i))
    expected = [(a, b) for n, b in enumerate(ids) for a in ids[:n]
                if lanes[a].x2 >= lanes[b].x1 - 4.0]
    assert _overlapping(lanes, ids, len(expected)) == expected
    if expected:  # asked for fewer, it stops once it has more than that
        most = len(expected) // 2
        found = _overlapping(lanes, ids, most)
        assert len(found) > most and found == expected[:len(found)]


def test_a_dense_band_keeps_its_partitioning(monkeypatch: pytest.MonkeyPatch) -> None:
    """A band with more than ``_DENSE`` overlapping pairs per bar keeps the tracks of the
    interval partitioning, though another stacking would cross fewer lines: 36 bars
    nested in each other (every pair overlaps: 630 pairs), the longest on top, each one's
    drop crossing every longer bar; stacked by crossings (were it not dense) the shortest
    would go on top and nothing would cross."""
    nested = [(float(200 - k), float(200 + 10 * k), [float(200 + 10 * k - 1)], [])
              for k in range(36)]
    assert _DENSE * 36 < 36 * 35 // 2
    lanes = _stacked(nested)
    assert [lane.index for lane in lanes] == list(range(36))[::-1]
    assert _crossings(lanes) == 35 * 36 // 2 - 1
    monkeypatch.setattr(genogram_bars, "_DENSE", 10**6)
    assert _crossings(_stacked(nested)) == 0


def test_a_drop_beside_a_child_line_ends_above_its_bar() -> None:
    """A union's drop 2 units beside the line down to another union's child (the drop of a
    step-parent's stem, the child straight below the end of its parents' bar): with the
    child's bar above, the two run on each other between the bars, and cost nothing in
    crossings either way; the bar of the drop goes on top, where the drop ends before
    the child's line leaves its bar. Apart (10 units), when the child's line is one of
    several into the child (its end moves off the centre later), or in a layout the
    search of orders only judges, they stay as partitioned."""
    beside = [(87.0, 204.0, [196.0], [204.0]), (206.0, 352.0, [206.0], [276.0, 352.0])]
    assert [lane.index for lane in _stacked(beside)] == [1, 0]
    assert [lane.index for lane in _stacked(beside, spread=True)] == [0, 1]
    assert [lane.index for lane in _stacked(beside, apart=False)] == [0, 1]
    apart = [(87.0, 204.0, [196.0], [204.0]), (206.0, 352.0, [214.0], [276.0, 352.0])]
    assert [lane.index for lane in _stacked(apart)] == [0, 1]


def test_a_step_parents_stem_keeps_off_a_child_line_below_its_bar() -> None:
    """Family 597 of 600 of ``bench_stepfamilies``: p6's stem down to the bar of their
    stepchildren ran 2 units beside the line from the bar of p1 and p6 into p7, below
    that bar, as if the stepchildren hung from p1 and p6's bar. The stepchildren's bar
    lies above now, and the stem ends on it before p7's line leaves its bar."""
    _case, layout = saved("genogram-blended-stem-beside-child-line")
    assert family_lines_on_lines(layout) == []
    stem = next(c.points for c in layout.children if c.parents == ("p6",))
    into = next(c.points for c in layout.children if c.child == "p7")
    assert abs(stem[1][0] - into[-1][0]) < 4.0 and stem[2][1] < into[-2][1]
