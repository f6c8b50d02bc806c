"""Where each systemogram line leaves its agent: which side of a card, and how far along.

A professional's line leaves its card sideways from its own row, on the side facing its
target (:func:`first_sides`: unless many lines of two cards would leave into the narrow
gap between them), lines of one agent to the same node a little apart, and a card row's
double lines as visible pairs in a staircase (:func:`shifts`). The router
(:mod:`.systemogram_lines`) starts every line there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Box, Point
from .ring_centre import PersonPlace
from .ring_links import LinkPlace

__all__ = ["BRAID", "CRAMPED", "PAIR_SPACING", "PARALLEL_GAP", "Shift", "ends_of",
           "first_sides", "in_card", "is_double", "shifts"]

PARALLEL_GAP = 5.0
"""Distance (units) between lines of one agent to the same node where they leave it."""
PAIR_SPACING = 9.0
"""Distance (units) between two double lines of one agent where they leave it: their
strokes 2.6 apart within a pair and over 6 between the pairs, so a reader can pair them."""
CRAMPED = 24.0
"""Distance (units) from a card's side within which another card makes that side
cramped for lines leaving it (see :func:`first_sides`)."""
BRAID = 6
"""Lines of two cards facing the narrow gap between them from which they leave on their
other sides where those are free (see :func:`first_sides`)."""
Shift = tuple[float, float]
"""Where a line leaves its agent's row: how far down from its middle, and how much longer
than the usual stub its stub out of the card is."""
_WIDE_RELATIONS = frozenset({"close", "fused", "close_hostile"})
"""Relations drawn with two or three strokes (the systemogram's relation styles)."""


def is_double(lk: LinkPlace) -> bool:
    """True when ``lk`` is drawn with two or more parallel strokes (a deciding agent's
    line, a close or fused relation): beside another such line its strokes must stay in
    visible pairs."""
    if lk.kind == "involvement":
        return lk.stance == "over"
    return lk.kind == "relation" and lk.relation in _WIDE_RELATIONS


def ends_of(lk: LinkPlace, people: Mapping[str, PersonPlace]) -> tuple[str, str, bool]:
    """Where ``lk`` is routed from and to: from its agent, flipped when it starts at a
    person and ends at an agent."""
    if lk.source in people and lk.target not in people:
        return lk.target, lk.source, True
    return lk.source, lk.target, False


def in_card(box: Box, card: Box | None) -> bool:
    """True when ``box`` is one row of a taller ``card`` (a professional on an
    organisation's card), whose lines leave sideways from their own row."""
    return card is not None and card.h > box.h + 0.5


def _goal(tgt: str, people: Mapping[str, PersonPlace], agents: Mapping[str, Box]) -> Point:
    """Where a line to ``tgt`` heads: the person's centre, or the agent box's."""
    return (people[tgt].x, people[tgt].y) if tgt in people else (agents[tgt].cx, agents[tgt].cy)


def first_sides(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
                 agents: Mapping[str, Box], cards: Mapping[str, Box | None]
                 ) -> list[bool | None]:
    """The side each line out of a card row tries first (True: the left): the side facing
    its target (``None``), unless another card stands within ``CRAMPED`` of that side at
    the row's height, at least ``BRAID`` lines of the two cards face the gap between them,
    and no card stands so near the other side. Cards stand ``BOX_GAP`` apart on their
    ring; so many lines leaving into the gap run up it as one braid, untraceable and
    crossing each other. O(L · C) for C cards."""
    frames = list({id(f): f for f in cards.values() if f is not None}.values())
    out: list[bool | None] = [None] * len(links)
    gaps: dict[tuple[int, int], list[tuple[int, bool]]] = {}
    for i, lk in enumerate(links):
        src, tgt, _ = ends_of(lk, people)
        box, card = agents.get(src), cards.get(src)
        if box is None or card is None or not in_card(box, card):
            continue
        goal = _goal(tgt, people, agents)
        y = box.cy
        left = [k for k, f in enumerate(frames) if f is not card
                and f.x < card.x - 1 < f.right + CRAMPED and f.y < y < f.bottom]
        right = [k for k, f in enumerate(frames) if f is not card
                 and f.x - CRAMPED < card.right + 1 < f.right and f.y < y < f.bottom]
        facing, other = (left, right) if goal[0] <= card.cx else (right, left)
        if facing and not other:
            me = frames.index(card)
            gap = (min(me, facing[0]), max(me, facing[0]))
            gaps.setdefault(gap, []).append((i, goal[0] > card.cx))
    for members in gaps.values():
        if len(members) >= BRAID:
            for i, left_side in members:
                out[i] = left_side
    return out


def shifts(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
           agents: Mapping[str, Box], cards: Mapping[str, Box | None]) -> list[Shift]:
    """Where each line leaves its agent's box (see :data:`Shift`).

    Lines joining the same two nodes leave ``PARALLEL_GAP`` apart. Where a card's row has
    two or more double lines leaving on one side, they leave ``PAIR_SPACING`` apart, ordered by
    how high their other ends stand (its single lines beside the double line before them),
    and as a staircase: out of a card the stub of the line leaving higher reaches further
    when the lines head down (the lower one's when they head up), so lines that turn the
    same way still run apart as visible pairs of strokes, instead of fanning out of one
    point and lying almost on each other for a long way (six even strokes where three
    lines of one agent run together). Other lines of one agent leave from one point, as a
    fan. Within a box's height less 2 units at either side (closer together where many
    must fit). O(L log L) for L lines."""
    groups: dict[tuple[str, bool], list[int]] = {}
    goals: list[Point] = []
    for i, lk in enumerate(links):
        src, tgt, _ = ends_of(lk, people)
        goal = _goal(tgt, people, agents)
        goals.append(goal)
        left = src in agents and goal[0] <= agents[src].cx
        groups.setdefault((src, left), []).append(i)
    double = [is_double(lk) for lk in links]
    out: list[Shift] = [(0.0, 0.0)] * len(links)
    for (src, _), members in groups.items():
        box = agents.get(src)
        if box is None or not in_card(box, cards.get(src)) \
                or sum(double[i] for i in members) < 2:
            _parallel(links, members, out)
            continue
        order = sorted(members, key=lambda i: (goals[i][1], goals[i][0], i))
        places = [0.0]
        stairs = [0.0]
        last = 0 if double[order[0]] else -1  # where in ``order`` the last double line is
        for k, (a, b) in enumerate(pairwise(order), start=1):
            same = links[a].target == links[b].target and links[a].source == links[b].source
            at, step = places[-1] + (PARALLEL_GAP if same else 0.0), stairs[-1]
            if double[b] and last >= 0 and not same:
                at = max(at, places[last] + PAIR_SPACING)
                step = stairs[last] + PAIR_SPACING
            if double[b]:
                last = k
            places.append(at)
            stairs.append(step)
        half = places[-1] / 2
        room = box.h / 2 - 2
        scale = min(1.0, room / half) if half > 0 else 1.0
        down = sum(goals[i][1] for i in order) / len(order) > box.cy
        for i, at, step in zip(order, places, stairs, strict=True):
            out[i] = ((at - half) * scale, (stairs[-1] - step if down else step) * scale)
    return out


def _parallel(links: Sequence[LinkPlace], members: Sequence[int], out: list[Shift]) -> None:
    """Set the shift of each of ``members`` (lines of one agent) that joins the same two
    nodes as another: ``PARALLEL_GAP`` apart about the middle, in ``out``."""
    count: dict[tuple[str, str], int] = {}
    for i in members:
        key = (links[i].source, links[i].target)
        count[key] = count.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    for i in members:
        key = (links[i].source, links[i].target)
        k = seen.get(key, 0)
        seen[key] = k + 1
        out[i] = ((k - (count[key] - 1) / 2) * PARALLEL_GAP, 0.0)
