"""Genogram households: a dotted outline around members standing together; when they
cannot, a frame per member joined by connectors and named."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Final

from . import Point
from .genogram_places import GenogramLayout, HouseholdPlace, PersonPlace, Work

__all__ = ["outline_households"]

_NECK: Final = 12.0
"""The least width two rows of one household share, for one outline to join them."""


def outline_households(work: Work, layout: GenogramLayout) -> None:
    """Outline each household whose members stand together; otherwise mark each member."""
    by_row: dict[int, list[PersonPlace]] = defaultdict(list)
    for place in layout.people.values():
        by_row[place.row].append(place)
    for places in by_row.values():
        places.sort(key=lambda p: p.box.x)
    order = {p.id: k for places in by_row.values() for k, p in enumerate(places)}
    sets = [frozenset(m for m in hh.members if m in layout.people)
            for hh in work.case.households]
    for index, hh in enumerate(work.case.households):
        members = [m for m in dict.fromkeys(hh.members) if m in layout.people]
        if not members:
            continue
        mine = sets[index]
        rows = sorted({layout.people[m].row for m in members})
        together = rows == list(range(rows[0], rows[-1] + 1))
        ranges: dict[int, tuple[int, int]] = {}
        if together:
            for r in rows:
                ks = [order[m] for m in members if layout.people[m].row == r]
                lo, hi = min(ks), max(ks)
                if hi - lo + 1 != len(ks):
                    together = False
                    break
                ranges[r] = (lo, hi)
        if together:  # an outline may nest in another's, never cut through it
            together = all(sets[h.index] <= mine or mine <= sets[h.index]
                           for h in layout.households
                           if h.outline is not None and not mine.isdisjoint(sets[h.index]))
        if together:
            inner = sum(1 for j, other in enumerate(sets)
                        if other and (other < mine or (other == mine and j < index)))
            pad = 5.0 + 4.0 * inner  # a household around another: 4 units further out
            slabs: list[tuple[float, float, float, float]] = []  # (y0, y1, x0, x1)
            for r in rows:
                lo, hi = ranges[r]
                boxes = [by_row[r][k].box for k in range(lo, hi + 1)]
                slabs.append((min(b.y for b in boxes) - pad, max(b.bottom for b in boxes) + pad,
                              min(b.x for b in boxes) - pad, max(b.right for b in boxes) + pad))
            # rows that share no width would need a diagonal neck over other people
            together = all(min(a[3], b[3]) - max(a[2], b[2]) >= _NECK
                           for a, b in itertools.pairwise(slabs))
            if together:
                layout.households.append(HouseholdPlace(index, members, _outline(slabs)))
        if not together:
            names = ", ".join(members)
            layout.warnings.append(
                f"households[{index}]: members ({names}) do not stand together in the "
                "genogram; each is marked instead of outlined")
            marks = [layout.people[m].box.grow(3.0 + 4.0 * sum(1 for other in sets[:index]
                                                               if m in other))
                     for m in members]  # a person in several households: frames nest
            first = min(marks, key=lambda b: (b.y, b.x))
            layout.households.append(HouseholdPlace(index, members, None, marks,
                                                    name_at=(first.x, first.y - 2.0)))


def _outline(slabs: list[tuple[float, float, float, float]]) -> list[Point]:
    """The outline of stacked row boxes joined across the bands between them."""
    full: list[tuple[float, float, float, float]] = []
    for k, slab in enumerate(slabs):
        if k > 0:
            prev = slabs[k - 1]
            lo, hi = max(prev[2], slab[2]), min(prev[3], slab[3])
            full.append((prev[1], slab[0], lo, hi))  # a neck only as wide as both rows
        full.append(slab)
    right: list[Point] = []
    left: list[Point] = []
    for y0, y1, x0, x1 in full:
        right += [(x1, y0), (x1, y1)]
        left += [(x0, y0), (x0, y1)]
    points = right + list(reversed(left))
    return [(round(x, 2), round(y, 2)) for x, y in points]

