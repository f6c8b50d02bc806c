"""Household outlines keep off the lines beside them (a dashed outline lying on a line
hides which of the two a reader is following), and off each other and non-members in
whatever order the blocks stand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import genogram
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_blocks import Structure
from systeemkaart.layout.genogram_households import along
from systeemkaart.layout.genogram_places import AxisSegment, axis_segments
from systeemkaart.layout.genogram_quality import household_problems
from systeemkaart.model import Case
from tests.strategies_genogram import households

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_outlines_run_along_no_line_in_the_examples(path: Path) -> None:
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    lines = axis_segments(layout)
    outlines = [h.outline for h in layout.households if h.outline is not None]
    assert outlines
    assert [along(o, lines) for o in outlines] == [0.0] * len(outlines)


@pytest.mark.parametrize(("outline", "lines", "expected"), [
    # a vertical line 2 units beside the left edge over 30 units
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((2.0, 10.0), (2.0, 40.0))], 30.0),
    # 4 units away: clear
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((4.0, 10.0), (4.0, 40.0))], 0.0),
    # crossing at right angles is not running along
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((-5.0, 20.0), (15.0, 20.0))], 0.0),
    # a horizontal line on the bottom edge, half of it beside the outline
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((5.0, 51.0), (25.0, 51.0))], 5.0),
])
def test_along_measures_parallel_closeness(outline: list[tuple[float, float]],
                                           lines: list[tuple[tuple[float, float],
                                                             tuple[float, float]]],
                                           expected: float) -> None:
    assert along(outline, _pieces(lines)) == expected


def _pieces(lines: list[tuple[tuple[float, float], tuple[float, float]]]
            ) -> tuple[list[AxisSegment], list[AxisSegment]]:
    """The lines as :func:`axis_segments` gives a layout's (each its own line)."""
    horizontal: list[AxisSegment] = []
    vertical: list[AxisSegment] = []
    for n, ((x1, y1), (x2, y2)) in enumerate(lines):
        if y1 == y2:
            horizontal.append((y1, min(x1, x2), max(x1, x2), n, "relation"))
        else:
            vertical.append((x1, min(y1, y2), max(y1, y2), n, "relation"))
    return horizontal, vertical


def _any_order(rnd: Random) -> Callable[..., str]:
    """``dot_source`` with every row's blocks in an order ``rnd`` chooses: whatever order
    the layout asks for, it gets another it might have tried."""
    real = genogram.dot_source

    def source(structure: Structure, widths: dict[str, float], gaps: list[list[float]],
               **kwargs: Any) -> str:
        rows: dict[int, list[int]] = defaultdict(list)
        for block in structure.blocks:
            rows[block.row].append(block.index)
        kwargs["order"] = [rnd.sample(rows[r], len(rows[r])) for r in sorted(rows)]
        return real(structure, widths, gaps, **kwargs)

    return source


@settings(max_examples=60, deadline=None)
@given(households(), st.randoms(use_true_random=False))
def test_household_outlines_keep_apart_in_any_block_order(case: Case, rnd: Random) -> None:
    """Whatever order the blocks of each row stand in: no household outline or frame
    meets a non-member's box, or crosses or comes within a unit of another household's;
    a split household's name stands over nothing else. (Derandomized like every property,
    so a run never fails by the luck of its draw; runs with ``--hypothesis-seed`` explore
    further: one found a split household's name drawn over a child line, see
    :func:`test_a_split_households_name_keeps_clear_of_a_zigzag_as_last_resort`.)"""
    with mock.patch.object(genogram, "dot_source", _any_order(rnd)):
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert household_problems(layout) == []


def test_a_split_households_name_keeps_clear_of_a_zigzag_as_last_resort() -> None:
    """Found by the property above with a random seed: a father and son in one household,
    drawn apart, with eight relations between the three people. Every place by their
    frames meets a line; the last resort, beside everything at the height of the first
    frame, stood within a zigzag's swing of it, so the name went by a frame over the
    child line instead. The last resort keeps an emotional line's room too."""
    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-household-name-split.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert household_problems(layout) == []
    (split,) = (h for h in layout.households if h.outline is None)
    assert split.name_box is not None
    first = min(split.marks, key=lambda b: (b.y, b.x))
    assert split.name_box.y < first.y + 12.0  # level with the top of its first frame


def _named(case: Case) -> Case:
    """``case`` with every household given a name of its own."""
    data = case.model_dump(mode="json", exclude_none=True, by_alias=True)
    for k, hh in enumerate(data.get("households", [])):
        hh["name"] = f"Woning {k + 1}"
    return Case.model_validate(data)


def _near_outline(box: Any, outline: list[tuple[float, float]], reach: float) -> bool:
    """True when ``box`` comes within ``reach`` of the box round ``outline``."""
    xs, ys = [x for x, _ in outline], [y for _, y in outline]
    return (min(xs) - reach <= box.right and box.x <= max(xs) + reach
            and min(ys) - reach <= box.bottom and box.y <= max(ys) + reach)


def test_an_outlined_household_with_a_name_has_it_written_by_its_outline() -> None:
    """In ``stiefgezin`` the father's household ("Huis vader": Kevin, Nadia and Luuk) is
    outlined; its name used to be in the tooltip only, so a reader could not tell it from
    the mother's. It now stands just above the outline's top edge, over nothing else;
    the unnamed household of Monique gets no name (its outline says enough)."""
    case = load(EXAMPLES[0].parent / "stiefgezin.yaml")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    by_name = {case.households[h.index].name: h for h in layout.households}
    father = by_name["Huis vader"]
    assert father.outline is not None and father.name_box is not None
    top = min(y for _, y in father.outline)
    left, right = min(x for x, _ in father.outline), max(x for x, _ in father.outline)
    assert top - 8.0 <= father.name_box.bottom <= top
    assert left <= father.name_box.x and father.name_box.right <= right
    assert by_name[None].outline is not None and by_name[None].name_box is None
    assert household_problems(layout) == []


@settings(max_examples=40, deadline=None)
@given(households())
def test_named_households_have_their_names_by_them_over_nothing(case: Case) -> None:
    """Every household named: a split one carries its name; an outlined one has it by its
    outline or not at all (never away from it, where it would seem to name something
    else), and no name stands over a person, line, label or another name."""
    case = _named(case)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert household_problems(layout) == []
    for hh in layout.households:
        if hh.outline is not None and hh.name_box is not None:
            assert _near_outline(hh.name_box, hh.outline, 12.0)
