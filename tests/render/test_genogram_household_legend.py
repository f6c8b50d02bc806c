"""The genogram's legend names every household mark the drawing uses, drawn as drawn: a
dashed outline round a household that stands together, and the tinted dotted frames round
each member of one that does not (the frames of one tint make one household)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

from systeemkaart.io.yaml_json import load
from systeemkaart.model import Case
from systeemkaart.render.genogram import render_genogram
from tests.strategies_genogram import households

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
_STYLE = ("fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray")
"""What makes a household's mark look as it does."""


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if cls in (g.get("class") or "").split()]


def _entry(root: ET.Element, key: str) -> ET.Element | None:
    """The legend entry of ``key``, if the legend has one."""
    return next((g for g in _groups(root, "legend-entry") if g.get("data-key") == key), None)


def _styles(shapes: list[ET.Element]) -> set[tuple[str | None, ...]]:
    return {tuple(s.get(a) for a in _STYLE) for s in shapes}


def _apart_frames(root: ET.Element) -> list[ET.Element]:
    """The frames drawn round the members of the households whose members stand apart."""
    return [r for g in _groups(root, "apart") for r in g.iter(f"{SVG}rect")]


@pytest.mark.parametrize(("lang", "words"), [("nl", "kleur"), ("en", "tint")])
def test_the_legend_shows_a_split_households_frames_as_drawn(lang: str, words: str) -> None:
    """In ``stiefgezin`` the mother's household is split: a dotted frame round each of its
    five members, all in one light tint that says they belong together. The legend's
    sample was a dotted box with no fill, so the tint that joins the frames was named
    nowhere. The sample is drawn as the frames are (two of them, in the drawing's tint)
    and its text says the frames of one tint make one household."""
    case = load(ROOT / "examples" / "stiefgezin.yaml")
    root = ET.fromstring(render_genogram(case, lang=lang, at=case.as_of()))
    entry = _entry(root, "household-apart")
    assert entry is not None
    sample = list(entry.iter(f"{SVG}rect"))
    assert len(sample) == 2
    assert _styles(sample) == _styles(_apart_frames(root))
    assert all(r.get("fill") not in (None, "none") for r in sample)
    text = "".join(entry.itertext())
    assert words in text


@settings(max_examples=20, deadline=None)
@given(households())
def test_the_legend_names_exactly_the_household_marks_drawn(case: Case) -> None:
    """Whatever the households: the legend has the outline's entry exactly when an outline
    is drawn, the split household's exactly when frames are, each sample styled as what
    it stands for."""
    root = ET.fromstring(render_genogram(case, lang="nl", at=case.as_of()))
    outlines = [p for g in _groups(root, "outlined") for p in g.iter(f"{SVG}polygon")]
    frames = _apart_frames(root)
    outlined, apart = _entry(root, "household"), _entry(root, "household-apart")
    assert (outlined is not None) == bool(outlines)
    assert (apart is not None) == bool(frames)
    if outlined is not None:
        (sample,) = outlined.iter(f"{SVG}rect")
        assert _styles([sample]) == _styles(outlines)
    if apart is not None:
        assert _styles(list(apart.iter(f"{SVG}rect"))) <= _styles(frames)
    samples = [r for g in _groups(root, "legend-entry")
               if (g.get("data-key") or "").startswith("household-apart")
               for r in g.iter(f"{SVG}rect")]
    assert {r.get("fill") for r in samples} == {r.get("fill") for r in frames}  # every tint


@pytest.mark.parametrize(("lang", "words"), [("nl", "Huishouden {n}: leden apart"),
                                             ("en", "Household {n}: members apart")])
def test_each_tint_of_split_households_is_named_in_the_legend(lang: str, words: str) -> None:
    """In ``remarriage`` two households are split, one in a light green tint (Mark and his
    children with Yvonne), one in a light orange (Sandra and Lotte). The legend showed the
    green only, so a reader could not tell what the orange frames were. With more than one
    tint the legend has an entry a household: its frames' tint and its name."""
    case = load(ROOT / "tests" / "cases" / "remarriage.yaml")
    root = ET.fromstring(render_genogram(case, lang=lang, at=case.as_of()))
    groups = _groups(root, "apart")
    assert len(groups) == 2
    for pos, hh in enumerate(groups):
        k = int(hh.get("data-index") or 0)
        entry = _entry(root, "household-apart" if pos == 0 else f"household-apart-{k}")
        assert entry is not None
        assert _styles(list(entry.iter(f"{SVG}rect"))) == _styles(list(hh.iter(f"{SVG}rect")))
        assert words.format(n=k + 1) in "".join(entry.itertext())
