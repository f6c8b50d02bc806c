"""How far agents stand from their people, and the layouts chosen for it."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from bench.bench_systemogram import network

from systeemkaart.layout.ring_geometry import Box
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_bands import bands
from systeemkaart.layout.systemogram_choice import REACH_LINES, forecast, likeliest
from systeemkaart.layout.systemogram_reach import gap, reach


def test_gap_is_the_shortest_distance_between_two_boxes() -> None:
    a = Box(0.0, 0.0, 10.0, 10.0)
    assert gap(a, Box(13.0, 14.0, 5.0, 5.0)) == 5.0  # 3 across, 4 down
    assert gap(a, Box(20.0, 2.0, 5.0, 5.0)) == 10.0  # beside it
    assert gap(a, Box(5.0, 5.0, 10.0, 10.0)) == 0.0  # overlapping


def _moved_out(lay: SystemogramLayout, by: float) -> SystemogramLayout:
    """``lay`` with every agent's box ``by`` units farther out along its angle."""
    agents = {k: replace(a, box=a.box.moved(by * math.cos(a.angle), by * math.sin(a.angle)))
              for k, a in lay.agents.items()}
    return replace(lay, agents=agents)


def test_of_layouts_crossing_about_as_often_the_one_nearer_its_people_is_routed() -> None:
    """A large drawing (more than ``REACH_LINES`` lines): a layout whose agents stand
    150 units farther out, forecast to cross one line less, is not the one routed; one
    forecast to cross a third less still is."""
    lay = layout_systemogram(network(2, 12, 40), route=False)
    assert len(lay.links) > REACH_LINES
    far = _moved_out(lay, 150.0)
    far = replace(far, crossings=far.crossings - 1 - round(forecast(far) - forecast(lay)))
    assert forecast(far) == forecast(lay) - 1
    assert reach(far) > reach(lay) + 100
    assert likeliest([far, lay], {}, 1) == [lay]
    cheap = replace(far, crossings=far.crossings - lay.crossings // 3)
    assert likeliest([cheap, lay], {}, 1) == [cheap]


def test_a_small_drawing_is_chosen_by_crossings_alone() -> None:
    """In a drawing of at most ``REACH_LINES`` lines the reach is not charged: routing
    several layouts decides there."""
    lay = layout_systemogram(network(1, 3, 10), route=False)
    assert len(lay.links) <= REACH_LINES
    far = _moved_out(lay, 150.0)
    far = replace(far, crossings=far.crossings - 1 - round(forecast(far) - forecast(lay)))
    assert likeliest([far, lay], {}, 1) == [far]


@pytest.mark.parametrize(("seed", "most"), [
    (2, (100, 20, 280)),
    pytest.param(4, (50, 10, 250), marks=pytest.mark.xfail(
        strict=True, reason="seed 4 has 47 lines, not above REACH_LINES: charging reach "
        "from 35 lines on met this bound but drew two arrowheads into Persoon 1 on each "
        "other (test_systemogram_heads)")),
])
def test_crowded_networks_have_their_cards_nearer_and_fewer_bands(
        seed: int, most: tuple[int, int, float]) -> None:
    """The bench's 40-agent networks of seed 2 and 4 (54 and 47 lines), with their cards
    pulled to their kinds' sides only, crossed 116 and 53 times with 26 and 15 bands, and
    their agents stood 310 and 278 units from their people on average (seed 2: three
    cards below the family climbing into it as one knot; seed 4: Organisatie 17 right of
    the lower household, its lines under all of it). With layouts without that pull tried
    and reach charged: 95 and 46 crossings, 15 and 7 bands, 257 and 233 units."""
    lay = layout_systemogram(network(seed, 12, 40))
    found = bands(lay.links, lay.people, [h.frame for h in lay.households])
    assert lay.crossings <= most[0]
    assert len(found) <= most[1]
    assert reach(lay) <= most[2]
