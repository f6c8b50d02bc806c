"""Tests for genogram_high: which relation lines may move above a band's sibling bars."""

from __future__ import annotations

from systeemkaart.layout.genogram_high import _high_way
from systeemkaart.layout.genogram_places import row_ref
from systeemkaart.layout.genogram_route import RefPoint, Router


def _router() -> tuple[Router, RefPoint]:
    """A router with one sibling bar in band 1 from x 0 to 100; returns it with a point
    on a line coming down from row 0 at x 50."""
    router = Router({0: [(0.0, 40.0)], 1: [(0.0, 40.0), (80.0, 120.0)]}, 2)
    router.lane(1, 0.0, 100.0, 0, ups=[50.0], downs=[0.0, 100.0])
    return router, (50.0, row_ref(0, 40.0))


def test_a_line_to_a_port_past_the_end_of_the_bar_it_comes_down_over_may_go_above() -> None:
    """The line comes down at x 50 over the bar and goes on to a port at x 110, beyond
    the bar's end: its stretch across moves into a new lane above the bars (class 3),
    the same extent, at either end of the path."""
    router, start = _router()
    lane = router.lane(1, 50.0, 110.0, 1, ups=[50.0], downs=[110.0])
    path = [start, (50.0, lane), (110.0, lane), (110.0, row_ref(1, 2.0))]
    for way in (path, path[::-1]):
        high = _high_way(router, way)
        assert high is not None
        new_path, old, new = high
        assert old == lane
        moved = router.lanes[new[1]]
        assert (moved.band, moved.cls, moved.x1, moved.x2) == (1, 3, 50.0, 110.0)
        assert [ref for _x, ref in new_path].count(new) == 2
        assert [x for x, _ref in new_path] == [x for x, _ref in way]


def test_a_line_to_a_port_under_the_bar_stays_below_it() -> None:
    """A port the bar reaches over (x 90) is crossed by the bar either way: no move."""
    router, start = _router()
    lane = router.lane(1, 50.0, 90.0, 1, ups=[50.0], downs=[90.0])
    assert _high_way(router, [start, (50.0, lane), (90.0, lane),
                              (90.0, row_ref(1, 2.0))]) is None
