"""The boxes a straight emotional line would meet (``Scene.blockers``): the years of the
partnerships it passes are found as looking at every couple's years would find them."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_route import TEXT_CLEAR
from systeemkaart.layout.genogram_scene import Scene

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@functools.cache
def _scene() -> Scene:
    """The first scene the emotional lines of an example are chosen in (its couples'
    years written over their partner lines)."""
    seen: list[Scene] = []
    made = Scene.__init__

    def noted(self: Scene, *args: object) -> None:
        made(self, *args)  # type: ignore[arg-type]
        seen.append(self)

    Scene.__init__ = noted  # type: ignore[method-assign]
    try:
        case = load(EXAMPLES / "mdo-weglopen.yaml")
        layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    finally:
        Scene.__init__ = made  # type: ignore[method-assign]
    assert seen and seen[0].years
    return seen[0]


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from([0.7, 3.0, 6.0]))
def test_the_years_a_line_meets_are_those_a_look_at_every_couple_finds(
        data: st.DataObject, half: float) -> None:
    """Lines from anywhere in the drawing to anywhere, some level, some passing close
    above or below a couple's years: the years among the boxes ``blockers`` gives are
    those of every couple whose years (grown by the room kept from them) the line passes
    through, in the same order."""
    scene = _scene()
    room = half + TEXT_CLEAR
    years = [box for box, _row in scene.years]
    near = st.sampled_from(years).flatmap(
        lambda b: st.tuples(st.floats(b.x - 30, b.right + 30), st.floats(b.y - 20, b.bottom + 20)))
    anywhere = st.tuples(st.floats(-50, 1000), st.floats(-50, 1000))
    p = data.draw(st.one_of(near, anywhere))
    q = data.draw(st.one_of(near, anywhere, st.floats(-50, 1000).map(lambda x: (x, p[1]))))
    grown = {box.grow(room): row for box, row in scene.years}
    found = [(box, row) for box, row in scene.blockers(("", ""), p, q, half) if box in grown]
    every = [(box.grow(room), row) for box, row in scene.years
             if segment_hits_box(p, q, box.grow(room))]
    assert found == every


def test_a_line_passing_just_above_a_couples_years_meets_them_only_within_the_room() -> None:
    """A level line just above a couple's years meets them closer than the room kept
    from them, not farther."""
    scene = _scene()
    box = scene.years[0][0]
    room = 0.7 + TEXT_CLEAR
    inside, outside = box.y - room + 1.0, box.y - room - 1.0
    met = [b for b, _row in scene.blockers(("", ""), (box.x - 5, inside), (box.right + 5, inside))]
    assert box.grow(room) in met
    missed = [b for b, _row in scene.blockers(("", ""), (box.x - 5, outside),
                                              (box.right + 5, outside))]
    assert box.grow(room) not in missed and isinstance(box, Box)
