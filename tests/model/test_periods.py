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
    help_periods,
    holds_at,
    household_start,
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
    now = Person(id="d", pregnancy=True)  # undated: the pregnancy at the case's date
    assert born_by(now, D("2022-07"), D("2023-04-01")) and born_by(now, D("2024"), D(2023))
    assert not born_by(now, D("2022-05"), D("2023-04-01")) and born_by(now, D(1900))


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


def test_an_undated_pregnancy_is_the_one_at_the_case_date() -> None:
    case = _case(case={"id": "c", "as_of": "2023-04-01"},
                 people=[{"id": "pa", "born": 1978}, {"id": "ma", "born": 1984},
                         {"id": "baby", "pregnancy": True}],
                 partnerships=[{"partners": ["pa", "ma"], "kind": "cohabiting",
                                "start": 2018}],
                 children=[{"parents": ["pa", "ma"], "child": "baby"}])
    assert [p.id for p in case_at(case, D(2015)).people] == ["pa", "ma"]
    assert case_at(case, D(2015)).children == []
    assert "baby" not in [p.id for p in case_at(case, D("2022-05")).people]
    assert "baby" in [p.id for p in case_at(case, D("2022-06")).people]  # 280 days before
    assert "baby" in [p.id for p in case_at(case, D(2023)).people]


def test_help_for_an_undated_pregnancy_counts_from_when_it_is_drawn() -> None:
    case = _case(case={"id": "c", "as_of": "2023-04-01"},
                 people=[{"id": "ma", "born": 1984}, {"id": "baby", "pregnancy": True}],
                 organisations=[{"id": "vk", "kind": "other"}],
                 involvements=[{"agent": "vk", "targets": ["baby"], "start": 2020}])
    (period,) = help_periods(case)
    assert period is not None and period[0] == D("2022-06-25")


@settings(max_examples=60, deadline=None)
@given(cases(max_agents=12), partial_dates(1960, 2035))
def test_case_at_is_idempotent_valid_and_keeps_nothing_its_dates_exclude(
        case: Case, when: str | int) -> None:
    at = D(when)
    now = case_at(case, at)
    assert case_at(now, at) is now
    assert all(born_by(p, at, case.as_of()) for p in now.people)
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


def _couple(start: str | None) -> Partnership:
    return Partnership(partners=["a", "b"], start=None if start is None else D(start))


@pytest.mark.parametrize(("start", "members", "partnerships", "expected"), [
    ("2010", ["a", "b"], [_couple("2019")], "2010"),  # the file's own start wins
    (None, ["a", "b", "c"], [_couple("2019")], "2019"),  # a couple's home begins with it
    (None, ["a", "c"], [_couple("2019")], None),  # the couple does not live here
    (None, ["a", "b"], [_couple(None)], None),  # an undated couple: since ever
    (None, ["a", "b"], [_couple("2001"), _couple("2019-05")], "2019-05"),  # the latest
])
def test_household_start(start: str | None, members: list[str],
                         partnerships: list[Partnership], expected: str | None) -> None:
    got = household_start(None if start is None else D(start), members, partnerships)
    assert got == (None if expected is None else D(expected))


def test_undated_household_of_a_couple_holds_from_their_partnership() -> None:
    """stiefgezin: father and his new partner (together from 2019) share an undated
    household; in 2015 it did not exist yet, in 2020 it did."""
    from pathlib import Path

    from systeemkaart.io.yaml_json import load

    case = load(Path(__file__).resolve().parents[2] / "examples" / "stiefgezin.yaml")
    index = next(i for i, h in enumerate(case.households) if "partner-vader" in h.members)
    assert case.households[index].start is None
    assert case.households[index].members_at(D("2015"), case.partnerships) == []
    assert case.households[index].members_at(D("2015")) != []  # without the couple's dates
    assert all("partner-vader" not in h.members for h in case_at(case, D("2015")).households)
    later = case_at(case, D("2020")).households
    assert any({"vader", "partner-vader"} <= set(h.members) for h in later)
