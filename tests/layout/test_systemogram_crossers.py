"""The crossings of a moved bend, counted once per bend and place: the same as counted
segment by segment, and the nudging's early stops give the same verdicts."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from systeemkaart.layout import Point
from systeemkaart.layout.systemogram_crossers import (
    bend_crossers,
    bend_crossings,
    crossed_count,
    near_segment,
)
from systeemkaart.layout.systemogram_nudge import _close, _close_each

# a coarse grid makes touching, collinear and shared-end segments common
_coord = st.one_of(st.integers(-30, 30).map(float),
                   st.floats(-60.0, 60.0, allow_nan=False, allow_infinity=False))
_point = st.tuples(_coord, _coord)
_segment = st.tuples(st.booleans(), _point, _point)


def _nears(segs: list[tuple[bool, Point, Point]]) -> list:
    return [near_segment(crosses, True, (), c, d) for crosses, c, d in segs if c != d]


def _plain(prev: Point, pt: Point, nxt: Point, near: list) -> int:
    return crossed_count([(prev, pt), (pt, nxt)], near)


@given(_point, _point, st.lists(_point, min_size=1, max_size=6),
       st.lists(_segment, max_size=14))
@example((0.0, 0.0), (20.0, 0.0), [(10.0, 10.0), (10.0, -10.0)],
         [(True, (5.0, -5.0), (5.0, 20.0)), (True, (15.0, 20.0), (15.0, -20.0)),
          (False, (0.0, 5.0), (20.0, 5.0)), (True, (10.0, 0.0), (10.0, 20.0))])
def test_a_bend_crosses_as_many_segments_as_its_two_segments_do(
        prev: Point, nxt: Point, places: list[Point],
        segs: list[tuple[bool, Point, Point]]) -> None:
    near = _nears(segs)
    crossers = bend_crossers(prev, nxt, places,
                             [(s[0], s[3], s[4], s[5], s[6], s[7], s[8]) for s in near])
    for pt in places:
        assert bend_crossings(prev, pt, nxt, crossers) == _plain(prev, pt, nxt, near)


@given(_point, _point, _point, st.lists(_segment, max_size=14), st.integers(0, 4))
def test_counting_stops_only_past_most_and_then_says_more(
        prev: Point, pt: Point, nxt: Point, segs: list[tuple[bool, Point, Point]],
        most: int) -> None:
    near = _nears(segs)
    full = _plain(prev, pt, nxt, near)
    crossers = bend_crossers(prev, nxt, [pt],
                             [(s[0], s[3], s[4], s[5], s[6], s[7], s[8]) for s in near])
    stopped = bend_crossings(prev, pt, nxt, crossers, most)
    plain_stopped = crossed_count([(prev, pt), (pt, nxt)], near, most)
    assert (stopped > most) == (full > most) == (plain_stopped > most)
    if full <= most:
        assert stopped == full == plain_stopped


def test_a_segment_beyond_every_place_is_left_out() -> None:
    near = _nears([(True, (100.0, -5.0), (100.0, 5.0)), (True, (8.0, -5.0), (8.0, 5.0)),
                   (False, (12.0, -5.0), (12.0, 5.0))])
    crossers = bend_crossers((0.0, 0.0), (20.0, 0.0), [(10.0, 3.0)],
                             [(s[0], s[3], s[4], s[5], s[6], s[7], s[8]) for s in near])
    assert [c[:2] for c in crossers] == [(8.0, -5.0)]
    assert bend_crossings((0.0, 0.0), (10.0, 3.0), (20.0, 0.0), crossers) == 1


_lane = st.tuples(st.floats(0.0, 80.0), st.floats(-8.0, 8.0), st.floats(20.0, 80.0))


@given(st.lists(_lane, min_size=1, max_size=8), st.floats(0.0, 200.0))
def test_a_close_length_stops_only_from_stop_on(lanes: list[tuple[float, float, float]],
                                                stop: float) -> None:
    segs = [((0.0, 0.0), (60.0, 1.0)), ((60.0, 1.0), (120.0, 0.0))]
    near = [near_segment(True, True, (), (x, y), (x + length, y + 0.5)) for x, y, length in lanes]
    full = _close(segs, near)
    stopped = _close(segs, near, stop=stop)
    if full >= stop:
        assert stopped >= stop
    else:
        assert stopped == full
    assert _close(segs, near, stop=math.inf) == full


@given(st.lists(st.tuples(st.floats(-20.0, 100.0), st.floats(-9.0, 9.0),
                          st.floats(5.0, 80.0), st.floats(-6.0, 6.0), st.booleans()),
                max_size=10))
def test_close_each_adds_the_same_lengths_and_names_the_segments_run_beside(
        lanes: list[tuple[float, float, float, float, bool]]) -> None:
    old = [((0.0, 0.0), (60.0, 1.0)), ((60.0, 1.0), (120.0, -2.0))]
    near = [near_segment(True, apart, (), (x, y), (x + length, y + rise))
            for x, y, length, rise, apart in lanes]
    total, beside = _close_each(old, near)
    assert total == _close(old, near)
    assert beside == [seg for seg in near if seg[1] and _close(old, [seg]) > 0.0]
