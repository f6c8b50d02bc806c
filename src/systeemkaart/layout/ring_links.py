"""The lines of a systemogram: involvements, supporters' ties and context memberships.

Each active involvement becomes one line from its agent to each target; involvements of
professionals folded into their organisation are merged per organisation, target and
stance, and the line remembers every agent and involvement it stands for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from ..activity import active_involvements
from ..dates import PartialDate
from ..model import Case
from .ring_centre import SYMBOL, PersonPlace
from .ring_geometry import Box, Point

__all__ = ["LinkPlace", "LinkPlan", "build_links", "line_width", "place_links", "plan_links"]


class _Agent(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def box(self) -> Box: ...
    @property
    def members(self) -> tuple[str, ...]: ...


A = TypeVar("A", bound=_Agent)


@dataclass(frozen=True, slots=True)
class LinkPlace:
    """One drawn line from an agent to a person.

    ``kind`` is ``involvement``, ``support``, ``membership`` or ``relation`` (a family-style
    relation, ``relation`` naming its kind, between an agent and a person or two agents;
    its source and target are the two ends as written). ``agents`` are the ids as
    written in the file that the line stands for (several when professionals are merged into
    their organisation) and ``involvements`` their indices in ``case.involvements``.
    ``stance`` and ``regie`` apply to involvements, ``strength`` to support; ``width`` is the
    stroke width; ``points`` run from the agent's box to just outside the person's symbol.
    """

    kind: str
    source: str
    target: str
    agents: tuple[str, ...]
    involvements: tuple[int, ...]
    stance: str | None
    regie: bool
    strength: str | None
    width: float
    points: tuple[Point, ...]
    relation: str | None = None


_INTENSITY: tuple[tuple[tuple[str, ...], float], ...] = (
    (("dagelijks", "daily", "dag"), 3.4),
    (("tweewekelijks", "biweekly", "fortnight", "2-week", "twee week"), 2.2),
    (("wekelijks", "weekly", "week"), 2.8),
    (("maand", "month"), 1.5),
    (("jaar", "year", "incident", "ad hoc", "soms", "occasional"), 1.1),
)
BASE_WIDTH = 1.8
SUPPORT_WIDTH = {"strong": 3.2, "normal": 1.6, "weak": 1.2, "stressful": 1.6}
MEMBERSHIP_WIDTH = 1.2


@dataclass(slots=True)
class _Acc:
    """What the involvements merged into one line add up to."""

    agents: list[str] = field(default_factory=list)
    involvements: list[int] = field(default_factory=list)
    regie: bool = False
    width: float = 0.0


def line_width(intensity: str | None, entry: str | None) -> float:
    """Stroke width of an involvement: more often and a better entry make a thicker line.

    ``intensity`` is free text (``weekly``, ``maandelijks``...): the first matching word
    sets the base width; ``entry`` ``good`` widens it by a quarter, ``poor`` narrows it.
    """
    width = BASE_WIDTH
    if intensity:
        text = intensity.lower()
        for words, w in _INTENSITY:
            if any(word in text for word in words):
                width = w
                break
    if entry == "good":
        width *= 1.25
    elif entry == "poor":
        width *= 0.7
    return round(width, 2)


def _end(start: Point, person: PersonPlace) -> Point:
    dx, dy = person.x - start[0], person.y - start[1]
    dist = math.hypot(dx, dy)
    if dist < 1e-9:
        return person.x, person.y
    back = min(SYMBOL / 2 + 3, dist / 2)
    return person.x - dx / dist * back, person.y - dy / dist * back


@dataclass(frozen=True, slots=True)
class LinkPlan:
    """What one line stands for, before it is placed: a :class:`LinkPlace` without points.

    ``relation`` names the kind of a family-style relation (``kind`` ``relation``)."""

    kind: str
    source: str
    target: str
    agents: tuple[str, ...]
    involvements: tuple[int, ...]
    stance: str | None
    regie: bool
    strength: str | None
    width: float
    relation: str | None = None


def build_links(case: Case, at: PartialDate, agents: Mapping[str, A],
                people: Mapping[str, PersonPlace],
                anchor: Callable[[A, Point], list[Point]],
                alias: Mapping[str, str] | None = None) -> list[LinkPlace]:
    """Every line of the systemogram at ``at``, in file order, merged where collapsed.

    ``agents`` are the drawn agents; an agent missing from it is looked up in the members
    of a collapsed organisation, then in ``alias`` (a supporter or context drawn as the
    organisation or person it refers to). ``anchor`` gives the start point(s) of a line
    from an agent towards a point. The same as :func:`place_links` of :func:`plan_links`.
    """
    return place_links(plan_links(case, at, agents, people, alias), agents, people, anchor)


def plan_links(case: Case, at: PartialDate, agents: Mapping[str, A],
               people: Collection[str], alias: Mapping[str, str] | None = None
               ) -> list[LinkPlan]:
    """The lines of :func:`build_links`, in its order, without their points: they depend
    only on which agents and people are drawn, not on where, so a layout that tries many
    placements plans its lines once. O(involvements + supporters + contexts + relations)."""
    owner: dict[str, str] = dict(alias or {})
    for a in agents.values():
        for m in a.members:
            owner[m] = a.id
    merged: dict[tuple[str, str, str], _Acc] = {}
    for i, inv in active_involvements(case, at):
        source = inv.agent if inv.agent in agents else owner.get(inv.agent)
        if source is None or (source not in agents and source not in people):
            continue
        for target in dict.fromkeys(inv.targets):
            if target not in people or target == source:  # a relative helping themself
                continue
            acc = merged.setdefault((source, target, inv.stance), _Acc())
            if inv.agent not in acc.agents:
                acc.agents.append(inv.agent)
            acc.involvements.append(i)
            acc.regie = acc.regie or inv.regie
            acc.width = max(acc.width, line_width(inv.intensity, inv.entry))
    plans = [_plan("involvement", source, target, acc, stance, None)
             for (source, target, stance), acc in merged.items()]
    drawn = {(k[0], k[1]) for k in merged}
    for s in case.network:
        node = s.id if s.id in agents else owner.get(s.id)
        if node is not None:
            for pid in dict.fromkeys(s.supports):
                if pid in people and pid != node and (node, pid) not in drawn:
                    acc = _Acc([s.id], [], False, SUPPORT_WIDTH[s.strength])
                    plans.append(_plan("support", node, pid, acc, None, s.strength))
    for c in case.contexts:
        node = c.id if c.id in agents else owner.get(c.id)
        if node is not None:
            for pid in dict.fromkeys(c.members):
                if pid in people and pid != node and (node, pid) not in drawn:
                    acc = _Acc([c.id], [], False, MEMBERSHIP_WIDTH)
                    plans.append(_plan("membership", node, pid, acc, None, None))
    plans += _relations(case, at, agents, people, owner)
    return plans


def place_links(plans: Sequence[LinkPlan], agents: Mapping[str, A],
                people: Mapping[str, PersonPlace],
                anchor: Callable[[A, Point], list[Point]]) -> list[LinkPlace]:
    """The planned lines placed: from where ``anchor`` starts them at their agents to
    their targets, lines that share both ends spread apart."""
    links: list[LinkPlace] = []
    for lp in plans:
        if lp.kind == "relation":
            pts = _relation_points(lp.source, lp.target, agents, people, anchor)
        else:
            pts = _points(lp.source, lp.target, agents, people, anchor)
        links.append(LinkPlace(lp.kind, lp.source, lp.target, lp.agents, lp.involvements,
                               lp.stance, lp.regie, lp.strength, lp.width, pts,
                               lp.relation))
    return _spread_parallel(links)


RELATION_WIDTH = 1.4


def _relations(case: Case, at: PartialDate, agents: Mapping[str, A], people: Collection[str],
               owner: Mapping[str, str]) -> list[LinkPlan]:
    """Relations with a drawn agent at one end or both, active at ``at``."""
    out: list[LinkPlan] = []
    for r in case.relations:
        if r.start is not None and at.latest < r.start.earliest:
            continue
        if r.end is not None and r.end.latest < at.earliest:
            continue
        ends = [e if e in agents or e in people else owner.get(e) for e in r.between]
        a, b = ends
        if a is None or b is None or a == b or (a in people and b in people):
            continue
        out.append(LinkPlan("relation", a, b, tuple(r.between), (), None, False, None,
                            RELATION_WIDTH, r.kind))
    return out


def _relation_points(a: str, b: str, agents: Mapping[str, A],
                     people: Mapping[str, PersonPlace],
                     anchor: Callable[[A, Point], list[Point]]) -> tuple[Point, ...]:
    if b in people:
        person = people[b]
        start = anchor(agents[a], (person.x, person.y))
        return (*start, _end(start[-1], person))
    if a in people:
        person = people[a]
        start = anchor(agents[b], (person.x, person.y))
        return tuple(reversed((*start, _end(start[-1], person))))
    box_b = agents[b].box
    start = anchor(agents[a], (box_b.cx, box_b.cy))
    return (*start, (box_b.cx, box_b.cy))


PARALLEL_GAP = 5.0
"""Distance between lines that join the same agent and person (say helping and deciding)."""


def _spread_parallel(links: list[LinkPlace]) -> list[LinkPlace]:
    """Shift lines that share both ends sideways, so each stays visible."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, lk in enumerate(links):
        groups.setdefault((lk.source, lk.target), []).append(i)
    out = list(links)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        for k, i in enumerate(idx):
            lk = links[i]
            (x0, y0), (x1, y1) = lk.points[0], lk.points[-1]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            nx, ny = -(y1 - y0) / length, (x1 - x0) / length
            off = (k - (len(idx) - 1) / 2) * PARALLEL_GAP
            pts = tuple((x + nx * off, y + ny * off) for x, y in lk.points)
            out[i] = replace(lk, points=pts)
    return out


def _plan(kind: str, source: str, target: str, acc: _Acc, stance: str | None,
          strength: str | None) -> LinkPlan:
    return LinkPlan(kind, source, target, tuple(acc.agents), tuple(acc.involvements), stance,
                    acc.regie, strength, acc.width)


def _points(source: str, target: str, agents: Mapping[str, A],
            people: Mapping[str, PersonPlace],
            anchor: Callable[[A, Point], list[Point]]) -> tuple[Point, ...]:
    """A line from an agent (or a family member who supports) to a person."""
    person = people[target]
    if source in agents:
        start = anchor(agents[source], (person.x, person.y))
    else:  # a supporter or context drawn as a family member
        start = [(people[source].x, people[source].y)]
    return (*start, _end(start[-1], person))
