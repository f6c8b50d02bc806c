"""The lines hanging from one gap of a genogram block: their order, and a couple's dates
clear of the single parents' lines that cross the gap."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import segment_hits_box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_blocks import Block, Union
from systeemkaart.layout.genogram_gaps import gap_order
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
                                  "genogram-blended-bracket-drop.json",
                                  "genogram-blended-two-step-lines-one-gap.json"])
def test_no_step_line_runs_through_a_couples_dates(name: str) -> None:
    """Families 188, 191 and 186 of ``bench/bench_stepfamilies.py``: a step-parent on each
    side of a couple (p1 and p8, divorced, two lines of dates) each sent a line into the
    couple's gap, the left one dropping right of the right one: the two ran along each
    other across the gap, through the couple's dates. Now each drops on its own side of
    the dates (186), or the block stands otherwise (188, 191: p1 at its end)."""
    layout = _layout(load(DATA / name))
    assert _through_dates(layout) == []


def test_lines_from_both_sides_of_a_gap_drop_on_their_own_sides() -> None:
    """Under two-line dates, the lines of single parents left of the gap drop left of the
    couple's, those from the right right of it, whatever child they go to (both lines here
    go to a child of the couple on the left); under one-line dates (the lines leave the
    sides below them) the order stays that of
    :func:`~systeemkaart.layout.genogram_gaps.gap_side`: both towards that couple."""
    couple = Union("u0", ("b", "c"), [0], children=[("x", "biological", 0)])
    left = Union("u1", ("b",), children=[("y", "step", 1)])
    right = Union("u2", ("c",), children=[("y", "step", 2)])
    other = Union("u3", ("a", "b"), [1], children=[("y", "biological", 3)])
    block = Block(0, 0, ["a", "b", "c", "d"], [couple, left, right, other])
    couple.gap = left.gap = right.gap = 2
    other.gap = 1
    position = {"a": 0, "b": 1, "c": 2, "d": 3}
    unions = [right, couple, left]
    gap_order(block, unions, 2, position, tall=True)
    assert unions == [left, couple, right]
    unions = [right, couple, left]
    gap_order(block, unions, 2, position)  # both pulled left to their child's couple
    assert unions == [right, left, couple]
