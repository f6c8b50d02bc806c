"""Tests for genogram_beside: whether a way runs beside another pair's line by what both
draw."""

from __future__ import annotations

from systeemkaart.layout.genogram_beside import PlacedDrawn
from systeemkaart.layout.genogram_relations import drawn_half

_ENDS = [(0.0, 0.0), (200.0, 0.0)]
"""Centres of the symbols of the placed line (far from the stretch measured)."""


def _placed() -> PlacedDrawn:
    """A neglect line between a and b, level at y = 50 from x = 0 to 200."""
    placed = PlacedDrawn()
    placed.add(0, [((0.0, 50.0), (200.0, 50.0))], drawn_half("neglect"), _ENDS,
               frozenset({"a", "b"}))
    return placed


def test_zigzag_beside_another_pairs_line_by_what_it_draws() -> None:
    """A conflict zigzag 6 units beside the neglect line (centre lines further apart than
    the 4 units ``genogram_near`` counts as running along) overlaps it by what both
    draw; 12 units off it is clear."""
    half = drawn_half("conflict")
    pair = frozenset({"c", "d"})
    near = [((40.0, 56.0), (160.0, 56.0))]
    far = [((40.0, 62.0), (160.0, 62.0))]
    assert _placed().beside(1, near, half, [(-50.0, 56.0), (250.0, 56.0)], pair)
    assert not _placed().beside(1, far, half, [(-50.0, 62.0), (250.0, 62.0)], pair)


def test_lines_of_one_pair_and_removed_ways_are_not_measured() -> None:
    """Lines between the same pair are weighed by their own rule; a way removed is no
    longer measured against."""
    half = drawn_half("conflict")
    near = [((40.0, 56.0), (160.0, 56.0))]
    ends = [(-50.0, 56.0), (250.0, 56.0)]
    assert not _placed().beside(1, near, half, ends, frozenset({"a", "b"}))
    placed = _placed()
    placed.remove(0)
    assert not placed.beside(1, near, half, ends, frozenset({"c", "d"}))
