"""Small jogs left in routed systemogram lines are taken out where nothing gets worse."""

from __future__ import annotations

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_jogs import JOG, jogs, smooth_jogs
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.model import case_at
from systeemkaart.render.systemogram import kept_professionals
from tests.conftest import ROOT

PERSON = PersonPlace(id="p", x=0.0, y=0.0, box=Box(-15.0, -15.0, 30.0, 45.0), lines=(),
                     household=None)


def _stepped() -> list[Point]:
    """A supporter's line from the far left into the person's left side, its first two
    points fixed (the stub), with a step of 2.5 units half way (down and back up again)
    and a fan of three points."""
    return [(-300.0, 0.0), (-200.0, 0.0), (-190.0, 2.5), (-120.0, 2.5), (-110.0, 0.0),
            (-40.0, 0.0), (-25.0, 0.0), (-15.0, 0.0)]


def test_a_small_step_is_a_jog_and_a_turn_is_not() -> None:
    path = _stepped()
    assert jogs([path], [2], [3]) == [(0, 2), (0, 3), (0, 4)]
    turn: list[Point] = [(-300.0, 0.0), (-200.0, 0.0), (-150.0, 40.0), (-40.0, 0.0),
                         (-25.0, 0.0), (-15.0, 0.0)]
    assert jogs([turn], [2], [3]) == []  # 20 units off the straight way: a turn
    assert JOG > 2.5


def test_smooth_jogs_straightens_the_step_keeping_start_and_fan() -> None:
    path = _stepped()
    paths = [list(path)]
    router = Router([Obstacle("p", PERSON.box)])
    dropped = smooth_jogs(router, paths, [("s", "p")], [1.5], [["s", "p"]], [2], [3],
                          {"p": PERSON})
    assert dropped == 2  # the step's two corners; the point after them lies on the way
    assert all(y == 0.0 for _, y in paths[0]) and jogs(paths, [2], [3]) == []
    assert paths[0][:2] == path[:2] and paths[0][-3:] == path[-3:]


def test_a_step_round_a_box_stays() -> None:
    """The same step where a box stands just under the straight way: the line keeps its
    step over the box."""
    path = _stepped()
    paths = [list(path)]
    router = Router([Obstacle("p", PERSON.box), Obstacle("b", Box(-180.0, -8.0, 50.0, 7.5))])
    smooth_jogs(router, paths, [("s", "p")], [1.5], [["s", "p"]], [2], [3], {"p": PERSON})
    assert (-190.0, 2.5) in paths[0] and (-120.0, 2.5) in paths[0]


def test_the_schools_line_into_daan_runs_without_a_jog() -> None:
    """In formaat-voorbeeld the Vakcollege's line into Daan, laid on its own track beside
    Vader's household frame, stepped 2.5 units down and back up on its way (three jogs)."""
    case = load(ROOT / "examples" / "formaat-voorbeeld.yaml")
    at = case.as_of()
    now = case_at(case, at)
    lay = layout_systemogram(now, at, lang="nl", keep=kept_professionals(now, at))
    line = next(lk for lk in lay.links if lk.source == "school")
    assert jogs([list(line.points)], [1], [9]) == []
