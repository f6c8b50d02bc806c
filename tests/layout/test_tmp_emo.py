from hypothesis import assume, given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import save
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from tests.layout.test_genogram_relations import _at_most_six_a_pair, _crossings, _yardstick
from tests.strategies import families_with_relations, with_relations
from tests.strategies_genogram import genogram_families

FOUND = []


@settings(max_examples=100, deadline=None, database=None)
@given(with_relations(st.one_of(genogram_families(), families_with_relations())))
def test_wide(case):
    case = _at_most_six_a_pair(case)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    ways = _yardstick(layout)
    assume(ways is not None)
    drawn, yard = _crossings(layout, straight=False), _crossings(layout, True, ways)
    if drawn > yard:
        n = len(FOUND)
        FOUND.append((drawn, yard))
        save(case, f"/tmp/emo/wide-{n}.json")
        print("FOUND", drawn, yard, n)
