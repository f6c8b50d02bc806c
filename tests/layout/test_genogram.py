"""Genogram layout: the hand-made hard situations and hypothesis families keep the rules.

Rules checked on every layout: no two person boxes overlap (nor line labels with boxes);
partners stand on one row; every child is below its parents; each child hangs from the
union of its own parents; no line passes through a person's box that it does not connect;
everyone and every link is drawn.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from systeemkaart.exceptions import LayoutError
from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.layout.genogram import (
    ChildPlace,
    GenogramLayout,
    GenogramOptions,
    layout_genogram,
)
from systeemkaart.layout.genogram_around import around
from systeemkaart.layout.genogram_blocks import build_structure
from systeemkaart.layout.genogram_quality import (
    household_problems,
    lines_on_lines,
    plain_dot_structural,
    structural_crossings,
    twins_apart,
)
from systeemkaart.layout.genogram_relations import drawn_half
from systeemkaart.layout.genogram_route import TEXT_CLEAR
from systeemkaart.model import Case, case_at
from tests.strategies_genogram import genogram_families

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _layout(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def check_layout(case: Case, layout: GenogramLayout) -> None:
    """Assert every layout rule (see the module docstring) for the case at its date."""
    case = case_at(case, case.as_of())
    boxes = layout.node_boxes()
    people = {p.id for p in case.people}
    assert set(boxes) == people, "everyone is drawn"
    # no overlaps: sweep over boxes sorted by x
    items = sorted(boxes.items(), key=lambda kv: kv[1].x)
    for i, (a, ba) in enumerate(items):
        for b, bb in items[i + 1:]:
            if bb.x >= ba.right:
                break
            assert not ba.overlaps(bb), f"{a} and {b} overlap"
    labels = layout.label_boxes()
    for lb in labels:
        for pid, box in boxes.items():
            assert not lb.overlaps(box), f"a line label overlaps {pid}"
    for i, la in enumerate(labels):
        for lb in labels[i + 1:]:
            assert not la.overlaps(lb), "two line labels overlap"
    rows = {pid: p.row for pid, p in layout.people.items()}
    for ps in case.partnerships:
        a, b = ps.partners
        assert rows[a] == rows[b], f"partners {a} and {b} on different rows"
        assert boxes[a].y == boxes[b].y
    for link in case.children:
        for parent in link.parents:
            assert rows[link.child] > rows[parent], f"{link.child} not below {parent}"
            assert boxes[link.child].y > boxes[parent].bottom
    unions = {frozenset(p.partners): p.union for p in layout.partnerships}
    drawn = {c.link for c in layout.children}
    assert drawn == set(range(len(case.children))), "every child link is drawn"
    for c in layout.children:
        if len(c.parents) == 2:
            assert c.points[0] == unions[frozenset(c.parents)] or _on_own_union(layout, c), \
                f"{c.child} does not hang from its own parents' line"
        symbol = layout.people[c.child].symbol  # ends on the outline's top (a small dot lower)
        assert symbol.y - 1e-6 <= c.points[-1][1] <= symbol.cy
    drawn_rel = {r.index for r in layout.relations}
    wanted = {i for i, r in enumerate(case.relations) if set(r.between) <= people}
    assert drawn_rel == wanted, "every relation between people is drawn"
    for kind, ends, points in layout.edges():
        assert len(points) >= 2
        for p, q in itertools.pairwise(points):
            for pid, box in _near(boxes, p, q):
                if pid in ends:
                    continue
                assert not segment_hits_box(p, q, box), f"{kind} {sorted(ends)} crosses {pid}"


def _on_own_union(layout: GenogramLayout, c: ChildPlace) -> bool:
    """True when the line ``c`` starts on a line of another kind of its own union: a line
    of another kind than the union's first starts where it parts from the kinds before it
    (see :func:`~systeemkaart.layout.genogram_child_ends.part_kinds`), the first kind's
    lines at the union point."""
    start = c.points[0]
    return any(d.parents == c.parents and d.kind != c.kind
               and any(min(a[0], b[0]) - 1e-6 <= start[0] <= max(a[0], b[0]) + 1e-6
                       and min(a[1], b[1]) - 1e-6 <= start[1] <= max(a[1], b[1]) + 1e-6
                       and abs((b[0] - a[0]) * (start[1] - a[1])
                               - (b[1] - a[1]) * (start[0] - a[0])) < 1e-6
                       for a, b in itertools.pairwise(d.points))
               for d in layout.children)


def _near(boxes: dict[str, Box], p: tuple[float, float],
          q: tuple[float, float]) -> list[tuple[str, Box]]:
    x0, x1 = min(p[0], q[0]), max(p[0], q[0])
    y0, y1 = min(p[1], q[1]), max(p[1], q[1])
    return [(pid, b) for pid, b in boxes.items()
            if b.x < x1 and x0 < b.right and b.y < y1 and y0 < b.bottom]


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.name)
def test_hand_made_and_example_cases_keep_every_rule(path: Path) -> None:
    case = load(path)
    check_layout(case, _layout(case))


@given(genogram_families())
def test_generated_families_keep_every_rule(case: Case) -> None:
    check_layout(case, _layout(case))


def test_successive_partners_stand_in_date_order_beside_the_shared_person() -> None:
    case = load(ROOT / "tests" / "cases" / "remarriage.yaml")
    layout = _layout(case)
    x = {pid: p.box.x for pid, p in layout.people.items()}
    assert x["ex1"] < x["vader"] < x["ex2"] < x["vrouw"]
    # half-siblings hang from their own couple's line
    by_child = {c.child: c for c in layout.children}
    union = {frozenset(p.partners): p.union for p in layout.partnerships}
    assert by_child["lotte"].points[0] == union[frozenset({"vader", "ex2"})]
    assert by_child["sem"].points[0] == union[frozenset({"vader", "vrouw"})]
    assert by_child["bram"].points[0] == union[frozenset({"vader", "ex1"})]
    # eldest left among full siblings
    assert x["bram"] < x["lisa"] and x["sem"] < x["noor"]


def test_man_stands_left_in_a_man_woman_couple() -> None:
    case = load(ROOT / "tests" / "cases" / "consanguinity.yaml")
    layout = _layout(case)
    for ps in case.partnerships:
        sexes = {case.person(p).sex: p for p in ps.partners}
        if set(sexes) == {"male", "female"}:
            assert layout.people[sexes["male"]].box.x < layout.people[sexes["female"]].box.x


def test_cousin_marriage_draws_nobody_twice_and_marks_the_couple() -> None:
    case = load(ROOT / "tests" / "cases" / "consanguinity.yaml")
    layout = _layout(case)
    assert len(layout.people) == len(case.people)
    marked = [p.partners for p in layout.partnerships if p.consanguineous]
    assert marked == [("neef", "nicht")]


def test_twins_hang_from_one_point_and_identical_twins_get_a_bar() -> None:
    case = load(ROOT / "tests" / "cases" / "twins-adoption.yaml")
    layout = _layout(case)
    lines = {c.child: c.points for c in layout.children}
    assert lines["tom"][-2] == lines["tim"][-2], "twins split from one point"
    assert lines["liv"][-2] == lines["lou"][-2]
    assert [t.twins for t in layout.twin_bars] == [("tom", "tim")]
    kinds = {c.child: c.kind for c in layout.children}
    assert kinds["sara"] == "adopted" and kinds["pleeg"] == "foster"


def test_co_parents_without_partnership_share_a_row_and_a_line() -> None:
    case = load(ROOT / "tests" / "cases" / "twins-adoption.yaml")
    layout = _layout(case)
    assert layout.people["donor"].row == layout.people["mila"].row
    implied = [p for p in layout.partnerships if p.kind == "implied"]
    assert [set(p.partners) for p in implied] == [{"mila", "donor"}]


def test_single_parent_line_starts_at_the_parent_and_unlinked_person_is_drawn() -> None:
    case = load(ROOT / "tests" / "cases" / "four-generations.yaml")
    layout = _layout(case)
    zus = next(c for c in layout.children if c.child == "zus")
    moeder = layout.people["moeder"].symbol
    assert zus.parents == ("moeder",)
    assert zus.points[0][1] == pytest.approx(moeder.cy)
    assert min(abs(zus.points[0][0] - moeder.x), abs(zus.points[0][0] - moeder.right)) < 0.01
    assert "buurvrouw" in layout.people


def test_households_apart_are_marked_with_a_warning() -> None:
    case = load(ROOT / "tests" / "cases" / "four-generations.yaml")
    layout = _layout(case)
    apart = [h for h in layout.households if h.outline is None]
    assert apart and all(len(h.marks) == len(h.members) for h in apart)
    assert any("households[2]" in w for w in layout.warnings)
    together = [h for h in layout.households if h.outline is not None]
    assert together, "opa and oma stand together"
    for h in together:
        xs = [x for x, _ in h.outline or []]
        ys = [y for _, y in h.outline or []]
        for m in h.members:
            box = layout.people[m].box
            assert min(xs) < box.x and box.right < max(xs)
            assert min(ys) < box.y and box.bottom < max(ys)


def test_blocks_never_split_partners() -> None:
    case = load(ROOT / "tests" / "cases" / "remarriage.yaml")
    st = build_structure(case)
    for ps in case.partnerships:
        a, b = ps.partners
        assert st.block_of[a] == st.block_of[b]


def test_the_checker_catches_overlaps_and_lines_through_boxes() -> None:
    case = load(ROOT / "tests" / "cases" / "remarriage.yaml")
    layout = _layout(case)
    moved = layout.people["lisa"]
    original = moved.box
    moved.box = layout.people["bram"].box
    with pytest.raises(AssertionError, match="overlap"):
        check_layout(case, layout)
    moved.box = original
    rel = layout.relations[0]
    a, b = layout.people["bram"].box, layout.people["noor"].box
    rel.points = [(a.x - 5, a.cy), (b.right + 5, b.cy)]  # straight through everyone between
    with pytest.raises(AssertionError, match="crosses"):
        check_layout(case, layout)


@pytest.mark.parametrize("enabled", [True, False])
def test_layout_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    case = load(EXAMPLES[0])
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        _layout(case)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@settings(max_examples=60, deadline=None)
@given(genogram_families())
def test_twins_stand_side_by_side_from_one_point(case: Case) -> None:
    """Twins on one row are neighbours and hang from one point, whatever their partners."""
    layout = _layout(case)
    assert twins_apart(case, layout) == []


def test_twin_partners_stand_outside(tmp_path: Path) -> None:
    """A brother twin with a wife and a sister twin with a husband (the man-left rule would
    put the husband between them): the twins still stand together, partners outside."""
    case = Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2024},
        "people": [{"id": "f", "sex": "male"}, {"id": "m", "sex": "female"},
                   {"id": "t1", "sex": "male", "born": 1978},
                   {"id": "t2", "sex": "female", "born": 1978, "twin_of": "t1"},
                   {"id": "w", "sex": "female"}, {"id": "h", "sex": "male"}],
        "partnerships": [{"partners": ["f", "m"]}, {"partners": ["t1", "w"]},
                         {"partners": ["t2", "h"]}],
        "children": [{"parents": ["f", "m"], "child": "t1"},
                     {"parents": ["f", "m"], "child": "t2"}],
    })
    layout = _layout(case)
    order = sorted(("t1", "t2", "w", "h"), key=lambda p: layout.people[p].box.x)
    assert order in (["w", "t1", "t2", "h"], ["h", "t2", "t1", "w"])
    assert twins_apart(case, layout) == []


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_relations_keep_clear_on_the_examples(path: Path) -> None:
    """On the hand-made cases and examples, no emotional line runs within 4 units of another
    line for more than 10 units."""
    case = load(path)
    layout = _layout(case)
    assert lines_on_lines(layout) == []


def test_around_keeps_the_family_of_one_person() -> None:
    """Ancestors and descendants within N generations, siblings, partners; counts the rest."""
    case = load(ROOT / "tests" / "cases" / "four-generations.yaml")
    index = case.case.index[0]
    cut = around(case, index, 1)
    kept = {p.id for p in cut.case.people}
    assert index in kept
    parents = {p for link in case.children if link.child == index for p in link.parents}
    assert parents <= kept
    assert cut.left_out == len(case.people) - len(kept)
    assert all(set(ps.partners) <= kept for ps in cut.case.partnerships)
    check_layout(cut.case, _layout(cut.case))
    with pytest.raises(LayoutError):
        around(case, "nobody", 1)


@settings(max_examples=60, deadline=None)
@given(genogram_families())
def test_household_outlines_keep_to_their_members(case: Case) -> None:
    """No household outline or frame runs through a non-member's box or crosses or touches
    another household's; a household's name stands by its own outline or frames, where
    nothing else is, or stays in the tooltip."""
    assume(len(case_at(case, case.as_of()).households) > 0)
    layout = _layout(case)
    assert household_problems(layout) == []


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_household_outlines_keep_apart_on_the_examples(path: Path) -> None:
    case = load(path)
    assert household_problems(_layout(case)) == []


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_structural_crossings_no_more_than_plain_dot(path: Path) -> None:
    """On the hand-made cases and examples, partner and child lines cross no more often
    than in a plain Graphviz drawing of the same family (people and one join node per
    couple)."""
    case = load(path)
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


def _check_partner_lines_hang_below(layout: GenogramLayout) -> int:
    """Every partner line between neighbours drops from the bottom of both symbols and runs
    below them, above both names; returns how many such lines there are."""
    count = 0
    for ps in layout.partnerships:
        a, b = (layout.people[p] for p in ps.partners)
        if a.row != b.row or len(ps.points) != 4 or ps.points[1][1] < a.symbol.y:
            continue  # a bracket above the row, or a line across rows
        count += 1
        (x0, _), (x1, y1), (x2, y2), (x3, _) = ps.points
        assert x0 == x1 and x2 == x3 and y1 == y2, "a bracket: down, across, up"
        for x, y in (ps.points[0], ps.points[3]):
            place = min((a, b), key=lambda q: abs(q.symbol.cx - x))
            assert place.symbol.x <= x <= place.symbol.right
            assert place.symbol.cy < y <= place.symbol.bottom + 1e-6, "leaves the bottom"
        for place in (a, b):
            assert y1 > place.symbol.bottom, "runs below the symbols"
            assert all(line.y - line.size > y1 for line in place.lines), "names below it"
        assert ps.union[1] == y1, "children hang from the line"
    return count


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_partner_lines_hang_below_the_partners_on_the_examples(path: Path) -> None:
    case = load(path)
    layout = _layout(case)
    assert _check_partner_lines_hang_below(layout) >= (1 if case.partnerships else 0)


@given(genogram_families())
def test_partner_lines_hang_below_the_partners(case: Case) -> None:
    _check_partner_lines_hang_below(_layout(case))


def test_relation_between_partners_runs_straight_between_them() -> None:
    """With the partner line below the symbols, a relation between partners runs straight
    and level from one symbol to the other, clear of the partner line and, by what it draws
    (a cut-off's bars), of the years below it."""
    case = load(ROOT / "examples" / "stiefgezin.yaml")
    layout = _layout(case)
    partners = {frozenset(p.partners): p for p in layout.partnerships}
    straight = 0
    for r in layout.relations:
        ps = partners.get(frozenset(r.between))
        if ps is None:
            continue
        (_, y1), (_, y2) = r.points
        a, b = (layout.people[x] for x in r.between)
        assert y1 == y2
        assert a.symbol.y < y1 < a.symbol.bottom and b.symbol.y < y1 < b.symbol.bottom
        assert ps.label_box is None or y1 + drawn_half(r.kind) + TEXT_CLEAR <= ps.label_box.y + 0.5
        straight += 1
    assert straight >= 2


def test_a_couple_where_one_descends_from_the_other_is_marked_and_in_laws_are_not() -> None:
    people = [{"id": i, "sex": s} for i, s in
              (("opa", "male"), ("oma", "female"), ("dochter", "female"), ("schoonzoon", "male"),
               ("kleinkind", "female"), ("vreemde", "male"))]
    case = Case.model_validate({
        "case": {"id": "x"}, "people": people,
        "partnerships": [{"partners": ["opa", "oma"], "kind": "married"},
                         {"partners": ["dochter", "schoonzoon"], "kind": "married"},
                         {"partners": ["kleinkind", "opa"], "kind": "cohabiting"},
                         {"partners": ["oma", "vreemde"], "kind": "cohabiting"}],
        "children": [{"parents": ["opa", "oma"], "child": "dochter"},
                     {"parents": ["dochter", "schoonzoon"], "child": "kleinkind"}]})
    marked = {frozenset(p.partners) for p in _layout(case).partnerships if p.consanguineous}
    assert marked == {frozenset({"kleinkind", "opa"})}


def test_a_step_line_through_a_couples_gap_leaves_their_dates_readable() -> None:
    """A single parent's line that passes through the gap between a couple (a step-parent
    beside his new partner) runs beside the couple's dates, never through them."""
    from systeemkaart.layout.genogram_gaps import label_centre

    case = load(ROOT / "examples" / "stiefgezin.yaml")
    layout = _layout(case)
    dates = [p.label_box for p in layout.partnerships if p.label_box is not None]
    for kind, ends, points in layout.edges():
        for p, q in itertools.pairwise(points):
            for box, place in zip(dates, [p for p in layout.partnerships
                                          if p.label_box is not None], strict=True):
                if kind == "partnership" and ends == frozenset(place.partners):
                    continue
                assert not segment_hits_box(p, q, box), f"{kind} {sorted(ends)} crosses dates"
    # the rule itself: the middle when free, else beside the line, else the middle
    assert label_centre(0, 100, 40, []) == (50, True)
    assert label_centre(0, 100, 40, [(55, 55)]) == (29, True)
    assert label_centre(0, 100, 40, [(0, 40)]) == (66, True)  # a run from the left parent
    assert label_centre(0, 60, 40, [(30, 30)]) == (30, False)


def test_a_family_laid_out_beside_graphviz_keeps_every_rule(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A family large enough that Graphviz lays it out in a child process, while this
    process works out what needs no coordinates (the boxes' heights, consanguinity), keeps
    every rule, and lays out the same twice and the same with Graphviz in this process."""
    from bench.bench_genogram import random_family

    from systeemkaart.layout import genogram_dot

    case = random_family(5, 500, relations=6, start=1850)
    assert len(build_structure(case_at(case, case.as_of())).blocks) >= genogram_dot._FORK_FROM
    beside = _layout(case)
    check_layout(case, beside)
    assert _layout(case) == beside
    monkeypatch.setattr(genogram_dot, "_FORK_FROM", 10**9)
    assert _layout(case) == beside
