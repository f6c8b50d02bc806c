"""Strands: parallel lines whose strokes lie too close to follow, the measure and the pass
that gives them room."""

from __future__ import annotations

import pytest
from bench.bench_systemogram import network

from systeemkaart.layout import Point
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_corridor import extent
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_route import Router
from systeemkaart.layout.systemogram_strand_room import strand_room, widen_strands
from systeemkaart.layout.systemogram_strands import least_clear, strand_runs, strands

DOUBLE = 3.68
"""How wide an over line of 1.8 units is drawn across: two strokes and the gap between."""


def _pair(apart: float, turn: float = 0.0) -> list[tuple[str, str, list[Point]]]:
    """Two lines of different agents 200 units long, ``apart`` units between their
    middles, the second turned up by ``turn`` units over its length."""
    return [("a", "p", [(0.0, 0.0), (200.0, 0.0)]),
            ("b", "q", [(0.0, apart), (200.0, apart + turn)])]


def test_two_double_lines_five_apart_are_a_strand() -> None:
    # 5 units between the middles of two double lines leaves 1.32 clear between strokes
    runs = strand_runs(_pair(5.0), [DOUBLE, DOUBLE])
    assert runs == {(0, 1): pytest.approx(200.0)}


def test_two_double_lines_eight_apart_are_not() -> None:
    # 4.32 clear: more than the 3 units a strand leaves
    assert strand_runs(_pair(8.0), [DOUBLE, DOUBLE]) == {}


def test_two_hairlines_five_apart_are_not() -> None:
    # the same middles, hairline strokes: 4.9 clear
    assert strand_runs(_pair(5.0), [0.1, 0.1]) == {}


def test_lines_ten_degrees_apart_are_not_strands() -> None:
    # they cross at a slant, not side by side
    assert strand_runs(_pair(-15.0, 35.3), [DOUBLE, DOUBLE]) == {}


def test_least_clear_is_the_space_between_the_strokes() -> None:
    lines = _pair(5.0)
    assert least_clear(lines[0][2], lines[1][2], (DOUBLE, DOUBLE)) == pytest.approx(1.32,
                                                                                   abs=0.01)


def test_a_strand_of_two_double_lines_is_given_room() -> None:
    # two double lines of different agents 2.32 units clear over 200 units: the middle
    # segment of one moves off the other until the room of two double lines is clear
    paths: list[list[Point]] = [
        [(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (220.0, 0.0), (230.0, 0.0), (240.0, 0.0)],
        [(0.0, 6.0), (10.0, 6.0), (20.0, 6.0), (220.0, 6.0), (230.0, 6.0), (240.0, 6.0)]]
    moved = widen_strands(Router([]), paths, [("a", "p"), ("b", "q")], [DOUBLE, DOUBLE],
                          [[], []], [2, 2], [2, 2], [True, True])
    assert moved == 1
    assert least_clear(paths[0][1:5], paths[1][1:5], (DOUBLE, DOUBLE)) \
        >= strand_room(DOUBLE, DOUBLE) - 1e-6


def test_a_zigzag_line_is_not_moved() -> None:
    # a line not drawn as a plain stroke keeps its way: its pattern swings out
    paths: list[list[Point]] = [
        [(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (220.0, 0.0), (230.0, 0.0), (240.0, 0.0)],
        [(0.0, 6.0), (10.0, 6.0), (20.0, 6.0), (220.0, 6.0), (230.0, 6.0), (240.0, 6.0)]]
    before = [list(p) for p in paths]
    assert widen_strands(Router([]), paths, [("a", "p"), ("b", "q")], [DOUBLE, DOUBLE],
                         [[], []], [2, 2], [2, 2], [False, False]) == 0
    assert paths == before


def test_seed_one_professionals_30_and_32_into_persoon_8_run_apart() -> None:
    # in the bench's 40-agent network of seed 1 the lines of Professional 30 and 32 into
    # Persoon 8 ran 44 units with their strokes under a unit apart; now 3 units clear
    lay = layout_systemogram(network(1, 12, 40))
    lines = routed_ends(lay.links, lay.people)
    found = {(src, tgt): k for k, (src, tgt, _) in enumerate(lines)}
    i, j = found[("a30", "p8")], found[("a32", "p8")]
    widths = (extent(lay.links[i]), extent(lay.links[j]))
    assert least_clear(lines[i][2], lines[j][2], widths, [lines[i][2][-1]]) >= 3.0
    assert (min(i, j), max(i, j)) not in strands(lay.links, lay.people)
