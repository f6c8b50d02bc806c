"""Where the lines into a person end on its symbol: ports apart, farther out when crowded,
off the side of a box close by."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from systeemkaart.layout import Box
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram_ports import (
    END_GAP,
    FARTHEST,
    LINE_GAP,
    PORT_ARC,
    _crowded,
    _farther,
    _gaps,
    _narrowed,
    _room,
    port_distance,
)
from systeemkaart.layout.systemogram_route import Obstacle, Router


def _person(pid: str, x: float = 0.0, y: float = 0.0) -> PersonPlace:
    return PersonPlace(pid, x, y, Box(x - 16, y - 14, 32, 56), (), None)


@pytest.mark.parametrize("sex", ["female", "male", "unknown"])
@pytest.mark.parametrize("ports", [2, 9, 13, 17, 22])
def test_crowded_ports_stand_farther_out_each_end_gap_apart(ports: int, sex: str) -> None:
    """Ports handed out over the arc stand ``END_GAP`` apart on the outline where the arc
    holds them; where it does not (Noor's 17), all stand farther out, so far as needed
    (up to ``FARTHEST``: 22 ends on a diamond stand that far out, and closer)."""
    small = 1.0 if sex != "unknown" else 1.45
    out = _farther(ports, small)
    assert (out > 0) is ((ports - 1) * small * LINE_GAP > PORT_ARC)
    arrowed = [k % 3 == 0 for k in range(ports - 1)]
    gaps = _gaps(arrowed, small, out)
    assert sum(gaps) <= PORT_ARC + 1e-9
    angle = math.radians(145.0)
    pts = []
    for g in [0.0, *gaps]:
        angle += g
        d = port_distance(sex, angle) + out
        pts.append((d * math.cos(angle), d * math.sin(angle)))
    if (ports - 1) * _narrowed(small * LINE_GAP, FARTHEST) > PORT_ARC:
        assert out == FARTHEST  # as far out as they go, closer than END_GAP
    else:
        assert all(math.dist(p, q) >= END_GAP - 1e-6 for p, q in pairwise(pts))
    if out > 0:  # no farther than needed
        assert (ports - 1) * _narrowed(small * LINE_GAP, out - 1.0) > PORT_ARC


def _port_point(sex: str, angle: float, out: float) -> tuple[float, float]:
    r = port_distance(sex, angle) + out
    return r * math.cos(angle), r * math.sin(angle)


def _in_box(pt: tuple[float, float], box: Box) -> bool:
    return box.x <= pt[0] <= box.right and box.y <= pt[1] <= box.bottom


def test_ports_avoid_a_box_just_above_the_person() -> None:
    """A supporter's pill just above a person: no port lies where the way in from
    ``APPROACH`` beyond it, or from it to the symbol, would pass the pill, so the lines
    fan in around it; without such a box there is no limit to the room."""
    person = _person("p")
    pill = Box(-20.0, -48.0, 40.0, 22.0)  # its bottom 8 units above the top port
    router = Router([Obstacle("p", person.box), Obstacle("s", pill)])
    room = _room(router, person, "p", "male")
    top = -math.pi / 2 + 2 * math.pi  # straight up, as the port arc counts it
    assert min(room, key=lambda ao: abs(ao[0] - top))[1] is None
    assert room[0][1] == FARTHEST  # the lower left: far from the pill
    wanted = [top - 0.2, top - 0.1, top, top + 0.1, top + 0.2]
    angles, out = _crowded(wanted, [True] * 4, "male", 1.0, room)
    assert out == 0.0
    for angle in angles:
        for extra in (0.0, 4.0, 8.0):
            assert not _in_box(_port_point("male", angle, out + extra), pill)
    alone = Router([Obstacle("p", person.box)])
    assert _room(alone, person, "p", "male") == []


@pytest.mark.parametrize(("sex", "ports"), [("female", 13), ("male", 13), ("unknown", 13),
                                            ("unknown", 11), ("female", 15)])
def test_crowded_ports_beside_boxes_stand_about_end_gap_apart(sex: str, ports: int) -> None:
    """A pill 14 units above the top port and cards 14 units beside the symbol (found
    with a random seed: 13 lines into a diamond so boxed in crowded their ends 3.7-4.1
    apart, the free arc shrinking as the ports moved out to make room): the ports stand
    as far out as they need, up to where the arc beside the boxes still holds them, at
    least ``END_GAP`` less half a unit apart, and keep the way in to each clear."""
    person = _person("p")
    boxes = [Box(-20.0, -46.0, 40.0, 14.0), Box(-90.0, -12.0, 58.0, 22.0),
             Box(32.0, -12.0, 58.0, 22.0)]
    router = Router([Obstacle("p", person.box)]
                    + [Obstacle(f"b{k}", b) for k, b in enumerate(boxes)])
    room = _room(router, person, "p", sex)
    assert any(o is None or o < FARTHEST for _, o in room)
    wanted = [math.radians(145.0) + k * PORT_ARC / (ports - 1) for k in range(ports)]
    small = 1.45 if sex == "unknown" else 1.0
    angles, out = _crowded(wanted, [k % 2 == 0 for k in range(ports - 1)], sex, small, room)
    assert angles == sorted(angles)
    pts = [_port_point(sex, angle, out) for angle in angles]
    assert all(math.dist(p, q) >= END_GAP - 0.5 for p, q in pairwise(pts))
    for angle in angles:
        for extra in (0.0, 4.0, 8.0):
            assert not any(_in_box(_port_point(sex, angle, out + extra), b) for b in boxes)
