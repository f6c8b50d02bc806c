"""The router's choice of side: round a box the way that crosses fewer lines."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from bench.bench_systemogram import network

from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.ring_links import LinkPlace
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_leave import BRAID, first_sides
from systeemkaart.layout.systemogram_lines import _from_card
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_route_boxes import CORNER, CORNER_CLEAR, RouteBoxes, step_out

BOX = Box(0.0, 0.0, 40.0, 20.0)


@pytest.mark.parametrize(("drawn", "above"), [(False, True), (True, False)])
def test_a_detour_goes_round_the_side_that_crosses_fewer_lines(drawn: bool,
                                                               above: bool) -> None:
    """A line just above the middle of a box goes round over it (the shorter way), unless
    a line already routed stands there: then it goes round underneath, crossing nothing."""
    router = Router([Obstacle("box", BOX)])
    if drawn:  # another line, ending just over the box's top edge
        assert router.route((20.0, -60.0), (20.0, -2.0), ["x", "y"], ("x", "y")) == [
            (20.0, -60.0), (20.0, -2.0)]
    path = router.route((-50.0, 8.0), (90.0, 8.0), ["a", "b"], ("a", "b"))
    bends = path[1:-1]
    assert bends
    assert all(y < BOX.y for _, y in bends) is above
    assert all(y > BOX.bottom for _, y in bends) is (not above)


def test_lines_that_share_an_end_do_not_count_as_crossing() -> None:
    """A line from the same agent in the way is no reason for the longer way round."""
    router = Router([Obstacle("box", BOX)])
    router.route((20.0, -60.0), (20.0, -2.0), ["a", "y"], ("a", "y"))
    path = router.route((-50.0, 8.0), (90.0, 8.0), ["a", "b"], ("a", "b"))
    assert all(y < BOX.y for _, y in path[1:-1])


def test_a_line_out_of_the_far_side_of_its_card_never_runs_back_under_its_row() -> None:
    """A professional's line to a target just below and right of the card leaves on the
    right; when a line already drawn there makes the left side cheaper, it leaves on the
    left and goes round its own row instead of straight back under the card."""
    card = Box(0.0, 0.0, 100.0, 50.0)
    row = Box(0.0, 20.0, 100.0, 30.0)
    obstacles = [Obstacle("org", Box(0.0, 0.0, 100.0, 20.0)), Obstacle("pro", row)]
    router = Router(obstacles)
    near = _from_card(router, row, card, (60.0, 70.0), (0.0, 0.0), ["pro", "kind"], ("pro", "kind"))
    assert near is not None and near[0][0] == card.right  # the side facing the target
    router = Router(obstacles)
    router.remember([(90.0, 30.0), (90.0, 200.0)], ("u", "v"))
    path = _from_card(router, row, card, (60.0, 70.0), (0.0, 0.0), ["pro", "kind"], ("pro", "kind"))
    assert path is not None and path[0][0] == card.x  # round the far side: no crossing
    assert not any(segment_hits_box(p, q, row) for p, q in pairwise(path[1:]))


def test_a_line_crossing_several_others_leaves_its_card_on_the_far_side() -> None:
    """A professional's line to a target up and right of the card leaves on the right;
    when three lines drawn just right of the card stand in its way, it leaves on the left
    and goes round the top of the card, crossing none of them (the longer way pays)."""
    card = Box(0.0, 0.0, 100.0, 50.0)
    row = Box(0.0, 20.0, 100.0, 30.0)
    obstacles = [Obstacle("org", Box(0.0, 0.0, 100.0, 20.0)), Obstacle("pro", row)]
    goal = (300.0, -30.0)
    router = Router(obstacles)
    near = _from_card(router, row, card, goal, (0.0, 0.0), ["pro", "kind"], ("pro", "kind"))
    assert near is not None and near[0][0] == card.right
    router = Router(obstacles)
    walls = [[(x, 5.0), (x, 75.0)] for x in (114.0, 118.0, 122.0)]
    for k, wall in enumerate(walls):
        router.remember(wall, (f"u{k}", f"v{k}"))
    path = _from_card(router, row, card, goal, (0.0, 0.0), ["pro", "kind"], ("pro", "kind"))
    assert path is not None and path[0][0] == card.x
    assert not any(segments_cross(p, q, *wall) for p, q in pairwise(path) for wall in walls)
    assert not any(segment_hits_box(p, q, row) for p, q in pairwise(path[1:]))


def _line(source: str, target: str) -> LinkPlace:
    return LinkPlace("involvement", source, target, (source,), (0,), "alongside", False,
                     None, 1.0, ())


@pytest.mark.parametrize("lines", [2, BRAID])
def test_lines_facing_a_narrow_gap_between_two_cards_leave_on_their_free_sides(
        lines: int) -> None:
    """Two cards 16 units apart under the family (as on their ring), each professional's
    target above the gap's side of the other card: every line would leave into the gap
    and run up it in one braid. With ``BRAID`` of them or more they leave on the cards'
    free outer sides instead; with fewer they keep the side facing their targets."""
    left_card, right_card = Box(-120.0, 300.0, 104.0, 120.0), Box(0.0, 300.0, 104.0, 120.0)
    people = {"p": PersonPlace("p", 40.0, 0.0, Box(24.0, -14.0, 32.0, 56.0), (), None),
              "q": PersonPlace("q", -80.0, 0.0, Box(-96.0, -14.0, 32.0, 56.0), (), None)}
    agents: dict[str, Box] = {}
    cards: dict[str, Box | None] = {}
    links = []
    for k in range(lines):
        card, target = (left_card, "p") if k % 2 == 0 else (right_card, "q")
        aid = f"a{k}"
        agents[aid] = Box(card.x, card.y + 20.0 + 30.0 * (k // 2), card.w, 30.0)
        cards[aid] = card
        links.append(_line(aid, target))
    sides = first_sides(links, people, agents, cards)
    if lines < BRAID:
        assert sides == [None] * lines
    else:  # the left card's lines leave left, the right card's right
        assert sides == [k % 2 == 0 for k in range(lines)]


def test_a_second_line_through_a_narrow_gap_still_finds_it() -> None:
    """A line that turned at a corner in a narrow gap between two boxes pushes the next
    line's turn there a few units out, into the other box; the next line through the gap
    then takes the gap too, with its turn kept in it, rather than the long way round
    either box."""
    upper, lower = Box(-400.0, 0.0, 500.0, 20.0), Box(116.0, 10.0, 500.0, 30.0)
    router = Router([Obstacle("upper", upper), Obstacle("lower", lower)])
    start, goal = (108.0, -100.0), (60.0, 100.0)
    first = router.route(start, goal, ["a", "p"], ("a", "p"))
    second = router.route(start, goal, ["b", "q"], ("b", "q"))
    for path in (first, second):
        assert not any(segment_hits_box(p, q, box) for p, q in pairwise(path)
                       for box in (upper, lower))
        assert all(upper.right < x < lower.x for x, y in path[1:-1] if y > upper.y)
        assert sum(math.dist(p, q) for p, q in pairwise(path)) < 2.5 * math.dist(start, goal)


def test_clusters_kept_as_worked_out_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The group of boxes a router goes round (kept until its tests change) is the one
    worked out afresh each time it is asked, over the bench's networks of 20 and 40
    agents; and many are asked again."""
    kept_cluster = RouteBoxes._cluster
    again = [0]

    def checked(self: RouteBoxes, i: int) -> Box:
        again[0] += i in self._clusters
        got = kept_cluster(self, i)
        kept = dict(self._clusters)
        self._clusters.clear()
        assert kept_cluster(self, i) == got
        self._clusters.update(kept)
        return got

    monkeypatch.setattr(RouteBoxes, "_cluster", checked)
    for seed in range(2):
        for n_people, n_agents in ((4, 20), (12, 40)):
            layout_systemogram(network(seed, n_people, n_agents))
    assert again[0] > 0


@pytest.mark.parametrize("width", [1.2, 3.5, 7.4])
def test_a_corner_used_before_turns_the_next_line_out_by_the_room_both_take(
        width: float) -> None:
    """Two lines drawn ``width`` wide that go round one corner of a box (a wall below
    leaves no other way) turn apart by their half-widths and ``CORNER_CLEAR`` at least
    (a zigzag or a double line takes more room than a thin line), and never by less than
    ``CORNER``: a narrow gap holds only the lines that fit in it side by side."""
    router = Router([Obstacle("box", BOX), Obstacle("wall", Box(-100.0, 30.0, 240.0, 60.0))])
    router.width = width
    first = router.route((-50.0, 8.0), (90.0, 8.0), ["a", "b"], ("a", "b"))
    second = router.route((-50.0, 8.0), (90.0, 8.0), ["c", "d"], ("c", "d"))
    step = first[1][1] - second[1][1]
    assert step >= max(CORNER, width + CORNER_CLEAR) - 1e-9
    assert step == pytest.approx(max(CORNER, width + CORNER_CLEAR))


def test_step_out_counts_each_neighbouring_two() -> None:
    """A thin line after a zigzag keeps the zigzag's half-width and its own off it."""
    assert step_out([], 7.4) == 0.0
    assert step_out([7.4], 1.2) == pytest.approx(4.3 + CORNER_CLEAR)
    assert step_out([1.0, 1.0], 1.0) == pytest.approx(2 * CORNER)
