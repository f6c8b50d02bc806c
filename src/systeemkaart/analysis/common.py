"""Shared ground of the analyses: the finding model and a plain-dict index of one case.

Every analysis reads the case through :class:`CaseIndex`, built once in O(size of the case):
plain dicts and integer day numbers instead of repeated model lookups, so that a whole report
on a 30-person case takes about a millisecond.

Counting follows the package's one rule in :mod:`systeemkaart.activity` (the drawings use the
same): a named professional, or an organisation acting without a named one, counts as one
professional; a context counts only when it has staff in the case; supporters are counted
apart; an involvement without ``start`` counts from the case's date, not from ever.

Roles: Veilig Thuis, the police, child protection and the leerplichtambtenaar have a
*statutory* task (:meth:`CaseIndex.statutory`); child protection deciding over the family
acts under a court measure (:meth:`CaseIndex.court_measure`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from ..activity import (
    OPEN_END,
    HelpUnits,
    help_units,
    involvement_days,
    month_number,
    month_text,
)
from ..dates import PartialDate
from ..model import (
    Case,
    Involvement,
    Person,
    born_by,
    case_at,
    deceased_at,
    help_periods,
    no_items,
)

__all__ = [
    "INFORMAL",
    "NEGATIVE_RELATIONS",
    "POSITIVE_RELATIONS",
    "STATUTORY_KINDS",
    "Active",
    "CaseIndex",
    "Finding",
    "Result",
    "build_index",
    "month_number",
    "month_text",
]

POSITIVE_RELATIONS: Final = frozenset({"close", "fused"})
"""Relation kinds that bind two people (a positive edge of the signed graph)."""

NEGATIVE_RELATIONS: Final = frozenset({"conflict", "hostile", "cutoff", "abuse", "neglect"})
"""Relation kinds that set two people against each other (a negative edge)."""

INFORMAL: Final = "supporter"

STATUTORY_KINDS: Final = frozenset({"child_protection", "safety_home", "police",
                                     "compulsory_education"})
"""Organisation kinds with a statutory task (*wettelijke taak*)."""

_COMPULSORY_EDUCATION: Final = ("leerplicht", "attendance officer", "compulsory education")
"""Words in a municipal professional's name or role that mark the leerplichtambtenaar."""


class Result(BaseModel):
    """Base of every analysis result: frozen, strict about its fields, JSON-able."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Finding(Result):
    """One thing an analysis noticed: a stable ``code``, the ids it is about, and why.

    ``why`` is one sentence in the case's language; ``evidence`` lists the facts behind it
    (``relations[2]: jongen - vader conflict``) so that a reader can check it in the file.
    """

    code: str
    members: list[str]
    why: str
    evidence: list[str] = Field(default_factory=no_items)


@dataclass(slots=True)
class Active:
    """One involvement as plain data: who, whom, how, and its period in days and months."""

    index: int
    agent: str
    targets: tuple[str, ...]
    stance: str
    regie: bool
    entry: str | None
    day0: int
    day1: int
    month0: int
    month1: int
    has_start: bool

    def at(self, lo: int, hi: int) -> bool:
        """True when the period overlaps the days ``lo..hi`` (ordinals, inclusive)."""
        return self.day0 <= hi and self.day1 >= lo


def _active(i: int, inv: Involvement, days: tuple[int, int]) -> Active:
    day0, day1 = days
    first = date.fromordinal(day0)
    month0 = month_number(first.year, first.month)
    if day1 < OPEN_END:
        last = date.fromordinal(day1)
        month1 = month_number(last.year, last.month)
    else:
        month1 = day1
    return Active(i, inv.agent, tuple(dict.fromkeys(inv.targets)), inv.stance, inv.regie,
                  inv.entry, day0, day1, month0, month1, inv.start is not None)


@dataclass(slots=True)
class CaseIndex:
    """The facts of one case that the analyses need, as plain dicts, at one date.

    ``kind`` maps every agent id to ``professional``, ``organisation``, ``context`` or
    ``supporter``; ``org_of`` maps a professional to its organisation; ``org_kind`` gives an
    organisation's or a context's kind; ``units`` says how each agent counts.
    ``involvements`` holds every involvement with the days it counts by the package's rule
    (:func:`systeemkaart.activity.involvement_days`: narrowed to when its agent and a target
    existed; help that never had them is left out); ``active`` those active at ``when``.
    ``people`` holds those born by ``when`` (a death after it undone); ``supports`` the
    supporters there at ``when``.
    """

    case: Case
    when: PartialDate
    lang: str
    names: dict[str, str]
    people: dict[str, Person]
    kind: dict[str, str]
    org_of: dict[str, str]
    org_kind: dict[str, str]
    involvements: list[Active]
    active: list[Active]
    units: HelpUnits = field(default_factory=lambda: HelpUnits({}))
    roles: dict[str, str] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=dict)
    kids: dict[str, list[str]] = field(default_factory=dict)
    supports: dict[str, list[str]] = field(default_factory=dict)
    strength: Mapping[str, str] = field(default_factory=dict)
    day0: int = 0
    day1: int = 0
    now: Case | None = None

    def at_date(self) -> Case:
        """The case as it stood at ``when`` (:func:`systeemkaart.model.case_at`); ``case``
        itself keeps every record in file order, so evidence can cite its position."""
        return self.now if self.now is not None else self.case

    def name(self, node: str) -> str:
        """The name to show for an id (the id itself when there is no name)."""
        return self.names.get(node, node)

    def names_of(self, ids: Iterable[str]) -> str:
        """Names joined for a sentence: ``a, b en c`` (Dutch) or ``a, b and c``."""
        items = [self.name(i) for i in ids]
        if len(items) <= 1:
            return "".join(items)
        word = " en " if self.lang == "nl" else " and "
        return ", ".join(items[:-1]) + word + items[-1]

    def is_professional(self, agent: str) -> bool:
        """True for agents that count as professionals (see :mod:`systeemkaart.activity`)."""
        return self.units.counts(agent)

    def is_context(self, agent: str) -> bool:
        """True for a context (school, placement, sport...) that is not a professional."""
        return self.kind.get(agent) == "context" and not self.units.counts(agent)

    def unit_kind(self, agent: str) -> str:
        """The kind an agent counts under: its organisation's kind, a context's kind, or
        ``informal`` for a supporter."""
        k = self.kind.get(agent)
        if k == "professional":
            return self.org_kind.get(self.org_of.get(agent, ""), "other")
        if k in ("organisation", "context"):
            return self.org_kind.get(agent, "other")
        return "informal"

    def organisation(self, agent: str) -> str | None:
        """The organisation an agent counts under (itself for an organisation), else ``None``."""
        return self.units.organisation.get(agent)

    def statutory(self, agent: str) -> bool:
        """True for an agent with a statutory task (*wettelijke taak*): Veilig Thuis, the
        police, child protection, and the leerplichtambtenaar (a municipal professional
        whose name or role says so)."""
        org = self.organisation(agent)
        if org is not None and self.org_kind.get(org) in STATUTORY_KINDS:
            return True
        if org is None or self.org_kind.get(org) != "municipality":
            return False
        text = f"{self.names.get(agent, '')} {self.roles.get(agent, '')}".casefold()
        return any(word in text for word in _COMPULSORY_EDUCATION)

    def court_measure(self, agent: str) -> bool:
        """True for child protection deciding over the family at the date: the help under a
        court measure, where regie lies with the child protection worker."""
        org = self.organisation(agent)
        if org is None or self.org_kind.get(org) != "child_protection":
            return False
        return any(a.agent == agent and a.stance == "over" for a in self.active)

    def alive_at_date(self, pid: str) -> bool:
        """False when the person is deceased at the analysis date (the model's one rule,
        :func:`systeemkaart.model.deceased_at`), not yet born, or never born."""
        p = self.people.get(pid)
        if p is None:
            return False
        if p.pregnancy or p.never_lived:
            return False
        return born_by(p, self.when) and not deceased_at(p, self.when)


def build_index(case: Case, at: PartialDate | None = None, lang: str | None = None) -> CaseIndex:
    """Index ``case`` for the analyses at date ``at`` (default: the case's ``as_of``).

    Cost O(size of the case).
    """
    when = at if at is not None else case.as_of()
    now = case_at(case, when)  # what held at ``when``: the one rule for every analysis
    lo, hi = when.earliest.toordinal(), when.latest.toordinal()
    kind: dict[str, str] = {}
    org_of: dict[str, str] = {}
    org_kind: dict[str, str] = {}
    roles: dict[str, str] = {}
    for s in case.network:
        kind[s.id] = INFORMAL
    for c in case.contexts:
        kind[c.id] = "context"
        org_kind[c.id] = c.kind
    for org in case.organisations:
        kind[org.id] = "organisation"
        org_kind[org.id] = org.kind
        for pro in org.professionals:
            kind[pro.id] = "professional"
            org_of[pro.id] = org.id
            if pro.role:
                roles[pro.id] = pro.role
    # the package's one counting rule: the case's date for help without a start, narrowed
    # to when its agent and a target existed (help_periods), as the drawings count
    known = case.as_of()
    involvements = []
    for i, (inv, period) in enumerate(zip(case.involvements, help_periods(case), strict=True)):
        days = involvement_days(inv, period, known)
        if days is not None:
            involvements.append(_active(i, inv, days))
    active = [a for a in involvements if a.at(lo, hi)]
    parents: dict[str, list[str]] = {}
    kids: dict[str, list[str]] = {}
    for link in case.children:
        for par in link.parents:
            if par == link.child:
                continue
            plist = parents.setdefault(link.child, [])
            if par not in plist:
                plist.append(par)
            klist = kids.setdefault(par, [])
            if link.child not in klist:
                klist.append(link.child)
    supports = {s.id: list(dict.fromkeys(s.supports)) for s in now.network}
    strength = {s.id: s.strength for s in now.network}
    return CaseIndex(
        case=case,
        when=when,
        lang=lang or case.case.lang,
        names=case.names(),
        people={p.id: p for p in now.people},
        kind=kind,
        org_of=org_of,
        org_kind=org_kind,
        involvements=involvements,
        active=active,
        units=help_units(case),
        roles=roles,
        parents=parents,
        kids=kids,
        supports=supports,
        strength=strength,
        day0=lo,
        day1=hi,
        now=now,
    )
