"""One more order of the blocks in each row: the order of a plain Graphviz drawing.

The yardstick for our family lines is a plain ``dot`` drawing of the same family (every
person a box, one join node per couple, edges person -> join -> child, see
:func:`~.genogram_quality.plain_dot_graph`). Graphviz orders those small nodes freely, and
on some families (a child with several parent sets, a person with three partners) it finds
an order that our sweeps, which move whole blocks of partners, do not reach. So that order
is taken as one more candidate: :func:`plain_order` lays out that plain graph and returns
our blocks of each row sorted by the mean x of their people there, with each block whose
people stand mostly the other way round there turned round. The caller lays the rows out
in that order and keeps it only when fewer family lines cross.

Cost: building the graph is linear; one ``dot`` layout of a graph of people plus couples,
run only below :data:`~.genogram_dot.LARGE` blocks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..model import Case
from .genogram_blocks import Structure

__all__ = ["plain_order", "plain_source"]


def plain_source(case: Case, widths: Mapping[str, float], heights: Mapping[str, float]) -> str:
    """The plain ``dot`` graph of ``case`` as text: people as boxes of ``widths`` by
    ``heights`` (points), one join node per couple (partnerships and two parents named
    together), edges person -> join -> child and single parent -> child, no other
    constraint; the graph :func:`~.genogram_quality.plain_dot_graph` builds."""
    lines = ["digraph plain {", 'graph [rankdir=TB, nodesep="0.33"];', "edge [arrowhead=none];"]
    names = {p.id: f"n{k}" for k, p in enumerate(case.people)}
    for p in case.people:
        lines.append(f'{names[p.id]} [shape=box, fixedsize=true, width="{widths[p.id] / 72:.3f}", '
                     f'height="{heights[p.id] / 72:.3f}", label=""];')
    joins: dict[frozenset[str], str] = {}

    def join(parents: list[str]) -> str:
        key = frozenset(parents)
        if key not in joins:
            joins[key] = f"j{len(joins)}"
            lines.append(f'{joins[key]} [shape=point, width="0.05", label=""];')
            lines.extend(f"{names[p]} -> {joins[key]};" for p in sorted(key))
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
    from .genogram_dot import _plain  # the one way into Graphviz (lazy: a cycle)

    names = {f"n{k}": p.id for k, p in enumerate(case.people)}
    x: dict[str, float] = {}
    for line in _plain(plain_source(case, widths, heights)).splitlines():
        if line.startswith("node n"):
            parts = line.split(" ", 5)
            x[names[parts[1]]] = float(parts[2])
    rows: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    turned: list[int] = []
    for block in st.blocks:
        xs = [x.get(pid, 0.0) for pid in block.persons]
        rows[block.row].append((sum(xs) / len(xs), centres[block.index], block.index))
        if len(xs) > 1:
            ordered = sum(1 for i, a in enumerate(xs) for b in xs[i + 1:] if a < b)
            reversed_ = sum(1 for i, a in enumerate(xs) for b in xs[i + 1:] if a > b)
            if reversed_ > ordered:
                turned.append(block.index)
    return [[b for _, _, b in sorted(rows[r])] for r in sorted(rows)], turned
