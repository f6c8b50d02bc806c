"""The candidate layouts of a systemogram: each shape of the family block and each pull
to the sides, re-ranked round by round.

Each round places every box on its ring towards the people it targets (pulled to its
kind's side) and then ranks the people of each household by where their agents ended up
(:func:`rerank`), for the next round. :func:`hub_of` names the person so many lines end at
that layouts with that person on top of the family block are tried as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ring_centre import CentrePlace, layout_centre, room_for
from .systemogram_places import Plan, SystemogramLayout, placed
from .systemogram_rings import desired_angles, exchange_neighbours
from .systemogram_units import Unit

__all__ = [
    "HUB_LINES",
    "HUB_SHARE",
    "SHAPES",
    "SIDE_WEIGHTS",
    "UNPULLED",
    "candidates",
    "hub_of",
    "one_round",
    "rerank",
    "room",
]

SIDE_WEIGHTS = (1.0, 0.55, 0.3)
"""Pulls to the kind's side that are tried; a weaker pull lets a box follow its lines
more, and the layout expected to cross least wins, with ``OFF_SIDE`` crossings charged for
every box it sets more than a quarter turn off its kind's side (see :func:`likeliest`)."""
UNPULLED = (1.0, 0.3, 0.0)
"""The pulls tried in a drawing of more than ``REACH_LINES`` lines: no pull to the side
instead of the middle one, each box wished only towards the people it acts on. There a
card pulled to its side stood far from its people (the right side crowded with youth
care, each card's lines crossing the family); the chooser charges for reach there
(``REACH_SHARE``), so of the layouts that cross about as often the one whose cards stand
near their people is drawn, and each box set more than a quarter turn off its side still
costs ``OFF_SIDE`` crossings. 20 seeds of 40 agents (above 51 lines): crossings 139.5
-> 125.1, bands 13.6 -> 11.1, reach 296 -> 286 (with the middle pull kept as well
124.5, 11.4 and 284, for a third more layouts tried). Not in smaller drawings: at 20
agents (no reach charged there) the reach rose 189 -> 240."""
SHAPES = (1.8, 4.0)
"""Shapes (width over height) of the family block that are tried."""
HUB_LINES = 8
"""Lines into one person from which a layout with that person on top of the family block
(room on three sides) is tried as well."""
HUB_SHARE = 0.4
"""Share of all lines into people that must end at one person for it to count as a hub:
where lines spread over many people, none dominates and the extra layouts are not tried
(routing them too costs a third more time or more; at a third, 20-agent networks took
a third longer and none was drawn with its hub on top)."""


def room(plan: Plan) -> float:
    """Room added between the households of ``plan`` for the lines passing between them
    (:func:`~systeemkaart.layout.ring_centre.room_for`)."""
    return room_for(sum(len(v) for v in plan.targets.values()))


def one_round(plan: Plan, rank: dict[str, float], side_weight: float,
              shape: float = SHAPES[0], height: dict[str, float] | None = None,
              centre: CentrePlace | None = None, hub: str | None = None) -> SystemogramLayout:
    """One round: the family block laid out by ``rank`` (and ``height``; or ``centre`` as
    given) in ``shape``, with ``hub`` on top, and each box placed on its ring towards the
    people it targets, pulled to its kind's side by ``side_weight`` (neighbours that cross
    less the other way round exchanged, when the plan optimises)."""
    if centre is None:
        centre = layout_centre(plan.case, plan.people, plan.at, plan.lang, rank,
                               plan.unreached, shape, height, hub, room(plan))
    desired = desired_angles(plan.units, plan.targets, centre, plan.optimise, side_weight)
    if plan.optimise:
        desired = exchange_neighbours(plan.units, desired, plan.targets, centre)
    return placed(plan, centre, desired)


def candidates(plan: Plan, start: dict[str, float], rounds: int, hub: str | None = None,
               weights: Sequence[float] = SIDE_WEIGHTS,
               first_round: SystemogramLayout | None = None) -> list[SystemogramLayout]:
    """Layouts for each shape of the family block and each side pull of ``weights``, each
    re-ranked ``rounds`` times; distinct ones, fewest straight crossings first (stable).
    With ``hub``, that person stands on top of the family block in every one.

    ``first_round`` is the round :func:`one_round` laid out last with ``plan`` from
    ``start``, the first shape and the first of ``weights`` (and ``hub``): taken as it is
    instead of laid out again. It is the same layout: every argument is the same, and each
    ring's search for its radius, starting at the radius that round found (``plan.hints``),
    finds it fitting and the step below not (:func:`~.systemogram_rings.place_rings`).
    For that reason, too, a round whose family block comes out as the round's before is
    not placed again: it would place every box as that round did (the same block, pull
    and radii to start from) and end the re-ranking as a layout seen before."""
    out: list[SystemogramLayout] = []
    seen: set[tuple[tuple[str, float, float], ...]] = set()
    blocks: set[tuple[tuple[str, float, float], ...]] = set()
    for shape in SHAPES:
        first = layout_centre(plan.case, plan.people, plan.at, plan.lang, start,
                              plan.unreached, shape, hub=hub, room=room(plan))
        block = tuple((k, p.x, p.y) for k, p in first.people.items())
        if block in blocks:
            continue  # the same family block as a shape before: the same layouts follow
        blocks.add(block)
        for weight in weights:
            rank, height = start, None
            last = first
            for k in range(max(1, rounds)):
                centre = first if k == 0 else layout_centre(
                    plan.case, plan.people, plan.at, plan.lang, rank, plan.unreached, shape,
                    height, hub, room(plan))
                if k > 0 and centre == last:
                    break  # the round before, placed again: the re-ranking settled
                last = centre
                if first_round is not None and k == 0 and shape == SHAPES[0] \
                        and weight == weights[0]:
                    result = first_round
                else:
                    result = one_round(plan, rank, weight, shape, height, centre, hub)
                key = tuple((k, a.box.x, a.box.y) for k, a in result.agents.items())
                key += tuple((k, p.x, p.y) for k, p in result.people.items())
                if key in seen:
                    break  # the re-ranking settled: nothing new this way
                seen.add(key)
                out.append(result)
                if result.crossings == 0:
                    break
                rank, height = rerank(result)
    out.sort(key=lambda lay: lay.crossings)
    return out


def hub_of(units: Sequence[Unit], targets: dict[str, list[str]], people: Sequence[str]
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


def rerank(result: SystemogramLayout) -> tuple[dict[str, float], dict[str, float]]:
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
