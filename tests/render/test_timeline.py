"""Timeline SVG and the activity helpers behind it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import given

from systeemkaart.activity import (
    active_involvements,
    helper_count_per_month,
    months,
    shown_agents,
    time_span,
)
from systeemkaart.dates import PartialDate
from systeemkaart.layout.timeline import layout_timeline
from systeemkaart.model import Case
from systeemkaart.render.timeline import render_timeline
from tests.strategies import helper_networks

NS = "{http://www.w3.org/2000/svg}"
D = PartialDate.parse


def _case(**parts: Any) -> Case:
    data: dict[str, Any] = {"schema": "systeemkaart/1",
                            "case": {"id": "t", "as_of": "2023-05-01"},
                            "people": [{"id": "kind", "sex": "female", "born": 2010}],
                            "organisations": [
                                {"id": "ggz", "professionals": [{"id": "psy"}, {"id": "th"}]},
                                {"id": "swt", "professionals": [{"id": "anna"}]}]}
    data.update(parts)
    return Case.model_validate(data)


INVOLVEMENTS = [
    {"agent": "psy", "targets": ["kind"], "start": 2019, "end": 2020},
    {"agent": "th", "targets": ["kind"], "start": "2022-11"},
    {"agent": "anna", "targets": ["kind"], "start": "2022-09", "regie": True},
    {"agent": "anna", "targets": ["kind"], "start": "2023-01", "stance": "over"},
]


def test_months_and_span() -> None:
    assert [str(m) for m in months(D("2022-11"), D("2023-02"))] == [
        "2022-11", "2022-12", "2023-01", "2023-02"]
    case = _case(involvements=INVOLVEMENTS, events=[{"date": 2015, "title": "x"}])
    assert time_span(case, D("2023-05-01")) == (D("2015-01"), D("2023-05"))


def test_active_and_shown_agents() -> None:
    case = _case(involvements=INVOLVEMENTS)
    assert [i for i, _ in active_involvements(case, D("2019-06"))] == [0]
    assert [i for i, _ in active_involvements(case, D("2023-05-01"))] == [1, 2, 3]
    assert shown_agents(case, D("2019-06")) == {"psy", "ggz"}
    assert shown_agents(case, D(2023)) == {"th", "ggz", "anna", "swt"}


def test_concurrent_counts_per_month() -> None:
    case = _case(involvements=INVOLVEMENTS)
    counts = {str(c.month): (c.professionals, c.organisations)
              for c in helper_count_per_month(case, D("2019-01"), D("2023-02"))}
    assert counts["2019-06"] == (1, 1)
    assert counts["2021-06"] == (0, 0)
    assert counts["2022-10"] == (1, 1)
    assert counts["2022-12"] == (2, 2)  # anna counts once despite two involvements
    assert counts["2023-02"] == (2, 2)


def test_timeline_rows_bars_and_chart() -> None:
    case = _case(involvements=INVOLVEMENTS,
                 events=[{"date": "2019-06", "title": "Diagnose", "people": ["kind"]},
                         {"date": "2019-06", "title": "Ook in juni"}])
    svg = render_timeline(case, lang="nl", at=case.as_of())
    root = ET.fromstring(svg)
    rows = [g for g in root.iter(f"{NS}g") if "node" in (g.get("class") or "").split()]
    assert [g.get("data-id") for g in rows] == ["psy", "th", "anna"]
    bars = [g for g in root.iter(f"{NS}g") if "period" in (g.get("class") or "").split()]
    assert sorted(int(b.get("data-involvement") or -1) for b in bars) == [0, 1, 2, 3]
    assert any("regie" in (b.get("class") or "") for b in bars)
    chart = next(g for g in root.iter(f"{NS}g") if g.get("class") == "concurrent")
    assert chart.get("data-max") == "2"
    lay = layout_timeline(case)
    anna = next(r for r in lay.rows if r.id == "anna")
    assert len({b.box.y for b in anna.bars}) == 2  # overlapping periods on two lanes
    labels = [e.label for e in lay.events]
    assert not labels[0].overlaps(labels[1])


@given(helper_networks(min_agents=0, max_agents=30))
def test_generated_timelines(case: Case) -> None:
    lay = layout_timeline(case)
    drawn = sorted(b.index for r in lay.rows for b in r.bars)
    assert drawn == list(range(len(case.involvements)))
    for i, r in enumerate(lay.rows):
        for other in lay.rows[i + 1:]:
            assert not r.box.overlaps(other.box)
        for b in r.bars:
            assert r.box.y <= b.box.y and b.box.bottom <= r.box.bottom
    for i, e in enumerate(lay.events):
        for other in lay.events[i + 1:]:
            assert not e.label.overlaps(other.label)
    svg = render_timeline(case, lang=case.case.lang, at=case.as_of())
    ET.fromstring(svg)
    assert svg == render_timeline(case, lang=case.case.lang, at=case.as_of())
