"""Lines into one person: their fan into its ports, and swapping ways where they cross."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point, systemogram_lines
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_bundle import untangle
from systeemkaart.layout.systemogram_fan import FAN_RADIUS, _crossing, _spiral, fan_crossings
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_ports import (
    ARROW_GAP,
    END_GAP,
    FARTHEST,
    LINE_GAP,
    PORT_ARC,
    _narrowed,
)
from systeemkaart.layout.systemogram_route import Router
from systeemkaart.model import Case
from tests.conftest import ROOT
from tests.strategies import cases, helper_networks

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _person(pid: str, x: float = 0.0, y: float = 0.0) -> PersonPlace:
    return PersonPlace(pid, x, y, Box(x - 16, y - 14, 32, 56), (), None)


def test_fan_crossings_counts_crossings_near_one_person_only() -> None:
    people = {"p": _person("p"), "q": _person("q", 500.0)}
    near = [("a", "p", [(-60.0, -10.0), (10.0, -30.0)]),
            ("b", "p", [(-60.0, -30.0), (10.0, -10.0)])]  # they cross 32 units out
    assert fan_crossings(near, people) == 1
    far = [("a", "p", [(-300.0, 0.0), (-100.0, 40.0), (0.0, -18.0)]),
           ("b", "p", [(-300.0, 40.0), (-100.0, 0.0), (0.0, -18.0)])]  # 200 units out
    assert fan_crossings(far, people) == 0
    assert fan_crossings(far, people, radius=400.0) == 1
    apart = [("a", "p", near[0][2]), ("b", "q", near[1][2])]  # into different people
    assert fan_crossings(apart, people) == 0


_turns = st.floats(-2.5, 2.5)


@given(st.floats(0.0, 2 * math.pi), _turns, _turns, st.floats(0.05, 0.6), st.floats(0.05, 0.6))
@example(1.9872572218419762, 0.5034575538818724, 1.5, 0.10657420258403058, 0.05)
def test_spiral_legs_whose_ends_are_in_one_order_never_cross(
        start: float, turn_a: float, turn_b: float, apart_in: float, apart_out: float) -> None:
    """Two legs from the circle of the fan to the ports, their starts and their ends in the
    same order round the person, do not cross: the reason the fan draws them as spirals.
    The example was found with a random seed: a leg turning 0.50 (two pieces when legs had
    a piece per ``SPIRAL_STEP`` of turn) and one turning 0.45 (then one straight piece),
    their ports 0.05 apart, crossed; every leg now has the same pieces."""
    def at(radius: float, angle: float) -> tuple[float, float]:
        return radius * math.cos(angle), radius * math.sin(angle)

    end_a = start + turn_a
    end_b = end_a + apart_out
    assume(abs(end_b - (start + apart_in)) < 2.8)  # the second leg turns less than pi too
    a = _spiral(at(FAN_RADIUS, start), at(18.0, end_a), (0.0, 0.0))
    b = _spiral(at(FAN_RADIUS, start + apart_in), at(18.0, end_b), (0.0, 0.0))
    assert not any(segments_cross(p, q, r, s) for p, q in pairwise(a) for r, s in pairwise(b))


def test_two_lines_into_one_person_that_cross_swap_ways() -> None:
    """Each keeps its own start and its way up to the crossing, ends at the person and no
    longer crosses the other; the two pass 6 units apart where they crossed."""
    people = {"p": _person("p")}
    router = Router([])
    a = [(-200.0, -100.0), (100.0, 120.0), (0.0, 0.0)]
    b = [(200.0, -100.0), (-100.0, 120.0), (0.0, 0.0)]
    paths = [list(a), list(b)]
    assert any(segments_cross(p, q, r, s) for p, q in pairwise(a) for r, s in pairwise(b))
    ends = [("x", "p"), ("y", "p")]
    done = untangle(router, paths, ends, ["p", "p"], [["x", "p"], ["y", "p"]], [1, 1], people)
    assert done == {0, 1}
    new_a, new_b = paths
    assert new_a[0] == a[0] and new_b[0] == b[0]
    assert new_a[-1] == new_b[-1] == (0.0, 0.0)
    assert not any(segments_cross(p, q, r, s)
                   for p, q in pairwise(new_a) for r, s in pairwise(new_b))
    assert math.dist(new_a[1], new_b[1]) == pytest.approx(6.0)


FAR = {"huisarts-steunfiguren": 2, "mdo-weglopen": 4}
"""Examples whose lines into one person cross each other farther than ``FAN_RADIUS`` from
it (as measured when this was written). Before the person most lines end at could stand on
top of the family block, Noor's 17 lines came up a few narrow channels as one braid:
huisarts-steunfiguren crossed 18 times there and 9 times near her (30 near her before the
fan); then 3 (lines from the mbo and the church that meet on their way in), and 2 since
crossings more than four fan radii out are swapped too."""


def _far_by_person(lay: SystemogramLayout) -> dict[str, int]:
    """How often each person's incoming lines cross each other beyond ``FAN_RADIUS``."""
    lines = routed_ends(lay.links, lay.people)
    out = {}
    for pid in lay.people:
        mine = [line for line in lines if line[1] == pid]
        out[pid] = (fan_crossings(mine, lay.people, math.inf)
                    - fan_crossings(mine, lay.people))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_crowded_networks_lines_into_one_person_seldom_cross_far_from_her(seed: int) -> None:
    """The bench's 40-agent networks (12 people in a dense family block, seeds 0-4).
    Their lines into one person used to cross each other 8, 19, 24, 10 and 12 times
    farther than ``FAN_RADIUS`` from her (Persoon 8 of seed 1: 15 times among 13 lines,
    in the block of people; of seed 2: 14 among 8, from the cards under the family):
    swaps were tried only within four fan radii, and 12 in all in a crowded drawing.
    Now every such crossing is tried, each at most once: 4, 5, 10, 0, 4, none more than 4
    into one person. Bounded with some room for changes in where boxes stand."""
    from bench.bench_systemogram import network

    far = _far_by_person(layout_systemogram(network(seed, 12, 40)))
    assert sum(far.values()) <= 12
    assert max(far.values()) <= 6, far


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_lines_into_one_person_do_not_cross_near_it(path: Path) -> None:
    lay = layout_systemogram(load(path))
    lines = routed_ends(lay.links, lay.people)
    assert fan_crossings(lines, lay.people) == 0
    far = fan_crossings(lines, lay.people, math.inf)
    assert far <= FAR.get(path.stem, 0)


def _ends_apart(lay: SystemogramLayout) -> None:
    """Any two lines into one person end at least ``END_GAP`` apart (less half a unit: a
    last leg may end about that much nearer its neighbour), as long as the port arc holds
    them so far out as ``FARTHEST`` allows."""
    ends: dict[str, list[tuple[float, float]]] = {}
    for _, target, pts in routed_ends(lay.links, lay.people):
        if target in lay.people:
            ends.setdefault(target, []).append(pts[-1])
    for pid, pts in ends.items():
        if (len(pts) - 1) * _narrowed(1.45 * LINE_GAP, FARTHEST) <= PORT_ARC:
            for i, a in enumerate(pts):
                for b in pts[i + 1:]:
                    assert math.dist(a, b) > END_GAP - 0.5, (pid, a, b)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_end_lines_apart(path: Path) -> None:
    _ends_apart(layout_systemogram(load(path)))


def _arrow_tips_apart(lay: SystemogramLayout) -> None:
    """Arrowheads into one person never stack: their tips stand more than 4 units apart
    (ports are handed out ``ARROW_GAP`` apart, but a last leg may end up to about half a
    unit nearer its neighbour) as long as the port arc holds them all at ``ARROW_GAP``."""
    tips: dict[str, list[tuple[float, float]]] = {}
    for lk in lay.links:
        if lk.kind == "involvement" and lk.target in lay.people:
            tips.setdefault(lk.target, []).append(lk.points[-1])
    for pid, pts in tips.items():
        if len(pts) - 1 <= PORT_ARC / (ARROW_GAP * 1.45):
            for i, a in enumerate(pts):
                for b in pts[i + 1:]:
                    assert math.dist(a, b) > 4.0, (pid, a, b)


@given(helper_networks(min_agents=4, max_agents=40))
def test_generated_networks_fan_into_their_people(case: Case) -> None:
    """Arrowheads into one person never stack, and line ends stand ``END_GAP`` apart. (How
    often lines into one person cross near it is measured in the bench, not bounded here:
    generated networks with people acting as contexts or supporters still reach 4
    crossings among 3 such lines.)"""
    lay = layout_systemogram(case)
    _arrow_tips_apart(lay)
    _ends_apart(lay)


def test_a_network_seed_61_found_ends_its_lines_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by ``test_generated_networks_fan_into_their_people`` with
    ``--hypothesis-seed=61``: nine pairs of line ends into ``swt-2``, a diamond, stood 3.7
    to 4.1 units apart. The pill of ``0x15`` stood 14 units above it and cards at its
    sides; to hold 13 ends the ports moved 7 units out, where the boxes left less free
    arc, then 12, where they left less still, and all crowded onto 98 degrees. Now the
    distance out at which the free arc holds them farthest apart is taken, being about
    ``END_GAP``: 3 units, the ends 5.77 or more apart. In every layout tried for this
    network the ends now stand more than 5.5 apart; the one drawn differs."""
    tried: list[list[tuple[float, float]]] = []
    real = systemogram_lines.fan_in

    def spy(router: Router, paths: list[list[Point]], ends: Sequence[str | None],
            *rest: Any) -> list[int]:
        kept = real(router, paths, ends, *rest)
        tried.append([path[-1] for path, end in zip(paths, ends, strict=True)
                      if end == "swt-2"])
        return kept

    monkeypatch.setattr(systemogram_lines, "fan_in", spy)
    lay = layout_systemogram(load(ROOT / "tests" / "data" / "systemogram-ends-too-close.json"))
    _arrow_tips_apart(lay)
    _ends_apart(lay)
    assert len(tried) > 1
    for pts in tried:
        assert len(pts) == 13
        assert all(math.dist(a, b) > END_GAP - 0.5 for i, a in enumerate(pts)
                   for b in pts[i + 1:])


@given(cases(max_agents=30, max_generations=3))
def test_generated_cases_fan_into_their_people(case: Case) -> None:
    """Arrowheads into one person never stack, and line ends stand apart, in whole cases
    too."""
    lay = layout_systemogram(case)
    _arrow_tips_apart(lay)
    _ends_apart(lay)


@pytest.mark.parametrize("name", ["systemogram-crowded-port-under-pill",
                                  "systemogram-pill-over-hub"])
def test_a_pill_just_above_a_busy_person_is_no_line_passes(name: str) -> None:
    """Found by the no-line-through-a-box property with random seeds. In the first network
    the ports of a crowded person moved out (to keep line ends 6 units apart) and one
    landed in the supporter pill standing just above the person, so its line had to end
    inside it. In the second, with the busiest person on top of the family, a pill stood so
    close above it that a line into its top port passed through the pill: a layout whose
    routing leaves a line through a box is now drawn only when every layout tried does."""
    from systeemkaart.layout.systemogram_through import lines_through_boxes

    lay = layout_systemogram(load(Path(__file__).resolve().parents[1] / "data"
                                  / f"{name}.json"))
    boxes = {k: a.box for k, a in lay.agents.items()}
    assert lines_through_boxes(lay.links, lay.people, boxes) == []


_leg_points = st.lists(st.tuples(st.integers(0, 8).map(lambda k: k * 5.0),
                                 st.integers(0, 8).map(lambda k: k * 5.0)),
                       min_size=2, max_size=6)


@given(st.dictionaries(st.integers(0, 9), st.tuples(st.integers(0, 3), _leg_points),
                       max_size=6))
def test_crossing_legs_as_every_pair_of_pieces_tested(legs: dict[int, tuple[int, list[Point]]]
                                                      ) -> None:
    """The legs found crossing are those some piece of which crosses a piece of another,
    every pair of pieces tested (the pieces told apart by their boxes are skipped; on a
    coarse grid, so that pieces often touch, meet end to end or lie on one line)."""
    items = sorted(legs.items())
    plain = sorted({n for x, (i, (_, a)) in enumerate(items) for j, (_, b) in items[x + 1:]
                    if any(segments_cross(p, q, r, t) for p, q in pairwise(a)
                           for r, t in pairwise(b)) for n in (i, j)})
    assert _crossing(legs) == plain
