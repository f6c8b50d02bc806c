"""escalation: help for one child that grows heavier step after step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from systeemkaart.analysis import analyse
from systeemkaart.analysis.escalation import analyse_escalation
from systeemkaart.dates import PartialDate
from systeemkaart.io.yaml_json import load
from systeemkaart.model import Case

ROOT = Path(__file__).resolve().parent.parent.parent
D = PartialDate.parse


def _case(involvements: list[dict[str, Any]], lang: str = "nl") -> Case:
    return Case.model_validate({
        "schema": "systeemkaart/1",
        "case": {"id": "c", "as_of": "2023-06", "index": ["kind"], "lang": lang},
        "people": [{"id": "kind", "name": "Sam", "born": 2008}],
        "organisations": [
            {"id": "amb", "kind": "youth_care"}, {"id": "cri", "kind": "youth_care"},
            {"id": "gi", "kind": "child_protection"}, {"id": "res", "kind": "youth_care",
                                                       "professionals": [{"id": "a"},
                                                                         {"id": "b"}]}],
        "involvements": involvements})


LADDER = [
    {"agent": "amb", "targets": ["kind"], "form": "ambulant", "start": 2018, "end": 2019},
    {"agent": "cri", "targets": ["kind"], "form": "crisis", "start": "2019-06",
     "end": "2019-08"},
    {"agent": "gi", "targets": ["kind"], "stance": "over", "start": "2019-09"},
    {"agent": "a", "targets": ["kind"], "form": "residential", "start": 2020},
    {"agent": "b", "targets": ["kind"], "form": "residential", "start": 2020},
]


def test_a_ladder_of_heavier_help_is_a_hypothesis_with_its_steps() -> None:
    found = analyse_escalation(_case(LADDER))
    assert [f.code for f in found] == ["escalation"]
    f = found[0]
    assert f.why.startswith("Mogelijk wordt de hulp voor Sam")
    assert f.members == ["kind", "amb", "cri", "gi", "a"]
    # two professionals starting one placement are one step
    assert [e.split(": ")[0] for e in f.evidence] == [
        "involvements[0]", "involvements[1]", "involvements[2]", "involvements[3]"]
    assert "measure" in f.evidence[2]
    en = analyse_escalation(_case(LADDER, "en"))[0]
    assert en.why.startswith("Possibly the help for Sam grows heavier")


@pytest.mark.parametrize("steps", [
    LADDER[:1],
    [LADDER[0], LADDER[3]],  # one rise only
    [{**LADDER[3], "start": 2017, "end": 2018}, LADDER[1],
     {**LADDER[0], "start": 2020}],  # lighter each time
    [{**LADDER[0], "start": None}, {**LADDER[1], "start": None}, {**LADDER[3], "start": None}],
])
def test_no_escalation_without_two_rises_in_dated_steps(steps: list[dict[str, Any]]) -> None:
    clean = [{k: v for k, v in s.items() if v is not None} for s in steps]
    assert analyse_escalation(_case(clean)) == []


def test_escalation_is_read_up_to_the_date_and_told_in_the_past_once_lighter() -> None:
    case = _case([*LADDER[:2], {**LADDER[3], "end": 2022}])
    assert analyse_escalation(case, D("2019-07")) == []
    past = analyse_escalation(case, D(2023))
    assert len(past) == 1 and "sinds 2022-12 is die lichter" in past[0].why


def test_the_story_of_going_home_yields_escalation() -> None:
    case = load(ROOT / "examples" / "terug-naar-huis.yaml")
    result = analyse(case)
    assert "escalation" in result.codes()
    assert result.escalation[0].members[0] == "esra"
    during = analyse(case, D("2022-06"))
    assert during.escalation[0].why.startswith("Mogelijk wordt de hulp voor Esra")
    assert analyse(case, D(2019)).escalation == []
