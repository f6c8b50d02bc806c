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
    Where partners come from families recorded over different numbers of generations, the
    shallower family is then drawn down towards its children (see :func:`_pull_down`), so
    that fewer child lines skip rows.

    This is a longest path in the graph of "parent -> child" (length 1) and "partner <->
    partner" (length 0) links. Real trees can make that graph cyclic: a chain of
    partnerships may link a person to their own line of descent (royal houses, cousin
    marriages over generations), and then no numbering meets every rule. Such people
    (a strongly connected component) share one generation; between components the longest
    path is exact.

    Notes:
        Tarjan's strongly connected components (iterative), one pass over the components
        in topological order and one back: O(people + links).
    """
    ids = [p.id for p in case.people]
    index = {pid: i for i, pid in enumerate(ids)}
    get = index.get
    succ: list[list[tuple[int, int]]] = [[] for _ in ids]
    for link in case.children:
        c = get(link.child)
        if c is None:
            continue
        for par in link.parents:
            p = get(par)
            if p is not None and p != c:
                succ[p].append((c, 1))
    for ps in case.partnerships:
        x, y = ps.partners
        a, b = get(x), get(y)
        if a is not None and b is not None and a != b:
            succ[a].append((b, 0))
            succ[b].append((a, 0))
    comp, order = _components(succ)
    level = [0] * len(order)
    for here_comp, members in enumerate(order):  # components in topological order
        here = level[here_comp]
        for u in members:
            for v, w in succ[u]:
                cv = comp[v]
                if cv != here_comp and level[cv] < here + w:
                    level[cv] = here + w
    _pull_down(case, index, succ, comp, order, level)
    return {pid: level[c] for pid, c in zip(ids, comp, strict=True)}


def _pull_down(case: Case, index: dict[str, int], succ: list[list[tuple[int, int]]],
               comp: list[int], order: list[list[int]], level: list[int]) -> None:
    """Move components down towards their children where that shortens child lines.

    The longest path from above puts everyone as high as the rules allow: a family that
    married in (a spouse's parents and grandparents, recorded over fewer generations than
    the spouse's partner's family) then stands rows above the spouse, and its child line
    skips those rows. Graphviz ranks by minimising the total length of all edges; this is
    a cheap step towards that: bottom-up (components in reverse topological order, so
    every child's row is final), a component whose child links all skip rows moves down
    to just above its highest child when it has at least as many child links going down as
    coming in from its own parents. Its parents may then follow in turn, so a married-in
    ancestry comes down as a whole, while a line with children elsewhere keeps its row.
    A component moves only when every child line below it skips rows: where nothing skips,
    the rows are the longest path's.
    """
    k = len(order)
    ins = [0] * k  # child links into the component (from parents outside it)
    outs = [0] * k  # child links out of it (to children outside it)
    for link in case.children:
        c = index.get(link.child)
        if c is None:
            continue
        here = comp[c]
        above = {comp[p] for p in map(index.get, link.parents) if p is not None}
        above.discard(here)
        if above:
            ins[here] += 1
        for pc in above:
            outs[pc] += 1
    for ci in range(k - 1, -1, -1):
        if outs[ci] == 0 or outs[ci] < ins[ci]:
            continue
        low = min((level[comp[v]] - w for u in order[ci] for v, w in succ[u]
                   if comp[v] != ci), default=level[ci])
        if low > level[ci]:
            level[ci] = low


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
        work = [(root, iter(succ[root]))]
        num[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            u, links = work[-1]
            for v, _ in links:  # resumes where it left off when work comes back to u
                if num[v] < 0:
                    num[v] = low[v] = counter
                    counter += 1
                    stack.append(v)
                    on_stack[v] = True
                    work.append((v, iter(succ[v])))
                    break
                if on_stack[v] and num[v] < low[u]:
                    low[u] = num[v]
            else:
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
