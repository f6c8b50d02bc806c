"""The grid cells by which the systemogram's router and its line parting find what is near
a segment: a cell left out would let a line pass a box or cross a line unseen."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.layout import Point
from systeemkaart.layout.systemogram_close import near_cells
from systeemkaart.layout.systemogram_grid import CELL, cells_along, gathered
from tests.strategies import line_segments

_NUDGE = 1e-6
"""How far off a sampled point a listed cell may lie (the point's own rounding)."""


def _placed(seg: tuple[Point, Point], scale: float, shift: float) -> tuple[Point, Point]:
    """``seg`` stretched ``scale`` times and moved by ``shift`` (to cross many cells, on
    both sides of the origin)."""
    (ax, ay), (bx, by) = seg
    return (ax * scale + shift, ay * scale - shift), (bx * scale + shift, by * scale - shift)


def _cells_at(x: float, y: float) -> set[tuple[int, int]]:
    """The cells within ``_NUDGE`` of the point (x, y)."""
    return {(math.floor((x + dx) / CELL), math.floor((y + dy) / CELL))
            for dx in (-_NUDGE, _NUDGE) for dy in (-_NUDGE, _NUDGE)}


_SCALES = st.sampled_from([1.0, 3.0, 7.5])
_SHIFTS = st.sampled_from([0.0, -200.0, 64.0, -0.25])


@settings(max_examples=300)
@given(line_segments(), _SCALES, _SHIFTS)
def test_a_segment_passes_only_and_all_of_its_cells(seg: tuple[Point, Point], scale: float,
                                                     shift: float) -> None:
    """Every point of the segment lies in a cell of ``cells_along`` (to its rounding),
    each cell is listed once, and each lies within the segment's box."""
    p, q = _placed(seg, scale, shift)
    cells = cells_along(p, q)
    assert len(set(cells)) == len(cells)
    for k in range(129):
        t = k / 128
        x, y = p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])
        assert _cells_at(x, y) & set(cells)
    for cx, cy in cells:
        assert cx * CELL <= max(p[0], q[0]) and (cx + 1) * CELL >= min(p[0], q[0])
        assert cy * CELL <= max(p[1], q[1]) and (cy + 1) * CELL >= min(p[1], q[1])


@settings(max_examples=200)
@given(line_segments(), _SCALES, _SHIFTS, st.sampled_from([0.0, 7.0, 27.0]),
       st.floats(0, 1), st.floats(0, 1))
def test_the_cells_near_a_segment_hold_its_grown_box(seg: tuple[Point, Point], scale: float,
                                                     shift: float, gap: float, u: float,
                                                     v: float) -> None:
    """Any point of the segment's box grown by ``gap`` lies in a cell of ``near_cells``
    (so a segment within ``gap`` shares a cell), and each cell is listed once."""
    p, q = _placed(seg, scale, shift)
    cells = near_cells(p, q, gap)
    assert len(set(cells)) == len(cells)
    x0, x1 = min(p[0], q[0]) - gap, max(p[0], q[0]) + gap
    y0, y1 = min(p[1], q[1]) - gap, max(p[1], q[1]) + gap
    for x, y in ((x0, y0), (x1, y1), (x0, y1), (x1, y0), (x0 + u * (x1 - x0), y0 + v * (y1 - y0))):
        assert (math.floor(x / CELL), math.floor(y / CELL)) in cells


@given(st.dictionaries(st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
                       st.lists(st.integers(0, 20), unique=True, max_size=6)),
       st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), unique=True, min_size=1,
                max_size=4))
def test_gathered_gives_every_number_of_the_walk_once(
        cells: dict[tuple[int, int], list[int]], walk: list[tuple[int, int]]) -> None:
    """The numbers listed under the cells of a walk, each once, whether the walk holds one
    cell (that cell's list as it is) or several (gathered in a set)."""
    found = list(gathered(cells, walk))
    assert len(found) == len(set(found))
    assert set(found) == {n for cell in walk for n in cells.get(cell, [])}
