"""A small committed group with the best entry to the family, instead of a big meeting.

Lesson "Klein": the end of MDOs with many professionals; carry on with those who have the
best entry. The suggestion is the smallest group of professionals (see
:mod:`systeemkaart.activity` for who counts) that together reach every person the help is
aimed at, where a person is reached by a professional with a good entry whenever one exists.
Everyone else keeps a named place. Rules, in order:

* a member stands alongside the family: never a professional who stands opposite (reports)
  at the date, nor one who reported on the family in the last 12 months (a colleague had
  better come to the table then, seed 002);
* statutory roles (Veilig Thuis, the police, child protection, the leerplichtambtenaar) keep
  their own place (``statutory``), never sent to the background; under a court measure the
  child protection worker holds regie there;
* whoever else holds regie always stays; with nobody holding regie (neither a professional
  nor the family itself), the group names who could (a social team member alongside the
  family, else the member alongside who reaches most);
* a good entry is an active involvement with ``entry: good`` by an agent that does not at
  the same time decide over the family (the audit's mixed roles);
* among groups of the same size, agents that only stand alongside are preferred over agents
  that also decide, a good entry counts for and a poor entry against an agent, and then the
  earlier agent in the file;
* the places the family relies on (school, a training placement, sport: contexts, and the
  school's and the social basis' professionals who are not in the group) are named as the
  circle around the family (``circle``), not sent to the background;
* informal supporters (the family's own network: ``network`` and supporters with an
  involvement, except stressful ones) are always kept, beside the family: they are listed
  under ``supporters`` and, like the family, not counted.

Solved exactly as a weighted set cover (see :mod:`.setcover`): weight = ``big`` + a
preference penalty, with ``big`` larger than all penalties together, so the size comes first.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ..dates import PartialDate
from ..model import Case
from ..text.words import be, count, say
from .common import CaseIndex, Finding, Result, build_index
from .regie import family_regie, regie_holders
from .setcover import solve_cover

__all__ = ["CIRCLE_KINDS", "CoreGroupResult", "Leaver", "Member", "Place",
           "analyse_core_group", "candidates"]

_STANCE_PENALTY: Final = {"alongside": 2, "over": 4, "opposite": 5}

CIRCLE_KINDS: Final = frozenset({"school", "social_basis"})
"""Organisation kinds whose professionals belong to the circle around the family when they
are not in the small group: the school (mentor, zorgcoördinator) and the social basis."""

SMALLER_MIN: Final = 4
"""``smaller_group`` needs at least this many professionals who could step back."""


class Member(Result):
    """One member of the suggested group: whom they reach for the group, and why they stay."""

    agent: str
    covers: list[str]
    why: str


class Leaver(Result):
    """An agent who could step back: whom they reached, and who in the group reaches them."""

    agent: str
    covered: list[str]
    reached_by: dict[str, list[str]]
    why: str


class Place(Result):
    """An agent that keeps its own place beside the group (statutory task, or the circle
    around the family), and why."""

    agent: str
    why: str


class CoreGroupResult(Result):
    """The suggested core group, its size against the current one, and everyone's place.

    ``targeted``: the people the professionals aim at; ``unreached``: those of them no
    possible member reaches (only statutory agents or recent reporters do).
    """

    members: list[str]
    size: int
    current_size: int
    supporters: list[str]
    targeted: list[str]
    unreached: list[str]
    regie: list[str]
    suggested_regie: str | None
    reasons: list[Member]
    leaving: list[Leaver]
    statutory: list[Place]
    circle: list[Place]
    exact: bool
    method: str
    ratio: float
    findings: list[Finding]


class _Candidate:
    __slots__ = ("agent", "good", "penalty", "professional", "reach", "reported", "stances")

    def __init__(self, agent: str, professional: bool) -> None:
        self.agent = agent
        self.professional = professional
        self.reach: set[str] = set()
        self.good: set[str] = set()
        self.stances: set[str] = set()
        self.reported = False
        self.penalty = 0


def _year_before(ix: CaseIndex) -> int:
    """The first day (ordinal) of the 12 months before the analysis date."""
    last = ix.when.latest
    day = min(last.day, 28)
    return date(last.year - 1, last.month, day).toordinal() + 1


def candidates(ix: CaseIndex) -> tuple[list[_Candidate], list[_Candidate]]:
    """The professionals around the family at the date (involvement order) and the informal
    supporters (file order), each with whom it reaches, with a good entry, its stances and
    whether it reported on the family in the last 12 months."""
    found: dict[str, _Candidate] = {}
    worst: dict[str, int] = {}
    poor: set[str] = set()
    for a in ix.active:
        if ix.is_context(a.agent):
            continue
        pro = ix.is_professional(a.agent)
        c = found.get(a.agent)
        if c is None:
            c = found[a.agent] = _Candidate(a.agent, pro)
        c.reach.update(a.targets)
        c.stances.add(a.stance)
        if a.entry == "good":
            c.good.update(a.targets)
        elif a.entry == "poor":
            poor.add(a.agent)
        pen = _STANCE_PENALTY.get(a.stance, 2)
        worst[a.agent] = max(worst.get(a.agent, 0), pen)
    since = _year_before(ix)
    for a in ix.involvements:
        if a.stance == "opposite" and a.agent in found and a.at(since, ix.day1):
            found[a.agent].reported = True
    for agent, c in found.items():
        if worst.get(agent, 0) > _STANCE_PENALTY["alongside"]:
            c.good.clear()  # deciding over or reporting on the family voids a good entry
        pen = worst.get(agent, 0) + (1 if agent in poor else 0) - (1 if c.good else 0)
        c.penalty = max(pen, 0)
    for sid, targets in ix.supports.items():
        if targets and ix.strength.get(sid) != "stressful" and sid not in found:
            c = found[sid] = _Candidate(sid, False)
            c.reach.update(targets)
        elif sid in found:
            found[sid].reach.update(targets)
    pros = [c for c in found.values() if c.professional]
    informal = [c for c in found.values() if not c.professional
                and ix.strength.get(c.agent) != "stressful"]
    order = {aid: i for i, aid in enumerate(ix.names)}
    informal.sort(key=lambda c: order.get(c.agent, len(order)))
    return pros, informal


def _suggest_regie(ix: CaseIndex, members: list[_Candidate]) -> str | None:
    """Who could hold regie when nobody does: a social team member alongside the family,
    else the professional alongside who reaches the most people, else none."""
    alongside = [m for m in members if m.professional and m.stances == {"alongside"}]
    social = [m for m in alongside if ix.unit_kind(m.agent) == "social_team"]
    pick = social or alongside
    if not pick:
        return None
    return max(pick, key=lambda m: (len(m.reach), -pick.index(m))).agent


def _circle_contexts(ix: CaseIndex) -> list[str]:
    """Contexts acting at the date or with a living member: places the family relies on."""
    acting = {a.agent for a in ix.active if ix.is_context(a.agent)}
    out = []
    for ctx in ix.case.contexts:
        if ix.units.counts(ctx.id):
            continue
        if ctx.id in acting or any(ix.alive_at_date(m) for m in ctx.members):
            out.append(ctx.id)
    return out


def analyse_core_group(
    case: Case,
    at: PartialDate | None = None,
    *,
    index: CaseIndex | None = None,
    exact: bool = True,
) -> CoreGroupResult:
    """Suggest the smallest committed group that reaches every targeted person it can.

    ``exact=False`` uses the greedy cover only (for very large inputs).
    """
    ix = index if index is not None else build_index(case, at)
    lang = ix.lang
    pros, informal = candidates(ix)
    statutory = [c for c in pros if ix.statutory(c.agent)]
    cands = [c for c in pros if c not in statutory and not c.reported
             and "alongside" in c.stances and "opposite" not in c.stances]
    targeted_set = {t for c in pros for t in c.reach}
    targeted = [p for p in ix.people if p in targeted_set]
    reachable = {t for c in cands for t in c.reach}
    item_no = {p: k for k, p in enumerate(p for p in targeted if p in reachable)}
    has_good = {p for c in cands for p in c.good if p in item_no}
    sets: list[frozenset[int]] = []
    for c in cands:
        allowed = [p for p in c.reach if p in item_no and (p in c.good or p not in has_good)]
        sets.append(frozenset(item_no[p] for p in allowed))
    big = sum(c.penalty for c in cands) + 1
    weights = [big + c.penalty for c in cands]
    holders = regie_holders(ix)
    family = family_regie(ix)
    forced = frozenset(k for k, c in enumerate(cands) if c.agent in holders)
    cover = solve_cover(sets, weights, frozenset(item_no.values()), forced, exact=exact)
    chosen = [cands[k] for k in cover.chosen]
    members = [c.agent for c in chosen]
    suggested = None if holders or family else _suggest_regie(ix, chosen)
    reasons = [_reason(ix, cands[k], sorted(sets[k]), list(item_no), holders, suggested)
               for k in cover.chosen]
    chosen_set = set(members)
    leaving: list[Leaver] = []
    circle: list[Place] = []
    for c in pros:
        if c.agent in chosen_set or c in statutory:
            continue
        if c in cands and ix.unit_kind(c.agent) in CIRCLE_KINDS:
            circle.append(Place(agent=c.agent, why=say(lang, "circle_why")))
            continue
        if c.reported:
            continue  # not sent to the background: see the recent_report finding
        covered = [p for p in targeted if p in c.reach]
        by = {p: [m.agent for m in chosen if p in m.reach] for p in covered}
        reached = [p for p in covered if by[p]]
        if reached:
            why = say(lang, "leaver", who=ix.name(c.agent), whom=ix.names_of(reached),
                      be=be(lang, len(reached)))
        else:
            why = say(lang, "leaver_none", who=ix.name(c.agent))
        leaving.append(Leaver(agent=c.agent, covered=covered, reached_by=by, why=why))
    circle += [Place(agent=x, why=say(lang, "circle_why")) for x in _circle_contexts(ix)]
    places = [Place(agent=c.agent, why=say(lang, "statutory_regie" if c.agent in holders
                                             and ix.court_measure(c.agent) else "statutory"))
              for c in statutory]
    findings: list[Finding] = []
    could_step_back = len(pros) - len(statutory)
    if could_step_back >= SMALLER_MIN and 2 * len(members) <= could_step_back:
        findings.append(Finding(
            code="smaller_group", members=members,
            why=say(lang, "smaller_group" if len(members) > 1 else "smaller_group_one",
                    who=ix.names_of(members),
                    now=count(lang, len(pros), "professional")),
            evidence=[f"{m.agent}: {', '.join(m.covers)}" for m in reasons]))
    for c in pros:
        if c.reported and c not in statutory:
            findings.append(Finding(code="recent_report", members=[c.agent],
                                    why=_report_why(ix, c.agent),
                                    evidence=_report_evidence(ix, c.agent)))
    if suggested is not None:
        findings.append(Finding(
            code="regie_to_assign", members=[suggested],
            why=say(lang, "regie_to_assign", who=ix.name(suggested))))
    return CoreGroupResult(
        members=members,
        size=len(members),
        current_size=len(pros),
        supporters=[c.agent for c in informal],
        targeted=targeted,
        unreached=[p for p in targeted if p not in reachable],
        regie=[h for h in holders if h in members],
        suggested_regie=suggested,
        reasons=reasons,
        leaving=leaving,
        statutory=places,
        circle=circle,
        exact=cover.exact,
        method=cover.method,
        ratio=round(cover.ratio, 4),
        findings=findings,
    )


def _reason(ix: CaseIndex, c: _Candidate, allowed: list[int], items: list[str],
            holders: list[str], suggested: str | None) -> Member:
    """Why a member is in the group: regie, whom it reaches with a good entry, whom else."""
    lang = ix.lang
    covers = [items[i] for i in allowed]
    parts = []
    if c.agent in holders:
        parts.append(say(lang, "member_regie"))
    good = [p for p in covers if p in c.good]
    if good:
        parts.append(say(lang, "member_good", whom=ix.names_of(good)))
    rest = [p for p in covers if p not in c.good]
    if rest:
        parts.append(say(lang, "member_reaches", whom=ix.names_of(rest)))
    if c.agent == suggested:
        parts.append(say(lang, "member_should_regie"))
    if not parts:
        parts.append(say(lang, "member_regie"))
    return Member(agent=c.agent, covers=covers, why="; ".join(parts))


def _report_why(ix: CaseIndex, agent: str) -> str:
    org = ix.organisation(agent)
    if org is not None and org != agent:
        return say(ix.lang, "recent_report", who=ix.name(agent), org=ix.name(org))
    return say(ix.lang, "recent_report_alone", who=ix.name(agent))


def _report_evidence(ix: CaseIndex, agent: str) -> list[str]:
    since = _year_before(ix)
    return [f"involvements[{a.index}]: {a.agent} opposite -> {', '.join(a.targets)}"
            for a in ix.involvements
            if a.agent == agent and a.stance == "opposite" and a.at(since, ix.day1)]
