"""The one rule per fact over time, and the case as it stood at a date."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart import checks
from systeemkaart.dates import PartialDate
from systeemkaart.model import (
    Case,
    Partnership,
    Person,
    born_by,
    case_at,
    deceased_at,
    happened_by,
    holds_at,
    partnership_ended_at,
)
from tests.strategies import cases, partial_dates

D = PartialDate.parse


@pytest.mark.parametrize(("when", "at", "expected"), [
    (None, "2020", True),
    ("2020", "2020", True),
    ("2020", "2019-12", False),
    ("2020-06", "2020", True),
    ("2020", "2020-01-01", True),  # may have happened on that day
    ("2021", "2020-12-31", False),
])
def test_happened_by(when: str | None, at: str, expected: bool) -> None:
    assert happened_by(None if when is None else D(when), D(at)) is expected


@pytest.mark.parametrize(("start", "end", "at", "expected"), [
    (None, None, "1900", True),
    ("2020", None, "2019", False),
    ("2020", None, "2020-12", True),
    (None, "2020-06", "2020-06-30", True),
    (None, "2020-06", "2020-07", False),
    ("2018", "2019", "2020", False),
])
def test_holds_at(start: str | None, end: str | None, at: str, expected: bool) -> None:
    def d(v: str | None) -> PartialDate | None:
        return None if v is None else D(v)

    assert holds_at(d(start), d(end), D(at)) is expected


def test_deceased_and_born_at_a_date() -> None:
    man = Person(id="a", born=D(1950), died=D(2020))
    assert not deceased_at(man, D(2015)) and not deceased_at(man, D("2019-12"))
    assert deceased_at(man, D(2020)) and deceased_at(man, None)
    undated = Person(id="b", deceased=True)
    assert deceased_at(undated, D(1900))
    assert not born_by(man, D(1949)) and born_by(man, D(1950))
    due = Person(id="c", pregnancy=True, born=D("2024-03"))
    assert born_by(due, D("2023-07")) and not born_by(due, D("2022"))


def test_a_divorce_shows_only_after_it_happened() -> None:
    ps = Partnership(partners=["a", "b"], start=D(2005), status="divorced", end=D(2015))
    assert partnership_ended_at(ps, D(2014)) is None
    assert partnership_ended_at(ps, D(2015)) == "divorced"
    assert partnership_ended_at(ps.model_copy(update={"end": None}), D(2006)) == "divorced"


def _case(**parts: Any) -> Case:
    data: dict[str, Any] = {"schema": "systeemkaart/1", "case": {"id": "c", "as_of": 2023}}
    data.update(parts)
    return Case.model_validate(data)


def test_case_at_leaves_out_what_had_not_begun() -> None:
    case = _case(
        people=[{"id": "opa", "born": 1940, "died": 2020}, {"id": "pa", "born": 1975},
                {"id": "ma", "born": 1978}, {"id": "kind", "born": 2007},
                {"id": "pleeg", "born": 2010, "foster": True}],
        partnerships=[{"partners": ["pa", "ma"], "start": 2005, "status": "divorced",
                       "end": 2016}],
        children=[{"parents": ["pa", "ma"], "child": "kind"},
                  {"parents": ["ma"], "child": "pleeg", "kind": "foster", "start": 2019}],
        households=[{"id": "thuis", "members": ["ma", "kind", "pleeg"],
                     "memberships": [{"member": "kind", "end": 2021}]}],
        network=[{"id": "buur", "supports": ["kind"], "start": 2022}],
        contexts=[{"id": "school", "members": ["kind"], "start": 2019, "end": 2021}])
    then = case_at(case, D(2003))
    assert [p.id for p in then.people] == ["opa", "pa", "ma"]
    assert then.partnerships == [] and then.households[0].members == ["ma"]
    mid = case_at(case, D(2010))
    assert [p.id for p in mid.people] == ["opa", "pa", "ma", "kind"]  # foster child not yet
    assert mid.partnerships[0].status == "together" and mid.partnerships[0].end is None
    assert not mid.people[0].died and not deceased_at(mid.people[0], D(2010))
    assert mid.contexts == [] and mid.network == []
    now = case_at(case, D(2023))
    assert now.households[0].members == ["ma", "pleeg"]  # kind left in 2021
    assert [s.id for s in now.network] == ["buur"] and now.contexts == []
    assert now.partnerships[0].status == "divorced"


@settings(max_examples=60, deadline=None)
@given(cases(max_agents=12), partial_dates(1960, 2035))
def test_case_at_is_idempotent_valid_and_keeps_nothing_its_dates_exclude(
        case: Case, when: str | int) -> None:
    at = D(when)
    now = case_at(case, at)
    assert case_at(now, at) is now
    assert all(born_by(p, at) for p in now.people)
    assert all(happened_by(ps.start, at) for ps in now.partnerships)
    assert all(holds_at(r.start, r.end, at) for r in now.relations)
    assert all(holds_at(s.start, s.end, at) for s in now.network)
    assert all(holds_at(c.start, c.end, at) for c in now.contexts)
    living_then = {m for h in case.households for m in h.members_at(at)}
    assert all(set(h.members) <= living_then for h in now.households)
    assert all(set(c.members) <= {m for x in case.contexts for m in x.members_at(at)}
               for c in now.contexts)
    # every reference resolves, except from involvements kept in place but never active
    never = {f"involvements[{i}]" for i, inv in enumerate(now.involvements)
             if inv.start == inv.end == D(1000)}
    errors = [p for p in checks.check_case(now)
              if p.severity == "error" and p.location.split(".")[0] not in never]
    assert errors == []
    assert len(now.involvements) == len(case.involvements)


@given(st.sampled_from(["2000", "2010-06", "2030"]))
def test_case_at_without_dates_changes_nothing(when: str) -> None:
    case = _case(people=[{"id": "a"}, {"id": "b"}], relations=[
        {"between": ["a", "b"], "kind": "close"}], households=[{"members": ["a", "b"]}])
    assert case_at(case, D(when)) is case
