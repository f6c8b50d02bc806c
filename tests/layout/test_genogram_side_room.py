"""Whether a side or top of a symbol has room for the lines leaving it
(:mod:`systeemkaart.layout.genogram_side_room`)."""

from __future__ import annotations

from systeemkaart.layout import Point
from systeemkaart.layout.genogram_near import Segment
from systeemkaart.layout.genogram_side_room import end_place, overfull_ends

_CENTRES: dict[str, Point] = {"a": (0.0, 0.0), "b": (300.0, 0.0)}


def _out_of_side(dy: float, side: float = 1.0) -> list[Segment]:
    """A way from ``a``'s side ``dy`` below its middle round to ``b``'s bottom (which
    holds any number of lines)."""
    x, turn = 17.0 * side, 47.0 * side
    return [((x, dy), (turn, dy)), ((turn, dy), (turn, 60.0)), ((turn, 60.0), (290.0, 60.0)),
            ((290.0, 60.0), (290.0, 17.0))]


def _out_of_top(x: float) -> list[Segment]:
    """A way from ``a``'s top at ``x`` round to ``b``'s bottom."""
    return [((x, -17.0), (x, -50.0)), ((x, -50.0), (260.0, -50.0)), ((260.0, -50.0), (260.0, 60.0)),
            ((260.0, 60.0), (295.0, 60.0)), ((295.0, 60.0), (295.0, 17.0))]


def test_end_place_by_the_end_segment() -> None:
    """A level end segment leaves a side (which by its direction), an upward one the top
    (which half by the end's x), one coming up from below neither."""
    way = _out_of_side(6.0)
    assert end_place(way, True, 0.0) == (("side", 1), 6.0)
    assert end_place(way, False, 300.0) == (("", 0), 0.0)
    assert end_place(_out_of_top(-9.0), True, 0.0) == (("top", -1), -9.0)
    assert end_place(_out_of_side(-3.0, -1.0), True, 0.0) == (("side", -1), -3.0)


def _over(halves: list[float], ways: list[list[Segment]], way: list[Segment],
          half: float) -> int:
    """How many ends of ``way`` (drawing ``half``) overfill a side or top of ``a`` or
    ``b`` beside the ``ways`` placed (drawing ``halves``)."""
    relations = [(("a", "b"), h) for h in [*halves, half]]
    k = len(ways)
    placed = dict(enumerate(ways))
    ends = {pid: {n: None for n in range(k)} for pid in ("a", "b")}
    return overfull_ends(_CENTRES.__getitem__, relations, k, way, ends, placed)


def test_a_side_holds_three_close_hostile_lines() -> None:
    """Close-hostile zigzags (4.6 either side) need 14.2 between their centre lines: three
    fit on a side's 30 units, a fourth does not, on that side only; a line leaving the
    other side has room."""
    three = [_out_of_side(dy) for dy in (-12.0, 0.0, 12.0)]
    assert _over([4.6, 4.6], three[:2], three[2], 4.6) == 0
    assert _over([4.6] * 3, three, _out_of_side(6.0), 4.6) == 1
    assert _over([4.6] * 3, three, _out_of_side(6.0, -1.0), 4.6) == 0


def test_a_top_half_holds_two_thin_lines_or_one_wide() -> None:
    """Beside the child line arriving at the centre, half a top holds two distant lines
    (0.7 either side) or one close-hostile zigzag."""
    thin = [_out_of_top(8.5), _out_of_top(15.0)]
    assert _over([0.7], thin[:1], thin[1], 0.7) == 0
    assert _over([0.7, 0.7], thin, _out_of_top(12.0), 0.7) == 1
    assert _over([0.7, 0.7], thin, _out_of_top(-12.0), 0.7) == 0
    assert _over([4.6], [_out_of_top(10.0)], _out_of_top(15.0), 4.6) == 1
