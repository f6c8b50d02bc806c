"""Generation numbers derived from parentage, with partners on one generation.

Used by the genogram layout (one row per generation) and by pattern analyses.
"""

from __future__ import annotations

from .model import Case

__all__ = ["generations"]


def generations(case: Case) -> dict[str, int]:
    """Map each person to a generation number (0 = oldest drawn generation).

    Children are one generation below their lowest parent; partners share the deeper of
    their two generations, and people linked only by partnership follow their partner.

    This is a longest path in the graph of "parent -> child" (length 1) and "partner <->
    partner" (length 0) links. Real trees can make that graph cyclic: a chain of
    partnerships may link a person to their own line of descent (royal houses, cousin
    marriages over generations), and then no numbering meets every rule. Such people
    (a strongly connected component) share one generation; between components the longest
    path is exact.

    Notes:
        Tarjan's strongly connected components (iterative) and one pass over the components
        in topological order: O(people + links).
    """
    ids = [p.id for p in case.people]
    index = {pid: i for i, pid in enumerate(ids)}
    succ: list[list[tuple[int, int]]] = [[] for _ in ids]
    for link in case.children:
        c = index.get(link.child)
        for par in link.parents:
            p = index.get(par)
            if p is not None and c is not None and p != c:
                succ[p].append((c, 1))
    for ps in case.partnerships:
        a, b = (index.get(x) for x in ps.partners)
        if a is not None and b is not None and a != b:
            succ[a].append((b, 0))
            succ[b].append((a, 0))
    comp, order = _components(succ)
    level = [0] * len(order)
    for members in order:  # components in topological order
        here = level[comp[members[0]]]
        for u in members:
            for v, w in succ[u]:
                cv = comp[v]
                if cv != comp[u] and level[cv] < here + w:
                    level[cv] = here + w
    return {pid: level[comp[i]] for i, pid in enumerate(ids)}


def _components(succ: list[list[tuple[int, int]]]) -> tuple[list[int], list[list[int]]]:
    """Strongly connected components: each node's component, and the components' members
    in topological order (every link goes from an earlier or the same component).

    Tarjan's algorithm without recursion, so a long line of descent cannot overflow the
    stack; it finds components in reverse topological order.
    """
    n = len(succ)
    low = [0] * n
    num = [-1] * n
    comp = [-1] * n
    stack: list[int] = []
    on_stack = [False] * n
    found: list[list[int]] = []
    counter = 0
    for root in range(n):
        if num[root] >= 0:
            continue
        work = [(root, 0)]
        num[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            u, i = work[-1]
            if i < len(succ[u]):
                work[-1] = (u, i + 1)
                v = succ[u][i][0]
                if num[v] < 0:
                    num[v] = low[v] = counter
                    counter += 1
                    stack.append(v)
                    on_stack[v] = True
                    work.append((v, 0))
                elif on_stack[v] and num[v] < low[u]:
                    low[u] = num[v]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[u] < low[parent]:
                    low[parent] = low[u]
            if low[u] == num[u]:
                members: list[int] = []
                while True:
                    v = stack.pop()
                    on_stack[v] = False
                    comp[v] = len(found)
                    members.append(v)
                    if v == u:
                        break
                found.append(members)
    found.reverse()
    k = len(found)
    comp = [k - 1 - c for c in comp]
    return comp, found
