"""Ribbons: lines of different cards side by side over a long stretch, measured."""

from __future__ import annotations

import pytest

from systeemkaart.layout.systemogram_ribbons import RIBBON_END, ribbon_runs


def test_lines_of_two_cards_ten_units_apart_make_a_ribbon_over_their_overlap() -> None:
    lines = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]),
             ("b", "y", [(50.0, 10.0), (300.0, 10.0)])]
    assert ribbon_runs(lines, {"a": "o1", "b": "o2"}) == {(0, 1): pytest.approx(150.0)}


def test_lines_of_one_card_far_apart_or_crossing_make_no_ribbon() -> None:
    side = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]), ("b", "y", [(0.0, 8.0), (200.0, 8.0)])]
    assert ribbon_runs(side, {"a": "o1", "b": "o1"}) == {}
    assert ribbon_runs(side, {"a": "o1", "b": "o2"}) != {}
    far = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]), ("b", "y", [(0.0, 20.0), (200.0, 20.0)])]
    assert ribbon_runs(far, {}) == {}
    across = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]),
              ("b", "y", [(100.0, -100.0), (100.0, 100.0)])]
    assert ribbon_runs(across, {}) == {}


def test_stroke_widths_narrow_the_gap_and_a_shared_end_is_left_out() -> None:
    lines = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]), ("b", "y", [(0.0, 15.0), (200.0, 15.0)])]
    assert ribbon_runs(lines, {}) == {}
    assert ribbon_runs(lines, {}, widths=[4.0, 4.0]) == {(0, 1): pytest.approx(200.0)}
    into_one = [("a", "x", [(0.0, 0.0), (200.0, 0.0)]), ("b", "x", [(0.0, 8.0), (200.0, 0.0)])]
    run = ribbon_runs(into_one, {})[(0, 1)]
    assert run < 200.0 - RIBBON_END + 1.0
