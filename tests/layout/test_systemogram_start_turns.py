"""No line turns at the end of another agent's start: the two would meet in one corner."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_start_turns import turns_cleared
from systeemkaart.layout.systemogram_stubs import end_of_start, turns, turns_at_starts
from systeemkaart.model import case_at
from systeemkaart.render.systemogram import kept_professionals
from tests.layout.systemogram_drawn import drawn_lines, first_points

PERSON = PersonPlace(id="p", x=60.0, y=120.0, box=Box(45.0, 105.0, 30.0, 45.0), lines=(),
                     household=None)
WIDTHS = [3.7, 1.5]
ENDS = [("a1", "q"), ("a2", "p")]
ROW = Box(-100.0, -8.0, 80.0, 16.0)
"""A card row whose line leaves by a stub from its right side at y = 0, x -20 to -10."""
CONTEXT = Box(-3.0, -80.0, 40.0, 76.0)
"""A box above the stub's end, right of the card: a gap of 17 units between them."""


def _turned_at_stub() -> list[list[Point]]:
    """A double line leaving the card row by its stub (to the right) and a line of
    another agent coming down the gap between the card and the box and turning 1.8 units
    beside the stub's end towards the person: it reads as leaving from the stub."""
    stubbed: list[Point] = [(-20.0, 0.0), (-10.0, 0.0), (150.0, 20.0)]
    passing: list[Point] = [(-11.5, -150.0), (-11.5, -1.0), (50.0, 105.0), (58.0, 112.0)]
    return [stubbed, passing]


def _crossings(a: list[Point], b: list[Point]) -> int:
    """How often the lines ``a`` and ``b`` cross."""
    return sum(segments_cross(p, q, c, d) for p, q in pairwise(a) for c, d in pairwise(b))


def test_a_turn_at_a_stub_end_is_listed() -> None:
    """The bend 1.8 units from the stub's end is listed (its line, the passing line and
    the bend's index); a line of the same agent, or one ending at the stub's agent, or
    the bend 20 units lower, or a line crossing the stub straight, is not."""
    paths = _turned_at_stub()
    assert end_of_start(paths[0], 2) == (-10.0, 0.0)
    assert end_of_start(paths[1], 1) == (-11.5, -150.0)
    assert turns(paths[1]) == [1, 2]
    assert turns_at_starts(paths, ENDS, WIDTHS, [2, 1]) == [(0, 1, 1)]
    assert turns_at_starts(paths, [("a1", "q"), ("a1", "p")], WIDTHS, [2, 1]) == []
    assert turns_at_starts(paths, [("a1", "q"), ("a2", "a1")], WIDTHS, [2, 1]) == []
    lower = [paths[0], [(-11.5, -150.0), (-11.5, 19.0), (50.0, 105.0), (58.0, 112.0)]]
    assert turns_at_starts(lower, ENDS, WIDTHS, [2, 1]) == []
    across = [paths[0], [(-11.5, -150.0), (-11.5, 150.0)]]
    assert turns_at_starts(across, ENDS, WIDTHS, [2, 1]) == []


def test_a_line_turning_at_a_stub_end_crosses_it_and_turns_past_it() -> None:
    """The passing line cannot turn above the stub (the box beside the gap is in the
    way): it comes on straight down across the stub and turns past its end, where no
    start ends; its ends stay, the stubbed line stays and the two cross no more often."""
    paths = _turned_at_stub()
    router = Router([Obstacle("a1", ROW), Obstacle("c", CONTEXT), Obstacle("p", PERSON.box)])
    moved = turns_cleared(router, paths, ENDS, WIDTHS, [["a1", "q"], ["a2", "p"]], [2, 1],
                          [1, 1], {"p": PERSON})
    assert moved == 1
    assert turns_at_starts(paths, ENDS, WIDTHS, [2, 1]) == []
    bend = paths[1][1]
    assert math.isclose(bend[0], -11.5) and bend[1] > 0.0
    assert paths[1][0] == (-11.5, -150.0) and paths[1][2:] == _turned_at_stub()[1][2:]
    assert paths[0] == _turned_at_stub()[0]
    assert _crossings(*paths) <= _crossings(*_turned_at_stub())


def test_the_youth_workers_line_turns_off_the_attendance_officers_stub() -> None:
    """In mdo-weglopen the youth worker's thick line to Daan ran along the school
    attendance officer's long stub and turned 4.9 units from its end, where the double
    line to Marieke turns up: the two met in one corner. No line of the drawing turns at
    another agent's start's end now, in either language."""
    case = load(Path(__file__).resolve().parents[2] / "examples" / "mdo-weglopen.yaml")
    at = case.as_of()
    now = case_at(case, at)
    for lang in ("nl", "en"):
        lay = layout_systemogram(now, at, lang=lang, keep=kept_professionals(now, at))
        paths, ends, widths = drawn_lines(lay)
        firsts = first_points(lay, ends)
        assert ("brug-rob", "daan") in ends
        assert turns_at_starts(paths, ends, widths, firsts) == []
