"""The layout's remembered rounding gives exactly what ``round(value, 2)`` gives."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.layout import round2


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e7, max_value=1e7))
def test_round2_is_round_to_two_decimals_also_when_remembered(value: float) -> None:
    expected = round(value, 2)
    for _ in range(2):  # computed, then remembered
        got = round2(value)
        assert got == expected
        assert math.copysign(1.0, got) == math.copysign(1.0, expected)


def test_negative_and_positive_zero_keep_their_sign() -> None:
    assert math.copysign(1.0, round2(-0.0)) == -1.0
    assert math.copysign(1.0, round2(0.0)) == 1.0
    assert math.copysign(1.0, round2(-0.001)) == -1.0  # round(-0.001, 2) is -0.0
