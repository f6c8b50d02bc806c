"""How long lines of different agents run side by side: the measure and its use."""

from __future__ import annotations

from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_lines import close_runs, routed_ends


def test_two_parallel_lines_three_units_apart_run_close_over_their_overlap() -> None:
    lines = [("a", "x", [(0.0, 0.0), (100.0, 0.0)]),
             ("b", "y", [(40.0, 3.0), (200.0, 3.0)])]
    assert close_runs(lines) == {(0, 1): pytest.approx(60.0)}


def test_lines_far_apart_crossing_or_of_one_agent_do_not_count() -> None:
    assert close_runs([("a", "x", [(0.0, 0.0), (100.0, 0.0)]),
                       ("b", "y", [(0.0, 8.0), (100.0, 8.0)])]) == {}
    assert close_runs([("a", "x", [(0.0, 0.0), (100.0, 0.0)]),
                       ("b", "y", [(50.0, -50.0), (50.0, 50.0)])]) == {}
    assert close_runs([("a", "x", [(0.0, 0.0), (100.0, 0.0)]),
                       ("a", "y", [(0.0, 2.0), (100.0, 2.0)])]) == {}


def test_the_last_units_into_a_shared_target_are_left_out() -> None:
    """Two lines meeting at one person run close only where they converge at its ports."""
    lines = [("a", "p", [(0.0, 0.0), (100.0, 0.0)]),
             ("b", "p", [(0.0, 2.0), (100.0, 2.0)])]
    assert close_runs(lines) == {(0, 1): pytest.approx(90.0, abs=0.1)}
    assert close_runs(lines, end=100.0) == {}


def test_a_slanted_close_line_counts_only_where_it_is_near() -> None:
    """A line at 2 degrees to another, starting 2 units beside it, is within 4 units of
    it until it is 4 units off on the other side: 6 units of rise, about 172 units."""
    lines = [("a", "x", [(0.0, 0.0), (300.0, 0.0)]),
             ("b", "y", [(0.0, 0.0 - 2.0), (300.0, 300.0 * 0.0349 - 2.0)])]
    (run,) = close_runs(lines).values()
    assert 165.0 < run < 180.0


EXAMPLES = sorted(Path("examples").glob("*.yaml"))
KNOWN = {"huisarts-steunfiguren": (380.0, 12), "mdo-weglopen": (125.0, 2),
         "hoogbegaafd": (20.0, 1)}
"""Examples whose lines still run close somewhere: upper bounds of the length (units) and
of the pairs of lines running close over 10 units (as measured when this was written)."""


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_keep_lines_of_different_agents_apart(path: Path) -> None:
    """No two lines of different agents run nearly parallel within 4 units for more than
    10 units, except in the examples known to (where the total stays under its bound)."""
    lay = layout_systemogram(load(path))
    runs = close_runs(routed_ends(lay.links, lay.people))
    if path.stem in KNOWN:
        length, pairs = KNOWN[path.stem]
        assert sum(runs.values()) < length
        assert sum(1 for v in runs.values() if v > 10.0) <= pairs
    else:
        assert all(v <= 10.0 for v in runs.values()), runs
