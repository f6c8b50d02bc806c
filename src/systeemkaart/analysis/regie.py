"""Who holds regie over the help, and whether the roles towards the family are clear.

The Proeftuin's lesson "Regie": parents and youth steer their own lives; one professional
(usually the social team) holds *regie over the help*, never over the family. This module
names the holders at a date and reports, each with the ids and involvements behind it:

* ``no_regie``: professionals are involved but nobody holds regie ("regie bij niemand"),
  neither a professional nor the family itself (``case.regie``);
* ``multiple_regie``: more than one organisation (or independent agent) holds it;
* ``regie_not_alongside``: the holder acts over (decides) or opposite (reports) the family;
  not for child protection under a court measure, where regie lies with the child
  protection worker by law;
* ``mixed_roles``: one organisation is both alongside and over/opposite the same family: the
  social team's helper/decider/reporter conflict from the audit;
* ``family_not_targeted``: help aimed at a child while none of the child's living parents
  is reached (lesson "Gezinnen aan tafel");
* ``parent_not_reached``: a living parent of the index person (a biological parent, or a
  parent the index lives with) whom no professional reaches and who does not hold regie,
  while another parent is reached (lesson 3: "tenminste beide ouders").

Every sentence is a hypothesis for the session, not a verdict.

Cost O(involvements x targets).
"""

from __future__ import annotations

from ..dates import PartialDate
from ..model import Case
from ..text.words import be, count, say
from .common import Active, CaseIndex, Finding, Result, build_index

__all__ = ["RegieResult", "analyse_regie", "children_of_concern", "family_regie",
           "index_parents", "regie_holders"]

ADULT_AGE = 18


class RegieResult(Result):
    """The regie holders at the date (agent ids, file order; without any marked holder, child
    protection under a court measure holds it), the people of the family who
    hold regie themselves (``family``, from ``case.regie``) and the findings about roles."""

    holders: list[str]
    family: list[str]
    findings: list[Finding]


def _group(ix: CaseIndex, agent: str) -> str:
    """Holders of one organisation count as one: a professional counts as its organisation."""
    return ix.organisation(agent) or agent


def children_of_concern(ix: CaseIndex) -> list[str]:
    """The children the help is about: the index person(s), or else every person under 18
    at the date that a professional targets (file order)."""
    index = [p for p in ix.case.case.index if p in ix.people]
    if index:
        return index
    targeted = {t for a in ix.active if ix.is_professional(a.agent) for t in a.targets}
    out = []
    for pid, person in ix.people.items():
        if pid not in targeted:  # the cheap test first: most people of a big tree are not
            continue
        age = person.age_at(ix.when)
        if age is not None and age < ADULT_AGE:
            out.append(pid)
    return out


def _ev(ix: CaseIndex, i: int, agent: str, stance: str, targets: tuple[str, ...]) -> str:
    return f"involvements[{i}]: {agent} {stance} -> {', '.join(targets)}"


def analyse_regie(
    case: Case, at: PartialDate | None = None, *, index: CaseIndex | None = None
) -> RegieResult:
    """Name the regie holders of ``case`` at ``at`` and report unclear regie and roles."""
    ix = index if index is not None else build_index(case, at)
    lang = ix.lang
    pro_active = [a for a in ix.active if ix.is_professional(a.agent)]
    holders = regie_holders(ix)
    holding = [a for a in ix.active if a.regie] or [
        a for a in ix.active if a.agent in holders and a.stance == "over"]
    family = family_regie(ix)
    findings: list[Finding] = []
    if not holders and not family and pro_active:
        agents = list(dict.fromkeys(a.agent for a in pro_active))
        findings.append(Finding(
            code="no_regie", members=agents,
            why=say(lang, "no_regie", n=count(lang, len(agents), "professional")),
            evidence=[_ev(ix, a.index, a.agent, a.stance, a.targets) for a in pro_active]))
    groups = list(dict.fromkeys(_group(ix, h) for h in holders))
    if len(groups) > 1:
        findings.append(Finding(
            code="multiple_regie", members=holders,
            why=say(lang, "multiple_regie", who=ix.names_of(holders)),
            evidence=[_ev(ix, a.index, a.agent, a.stance, a.targets) for a in holding]))
    for a in holding:
        if a.stance != "alongside" and not ix.court_measure(a.agent):
            findings.append(Finding(
                code="regie_not_alongside", members=[a.agent, *a.targets],
                why=say(lang, "regie_not_alongside", who=ix.name(a.agent),
                        stance=say(lang, f"holder_{a.stance}")),
                evidence=[_ev(ix, a.index, a.agent, a.stance, a.targets)]))
    by_org: dict[str, list[int]] = {}
    for k, a in enumerate(pro_active):
        org = ix.organisation(a.agent)
        if org is not None:
            by_org.setdefault(org, []).append(k)
    for org, ks in by_org.items():
        stances = {pro_active[k].stance for k in ks}
        if "alongside" in stances and stances & {"over", "opposite"}:
            acts = [pro_active[k] for k in ks]
            members = list(dict.fromkeys([org, *(a.agent for a in acts)]))
            roles = [s for s in ("alongside", "over", "opposite") if s in stances]
            findings.append(Finding(
                code="mixed_roles", members=members,
                why=say(lang, "mixed_roles", who=ix.name(org),
                        roles=_joined(lang, [say(lang, f"role_{s}") for s in roles])),
                evidence=[_ev(ix, a.index, a.agent, a.stance, a.targets) for a in acts]))
    findings.extend(_family_not_targeted(ix, pro_active))
    findings.extend(_parent_not_reached(ix, pro_active, family))
    return RegieResult(holders=holders, family=family, findings=findings)


def regie_holders(ix: CaseIndex) -> list[str]:
    """The agents holding regie at the date: those whose active involvement says so, or else
    child protection acting under a court measure (seed 002: "als sprake is van een
    rechterlijke uitspraak ... dan ligt de regie bij de jeugdbeschermer")."""
    marked = list(dict.fromkeys(a.agent for a in ix.active if a.regie))
    if marked:
        return marked
    return list(dict.fromkeys(a.agent for a in ix.active if ix.court_measure(a.agent)))


def family_regie(ix: CaseIndex) -> list[str]:
    """The people of the family who hold regie themselves (``case.regie``), alive at the date."""
    return [p for p in dict.fromkeys(ix.case.case.regie) if ix.alive_at_date(p)]


def index_parents(ix: CaseIndex, child: str) -> list[str]:
    """The parents that matter for ``child`` at the table: biological parents and the
    parents (of any kind) the child lives with; living, in file order."""
    home: set[str] = set()
    for h in ix.case.households:
        if child in h.members:
            home.update(h.members)
    wanted: set[str] = set()
    for link in ix.case.children:
        if link.child != child:
            continue
        for par in link.parents:
            if link.kind == "biological" or par in home:
                wanted.add(par)
    return [p for p in ix.people if p in wanted and p != child and ix.alive_at_date(p)]


def _family_not_targeted(ix: CaseIndex, pro_active: list[Active]) -> list[Finding]:
    targeted = {t for a in pro_active for t in a.targets}
    out: list[Finding] = []
    for child in children_of_concern(ix):
        if child not in targeted:
            continue
        parents = [p for p in ix.parents.get(child, []) if ix.alive_at_date(p)]
        if parents and not targeted.intersection(parents):
            aimed = [a for a in pro_active if child in a.targets]
            out.append(Finding(
                code="family_not_targeted", members=[child, *parents],
                why=say(ix.lang, "family_not_targeted", child=ix.name(child),
                        parents=ix.names_of(parents), be=be(ix.lang, len(parents))),
                evidence=[_ev(ix, a.index, a.agent, a.stance, a.targets) for a in aimed]))
    return out


def _parent_not_reached(ix: CaseIndex, pro_active: list[Active],
                        family: list[str]) -> list[Finding]:
    """Parents of the index person whom nobody reaches while another parent is reached."""
    targeted = {t for a in pro_active for t in a.targets}
    out: list[Finding] = []
    for child in [p for p in ix.case.case.index if p in ix.people]:
        parents = index_parents(ix, child)
        if not targeted.intersection(parents):
            continue  # nobody reached: family_not_targeted speaks of that
        for par in parents:
            if par in targeted or par in family:
                continue
            found = [(i, link) for i, link in enumerate(ix.case.children)
                     if link.child == child and par in link.parents]
            links = [f"children[{i}]: {', '.join(link.parents)} -> {child} {link.kind}"
                     for i, link in found]
            kind: str = found[0][1].kind if found else "biological"
            sex = ix.people[par].sex
            if sex in ("male", "female"):
                kind = f"{kind}_{sex}"
            out.append(Finding(
                code="parent_not_reached", members=[par, child],
                why=say(ix.lang, "parent_not_reached", parent=ix.name(par),
                        child=ix.name(child), role=say(ix.lang, f"parent_{kind}")),
                evidence=links))
    return out


def _joined(lang: str, items: list[str]) -> str:
    """``a, b en c`` (Dutch) or ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {say(lang, 'and')} " + items[-1]
