"""Ring geometry: boxes, gaps on a circle, placement by isotonic regression, crossings."""

from __future__ import annotations

import dataclasses
import math
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.layout.ring_geometry import (
    TAU,
    Box,
    angular_gap,
    boundary_point,
    circle_cuts,
    circular_mean,
    count_crossings,
    detour_ratio,
    min_distance_to_origin,
    path_length,
    place_on_circle,
    segments_cross,
)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Box(0, 0, 10, 10), Box(5, 5, 10, 10), True),
        (Box(0, 0, 10, 10), Box(10, 0, 10, 10), False),  # touching edges do not overlap
        (Box(0, 0, 10, 10), Box(0, 11, 10, 10), False),
        (Box(0, 0, 10, 10), Box(2, 2, 2, 2), True),  # containment
        (Box(0, 0, 10, 10), Box(-5, 9.5, 30, 1), True),
    ],
)
def test_box_overlap(a: Box, b: Box, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


def test_box_is_a_frozen_value() -> None:
    """A box made by position or by keyword holds its four numbers, compares, hashes and
    shows itself by them, keeps no ``__dict__`` and cannot be changed."""
    a = Box(1.0, 2.0, 3.0, 4.0)
    assert a == Box(x=1.0, y=2.0, w=3.0, h=4.0)
    assert hash(a) == hash(Box(1.0, 2.0, 3.0, 4.0))
    assert (a.x, a.y, a.right, a.bottom) == (1.0, 2.0, 4.0, 6.0)
    assert dataclasses.replace(a, w=5.0) == Box(1.0, 2.0, 5.0, 4.0)
    assert repr(a) == "Box(x=1.0, y=2.0, w=3.0, h=4.0)"
    assert not hasattr(a, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(a, "x", 0.0)  # noqa: B010


@pytest.mark.parametrize(
    ("p1", "p2", "q1", "q2", "cross"),
    [
        ((0, 0), (10, 10), (0, 10), (10, 0), True),
        ((0, 0), (10, 0), (0, 1), (10, 1), False),  # parallel
        ((0, 0), (10, 10), (10, 10), (20, 0), False),  # shared end point
        ((0, 0), (4, 4), (5, 5), (9, 0), False),  # apart
    ],
)
def test_segments_cross(p1: tuple[float, float], p2: tuple[float, float],
                        q1: tuple[float, float], q2: tuple[float, float], cross: bool) -> None:
    assert segments_cross(p1, p2, q1, q2) is cross


def test_count_crossings_ignores_lines_that_share_an_end() -> None:
    lines = [
        ("a", "x", [(0.0, 0.0), (10.0, 10.0)]),
        ("b", "y", [(0.0, 10.0), (10.0, 0.0)]),
        ("a", "y", [(0.0, 0.0), (10.0, 0.0)]),  # shares a with the first, y with the second
    ]
    assert count_crossings(lines) == 1


def test_boundary_point_and_distance() -> None:
    box = Box(-10, -5, 20, 10)
    assert boundary_point(box, (100, 0)) == (10, 0)
    assert boundary_point(box, (0, -100)) == (0, -5)
    assert min_distance_to_origin(box) == 0
    assert min_distance_to_origin(Box(3, 4, 1, 1)) == 5


def test_circular_mean_wraps() -> None:
    mean = circular_mean([TAU - 0.1, 0.1])
    assert min(mean, TAU - mean) < 1e-9


def _pair(mid: float, gap: float, radius: float, w: float, h: float) -> tuple[Box, Box]:
    """Two boxes of size ``w`` x ``h`` centred on the circle, ``gap`` radians apart at ``mid``."""
    a, b = mid - gap / 2, mid + gap / 2
    return (Box(radius * math.cos(a) - w / 2, radius * math.sin(a) - h / 2, w, h),
            Box(radius * math.cos(b) - w / 2, radius * math.sin(b) - h / 2, w, h))


@given(st.floats(0, TAU), st.floats(60, 600), st.floats(20, 200), st.floats(12, 60))
def test_angular_gap_separates_boxes(mid: float, radius: float, w: float, h: float) -> None:
    """A finite gap parts the boxes; ``inf`` only when even the diameter cannot part them."""
    gap = angular_gap((w, h), (w, h), mid, radius, 4.0)
    far_a, far_b = _pair(mid, math.pi, radius, w, h)
    if math.isfinite(gap):
        ba, bb = _pair(mid, gap, radius, w, h)
        assert not ba.overlaps(bb, 3.9)
        assert not far_a.overlaps(far_b, 3.9)
    else:
        assert far_a.overlaps(far_b, 4.1)


def test_angular_gap_of_boxes_too_wide_for_the_circle() -> None:
    """The case once taken for a bug: at 2 rad, 106 x 46 boxes on radius 60 cannot part."""
    assert angular_gap((106, 46), (106, 46), 2.0, 60.0, 4.0) == math.inf
    ba, bb = _pair(2.0, math.pi, 60.0, 106, 46)
    assert ba.overlaps(bb, 4.0)


@given(st.lists(st.floats(0, TAU - 1e-6), min_size=1, max_size=25),
       st.floats(0.01, 0.5))
def test_place_on_circle_keeps_gaps(desired: list[float], gap: float) -> None:
    desired.sort()
    gaps = [gap] * len(desired)
    placed = place_on_circle(desired, gaps)
    if gap * len(desired) > TAU:
        assert placed is None
    else:
        assert placed is not None
        _assert_gaps_kept(placed, desired, gap)


def _assert_gaps_kept(placed: list[float], desired: list[float], gap: float) -> None:
    """Every placed angle is kept, and neighbours round the circle are ``gap`` apart."""
    assert len(placed) == len(desired)
    if len(desired) > 1:
        order = sorted(range(len(placed)), key=lambda i: placed[i])
        for k, i in enumerate(order):
            j = order[(k + 1) % len(order)]
            assert (placed[j] - placed[i]) % TAU >= gap - 1e-6


def _isotonic_as_first_written(values: list[float]) -> list[float]:
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
    out: list[float] = []
    for s, n in blocks:
        out += [s / n] * int(n)
    return out


def _placed_as_first_written(desired: list[float], gaps: list[float]) -> list[float] | None:
    """place_on_circle as first written (the cuts and offsets worked out for every call,
    the blocks pooled as pairs), for the comparison to the last bit."""
    n = len(desired)
    if n == 0:
        return []
    if sum(gaps) > TAU:
        return None
    if n == 1:
        return [desired[0] % TAU]
    spans = [((desired[(i + 1) % n] - desired[i]) % TAU, i) for i in range(n)]
    spans.sort(key=lambda s: (-s[0], s[1]))
    best: list[float] | None = None
    best_cost = math.inf
    for _, cut in spans[: min(n, 4)]:
        order = [(cut + 1 + k) % n for k in range(n)]
        start = desired[order[0]]
        unrolled = [(desired[i] - start) % TAU + start for i in order]
        offsets = [0.0]
        for k in range(n - 1):
            offsets.append(offsets[-1] + gaps[order[k]])
        fitted = _isotonic_as_first_written([u - o for u, o in zip(unrolled, offsets,
                                                                   strict=True)])
        theta = [f + o for f, o in zip(fitted, offsets, strict=True)]
        if theta[0] + TAU - theta[-1] < gaps[order[-1]] - 1e-12:
            continue
        cost = sum((t - u) ** 2 for t, u in zip(theta, unrolled, strict=True))
        if cost < best_cost:
            best_cost = cost
            best = [0.0] * n
            for idx, t in zip(order, theta, strict=True):
                best[idx] = t % TAU
    if best is not None:
        return best
    return place_on_circle(desired, gaps)  # the spacing by scaled gaps: not rewritten


@given(st.lists(st.tuples(st.floats(0, TAU - 1e-6), st.floats(0.01, 0.6)), min_size=1,
                max_size=14))
def test_place_on_circle_is_the_placement_as_first_written_to_the_last_bit(
        items: list[tuple[float, float]]) -> None:
    """The placement with its cuts worked out once (circle_cuts, as each ring's search
    passes them for every radius it tries) and its blocks pooled in two lists gives the
    angles of the placement as first written, bit for bit: the rings must not move by a
    hair for its speed."""
    items.sort()
    desired, gaps = [d for d, _ in items], [g for _, g in items]
    first = _placed_as_first_written(desired, gaps)
    assert place_on_circle(desired, gaps) == first
    assert place_on_circle(desired, gaps, circle_cuts(desired)) == first


def test_place_on_circle_leaves_spread_items_alone() -> None:
    desired = [0.0, 1.0, 2.0, 3.0]
    placed = place_on_circle(desired, [0.2] * 4)
    assert placed == pytest.approx(desired)


def _brute_crossings(lines: list[tuple[str, str, list[tuple[float, float]]]]) -> int:
    """Every pair of segments of every pair of lines that share no end: the definition."""
    total = 0
    for i, (s1, t1, p1) in enumerate(lines):
        for s2, t2, p2 in lines[i + 1:]:
            if {s1, t1} & {s2, t2}:
                continue
            total += sum(segments_cross(a, b, c, d) for a, b in pairwise(p1)
                         for c, d in pairwise(p2))
    return total


_coords = st.tuples(st.integers(-50, 50).map(float), st.integers(-50, 50).map(float))


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("uvwxyz"),
                          st.lists(_coords, min_size=2, max_size=5)), max_size=12))
def test_count_crossings_sweep_counts_what_every_pair_counts(
        lines: list[tuple[str, str, list[tuple[float, float]]]]) -> None:
    """The sweep over segments sorted by x finds exactly the crossings of the pairwise
    definition, vertical segments and shared x-coordinates included."""
    assert count_crossings(lines) == _brute_crossings(lines)


def test_detour_ratio_is_the_way_over_the_distance() -> None:
    """A straight line runs once its distance; a way round three sides of a square of
    side 10 between two corners 10 apart, three times; ends on one spot count 1 apart."""
    assert detour_ratio([(0.0, 0.0), (10.0, 0.0)]) == pytest.approx(1.0)
    assert path_length([(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0)]) == 30.0
    assert detour_ratio([(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0)]) == \
        pytest.approx(3.0)
    assert detour_ratio([(0.0, 0.0), (0.0, 4.0), (0.0, 0.0)]) == pytest.approx(8.0)
    assert detour_ratio([(5.0, 5.0)]) == 1.0
