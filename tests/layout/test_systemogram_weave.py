"""Lines of the rows of one card that weave over each other near it, and their repair."""

from __future__ import annotations

from bench.bench_systemogram import network

from systeemkaart.layout import Box, Point
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_weave import card_of, unweave, weaves
from tests.layout.systemogram_drawn import drawn_lines

CARD = Box(0.0, -21.75, 100.0, 89.01)
"""A card of an organisation (its header row) and two professionals below."""
UPPER = Box(0.0, 0.0, 100.0, 33.63)
LOWER = Box(0.0, 33.63, 100.0, 33.63)


def _card_lines() -> tuple[list[list[Point]], list[tuple[str, str]]]:
    """Two rows' lines out of the card's right side into one person far above: the
    lower row's runs up past the end of the upper row's stub, left of the upper row's
    line, and then across it into the right port."""
    upper = [(100.0, 16.8), (110.0, 16.8), (116.0, -60.0), (120.0, -150.0),
             (140.0, -190.0)]
    lower = [(100.0, 50.4), (110.0, 50.4), (110.5, -60.0), (130.0, -150.0),
             (160.0, -190.0)]
    return [upper, lower], [("upper", "p"), ("lower", "p")]


def test_weaves_finds_rows_crossing_and_passing_a_stub_end() -> None:
    """The two rows' lines of the card are found (they cross, and the lower row's passes
    the end of the upper row's stub); the same lines of agents on two cards, or drawn
    alone, are not."""
    paths, ends = _card_lines()
    assert [(i, j) for _, i, j in weaves(paths, ends, [1.8, 1.8], ["o", "o"])] == [(0, 1)]
    assert weaves(paths, ends, [1.8, 1.8], ["o", "o2"]) == []
    assert weaves(paths, ends, [1.8, 1.8], [None, None]) == []
    apart = [paths[0], [(100.0, 50.4), (110.0, 50.4), (150.0, -60.0), (170.0, -190.0)]]
    assert weaves(apart, ends, [1.8, 1.8], ["o", "o"]) == []


def test_unweave_nests_two_rows_lines_into_one_person() -> None:
    """After the repair the two rows' lines neither cross near the card nor pass a stub
    end; each still starts at its own row and ends at a port of the person."""
    paths, ends = _card_lines()
    router = Router([Obstacle("o", Box(0.0, -21.75, 100.0, 21.75)),
                     Obstacle("upper", UPPER), Obstacle("lower", LOWER)])
    agents = {"upper": UPPER, "lower": LOWER}
    cards: dict[str, Box | None] = {"upper": CARD, "lower": CARD}
    assert card_of(agents, cards, "upper") == card_of(agents, cards, "lower") is not None
    ports = {paths[0][-1], paths[1][-1]}
    kept = [1, 1]
    moved = unweave(router, paths, ends, [1.8, 1.8], [["upper", "p"], ["lower", "p"]],
                    [2, 2], kept, agents, cards, {}, [])
    assert moved > 0
    assert weaves(paths, ends, [1.8, 1.8], ["o", "o"]) == []
    assert paths[0][:2] == [(100.0, 16.8), (110.0, 16.8)]
    assert paths[1][:2] == [(100.0, 50.4), (110.0, 50.4)]
    assert {paths[0][-1], paths[1][-1]} == ports


def test_seed_0_organisatie_4s_rows_no_longer_weave() -> None:
    """In the 40-agent network of seed 0 (a crowded drawing) Professional 5's and
    Professional 4's lines to Persoon 8 leave rows of Organisatie 4 one above the other.
    Professional 4's ran up past the end of Professional 5's stub and the two crossed
    twice near the card, so which row's line was which could not be told; now they
    neither cross near the card nor pass a stub end."""
    lay = layout_systemogram(network(0, 12, 40))
    paths, ends, widths = drawn_lines(lay)
    pair = [k for k, end in enumerate(ends) if end in (("a4", "p8"), ("a5", "p8"))]
    assert len(pair) == 2
    assert {lay.agents[ends[k][0]].card for k in pair} == {"o4"}
    found = weaves([paths[k] for k in pair], [ends[k] for k in pair],
                   [widths[k] for k in pair], ["o4", "o4"])
    assert found == []
