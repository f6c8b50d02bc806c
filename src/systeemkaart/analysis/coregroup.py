"""A small committed group with the best entry to the family, instead of a big meeting.

Lesson "Klein": the end of MDOs with many professionals; carry on with those who have the
best entry. The suggestion is the smallest group of professionals (named professionals,
organisations and contexts involved without a named one) that together reach every person
the help is aimed at, where a person is reached by a professional with a good entry
whenever one exists. Rules, in order:

* whoever holds regie always stays; with nobody holding regie, the group names who should
  (a social team member alongside the family, else the member alongside who reaches most);
* a good entry is an active involvement with ``entry: good`` by an agent that does not at
  the same time decide over or report on the family (the audit's mixed roles: a decider or
  reporter cannot be the family's trusted entry);
* among groups of the same size, agents alongside the family are preferred over agents over
  or opposite it, a good entry counts for and a poor entry against an agent, and then the
  earlier agent in the file;
* informal supporters (the family's own network: ``network`` and supporters with an
  involvement, except stressful ones) are always kept, beside the family: they are listed
  under ``supporters`` and, like the family, not counted.

Solved exactly as a weighted set cover (see :mod:`.setcover`): weight = ``big`` + a
preference penalty, with ``big`` larger than all penalties together, so the size comes first.
"""

from __future__ import annotations

from typing import Final

from ..dates import PartialDate
from ..model import Case
from ..text.words import say
from .common import CaseIndex, Finding, Result, build_index
from .setcover import solve_cover

__all__ = ["CoreGroupResult", "Leaver", "Member", "analyse_core_group", "candidates"]

_STANCE_PENALTY: Final = {"alongside": 2, "over": 4, "opposite": 5}


class Member(Result):
    """One member of the suggested group: whom they reach for the group, and why they stay."""

    agent: str
    covers: list[str]
    why: str


class Leaver(Result):
    """An agent who can step back: whom they reached, and who in the group reaches them."""

    agent: str
    covered: list[str]
    reached_by: dict[str, list[str]]
    why: str


class CoreGroupResult(Result):
    """The suggested core group, its size against the current one, and who leaves."""

    members: list[str]
    size: int
    current_size: int
    supporters: list[str]
    targeted: list[str]
    regie: list[str]
    suggested_regie: str | None
    reasons: list[Member]
    leaving: list[Leaver]
    exact: bool
    method: str
    ratio: float
    findings: list[Finding]


class _Candidate:
    __slots__ = ("agent", "good", "penalty", "professional", "reach")

    def __init__(self, agent: str, professional: bool) -> None:
        self.agent = agent
        self.professional = professional
        self.reach: set[str] = set()
        self.good: set[str] = set()
        self.penalty = 0


def candidates(ix: CaseIndex) -> tuple[list[_Candidate], list[_Candidate]]:
    """The professionals around the family at the date (involvement order) and the informal
    supporters (file order), each with whom it reaches and with a good entry."""
    found: dict[str, _Candidate] = {}
    worst: dict[str, int] = {}
    poor: set[str] = set()
    for a in ix.active:
        pro = ix.is_professional(a.agent)
        c = found.get(a.agent)
        if c is None:
            c = found[a.agent] = _Candidate(a.agent, pro)
        c.reach.update(a.targets)
        if a.entry == "good":
            c.good.update(a.targets)
        elif a.entry == "poor":
            poor.add(a.agent)
        pen = _STANCE_PENALTY.get(a.stance, 2)
        worst[a.agent] = max(worst.get(a.agent, 0), pen)
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
    """Who should hold regie when nobody does: a social team member alongside the family,
    else the professional alongside who reaches the most people, else none."""
    stance: dict[str, set[str]] = {}
    for a in ix.active:
        stance.setdefault(a.agent, set()).add(a.stance)
    pros = [m for m in members if m.professional]
    alongside = [m for m in pros if stance.get(m.agent, set()) == {"alongside"}]
    social = [m for m in alongside if ix.unit_kind(m.agent) == "social_team"]
    pick = social or alongside
    if not pick:
        return None
    return max(pick, key=lambda m: (len(m.reach), -pick.index(m))).agent


def analyse_core_group(
    case: Case,
    at: PartialDate | None = None,
    *,
    index: CaseIndex | None = None,
    exact: bool = True,
) -> CoreGroupResult:
    """Suggest the smallest committed group that reaches every targeted person.

    ``exact=False`` uses the greedy cover only (for very large inputs).
    """
    ix = index if index is not None else build_index(case, at)
    lang = ix.lang
    cands, informal = candidates(ix)
    targeted_set = {t for a in ix.active if ix.is_professional(a.agent) for t in a.targets}
    targeted = [p for p in ix.people if p in targeted_set]
    item_no = {p: k for k, p in enumerate(targeted)}
    has_good = {p for c in cands for p in c.good if p in item_no}
    sets: list[frozenset[int]] = []
    for c in cands:
        allowed = [p for p in c.reach if p in item_no and (p in c.good or p not in has_good)]
        sets.append(frozenset(item_no[p] for p in allowed))
    big = sum(c.penalty for c in cands) + 1
    weights = [big + c.penalty for c in cands]
    holders = list(dict.fromkeys(a.agent for a in ix.active if a.regie))
    forced = frozenset(k for k, c in enumerate(cands) if c.agent in holders)
    cover = solve_cover(sets, weights, frozenset(item_no.values()), forced, exact=exact)
    chosen = [cands[k] for k in cover.chosen]
    members = [c.agent for c in chosen]
    suggested = None if holders else _suggest_regie(ix, chosen)
    # who each member covers for the group: the people its allowed set reaches
    reasons: list[Member] = []
    for k in cover.chosen:
        c = cands[k]
        covers = [targeted[i] for i in sorted(sets[k])]
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
        reasons.append(Member(agent=c.agent, covers=covers, why="; ".join(parts)))
    leaving: list[Leaver] = []
    chosen_set = set(cover.chosen)
    for k, c in enumerate(cands):
        if k in chosen_set:
            continue
        covered = [p for p in targeted if p in c.reach]
        by = {p: [m.agent for m in chosen if p in m.reach] for p in covered}
        why = say(lang, "leaver", who=ix.name(c.agent), whom=ix.names_of(covered)) if covered \
            else say(lang, "leaver_none", who=ix.name(c.agent))
        leaving.append(Leaver(agent=c.agent, covered=covered, reached_by=by, why=why))
    findings: list[Finding] = []
    if len(members) < len(cands):
        findings.append(Finding(
            code="smaller_group", members=members,
            why=say(lang, "smaller_group", n=len(members), now=len(cands)),
            evidence=[f"{m.agent}: {', '.join(m.covers)}" for m in reasons]))
    if not holders and suggested is not None:
        findings.append(Finding(
            code="regie_to_assign", members=[suggested],
            why=say(lang, "regie_to_assign", who=ix.name(suggested))))
    return CoreGroupResult(
        members=members,
        size=len(members),
        current_size=len(cands),
        supporters=[c.agent for c in informal],
        targeted=targeted,
        regie=[h for h in holders if h in members],
        suggested_regie=suggested,
        reasons=reasons,
        leaving=leaving,
        exact=cover.exact,
        method=cover.method,
        ratio=round(cover.ratio, 4),
        findings=findings,
    )
