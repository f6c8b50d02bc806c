"""No line of another agent through the start of a line: it would read as leaving there."""

from __future__ import annotations

import math
import sys
from itertools import pairwise
from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_places import SystemogramLayout
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_stubs import lines_at_starts, start_of, stretch_gap
from systeemkaart.layout.systemogram_stubs_clear import starts_cleared
from systeemkaart.model import case_at
from systeemkaart.render.systemogram import kept_professionals
from tests.layout.systemogram_drawn import drawn_lines, first_points

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.bench_systemogram import network

CARD = Box(-100.0, -20.0, 80.0, 40.0)
"""A card whose row leaves by a stub from its right side at y = 0, x -20 to -10."""
PERSON = PersonPlace(id="p", x=60.0, y=120.0, box=Box(45.0, 105.0, 30.0, 45.0), lines=(),
                     household=None)
WIDTHS = [3.7, 1.5]


def _bent_at_stub() -> list[list[Point]]:
    """A double line leaving the card by its stub (to the person) and a line of another
    agent coming down 1.5 units right of the card's stub end and bending there towards
    the person: it reads as leaving from the stub."""
    stubbed: list[Point] = [(-20.0, 0.0), (-10.0, 0.0), (40.0, 100.0), (55.0, 110.0)]
    passing: list[Point] = [(-8.5, -150.0), (-8.5, 0.5), (50.0, 105.0), (58.0, 112.0)]
    return [stubbed, passing]


def test_a_line_bending_at_a_stub_end_is_listed() -> None:
    """The line bending 1.5 units beside the stub's end is at the start; the same line of
    the same agent, or 20 units farther right, or one ending at the stub's agent, is not;
    a line crossing the stub is."""
    paths = _bent_at_stub()
    ends = [("a1", "p"), ("a2", "p")]
    assert lines_at_starts(paths, ends, WIDTHS, [2, 1]) == [(0, 1)]
    assert lines_at_starts(paths, [("a1", "p"), ("a1", "p")], WIDTHS, [2, 1]) == []
    assert lines_at_starts(paths, [("a1", "p"), ("a2", "a1")], WIDTHS, [2, 1]) == []
    farther = [paths[0], [(x + 20.0, y) for x, y in paths[1]]]
    assert lines_at_starts(farther, ends, WIDTHS, [2, 1]) == []
    across = [paths[0], [(-15.0, -80.0), (-15.0, 80.0)]]
    assert lines_at_starts(across, ends, WIDTHS, [2, 1]) == [(0, 1)]


def test_the_start_is_the_stub_or_the_first_stretch() -> None:
    """A card's stub is the start however long; a line out of a box starts with its
    first 10 units; two segments apart by 3 units are 3 apart, crossing ones 0."""
    assert start_of([(0.0, 0.0), (25.0, 0.0), (25.0, 50.0)], 2) == ((0.0, 0.0), (25.0, 0.0))
    assert start_of([(0.0, 0.0), (0.0, 40.0)], 1) == ((0.0, 0.0), (0.0, 10.0))
    assert math.isclose(stretch_gap((0.0, 0.0), (10.0, 0.0), (13.0, -5.0), (13.0, 5.0)), 3.0)
    assert stretch_gap((0.0, 0.0), (10.0, 0.0), (5.0, -5.0), (5.0, 5.0)) == 0.0


def test_a_line_at_a_stub_moves_off_it() -> None:
    """The passing line moves off the stub (its start and its last point staying), and
    no longer crosses the stubbed line more often than before."""
    paths = _bent_at_stub()
    ends = [("a1", "p"), ("a2", "p")]
    router = Router([Obstacle("a1", Box(CARD.x, -8.0, CARD.w, 16.0)),
                     Obstacle("p", PERSON.box)])
    moved = starts_cleared(router, paths, ends, WIDTHS, [["a1", "p"], ["a2", "p"]], [2, 1],
                           [1, 1], {"p": PERSON})
    assert moved == 1
    assert lines_at_starts(paths, ends, WIDTHS, [2, 1]) == []
    assert paths[1][0] == (-8.5, -150.0) and paths[1][-1] == (58.0, 112.0)
    assert paths[0] == _bent_at_stub()[0]
    assert _crossings(*paths) <= _crossings(*_bent_at_stub())


def _crossings(a: list[Point], b: list[Point]) -> int:
    """How often the lines ``a`` and ``b`` cross."""
    return sum(segments_cross(p, q, c, d) for p, q in pairwise(a) for c, d in pairwise(b))


def _at_starts(lay: SystemogramLayout) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The lines of ``lay`` at another agent's start: (the line started, the line at it)."""
    paths, ends, widths = drawn_lines(lay)
    firsts = first_points(lay, ends)
    return [(ends[i], ends[j]) for i, j in lines_at_starts(paths, ends, widths, firsts)]


def test_the_youth_leaders_line_keeps_off_the_gp_practices_stub() -> None:
    """In huisarts-steunfiguren the youth leader's dashed line to Jesse turned 2.5 units
    beside the end of the GP practice's stub into Noor, and read as leaving from there;
    in the 10-agent bench network of seed 1 Professional 6's and 8's lines passed the
    starts of Professional 7's and 6's (3 lines at starts, now 1)."""
    case = load(Path(__file__).resolve().parents[2] / "examples" / "huisarts-steunfiguren.yaml")
    at = case.as_of()
    now = case_at(case, at)
    found = _at_starts(layout_systemogram(now, at, lang="nl",
                                          keep=kept_professionals(now, at)))
    assert (("ha", "noor"), ("kerk", "jesse")) not in found
    assert len(_at_starts(layout_systemogram(network(1, 12, 10)))) == 1



def test_professional_10s_line_turns_clear_of_professional_38s_stub() -> None:
    """In the 40-agent bench network of seed 0 Professional 10's line to Persoon 11 came
    down the gap between Organisatie 37's card and Context 36 and turned 1.7 units from
    the end of Professional 38's stub: it read as Professional 38's line. None of its
    bends now lies within 4 units of that stub's end, both strokes counted."""
    paths, ends, widths = drawn_lines(layout_systemogram(network(0, 12, 40)))
    line = ends.index(("a10", "p11"))
    stub_end = paths[ends.index(("a38", "p0"))][1]
    room = 4.0 + (widths[line] + widths[ends.index(("a38", "p0"))]) / 2
    path = paths[line]
    assert all(math.dist(path[k], stub_end) >= room for k in range(1, len(path) - 1))
    assert path[0] == (-371.71, -253.91) and path[-1] == (-288.69, 44.55)
