"""Patterns repeating across generations, along lines of descent."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.analysis import analyse_patterns
from systeemkaart.analysis.patterns import _ancestors, _descent_roots, _find

from ..strategies import parent_maps
from .build import make

PEOPLE = [
    {"id": "opa", "sex": "male", "born": 1940}, {"id": "oma", "sex": "female", "born": 1942},
    {"id": "vader", "sex": "male", "born": 1962}, {"id": "moeder", "sex": "female", "born": 1965},
    {"id": "kind", "sex": "female", "born": 1984}, {"id": "partner", "sex": "male", "born": 1983},
    {"id": "vreemde", "sex": "male", "born": 1960}, {"id": "ex", "sex": "female", "born": 1961},
]
CHILDREN = [{"parents": ["opa", "oma"], "child": "vader"},
            {"parents": ["vader", "moeder"], "child": "kind"}]


def _case(**kw: Any):  # type: ignore[no-untyped-def]
    return make(people=PEOPLE, children=CHILDREN, **kw)


def _div(a: str, b: str) -> dict[str, Any]:
    return {"partners": [a, b], "status": "divorced", "end": 2000}


CASES = [
    ("repeat_divorce",
     {"partnerships": [_div("opa", "oma"), _div("vader", "moeder")]},
     {"partnerships": [_div("opa", "oma"), _div("vreemde", "ex")]}),
    ("repeat_cutoff",
     {"relations": [{"between": ["opa", "vreemde"], "kind": "cutoff"},
                    {"between": ["kind", "partner"], "kind": "cutoff"}]},
     {"relations": [{"between": ["opa", "vreemde"], "kind": "cutoff"}]}),
    ("repeat_parent_child_conflict",
     {"relations": [{"between": ["vader", "opa"], "kind": "conflict"},
                    {"between": ["kind", "vader"], "kind": "hostile"}]},
     {"relations": [{"between": ["vader", "opa"], "kind": "conflict"},
                    {"between": ["kind", "partner"], "kind": "hostile"}]}),
    ("repeat_abuse",
     {"relations": [{"from": "opa", "to": "vader", "kind": "abuse"},
                    {"from": "vader", "to": "kind", "kind": "neglect"}]},
     {"relations": [{"from": "opa", "to": "vreemde", "kind": "abuse"}]}),
]


@pytest.mark.parametrize(("code", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_pattern_present_and_absent(code: str, present: dict[str, Any],
                                    absent: dict[str, Any]) -> None:
    assert code in [p.code for p in analyse_patterns(_case(**present))]
    assert code not in [p.code for p in analyse_patterns(_case(**absent))]


def test_divorce_repeat_members_generations_and_evidence() -> None:
    (found,) = analyse_patterns(_case(partnerships=[_div("opa", "oma"), _div("vader", "moeder")]))
    assert found.pattern == "divorce"
    assert found.members == ["opa", "oma", "vader"]  # moeder married in: not on the line
    assert found.generations == [0, 1]
    assert found.evidence == ["partnerships[0]: opa - oma divorced 2000",
                              "partnerships[1]: vader - moeder divorced 2000"]


def test_early_parenthood() -> None:
    people = [{"id": "a", "born": 1950}, {"id": "b", "born": 1968}, {"id": "c", "born": 1986},
              {"id": "d", "born": 2010}]
    early = [{"parents": ["a"], "child": "b"}, {"parents": ["b"], "child": "c"}]
    assert [p.code for p in analyse_patterns(make(people=people, children=early))] == [
        "repeat_early_parenthood"]
    late = [{"parents": ["a"], "child": "b"}, {"parents": ["b"], "child": "d"}]
    assert analyse_patterns(make(people=people, children=late)) == []


def test_events_after_the_date_are_left_out() -> None:
    later = {"partnerships": [_div("opa", "oma"),
                              {"partners": ["vader", "moeder"], "status": "divorced",
                               "end": 2030}]}
    assert analyse_patterns(_case(**later)) == []


def _groups(root: dict[str, str]) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for pid in root:
        out.setdefault(_find(root, pid), set()).add(pid)
    return {frozenset(g) for g in out.values()}


@given(st.booleans().flatmap(lambda c: parent_maps(cycles=c)), st.data())
def test_descent_groups_are_those_of_joining_every_ancestor(
        parents: dict[str, list[str]], data: st.DataObject) -> None:
    """Joining each carrier with the nearest carriers above it, each person walked once,
    gives the groups of joining every carrier with every ancestor that is one (also when
    someone is their own ancestor, where the plain walk decides)."""
    people = sorted({*parents, *(p for ps in parents.values() for p in ps)})
    have = data.draw(st.lists(st.sampled_from(people), unique=True)) if people else []
    plain = {pid: pid for pid in have}
    for pid in have:
        for anc in _ancestors(parents, pid):
            if anc in plain:
                plain[_find(plain, anc)] = _find(plain, pid)
    assert _groups(_descent_roots(parents, have)) == _groups(plain)
