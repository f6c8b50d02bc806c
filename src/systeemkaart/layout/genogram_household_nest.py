"""Genogram household outlines in a nest (an outline round another household's members,
4 units further out) moved off an emotional line together.

Each outline of a nest bends off the lines beside it alone (:mod:`.genogram_households`),
in only for the innermost and out only for the outermost, so the nest keeps its order.
A line running straight beside a side of a nested outline, in the 4 units between two
outlines or just outside the nest, then stays: the side would have to move across the
nest's other outline. Here the sides of one row of a nest move in or out as one, by the
same distance, so they keep their order and the room between them, as the frames nested
round one person do (:mod:`.genogram_household_frames`).

Cost: only a nest that an emotional line runs along (see :func:`.lines_along_outlines`)
is looked at; each try measures the nest's outlines against the lines near it, for a
bounded number of tries per side of each row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from . import Box
from .genogram_household_clear import (
    Lines,
    Slab,
    along,
    beside_outline,
    slab_outline,
)
from .genogram_near import Segment, line_segments, runs_along
from .genogram_places import GenogramLayout

__all__ = ["NestOutline", "nests_off_lines"]

_SHIFTS: Final = (-2.5, 2.5, 5.0, 7.5, 10.0, 12.5)
"""How far the sides of one row of a nest may move together (in below zero, out above)."""
_GAP: Final = 2.0
"""How near a moved side may come to a box or outline it must keep clear of."""
_OWN: Final = 2.5
"""How near a side moving in may come to its members' boxes."""


@dataclass
class NestOutline:
    """One household's outline as the nest pass sees it: its row ``slabs`` (the layout
    rows ``rows``, one each), what it must keep 2 units from (``others``; moving out
    further than 2.5 units, ``wide``) and what it must hold (``keep``: where its members'
    own frames may come; ``own``: its members' boxes)."""

    index: int
    members: frozenset[str]
    rows: list[int]
    slabs: list[Slab]
    others: list[Box]
    wide: list[Box]
    keep: list[Box]
    own: list[Box]


def nests_off_lines(layout: GenogramLayout, outlines: Sequence[NestOutline], lines: Lines,
                    emotional: list[tuple[Segment, float]], frame: Box) -> None:
    """Move the sides of each row of a nest of ``outlines`` together (in by 2.5 units, or
    out by one of :data:`_SHIFTS`) where an emotional line runs along one of them (see
    :func:`.lines_along_outlines`) and the move leaves less beside the lines (see
    :func:`.beside_outline` and :func:`.along`) and fewer lines run along the nest's
    outlines; every outline keeps 2 units from what it kept clear of, holds its members,
    stays in ``frame`` (the drawing below its title) and in the outlines round it. The
    nest's new outlines replace those of ``layout``."""
    for nest in _nests(outlines):
        moved = _nest_off_lines(nest, lines, emotional, frame)
        if moved is None:
            continue
        for hh in layout.households:
            if hh.index in moved:
                hh.outline = slab_outline(moved[hh.index])


def _nests(outlines: Sequence[NestOutline]) -> list[list[NestOutline]]:
    """The nests among ``outlines``: the groups (of two or more) joined by one holding the
    other's members, in the order of the first."""
    groups: list[list[NestOutline]] = []
    for o in outlines:
        joined = [g for g in groups if any(_ordered(o, p) for p in g)]
        merged = [o]
        for g in joined:
            merged = g + merged
            groups.remove(g)
        groups.append(sorted(merged, key=lambda p: p.index))
    return [g for g in groups if len(g) > 1]


def _ordered(a: NestOutline, b: NestOutline) -> bool:
    """True when one of ``a`` and ``b`` holds the other's members (same members too)."""
    return a.members <= b.members or b.members <= a.members


def _nest_off_lines(nest: list[NestOutline], lines: Lines,
                    emotional: list[tuple[Segment, float]], frame: Box
                    ) -> dict[int, list[Slab]] | None:
    """The moved slabs of each outline of ``nest`` (see :func:`nests_off_lines`), or
    ``None`` where nothing moves."""
    x0 = min(s[2] for o in nest for s in o.slabs) - 30.0
    x1 = max(s[3] for o in nest for s in o.slabs) + 30.0
    y0 = min(s[0] for o in nest for s in o.slabs) - 30.0
    y1 = max(s[1] for o in nest for s in o.slabs) + 30.0
    beside = [(seg, reach) for seg, reach in emotional
              if min(seg[0][0], seg[1][0]) <= x1 and max(seg[0][0], seg[1][0]) >= x0
              and min(seg[0][1], seg[1][1]) <= y1 and max(seg[0][1], seg[1][1]) >= y0]
    along_before = _along(nest, {o.index: o.slabs for o in nest}, beside)
    if not along_before:
        return None
    near = ([s for s in lines[0] if y0 <= s[0] <= y1 and s[1] <= x1 and s[2] >= x0],
            [s for s in lines[1] if x0 <= s[0] <= x1 and s[1] <= y1 and s[2] >= y0])

    def score(slabs: dict[int, list[Slab]]) -> float:
        total = 0.0
        for s in slabs.values():
            outline = slab_outline(s)
            total += along(outline, near) + beside_outline(outline, beside)
        return total

    now = {o.index: list(o.slabs) for o in nest}
    best = score(now)
    start = best
    tried: set[tuple[int, tuple[int, ...]]] = set()  # each row of a group moves once
    for o in nest:
        for row in o.rows:
            group = [(p, p.rows.index(row)) for p in nest
                     if row in p.rows and _ordered(o, p)]
            key = (row, tuple(p.index for p, _kk in group))
            if key in tried:
                continue
            tried.add(key)
            for side in range(4):
                sign = -1.0 if side in (0, 2) else 1.0  # y0 and x0 move out by going down
                base = now
                for shift in _SHIFTS:
                    trial = {i: list(s) for i, s in base.items()}
                    for p, kk in group:
                        slab = list(trial[p.index][kk])
                        slab[side] += sign * shift
                        trial[p.index][kk] = (slab[0], slab[1], slab[2], slab[3])
                    if not all(_fits(p, trial[p.index][kk], shift, frame)
                               for p, kk in group) \
                            or not _apart(nest, group, trial):
                        continue
                    got = score(trial)
                    if got < best:
                        best, now = got, trial
    # only where fewer segments run along an outline of the nest than before
    return now if best < start and _along(nest, now, beside) < along_before else None


def _along(nest: list[NestOutline], slabs: dict[int, list[Slab]],
           beside: list[tuple[Segment, float]]) -> int:
    """How many pairs of a segment of ``beside`` and an outline of ``nest`` (drawn as
    ``slabs``) run along each other (see :func:`.lines_along_outlines`)."""
    return sum(1 for o in nest for edges in (_edges(slabs[o.index]),) for seg, _reach in beside
               if any(runs_along(seg, edge) for edge in edges))


def _fits(o: NestOutline, slab: Slab, shift: float, frame: Box) -> bool:
    """True when ``slab`` (a row of ``o`` whose side moved by ``shift``) keeps 2 units
    from what ``o`` keeps clear of, stays in ``frame`` and holds its row's boxes of
    ``o.keep`` (moving in, its members' boxes 2.5 units inside)."""
    box = _box(slab)
    if not frame.holds(box):
        return False
    if any(box.overlaps(b, gap=_GAP) for b in (o.wide if shift > 2.5 else o.others)):
        return False
    held = [*o.keep, *(b.grow(_OWN) for b in o.own)] if shift < 0 else o.keep
    return all(box.holds(b) for b in held if slab[0] <= (b.y + b.bottom) / 2 <= slab[1])


def _apart(nest: list[NestOutline], group: list[tuple[NestOutline, int]],
           trial: dict[int, list[Slab]]) -> bool:
    """True when each moved row of ``group`` keeps 2 units from the rows of every outline
    of ``nest`` that neither holds nor is held by it, and (moved as one) the outlines
    that nest in it keep in it, 2 units or more inside."""
    for p, kk in group:
        box = _box(trial[p.index][kk])
        for q in nest:
            if q is p:
                continue
            if not _ordered(p, q):
                if any(box.overlaps(_box(s), gap=_GAP) for s in trial[q.index]):
                    return False
                continue
            if q.rows.count(p.rows[kk]) == 0:
                continue
            other = _box(trial[q.index][q.rows.index(p.rows[kk])])
            inner, outer = (other, box) if q.members < p.members or (
                q.members == p.members and q.index < p.index) else (box, other)
            if not outer.holds(inner.grow(_GAP)):
                return False
    return True


def _edges(slabs: list[Slab]) -> list[Segment]:
    """The edges of the outline of ``slabs``."""
    outline = slab_outline(slabs)
    return line_segments([*outline, outline[0]])


def _box(slab: Slab) -> Box:
    """``slab`` ``(y0, y1, x0, x1)`` as a box."""
    return Box(slab[2], slab[0], slab[3] - slab[2], slab[1] - slab[0])
