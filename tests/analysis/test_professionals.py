"""Counting the help around a family: units, kinds, per person, history and thresholds."""

from __future__ import annotations

import pytest

from systeemkaart.analysis import Thresholds, analyse_helpers
from systeemkaart.dates import PartialDate

from .build import make, pro_org


def _case(**extra):  # type: ignore[no-untyped-def]
    return make(
        organisations=[pro_org("swt", "social_team", "anna"),
                       pro_org("ggz", "youth_mental_health", "psy", "ther"),
                       pro_org("vt", "safety_home")],
        contexts=[{"id": "school", "kind": "school", "members": ["kind"]}],
        network=[{"id": "oma", "supports": ["kind"], "strength": "strong"},
                 {"id": "buur", "supports": [], "strength": "weak"}],
        **extra,
    )


def test_units_kinds_and_informal() -> None:
    case = _case(involvements=[
        {"agent": "anna", "targets": ["vader", "moeder", "kind"], "regie": True},
        {"agent": "psy", "targets": ["kind"]},
        {"agent": "psy", "targets": ["moeder"]},  # the same professional twice counts once
        {"agent": "vt", "targets": ["vader"], "stance": "opposite"},  # org without a name
        {"agent": "school", "targets": ["kind"]},  # a context counts as one
        {"agent": "buur", "targets": ["broer"]},  # supporters are counted apart
    ])
    r = analyse_helpers(case)
    assert r.professionals == 3
    assert r.agents == ["anna", "psy", "vt"]  # file order of the agents
    assert r.organisations == 3  # swt, ggz, vt
    assert r.contexts == ["school"]  # a context without staff is no professional
    assert r.informal == 2  # oma via supports, buur via an involvement
    assert r.by_kind == {"safety_home": 1, "social_team": 1, "youth_mental_health": 1}
    assert r.per_person["kind"].professionals == 2
    assert r.per_person["kind"].informal == 1
    assert r.per_person["broer"].professionals == 0
    assert r.per_person["broer"].agents == ["buur"]
    assert "ther" not in r.agents


def test_a_context_with_staff_in_the_case_counts_as_its_school() -> None:
    staffed = make(organisations=[{"id": "sch", "name": "De Esch", "kind": "school",
                                   "professionals": [{"id": "mentor"}]}],
                   contexts=[{"id": "esch", "name": "De Esch", "kind": "school"}],
                   involvements=[{"agent": "esch", "targets": ["kind"]}])
    r = analyse_helpers(staffed)
    assert (r.professionals, r.organisations, r.contexts) == (1, 1, [])


def test_undated_help_is_not_counted_from_the_beginning_of_time() -> None:
    case = _case(involvements=[{"agent": "anna", "targets": ["kind"]},
                               {"agent": "psy", "targets": ["kind"], "start": "2016"}])
    assert analyse_helpers(case, PartialDate.parse("2020")).professionals == 1
    r = analyse_helpers(case)
    assert r.history[-1].start == "2023-05"  # the case's date: where the file first knows it
    assert [s.count for s in r.history] == [1, 2]


@pytest.mark.parametrize(
    ("start", "end", "at", "active"),
    [
        (None, None, "2023", True),
        ("2023", None, "2023-01-15", True),  # a year counts as its whole period
        ("2023-06", None, "2023", True),
        ("2023-06", None, "2023-05-31", False),
        (None, "2022", "2022-12-31", True),
        (None, "2022", "2023-01-01", False),
        ("2020", "2021-03", "2021-03-31", True),
        ("2020", "2021-03", "2021-04", False),
    ],
)
def test_partial_dates_count_as_their_whole_period(start: str | None, end: str | None,
                                                   at: str, active: bool) -> None:
    inv = {"agent": "anna", "targets": ["kind"]}
    if start:
        inv["start"] = start
    if end:
        inv["end"] = end
    case = _case(involvements=[inv])
    assert analyse_helpers(case, PartialDate.parse(at)).professionals == int(active)


def test_history_peak_and_additions() -> None:
    case = _case(involvements=[
        {"agent": "anna", "targets": ["kind"], "start": "2021-01"},
        {"agent": "psy", "targets": ["kind"], "start": "2021-06", "end": "2021-08"},
        {"agent": "ther", "targets": ["kind"], "start": "2022-03"},
        {"agent": "vt", "targets": ["kind"]},  # undated: known from the case's date on
    ])
    r = analyse_helpers(case, PartialDate.parse("2022-04"))
    assert [(s.start, s.end, s.count) for s in r.history] == [
        ("2021-01", "2021-05", 1), ("2021-06", "2021-08", 2), ("2021-09", "2022-02", 1),
        ("2022-03", "2022-04", 2)]
    assert (r.peak.count, r.peak.first, r.peak.months) == (2, "2021-06", 5)
    assert r.additions_per_year == {"2021": 2, "2022": 1}


def test_history_without_dates_is_one_month() -> None:
    r = analyse_helpers(_case(involvements=[{"agent": "anna", "targets": ["kind"]}]))
    assert [(s.start, s.end, s.count) for s in r.history] == [("2023-05", "2023-05", 1)]
    assert r.additions_per_year == {}


def _codes(case, th=None):  # type: ignore[no-untyped-def]
    return [f.code for f in analyse_helpers(case, thresholds=th).findings]


def _many(n: int, targets: list[str], start: str = "2022") -> dict:  # type: ignore[type-arg]
    orgs = [pro_org(f"o{i}", "youth_care", f"p{i}") for i in range(n)]
    invs = [{"agent": f"p{i}", "targets": targets, "start": start} for i in range(n)]
    return {"organisations": orgs, "involvements": invs}


@pytest.mark.parametrize(
    ("n", "th", "present"),
    [
        (6, Thresholds(), {"many_around_person", "stacking"}),
        (5, Thresholds(), {"stacking"}),
        (9, Thresholds(), {"many_professionals", "many_around_person", "stacking"}),
        (2, Thresholds(), set()),
        (2, Thresholds(per_person=1, total=1, additions_per_year=2),
         {"many_professionals", "many_around_person", "stacking"}),
        (6, Thresholds(per_person=6, total=9, additions_per_year=7), set()),
    ],
)
def test_threshold_findings(n: int, th: Thresholds, present: set[str]) -> None:
    codes = set(_codes(make(**_many(n, ["kind"])), th))
    assert codes == present


def test_many_around_person_names_the_person_and_why() -> None:
    f = analyse_helpers(make(**_many(6, ["kind"]))).findings
    around = next(x for x in f if x.code == "many_around_person")
    assert around.members[0] == "kind"
    assert len(around.members) == 7
    assert "Daan" in around.why and "6" in around.why


def test_outside_household() -> None:
    people = [*make().people]
    base = {"people": [p.model_dump(exclude_defaults=True) for p in people]
            + [{"id": "oma", "sex": "female", "born": 1950}],
            "households": [{"members": ["moeder", "kind"]}], "index": ["kind"]}
    present = make(**base, organisations=[pro_org("o", "gp", "ha")],
                   children=[{"parents": ["vader", "moeder"], "child": "kind"}],
                   involvements=[{"agent": "ha", "targets": ["oma", "vader"]}])
    f = [x for x in analyse_helpers(present).findings if x.code == "outside_household"]
    assert [x.members for x in f] == [["ha", "vader", "oma"]]
    absent = make(**base, organisations=[pro_org("o", "gp", "ha")],
                  children=[{"parents": ["vader", "moeder"], "child": "kind"}],
                  involvements=[{"agent": "ha", "targets": ["oma", "moeder"]}])
    assert "outside_household" not in _codes(absent)
