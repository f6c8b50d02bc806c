"""No line bends on another line: such a corner reads as a fork."""

from __future__ import annotations

import math
from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_corners import corners_off_lines, corners_on_lines
from systeemkaart.layout.systemogram_fan import FAN_RADIUS
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_tracks import extent
from systeemkaart.model import Case

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
    lay = layout_systemogram(case)
    lines = routed_ends(lay.links, lay.people)
    paths = [list(pts) for _, _, pts in lines]
    ends = [(src, tgt) for src, tgt, _ in lines]
    kept = []
    for _, tgt, pts in lines:
        n = 1
        if tgt in lay.people:
            centre = (lay.people[tgt].x, lay.people[tgt].y)
            while n < len(pts) - 1 and math.dist(pts[-n - 1], centre) <= FAN_RADIUS + 1:
                n += 1
        kept.append(n)
    widths = [extent(lk) for lk in lay.links]
    return [(ends[i], paths[i][k], ends[j])
            for i, k, j in corners_on_lines(paths, ends, widths, kept)]


def test_lines_into_the_parents_do_not_fork() -> None:
    """In huisarts-steunfiguren the truant officer's lines into Hans and Yvonne came in
    side by side and turned, 80 units before them, on the lines of the church (the green
    dashed membership line and the youth leader's line to Jesse): the spot read as a
    fork. No corner of the officer's lines lies on another agent's line now."""
    found = [(line, other)
             for line, _, other in _corners_at(load(EXAMPLES / "huisarts-steunfiguren.yaml"))
             if line[0] == "lpa" and other[0] != "lpa"]
    assert found == []

