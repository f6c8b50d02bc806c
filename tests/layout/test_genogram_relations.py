"""Routes of emotional lines between people of one row (see ``genogram_relations``)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_quality import crossings, segments
from systeemkaart.model import Case
from systeemkaart.model.family import Relation
from tests.strategies_genogram import genogram_families


@settings(max_examples=40, deadline=None)
@given(genogram_families(), st.data())
def test_relation_in_the_lowest_row_crosses_no_family_line(case: Case,
                                                           data: st.DataObject) -> None:
    """Two people without a partner in the lowest row are joined through the band below
    it, which holds no line: their relation crosses no partner or child line (through the
    band above it would cross the line down into everyone in between)."""
    at = case.as_of()
    options = GenogramOptions(lang="nl", at=at)
    layout = layout_genogram(case, options)
    last = max(p.row for p in layout.people.values())
    partnered = {x for p in case.partnerships for x in p.partners}
    free = sorted(pid for pid, p in layout.people.items()
                  if p.row == last and pid not in partnered)
    assume(len(free) >= 2)
    a, b = data.draw(st.lists(st.sampled_from(free), min_size=2, max_size=2, unique=True))
    kind = data.draw(st.sampled_from(("close", "fused", "conflict", "cutoff")))
    case = case.model_copy(update={"relations": [Relation(between=[a, b], kind=kind)]})
    layout = layout_genogram(case, options)
    assume(all(layout.people[x].row == last for x in (a, b)))
    family = [("u:" + "|".join(sorted(p.partners)), segments(p.points))
              for p in layout.partnerships]
    family += [("u:" + "|".join(sorted(c.parents)), segments(c.points))
               for c in layout.children]
    (relation,) = layout.relations
    assert crossings([*family, ("r", segments(relation.points))]) == crossings(family)
