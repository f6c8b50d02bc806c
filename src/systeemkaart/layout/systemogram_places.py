"""The places of a systemogram's boxes and lines, and one layout of them.

The data a systemogram layout returns (:class:`SystemogramLayout`, with its
:class:`AgentPlace` and :class:`CardPlace`), what every round of the layout shares
(:class:`Plan`), one layout with each box on its ring at a wished angle and its lines
straight (:func:`placed`), and that layout with its lines routed round the boxes
(:func:`route_layout`) and, for the one drawn, parted onto their own tracks
(:func:`part_layout`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..dates import PartialDate
from ..exceptions import LayoutError
from ..model import Case
from .ring_centre import CentrePlace, HouseholdPlace, PersonPlace, TextLine
from .ring_geometry import Box, Point, boundary_point, count_crossings
from .ring_links import LinkPlace, LinkPlan, place_links, plan_links
from .systemogram_lines import part_tracks, route_links
from .systemogram_rings import place_rings
from .systemogram_units import Unit

__all__ = [
    "AgentPlace",
    "CardPlace",
    "Plan",
    "SystemogramLayout",
    "agent_places",
    "check_overlaps",
    "part_layout",
    "placed",
    "route_layout",
]

STUB = 10.0


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


def agent_places(units_: Sequence[Unit], boxes: dict[str, Box], angles: dict[str, float],
                 regie: set[str], targets: dict[str, list[str]],
                 people: dict[str, PersonPlace]
                 ) -> tuple[dict[str, AgentPlace], list[CardPlace]]:
    """Each drawn agent's place, row by row down its unit's box (``boxes``, at
    ``angles``), and the frame of each organisation card: the rows a renderer paints."""
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


def check_overlaps(boxes: Sequence[tuple[str, Box]]) -> None:
    """Raise :class:`LayoutError` when two of the named ``boxes`` overlap (never expected:
    a drawing with one box over another would hide who is who)."""
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
class Plan:
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


def placed(plan: Plan, centre: CentrePlace, desired: dict[str, float]) -> SystemogramLayout:
    """The layout with ``centre`` in the middle and each unit on its ring as near to its
    ``desired`` angle as the boxes allow, its lines straight."""
    boxes, angles, radii = place_rings(plan.units, desired, centre, plan.hints)
    agents, cards = agent_places(plan.units, boxes, angles, plan.regie, plan.targets,
                                 centre.people)
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


def route_layout(case: Case, lay: SystemogramLayout, wide: bool = False) -> SystemogramLayout:
    """``lay`` with every line routed around the boxes it does not belong to (lines sharing
    a corridor are not yet on their own tracks: :func:`part_layout` does that for the one
    drawn); with ``wide``, lines turning at one corner step apart by their drawn widths
    (see :func:`~.systemogram_lines.route_links`)."""
    frames = {c.id: c.frame for c in lay.cards}
    boxes = {k: a.box for k, a in lay.agents.items()}
    cards = {k: frames.get(a.card or "") for k, a in lay.agents.items()}
    sexes = {p.id: p.sex for p in case.people}
    links = tuple(route_links(lay.links, lay.people, boxes, cards, sexes,
                              [h.frame for h in lay.households], parted=False, wide=wide))
    crossings = count_crossings([(lk.source, lk.target, lk.points) for lk in links])
    bounds = _bounds(lay.people, lay.households, [c.frame for c in lay.cards]
                     + list(boxes.values()), links)
    return replace(lay, links=links, crossings=crossings, bounds=bounds)


def part_layout(case: Case, lay: SystemogramLayout) -> SystemogramLayout:
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
