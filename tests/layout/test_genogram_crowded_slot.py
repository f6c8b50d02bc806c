"""Where an emotional line stands in a genogram corridor with no x clear of its lines."""

from __future__ import annotations

import pytest

from systeemkaart.layout.genogram_crowded_slot import (
    FullCorridor,
    clearance,
    crowded_slot,
    fallback_slot,
    stands_apart,
)


def test_crowded_slot_stands_furthest_from_the_lines_there() -> None:
    """In a corridor with no x clear of its lines, a line stands where what it draws is
    furthest from theirs (here midway between two family lines 10 apart), not where it
    aims; of x clear by the usual clear space, the one nearest its aim; with no room,
    nowhere."""
    assert crowded_slot([0.0, 10.0], [0.7, 0.7], 3.7, 1.0, (1.0, 9.0), []) == 5.0
    assert crowded_slot([0.0], [0.7], 3.7, -2.0, (-5.0, 15.0), []) == 10.5
    assert clearance([0.0, 10.0], [0.7, 0.7], 5.0, 3.7) == pytest.approx(0.6)
    assert crowded_slot([0.0], [0.7], 0.7, 2.0, (5.0, 1.0), []) is None


def test_fallback_slot_keeps_off_a_child_line_below() -> None:
    """A line that finds its corridor full and is not drawn apart stands where it aims,
    unless a child line enters the row below there: then at the corridor's edge further
    from it (the first of two as far)."""
    assert fallback_slot(5.0, [1.0, 9.0], []) == 5.0
    assert fallback_slot(5.0, [1.0, 9.0], [5.0]) == 1.0
    assert fallback_slot(5.0, [1.0, 9.0], [4.0]) == 9.0
    assert fallback_slot(5.0, [], [5.0]) == 5.0


def test_stands_apart_where_drawn_apart_moves_the_line() -> None:
    """Drawn apart, a line aiming beside a family line of a full corridor moves to its
    middle; one aiming at the middle already, or in a corridor with no room, stays: the
    routing would go on as before."""
    assert stands_apart(FullCorridor([0.0, 10.0], [0.7, 0.7], 3.7, 1.0, (1.0, 9.0), []))
    assert not stands_apart(FullCorridor([0.0, 10.0], [0.7, 0.7], 3.7, 5.0, (1.0, 9.0), []))
    assert not stands_apart(FullCorridor([0.0, 10.0], [0.7, 0.7], 3.7, 5.0, (5.0, 5.0), []))
