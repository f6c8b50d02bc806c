"""Measures of a genogram layout that a reader would notice: lines on lines, twins apart,
household outlines through strangers.

Used by the tests (as rules) and by ``bench/bench_genogram.py`` (as counts). Each measure
looks at the finished layout only, so it judges what is drawn, not how it was made.

Cost: :func:`lines_on_lines` sorts the axis-parallel segments by their coordinate and
compares only neighbours within the distance asked (about linear for real drawings); the
others are linear in people plus outline segments times the people on their rows.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict

from ..model import Case
from . import Box, Point
from .genogram import GenogramLayout

__all__ = ["household_problems", "lines_on_lines", "twins_apart"]

_Seg = tuple[float, float, float, int, str]
"""An axis-parallel segment: (fixed coordinate, from, to, line number, line kind)."""


def _axis_segments(layout: GenogramLayout) -> tuple[list[_Seg], list[_Seg]]:
    """Horizontal and vertical segments of every drawn line, numbered by line."""
    horizontal: list[_Seg] = []
    vertical: list[_Seg] = []
    for n, (kind, _ends, points) in enumerate(layout.edges()):
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if y1 == y2 and x1 != x2:
                horizontal.append((y1, min(x1, x2), max(x1, x2), n, kind))
            elif x1 == x2 and y1 != y2:
                vertical.append((x1, min(y1, y2), max(y1, y2), n, kind))
    return horizontal, vertical


def lines_on_lines(layout: GenogramLayout, within: float = 4.0,
                   longer: float = 10.0) -> list[tuple[int, int]]:
    """Pairs of lines ``(a, b)`` (numbered as :meth:`GenogramLayout.edges` yields them, at
    least one an emotional relation) that run parallel closer than ``within`` for more than
    ``longer`` units: a reader cannot tell them apart there."""
    found: set[tuple[int, int]] = set()
    for segs in _axis_segments(layout):
        segs.sort()
        keys = [s[0] for s in segs]
        for s in segs:
            lo = bisect.bisect_left(keys, s[0] - within + 1e-9)
            hi = bisect.bisect_right(keys, s[0] + within - 1e-9)
            for t in segs[lo:hi]:
                if t[3] <= s[3] or "relation" not in (s[4], t[4]):
                    continue
                if min(s[2], t[2]) - max(s[1], t[1]) > longer:
                    found.add((s[3], t[3]))
    return sorted(found)


def twins_apart(case: Case, layout: GenogramLayout) -> list[tuple[str, str]]:
    """Twins (``twin_of``) on one row who do not stand side by side or do not hang from one
    point."""
    row_order: dict[int, list[str]] = defaultdict(list)
    for pid, place in layout.people.items():
        row_order[place.row].append(pid)
    position: dict[str, int] = {}
    for ids in row_order.values():
        ids.sort(key=lambda pid: layout.people[pid].box.x)
        position.update((pid, k) for k, pid in enumerate(ids))
    start: dict[tuple[str, tuple[str, ...]], Point] = {}  # (child, parents): split point
    for c in layout.children:
        if len(c.points) >= 2:
            start[(c.child, c.parents)] = c.points[-2]
    out: list[tuple[str, str]] = []
    for p in case.people:
        t = p.twin_of
        if t is None or t not in layout.people or p.id not in layout.people:
            continue
        a, b = layout.people[p.id], layout.people[t]
        if a.row != b.row:
            continue
        shared = [k[1] for k in start if k[0] == p.id and (t, k[1]) in start]
        if abs(position[p.id] - position[t]) != 1 or not any(
                start[(p.id, k)] == start[(t, k)] for k in shared):
            out.append((p.id, t))
    return out


def _outline_boxes(outline: list[Point]) -> list[Box]:
    """The slabs an outline polygon is made of (see the household outline): pairs of right
    and left edges at the same heights."""
    half = len(outline) // 2
    right, left = outline[:half], list(reversed(outline[half:]))
    boxes = []
    for k in range(0, half - 1, 2):
        (x1, y0), (_, y1) = right[k], right[k + 1]
        x0 = left[k][0]
        boxes.append(Box(x0, y0, x1 - x0, y1 - y0))
    return boxes


def household_problems(layout: GenogramLayout) -> list[str]:
    """Household outlines or member frames that enclose or cut a non-member's box, or that
    cross or touch another household's; and split households without a name."""
    problems: list[str] = []
    shapes: list[tuple[int, set[str], list[Box]]] = []
    for hh in layout.households:
        boxes = _outline_boxes(hh.outline) if hh.outline is not None else list(hh.marks)
        shapes.append((hh.index, set(hh.members), boxes))
        if hh.outline is None and len(hh.marks) > 1 and not hh.name_at:
            problems.append(f"household {hh.index}: split without its name")
    for index, members, boxes in shapes:
        for pid, place in layout.people.items():
            if pid not in members and any(b.overlaps(place.box) for b in boxes):
                problems.append(f"household {index}: outline meets {pid}")
    for (i, _, ba), (j, _, bb) in itertools.combinations(shapes, 2):
        if _edges_meet(ba, bb):
            problems.append(f"households {i} and {j}: outlines cross or touch")
    return problems


def _edges_meet(a: list[Box], b: list[Box], gap: float = 1.0) -> bool:
    """True when the outline of the union of boxes ``a`` comes within ``gap`` of that of
    ``b`` (nested outlines that keep apart are fine)."""
    for p in a:
        for q in b:
            if not p.overlaps(q, gap):
                continue
            inside = (q.x + gap <= p.x and p.right <= q.right - gap and q.y + gap <= p.y
                      and p.bottom <= q.bottom - gap)
            around = (p.x + gap <= q.x and q.right <= p.right - gap and p.y + gap <= q.y
                      and q.bottom <= p.bottom - gap)
            if not (inside or around):
                return True
    return False
