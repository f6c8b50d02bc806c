"""The router's shortcuts answer as the full tests do: the cheaper side of a box found by
counting only the crossings needed, and a segment's box test stopping at the first box."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Box, Point
from systeemkaart.layout.systemogram_route import Obstacle, Router
from tests.strategies import line_segments

_points = st.tuples(st.floats(-50, 170, allow_nan=False), st.floats(-50, 170, allow_nan=False))


@settings(max_examples=150, deadline=None)
@given(drawn=st.lists(st.tuples(line_segments(), st.sampled_from("abc")), max_size=12),
       p=_points, first=_points, second=_points, q=_points)
def test_the_cheaper_side_is_the_one_a_sort_by_cost_puts_first(
        drawn: list[tuple[tuple[Point, Point], str]], p: Point, first: Point, second: Point,
        q: Point) -> None:
    """``_second_cheaper`` says the second way round costs less exactly when it does
    (crossings of remembered lines plus length), though it may skip counting one way's
    crossings."""
    router = Router([])
    for k, ((a, b), agent) in enumerate(drawn):
        router.remember([a, b], (agent, f"t{k}"))
    router.cost([p], ("x", "y"))  # the current line's ends
    one, two = [p, first, q], [p, second, q]
    assert router._second_cheaper(one, two) == (router.cost(two) < router.cost(one))


_boxes = st.builds(Box, st.floats(0, 150, allow_nan=False), st.floats(0, 150, allow_nan=False),
                   st.floats(1, 60, allow_nan=False), st.floats(1, 60, allow_nan=False))


@settings(max_examples=150, deadline=None)
@given(boxes=st.lists(_boxes, max_size=10), segment=line_segments(),
       skip=st.sets(st.integers(0, 9), max_size=3))
def test_a_segment_is_clear_exactly_when_it_enters_no_box(
        boxes: list[Box], segment: tuple[Point, Point], skip: set[int]) -> None:
    """``clear`` (which stops at the first box it finds entered along the segment's cells)
    agrees with the first box entered, searched over every box near the segment."""
    router = Router([Obstacle(f"o{k}", b) for k, b in enumerate(boxes)])
    p, q = segment
    router.prepare_line(p, q, [f"o{k}" for k in skip], ("x", "y"))
    assert router.clear(p, q) == (router._entered(p, q) is None)


@settings(max_examples=150, deadline=None)
@given(drawn=st.lists(st.tuples(line_segments(), st.sampled_from("abc")), max_size=12),
       gone=st.sets(st.integers(0, 11)), back=st.sets(st.integers(0, 11)),
       way=st.lists(_points, min_size=2, max_size=4), agent=st.sampled_from("abx"))
def test_a_line_forgotten_is_counted_as_never_remembered(
        drawn: list[tuple[tuple[Point, Point], str]], gone: set[int], back: set[int],
        way: list[Point], agent: str) -> None:
    """Lines forgotten (some remembered again, as the second pass routes each line again)
    cross a way as often as they would had the router remembered only the lines it holds
    now."""
    router, plain = Router([]), Router([])
    gone = {k for k in gone if k < len(drawn)}
    for k, ((a, b), owner) in enumerate(drawn):
        router.tag = k
        router.remember([a, b], (owner, f"t{k}"))
    for k in sorted(gone):
        router.forget(k)
    held = [k for k in range(len(drawn)) if k not in gone] + sorted(gone & back)
    for k in sorted(gone & back):
        router.tag = k
        router.remember(list(drawn[k][0]), (drawn[k][1], f"t{k}"))
    for k in held:
        plain.remember(list(drawn[k][0]), (drawn[k][1], f"t{k}"))
    assert router.cost(way, (agent, "y")) == plain.cost(way, (agent, "y"))
