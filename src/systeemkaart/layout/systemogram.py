"""Systemogram layout: the family in the centre, supporters, contexts and agencies in rings.

Ring 1 holds the informal network (supporters), ring 2 the contexts (school, work, sport...),
ring 3 the organisations, each drawn as a card with its professionals
(:mod:`.systemogram_units`). Every box is placed on its ring close to the direction of the
people it acts on, pulled towards its side of the Proeftuin partner picture: youth care and
parenting support on the right, schools and the social basis on the left, the
neighbourhood social team on top (:mod:`.systemogram_rings`); neighbours on a ring change
places where their lines cross less that way round, and a card's professionals stand in
the order their lines leave it. The order of the people in each household is then
re-ranked by where their agents ended up and the whole is laid out again, for two shapes
of the family block and three strengths of the side pull; where one person is the end of
many of the lines (a hub, see :func:`_hub`), all of that again with the hub on top of the
family block, where its lines come in from their own directions. Every line is routed
around every box that is not one of its ends, into its own port
(:mod:`.systemogram_lines`), for the layout(s) expected to cross least once routed
(``ROUTED``, more in a small drawing up to ``ROUTED_LINES``; see :func:`_forecast`:
straight crossings plus the boxes straight lines pass, plus a price for every box set off
its kind's side), of each kind; the one with the fewest crossings after routing is drawn,
a crossing of two lines into one person counting double (:func:`_score`: such crossings
make it hard to tell whose arrow is whose), and a line that runs more than ``LONG_WAY``
times its straight distance (round the drawing) counting as one more. Where one of those
routed takes such a long way (in a drawing of up to ``ROUTED_LINES`` lines), more layouts
are routed, one at a time until one wins that reaches everyone the short way
(:func:`_repairs`): where the best is the one that loops, first that layout with the
agents of those lines turned along their rings to where their targets are within reach;
then the next ``MORE_ROUTED`` likeliest of each kind, those in which the looping lines
cross fewest lines (straight) first.

Cost: O(R · (A log A + A² + S log S + K)) for R rounds, A agents, S line segments and K
pairs of segments side by side, plus the routing of a few layouts, about O(L · c) for L
lines passing c grid cells when lines run clear; a 40-agent case takes about 100 ms.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from ..activity import active_involvements, help_counts, shown_agents
from ..dates import PartialDate
from ..exceptions import LayoutError
from ..model import Case, case_at
from .ring_centre import (
    CentrePlace,
    HouseholdPlace,
    PersonPlace,
    TextLine,
    centre_people,
    index_parents,
    layout_centre,
    room_for,
)
from .ring_geometry import TAU, Box, Point, boundary_point, count_crossings, detour_ratio
from .ring_links import LinkPlace, LinkPlan, place_links, plan_links
from .systemogram_fan import fan_crossings
from .systemogram_lines import count_lines_through, part_tracks, route_links, routed_ends
from .systemogram_rings import desired_angles, exchange_neighbours, place_rings, within_reach
from .systemogram_route import LONG_DETOUR
from .systemogram_units import Unit, collapse, units

__all__ = [
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

STUB = 10.0
MAX_PER_CARD = 5
MAX_PROFESSIONALS = 24
SIDE_WEIGHTS = (1.0, 0.55, 0.3)
"""Pulls to the kind's side that are tried; a weaker pull lets a box follow its lines
more, and the layout expected to cross least wins, with ``OFF_SIDE`` crossings charged for
every box it sets more than a quarter turn off its kind's side (see :func:`_likeliest`)."""
SHAPES = (1.8, 4.0)
"""Shapes (width over height) of the family block that are tried."""
ROUTED = 1
"""How many of the tried layouts expected to cross least once routed are routed (of those
within ``NEAR`` times the fewest straight crossings, plus two); the one with the fewest
crossings after routing is drawn. Routing a second one saves a few per cent of the
crossings but doubles the routing time, so one is routed in a large drawing."""
ROUTED_LINES = 51
"""Lines routed in all: a drawing of fewer lines routes as many of its likeliest layouts as
fit (three of 17 lines; a drawing of about 20 agents or more, one), also those beyond
``NEAR`` once those within it are routed. A small drawing is cheap to route, and its few
crossings depend most on the layout."""
NEAR = 1.25
OFF_SIDE = 10.0
"""Crossings a layout must save for each box it sets more than a quarter turn from its
kind's side (see :func:`_off_side`)."""
HUB_LINES = 8
"""Lines into one person from which a layout with that person on top of the family block
(room on three sides) is tried as well."""
HUB_SHARE = 0.4
"""Share of all lines into people that must end at one person for it to count as a hub:
where lines spread over many people, none dominates and the extra layouts are not tried
(routing them too costs a third more time or more; at a third, 20-agent networks took
a third longer and none was drawn with its hub on top)."""
UNTRACEABLE = 1.0
"""What a crossing of two lines into one person weighs in choosing among routed layouts,
over and above being a crossing (see :func:`_score`)."""
DETOUR_CROSSINGS = 1.0
"""Crossings a line is expected to gain for each box it must be routed round."""
LONG_WAY = LONG_DETOUR
"""A routed line longer than this many times the straight distance between its ends takes
a long way round (say round the whole drawing to cross a few lines fewer): hard to follow,
it counts like a crossing in choosing among routed layouts (:func:`_score`)."""
LONG_WAY_CROSSINGS = 1.0
"""What a line taking a long way round weighs in choosing among routed layouts."""
MORE_ROUTED = 1
"""Layouts of each kind routed beyond the likeliest when one of those routed takes a long
way round (and turning the agents of the best's long ways within reach did not win): the
next likeliest, which may reach everyone the short way (mdo-weglopen's short lines come
from the next of the kind without Daan on top). Only in a drawing of up to
``ROUTED_LINES`` lines: in one of 60 agents routing two more layouts doubled the time
and, over five networks, took no long way away."""


@dataclass(frozen=True, slots=True)
class AgentPlace:
    """A drawn agent: supporter, context, organisation or professional.

    ``box`` holds the whole label; ``card`` names the organisation card the box belongs to
    (``None`` for supporters and contexts); ``members`` lists the professionals folded into
    a collapsed organisation; ``regie`` is true when an active involvement gives it regie.
    """

    id: str
    type: str
    ring: int
    angle: float
    box: Box
    lines: tuple[TextLine, ...]
    card: str | None
    members: tuple[str, ...]
    regie: bool


@dataclass(frozen=True, slots=True)
class CardPlace:
    """The frame around an organisation and its professionals."""

    id: str
    frame: Box
    collapsed: bool


@dataclass(frozen=True, slots=True)
class SystemogramLayout:
    """Coordinates of a whole systemogram, with the origin at the centre of the family.

    ``bounds`` holds every box, frame and line. ``regie`` lists the agents holding regie at
    ``at`` (as written in the file, before collapsing); ``professionals`` and
    ``organisations`` are the counts for the badge; ``crossings`` counts line crossings;
    ``unreached`` lists the index's parents whom no line reaches.
    """

    at: PartialDate
    people: dict[str, PersonPlace]
    households: tuple[HouseholdPlace, ...]
    agents: dict[str, AgentPlace]
    cards: tuple[CardPlace, ...]
    links: tuple[LinkPlace, ...]
    rings: tuple[float, ...]
    bounds: Box
    regie: tuple[str, ...]
    professionals: int
    organisations: int
    crossings: int
    unreached: tuple[str, ...] = ()


def _row_order(u: Unit, frame: Box, targets: dict[str, list[str]],
               people: dict[str, PersonPlace]) -> list[tuple[str, str, tuple[TextLine, ...],
                                                            float]]:
    """The rows of a card, its professionals ordered so that their lines leave without
    crossing: a line leaves the card sideways towards its targets, so on each side the row
    aiming most upwards goes on top. The organisation's own row stays first."""
    if len(u.parts) < 3:
        return u.parts

    def key(part: tuple[str, str, tuple[TextLine, ...], float]) -> float:
        pts = [people[t] for t in targets.get(part[0], []) if t in people]
        if not pts:
            return 0.0
        x = sum(p.x for p in pts) / len(pts)
        y = sum(p.y for p in pts) / len(pts)
        side = frame.x if x <= frame.cx else frame.right
        return math.atan2(y - frame.cy, abs(x - side))  # -pi/2: straight up, first

    rows = sorted(u.parts[1:], key=key)
    return [u.parts[0], *rows]


def _agents(units_: Sequence[Unit], boxes: dict[str, Box], angles: dict[str, float],
            regie: set[str], targets: dict[str, list[str]], people: dict[str, PersonPlace]
            ) -> tuple[dict[str, AgentPlace], list[CardPlace]]:
    agents: dict[str, AgentPlace] = {}
    cards: list[CardPlace] = []
    for u in units_:
        frame = boxes[u.id]
        y = frame.y
        for node_id, node_type, lines, h in _row_order(u, frame, targets, people):
            members = u.members.get(node_id, ())
            holds = node_id in regie or any(m in regie for m in members)
            card = u.id if node_type in ("organisation", "professional") else None
            agents[node_id] = AgentPlace(node_id, node_type, u.ring, angles[u.id],
                                         Box(frame.x, y, frame.w, h), lines, card, members, holds)
            y += h
        if u.ring == 3:
            cards.append(CardPlace(u.id, frame, bool(u.members)))
    return agents, cards


def _anchor(agent: AgentPlace, card: Box | None, toward: Point) -> list[Point]:
    """Start of a line from ``agent`` to ``toward``: its box edge, or a stub out of its card."""
    if card is None or card.h <= agent.box.h + 0.5:
        return [boundary_point(agent.box, toward)]
    if toward[0] <= card.cx:
        x, out = card.x, card.x - STUB
    else:
        x, out = card.right, card.right + STUB
    return [(x, agent.box.cy), (out, agent.box.cy)]


def _check_overlaps(boxes: Sequence[tuple[str, Box]]) -> None:
    ordered = sorted(boxes, key=lambda b: b[1].x)
    for i, (a, ba) in enumerate(ordered):
        for b, bb in ordered[i + 1:]:
            if bb.x >= ba.right:
                break
            if ba.overlaps(bb):
                raise LayoutError(f"boxes of {a!r} and {b!r} overlap")


def _bounds(people: dict[str, PersonPlace], households: Sequence[HouseholdPlace],
            boxes: Sequence[Box], links: Sequence[LinkPlace]) -> Box:
    every = [b.box for b in people.values()] + [h.frame for h in households]
    every += list(boxes)
    points = [pt for lk in links for pt in lk.points]  # each a box without size
    if not every and not points:
        return Box(0, 0, 0, 0)
    x0 = min([b.x for b in every] + [x for x, _ in points])
    y0 = min([b.y for b in every] + [y for _, y in points])
    x1 = max([b.x + b.w for b in every] + [x for x, _ in points])
    y1 = max([b.y + b.h for b in every] + [y for _, y in points])
    return Box(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What every round shares: the units, the people in the centre and who targets whom."""

    case: Case
    at: PartialDate
    lang: str
    units: list[Unit]
    people: list[str]
    targets: dict[str, list[str]]
    regie: set[str]
    optimise: bool
    unreached: tuple[str, ...]
    alias: dict[str, str]
    counts: tuple[int, int]
    """Professionals and organisations at the date, for the badge (the same every round)."""
    hints: dict[int, float] = field(default_factory=dict)
    """The radius each ring had in the last round: where the next round's search starts."""
    lines: dict[tuple[frozenset[str], frozenset[str]], list[LinkPlan]] = \
        field(default_factory=dict)
    """The lines planned for the drawn agents and people (by id): the same every round."""


def _room(plan: _Plan) -> float:
    """Room added between the households of ``plan`` for the lines passing between them
    (:func:`~systeemkaart.layout.ring_centre.room_for`)."""
    return room_for(sum(len(v) for v in plan.targets.values()))


def _one_round(plan: _Plan, rank: dict[str, float], side_weight: float,
               shape: float = SHAPES[0], height: dict[str, float] | None = None,
               centre: CentrePlace | None = None, hub: str | None = None) -> SystemogramLayout:
    if centre is None:
        centre = layout_centre(plan.case, plan.people, plan.at, plan.lang, rank,
                               plan.unreached, shape, height, hub, _room(plan))
    desired = desired_angles(plan.units, plan.targets, centre, plan.optimise, side_weight)
    if plan.optimise:
        desired = exchange_neighbours(plan.units, desired, plan.targets, centre)
    return _placed(plan, centre, desired)


def _placed(plan: _Plan, centre: CentrePlace, desired: dict[str, float]
            ) -> SystemogramLayout:
    """The layout with ``centre`` in the middle and each unit on its ring as near to its
    ``desired`` angle as the boxes allow, its lines straight."""
    boxes, angles, radii = place_rings(plan.units, desired, centre, plan.hints)
    agents, cards = _agents(plan.units, boxes, angles, plan.regie, plan.targets, centre.people)
    frames = {c.id: c.frame for c in cards}
    drawn = (frozenset(agents), frozenset(centre.people))
    if drawn not in plan.lines:
        plan.lines[drawn] = plan_links(plan.case, plan.at, agents, centre.people, plan.alias)
    links = place_links(plan.lines[drawn], agents, centre.people,
                        lambda a, p: _anchor(a, frames.get(a.card or ""), p))
    crossings = count_crossings([(lk.source, lk.target, lk.points) for lk in links])
    bounds = _bounds(centre.people, centre.households, list(boxes.values()), links)
    pros, orgs = plan.counts
    return SystemogramLayout(plan.at, centre.people, centre.households, agents, tuple(cards),
                             tuple(links), tuple(radii), bounds, tuple(sorted(plan.regie)),
                             pros, orgs, crossings, plan.unreached)


def _routed(case: Case, lay: SystemogramLayout) -> SystemogramLayout:
    """``lay`` with every line routed around the boxes it does not belong to (lines sharing
    a corridor are not yet on their own tracks: ``_parted`` does that for the one drawn)."""
    frames = {c.id: c.frame for c in lay.cards}
    boxes = {k: a.box for k, a in lay.agents.items()}
    cards = {k: frames.get(a.card or "") for k, a in lay.agents.items()}
    sexes = {p.id: p.sex for p in case.people}
    links = tuple(route_links(lay.links, lay.people, boxes, cards, sexes,
                              [h.frame for h in lay.households], parted=False))
    crossings = count_crossings([(lk.source, lk.target, lk.points) for lk in links])
    bounds = _bounds(lay.people, lay.households, [c.frame for c in lay.cards]
                     + list(boxes.values()), links)
    return replace(lay, links=links, crossings=crossings, bounds=bounds)


def _parted(case: Case, lay: SystemogramLayout) -> SystemogramLayout:
    """Routed ``lay`` with lines that share a corridor on their own tracks (see
    ``part_tracks``); crossings and bounds counted again."""
    frames = {c.id: c.frame for c in lay.cards}
    boxes = {k: a.box for k, a in lay.agents.items()}
    cards = {k: frames.get(a.card or "") for k, a in lay.agents.items()}
    sexes = {p.id: p.sex for p in case.people}
    links = tuple(part_tracks(lay.links, lay.people, boxes, cards, sexes,
                              [h.frame for h in lay.households]))
    if links == lay.links:
        return lay
    crossings = count_crossings([(lk.source, lk.target, lk.points) for lk in links])
    bounds = _bounds(lay.people, lay.households, [c.frame for c in lay.cards]
                     + list(boxes.values()), links)
    return replace(lay, links=links, crossings=crossings, bounds=bounds)


def _aliases(case: Case, shown: set[str]) -> dict[str, str]:
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


def _targets(case: Case, at: PartialDate, shown: set[str], collapsed: set[str]
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


def _with_relations(case: Case, at: PartialDate, shown: set[str]) -> set[str]:
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

    Raises:
        LayoutError: when the boxes cannot be placed apart (never expected).
    """
    when = at if at is not None else case.as_of()
    case = case_at(case, when)  # what held at ``when``: the one rule for every drawing
    shown = _with_relations(case, when, shown_agents(case, when))
    active = active_involvements(case, when)
    regie = {inv.agent for _, inv in active if inv.regie}
    visible = set(keep) | regie
    collapsed = collapse(case, shown, visible, max_per_card, max_professionals)
    alias = _aliases(case, shown)
    units_ = units(case, shown, collapsed, visible, regie, lang, hidden=alias)
    targets = _targets(case, when, shown, collapsed)
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
    plan = _Plan(case, when, lang, units_, people, targets, regie, optimise, unreached, alias,
                 help_counts(case, when))
    tried = [_one_round(plan, start_rank, SIDE_WEIGHTS[0])]
    hub = _hub(plan.units, plan.targets, plan.people) if optimise else None
    if optimise:
        tried = _candidates(plan, start_rank, rounds)
    best = tried[0]
    if route:
        sides = {u.id: u.side for u in plan.units if u.side is not None}
        count = max(ROUTED, ROUTED_LINES // max(len(tried[0].links), 1)) if optimise else 1
        groups = [tried]
        if hub is not None:  # the best with the busiest person on top competes as well
            groups.append(_candidates(plan, start_rank, rounds, hub))
        near = [[lay for lay in _likeliest(group, sides, count)] for group in groups]
        straight = [lay for group in near for lay in group]
        routed = [_routed(case, lay) for lay in straight]
        best = min(routed, key=_reader_cost) if len(routed) > 1 else routed[0]
        if len(tried[0].links) <= ROUTED_LINES and any(long_ways(lay.links) for lay in routed):
            looped = straight[next(k for k, lay in enumerate(routed) if lay is best)]
            for lay in _repairs(plan, groups, near, looped, best, sides, count):
                routed.append(_routed(case, lay))
                best = min(routed, key=_reader_cost)
                if best is routed[-1] and not long_ways(best.links):
                    break  # it won, and reaches everyone the short way
        best = _parted(case, best)  # only the layout drawn: its lines on their own tracks
    named = [(f"p:{k}", v.box) for k, v in best.people.items()]
    named += [(f"a:{k}", v.box) for k, v in best.agents.items()]
    _check_overlaps(named)
    return best


def _repairs(plan: _Plan, groups: Sequence[Sequence[SystemogramLayout]],
             near: Sequence[Sequence[SystemogramLayout]], looped: SystemogramLayout,
             routed: SystemogramLayout, sides: dict[str, float], count: int
             ) -> list[SystemogramLayout]:
    """Layouts worth routing, in turn, where one of those routed (``near``, by group) took
    a long way round: the next ``MORE_ROUTED`` likeliest of each group, which may reach
    everyone the short way. Where the best routed one (``routed``, laid out as
    ``looped``) is one that loops, first ``looped`` with the agents of those lines turned
    to where their targets are within reach (:func:`_within_reach`), then the others in
    the order of how many lines those lines cross in them, straight (a cheap test before
    the costly routing: a line loops round the drawing to cross less, so the fewer it
    crosses in a layout, the likelier it goes the short way there)."""
    spare = [lay for group, seen in zip(groups, near, strict=True)
             for lay in _likeliest(group, sides, count + MORE_ROUTED)
             if not any(lay is s for s in seen)]
    loops = _long_lines(routed.links)
    if not loops:
        return spare
    spare.sort(key=lambda lay: _crossings_of(lay, loops))  # stable: likelier first
    turned = _within_reach(plan, looped, loops)
    return spare if turned is None else [turned, *spare]


def _crossings_of(lay: SystemogramLayout, lines: Collection[tuple[str, str]]) -> int:
    """Crossings of ``lay``'s lines from source to target as in ``lines`` with its
    other lines (as :func:`count_crossings` counts them)."""
    every = [(lk.source, lk.target, lk.points) for lk in lay.links]
    rest = [line for line in every if (line[0], line[1]) not in lines]
    return count_crossings(every) - count_crossings(rest)


def _within_reach(plan: _Plan, lay: SystemogramLayout, lines: Collection[tuple[str, str]]
                  ) -> SystemogramLayout | None:
    """``lay`` laid out again with the agents of ``lines`` (which took a long way round
    once routed) turned along their rings to where their targets are within reach
    (:func:`~.systemogram_rings.within_reach`) and everything else where it stood, the
    family as it was; ``None`` when none of them moves."""
    frames = {c.id: c.frame for c in lay.cards}
    angles: dict[str, float] = {}
    radii: dict[str, float] = {}
    for u in plan.units:
        row = lay.agents.get(u.parts[0][0])
        if row is not None:
            box = frames.get(u.id, row.box)
            angles[u.id], radii[u.id] = row.angle, math.hypot(box.cx, box.cy)
    movers = {lay.agents[a].card or a for a, _ in lines if a in lay.agents}
    points = {k: (p.x, p.y) for k, p in lay.people.items()}
    desired = within_reach(plan.units, angles, radii, plan.targets, points, movers)
    if desired == angles:
        return None
    boxes = [p.box for p in lay.people.values()] + [h.frame for h in lay.households]
    block = Box.around(boxes) if boxes else Box(0, 0, 0, 0)
    centre = CentrePlace(lay.people, lay.households, math.hypot(block.w / 2, block.h / 2))
    return _placed(plan, centre, desired)


def _likeliest(tried: Sequence[SystemogramLayout], sides: dict[str, float], count: int
               ) -> list[SystemogramLayout]:
    """The ``count`` layouts among ``tried`` (fewest straight crossings first) expected to
    cross least once routed, by :func:`_forecast` plus ``OFF_SIDE`` per box set off its
    kind's side. Layouts within ``NEAR`` of the fewest crossings come first; the others
    fill what is left of ``count``. Each group's forecast stops at the first layout whose
    straight crossings alone cannot win. ``sides`` maps each box that has one to its
    kind's side (radians)."""
    limit = tried[0].crossings * NEAR + 2
    out: list[SystemogramLayout] = []
    for group in ([lay for lay in tried if lay.crossings <= limit],
                  [lay for lay in tried if lay.crossings > limit]):
        want = count - len(out)
        scored: list[tuple[float, int, SystemogramLayout]] = []
        for k, lay in enumerate(group):
            if want <= 0 or (len(scored) >= want
                             and lay.crossings >= sorted(scored)[want - 1][0]):
                break  # a forecast is never below the straight crossings
            scored.append((_forecast(lay) + OFF_SIDE * _off_side(lay, sides), k, lay))
        scored.sort(key=lambda item: item[:2])
        out += [lay for _, _, lay in scored[:want]]
    return out


def _score(lay: SystemogramLayout) -> float:
    """What a routed layout costs a reader: its crossings, plus ``UNTRACEABLE`` for
    each crossing of two lines into one person (which a reader must untangle to tell
    whose arrow is whose, near the person or far from it), plus ``LONG_WAY_CROSSINGS``
    for each line that takes a long way round (:func:`long_ways`)."""
    lines = routed_ends(lay.links, lay.people)
    return (lay.crossings + UNTRACEABLE * fan_crossings(lines, lay.people, math.inf)
            + LONG_WAY_CROSSINGS * long_ways(lay.links))


def long_ways(links: Sequence[LinkPlace]) -> int:
    """How many of the routed ``links`` run longer than ``LONG_WAY`` times the straight
    distance between their ends: lines a reader must follow round the drawing."""
    return sum(1 for lk in links if detour_ratio(lk.points) > LONG_WAY)


def _long_lines(links: Sequence[LinkPlace]) -> set[tuple[str, str]]:
    """Source and target of each of the routed ``links`` that takes a long way round."""
    return {(lk.source, lk.target) for lk in links if detour_ratio(lk.points) > LONG_WAY}


def _reader_cost(lay: SystemogramLayout) -> tuple[int, float]:
    """How a routed layout ranks for a reader: first the lines left through a box that
    is not one of their ends (the router avoids them, but a crowded person may leave a
    line no clear way in; any other layout without one is better), then :func:`_score`."""
    boxes = {k: a.box for k, a in lay.agents.items()}
    return count_lines_through(lay.links, lay.people, boxes), _score(lay)


def _forecast(lay: SystemogramLayout) -> float:
    """The crossings ``lay`` is expected to have once routed: its straight crossings plus
    ``DETOUR_CROSSINGS`` for every box a straight line passes that is not one of its ends
    (routing round a box crosses about that many lines into it)."""
    boxes = {k: a.box for k, a in lay.agents.items()}
    return lay.crossings + DETOUR_CROSSINGS * count_lines_through(lay.links, lay.people, boxes)


def _candidates(plan: _Plan, start: dict[str, float], rounds: int, hub: str | None = None
                ) -> list[SystemogramLayout]:
    """Layouts for each shape of the family block and each side pull, each re-ranked
    ``rounds`` times; distinct ones, fewest straight crossings first (stable). With
    ``hub``, that person stands on top of the family block in every one."""
    out: list[SystemogramLayout] = []
    seen: set[tuple[tuple[str, float, float], ...]] = set()
    blocks: set[tuple[tuple[str, float, float], ...]] = set()
    for shape in SHAPES:
        first = layout_centre(plan.case, plan.people, plan.at, plan.lang, start,
                              plan.unreached, shape, hub=hub, room=_room(plan))
        block = tuple((k, p.x, p.y) for k, p in first.people.items())
        if block in blocks:
            continue  # the same family block as a shape before: the same layouts follow
        blocks.add(block)
        for weight in SIDE_WEIGHTS:
            rank, height = start, None
            for k in range(max(1, rounds)):
                result = _one_round(plan, rank, weight, shape, height,
                                    first if k == 0 else None, hub)
                key = tuple((k, a.box.x, a.box.y) for k, a in result.agents.items())
                key += tuple((k, p.x, p.y) for k, p in result.people.items())
                if key in seen:
                    break  # the re-ranking settled: nothing new this way
                seen.add(key)
                out.append(result)
                if result.crossings == 0:
                    break
                rank, height = _rerank(result)
    out.sort(key=lambda lay: lay.crossings)
    return out


def _hub(units: Sequence[Unit], targets: dict[str, list[str]], people: Sequence[str]
         ) -> str | None:
    """The person among ``people`` most lines end at (one from each drawn row of
    ``units`` to each of its ``targets``), when at least ``HUB_LINES`` do and at least
    ``HUB_SHARE`` of all lines into people (the first in order among equals); ``None``
    otherwise."""
    wanted = set(people)
    count: dict[str, int] = {}
    for u in units:
        for part in u.parts:
            for t in set(targets.get(part[0], ())) & wanted:
                count[t] = count.get(t, 0) + 1
    if not count:
        return None
    best = max(people, key=lambda p: count.get(p, 0))
    most = count.get(best, 0)
    return best if most >= HUB_LINES and most >= HUB_SHARE * sum(count.values()) else None


def _off_side(lay: SystemogramLayout, sides: dict[str, float]) -> int:
    """How many boxes stand more than a quarter turn from their kind's side (say youth
    care left of the family): a layout that reads against the partner picture."""
    return sum(1 for k, side in sides.items() if k in lay.agents
               and abs((lay.agents[k].angle - side + math.pi) % TAU - math.pi) > math.pi / 2)


def _rerank(result: SystemogramLayout) -> tuple[dict[str, float], dict[str, float]]:
    """New left-to-right rank and top-to-bottom height of each person: the mean x and y of
    the agents that point at them (where nothing points, where the person stands)."""
    xs: dict[str, list[tuple[float, float]]] = {}
    for lk in result.links:
        a = result.agents.get(lk.source)
        if a is not None:
            xs.setdefault(lk.target, []).append((a.box.cx, a.box.cy))
    rank: dict[str, float] = {}
    height: dict[str, float] = {}
    for pid, place in result.people.items():
        vals = xs.get(pid)
        rank[pid] = sum(v[0] for v in vals) / len(vals) if vals else place.x
        height[pid] = sum(v[1] for v in vals) / len(vals) if vals else place.y
    return rank, height
