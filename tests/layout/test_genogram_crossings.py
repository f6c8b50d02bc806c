"""Genogram family lines cross no more often than in a plain Graphviz drawing.

Plain ``dot`` (people and one join node per couple, see
:func:`~systeemkaart.layout.genogram_quality.plain_dot_graph`) is the yardstick: on generated
families and on the public GEDCOM samples our partner and child lines cross no more often,
although we never split partners, stepfamilies (a child with birth parents and a step or
foster parent of their own) included. Crossings are counted as a reader sees them, each
crossing point once on both sides (child lines of one union share their stem).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_order import family_crossings
from systeemkaart.layout.genogram_quality import (
    crossings,
    is_join,
    plain_dot_graph,
    plain_dot_structural,
    structural_crossings,
    through_vertices,
    twins_apart,
)
from systeemkaart.layout.genogram_route import Router
from systeemkaart.model import Case
from tests.layout.genogram_optimum import optimum
from tests.strategies_genogram import genogram_families, stepfamilies

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "gedcom"
_MAX_BYTES = 110_000
"""GEDCOM samples up to this size (about 200 people, the Kennedy sample included) are
compared here (about a second each)."""
SAMPLES = sorted(p for p in DATA.glob("*") if p.suffix.lower() == ".ged"
                 and p.stat().st_size <= _MAX_BYTES) if DATA.is_dir() else []


def _layout(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def test_a_cousin_marriage_moves_the_sibling_born_between_aside() -> None:
    """Cousins whose parents have a sibling born between them, with a child on the cousins'
    row: eldest left would put that child between the cousins and cross their partner line,
    so that sibling stands aside, and nothing crosses."""
    people = [{"id": p, "born": y} for p, y in
              [("gf", 1900), ("gm", 1902), ("a", 1926), ("b", 1925), ("c", 1925),
               ("sa", 1925), ("sb", 1925), ("sc", 1925),
               ("ka", 1950), ("kb", 1950), ("kc", 1950)]]
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2080},
        "people": people,
        "partnerships": [{"partners": ["gf", "gm"]}, {"partners": ["a", "sa"]},
                         {"partners": ["b", "sb"]}, {"partners": ["c", "sc"]},
                         {"partners": ["ka", "kb"]}],
        "children": [{"parents": ["gf", "gm"], "child": x} for x in ("a", "b", "c")]
        + [{"parents": [x, "s" + x], "child": "k" + x} for x in ("a", "b", "c")],
    })
    layout = _layout(case)
    assert structural_crossings(layout) == 0 == plain_dot_structural(case, layout)


@settings(max_examples=80, deadline=None)
@given(genogram_families())
def test_generated_families_cross_no_more_than_plain_dot(case: Case) -> None:
    """Partner and child lines cross no more often than in plain ``dot``, stepfamilies and
    cousin marriages included."""
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


def test_a_mother_of_three_unions_with_two_stepchildren() -> None:
    """A mother with three successive partners; a child of the first union has the second
    partner as step-parent, a twin of the first union the third. Plain ``dot`` crosses 3
    times; the orders Graphviz and the sweeps give cross 5, one block moved along the row
    (see genogram_local) 3, twins still side by side."""
    people = [{"id": str(k)} for k in range(1, 14)]
    people[5]["twin_of"] = "5"
    case = Case.model_validate({
        "case": {"id": "x"}, "people": people,
        "partnerships": [{"partners": ["1", "2"], "kind": "affair", "end": 1973},
                         {"partners": ["1", "8"], "kind": "affair", "start": 1974,
                          "end": 1975, "status": "divorced"},
                         {"partners": ["1", "11"], "kind": "affair", "start": 1976}],
        "children": [{"parents": ["1", "2"], "child": c} for c in ("3", "4", "5", "6")]
        + [{"parents": ["1", "2"], "child": "7", "kind": "adopted"},
           {"parents": ["1", "8"], "child": "9"},
           {"parents": ["8"], "child": "3", "kind": "step"},
           {"parents": ["1", "8"], "child": "10", "kind": "adopted"},
           {"parents": ["1", "11"], "child": "12"},
           {"parents": ["11"], "child": "6", "kind": "step"},
           {"parents": ["1", "11"], "child": "13", "kind": "adopted"}],
    })
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)
    assert not twins_apart(case, layout)


def test_a_step_line_leaves_on_the_side_away_from_the_partner_line() -> None:
    """A mother's second partner stands between her and her third (joined by a bracket
    above the row) and is step-parent of a child of her first union. His step line leaving
    on the mother's side would cross their own partner line and the line to their foster
    child; leaving on the other side it crosses that foster child's line once (plain
    ``dot`` crosses twice)."""
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2026},
        "people": [{"id": "m", "sex": "unknown", "born": 1954}, {"id": "p1", "sex": "female"},
                   {"id": "p2", "sex": "male"}, {"id": "p3", "sex": "other"},
                   {"id": "a", "born": 1987}, {"id": "b", "sex": "female", "born": 1989},
                   {"id": "c"}, {"id": "f", "sex": "male"}],
        "partnerships": [{"partners": ["p1", "m"], "kind": "cohabiting", "status": "divorced",
                          "end": 1981},
                         {"partners": ["p2", "m"], "kind": "affair", "status": "separated",
                          "start": 1982, "end": 1997},
                         {"partners": ["p3", "m"], "kind": "engaged", "start": 2001}],
        "children": [{"parents": ["m", "p1"], "child": c} for c in ("a", "b", "c")]
        + [{"parents": ["p2"], "child": "c", "kind": "step"},
           {"parents": ["m", "p2"], "child": "f", "kind": "foster"},
           {"parents": ["p3"], "child": "f", "kind": "step"}],
    })
    layout = _layout(case)
    assert structural_crossings(layout) <= 1 < plain_dot_structural(case, layout)


def test_lines_crossing_at_a_bend_both_pass_count_once() -> None:
    """Graphviz's splines may cross exactly where both bend: the segments only touch
    there, yet a reader sees two lines cross; two lines that meet at a bend and turn back
    do not cross."""
    crossing = [("a", [((0.0, 0.0), (5.0, 5.0)), ((5.0, 5.0), (10.0, 10.0))]),
                ("b", [((10.0, 0.0), (5.0, 5.0)), ((5.0, 5.0), (0.0, 10.0))])]
    touching = [("a", [((0.0, 0.0), (5.0, 5.0)), ((5.0, 5.0), (10.0, 0.0))]),
                ("b", [((0.0, 10.0), (5.0, 5.0)), ((5.0, 5.0), (10.0, 10.0))])]
    one_group = [("a", crossing[0][1]), ("a", crossing[1][1])]
    assert crossings(crossing, points=True) == 0  # no proper crossing of two segments
    assert through_vertices(crossing) == {(5.0, 5.0)}
    assert through_vertices(touching) == set() == through_vertices(one_group)


def test_a_stepchild_stands_at_the_end_nearest_the_step_parent() -> None:
    """A mother's child from her first union, with her second partner as step-parent: the
    child stands at the end of its siblings nearest the step-parent. With the second
    partner between the mother and her first (joined by a bracket over her, the mother's
    partner too), the first union's line drops beside the step line, left of the second
    union's: nothing crosses (plain ``dot`` once)."""
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2026},
        "people": [{"id": "m", "sex": "unknown", "born": "1935-12"},
                   {"id": "f1", "sex": "female", "born": "1930-08-30"},
                   {"id": "s", "born": 1957}, {"id": "a", "sex": "male", "born": 1955},
                   {"id": "f2", "sex": "female"},
                   {"id": "b1", "sex": "male", "born": 1965},
                   {"id": "b2", "sex": "male", "born": 1965, "died": 1971, "twin_of": "b1"},
                   {"id": "b3", "sex": "male", "born": "1951-02"},
                   {"id": "b4", "sex": "other", "died": "1982-10"}],
        "partnerships": [{"partners": ["f1", "m"], "kind": "affair", "status": "divorced",
                          "end": 1970},
                         {"partners": ["f2", "m"], "kind": "affair", "status": "widowed",
                          "start": "1975-07-22", "end": 1990}],
        "children": [{"parents": ["m", "f1"], "child": c} for c in ("s", "a")]
        + [{"parents": ["m", "f2"], "child": c} for c in ("b1", "b2", "b3", "b4")]
        + [{"parents": ["f2"], "child": "s", "kind": "step"}],
    })
    layout = _layout(case)
    x = {pid: layout.people[pid].box.cx for pid in ("s", "a", "f2")}
    assert abs(x["s"] - x["f2"]) < abs(x["a"] - x["f2"])
    assert structural_crossings(layout) == 0 < plain_dot_structural(case, layout) == 1


@settings(max_examples=60, deadline=None)
@given(genogram_families())
def test_fast_count_agrees_with_the_quality_measure(case: Case) -> None:
    """The count the layout chooses by is the quality measure's count."""
    layout = _layout(case)
    assert family_crossings(layout) == structural_crossings(layout)


@settings(max_examples=40, deadline=None)
@given(stepfamilies())
def test_blended_families_keep_twins_together_and_count_alike(case: Case) -> None:
    """Blended families (a parent of two or three unions, later partners step-parents of
    earlier children): whatever the last looks move, twins stand side by side from one
    point, and the count the layout chooses by is the quality measure's."""
    layout = _layout(case)
    assert not twins_apart(case, layout)
    assert family_crossings(layout) == structural_crossings(layout)


def _three_unions() -> Case:
    """A father of three unions; the second partner is step-parent of the first union's
    child, the third partner foster and step-parent of two children of the second union,
    whose own twins are drawn among them."""
    people = [{"id": f"p{k}"} for k in range(1, 11)]
    people[9]["twin_of"] = "p9"
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2030}, "people": people,
        "partnerships": [{"partners": ["p2", "p1"], "kind": "cohabiting",
                          "status": "separated", "start": 1970, "end": 1974},
                         {"partners": ["p4", "p1"], "kind": "cohabiting",
                          "status": "separated", "start": 1976, "end": 1980},
                         {"partners": ["p1", "p8"], "kind": "cohabiting", "start": 1982}],
        "children": [{"parents": ["p1", "p2"], "child": "p3"}]
        + [{"parents": ["p1", "p4"], "child": c} for c in ("p5", "p6", "p7")]
        + [{"parents": ["p4"], "child": "p3", "kind": "step"},
           {"parents": ["p1", "p8"], "child": "p9"}, {"parents": ["p1", "p8"], "child": "p10"},
           {"parents": ["p8"], "child": "p6", "kind": "foster"},
           {"parents": ["p8"], "child": "p7", "kind": "step"}],
    })
    return case


def test_a_parent_of_three_unions_with_a_foster_and_a_step_child_of_the_third() -> None:
    """The rule against plain ``dot`` on :func:`_three_unions`: plain ``dot`` crosses 3
    times by drawing the third partner a row lower; with partners side by side on one row
    the parents' block turned round (the bracket's drop and the step line keep their own
    sides, so the turned drawing is not the mirror image) and the children's row reordered
    at once crosses 3 times too, which the search over every order of the crossing rows
    finds among the first the model ranks (see genogram_local)."""
    case = _three_unions()
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout) == 3
    assert not twins_apart(case, layout)


def test_the_best_order_of_the_three_unions_meets_plain_dot() -> None:
    """Every order of :func:`_three_unions`'s blocks, each block (the top one too) either
    way round, each step line on either side and each bracket's drop in every gap it may
    take, tried: 3 crossings at the fewest, as plain ``dot``. With the father at the end
    of his partners, the two earlier ones joined by brackets above the row (as plain
    ``dot`` with partners on one row arranges them, beyond those orders), 1."""
    case = _three_unions()
    layout = _layout(case)
    best = optimum(case)
    assert best is not None
    assert structural_crossings(layout) == 1 < best.crossings == 3


@settings(max_examples=25, deadline=None)
@given(stepfamilies())
def test_small_blended_families_cross_no_more_than_the_best_order(case: Case) -> None:
    """On blended families of up to 14 people with at most 1,500 arrangements, our family
    lines cross no more often than the best order of the blocks (every order tried,
    see ``genogram_optimum``), each block as a whole; the order of the people inside a
    block of partners is tried beyond that (``optimum(..., inside=True)``)."""
    assume(len(case.people) <= 14)
    best = optimum(case, limit=1_500)
    assume(best is not None)
    assert best is not None
    assert structural_crossings(_layout(case)) <= best.crossings


def test_a_father_of_three_unions_whose_third_partner_is_step_parent_twice() -> None:
    """A father (with his parents and sister above) of three unions; the second partner
    fosters a child of the first, the third is step-parent of a child of each earlier
    union. Every order of the blocks tried (about 1,900 layouts): 4 crossings at the
    fewest, which the search over every order of the crossing rows (960 of them, above
    its budget of layouts) reaches by laying out only those its model ranks first; with
    the father's partners arranged as plain ``dot`` on one row has them (beyond those
    orders), 2. Twins apart nowhere."""
    people = [{"id": f"p{k}", "born": y} for k, y in
              [(1, 1950), (2, 1925), (3, 1927), (4, 1952), (5, 1948), (6, 1971), (7, 1972),
               (8, 1952), (9, 1977), (10, 1950), (11, 1983), (12, 1984)]]
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2030}, "people": people,
        "partnerships": [{"partners": ["p2", "p3"], "start": 1948},
                         {"partners": ["p5", "p1"], "kind": "cohabiting",
                          "status": "separated", "start": 1970, "end": 1974},
                         {"partners": ["p1", "p8"], "kind": "affair", "status": "separated",
                          "start": 1976, "end": 1980},
                         {"partners": ["p1", "p10"], "kind": "cohabiting", "start": 1982}],
        "children": [{"parents": ["p2", "p3"], "child": c} for c in ("p1", "p4")]
        + [{"parents": ["p1", "p5"], "child": "p6", "kind": "adopted"},
           {"parents": ["p1", "p5"], "child": "p7"}, {"parents": ["p1", "p8"], "child": "p9"},
           {"parents": ["p8"], "child": "p7", "kind": "foster"}]
        + [{"parents": ["p1", "p10"], "child": c} for c in ("p11", "p12")]
        + [{"parents": ["p10"], "child": c, "kind": "step"} for c in ("p9", "p6")],
    })
    layout = _layout(case)
    best = optimum(case)
    assert best is not None
    assert structural_crossings(layout) == 2 < best.crossings == 4
    assert not twins_apart(case, layout)


def test_two_blocks_turned_and_a_third_moved_at_once() -> None:
    """A father's second union and its twins, a step-parent's adopted daughter and two
    single parents' step lines: the best any order of the blocks gives is 3 crossings
    (tests/layout/genogram_optimum.py). With the couple's dates beside the step line that
    drops through their gap (not under it), the gap is wider and the order found reaches
    that best; before, it took turning two blocks and moving a third all at once (4).
    Since a single parent's line in a gap with a couple's drop stands on the side of the
    child it reaches, twice."""
    people = [{"id": "p1", "born": 1950}, {"id": "p2", "sex": "female", "born": 1925},
              {"id": "p3", "sex": "other", "born": 1927},
              {"id": "p4", "sex": "female", "born": 1948},
              {"id": "p5", "sex": "female", "born": 1971},
              {"id": "p6", "sex": "female", "born": 1971, "twin_of": "p5"},
              {"id": "p7", "born": 1952}, {"id": "p8", "sex": "female", "born": 1950},
              {"id": "p9", "sex": "female", "born": 1967}, {"id": "p10", "born": 1977},
              {"id": "p11", "sex": "male", "born": 1977, "twin_of": "p10"}]
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2030}, "people": people,
        "partnerships": [{"partners": ["p2", "p3"], "start": 1948},
                         {"partners": ["p1", "p4"], "kind": "cohabiting",
                          "status": "divorced", "start": 1970, "end": 1974},
                         {"partners": ["p7", "p8"], "status": "divorced", "start": 1966,
                          "end": 1971},
                         {"partners": ["p1", "p7"], "kind": "cohabiting", "start": 1976}],
        "children": [{"parents": ["p2", "p3"], "child": "p1"}]
        + [{"parents": ["p1", "p4"], "child": c, "kind": "adopted"} for c in ("p5", "p6")]
        + [{"parents": ["p7", "p8"], "child": "p9", "kind": "adopted"},
           {"parents": ["p1"], "child": "p9", "kind": "step"}]
        + [{"parents": ["p1", "p7"], "child": c, "kind": "adopted"} for c in ("p10", "p11")]
        + [{"parents": ["p7"], "child": "p5", "kind": "step"}],
    })
    layout = _layout(case)
    assert structural_crossings(layout) == 2
    assert not twins_apart(case, layout)


@pytest.mark.skipif(not SAMPLES, reason="shared GEDCOM data not present")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_gedcom_samples_cross_no_more_than_plain_dot(path: Path) -> None:
    """Every public GEDCOM sample of up to ``_MAX_PEOPLE`` people: no more crossings than
    plain ``dot``."""
    from systeemkaart.io.gedcom import read_gedcom

    case = read_gedcom(path).case
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


def test_a_step_line_stays_above_the_bar_of_its_childs_other_union() -> None:
    """Three overlapping bars: a couple's (to its children at both ends), a second union's
    (twins among its children) below it, and a step line from the right to the couple's
    last child. With the step line on top only the second union's stem meets a bar; the
    first two bars gain as much from standing above, and a swap in the ranking finds it."""
    router = Router({0: [], 1: []}, 2)
    first = router.lane(1, 26.0, 482.0, 0, ups=[192.0], downs=[26.0, 482.0])
    second = router.lane(1, 116.0, 395.0, 0, ups=[298.0], downs=[116.0, 252.0, 252.0, 395.0])
    step = router.lane(1, 379.0, 482.0, 0, ups=[379.0], downs=[482.0])
    router.assign()
    index = [router.lanes[ref[1]].index for ref in (step, first, second)]
    assert index == sorted(index) and len(set(index)) == 3


def test_a_short_bar_nested_at_the_end_of_longer_ones_goes_above_them() -> None:
    """Family 217 of 600 of ``bench/bench_stepfamilies.py``: three lines to one child at
    the left end (from the parents' union, a step-parent, a foster parent), nested, among
    four other bars (twins hang from two of them). The two longer ones gain more from
    standing above the rest and rank first; the short one (its drop would cross both below
    them) moves up the ranking past both at once, which no swap of neighbours of equal
    cost does."""
    router = Router({0: [], 1: []}, 2)
    short = router.lane(1, 26.5, 86.5, 0, ups=[86.5], downs=[26.5])
    middle = router.lane(1, 26.5, 204.0, 0, ups=[204.0], downs=[26.5])
    long = router.lane(1, 26.5, 469.0, 0, ups=[469.0], downs=[26.5])
    router.lane(1, 102.5, 235.0, 0, ups=[235.0], downs=[102.5])
    router.lane(1, 178.5, 652.5, 0, ups=[266.0], downs=[178.5, 652.5])
    router.lane(1, 219.5, 535.5, 0, ups=[378.0],  # three pairs of twins
                slants=[(219.5, 178.5), (219.5, 260.5), (377.5, 336.5), (377.5, 418.5),
                        (535.5, 494.5), (535.5, 576.5)])
    router.lane(1, 570.0, 810.5, 0, ups=[570.0], downs=[810.5],
                slants=[(693.5, 652.5), (693.5, 734.5)])
    router.assign()
    index = [router.lanes[ref[1]].index for ref in (short, middle, long)]
    assert index[0] < min(index[1:])


def test_overlapping_sibling_bars_stack_so_that_none_crosses() -> None:
    """Two unions side by side whose sibling bars overlap: the bar of the union on the
    right goes above, so the left union's line to its rightmost child meets no bar."""
    router = Router({0: [], 1: []}, 2)
    left = router.lane(1, 740.0, 1166.0, 0, ups=[740.0], downs=[800.0, 1166.0])
    right = router.lane(1, 846.0, 1542.0, 0, ups=[846.0], downs=[1542.0])
    router.assign()
    assert router.lanes[right[1]].index < router.lanes[left[1]].index


def test_plain_dot_held_to_one_row_keeps_partners_and_their_join_on_one_rank() -> None:
    """Plain ``dot`` draws :func:`_three_unions`'s third partner a row lower than the
    father; held to one row, every couple's partners and join node share a height, the
    join between the two partners."""
    case = _three_unions()
    sizes = {pid: place.box for pid, place in _layout(case).people.items()}

    plain = plain_dot_graph(case, sizes)
    y = {str(n): float(n.attr["pos"].split(",")[1]) for n in plain.nodes()}
    assert y["p1"] != y["p8"]  # the third partner a row lower
    held = plain_dot_graph(case, sizes, one_row=True)
    at = {str(n): tuple(float(v) for v in n.attr["pos"].split(",")) for n in held.nodes()}
    for ps in case.partnerships:
        a, b = ps.partners
        joins = set(held.successors(a)) & (set(held.predecessors(b)) | set(held.successors(b)))
        joins |= set(held.successors(b)) & set(held.predecessors(a))
        (join,) = (str(j) for j in joins if is_join(j))
        assert at[a][1] == at[b][1] == at[join][1]
        assert min(at[a][0], at[b][0]) < at[join][0] < max(at[a][0], at[b][0])


def test_a_generated_family_found_above_plain_dot() -> None:
    """Found by the property above with a random seed (16 people, a person with three
    partners, twins, a step line to a foster child). A step-parent's line ran in the lane
    below the twins' sibling bar and crossed their slanting lines as well: the bars were
    stacked counting the twins' lines where they leave the bar, at their shared point, not
    where they arrive. Counted at the twins, the step line runs above the bar: 2 crossings,
    as plain ``dot``."""
    from systeemkaart.io.yaml_json import load

    case = load(Path(__file__).resolve().parents[1] / "data" / "genogram-above-plain-dot.json")
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


def _first_partner_beyond_the_second() -> Case:
    """A mother's first husband and their three children (one with her second husband as
    step-father), and two children of the second marriage: a family of the bench's
    blended families."""
    people = [{"id": "p1", "sex": "female", "born": 1950}, {"id": "p2", "sex": "male",
                                                            "born": 1953},
              {"id": "p3", "sex": "other", "born": 1971}, {"id": "p4", "born": 1972},
              {"id": "p5", "sex": "female", "born": 1973},
              {"id": "p6", "sex": "male", "born": 1951},
              {"id": "p7", "sex": "female", "born": 1977},
              {"id": "p8", "sex": "male", "born": 1978}]
    return Case.model_validate({
        "case": {"id": "x", "as_of": 2030}, "people": people,
        "partnerships": [{"partners": ["p2", "p1"], "status": "divorced", "start": 1970,
                          "end": 1974},
                         {"partners": ["p1", "p6"], "start": 1976}],
        "children": [{"parents": ["p1", "p2"], "child": c} for c in ("p3", "p4", "p5")]
        + [{"parents": ["p1", "p6"], "child": c} for c in ("p7", "p8")]
        + [{"parents": ["p6"], "child": "p4", "kind": "step"}],
    })


def test_a_first_partner_joined_across_the_second_crosses_nothing() -> None:
    """With the mother between her two husbands, the first union's line to the step-child
    or the step line crosses the second union's (1 crossing, whatever the order of the
    blocks). Plain ``dot`` with partners on one row puts the mother at the end beside her
    second husband and joins the first across him (0): that arrangement is tried too, and
    the step line stands on the step-father's side of the first union's drop."""
    case = _first_partner_beyond_the_second()
    layout = _layout(case)
    assert structural_crossings(layout) == 0 == plain_dot_structural(case, layout, one_row=True)
    assert [p for p, _ in sorted(((pid, layout.people[pid].box.cx) for pid in
                                  ("p1", "p2", "p6")), key=lambda t: t[1])] \
        in (["p1", "p6", "p2"], ["p2", "p6", "p1"])


@settings(max_examples=30, deadline=None)
@given(stepfamilies())
def test_blended_families_cross_no_more_than_plain_dot_with_partners_on_one_row(
        case: Case) -> None:
    """Plain ``dot`` with each couple held on one row (our rule) is a yardstick we meet on
    blended families: its order, and the order of a person's partners in it, is one of
    the orders tried."""
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout, one_row=True)


def test_a_blended_family_seed_61_meets_every_arrangement_that_keeps_couples_together(
) -> None:
    """Found by the blended-family property above with ``--hypothesis-seed=61``: a
    mother with two partners in turn (one a cohabitation, separated; her second husband
    divorced from a man before her), an adopted child of the first couple with her second
    husband as step-father. We draw 1 structural crossing, plain ``dot`` with each couple on
    one row none; but it gets there by standing the second husband's first partner between
    the mother and her first partner, a stranger to both (a split couple, which a genogram
    never draws). Every arrangement that keeps couples together (every order of the people
    in the block, of the blocks in each row, each line's side and drop) crosses at least
    once."""
    from systeemkaart.io.yaml_json import load

    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-blended-one-row-crossing.json")
    layout = _layout(case)
    sizes = {pid: place.box for pid, place in layout.people.items()}
    held = plain_dot_graph(case, sizes, one_row=True)
    x = {pid: float(held.get_node(pid).attr["pos"].split(",")[0]) for pid in ("p1", "p2", "p6")}
    assert min(x["p1"], x["p2"]) < x["p6"] < max(x["p1"], x["p2"])  # p6 splits p1 and p2
    assert plain_dot_structural(case, layout, one_row=True) == 0
    best = optimum(case, inside=True)
    assert best is not None
    assert structural_crossings(layout) == best.crossings == 1


def test_a_step_father_between_his_partners_swaps_with_one_to_cross_nothing() -> None:
    """A person (p4) with an earlier wife and a later partner, step-parent of that
    partner's child from an earlier affair: standing between their two partners, the step
    line leaves through one of their own partner lines (1 crossing). With the later partner
    and her earlier one swapped (her bracket to p4 then reaches over that earlier partner,
    no stranger to the couple) the step line leaves between two people who are no couple:
    no crossing, as plain ``dot``."""
    people = [{"id": "p1", "born": 1950}, {"id": "p2", "sex": "other", "born": 1953},
              {"id": "p3", "sex": "other", "born": 1971}, {"id": "p4", "born": 1954},
              {"id": "p5", "sex": "female", "born": 1950},
              {"id": "p6", "sex": "male", "born": 1967}, {"id": "p7", "born": 1968}]
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2030}, "people": people,
        "partnerships": [{"partners": ["p1", "p2"], "kind": "affair", "status": "separated",
                          "start": 1970, "end": 1974},
                         {"partners": ["p4", "p5"], "status": "divorced", "start": 1966,
                          "end": 1971},
                         {"partners": ["p1", "p4"], "kind": "affair", "start": 1976}],
        "children": [{"parents": ["p1", "p2"], "child": "p3"}]
        + [{"parents": ["p4", "p5"], "child": c, "kind": "adopted"} for c in ("p6", "p7")]
        + [{"parents": ["p4"], "child": "p3", "kind": "step"}],
    })
    layout = _layout(case)
    assert structural_crossings(layout) == 0 == plain_dot_structural(case, layout)
    row = [pid for pid in sorted(("p1", "p2", "p4", "p5"),
                                 key=lambda pid: layout.people[pid].box.cx)]
    assert row in (["p5", "p4", "p2", "p1"], ["p1", "p2", "p4", "p5"])


def test_a_blended_family_seed_82_found_crosses_no_more_than_the_one_row_optimum() -> None:
    """Found by the blended-family property above with ``--hypothesis-seed=82``: a
    mother with a separated affair (an adopted, a foster and a biological child) and a
    later affair with a divorced woman, who is step-parent of one child and foster parent
    of another. That woman's step and foster lines go down on the side of her divorced
    husband and cross her marriage line to him (once, one stem); plain ``dot`` with each
    couple on one row draws none. An older fault (the tree before drew the same); gone
    since a step-parent standing beside her own partner and someone else sends her step
    line out on the other side, and blocks of partners are tried in every order that
    splits no couple. That drawing met plain ``dot``'s 0 only by hiding a crossing: her
    foster line ran down the mother's stem into the foster child and on through the
    sibling bar. Drawn beside it (lines into one child end apart), the crossing shows;
    no arrangement under our rules draws fewer than 1 (the one-row optimum), and ours
    draws 1."""
    from systeemkaart.io.yaml_json import load

    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-blended-seed-82.json")
    layout = _layout(case)
    best = optimum(case, limit=1_500, inside=True)
    assert best is not None
    assert structural_crossings(layout) <= best.crossings


def test_a_blended_family_seed_85_found_crosses_no_more_than_the_best_order() -> None:
    """Found by :func:`test_small_blended_families_cross_no_more_than_the_best_order` with
    ``--hypothesis-seed=85``: a parent of three unions in turn (an affair with a
    biological and two foster children; an affair with a divorced partner, with a foster
    child, who fosters one of the first children too; a cohabitation with two children,
    whose partner is step-parent of two of the first). We
    drew 5 structural crossings where the best order of the blocks has 4 (an older fault:
    the tree before drew the same); met since the people inside a block of partners are
    tried in other orders that split no couple."""
    from systeemkaart.io.yaml_json import load

    case = load(Path(__file__).resolve().parents[1] / "data" / "genogram-blended-seed-85.json")
    best = optimum(case, limit=1_500)
    assert best is not None
    assert structural_crossings(_layout(case)) <= best.crossings


PRESIDENTS = DATA / "gedsamples_presidents_bk5.ged"
_PRESIDENTS_PLAIN_DOT = 96
"""``plain_dot_structural`` of the presidents' tree: plain ``dot`` takes minutes on its
2,145 people, so its figure is written down here."""


@pytest.mark.skipif(not PRESIDENTS.is_file(), reason="shared GEDCOM data not present")
def test_a_large_tree_with_lines_over_many_rows_crosses_no_more_than_plain_dot() -> None:
    """The presidents' tree (1,167 blocks, so Graphviz's effort is bounded) has lines from
    parents to children many rows down; left out of Graphviz's ordering they crossed 464
    times. Steering the order (see :func:`~systeemkaart.layout.genogram_dot.span_limit`),
    no more than plain ``dot``."""
    from systeemkaart.io.gedcom import read_gedcom

    case = read_gedcom(PRESIDENTS).case
    assert structural_crossings(_layout(case)) <= _PRESIDENTS_PLAIN_DOT
