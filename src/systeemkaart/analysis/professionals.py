"""How many professionals are around this family, whom they target, and how that grew.

The question for a practitioner: "how many people are helping here, and is help stacking
up?" (the audit's *stapeling van aanbod*). At one date it counts the professionals by the
package's one rule (:mod:`systeemkaart.activity`: named professionals, and organisations
involved without a named professional, each one; a context only when it has staff in the
case), the organisations behind them, the informal supporters and the contexts acting; it
splits them by kind and per targeted person, and names professionals whose help reaches
nobody in the household. Over the case's span it counts the concurrent professionals per
month (the same sweep as the timeline: O(involvements + months)), finds the peak, and counts
additions per year.
Threshold findings (too many around one person, around the family, added in one year) use
:class:`Thresholds`.
"""

from __future__ import annotations

from ..activity import concurrent_per_month, month_number, month_text
from ..dates import PartialDate
from ..model import Case
from ..text.words import count, say
from .common import CaseIndex, Finding, Result, build_index

__all__ = ["HelpersResult", "Peak", "PersonLoad", "Span", "Thresholds", "analyse_helpers"]


class Thresholds(Result):
    """When counts become findings: more than ``per_person`` professionals around one person,
    more than ``total`` around the family (eight or more by default: the MDO of lesson 6 had
    eight), ``additions_per_year`` or more added in one year."""

    per_person: int = 5
    total: int = 7
    additions_per_year: int = 3


class PersonLoad(Result):
    """The help one person receives at the date: professionals and supporters, by id."""

    professionals: int
    informal: int
    agents: list[str]


class Peak(Result):
    """The highest number of concurrent professionals, the first month it was reached and for
    how many months it held."""

    count: int
    first: str | None
    months: int


class Span(Result):
    """A run of months (``start`` to ``end``, inclusive) with the same number of
    concurrent professionals."""

    start: str
    end: str
    count: int


class HelpersResult(Result):
    """Counts of the help around a case at one date, its history, and threshold findings.

    ``contexts`` lists the contexts (school, placement, sport) acting at the date: part of the
    circle around the family, not counted as professionals."""

    as_of: str
    professionals: int
    organisations: int
    informal: int
    contexts: list[str]
    agents: list[str]
    by_kind: dict[str, int]
    per_person: dict[str, PersonLoad]
    peak: Peak
    history: list[Span]
    additions_per_year: dict[str, int]
    findings: list[Finding]


def _household(ix: CaseIndex) -> set[str]:
    """Members of the household(s) of the index person(s); all households without an index."""
    index = set(ix.case.case.index)
    out: set[str] = set()
    for h in ix.at_date().households:
        if not index or index.intersection(h.members):
            out.update(h.members)
    return out


def _history(ix: CaseIndex) -> tuple[list[Span], Peak, dict[str, int], dict[str, int | None]]:
    """Concurrent professionals per month over the span, the peak and additions per year."""
    now = month_number(ix.when.latest.year, ix.when.latest.month)
    spans: list[tuple[str, int, int]] = []
    first: dict[str, int | None] = {}
    for a in ix.involvements:
        if not ix.is_professional(a.agent) or a.month0 > now:
            continue
        spans.append((a.agent, a.month0, a.month1))
        if a.has_start:
            prev = first.get(a.agent, a.month0)
            first[a.agent] = None if prev is None else min(prev, a.month0)
        else:
            first[a.agent] = None
    span0 = min((m0 for _, m0, _ in spans), default=now)
    counts = [p for p, _ in concurrent_per_month(spans, ix.units.organisation, span0, now)]
    runs: list[Span] = []
    best, best_first, best_months = 0, None, 0
    run_start = span0
    for k, here in enumerate(counts):
        if here > best:
            best, best_first, best_months = here, span0 + k, 0
        if here == best and best > 0:
            best_months += 1
        if k and here != counts[k - 1]:
            runs.append(Span(start=month_text(run_start), end=month_text(span0 + k - 1),
                             count=counts[k - 1]))
            run_start = span0 + k
    if counts:
        runs.append(Span(start=month_text(run_start), end=month_text(now), count=counts[-1]))
    starts = [m for m in first.values() if m is not None]
    per_year: dict[int, int] = {}
    for m in starts:
        per_year[m // 12] = per_year.get(m // 12, 0) + 1
    additions = {f"{y:04d}": per_year[y] for y in sorted(per_year)}
    peak = Peak(count=best, first=month_text(best_first) if best_first is not None else None,
                months=best_months)
    return runs, peak, additions, first


def analyse_helpers(
    case: Case,
    at: PartialDate | None = None,
    *,
    thresholds: Thresholds | None = None,
    index: CaseIndex | None = None,
) -> HelpersResult:
    """Count the professionals, organisations and supporters around ``case`` at ``at``.

    Findings: ``many_professionals`` (more than ``thresholds.total`` around the family),
    ``many_around_person`` (more than ``thresholds.per_person`` around one person),
    ``stacking`` (``thresholds.additions_per_year`` or more added in one year) and
    ``outside_household`` (a professional whose help reaches nobody in the index person's
    household). Cost O(involvements x targets + months).
    """
    ix = index if index is not None else build_index(case, at)
    th = thresholds or Thresholds()
    lang = ix.lang
    pros: dict[str, set[str]] = {}
    informal: dict[str, set[str]] = {}
    contexts: dict[str, None] = {}
    for a in ix.active:
        if ix.is_professional(a.agent):
            pros.setdefault(a.agent, set()).update(a.targets)
        elif ix.kind.get(a.agent) == "context":
            contexts[a.agent] = None
        else:
            informal.setdefault(a.agent, set()).update(a.targets)
    for sid, targets in ix.supports.items():
        if targets:
            informal.setdefault(sid, set()).update(targets)
    order = {aid: i for i, aid in enumerate(ix.names)}
    agents = sorted(pros, key=lambda x: order.get(x, len(order)))
    orgs = {ix.organisation(p) for p in pros} - {None}
    by_kind: dict[str, int] = {}
    for p in agents:
        k = ix.unit_kind(p)
        by_kind[k] = by_kind.get(k, 0) + 1
    load_pro: dict[str, list[str]] = {}
    load_inf: dict[str, list[str]] = {}
    for p in agents:
        for t in pros[p]:
            load_pro.setdefault(t, []).append(p)
    for s in sorted(informal, key=lambda x: order.get(x, len(order))):
        for t in informal[s]:
            load_inf.setdefault(t, []).append(s)
    person_order = [pid for pid in ix.people if pid in load_pro or pid in load_inf]
    per_person = {
        pid: PersonLoad(professionals=len(load_pro.get(pid, [])),
                        informal=len(load_inf.get(pid, [])),
                        agents=load_pro.get(pid, []) + load_inf.get(pid, []))
        for pid in person_order
    }
    history, peak, additions, first = _history(ix)
    findings: list[Finding] = []
    if len(agents) > th.total:
        findings.append(Finding(
            code="many_professionals", members=agents,
            why=say(lang, "many_professionals", n=count(lang, len(agents), "professional"),
                    limit=th.total),
            evidence=[f"{a}: {ix.unit_kind(a)}" for a in agents]))
    for pid in person_order:
        around = load_pro.get(pid, [])
        if len(around) > th.per_person:
            findings.append(Finding(
                code="many_around_person", members=[pid, *around],
                why=say(lang, "many_around_person", n=count(lang, len(around), "professional"),
                        who=ix.name(pid),
                        limit=th.per_person),
                evidence=[f"{a} -> {pid}" for a in around]))
    for year, n in additions.items():
        if n >= th.additions_per_year:
            added = sorted((a for a, m in first.items() if m is not None and m // 12 == int(year)),
                           key=lambda x: order.get(x, len(order)))
            findings.append(Finding(
                code="stacking", members=added,
                why=say(lang, "stacking", n=count(lang, n, "professional"), year=year,
                        limit=th.additions_per_year),
                evidence=[f"{year}: {n}"]))
    home = _household(ix)
    if home:
        for p in agents:
            if not pros[p] & home:
                targets = [t for t in ix.people if t in pros[p]]
                findings.append(Finding(
                    code="outside_household", members=[p, *targets],
                    why=say(lang, "outside_household", who=ix.name(p),
                            whom=ix.names_of(targets)),
                    evidence=[f"{p} -> {t}" for t in targets]))
    return HelpersResult(
        as_of=str(ix.when),
        professionals=len(agents),
        organisations=len(orgs),
        informal=len(informal),
        contexts=list(contexts),
        agents=agents,
        by_kind=dict(sorted(by_kind.items())),
        per_person=per_person,
        peak=peak,
        history=history,
        additions_per_year=additions,
        findings=findings,
    )

