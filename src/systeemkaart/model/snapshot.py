"""The case as it stood at one date: what had begun and had not yet ended.

:func:`case_at` is how every drawing and analysis shows "the state at ``--at DATE``": people
not yet born, couples not yet formed, households, contexts, memberships and supporters outside
their dates are left out, and a death or separation that lies after the date is undone. It
applies the rules of :mod:`systeemkaart.model.periods`, so each drawing only draws what it is
given. Involvements keep their places (drawings refer to them by position and pick the active ones
with :meth:`Involvement.active_at`; the timeline reads the case itself); one whose agent or
every target did not exist at the date is never active in the result. Cost: O(size of the case).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ..dates import MIN_YEAR, PartialDate
from .periods import (
    PREGNANCY_DAYS,
    born_by,
    deceased_at,
    holds_at,
    partnership_ended_at,
    partnership_made_by,
)

if TYPE_CHECKING:
    from .case import Case
    from .people import Person

__all__ = ["case_at", "case_with_ended", "help_periods"]

_NEVER: Final = PartialDate(MIN_YEAR)
"""The period given to an involvement whose agent or targets did not exist at the date."""

_Dated = TypeVar("_Dated", bound=Any)
Period = tuple[PartialDate | None, PartialDate | None]
"""A start and an end, either open."""


def case_at(case: Case, at: PartialDate | None) -> Case:
    """``case`` reduced to what held at ``at`` (``case`` itself when nothing changes).

    An undated pregnancy is the one at the case's date (``as_of``): it is left out at dates
    more than a pregnancy's length before that.

    Applying it twice gives the same case as applying it once.
    """
    if at is None:
        return case
    changed = False
    people = []
    as_of = case.as_of()
    for p in case.people:
        if not born_by(p, at, as_of):
            changed = True
            continue
        if (p.died is not None or p.deceased) and not deceased_at(p, at):
            p = p.model_copy(update={"died": None, "deceased": False})
            changed = True
        people.append(p)
    present = {p.id for p in people}
    for k, p in enumerate(people):
        if p.twin_of is not None and p.twin_of not in present:
            people[k] = p.model_copy(update={"twin_of": None, "identical": False})

    partnerships = []
    for ps in case.partnerships:
        if not (partnership_made_by(ps, at) and all(x in present for x in ps.partners)):
            changed = True
            continue
        if ps.status != "together" and partnership_ended_at(ps, at) is None:
            ps = ps.model_copy(update={"status": "together", "end": None})
            changed = True
        partnerships.append(ps)

    children = []
    joins_later: set[str] = set()
    for link in case.children:
        parents = [x for x in link.parents if x in present]
        if link.child not in present or not parents or not holds_at(link.start, None, at):
            if link.child in present and link.start is not None:
                joins_later.add(link.child)
            changed = True
            continue
        if len(parents) != len(link.parents):
            link = link.model_copy(update={"parents": parents})
            changed = True
        children.append(link)
    # a foster or adopted child whose every link to this family starts later is not yet in it
    linked = {x for link in children for x in (link.child, *link.parents)}
    linked |= {x for ps in partnerships for x in ps.partners}
    if joins_later - linked:
        present -= joins_later - linked
        people = [p for p in people if p.id in present]

    households = []
    for h in case.households:
        members = [x for x in h.members_at(at, case.partnerships) if x in present]
        if not members:
            changed = True
            continue
        if members != h.members or h.memberships:
            h = h.model_copy(update={"members": members, "memberships": []})
            changed = True
        households.append(h)

    network = []
    for s in case.network:
        if not s.holds_at(at):
            changed = True
            continue
        supports = [x for x in s.supports if x in present]
        if supports != s.supports:
            s = s.model_copy(update={"supports": supports})
            changed = True
        if s.person is not None and s.person not in present:  # stands for someone not yet born
            s = s.model_copy(update={"person": None})
            changed = True
        network.append(s)

    contexts = []
    for c in case.contexts:
        if not c.holds_at(at):
            changed = True
            continue
        members = [x for x in c.members_at(at) if x in present]
        if members != c.members or c.memberships:
            c = c.model_copy(update={"members": members, "memberships": []})
            changed = True
        if c.person is not None and c.person not in present:
            c = c.model_copy(update={"person": None})
            changed = True
        contexts.append(c)

    agents = {s.id for s in network} | {c.id for c in contexts}
    agents |= {o.id for o in case.organisations}
    agents |= {pro.id for _, pro in case.professionals()}
    organisations = case.organisations
    involvements = []
    for inv in case.involvements:
        targets = [x for x in inv.targets if x in present]
        if inv.agent not in agents or not targets:
            if inv.start == _NEVER and inv.end == _NEVER:
                involvements.append(inv)
                continue
            # kept in its place (drawings refer to involvements by position) but never active
            inv = inv.model_copy(update={"start": _NEVER, "end": _NEVER})
            changed = True
        elif targets != inv.targets:
            inv = inv.model_copy(update={"targets": targets})
            changed = True
        involvements.append(inv)
    known = present | agents

    relations = []
    for r in case.relations:
        if not (holds_at(r.start, r.end, at) and all(x in known for x in r.between)):
            changed = True
            continue
        relations.append(r)

    events = [ev for ev in case.events
              if holds_at(ev.date, None, at) and all(x in known for x in ev.people)]
    changed |= len(events) != len(case.events)
    hypotheses = []
    for hy in case.hypotheses:
        about = [x for x in hy.about if x in known]
        if about != hy.about:
            hy = hy.model_copy(update={"about": about})
            changed = True
        hypotheses.append(hy)
    index = [x for x in case.case.index if x in present]
    regie = [x for x in case.case.regie if x in present]
    meta = case.case
    if index != meta.index or regie != meta.regie:
        meta = meta.model_copy(update={"index": index, "regie": regie})
        changed = True
    if not changed:
        return case
    return case.model_copy(update={
        "case": meta, "people": people, "partnerships": partnerships, "children": children,
        "relations": relations, "households": households, "network": network,
        "contexts": contexts, "organisations": organisations, "involvements": involvements,
        "events": events, "hypotheses": hypotheses,
    })


def case_with_ended(case: Case, since: PartialDate, at: PartialDate) -> Case:
    """``case`` with what held at ``since`` but ended by ``at`` kept open, so that a drawing
    at ``at`` still shows it (``draw --since`` fades it). Involvements, relations,
    households, contexts, supporters and memberships lose such an ``end``; nothing else
    changes."""

    def ended(start: PartialDate | None, end: PartialDate | None) -> bool:
        return holds_at(start, end, since) and not holds_at(start, end, at)

    def opened(items: list[_Dated]) -> list[_Dated]:
        return [x.model_copy(update={"end": None}) if ended(x.start, x.end) else x
                for x in items]

    households = [h.model_copy(update={"end": None if ended(h.start, h.end) else h.end,
                                       "memberships": opened(h.memberships)})
                  for h in case.households]
    contexts = [c.model_copy(update={"end": None if ended(c.start, c.end) else c.end,
                                     "memberships": opened(c.memberships)})
                for c in case.contexts]
    return case.model_copy(update={
        "involvements": opened(case.involvements), "relations": opened(case.relations),
        "network": opened(case.network), "households": households, "contexts": contexts,
    })


def help_periods(case: Case) -> list[Period | None]:
    """Per involvement (in file order), the period in which it counts as active.

    The involvement's own ``start``..``end``, narrowed to when its agent existed (a dated
    supporter or context) and to when at least one of its targets was born: the same rule as
    :func:`case_at` applies at one date, as a period, so counts over many months (the
    timeline's chart, the analyses' history) need no snapshot per month. ``None`` when that
    leaves no time at all (a supporter who left before the help began). Cost O(size).
    """
    agents: dict[str, Period] = {s.id: (s.start, s.end) for s in case.network}
    agents.update({c.id: (c.start, c.end) for c in case.contexts})
    as_of = case.as_of()
    arrival: dict[str, PartialDate | None] = {p.id: _arrival(p, as_of) for p in case.people}
    out: list[Period | None] = []
    for inv in case.involvements:
        starts = [inv.start]
        ends = [inv.end]
        if inv.agent in agents:
            starts.append(agents[inv.agent][0])
            ends.append(agents[inv.agent][1])
        came = [arrival.get(t) for t in inv.targets]
        if came and all(c is not None for c in came):
            starts.append(min((c for c in came if c is not None), key=lambda d: d.earliest))
        start = max((s for s in starts if s is not None), key=lambda d: d.earliest,
                    default=None)
        end = min((e for e in ends if e is not None), key=lambda d: d.latest, default=None)
        empty = start is not None and end is not None and end.latest < start.earliest
        out.append(None if empty else (start, end))
    return out


def _arrival(person: Person, as_of: PartialDate) -> PartialDate | None:
    """From when a person is part of the family (see :func:`born_by`: an undated pregnancy
    is the one at the case's date ``as_of``)."""
    if person.pregnancy:
        due = person.born if person.born is not None else as_of
        return PartialDate.parse(due.earliest - _dt.timedelta(days=PREGNANCY_DAYS))
    return person.born
