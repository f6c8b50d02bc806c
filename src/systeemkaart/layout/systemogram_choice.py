"""Which systemogram layout is drawn: those expected to cross least are routed, and the
routed one a reader can follow best wins.

Routing is what a drawing's time goes to, so only a few of the candidate layouts are
routed: :func:`likeliest` forecasts the crossings of each once routed (:func:`forecast`,
plus ``OFF_SIDE`` for each box set off its kind's side). Among the routed,
:func:`reader_cost` ranks first the lines left through a box, then :func:`score`: the
crossings, those of two lines into one person again, and each line that takes a long
way round (:func:`long_way`). Where one of them loops, :func:`repairs` names the layouts
to route next.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from .ring_centre import CentrePlace
from .ring_geometry import TAU, Box, count_crossings, detour_ratio
from .ring_links import LinkPlace
from .systemogram_fan import fan_crossings
from .systemogram_lines import routed_ends
from .systemogram_places import Plan, SystemogramLayout, placed
from .systemogram_reach import reach
from .systemogram_rings import within_reach
from .systemogram_route import LONG_DETOUR
from .systemogram_through import count_lines_through

__all__ = [
    "DETOUR_CROSSINGS",
    "LONG_WAY",
    "LONG_WAY_CROSSINGS",
    "MORE_ROUTED",
    "NEAR",
    "OFF_SIDE",
    "REACH_LINES",
    "REACH_SHARE",
    "ROUTED",
    "ROUTED_LINES",
    "UNTRACEABLE",
    "cheapest",
    "crossings_of",
    "forecast",
    "likeliest",
    "long_lines",
    "long_way",
    "long_ways",
    "off_side",
    "reader_cost",
    "repairs",
    "score",
    "turned_within_reach",
]

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
kind's side (see :func:`off_side`)."""
REACH_LINES = 51
"""Lines above which a drawing is large enough that its layout is chosen for reach as
well (``REACH_SHARE``) and tried without the pull to the side
(:data:`~.systemogram_rounds.UNPULLED`): where one layout is routed and none more for a
line that takes a long way round. From 35 lines on (above every example, at most 26, and
every 20-agent bench network, at most 34), over 20 seeds, 40 agents crossed 125.1 ->
122.2 times with 11.1 -> 10.1 bands and 30 agents 85.1 -> 74.6 with 7.0 -> 6.5 (seed 4
of 40 agents, 47 lines: 53 -> 46 crossings, 15 -> 7 bands, Organisatie 17 by the lower
household instead of right of it); but five seeds of 30 agents crossed 72.4 -> 72.8 with
4.4 -> 5.2 bands, and seed 4 of 40 drew two arrowheads into Persoon 1 on each other (a
line routed over the person's top into its port), so it is not."""
REACH_SHARE = 0.75
"""What a layout's agents standing farther from the people they act on costs in
:func:`likeliest`, as a share of the fewest straight crossings per share of the reach
(:func:`~.systemogram_reach.reach`) of the layout that has them: a layout whose agents
stand 10 % farther out is charged 7.5 % of those crossings. Of layouts that cross about
as often, the one with its cards nearer their targets is routed and drawn. Only in a
drawing of more than ``REACH_LINES`` lines: charged in every drawing of one routed
layout, it routed huisarts-steunfiguren (26 lines) with Sociaal Wijkteam West's lines
round the whole drawing."""
UNTRACEABLE = 1.0
"""What a crossing of two lines into one person weighs in choosing among routed layouts,
over and above being a crossing (see :func:`score`)."""
DETOUR_CROSSINGS = 1.0
"""Crossings a line is expected to gain for each box it must be routed round."""
LONG_WAY = LONG_DETOUR
"""A routed line longer than this many times the straight distance between its ends takes
a long way round (say round the whole drawing to cross a few lines fewer): hard to follow,
it counts like a crossing in choosing among routed layouts (:func:`score`)."""
LONG_WAY_CROSSINGS = 1.0
"""What a line taking a long way round weighs in choosing among routed layouts."""
MORE_ROUTED = 1
"""Layouts of each kind routed beyond the likeliest when one of those routed takes a long
way round (and turning the agents of the best's long ways within reach did not win): the
next likeliest, which may reach everyone the short way (mdo-weglopen's short lines come
from the next of the kind without Daan on top). Only in a drawing of up to
``ROUTED_LINES`` lines: in one of 60 agents routing two more layouts doubled the time
and, over five networks, took no long way away."""


def repairs(plan: Plan, groups: Sequence[Sequence[SystemogramLayout]],
            near: Sequence[Sequence[SystemogramLayout]], looped: SystemogramLayout,
            routed: SystemogramLayout, sides: dict[str, float], count: int
            ) -> list[SystemogramLayout]:
    """Layouts worth routing, in turn, where one of those routed (``near``, by group) took
    a long way round: the next ``MORE_ROUTED`` likeliest of each group, which may reach
    everyone the short way. Where the best routed one (``routed``, laid out as
    ``looped``) is one that loops, first ``looped`` with the agents of those lines turned
    to where their targets are within reach (:func:`turned_within_reach`), then the
    others in the order of how many lines those lines cross in them, straight (a cheap test before
    the costly routing: a line loops round the drawing to cross less, so the fewer it
    crosses in a layout, the likelier it goes the short way there)."""
    spare = [lay for group, seen in zip(groups, near, strict=True)
             for lay in likeliest(group, sides, count + MORE_ROUTED)
             if not any(lay is s for s in seen)]
    loops = long_lines(routed.links)
    if not loops:
        return spare
    spare.sort(key=lambda lay: crossings_of(lay, loops))  # stable: likelier first
    turned = turned_within_reach(plan, looped, loops)
    return spare if turned is None else [turned, *spare]


def crossings_of(lay: SystemogramLayout, lines: Collection[tuple[str, str]]) -> int:
    """Crossings of ``lay``'s lines from source to target as in ``lines`` with its
    other lines (as :func:`count_crossings` counts them)."""
    every = [(lk.source, lk.target, lk.points) for lk in lay.links]
    rest = [line for line in every if (line[0], line[1]) not in lines]
    return count_crossings(every) - count_crossings(rest)


def turned_within_reach(plan: Plan, lay: SystemogramLayout,
                        lines: Collection[tuple[str, str]]) -> SystemogramLayout | None:
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
    return placed(plan, centre, desired)


def likeliest(tried: Sequence[SystemogramLayout], sides: dict[str, float], count: int
              ) -> list[SystemogramLayout]:
    """The ``count`` layouts among ``tried`` (fewest straight crossings first) expected to
    cross least once routed, by :func:`forecast` plus ``OFF_SIDE`` per box set off its
    kind's side. Layouts within ``NEAR`` of the fewest crossings come first; the others
    fill what is left of ``count``. Each group's forecast stops at the first layout whose
    straight crossings alone cannot win. ``sides`` maps each box that has one to its
    kind's side (radians)."""
    limit = tried[0].crossings * NEAR + 2
    per_reach = (REACH_SHARE * tried[0].crossings / max(reach(tried[0]), 1.0)
                 if len(tried[0].links) > REACH_LINES else 0.0)
    out: list[SystemogramLayout] = []
    for group in ([lay for lay in tried if lay.crossings <= limit],
                  [lay for lay in tried if lay.crossings > limit]):
        want = count - len(out)
        scored: list[tuple[float, int, SystemogramLayout]] = []
        for k, lay in enumerate(group):
            if want <= 0 or (len(scored) >= want
                             and lay.crossings >= sorted(scored)[want - 1][0]):
                break  # a forecast is never below the straight crossings
            scored.append((forecast(lay) + OFF_SIDE * off_side(lay, sides)
                           + per_reach * reach(lay), k, lay))
        scored.sort(key=lambda item: item[:2])
        out += [lay for _, _, lay in scored[:want]]
    return out


def score(lay: SystemogramLayout) -> float:
    """What a routed layout costs a reader: its crossings, plus ``UNTRACEABLE`` for
    each crossing of two lines into one person (which a reader must untangle to tell
    whose arrow is whose, near the person or far from it), plus ``LONG_WAY_CROSSINGS``
    for each line that takes a long way round (:func:`long_ways`)."""
    lines = routed_ends(lay.links, lay.people)
    return (lay.crossings + UNTRACEABLE * fan_crossings(lines, lay.people, math.inf)
            + LONG_WAY_CROSSINGS * long_ways(lay.links))


def long_way(link: LinkPlace) -> bool:
    """True when the routed ``link`` runs longer than ``LONG_WAY`` times the straight
    distance between its ends: a line a reader must follow round the drawing (the one
    test behind :func:`long_ways` and :func:`long_lines`)."""
    return detour_ratio(link.points) > LONG_WAY


def long_ways(links: Sequence[LinkPlace]) -> int:
    """How many of the routed ``links`` take a long way round (:func:`long_way`): what a
    layout's :func:`score` charges for them."""
    return sum(1 for lk in links if long_way(lk))


def long_lines(links: Sequence[LinkPlace]) -> set[tuple[str, str]]:
    """Source and target of each of the routed ``links`` that takes a long way round
    (:func:`long_way`): the lines :func:`repairs` tries to bring within reach."""
    return {(lk.source, lk.target) for lk in links if long_way(lk)}


def reader_cost(lay: SystemogramLayout) -> tuple[int, float]:
    """How a routed layout ranks for a reader: first the lines left through a box that
    is not one of their ends (the router avoids them, but a crowded person may leave a
    line no clear way in; any other layout without one is better), then :func:`score`."""
    boxes = {k: a.box for k, a in lay.agents.items()}
    return count_lines_through(lay.links, lay.people, boxes), score(lay)


def cheapest(routed: Sequence[SystemogramLayout], costs: list[tuple[int, float]]) -> int:
    """Where in ``routed`` the one stands that a reader can follow best
    (:func:`reader_cost`; the first among equals). ``costs`` holds the cost of each one
    before it, as a call before left it: the costs are worked out once each, as more
    layouts are routed one at a time."""
    costs += [reader_cost(lay) for lay in routed[len(costs):]]
    return min(range(len(routed)), key=costs.__getitem__)


def forecast(lay: SystemogramLayout) -> float:
    """The crossings ``lay`` is expected to have once routed: its straight crossings plus
    ``DETOUR_CROSSINGS`` for every box a straight line passes that is not one of its ends
    (routing round a box crosses about that many lines into it)."""
    boxes = {k: a.box for k, a in lay.agents.items()}
    return lay.crossings + DETOUR_CROSSINGS * count_lines_through(lay.links, lay.people, boxes)


def off_side(lay: SystemogramLayout, sides: dict[str, float]) -> int:
    """How many boxes stand more than a quarter turn from their kind's side (say youth
    care left of the family): a layout that reads against the partner picture."""
    return sum(1 for k, side in sides.items() if k in lay.agents
               and abs((lay.agents[k].angle - side + math.pi) % TAU - math.pi) > math.pi / 2)
