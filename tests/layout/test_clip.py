"""One segment-against-box test for every layout: the touching cases, table by table.

The router (which bends lines around boxes) and the check that no drawn line passes through
a box must agree on what touching means, or a line the router calls clear is reported as
crossing (or the other way round).
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.layout import Box, Point, segment_distance, segment_entry, segment_hits_box
from systeemkaart.layout.systemogram_route import MARGIN, Obstacle, Router

BOX = (0.0, 0.0, 10.0, 10.0)


@pytest.mark.parametrize(
    ("p", "q", "entry"),
    [
        ((-5, 5), (15, 5), 0.25),  # straight through the middle
        ((5, 5), (20, 5), 0.0),  # starts inside
        ((0, 5), (5, 5), 0.0),  # starts on the outline and goes in
        ((5, 5), (5, 5), 0.0),  # a point inside
        ((-5, 0), (15, 0), None),  # along the top edge
        ((-5, 10), (15, 10), None),  # along the bottom edge
        ((0, -5), (0, 15), None),  # along the left edge
        ((10, 2), (10, 8), None),  # on the right edge, inside its span
        ((-5, 5), (5, -5), None),  # grazes the top-left corner
        ((-5, 5), (0, 5), None),  # ends on the outline from outside
        ((0, 5), (-5, 5), None),  # leaves the outline outwards
        ((0, 0), (0, 0), None),  # a point on a corner
        ((5, 10), (5, 10), None),  # a point on an edge
        ((-5, 20), (15, 20), None),  # clear of the box
    ],
)
def test_segment_entry_touching_is_not_entering(p: Point, q: Point, entry: float | None
                                               ) -> None:
    got = segment_entry(p, q, *BOX)
    if entry is None:
        assert got is None
    else:
        assert got == pytest.approx(entry)


def test_a_box_without_area_is_never_entered() -> None:
    assert segment_entry((-5, 5), (15, 5), 0, 0, 0, 10) is None
    assert segment_entry((-5, 5), (15, 5), 0, 5, 10, 5) is None


@pytest.mark.parametrize(
    ("p", "q", "hits"),
    [
        ((-5, 5), (15, 5), True),
        ((-5, 0.5), (15, 0.5), False),  # along the shrunk top edge: touching
        ((-5, 0.6), (15, 0.6), True),  # just inside the shrunk box
        ((-5, 0.0), (15, 0.0), False),  # along the true edge
        ((-5, 5.5), (5.5, -5), False),  # grazes the shrunk corner (0.5, 0.5)
    ],
)
def test_segment_hits_box_shrinks_by_eps(p: Point, q: Point, hits: bool) -> None:
    assert segment_hits_box(p, q, Box(*BOX)) is hits


@pytest.mark.parametrize(
    ("y", "straight"),
    [
        (-MARGIN, True),  # runs along the box grown by the margin: touching, stays straight
        (-MARGIN - 1, True),
        (-MARGIN + 0.1, False),  # enters the grown box: bends round it
        (5.0, False),
    ],
)
def test_router_agrees_on_touching(y: float, straight: bool) -> None:
    router = Router([Obstacle("x", Box(*BOX))])
    path = router.route((-30.0, y), (40.0, y), ["a", "b"])
    assert (len(path) == 2) is straight
    grown = Box(*BOX).grow(MARGIN)
    assert not any(segment_entry(a, b, grown.x, grown.y, grown.right, grown.bottom)
                   is not None for a, b in pairwise(path))


coord = st.floats(-30, 30, allow_nan=False).map(lambda v: round(v))


@given(coord, coord, coord, coord, st.floats(0, 2))
def test_segment_hits_box_is_segment_entry_on_the_shrunk_box(
        x0: float, y0: float, x1: float, y1: float, eps: float) -> None:
    box = Box(-3.0, -4.0, 9.0, 7.0)
    inner = (box.x + eps, box.y + eps, box.right - eps, box.bottom - eps)
    assert segment_hits_box((x0, y0), (x1, y1), box, eps) is (
        segment_entry((x0, y0), (x1, y1), *inner) is not None)


_boxes = st.lists(st.builds(Box, st.integers(-200, 200).map(float),
                            st.integers(-200, 200).map(float),
                            st.integers(1, 90).map(float), st.integers(1, 60).map(float)),
                  min_size=1, max_size=15)
_points = st.tuples(st.integers(-260, 260).map(float), st.integers(-260, 260).map(float))


@given(_boxes, _points, _points)
def test_router_grid_sees_every_box_a_segment_enters(boxes: list[Box], p: Point,
                                                     q: Point) -> None:
    """The router looks only at the boxes in the grid cells a segment passes; it must
    still see every box the segment enters (grown by the margin), as testing each box
    would."""
    router = Router([Obstacle(f"b{i}", b) for i, b in enumerate(boxes)])
    router.route((0.0, 0.0), (0.0, 0.0), ["far"])  # sets up the line's skip list
    enters = [b for b in boxes if segment_entry(p, q, b.x - MARGIN, b.y - MARGIN,
                                                b.right + MARGIN, b.bottom + MARGIN)
              is not None]
    router._tight = {}
    router._prepare(MARGIN)  # every box grown by the margin, and tested afresh
    assert router.clear(p, q) is (not enters)


@pytest.mark.parametrize(("pt", "a", "b", "expected"), [
    ((5.0, 3.0), (0.0, 0.0), (10.0, 0.0), 3.0),  # beside the middle
    ((-3.0, 4.0), (0.0, 0.0), (10.0, 0.0), 5.0),  # before its start: to the end point
    ((13.0, -4.0), (0.0, 0.0), (10.0, 0.0), 5.0),  # past its end
    ((3.0, 4.0), (0.0, 0.0), (0.0, 0.0), 5.0),  # no length: to the point
    ((1.0, 1.0), (0.0, 0.0), (2.0, 2.0), 0.0),  # on it
])
def test_segment_distance(pt: Point, a: Point, b: Point, expected: float) -> None:
    """The one distance from a point to a segment, shared by the systemogram's fan-in and
    the genogram's clearance measures."""
    assert segment_distance(pt, a, b) == pytest.approx(expected)


def test_a_point_blocked_only_by_boxes_not_skipped() -> None:
    """A point inside a box is blocked, unless that box is one the caller names (a line's
    own end may hold its port); on a box's edge it is not inside."""
    router = Router([Obstacle("pill", Box(0.0, 0.0, 10.0, 10.0))])
    assert router.blocked((5.0, 5.0))
    assert not router.blocked((5.0, 5.0), ("pill",))
    assert not router.blocked((5.0, 10.0))
    assert not router.blocked((15.0, 5.0))
