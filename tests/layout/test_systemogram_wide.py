"""A drawing whose lines run as bands routed again, each line's width counted at corners:
kept only where it reads better for a crossing or two more."""

from __future__ import annotations

from dataclasses import replace

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import systemogram, systemogram_wide
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_bands import bands
from systeemkaart.layout.systemogram_places import SystemogramLayout
from systeemkaart.layout.systemogram_wide import MORE_CROSSINGS, fewer_bands
from tests.conftest import ROOT

MDO = ROOT / "examples" / "mdo-weglopen.yaml"


def _bands(lay: SystemogramLayout) -> dict[tuple[int, int], float]:
    return bands(lay.links, lay.people, [h.frame for h in lay.households])


def test_a_drawing_without_a_band_is_routed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """stiefgezin draws no band: its layout is not routed a second time (a drawing that
    reads right is drawn as it was, and pays nothing)."""
    def never(*_: object, **__: object) -> SystemogramLayout:
        raise AssertionError("routed again")

    monkeypatch.setattr(systemogram_wide, "route_layout", never)
    lay = layout_systemogram(load(ROOT / "examples" / "stiefgezin.yaml"))
    assert _bands(lay) == {}


def test_mdo_weglopen_trades_its_bands_for_two_crossings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """mdo-weglopen routed as before draws three bands (four lines in the 26 units
    between Marieke's label and Tim, one along the household frame) and 5 crossings;
    routed again with each line's width counted at corners, none, for 7."""
    case = load(MDO)
    drawn = layout_systemogram(case)
    monkeypatch.setattr(systemogram, "fewer_bands", lambda _c, _s, lay: lay)
    before = layout_systemogram(case)
    assert len(_bands(before)) == 3 and before.crossings == 5
    assert _bands(drawn) == {} and drawn.crossings == 7
    assert drawn.people == before.people and drawn.agents == before.agents


@pytest.mark.parametrize(("more", "kept"), [(0, True), (MORE_CROSSINGS, True),
                                            (MORE_CROSSINGS + 1, False)])
def test_the_second_routing_is_kept_for_at_most_two_more_crossings(
        monkeypatch: pytest.MonkeyPatch, more: int, kept: bool) -> None:
    """Of mdo-weglopen's two drawings (three bands, none), the one without bands is kept
    when it crosses at most ``MORE_CROSSINGS`` more times than the other, not beyond."""
    case = load(MDO)
    drawn = layout_systemogram(case)
    monkeypatch.setattr(systemogram, "fewer_bands", lambda _c, _s, lay: lay)
    before = layout_systemogram(case)
    wide = replace(drawn, crossings=before.crossings + more)
    monkeypatch.setattr(systemogram_wide, "route_layout", lambda _c, lay, wide: lay)
    monkeypatch.setattr(systemogram_wide, "part_layout", lambda _c, lay: lay)
    assert (fewer_bands(case, wide, before) is wide) == kept
    # nor is a drawing with as many bands kept, whatever it crosses
    assert fewer_bands(case, before, before) is before
