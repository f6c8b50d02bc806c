"""Routes of emotional lines between people of one row (see ``genogram_relations``)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_quality import crossings, lines_on_lines, segments
from systeemkaart.model import Case
from systeemkaart.model.family import Relation
from systeemkaart.vocab import RELATION_KINDS
from tests.layout.test_genogram import CASES, EXAMPLES, check_layout
from tests.strategies import families_with_relations
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


def _crossings(layout: GenogramLayout, straight: bool) -> int:
    """All crossings of the family lines and the emotional lines as drawn, or with each
    emotional line drawn straight between the centres of its two symbols."""
    family = [("u:" + "|".join(sorted(p.partners)), segments(p.points))
              for p in layout.partnerships]
    family += [("u:" + "|".join(sorted(c.parents)), segments(c.points))
               for c in layout.children]
    people = layout.people
    relations = [(f"r{r.index}", [(people[r.between[0]].symbol_centre(),
                                    people[r.between[1]].symbol_centre())] if straight
                  else segments(r.points)) for r in layout.relations]
    return crossings(family + relations)


_MOST_PER_PAIR = 6
"""The most relations between one pair for which the straight lines are the yardstick:
three straight lines fit side by side between two symbols, two more go over the tops and
one or two round the outside of both and below; a seventh has no way left that crosses
none of the others."""


def _straight_is_drawable(layout: GenogramLayout) -> bool:
    """True when every emotional line drawn straight between the centres of its symbols
    would pass no one else's box (symbol, name, years) and not the names under its own
    symbols (kept free to be read), and no pair has more than ``_MOST_PER_PAIR``
    relations."""
    people = layout.people
    if max(Counter(frozenset(r.between) for r in layout.relations).values(),
           default=0) > _MOST_PER_PAIR:
        return False
    years = [p.label_box for p in layout.partnerships if p.label_box is not None]
    for r in layout.relations:
        p, q = (people[x].symbol_centre() for x in r.between)
        names = [Box(x.box.x, x.symbol.bottom, x.box.w, x.box.bottom - x.symbol.bottom)
                 for x in (people[pid] for pid in r.between)]
        if any(segment_hits_box(p, q, person.box) for pid, person in people.items()
               if pid not in r.between) or any(segment_hits_box(p, q, box)
                                               for box in years + names if box.h > 0):
            return False
    return True


@settings(max_examples=100, deadline=None)
@given(st.one_of(genogram_families(), families_with_relations()))
def test_emotional_lines_cross_no_more_than_drawn_straight_in_generated_families(
        case: Case) -> None:
    """In every genogram the lines cross no more often than they would with every
    emotional line drawn straight between its two symbols (crossing pairs of segments,
    emotional lines included).

    Narrowed to families where the yardstick itself could be drawn: an emotional line may
    not pass through a box that is not its end (nor through the names under its own
    symbols), so where the straight line does (mostly:
    two people of one row with others between them, or a line across a row), the drawn
    line goes round, and when whoever stands in the way has a child line arriving from
    above and a line hanging below, every way round crosses one of them while the straight
    line, through the box, crosses neither (and a line round its own end's name may have
    to cross a partner line that the line through the name passes between); two straight
    lines in one row lie on one line and never cross, where lines going round (between
    interleaved pairs) may have to; and more than ``_MOST_PER_PAIR`` relations between one
    pair leave no way that crosses none of the others.

    How much that leaves out, measured on 400 families of these strategies (random, not
    the derandomised ones run here): 229 (the straight line of some relation passes
    someone else's box in 193, its own end's names in 181, a couple's years in 77; more
    than six relations a pair in 7). 212 of those meet the rule all the same, 17 do not,
    so each reason stays. A yardstick with only the lines that cannot be straight taken as
    drawn held on all 400, but runs with ``--hypothesis-seed`` (53, 55, 58 of 51-58) found
    families it fails (12 crossings against 11, 11 against 9, 7 against 6), so it is not
    asserted either. Those families are measured, not asserted, in ``bench/bench_genogram.py``;
    several relations between one pair, the case that narrows least, are asserted for
    every mix of kinds in
    :func:`test_several_relations_between_two_people_cross_no_more_than_straight`."""
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assume(_straight_is_drawable(layout))
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(RELATION_KINDS)), min_size=2, max_size=_MOST_PER_PAIR),
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
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_emotional_lines_cross_no_more_than_drawn_straight(path: Path) -> None:
    """On the hand-made cases and examples, the lines cross no more often than they would
    with every emotional line drawn straight between its two symbols."""
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)


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
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)


def test_a_line_past_its_own_name_bends_once() -> None:
    """A grandmother's line to her son, whose straight line would pass through her own
    name (under her symbol), is drawn with one bend beside it, not routed around."""
    layout = layout_genogram(load(next(p for p in EXAMPLES if p.stem == "mdo-weglopen")),
                             GenogramOptions(lang="nl", at=None))
    line = next(r.points for r in layout.relations if set(r.between) == {"vader", "oma-j"})
    assert len(line) == 3
    assert len({x for x, _y in line}) == 3 and len({y for _x, y in line}) == 3  # slanted


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
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)


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
    assert _crossings(layout, straight=False) <= _crossings(layout, straight=True)
