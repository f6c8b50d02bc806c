"""The measures of :mod:`systeemkaart.layout.genogram_quality` against plain oracles."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_places import axis_segments
from systeemkaart.layout.genogram_quality import lines_on_lines
from systeemkaart.model import Case
from tests.strategies import families_with_relations, with_relations


def _every_pair(layout: GenogramLayout, within: float = 4.0,
                longer: float = 10.0) -> list[tuple[int, int]]:
    """Lines on lines by comparing every pair of parallel segments."""
    found: set[tuple[int, int]] = set()
    for segs in axis_segments(layout):
        for s, t in itertools.combinations(segs, 2):
            if s[3] == t[3] or "relation" not in (s[4], t[4]):
                continue
            if abs(s[0] - t[0]) < within and min(s[2], t[2]) - max(s[1], t[1]) > longer:
                found.add((min(s[3], t[3]), max(s[3], t[3])))
    return sorted(found)


@settings(max_examples=40, deadline=None)
@given(with_relations(families_with_relations()))
def test_lines_on_lines_finds_what_every_pair_finds(case: Case) -> None:
    """Comparing only emotional lines' segments with their neighbours finds the pairs that
    comparing every pair of parallel segments finds, also with the lines moved onto each
    other (every relation's segments shifted to lie 2 units off a family line's)."""
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert lines_on_lines(layout) == _every_pair(layout)
    family = [s for s in axis_segments(layout)[0] if s[4] != "relation" and s[2] - s[1] > 12]
    if family:  # lay every relation 2 units under a family line's longest stretch
        y, x0, x1, _, _ = max(family, key=lambda s: (s[2] - s[1], s))
        for rel in layout.relations:
            rel.points = [(x0, y + 2.0), (x1, y + 2.0)]
        assert lines_on_lines(layout) == _every_pair(layout) != []
