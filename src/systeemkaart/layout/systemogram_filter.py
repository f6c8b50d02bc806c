"""Looking at one part of a big helper network: one person, some stances, some agencies.

A session with thirty helpers cannot read every line at once. :func:`focus_network` keeps
the involvements that reach a given person, that have a given stance or that come from
given organisations, and only the agents that still have one (supporters and contexts
count when they reach the person in focus); the family is left as it is. The result is an
ordinary case, so every drawing and check works on it unchanged. Cost: O(agents +
involvements).
"""

from __future__ import annotations

from collections.abc import Collection

from ..exceptions import CaseFormatError
from ..model import Case

__all__ = ["focus_network"]


def focus_network(case: Case, *, focus: str | None = None, stances: Collection[str] = (),
                  organisations: Collection[str] = ()) -> Case:
    """The part of ``case``'s network that reaches ``focus``, in ``stances``, from
    ``organisations`` (each filter applies only when given).

    Raises:
        CaseFormatError: when ``focus`` is not a person or an organisation id is unknown.
    """
    if focus is None and not stances and not organisations:
        return case
    people = {p.id for p in case.people}
    if focus is not None and focus not in people:
        raise CaseFormatError(f"--focus {focus!r} is not a person in this case; known: "
                              f"{', '.join(sorted(people)) or 'none'}")
    orgs = {o.id for o in case.organisations}
    unknown = sorted(set(organisations) - orgs)
    if unknown:
        raise CaseFormatError(f"--organisation {', '.join(map(repr, unknown))} is not an "
                              f"organisation in this case; known: {', '.join(sorted(orgs))}")
    employer = case.employer()

    def keep_agent(agent: str) -> bool:
        return not organisations or employer.get(agent, agent) in organisations

    involvements = [inv for inv in case.involvements
                    if (focus is None or focus in inv.targets)
                    and (not stances or inv.stance in stances) and keep_agent(inv.agent)]
    acting = {inv.agent for inv in involvements}
    network = [s for s in case.network if s.id in acting or (
        not organisations and not stances and (focus is None or focus in s.supports))]
    contexts = [c for c in case.contexts if c.id in acting or (
        not organisations and not stances and (focus is None or focus in c.members))]
    kept_orgs = []
    for org in case.organisations:
        pros = [p for p in org.professionals if p.id in acting]
        if org.id in acting or pros:
            kept_orgs.append(org.model_copy(update={"professionals": pros}))
    agents = acting | {s.id for s in network} | {c.id for c in contexts}
    agents |= {o.id for o in kept_orgs} | {p.id for o in kept_orgs for p in o.professionals}
    relations = [r for r in case.relations
                 if all(e in people or e in agents for e in r.between)]
    return case.model_copy(update={"involvements": involvements, "network": network,
                                   "contexts": contexts, "organisations": kept_orgs,
                                   "relations": relations})
