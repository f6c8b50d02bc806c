"""Genogram household names: written by their own outline or frame, where nothing else is.

A name set away from its household seems to name something else (the person or the
household it stands beside), so a name goes only where it is nearer its own outline or
frame than any other household's, a few units from it; where no such place is free it is
left out: the household's tooltip still has it.

Cost: for each named household, a bounded number of places along each of its frames (or
its outline's edges), each measured against what is drawn (people, lines, labels, frames);
it stops at the first free one.
"""

from __future__ import annotations

import itertools
from typing import Final

from ..text.labels import label
from ..text.measure import text_width
from . import Box, Point, segment_hits_box
from .genogram_household_clear import outline_slabs
from .genogram_places import GenogramLayout, HouseholdPlace, Work
from .genogram_relations import drawn_half
from .genogram_route import TEXT_CLEAR

__all__ = ["INSIDE_CLEAR", "NAME_REACH", "inside_other", "name_gap", "names_away",
           "place_names"]

NAME_SIZE: Final = 8.0
"""Font size of a household's name."""
_ALONG_STEP: Final = 8.0
"""How far apart the places tried for a name lie along an edge of its outline or frame."""
_OFF: Final = 3.0
"""How far from its outline or frame a name stands (its box's nearest side)."""
NAME_REACH: Final = 6.0
"""The farthest a name stands from its own outline or frame (the places tried stand
:data:`_OFF` from it)."""
INSIDE_CLEAR: Final = 12.0
"""How far inside another household's outline a name must stand from its edge not to
read as that outline's name (twice :data:`NAME_REACH`)."""
DATES_CLEAR: Final = 8.0
"""How far a name keeps from a couple's dates: nearer, it reads as one more line of them."""
_NEAREST: Final = 10
"""How many of the places by a frame (see :func:`_frame_spots`) are its corners, middles
and sides: tried by every frame before the places further along any."""


def place_names(work: Work, layout: GenogramLayout) -> None:
    """Name every household (its own name, or "Huishouden 2"); write the name of each
    household whose members are marked one by one, and of each outlined household with a
    name of its own (``Huis vader``, so a reader of a drawing with several can tell which
    is which), at the first place by its frames (see :func:`_frame_spots`) or its outline
    (see :func:`_outline_spots`) that meets no person, line, line label, frame, outline,
    other name or the title above the drawing, and stands nearer its own outline or frame
    than any other household's (see :func:`name_gap`), and not just inside another
    household's outline (see :func:`inside_other`). Where there is none, the name is
    left out (the household's tooltip still has it): written away from its household it
    would seem to name something else."""
    lang = work.options.lang
    for hh in layout.households:
        record = work.case.households[hh.index]
        hh.name = record.name or f"{label('household', lang)} {hh.index + 1}"
    split = [hh for hh in layout.households if hh.outline is None]
    named = [hh for hh in layout.households
             if hh.outline is not None and work.case.households[hh.index].name]
    if not split and not named:
        return
    taken: list[Box] = [p.box for p in layout.people.values()]
    dates = layout.label_boxes()
    shapes = {hh.index: _shape(hh) for hh in layout.households}
    outlines = _outlines(layout, shapes)
    frames = [b for shape in shapes.values() for b in shape]
    lines = [(p, q) for kind, _ends, points in layout.edges() if kind != "relation"
             for p, q in itertools.pairwise(points)]
    # an emotional line's drawing keeps TEXT_CLEAR from the name (a zigzag swings wide)
    emotional = [(p, q, drawn_half(r.kind) + TEXT_CLEAR) for r in layout.relations
                 for p, q in itertools.pairwise(r.points)]
    top = work.options.top  # above it: the title

    def free(box: Box) -> bool:
        """True when a name written in ``box`` meets nothing."""
        room = box.grow(1.0)
        return not (box.y < top or box.x < 1.0
                    or any(b.overlaps(room) for b in taken)
                    or any(b.overlaps(box.grow(DATES_CLEAR)) for b in dates)
                    or any(_edge_in(b, room) for b in frames)
                    or any(segment_hits_box(p, q, room, eps=0.0) for p, q in lines)
                    or any(segment_hits_box(p, q, box.grow(clear), eps=0.0)
                           for p, q, clear in emotional))

    for hh in [*split, *named]:
        width = text_width(hh.name, NAME_SIZE)
        for own, spots in _places(hh, split, width):
            others = [b for index, shape in shapes.items() if index != hh.index
                      for b in shape if not any(o.holds(b) for o in own)]
            box = next((box for x, y in spots
                        if free(box := Box(x, y - NAME_SIZE * 0.8, width, NAME_SIZE))
                        and name_gap(box, own) < name_gap(box, others)
                        and not inside_other(box, hh.index, outlines)), None)
            if box is not None:
                hh.name_box = box
                hh.name_at = (box.x, round(box.y + NAME_SIZE * 0.8, 2))
                taken.append(box)
                layout.width = max(layout.width, round(box.right + 20.0, 1))
                break


def _places(hh: HouseholdPlace, split: list[HouseholdPlace], width: float
            ) -> list[tuple[list[Box], list[Point]]]:
    """Where the name of ``hh`` (``width`` wide) may stand, the likeliest first, each with
    what it stands by: for an outlined household, by its outline (see
    :func:`_outline_spots`); for a split one, by each of its frames, or rather by the
    outermost of the frames nested round that member (not between two), first the places
    nearest (see :func:`_frame_spots`), then those further along its edges."""
    if hh.outline is not None:
        slabs = outline_slabs(hh.outline)
        return [(slabs, _outline_spots(slabs, width))]
    anchors = [max((m for other in split for m in other.marks if m.holds(frame)),
                   key=lambda m: m.w)
               for frame in sorted(hh.marks, key=lambda b: (b.y, b.x))]
    spots = [_frame_spots(a, width) for a in anchors]
    return [([a], s[:_NEAREST]) for a, s in zip(anchors, spots, strict=True)] + \
        [([a], s[_NEAREST:]) for a, s in zip(anchors, spots, strict=True)]


def names_away(layout: GenogramLayout) -> list[int]:
    """The households of ``layout`` whose written name stands more than
    :data:`NAME_REACH` from their own outline or frames, or no nearer to them than to
    another household's: where a reader takes it for the name of something else. The
    frames nested round one person count as one nest: a name by the nest stands by each
    frame of it."""
    shapes = {hh.index: _shape(hh) for hh in layout.households}
    outlines = _outlines(layout, shapes)
    away = []
    for hh in layout.households:
        if hh.name_box is None:
            continue
        own = shapes[hh.index]
        nest = [b for index, shape in shapes.items() if index != hh.index for b in shape
                if hh.outline is None and any(b.holds(o) or o.holds(b) for o in own)]
        others = [b for index, shape in shapes.items() if index != hh.index for b in shape
                  if all(b is not n for n in nest)]
        gap = name_gap(hh.name_box, [*own, *nest])
        if gap > NAME_REACH or gap >= name_gap(hh.name_box, others) \
                or inside_other(hh.name_box, hh.index, outlines):
            away.append(hh.index)
    return away


def inside_other(box: Box, index: int, outlines: dict[int, list[Box]]) -> bool:
    """True when ``box`` (the name of household ``index``) stands inside another
    household's outline within :data:`INSIDE_CLEAR` of its edge, where it reads as that
    outline's own name (a split household's frame nested in an outline, its name by the
    frame, once seemed to name the outline). ``outlines``: each outlined household's rows
    (see :func:`_outlines`)."""
    return any(other != index and any(s.holds(box) for s in slabs)
               and name_gap(box, slabs) < INSIDE_CLEAR
               for other, slabs in outlines.items())


def _outlines(layout: GenogramLayout, shapes: dict[int, list[Box]]) -> dict[int, list[Box]]:
    """The rows of each outlined household's outline, by household, from ``shapes`` (see
    :func:`_shape`)."""
    return {hh.index: shapes[hh.index] for hh in layout.households if hh.outline is not None}


def _shape(hh: HouseholdPlace) -> list[Box]:
    """The boxes of what ``hh`` draws: its outline's rows, or its frames."""
    return outline_slabs(hh.outline) if hh.outline is not None else list(hh.marks)


def name_gap(box: Box, shape: list[Box]) -> float:
    """How far ``box`` (a name) stands from the nearest edge of ``shape`` (an outline's
    rows or a household's frames): from inside, to the edge it is nearest."""
    best = float("inf")
    for s in shape:
        if s.holds(box):
            gap = min(box.x - s.x, s.right - box.right, box.y - s.y, s.bottom - box.bottom)
        else:
            dx = max(0.0, s.x - box.right, box.x - s.right)
            dy = max(0.0, s.y - box.bottom, box.y - s.bottom)
            gap = (dx * dx + dy * dy) ** 0.5
        best = min(best, gap)
    return best


def _outline_spots(slabs: list[Box], width: float) -> list[Point]:
    """Where a name ``width`` wide may stand by a household outline made of ``slabs`` (its
    baseline's left end), the likeliest first: just above the outline's top edge at its
    left or right corner, then centred, then anywhere along that edge; just below its
    bottom edge likewise; then beside each row of the outline, right or left, level with
    the row's top or bottom."""
    first = min(slabs, key=lambda b: (b.y, b.x))
    last = max(slabs, key=lambda b: (b.bottom, -b.x))
    spots: list[Point] = []
    for slab, y in ((first, first.y - _OFF), (last, last.bottom + NAME_SIZE + 1.0)):
        x0, x1 = slab.x + 2.0, slab.right - width - 2.0
        spots += [(x0, y), (x1, y), (slab.x + (slab.w - width) / 2, y)]
        steps = int((x1 - x0) // _ALONG_STEP)
        spots += [(x0 + _ALONG_STEP * k, y) for k in range(1, steps + 1)]
    for slab in sorted(slabs, key=lambda b: (b.y, b.x)):
        for y in (slab.y + NAME_SIZE, slab.bottom - 2.0):
            spots += [(slab.right + _OFF, y), (slab.x - width - _OFF, y)]
    return spots


def _frame_spots(frame: Box, width: float) -> list[Point]:
    """Where a name ``width`` wide may stand by ``frame`` (its baseline's left end), the
    likeliest first: above or below it, left or right aligned, then centred, then beside
    it at its top or bottom; then anywhere along its top and bottom edges (the name over
    the frame by half its width at least) and beside it at any height."""
    above, below = frame.y - _OFF, frame.bottom + NAME_SIZE
    middle = frame.x + (frame.w - width) / 2
    left, right = frame.x - width - _OFF, frame.right + _OFF
    top, bottom = frame.y + NAME_SIZE, frame.bottom - 2.0
    spots = [(frame.x, above), (frame.right - width, above), (frame.x, below),
             (frame.right - width, below), (middle, above), (middle, below),
             (right, top), (left, top), (right, bottom), (left, bottom)]
    x0, x1 = frame.x - width / 2, frame.right - width / 2
    xs = [x0 + _ALONG_STEP * k for k in range(int((x1 - x0) // _ALONG_STEP) + 1)]
    spots += [(x, y) for y in (above, below) for x in xs]
    ys = [top + _ALONG_STEP * k for k in range(1, int((bottom - top) // _ALONG_STEP) + 1)]
    spots += [(x, y) for y in ys for x in (right, left)]
    return spots


def _edge_in(frame: Box, box: Box) -> bool:
    """True when an edge of ``frame`` passes through ``box``."""
    if not frame.overlaps(box):
        return False
    inside = Box(frame.x + 0.5, frame.y + 0.5, frame.w - 1.0, frame.h - 1.0)
    return not inside.holds(box)
