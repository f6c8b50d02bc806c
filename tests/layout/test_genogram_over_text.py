"""No family line passes through text: a couple's dates, a person's texts, a household's name.

The measure (:func:`~systeemkaart.layout.genogram_over_text.family_lines_over_text`) and
the families of ``bench/bench_stepfamilies.py`` where a family line ran through a couple's
dates: a bracket's leg through the dates of another bracket over the row, a line down into
someone standing under a bracket through its dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_over_text import family_lines_over_text, texts
from systeemkaart.layout.genogram_places import ChildPlace, PartnershipPlace
from systeemkaart.model import Case

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
