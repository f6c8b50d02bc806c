"""The grid-indexed clearance measures of ``genogram_clear`` give exactly what measuring
every emotional line against every line and every text gives: the same pairs, in the
same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import segment_distance
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_clear import (
    _SLACK,
    _STEP,
    _STRETCH,
    _parallel,
    _samples,
    beyond_port,
    bounds,
    crowded_lines,
    crowded_lines_of,
    lines_near_text,
    named_lines,
    segment_box,
    text_boxes,
)
from systeemkaart.layout.genogram_near import line_segments
from systeemkaart.layout.genogram_relations import drawn_half
from systeemkaart.layout.genogram_route import LINE_CLEAR, TEXT_CLEAR
from systeemkaart.model import Case
from tests.layout.test_genogram import CASES, EXAMPLES, ROOT
from tests.strategies import families_with_relations
from tests.strategies_genogram import genogram_families

_CLEARS = (None, 12.0, 30.0)
"""The layout's own clearances, and wider ones (so that there are pairs to find)."""


def _crowded_every_pair(layout: GenogramLayout, clear: float) -> list[tuple[int, str]]:
    """``crowded_lines`` by measuring every sample against every other line."""
    others = named_lines(layout)
    out: list[tuple[int, str]] = []
    for r in layout.relations:
        half = drawn_half(r.kind)
        samples = _samples(r.points, [layout.people[pid].symbol_centre() for pid in r.between])
        for name, other_half, segs in others:
            if name == f"relation {r.index}" or not segs:
                continue
            box = bounds(segs, other_half + clear + 2 * _STEP)
            run = 0
            for p, s in samples:
                close = box.x <= p[0] <= box.right and box.y <= p[1] <= box.bottom and any(
                    _parallel(s, t) and segment_distance(p, *t) - half - other_half
                    < clear - _SLACK - 1e-6 for t in segs)
                run = run + 1 if close else 0
                if run >= _STRETCH:
                    out.append((r.index, name))
                    break
    return out


def _near_text_every_pair(layout: GenogramLayout, clear: float) -> list[tuple[int, str]]:
    """``lines_near_text`` by measuring every emotional line against every text (its own
    ends' beyond the free stretch from the port)."""
    out: list[tuple[int, str]] = []
    for r in layout.relations:
        reach = drawn_half(r.kind) + clear - _SLACK
        segs = line_segments(r.points)
        for name, owner, box in text_boxes(layout):
            part = segs if owner not in r.between else beyond_port(
                r.points, r.between.index(owner))
            if any(segment_box(s, box) < reach for s in part):
                out.append((r.index, name))
    return out


def _same(layout: GenogramLayout) -> int:
    """Assert both measures equal their every-pair versions at each clearance; the number
    of pairs found."""
    found = 0
    for clear in _CLEARS:
        line_clear = LINE_CLEAR if clear is None else clear
        text_clear = TEXT_CLEAR if clear is None else clear
        crowded = crowded_lines(layout, line_clear)
        near = lines_near_text(layout, text_clear)
        assert crowded == _crowded_every_pair(layout, line_clear)
        assert near == _near_text_every_pair(layout, text_clear)
        found += len(crowded) + len(near)
    return found


def _layout_of(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_indexed_measures_equal_every_pair_on_the_cases(path: Path) -> None:
    """On the hand-made cases and examples the grid misses no pair and adds none."""
    _same(_layout_of(load(path)))


def test_the_cases_have_pairs_to_find() -> None:
    """The comparison above is not empty: at the wider clearances the measures find
    pairs on the examples."""
    assert sum(_same(_layout_of(load(path))) for path in EXAMPLES) > 0


@settings(max_examples=60, deadline=None)
@given(st.one_of(genogram_families(), families_with_relations()))
def test_indexed_measures_equal_every_pair_in_generated_families(case: Case) -> None:
    """In generated families too the grid-indexed measures give the same pairs in the
    same order as measuring every pair."""
    _same(_layout_of(case))


_CROWDED = ("many-relations-1", "many-relations-4", "turned-block-over-yardstick",
            "full-corridor-same-drawing", "corridor-beside-step-line")
"""Saved crowd families with crowded lines (``tests/data/genogram-crowd-*.json``)."""


def _same_of(layout: GenogramLayout) -> int:
    """Assert that the pairs measured around some relations (each alone, every other one)
    are the pairs of all lines in which those take part, in the same order, at the
    issue's 4 units, the layout's clearance and a wider one; the number found."""
    found = 0
    indexes = [r.index for r in layout.relations]
    for clear in (4.0, LINE_CLEAR, 12.0):
        every = crowded_lines(layout, clear)
        for some in [*([i] for i in indexes), indexes[::2]]:
            names = {f"relation {i}" for i in some}
            want = [(i, other) for i, other in every if i in some or other in names]
            assert crowded_lines_of(layout, some, clear) == want
            found += len(want)
    return found


def test_crowded_lines_of_some_relations_are_theirs_of_all() -> None:
    """On saved crowd families, measuring only the lines near some relations finds the
    pairs in which they take part that measuring every line finds, and no other; asked
    about no relation, none."""
    found = 0
    for name in _CROWDED:
        case = load(ROOT / "tests" / "data" / f"genogram-crowd-{name}.json")
        layout = _layout_of(case)
        found += _same_of(layout)
        assert crowded_lines_of(layout, [], 4.0) == []
    assert found > 0


@settings(max_examples=30, deadline=None)
@given(st.one_of(genogram_families(), families_with_relations()))
def test_crowded_lines_of_some_relations_in_generated_families(case: Case) -> None:
    """In generated families too the pairs measured around some relations are theirs of
    the pairs of all lines."""
    _same_of(_layout_of(case))
