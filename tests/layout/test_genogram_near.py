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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(line_segments(), min_size=1, max_size=4), min_size=1, max_size=12),
       st.lists(line_segments(), min_size=1, max_size=4))
def test_family_lines_answer_alike_asked_again_in_any_order(family: list[list[Seg]],
                                                            query: list[Seg]) -> None:
    """The family segments near a query segment are found once and kept: asked whether
    it runs along a line first and how many it crosses after, and both again, the
    answers are those of comparing it with every family segment."""
    index = FamilyLines(family)
    every = [t for line in family for t in line]
    for _ in range(2):
        for s in query:
            assert index.along(s) == any(runs_along(s, t) for t in every)
            assert index.crossings([s]) == sum(1 for t in every if proper_cross(s, t))
        assert index.crossings(query) == sum(1 for s in query for t in every
                                             if proper_cross(s, t))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(line_segments(), min_size=1, max_size=4), min_size=1, max_size=8),
       line_segments())
def test_line_index_forgets_removed_lines(lines: list[list[Seg]], s: Seg) -> None:
    """The index of emotional lines counts the lines kept, not those removed."""
    index = LineIndex()
    for k, line in enumerate(lines):
        index.add(line, k)
    index.remove(0)
    kept = [t for line in lines[1:] for t in line]
    assert index.crossings([s]) == sum(1 for t in kept if proper_cross(s, t))
    assert index.along(s, -1) == any(runs_along(s, t) for t in kept)
    assert index.measure([s], -1) == (int(any(runs_along(s, t) for t in kept)),
                                      sum(1 for t in kept if proper_cross(s, t)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(line_segments(), min_size=1, max_size=4), min_size=2, max_size=8),
       st.lists(st.integers(0, 7), max_size=12), line_segments())
def test_line_index_answers_as_every_kept_line_after_lines_come_and_go(
        lines: list[list[Seg]], removed: list[int], s: Seg) -> None:
    """Lines removed and added again (as the emotional-line choice does, round after
    round): every answer equals comparing with every line kept at that moment."""
    index = LineIndex()
    kept: dict[int, list[Seg]] = {}
    for k, line in enumerate(lines):
        index.add(line, k)
        kept[k] = line
    for step, k in enumerate(removed):
        if k in kept and step % 3 != 2:
            index.remove(k)
            del kept[k]
        elif k < len(lines) and k not in kept:
            index.add(lines[k], k)
            kept[k] = lines[k]
    every = [(t, o) for o, line in kept.items() for t in line]
    crossed = sum(1 for t, _o in every if proper_cross(s, t))
    assert index.crossings([s]) == crossed
    assert index.along(s, 0) == any(o != 0 and runs_along(s, t) for t, o in every)
    assert index.crossing_owners([s], 0) == {o for t, o in every
                                             if o != 0 and proper_cross(s, t)}
    assert index.measure([s], 0) == (int(any(o != 0 and runs_along(s, t) for t, o in every)),
                                     crossed)
