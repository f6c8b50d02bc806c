"""Lines of one agent that cross each other near it, and lines lying along another."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import systemogram_lines
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_close import close_runs
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_siblings import NEAR, sibling_crossings
from systeemkaart.layout.systemogram_tracks import CLOSE, LONG_RUN
from systeemkaart.model import Case
from tests.conftest import ROOT
from tests.strategies import helper_networks


def test_crossings_of_one_agents_lines_are_found_near_it_only() -> None:
    """Two lines of one agent crossing just below it are found; the same crossing far
    away is not; lines of two agents crossing are never siblings."""
    lines = [("a", "x", [(0.0, 0.0), (-20.0, 40.0), (40.0, 80.0)]),
             ("a", "y", [(0.0, 0.0), (30.0, 90.0)])]
    found = sibling_crossings(lines)
    assert [(i, j) for i, j, _ in found] == [(0, 1)]
    assert sibling_crossings(lines, near=10.0) == []
    assert sibling_crossings([("a", "x", lines[0][2]), ("b", "y", lines[1][2])]) == []
    assert NEAR > 0


def test_huisarts_saras_lines_fan_out_without_a_zigzag() -> None:
    """Sara's lines to Noor and Hans leave her card's left side in order, crossing no
    sibling near her card; and her line to Hans runs along no other line.

    Her line to Hans was routed round Fysiotherapie's corner (down-left), then back
    right-down across her own line to Noor to the corner under the internship supervisor,
    then left again within two units of the psychologist's line for some 90 units: one
    line crossing its own agent's line and turning back reads as two lines, and two lines
    that close read as one band. Now it runs straight on from the stub it shares with the
    line to Noor, and its run under the supervisor has its own track."""
    lay = layout_systemogram(load(ROOT / "examples" / "huisarts-steunfiguren.yaml"))
    lines = routed_ends(lay.links, lay.people)
    sara = [k for k, (agent, _, _) in enumerate(lines) if agent == "swt-sara"]
    assert len(sara) == 3
    assert not [c for c in sibling_crossings(lines) if c[0] in sara or c[1] in sara]
    runs = close_runs(lines, CLOSE)
    hans = next(k for k in sara if lines[k][1] == "vader")
    assert all(run <= LONG_RUN for pair, run in runs.items() if hans in pair), runs


@settings(max_examples=12, deadline=None)
@given(helper_networks(min_agents=6, max_agents=20))
def test_untwisting_never_adds_sibling_crossings(case: Case) -> None:
    """On generated networks, lines of one agent cross each other near it no more often
    with the repair than without it (the repair keeps a new way only where the pair it
    was made for no longer crosses and no other sibling is crossed)."""
    lay = layout_systemogram(case)
    with mock.patch.object(systemogram_lines, "untwist", lambda *_: 0):
        plain = layout_systemogram(case)
    after = sibling_crossings(routed_ends(lay.links, lay.people))
    before = sibling_crossings(routed_ends(plain.links, plain.people))
    assert len(after) <= len(before)
