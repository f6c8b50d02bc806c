"""A line round a household keeps far enough off its frame not to read as part of it."""

from __future__ import annotations

from itertools import pairwise

from bench.bench_systemogram import network

from systeemkaart.layout import Box, Point, segment_distance
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_bands import BAND_GAP, BAND_RUN
from systeemkaart.layout.systemogram_close import CLOSE_END, close_length, frame_edges
from systeemkaart.layout.systemogram_frame_bundle import bundle_of, bundles_off_frames
from systeemkaart.layout.systemogram_frame_clear import (
    BEND_GAP,
    FRAME_NEAR,
    FRAME_RUN,
    Run,
    along_frames,
    away_from,
    banded,
    off_frames,
)
from systeemkaart.layout.systemogram_frames import framed
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_route import Router

FRAME_BOX = Box(0.0, 0.0, 200.0, 71.0)
"""A household of two standing on one row, 7 units inside the frame."""
MEMBERS = (Box(7.0, 7.0, 60.0, 57.0), Box(133.0, 7.0, 60.0, 57.0))


def test_the_stroke_gap_is_the_bands_gap() -> None:
    """The passes moving lines off frames judge bands as the bands measure does: two
    parallel strokes a little closer than ``BAND_GAP`` over more than ``BAND_RUN`` make a
    band, a little farther apart none."""
    length = BAND_RUN + 2 * CLOSE_END + 10.0
    for gap, band in ((BAND_GAP - 0.1, True), (BAND_GAP + 0.1, False)):
        paths = [[(0.0, 0.0), (length, 0.0)], [(0.0, gap), (length, gap)]]
        near = [(1, paths[1][0], paths[1][1])]
        assert (banded(paths, [0.0, 0.0], 0, paths[0], near) > 0) is band


def _router() -> Router:
    return Router([framed(f"p{k}", b, [FRAME_BOX]) for k, b in enumerate(MEMBERS)])


def test_a_line_beneath_the_frame_moves_off_it() -> None:
    """A line running 8 units beneath the frame's bottom edge for 200 units, from a card
    on the left to a point past the household, moves down out of ``FRAME_NEAR``; its
    card's stub and its end stay."""
    path: list[Point] = [(-80.0, 60.0), (-70.0, 60.0), (-10.0, 79.0), (210.0, 79.0),
                         (240.0, 60.0)]
    edges = frame_edges([FRAME_BOX])
    assert along_frames(path, edges) > FRAME_RUN
    paths = [path]
    moved = off_frames(_router(), paths, [("a", "z")], [1.5], [["a", "z"]], [2], [1],
                       [FRAME_BOX])
    assert moved == 1
    new = paths[0]
    assert new[:2] == path[:2] and new[-1] == path[-1]
    assert along_frames(new, edges) <= FRAME_RUN
    assert all(q[1] > FRAME_BOX.bottom + FRAME_NEAR for q in new[2:4])


def test_a_line_stays_where_moving_would_cross_another() -> None:
    """Where every step off the frame crosses a line the first did not cross, the line
    stays beside the frame (a crossing more reads worse)."""
    path: list[Point] = [(-80.0, 60.0), (-70.0, 60.0), (-10.0, 79.0), (210.0, 79.0),
                         (240.0, 60.0)]
    # a line running 6 units below, out of the frame's reach, its whole length: any step
    # down lies on it or crosses it
    other: list[Point] = [(-40.0, 200.0), (-40.0, 85.0), (230.0, 85.0), (230.0, 200.0)]
    paths = [list(path), other]
    moved = off_frames(_router(), paths, [("a", "z"), ("b", "y")], [1.5, 1.5],
                       [["a", "z"], ["b", "y"]], [2, 1], [1, 1], [FRAME_BOX])
    assert moved == 0
    assert paths[0] == path


def _run_along(points: list[Point], frames: list[Box]) -> float:
    """The longest single segment run of ``points`` within ``FRAME_NEAR`` of a frame."""
    return max((sum(close_length(p, q, a, b, FRAME_NEAR, (), 0.0)
                    for a, b in frame_edges(frames))
                for p, q in pairwise(points)), default=0.0)


def test_supporter_line_under_the_lower_household_keeps_off_its_frame() -> None:
    """In the bench's 40-agent network of seed 0, Steun 35's line to Persoon 8 ran 88
    units 8 units beneath the lower household's frame before climbing into it: now no
    segment of it runs within ``FRAME_NEAR`` of a frame over ``FRAME_RUN`` units."""
    lay = layout_systemogram(network(0, 12, 40))
    frames = [h.frame for h in lay.households]
    (line,) = [pts for src, tgt, pts in routed_ends(lay.links, lay.people)
               if (src, tgt) == ("s35", "p8")]
    assert _run_along(list(line), frames) <= FRAME_RUN


def test_a_bundle_beneath_the_frame_moves_off_it_together() -> None:
    """Two lines of one card run beneath the frame's bottom edge, 7 and 15 units below
    it, the nearer as far as the household's far end: alone the nearer cannot move off
    the frame (every step lands on its neighbour or beyond it), together they move,
    keeping their spacing and their order, the nearer out of ``FRAME_NEAR``."""
    near: list[Point] = [(300.0, -40.0), (290.0, -40.0), (210.0, 78.0), (-10.0, 78.0),
                         (-30.0, 40.0)]
    far: list[Point] = [(300.0, -30.0), (290.0, -30.0), (222.0, 86.0), (120.0, 86.0),
                        (110.0, 120.0)]
    paths = [list(near), list(far)]
    ends = [("a", "z"), ("a", "y")]
    args = (_router(), paths, ends, [1.5, 1.5], [["a", "z"], ["a", "y"]], [2, 2], [1, 1],
            [FRAME_BOX])
    stayed: list[Run] = []
    assert off_frames(*args, stayed) == 0
    assert [(i, k) for _, i, k, _ in stayed] == [(0, 2)]
    assert bundle_of(paths, ends, 0, 2, stayed[0][3], [2, 2], [1, 1]) == [(0, 2), (1, 2)]
    assert bundles_off_frames(*args, stayed) == 1
    edges = frame_edges([FRAME_BOX])
    assert along_frames(paths[0], edges) <= FRAME_RUN
    gap = paths[1][2][1] - paths[0][2][1]
    assert abs(gap - (far[2][1] - near[2][1])) < 1e-6
    assert paths[0][:2] == near[:2] and paths[0][-1] == near[-1]


def test_professional_13s_bundle_keeps_off_the_upper_frame() -> None:
    """In the bench's 40-agent network of seed 0, Professional 13's lines to Persoon 3
    and Persoon 5 left the card side by side and ran beneath the upper household's frame,
    the line to Persoon 3 183 units 8 units below it: now neither runs within
    ``FRAME_NEAR`` of a frame over ``FRAME_RUN`` units, and the line to Persoon 3 still
    runs nearer the frame than the line to Persoon 5 where both pass beneath it."""
    lay = layout_systemogram(network(0, 12, 40))
    frames = [h.frame for h in lay.households]
    lines = {tgt: list(pts) for src, tgt, pts in routed_ends(lay.links, lay.people)
             if src == "a13"}
    for target in ("p3", "p5"):
        assert _run_along(lines[target], frames) <= FRAME_RUN
    below = frames[0].bottom
    low3 = min(y for _, y in lines["p3"] if y > below)
    low5 = min(y for _, y in lines["p5"] if y > below)
    assert low3 < low5


def test_professional_38s_slant_and_18s_line_keep_off_the_upper_frame() -> None:
    """In the bench's 40-agent network of seed 0, Professional 38's line to Persoon 0,
    slanted off the upper household's frame from its card's end, still ran within
    ``FRAME_NEAR`` of it over its last 48 units, with Professional 18's line to Persoon 1
    beside it: now they move together, Professional 38's line keeps out of the frame's
    reach, and the two make no band."""
    lay = layout_systemogram(network(0, 12, 40))
    frames = [h.frame for h in lay.households]
    lines = {(src, tgt): list(pts) for src, tgt, pts in routed_ends(lay.links, lay.people)}
    over = lines[("a38", "p0")]
    assert _run_along(over, frames) == 0.0
    beside = lines[("a18", "p1")]
    gap = BAND_GAP + 3.0  # the double line's and the plain line's half widths, rounded up
    assert sum(close_length(p, q, c, d, gap, (), CLOSE_END) for p, q in pairwise(over)
               for c, d in pairwise(beside)) <= BAND_RUN


def test_away_from_a_frame_is_judged_by_the_edge_not_the_segment() -> None:
    """A segment 5 degrees off the frame's long bottom edge, beneath it, its middle 100
    units from the edge's first corner and 8 below the edge: its own normal laid from that
    corner points at the frame, the edge's normal away from it (down)."""
    edge = frame_edges([FRAME_BOX])[2]  # the bottom edge, from its right corner
    assert edge == ((200.0, 71.0), (0.0, 71.0))
    nx, ny = away_from((20.0, 86.0), (180.0, 72.0), edge)
    assert ny > 0.99 and abs(nx) < 0.1
    nx, ny = away_from((180.0, 72.0), (20.0, 86.0), edge)  # either way along the segment
    assert ny > 0.99 and abs(nx) < 0.1


def test_a_segment_slanted_off_a_long_edge_moves_away_from_the_frame() -> None:
    """A line beneath the frame's bottom edge on a segment 5 degrees off it, 14 units
    below at its left end and 1 at its right, runs within ``FRAME_NEAR`` of the edge for
    126 units: it moves down, out of the frame's reach (judged from the edge's first
    corner along its own normal the way off pointed up, into the frame, and it stayed)."""
    path: list[Point] = [(-80.0, 60.0), (-70.0, 60.0), (20.0, 86.0), (180.0, 72.0),
                         (250.0, 72.0)]
    edges = frame_edges([FRAME_BOX])
    assert along_frames(path[2:4], edges) > FRAME_RUN
    paths = [list(path)]
    moved = off_frames(_router(), paths, [("a", "z")], [1.5], [["a", "z"]], [2], [1],
                       [FRAME_BOX])
    assert moved == 1
    new = paths[0]
    assert along_frames(new[2:4], edges) <= FRAME_RUN
    assert all(q[1] >= p[1] for p, q in zip(path[2:4], new[2:4], strict=True))
    assert new[:2] == path[:2] and new[-1] == path[-1]


def test_a_line_moved_off_a_frame_puts_no_bend_on_its_own_agents_line() -> None:
    """A line 8 units beneath the frame's bottom edge, and a line of the same card coming
    up to 1 unit below where the first one's bend lands when it moves 8 units down: the
    first moves off the frame, but no bend of it lies within ``BEND_GAP`` of the other
    without crossing it (the two would read as one line meeting the other there)."""
    path: list[Point] = [(-80.0, 60.0), (-70.0, 60.0), (-10.0, 79.0), (210.0, 79.0),
                         (240.0, 60.0)]
    fellow: list[Point] = [(-12.5, 250.0), (-12.5, 88.0)]
    paths = [list(path), list(fellow)]
    moved = off_frames(_router(), paths, [("a", "z"), ("a", "y")], [1.5, 1.5],
                       [["a", "z"], ["a", "y"]], [2, 1], [1, 1], [FRAME_BOX])
    assert moved == 1
    new = paths[0]
    assert along_frames(new, frame_edges([FRAME_BOX])) <= FRAME_RUN
    for p, q, r in zip(new, new[1:], new[2:], strict=False):
        near = segment_distance(q, *fellow) < BEND_GAP
        assert not near or segments_cross(p, q, *fellow) or segments_cross(q, r, *fellow)


def test_professional_22s_line_keeps_off_the_lower_frame() -> None:
    """In the bench's 40-agent network of seed 6, Professional 22's line to Persoon 6 ran
    beneath the lower household's frame, 86 units within ``FRAME_NEAR`` of it on a segment
    a few degrees off its edge (the way off was judged to point at the frame): now no
    segment of it runs within ``FRAME_NEAR`` of a frame over ``FRAME_RUN`` units."""
    lay = layout_systemogram(network(6, 12, 40))
    frames = [h.frame for h in lay.households]
    (line,) = [pts for src, tgt, pts in routed_ends(lay.links, lay.people)
               if (src, tgt) == ("a22", "p6")]
    assert _run_along(list(line), frames) <= FRAME_RUN
