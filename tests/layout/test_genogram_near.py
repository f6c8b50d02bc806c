"""The sorted index of family lines answers exactly what comparing with every line would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import proper_cross
from systeemkaart.layout.genogram_near import FamilyLines, LineIndex, runs_along
from tests.strategies import line_segments

Seg = tuple[tuple[float, float], tuple[float, float]]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(line_segments(), min_size=1, max_size=4), min_size=1, max_size=12),
       st.lists(line_segments(), min_size=1, max_size=4))
def test_family_lines_count_as_every_line_would(family: list[list[Seg]],
                                                query: list[Seg]) -> None:
    """Crossings and lines run along, found through the sorted index, equal those found by
    comparing the query with every family segment (also where ends touch lines)."""
    index = FamilyLines(family)
    every = [t for line in family for t in line]
    assert index.crossings(query) == sum(1 for s in query for t in every if proper_cross(s, t))
    for s in query:
        assert index.along(s) == any(runs_along(s, t) for t in every)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(line_segments(), min_size=1, max_size=4), min_size=1, max_size=8),
       line_segments())
def test_line_index_forgets_removed_lines(lines: list[list[Seg]], s: Seg) -> None:
    """The grid of emotional lines counts the lines kept, not those removed."""
    index = LineIndex(48.0)
    for k, line in enumerate(lines):
        index.add(line, k)
    index.remove(0)
    kept = [t for line in lines[1:] for t in line]
    assert index.crossings([s]) == sum(1 for t in kept if proper_cross(s, t))
    assert index.along(s, -1) == any(runs_along(s, t) for t in kept)
    assert index.measure([s], -1) == (int(any(runs_along(s, t) for t in kept)),
                                      sum(1 for t in kept if proper_cross(s, t)))
