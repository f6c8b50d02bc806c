"""When a drawing whose ways were chosen again is finished without them too
(:func:`systeemkaart.layout.genogram_redecided.may_be_bettered`)."""

from __future__ import annotations

from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_clear import crowded_lines
from systeemkaart.layout.genogram_crowded_slot import CROWDED
from systeemkaart.layout.genogram_redecided import may_be_bettered

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def _layout(name: str) -> GenogramLayout:
    case = load(DATA / f"{name}.json")
    return layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def test_only_a_crowded_line_chosen_again_or_no_crowded_line_asks_for_another() -> None:
    """The newer crowd family 326 as drawn crowds two lines between one pair: another
    drawing is finished where one of them was chosen again, not where only lines that
    crowd nothing were (the crowding is not theirs); the ten-lines family crowds no line,
    so only crossings tell and another drawing is finished whatever was chosen again."""
    ribbon = _layout("genogram-crowd-ribbon-after-choice")
    crowded = sorted({r for r, _other in crowded_lines(ribbon, CROWDED)})
    clear = sorted(r.index for r in ribbon.relations if r.index not in crowded)
    assert crowded and clear
    assert may_be_bettered(ribbon, crowded[:1])
    assert may_be_bettered(ribbon, [*clear, crowded[-1]])
    assert not may_be_bettered(ribbon, clear)
    assert not may_be_bettered(ribbon, [])
    ten = _layout("genogram-emotional-ten-lines-cross-each-other")
    assert crowded_lines(ten, CROWDED) == []
    assert may_be_bettered(ten, [])
    assert may_be_bettered(ten, [r.index for r in ten.relations])
