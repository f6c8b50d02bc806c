"""Lines of a systemogram that pass through a box that is not one of their ends.

Such a line makes a reader see a wrong arrow (it seems to start or end at the box it
passes): :func:`lines_through_boxes` lists them, :func:`count_lines_through` counts them
fast, a cheap forecast of what routing a layout will add.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from . import Box, segment_hits_box
from .ring_centre import PersonPlace
from .ring_links import LinkPlace
from .systemogram_grid import CELL, cells_along, gathered

__all__ = ["count_lines_through", "lines_through_boxes"]


def lines_through_boxes(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
                        agents: Mapping[str, Box]) -> list[tuple[LinkPlace, str]]:
    """Every (line, node) where a line passes through the box of a node that is not one of
    its ends: what makes a reader see a wrong arrow. Empty when the drawing reads right.
    O(L · s · N) for L lines of s segments and N nodes."""
    boxes = [(pid, p.box) for pid, p in people.items()] + list(agents.items())
    out: list[tuple[LinkPlace, str]] = []
    for lk in links:
        for node, box in boxes:
            if node in (lk.source, lk.target):
                continue
            if any(segment_hits_box(a, b, box)
                   for a, b in zip(lk.points, lk.points[1:], strict=False)):
                out.append((lk, node))
    return out


def count_lines_through(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
                        agents: Mapping[str, Box]) -> int:
    """How many (line, node) pairs :func:`lines_through_boxes` finds, counted fast: each
    segment is tested only against the boxes in the grid cells it passes,
    O(L · s · b) for b boxes near a segment. Straight lines that pass through many boxes
    need many detours when routed, and every detour tends to cross the lines into the box
    it goes round: a cheap forecast of what routing will add."""
    named = [(pid, p.box) for pid, p in people.items()] + list(agents.items())
    cells: dict[tuple[int, int], list[int]] = {}
    for k, (_, box) in enumerate(named):
        for cx in range(math.floor(box.x / CELL), math.floor(box.right / CELL) + 1):
            for cy in range(math.floor(box.y / CELL), math.floor(box.bottom / CELL) + 1):
                cells.setdefault((cx, cy), []).append(k)
    total = 0
    for lk in links:
        ends = (lk.source, lk.target)
        hit: set[int] = set()
        for a, b in pairwise(lk.points):
            # the cells the segment passes (a box it enters by half a unit overlaps one of
            # them), not every cell of its bounding box: a long slanted line spans many
            for k in gathered(cells, cells_along(a, b)):
                if k in hit:
                    continue
                node, box = named[k]
                if node not in ends and segment_hits_box(a, b, box):
                    hit.add(k)
        total += len(hit)
    return total
