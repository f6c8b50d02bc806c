"""Lines from below end under a person's label, and a busy person's heads stand apart."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given

from systeemkaart.layout import Box
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_fan import _entry, aims_at, keeps_side
from systeemkaart.layout.systemogram_heads import HEAD_GAP, HEAD_LENGTH, crowded_heads
from systeemkaart.layout.systemogram_under import (
    EDGE,
    FROM_AFAR,
    UNDER_GAP,
    from_below,
    under_ports,
)
from systeemkaart.model import Case
from tests.strategies import helper_networks


def _network(seed: int) -> SystemogramLayout:
    from bench.bench_systemogram import network

    return layout_systemogram(network(seed, 12, 40))


def _from_below(lay: SystemogramLayout) -> list[tuple[str, str, bool]]:
    """(agent, person, whether it ends under the person's label) for every involvement
    that enters the circle of ``FROM_AFAR`` round its person from below."""
    out = []
    for lk in lay.links:
        if lk.kind != "involvement" or lk.target not in lay.people:
            continue
        p = lay.people[lk.target]
        enter = _entry(list(lk.points), (p.x, p.y), FROM_AFAR, 1)[1]
        if from_below(p, enter):
            out.append((lk.source, lk.target, lk.points[-1][1] > p.box.bottom))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_crowded_networks_lines_from_below_end_under_the_label(seed: int) -> None:
    """The bench's 40-agent networks: a line coming to a person from below (within 40
    degrees of straight down, 80 units out) ends under the person's label. Before, every
    one climbed beside the label into the lower left or right of the symbol (seed 0: the
    lines of Organisatie 4 and 0 into Persoon 8, about 5 units apart, zigzagging round
    it); now 9, 11, 14 and 7 such lines end under the label in seeds 0-3, but for at most
    one a drawing: the parting of lines into their own tracks, after the ports are given,
    may move a line's way so that it comes from below into a side port (seed 3: Organisatie
    32's line into Persoon 9; in seed 4 one such line as well)."""
    lines = _from_below(_network(seed))
    assert len(lines) >= 5
    assert sum(not under for _, _, under in lines) <= 1, lines


def test_a_person_with_twelve_lines_in_keeps_their_heads_apart() -> None:
    """Seed 1, Persoon 8: 12 lines in, their ports 0.34-0.42 radians apart round the
    symbol, and seven pairs of arrowheads within ``HEAD_GAP`` of each other. Now the
    lines from under its label (within 65 degrees of straight down: a busy person) end
    under it, and the port arc holds the others with room for a head between each two.
    One pair stays: the head of Professional 11's line points along the symbol's outline
    (its leg could not be turned at the person without crossing others) toward the
    next."""
    lay = _network(1)
    into = [lk for lk in lay.links if lk.target == "p8" and lk.kind == "involvement"]
    assert len(into) == 12
    assert any(lk.points[-1][1] > lay.people["p8"].box.bottom for lk in into)
    crowded = [(lay.links[i].source, lay.links[j].source)
               for i, j in crowded_heads(lay.links) if lay.links[i].target == "p8"]
    assert len(crowded) <= 1, crowded


def _person(x: float = 0.0, y: float = 0.0) -> PersonPlace:
    return PersonPlace("p", x, y, Box(x - 30, y - 14, 60, 56), (), None)


def test_ports_under_a_label_keep_their_order_and_room() -> None:
    """Ports under a label follow the order the lines come in, ``UNDER_GAP`` apart,
    within the label's width less ``EDGE``; where more lines come than fit, those
    nearest straight down have them."""
    p = _person()
    enters = {k: (x, 100.0) for k, x in enumerate([-3.0, 0.0, 2.0, 50.0, -60.0, 1.0, -1.0])}
    ports = under_ports(p, enters)
    assert len(ports) == 5  # 52 units of label: five ports 11 apart
    assert 3 not in ports and 4 not in ports  # the two farthest from straight down
    xs = [ports[k][0] for k in sorted(ports, key=lambda k: enters[k][0])]
    assert xs == sorted(xs)
    assert all(b - a >= UNDER_GAP - 1e-9 for a, b in pairwise(xs))
    assert p.box.x + EDGE - 1e-9 <= xs[0] and xs[-1] <= p.box.right - EDGE + 1e-9
    assert all(y > p.box.bottom for _, y in ports.values())


def test_a_line_from_the_side_is_not_from_below() -> None:
    p = _person()
    assert from_below(p, (0.0, 80.0))
    assert from_below(p, (45.0, 66.0))
    assert not from_below(p, (60.0, 53.0))  # beside the label's bottom: the arc
    assert from_below(p, (60.0, 53.0), busy=True)
    assert not from_below(p, (80.0, 0.0), busy=True)


def _ends_under_labels_apart(lay: SystemogramLayout) -> None:
    """Every arrow ending under its person's label ends within the label's width, its
    last ``HEAD_LENGTH`` units pointing at the person's centre, and its tip at least
    ``UNDER_GAP`` (less half a unit, a last leg may move so much) from the next one's."""
    tips: dict[str, list[tuple[float, float]]] = {}
    for lk in lay.links:
        if lk.kind != "involvement" or lk.target not in lay.people:
            continue
        p = lay.people[lk.target]
        tip = lk.points[-1]
        if tip[1] <= p.box.bottom:
            continue
        assert p.box.x <= tip[0] <= p.box.right, (lk.source, lk.target)
        assert aims_at(lk.points, p), (lk.source, lk.target)
        assert math.dist(lk.points[-2], tip) >= HEAD_LENGTH, (lk.source, lk.target)
        tips.setdefault(lk.target, []).append(tip)
    for pid, pts in tips.items():
        for i, a in enumerate(pts):
            for b in pts[i + 1:]:
                assert math.dist(a, b) > UNDER_GAP - 0.5, (pid, a, b)
    assert UNDER_GAP - 2 * 0.45 * HEAD_LENGTH >= HEAD_GAP


@pytest.mark.parametrize("seed", range(5))
def test_crowded_networks_ports_under_labels_hold_their_heads_apart(seed: int) -> None:
    _ends_under_labels_apart(_network(seed))


@given(helper_networks(min_agents=4, max_agents=40))
def test_generated_networks_ports_under_labels_hold_their_heads_apart(case: Case) -> None:
    """On generated networks every arrow under a label points at its person and keeps
    room for a head beside the next."""
    _ends_under_labels_apart(layout_systemogram(case))


def test_a_line_into_a_side_port_may_not_be_moved_to_come_from_below() -> None:
    """A line into a port on the symbol's right side, coming from the right: its last
    bend may move up or down beside the person, but not round under it, where the line
    would come from below and climb beside the label (the lines from below end under
    it). A line into a port under the label, or one from below already, may move so."""
    person = _person()
    side = [(300.0, 0.0), (120.0, 10.0), (60.0, 5.0), (14.0, 0.0)]
    assert not from_below(person, _entry(side, (0.0, 0.0), FROM_AFAR, 1)[1])
    assert keeps_side(side, 2, (60.0, 20.0), person, 1)
    assert not keeps_side(side, 2, (5.0, 200.0), person, 1)
    assert keeps_side(side, 2, (5.0, 200.0), None, 1)  # into no person: any move
    under = [*side[:-1], (0.0, person.box.bottom + 6.0)]
    assert keeps_side(under, 2, (5.0, 200.0), person, 1)
    below = [(300.0, 300.0), (0.0, 250.0), (0.0, 120.0), (14.0, 5.0)]
    assert from_below(person, _entry(below, (0.0, 0.0), FROM_AFAR, 1)[1])
    assert keeps_side(below, 2, (5.0, 130.0), person, 1)
