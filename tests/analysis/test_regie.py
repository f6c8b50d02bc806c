"""Regie and roles: each finding on a hand-made case where it is present and one where not."""

from __future__ import annotations

from typing import Any

import pytest

from systeemkaart.analysis import analyse_regie

from .build import FAMILY as FAMILY_PEOPLE
from .build import make, pro_org

ORGS = [pro_org("swt", "social_team", "anna", "bert"), pro_org("gi", "child_protection", "gi1"),
        pro_org("zorg", "youth_care", "rob")]


def _regie(invs: list[dict[str, Any]], **kw: Any):  # type: ignore[no-untyped-def]
    return analyse_regie(make(organisations=ORGS, involvements=invs, **kw))


def _inv(agent: str, targets: list[str], **kw: Any) -> dict[str, Any]:
    return {"agent": agent, "targets": targets, **kw}


FAMILY = ["vader", "moeder", "kind"]

CASES = [
    # (code, involvements where it is present, involvements where it is absent)
    ("no_regie",
     [_inv("anna", FAMILY)],
     [_inv("anna", FAMILY, regie=True)]),
    ("multiple_regie",
     [_inv("anna", FAMILY, regie=True), _inv("rob", FAMILY, regie=True)],
     [_inv("anna", FAMILY, regie=True), _inv("bert", FAMILY, regie=True)]),  # one organisation
    ("regie_not_alongside",
     [_inv("rob", FAMILY, regie=True, stance="over")],
     [_inv("rob", FAMILY, regie=True, stance="alongside")]),
    ("mixed_roles",
     [_inv("anna", FAMILY, regie=True), _inv("bert", ["vader"], stance="opposite")],
     [_inv("anna", FAMILY, regie=True), _inv("gi1", ["vader"], stance="opposite")]),
    ("family_not_targeted",
     [_inv("anna", ["kind"], regie=True)],
     [_inv("anna", ["kind", "moeder"], regie=True)]),
    ("parent_not_reached",
     [_inv("anna", ["kind", "moeder"], regie=True)],
     [_inv("anna", ["kind", "moeder", "vader"], regie=True)]),
]


@pytest.mark.parametrize(("code", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_finding_present_and_absent(code: str, present: list[dict[str, Any]],
                                    absent: list[dict[str, Any]]) -> None:
    found = _regie(present, index=["kind"]).findings
    assert code in [f.code for f in found]
    f = next(x for x in found if x.code == code)
    assert f.members and f.why and f.evidence
    assert code not in [x.code for x in _regie(absent, index=["kind"]).findings]


def test_holders_and_members() -> None:
    r = _regie([_inv("anna", FAMILY, regie=True), _inv("rob", ["kind"], regie=True,
                                                        end="2020")])
    assert r.holders == ["anna"]  # rob's regie has ended
    assert r.findings == []


def test_no_regie_without_any_help_is_no_finding() -> None:
    assert _regie([]).findings == []


def test_mixed_roles_names_the_organisation_and_its_involvements() -> None:
    r = _regie([_inv("anna", FAMILY, regie=True), _inv("bert", ["vader"], stance="over")])
    f = next(x for x in r.findings if x.code == "mixed_roles")
    assert f.members == ["swt", "anna", "bert"]
    assert f.evidence == ["involvements[0]: anna alongside -> vader, moeder, kind",
                          "involvements[1]: bert over -> vader"]


def test_family_not_targeted_ignores_dead_parents_and_uses_age_without_index() -> None:
    people = [{"id": "vader", "sex": "male", "born": 1970, "died": 2015},
              {"id": "moeder", "sex": "female", "born": 1975},
              {"id": "kind", "sex": "male", "born": 2010}]
    children = [{"parents": ["vader", "moeder"], "child": "kind"}]
    only_child = make(people=people, children=children, organisations=ORGS,
                      involvements=[_inv("anna", ["kind"], regie=True)])
    f = next(x for x in analyse_regie(only_child).findings if x.code == "family_not_targeted")
    assert f.members == ["kind", "moeder"]
    grown = make(people=people, children=children, organisations=ORGS, as_of="2040",
                 involvements=[_inv("anna", ["kind"], regie=True)])
    assert analyse_regie(grown).findings == []  # an adult is no child of concern


def test_why_speaks_the_case_language() -> None:
    nl = analyse_regie(make(lang="nl", organisations=ORGS, involvements=[_inv("anna", FAMILY)]))
    assert nl.findings[0].why.startswith("In dit bestand heeft niemand de regie")
    assert nl.findings[0].why.endswith("?")


def test_under_a_court_measure_regie_lies_with_child_protection() -> None:
    r = _regie([_inv("gi1", FAMILY, regie=True, stance="over")])
    assert r.holders == ["gi1"]
    assert "regie_not_alongside" not in [f.code for f in r.findings]


def test_a_court_measure_without_marked_regie_is_no_regie_bij_niemand() -> None:
    r = _regie([_inv("gi1", ["kind", "moeder"], stance="over"), _inv("anna", FAMILY)])
    assert r.holders == ["gi1"]
    assert [f.code for f in r.findings] == []


def test_the_family_can_hold_regie_itself() -> None:
    case = make(organisations=ORGS, index=["kind"], involvements=[_inv("anna", FAMILY)])
    assert "no_regie" in [f.code for f in analyse_regie(case).findings]
    own = make(organisations=ORGS, index=["kind"], involvements=[_inv("anna", FAMILY)])
    own.case.regie.append("kind")
    r = analyse_regie(own)
    assert r.family == ["kind"]
    assert "no_regie" not in [f.code for f in r.findings]


def test_parent_not_reached_counts_parents_the_index_lives_with() -> None:
    people = [*FAMILY_PEOPLE, {"id": "stief", "name": "Erik", "sex": "male", "born": 1978}]
    children = [{"parents": ["vader", "moeder"], "child": "kind"},
                {"parents": ["stief"], "child": "kind", "kind": "step"}]
    at_home = make(people=people, children=children, organisations=ORGS, index=["kind"],
                   households=[{"members": ["moeder", "stief", "kind"]}, {"members": ["vader"]}],
                   involvements=[_inv("anna", ["kind", "moeder"], regie=True)])
    found = [f for f in analyse_regie(at_home).findings if f.code == "parent_not_reached"]
    assert [f.members for f in found] == [["vader", "kind"], ["stief", "kind"]]
    assert found[1].why.startswith("Erik, Daan's stepfather, ")
    away = make(people=people, children=children, organisations=ORGS, index=["kind"],
                households=[{"members": ["moeder", "kind"]}, {"members": ["stief"]}],
                involvements=[_inv("anna", ["kind", "moeder"], regie=True)])
    found = [f for f in analyse_regie(away).findings if f.code == "parent_not_reached"]
    assert [f.members for f in found] == [["vader", "kind"]]
