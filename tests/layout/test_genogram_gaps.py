"""A couple's dates clear of the single parents' lines that cross the couple's gap."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import segment_hits_box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.model import Case

DATA = Path(__file__).resolve().parents[1] / "data"


def _layout(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def _through_dates(layout: GenogramLayout) -> list[str]:
    """The family lines that pass through another couple's dates."""
    out: list[str] = []
    for place in layout.partnerships:
        if place.label_box is None:
            continue
        for kind, ends, points in layout.edges():
            if kind == "relation" or (kind == "partnership"
                                      and ends == frozenset(place.partners)):
                continue
            if any(segment_hits_box(p, q, place.label_box)
                   for p, q in itertools.pairwise(points)):
                out.append(f"{kind} {sorted(ends)} through {place.partners}")
    return out


@pytest.mark.parametrize("name", ["genogram-blended-step-parent-at-end.json",
                                  "genogram-blended-bracket-drop.json"])
def test_no_step_line_runs_through_a_couples_dates(name: str) -> None:
    """Families 188 and 191 of ``bench/bench_stepfamilies.py``: a step-parent on each side
    of a couple (p1 and p8, divorced, two lines of dates) each sent a line into the
    couple's gap, the left one dropping right of the right one: the two ran along each
    other across the gap, through the couple's dates. Now the block stands otherwise (p1
    at its end, beside p5, the order with fewest crossings), and no line crosses the gap
    of a couple with dates."""
    layout = _layout(load(DATA / name))
    assert _through_dates(layout) == []
