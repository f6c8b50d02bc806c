"""No family line passes through text: a couple's dates, a person's texts, a household's name.

The measure (:func:`~systeemkaart.layout.genogram_over_text.family_lines_over_text`) and
the families of ``bench/bench_stepfamilies.py`` where a family line ran through a couple's
dates: a bracket's leg through the dates of another bracket over the row, a line down into
someone standing under a bracket through its dates, two step-parents' lines crossing over
in a couple's gap through its dates (and on top of each other).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_over_text import family_lines_over_text, texts
from systeemkaart.layout.genogram_places import ChildPlace, PartnershipPlace
from systeemkaart.layout.genogram_quality import plain_dot_structural, structural_crossings
from systeemkaart.model import Case
from tests.strategies_genogram import stepfamilies

DATA = Path(__file__).resolve().parents[1] / "data"


def _layout(case: Case) -> GenogramLayout:
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def _couple() -> GenogramLayout:
    """A married couple a, b (dates written over their line) with a child c."""
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2030},
        "people": [{"id": "a", "sex": "male", "born": 1950},
                   {"id": "b", "sex": "female", "born": 1952},
                   {"id": "c", "born": 1980}],
        "partnerships": [{"partners": ["a", "b"], "kind": "married", "start": 1975,
                          "end": 1990, "status": "divorced"}],
        "children": [{"parents": ["a", "b"], "child": "c"}]})
    return _layout(case)


def test_a_drawn_family_keeps_its_lines_off_text() -> None:
    """A couple with a child: the partner line runs between the partners' symbols and
    names, the child line past the dates; nothing counts."""
    layout = _couple()
    assert any(name == "dates of a|b" for name, _, _ in texts(layout))
    assert family_lines_over_text(layout) == []


def test_a_line_through_dates_or_a_name_counts() -> None:
    """A line of another family across the couple's dates counts; so does the couple's
    child line when it runs through their dates (its own parents' dates are no excuse),
    and a line through the child's name."""
    layout = _couple()
    dates = next(p.label_box for p in layout.partnerships if p.label_box is not None)
    assert isinstance(dates, Box)
    across = [(dates.x - 5, dates.cy), (dates.right + 5, dates.cy)]
    layout.partnerships.append(PartnershipPlace(None, ("x", "y"), "implied", None, across,
                                                across[0], [], [], None))
    name = layout.people["c"].lines[0]
    layout.children.append(ChildPlace(0, ("a", "b"), "c", "biological",
                                      [(dates.cx, dates.y - 5), (dates.cx, dates.bottom + 5)]))
    under = [(name.x - 40, name.y - 3), (name.x + 40, name.y - 3)]
    layout.partnerships.append(PartnershipPlace(None, ("a", "y"), "implied", None, under,
                                                under[0], [], [], None))
    assert family_lines_over_text(layout) == [("partnership x|y", "dates of a|b"),
                                              ("partnership a|y", "text of c"),
                                              ("child c", "dates of a|b")]


@pytest.mark.parametrize("name", ["genogram-bracket-leg-through-affair-dates.json",
                                  "genogram-brackets-through-dates.json"])
def test_no_line_through_a_brackets_dates(name: str) -> None:
    """Families 72 and 58 of ``bench/bench_stepfamilies.py``: the dates over a bracket
    stood at its middle, where the leg of another bracket over the row came down (72: an
    affair's dates, 58: two marriages' brackets each through the other's dates) or the
    line into the person standing under the bracket (58). The dates move along their
    bracket, clear of every line."""
    layout = _layout(load(DATA / name))
    assert family_lines_over_text(layout) == []


def _shared_runs(layout: GenogramLayout) -> list[tuple[str, str]]:
    """Pairs of single parents' lines (step-parents', to different children or from
    different parents) whose horizontal runs lie on top of each other, longer than a
    unit."""
    runs: list[tuple[str, str, float, float, float]] = []
    for c in layout.children:
        if len(c.parents) != 1:
            continue
        for (x1, y1), (x2, y2) in itertools.pairwise(c.points):
            if y1 == y2 and x1 != x2:
                runs.append((c.parents[0], c.child, y1, min(x1, x2), max(x1, x2)))
    return sorted({(f"{a[0]}->{a[1]}", f"{b[0]}->{b[1]}")
                   for a, b in itertools.combinations(runs, 2)
                   if a[0] != b[0] and a[2] == b[2] and min(a[4], b[4]) - max(a[3], b[3]) > 1})


@pytest.mark.parametrize("name", ["genogram-step-lines-cross-over.json",
                                  "genogram-step-lines-cross-over-2.json"])
def test_step_lines_crossing_over_keep_off_the_dates_and_each_other(name: str) -> None:
    """Families 60 and 186 of ``bench/bench_stepfamilies.py``: a step-parent on each side
    of a couple with two lines of dates, each with a step-child on the far side. Their
    lines left the parents' sides at one height, through the dates' first line, and ran on
    top of each other across the gap to drops in crossed order. Now they leave above the
    dates, each at its own height (crossing once, where one drops), and the dates stand
    between the drops."""
    layout = _layout(load(DATA / name))
    assert family_lines_over_text(layout) == []
    assert _shared_runs(layout) == []


@settings(max_examples=40, deadline=None)
@given(stepfamilies())
def test_no_family_line_through_text_in_blended_families(case: Case) -> None:
    """Blended families (a parent of two or three unions, step-parents on either side,
    brackets over the row for earlier partners): no family line passes through a couple's
    dates, a person's texts or a household's name."""
    assert family_lines_over_text(_layout(case)) == []


def test_step_lines_drawn_crossing_over_look_again_for_an_order() -> None:
    """Family 23 of ``bench/bench_stepfamilies.py``: the order the search kept had two step
    lines on top of each other through a couple's dates, which hid a crossing. Drawn
    apart, above the dates, the crossing shows, and the last looks at other orders run
    again on the drawing as shown: 4 structural crossings, where the order kept crosses
    5. One of those 4 hid under lines on each other (a child's line running down another
    couple's stem into it); with the lines into one child ending apart it shows: 5."""
    layout = _layout(load(DATA / "genogram-step-lines-cross-over-3.json"))
    assert family_lines_over_text(layout) == []
    assert structural_crossings(layout) <= 5


@pytest.mark.parametrize(("name", "most"), [
    ("genogram-step-lines-cross-over.json", 4),
    ("genogram-step-lines-cross-over-2.json", 5)])
def test_step_lines_crossing_over_cross_less_than_plain_dot(name: str, most: int) -> None:
    """Families 60 and 186 of ``bench/bench_stepfamilies.py`` crossed 7 times, plain
    ``dot`` 6. On the drawing as shown (the step lines drawn apart) the other orders of
    their six-person block of partners are tried, the later partner with a partner of
    their own at the far end (186: 5), and the order the last looks kept is drawn again
    whenever it shows more crossing points than they counted (60: 4). Family 186 (191 of
    600) kept an order of 6 crossings, as many as plain ``dot``, once the lines into one
    child ended apart: the search, judging orders with the step lines crossing over at
    one height, went another way. Where the order kept crosses no fewer times than plain
    ``dot``, the search runs again with the lines drawn as shown: 5."""
    case = load(DATA / name)
    layout = _layout(case)
    assert structural_crossings(layout) <= most < plain_dot_structural(case, layout)
    assert family_lines_over_text(layout) == []
    assert _shared_runs(layout) == []


def test_step_lines_crossing_over_without_two_lines_of_dates_run_apart() -> None:
    """Family 236 of 600 of ``bench/bench_stepfamilies.py``: two step-parents' lines
    crossed over in the gap between them, where a couple's dates take one line (or there
    are none): they left at one height and ran on top of each other, hiding where they
    cross. Now they leave above the dates, each at its own height, as with dates of two
    lines."""
    layout = _layout(load(DATA / "genogram-step-lines-cross-over-4.json"))
    assert _shared_runs(layout) == []
    assert family_lines_over_text(layout) == []
