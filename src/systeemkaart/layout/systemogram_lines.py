"""Where the lines of a systemogram run: around every box, each into its own port.

Every line starts at its agent (a card's professional leaves the card sideways from its own
row, see :mod:`.systemogram_leave`) and is routed by
:class:`~systeemkaart.layout.systemogram_route.Router` around every person symbol, label
and agent box that is not one of its ends, and around its own
target's label; then each line that bends and crosses others is routed once more, now
that all the others are known, and keeps the way that crosses fewer. Lines into one
person that still cross on their way there swap the rest of their ways
(:mod:`.systemogram_bundle`); their bends are moved apart (:mod:`.systemogram_nudge`) up to
where they enter the circle round the person, and the lines then fan in to their own ports
on the outline of the symbol, in the order they arrive, never under the symbol where the
label is (:mod:`.systemogram_fan`); so arrowheads never stack and no arrow seems to point
at a neighbour. Last, lines of different agents sharing a corridor each get their own
track beside the others (:func:`part_tracks`, :mod:`.systemogram_tracks`), and an arrowhead
that points along its person's outline is turned to the person (:mod:`.systemogram_aim`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from . import Box, Point, segment_hits_box
from .ring_centre import SYMBOL, PersonPlace
from .ring_geometry import boundary_point
from .ring_links import LinkPlace
from .systemogram_aim import aim_heads
from .systemogram_bundle import untangle
from .systemogram_close import CLOSE_GAP, close_runs
from .systemogram_corners import corners_off_lines
from .systemogram_fan import (
    ARROW_GAP,
    FAN_RADIUS,
    LABEL,
    PORT_ARC,
    SYMBOL_BOX,
    cut_at_fans,
    fan_in,
    keeps_side,
    port_distance,
)
from .systemogram_frame_bundle import bundles_off_frames
from .systemogram_frame_clear import Run, off_frames
from .systemogram_frames import framed
from .systemogram_hooks import drop_reversals
from .systemogram_jogs import smooth_jogs
from .systemogram_leave import Shift, ends_of, first_sides, in_card, is_double
from .systemogram_leave import shifts as leave_shifts
from .systemogram_nudge import CROWDED, StuckBends, nudge_apart, straighten
from .systemogram_route import BUDGET, CROSSING_LENGTH, Obstacle, Router
from .systemogram_siblings import untwist
from .systemogram_start_turns import turns_cleared
from .systemogram_strand_room import widen_strands
from .systemogram_stubs_clear import starts_cleared
from .systemogram_touch import untouch
from .systemogram_tracks import extent, own_tracks, separate_tracks
from .systemogram_under import under_reach
from .systemogram_weave import unweave

__all__ = [
    "CLOSE_GAP",
    "PORT_ARC",
    "PORT_GAP",
    "close_runs",
    "is_double",
    "part_tracks",
    "port_distance",
    "route_links",
    "routed_ends",
]

PORT_GAP = ARROW_GAP
"""Least angle (radians) between two ports on one symbol: room for two arrowheads."""
STUB = 10.0
REROUTE = 1
QUICK_BUDGET = 12
"""Most segment routings the second pass tries for one line (the first pass: ``BUDGET``)."""
FAR_TRIES = 8
"""Most lines whose card's far side the second pass tries in one drawing (few pass the
guess that it may pay; this bounds the cost where many do)."""
"""Rounds in which every line is routed again with all the others known."""
_LABEL = LABEL
_SYMBOL = SYMBOL_BOX


def _obstacles(people: Mapping[str, PersonPlace], agents: Mapping[str, Box],
               sexes: Mapping[str, str], frames: Sequence[Box] = ()) -> list[Obstacle]:
    """Every node's box; for a person also the square inside its symbol and its label, which
    the person's own lines go around (they end at the symbol's outline). A person's box
    and label facing an edge of its household frame reach past it
    (:func:`~.systemogram_frames.framed`): other lines keep off the frame."""
    out: list[Obstacle] = []
    for pid, p in people.items():
        out.append(framed(pid, p.box, frames))
        sex = sexes.get(pid, "unknown")
        half = SYMBOL / 2 * (1.0 if sex == "male" else 0.7 if sex == "female" else 0.5)
        out.append(Obstacle(pid + _SYMBOL, Box(p.x - half, p.y - half, 2 * half, 2 * half)))
        top = p.y + SYMBOL / 2 + 1
        if p.box.bottom > top + 1:
            text = Box(p.box.x, top, p.box.w, p.box.bottom - top)
            out.append(framed(pid + _LABEL, text, frames))
    for aid, box in agents.items():
        out.append(Obstacle(aid, box))
    return out


def _framed(links: Sequence[LinkPlace], frames: Sequence[Box]) -> Sequence[Box]:
    """The household frames the router keeps lines off (see :func:`_obstacles`): all of
    ``frames`` in a crowded drawing (over ``CROWDED`` lines), none in another, whose
    nudging moves bends off the frames instead (its lines have room to go round the
    household close to it, and keeping them farther out costs more crossings there)."""
    return frames if len(links) > CROWDED else ()


def _start(router: Router, box: Box, card: Box | None, toward: Point, shift: Shift,
           left: bool | None = None) -> list[Point]:
    """Where a line leaves its agent: a stub sideways out of a card, ``shift`` down from
    the middle of its row and longer by its own extra length (shorter where a box stands
    close; on the side facing ``toward`` unless ``left`` says), or the box centre."""
    down, extra = shift
    if card is None or card.h <= box.h + 0.5:
        return [(box.cx, box.cy + down)]
    y = box.cy + max(-box.h / 2 + 2, min(box.h / 2 - 2, down))
    if left is None:
        left = toward[0] <= card.cx
    x, sign = (card.x, -1.0) if left else (card.right, 1.0)
    stub = STUB + extra
    while stub > 1.0 and (router.blocked((x + sign * stub, y)) if stub <= STUB
                          else not router.open((x, y), (x + sign * stub, y))):
        stub /= 2
    return [(x, y), (x + sign * stub, y)]


def _left(card: Box, goal: Point, left: bool | None) -> bool:
    """Whether a line to ``goal`` leaves ``card`` on its left side: as ``left`` says, or
    (``None``) on the side facing ``goal``."""
    return goal[0] <= card.cx if left is None else left


def _from_card(router: Router, box: Box, card: Box | None, goal: Point, shift: Shift,
               skip: list[str], ends: tuple[str, str], quick: _Tries | None = None,
               left: bool | None = None) -> list[Point] | None:
    """The routed path of a line from an agent's box, remembered. A line out of a card
    whose target lies about under or over it may leave on either side: the side whose path
    costs less (crossings, and length) wins, the side facing the target on a tie, where
    its path crosses other lines. So may any line that crosses others on its way, where
    going round the card looks likely to cross at least one line fewer
    (:func:`_worth_other_side`). ``quick`` tries the detour search alone and remembers
    nothing (``None`` when it finds no way); it counts down the far sides it may try.
    A line out of the side facing away from its target goes round its own row too, so it
    never runs back under the card it left. ``left`` says which side is tried first
    (``None``: the side facing the target; see :func:`~.systemogram_leave.first_sides`)."""
    start = _start(router, box, card, goal, shift, left)
    best: list[Point] | None
    if quick is not None:
        leg = router.try_route(start[-1], goal, skip, ends, claim=True, budget=QUICK_BUDGET)
        best = None if leg is None else start[:-1] + leg
    else:
        best = start[:-1] + router.route(start[-1], goal, skip, ends, remember=False)
    if best is not None and in_card(box, card) and _back_under(best, box):
        assert card is not None
        best = _other_side(router, best, box, card, goal, shift, skip, ends)
    below = card is not None and abs(goal[0] - card.cx) < card.w
    if card is not None and in_card(box, card) and (below or quick is None or quick.left > 0):
        cost = math.inf if best is None else router.cost(best, ends)
        other = _start(router, box, card, goal, shift, left=not _left(card, goal, left))
        crosses = best is None or cost - _length(best) / CROSSING_LENGTH >= 0.5
        if best is None or (crosses and _worth_other_side(
                router, cost, other[-1], card, goal, ends, 0.0 if below else 1.0)):
            if quick is not None and not below:
                quick.left -= 1
            away = [s for s in skip if s != ends[0]]
            leg = router.try_route(other[-1], goal, away, ends, claim=quick is not None,
                                  budget=BUDGET if quick is None else QUICK_BUDGET)
            if leg is not None and router.cost(other[:-1] + leg, ends) < cost:
                best = other[:-1] + leg
    if best is not None and quick is None:
        router.remember(best, ends)
    return best


def _other_side(router: Router, path: list[Point], box: Box, card: Box, goal: Point,
                shift: Shift, skip: Sequence[str], ends: tuple[str, str]) -> list[Point]:
    """``path``, which left its card row ``box`` by a stub and ran back under the row, out
    of the row's other side instead, joined to the first point of ``path`` beyond that
    side where the way there is clear: the same way less the run back under the card (a
    reader would take the stub for a stray mark and the line for one from the other
    side). ``path`` itself where no such point is found."""
    left = path[1][0] > card.cx  # the stub went right: leave on the left now
    other = _start(router, box, card, goal, shift, left=left)
    router.prepare_line(other[-1], goal, skip, ends)
    for k in range(2, len(path)):
        beyond = path[k][0] < other[-1][0] if left else path[k][0] > other[-1][0]
        if beyond and router.clear(other[-1], path[k]) \
                and not _back_under([other[-1], other[-1], path[k]], box):
            return other + path[k:]
    return path


def _back_under(path: Sequence[Point], box: Box) -> bool:
    """True when ``path``, leaving a card row ``box`` by a stub, runs back under the row
    past its middle after the stub (cutting one of its corners is no such run)."""
    middle = Box(box.cx - 0.5, box.y, 1.0, box.h)
    return any(segment_hits_box(a, b, middle) for a, b in pairwise(path[1:]))


def _worth_other_side(router: Router, cost: float, stub: Point, card: Box, goal: Point,
                      ends: tuple[str, str], gain: float) -> bool:
    """True when a line leaving its card at ``stub``, on the far side, and turning once
    past the card's top or bottom towards ``goal`` would cross at least one line fewer than
    ``path`` (costing ``cost``): a cheap guess that spares the search round the card where
    it would not pay (most lines)."""
    edge = card.bottom + STUB if goal[1] > card.cy else card.y - STUB
    return router.cost([stub, (stub[0], edge), goal], ends) + gain < cost


@dataclass(slots=True)
class _Tries:
    """How many far sides of cards the second routing pass may still try: a bounded cost."""

    left: int = FAR_TRIES


def _length(path: Sequence[Point]) -> float:
    """The length of ``path`` (units)."""
    return sum(math.dist(a, b) for a, b in pairwise(path))


def route_links(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
                agents: Mapping[str, Box], cards: Mapping[str, Box | None],
                sexes: Mapping[str, str], frames: Sequence[Box] = (), parted: bool = True,
                wide: bool = False) -> list[LinkPlace]:
    """``links`` with their points routed around every box and into their own ports.

    ``agents`` maps each drawn agent to its box, ``cards`` to the frame of the card it sits
    in (``None`` outside cards), ``sexes`` each person to the sex that shapes the symbol.
    A line with a person at one end arrives there; between two agents it runs box to box; a
    line from a person (a relative who supports) leaves the symbol and arrives at a port.
    Lines are then moved apart, and off the edges of the household ``frames``; with
    ``parted``, lines sharing a corridor then get their own tracks (see
    :func:`part_tracks`: a caller that routes several layouts to draw one parts only the
    one it draws). With ``wide``, a line turning at a corner used before steps out by both
    lines' drawn widths (see :func:`~.systemogram_route_boxes.step_out`), so a narrow gap
    holds only the lines that fit in it side by side; otherwise by a fixed step.
    """
    router = Router(_obstacles(people, agents, sexes, _framed(links, frames)))
    shifts = leave_shifts(links, people, agents, cards)
    sides = first_sides(links, people, agents, cards)
    n = len(links)
    paths: list[list[Point]] = [[] for _ in range(n)]
    ends: list[str | None] = [None] * n  # the person each path ends at, or None
    flips: list[bool] = [False] * n
    # short lines first: they have least choice, and the long ones then go round boxes on
    # the side where they cross fewer of them
    order = sorted(range(n), key=lambda j: (math.dist(links[j].points[0],
                                                      links[j].points[-1]), j))
    widths = [extent(lk) if wide else 0.0 for lk in links]  # the room each takes at a corner
    for i in order:
        router.tag, router.width = i, widths[i]
        found = _route_one(router, links[i], shifts[i], people, agents, cards,
                           left=sides[i])
        assert found is not None  # only a quick search finds nothing
        paths[i], ends[i], flips[i] = found
    tries = _Tries()
    for _ in range(REROUTE):  # again, each line now seeing all the others
        for i in order:
            router.width = widths[i]
            _reroute(router, i, links[i], paths, flips[i], shifts[i], people, agents, cards,
                     tries, sides[i])
    firsts = _firsts(links, people, agents, cards)
    pairs_ = [ends_of(lk, people)[:2] for lk in links]
    skips = [_skip(lk, people) for lk in links]
    swapped = untangle(router, paths, pairs_, ends, skips, firsts, people)
    if len(links) <= CROWDED:  # a crowded drawing swaps few ways: its time goes to routing
        straighten(router, paths, pairs_, skips, firsts, swapped, frames)
    cut_at_fans(paths, ends, firsts, people)
    stuck: StuckBends = {}  # bends that stayed: the second nudging skips them as they were
    _apart(router, links, paths, people, agents, cards, frames, stuck=stuck)
    kept = fan_in(router, paths, ends, [lk.source if not f else lk.target
                                 for lk, f in zip(links, flips, strict=True)],
           [lk.kind in ("involvement", "relation") for lk in links], firsts, people, sexes)
    # once more, now with the fans drawn (they stay)
    _apart(router, links, paths, people, agents, cards, frames, kept, stuck)
    drop_reversals(router, paths, pairs_, skips)
    _trim_stubs(router, paths, pairs_, skips, firsts)
    out = _placed(links, paths, flips)
    return part_tracks(out, people, agents, cards, sexes, frames) if parted else out


def _placed(links: Sequence[LinkPlace], paths: Sequence[Sequence[Point]],
            flips: Sequence[bool]) -> list[LinkPlace]:
    """``links`` with the points of ``paths`` (each from its agent; turned round where
    ``flips`` says), rounded to two decimals."""
    out = []
    for lk, path, flip in zip(links, paths, flips, strict=True):
        pts = tuple(reversed(path)) if flip else tuple(path)
        out.append(replace(lk, points=tuple((round(x, 2), round(y, 2)) for x, y in pts)))
    return out


def part_tracks(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
                agents: Mapping[str, Box], cards: Mapping[str, Box | None],
                sexes: Mapping[str, str], frames: Sequence[Box] = ()) -> list[LinkPlace]:
    """Routed ``links`` where lines of different agents that share a corridor, or run
    along a household frame, each get their own track beside the others (see
    :func:`~systeemkaart.layout.systemogram_tracks.separate_tracks`); a card's stub and
    the fan into a person's ports (the part within ``FAN_RADIUS`` of the person) stay.
    In drawings of up to ``CROWDED`` lines, lines of one agent crossing each other near
    it are first given new ways (:func:`~systeemkaart.layout.systemogram_siblings.untwist`)
    and a line running beside another agent's its own track
    (:func:`~systeemkaart.layout.systemogram_tracks.own_tracks`); in a crowded drawing,
    after the parting, lines running side by side with less clear space between their
    strokes than their widths need are moved apart
    (:func:`~systeemkaart.layout.systemogram_strand_room.widen_strands`). Then a segment that runs
    along a household frame moves off it
    (:func:`~systeemkaart.layout.systemogram_frame_clear.off_frames`), or with the lines
    beside it where it cannot alone, or where a slant off it left it along it (at once,
    before the shorter runs move alone)
    (:func:`~systeemkaart.layout.systemogram_frame_bundle.bundles_off_frames`), and lines into one
    person that cross or touch on their last way to it drop their bends there
    (:func:`~systeemkaart.layout.systemogram_touch.untouch`), and a corner on a line of
    another agent on a line's last way in slides along its own segments off it (in a
    crowded drawing the few nearest the arrowheads:
    :func:`~systeemkaart.layout.systemogram_corners.corners_off_lines`), and lines of two
    rows of one card that cross near it or pass the other's stub end get new ways (in a
    crowded drawing a few pairs:
    :func:`~systeemkaart.layout.systemogram_weave.unweave`), and, in drawings of
    up to ``CROWDED`` lines, a bend that lies within a few units of the straight way between
    its neighbours (a jog the moves left) is dropped
    (:func:`~systeemkaart.layout.systemogram_jogs.smooth_jogs`) and a line passing the start
    of another agent's line (its card's stub) moves off it
    (:func:`~systeemkaart.layout.systemogram_stubs_clear.starts_cleared`), and in every
    drawing a bend of a line at the end of another agent's start moves off it
    (:func:`~systeemkaart.layout.systemogram_start_turns.turns_cleared`). Last, an arrowhead
    that points along its person's outline gets a leg that points it at the person
    (:func:`~systeemkaart.layout.systemogram_aim.aim_heads`). Done for the layout
    drawn only: the candidates are chosen between before (their routing is most of a
    drawing's time). Arguments as :func:`route_links` takes them."""
    router = Router(_obstacles(people, agents, sexes, _framed(links, frames)))
    paths, flips, pairs_, kept = [], [], [], []
    for lk in links:
        src, tgt, flip = ends_of(lk, people)
        path = list(reversed(lk.points) if flip else lk.points)
        paths.append(path)
        flips.append(flip)
        pairs_.append((src, tgt))
        fan = 1
        if tgt in people:
            centre = (people[tgt].x, people[tgt].y)
            while fan < len(path) - 1 and (
                    math.dist(path[-fan - 1], centre) <= FAN_RADIUS + 1
                    or under_reach(path[-fan - 1], people[tgt])):
                fan += 1
        kept.append(fan)
    skips = [_skip(lk, people) for lk in links]
    firsts = _firsts(links, people, agents, cards)
    moved = 0
    if len(links) <= CROWDED:  # a crowded drawing's time goes to routing
        plain = [lk.kind != "relation" for lk in links]  # a relation's pattern swings out
        moved = untwist(router, paths, pairs_, skips, firsts, plain)
        moved += own_tracks(router, paths, pairs_, skips, firsts, kept, plain)
    widths = [extent(lk) for lk in links]
    moved += separate_tracks(router, paths, pairs_, widths, skips, firsts, kept, frames)
    if len(links) > CROWDED:  # a drawing of fewer lines has its own tracks (above)
        moved += widen_strands(router, paths, pairs_, widths, skips, firsts, kept,
                               [lk.kind != "relation" for lk in links])
    stayed: list[Run] = []

    def bundled(run: Run) -> int:
        """Move the bundle of ``run`` (a segment slanted off a frame, still along it) off
        the frame at once."""
        return bundles_off_frames(router, paths, pairs_, widths, skips, firsts, kept, frames,
                                  [run])

    moved += off_frames(router, paths, pairs_, widths, skips, firsts, kept, frames, stayed,
                        bundled)
    moved += bundles_off_frames(router, paths, pairs_, widths, skips, firsts, kept, frames,
                                stayed)
    moved += untouch(router, paths, pairs_, widths, skips, firsts, kept, people, frames)
    moved += corners_off_lines(router, paths, pairs_, widths, skips, firsts, kept, people,
                               frames)
    moved += unweave(router, paths, pairs_, widths, skips, firsts, kept, agents, cards,
                     people, frames)
    if len(links) <= CROWDED:  # a crowded drawing's time goes to routing
        moved += smooth_jogs(router, paths, pairs_, widths, skips, firsts, kept, people,
                             frames)
        moved += starts_cleared(router, paths, pairs_, widths, skips, firsts, kept, people,
                                frames)
    moved += turns_cleared(router, paths, pairs_, widths, skips, firsts, kept, people, frames)
    arrows = [lk.kind == "involvement" and not flip for lk, flip in zip(links, flips,
                                                                          strict=True)]
    moved += aim_heads(router, paths, pairs_, arrows, widths, people)
    if not moved:
        return list(links)
    drop_reversals(router, paths, pairs_, skips)
    return _placed(links, paths, flips)


def _apart(router: Router, links: Sequence[LinkPlace], paths: list[list[Point]],
           people: Mapping[str, PersonPlace], agents: Mapping[str, Box],
           cards: Mapping[str, Box | None], frames: Sequence[Box], kept: Sequence[int] = (),
           stuck: StuckBends | None = None) -> None:
    """Move bends apart where lines of different agents run side by side, or a line along a
    household frame (see :func:`~systeemkaart.layout.systemogram_nudge.nudge_apart`); a
    card's stub stays."""
    ends, skips = [], []
    for lk in links:
        src, tgt, _ = ends_of(lk, people)
        ends.append((src, tgt))
        skips.append([src, tgt] + ([src + _SYMBOL] if src in people else []))
    firsts = _firsts(links, people, agents, cards)

    def side(i: int, k: int, pt: Point) -> bool:
        return keeps_side(paths[i], k, pt, people.get(ends[i][1]), firsts[i])
    # once the fans are drawn, a line into a port beside the symbol keeps coming in so
    nudge_apart(router, paths, ends, skips, firsts, frames, kept, stuck,
                side if kept else None)


def _trim_stubs(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
                skips: Sequence[Sequence[str]], firsts: Sequence[int]) -> None:
    """End each card's stub where its line turns back towards the card (a long stub of
    the staircase may reach past a bend the line takes near it, which then reads as a
    hook), in place, where the shorter stub's way on is clear of every box."""
    for i, path in enumerate(paths):
        if firsts[i] != 2 or len(path) < 3:
            continue
        (x0, y), (x1, _), (x2, y2) = path[0], path[1], path[2]
        sign = 1.0 if x1 > x0 else -1.0
        if sign * (x2 - x1) >= 0 or sign * (x2 - x0) < 1.0:
            continue
        router.prepare_line(path[0], path[-1], skips[i], ends[i])
        if router.clear((x2, y), (x2, y2)):
            path[1] = (x2, y)


def _skip(lk: LinkPlace, people: Mapping[str, PersonPlace]) -> list[str]:
    """The boxes the routed path of ``lk`` may pass: its ends and their symbols."""
    src, tgt, _ = ends_of(lk, people)
    return [src, tgt] + [n + _SYMBOL for n in (src, tgt) if n in people]


def _firsts(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
            agents: Mapping[str, Box], cards: Mapping[str, Box | None]) -> list[int]:
    """The index of each routed path's first point that may move: after a card's stub."""
    out = []
    for lk in links:
        src = ends_of(lk, people)[0]
        out.append(2 if src in agents and in_card(agents[src], cards.get(src)) else 1)
    return out


def _route_one(router: Router, lk: LinkPlace, shift: Shift, people: Mapping[str, PersonPlace],
               agents: Mapping[str, Box], cards: Mapping[str, Box | None],
               quick: _Tries | None = None, left: bool | None = None
               ) -> tuple[list[Point], str | None, bool] | None:
    """The routed path of ``lk`` (from its agent; flipped when it starts at a person), the
    person it ends at (or ``None``) and whether it was flipped; remembered unless
    ``quick`` (then only the detour search runs, for lines from agents: ``None`` if no
    way is found; see :func:`_from_card`)."""
    src, tgt, flip = ends_of(lk, people)
    if tgt in people:
        person = people[tgt]
        goal: Point = (person.x, person.y)
        skip = [src, tgt, tgt + _SYMBOL]
    else:
        goal = (agents[tgt].cx, agents[tgt].cy)
        skip = [src, tgt]
    path: list[Point] | None
    if src in agents:
        box = agents[src]
        path = _from_card(router, box, cards.get(src), goal, shift, skip, (src, tgt), quick,
                          left)
    elif quick is not None:
        return None
    else:  # a family member who is also a supporter or context
        p = people[src]
        box = Box(p.x - SYMBOL / 2, p.y - SYMBOL / 2, SYMBOL, SYMBOL)
        skip += [src + _SYMBOL]
        path = router.route((p.x, p.y), goal, skip, (src, tgt))
    if path is None:
        return None
    if src not in agents or not in_card(box, cards.get(src)):
        path[0] = boundary_point(box, path[1])
    if tgt not in people:
        path[-1] = boundary_point(agents[tgt], path[-2])
    return path, (tgt if tgt in people else None), flip


def _reroute(router: Router, i: int, lk: LinkPlace, paths: list[list[Point]], flip: bool,
             shift: Shift, people: Mapping[str, PersonPlace], agents: Mapping[str, Box],
             cards: Mapping[str, Box | None], tries: _Tries, left: bool | None = None
             ) -> None:
    """Rip up line ``i`` and route it again, now that every other line is known; the new
    path is kept only when it crosses fewer lines (length weighed as in the router).
    ``tries`` counts down the far sides of cards still to try; ``left`` is the side tried
    first (see :func:`~.systemogram_leave.first_sides`)."""
    old = paths[i]
    src, tgt, _ = ends_of(lk, people)
    router.tag = i
    router.forget(i)
    before = router.cost(old, (src, tgt))
    length = sum(math.dist(a, b) for a, b in pairwise(old))
    if before - length / CROSSING_LENGTH < 0.5 or len(old) < 3:  # nothing to gain
        router.remember(old, (src, tgt))
        return
    found = _route_one(router, lk, shift, people, agents, cards, quick=tries, left=left)
    if found is not None and router.cost(found[0], (src, tgt)) < before - 1e-9:
        paths[i] = found[0]
    router.remember(paths[i], (src, tgt))


def routed_ends(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace]
                ) -> list[tuple[str, str, Sequence[Point]]]:
    """Each line as (agent, target, points from the agent), as the router sees it: a line
    from a person to an agent is turned round."""
    out: list[tuple[str, str, Sequence[Point]]] = []
    for lk in links:
        src, tgt, flip = ends_of(lk, people)
        out.append((src, tgt, tuple(reversed(lk.points)) if flip else lk.points))
    return out
