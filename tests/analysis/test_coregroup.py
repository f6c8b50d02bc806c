"""The small core group: who stays, who steps back, and why."""

from __future__ import annotations

from typing import Any

import pytest

from systeemkaart.analysis import analyse_core_group
from systeemkaart.io.yaml_json import load

from ..conftest import ROOT
from .build import make, pro_org

ORGS = [pro_org("swt", "social_team", "anna"), pro_org("zorg", "youth_care", "rob", "gw"),
        pro_org("gi", "child_protection", "gi1"), pro_org("ggz", "youth_mental_health", "psy")]


def _group(invs: list[dict[str, Any]], **kw: Any):  # type: ignore[no-untyped-def]
    return analyse_core_group(make(organisations=ORGS, involvements=invs, **kw))


def _inv(agent: str, targets: list[str], **kw: Any) -> dict[str, Any]:
    return {"agent": agent, "targets": targets, **kw}


def test_mdo_with_eight_helpers_gives_the_social_team_and_the_trusted_provider() -> None:
    case = load(ROOT / "examples" / "mdo-weglopen.yaml")
    r = analyse_core_group(case)
    assert r.current_size == 8
    assert 2 <= r.size <= 3
    assert r.members[:2] == ["swt-anna", "brug-rob"]
    assert r.exact
    rob = next(m for m in r.reasons if m.agent == "brug-rob")
    assert rob.covers == ["daan"]


def test_regie_holder_stays_even_when_not_needed() -> None:
    r = _group([_inv("anna", ["kind"], regie=True),
                _inv("rob", ["vader", "moeder", "kind"], entry="good")])
    assert r.members == ["anna", "rob"]
    assert r.regie == ["anna"]
    assert r.suggested_regie is None


def test_good_entry_must_reach_a_person_when_one_exists() -> None:
    invs = [_inv("anna", ["vader", "moeder", "kind"], regie=True),
            _inv("rob", ["kind"], entry="good")]
    assert _group(invs).members == ["anna", "rob"]
    invs[0]["entry"] = "good"
    assert _group(invs).members == ["anna"]


def test_deciding_over_the_family_voids_a_good_entry() -> None:
    invs = [_inv("anna", ["vader", "moeder", "kind"], regie=True, entry="good"),
            _inv("anna", ["vader"], stance="over"),
            _inv("rob", ["kind"], entry="good")]
    r = _group(invs)
    assert r.members == ["anna", "rob"]


def test_nobody_holds_regie_the_group_names_who_should() -> None:
    r = _group([_inv("psy", ["kind"]), _inv("anna", ["vader", "moeder", "kind"])])
    assert r.members == ["anna"]
    assert r.suggested_regie == "anna"
    assert "regie_to_assign" in [f.code for f in r.findings]


def test_alongside_preferred_over_deciding_at_equal_size() -> None:
    r = _group([_inv("rob", ["kind", "vader"], stance="over"),
                _inv("rob", ["kind"]),
                _inv("gw", ["kind", "vader"], stance="alongside")])
    assert r.members == ["gw"]
    assert [x.agent for x in r.leaving] == ["rob"]
    assert r.leaving[0].reached_by == {"vader": ["gw"], "kind": ["gw"]}


def test_who_only_decides_or_reports_is_no_member() -> None:
    r = _group([_inv("rob", ["kind"], stance="over"), _inv("gw", ["vader"], stance="opposite"),
                _inv("anna", ["moeder"], regie=True)])
    assert r.members == ["anna"]
    assert r.unreached == ["vader", "kind"]
    assert {x.agent for x in r.leaving} == {"rob"}  # gw reported: a finding, not a leaver
    assert [f.code for f in r.findings] == ["recent_report"]


def test_recent_reporter_makes_way_for_a_colleague() -> None:
    orgs = [pro_org("swt", "social_team", "anna", "bea")]
    invs = [_inv("anna", ["vader", "moeder", "kind"], regie=True, start="2022-01"),
            _inv("anna", ["vader"], stance="opposite", start="2022-12", end="2023-01"),
            _inv("bea", ["moeder", "kind"], start="2023-02")]
    r = analyse_core_group(make(organisations=orgs, involvements=invs))
    assert "anna" not in r.members
    report = next(f for f in r.findings if f.code == "recent_report")
    assert report.members == ["anna"]
    assert "possibly a colleague from swt" in report.why
    # more than twelve months ago: anna is back in the group
    later = analyse_core_group(make(organisations=orgs, involvements=invs, as_of="2024-03"))
    assert "anna" in later.members


@pytest.mark.parametrize("kind", ["child_protection", "safety_home", "police",
                                  "compulsory_education"])
def test_statutory_roles_keep_their_own_place(kind: str) -> None:
    orgs = [pro_org("swt", "social_team", "anna"), pro_org("s", kind, "s1")]
    r = analyse_core_group(make(organisations=orgs, involvements=[
        _inv("anna", ["vader", "moeder", "kind"], regie=True),
        _inv("s1", ["kind"], stance="over" if kind == "child_protection" else "opposite")]))
    assert r.members == ["anna"]
    assert r.leaving == []
    assert [p.agent for p in r.statutory] == ["s1"]
    assert r.statutory[0].why.startswith("statutory task")


def test_leerplicht_is_statutory() -> None:
    orgs = [pro_org("swt", "social_team", "anna"),
            {"id": "gem", "kind": "municipality",
             "professionals": [{"id": "lpa", "name": "Leerplichtambtenaar"}]}]
    r = analyse_core_group(make(organisations=orgs, involvements=[
        _inv("anna", ["kind"], regie=True), _inv("lpa", ["vader"], stance="over")]))
    assert [p.agent for p in r.statutory] == ["lpa"]


def test_court_measure_holds_regie_in_its_own_place() -> None:
    r = _group([_inv("gi1", ["kind", "moeder"], stance="over", regie=True),
                _inv("anna", ["vader", "moeder", "kind"])])
    assert r.members == ["anna"]
    assert r.statutory[0].why == "statutory task; holds regie under a court measure"
    assert r.suggested_regie is None


def test_school_and_contexts_form_the_circle() -> None:
    orgs = [pro_org("swt", "social_team", "anna"), pro_org("sch", "school", "mentor")]
    case = make(organisations=orgs,
                contexts=[{"id": "stage", "kind": "work", "members": ["kind"]},
                          {"id": "club", "kind": "sport", "members": ["broer"]}],
                involvements=[_inv("anna", ["vader", "moeder", "kind"], regie=True),
                              _inv("mentor", ["kind"]), _inv("stage", ["kind"])])
    r = analyse_core_group(case)
    assert [p.agent for p in r.circle] == ["mentor", "stage", "club"]
    assert r.leaving == []
    assert r.current_size == 2  # the placement is a context, not a professional


def test_poor_entry_counts_against() -> None:
    r = _group([_inv("rob", ["kind"], entry="poor"), _inv("psy", ["kind"])])
    assert r.members == ["psy"]


def test_supporters_stay_beside_the_family_and_are_not_counted() -> None:
    r = analyse_core_group(make(
        organisations=ORGS, involvements=[_inv("anna", ["kind"], regie=True)],
        network=[{"id": "oma", "supports": ["kind"], "strength": "strong"},
                 {"id": "stress", "supports": ["kind"], "strength": "stressful"}]))
    assert r.members == ["anna"]
    assert r.supporters == ["oma"]
    assert r.current_size == 1


@pytest.mark.parametrize(
    ("invs", "smaller"),
    [
        ([_inv("anna", ["vader", "moeder", "kind"], regie=True, entry="good"),
          _inv("psy", ["kind"]), _inv("rob", ["kind"]), _inv("gw", ["moeder"])], True),
        ([_inv("anna", ["kind"], regie=True), _inv("psy", ["kind"])], False),  # 2 -> 1
        ([_inv("anna", ["kind"], regie=True), _inv("psy", ["vader"]), _inv("rob", ["moeder"]),
          _inv("gw", ["broer"])], False),  # everyone is needed
    ],
)
def test_smaller_group_finding(invs: list[dict[str, Any]], smaller: bool) -> None:
    assert ("smaller_group" in [f.code for f in _group(invs).findings]) is smaller


def test_greedy_path_when_asked() -> None:
    case = make(organisations=ORGS, involvements=[_inv("anna", ["kind", "vader"]),
                                                  _inv("rob", ["kind"]), _inv("gw", ["vader"]),
                                                  _inv("psy", ["moeder", "vader"])])
    exact = analyse_core_group(case)
    greedy = analyse_core_group(case, exact=False)
    assert exact.exact and exact.size == 2
    assert greedy.size >= exact.size
    assert set(greedy.targeted) == {"vader", "moeder", "kind"}
