"""Blocks of partners: who may stand between two partners, and which side a step line
leaves."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from hypothesis import given, settings

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_blocks import arrange_block, build_structure, splits_partners
from systeemkaart.model import Case
from tests.strategies_genogram import stepfamilies

DATA = Path(__file__).resolve().parent.parent / "data"


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


def _strangers(layout: GenogramLayout) -> list[tuple[str, str, str]]:
    """``(partner, partner, stranger)`` for every couple drawn on one row with someone
    between them, left to right, who is a partner of neither."""
    partners: dict[str, set[str]] = defaultdict(set)
    for p in layout.partnerships:
        a, b = p.partners
        partners[a].add(b)
        partners[b].add(a)
    people = layout.people
    out = []
    for p in layout.partnerships:
        a, b = p.partners
        if people[a].row != people[b].row:
            continue
        lo, hi = sorted((people[a].box.cx, people[b].box.cx))
        out += [(a, b, q.id) for q in people.values()
                if q.row == people[a].row and lo < q.box.cx < hi
                and q.id not in partners[a] | partners[b]]
    return out


def test_a_partner_with_an_earlier_family_of_their_own_stands_at_an_end() -> None:
    """A parent (p1) of three unions whose second and third partners (p3, p5) each were
    in a couple before (with p4, p6): the block put p3's earlier partner beside p3, so
    between p1 and p5 stood p4, a stranger to both; p3 now stands at the other end."""
    case = load(DATA / "genogram-blended-stranger-between-partners.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert not _strangers(layout)


@settings(max_examples=30, deadline=None)
@given(stepfamilies())
def test_blended_families_put_no_stranger_between_partners(case: Case) -> None:
    """Whatever the blocks, Graphviz and the last looks do, nobody in a row stands
    between two partners who is a partner of neither of them."""
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert not _strangers(layout)
