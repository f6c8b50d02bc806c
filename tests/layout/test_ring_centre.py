"""The family in the centre of a systemogram: households, and the person most lines end at."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box
from systeemkaart.layout.ring_centre import CentrePlace, centre_people, layout_centre
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.model import Case
from tests.conftest import ROOT
from tests.strategies import families

HUISARTS = ROOT / "examples" / "huisarts-steunfiguren.yaml"


def _inside(inner: Box, outer: Box) -> bool:
    return (outer.x <= inner.x and inner.right <= outer.right and outer.y <= inner.y
            and inner.bottom <= outer.bottom)


def _centre(case: Case, hub: str | None = None) -> CentrePlace:
    people = centre_people(case, [p.id for p in case.people])
    rank = {pid: float(i) for i, pid in enumerate(people)}
    return layout_centre(case, people, case.as_of(), "nl", rank, hub=hub)


def test_the_hub_stands_alone_on_top_of_its_household_in_the_top_shelf() -> None:
    """Noor, whom 17 of 26 lines reach, stands above everyone else in the centre, alone on
    her row and in the middle of it, inside her household's frame: room above and on both
    sides for lines to come in from their own directions."""
    case = load(HUISARTS)
    centre = _centre(case, "noor")
    noor = centre.people["noor"]
    others = [p for pid, p in centre.people.items() if pid != "noor"]
    assert all(p.box.y >= noor.box.bottom for p in others)
    frame = next(h for h in centre.households if "noor" in h.members)
    assert _inside(noor.box, frame.frame)
    assert abs(noor.x - frame.frame.cx) < 1.0
    plain = _centre(case)
    assert any(p.box.bottom <= plain.people["noor"].box.y for p in plain.people.values())


@given(families(max_generations=3), st.data())
def test_any_hub_stands_on_top_inside_its_frame_and_nothing_overlaps(
        case: Case, data: st.DataObject) -> None:
    people = centre_people(case, [p.id for p in case.people])
    hub = data.draw(st.sampled_from(people))
    centre = _centre(case, hub)
    top = centre.people[hub]
    assert all(p.box.y >= top.box.bottom for pid, p in centre.people.items() if pid != hub)
    for h in centre.households:
        for pid in h.members:
            assert _inside(centre.people[pid].box, h.frame)
        for pid, p in centre.people.items():
            if pid not in h.members:
                assert not h.frame.overlaps(p.box)
    boxes = [p.box for p in centre.people.values()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_the_systemogram_puts_noor_on_top() -> None:
    """In the drawing of huisarts-steunfiguren, the layout with Noor on top wins: her lines
    cross each other far less than in the best layout with her among her family."""
    lay = layout_systemogram(load(HUISARTS))
    noor = lay.people["noor"]
    assert all(p.box.y >= noor.box.bottom for pid, p in lay.people.items() if pid != "noor")
