"""Where an emotional line stands in a genogram corridor with no x clear of its lines."""

from __future__ import annotations

import pytest

from systeemkaart.layout.genogram_crowded_slot import clearance, crowded_slot


def test_crowded_slot_stands_furthest_from_the_lines_there() -> None:
    """In a corridor with no x clear of its lines, a line stands where what it draws is
    furthest from theirs (here midway between two family lines 10 apart), not where it
    aims; of x clear by the usual clear space, the one nearest its aim; with no room,
    nowhere."""
    assert crowded_slot([0.0, 10.0], [0.7, 0.7], 3.7, 1.0, (1.0, 9.0), []) == 5.0
    assert crowded_slot([0.0], [0.7], 3.7, -2.0, (-5.0, 15.0), []) == 10.5
    assert clearance([0.0, 10.0], [0.7, 0.7], 5.0, 3.7) == pytest.approx(0.6)
    assert crowded_slot([0.0], [0.7], 0.7, 2.0, (5.0, 1.0), []) is None
