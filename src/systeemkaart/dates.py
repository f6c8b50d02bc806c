"""Partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) that compare as the period they cover."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import total_ordering
from typing import Any, Final

__all__ = ["PartialDate"]

_PATTERN: Final = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
MIN_YEAR: Final = 1000
MAX_YEAR: Final = 2999

_SPACE: Final = (r"[\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029"
                 r"\u202f\u205f\u3000]*")
"""What ``str.strip()`` removes (every character whose ``isspace()`` is true)."""
_YEAR: Final = r"[12][0-9]{3}"
_LEAP_YEAR: Final = r"(?:[12][0-9](?:0[48]|[2468][048]|[13579][26])|(?:12|16|20|24|28)00)"
PATTERN_TEXT: Final = (
    rf"^{_SPACE}(?:"
    rf"{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)?"
    rf"|{_YEAR}-(?:0[13578]|1[02])-(?:29|30|31)"
    rf"|{_YEAR}-(?:0[469]|11)-(?:29|30)"
    rf"|{_LEAP_YEAR}-02-29"
    rf"){_SPACE}$"
)
"""Exactly the date strings :meth:`PartialDate.parse` accepts, as a regular expression that
means the same in Python and in JSON Schema (ECMA 262): years 1000-2999, real months and
days (leap years included), surrounding white space allowed as the parser strips it."""


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The number of days of ``month`` (1-12) in ``year``, as :func:`calendar.monthrange`
    gives it, without the weekday that function also works out."""
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month]


@total_ordering
class PartialDate:
    """A date known to the year, the month or the day.

    A partial date stands for the whole period it names: ``2021`` is 2021-01-01 to
    2021-12-31. ``earliest`` and ``latest`` give that period; ``<`` orders by the start of the
    period and then by precision, so sorting is total and deterministic.

    >>> PartialDate.parse("2022-09").latest
    datetime.date(2022, 9, 30)
    >>> PartialDate.parse(2021) < PartialDate.parse("2021-06")
    True
    """

    __slots__ = ("_earliest", "_latest", "day", "month", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} is out of range ({MIN_YEAR}-{MAX_YEAR})")
        if month is None and day is not None:
            raise ValueError("a day needs a month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            assert month is not None
            if not 1 <= day <= _days_in(year, month):
                raise ValueError(f"impossible date {year:04d}-{month:02d}-{day:02d}")
        self.year = year
        self.month = month
        self.day = day
        self._earliest: _dt.date | None = None
        self._latest: _dt.date | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Build from ``2021``, ``"2021-06"``, ``"2021-06-30"`` or a :class:`datetime.date`."""
        if type(value) is int:  # the forms a file holds first: a case may have thousands
            return cls(value)
        if isinstance(value, str):
            m = _PATTERN.match(value.strip())
            if m:
                y, mo, d = m.groups()
                return cls(int(y), int(mo) if mo else None, int(d) if d else None)
            raise ValueError(f"expected a date like 2021, 2021-06 or 2021-06-30 (got {value!r})")
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool):
            raise ValueError(f"expected a date like 2021, 2021-06 or 2021-06-30 (got {value!r})")
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            return cls(value)
        raise ValueError(f"expected a date like 2021, 2021-06 or 2021-06-30 (got {value!r})")

    @classmethod
    def today(cls) -> PartialDate:
        """Today's date, to the day."""
        t = _dt.date.today()
        return cls(t.year, t.month, t.day)

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def earliest(self) -> _dt.date:
        """The first day of the period (made once, on first use: the rules for what holds
        at a date ask it of the same dates again and again)."""
        first = self._earliest
        if first is None:
            first = self._earliest = _dt.date(self.year, self.month or 1, self.day or 1)
        return first

    @property
    def latest(self) -> _dt.date:
        """The last day of the period (made once, on first use, as :attr:`earliest`)."""
        last = self._latest
        if last is not None:
            return last
        if self.month is None:
            last = _dt.date(self.year, 12, 31)
        elif self.day is None:
            last = _dt.date(self.year, self.month, _days_in(self.year, self.month))
        else:
            last = _dt.date(self.year, self.month, self.day)
        self._latest = last
        return last

    def certainly_before(self, other: PartialDate) -> bool:
        """True when this whole period ends before ``other`` begins."""
        if self.year != other.year:  # a period lies within its year: the years decide
            return self.year < other.year
        return self.latest < other.earliest

    def overlaps(self, other: PartialDate) -> bool:
        """True when the two periods share at least one day."""
        if self.year != other.year:
            return False
        return not (self.latest < other.earliest or other.latest < self.earliest)

    def _key(self) -> tuple[int, int, int, int]:
        return (self.year, self.month or 0, self.day or 0, len(self.precision))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "pattern": PATTERN_TEXT},
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
            ],
            "description": "A date known to the year, month or day: 2021, 2021-06, 2021-06-30.",
        }
