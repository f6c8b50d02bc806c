"""Household names in a systemogram: each household with a name of its own ("Huis
moeder", "Huis vader") has it written just outside its frame, where nothing else is, so a
drawing with several households says which frame is which.

The name is placed once the lines are drawn (it moves nothing): above the frame's top edge
at its left or right end, else below its bottom edge. A place that meets a person, an
agent, a card, a household frame or a line (with the room the line's drawing takes) is not
taken; where every place meets something, the name stays in the frame's tooltip only: a
name standing away from its frame would seem to name something else.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Final

from ..model import Case
from ..text.measure import text_width
from . import Box, Point, segment_hits_box
from .ring_centre import HouseholdPlace
from .systemogram_corridor import extent
from .systemogram_places import SystemogramLayout

__all__ = ["NAME_SIZE", "name_households", "name_spots"]

NAME_SIZE: Final = 9.0
"""Font size of a household's name."""
_CORNER: Final = 10.0
"""How far in from a frame's end a name starts: past the frame's rounded corner."""
_CLEAR: Final = 3.0
"""Clear space a name keeps from every box, frame and line's drawing."""


def name_spots(frame: Box, width: float) -> list[Box]:
    """The boxes a name ``width`` wide may take by a household ``frame``, the likeliest
    first: just above its top edge at its left end, then its right end (centred on the edge
    when the name is wider than the edge's straight part); then just below its bottom edge
    likewise; last beside it, right or left, level with its top."""
    above = frame.y - _CLEAR - 0.5 - NAME_SIZE  # clear of the frame's own edge
    below = frame.bottom + _CLEAR + 0.5
    if width <= frame.w - 2 * _CORNER:
        xs = [frame.x + _CORNER, frame.right - _CORNER - width]
    else:  # wider than the frame's straight edge: centred on it
        xs = [frame.cx - width / 2]
    spots = [(x, y) for y in (above, below) for x in xs]
    beside = frame.y + _CORNER  # level with the top, past the rounded corner
    spots += [(frame.right + _CLEAR + 0.5, beside), (frame.x - _CLEAR - 0.5 - width, beside)]
    return [Box(x, y, width, NAME_SIZE) for x, y in spots]


def name_households(case: Case, lay: SystemogramLayout) -> SystemogramLayout:
    """``lay`` with each named household of ``case`` (as drawn at ``lay.at``: the
    households the layout indexes) given its name and, where one of :func:`name_spots`
    meets nothing, the box its name takes; the bounds grow to hold the names."""
    if not any(case.households[hh.index].name for hh in lay.households):
        return lay
    boxes: list[Box] = [p.box for p in lay.people.values()]
    boxes += [a.box for a in lay.agents.values()]
    boxes += [c.frame for c in lay.cards]
    boxes += [hh.frame for hh in lay.households]
    lines: list[tuple[Point, Point, float]] = [
        (p, q, extent(lk) / 2 + _CLEAR) for lk in lay.links for p, q in pairwise(lk.points)]
    households: list[HouseholdPlace] = []
    bounds = lay.bounds
    for hh in lay.households:
        name = case.households[hh.index].name
        if not name:
            households.append(hh)
            continue
        width = text_width(name, NAME_SIZE)
        spot = next((box for box in name_spots(hh.frame, width)
                     if _clear(box, boxes, lines)), None)
        households.append(replace(hh, name=name, name_box=spot))
        if spot is not None:
            boxes.append(spot)
            bounds = Box.around([bounds, spot])
    return replace(lay, households=tuple(households), bounds=bounds)


def _clear(box: Box, boxes: list[Box], lines: list[tuple[Point, Point, float]]) -> bool:
    """True when a name in ``box`` keeps its clear space from every box and line."""
    room = box.grow(_CLEAR)
    return not any(b.overlaps(room) for b in boxes) and \
        not any(segment_hits_box(p, q, box.grow(reach), eps=0.0) for p, q, reach in lines)
