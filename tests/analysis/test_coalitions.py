"""Coalitions: triangles, cross-generational coalitions, the fused-distant triangle, cutoffs,
factions and split helpers; each fires only when the relations show it."""

from __future__ import annotations

from typing import Any

import pytest

from systeemkaart.analysis import analyse_coalitions

from .build import make, pro_org


def _rel(a: str, b: str, kind: str, **kw: Any) -> dict[str, Any]:
    return {"between": [a, b], "kind": kind, **kw}


def _codes(relations: list[dict[str, Any]], **kw: Any) -> list[str]:
    return [c.code for c in analyse_coalitions(make(relations=relations, **kw))]


CASES = [
    ("triangle",
     [_rel("vader", "moeder", "close"), _rel("vader", "kind", "conflict"),
      _rel("moeder", "kind", "hostile")],
     [_rel("vader", "moeder", "close"), _rel("vader", "kind", "conflict"),
      _rel("moeder", "kind", "close")]),
    ("cross_generational",
     [_rel("moeder", "kind", "fused"), _rel("vader", "moeder", "conflict")],
     [_rel("moeder", "kind", "fused"), _rel("vader", "moeder", "conflict"),
      _rel("vader", "kind", "close")]),
    ("cutoff",
     [_rel("vader", "kind", "cutoff")],
     [_rel("vader", "kind", "cutoff", end="2020")]),
    ("factions",
     [_rel("vader", "broer", "close"), _rel("moeder", "kind", "close"),
      _rel("vader", "moeder", "conflict")],
     [_rel("vader", "broer", "close"), _rel("moeder", "kind", "close"),
      _rel("vader", "moeder", "distant")]),
]


@pytest.mark.parametrize(("code", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_coalition_present_and_absent(code: str, present: list[dict[str, Any]],
                                      absent: list[dict[str, Any]]) -> None:
    assert code in _codes(present)
    assert code not in _codes(absent)


def test_triangle_members_and_evidence() -> None:
    found = analyse_coalitions(make(relations=CASES[0][1]))
    tri = next(c for c in found if c.code == "triangle")
    assert tri.kind == "triangle"
    assert tri.members == ["vader", "moeder", "kind"]
    assert tri.evidence == ["relations[0]: vader - moeder close",
                            "relations[1]: vader - kind conflict",
                            "relations[2]: moeder - kind hostile"]


def test_cross_generational_through_a_grandparent() -> None:
    people = [{"id": "oma", "born": 1950}, {"id": "moeder", "born": 1975},
              {"id": "kind", "born": 2005}]
    children = [{"parents": ["oma"], "child": "moeder"}, {"parents": ["moeder"], "child": "kind"}]
    found = analyse_coalitions(make(people=people, children=children, relations=[
        _rel("oma", "kind", "close"), _rel("oma", "moeder", "hostile")]))
    cross = [c for c in found if c.code == "cross_generational"]
    assert [c.members for c in cross] == [["oma", "kind", "moeder"]]


def test_factions_split_and_frustration() -> None:
    found = analyse_coalitions(make(relations=[
        _rel("vader", "broer", "close"), _rel("moeder", "kind", "close"),
        _rel("vader", "moeder", "conflict"), _rel("broer", "kind", "close"),
        _rel("broer", "moeder", "hostile"), _rel("kind", "vader", "conflict")]))
    f = next(c for c in found if c.code == "factions")
    assert f.groups == [["vader", "broer"], ["moeder", "kind"]]
    assert (f.frustration, f.exact, f.lower_bound) == (1, True, 1)
    assert f.evidence == ["relations[3]: broer - kind close"]


def test_no_factions_when_staying_together_fits_best() -> None:
    # a four-cycle with one conflict: every split leaves one relation unfit, as does no split
    assert "factions" not in _codes([
        _rel("vader", "broer", "close"), _rel("moeder", "kind", "close"),
        _rel("vader", "moeder", "conflict"), _rel("broer", "kind", "close")])


CAMPS = [_rel("vader", "broer", "close"), _rel("moeder", "kind", "close"),
         _rel("vader", "moeder", "conflict")]


def test_split_helpers_each_camp_its_own() -> None:
    orgs = [pro_org("a", "youth_care", "pa"), pro_org("b", "youth_mental_health", "pb"),
            pro_org("c", "social_team", "pc")]
    split = make(relations=CAMPS, organisations=orgs, involvements=[
        {"agent": "pa", "targets": ["vader"]}, {"agent": "pb", "targets": ["moeder"]}])
    found = next(c for c in analyse_coalitions(split) if c.code == "split_helpers")
    assert found.groups == [["pa"], ["pb"]]
    # named with the people they reach, not with their whole camp
    assert "Vader" in found.why and "Moeder" in found.why
    assert "Tim" not in found.why and "Daan" not in found.why
    shared = make(relations=CAMPS, organisations=orgs, involvements=[
        {"agent": "pc", "targets": ["vader", "moeder"]}, {"agent": "pb", "targets": ["moeder"]}])
    assert "split_helpers" not in [c.code for c in analyse_coalitions(shared)]


@pytest.mark.parametrize(("kind", "stance"), [("safety_home", "opposite"),
                                              ("police", "opposite"),
                                              ("youth_care", "over")])
def test_split_helpers_only_counts_agents_alongside(kind: str, stance: str) -> None:
    orgs = [pro_org("a", "youth_care", "pa"), pro_org("v", kind, "pv")]
    case = make(relations=CAMPS, organisations=orgs, involvements=[
        {"agent": "pa", "targets": ["vader"]},
        {"agent": "pv", "targets": ["moeder"], "stance": stance}])
    assert "split_helpers" not in [c.code for c in analyse_coalitions(case)]


@pytest.mark.parametrize("relations", [
    # one camp of a single child: Daan alone against a close pair
    [_rel("vader", "moeder", "close"), _rel("vader", "kind", "conflict")],
    # a camp whose members share no close tie
    [_rel("vader", "kind", "conflict"), _rel("vader", "broer", "hostile"),
     _rel("moeder", "vader", "cutoff")],
    # close ties only, nothing between camps
    [_rel("vader", "broer", "close"), _rel("moeder", "kind", "close")],
])
def test_factions_need_relations_that_support_two_camps(relations: list[dict[str, Any]]
                                                        ) -> None:
    assert "factions" not in _codes(relations)


def test_fused_distant_triangle() -> None:
    found = analyse_coalitions(make(relations=[
        _rel("moeder", "kind", "fused"), _rel("vader", "kind", "distant")]))
    fd = [c for c in found if c.code == "fused_distant"]
    assert [c.members for c in fd] == [["moeder", "kind", "vader"]]
    assert fd[0].why.startswith("Could it be that")
    assert "fused_distant" not in _codes([_rel("moeder", "kind", "fused"),
                                          _rel("vader", "kind", "distant"),
                                          _rel("vader", "kind", "close")])
    assert "fused_distant" not in _codes([_rel("moeder", "kind", "fused")])


def test_relations_with_agents_and_unsigned_kinds_are_ignored() -> None:
    orgs = [pro_org("a", "youth_care", "pa")]
    assert _codes([_rel("kind", "pa", "conflict"), _rel("vader", "kind", "caregiving"),
                   _rel("moeder", "kind", "close_hostile")], organisations=orgs) == []
