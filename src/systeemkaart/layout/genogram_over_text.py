"""Family lines over text: a measure of a finished genogram.

A family line (a partnership bracket, a child line with its drop, sibling bar and leg, a
twin bar) that passes through text makes the text hard to read and the line hard to
follow: a step-parent's line through a couple's marriage and divorce dates reads as if it
belonged to that couple. The rule (DESIGN: no line passes through a label that is not one
of its ends): no family line passes through a couple's dates, through the name, age or
years under a person's symbol, or through a household's name, except the texts of the
people the line joins (a partner line runs between its partners' symbols and their names).

Cost: the texts are filed in a uniform grid (``_CELL`` units) and each segment is measured
only against the texts filed under the cells it passes: linear in segments and texts plus
the near pairs.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Final

from ..text.measure import text_width
from . import Box, Point, segment_hits_box
from .genogram_clear import boxes_by_cell
from .genogram_places import GenogramLayout

__all__ = ["family_lines", "family_lines_over_text", "texts"]

_CELL: Final = 32.0
"""Side of a cell of the grid the texts are filed in."""


def texts(layout: GenogramLayout) -> list[tuple[str, frozenset[str], Box]]:
    """Every piece of text of ``layout``: (what it is, the people whose it is, its box).
    A person's text is theirs; a couple's dates are the two partners'; a household's name
    is nobody's."""
    out: list[tuple[str, frozenset[str], Box]] = []
    for pid, person in layout.people.items():
        for line in person.lines:
            w = text_width(line.text, line.size, bold=line.bold)
            x = line.x - w / 2 if line.anchor == "middle" else line.x
            out.append((f"text of {pid}", frozenset((pid,)),
                        Box(x, line.y - 0.75 * line.size, w, 0.95 * line.size)))
    for p in layout.partnerships:
        if p.label_box is not None:
            out.append((f"dates of {'|'.join(p.partners)}", frozenset(p.partners),
                        p.label_box))
    for h in layout.households:
        if h.name_box is not None:
            out.append((f"name of household {h.index}", frozenset(), h.name_box))
    return out


def family_lines(layout: GenogramLayout
                 ) -> Iterator[tuple[str, frozenset[str], list[Point]]]:
    """Every family line of ``layout``: (its name, the people it joins, its points)."""
    for p in layout.partnerships:
        yield f"partnership {'|'.join(p.partners)}", frozenset(p.partners), p.points
    for c in layout.children:
        yield f"child {c.child}", frozenset((*c.parents, c.child)), c.points
    for t in layout.twin_bars:
        yield f"twin bar {'|'.join(t.twins)}", frozenset(t.twins), t.points


def family_lines_over_text(layout: GenogramLayout) -> list[tuple[str, str]]:
    """The family lines that pass through a text not of their own ends (see the module):
    ``(line, text)`` once per pair, in the order of the lines, named as
    :func:`family_lines` and :func:`texts` name them (``"child p7"``, ``"dates of
    p1|p8"``). A person's text is their own lines' (a partner line runs between the
    symbols and the names; a single parent's child line leaves the symbol's side); a
    couple's dates only their partner line's: a child line through its parents' dates
    hides them as much as any other line."""
    boxes = texts(layout)
    grid = boxes_by_cell([box for _name, _owners, box in boxes], _CELL)
    out: list[tuple[str, str]] = []
    for name, ends, points in family_lines(layout):
        partner_line = name.startswith("partnership")
        hit: set[int] = set()
        for p, q in itertools.pairwise(points):
            for cell in _cells(p, q):
                for n in grid.get(cell, ()):
                    _text, owners, box = boxes[n]
                    if n in hit or (owners and owners <= ends and (
                            len(owners) == 1 or partner_line)):
                        continue
                    if segment_hits_box(p, q, box):
                        hit.add(n)
        out.extend((name, boxes[n][0]) for n in sorted(hit))
    return out


def _cells(p: Point, q: Point) -> Iterator[tuple[int, int]]:
    """The grid cells of the bounding box of the segment ``p``-``q`` (family lines are
    axis-parallel but for twins' slanting legs, which are short)."""
    for ix in range(math.floor(min(p[0], q[0]) / _CELL),
                    math.floor(max(p[0], q[0]) / _CELL) + 1):
        for iy in range(math.floor(min(p[1], q[1]) / _CELL),
                        math.floor(max(p[1], q[1]) / _CELL) + 1):
            yield ix, iy
