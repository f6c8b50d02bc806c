"""PartialDate: parsing, the period it stands for, ordering and its messages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.dates import PartialDate
from tests.strategies import partial_dates


@pytest.mark.parametrize(
    ("value", "text", "precision", "earliest", "latest"),
    [
        (2021, "2021", "year", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2021", "2021", "year", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2022-09", "2022-09", "month", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
        ("2024-02", "2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", "2023-02", "month", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2007-03-14", "2007-03-14", "day", dt.date(2007, 3, 14), dt.date(2007, 3, 14)),
        (dt.date(2020, 2, 29), "2020-02-29", "day", dt.date(2020, 2, 29), dt.date(2020, 2, 29)),
        (dt.datetime(2020, 1, 2, 3, 4), "2020-01-02", "day", dt.date(2020, 1, 2),
         dt.date(2020, 1, 2)),
        (" 1999 ", "1999", "year", dt.date(1999, 1, 1), dt.date(1999, 12, 31)),
    ],
)
def test_parse(value: object, text: str, precision: str, earliest: dt.date,
               latest: dt.date) -> None:
    d = PartialDate.parse(value)
    assert str(d) == text
    assert d.precision == precision
    assert (d.earliest, d.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2021-02-30", "impossible date 2021-02-30"),
        ("2023-02-29", "impossible date 2023-02-29"),
        ("2021-13", "month 13 does not exist"),
        ("2021-00", "month 0 does not exist"),
        ("0999", "year 999 is out of range (1000-2999)"),
        (3000, "year 3000 is out of range (1000-2999)"),
        ("21-06-2021", "expected a date like 2021, 2021-06 or 2021-06-30 (got '21-06-2021')"),
        ("2021/06", "expected a date like 2021, 2021-06 or 2021-06-30 (got '2021/06')"),
        ("2021-6", "expected a date like 2021, 2021-06 or 2021-06-30 (got '2021-6')"),
        (True, "expected a date like 2021, 2021-06 or 2021-06-30 (got True)"),
        (2021.5, "expected a date like 2021, 2021-06 or 2021-06-30 (got 2021.5)"),
        (None, "expected a date like 2021, 2021-06 or 2021-06-30 (got None)"),
        ("", "expected a date like 2021, 2021-06 or 2021-06-30 (got '')"),
    ],
)
def test_parse_rejects(value: object, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        PartialDate.parse(value)


def test_day_needs_month() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2021, None, 3)


@given(partial_dates())
def test_text_round_trip(value: str | int) -> None:
    d = PartialDate.parse(value)
    assert PartialDate.parse(str(d)) == d
    assert hash(PartialDate.parse(str(d))) == hash(d)
    assert d.earliest <= d.latest
    assert repr(d) == f"PartialDate({str(d)!r})"


@given(partial_dates(), partial_dates())
def test_period_relations(a_raw: str | int, b_raw: str | int) -> None:
    a, b = PartialDate.parse(a_raw), PartialDate.parse(b_raw)
    # Exactly one of: a before b, b before a, overlap.
    assert [a.certainly_before(b), b.certainly_before(a), a.overlaps(b)].count(True) == 1
    assert a.overlaps(b) == b.overlaps(a)
    # The shortcut by year gives what the days give.
    assert a.certainly_before(b) == (a.latest < b.earliest)
    assert a.overlaps(b) == (not (a.latest < b.earliest or b.latest < a.earliest))
    # The order is total and agrees with the start of the periods.
    assert (a < b) + (b < a) + (a == b) == 1
    if a.earliest < b.earliest:
        assert a < b


@given(st.lists(partial_dates(), max_size=8))
def test_sorting_is_deterministic(raw: list[str | int]) -> None:
    dates = [PartialDate.parse(x) for x in raw]
    assert sorted(dates) == sorted(reversed(dates))


def test_coarser_sorts_first() -> None:
    dates = [PartialDate.parse(x) for x in ("2021-06-01", "2021-06", "2021", "2020-12-31")]
    assert [str(d) for d in sorted(dates)] == ["2020-12-31", "2021", "2021-06", "2021-06-01"]


def test_not_equal_to_other_types() -> None:
    assert PartialDate(2021) != 2021
    assert PartialDate(2021) != "2021"
    with pytest.raises(TypeError):
        _ = PartialDate(2021) < 2022  # type: ignore[operator]


def test_today_is_a_day() -> None:
    today = PartialDate.today()
    assert today.precision == "day"
    before = dt.date.today()
    today = PartialDate.today()
    after = dt.date.today()
    assert today.earliest in {before, after}  # the clock may pass midnight in between
