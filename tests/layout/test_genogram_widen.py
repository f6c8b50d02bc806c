"""Corridors between blocks widen for the emotional lines drawn down them (see
``genogram_widen``)."""

from __future__ import annotations

from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_widen import widened

DATA = Path(__file__).resolve().parents[1] / "data"


def test_blocks_right_of_a_cut_move_by_what_each_cut_left_of_them_adds() -> None:
    """Every block centre and waypoint right of a cut moves right by the sum of the cuts
    left of it; those left of every cut stay: no gap between two blocks narrows."""
    waypoints = {"w1": 5.0, "w2": 150.0}
    centres = widened([0.0, 60.0, 120.0, 300.0], waypoints, [(200.0, 8.0), (100.0, 20.0)])
    assert centres == [0.0, 60.0, 140.0, 328.0]
    assert waypoints == {"w1": 5.0, "w2": 170.0}


def test_a_corridor_with_four_lines_down_it_widens_to_hold_them() -> None:
    """A woman whose partner stands on her right sends her conflict, abuse and neglect
    lines out of her left side, down the corridor to the next family's husband, whose
    caregiving line leaves there too: Graphviz put the two blocks 24 units apart, and two
    zigzags lay on one x. The corridor now holds the four lines, each its slot (two
    zigzags, two plain lines: at least 43 units for them on the router's slots)."""
    case = load(DATA / "genogram-jog-in-full-corridor.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    husband, woman = layout.people["p9"].box, layout.people["p4"].box
    assert woman.x - husband.right >= 43.0
