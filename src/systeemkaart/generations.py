"""Generation numbers derived from parentage, with partners on one generation.

Used by the genogram layout (one row per generation) and by pattern analyses.
"""

from __future__ import annotations

from collections import defaultdict, deque

from .model import Case

__all__ = ["generations"]


def generations(case: Case) -> dict[str, int]:
    """Map each person to a generation number (0 = oldest drawn generation).

    Children are one generation below their lowest parent; partners share the deeper of
    their two generations, and people linked only by partnership follow their partner.
    Longest-path layering on the parent -> child DAG (one topological order, computed once),
    then relaxation over partnerships until stable: O((people + links) x rounds), rounds
    small in practice (bounded by people).
    """
    ids = [p.id for p in case.people]
    known = set(ids)
    parents: dict[str, set[str]] = defaultdict(set)
    kids: dict[str, set[str]] = defaultdict(set)
    for link in case.children:
        for par in link.parents:
            if par in known and link.child in known and par != link.child:
                parents[link.child].add(par)
                kids[par].add(link.child)
    partners: dict[str, set[str]] = defaultdict(set)
    for ps in case.partnerships:
        a, b = ps.partners
        if a in known and b in known and a != b:
            partners[a].add(b)
            partners[b].add(a)
    order = _topological(ids, parents, kids)
    gen = {pid: 0 for pid in ids}
    for _ in range(len(ids) + 1):
        changed = False
        for pid in order:  # children below parents, in one pass over the parentage DAG
            below = gen[pid] + 1
            for child in kids[pid]:
                if gen[child] < below:
                    gen[child] = below
                    changed = True
        for a in ids:
            for b in partners[a]:
                if gen[a] < gen[b]:
                    gen[a] = gen[b]
                    changed = True
        if not changed:
            break
    if gen:
        low = min(gen.values())
        gen = {k: v - low for k, v in gen.items()}
    return gen


def _topological(ids: list[str], parents: dict[str, set[str]],
                 kids: dict[str, set[str]]) -> list[str]:
    """People with every parent before its children (Kahn's algorithm, file order on ties)."""
    indeg = {pid: len(parents[pid]) for pid in ids}
    queue = deque(pid for pid in ids if indeg[pid] == 0)
    order: list[str] = []
    while queue:
        pid = queue.popleft()
        order.append(pid)
        for child in sorted(kids[pid]):
            indeg[child] -= 1
            if indeg[child] == 0:
                queue.append(child)
    return order
