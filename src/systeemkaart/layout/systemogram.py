"""Systemogram layout: the family in the centre, supporters, contexts and agencies in rings.

Ring 1 holds the informal network (supporters), ring 2 the contexts (school, work, sport...),
ring 3 the organisations, each drawn as a card with its professionals. Every box is placed
on its ring close to the direction of the people it acts on (the barycentre of its targets'
angles), pulled towards a side by kind as in the Proeftuin partner picture: youth care and
protection on the left, schools, contexts and the social basis on the right, the
neighbourhood social team on top. The order of the people in each household is then
re-ranked by where their agents ended up and the whole is laid out again; the round with the
fewest line crossings wins.

Boxes never overlap: on a ring each gap is the least angle that separates the two boxes
(:func:`~systeemkaart.layout.ring_geometry.angular_gap`), the angles are fitted by isotonic
regression, and a ring grows until every box is apart from every other and clear of the ring
inside it. Beyond a threshold, professionals collapse into their organisation with a count.

Cost: O(R · (A log A + A² + L²)) for R rounds, A agents and L lines; a 60-agent case takes
a few tens of milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..activity import active_involvements, help_counts, shown_agents
from ..dates import PartialDate
from ..exceptions import LayoutError
from ..model import Case, case_at
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, text_width, wrap
from .ring_centre import (
    CentrePlace,
    HouseholdPlace,
    PersonPlace,
    TextLine,
    centre_people,
    layout_centre,
)
from .ring_geometry import (
    TAU,
    Box,
    Point,
    angular_gap,
    boundary_point,
    count_crossings,
    place_on_circle,
)
from .ring_links import LinkPlace, build_links

__all__ = [
    "AgentPlace",
    "CardPlace",
    "HouseholdPlace",
    "LinkPlace",
    "PersonPlace",
    "SystemogramLayout",
    "TextLine",
    "layout_systemogram",
]

AGENT_FONT = 11.0
ROLE_FONT = 9.5
PAD_X = 7.0
PAD_Y = 4.0
MAX_LABEL = 190.0
BOX_GAP = 10.0
RING_GAP = 28.0
"""Least space between a box and any box of an inner ring (room for lines to pass)."""
RING_STEP = 40.0
"""Least difference between the radii of two successive rings (before pulling in)."""
PULL_STEP = 4.0
STUB = 10.0
BADGE = 18.0
"""Room at the right end of a box for the regie badge."""
MAX_PER_CARD = 5
MAX_PROFESSIONALS = 24

# Preferred direction by kind (radians, y down): youth care left, schools/basis right, SWT up.
_LEFT, _RIGHT, _UP, _DOWN = math.pi, 0.0, -math.pi / 2, math.pi / 2
_ORG_SIDE: dict[str, float | None] = {
    "youth_care": _LEFT,
    "youth_mental_health": _LEFT,
    "child_protection": _LEFT + 0.5,
    "safety_home": _LEFT + 0.5,
    "police": _LEFT + 0.7,
    "gp": _LEFT - 0.6,
    "social_team": _UP,
    "school": _RIGHT,
    "social_basis": _RIGHT + 0.4,
    "municipality": _DOWN,
    "other": None,
}
SIDE_WEIGHT = 1.0
SIDE_WEIGHTS = (1.0, 0.55)
"""Pulls to the kind's side that are tried; the one giving fewer crossings wins."""


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
    ``organisations`` are the counts for the badge; ``crossings`` counts line crossings.
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


@dataclass(slots=True)
class _Unit:
    """One thing placed on a ring: a single box, or an organisation card of stacked rows."""

    id: str
    ring: int
    parts: list[tuple[str, str, tuple[TextLine, ...], float]]  # node id, type, lines, height
    w: float
    h: float
    side: float | None
    order: int
    members: dict[str, tuple[str, ...]]


def _text_lines(text: str, size: float, bold: bool = False) -> list[TextLine]:
    return [TextLine(t, size, bold) for t in wrap(text, size, MAX_LABEL, bold=bold)]


def _snap(value: float) -> float:
    """Round up to 0.01: sizes and positions survive the two-decimal SVG output, so boxes
    that touch in the layout still only touch in the file."""
    return math.ceil(round(value * 100, 6)) / 100


def _height(lines: Sequence[TextLine]) -> float:
    return _snap(sum(t.size * LINE_HEIGHT for t in lines) + 2 * PAD_Y)


def _width(lines: Sequence[TextLine]) -> float:
    return _snap(max(text_width(t.text, t.size, bold=t.bold) for t in lines) + 2 * PAD_X)


def _collapse(case: Case, shown: set[str], max_per_card: int, max_total: int) -> set[str]:
    """Organisations whose shown professionals are folded into one box with a count."""
    counts = {o.id: sum(p.id in shown for p in o.professionals) for o in case.organisations}
    collapsed = {oid for oid, n in counts.items() if n > max_per_card}
    total = sum(n for oid, n in counts.items() if oid not in collapsed)
    order = sorted((o for o in counts if o not in collapsed and counts[o] > 1),
                   key=lambda o: (-counts[o], o))
    for oid in order:
        if total <= max_total:
            break
        collapsed.add(oid)
        total -= counts[oid]
    return collapsed


def _units(case: Case, shown: set[str], collapsed: set[str], regie: set[str],
           lang: str) -> list[_Unit]:
    """The boxes to place, in file order; a box holding regie gets room for its badge."""
    units: list[_Unit] = []
    k = 0
    for s in case.network:
        if s.id in shown:
            lines = _text_lines(s.name or s.id, AGENT_FONT)
            if s.relation:
                lines += _text_lines(s.relation, ROLE_FONT)
            units.append(_Unit(s.id, 1, [(s.id, "supporter", tuple(lines), _height(lines))],
                               _width(lines) + BADGE * (s.id in regie), _height(lines), None, k,
                               {}))
            k += 1
    for c in case.contexts:
        if c.id in shown:
            lines = _text_lines(c.name or c.id, AGENT_FONT, True)
            if c.kind != "other":
                lines += _text_lines(label(c.kind, lang), ROLE_FONT)
            units.append(_Unit(c.id, 2, [(c.id, "context", tuple(lines), _height(lines))],
                               _width(lines) + BADGE * (c.id in regie), _height(lines), _RIGHT,
                               k, {}))
            k += 1
    for org in case.organisations:
        if org.id not in shown:
            continue
        pros = [p for p in org.professionals if p.id in shown]
        head = _text_lines(org.name or org.id, AGENT_FONT, True)
        parts: list[tuple[str, str, tuple[TextLine, ...], float]] = []
        members: dict[str, tuple[str, ...]] = {}
        if org.id in collapsed:
            head += [TextLine(f"{len(pros)} {label('professionals', lang)}", ROLE_FONT)]
            members[org.id] = tuple(p.id for p in pros)
            parts.append((org.id, "organisation", tuple(head), _height(head)))
        else:
            parts.append((org.id, "organisation", tuple(head), _height(head)))
            for p in pros:
                text = p.name or p.id
                lines = _text_lines(text, AGENT_FONT)
                if p.role:
                    lines += _text_lines(p.role, ROLE_FONT)
                parts.append((p.id, "professional", tuple(lines), _height(lines)))
        badge = any(part[0] in regie for part in parts) or any(
            m in regie for ms in members.values() for m in ms)
        w = max(_width(part[2]) for part in parts) + (BADGE if badge else 0.0)
        h = sum(part[3] for part in parts)
        units.append(_Unit(org.id, 3, parts, w, h, _ORG_SIDE.get(org.kind), k, members))
        k += 1
    return units


def _desired(units: Sequence[_Unit], targets: dict[str, list[str]], centre: CentrePlace,
             optimise: bool, side_weight: float = SIDE_WEIGHT) -> dict[str, float]:
    """Preferred angle of each unit: barycentre of its targets plus a pull to its side."""
    out: dict[str, float] = {}
    by_ring: dict[int, list[_Unit]] = {}
    for u in units:
        by_ring.setdefault(u.ring, []).append(u)
    scale = max(centre.radius, 1.0)
    for ring_units in by_ring.values():
        n = len(ring_units)
        for i, u in enumerate(ring_units):
            if not optimise:
                out[u.id] = (_UP + TAU * i / n) % TAU
                continue
            pts = [centre.people[t] for part in u.parts for t in targets.get(part[0], [])
                   if t in centre.people]
            vx = sum(p.x for p in pts) / scale / len(pts) if pts else 0.0
            vy = sum(p.y for p in pts) / scale / len(pts) if pts else 0.0
            if u.side is not None:
                vx += side_weight * math.cos(u.side)
                vy += side_weight * math.sin(u.side)
            if abs(vx) < 1e-9 and abs(vy) < 1e-9:
                vx, vy = math.cos(_DOWN + TAU * i / n), math.sin(_DOWN + TAU * i / n)
            out[u.id] = math.atan2(vy, vx) % TAU
    return out


def _unit_box(u: _Unit, radius: float, angle: float) -> Box:
    cx, cy = radius * math.cos(angle), radius * math.sin(angle)
    return Box(round(cx - u.w / 2, 2), round(cy - u.h / 2, 2), u.w, u.h)


def _ring_ok(ring: Sequence[_Unit], angles: Sequence[float], radius: float,
             inner: Sequence[Box]) -> bool:
    """No two boxes of the ring overlap, nor any ring box a box placed before (``inner``)."""
    boxes = [_unit_box(u, radius, a) for u, a in zip(ring, angles, strict=True)]
    for b in boxes:
        if any(b.overlaps(o) for o in inner):
            return False
    return not any(boxes[i].overlaps(boxes[j], BOX_GAP / 2)
                   for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


def _place_ring(ring: list[_Unit], desired: dict[str, float], floor: float,
                inner: Sequence[Box]) -> tuple[float, list[float]]:
    """Radius (at least ``floor``) and angles for one ring, clear of the ``inner`` boxes."""
    ring.sort(key=lambda u: (desired[u.id], u.order))
    want = [desired[u.id] for u in ring]
    n = len(ring)
    radius = floor

    def gaps_at(at: Sequence[float]) -> list[float]:
        if n == 1:
            return [0.0]
        out = []
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            mid = at[i] + ((at[(i + 1) % n] - at[i]) % TAU) / 2
            out.append(angular_gap((a.w, a.h), (b.w, b.h), mid, radius, BOX_GAP) * 1.02)
        return out

    for _ in range(600):
        angles: list[float] | None = list(want)
        for _fit in range(4):  # the gaps depend on where the boxes end up: fit, re-measure
            assert angles is not None
            gaps = gaps_at(angles)
            if not all(math.isfinite(g) for g in gaps):
                angles = None
                break
            angles = place_on_circle(want, gaps)
            if angles is None or _ring_ok(ring, angles, radius, inner):
                break
        if angles is not None and _ring_ok(ring, angles, radius, inner):
            return radius, angles
        radius += max(4.0, radius * 0.03)
    raise LayoutError(f"could not place {n} boxes on a ring without overlaps")


def _pull_in(u: _Unit, angle: float, radius: float, least: float, inner: Sequence[Box],
             mates: Sequence[Box]) -> float:
    """Move a box inwards along its ray while it stays clear of everything: rings nest
    closely where there is room, yet a ring never comes nearer than ``least`` (the mean
    radius of the ring inside it)."""
    step = PULL_STEP
    r = radius
    while r - step >= least:
        box = _unit_box(u, r - step, angle)
        if any(box.overlaps(o) for o in inner) or any(box.overlaps(m, BOX_GAP / 2)
                                                     for m in mates):
            break
        r -= step
    return r


def _rings(units: list[_Unit], desired: dict[str, float], centre: CentrePlace
           ) -> tuple[dict[str, Box], dict[str, float], list[float]]:
    """Place ring 1, 2 and 3 in turn; each ring lies beyond the one inside it.

    A ring's radius is at least the previous ring's plus ``RING_STEP``; it grows until its
    boxes are apart from each other and from every box placed before (grown by
    ``RING_GAP``); then each box is pulled inwards along its ray while it stays clear
    (:func:`_pull_in`), so rings nest tightly without ever touching.
    """
    boxes: dict[str, Box] = {}
    angles: dict[str, float] = {}
    radii: list[float] = []
    inner = [p.box.grow(RING_GAP / 2) for p in centre.people.values()]
    inner += [h.frame.grow(RING_GAP / 2) for h in centre.households]
    block = Box.around(inner) if inner else Box(0, 0, 0, 0)
    floor = min(block.w, block.h) / 2 if inner else 0.0
    least = 0.0
    for ring_no in (1, 2, 3):
        ring = [u for u in units if u.ring == ring_no]
        if not ring:
            continue
        start = floor + min(min(u.w, u.h) for u in ring) / 2
        radius, placed = _place_ring(ring, desired, start, inner)
        radii.append(radius)
        mine = {u.id: _unit_box(u, radius, a) for u, a in zip(ring, placed, strict=True)}
        pulled = []
        for u, a in zip(ring, placed, strict=True):
            r = _pull_in(u, a, radius, least, inner, [b for k, b in mine.items() if k != u.id])
            mine[u.id] = _unit_box(u, r, a)
            pulled.append(r)
        for u, a in zip(ring, placed, strict=True):
            boxes[u.id] = mine[u.id]
            angles[u.id] = a
            inner.append(mine[u.id].grow(RING_GAP / 2))
        floor = radius + RING_STEP
        least = sum(pulled) / len(pulled)
    return boxes, angles, radii


def _agents(units: Sequence[_Unit], boxes: dict[str, Box], angles: dict[str, float],
            regie: set[str]) -> tuple[dict[str, AgentPlace], list[CardPlace]]:
    agents: dict[str, AgentPlace] = {}
    cards: list[CardPlace] = []
    for u in units:
        frame = boxes[u.id]
        y = frame.y
        for node_id, node_type, lines, h in u.parts:
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


def _one_round(case: Case, at: PartialDate, lang: str, units: list[_Unit], people: list[str],
               rank: dict[str, float], targets: dict[str, list[str]], regie: set[str],
               optimise: bool, side_weight: float = SIDE_WEIGHT) -> SystemogramLayout:
    centre = layout_centre(case, people, at, lang, rank)
    desired = _desired(units, targets, centre, optimise, side_weight)
    boxes, angles, radii = _rings(units, desired, centre)
    agents, cards = _agents(units, boxes, angles, regie)
    frames = {c.id: c.frame for c in cards}
    links = build_links(case, at, agents, centre.people,
                        lambda a, p: _anchor(a, frames.get(a.card or ""), p))
    crossings = count_crossings([(lk.source, lk.target, lk.points) for lk in links])
    every = [b.box for b in centre.people.values()] + [h.frame for h in centre.households]
    every += list(boxes.values())
    every += [Box(x, y, 0, 0) for lk in links for x, y in lk.points]
    bounds = Box.around(every) if every else Box(0, 0, 0, 0)
    pros, orgs = help_counts(case, at)
    return SystemogramLayout(at, centre.people, centre.households, agents, tuple(cards),
                             tuple(links), tuple(radii), bounds, tuple(sorted(regie)), pros,
                             orgs, crossings)


def layout_systemogram(case: Case, at: PartialDate | None = None, *, lang: str = "nl",
                       optimise: bool = True, rounds: int = 4,
                       max_per_card: int = MAX_PER_CARD,
                       max_professionals: int = MAX_PROFESSIONALS) -> SystemogramLayout:
    """Lay out the systemogram of ``case`` as it stands at ``at`` (default: the case date).

    Only involvements active at ``at`` are drawn, and only agents that have one (or that have
    no dated involvement at all). An organisation with more than ``max_per_card`` shown
    professionals, and the largest ones while more than ``max_professionals`` would show,
    collapse into one box with a count. ``optimise=False`` keeps file order evenly around
    each ring (the baseline for crossing counts); otherwise, for a strong and a milder pull
    to the sides, ``rounds`` rounds of barycentric re-ranking are tried and the layout with
    the fewest crossings is returned.

    Raises:
        LayoutError: when the boxes cannot be placed apart (never expected).
    """
    when = at if at is not None else case.as_of()
    case = case_at(case, when)  # what held at ``when``: the one rule for every drawing
    shown = shown_agents(case, when)
    active = active_involvements(case, when)
    collapsed = _collapse(case, shown, max_per_card, max_professionals)
    regie = {inv.agent for _, inv in active if inv.regie}
    units = _units(case, shown, collapsed, regie, lang)
    targets: dict[str, list[str]] = {}
    for _, inv in active:
        targets.setdefault(inv.agent, []).extend(inv.targets)
    for s in case.network:
        if s.id in shown:
            targets.setdefault(s.id, []).extend(s.supports)
    for c in case.contexts:
        if c.id in shown:
            targets.setdefault(c.id, []).extend(c.members)
    employer = case.employer()
    for pro, org in employer.items():
        if org in collapsed and pro in targets:
            targets.setdefault(org, []).extend(targets[pro])
    people = centre_people(case, [t for ts in targets.values() for t in ts])
    born = {p.id: (p.born.earliest.toordinal() if p.born else 10**7) for p in case.people}
    order = {pid: i for i, pid in enumerate(people)}
    rank = {pid: float(sorted(people, key=lambda q: (born[q], order[q])).index(pid))
            for pid in people}
    best: SystemogramLayout | None = None
    start_rank = rank
    for weight in SIDE_WEIGHTS if optimise else (SIDE_WEIGHT,):
        rank = start_rank
        for _ in range(max(1, rounds) if optimise else 1):
            result = _one_round(case, when, lang, units, people, rank, targets, regie, optimise,
                                weight)
            if best is None or result.crossings < best.crossings:
                best = result
            if best.crossings == 0:
                break
            rank = _rerank(result)
        if best is not None and best.crossings == 0:
            break
    assert best is not None
    named = [(f"p:{k}", v.box) for k, v in best.people.items()]
    named += [(f"a:{k}", v.box) for k, v in best.agents.items()]
    _check_overlaps(named)
    return best


def _rerank(result: SystemogramLayout) -> dict[str, float]:
    """New left-to-right rank of each person: the mean x of the agents that point at them."""
    xs: dict[str, list[float]] = {}
    for lk in result.links:
        a = result.agents.get(lk.source)
        if a is not None:
            xs.setdefault(lk.target, []).append(a.box.cx)
    out: dict[str, float] = {}
    for pid, place in result.people.items():
        vals = xs.get(pid)
        out[pid] = sum(vals) / len(vals) if vals else place.x
    return out
