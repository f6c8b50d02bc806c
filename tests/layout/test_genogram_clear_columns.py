"""The columns ``genogram_clear.FamilyClear`` files the family lines in: each segment in
every column its extent reaches, grown by the farthest reach that can count, in the
order of the lines; and whether a line runs beside a family line is the same found
through them as measured against every family line."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout.genogram_clear import _COLUMN, _MARGIN, FamilyClear
from systeemkaart.layout.genogram_near import Segment
from systeemkaart.layout.genogram_relations import DRAWN_HALF
from systeemkaart.layout.genogram_route import FAMILY_HALF, LINE_CLEAR

coords = st.one_of(st.integers(-300, 700).map(float),
                   st.floats(-300.0, 700.0, allow_nan=False, allow_infinity=False))
points = st.tuples(coords, coords)
segments = st.tuples(points, points)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(segments, max_size=6), max_size=8))
def test_each_segment_is_filed_in_every_column_it_reaches(
        lines: list[list[Segment]]) -> None:
    """Per column, the segments whose x extent grown by the reach meets it, in order, each
    with its y extent grown by the reach: what filing each one column by column gives."""
    clear = FamilyClear(lines)
    every = [t for segs in lines for t in segs]
    grow = max(DRAWN_HALF.values()) + FAMILY_HALF + LINE_CLEAR + _MARGIN
    for ix, column in clear.columns.items():
        expected = []
        for t in every:
            (x1, y1), (x2, y2) = t
            first = math.floor((min(x1, x2) - grow) / _COLUMN)
            last = math.floor((max(x1, x2) + grow) / _COLUMN)
            if first <= ix <= last:
                expected.append((min(y1, y2) - grow, max(y1, y2) + grow, t))
        assert column == expected
    filed = {t for column in clear.columns.values() for _lo, _hi, t in column}
    assert filed == set(every)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(segments, min_size=1, max_size=4), min_size=1, max_size=6),
       st.lists(points, min_size=2, max_size=4), st.sampled_from([0.7, 1.9, 3.7, 5.7]))
def test_beside_through_the_columns_is_beside_every_line(
        lines: list[list[Segment]], line: list[tuple[float, float]], half: float) -> None:
    """A line runs beside the family lines (found through the columns) exactly when it
    runs beside one of them filed alone in a column of its own."""
    clear = FamilyClear(lines)
    ends = [line[0], line[-1]]
    alone = any(FamilyClear([[t]]).beside(line, half, ends) for segs in lines for t in segs)
    assert clear.beside(line, half, ends) == alone
