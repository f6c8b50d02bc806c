"""An emotional line keeps clear of its own ends' text too, but where it leaves the symbol
(``genogram_clear.lines_near_text``, ``OWN_TEXT_FREE``; ``genogram_own_text.OwnTexts``)."""

from __future__ import annotations

from systeemkaart.layout import Box, Point
from systeemkaart.layout.genogram_clear import beyond_port, lines_near_text, text_boxes
from systeemkaart.layout.genogram_own_text import OwnTexts
from systeemkaart.layout.genogram_places import (
    GenogramLayout,
    PersonPlace,
    RelationPlace,
    TextLine,
)
from systeemkaart.layout.genogram_relations import drawn_half
from systeemkaart.layout.genogram_route import TEXT_CLEAR


def _person(pid: str, x: float) -> PersonPlace:
    """A person whose symbol's top left is at ``(x, 6)``, "geb. 1938" under it."""
    return PersonPlace(pid, 0, Box(x - 10.0, 0.0, 54.0, 70.0), Box(x, 6.0, 34.0, 34.0),
                       [TextLine("geb. 1938", x + 17.0, 55.0, 10.0)])


def _layout(points: list[Point]) -> GenogramLayout:
    """Two people, ``a`` at the left and ``b`` far to the right, and a conflict line
    between them through ``points``."""
    people = {"a": _person("a", 0.0), "b": _person("b", 400.0)}
    return GenogramLayout(500.0, 200.0, people, [], [], [],
                          [RelationPlace(0, ("a", "b"), "conflict", points)], [], [], 1)


def _text_right(layout: GenogramLayout, pid: str) -> float:
    (box,) = (box for _what, owner, box in text_boxes(layout) if owner == pid)
    return box.right


def test_beyond_port_cuts_the_first_units_off_either_end() -> None:
    """The part of a line that keeps clear of an end's text starts ``free`` along the
    line from that end; a line no longer than that has none."""
    line = [(0.0, 0.0), (10.0, 0.0), (10.0, 30.0)]
    assert beyond_port(line, 0, 21.0) == [((10.0, 11.0), (10.0, 30.0))]
    assert beyond_port(line, 1, 21.0) == [((10.0, 9.0), (10.0, 0.0)), ((10.0, 0.0), (0.0, 0.0))]
    assert beyond_port(line, 0, 40.0) == []


def test_a_line_down_past_its_own_ends_year_is_near_that_text() -> None:
    """A zigzag out of its person's side that turns down 2 units beside the year under
    that person's symbol comes near its own end's text there, 30 units along the line:
    found, as any other text would be."""
    probe = _layout([(34.0, 23.0), (40.0, 23.0)])
    x = _text_right(probe, "a") + 2.0 + drawn_half("conflict") - 3.0
    layout = _layout([(34.0, 23.0), (x, 23.0), (x, 120.0), (300.0, 120.0), (300.0, 23.0),
                      (400.0, 23.0)])
    assert lines_near_text(layout) == [(0, "text of a")]


def test_a_line_leaving_its_symbol_beside_its_own_text_is_not_near_it() -> None:
    """The same zigzag out of the side low down, turning away from the year within its
    first units, passes the corner of the text only where it leaves its symbol: not
    found."""
    probe = _layout([(34.0, 23.0), (40.0, 23.0)])
    x = _text_right(probe, "a") + 2.0
    layout = _layout([(34.0, 36.0), (x, 36.0), (x, 42.0), (380.0, 42.0), (380.0, 36.0),
                      (400.0, 36.0)])
    assert lines_near_text(layout) == []


def test_a_moved_line_comes_no_nearer_its_own_text() -> None:
    """``OwnTexts.keeps``: a line moved from 12 units beside its own end's text to 2
    units beside it is not kept; moved to 10 (still farther than it draws and
    ``TEXT_CLEAR``) it is, and so is any move where it starts."""
    probe = _layout([(34.0, 23.0), (40.0, 23.0)])
    right = _text_right(probe, "a")
    half = drawn_half("conflict")

    def line(gap: float) -> list[Point]:
        x = right + gap
        return [(34.0, 23.0), (x, 23.0), (x, 120.0), (300.0, 120.0), (300.0, 23.0),
                (400.0, 23.0)]

    layout = _layout(line(12.0))
    texts = OwnTexts.of(layout, layout.relations[0])
    assert not texts.keeps(line(2.0), half)
    assert texts.keeps(line(half + TEXT_CLEAR + 0.5), half)
    assert texts.flipped().keeps([(y, x) for x, y in line(20.0)], half)
    assert not texts.flipped().keeps([(y, x) for x, y in line(2.0)], half)
