"""The fewest structural crossings any order of the blocks reaches, found by trying them all.

A test helper for small families: every order of the blocks in every row, every block of
two or more people either way round, every single parent's line between two people of its
block on either side (see :func:`~systeemkaart.layout.genogram_blocks.turn_solo_lines`),
and every gap a partner bracket's drop may take (between two people of its span who are
not partners) is laid out; with ``inside``, also every order of the people of each block of
three or more joined by partnerships alone (no twins), a partner who is no longer a
neighbour joined by a bracket above the row (as plain ``dot`` with partners on one row may
arrange a person's partners) and no stranger between two partners (a genogram never splits a
couple: only a partner of one of them may stand between them), as the genogram lays it out
(Graphviz keeping that order, our family lines) and its family lines' crossing points
counted. What it finds is what our rules allow at best: partners side by side on one row,
twins together, children under their own couple. It tells a layout that misses a better
order from a family that no order under those rules draws with as few crossings as a plain
``dot`` drawing.

Cost: one Graphviz layout per combination, the product of the rows' factorials, of two
per turnable block (with ``inside``: of the factorials of the blocks' sizes in place of
two for those blocks), of two per single parent's line and of the drops' choices;
:func:`optimum` gives up (returns ``None``) above ``limit`` combinations. The top block is
turned too: a drawing turned round as a whole is not its mirror image (a step-parent's
line, a bracket's drop and the dates keep their own sides), so it may cross less.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple
from unittest import mock

from systeemkaart.layout import genogram
from systeemkaart.layout.genogram_blocks import (
    Block,
    Structure,
    Union,
    arrange_block,
    mirror_blocks,
    splits_partners,
)
from systeemkaart.layout.genogram_local import Place, Placed
from systeemkaart.layout.genogram_order import family_crossings
from systeemkaart.model import Case

__all__ = ["Best", "optimum"]


class Best(NamedTuple):
    """The fewest crossing points found and the first arrangement reaching them."""

    crossings: int
    rows: list[list[int]]
    """The blocks of each row, top row first, left to right."""
    turned: list[int]
    """The blocks turned round (from the layout's own state when it handed over)."""
    sides: list[str]
    """The single parents' unions whose line leaves on the other side."""
    drops: dict[str, int]
    """The gap of each partner bracket's drop (where it has a choice)."""
    arranged: dict[int, list[str]]
    """With ``inside``: the people of each block of partners, left to right."""


def optimum(case: Case, limit: int = 20_000, *, inside: bool = False) -> Best | None:
    """The fewest crossing points of family lines over every order of ``case``'s blocks
    (see the module docstring; with ``inside`` every order of the people inside blocks of
    partners too) and the first arrangement reaching them; ``None`` above ``limit``
    combinations. The layout runs first, as it always does, and hands over its way of
    laying out an order where its lines still cross (0 otherwise)."""
    caught: list[tuple[Place, Structure]] = []

    def catch(_case: Case, placed: Place, start: Placed, _score: tuple[int, int],
              _drawn: object = None) -> object:
        caught.append((placed, start[1].st))
        return start

    with mock.patch.object(genogram, "last_looks", catch):
        genogram.layout_genogram(case)
    if not caught:
        return Best(0, [], [], [], {}, {})
    placed, st = caught[0]
    rows: dict[int, list[int]] = defaultdict(list)
    for block in st.blocks:
        rows[block.row].append(block.index)
    ordered = [rows[r] for r in sorted(rows)]
    hubs = [b for b in st.blocks if inside and len(b.persons) > 2 and _partners_only(b)]
    turnable = [b.index for b in st.blocks if len(b.persons) > 1 and b not in hubs]
    rows_count = math.prod(math.factorial(len(r)) for r in ordered) \
        * math.prod(math.factorial(len(b.persons)) for b in hubs) * 2 ** len(turnable)
    if rows_count > limit:
        return None
    best: Best | None = None
    total = 0
    for persons in itertools.product(*(itertools.permutations(b.persons) for b in hubs)):
        if any(splits_partners(b, list(p)) for b, p in zip(hubs, persons, strict=True)):
            continue
        undo = [arrange_block(st, b.index, list(p)) for b, p in zip(hubs, persons, strict=True)]
        inner = [u for u in st.unions if u.solo
                 and 0 < st.position[u.members[0]] < len(st.blocks[u.block].persons) - 1]
        brackets = [u for u in st.unions if len(_drops(st, u)) > 1]
        total += math.prod(math.factorial(len(r)) for r in ordered) * 2 ** (
            len(turnable) + len(inner)) * math.prod(len(_drops(st, u)) for u in brackets)
        if total > limit:
            return None
        found = _search(placed, st, ordered, turnable, inner, brackets)
        for back in reversed(undo):
            back()
        if found is not None and (best is None or found.crossings < best.crossings):
            best = found._replace(arranged={b.index: list(p) for b, p in
                                            zip(hubs, persons, strict=True)})
            if best.crossings == 0:
                return best
    return best


def _search(placed: Place, st: Structure, ordered: list[list[int]], turnable: list[int],
            inner: list[Union], brackets: list[Union]) -> Best | None:
    """The best of every order of the rows ``ordered`` with every subset of ``turnable``
    turned, ``inner`` lines moved and every drop of ``brackets``, as the blocks now stand."""
    best: Best | None = None
    for turned in _subsets(turnable):
        mirror_blocks(st, turned)
        drops = [(u, u.gap, _drops(st, u)) for u in brackets]
        for sides in _subsets(list(range(len(inner)))):
            moved = [inner[k] for k in sides]
            _turn(st, moved)
            for gaps in itertools.product(*(choices for _, _, choices in drops)):
                for (u, _, _), gap in zip(drops, gaps, strict=True):
                    u.gap = gap
                for order in itertools.product(*(itertools.permutations(r) for r in ordered)):
                    rows_ = [list(r) for r in order]
                    n = family_crossings(placed(order=rows_, relations=False)[0])
                    if best is None or n < best.crossings:
                        best = Best(n, rows_, turned, [u.key for u in moved],
                                    {u.key: g for (u, _, _), g in zip(drops, gaps, strict=True)},
                                    {})
                        if n == 0:
                            _turn(st, moved)
                            mirror_blocks(st, turned)
                            for u, gap, _ in drops:
                                u.gap = gap
                            return best
            for u, gap, _ in drops:
                u.gap = gap
            _turn(st, moved)
        mirror_blocks(st, turned)
    return best


def _drops(st: Structure, u: Union) -> list[int]:
    """The gaps where the drop of ``u``'s partner bracket may leave its row: between two
    people of its span who are not partners (its own gap only, for any other union)."""
    if u.solo:
        return [u.gap]
    block = st.blocks[u.block]
    i, j = sorted(st.position[m] for m in u.members)
    if j == i + 1:
        return [u.gap]
    couples = {frozenset(v.members) for v in block.unions if not v.solo}
    return [k for k in range(i + 1, j + 1)
            if frozenset(block.persons[k - 1:k + 1]) not in couples] or [u.gap]


def _partners_only(block: Block) -> bool:
    """True when the couples of ``block`` join all its people (no twins joined in)."""
    reach = {block.persons[0]}
    couples = [u.members for u in block.unions if not u.solo]
    for _ in couples:
        for a, b in couples:
            if (a in reach) != (b in reach):
                reach.update((a, b))
    return len(reach) == len(block.persons)


def _subsets(items: list[int]) -> Iterator[list[int]]:
    """Every subset of ``items``, the empty one first."""
    for n in range(len(items) + 1):
        for combo in itertools.combinations(items, n):
            yield list(combo)


def _turn(st: Structure, unions: list[Union]) -> None:
    """Move each single parent's line in ``unions`` to the gap on their other side."""
    for u in unions:
        i = st.position[u.members[0]]
        u.gap = i + 1 if u.gap == i else i
