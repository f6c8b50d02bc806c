"""Systemogram layout: no overlaps, the right things on the right rings and sides, collapsing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from systeemkaart.dates import PartialDate
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.model import Case, case_at
from tests.strategies import cases, helper_networks


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
    for i, inv in enumerate(case.involvements):
        for target in inv.targets:
            assert ((i, target) in drawn) is inv.active_at(lay.at), (inv, lay.at)
    for lk in lay.links:
        assert lk.source in lay.agents and lk.target in lay.people
        for i in lk.involvements:
            assert case.involvements[i].active_at(lay.at)
            assert case.involvements[i].agent in lk.agents


@given(helper_networks(min_agents=0, max_agents=60))
def test_generated_networks_have_no_overlaps_and_every_line(case: Case) -> None:
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)


@given(cases(max_agents=40, max_generations=3))
def test_generated_cases_with_families(case: Case) -> None:
    lay = layout_systemogram(case)
    _assert_apart(lay)
    _assert_lines_complete(case, lay)
    # every line starts at its agent's box and ends near its target's symbol
    for lk in lay.links:
        person = lay.people[lk.target]
        end = lk.points[-1]
        assert abs(end[0] - person.x) + abs(end[1] - person.y) < 40


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
    assert lay.agents["jz"].box.cx < 0 < lay.agents["school"].box.cx
    assert lay.agents["club"].box.cx > 0
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
