"""The index of emotional lines that moving a couple's dates asks (genogram_dates._Index)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Box
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_clear import bounds
from systeemkaart.layout.genogram_dates import _Index
from systeemkaart.layout.genogram_near import Segment, line_segments
from systeemkaart.layout.genogram_relations import drawn_half
from systeemkaart.layout.genogram_route import TEXT_CLEAR
from systeemkaart.model import Case
from tests.strategies import families_with_relations, with_relations


@settings(max_examples=30, deadline=None)
@given(with_relations(families_with_relations()),
       st.lists(st.tuples(st.floats(-100, 2000), st.floats(-100, 800), st.floats(0, 400),
                          st.floats(0, 80)), max_size=20))
def test_index_finds_every_line_near_a_box(case: Case,
                                           more: list[tuple[float, float, float, float]]
                                           ) -> None:
    """Every segment of an emotional line whose bounds (grown by its reach, as
    ``move_dates`` keeps them) overlap a box is among those the index gives for it: the
    dates over each partnership, the bounds themselves and boxes anywhere."""
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    lines: list[tuple[float, Segment, Box]] = []
    for r in layout.relations:
        reach = drawn_half(r.kind) + TEXT_CLEAR
        lines += [(reach, s, bounds([s], reach)) for s in line_segments(r.points)]
    index = _Index(lines)
    boxes = [p.label_box for p in layout.partnerships if p.label_box is not None]
    boxes += [near for _reach, _s, near in lines] + [Box(*b) for b in more]
    for box in boxes:
        found = {id(e) for e in index.around(box)}
        assert {id(e) for e in lines if e[2].overlaps(box)} <= found
