"""Systemogram layout: no overlaps, the right things on the right rings and sides, collapsing."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from systeemkaart.dates import PartialDate
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point, segment_hits_box
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_filter import focus_network
from systeemkaart.layout.systemogram_lines import PORT_ARC, PORT_GAP
from systeemkaart.layout.systemogram_ports import ARROW_ROOM
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_through import lines_through_boxes
from systeemkaart.model import Case, case_at
from tests.conftest import ROOT
from tests.strategies import cases, helper_networks

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _case(**parts: Any) -> Case:
    data: dict[str, Any] = {"schema": "systeemkaart/1",
                            "case": {"id": "t", "as_of": "2023-05-01", "index": ["kind"]},
                            "people": [{"id": "vader", "sex": "male", "born": 1980},
                                       {"id": "moeder", "sex": "female", "born": 1982},
                                       {"id": "kind", "sex": "female", "born": 2010}],
                            "households": [{"members": ["vader", "moeder", "kind"]}]}
    data.update(parts)
    return Case.model_validate(data)


def _boxes(lay: SystemogramLayout) -> list[tuple[str, Any]]:
    return [(f"person {k}", p.box) for k, p in lay.people.items()] + [
        (f"agent {k}", a.box) for k, a in lay.agents.items()]


def _assert_apart(lay: SystemogramLayout) -> None:
    boxes = _boxes(lay)
    for i, (na, a) in enumerate(boxes):
        for nb, b in boxes[i + 1:]:
            assert not a.overlaps(b), f"{na} overlaps {nb}"


def _assert_lines_complete(case: Case, lay: SystemogramLayout) -> None:
    """Every active involvement reaches every target, and nothing inactive is drawn (of the
    case as it stood at the date: agents and targets that existed then)."""
    case = case_at(case, lay.at)
    drawn = {(i, lk.target) for lk in lay.links if lk.kind == "involvement"
             for i in lk.involvements}
    itself = {r.id: r.person for r in [*case.network, *case.contexts] if r.person}
    for i, inv in enumerate(case.involvements):
        for target in inv.targets:
            if itself.get(inv.agent) == target and inv.agent not in lay.agents:
                continue  # a supporter drawn as the person it targets: no line to oneself
            assert ((i, target) in drawn) is inv.active_at(lay.at), (inv, lay.at)
    for lk in lay.links:
        if lk.kind == "relation":
            assert {lk.source, lk.target} <= set(lay.agents) | set(lay.people)
            assert lk.source in lay.agents or lk.target in lay.agents
            continue
        assert lk.source in lay.agents or lk.source in lay.people
        assert lk.target in lay.people
        for i in lk.involvements:
            assert case.involvements[i].active_at(lay.at)
            assert case.involvements[i].agent in lk.agents


def _assert_reads_right(lay: SystemogramLayout) -> None:
    """No line through a node that is not one of its ends; arrowheads never share a port."""
    boxes = {k: a.box for k, a in lay.agents.items()}
    assert lines_through_boxes(lay.links, lay.people, boxes) == []
    ends: dict[str, list[tuple[float, float]]] = {}
    for lk in lay.links:
        if lk.target in lay.people:
            ends.setdefault(lk.target, []).append(lk.points[-1])
    for pid, pts in ends.items():
        if len(pts) <= PORT_ARC / (PORT_GAP * 1.45) + 1:  # room for each its own port
            for i, a in enumerate(pts):
                for b in pts[i + 1:]:
                    assert math.dist(a, b) > 6.0, (pid, a, b)
    _assert_names_clear(lay)


def _assert_names_clear(lay: SystemogramLayout) -> None:
    """A household's name stands just above or below its own frame, within its width (or
    centred on it), or just beside it level with its top; inside the drawing's bounds, over
    no box, frame or line."""
    others = [p.box for p in lay.people.values()] + [a.box for a in lay.agents.values()]
    others += [c.frame for c in lay.cards] + [h.frame for h in lay.households]
    for hh in lay.households:
        box = hh.name_box
        if box is None:
            continue
        assert hh.name
        if box.bottom < hh.frame.y or box.y > hh.frame.bottom:  # above or below
            assert (hh.frame.x <= box.x and box.right <= hh.frame.right) or \
                abs(box.cx - hh.frame.cx) < 1e-6
        else:  # beside, level with its top
            assert box.right < hh.frame.x or box.x > hh.frame.right
            assert hh.frame.y <= box.y <= hh.frame.y + 12.0
        assert not any(b.overlaps(box) for b in others)
        assert not any(segment_hits_box(p, q, box) for lk in lay.links
                       for p, q in pairwise(lk.points))
        b = lay.bounds
        assert b.x <= box.x and box.right <= b.right + 1e-6
        assert b.y <= box.y and box.bottom <= b.bottom + 1e-6
        others.append(box)


def test_named_households_have_their_names_by_their_frames() -> None:
    """``stiefgezin`` has the mother's and the father's household side by side; the frames
    used to look alike, their names only in the file. Each name now stands just above its
    frame's top edge, over nothing; the unnamed household has none."""
    lay = layout_systemogram(load(ROOT / "examples" / "stiefgezin.yaml"))
    named = {hh.name: hh for hh in lay.households}
    for name in ("Huis moeder", "Huis vader"):
        hh = named[name]
        assert hh.name_box is not None and hh.name_box.bottom < hh.frame.y
        assert hh.frame.y - hh.name_box.bottom < 6.0
    _assert_names_clear(lay)


@given(helper_networks(min_agents=0, max_agents=40))
def test_generated_networks_have_no_overlaps_and_every_line(case: Case) -> None:
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    _assert_reads_right(lay)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_read_right(path: Path) -> None:
    case = load(path)
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    _assert_reads_right(lay)


@given(cases(max_agents=40, max_generations=3))
def test_generated_cases_with_families(case: Case) -> None:
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    _assert_reads_right(lay)
    _assert_ends_near(lay)


def _assert_ends_near(lay: SystemogramLayout) -> None:
    """Every line into a person ends near its symbol: within 40 units of its centre. A
    port stands at most ``port_distance`` (a square's corner and the arrow's room: 23.8)
    plus ``FARTHEST`` (12) out, where many lines push the ports out; measured straight,
    not along the axes, which a corner port of a busy square overshoots. A line from below
    ends under the person's label instead: within the label's width, ``ARROW_ROOM``
    under it."""
    for lk in lay.links:
        if lk.target in lay.people:
            person = lay.people[lk.target]
            x, y = lk.points[-1]
            if y > person.box.bottom:
                assert person.box.x <= x <= person.box.right, (lk.source, lk.target)
                assert y <= person.box.bottom + ARROW_ROOM + 0.5, (lk.source, lk.target)
                continue
            assert math.dist((x, y), (person.x, person.y)) < 40, (lk.source, lk.target)


def test_a_network_seed_61_found_has_no_line_through_a_box() -> None:
    """Found by ``test_generated_networks_have_no_overlaps_and_every_line`` with
    ``--hypothesis-seed=61``: the involvement line of ``no16`` into ``opa-4`` ran straight
    through the box of ``n-3``. Its card's stub ended 0.03 units under ``n-3``'s label, so
    every way on began inside that box as the router grew it (by ``TIGHT``), no way was
    found, and the router drew the line straight from the stub to the person. Where no way
    is found the router now tests a box right beside an end at its true size (and lets
    pass one that holds an end) and searches again."""
    lay = layout_systemogram(load(ROOT / "tests" / "data" / "systemogram-line-through-box.json"))
    boxes = {k: a.box for k, a in lay.agents.items()}
    assert lines_through_boxes(lay.links, lay.people, boxes) == []


@pytest.mark.parametrize(("start", "goal"), [
    ((20.0, 30.03), (-50.0, 15.0)),  # a hair under the box in the way (the seed-61 stub)
    ((30.2, 15.0), (-50.0, 50.0)),  # beside it, the goal inside a box not its own
    ((-50.0, 15.0), (20.0, 30.4)),  # the goal within TIGHT of the box in the way
])
def test_a_line_whose_end_stands_right_beside_a_box_still_goes_round_it(
        start: Point, goal: Point) -> None:
    """An end within ``TIGHT`` of a box, or inside one, left the router no way out as it
    grew the boxes (every way began inside one), and it drew the line straight, through
    the box between the ends. Now such a box is tested at its true size, one holding an
    end is let pass, and the line goes round the box in its way."""
    way = Box(0.0, 0.0, 30.0, 30.0)
    other = Box(-60.0, 40.0, 20.0, 20.0)
    router = Router([Obstacle("way", way), Obstacle("other", other)])
    assert segment_hits_box(start, goal, way)  # the straight line passes through it
    path = router.route(start, goal, ["a", "b"], ("a", "b"))
    assert path[0] == start and path[-1] == goal
    assert not any(segment_hits_box(a, b, way) for a, b in pairwise(path))


def test_a_busy_square_seed_61_found_ends_its_lines_near_it() -> None:
    """Found by ``test_generated_cases_with_families`` with ``--hypothesis-seed=61``
    (the tree before this day's changes failed it too): 21 lines into ``swt-1``, a
    square, push its ports ``FARTHEST`` out, and those near its corners ended 41 to 50
    units from its centre measured along the axes, the bound being 40, though 30 to 35.2
    straight: within what the port rule allows. The bound is now measured straight."""
    case = load(ROOT / "tests" / "data" / "systemogram-busy-square-ends.json")
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    _assert_reads_right(lay)
    _assert_ends_near(lay)
    assert sum(lk.target == "swt-1" for lk in lay.links) == 21


def test_forty_agents_and_twelve_people_stay_apart() -> None:
    people = [{"id": f"p{i}", "sex": "female" if i % 2 else "male", "born": 1960 + 4 * i}
              for i in range(12)]
    orgs = [{"id": f"org{o}", "name": f"Organisatie nummer {o}",
             "kind": ["youth_care", "school", "social_team", "gp"][o % 4],
             "professionals": [{"id": f"pro{o}-{k}", "name": f"Professional {o}.{k}",
                                "role": "hulpverlener"} for k in range(4)]}
            for o in range(6)]
    network = [{"id": f"s{i}", "name": f"Steunfiguur {i}", "supports": [f"p{i}"]}
               for i in range(8)]
    contexts = [{"id": f"c{i}", "name": f"Context {i}", "kind": "school",
                 "members": [f"p{11 - i}"]} for i in range(2)]
    involvements = [{"agent": f"pro{o}-{k}", "targets": [f"p{(o * 4 + k) % 12}", "p11"]}
                    for o in range(6) for k in range(4)]
    case = _case(people=people, households=[{"members": [f"p{i}" for i in range(6)]},
                                            {"members": [f"p{i}" for i in range(6, 12)]}],
                 organisations=orgs, network=network, contexts=contexts,
                 involvements=involvements)
    lay = layout_systemogram(case)
    assert len(lay.people) == 12
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    _assert_reads_right(lay)
    # 24 professionals fit under the threshold: nobody is collapsed
    assert not any(a.members for a in lay.agents.values())
    assert lay.professionals == 24 and lay.organisations == 6


def test_big_organisations_collapse_with_a_count() -> None:
    pros = [{"id": f"pro{k}", "name": f"P{k}"} for k in range(8)]
    case = _case(organisations=[{"id": "ggz", "name": "GGZ", "kind": "youth_mental_health",
                                 "professionals": pros},
                                {"id": "swt", "kind": "social_team",
                                 "professionals": [{"id": "anna"}]}],
                 involvements=[{"agent": f"pro{k}", "targets": ["kind"]} for k in range(8)]
                 + [{"agent": "anna", "targets": ["vader"], "regie": True}])
    lay = layout_systemogram(case, lang="en")
    ggz = lay.agents["ggz"]
    assert ggz.members == tuple(f"pro{k}" for k in range(8))
    assert any("8 professionals" in line.text for line in ggz.lines)
    assert not any(f"pro{k}" in lay.agents for k in range(8))
    assert "anna" in lay.agents and lay.agents["anna"].regie
    merged = [lk for lk in lay.links if lk.source == "ggz"]
    assert len(merged) == 1 and merged[0].agents == tuple(f"pro{k}" for k in range(8))
    assert lay.professionals == 9 and lay.organisations == 2


def test_sides_follow_the_partner_picture() -> None:
    case = _case(organisations=[{"id": "jz", "kind": "youth_care",
                                 "professionals": [{"id": "jz1"}]},
                                {"id": "school", "kind": "school",
                                 "professionals": [{"id": "mentor"}]},
                                {"id": "swt", "kind": "social_team",
                                 "professionals": [{"id": "coach"}]}],
                 contexts=[{"id": "club", "kind": "sport", "members": ["kind"]}],
                 involvements=[{"agent": a, "targets": ["kind"]}
                               for a in ("jz1", "mentor", "coach")])
    lay = layout_systemogram(case)
    # youth care on the right, schools and contexts on the left (Bijlage 2)
    assert lay.agents["school"].box.cx < 0 < lay.agents["jz"].box.cx
    assert lay.agents["club"].box.cx < 0
    assert lay.agents["swt"].box.cy < 0  # on top
    # rings: the context lies inside the organisations' ring
    assert lay.agents["club"].ring == 2 and lay.agents["jz"].ring == 3
    assert lay.rings[0] < lay.rings[1]


def test_at_date_shows_only_what_is_active() -> None:
    case = _case(organisations=[{"id": "ggz", "professionals": [{"id": "psy"}, {"id": "th"}]}],
                 involvements=[{"agent": "psy", "targets": ["kind"], "start": 2019,
                                "end": 2020},
                               {"agent": "th", "targets": ["kind"], "start": "2022-11"}])
    then = layout_systemogram(case, PartialDate.parse("2019-06"))
    now = layout_systemogram(case)
    assert "psy" in then.agents and "th" not in then.agents
    assert "th" in now.agents and "psy" not in now.agents
    assert then.at == PartialDate.parse("2019-06")
    assert now.at == PartialDate.parse("2023-05-01")


def test_empty_case_lays_out() -> None:
    case = Case.model_validate({"schema": "systeemkaart/1", "case": {"id": "leeg"}})
    lay = layout_systemogram(case, PartialDate.parse(2023))
    assert lay.people == {} and lay.agents == {} and lay.links == ()
    assert lay.regie == ()


def test_ordering_does_not_add_crossings_on_a_small_case() -> None:
    case = _case(people=[{"id": f"p{i}", "born": 1980 + i} for i in range(4)],
                 households=[{"members": ["p0", "p1", "p2", "p3"]}],
                 organisations=[{"id": f"o{i}", "kind": "other",
                                 "professionals": [{"id": f"x{i}"}]} for i in range(6)],
                 involvements=[{"agent": f"x{i}", "targets": [f"p{(i * 3) % 4}"]}
                               for i in range(6)])
    before = layout_systemogram(case, optimise=False)
    after = layout_systemogram(case)
    assert after.crossings <= before.crossings
    _assert_apart(before)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_layout_is_deterministic(lang: str) -> None:
    case = _case(network=[{"id": "oma", "supports": ["kind"], "strength": "strong"}],
                 organisations=[{"id": "swt", "professionals": [{"id": "a"}, {"id": "b"}]}],
                 involvements=[{"agent": "a", "targets": ["kind", "vader"]},
                               {"agent": "b", "targets": ["moeder"], "stance": "over"}])
    assert layout_systemogram(case, lang=lang) == layout_systemogram(case, lang=lang)


def test_a_collapsed_organisation_keeps_the_regie_holder_and_kept_members() -> None:
    pros = [{"id": f"pro{k}", "name": f"P{k}"} for k in range(8)]
    case = _case(organisations=[{"id": "ggz", "kind": "youth_mental_health",
                                 "professionals": pros}],
                 involvements=[{"agent": f"pro{k}", "targets": ["kind"], "regie": k == 3}
                               for k in range(8)])
    lay = layout_systemogram(case, keep=["pro5"])
    assert "pro3" in lay.agents and lay.agents["pro3"].regie
    assert "pro5" in lay.agents
    assert set(lay.agents["ggz"].members) == {f"pro{k}" for k in range(8)} - {"pro3", "pro5"}


def test_relations_with_agents_are_drawn_even_after_the_help_ended() -> None:
    case = _case(organisations=[{"id": "ggz", "professionals": [{"id": "psy"}]}],
                 involvements=[{"agent": "psy", "targets": ["kind"], "start": 2019,
                                "end": 2020}],
                 relations=[{"between": ["kind", "psy"], "kind": "hostile"}])
    lay = layout_systemogram(case)
    rel = [lk for lk in lay.links if lk.kind == "relation"]
    assert [(lk.source, lk.target, lk.relation) for lk in rel] == [("kind", "psy", "hostile")]
    assert not any(lk.kind == "involvement" for lk in lay.links)
    _assert_reads_right(lay)


def test_both_parents_of_the_index_stay_in_the_centre_marked_when_unreached() -> None:
    case = _case(people=[{"id": "vader", "sex": "male", "born": 1980},
                         {"id": "moeder", "sex": "female", "born": 1982},
                         {"id": "kind", "sex": "female", "born": 2010}],
                 households=[{"members": ["moeder", "kind"]}],
                 children=[{"parents": ["vader", "moeder"], "child": "kind"}],
                 organisations=[{"id": "swt", "professionals": [{"id": "a"}]}],
                 involvements=[{"agent": "a", "targets": ["moeder"]}])
    lay = layout_systemogram(case, lang="en")
    assert {"vader", "moeder", "kind"} <= set(lay.people)
    assert lay.unreached == ("vader",)
    assert any(line.text == "not reached" for line in lay.people["vader"].lines)
    assert not any(line.text == "not reached" for line in lay.people["moeder"].lines)


def test_children_stand_in_order_of_age() -> None:
    kids = [{"id": f"k{i}", "born": 2015 - 2 * i} for i in range(4)]  # k3 is the eldest
    case = _case(people=[{"id": "vader", "sex": "male", "born": 1980},
                         {"id": "moeder", "sex": "female", "born": 1982}, *kids],
                 households=[{"members": ["vader", "moeder", "k0", "k1", "k2", "k3"]}],
                 children=[{"parents": ["vader", "moeder"], "child": f"k{i}"}
                           for i in range(4)],
                 organisations=[{"id": "o", "professionals": [{"id": "x"}, {"id": "y"}]}],
                 involvements=[{"agent": "x", "targets": ["k0"]},
                               {"agent": "y", "targets": ["k3", "vader"]}])
    case.case.index[:] = ["k0"]
    lay = layout_systemogram(case)
    xs = [lay.people[f"k{i}"].x for i in (3, 2, 1, 0)]
    assert xs == sorted(xs)


def test_one_place_one_node_for_a_school_and_a_supporting_relative() -> None:
    case = _case(people=[{"id": "vader", "sex": "male", "born": 1980},
                         {"id": "moeder", "sex": "female", "born": 1982},
                         {"id": "kind", "sex": "female", "born": 2010},
                         {"id": "tante", "sex": "female", "born": 1978}],
                 organisations=[{"id": "school-org", "kind": "school",
                                 "professionals": [{"id": "mentor"}]}],
                 contexts=[{"id": "school", "kind": "school", "members": ["kind"],
                            "organisation": "school-org"}],
                 network=[{"id": "steun", "supports": ["kind"], "person": "tante"}],
                 involvements=[{"agent": "mentor", "targets": ["kind"]}])
    lay = layout_systemogram(case)
    assert "school" not in lay.agents and "steun" not in lay.agents
    assert "tante" in lay.people
    kinds = {(lk.kind, lk.source, lk.target) for lk in lay.links}
    assert ("membership", "school-org", "kind") in kinds
    assert ("support", "tante", "kind") in kinds
    _assert_reads_right(lay)


def test_focus_keeps_only_the_helpers_that_reach_the_person() -> None:
    case = _case(organisations=[{"id": "swt", "professionals": [{"id": "a"}, {"id": "b"}]},
                                {"id": "vt", "kind": "safety_home",
                                 "professionals": [{"id": "c"}]}],
                 network=[{"id": "oma", "supports": ["vader"]}],
                 involvements=[{"agent": "a", "targets": ["kind"]},
                               {"agent": "b", "targets": ["vader"], "stance": "over"},
                               {"agent": "c", "targets": ["kind"], "stance": "opposite"}])
    lay = layout_systemogram(focus_network(case, focus="kind"))
    assert set(lay.agents) == {"swt", "a", "vt", "c"}
    lay = layout_systemogram(focus_network(case, stances=["over"]))
    assert set(lay.agents) == {"swt", "b"}
    lay = layout_systemogram(focus_network(case, organisations=["vt"]))
    assert set(lay.agents) == {"vt", "c"}
    assert focus_network(case) is case
    with pytest.raises(CaseFormatError, match="not a person"):
        focus_network(case, focus="nobody")
    with pytest.raises(CaseFormatError, match="not an organisation"):
        focus_network(case, organisations=["ggz"])


@pytest.mark.parametrize("kind", ["youth_care", "school"])
def test_a_cards_professionals_stand_in_the_order_their_lines_leave(kind: str) -> None:
    """On a card beside the family (youth care right, school left), listed bottom-aiming
    first, the professional aiming at the parents (top row) still stands above the one
    aiming at the child (row below), so their lines leave the card without crossing; the
    organisation's own row stays on top."""
    case = _case(children=[{"parents": ["vader", "moeder"], "child": "kind"}],
                 organisations=[{"id": "org", "kind": kind, "professionals": [
                     {"id": "low"}, {"id": "mid"}, {"id": "high"}]}],
                 involvements=[{"agent": "low", "targets": ["kind"]},
                               {"agent": "mid", "targets": ["kind", "moeder"]},
                               {"agent": "high", "targets": ["vader", "moeder"]}])
    lay = layout_systemogram(case)
    assert lay.people["vader"].y < lay.people["kind"].y  # parents on top
    rows = lay.agents
    assert abs(rows["org"].box.cx) > abs(rows["org"].box.cy)  # beside the family
    assert rows["org"].box.y < rows["high"].box.y < rows["mid"].box.y < rows["low"].box.y
    _assert_reads_right(lay)


def test_layout_runs_without_the_cycle_collector_and_restores_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused while the layout works (its passes over the many short-lived
    objects are pure cost) and left as it was found afterwards."""
    import gc

    import systeemkaart.layout.systemogram as module

    seen: list[bool] = []
    name = module.name_households

    def spy(case: Case, lay: SystemogramLayout) -> SystemogramLayout:
        seen.append(gc.isenabled())
        return name(case, lay)

    monkeypatch.setattr(module, "name_households", spy)
    was = gc.isenabled()
    gc.enable()
    try:
        layout_systemogram(_case(involvements=[]))
        assert seen == [False]
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
