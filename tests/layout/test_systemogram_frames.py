"""Lines keep off household frames: a line crosses a frame to reach a member, never runs
along it (a line on the dashes reads as part of the frame, or as the household's own)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from bench.bench_systemogram import network

from systeemkaart.layout import Box, Point
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_bands import FRAME, bands
from systeemkaart.layout.systemogram_close import close_length, frame_edges
from systeemkaart.layout.systemogram_frames import framed, framed_box
from systeemkaart.layout.systemogram_route import MARGIN, TIGHT, Obstacle, Router

FRAME_BOX = Box(0.0, 0.0, 200.0, 71.0)
"""A household of two standing on one row, 7 units inside the frame."""
MEMBERS = (Box(7.0, 7.0, 60.0, 57.0), Box(133.0, 7.0, 60.0, 57.0))


def _along(path: list[Point], gap: float) -> float:
    """How long ``path`` runs within ``gap`` of an edge of ``FRAME_BOX``, nearly
    parallel."""
    return sum(close_length(p, q, a, b, gap, (), 0.0)
               for p, q in pairwise(path) for a, b in frame_edges([FRAME_BOX]))


def test_a_member_facing_the_frame_reaches_its_edges() -> None:
    """A member's box grows to the edges it faces (within the frame's padding); a box
    outside every frame stays as it is."""
    assert framed_box(MEMBERS[0], [FRAME_BOX]) == Box(0.0, 0.0, 67.0, 71.0)
    assert framed_box(MEMBERS[1], [FRAME_BOX]) == Box(133.0, 0.0, 67.0, 71.0)
    inner = Box(40.0, 20.0, 20.0, 20.0)  # far from every edge
    assert framed_box(inner, [FRAME_BOX]) == inner
    outside = Box(300.0, 0.0, 20.0, 20.0)
    assert framed_box(outside, [FRAME_BOX]) == outside


@pytest.mark.parametrize("margin", [MARGIN, TIGHT])
def test_a_line_round_the_household_keeps_off_its_frame(margin: float) -> None:
    """A line passing under a household from one side to the other, just below its
    frame, is routed round the members at least ``MARGIN`` off the frame, however tight
    the router goes; with the members' true boxes it ran along the bottom edge."""
    start, goal = (-60.0, 74.0), (260.0, 74.0)
    router = Router([framed(f"p{k}", b, [FRAME_BOX]) for k, b in enumerate(MEMBERS)])
    router.prepare_line(start, goal, [], ("a", "z"), margin=margin)
    assert not router.clear((0.0, 74.0), (200.0, 74.0))  # not even where tight
    path = router.route(start, goal, [], ("a", "z"))
    assert _along(path, MARGIN - 0.5) == 0.0
    # round the members' true boxes the same line ran along the frame's bottom edge
    plain = Router([Obstacle(f"p{k}", b) for k, b in enumerate(MEMBERS)])
    assert _along(plain.route(start, goal, [], ("a", "z")), MARGIN - 0.5) > 30.0


def test_a_line_may_still_cross_the_frame_to_a_member() -> None:
    """A member's own line passes its grown box and crosses the frame into it."""
    router = Router([framed(f"p{k}", b, [FRAME_BOX]) for k, b in enumerate(MEMBERS)])
    goal = (MEMBERS[0].cx, MEMBERS[0].y + 14.0)
    path = router.route((37.0, 200.0), goal, ["p0"], ("a", "p0"))
    assert path == [(37.0, 200.0), goal]


FRAME_BANDS_40 = 2
"""Most lines along a household frame in the five 40-agent bench networks together (0
when this was written; 44 before the members' boxes reached to their frames)."""


def test_crowded_networks_run_no_lines_along_frames() -> None:
    """The bench's 40-agent networks (12 people in two households, seeds 0-4) draw
    almost no line along a household frame."""
    total = 0
    for seed in range(5):
        lay = layout_systemogram(network(seed, 12, 40))
        found = bands(lay.links, lay.people, [h.frame for h in lay.households])
        total += sum(1 for _, j in found if j == FRAME)
    assert total <= FRAME_BANDS_40
