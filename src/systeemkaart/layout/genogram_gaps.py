"""Where the lines hanging from one gap of a genogram block drop, and where a couple's
dates stand among them.

A gap of a block (the space between two people, or at either end, see
:mod:`.genogram_blocks`) may hold the drop of a couple and the lines of single parents
(a step-parent's line leaves the side of their symbol, runs across the gap at the height
of the couple's dates and drops). :func:`gap_side` orders those lines, :func:`union_xs`
spaces them, and :func:`label_centre` finds where the couple's dates stand clear of the
single parents' lines (:func:`solo_lines`).
"""

from __future__ import annotations

from typing import Final

from .genogram_blocks import Block, Union

__all__ = ["ABOVE_DATES", "LABEL_CLEAR", "crossed_over", "gap_side", "label_centre",
           "solo_lines", "union_xs"]


def gap_side(block: Block, u: Union, *, gap: int, position: dict[str, int]) -> int:
    """Where ``u``'s line stands among the lines dropping from ``gap`` of ``block``: a
    couple's in the middle (1); a single parent's towards the couple of this block whose
    child it goes to (0 left, 2 right), on the parent's own side where that couple drops
    from the same gap (its children's step-child stands at the end nearest the
    step-parent), else right (2). So the line to a step-child does not cross the drop
    of the couple it passes."""
    if not u.solo:
        return 1
    pull = 0
    for child, _, _ in u.children:
        for v in block.unions:
            if not v.solo and any(c == child for c, _, _ in v.children):
                at = v.gap if v.gap != gap else (gap - 0.5 if position[u.members[0]] < gap
                                                 else gap + 0.5)
                pull += 1 if at > gap else -1
    return 0 if pull < 0 else 2



ABOVE_DATES: Final = (-8.0, 0.0)
"""How far below the middle of the symbol single parents' lines that cross over in a gap
(see :func:`crossed_over`) leave their parents: above a couple's dates there (which reach
up to 7.5 below the middle when they take two lines, less with one), the left parent's
line one lane above the right parent's, so that the two cross where one drops instead of
running on top of each other (with dates of one line, or none, as with two)."""


def crossed_over(unions: list[Union], position: dict[str, int]) -> bool:
    """True when single parents' lines come into one gap from both sides (``unions``:
    those hanging from it, in the order they drop) and one from the left drops right of
    one from the right: they must cross there (each goes on to a step-child on the far
    side), and at one height they would run on top of each other across the gap, through
    the couple's dates between them. That order is kept (it crosses the couple's drop
    less than each dropping on its own side); the lines leave above the dates instead
    (:data:`ABOVE_DATES`)."""
    lefts = [k for k, u in enumerate(unions) if u.solo and u.gap > position[u.members[0]]]
    rights = [k for k, u in enumerate(unions) if u.solo and u.gap <= position[u.members[0]]]
    return bool(lefts and rights and max(lefts) > min(rights))


LABEL_CLEAR: Final = 6.0
"""Clear space between a partnership's dates and a single parent's line through its gap."""


def union_xs(lo: float, hi: float, count: int) -> list[float]:
    """Where the ``count`` unions hanging from the gap ``lo``..``hi`` drop: evenly apart."""
    return [round(lo + (m + 1) * (hi - lo) / (count + 1), 1) for m in range(count)]


def label_centre(lo: float, hi: float, width: float,
                 blocked: list[tuple[float, float]],
                 room: tuple[float, float] = (2.0, 2.0)) -> tuple[float, bool]:
    """Where a partnership's dates of ``width`` stand in its gap ``lo``..``hi``, and whether
    they stand clear there: the gap's middle, unless a single parent's line passes there at
    the dates' height (``blocked``: the x extents of such lines, see :func:`solo_lines`);
    then beside it, as near the middle as there is room, ``LABEL_CLEAR`` from the line,
    and ``room`` from the left and right end of the gap (where emotional lines may come
    down beside the partners' boxes)."""
    middle = (lo + hi) / 2
    half = width / 2

    def clear(c: float) -> bool:
        return all(c + half + LABEL_CLEAR <= a or c - half - LABEL_CLEAR >= b
                   for a, b in blocked)

    if clear(middle):
        return middle, True
    spots = [c for a, b in blocked for c in (a - half - LABEL_CLEAR, b + half + LABEL_CLEAR)
             if lo + room[0] + half <= c <= hi - room[1] - half and clear(c)]
    if not spots:
        return middle, False
    return min(spots, key=lambda c: (abs(c - middle), c)), True


def solo_lines(unions: list[Union], xs: list[float], gap: tuple[float, float], tall: bool,
               position: dict[str, int], above: bool = True) -> list[tuple[float, float]]:
    """The x extents, in ``gap``, of single parents' lines (of ``unions``, dropping at
    ``xs``) at the height of a couple's dates there: each drop, and when the dates take two
    lines (``tall``: they reach down to where such a line leaves its parent's side) also
    the run from the parent's side of the gap to the drop, unless the lines cross over
    (:func:`crossed_over`) and so run above the dates (``above``: they do where they
    cross over)."""
    out: list[tuple[float, float]] = []
    above = above and tall and crossed_over(unions, position)
    for u, x in zip(unions, xs, strict=True):
        if not u.solo:
            continue
        if not tall or above:
            out.append((x, x))
        elif u.gap > position[u.members[0]]:  # the parent stands left of the gap
            out.append((gap[0], x))
        else:
            out.append((x, gap[1]))
    return out
