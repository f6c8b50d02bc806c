"""Corridors between blocks widen for the emotional lines drawn down them (see
``genogram_widen``)."""

from __future__ import annotations

import itertools
from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_widen import widened
from tests.layout.genogram_yardstick import all_crossings

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


def test_a_corridor_over_a_child_line_widens_beside_that_line() -> None:
    """Two cut-offs leave a man's left side for the row below, down a corridor 24 units
    wide right above the child line into his neighbour's sister: none of its x kept a
    cut-off (reaching 5.7) clear of that line below the sibling bar. The corridor is now
    cut just left of the sister's block, so her child line moves right with him and the
    room between it and the box left of the corridor holds both cut-offs: at least 46
    units (each 9.7 from the box, 24 apart on the router's slots, 12.4 from the child
    line), and each comes down clear of the child line by what both draw."""
    case = load(DATA / "genogram-crowd-cutoff-narrow-corridor.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    child_x = next(c for c in layout.children if c.child == "p9").points[-1][0]
    assert child_x - layout.people["p2"].box.right >= 46.0
    for rel in layout.relations:
        downs = [a[0] for a, b in itertools.pairwise(rel.points) if a[0] == b[0]]
        assert all(abs(x - child_x) >= 5.7 + 0.7 + 4.0 for x in downs)


def test_wider_corridors_kept_where_they_cross_fewer_with_as_few_crowded() -> None:
    """A generated family whose three emotional lines between x_7 and opa-3 run down one
    corridor: parted as far as they go, the narrow drawing has as few crowded pairs as the
    one with that corridor wider (2), but crosses 10 times, the wider one 8 (drawn
    straight, the lines cross 9 times). The wider drawing is kept: no more crossings
    than the straight lines'."""
    case = load(DATA / "genogram-crowd-wider-crosses-fewer.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    drawn = all_crossings(layout, straight=False)
    assert drawn <= 8
    assert drawn <= all_crossings(layout, straight=True)
