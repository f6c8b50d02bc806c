"""Routes of emotional lines between people of one row (see ``genogram_relations``)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_clear import crowded_lines
from systeemkaart.layout.genogram_quality import crossings, lines_on_lines, segments
from systeemkaart.model import Case
from systeemkaart.model.family import Relation
from systeemkaart.vocab import RELATION_KINDS
from tests.layout.genogram_yardstick import (
    MOST_PER_PAIR,
    all_crossings,
    assert_within_yardstick,
    at_most_six_a_pair,
    family_lines,
    saved,
    yardstick,
)
from tests.layout.test_genogram import CASES, EXAMPLES, check_layout
from tests.strategies import families_with_relations, with_relations
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
    family = family_lines(layout)
    (relation,) = layout.relations
    assert crossings([*family, ("r", segments(relation.points))]) == crossings(family)


def _two_siblings(kinds: list[str]) -> Case:
    return Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2024},
        "people": [{"id": "v", "sex": "male"}, {"id": "m", "sex": "female"},
                   {"id": "a", "sex": "female", "born": 2010},
                   {"id": "b", "sex": "male", "born": 2012}],
        "partnerships": [{"partners": ["v", "m"]}],
        "children": [{"parents": ["v", "m"], "child": "a"}, {"parents": ["v", "m"], "child": "b"}],
        "relations": [{"between": ["a", "b"], "kind": kind} for kind in kinds],
    })


def test_several_relations_between_one_pair_run_straight_side_by_side() -> None:
    """Three relations between two neighbouring siblings are three straight lines, apart
    enough to tell them apart, each with ends of its own: not three routes around."""
    layout = layout_genogram(_two_siblings(["close", "conflict", "cutoff"]),
                             GenogramOptions(lang="nl", at=None))
    lines = [r.points for r in layout.relations]
    assert len(lines) == 3
    assert all(len(points) == 2 for points in lines)
    assert lines_on_lines(layout) == []
    for p, q in itertools.combinations(lines, 2):
        for a, b in zip(p, q, strict=True):
            assert math.dist(a, b) >= 4.0


def test_two_relations_from_one_side_do_not_cross() -> None:
    """A grandfather's relations with his daughter and with her husband (standing on the
    daughter's far side) both leave his free side and go down: they nest, not cross."""
    case = Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2024},
        "people": [{"id": "g1", "sex": "male"}, {"id": "g2", "sex": "female"},
                   {"id": "c", "sex": "other", "born": 1948}, {"id": "s", "sex": "male"}],
        "partnerships": [{"partners": ["g1", "g2"]}, {"partners": ["s", "c"]}],
        "children": [{"parents": ["g1", "g2"], "child": "c"}],
        "relations": [{"between": ["g1", "s"], "kind": "conflict"},
                      {"between": ["g1", "c"], "kind": "fused"}],
    })
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=None))
    first, second = (segments(r.points) for r in layout.relations)
    assert crossings([("r0", first), ("r1", second)]) == 0


@settings(max_examples=60, deadline=None)
@given(families_with_relations())
def test_families_with_many_relations_keep_every_rule(case: Case) -> None:
    """With several relations between one pair, many into one person and long ones within
    a row, everyone and every line is still drawn, and no line (straight or routed) passes
    through the box of someone who is not its end."""
    check_layout(case, layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of())))


@settings(max_examples=100, deadline=None)
@given(with_relations(st.one_of(genogram_families(), families_with_relations())))
def test_emotional_lines_cross_no_more_than_drawn_straight_in_generated_families(
        case: Case) -> None:
    """In every genogram the lines cross no more often than they would with every
    emotional line drawn straight between its two symbols (crossing pairs of segments,
    emotional lines included), or, where that straight line would pass through something
    no emotional line may pass (someone else's box, the years over a partnership bracket,
    the names under its own symbols), bent round it the shortest way, at its corners.

    Measured against the straight lines alone, this held only where every straight line
    could be drawn, and most generated families have one that cannot: on 300 random
    families (with relations) of these strategies, 151 of 187; a line through its own
    end's names (a parent and a child below) in 117, through someone else's box in 103
    (people of one row with others between them), through a couple's years in 28. Where
    whoever stands in the way has a child line arriving from above and a line hanging
    below, every way round crosses one of them while the straight line, through the box,
    crosses neither; the way round crosses it too. A yardstick with the lines that cannot
    be straight taken as drawn held on 400 families, but not under ``--hypothesis-seed``
    53, 55 and 58 (it measures the layout against itself).

    More than ``MOST_PER_PAIR`` relations between one pair leave no way that crosses none
    of the others, so the relations beyond the sixth of a pair are left out (seven are
    tested on their own in
    :func:`test_seven_relations_between_two_siblings_cross_no_more_than_straight`). Every
    family has a relation (one with none tells nothing).

    Asserted also where a straight line passes someone else's box (about 60 % of these
    families) and where a parent has three or more relations with a child: both were
    left out while the lines as drawn crossed more there in a few per cent of families;
    under ``--hypothesis-seed`` 1-6, 53, 55, 58, 81-83 and 85 (1,300 families of the
    strategies as they are now) none does (the tree before passed seeds 1, 53, 55 and 58
    so too). Families that earlier seeds found and that still cross more are kept as
    expected failures below."""
    case = at_most_six_a_pair(case)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    ways = yardstick(layout)
    assume(ways is not None)
    assert ways is not None
    assert all_crossings(layout, straight=False) <= all_crossings(layout, True, ways)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(RELATION_KINDS)), min_size=2, max_size=MOST_PER_PAIR),
       st.booleans())
# found with random seeds: the upper of three straight lines left so high that the route
# over the tops took the far half of a sister's top, across the child line into her
@example(["conflict", "neglect", "conflict", "neglect", "neglect", "conflict"], True)
@example(["caregiving", "neglect", "neglect", "neglect", "close", "conflict"], True)
def test_several_relations_between_two_people_cross_no_more_than_straight(
        kinds: list[str], siblings: bool) -> None:
    """Two to six relations of any kinds between two siblings (or two people without a
    family line) cross no more lines than they would all drawn straight between the two
    symbols: as many as fit stand straight side by side, apart by what they draw, the
    others go round without crossing them."""
    case = _two_siblings(kinds) if siblings else Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2024},
        "people": [{"id": "a", "sex": "female"}, {"id": "b", "sex": "male"}],
        "relations": [{"between": ["a", "b"], "kind": kind} for kind in kinds]})
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=None))
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_emotional_lines_cross_no_more_than_drawn_straight(path: Path) -> None:
    """On the hand-made cases and examples, the lines cross no more often than they would
    with every emotional line drawn straight between its two symbols."""
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


def test_three_relations_of_a_father_and_his_daughter_go_round_his_name() -> None:
    """A father's three relations with his daughter (below, under the couple's child line),
    whose straight lines would pass through his own name, and relations of the mother and
    the daughter's husband: the lines cross no more often than drawn straight (they once
    went round the whole family along the lanes, crossing each other eight times)."""
    case = Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2030},
        "people": [{"id": "p0", "sex": "male", "born": 1850},
                   {"id": "p1", "sex": "female", "born": 1847},
                   {"id": "p2", "sex": "female", "born": 1874},
                   {"id": "p3", "sex": "male", "born": 1877}],
        "partnerships": [{"partners": ["p0", "p1"], "start": 1870},
                         {"partners": ["p2", "p3"], "start": 1894}],
        "children": [{"parents": ["p0", "p1"], "child": "p2"}],
        "relations": [{"between": pair, "kind": kind} for pair, kind in (
            (["p3", "p1"], "hostile"), (["p0", "p2"], "cutoff"), (["p2", "p3"], "caregiving"),
            (["p1", "p2"], "close"), (["p2", "p0"], "close"), (["p0", "p2"], "hostile"))],
    })
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


def test_a_line_past_its_own_name_bends_once() -> None:
    """A grandmother's line to her son, whose straight line would pass through her own
    name (under her symbol), is drawn with one bend beside it, not routed around. (The
    slanted line with a bend it had ran beside the son's child line closer than
    ``LINE_CLEAR`` by what both draw: the one taken now leaves her side level, past her
    name, and comes down into his top.)"""
    layout = layout_genogram(load(next(p for p in EXAMPLES if p.stem == "mdo-weglopen")),
                             GenogramOptions(lang="nl", at=None))
    k, line = next((r.index, r.points) for r in layout.relations
                   if set(r.between) == {"vader", "oma-j"})
    assert len(line) == 3  # one bend: not routed around along the lanes
    assert not any(rel == k for rel, _other in crowded_lines(layout))


def test_a_route_leaves_above_its_own_child_line() -> None:
    """Esra's line to her grandmother leaves the grandmother's side above the line down to
    her daughter, which leaves that side too: it does not cross it (its first port was
    below it; a free port further up is taken, see ``genogram_untangle``)."""
    case = load(next(p for p in EXAMPLES if p.stem == "terug-naar-huis"))
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    line = next(r.points for r in layout.relations if set(r.between) == {"esra", "oma"})
    down = [c.points for c in layout.children if "oma" in c.parents]
    assert down
    assert all(crossings([("r", segments(line)), ("c", segments(points))]) == 0
               for points in down)


def test_seven_relations_between_two_siblings_cross_no_more_than_straight() -> None:
    """Seven relations between two neighbouring siblings: three straight lines between
    them, the others round the tops, and round the outside of both and below them (the
    gap between them holds the straight lines, so routes down through it would cross
    them). No more crossings than drawn straight, no line on a line."""
    kinds = ["close", "conflict", "cutoff", "distant", "hostile", "fused", "caregiving"]
    case = _two_siblings(kinds)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=None))
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


def test_six_mixed_relations_between_two_people_cross_none() -> None:
    """Found by the property above with a random seed: of six relations between two people
    without a family line, a distant line went round over the top from a port beside the
    top of one symbol and crossed a straight line leaving that symbol higher up. Its port
    moves to one where it crosses nothing: the relations run side by side, none crosses
    another."""
    kinds = ["distant", "abuse", "close", "fused", "abuse", "distant"]
    case = Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2024},
        "people": [{"id": "a", "sex": "female"}, {"id": "b", "sex": "male"}],
        "relations": [{"between": ["a", "b"], "kind": kind} for kind in kinds]})
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=None))
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


def test_two_lines_round_one_box_from_one_person_nest() -> None:
    """Found by the generated-families property with a random seed: a woman's lines to
    two people beyond her brother (the nearer one first, the farther one behind it) both
    bend round the corners of his box. Decided one after the other, the line to the
    farther one took the way nearest the corners and the other went round outside it,
    across it; decided again as a pair, the line to the farther one goes round outside
    and they do not cross."""
    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-two-detours-one-end.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    far, near = (segments(r.points) for r in layout.relations)
    assert crossings([("far", far), ("near", near)]) == 0
    assert_within_yardstick(layout)


def test_six_relations_of_a_woman_round_her_partner_nest_over_the_row() -> None:
    """Found by the generated-families property with ``--hypothesis-seed`` 85: six
    relations between a woman and a person without family links, her partner standing
    between them. Four go over the partner's box, nested; the ports on the two tops ran
    out for the other two, which went round below the whole row, each across the child
    line and the partner's line to the child (4 crossings against the yardstick's 1).
    They now go round the outside of both above the row, outside the four: no relation
    crosses a line."""
    case, layout = saved("genogram-emotional-seed-85")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    family = family_lines(layout)
    assert all_crossings(layout, straight=False) == crossings(family)


def test_lines_to_a_child_and_the_childs_partner_nest_round_the_parent() -> None:
    """Found by the generated-families property with ``--hypothesis-seed`` 83: a parent
    with four relations to a child and three to the child's partner, one row down, all
    routed out of the parent's left side, down the corridor beside the box and back along
    the band below (11 crossings against the yardstick's 5; 14 and 15 on trees before).
    The routes took their ports, slots and lanes in the order the relations came, so
    a line to the partner ran down inside lines to the child and crossed them where they
    ran along their lanes. Nested (the line running farthest back under the box leaving
    lowest, down the innermost slot, along the highest lane), the seven cross none of
    each other; the two lines into the child's side cross the child line, and one of them
    the other parent's line coming down past the child: 3 crossings in all."""
    case, layout = saved("genogram-emotional-seed-83")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    to_child = [r for r in layout.relations if set(r.between) == {"3", "swt-2"}]
    to_partner = [r for r in layout.relations if set(r.between) == {"n-4", "swt-2"}]
    assert crossings([(f"r{r.index}", segments(r.points))
                      for r in [*to_child, *to_partner]]) == 0


@pytest.mark.xfail(strict=True, reason="open: emotional lines cross more than the yardstick")
@pytest.mark.parametrize("name", ["genogram-emotional-seed-81",
                                  "genogram-emotional-line-down-a-corridor",
                                  "genogram-emotional-routes-across-rows",
                                  "genogram-emotional-two-lines-two-rows-down",
                                  "genogram-emotional-ten-lines-cross-each-other"])
def test_families_random_seeds_found_cross_no_more_than_the_yardstick(name: str) -> None:
    """Found by the generated-families property above with ``--hypothesis-seed`` 81, 82,
    83 and 85; the tree as it stood before the yardstick went round boxes failed on each too
    (older faults, not regressions). Seed 81: a person's abuse and close-hostile lines
    to someone one row down, 11 crossings against 8 (12 and 13 on trees before). Her
    partner lines hang below her symbol; the way that crosses as few family lines as the
    yardstick's (3) leaves her upper side above where they hang and passes between her
    name and the years of her second partnership, room for one line beside the line
    through the centres. Chosen again, the second now bends round the corner of what
    hangs below her symbol and runs beside the first (crossing 4), and no longer goes
    round along the lanes across it; but her son's abuse line to the same person, over
    the top of the row between them, crosses both just before its bend: it must turn
    round the sister's box that far out, where the yardstick's way turns 2 units from it
    and passes before the others. Seed 82 (holds now, tested in ``test_genogram_part``):
    a grandmother's three lines (to a grandson twice, to another) leave one side of her
    symbol and cross each other just beyond it, 11 against 10 (and run along each other
    down a corridor too narrow for three). Seed 83 (holds now, see
    :func:`test_lines_to_a_child_and_the_childs_partner_nest_round_the_parent`). Seed 85
    (holds now, see :func:`test_six_relations_of_a_woman_round_her_partner_nest_over_the_row`).

    Found with ``hypothesis.seed`` 1 to 8 (100 examples each; 3 to 5 found none), each
    crossing as often on the tree before: seed 1 (holds now, see
    :func:`test_five_lines_between_partners_and_one_to_a_third_nest_round_them`);
    seed 2, a close line from a man down to his
    brother-in-law's grandson two rows below, routed along a corridor across two other
    emotional lines in the band between (5 against 4: the yardstick's way crosses one
    child line instead). There the yardstick's way of that line bends at the same corner
    of a box (p11's, grown by ``ROUND``) as the way of the line p10-p16 over that box, so
    the two touch there and are not counted as crossing; drawn, the line down crosses the
    long p17-p6 line over the row below (as the yardstick's does) and then either the
    p10-p16 line or a family line (the twins' lines or the p10-p11 couple's), whichever
    corridor it takes: 5 is the least found. Seed 6, eight lines of which five are routed
    along the lanes across rows, one across four family lines where the yardstick's way
    round crosses one (17 against 12): the cutoff 5-n-7 went over the tops across four
    child lines; its detours under 5's name cross no family line, but each runs along
    the hostile line swt-11-5 coming up the corridor beside 5 into its side, and that
    line has no way that does not (deciding the others again around such a detour still
    leaves two lines along each other). With the ways not drawn giving back their slots and
    ports and the relations routed again (:mod:`.genogram_reroute`), 14 against 12 (16 on
    the tree before): the cutoff 5-n-7 crosses one child line (three before); the abuse line
    x_1-x_4 still crosses four family lines. Seed 7, two close lines two rows apart, both
    routed, one across two family lines (3 against 2): the second line's ways into the son's
    side and into his top from the right take the first line's slot in the corridor between
    p6 and p16 (27 units wide; the router looks for slots 8 apart from the first, and two
    close lines need 9.8, so the one free place, at 456.2, is off that grid), so they run
    along it and the way from the left, across both twin lines, is kept. With that slot
    found, the second line goes into his top inside the first's way and crosses
    it (3 again): the lanes of the two routes are not ordered to nest leg by leg, as
    :func:`.nest_routes` orders routes over one row. Seed 8 (not shrunk to the least), ten
    lines of which one crosses three others (10 against 6).

    Found by the same property with the test modules' literals changed (hypothesis draws
    from them): holds now, see :func:`test_line_to_a_child_at_a_bar_end_runs_above_the_bar`."""
    _case, layout = saved(name)
    assert_within_yardstick(layout)


def test_ten_lines_cross_no_more_once_ways_chosen_again_are_judged_drawn() -> None:
    """Seed 8's family of the test above (10 crossings against the yardstick's 6). Chosen
    again without a straight way beside another pair's line, the abuse line out of Opa
    Jansen's right side bent over the hostile zigzag leaving that side, and finished, the
    zigzag left above it and crossed it beside her symbol: 11. The drawing is now
    finished without the ways chosen again too and the one crossing fewer kept
    (``genogram_redecided``): the abuse line runs straight to the woman it points at,
    the zigzag leaves below it, and the drawing crosses 10 lines again."""
    _case, layout = saved("genogram-emotional-ten-lines-cross-each-other")
    assert crowded_lines(layout, 4.0) == []
    assert all_crossings(layout, straight=False) <= 10


def test_line_to_a_child_at_a_bar_end_runs_above_the_bar() -> None:
    """Found by the generated-families property with the test modules' literals changed
    (hypothesis draws from them): two close lines from a mother down to her daughter, who
    stands at the far end of her siblings' bar with her drop at its last point. Both lines
    went down beside the mother, crossed the bar and ran to the daughter's top in lanes
    below it, the outer one crossing her own drop too (3 crossings against the
    yardstick's 2): relation lanes always ran below a band's sibling bars. Once the ways
    are chosen, a line whose port lies beyond the end of a bar it comes down over may run
    across above the bars and down past the bar's end where the drawing then crosses
    less (:mod:`systeemkaart.layout.genogram_high`): the outer line does, into her top
    right of the drop, and crosses nothing; the inner one enters left of the drop and
    crosses the bar once."""
    case, layout = saved("genogram-emotional-two-lines-under-a-bar")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    family = family_lines(layout)
    relations = [(f"r{r.index}", segments(r.points)) for r in layout.relations]
    assert crossings(family + relations) - crossings(family) == 1


def test_five_lines_between_partners_and_one_to_a_third_nest_round_them() -> None:
    """Found by the generated-families property with ``hypothesis.seed`` 1: five close
    lines between two partners and one from the man to a person beyond the woman. Three
    stand straight between them and one goes over their tops; the fifth went round below
    both, across the lines hanging below them to their children (2 crossings against the
    yardstick's 0), and the line to the third person bent over her circle across the
    fifth's way up beside her. The man's top has no port of its own left, so the ways
    round the outside above the row are offered for his lines too where the other end
    still has one: the fifth goes round the outside of both and the line to the third
    person round the outside of everything, and no line crosses another."""
    case, layout = saved("genogram-emotional-five-between-partners")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    family = family_lines(layout)
    relations = [(f"r{r.index}", segments(r.points)) for r in layout.relations]
    assert crossings(family + relations) == crossings(family)
    third = next(r.points for r in layout.relations if "p16" in r.between)
    others = [r.points for r in layout.relations if "p16" not in r.between]
    assert min(y for _x, y in third) < min(y for line in others for _x, y in line)


def test_three_lines_from_a_mother_to_her_daughter_nest_round_her_name() -> None:
    """Found by the generated-families property (derandomized): a single mother's three
    abuse lines to one of her twin daughters, below her, whose straight lines would pass
    through the mother's own name. Routed along the lanes, the middle one went round and
    entered her daughter's top, across the inner one's way down (1 crossing against the
    yardstick's 0). Two lines between one pair that cross are chosen again, with detours
    round the name turning further out by what they draw: the three nest, and none comes
    too close beside another."""
    case, layout = saved("genogram-emotional-three-from-a-parent")
    check_layout(case, layout)
    lines = [segments(r.points) for r in layout.relations]
    assert len(lines) == 3
    assert crossings([(f"r{k}", segs) for k, segs in enumerate(lines)]) == 0
    assert crowded_lines(layout) == []
    assert_within_yardstick(layout)


def test_a_line_down_an_open_corridor_takes_the_near_slot_before_going_round_a_row() -> None:
    """Four generations: Sanne's neglect line to her son Ruben leaves her left side (her
    partner stands on the right) into the corridor open to the left. Every slot near her
    was within 25 units of a symbol top in the row below (her daughters') or beside a line
    there, so the line went round the left of Fleur, the whole row, and the drawing was
    90 px wider; an emotional line first takes a slot within the usual 20 either way with
    less room from the tops, and only then looks further out."""
    path = next(p for p in CASES if p.stem == "four-generations")
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    line = next(r.points for r in layout.relations if r.between == ("moeder", "ruben"))
    fleur = layout.people["zus"].box
    assert min(x for x, _y in line) > fleur.right
    assert all_crossings(layout, straight=False) <= all_crossings(layout, straight=True)


def test_a_line_down_an_open_corridor_keeps_off_a_child_line() -> None:
    """Found on a generated family (one of seven relations on a couple and their three
    children): a mother's hostile line to her son went down the corridor beside her, open
    to the right, within a unit of the line down to her other child. The other ways of
    the relations had taken the slots near her box, the search for a free one stopped 20
    slots out, and the corridor's edge was taken instead; an open corridor is searched as
    far as its lines could fill."""
    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-open-corridor-slot.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert lines_on_lines(layout) == []


def test_a_line_into_a_top_keeps_off_a_partner_bracket_there() -> None:
    """Found on a generated family: a man and his partner with two others between them
    are joined by a bracket over the row, which leaves both tops beside the centre. A
    relation between the two, coming down into his top, took a port three units from
    the bracket's and ran beside it for 50 units: the bracket's ports were not known to
    the emotional lines. They are now, and the line keeps clear of it."""
    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-bracket-top-port.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert lines_on_lines(layout) == []


def test_a_line_past_its_own_name_goes_round_it_where_that_crosses_fewer() -> None:
    """A generated family: a parent's close-hostile line to a child of hers, one row down
    and to the right. The line between their centres passes through the name under her
    symbol, so it cannot be drawn, and it crosses the partnership line hanging there too
    (3 lines); drawn beside it, out of the child's top right of the child line, it
    crossed that child line besides (3 against the yardstick's 2, which goes round the
    corner of her name). Lines crossing as many as the lines through the centres were
    not chosen again; where such a line passes through something in its way they are
    now, and the line bends round the corner of her name, across the partnership line
    and the sibling bar only."""
    case, layout = saved("genogram-crowd-round-own-name")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    assert all_crossings(layout, straight=False) == 2


def test_two_routes_down_to_one_child_nest_through_the_bands() -> None:
    """A generated family: a parent's fused line and an aunt's close line (she stands
    further right) both go down through two bands to one child. The routes took their
    lanes and slots in the order the relations came: the parent's line the lower lane of
    the first band, the aunt's the lower of the second and the slot left of the
    parent's, and they crossed each other twice (3 crossings against the yardstick's
    2). They now exchange lanes and slots (``genogram_exchange``): the parent's line runs
    along the higher lane of both bands and down the slot on the left, and the two do
    not cross."""
    case, layout = saved("genogram-crowd-two-routes-one-child")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    assert_within_yardstick(layout)
    parent, aunt = (segments(r.points) for r in layout.relations
                    if r.between in (("p3", "p7"), ("p10", "p7")))
    assert crossings([("parent", parent), ("aunt", aunt)]) == 0


def test_lines_sharing_ports_on_a_top_swap_them_to_nest() -> None:
    """A generated family of four with fourteen relations: all ports on the top of 0x1
    are taken, so the five lines over the tops into it share ports. The hostile line
    from 3 (a high lane) shared the inner port with a line from 02 and the conflict line
    from 02 (a lower lane) the outer one with another line from 3: the hostile line came
    down across the conflict line's lane. Swapping the two ports was refused because the
    moved ends then run on a line (as before, on the line sharing the port, which is parted
    when drawn); now the swap is made: the lines into that top cross none of each other,
    and the drawing crosses 3 lines where it crossed 4."""
    case, layout = saved("genogram-crowd-shared-top-ports")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    top = layout.people["0x1"].symbol.y
    into_top = [r for r in layout.relations
                if "0x1" in r.between
                and abs(r.points[0 if r.between[0] == "0x1" else -1][1] - top) < 1.0]
    assert len(into_top) >= 4
    assert crossings([(f"r{r.index}", segments(r.points)) for r in into_top]) == 0
    assert all_crossings(layout, straight=False) <= 3


def test_lines_over_the_tops_of_crowded_tops_swap_ports_where_the_drawing_fares_better(
        ) -> None:
    """A generated family of fifteen: four lines over the tops into 0x1's top, three into
    02's. Two lines from 0x1 shared a port on its top and lay on each other up to their
    lanes, and the distant line between 0x1 and 02 came down outside the abuse lines at
    both ends, across their lanes (19 crossings). Their ports swapped, the moved ends run
    along no more lines than before, and the whole drawing crosses fewer and crowds no
    more: the lines into each top cross none of each other, none lies on another, and the
    drawing crosses 17 lines."""
    case, layout = saved("genogram-crowd-crowded-tops-swap")
    check_layout(case, layout)
    assert lines_on_lines(layout) == []
    for pid in ("0x1", "02"):
        top = layout.people[pid].symbol.y
        into_top = [r for r in layout.relations
                    if pid in r.between
                    and abs(r.points[0 if r.between[0] == pid else -1][1] - top) < 1.0]
        assert len(into_top) >= 3
        assert crossings([(f"r{r.index}", segments(r.points)) for r in into_top]) == 0
    assert all_crossings(layout, straight=False) <= 17
