"""Lines into one person: their fan into its ports, and swapping ways where they cross."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.ring_geometry import segments_cross
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_bundle import untangle
from systeemkaart.layout.systemogram_fan import (
    ARROW_GAP,
    FAN_RADIUS,
    PORT_ARC,
    _spiral,
    fan_crossings,
)
from systeemkaart.layout.systemogram_lines import routed_ends
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
def test_spiral_legs_whose_ends_are_in_one_order_never_cross(
        start: float, turn_a: float, turn_b: float, apart_in: float, apart_out: float) -> None:
    """Two legs from the circle of the fan to the ports, their starts and their ends in the
    same order round the person, do not cross: the reason the fan draws them as spirals."""
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


KNOWN = {"huisarts-steunfiguren": 9}
"""Examples whose lines into one person still cross near it (as measured when this was
written; before the fan, huisarts-steunfiguren had 30 such crossings at Noor). Since the
lines into Noor swap ways even where they pass close to a box (as near as the router
goes), they come up as a bundle: farther than 40 units from her they cross 11 times
instead of 43, near her 9 instead of 4 (her 17 ports take the whole arc, so lines from
the left turn up to the top)."""


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_lines_into_one_person_do_not_cross_near_it(path: Path) -> None:
    lay = layout_systemogram(load(path))
    crossed = fan_crossings(routed_ends(lay.links, lay.people), lay.people)
    assert crossed <= KNOWN.get(path.stem, 0)


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
    """Arrowheads into one person never stack. (How often lines into one person cross near
    it is measured in the bench, not bounded here: generated networks with people acting as
    contexts or supporters still reach 4 crossings among 3 such lines.)"""
    _arrow_tips_apart(layout_systemogram(case))


@given(cases(max_agents=30, max_generations=3))
def test_generated_cases_fan_into_their_people(case: Case) -> None:
    """Arrowheads into one person never stack, in whole cases too."""
    _arrow_tips_apart(layout_systemogram(case))
