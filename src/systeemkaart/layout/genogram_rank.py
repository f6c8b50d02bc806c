"""Genogram rows with the shortest child lines: Graphviz's ranking with partners on one row.

:func:`~systeemkaart.generations.generations` numbers generations by the longest line of
descent from the top, with a cheap step down for families that married in. Where a couple
joins two families recorded over very different numbers of generations (a president whose
wife's ancestry goes back eight generations, his own four), that puts the couple rows
below their siblings, and every line from the parents to that couple skips rows and
crosses the siblings' lines. Graphviz's plain drawing instead ranks by network simplex:
the total length of the lines is as short as it can be, so the longer ancestry simply
reaches higher.

:func:`balanced_rows` gives the genogram that ranking: people joined by partnerships are
one node (so partners share a row), a child link is an edge of length at least one, and
Graphviz ``dot`` ranks the nodes. The result is kept only where it shortens the child lines
in total and keeps every rule (a child below each parent, partners on one row); otherwise
the generations stand.

Cost: linear to build; ``dot`` on a graph of one node per partner group, run only below
:data:`RANKED` groups (a large tree keeps the generations, as before).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Final

from ..model import Case

__all__ = ["RANKED", "balanced_rows"]

RANKED: Final = 400
"""Below this many partner groups the rows are ranked by Graphviz (see the module
docstring); larger trees keep the generations, whose cost is linear."""
_SEP: Final = 10.0
"""Rank separation in inches: large, so that reading a rank off its y coordinate is exact
whatever the small height of the nodes."""


def balanced_rows(case: Case, rows: Mapping[str, int]) -> dict[str, int]:
    """Rows for the people of ``case`` with the child lines as short as they can be,
    partners on one row and each child below each parent, starting from the valid rows
    ``rows`` (see the module docstring); ``rows`` itself where nothing is gained."""
    group = _partner_groups(case, rows)
    ids = sorted(set(group.values()))
    if len(ids) < 2 or len(ids) >= RANKED:
        return dict(rows)
    weight: dict[tuple[str, str], int] = defaultdict(int)
    for link in case.children:
        if link.child not in rows:
            continue
        for par in dict.fromkeys(link.parents):
            if par in rows and rows[link.child] > rows[par]:
                weight[(group[par], group[link.child])] += 1
    if not weight:
        return dict(rows)
    rank = _dot_ranks(ids, weight)
    if rank is None:
        return dict(rows)
    out = {pid: rank[group[pid]] for pid in rows}
    if any(out[c] <= out[p] for p, c in _links(case, rows)):
        return dict(rows)
    if _length(case, out, rows) >= _length(case, dict(rows), rows):
        return dict(rows)
    low = min(out.values())
    return {pid: r - low for pid, r in out.items()}


def _links(case: Case, rows: Mapping[str, int]) -> list[tuple[str, str]]:
    """(parent, child) pairs that go down in ``rows``."""
    return [(par, link.child) for link in case.children if link.child in rows
            for par in dict.fromkeys(link.parents)
            if par in rows and rows[link.child] > rows[par]]


def _length(case: Case, rows: Mapping[str, int], base: Mapping[str, int]) -> int:
    """Total rows spanned by the child links that go down in ``base``."""
    return sum(rows[c] - rows[p] for p, c in _links(case, base))


def _partner_groups(case: Case, rows: Mapping[str, int]) -> dict[str, str]:
    """Each person's partner group (people joined by partnerships on one row, and two
    parents named together), named by one member."""
    parent: dict[str, str] = {pid: pid for pid in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = [tuple(ps.partners) for ps in case.partnerships]
    pairs += [tuple(link.parents) for link in case.children if len(link.parents) == 2]
    for a, b in pairs:
        if a in rows and b in rows and rows[a] == rows[b]:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {pid: find(pid) for pid in rows}


def _dot_ranks(ids: list[str], weight: Mapping[tuple[str, str], int]) -> dict[str, int] | None:
    """Graphviz's network-simplex rank of each node ``ids`` of the graph with edges
    ``weight`` (each at least one rank long), or None when Graphviz fails."""
    from ..exceptions import LayoutError
    from .genogram_dot import _plain as dot_plain  # the one way into Graphviz (lazy: a cycle)

    name = {g: f"n{k}" for k, g in enumerate(ids)}
    lines = ["digraph r {", f'graph [ranksep="{_SEP}", nodesep="0.02", '
             'mclimit="0", searchsize="1", remincross="false"];',
             'node [shape=point, width="0.02", height="0.02", label=""];']
    lines += [f"{name[g]};" for g in ids]
    lines += [f"{name[a]} -> {name[b]} [weight={w}];" for (a, b), w in weight.items()]
    lines.append("}")
    try:
        text = dot_plain("\n".join(lines))
    except LayoutError:  # pragma: no cover
        return None
    ys: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("node "):
            parts = line.split(" ", 5)
            ys[parts[1]] = float(parts[3])
    if len(ys) != len(ids):
        return None
    top = max(ys.values())
    return {g: round((top - ys[name[g]]) / _SEP) for g in ids}
