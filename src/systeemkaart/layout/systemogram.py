"""Systemogram layout: the family in the centre, supporters, contexts and agencies in rings.

Ring 1 holds the informal network (supporters), ring 2 the contexts (school, work, sport...),
ring 3 the organisations, each drawn as a card with its professionals
(:mod:`.systemogram_units`). Every box is placed on its ring close to the direction of the
people it acts on, pulled towards its side of the Proeftuin partner picture: youth care and
parenting support on the right, schools and the social basis on the left, the
neighbourhood social team on top (:mod:`.systemogram_rings`); neighbours on a ring change
places where their lines cross less that way round, and a card's professionals stand in
the order their lines leave it. The order of the people in each household is then re-ranked by
where their agents ended up and the whole is laid out again, for two shapes of the family
block and three strengths of the side pull (in a drawing of more than ``REACH_LINES`` lines,
one of them none: :data:`~.systemogram_rounds.UNPULLED`); where one person is the end of many
of the lines (a hub, see :func:`~.systemogram_rounds.hub_of`), all of that again with the hub
on top of the family block, where its lines come in from their own directions. Every line is
routed around every box that is not one of its ends, into its own port
(:mod:`.systemogram_lines`), for the layout(s) expected to cross least once routed
(``ROUTED``, more in a small drawing up to ``ROUTED_LINES``; see
:func:`~.systemogram_choice.forecast`: straight crossings plus the boxes straight lines pass,
plus a price for every box set off its kind's side and, in a drawing of more than
``REACH_LINES`` lines, for how far its agents stand from their people:
:data:`~.systemogram_choice.REACH_SHARE`), of each kind; the one with the fewest crossings
after routing is drawn, a crossing of two lines into one person counting double
(:func:`~.systemogram_choice.score`: such crossings make it hard to tell whose arrow is
whose), and a line that runs more than ``LONG_WAY`` times its straight distance (round the
drawing) counting as one more. Where one of those routed takes such a long way (in a drawing
of up to ``ROUTED_LINES`` lines), more layouts are routed, one at a time until one wins that
reaches everyone the short way (:func:`~.systemogram_choice.repairs`): where the best is the
one that loops, first that layout with the agents of those lines turned along their rings to
where their targets are within reach; then the next ``MORE_ROUTED`` likeliest of each kind,
those in which the looping lines cross fewest lines (straight) first. Where the drawing
chosen (of at most ``CROWDED`` lines) runs lines as bands, its layout is routed once more
with each line's width counted at corners, and that drawing kept where it has fewer bands
for a crossing or two more (:mod:`.systemogram_wide`).

Cost: O(R · (A log A + A² + S log S + K)) for R rounds, A agents, S line segments and K
pairs of segments side by side, plus the routing of a few layouts, about O(L · c) for L
lines passing c grid cells when lines run clear; a 40-agent case takes about 100 ms.

The work is split: which agents are drawn and whom they target (:mod:`.systemogram_shown`),
the places and one layout of them (:mod:`.systemogram_places`), the candidate layouts
round by round (:mod:`.systemogram_rounds`) and which of them are routed and drawn
(:mod:`.systemogram_choice`); this module strings them together.
"""

from __future__ import annotations

from collections.abc import Collection

from ..activity import active_involvements, help_counts, shown_agents
from ..dates import PartialDate
from ..gcpause import paused_gc
from ..model import Case, case_at
from .ring_centre import HouseholdPlace, PersonPlace, TextLine, centre_people, index_parents
from .ring_links import LinkPlace
from .systemogram_choice import (
    LONG_WAY,
    REACH_LINES,
    ROUTED,
    ROUTED_LINES,
    cheapest,
    likeliest,
    long_ways,
    repairs,
)
from .systemogram_names import name_households
from .systemogram_places import (
    AgentPlace,
    CardPlace,
    Plan,
    SystemogramLayout,
    check_overlaps,
    part_layout,
    route_layout,
)
from .systemogram_rounds import SIDE_WEIGHTS, UNPULLED, candidates, hub_of, one_round
from .systemogram_shown import aliases, targets_of, with_relations
from .systemogram_units import collapse, units
from .systemogram_wide import fewer_bands

__all__ = [
    "LONG_WAY",
    "MAX_PER_CARD",
    "MAX_PROFESSIONALS",
    "AgentPlace",
    "CardPlace",
    "HouseholdPlace",
    "LinkPlace",
    "PersonPlace",
    "SystemogramLayout",
    "TextLine",
    "layout_systemogram",
    "long_ways",
]

MAX_PER_CARD = 5
MAX_PROFESSIONALS = 24


def layout_systemogram(case: Case, at: PartialDate | None = None, *, lang: str = "nl",
                       optimise: bool = True, rounds: int = 4,
                       max_per_card: int = MAX_PER_CARD,
                       max_professionals: int = MAX_PROFESSIONALS,
                       keep: Collection[str] = (), route: bool = True) -> SystemogramLayout:
    """Lay out the systemogram of ``case`` as it stands at ``at`` (default: the case date).

    Only involvements active at ``at`` are drawn, and only agents that have one (or that have
    no dated involvement at all). An organisation with more than ``max_per_card`` shown
    professionals, and the largest ones while more than ``max_professionals`` would show,
    collapse into one box with a count; professionals holding regie and those in ``keep``
    (say the suggested core group) keep their own rows. ``optimise=False`` keeps file order
    evenly around each ring (the baseline for crossing counts); otherwise, for a strong and
    a milder pull to the sides, ``rounds`` rounds of barycentric re-ranking are tried and
    the layout with the fewest crossings is kept. ``route=False`` leaves the lines
    straight (for measuring what routing adds).

    Runs without the cycle collector (see :func:`systeemkaart.gcpause.paused_gc`): the
    candidate layouts and their routing make hundreds of thousands of short-lived tuples
    and lists in no cycles, and the collector's passes over them cost some 4 % of a drawing.

    Raises:
        LayoutError: when the boxes cannot be placed apart (never expected).
    """
    with paused_gc():
        return _layout(case, at, lang, optimise, rounds, max_per_card, max_professionals,
                       keep, route)


def _layout(case: Case, at: PartialDate | None, lang: str, optimise: bool, rounds: int,
            max_per_card: int, max_professionals: int, keep: Collection[str], route: bool
            ) -> SystemogramLayout:
    """:func:`layout_systemogram`, with the collector paused."""
    when = at if at is not None else case.as_of()
    case = case_at(case, when)  # what held at ``when``: the one rule for every drawing
    shown = with_relations(case, when, shown_agents(case, when))
    active = active_involvements(case, when)
    regie = {inv.agent for _, inv in active if inv.regie}
    visible = set(keep) | regie
    collapsed = collapse(case, shown, visible, max_per_card, max_professionals)
    alias = aliases(case, shown)
    units_ = units(case, shown, collapsed, visible, regie, lang, hidden=alias)
    targets = targets_of(case, when, shown, collapsed)
    for agent, node in alias.items():
        targets.setdefault(node, []).extend(targets.get(agent, []))
    people = centre_people(case, [t for ts in targets.values() for t in ts]
                           + [n for n in alias.values() if n not in shown])
    born = {p.id: (p.born.earliest.toordinal() if p.born else 10**7) for p in case.people}
    order = {pid: i for i, pid in enumerate(people)}
    by_age = sorted(people, key=lambda q: (born[q], order[q]))
    start_rank = {pid: float(i) for i, pid in enumerate(by_age)}
    aimed = {t for ts in targets.values() for t in ts}
    unreached = tuple(p for p in index_parents(case) if p in people and p not in aimed)
    plan = Plan(case, when, lang, units_, people, targets, regie, optimise, unreached, alias,
                help_counts(case, when))
    tried = [one_round(plan, start_rank, SIDE_WEIGHTS[0])]
    hub = hub_of(plan.units, plan.targets, plan.people) if optimise else None
    weights = UNPULLED if len(tried[0].links) > REACH_LINES else SIDE_WEIGHTS
    if optimise:
        # the first candidate is the round laid out above (the same pull: not laid out again)
        tried = candidates(plan, start_rank, rounds, weights=weights,
                           first_round=tried[0] if weights[0] == SIDE_WEIGHTS[0] else None)
    best = tried[0]
    if route:
        sides = {u.id: u.side for u in plan.units if u.side is not None}
        count = max(ROUTED, ROUTED_LINES // max(len(tried[0].links), 1)) if optimise else 1
        groups = [tried]
        if hub is not None:  # the best with the busiest person on top competes as well
            groups.append(candidates(plan, start_rank, rounds, hub, weights))
        near = [[lay for lay in likeliest(group, sides, count)] for group in groups]
        straight = [lay for group in near for lay in group]
        routed = [route_layout(case, lay) for lay in straight]  # routed[k] is straight[k]
        costs: list[tuple[int, float]] = []
        chosen = cheapest(routed, costs) if len(routed) > 1 else 0
        if len(tried[0].links) <= ROUTED_LINES and any(long_ways(lay.links) for lay in routed):
            for lay in repairs(plan, groups, near, straight[chosen], routed[chosen], sides,
                               count):
                straight.append(lay)
                routed.append(route_layout(case, lay))
                chosen = cheapest(routed, costs)
                if chosen == len(routed) - 1 and not long_ways(routed[chosen].links):
                    break  # it won, and reaches everyone the short way
        # only the layout drawn: its lines on their own tracks, routed again where they
        # run as bands
        best = fewer_bands(case, straight[chosen], part_layout(case, routed[chosen]))
    best = name_households(case, best)
    named = [(f"p:{k}", v.box) for k, v in best.people.items()]
    named += [(f"a:{k}", v.box) for k, v in best.agents.items()]
    check_overlaps(named)
    return best
