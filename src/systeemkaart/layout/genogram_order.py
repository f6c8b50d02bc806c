"""A second look at the order Graphviz chose: blocks turned round where their family lines
get shorter, kept only when fewer family lines cross.

Inside a block the order of people is fixed before Graphviz runs (partners in date order,
the man left in a couple, twins together), without knowing where each partner's own family
will stand. After the first placement each block is weighed as it is and turned round: the
horizontal length of the lines from its people up to their parents' unions and from its
unions down to their children. A cousin marriage, or a twin who married into the family of
the row's other side, is turned towards the families it hangs from. The layout is then made
again with those blocks turned and the one with fewer crossings of family lines is kept
(see :func:`family_crossings`).

Cost: linear in people and child links, plus one more layout when some block is turned.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Final

from . import Point
from .genogram_cross import count_crossings, crossing_groups, crossing_score
from .genogram_places import GenogramLayout, Work, gap_range

__all__ = ["crossing_unions", "family_crossings", "family_score", "runs_on_lines",
           "turned_blocks"]

_ON_LINE: Final = 2.0
"""Two lines on one x (or y) that overlap for more than this run on each other."""


def _family_lines(layout: GenogramLayout) -> list[tuple[str, list[Point]]]:
    lines = [("u:" + "|".join(sorted(p.partners)), p.points) for p in layout.partnerships]
    lines += [("u:" + "|".join(sorted(c.parents)), c.points) for c in layout.children]
    return lines


def family_crossings(layout: GenogramLayout) -> int:
    """Crossings between partner and child lines of different unions (as
    :func:`~.genogram_quality.structural_crossings` counts them)."""
    return count_crossings(_family_lines(layout))


def family_score(layout: GenogramLayout) -> tuple[int, int]:
    """What the layout chooses by: crossing pairs of segments, then
    :func:`family_crossings` (see :func:`~.genogram_cross.crossing_score`) plus the pairs
    of lines where one runs on another union's line (:func:`runs_on_lines`): a reader
    cannot tell where such lines go, as little as where they cross."""
    lines = _family_lines(layout)
    pairs, points = crossing_score(lines)
    return pairs, points + runs_on_lines(lines)


def runs_on_lines(lines: list[tuple[str, list[Point]]]) -> int:
    """Pairs of lines of different groups (``(group, points)``, at least one of them a
    couple's: ``u:`` and two members joined by ``|``) with a straight stretch on one x (or
    one y) that overlap for more than :data:`_ON_LINE` units: a step line that comes down
    where another couple's child line drops, and runs on it. Two single parents' lines
    crossing over in a gap run at one height while the orders are searched (see
    :attr:`~.genogram_places.Work.above_dates`) and are drawn apart at the end: they are
    judged as before."""
    runs: dict[tuple[int, float], list[tuple[float, float, str]]] = defaultdict(list)
    for group, points in lines:
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            if ax == bx and ay != by:
                runs[(0, ax)].append((min(ay, by), max(ay, by), group))
            elif ay == by and ax != bx:
                runs[(1, ay)].append((min(ax, bx), max(ax, bx), group))
    found: set[tuple[str, str]] = set()
    for stretches in runs.values():
        if len(stretches) < 2:
            continue
        stretches.sort()
        for k, (_lo, hi, group) in enumerate(stretches):
            for lo2, hi2, other in stretches[k + 1:]:
                if lo2 >= hi - _ON_LINE:
                    break
                if other != group and min(hi, hi2) - lo2 > _ON_LINE and \
                        ("|" in group or "|" in other):
                    found.add((min(group, other), max(group, other)))
    return len(found)


def crossing_unions(layout: GenogramLayout, *, ancestors: bool = False) -> set[str]:
    """The unions (``u:`` and their members joined by ``|``) with a partner or child line
    that crosses another union's: where keeping the children eldest left may cost a
    crossing. With ``ancestors`` also the unions their members descend from (a cousin
    marriage crosses the line of a sibling born between the cousins' parents, and that
    order is the grandparents')."""
    out = crossing_groups(_family_lines(layout))
    if not ancestors:
        return out
    above: dict[str, set[str]] = defaultdict(set)
    for c in layout.children:
        above[c.child].add("u:" + "|".join(sorted(c.parents)))
    todo = list(out)
    while todo:
        for pid in todo.pop()[2:].split("|"):
            for group in above.get(pid, ()):
                if group not in out:
                    out.add(group)
                    todo.append(group)
    return out


def turned_blocks(work: Work, gaps: list[list[float]], centres: list[float]) -> list[int]:
    """Blocks of two or more people whose family lines get shorter by at least a symbol's
    width when the block is turned round about its centre, given where the first
    placement put everyone."""
    st = work.st
    union_x: dict[str, float] = {}
    for u in st.unions:
        lo, hi = gap_range(work, gaps, u.block, u.gap)
        union_x[u.key] = (lo + hi) / 2
    above: dict[str, list[float]] = defaultdict(list)  # person -> x of their parents' unions
    for u in st.unions:
        for child, _, _ in u.children:
            above[child].append(union_x[u.key])
    out: list[int] = []
    centre = work.centre
    for block in st.blocks:
        if len(block.persons) < 2:
            continue
        mid = centres[block.index]
        now = turned = 0.0
        for pid in block.persons:
            x = centre[pid]
            for ux in above.get(pid, ()):
                now += abs(ux - x)
                turned += abs(ux - (2 * mid - x))
        for u in block.unions:
            ux = union_x[u.key]
            for child, _, _ in u.children:
                cx = centre[child]
                now += abs(cx - ux)
                turned += abs(cx - (2 * mid - ux))
        if turned < now - 34.0:
            out.append(block.index)
    return out
