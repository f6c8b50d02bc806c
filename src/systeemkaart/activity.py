"""Which help is active when: involvements at a date and concurrent helpers per month.

Small pure helpers shared by the systemogram (``--at DATE``), the timeline and the analyses.
An involvement without ``start`` counts as active since ever, one without ``end`` as still
active; a partial date stands for the whole period it names (see :mod:`systeemkaart.dates`).
An involvement counts only while its agent exists and one of its targets is born
(:func:`systeemkaart.model.help_periods`, the rule :func:`~systeemkaart.model.case_at` applies).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .dates import PartialDate
from .model import Case, Involvement, help_periods, holds_at

__all__ = [
    "MonthCount",
    "active_involvements",
    "help_counts",
    "helper_count_per_month",
    "months",
    "shown_agents",
    "time_span",
]


def active_involvements(case: Case, at: PartialDate) -> list[tuple[int, Involvement]]:
    """The involvements active at ``at`` with their index in ``case.involvements``.

    The index is kept so a drawing can refer back to the record in the file.
    """
    periods = help_periods(case)
    return [(i, inv) for i, (inv, period) in enumerate(zip(case.involvements, periods,
                                                             strict=True))
            if period is not None and holds_at(*period, at)]


def shown_agents(case: Case, at: PartialDate) -> set[str]:
    """The agents that belong in a drawing of the state at ``at``.

    An agent is shown when it has an involvement active at ``at``, or when it has no
    involvement records at all (a supporter, context or professional that is simply part of
    the picture). An agent whose involvements all lie outside ``at`` is not shown. An
    organisation is also shown when one of its professionals is.
    """
    has_any: set[str] = {inv.agent for inv in case.involvements}
    active: set[str] = {inv.agent for _, inv in active_involvements(case, at)}
    shown = {a for a in case.agent_types() if a in active or a not in has_any}
    for org in case.organisations:
        if org.professionals and org.id not in has_any:
            # an organisation that is only a frame for its professionals follows them
            shown.discard(org.id)
        if any(pro.id in shown for pro in org.professionals):
            shown.add(org.id)
    return shown


@dataclass(frozen=True, slots=True)
class MonthCount:
    """How many professionals and organisations were involved at the same time in a month.

    ``professionals`` counts distinct professional agents plus organisations that are
    involved directly (an organisation without a named professional stands for one);
    ``organisations`` counts the distinct organisations behind them.
    """

    month: PartialDate
    professionals: int
    organisations: int


def months(first: PartialDate, last: PartialDate) -> Iterator[PartialDate]:
    """Every month from the month of ``first`` to the month of ``last``, inclusive."""
    y, m = first.earliest.year, first.earliest.month
    end = (last.latest.year, last.latest.month)
    while (y, m) <= end:
        yield PartialDate(y, m)
        m += 1
        if m > 12:
            y, m = y + 1, 1


def time_span(case: Case, at: PartialDate) -> tuple[PartialDate, PartialDate]:
    """The months a timeline of ``case`` covers: every dated involvement and event, and ``at``.

    Starts at the earliest start or event (a year before ``at`` when nothing is dated) and
    ends at the latest end, event or ``at``, whichever is last.
    """
    dates: list[PartialDate] = [at]
    for inv in case.involvements:
        dates += [d for d in (inv.start, inv.end) if d is not None]
    dates += [ev.date for ev in case.events]
    first = min(dates, key=lambda d: d.earliest)
    last = max(dates, key=lambda d: d.latest)
    if first == at and last == at:
        first = PartialDate(max(at.year - 1, 1000), at.earliest.month)
    return PartialDate(first.earliest.year, first.earliest.month), PartialDate(
        last.latest.year, last.latest.month
    )


def helper_count_per_month(
    case: Case, first: PartialDate, last: PartialDate
) -> list[MonthCount]:
    """Concurrent professionals and organisations in each month from ``first`` to ``last``.

    The stacking of help (*stapeling*) over time, counted as the analyses count it: a named
    professional is one, and so is an organisation or a context that is itself the agent of
    an involvement (someone unnamed acts there); organisations are those involved directly
    or through a professional. Informal supporters are not counted. Cost: O(months x
    involvements).
    """
    periods = help_periods(case)
    return [MonthCount(month, *help_counts(case, month, periods))
            for month in months(first, last)]


def help_counts(case: Case, at: PartialDate,
                periods: list[tuple[PartialDate | None, PartialDate | None] | None] | None = None
                ) -> tuple[int, int]:
    """(professionals, organisations) involved at ``at``, counted as the analyses count them.

    A named professional is one, and so is an organisation or a context that is itself the
    agent of an involvement; organisations are those involved directly or through one of
    their professionals. Informal supporters do not count. Cost: O(involvements).
    """
    employer = case.employer()
    orgs = {o.id for o in case.organisations}
    contexts = {c.id for c in case.contexts}
    periods = periods if periods is not None else help_periods(case)
    agents = {inv.agent for inv, period in zip(case.involvements, periods, strict=True)
              if (inv.agent in employer or inv.agent in orgs or inv.agent in contexts)
              and period is not None and holds_at(*period, at)}
    organisations = {employer.get(a, a) for a in agents if a not in contexts}
    return len(agents), len(organisations)
