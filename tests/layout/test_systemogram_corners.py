"""No line bends on another line: such a corner reads as a fork."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from bench.bench_systemogram import network

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point, systemogram_corners
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_corners import corners_off_lines, corners_on_lines
from systeemkaart.layout.systemogram_nudge import CROWDED
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.model import Case
from tests.layout.systemogram_drawn import drawn_lines, fan_points

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PERSON = PersonPlace(id="p", x=0.0, y=0.0, box=Box(-15.0, -15.0, 30.0, 45.0), lines=(),
                     household=None)
ENDS = [("a1", "p"), ("a2", "q")]
WIDTHS = [1.5, 1.5]


def _fork() -> list[list[Point]]:
    """A line coming up from below that turns towards the person 2 units above a
    straight line of another agent running from right to left (its fan the last two
    points), and that other line."""
    turning: list[Point] = [(-60.0, 120.0), (-50.0, 52.0), (-20.0, 20.0), (-12.0, 12.0)]
    straight: list[Point] = [(100.0, 50.0), (-150.0, 50.0)]
    return [turning, straight]


def test_a_corner_on_another_line_is_listed() -> None:
    """The turn 2 units from the other line is a corner on it; 20 units lower, or where
    the other line turns beside it (nearly parallel to both its segments), it is not."""
    paths = _fork()
    assert corners_on_lines(paths, ENDS, WIDTHS, [2, 1]) == [(0, 1, 1)]
    lower = [[(x, y + 20.0) if k == 1 else (x, y) for k, (x, y) in enumerate(paths[0])],
             paths[1]]
    assert corners_on_lines(lower, ENDS, WIDTHS, [2, 1]) == []
    beside = [paths[0], [(-62.0, 122.0), (-52.0, 55.0), (-22.0, 23.0)]]
    assert corners_on_lines(beside, ENDS, WIDTHS, [2, 1]) == []


def test_corner_slides_off_the_other_line() -> None:
    """The corner slides along its own segment off the other line, its line's start and
    fan staying; the line crosses the other line as often as before (once)."""
    paths = _fork()
    router = Router([Obstacle("p", PERSON.box)])
    moved = corners_off_lines(router, paths, ENDS, WIDTHS, [["a1", "p"], ["a2", "q"]],
                              [1, 1], [2, 1], {"p": PERSON})
    assert moved == 1
    assert corners_on_lines(paths, ENDS, WIDTHS, [2, 1]) == []
    assert paths[0][0] == (-60.0, 120.0) and paths[0][-2:] == [(-20.0, 20.0), (-12.0, 12.0)]
    assert abs(paths[0][1][1] - 50.0) > 4.0


def _corners_at(case: Case) -> list[tuple[tuple[str, str], Point, tuple[str, str]]]:
    """The corners on lines of ``case``'s systemogram: (line, corner, the other line)."""
    return _corners_of(layout_systemogram(case))


def _corners_of(lay: SystemogramLayout) -> list[tuple[tuple[str, str], Point, tuple[str, str]]]:
    """The corners on lines of the systemogram ``lay``: (line, corner, the other line)."""
    paths, ends, widths = drawn_lines(lay)
    return [(ends[i], paths[i][k], ends[j])
            for i, k, j in corners_on_lines(paths, ends, widths, fan_points(lay, paths, ends))]


def test_lines_into_the_parents_do_not_fork() -> None:
    """In huisarts-steunfiguren the truant officer's lines into Hans and Yvonne came in
    side by side and turned, 80 units before them, on the lines of the church (the green
    dashed membership line and the youth leader's line to Jesse): the spot read as a
    fork. No corner of the officer's lines lies on another agent's line now."""
    found = [(line, other)
             for line, _, other in _corners_at(load(EXAMPLES / "huisarts-steunfiguren.yaml"))
             if line[0] == "lpa" and other[0] != "lpa"]
    assert found == []



def test_a_crowded_line_turns_into_its_arrow_off_other_lines() -> None:
    """In the 40-agent network of seed 0 (58 lines: a crowded drawing) Professional 0's
    line from below turned into its arrow 80 units below Persoon 9 right between
    Professional 18's two lines: three lines met in one spot and read as a fork. No
    corner of it within 100 units of her lies on another agent's line now."""
    lay = layout_systemogram(network(0, 12, 40))
    her = lay.people["p9"]
    found = [(corner, other) for line, corner, other in _corners_of(lay)
             if line == ("a0", "p9") and other[0] != "a0"
             and math.dist(corner, (her.x, her.y)) <= 100.0]
    assert len(lay.links) > CROWDED
    assert found == []


def _crowded_forks() -> tuple[list[list[Point]], list[tuple[str, str]], list[int]]:
    """Two lines into the person turning 2 units above another agent's straight line,
    one 72 units from her and one 86, and 40 short lines far off, each of another agent
    (a crowded drawing); the lines and their (agent, target) and fans."""
    near: list[Point] = [(-60.0, 120.0), (-50.0, 52.0), (-20.0, 20.0), (-12.0, 12.0)]
    far: list[Point] = [(80.0, 120.0), (70.0, 52.0), (28.0, 20.0), (12.0, 12.0)]
    straight: list[Point] = [(150.0, 50.0), (-150.0, 50.0)]
    others: list[list[Point]] = [[(1000.0 + 10 * n, 0.0), (1000.0 + 10 * n, 100.0)]
                                 for n in range(CROWDED)]
    ends = [("a1", "p"), ("a2", "q"), ("a3", "p")] + [(f"f{n}", "z") for n in range(CROWDED)]
    return [near, straight, far, *others], ends, [2, 1, 2] + [1] * CROWDED


def test_a_crowded_drawing_slides_the_corners_nearest_its_arrowheads_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """In a drawing of over ``CROWDED`` lines at most ``CROWDED_CORNERS`` corners get
    the full tests, the last corners before the arrowheads nearest their persons first:
    with room for one, the corner 72 units from the person slides and the one 86 units
    from her stays; with room for two, both slide."""
    router = Router([Obstacle("p", PERSON.box)])
    for room, slid in ((1, [True, False]), (2, [True, True])):
        paths, ends, kept = _crowded_forks()
        before = [list(path) for path in paths]
        monkeypatch.setattr(systemogram_corners, "CROWDED_CORNERS", room, raising=False)
        moved = corners_off_lines(router, paths, ends, [1.5] * len(paths),
                                  [list(pair) for pair in ends], [1] * len(paths), kept,
                                  {"p": PERSON})
        assert moved == room
        assert [paths[i] != before[i] for i in (0, 2)] == slid
        assert paths[1:2] + paths[3:] == before[1:2] + before[3:]
