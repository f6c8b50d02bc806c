"""The drawn lines of a laid-out systemogram as the line passes see them, for the tests
that measure a finished drawing: each line's points from its agent, its (agent, target),
its drawn width, how many points of its start make its stub and how many points of its end
lie in the fan into its person."""

from __future__ import annotations

import math

from systeemkaart.layout import Point
from systeemkaart.layout.systemogram import SystemogramLayout
from systeemkaart.layout.systemogram_fan import FAN_RADIUS
from systeemkaart.layout.systemogram_leave import in_card
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_tracks import extent

__all__ = ["drawn_lines", "fan_points", "first_points"]


def drawn_lines(lay: SystemogramLayout
                ) -> tuple[list[list[Point]], list[tuple[str, str]], list[float]]:
    """The lines of ``lay``, each from its agent: their points, their (agent, target) and
    how wide each is drawn."""
    lines = routed_ends(lay.links, lay.people)
    return ([list(pts) for _, _, pts in lines], [(src, tgt) for src, tgt, _ in lines],
            [extent(lk) for lk in lay.links])


def fan_points(lay: SystemogramLayout, paths: list[list[Point]],
               ends: list[tuple[str, str]]) -> list[int]:
    """How many points at the end of each of ``paths`` lie within the fan into its
    person (``FAN_RADIUS`` and a unit; at least the last point)."""
    kept = []
    for pts, (_, tgt) in zip(paths, ends, strict=True):
        n = 1
        if tgt in lay.people:
            centre = (lay.people[tgt].x, lay.people[tgt].y)
            while n < len(pts) - 1 and math.dist(pts[-n - 1], centre) <= FAN_RADIUS + 1:
                n += 1
        kept.append(n)
    return kept


def first_points(lay: SystemogramLayout, ends: list[tuple[str, str]]) -> list[int]:
    """How many points at the start of each line of ``ends`` make its stub: 2 for a line
    leaving a row of an organisation card (port and stub end), else 1."""
    frames = {c.id: c.frame for c in lay.cards}
    firsts = []
    for src, _ in ends:
        agent = lay.agents.get(src)
        card = frames.get(agent.card or "") if agent is not None else None
        firsts.append(2 if agent is not None and in_card(agent.box, card) else 1)
    return firsts
