"""Two routes through the same bands exchange lanes and slots (``genogram_exchange``)."""

from __future__ import annotations

from systeemkaart.layout.genogram_exchange import _exchanged, _middle
from systeemkaart.layout.genogram_route import RefPoint


def _route(x0: float, lanes: tuple[int, int], slot: float, x1: float) -> list[RefPoint]:
    """A route out of a symbol's side in row 0, along a lane of band 1, down a slot,
    along a lane of band 2 and down into the top of a symbol in row 2."""
    return [(x0 - 20.0, ("row", 0, 30.0)), (x0, ("row", 0, 30.0)),
            (x0, ("lane", lanes[0], 0.0)), (slot, ("lane", lanes[0], 0.0)),
            (slot, ("lane", lanes[1], 0.0)), (x1, ("lane", lanes[1], 0.0)),
            (x1, ("row", 2, 6.0))]


def test_the_middle_of_a_route_is_its_lanes_and_slots() -> None:
    """The lane points make a route's middle only where each lane's two points stand
    next to each other and the points between two lanes share their x."""
    assert _middle(_route(100.0, (1, 2), 50.0, 20.0)) == (2, 5)
    broken = _route(100.0, (1, 2), 50.0, 20.0)
    broken[4] = (51.0, broken[4][1])  # not one slot between the lanes
    assert _middle(broken) is None
    assert _middle(broken[:3] + broken[5:]) is None  # one lane point alone


def test_exchanged_takes_the_lanes_and_slots_asked_and_keeps_its_ends() -> None:
    """Each bit of the mask takes one lane (even bits) or one slot between lanes (odd
    bits) of the other route; the x where a route comes down to its first lane and
    goes on from its last stay its own."""
    own, other = _route(100.0, (1, 2), 50.0, 20.0), _route(140.0, (3, 4), 40.0, 30.0)
    assert _exchanged(own, (2, 5), other, (2, 5), 0) == own
    both = _exchanged(own, (2, 5), other, (2, 5), 0b111)
    assert both[:2] == own[:2] and both[6:] == own[6:]
    assert [p[1][1] for p in both[2:6]] == [3, 3, 4, 4]
    assert [p[0] for p in both[2:6]] == [100.0, 40.0, 40.0, 20.0]
    first_lane = _exchanged(own, (2, 5), other, (2, 5), 0b001)
    assert [p[1][1] for p in first_lane[2:6]] == [3, 3, 2, 2]
    assert [p[0] for p in first_lane[2:6]] == [100.0, 50.0, 50.0, 20.0]
    slot = _exchanged(own, (2, 5), other, (2, 5), 0b010)
    assert [p[1][1] for p in slot[2:6]] == [1, 1, 2, 2]
    assert [p[0] for p in slot[2:6]] == [100.0, 40.0, 40.0, 20.0]
