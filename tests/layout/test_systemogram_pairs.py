"""Lines that read as their own: double lines of one agent leave it apart, no line doubles
back on itself, and no line out of a card runs back under the row it left."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_hooks import drop_reversals, reversals
from systeemkaart.layout.systemogram_leave import PAIR_SPACING, is_double
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.model import Case

from ..strategies import helper_networks

EXAMPLES = sorted(Path("examples").glob("*.yaml"))


def _rows(lay: SystemogramLayout) -> dict[str, tuple[Box, Box]]:
    """Each agent drawn as a row of a card: its row and the card's frame."""
    frames = {c.id: c.frame for c in lay.cards}
    out = {}
    for aid, agent in lay.agents.items():
        card = frames.get(agent.card or "")
        if card is not None and card.h > agent.box.h + 0.5:
            out[aid] = (agent.box, card)
    return out


def _double_starts(lay: SystemogramLayout) -> dict[tuple[str, bool], list[tuple[float, float]]]:
    """Where the double lines of each card row start, by the side of the card's middle
    their other ends lie on."""
    rows = _rows(lay)
    out: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for lk, (src, tgt, pts) in zip(lay.links, routed_ends(lay.links, lay.people),
                                   strict=True):
        if src not in rows or not is_double(lk):
            continue
        goal = (lay.people[tgt].x if tgt in lay.people else lay.agents[tgt].box.cx)
        out.setdefault((src, goal <= rows[src][1].cx), []).append(pts[0])
    return out


def _assert_double_lines_leave_apart(lay: SystemogramLayout) -> None:
    for key, starts in _double_starts(lay).items():
        for i, a in enumerate(starts):
            for b in starts[i + 1:]:
                assert math.dist(a, b) > 1.0, (key, a, b)


@pytest.mark.parametrize("name", ["huisarts-steunfiguren", "mdo-weglopen"])
def test_an_agents_double_lines_leave_its_card_a_pair_apart(name: str) -> None:
    """The Leerplichtambtenaar's two deciding lines (to Hans and Yvonne; to the parents)
    left the card at one point and lay on each other: four even strokes no reader can
    pair. To one side or to both, they now start at least a pair's spacing apart."""
    lay = layout_systemogram(load(Path(f"examples/{name}.yaml")))
    starts = [pt for (src, _), pts in _double_starts(lay).items() if src == "lpa"
              for pt in pts]
    assert len(starts) == 2
    assert math.dist(*starts) >= PAIR_SPACING - 1e-6


@given(helper_networks(min_agents=2, max_agents=30))
def test_generated_double_lines_of_one_agent_never_leave_from_one_point(case: Case) -> None:
    _assert_double_lines_leave_apart(layout_systemogram(case))


@pytest.mark.parametrize(("path", "hooks"), [
    ([(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)], []),
    ([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], []),  # a right angle is a bend, not a hook
    ([(0.0, 0.0), (10.0, 0.0), (7.0, 0.5), (7.0, -30.0)], [1]),
    ([(0.0, 0.0), (10.0, 0.0), (0.0, 1.0), (10.0, 2.0)], [1, 2]),
])
def test_reversals_are_the_bends_that_double_back(path: list[tuple[float, float]],
                                                  hooks: list[int]) -> None:
    assert reversals(path) == hooks


def test_a_hook_is_dropped_where_the_way_past_it_is_clear() -> None:
    """A stub out of a card that runs past the bend its line takes, and back, is cut to
    the bend; a hook whose shortcut would pass through a box stays."""
    clear = [[(0.0, 0.0), (10.0, 0.0), (7.0, 0.5), (7.0, -30.0)]]
    router = Router([Obstacle("box", Box(20.0, -40.0, 10.0, 10.0))])
    assert drop_reversals(router, clear, [("a", "b")], [["a", "b"]]) == 1
    assert clear == [[(0.0, 0.0), (7.0, 0.5), (7.0, -30.0)]]
    # the hook goes round a box: the shortcut would cut through it
    hooked = [[(0.0, 0.0), (40.0, 0.0), (0.0, 4.0), (0.0, 40.0)]]
    boxed = Router([Obstacle("box", Box(-5.0, 1.5, 10.0, 1.0))])
    assert drop_reversals(boxed, hooked, [("a", "b")], [["a", "b"]]) == 0
    assert len(hooked[0]) == 4


def _assert_no_hooks(lay: SystemogramLayout) -> None:
    for lk in lay.links:
        assert reversals(lk.points) == [], lk


def _assert_not_back_under(lay: SystemogramLayout) -> None:
    """No line out of a card row runs back under the row past its middle (it would seem to
    leave from the card's other side); cutting a corner of the row may happen."""
    rows = _rows(lay)
    for src, _, pts in routed_ends(lay.links, lay.people):
        if src in rows:
            row = rows[src][0]
            middle = Box(row.cx - 0.5, row.y, 1.0, row.h)
            assert not any(segment_hits_box(a, b, middle) for a, b in pairwise(pts[1:])), \
                (src, pts)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_lines_never_double_back_nor_run_under_their_own_row(path: Path) -> None:
    lay = layout_systemogram(load(path))
    _assert_no_hooks(lay)
    _assert_not_back_under(lay)


@given(helper_networks(min_agents=2, max_agents=30))
def test_generated_lines_never_run_back_under_their_own_row(case: Case) -> None:
    """(A hook whose shortcut would pass a box or cross a line stays: generated networks
    still have a few, so hooks are checked on the examples and counted in the bench.)"""
    _assert_not_back_under(layout_systemogram(case))
