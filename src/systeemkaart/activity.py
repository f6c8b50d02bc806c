"""Which help is active when, and how it is counted: the one counting rule of the package.

Used by the systemogram (``--at DATE`` and its badge), the timeline and the analyses, so a
drawing and a report never tell a session different numbers.

Counting rules:

* a *professional* counts as one: each named professional, and each organisation that is
  itself the agent of an involvement (someone unnamed acts there);
* a *context* (a school, a training placement, a sport club) named as an agent is a context,
  not a professional, unless it has staff in the case: an organisation of the same name with
  named professionals, which it then stands for;
* *informal* supporters are never professionals;
* an involvement's period overlaps a date when it was active at some moment of the period the
  date names (``2021`` is all of 2021). An involvement without ``start`` is known only from
  the case's date (``as_of``), or from its ``end`` when that comes first: it is never counted
  from the beginning of time. One without ``end`` is still active;
* an involvement counts only while its agent exists and one of its targets is born: its
  period is narrowed by :func:`systeemkaart.model.help_periods`, the rule
  :func:`~systeemkaart.model.case_at` applies at one date.

Drawings (:func:`active_involvements`, :func:`shown_agents`) show an undated involvement at
every date its agent and a target exist: that is what the file says is there, not a count.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from .dates import PartialDate
from .model import Case, Involvement, help_periods, holds_at

__all__ = [
    "OPEN_END",
    "HelpUnits",
    "MonthCount",
    "Period",
    "active_involvements",
    "concurrent_per_month",
    "help_counts",
    "help_units",
    "helper_count_per_month",
    "involvement_days",
    "involvement_months",
    "month_number",
    "month_text",
    "months",
    "shown_agents",
    "time_span",
]

OPEN_END: Final = 10**9
"""The last day (ordinal) of an involvement that has no end."""

Period = tuple[PartialDate | None, PartialDate | None]
"""A start and an end, either open (one entry of :func:`~systeemkaart.model.help_periods`)."""


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


@dataclass(frozen=True, slots=True)
class MonthCount:
    """How many professionals and organisations were involved at the same time in a month.

    Counted by the package's one rule (see the module): ``professionals`` counts distinct
    professional agents, ``organisations`` the distinct organisations behind them.
    """

    month: PartialDate
    professionals: int
    organisations: int


@dataclass(frozen=True, slots=True)
class HelpUnits:
    """How the agents of one case count.

    ``organisation`` maps every agent that counts as a professional to the organisation it
    counts under (``None`` for none); agents missing from it (supporters, unstaffed contexts)
    are not professionals.
    """

    organisation: Mapping[str, str | None]

    def counts(self, agent: str) -> bool:
        """True when ``agent`` counts as a professional."""
        return agent in self.organisation


def help_units(case: Case) -> HelpUnits:
    """How every agent of ``case`` counts (see the module's rules). Cost O(agents)."""
    organisation: dict[str, str | None] = {}
    staffed: dict[str, str] = {}
    for org in case.organisations:
        organisation[org.id] = org.id
        for pro in org.professionals:
            organisation[pro.id] = org.id
        if org.professionals and org.name:
            staffed.setdefault(org.name.casefold(), org.id)
    for ctx in case.contexts:
        if ctx.name and ctx.name.casefold() in staffed:
            organisation[ctx.id] = staffed[ctx.name.casefold()]
    return HelpUnits(organisation)


def involvement_days(inv: Involvement, period: Period | None,
                     known: PartialDate) -> tuple[int, int] | None:
    """The first and last day (ordinals) an involvement counts, by the module's rule.

    ``period`` is the involvement's entry of :func:`~systeemkaart.model.help_periods` (its
    own dates narrowed to when its agent and a target existed; ``None``: never). ``known``
    is the case's date: an involvement without its own ``start`` counts from there, or from
    its ``end`` when that comes first, and not before its agent or a target existed; without
    ``end`` it runs to :data:`OPEN_END`. ``None`` when no day is left.
    """
    if period is None:
        return None
    start, end = period
    if inv.start is None:
        first = end.earliest if end is not None and end.earliest < known.earliest \
            else known.earliest
        if start is not None:
            first = max(first, start.earliest)
    else:
        first = start.earliest if start is not None else inv.start.earliest
    last = end.latest.toordinal() if end is not None else OPEN_END
    if last < first.toordinal():
        return None
    return first.toordinal(), last


def month_number(year: int, month: int) -> int:
    """A month as one integer (``year * 12 + month - 1``) for fast range sweeps."""
    return year * 12 + month - 1


def month_text(number: int) -> str:
    """The inverse of :func:`month_number`, as ``YYYY-MM``."""
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def _overlap(lo: int, hi: int, day0: int, day1: int) -> bool:
    return day0 <= hi and day1 >= lo


def help_counts(case: Case, at: PartialDate) -> tuple[int, int]:
    """(professionals, organisations) involved at ``at``, by the module's counting rule.

    Cost: O(agents + involvements).
    """
    units = help_units(case)
    known = case.as_of()
    lo, hi = at.earliest.toordinal(), at.latest.toordinal()
    agents = set()
    for inv, period in zip(case.involvements, help_periods(case), strict=True):
        days = involvement_days(inv, period, known) if units.counts(inv.agent) else None
        if days is not None and _overlap(lo, hi, *days):
            agents.add(inv.agent)
    organisations = {units.organisation[a] for a in agents} - {None}
    return len(agents), len(organisations)


def concurrent_per_month(
    spans: Iterable[tuple[str, int, int]],
    organisation: Mapping[str, str | None],
    first: int,
    last: int,
) -> list[tuple[int, int]]:
    """Concurrent (professionals, organisations) in each month number ``first..last``.

    ``spans`` are ``(agent, first month, last month)`` of the involvements of agents that
    count as professionals; ``organisation`` maps each agent to its organisation. An agent
    (or organisation) with overlapping involvements counts once per month. A sweep over
    merged ranges: O(spans log spans + months).
    """
    n = last - first + 1
    if n <= 0:
        return []
    by_agent: dict[str, list[tuple[int, int]]] = {}
    by_org: dict[str, list[tuple[int, int]]] = {}
    for agent, m0, m1 in spans:
        lo, hi = max(m0, first), min(m1, last)
        if lo > hi:
            continue
        by_agent.setdefault(agent, []).append((lo, hi))
        org = organisation.get(agent)
        if org is not None:
            by_org.setdefault(org, []).append((lo, hi))
    pros = _sweep(by_agent.values(), first, n)
    orgs = _sweep(by_org.values(), first, n)
    return list(zip(pros, orgs, strict=True))


def _sweep(groups: Iterable[list[tuple[int, int]]], first: int, n: int) -> list[int]:
    """How many groups have a range covering each of ``n`` months from ``first``."""
    diff = [0] * (n + 1)
    for ranges in groups:
        ranges.sort()
        lo, hi = ranges[0]
        for a, b in ranges[1:]:
            if a <= hi + 1:
                hi = max(hi, b)
            else:
                diff[lo - first] += 1
                diff[hi - first + 1] -= 1
                lo, hi = a, b
        diff[lo - first] += 1
        diff[hi - first + 1] -= 1
    out, count = [], 0
    for k in range(n):
        count += diff[k]
        out.append(count)
    return out


def _month_of_day(day: int) -> int:
    if day >= OPEN_END:
        return OPEN_END
    d = date.fromordinal(day)
    return month_number(d.year, d.month)


def involvement_months(case: Case, units: HelpUnits | None = None
                       ) -> list[tuple[str, int, int]]:
    """``(agent, first month, last month)`` of every involvement of a professional."""
    units = units or help_units(case)
    known = case.as_of()
    out = []
    for inv, period in zip(case.involvements, help_periods(case), strict=True):
        days = involvement_days(inv, period, known) if units.counts(inv.agent) else None
        if days is not None:
            out.append((inv.agent, _month_of_day(days[0]), _month_of_day(days[1])))
    return out


def helper_count_per_month(
    case: Case, first: PartialDate, last: PartialDate
) -> list[MonthCount]:
    """Concurrent professionals and organisations in each month from ``first`` to ``last``.

    The stacking of help (*stapeling*) over time, counted by the module's rule (the same as
    the analyses' ``history``). Cost: O(involvements log involvements + months).
    """
    units = help_units(case)
    m0 = month_number(first.earliest.year, first.earliest.month)
    m1 = month_number(last.latest.year, last.latest.month)
    counts = concurrent_per_month(involvement_months(case, units), units.organisation, m0, m1)
    return [MonthCount(PartialDate(m // 12, m % 12 + 1), p, o)
            for m, (p, o) in zip(range(m0, m1 + 1), counts, strict=True)]
