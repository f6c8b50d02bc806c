"""The one rule for each fact that changes over time: born, deceased, together, active.

Every drawing, layout and analysis asks these functions, so two drawings of one case at one
date never disagree. A partial date stands for the whole period it names (``2021`` is all of
2021), and so does the date asked about. Two readings follow, each used for one kind of fact:

* a *period* (an involvement, a membership, a household, a supporter) holds at ``at`` when it
  may hold at some day of ``at``: it has begun by the end of ``at`` and not ended before its
  start (:func:`holds_at`); a household without a start begins when the latest partnership
  between two of its members does (:func:`household_start`);
* a *change* (a birth, a death, a separation) has happened at ``at`` when it may have
  happened by the end of ``at`` (:func:`happened_by`): a man who died in 2020 is drawn
  deceased at ``--at 2020`` and alive at ``--at 2019-12``.

``at=None`` means "no date": every period holds and every known change has happened.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..dates import PartialDate
    from .family import Partnership
    from .people import Person

__all__ = [
    "born_by",
    "deceased_at",
    "happened_by",
    "holds_at",
    "household_start",
    "partnership_ended_at",
    "partnership_made_by",
]


def happened_by(when: PartialDate | None, at: PartialDate | None) -> bool:
    """True when a change dated ``when`` may have happened by the end of ``at``.

    An undated change (``when is None``) counts as happened: the file says it did.
    """
    return when is None or at is None or when.earliest <= at.latest


def holds_at(start: PartialDate | None, end: PartialDate | None,
             at: PartialDate | None) -> bool:
    """True when the period ``start``..``end`` overlaps the period ``at`` names.

    An open start means "since ever", an open end "still".
    """
    if at is None:
        return True
    if start is not None and at.latest < start.earliest:
        return False
    return not (end is not None and end.latest < at.earliest)


def household_start(start: PartialDate | None, members: Sequence[str],
                    partnerships: Iterable[Partnership]) -> PartialDate | None:
    """When a household begins: its own ``start``; without one, the latest dated start of a
    partnership between two of its ``members`` (a couple's household does not exist before
    the couple does: drawn at an earlier date it would show a home that was not there yet);
    ``None`` ("since ever") when there is no such partnership.
    """
    if start is not None:
        return start
    inside = set(members)
    starts = [ps.start for ps in partnerships
              if ps.start is not None and inside.issuperset(ps.partners)]
    return max(starts, key=lambda d: d.earliest, default=None)


PREGNANCY_DAYS: Final = 280
"""A pregnancy dated by its due date is shown from this many days before it."""


def born_by(person: Person, at: PartialDate | None, as_of: PartialDate | None = None) -> bool:
    """True when ``person`` is part of the family at ``at``: born by then (undated people
    always are), or, for a pregnancy dated by its due date, conceived by then. An undated
    pregnancy is the one at the case's date ``as_of``: it is part of the family from a
    pregnancy's length before that (always, when ``as_of`` is not given)."""
    if person.pregnancy and at is not None:
        due = person.born if person.born is not None else as_of
        if due is not None:
            return due.earliest - _dt.timedelta(days=PREGNANCY_DAYS) <= at.latest
    return happened_by(person.born, at)


def deceased_at(person: Person, at: PartialDate | None) -> bool:
    """Deceased at ``at``: a known death by the end of ``at``, or marked deceased without date."""
    if person.died is not None:
        return happened_by(person.died, at)
    return person.deceased


def partnership_made_by(ps: Partnership, at: PartialDate | None) -> bool:
    """True when the couple had begun at ``at`` (an undated start always has)."""
    return happened_by(ps.start, at)


def partnership_ended_at(ps: Partnership, at: PartialDate | None) -> str | None:
    """How the couple has ended at ``at`` (``separated``/``divorced``/``widowed``), else ``None``.

    A separation whose date lies after ``at`` has not happened yet: ``None``.
    """
    if ps.status == "together":
        return None
    if ps.end is not None and not happened_by(ps.end, at):
        return None
    return ps.status
