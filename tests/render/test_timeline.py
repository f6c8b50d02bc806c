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
    at = case.as_of()
    assert drawn == [i for i, inv in enumerate(case.involvements)
                     if inv.start is None or inv.start.earliest <= at.latest]
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


def _bars(svg: str) -> dict[int, set[str]]:
    root = ET.fromstring(svg)
    return {int(g.get("data-involvement") or -1): set((g.get("class") or "").split())
            for g in root.iter(f"{NS}g") if "period" in (g.get("class") or "").split()}


def test_axis_spans_the_help_not_an_old_death() -> None:
    case = _case(involvements=INVOLVEMENTS[1:],
                 events=[{"date": 2010, "title": "Opa overleden"}])
    lay = layout_timeline(case)
    assert (lay.first, lay.last) == (D("2022-01"), D("2023-12"))
    assert lay.events == () and lay.events_outside == 1
    wide = layout_timeline(case, first=D(2009), last=D(2024))
    assert (wide.first.year, wide.last.year) == (2009, 2024) and len(wide.events) == 1


def test_undated_ongoing_and_end_unknown_are_drawn_apart() -> None:
    case = _case(involvements=[
        {"agent": "psy", "targets": ["kind"]},  # undated
        {"agent": "th", "targets": ["kind"], "start": "2022-11"},  # ongoing
        {"agent": "anna", "targets": ["kind"], "start": "2020-03", "end": 2021},  # end ~2021
        {"agent": "anna", "targets": ["kind"], "end": "2019-05"},  # start unknown
    ])
    lay = layout_timeline(case)
    bars = {b.index: b for r in lay.rows for b in r.bars}
    assert lay.undated_x is not None
    assert bars[0].undated and bars[0].box.right < lay.axis_x0  # left of the axis
    assert bars[1].ongoing and not bars[2].ongoing and bars[2].end_fade_x is not None
    assert bars[3].open_start and bars[3].box.x > lay.axis_x0  # not from the axis start
    classes = _bars(render_timeline(case, lang="en", at=case.as_of()))
    assert "undated" in classes[0] and "ongoing" in classes[1]
    assert "end-unknown" in classes[2] and "ongoing" not in classes[2]
    assert "start-unknown" in classes[3]


def test_a_tick_at_every_whole_number_up_to_ten() -> None:
    orgs = [{"id": f"o{k}", "professionals": [{"id": f"p{k}"}]} for k in range(7)]
    case = _case(organisations=orgs, involvements=[
        {"agent": f"p{k}", "targets": ["kind"], "start": 2022} for k in range(7)])
    root = ET.fromstring(render_timeline(case, lang="nl", at=case.as_of()))
    chart = next(g for g in root.iter(f"{NS}g") if g.get("class") == "concurrent")
    ticks = [t.text for t in chart.iter(f"{NS}text") if t.get("text-anchor") == "end"]
    assert ticks == [str(k) for k in range(8)]


def test_forms_are_hatched_and_in_the_legend() -> None:
    case = _case(involvements=[
        {"agent": "psy", "targets": ["kind"], "start": 2020, "end": 2021, "form": "crisis"},
        {"agent": "th", "targets": ["kind"], "start": 2021, "form": "residential"}])
    svg = render_timeline(case, lang="nl", at=case.as_of())
    assert 'data-key="form-crisis"' in svg and 'data-key="form-residential"' in svg
    assert 'data-key="form-day"' not in svg
    assert "form-crisis" in _bars(svg)[0]
