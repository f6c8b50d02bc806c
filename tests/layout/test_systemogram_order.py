"""Lines sharing a corridor are ordered across it by where they leave it."""

from __future__ import annotations

from itertools import pairwise

from systeemkaart.layout import Point
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram_order import order_across
from systeemkaart.layout.systemogram_route import Router
from systeemkaart.layout.systemogram_tracks import separate_tracks, spacing

RIGHT = (1.0, 0.0)
"""A corridor running left to right: its normal (0, 1) points down the page."""


def _leaving() -> list[list[Point]]:
    """Two lines in one corridor from x 100: line 0 comes from below and turns up at x 300;
    line 1 comes from above, runs a unit below line 0 and turns up at x 200, across it."""
    return [[(0.0, 60.0), (100.0, 0.0), (300.0, 0.0), (300.0, -100.0)],
            [(0.0, -60.0), (100.0, 1.0), (200.0, 1.0), (200.0, -100.0)]]


def _crossings(one: list[Point], two: list[Point]) -> int:
    return sum(segments_cross(a, b, c, d) for a, b in pairwise(one) for c, d in pairwise(two))


def test_a_line_turning_off_first_lies_on_the_side_it_turns_to() -> None:
    """Both lines turn up: the one turning first (line 1, at x 200) belongs above the
    other, whatever side it runs on now."""
    paths = _leaving()
    assert order_across(paths, 0, 1, 1, 1, RIGHT) == -1
    assert order_across(paths, 1, 1, 0, 1, RIGHT) == 1


def test_lines_turning_off_to_opposite_sides_lie_on_those_sides() -> None:
    """A line leaving downwards lies below one leaving upwards."""
    paths = [[(0.0, 0.0), (200.0, 0.0), (200.0, -80.0)],
             [(0.0, -1.0), (200.0, -1.0), (200.0, 80.0)]]
    assert order_across(paths, 0, 0, 1, 0, RIGHT) == 1


def test_lines_whose_ends_ask_for_opposite_orders_keep_theirs() -> None:
    """Where the lines must cross whichever way they lie (they swap sides between the
    corridor's ends), no order is asked for."""
    paths = [[(0.0, 60.0), (100.0, 0.0), (300.0, 0.0), (400.0, -60.0)],
             [(0.0, -60.0), (100.0, 1.0), (300.0, 1.0), (400.0, 60.0)]]
    assert order_across(paths, 0, 1, 1, 1, RIGHT) == 0


def test_a_frame_edge_has_no_order() -> None:
    assert order_across(_leaving(), -1, 0, 1, 1, RIGHT) == 0


def test_parted_lines_take_the_order_that_leaves_them_uncrossed() -> None:
    """Line 1 runs on the wrong side of line 0 for where it comes from and turns off (it
    crosses line 0 twice): parted, it lies above line 0 a track's spacing apart, and the
    two no longer cross. Kept in the order they had, they would cross twice."""
    paths = _leaving()
    assert _crossings(*paths) == 2
    separate_tracks(Router([]), paths, [("a", "p"), ("b", "q")], [1.8, 1.8],
                    [["a", "p"], ["b", "q"]], [1, 1], [1, 1])
    assert _crossings(*paths) == 0

    def y_at(path: list[Point], x: float) -> float:
        return next(a[1] for a, b in pairwise(path) if a[1] == b[1] and a[0] <= x <= b[0])
    assert y_at(paths[0], 150.0) - y_at(paths[1], 150.0) >= spacing(1.8, 1.8) - 0.1
