"""The grid of :mod:`systeemkaart.render.crossing_points` finds the crossings that comparing
a line with every segment of the drawing finds, in the same order."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Point, proper_cross
from systeemkaart.layout.genogram_quality import crossing_point
from systeemkaart.render.crossing_points import CrossingPoints
from tests.strategies import line_segments

Path = list[Point]


def _every_segment(path: Path, paths: list[Path]) -> list[Point]:
    """Where the other paths cross ``path``, comparing it with each of their segments."""
    out: list[Point] = []
    for points in paths:
        if points is path:
            continue
        for t in itertools.pairwise(points):
            out.extend(crossing_point(s, t) for s in itertools.pairwise(path)
                       if proper_cross(s, t))
    return out


@st.composite
def _paths(draw: st.DrawFn) -> list[Path]:
    """Lines of a few segments each, at a scale from within one grid cell to many."""
    scale = draw(st.sampled_from((1.0, 9.5, 130.0)))
    paths = []
    for segs in draw(st.lists(st.lists(line_segments(), min_size=1, max_size=4),
                              min_size=1, max_size=12)):
        points = [segs[0][0], *[s[1] for s in segs]]
        paths.append([(x * scale - 500.0, y * scale) for x, y in points])
    return paths


@settings(max_examples=150, deadline=None)
@given(_paths())
def test_the_grid_finds_what_every_segment_finds(paths: list[Path]) -> None:
    found = CrossingPoints(paths)
    for path in paths:
        assert found.on(path) == _every_segment(path, paths)
        assert CrossingPoints(paths, [path]).on(path) == _every_segment(path, paths)
    asked = paths[::2]
    some = CrossingPoints(paths, asked)
    for path in asked:
        assert some.on(path) == _every_segment(path, paths)


def test_a_line_is_not_crossed_by_itself_but_by_the_others() -> None:
    across: Path = [(0.0, 50.0), (2000.0, 50.0)]
    down: Path = [(1000.0, 0.0), (1000.0, 300.0)]
    bent: Path = [(-10.0, 0.0), (600.0, 100.0), (1500.0, 0.0)]
    found = CrossingPoints([across, down, bent])
    assert found.on(across) == [(1000.0, 50.0), (295.0, 50.0), (1050.0, 50.0)]
    assert found.on(down) == [(1000.0, 50.0), (1000.0, 55.56)]
