"""Genogram family lines cross no more often than in a plain Graphviz drawing.

Plain ``dot`` (people and one join node per couple, see
:func:`~systeemkaart.layout.genogram_quality.plain_dot_graph`) is the yardstick: on generated
families and on the public GEDCOM samples our partner and child lines cross no more often,
although we never split partners. Crossings are counted as a reader sees them, each
crossing point once on both sides (child lines of one union share their stem). Families with
a child of several parent sets (birth parents and a step or foster parent) are included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_order import family_crossings
from systeemkaart.layout.genogram_quality import plain_dot_structural, structural_crossings
from systeemkaart.layout.genogram_route import Router
from systeemkaart.model import Case
from tests.strategies_genogram import genogram_families

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "gedcom"
_MAX_BYTES = 110_000
"""GEDCOM samples up to this size (about 200 people, the Kennedy sample included) are
compared here (about a second each)."""
SAMPLES = sorted(p for p in DATA.glob("*") if p.suffix.lower() == ".ged"
                 and p.stat().st_size <= _MAX_BYTES) if DATA.is_dir() else []


def _layout(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def test_a_cousin_marriage_moves_the_sibling_born_between_aside() -> None:
    """Cousins whose parents have a sibling born between them, with a child on the cousins'
    row: eldest left would put that child between the cousins and cross their partner line,
    so that sibling stands aside, and nothing crosses."""
    people = [{"id": p, "born": y} for p, y in
              [("gf", 1900), ("gm", 1902), ("a", 1926), ("b", 1925), ("c", 1925),
               ("sa", 1925), ("sb", 1925), ("sc", 1925),
               ("ka", 1950), ("kb", 1950), ("kc", 1950)]]
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2080},
        "people": people,
        "partnerships": [{"partners": ["gf", "gm"]}, {"partners": ["a", "sa"]},
                         {"partners": ["b", "sb"]}, {"partners": ["c", "sc"]},
                         {"partners": ["ka", "kb"]}],
        "children": [{"parents": ["gf", "gm"], "child": x} for x in ("a", "b", "c")]
        + [{"parents": [x, "s" + x], "child": "k" + x} for x in ("a", "b", "c")],
    })
    layout = _layout(case)
    assert structural_crossings(layout) == 0 == plain_dot_structural(case, layout)


@settings(max_examples=80, deadline=None)
@given(genogram_families())
def test_generated_families_cross_no_more_than_plain_dot(case: Case) -> None:
    """Partner and child lines cross no more often than in plain ``dot``, cousin marriages
    and children with a step or foster parent besides their birth parents included."""
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


@settings(max_examples=60, deadline=None)
@given(genogram_families())
def test_fast_count_agrees_with_the_quality_measure(case: Case) -> None:
    """The count the layout chooses by is the quality measure's count."""
    layout = _layout(case)
    assert family_crossings(layout) == structural_crossings(layout)


@pytest.mark.skipif(not SAMPLES, reason="shared GEDCOM data not present")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_gedcom_samples_cross_no_more_than_plain_dot(path: Path) -> None:
    """Every public GEDCOM sample of up to ``_MAX_PEOPLE`` people: no more crossings than
    plain ``dot``."""
    from systeemkaart.io.gedcom import read_gedcom

    case = read_gedcom(path).case
    layout = _layout(case)
    assert structural_crossings(layout) <= plain_dot_structural(case, layout)


def test_overlapping_sibling_bars_stack_so_that_none_crosses() -> None:
    """Two unions side by side whose sibling bars overlap: the bar of the union on the
    right goes above, so the left union's line to its rightmost child meets no bar."""
    router = Router({0: [], 1: []}, 2)
    left = router.lane(1, 740.0, 1166.0, 0, ups=[740.0], downs=[800.0, 1166.0])
    right = router.lane(1, 846.0, 1542.0, 0, ups=[846.0], downs=[1542.0])
    router.assign()
    assert router.lanes[right[1]].index < router.lanes[left[1]].index
