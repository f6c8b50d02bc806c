"""The lines and boxes a stretch being parted is measured against (``genogram_part``):
picking out those near its three segments (``within_any``, ``boxes_near``) gives every
measure the answer it gives against the whole drawing, wherever the stretch moves."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Box, Point
from systeemkaart.layout.genogram_part_measure import (
    REACH,
    Lines,
    boxes_near,
    cross,
    nearest,
    no_nearer,
    on_lines,
    within,
    within_any,
)

_MOST = 24.0
"""The farthest ``genogram_part`` moves a stretch either way."""

coords = st.integers(-300, 300).map(float)
points = st.tuples(coords, coords)


@st.composite
def stretches(draw: st.DrawFn) -> list[Point]:
    """A vertical stretch between two level ones (as ``genogram_part`` moves them), the
    level ones long or short, or one slanted (a detour round a corner)."""
    x, y1, y2 = draw(coords), draw(coords), draw(coords)
    a = (draw(coords), y1 + draw(st.sampled_from([0.0, 0.0, 15.0])))
    d = (draw(coords), y2)
    return [a, (x, y1), (x, y2), d]


@st.composite
def stretches_and_lines(draw: st.DrawFn) -> tuple[list[Point], Lines]:
    """A stretch and lines of level, vertical and slanted segments, some drawing wider
    than others, many starting near one of the stretch's points."""
    stretch = draw(stretches())
    out: Lines = []
    for _ in range(draw(st.integers(0, 6))):
        half = draw(st.sampled_from([0.7, 1.5, 3.0, 6.0]))
        segs = []
        for _ in range(draw(st.integers(1, 5))):
            x, y = draw(st.sampled_from(stretch)) if draw(st.booleans()) else draw(points)
            p = (x + draw(st.integers(-50, 50)), y + draw(st.integers(-50, 50)))
            shape = draw(st.sampled_from(["level", "upright", "slanted"]))
            q = (p[0] + draw(coords), p[1]) if shape == "level" else \
                (p[0], p[1] + draw(coords)) if shape == "upright" else draw(points)
            segs.append((p, q))
        out.append((half, segs))
    return stretch, out




@st.composite
def stretches_and_boxes(draw: st.DrawFn) -> tuple[list[Point], list[Box]]:
    """A stretch and boxes around it, most of them near one of its points (within what a
    move and the clear space kept from a box reach, and a little beyond)."""
    stretch = draw(stretches())
    out = []
    for _ in range(draw(st.integers(0, 12))):
        x, y = draw(st.sampled_from(stretch)) if draw(st.booleans()) else draw(points)
        out.append(Box(x + draw(st.integers(-70, 40)), y + draw(st.integers(-70, 40)),
                       draw(st.integers(1, 30).map(float)), draw(st.integers(1, 30).map(float))))
    return stretch, out


def _legs(stretch: list[Point]) -> list[list[Point]]:
    return [list(pair) for pair in itertools.pairwise(stretch)]


def _moved(stretch: list[Point], dx: float) -> list[Point]:
    a, b, c, d = stretch
    return [a, (b[0] + dx, b[1]), (c[0] + dx, c[1]), d]


@settings(max_examples=300, deadline=None)
@given(stretches_and_lines(), st.integers(-int(_MOST), int(_MOST)).map(float),
       st.sampled_from([0.7, 1.5, 3.0, 6.0]))
def test_lines_near_the_legs_measure_as_every_line(
        drawing: tuple[list[Point], Lines], dx: float, half: float) -> None:
    """The lines near one of the stretch's three segments (``within_any``) are as many on,
    close beside and across the stretch moved up to ``_MOST`` either way as all the lines
    are, and as the lines near the bounds of the whole stretch (``within``)."""
    stretch, lines = drawing
    moved = _moved(stretch, dx)
    near = within_any(lines, _legs(stretch), _MOST + REACH)
    assert on_lines(moved, half, near) == on_lines(moved, half, lines) \
        == on_lines(moved, half, within(lines, stretch, _MOST + REACH))
    assert cross(moved, near) == cross(moved, lines)


@settings(max_examples=300, deadline=None)
@given(stretches_and_boxes(), st.integers(-int(_MOST), int(_MOST)).map(float),
       st.sampled_from([0.7, 1.5, 3.0, 6.0]))
def test_boxes_near_the_legs_answer_as_every_box(
        drawing: tuple[list[Point], list[Box]], dx: float, half: float) -> None:
    """Whether the stretch moved up to ``_MOST`` either way comes nearer to a box than it
    was (or than what it draws and the clear space) is answered alike by the boxes near
    one of its segments (``boxes_near``) and by every box."""
    stretch, every = drawing
    moved = list(itertools.pairwise(_moved(stretch, dx)))
    before = list(itertools.pairwise(stretch))
    near = boxes_near(every, _legs(stretch), _MOST, half)
    assert no_nearer(moved, near, nearest(before, near), half) \
        == no_nearer(moved, every, nearest(before, every), half)


def test_a_box_far_from_every_leg_is_left_out() -> None:
    """A box inside the bounds of a long stretch but far from each of its segments (the
    middle of the square a long level stretch and a long vertical one span) is not
    measured; a box beside the vertical one is."""
    stretch = [(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (2000.0, 1000.0)]
    far, beside = Box(400.0, 400.0, 50.0, 50.0), Box(1020.0, 500.0, 40.0, 40.0)
    assert boxes_near([far, beside], _legs(stretch), _MOST, 0.7) == [beside]
