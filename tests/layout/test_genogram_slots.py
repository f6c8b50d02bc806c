"""Vertical lines kept in sorted lists: where a new one may stand, and noting it."""

from __future__ import annotations

import math

from systeemkaart.layout.genogram_slots import (
    LINE_CLEAR,
    SLOT,
    Hold,
    distance,
    insert_line,
    keeps_apart,
)


def test_a_line_is_inserted_in_order_with_its_half_width_and_noted() -> None:
    xs, halves = [10.0, 30.0], [0.7, 3.0]
    holds: list[Hold] = []
    insert_line(xs, halves, 20.0, 5.0, holds)
    assert xs == [10.0, 20.0, 30.0] and halves == [0.7, 5.0, 3.0]
    assert holds == [(xs, halves, 20.0, 5.0)]
    assert holds[0][0] is xs and holds[0][1] is halves  # the lists a way took, to give back


def test_a_new_line_keeps_a_slot_and_clear_space_from_what_its_neighbours_draw() -> None:
    xs, halves = [0.0], [0.7]
    assert keeps_apart(xs, halves, SLOT, 0.7)
    assert not keeps_apart(xs, halves, SLOT - 0.5, 0.7)
    wide = 5.0  # a zigzag's swing: the clear space is kept from what both draw
    assert not keeps_apart(xs, halves, SLOT, wide)
    assert keeps_apart(xs, halves, 0.7 + wide + LINE_CLEAR, wide)
    assert keeps_apart([], [], 0.0, wide)


def test_distance_to_the_nearest_line() -> None:
    assert distance([], 5.0) == math.inf
    assert distance([0.0, 10.0], 4.0) == 4.0
    assert distance([0.0, 10.0], 7.0) == 3.0
    assert distance([0.0, 10.0], 12.0) == 2.0
    assert distance([0.0, 10.0], -1.0) == 1.0
