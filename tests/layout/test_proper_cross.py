"""proper_cross, written out for speed, decides as the orientation test it spells out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Point, proper_cross
from tests.strategies import line_segments

Seg = tuple[Point, Point]


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _reference(s: Seg, t: Seg) -> bool:
    (p1, p2), (q1, q2) = s, t
    d1, d2 = _orient(q1, q2, p1), _orient(q1, q2, p2)
    d3, d4 = _orient(p1, p2, q1), _orient(p1, p2, q2)
    eps = 1e-6
    return ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and \
        ((d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps))


_COORD = st.floats(-1e5, 1e5, allow_nan=False) | st.integers(-50, 50).map(float)


@settings(max_examples=500)
@given(st.tuples(st.tuples(_COORD, _COORD), st.tuples(_COORD, _COORD)),
       st.tuples(st.tuples(_COORD, _COORD), st.tuples(_COORD, _COORD)))
def test_proper_cross_decides_as_the_orientation_test(s: Seg, t: Seg) -> None:
    assert proper_cross(s, t) is _reference(s, t)
    assert proper_cross(t, s) is _reference(t, s)


@settings(max_examples=300)
@given(line_segments(), line_segments())
def test_proper_cross_on_drawing_like_segments(s: Seg, t: Seg) -> None:
    assert proper_cross(s, t) is _reference(s, t)


def test_crossing_touching_and_collinear_segments() -> None:
    assert proper_cross(((0.0, 0.0), (2.0, 2.0)), ((0.0, 2.0), (2.0, 0.0)))
    assert not proper_cross(((0.0, 0.0), (2.0, 2.0)), ((2.0, 2.0), (3.0, 0.0)))  # an end
    assert not proper_cross(((0.0, 0.0), (2.0, 0.0)), ((1.0, 0.0), (3.0, 0.0)))  # one line
    assert not proper_cross(((0.0, 0.0), (1.0, 0.0)), ((2.0, -1.0), (2.0, 1.0)))  # apart
