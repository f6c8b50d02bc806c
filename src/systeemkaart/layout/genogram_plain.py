"""Two more orders of the blocks in each row: those of a plain Graphviz drawing.

The yardstick for our family lines is a plain ``dot`` drawing of the same family (every
person a box, one join node per couple, edges person -> join -> child, see
:func:`~.genogram_quality.plain_dot_graph`). Graphviz orders those small nodes freely, and
on some families (a child with several parent sets, a person with three partners) it finds
an order that our sweeps, which move whole blocks of partners, do not reach. So that order
is taken as one more candidate: :func:`plain_order` lays out that plain graph and returns
our blocks of each row sorted by the mean x of their people there, with each block whose
people stand mostly the other way round there turned round. The caller lays the rows out
in that order and keeps it only when fewer family lines cross.

:func:`one_row_order` does the same with each couple and its join node held on one rank
(our rule that partners share a row), where a block holds three or more people joined by
partnerships alone (a person with several partners, or a chain of couples: no twins), and
also takes the order of the people inside such a block from that drawing: it may put a
person at one end, beside their later partner, and join an earlier one by a bracket above
the row, an arrangement our own order (the first partner on one side, the later ones on
the other) never tries. An order that stands someone between two partners who is a partner
of neither is not taken (plain ``dot`` on one row does so now and then: a split couple).

Cost: building a graph is linear; one ``dot`` layout of a graph of people plus couples
each, run only below :data:`~.genogram_dot.LARGE` blocks and where lines still cross.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..model import Case
from .genogram_blocks import Block, Structure, splits_partners

__all__ = ["one_row_order", "partner_blocks", "plain_order", "plain_source"]


def plain_source(case: Case, widths: Mapping[str, float], heights: Mapping[str, float],
                 *, one_row: bool = False) -> str:
    """The plain ``dot`` graph of ``case`` as text: people as boxes of ``widths`` by
    ``heights`` (points), one join node per couple (partnerships and two parents named
    together), edges person -> join -> child and single parent -> child, no other
    constraint; the graph :func:`~.genogram_quality.plain_dot_graph` builds. With
    ``one_row`` each couple and its join share a rank, the join between the partners."""
    lines = ["digraph plain {", 'graph [rankdir=TB, nodesep="0.33"];', "edge [arrowhead=none];"]
    names = {p.id: f"n{k}" for k, p in enumerate(case.people)}
    for p in case.people:
        lines.append(f'{names[p.id]} [shape=box, fixedsize=true, width="{widths[p.id] / 72:.3f}", '
                     f'height="{heights[p.id] / 72:.3f}", label=""];')
    joins: dict[frozenset[str], str] = {}

    def join(parents: list[str]) -> str:
        key = frozenset(parents)
        if key not in joins:
            j = joins[key] = f"j{len(joins)}"
            lines.append(f'{j} [shape=point, width="0.05", label=""];')
            first, *rest = sorted(key)
            lines.append(f"{names[first]} -> {j};")
            if one_row:  # a flat edge's tail stands left: the join between the partners
                lines.extend(f"{j} -> {names[p]} [dir=back];" for p in rest)
                lines.append(f"{{rank=same; {' '.join(names[p] for p in sorted(key))}; {j};}}")
            else:
                lines.extend(f"{names[p]} -> {j};" for p in rest)
        return joins[key]

    for ps in case.partnerships:
        if all(p in names for p in ps.partners):
            join(list(ps.partners))
    for link in case.children:
        if link.child not in names or not all(p in names for p in link.parents):
            continue
        top = join(list(link.parents)) if len(link.parents) == 2 else names[link.parents[0]]
        lines.append(f"{top} -> {names[link.child]};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def plain_order(case: Case, st: Structure, widths: Mapping[str, float],
                heights: Mapping[str, float],
                centres: list[float]) -> tuple[list[list[int]], list[int]]:
    """The blocks of each row (top row first) left to right by the mean x of their people
    in the plain ``dot`` drawing (ties by ``centres``), and the blocks to turn round."""
    x = _xs(case, plain_source(case, widths, heights))
    return _order(st, x, centres), _turned(st, x)


def one_row_order(case: Case, st: Structure, widths: Mapping[str, float],
                  heights: Mapping[str, float], centres: list[float]
                  ) -> tuple[list[list[int]], list[int], dict[int, list[str]]] | None:
    """As :func:`plain_order` for the plain drawing with each couple on one rank, and the
    people of each block of one person with several partners (and no one else) in the
    order that drawing gives them, where it differs from the block's (either way round)
    and puts no stranger between two partners (see
    :func:`~.genogram_blocks.splits_partners`);
    ``None`` (and no drawing made) where there is no such block."""
    hubs = partner_blocks(st)
    if not hubs:
        return None
    x = _xs(case, plain_source(case, widths, heights, one_row=True))
    arranged: dict[int, list[str]] = {}
    for block in hubs:
        persons = block.persons
        there = sorted(persons, key=lambda pid: (x.get(pid, 0.0), persons.index(pid)))
        if there not in (persons, persons[::-1]) and not splits_partners(block, there):
            arranged[block.index] = there
    turned = [b for b in _turned(st, x) if b not in arranged]
    return _order(st, x, centres), turned, arranged


def partner_blocks(st: Structure, groups: set[str] | None = None) -> list[Block]:
    """The blocks of three or more people joined by partnerships alone (no twins joined
    in); with ``groups`` (as :func:`~.genogram_order.crossing_unions` names unions) only
    those with a union among them."""
    out = [block for block in st.blocks if len(block.persons) > 2 and _partners_only(block)]
    if groups is None:
        return out
    return [block for block in out
            if any("u:" + "|".join(sorted(u.members)) in groups for u in block.unions)]


def _partners_only(block: Block) -> bool:
    """True when the couples of ``block`` join all its people (no twins joined in)."""
    reach = {block.persons[0]}
    couples = [u.members for u in block.unions if not u.solo]
    grown = True
    while grown:
        grown = False
        for a, b in couples:
            if (a in reach) != (b in reach):
                reach.update((a, b))
                grown = True
    return len(reach) == len(block.persons)


def _xs(case: Case, source: str) -> dict[str, float]:
    """The x of each person in the ``dot`` drawing of ``source`` (a graph of
    :func:`plain_source`)."""
    from .genogram_dot import _plain  # the one way into Graphviz (lazy: a cycle)

    names = {f"n{k}": p.id for k, p in enumerate(case.people)}
    x: dict[str, float] = {}
    for line in _plain(source).splitlines():
        if line.startswith("node n"):
            parts = line.split(" ", 5)
            x[names[parts[1]]] = float(parts[2])
    return x


def _order(st: Structure, x: Mapping[str, float], centres: list[float]) -> list[list[int]]:
    """The blocks of each row left to right by the mean of ``x`` over their people."""
    rows: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for block in st.blocks:
        xs = [x.get(pid, 0.0) for pid in block.persons]
        rows[block.row].append((sum(xs) / len(xs), centres[block.index], block.index))
    return [[b for _, _, b in sorted(rows[r])] for r in sorted(rows)]


def _turned(st: Structure, x: Mapping[str, float]) -> list[int]:
    """The blocks whose people stand mostly right to left in ``x``."""
    turned: list[int] = []
    for block in st.blocks:
        xs = [x.get(pid, 0.0) for pid in block.persons]
        if len(xs) > 1:
            ordered = sum(1 for i, a in enumerate(xs) for b in xs[i + 1:] if a < b)
            reversed_ = sum(1 for i, a in enumerate(xs) for b in xs[i + 1:] if a > b)
            if reversed_ > ordered:
                turned.append(block.index)
    return turned
