"""Which agents a systemogram draws and whom each of them points at.

Supporters and contexts that refer to an organisation or a person are drawn as that one
(:func:`aliases`: one place, one node); an agent in a relation with a person is drawn
(:func:`with_relations`); :func:`targets_of` lists the people each drawn agent's lines
end at.
"""

from __future__ import annotations

from ..activity import active_involvements
from ..dates import PartialDate
from ..model import Case

__all__ = ["aliases", "targets_of", "with_relations"]


def aliases(case: Case, shown: set[str]) -> dict[str, str]:
    """Supporters and contexts drawn as the organisation or person they refer to: one place,
    one node. An organisation must be drawn itself; a person always joins the centre."""
    people = {p.id for p in case.people}
    alias: dict[str, str] = {}
    refs = [(s.id, s.organisation, s.person) for s in case.network]
    refs += [(c.id, c.organisation, c.person) for c in case.contexts]
    for rid, org, person in refs:
        if rid not in shown:
            continue
        if org is not None and org in shown:
            alias[rid] = org
        elif person is not None and person in people:
            alias[rid] = person
    return alias


def targets_of(case: Case, at: PartialDate, shown: set[str], collapsed: set[str]
             ) -> dict[str, list[str]]:
    """Whom each drawn agent points at: involvement targets, supported people, members and
    people it has a family-style relation with (a collapsed organisation takes over the
    targets of its folded professionals)."""
    targets: dict[str, list[str]] = {}
    for _, inv in active_involvements(case, at):
        targets.setdefault(inv.agent, []).extend(inv.targets)
    for s in case.network:
        if s.id in shown:
            targets.setdefault(s.id, []).extend(s.supports)
    for c in case.contexts:
        if c.id in shown:
            targets.setdefault(c.id, []).extend(c.members)
    people = {p.id for p in case.people}
    for r in case.relations:
        a, b = r.between
        if a in shown and b in people:
            targets.setdefault(a, []).append(b)
        elif b in shown and a in people:
            targets.setdefault(b, []).append(a)
    employer = case.employer()
    for pro, org in employer.items():
        if org in collapsed and pro in targets:
            targets.setdefault(org, []).extend(targets[pro])
    return targets


def with_relations(case: Case, at: PartialDate, shown: set[str]) -> set[str]:
    """``shown`` plus every agent in a relation with a person active at ``at`` (a hostile
    tie with a former psychiatrist still shapes the help), with its organisation."""
    people = {p.id for p in case.people}
    agents = case.agent_types()
    employer = case.employer()
    out = set(shown)
    for r in case.relations:
        if r.start is not None and at.latest < r.start.earliest:
            continue
        if r.end is not None and r.end.latest < at.earliest:
            continue
        a, b = r.between
        for agent, other in ((a, b), (b, a)):
            if agent in agents and (other in people or other in agents):
                out.add(agent)
                if agent in employer:
                    out.add(employer[agent])
    return out
