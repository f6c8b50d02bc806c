"""Geometry behind the choice of straight emotional lines: when one line runs along another."""

from __future__ import annotations

import pytest

from systeemkaart.layout.genogram_near import runs_along

Seg = tuple[tuple[float, float], tuple[float, float]]


@pytest.mark.parametrize(("s", "t", "expected"), [
    (((0, 0), (100, 0)), ((20, 3), (60, 3)), True),  # parallel, 3 apart, 40 long
    (((0, 0), (100, 0)), ((20, 5), (60, 5)), False),  # parallel, 5 apart
    (((0, 0), (100, 0)), ((20, 3), (28, 3)), False),  # parallel but only 8 long
    (((0, 0), (100, 0)), ((50, -50), (50, 50)), False),  # at right angles
    (((0, 0), (100, 10)), ((0, 2), (100, 12)), True),  # slanted, 2 apart all the way
    (((0, 0), (100, 100)), ((0, 100), (100, 0)), False),  # crossing slanted lines
    (((0, 0), (3, 100)), ((2, 0), (2, 100)), True),  # nearly along a vertical line
    (((0, 0), (30, 100)), ((2, 0), (2, 100)), True),  # leaves it after about 20 units
    (((0, 0), (100, 100)), ((2, 0), (2, 100)), False),  # leaves it within 10 units
    (((0, 0), (100, 100)), ((0, 50), (100, 50)), False),  # crosses at 45 degrees: 11 near
    (((0, 0), (100, 27)), ((0, 13), (100, 13)), True),  # crosses at 15 degrees: 31 near
])
def test_along(s: Seg, t: Seg, expected: bool) -> None:
    assert runs_along(s, t) is expected
