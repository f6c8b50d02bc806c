"""Blocks of partners: who may stand between two partners, and which side a step line
leaves."""

from __future__ import annotations

from systeemkaart.layout.genogram_blocks import arrange_block, build_structure, splits_partners
from systeemkaart.model import Case


def test_only_a_partner_of_one_of_them_may_stand_between_two_partners() -> None:
    """A mother (m) with two partners in turn (a, b), b married to c before: under a
    bracket may stand a partner of either partner, never a stranger to both."""
    case = Case.model_validate({
        "case": {"id": "x"},
        "people": [{"id": p} for p in ("m", "a", "b", "c")],
        "partnerships": [{"partners": ["m", "a"], "start": 1970, "end": 1974},
                         {"partners": ["b", "c"], "start": 1966, "end": 1971},
                         {"partners": ["m", "b"], "start": 1976}],
    })
    st = build_structure(case)
    block = st.blocks[st.block_of["m"]]
    assert not splits_partners(block, ["a", "m", "b", "c"])
    assert not splits_partners(block, ["c", "m", "b", "a"])  # m (b's partner) between b, c
    assert splits_partners(block, ["m", "c", "b", "a"])  # c between m and a
    assert splits_partners(block, ["m", "b", "c", "a"])  # b and c between m and a


def test_a_step_line_leaves_on_the_side_without_its_parents_partner_line() -> None:
    """A father (x) of three unions, his second partner (b) step-parent of the first
    union's child and standing between him and his third partner (joined by a bracket
    over b): b's step line would leave towards the child, through b's own partner line;
    it leaves on b's other side, between b and the third partner, who are no couple."""
    case = Case.model_validate({
        "case": {"id": "x"},
        "people": [{"id": p} for p in ("x", "y", "b", "a", "k")],
        "partnerships": [{"partners": ["x", "y"], "start": 1970, "end": 1974},
                         {"partners": ["x", "b"], "start": 1976, "end": 1980},
                         {"partners": ["x", "a"], "start": 1982}],
        "children": [{"parents": ["x", "y"], "child": "k"},
                     {"parents": ["b"], "child": "k", "kind": "step"}],
    })
    st = build_structure(case)
    block = st.blocks[st.block_of["x"]]
    arrange_block(st, block.index, ["y", "x", "b", "a"])
    step = next(u for u in st.unions if u.members == ("b",))
    assert step.gap == 3  # between b and a, not between x and b
