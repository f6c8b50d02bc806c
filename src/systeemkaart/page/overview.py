"""Counts across many cases: what the audit counted by hand for 15 families, for any number.

Per case, :func:`digest` keeps only what the overview needs from the case's analysis (the
same :func:`systeemkaart.analysis.analyse` that ``systeemkaart analyse`` runs): the number of
professionals, the kinds of organisation involved, the organisations and contexts involved
(by name), and the finding codes. :class:`Tally` adds digests one at a time, so a folder of
any size streams through in memory that grows only with the number of distinct
organisation names. Cost O(size of each case) per case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..analysis import Analysis
from ..model import Case

__all__ = ["FLAGS", "SWT", "YOUTH_CARE", "CaseDigest", "Tally", "digest"]

FLAGS: Final = ("stacking", "no_regie", "multiple_regie", "mixed_roles")
"""The finding codes the overview counts cases for (the audit's stacking, regie, roles)."""

SWT: Final = "social_team"
YOUTH_CARE: Final = frozenset({"youth_care", "youth_mental_health"})
"""Kinds that count as youth care organisations for "several youth care organisations"."""


@dataclass(frozen=True, slots=True)
class CaseDigest:
    """What one case adds to the overview, read from its analysis.

    ``kinds``: organisation or context kinds with at least one professional involved
    (the analysis's ``helpers.by_kind``); ``units``: the distinct ``(name, kind)`` of every
    organisation or context involved through any of its professionals; ``codes``: the
    distinct finding codes.
    """

    professionals: int
    kinds: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    codes: tuple[str, ...]


def digest(case: Case, analysis: Analysis) -> CaseDigest:
    """The overview's share of one case and its analysis (runs in the batch workers)."""
    types = case.agent_types()
    employer = case.employer()
    names = case.names()
    kind_of: dict[str, str] = {o.id: o.kind for o in case.organisations}
    kind_of.update({c.id: c.kind for c in case.contexts})
    units: dict[tuple[str, str], None] = {}
    for agent in analysis.helpers.agents:
        unit = employer.get(agent, agent) if types.get(agent) == "professional" else agent
        if unit in kind_of:
            units[(names.get(unit, unit), kind_of[unit])] = None
    kinds = tuple(k for k, n in analysis.helpers.by_kind.items() if n > 0)
    return CaseDigest(professionals=analysis.helpers.professionals, kinds=kinds,
                      units=tuple(units), codes=tuple(dict.fromkeys(analysis.codes())))


@dataclass(slots=True)
class Unit:
    """One organisation (or context) across the cases: in how many, and how many of those
    also had the social team involved."""

    cases: int = 0
    with_swt: int = 0


@dataclass(slots=True)
class Tally:
    """The running totals of the overview; :meth:`add` one :class:`CaseDigest` at a time."""

    cases: int = 0
    failed: int = 0
    with_swt: int = 0
    several_youth_care: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    units: dict[tuple[str, str], Unit] = field(default_factory=dict)
    professionals: dict[int, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FLAGS, 0))

    def add(self, d: CaseDigest) -> None:
        """Count one case."""
        self.cases += 1
        self.professionals[d.professionals] = self.professionals.get(d.professionals, 0) + 1
        for k in d.kinds:
            self.kinds[k] = self.kinds.get(k, 0) + 1
        swt = any(kind == SWT for _, kind in d.units)
        self.with_swt += swt
        youth = sum(1 for _, kind in d.units if kind in YOUTH_CARE)
        self.several_youth_care += youth >= 2
        for key in d.units:
            unit = self.units.get(key)
            if unit is None:
                unit = self.units[key] = Unit()
            unit.cases += 1
            unit.with_swt += swt
        for code in d.codes:
            if code in self.flags:
                self.flags[code] += 1

    def professionals_median_mean(self) -> tuple[float, float]:
        """The median and the mean number of professionals per case (0, 0 without cases)."""
        count = sum(self.professionals.values())
        if not count:
            return 0.0, 0.0
        total = sum(n * k for n, k in self.professionals.items())
        ordered = sorted(self.professionals.items())

        def at(rank: int) -> int:
            seen = 0
            for n, k in ordered:
                seen += k
                if rank < seen:
                    return n
            return ordered[-1][0]

        mid = count // 2
        median = at(mid) if count % 2 else (at(mid - 1) + at(mid)) / 2
        return float(median), total / count
